//! Threads and their messages: lists by engagement, contact or unfiled; filing a
//! thread under an engagement; sharing it with the client; unknown senders.

use std::collections::HashMap;

use atrium_events::comms::{ThreadFiled, ThreadShared, ThreadState, ThreadUnshared};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, Page, PageRequest, Scoped, SortOrder};
use atrium_outbox::publish;
use sea_orm::sea_query::Query;
use sea_orm::{ActiveValue::Set, ColumnTrait, IntoActiveModel, QueryFilter};
use uuid::Uuid;

use super::{CommsService, from_json};
use crate::dto::{
    AddressOut, AttachmentOut, ContactId, FileThreadIn, MessageOut, SkippedPartOut, ThreadFilter, ThreadId, ThreadOut,
    UnknownSenderOut,
};
use crate::entity::{message, thread, thread_contact, unknown_sender};
use crate::error::CommsError;

impl CommsService {
    /// Newest threads first.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_threads(
        &self,
        ctx: &OrgCtx,
        f: &ThreadFilter,
        req: PageRequest,
    ) -> Result<Page<ThreadOut>, AppError> {
        let mut q = thread::Entity::scoped(ctx.org_id);
        if let Some(e) = f.engagement_id {
            if !self.engagements.exists(ctx.org_id, e).await? {
                return Err(AppError::NotFound("engagement"));
            }
            q = q.filter(thread::Column::EngagementId.eq(e.into_uuid()));
        }
        if let Some(c) = f.contact_id {
            let c = self.contacts.contact(ctx.org_id, c).await?.ok_or(CommsError::NoSuchContact)?;
            let of_contact = Query::select()
                .column(thread_contact::Column::ThreadId)
                .from(thread_contact::Entity)
                .and_where(thread_contact::Column::OrganizationId.eq(ctx.org_id.into_uuid()))
                .and_where(thread_contact::Column::ContactId.eq(c.into_uuid()))
                .to_owned();
            q = q.filter(thread::Column::Id.in_subquery(of_contact));
        }
        if f.unfiled == Some(true) {
            q = q.filter(thread::Column::EngagementId.is_null());
        }
        let rows = req.apply(q, thread::Column::Id, SortOrder::Desc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let contacts = self.contacts_of(ctx, page.items.iter().map(|t| t.id).collect()).await?;
        let items = page
            .items
            .into_iter()
            .map(|t| {
                let ids = contacts.get(&t.id).cloned().unwrap_or_default();
                thread_out(t, ids)
            })
            .collect::<Result<_, AppError>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, thread_id = %id))]
    pub async fn get_thread(&self, ctx: &OrgCtx, id: ThreadId) -> Result<ThreadOut, AppError> {
        let row = thread::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let mut contacts = self.contacts_of(ctx, vec![row.id]).await?;
        let ids = contacts.remove(&row.id).unwrap_or_default();
        thread_out(row, ids)
    }

    /// A thread's messages in the order they were imported (oldest first).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, thread_id = %id))]
    pub async fn list_messages(
        &self,
        ctx: &OrgCtx,
        id: ThreadId,
        req: PageRequest,
    ) -> Result<Page<MessageOut>, AppError> {
        let row = thread::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let q = message::Entity::scoped(ctx.org_id).filter(message::Column::ThreadId.eq(row.id));
        let rows = req.apply(q, message::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let states = self.attachment_states(ctx, page.items.iter().map(|m| m.id).collect()).await?;
        let items = page
            .items
            .into_iter()
            .map(|m| {
                let id = m.id;
                let mut out = message_out(m)?;
                super::attachments::with_states(id, &mut out.attachments, &states);
                Ok(out)
            })
            .collect::<Result<_, AppError>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    /// Files the thread under an engagement (or moves it to another one).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, thread_id = %id))]
    pub async fn file_thread(
        &self,
        ctx: &OrgCtx,
        id: ThreadId,
        input: FileThreadIn,
        if_match: IfMatch,
    ) -> Result<ThreadOut, AppError> {
        let current = thread::Entity::find_in(&self.db, ctx.org_id, id).await?;
        if !self.engagements.exists(ctx.org_id, input.engagement_id).await? {
            return Err(CommsError::NoSuchEngagement.into());
        }
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let mut row = current.clone().into_active_model();
        row.engagement_id = Set(Some(input.engagement_id.into_uuid()));
        row.updated_at = Set(now);
        let updated = thread::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await.map_err(|e| match e {
            // The engagement was deleted between the check and the write.
            AppError::Conflict { .. } if if_match.0.is_none() => CommsError::NoSuchEngagement.into(),
            other => other,
        })?;
        let event = ThreadFiled {
            thread: thread_state(&updated)?,
            previous_engagement_id: current.engagement_id.map(Into::into),
        };
        publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        self.get_thread(ctx, id).await
    }

    /// Shares the thread with the client (the portal shows shared threads only), or stops.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, thread_id = %id, shared))]
    pub async fn share_thread(
        &self,
        ctx: &OrgCtx,
        id: ThreadId,
        shared: bool,
        if_match: IfMatch,
    ) -> Result<ThreadOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let current = thread::Entity::find_in(&txn, ctx.org_id, id).await?;
        let now = self.clock.now();
        let mut row = current.into_active_model();
        row.shared_with_client = Set(shared);
        row.updated_at = Set(now);
        let updated = thread::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?;
        let thread = thread_state(&updated)?;
        if shared {
            publish(&txn, ctx, now, &ThreadShared { thread }).await?;
        } else {
            publish(&txn, ctx, now, &ThreadUnshared { thread }).await?;
        }
        txn.commit().await?;
        self.get_thread(ctx, id).await
    }

    /// Senders no contact matched, most recently first seen first. One that CRM has
    /// since created a contact for is left out.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn unknown_senders(&self, ctx: &OrgCtx, req: PageRequest) -> Result<Page<UnknownSenderOut>, AppError> {
        let rows = req
            .apply(unknown_sender::Entity::scoped(ctx.org_id), unknown_sender::Column::Id, SortOrder::Desc)
            .all(&self.db)
            .await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let emails: Vec<String> = page.items.iter().map(|r| r.email_address.clone()).collect();
        let known = self.contacts.by_emails(ctx.org_id, &emails).await?;
        let items = page
            .items
            .into_iter()
            .filter(|r| !known.contains_key(&r.email_address))
            .map(|r| UnknownSenderOut {
                id: r.id,
                email_address: r.email_address,
                name: r.name,
                message_count: r.message_count,
                first_seen_at: r.first_seen_at,
                last_seen_at: r.last_seen_at,
                last_thread_id: r.last_thread_id.map(Into::into),
            })
            .collect();
        Ok(Page { items, next_after: page.next_after })
    }

    async fn contacts_of(&self, ctx: &OrgCtx, threads: Vec<Uuid>) -> Result<HashMap<Uuid, Vec<ContactId>>, AppError> {
        if threads.is_empty() {
            return Ok(HashMap::new());
        }
        let rows = thread_contact::Entity::scoped(ctx.org_id)
            .filter(thread_contact::Column::ThreadId.is_in(threads))
            .all(&self.db)
            .await?;
        let mut out: HashMap<Uuid, Vec<ContactId>> = HashMap::new();
        for r in rows {
            out.entry(r.thread_id).or_default().push(r.contact_id.into());
        }
        Ok(out)
    }
}

pub(crate) fn thread_state(t: &thread::Model) -> Result<ThreadState, AppError> {
    Ok(ThreadState {
        id: t.id.into(),
        engagement_id: t.engagement_id.map(Into::into),
        subject: t.subject.clone(),
        participants: from_json(&t.participants)?,
        shared_with_client: t.shared_with_client,
        last_message_at: t.last_message_at,
        version: t.version,
    })
}

fn thread_out(t: thread::Model, mut contact_ids: Vec<ContactId>) -> Result<ThreadOut, AppError> {
    contact_ids.sort();
    Ok(ThreadOut {
        id: t.id.into(),
        engagement_id: t.engagement_id.map(Into::into),
        participants: from_json(&t.participants)?,
        subject: t.subject,
        contact_ids,
        shared_with_client: t.shared_with_client,
        message_count: t.message_count,
        last_message_at: t.last_message_at,
        version: t.version,
        created_at: t.created_at,
        updated_at: t.updated_at,
    })
}

pub(crate) fn message_out(m: message::Model) -> Result<MessageOut, AppError> {
    Ok(MessageOut {
        id: m.id.into(),
        thread_id: m.thread_id.into(),
        connection_id: m.connection_id.map(Into::into),
        direction: m.direction,
        from: AddressOut { address: m.from_address, name: m.from_name },
        to: from_json(&m.to_addresses)?,
        cc: from_json(&m.cc_addresses)?,
        bcc: from_json(&m.bcc_addresses)?,
        subject: m.subject,
        sent_at: m.sent_at,
        message_id: m.message_id_header,
        in_reply_to: m.in_reply_to,
        references: from_json(&m.references)?,
        body_text: m.body_text,
        body_html: m.body_html,
        attachments: from_json::<Vec<AttachmentOut>>(&m.attachments)?,
        skipped_parts: from_json::<Vec<SkippedPartOut>>(&m.skipped_parts)?,
        size_bytes: m.size_bytes,
        from_contact_id: m.from_contact_id.map(Into::into),
        created_at: m.created_at,
        status: m.status,
        status_reason: m.status_reason,
        send_attempts: m.send_attempts,
        version: m.version,
    })
}
