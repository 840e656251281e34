//! Sending: an outbox subscriber on `comms.message.queued`. The `Message-ID` was
//! fixed when the message was queued, and the row's status is checked before each
//! attempt, so a redelivered event sends nothing once the message is `sent`, and
//! a crash between the server's acceptance and the status write can only resend
//! the same message with the same id. A failure is written on the message
//! (`retrying` with the reason) and the delivery fails, so the dispatcher retries
//! with backoff; a permanent refusal, or too many attempts, ends it `failed`.

mod gmail;
mod graph;
pub mod reminders;
mod smtp;

use async_trait::async_trait;
use atrium_events::EventPayload;
use atrium_events::comms::{MessageQueued, MessageSendFailed, MessageSent};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrganizationId, Scoped};
use atrium_outbox::{DeliveryError, Event, Subscriber, publish_as};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter};
use uuid::Uuid;

use crate::entity::{connection, message, thread};
use crate::service::outbound::outbound_state;
use crate::service::{CommsService, SEND_ACTOR};

/// What an attempt came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendOutcome {
    Sent,
    /// Already sent, given up, a draft, or gone: nothing done.
    NothingToDo,
    /// Failed; retried with backoff.
    Retrying(String),
    /// Given up.
    Failed(String),
}

/// The outbox subscriber that sends queued messages.
pub struct SendSubscriber(pub CommsService);

#[async_trait]
impl Subscriber for SendSubscriber {
    fn name(&self) -> &'static str {
        "comms.sender"
    }

    fn accepts(&self, event_type: &str) -> bool {
        event_type == MessageQueued::TYPE
    }

    async fn deliver(&self, _target: &str, event: &Event) -> Result<(), DeliveryError> {
        let queued: MessageQueued = event.payload()?;
        match self.0.send_message(event.org_id, queued.message.id.into_uuid()).await.map_err(DeliveryError::new)? {
            SendOutcome::Retrying(reason) => Err(DeliveryError(reason)),
            _ => Ok(()),
        }
    }
}

impl CommsService {
    /// One attempt to send a queued (or retrying) message.
    #[tracing::instrument(skip_all, fields(org_id = %org, message_id = %id))]
    pub async fn send_message(&self, org: OrganizationId, id: Uuid) -> Result<SendOutcome, AppError> {
        let Some(m) = message::Entity::scoped(org).filter(message::Column::Id.eq(id)).one(&self.db).await? else {
            return Ok(SendOutcome::NothingToDo);
        };
        if m.status != "queued" && m.status != "retrying" {
            return Ok(SendOutcome::NothingToDo);
        }
        let conn = match m.connection_id {
            Some(c) => connection::Entity::scoped(org).filter(connection::Column::Id.eq(c)).one(&self.db).await?,
            None => None,
        };
        // Over the provider's API for an OAuth mailbox, else over SMTP.
        let mut provider_ids = None;
        let result = match conn.as_ref().map(|c| (c, c.provider.as_str())) {
            Some((c, "gmail")) => match smtp::build(&m, true) {
                Ok(email) => self.send_gmail(org, c, &m, &email.formatted()).await.map(|ids| provider_ids = Some(ids)),
                Err(e) => Err(e),
            },
            Some((c, "microsoft")) => match smtp::build(&m, true) {
                Ok(email) => self.send_graph(org, c, &email.formatted()).await,
                Err(e) => Err(e),
            },
            _ => match smtp::build(&m, false) {
                Ok(email) => smtp::send(&self.cfg, email).await,
                Err(e) => Err(e),
            },
        };
        let now = self.clock.now();
        let attempts = m.send_attempts.saturating_add(1);
        let txn = begin_write(&self.db).await?;
        let (status, reason, outcome) = match result {
            Ok(()) => ("sent", None, SendOutcome::Sent),
            Err(f) if f.permanent || attempts >= self.cfg.max_send_attempts => {
                ("failed", Some(f.reason.clone()), SendOutcome::Failed(f.reason))
            }
            Err(f) => ("retrying", Some(f.reason.clone()), SendOutcome::Retrying(f.reason)),
        };
        let mut q = message::Entity::update_scoped(org)
            .col_expr(message::Column::Status, Expr::value(status))
            .col_expr(message::Column::StatusReason, Expr::value(reason.clone()))
            .col_expr(message::Column::SendAttempts, Expr::value(attempts))
            .col_expr(message::Column::StatusChangedAt, Expr::value(now));
        if status == "sent" {
            q = q.col_expr(message::Column::SentAt, Expr::value(now));
        }
        if let Some((id, thread)) = provider_ids {
            q = q
                .col_expr(message::Column::ProviderMessageId, Expr::value(id))
                .col_expr(message::Column::ProviderThreadId, Expr::value(thread));
        }
        let done = q
            .filter(message::Column::Id.eq(id))
            .filter(message::Column::Status.eq(m.status.as_str()))
            .filter(message::Column::SendAttempts.eq(m.send_attempts))
            .exec(&txn)
            .await?;
        if done.rows_affected != 1 {
            // Another attempt wrote its outcome first.
            txn.rollback().await?;
            return Ok(SendOutcome::NothingToDo);
        }
        let t = thread::Entity::find_in(&txn, org, m.thread_id).await?;
        let updated = message::Entity::scoped(org).filter(message::Column::Id.eq(id)).one(&txn).await?;
        let updated = updated.ok_or(AppError::NotFound("message"))?;
        let state = outbound_state(&txn, &updated, &t).await?;
        match &reason {
            None => {
                publish_as(&txn, org, SEND_ACTOR, now, &MessageSent { message: state, sent_at: now, attempts }).await?;
            }
            Some(error) => {
                let event = MessageSendFailed { message: state, error: error.clone(), attempts, failed_at: now };
                publish_as(&txn, org, SEND_ACTOR, now, &event).await?;
            }
        }
        txn.commit().await?;
        tracing::info!(status, attempts, "outbound message attempt");
        Ok(outcome)
    }
}
