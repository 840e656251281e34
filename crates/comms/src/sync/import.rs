//! Storing one fetched message: dedupe on the provider id and the `Message-ID`,
//! find or start its thread, link matched contacts, remember an unknown sender,
//! publish `comms.message.received` (and `comms.thread.created`) — all in one
//! transaction that also moves the connection's cursor past the message and
//! renews the lease, so a crash at any point neither loses nor doubles a message.

use atrium_events::comms::{MessageReceived, ThreadCreated};
use atrium_events::crm::ContactId;
use atrium_kernel::db::{WriteTxn, begin_write};
use atrium_kernel::{AppError, OrganizationId, Scoped};
use atrium_outbox::publish_as;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::SyncError;
use super::mime::{ParsedMessage, normalize_subject};
use crate::dto::{MessageId, ThreadId};
use crate::entity::{attachment, connection, message, sync_state, thread, thread_contact, unknown_sender};
use crate::service::threads::thread_state;
use crate::service::{CommsService, SYNC_ACTOR, to_json};

pub(crate) enum Imported {
    New,
    Duplicate,
}

/// Who is running the sync of which connection, under which lease.
pub(crate) struct Lease<'a> {
    pub org: OrganizationId,
    pub connection: &'a connection::Model,
    pub token: Uuid,
}

impl CommsService {
    /// Moves the IMAP cursor to `uid` (when given) and renews the lease, inside
    /// `txn`; fails when another worker took the connection over.
    pub(crate) async fn advance(&self, txn: &WriteTxn, lease: &Lease<'_>, uid: Option<u32>) -> Result<(), SyncError> {
        let until = self.clock.now() + self.cfg.lease;
        let mut q = sync_state::Entity::update_scoped(lease.org);
        if let Some(uid) = uid {
            q = q.col_expr(sync_state::Column::CursorLastUid, Expr::value(i64::from(uid)));
        }
        let done = q
            .col_expr(sync_state::Column::LockedUntil, Expr::value(until))
            .filter(sync_state::Column::Id.eq(lease.connection.id))
            .filter(sync_state::Column::LeaseToken.eq(lease.token))
            .exec(txn)
            .await
            .map_err(AppError::from)?;
        if done.rows_affected == 1 { Ok(()) } else { Err(SyncError::LeaseLost) }
    }

    /// Moves the cursor past a message that is not imported (skipped, or a duplicate).
    pub(crate) async fn pass(&self, lease: &Lease<'_>, uid: Option<u32>) -> Result<(), SyncError> {
        let txn = begin_write(&self.db).await.map_err(AppError::from)?;
        self.advance(&txn, lease, uid).await?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(())
    }

    /// `uid`: the IMAP UID the cursor moves to; `provider_thread`: the
    /// provider's thread id (Gmail `threadId`), which threading follows first.
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn import(
        &self,
        lease: &Lease<'_>,
        provider_id: String,
        provider_thread: Option<String>,
        uid: Option<u32>,
        size: u64,
        received_at: Option<DateTime<Utc>>,
        mut m: ParsedMessage,
    ) -> Result<Imported, SyncError> {
        let org = lease.org;
        let participants = m.participants();
        let contacts = self.contacts.by_emails(org, &participants).await?;
        let txn = begin_write(&self.db).await.map_err(AppError::from)?;
        self.advance(&txn, lease, uid).await?;
        let seen = message::Entity::scoped(org)
            .filter(
                Condition::any().add(message::Column::MessageIdHeader.eq(m.message_id.as_str())).add(
                    Condition::all()
                        .add(message::Column::ConnectionId.eq(lease.connection.id))
                        .add(message::Column::ProviderMessageId.eq(provider_id.as_str())),
                ),
            )
            .select_only()
            .column(message::Column::Id)
            .into_tuple::<Uuid>()
            .one(&txn)
            .await
            .map_err(AppError::from)?;
        if seen.is_some() {
            txn.commit().await.map_err(AppError::from)?;
            return Ok(Imported::Duplicate);
        }
        let now = self.clock.now();
        let sent_at = m.sent_at.or(received_at).unwrap_or(now);
        let own = lease.connection.email_address.as_str();
        let direction = if m.from.address == own { "outbound" } else { "inbound" };
        let (thread_row, created) =
            self.thread_for(&txn, lease, &m, provider_thread.as_deref(), &participants, sent_at).await?;
        let from_contact = contacts.get(&m.from.address).copied();
        let id = MessageId::new();
        let row = message::ActiveModel {
            id: Set(id.into_uuid()),
            organization_id: Set(org.into_uuid()),
            thread_id: Set(thread_row.id),
            connection_id: Set(Some(lease.connection.id)),
            provider_message_id: Set(Some(provider_id)),
            provider_thread_id: Set(provider_thread.clone()),
            message_id_header: Set(m.message_id.clone()),
            in_reply_to: Set(m.in_reply_to.clone()),
            references: Set(to_json(&m.references)?),
            direction: Set(direction.to_owned()),
            from_address: Set(m.from.address.clone()),
            from_name: Set(m.from.name.clone()),
            to_addresses: Set(to_json(&m.to)?),
            cc_addresses: Set(to_json(&m.cc)?),
            bcc_addresses: Set(to_json(&m.bcc)?),
            subject: Set(m.subject.clone()),
            sent_at: Set(sent_at),
            body_text: Set(m.body_text.clone()),
            body_html: Set(m.body_html.clone()),
            attachments: Set(to_json(&m.attachments)?),
            skipped_parts: Set(to_json(&m.skipped)?),
            size_bytes: Set(i64::try_from(size).unwrap_or(i64::MAX)),
            from_contact_id: Set(from_contact.map(ContactId::into_uuid)),
            created_at: Set(now),
            status: Set("received".to_owned()),
            status_reason: Set(None),
            send_attempts: Set(0),
            status_changed_at: Set(None),
            reminder_id: Set(None),
            version: Set(1),
        };
        if let Err(e) = message::Entity::insert(row).exec_without_returning(&txn).await {
            // Another mailbox of the organization imported the same Message-ID meanwhile.
            if atrium_kernel::error::is_unique_violation(&e) {
                txn.rollback().await.map_err(AppError::from)?;
                self.pass(lease, uid).await?;
                return Ok(Imported::Duplicate);
            }
            return Err(AppError::from(e).into());
        }
        self.hold_attachments(
            &txn,
            org,
            id,
            thread_row.id,
            &m.attachments,
            std::mem::take(&mut m.attachment_bytes),
            now,
        )
        .await?;
        let matched: Vec<ContactId> = {
            let mut v: Vec<ContactId> = contacts.values().copied().collect();
            v.sort();
            v.dedup();
            v
        };
        if !matched.is_empty() {
            let links = matched.iter().map(|c| thread_contact::ActiveModel {
                id: Set(Uuid::now_v7()),
                organization_id: Set(org.into_uuid()),
                thread_id: Set(thread_row.id),
                contact_id: Set(c.into_uuid()),
                created_at: Set(now),
            });
            thread_contact::Entity::insert_many(links)
                .on_conflict(
                    OnConflict::columns([thread_contact::Column::ThreadId, thread_contact::Column::ContactId])
                        .do_nothing()
                        .to_owned(),
                )
                .exec_without_returning(&txn)
                .await
                .map_err(AppError::from)?;
        }
        if direction == "inbound" && from_contact.is_none() && !m.from.address.is_empty() {
            self.remember_unknown(&txn, org, &m, thread_row.id, sent_at).await?;
        }
        if created {
            publish_as(&txn, org, SYNC_ACTOR, now, &ThreadCreated { thread: thread_state(&thread_row)? }).await?;
        }
        let event = MessageReceived {
            id,
            thread_id: ThreadId::from(thread_row.id),
            connection_id: Some(lease.connection.id.into()),
            engagement_id: thread_row.engagement_id.map(Into::into),
            direction: direction.to_owned(),
            from: m.from.address.clone(),
            to: m.to.iter().map(|a| a.address.clone()).collect(),
            subject: m.subject.clone(),
            message_id: m.message_id.clone(),
            sent_at,
            contact_ids: matched,
        };
        publish_as(&txn, org, SYNC_ACTOR, now, &event).await?;
        // Counted with the message, not at the end of the run: a run that dies
        // midway has still imported what it committed.
        sync_state::Entity::update_scoped(org)
            .col_expr(sync_state::Column::ImportedTotal, Expr::col(sync_state::Column::ImportedTotal).add(1i64))
            .filter(sync_state::Column::Id.eq(lease.connection.id))
            .exec(&txn)
            .await
            .map_err(AppError::from)?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(Imported::New)
    }

    /// The thread the message belongs to — by the provider's thread id, else by
    /// the messages it refers to, else by subject within shared participants —
    /// updated with it, or a new one.
    async fn thread_for(
        &self,
        txn: &WriteTxn,
        lease: &Lease<'_>,
        m: &ParsedMessage,
        provider_thread: Option<&str>,
        participants: &[String],
        sent_at: DateTime<Utc>,
    ) -> Result<(thread::Model, bool), SyncError> {
        let org = lease.org;
        let now = self.clock.now();
        let mut refs: Vec<String> = m.references.clone();
        refs.extend(m.in_reply_to.clone());
        let mut found: Option<Uuid> = None;
        if let Some(pt) = provider_thread {
            found = message::Entity::scoped(org)
                .filter(message::Column::ConnectionId.eq(lease.connection.id))
                .filter(message::Column::ProviderThreadId.eq(pt))
                .select_only()
                .column(message::Column::ThreadId)
                .into_tuple::<Uuid>()
                .one(txn)
                .await
                .map_err(AppError::from)?;
        }
        if found.is_none() && !refs.is_empty() {
            found = message::Entity::scoped(org)
                .filter(message::Column::MessageIdHeader.is_in(refs))
                .order_by_desc(message::Column::SentAt)
                .select_only()
                .column(message::Column::ThreadId)
                .into_tuple::<Uuid>()
                .one(txn)
                .await
                .map_err(AppError::from)?;
        }
        let subject = normalize_subject(&m.subject);
        if found.is_none() && !subject.is_empty() {
            let own = lease.connection.email_address.as_str();
            let candidates = thread::Entity::scoped(org)
                .filter(thread::Column::SubjectNormalized.eq(subject.as_str()))
                .order_by_desc(thread::Column::LastMessageAt)
                .limit(20)
                .all(txn)
                .await
                .map_err(AppError::from)?;
            found = candidates.into_iter().find_map(|t| {
                let theirs: Vec<String> = serde_json::from_value(t.participants.clone()).unwrap_or_default();
                theirs.iter().any(|p| p != own && participants.contains(p)).then_some(t.id)
            });
        }
        if let Some(id) = found {
            let current = thread::Entity::find_in(txn, org, id).await?;
            let mut all: Vec<String> = serde_json::from_value(current.participants.clone()).unwrap_or_default();
            all.extend(participants.iter().cloned());
            all.sort();
            all.dedup();
            let last = std::cmp::max(current.last_message_at, sent_at);
            let mut provider_threads: Vec<String> =
                serde_json::from_value(current.provider_thread_ids.clone()).unwrap_or_default();
            if let Some(pt) = provider_thread.filter(|pt| !provider_threads.iter().any(|p| p == pt)) {
                provider_threads.push(pt.to_owned());
            }
            thread::Entity::update_scoped(org)
                .col_expr(thread::Column::ProviderThreadIds, Expr::value(to_json(&provider_threads)?))
                .col_expr(thread::Column::Participants, Expr::value(to_json(&all)?))
                .col_expr(thread::Column::ParticipantsKey, Expr::value(all.join(" ")))
                .col_expr(thread::Column::MessageCount, Expr::col(thread::Column::MessageCount).add(1))
                .col_expr(thread::Column::LastMessageAt, Expr::value(last))
                .col_expr(thread::Column::UpdatedAt, Expr::value(now))
                .filter(thread::Column::Id.eq(id))
                .exec(txn)
                .await
                .map_err(AppError::from)?;
            let row = thread::Entity::find_in(txn, org, id).await?;
            return Ok((row, false));
        }
        let row = thread::ActiveModel {
            id: Set(ThreadId::new().into_uuid()),
            organization_id: Set(org.into_uuid()),
            engagement_id: Set(None),
            connection_id: Set(Some(lease.connection.id)),
            subject: Set(m.subject.clone()),
            subject_normalized: Set(subject),
            participants: Set(to_json(&participants)?),
            participants_key: Set(participants.join(" ")),
            provider_thread_ids: Set(to_json(&provider_thread.into_iter().collect::<Vec<_>>())?),
            shared_with_client: Set(false),
            message_count: Set(1),
            last_message_at: Set(sent_at),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let row = thread::Entity::insert(row).exec_with_returning(txn).await.map_err(AppError::from)?;
        Ok((row, true))
    }

    /// One row per attachment, its bytes held until the files domain keeps them
    /// (see [`crate::service::attachments`]).
    #[allow(clippy::too_many_arguments)]
    async fn hold_attachments(
        &self,
        txn: &WriteTxn,
        org: OrganizationId,
        message: MessageId,
        thread: Uuid,
        parts: &[crate::dto::AttachmentOut],
        bytes: Vec<Vec<u8>>,
        now: DateTime<Utc>,
    ) -> Result<(), SyncError> {
        for (i, (a, content)) in parts.iter().zip(bytes).enumerate() {
            let row = attachment::ActiveModel {
                id: Set(Uuid::now_v7()),
                organization_id: Set(org.into_uuid()),
                message_id: Set(message.into_uuid()),
                thread_id: Set(thread),
                part_index: Set(i32::try_from(i).unwrap_or(i32::MAX)),
                filename: Set(a.filename.clone()),
                media_type: Set(a.media_type.chars().take(255).collect()),
                size: Set(i64::try_from(a.size).unwrap_or(i64::MAX)),
                content: Set(Some(content)),
                status: Set("pending".to_owned()),
                file_id: Set(None),
                reason: Set(None),
                created_at: Set(now),
                stored_at: Set(None),
            };
            attachment::Entity::insert(row).exec_without_returning(txn).await.map_err(AppError::from)?;
        }
        Ok(())
    }

    async fn remember_unknown(
        &self,
        txn: &WriteTxn,
        org: OrganizationId,
        m: &ParsedMessage,
        thread: Uuid,
        sent_at: DateTime<Utc>,
    ) -> Result<(), SyncError> {
        let row = unknown_sender::ActiveModel {
            id: Set(Uuid::now_v7()),
            organization_id: Set(org.into_uuid()),
            email_address: Set(m.from.address.clone()),
            name: Set(m.from.name.clone().map(|n| n.chars().take(255).collect())),
            message_count: Set(1),
            first_seen_at: Set(sent_at),
            last_seen_at: Set(sent_at),
            last_thread_id: Set(Some(thread)),
        };
        unknown_sender::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([unknown_sender::Column::OrganizationId, unknown_sender::Column::EmailAddress])
                    .value(
                        unknown_sender::Column::MessageCount,
                        Expr::col((unknown_sender::Entity, unknown_sender::Column::MessageCount)).add(1),
                    )
                    .update_columns([unknown_sender::Column::LastSeenAt, unknown_sender::Column::LastThreadId])
                    .to_owned(),
            )
            .exec_without_returning(txn)
            .await
            .map_err(AppError::from)?;
        Ok(())
    }
}
