//! Pushing one record, idempotent by the link table: the link (with a request id
//! of its own) is written before the create is sent, so a crash after the ledger
//! created the record but before Atrium saved its id is retried as the same
//! request (QBO `requestid`) or found again by its reference (Xero). An update
//! first compares the ledger's version with the one last seen: changed on both
//! sides is a conflict, flagged on the link and never overwritten.

use atrium_kernel::{AppError, OrganizationId, Scoped};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::LedgerService;
use crate::entity::{bill_payment, ledger_link as link, payment};
use crate::ledger::{Ledger, LedgerError, Record, RecordKind, Remote, Session};

/// What pushing one record did.
pub(super) enum Pushed {
    Created,
    Updated,
    Unchanged,
    /// Changed on both sides: flagged, left alone.
    Conflict(String),
}

impl LedgerService {
    async fn link_of(&self, org: OrganizationId, kind: RecordKind, id: Uuid) -> Result<Option<link::Model>, AppError> {
        Ok(link::Entity::scoped(org)
            .filter(link::Column::LocalType.eq(kind.as_str()))
            .filter(link::Column::LocalId.eq(id))
            .one(&self.db)
            .await?)
    }

    /// The link of a record about to be created, written (and committed) first.
    async fn open_link(&self, org: OrganizationId, kind: RecordKind, id: Uuid) -> Result<link::Model, AppError> {
        let now = self.clock.now();
        let row = link::ActiveModel {
            id: Set(Uuid::now_v7()),
            organization_id: Set(org.into_uuid()),
            local_type: Set(kind.as_str().to_owned()),
            local_id: Set(id),
            remote_id: Set(None),
            remote_version: Set(None),
            content_hash: Set(None),
            request_id: Set(Uuid::now_v7().to_string()),
            conflict: Set(false),
            last_error: Set(None),
            remote_deleted_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
        };
        Ok(link::Entity::insert(row).exec_with_returning(&self.db).await?)
    }

    pub(super) async fn save_link(
        &self,
        row: link::Model,
        change: impl FnOnce(&mut link::ActiveModel),
    ) -> Result<(), AppError> {
        let mut am = row.into_active_model();
        change(&mut am);
        am.updated_at = Set(self.clock.now());
        link::Entity::update(am).exec(&self.db).await?;
        Ok(())
    }

    /// Pushes `record` (the local record `id`, whose link the run read before, if
    /// any). A record whose body hashes as last pushed costs no query and no call.
    /// Ledger errors come back as such (recorded on the link) for the run to report.
    pub(super) async fn push_one(
        &self,
        org: OrganizationId,
        ledger: &dyn Ledger,
        s: &Session,
        (id, known): (Uuid, Option<&link::Model>),
        record: &Record,
    ) -> Result<Result<Pushed, LedgerError>, AppError> {
        let hash = record.content_hash();
        let row = match known {
            Some(row) => row.clone(),
            // Read again: a first attempt (before a 401) may have opened it already.
            None => match self.link_of(org, record.kind, id).await? {
                Some(row) => row,
                None => self.open_link(org, record.kind, id).await?,
            },
        };
        // Pulled from the ledger: the ledger is where it came from.
        if row.request_id == super::pull::PULLED && row.remote_id.is_some() {
            return Ok(Ok(Pushed::Unchanged));
        }
        if row.conflict {
            return Ok(Ok(Pushed::Conflict(row.last_error.clone().unwrap_or_else(|| "unresolved conflict".into()))));
        }
        let result = match row.remote_id.clone() {
            None => self.create(ledger, s, record, &row).await,
            Some(_) if row.content_hash.as_deref() == Some(hash.as_str()) => return Ok(Ok(Pushed::Unchanged)),
            Some(remote_id) => self.update(ledger, s, record, &row, remote_id).await,
        };
        match result {
            Ok((remote, outcome)) => {
                self.save_link(row, |am| {
                    am.remote_id = Set(Some(remote.id));
                    am.remote_version = Set(Some(remote.version));
                    am.content_hash = Set(Some(hash));
                    am.last_error = Set(None);
                })
                .await?;
                Ok(Ok(outcome))
            }
            Err(LedgerError::Conflict(m)) => {
                self.save_link(row, |am| {
                    am.conflict = Set(true);
                    am.last_error = Set(Some(m.clone()));
                    // While flagged, the hash is the local body that conflicted: keeping
                    // the ledger's version marks exactly that body as not to be pushed.
                    am.content_hash = Set(Some(hash));
                })
                .await?;
                Ok(Ok(Pushed::Conflict(m)))
            }
            Err(e) => {
                let message = e.to_string();
                // A refused create made nothing: the corrected record must go as a new
                // request, since both ledgers answer a repeated request id with the
                // first answer, the refusal included.
                let renew = row.remote_id.is_none() && matches!(e, LedgerError::Validation(_));
                self.save_link(row, |am| {
                    am.last_error = Set(Some(message));
                    if renew {
                        am.request_id = Set(Uuid::now_v7().to_string());
                    }
                })
                .await?;
                Ok(Err(e))
            }
        }
    }

    /// The links of payments of `kind` (`payment` or `bill_payment`) that Atrium
    /// pushed and then reversed, not yet deleted in the ledger.
    pub(super) async fn reversed(&self, org: OrganizationId, kind: RecordKind) -> Result<Vec<link::Model>, AppError> {
        let ids: Vec<Uuid> = match kind {
            RecordKind::Payment => {
                payment::Entity::scoped(org)
                    .filter(payment::Column::ReversedAt.is_not_null())
                    .select_only()
                    .column(payment::Column::Id)
                    .into_tuple()
                    .all(&self.db)
                    .await?
            }
            RecordKind::BillPayment => {
                bill_payment::Entity::scoped(org)
                    .filter(bill_payment::Column::ReversedAt.is_not_null())
                    .select_only()
                    .column(bill_payment::Column::Id)
                    .into_tuple()
                    .all(&self.db)
                    .await?
            }
            _ => return Ok(Vec::new()),
        };
        let mut out = Vec::new();
        for chunk in ids.chunks(500) {
            let rows = link::Entity::scoped(org)
                .filter(link::Column::LocalType.eq(kind.as_str()))
                .filter(link::Column::LocalId.is_in(chunk.iter().copied()))
                .filter(link::Column::RemoteId.is_not_null())
                .filter(link::Column::RemoteDeletedAt.is_null())
                // A payment pulled from the ledger is the ledger's own: reversing it
                // in Atrium does not delete it there.
                .filter(link::Column::RequestId.ne(super::pull::PULLED))
                .all(&self.db)
                .await?;
            out.extend(rows);
        }
        Ok(out)
    }

    /// Deletes the ledger's record of a reversed payment, and marks its link so no
    /// rerun sends the delete again (a delete the ledger already did is done too).
    pub(super) async fn remove_one(
        &self,
        ledger: &dyn Ledger,
        s: &Session,
        row: &link::Model,
    ) -> Result<Result<(), LedgerError>, AppError> {
        let kind = RecordKind::parse(&row.local_type).ok_or_else(|| AppError::internal("stored record type"))?;
        let remote = Remote {
            id: row.remote_id.clone().ok_or_else(|| AppError::internal("a removal without a ledger id"))?,
            version: row.remote_version.clone().unwrap_or_default(),
        };
        match ledger.delete_payment(s, kind, &remote).await {
            Ok(()) => {
                let now = self.clock.now();
                self.save_link(row.clone(), |am| {
                    am.remote_deleted_at = Set(Some(now));
                    am.last_error = Set(None);
                })
                .await?;
                Ok(Ok(()))
            }
            Err(e) => {
                let message = format!("deleting the reversed payment in the ledger: {e}");
                self.save_link(row.clone(), |am| am.last_error = Set(Some(message))).await?;
                Ok(Err(e))
            }
        }
    }

    async fn create(
        &self,
        ledger: &dyn Ledger,
        s: &Session,
        record: &Record,
        row: &link::Model,
    ) -> Result<(Remote, Pushed), LedgerError> {
        if let Some(found) = ledger.find(s, record.kind, &record.reference).await? {
            return Ok((found, Pushed::Created));
        }
        Ok((ledger.create(s, record, &row.request_id).await?, Pushed::Created))
    }

    async fn update(
        &self,
        ledger: &dyn Ledger,
        s: &Session,
        record: &Record,
        row: &link::Model,
        remote_id: String,
    ) -> Result<(Remote, Pushed), LedgerError> {
        let current = ledger.current(s, record.kind, &remote_id).await?;
        if Some(current.version.as_str()) != row.remote_version.as_deref() {
            return Err(LedgerError::Conflict(format!(
                "the ledger's {} {remote_id} changed since the last sync (version {} → {}) and so did Atrium's",
                record.kind.as_str(),
                row.remote_version.as_deref().unwrap_or("?"),
                current.version
            )));
        }
        Ok((ledger.update(s, record, &current).await?, Pushed::Updated))
    }
}
