//! Notices Atrium itself writes to one contact (a client portal sign-in link): a
//! new thread under the engagement, linked to the contact and never shared with
//! the client, holding one message. It is queued from the organization's oldest
//! active mailbox; with no mailbox yet it waits as a draft with the reason, for
//! `POST /api/v1/messages/{id}/send` once one is connected.

use atrium_events::agreements::EngagementId;
use atrium_events::comms::{MessageDrafted, MessageQueued, ThreadCreated};
use atrium_events::crm::ContactId;
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrgCtx, Scoped};
use atrium_outbox::publish;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::outbound::{Outgoing, outbound_state};
use super::threads::thread_state;
use super::{CommsService, to_json};
use crate::dto::{AddressOut, ThreadId};
use crate::entity::{connection, thread, thread_contact};
use crate::sync::mime::normalize_subject;

/// One message to one contact.
#[derive(Debug, Clone)]
pub struct Notice {
    pub engagement_id: EngagementId,
    pub contact_id: ContactId,
    pub to: AddressOut,
    pub subject: String,
    pub body_text: String,
}

impl CommsService {
    /// Writes the notice's thread and message and queues it (or leaves it a
    /// draft when the organization has no mailbox); answers the message's id.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn notify_contact(&self, ctx: &OrgCtx, n: Notice) -> Result<Uuid, AppError> {
        let conn = connection::Entity::scoped(ctx.org_id)
            .filter(connection::Column::Paused.eq(false))
            .order_by_asc(connection::Column::CreatedAt)
            .one(&self.db)
            .await?;
        let out = Outgoing {
            connection_id: conn.as_ref().map(|c| c.id),
            reminder_id: None,
            from: conn.as_ref().map_or_else(String::new, |c| c.email_address.clone()),
            to: vec![n.to],
            cc: Vec::new(),
            bcc: Vec::new(),
            subject: n.subject,
            body_text: n.body_text,
            body_html: None,
            in_reply_to: None,
            references: Vec::new(),
        };
        let participants: Vec<String> = out.participants().into_iter().filter(|p| !p.is_empty()).collect();
        let now = self.clock.now();
        let txn = begin_write(&self.db).await?;
        let row = thread::ActiveModel {
            id: Set(ThreadId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            engagement_id: Set(Some(n.engagement_id.into_uuid())),
            connection_id: Set(conn.as_ref().map(|c| c.id)),
            subject: Set(out.subject.clone()),
            subject_normalized: Set(normalize_subject(&out.subject)),
            participants: Set(to_json(&participants)?),
            participants_key: Set(participants.join(" ")),
            provider_thread_ids: Set(serde_json::json!([])),
            shared_with_client: Set(false),
            message_count: Set(1),
            last_message_at: Set(now),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let t = thread::Entity::insert(row).exec_with_returning(&txn).await?;
        thread_contact::Entity::insert(thread_contact::ActiveModel {
            id: Set(Uuid::now_v7()),
            organization_id: Set(ctx.org_id.into_uuid()),
            thread_id: Set(t.id),
            contact_id: Set(n.contact_id.into_uuid()),
            created_at: Set(now),
        })
        .exec_without_returning(&txn)
        .await?;
        publish(&txn, ctx, now, &ThreadCreated { thread: thread_state(&t)? }).await?;
        let status = if conn.is_some() { "queued" } else { "draft" };
        let m = self.queue(&txn, ctx.org_id, &t, out, status).await?;
        let state = outbound_state(&txn, &m, &t).await?;
        if conn.is_some() {
            publish(&txn, ctx, now, &MessageQueued { message: state, in_reply_to: None }).await?;
        } else {
            publish(&txn, ctx, now, &MessageDrafted { message: state, reminder_id: None }).await?;
        }
        txn.commit().await?;
        Ok(m.id)
    }
}
