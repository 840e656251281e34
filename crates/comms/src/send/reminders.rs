//! Overdue-invoice reminders: `revenue.reminder.drafted` becomes a draft message
//! to the client company's contacts, in the engagement's thread with them (found,
//! or started), for someone to review and send — or queued at once when
//! `COMMS_AUTO_SEND_REMINDERS` is on. One message per reminder (a unique index on
//! the reminder id), so a redelivery writes nothing more.

use async_trait::async_trait;
use atrium_events::EventPayload;
use atrium_events::comms::{MessageDrafted, MessageQueued, ThreadCreated};
use atrium_events::revenue::ReminderDrafted;
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrganizationId, Scoped};
use atrium_outbox::{DeliveryError, Event, Subscriber, publish_as};
use sea_orm::sea_query::{OnConflict, Query};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::dto::{AddressOut, ThreadId};
use crate::entity::{connection, message, thread, thread_contact};
use crate::service::outbound::{Outgoing, outbound_state};
use crate::service::threads::thread_state;
use crate::service::{CommsService, from_json, to_json};
use crate::sync::mime::normalize_subject;

/// The actor of what the reminder subscriber writes.
pub const REMINDER_ACTOR: &str = "system:comms-reminders";

/// The outbox subscriber that drafts reminder messages.
pub struct ReminderSubscriber(pub CommsService);

#[async_trait]
impl Subscriber for ReminderSubscriber {
    fn name(&self) -> &'static str {
        "comms.reminders"
    }

    fn accepts(&self, event_type: &str) -> bool {
        event_type == ReminderDrafted::TYPE
    }

    async fn deliver(&self, _target: &str, event: &Event) -> Result<(), DeliveryError> {
        let r: ReminderDrafted = event.payload()?;
        self.0.draft_reminder(event.org_id, &r).await.map(|_| ()).map_err(DeliveryError::new)
    }
}

impl CommsService {
    /// Writes the reminder's message (a draft, or queued when reminders are sent
    /// automatically); `None` when it was already written.
    #[tracing::instrument(skip_all, fields(org_id = %org, reminder_id = %r.id))]
    pub async fn draft_reminder(&self, org: OrganizationId, r: &ReminderDrafted) -> Result<Option<Uuid>, AppError> {
        let reminder = r.id.into_uuid();
        let exists = message::Entity::scoped(org)
            .filter(message::Column::ReminderId.eq(reminder))
            .select_only()
            .column(message::Column::Id)
            .into_tuple::<Uuid>()
            .one(&self.db)
            .await?;
        if exists.is_some() {
            return Ok(None);
        }
        let contacts = match r.client_company_id {
            Some(c) => self.contacts.of_company(org, c).await?,
            None => Vec::new(),
        };
        // The organization's oldest mailbox sends it; none yet: chosen when it is sent.
        let conn = connection::Entity::scoped(org)
            .filter(connection::Column::Paused.eq(false))
            .order_by_asc(connection::Column::CreatedAt)
            .one(&self.db)
            .await?;
        let from = conn.as_ref().map_or_else(String::new, |c| c.email_address.clone());
        let to: Vec<AddressOut> = contacts
            .iter()
            .map(|(_, address, name)| AddressOut {
                address: address.clone(),
                name: (!name.is_empty()).then(|| name.clone()),
            })
            .collect();
        let subject = format!("Payment reminder: invoice {} is {} days overdue", r.invoice_number, r.days_overdue);
        let body_text = format!(
            "Hello,\n\nour records show that invoice {} was due on {} and {} remains unpaid ({} days overdue).\n\
             We would be grateful if you could arrange payment, or let us know if it has already been made.\n\n\
             Thank you.\n",
            r.invoice_number, r.due_date, r.balance, r.days_overdue
        );
        let contact_ids: Vec<Uuid> = contacts.iter().map(|(id, _, _)| id.into_uuid()).collect();
        let auto = self.cfg.auto_send_reminders && conn.is_some() && !to.is_empty();
        let now = self.clock.now();
        let txn = begin_write(&self.db).await?;
        let engagement = r.engagement_id.into_uuid();
        // The engagement's thread with these contacts, else any of the engagement's threads.
        let with_contacts = Query::select()
            .column(thread_contact::Column::ThreadId)
            .from(thread_contact::Entity)
            .and_where(thread_contact::Column::OrganizationId.eq(org.into_uuid()))
            .and_where(thread_contact::Column::ContactId.is_in(contact_ids.clone()))
            .to_owned();
        let mut existing = thread::Entity::scoped(org)
            .filter(thread::Column::EngagementId.eq(engagement))
            .filter(thread::Column::Id.in_subquery(with_contacts))
            .order_by_desc(thread::Column::LastMessageAt)
            .one(&txn)
            .await?;
        if existing.is_none() {
            existing = thread::Entity::scoped(org)
                .filter(thread::Column::EngagementId.eq(engagement))
                .order_by_desc(thread::Column::LastMessageAt)
                .one(&txn)
                .await?;
        }
        let mut out = Outgoing {
            connection_id: conn.as_ref().map(|c| c.id),
            reminder_id: Some(reminder),
            from: from.clone(),
            to,
            cc: Vec::new(),
            bcc: Vec::new(),
            subject: subject.clone(),
            body_text,
            body_html: None,
            in_reply_to: None,
            references: Vec::new(),
        };
        let participants = out.participants().into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>();
        let t = match existing {
            Some(t) => {
                let last = message::Entity::scoped(org)
                    .filter(message::Column::ThreadId.eq(t.id))
                    .filter(message::Column::Status.ne("draft"))
                    .order_by_desc(message::Column::SentAt)
                    .one(&txn)
                    .await?;
                if let Some(last) = last {
                    let mut refs: Vec<String> = from_json(&last.references)?;
                    refs.push(last.message_id_header.clone());
                    out.in_reply_to = Some(last.message_id_header);
                    out.references = refs;
                }
                self.touch_thread(&txn, org, t.id, &participants).await?
            }
            None => {
                let row = thread::ActiveModel {
                    id: Set(ThreadId::new().into_uuid()),
                    organization_id: Set(org.into_uuid()),
                    engagement_id: Set(Some(engagement)),
                    connection_id: Set(conn.as_ref().map(|c| c.id)),
                    subject: Set(subject.clone()),
                    subject_normalized: Set(normalize_subject(&subject)),
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
                publish_as(&txn, org, REMINDER_ACTOR, now, &ThreadCreated { thread: thread_state(&t)? }).await?;
                t
            }
        };
        if !contact_ids.is_empty() {
            let links = contact_ids.iter().map(|c| thread_contact::ActiveModel {
                id: Set(Uuid::now_v7()),
                organization_id: Set(org.into_uuid()),
                thread_id: Set(t.id),
                contact_id: Set(*c),
                created_at: Set(now),
            });
            thread_contact::Entity::insert_many(links)
                .on_conflict(
                    OnConflict::columns([thread_contact::Column::ThreadId, thread_contact::Column::ContactId])
                        .do_nothing()
                        .to_owned(),
                )
                .exec_without_returning(&txn)
                .await?;
        }
        let status = if auto { "queued" } else { "draft" };
        // A concurrent delivery of the same reminder fails on the unique index and,
        // retried, finds the message written.
        let m = self.queue(&txn, org, &t, out, status).await?;
        let state = outbound_state(&txn, &m, &t).await?;
        publish_as(
            &txn,
            org,
            REMINDER_ACTOR,
            now,
            &MessageDrafted { message: state.clone(), reminder_id: Some(reminder) },
        )
        .await?;
        if auto {
            publish_as(
                &txn,
                org,
                REMINDER_ACTOR,
                now,
                &MessageQueued { message: state, in_reply_to: m.in_reply_to.clone() },
            )
            .await?;
        }
        txn.commit().await?;
        Ok(Some(m.id))
    }
}
