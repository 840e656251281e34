//! The link table over the API: where each record stands with the ledger, and
//! deciding a conflict (a record changed both in Atrium and in the ledger). The
//! decision is taken against the ledger's current version, read when deciding:
//! keeping Atrium's version lets the next sync push it over that version (a newer
//! edit in the ledger is a new conflict); keeping the ledger's copies its edits
//! into Atrium's record (which fields, per kind: see [`super::keep`]) and records
//! the result as pushed at the ledger's version, so only a later change in Atrium
//! is pushed.

use atrium_events::revenue::ledger::{LedgerConflictResolved, LedgerLinkId};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrgCtx, Page, PageRequest, Scoped, SortOrder};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};

use super::LedgerService;
use super::mappings::upstream;
use crate::dto::{ConnectionStatus, Keep, LinkFilter, LinkOut, LinkStatus, ResolveIn};
use crate::entity::ledger_link as link;
use crate::ledger::{LedgerError, Provider, RecordKind};

fn status_of(row: &link::Model) -> LinkStatus {
    if row.conflict {
        LinkStatus::Conflict
    } else if row.last_error.is_some() {
        LinkStatus::Error
    } else if row.remote_id.is_none() {
        LinkStatus::Pending
    } else {
        LinkStatus::Synced
    }
}

fn link_out(row: link::Model) -> Result<LinkOut, AppError> {
    Ok(LinkOut {
        id: row.id.into(),
        record_type: RecordKind::parse(&row.local_type).ok_or_else(|| AppError::internal("stored record type"))?,
        record_id: row.local_id,
        status: status_of(&row),
        remote_id: row.remote_id,
        remote_version: row.remote_version,
        last_error: row.last_error,
        remote_deleted_at: row.remote_deleted_at,
        updated_at: row.updated_at,
    })
}

impl LedgerService {
    /// Links, oldest first; filter by status (`conflict` lists what needs deciding) or record type.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_links(&self, ctx: &OrgCtx, f: &LinkFilter, req: PageRequest) -> Result<Page<LinkOut>, AppError> {
        let mut q = link::Entity::scoped(ctx.org_id);
        if let Some(kind) = f.record_type {
            q = q.filter(link::Column::LocalType.eq(kind.as_str()));
        }
        q = match f.status {
            None => q,
            Some(LinkStatus::Conflict) => q.filter(link::Column::Conflict.eq(true)),
            Some(s) => {
                let q = q.filter(link::Column::Conflict.eq(false));
                match s {
                    LinkStatus::Error => q.filter(link::Column::LastError.is_not_null()),
                    LinkStatus::Pending => {
                        q.filter(link::Column::LastError.is_null()).filter(link::Column::RemoteId.is_null())
                    }
                    _ => q.filter(link::Column::LastError.is_null()).filter(link::Column::RemoteId.is_not_null()),
                }
            }
        };
        let rows = req.apply(q, link::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(link_out).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, link_id = %id))]
    pub async fn get_link(&self, ctx: &OrgCtx, id: LedgerLinkId) -> Result<LinkOut, AppError> {
        link_out(link::Entity::find_in(&self.db, ctx.org_id, id).await?)
    }

    /// Decides a conflict (409 when the record is not in conflict, or no ledger is connected).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, link_id = %id))]
    pub async fn resolve_link(&self, ctx: &OrgCtx, id: LedgerLinkId, input: ResolveIn) -> Result<LinkOut, AppError> {
        let org = ctx.org_id;
        let row = link::Entity::find_in(&self.db, org, id).await?;
        if !row.conflict {
            return Err(AppError::conflict("this record is not in conflict with the ledger"));
        }
        let kind = RecordKind::parse(&row.local_type).ok_or_else(|| AppError::internal("stored record type"))?;
        let remote_id = row.remote_id.clone().ok_or_else(|| AppError::internal("a conflict without a ledger id"))?;
        let c = self
            .connection_row(org)
            .await?
            .filter(|c| c.status == ConnectionStatus::Connected.as_str())
            .ok_or_else(|| AppError::conflict("the ledger is not connected: connect it to read its version"))?;
        let provider = Provider::parse(&c.provider).ok_or_else(|| AppError::internal("stored provider"))?;
        let ledger = self.connector(provider)?;
        let actor = ctx.actor();
        let mut session = self.session(org, &actor, ledger.as_ref(), false).await.map_err(upstream)?;
        let l = ledger.as_ref();
        let rid = remote_id.as_str();
        let (current, fields) = self
            .with_session(org, &actor, l, &mut session, |s| async move { Ok(l.read(&s, kind, rid).await) })
            .await?
            .map_err(|e| match e {
                LedgerError::NotFound => AppError::conflict(format!(
                    "the ledger no longer has its {} {remote_id}; nothing to decide against",
                    kind.as_str()
                )),
                other => upstream(other),
            })?;
        // What the next push would build for the record, brought up to date with
        // what is copied: its hash is what the link then says was pushed.
        let mut record = match input.keep {
            Keep::Remote => self.record_of(ctx, kind, row.local_id).await?,
            Keep::Local => None,
        };

        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        // Read again inside the write: a concurrent decision wins once.
        let row = link::Entity::find_in(&txn, org, id).await?;
        if !row.conflict {
            return Err(AppError::conflict("this record is not in conflict with the ledger"));
        }
        let mut am = row.clone().into_active_model();
        am.conflict = Set(false);
        am.last_error = Set(None);
        am.remote_version = Set(Some(current.version.clone()));
        let copied = match input.keep {
            Keep::Local => {
                am.content_hash = Set(None);
                Vec::new()
            }
            Keep::Remote => {
                let copied = self.copy_remote(&txn, ctx, kind, row.local_id, &fields, record.as_mut(), now).await?;
                // Without a body (a record that cannot be built), the hash stays the
                // conflicting body's: that body is not pushed either.
                if let Some(r) = &record {
                    am.content_hash = Set(Some(r.content_hash()));
                }
                copied
            }
        };
        am.updated_at = Set(now);
        let updated = link::Entity::update(am).exec(&txn).await?;
        let event = LedgerConflictResolved {
            id,
            record_type: kind.as_str().to_owned(),
            record_id: row.local_id.to_string(),
            remote_id: row.remote_id.clone(),
            keep: input.keep.as_str().to_owned(),
            remote_version: current.version,
            copied,
        };
        atrium_outbox::publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        link_out(updated)
    }
}
