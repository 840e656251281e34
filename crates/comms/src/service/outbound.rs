//! Mail written in Atrium: a new message (in a new thread) or a reply. The row is
//! written `queued` with its RFC 5322 `Message-ID` fixed, and `comms.message.queued`
//! is published in the same transaction; the sending subscriber sends it.

use atrium_events::comms::{MessageDrafted, MessageQueued, OutboundState, ThreadCreated};
use atrium_kernel::db::{WriteTxn, begin_write};
use atrium_kernel::{AppError, OrgCtx, OrganizationId, Scoped};
use atrium_outbox::publish;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::threads::{message_out, thread_state};
use super::{CommsService, from_json, to_json};
use crate::dto::{AddressOut, ComposeIn, MailboxConnectionId, MessageId, MessageOut, ReplyIn, SendDraftIn, ThreadId};
use crate::entity::{connection, message, thread};
use crate::error::CommsError;
use crate::sync::mime::normalize_subject;

/// What a queued message is made of.
pub(crate) struct Outgoing {
    /// The mailbox it goes out from (a reminder draft may have none yet).
    pub connection_id: Option<Uuid>,
    /// The revenue reminder a draft is written for.
    pub reminder_id: Option<Uuid>,
    pub from: String,
    pub to: Vec<AddressOut>,
    pub cc: Vec<AddressOut>,
    pub bcc: Vec<AddressOut>,
    pub subject: String,
    pub body_text: String,
    pub body_html: Option<String>,
    pub in_reply_to: Option<String>,
    pub references: Vec<String>,
}

fn addresses(list: Vec<atrium_kernel::Email>) -> Vec<AddressOut> {
    list.into_iter().map(|e| AddressOut { address: e.normalized(), name: None }).collect()
}

/// A fresh `Message-ID` (without angle brackets) in the sender's domain.
pub(crate) fn new_message_id(from: &str) -> String {
    let domain = from.rsplit_once('@').map_or("atrium.invalid", |(_, d)| d);
    format!("{}@{domain}", Uuid::now_v7().simple())
}

impl Outgoing {
    pub(crate) fn participants(&self) -> Vec<String> {
        let mut all: Vec<String> = std::iter::once(self.from.clone())
            .chain(self.to.iter().chain(&self.cc).chain(&self.bcc).map(|a| a.address.clone()))
            .collect();
        all.sort();
        all.dedup();
        all
    }
}

impl CommsService {
    /// A new message in a new thread, queued to be sent.
    pub async fn compose(&self, ctx: &OrgCtx, input: ComposeIn) -> Result<MessageOut, AppError> {
        self.compose_as(ctx, input, false).await
    }

    /// A new message in a new thread: queued to be sent, or with `draft` left a
    /// draft (`comms.message.drafted`) for `POST /messages/{id}/send` after review.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn compose_as(&self, ctx: &OrgCtx, input: ComposeIn, draft: bool) -> Result<MessageOut, AppError> {
        let conn = self.sending_connection(ctx, input.connection_id).await?;
        if let Some(e) = input.engagement_id
            && !self.engagements.exists(ctx.org_id, e).await?
        {
            return Err(CommsError::NoSuchEngagement.into());
        }
        let out = Outgoing {
            connection_id: Some(conn.id),
            reminder_id: None,
            from: conn.email_address.clone(),
            to: addresses(input.to),
            cc: addresses(input.cc),
            bcc: addresses(input.bcc),
            subject: input.subject.into_inner(),
            body_text: input.body_text.into_inner(),
            body_html: input.body_html.map(|h| ammonia::clean(&h)),
            in_reply_to: None,
            references: Vec::new(),
        };
        let now = self.clock.now();
        let participants = out.participants();
        let txn = begin_write(&self.db).await?;
        let row = thread::ActiveModel {
            id: Set(ThreadId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            engagement_id: Set(input.engagement_id.map(|e| e.into_uuid())),
            connection_id: Set(Some(conn.id)),
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
        publish(&txn, ctx, now, &ThreadCreated { thread: thread_state(&t)? }).await?;
        let m = self.queue(&txn, ctx.org_id, &t, out, if draft { "draft" } else { "queued" }).await?;
        publish_outbound(&txn, ctx, now, &m, &t).await?;
        txn.commit().await?;
        message_out(m)
    }

    /// A reply in the thread, queued to be sent. It refers to the thread's newest
    /// message (`In-Reply-To`, `References`).
    pub async fn reply(&self, ctx: &OrgCtx, id: ThreadId, input: ReplyIn) -> Result<MessageOut, AppError> {
        self.reply_as(ctx, id, input, false).await
    }

    /// [`Self::reply`], left a draft when `draft`.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, thread_id = %id))]
    pub async fn reply_as(
        &self,
        ctx: &OrgCtx,
        id: ThreadId,
        input: ReplyIn,
        draft: bool,
    ) -> Result<MessageOut, AppError> {
        let t = thread::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let conn_id = input.connection_id.map(|c| c.into_uuid()).or(t.connection_id).ok_or(CommsError::Invalid {
            field: "connection_id",
            message: "is required: the thread was not started by a mailbox connection".into(),
        })?;
        let conn = self.sending_connection(ctx, MailboxConnectionId::from(conn_id)).await?;
        let newest = message::Entity::scoped(ctx.org_id)
            .filter(message::Column::ThreadId.eq(t.id))
            .filter(message::Column::Status.is_in(["received", "sent", "queued", "retrying"]))
            .order_by_desc(message::Column::SentAt)
            .order_by_desc(message::Column::Id)
            .limit(50)
            .all(&self.db)
            .await?;
        let last = newest.first().ok_or(AppError::conflict("the thread has no message to reply to"))?;
        let to = match input.to {
            Some(to) => addresses(to),
            None => match newest.iter().find(|m| m.from_address != conn.email_address) {
                Some(m) => vec![AddressOut { address: m.from_address.clone(), name: m.from_name.clone() }],
                None => from_json(&last.to_addresses)?,
            },
        };
        if to.is_empty() {
            return Err(CommsError::Invalid { field: "to", message: "is required: nobody to reply to".into() }.into());
        }
        let mut references: Vec<String> = from_json(&last.references)?;
        references.push(last.message_id_header.clone());
        let subject =
            if t.subject.to_lowercase().starts_with("re:") { t.subject.clone() } else { format!("Re: {}", t.subject) };
        let out = Outgoing {
            connection_id: Some(conn.id),
            reminder_id: None,
            from: conn.email_address.clone(),
            to,
            cc: addresses(input.cc),
            bcc: Vec::new(),
            subject,
            body_text: input.body_text.into_inner(),
            body_html: input.body_html.map(|h| ammonia::clean(&h)),
            in_reply_to: Some(last.message_id_header.clone()),
            references,
        };
        let txn = begin_write(&self.db).await?;
        let t = self.touch_thread(&txn, ctx.org_id, t.id, &out.participants()).await?;
        let m = self.queue(&txn, ctx.org_id, &t, out, if draft { "draft" } else { "queued" }).await?;
        publish_outbound(&txn, ctx, self.clock.now(), &m, &t).await?;
        txn.commit().await?;
        message_out(m)
    }

    /// Queues a reviewed draft: `comms.message.queued`, then the sender sends it.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, message_id = %id))]
    pub async fn send_draft(&self, ctx: &OrgCtx, id: MessageId, input: SendDraftIn) -> Result<MessageOut, AppError> {
        let m = message::Entity::find_in(&self.db, ctx.org_id, id).await?;
        if m.status != "draft" {
            return Err(CommsError::MessageState(format!("message is {}, not a draft", m.status)).into());
        }
        let conn_id = input.connection_id.map(|c| c.into_uuid()).or(m.connection_id).ok_or(CommsError::Invalid {
            field: "connection_id",
            message: "is required: the draft has no mailbox to send from".into(),
        })?;
        let conn = self.sending_connection(ctx, MailboxConnectionId::from(conn_id)).await?;
        let to = match input.to {
            Some(to) => addresses(to),
            None => from_json(&m.to_addresses)?,
        };
        if to.is_empty() {
            return Err(CommsError::Invalid {
                field: "to",
                message: "is required: the draft has no recipients".into(),
            }
            .into());
        }
        let message_id = if m.from_address == conn.email_address {
            m.message_id_header.clone()
        } else {
            new_message_id(&conn.email_address)
        };
        let now = self.clock.now();
        let txn = begin_write(&self.db).await?;
        let done = message::Entity::update_scoped(ctx.org_id)
            .col_expr(message::Column::Status, Expr::value("queued"))
            .col_expr(message::Column::ConnectionId, Expr::value(conn.id))
            .col_expr(message::Column::FromAddress, Expr::value(conn.email_address.clone()))
            .col_expr(message::Column::MessageIdHeader, Expr::value(message_id))
            .col_expr(message::Column::ToAddresses, Expr::value(to_json(&to)?))
            .col_expr(message::Column::SentAt, Expr::value(now))
            .col_expr(message::Column::StatusChangedAt, Expr::value(now))
            .filter(message::Column::Id.eq(m.id))
            .filter(message::Column::Status.eq("draft"))
            .exec(&txn)
            .await?;
        if done.rows_affected != 1 {
            return Err(CommsError::MessageState("message was sent meanwhile".into()).into());
        }
        let m = message::Entity::find_in(&txn, ctx.org_id, id).await?;
        let t = thread::Entity::find_in(&txn, ctx.org_id, m.thread_id).await?;
        let event = MessageQueued { message: outbound_state(&txn, &m, &t).await?, in_reply_to: m.in_reply_to.clone() };
        publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        message_out(m)
    }

    /// The connection mail is sent from (another organization's is 404).
    pub(crate) async fn sending_connection(
        &self,
        ctx: &OrgCtx,
        id: MailboxConnectionId,
    ) -> Result<connection::Model, AppError> {
        connection::Entity::find_in(&self.db, ctx.org_id, id).await.map_err(|e| match e {
            AppError::NotFound(_) => {
                CommsError::Invalid { field: "connection_id", message: "no such mailbox connection".into() }.into()
            }
            other => other,
        })
    }

    /// One more message in the thread: count, participants, last message time.
    pub(crate) async fn touch_thread(
        &self,
        txn: &WriteTxn,
        org: OrganizationId,
        id: Uuid,
        participants: &[String],
    ) -> Result<thread::Model, AppError> {
        let current = thread::Entity::find_in(txn, org, id).await?;
        let mut all: Vec<String> = from_json(&current.participants)?;
        all.extend(participants.iter().cloned());
        all.sort();
        all.dedup();
        let now = self.clock.now();
        thread::Entity::update_scoped(org)
            .col_expr(thread::Column::Participants, Expr::value(to_json(&all)?))
            .col_expr(thread::Column::ParticipantsKey, Expr::value(all.join(" ")))
            .col_expr(thread::Column::MessageCount, Expr::col(thread::Column::MessageCount).add(1))
            .col_expr(thread::Column::LastMessageAt, Expr::value(now))
            .col_expr(thread::Column::UpdatedAt, Expr::value(now))
            .filter(thread::Column::Id.eq(id))
            .exec(txn)
            .await?;
        thread::Entity::find_in(txn, org, id).await
    }

    /// Writes the outbound row (`queued` or `draft`) with its `Message-ID` fixed.
    pub(crate) async fn queue(
        &self,
        txn: &WriteTxn,
        org: OrganizationId,
        t: &thread::Model,
        out: Outgoing,
        status: &str,
    ) -> Result<message::Model, AppError> {
        let now = self.clock.now();
        let size = out.body_text.len() + out.body_html.as_ref().map_or(0, String::len);
        let row = message::ActiveModel {
            id: Set(MessageId::new().into_uuid()),
            organization_id: Set(org.into_uuid()),
            thread_id: Set(t.id),
            connection_id: Set(out.connection_id),
            provider_message_id: Set(None),
            provider_thread_id: Set(None),
            message_id_header: Set(new_message_id(&out.from)),
            in_reply_to: Set(out.in_reply_to),
            references: Set(to_json(&out.references)?),
            direction: Set("outbound".to_owned()),
            from_address: Set(out.from),
            from_name: Set(None),
            to_addresses: Set(to_json(&out.to)?),
            cc_addresses: Set(to_json(&out.cc)?),
            bcc_addresses: Set(to_json(&out.bcc)?),
            subject: Set(out.subject),
            sent_at: Set(now),
            body_text: Set(out.body_text),
            body_html: Set(out.body_html),
            attachments: Set(serde_json::json!([])),
            skipped_parts: Set(serde_json::json!([])),
            size_bytes: Set(i64::try_from(size).unwrap_or(i64::MAX)),
            from_contact_id: Set(None),
            created_at: Set(now),
            status: Set(status.to_owned()),
            status_reason: Set(None),
            send_attempts: Set(0),
            status_changed_at: Set(Some(now)),
            reminder_id: Set(out.reminder_id),
            version: Set(1),
        };
        Ok(message::Entity::insert(row).exec_with_returning(txn).await?)
    }
}

/// `comms.message.queued` for a queued message, `comms.message.drafted` for a draft.
async fn publish_outbound(
    txn: &WriteTxn,
    ctx: &OrgCtx,
    now: chrono::DateTime<chrono::Utc>,
    m: &message::Model,
    t: &thread::Model,
) -> Result<(), AppError> {
    let message = outbound_state(txn, m, t).await?;
    if m.status == "draft" {
        publish(txn, ctx, now, &MessageDrafted { message, reminder_id: None }).await?;
    } else {
        publish(txn, ctx, now, &MessageQueued { message, in_reply_to: m.in_reply_to.clone() }).await?;
    }
    Ok(())
}

/// The message as its events carry it, with the CRM contacts of its thread.
pub(crate) async fn outbound_state<C: sea_orm::ConnectionTrait>(
    conn: &C,
    m: &message::Model,
    t: &thread::Model,
) -> Result<OutboundState, AppError> {
    let to: Vec<AddressOut> = from_json(&m.to_addresses)?;
    let org = atrium_kernel::OrganizationId::from(t.organization_id);
    let mut contact_ids: Vec<uuid::Uuid> = crate::entity::thread_contact::Entity::scoped(org)
        .filter(crate::entity::thread_contact::Column::ThreadId.eq(t.id))
        .select_only()
        .column(crate::entity::thread_contact::Column::ContactId)
        .into_tuple()
        .all(conn)
        .await?;
    contact_ids.sort_unstable();
    Ok(OutboundState {
        id: m.id.into(),
        thread_id: t.id.into(),
        connection_id: m.connection_id.map(Into::into),
        engagement_id: t.engagement_id.map(Into::into),
        from: m.from_address.clone(),
        to: to.into_iter().map(|a| a.address).collect(),
        subject: m.subject.clone(),
        message_id: m.message_id_header.clone(),
        status: m.status.clone(),
        contact_ids: contact_ids.into_iter().map(Into::into).collect(),
    })
}
