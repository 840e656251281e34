//! Bill attachments: files of the files domain (the vendor's invoice, a receipt)
//! on a bill. Revenue keeps which file is on which bill and asks the files domain
//! through [`crate::ports::BillFiles`] whether a file is the caller's, live, and
//! internal. A vendor's bill is never shown to a client, so a `client` file is
//! refused; a bill on an engagement takes files of that engagement only, so its
//! cost documents are filed with it.

use atrium_events::revenue::payables::{BillAttachmentAdded, BillAttachmentRemoved, BillAttachmentState, BillId};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrgCtx, Page, PageRequest, Scoped, SortOrder};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

use super::PayablesService;
use super::bills::locked;
use crate::dto::{AttachedFileOut, BillAttachmentIn, BillAttachmentOut, BillStatus, FileId};
use crate::entity::{bill, bill_attachment};
use crate::ports::AttachableFile;

/// Attachments one bill may carry.
const MAX_BILL_ATTACHMENTS: u64 = 20;

fn attachment_out(row: bill_attachment::Model, file: Option<AttachableFile>) -> BillAttachmentOut {
    BillAttachmentOut {
        bill_id: row.bill_id.into(),
        file_id: row.file_id.into(),
        file: file.map(|f| AttachedFileOut {
            engagement_id: f.engagement_id,
            download_url: format!("/api/v1/files/{}/download", f.id),
            name: f.name,
            size: f.size,
            media_type: f.media_type,
        }),
        attached_by: row.attached_by,
        attached_at: row.created_at,
    }
}

fn state(b: &bill::Model, file: Uuid, name: Option<String>) -> BillAttachmentState {
    BillAttachmentState {
        bill_id: b.id.into(),
        engagement_id: b.engagement_id.map(Into::into),
        file_id: file.into(),
        name,
    }
}

fn not_void(b: &bill::Model) -> Result<(), AppError> {
    if b.status == BillStatus::Void.as_str() {
        return Err(AppError::conflict("bill is void: its attachments no longer change"));
    }
    Ok(())
}

impl PayablesService {
    /// Attaches a file of the caller's organization to a bill (any status but void).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
    pub async fn attach_file(
        &self,
        ctx: &OrgCtx,
        id: BillId,
        input: BillAttachmentIn,
    ) -> Result<BillAttachmentOut, AppError> {
        let org = ctx.org_id;
        let current = bill::Entity::find_in(&self.db, org, id).await?;
        not_void(&current)?;
        // Another organization's file, or a deleted one, is not found: 404 like a missing one.
        let file = self.files.file(ctx, input.file_id).await?.ok_or(AppError::NotFound("file"))?;
        if !file.internal {
            return Err(AppError::invalid(
                "file_id",
                "the file is visible to the client (visibility `client`): a bill's attachments stay internal",
            ));
        }
        if current.engagement_id.is_some_and(|e| e != file.engagement_id.into_uuid()) {
            return Err(AppError::invalid("file_id", "the file belongs to another engagement than the bill's"));
        }
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        // Locked: two attaches of one bill count and insert one after the other.
        let current = locked(&txn, org, id).await?;
        not_void(&current)?;
        let on_bill = bill_attachment::Entity::scoped(org).filter(bill_attachment::Column::BillId.eq(current.id));
        if on_bill.clone().filter(bill_attachment::Column::FileId.eq(file.id.into_uuid())).one(&txn).await?.is_some() {
            return Err(AppError::conflict("the file is already attached to this bill"));
        }
        if on_bill.count(&txn).await? >= MAX_BILL_ATTACHMENTS {
            return Err(AppError::invalid(
                "file_id",
                format!("a bill carries at most {MAX_BILL_ATTACHMENTS} attachments; detach one first"),
            ));
        }
        let row = bill_attachment::ActiveModel {
            id: Set(Uuid::now_v7()),
            organization_id: Set(org.into_uuid()),
            bill_id: Set(current.id),
            file_id: Set(file.id.into_uuid()),
            attached_by: Set(ctx.actor()),
            created_at: Set(now),
        };
        // The file may be purged between the check and the insert: its FK says so.
        let row =
            bill_attachment::Entity::insert(row).exec_with_returning(&txn).await.map_err(|e| match e.sql_err() {
                Some(sea_orm::SqlErr::ForeignKeyConstraintViolation(_)) => AppError::NotFound("file"),
                _ => e.into(),
            })?;
        let event = BillAttachmentAdded { attachment: state(&current, row.file_id, Some(file.name.clone())) };
        atrium_outbox::publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        Ok(attachment_out(row, Some(file)))
    }

    /// Detaches a file from a bill; the file itself stays in the files domain.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
    pub async fn detach_file(&self, ctx: &OrgCtx, id: BillId, file: FileId) -> Result<(), AppError> {
        let org = ctx.org_id;
        let current = bill::Entity::find_in(&self.db, org, id).await?;
        not_void(&current)?;
        let name = self.files.file(ctx, file).await?.map(|f| f.name);
        let txn = begin_write(&self.db).await?;
        let current = locked(&txn, org, id).await?;
        not_void(&current)?;
        let row = bill_attachment::Entity::scoped(org)
            .filter(bill_attachment::Column::BillId.eq(current.id))
            .filter(bill_attachment::Column::FileId.eq(file.into_uuid()))
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound("attachment"))?;
        bill_attachment::Entity::delete_scoped(org).filter(bill_attachment::Column::Id.eq(row.id)).exec(&txn).await?;
        let event = BillAttachmentRemoved { attachment: state(&current, row.file_id, name) };
        atrium_outbox::publish(&txn, ctx, self.clock.now(), &event).await?;
        txn.commit().await?;
        Ok(())
    }

    /// A bill's attachments, oldest first, each with its file as the files domain has it now.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
    pub async fn list_attachments(
        &self,
        ctx: &OrgCtx,
        id: BillId,
        req: PageRequest,
    ) -> Result<Page<BillAttachmentOut>, AppError> {
        let b = bill::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let q = bill_attachment::Entity::scoped(ctx.org_id).filter(bill_attachment::Column::BillId.eq(b.id));
        let rows = req.apply(q, bill_attachment::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        // At most MAX_BILL_ATTACHMENTS per bill: one lookup each.
        let mut items = Vec::with_capacity(page.items.len());
        for row in page.items {
            let file = self.files.file(ctx, row.file_id.into()).await?;
            items.push(attachment_out(row, file));
        }
        Ok(Page { items, next_after: page.next_after })
    }
}
