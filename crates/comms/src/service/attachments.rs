//! Attachments kept through the files domain. Files belong to an engagement, so
//! an attachment is stored once its thread is filed: right after import when the
//! thread is filed already, else when it is filed (`comms.thread.filed`). Until
//! then its bytes wait in its row. The file's id is the attachment's id, so a
//! redelivery after a crash finds the file instead of writing a second one.

use std::collections::HashMap;

use async_trait::async_trait;
use atrium_events::EventPayload;
use atrium_events::comms::{AttachmentSettled, MessageReceived, ThreadFiled};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrgCtx, OrganizationId, Scoped};
use atrium_outbox::{DeliveryError, Event, Subscriber, publish_as};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::CommsService;
use crate::dto::{AttachmentOut, AttachmentStatus, FileId, MessageId, ThreadId};
use crate::entity::{attachment, thread};
use crate::ports::{AttachmentFile, AttachmentStored};

/// What became of one attachment: status, its file, why it was skipped.
type State = (String, Option<Uuid>, Option<String>);
/// Those states by message and position.
pub(crate) type States = HashMap<(Uuid, i32), State>;

/// Who settles attachments (the actor of `comms.message.attachment_settled`).
pub const ATTACHMENTS_ACTOR: &str = "system:comms-attachments";

/// Stores the attachments of filed threads through the files port.
pub struct AttachmentSubscriber(pub CommsService);

#[async_trait]
impl Subscriber for AttachmentSubscriber {
    fn name(&self) -> &'static str {
        "comms.attachments"
    }

    fn accepts(&self, event_type: &str) -> bool {
        event_type == MessageReceived::TYPE || event_type == ThreadFiled::TYPE
    }

    async fn deliver(&self, _target: &str, event: &Event) -> Result<(), DeliveryError> {
        let (thread, message) = if event.event_type == ThreadFiled::TYPE {
            let e: ThreadFiled = event.payload()?;
            (e.thread.id.into_uuid(), None)
        } else {
            let e: MessageReceived = event.payload()?;
            if e.engagement_id.is_none() {
                return Ok(());
            }
            (e.thread_id.into_uuid(), Some(e.id.into_uuid()))
        };
        self.0.store_attachments(event.org_id, thread, message).await.map(|_| ()).map_err(DeliveryError::new)
    }
}

/// A name the files domain takes: no control characters, 1 to 255 characters.
fn file_name(filename: Option<&str>, index: i32) -> String {
    let name: String = filename.unwrap_or_default().chars().filter(|c| !c.is_control()).take(255).collect();
    let name = name.trim();
    if name.is_empty() { format!("attachment-{}", index + 1) } else { name.to_owned() }
}

impl CommsService {
    /// Stores the pending attachments of `thread` (of one `message` of it, when
    /// given) when the thread is filed; answers how many were stored.
    #[tracing::instrument(skip_all, fields(org_id = %org, thread_id = %thread))]
    pub async fn store_attachments(
        &self,
        org: OrganizationId,
        thread: Uuid,
        message: Option<Uuid>,
    ) -> Result<usize, AppError> {
        let Some(t) = thread::Entity::scoped(org).filter(thread::Column::Id.eq(thread)).one(&self.db).await? else {
            return Ok(0);
        };
        let Some(engagement) = t.engagement_id else { return Ok(0) };
        let mut pending = attachment::Entity::scoped(org)
            .filter(attachment::Column::ThreadId.eq(thread))
            .filter(attachment::Column::Status.eq(AttachmentStatus::Pending.as_str()));
        if let Some(m) = message {
            pending = pending.filter(attachment::Column::MessageId.eq(m));
        }
        // Ids first: the bytes are read one attachment at a time.
        let ids: Vec<Uuid> = pending
            .order_by_asc(attachment::Column::Id)
            .select_only()
            .column(attachment::Column::Id)
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut stored = 0;
        for id in ids {
            let Some(row) = attachment::Entity::scoped(org).filter(attachment::Column::Id.eq(id)).one(&self.db).await?
            else {
                continue;
            };
            let name = file_name(row.filename.as_deref(), row.part_index);
            let outcome = match row.content {
                Some(bytes) => {
                    let file = AttachmentFile {
                        id: row.id,
                        engagement: engagement.into(),
                        message: MessageId::from(row.message_id),
                        name: name.clone(),
                        bytes,
                    };
                    self.attachments.store(org, file).await?
                }
                None => AttachmentStored::Refused("its bytes were not kept".into()),
            };
            let (status, file_id, reason) = match outcome {
                AttachmentStored::File(file) => (AttachmentStatus::Stored, Some(file), None),
                AttachmentStored::Refused(reason) => (AttachmentStatus::Skipped, None, Some(reason)),
            };
            let now = self.clock.now();
            let update = attachment::Entity::update_scoped(org)
                .col_expr(attachment::Column::Content, Expr::value(Option::<Vec<u8>>::None))
                .col_expr(attachment::Column::StoredAt, Expr::value(now))
                .col_expr(attachment::Column::Status, Expr::value(status.as_str()))
                .col_expr(attachment::Column::FileId, Expr::value(file_id))
                .col_expr(attachment::Column::Reason, Expr::value(reason.clone()));
            let settled = AttachmentSettled {
                message_id: MessageId::from(row.message_id),
                thread_id: ThreadId::from(row.thread_id),
                part_index: row.part_index,
                filename: name,
                status: status.as_str().to_owned(),
                file_id,
                reason,
            };
            // Only a pending row is settled, so of two deliveries racing for one
            // attachment (its message's and its thread's) one publishes.
            let txn = begin_write(&self.db).await?;
            let done = update
                .filter(attachment::Column::Id.eq(row.id))
                .filter(attachment::Column::Status.eq(AttachmentStatus::Pending.as_str()))
                .exec(&txn)
                .await?;
            if done.rows_affected == 1 {
                // The message's readers (and the query cache) learn of its new state.
                publish_as(&txn, org, ATTACHMENTS_ACTOR, now, &settled).await?;
                stored += usize::from(settled.file_id.is_some());
            }
            txn.commit().await?;
        }
        Ok(stored)
    }

    /// What the files domain made of each attachment of `messages`, by message
    /// and position.
    pub(crate) async fn attachment_states(&self, ctx: &OrgCtx, messages: Vec<Uuid>) -> Result<States, AppError> {
        if messages.is_empty() {
            return Ok(HashMap::new());
        }
        type Row = (Uuid, i32, String, Option<Uuid>, Option<String>);
        let rows: Vec<Row> = attachment::Entity::scoped(ctx.org_id)
            .filter(attachment::Column::MessageId.is_in(messages))
            .select_only()
            .columns([
                attachment::Column::MessageId,
                attachment::Column::PartIndex,
                attachment::Column::Status,
                attachment::Column::FileId,
                attachment::Column::Reason,
            ])
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(|(m, i, s, f, r)| ((m, i), (s, f, r))).collect())
    }
}

/// Overlays what became of each attachment on the message's recorded list.
pub(crate) fn with_states(message: Uuid, list: &mut [AttachmentOut], states: &States) {
    for (i, a) in list.iter_mut().enumerate() {
        let Ok(index) = i32::try_from(i) else { break };
        if let Some((status, file, reason)) = states.get(&(message, index)) {
            a.status = AttachmentStatus::parse(status);
            a.file_id = file.map(FileId::from);
            a.reason.clone_from(reason);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn attachment_names_suit_the_files_domain() {
        assert_eq!(file_name(Some(" brief.pdf "), 0), "brief.pdf");
        assert_eq!(file_name(Some("a\u{0}b\r\n.txt"), 0), "ab.txt");
        assert_eq!(file_name(None, 2), "attachment-3");
        assert_eq!(file_name(Some("x".repeat(300).as_str()), 0).chars().count(), 255);
    }
}
