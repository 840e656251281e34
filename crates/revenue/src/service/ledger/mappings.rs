//! The admin's mappings of tax rates and accounts to ledger ids, each checked
//! against the ledger's own list before it is stored.

use atrium_events::revenue::ledger::{LedgerMappingId, LedgerMappingSet};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, Scoped};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder};

use super::LedgerService;
use crate::dto::{MappingIn, MappingOut};
use crate::entity::{ledger_mapping as mapping, tax_rate};
use crate::ledger::{LedgerError, MappingKind, Provider, RemoteOption};

fn mapping_out(row: mapping::Model) -> Result<MappingOut, AppError> {
    Ok(MappingOut {
        id: row.id.into(),
        kind: MappingKind::parse(&row.kind).ok_or_else(|| AppError::internal("stored mapping kind"))?,
        local_key: row.local_key,
        remote_id: row.remote_id,
        remote_name: row.remote_name,
        version: row.version,
        updated_at: row.updated_at,
    })
}

pub(super) fn upstream(e: LedgerError) -> AppError {
    match e {
        LedgerError::AuthFailed(m) => AppError::conflict(format!("the ledger connection needs authorizing again: {m}")),
        LedgerError::RateLimited(s) => AppError::TooManyRequests { retry_after_secs: s },
        other => AppError::UpstreamUnavailable(other.to_string()),
    }
}

impl LedgerService {
    /// The ledger's entries a mapping of `kind` may name.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn ledger_options(&self, ctx: &OrgCtx, kind: MappingKind) -> Result<Vec<RemoteOption>, AppError> {
        let row = self
            .connection_row(ctx.org_id)
            .await?
            .ok_or_else(|| AppError::conflict("connect a ledger first (GET /api/v1/ledger/connect/{provider})"))?;
        let provider = Provider::parse(&row.provider).ok_or_else(|| AppError::internal("stored provider"))?;
        let ledger = self.connector(provider)?;
        let actor = ctx.actor();
        let mut session = self.session(ctx.org_id, &actor, ledger.as_ref(), false).await.map_err(upstream)?;
        match ledger.options(&session, kind).await {
            Err(LedgerError::Unauthorized) => {
                session = self.session(ctx.org_id, &actor, ledger.as_ref(), true).await.map_err(upstream)?;
                ledger.options(&session, kind).await.map_err(upstream)
            }
            other => other.map_err(upstream),
        }
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_mappings(&self, ctx: &OrgCtx) -> Result<Vec<MappingOut>, AppError> {
        let rows = mapping::Entity::scoped(ctx.org_id)
            .order_by_asc(mapping::Column::Kind)
            .order_by_asc(mapping::Column::LocalKey)
            .all(&self.db)
            .await?;
        rows.into_iter().map(mapping_out).collect()
    }

    /// Sets (creates or replaces) one mapping. The local key must be a tax rate of
    /// this organization (`tax_rate`) or `default` (accounts); the remote id must
    /// be in the ledger's list.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn set_mapping(&self, ctx: &OrgCtx, input: MappingIn) -> Result<MappingOut, AppError> {
        let local_key = match input.kind {
            MappingKind::TaxRate => {
                let id = uuid::Uuid::parse_str(&input.local_key)
                    .map_err(|_| AppError::invalid("local_key", "must be the id of a tax rate"))?;
                tax_rate::Entity::scoped(ctx.org_id)
                    .filter(tax_rate::Column::Id.eq(id))
                    .one(&self.db)
                    .await?
                    .ok_or_else(|| AppError::invalid("local_key", "no such tax rate in this organization"))?;
                id.to_string()
            }
            _ if input.local_key == "default" => input.local_key.clone(),
            _ => return Err(AppError::invalid("local_key", "must be `default` for an account")),
        };
        let options = self.ledger_options(ctx, input.kind).await?;
        let Some(found) = options.iter().find(|o| o.id == input.remote_id) else {
            return Err(AppError::invalid(
                "remote_id",
                format!("is not among the ledger's {} entries ({} offered)", input.kind.as_str(), options.len()),
            ));
        };
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let existing = mapping::Entity::scoped(ctx.org_id)
            .filter(mapping::Column::Kind.eq(input.kind.as_str()))
            .filter(mapping::Column::LocalKey.eq(local_key.clone()))
            .one(&txn)
            .await?;
        let row = match existing {
            Some(row) => {
                let id = row.id;
                let mut am = row.into_active_model();
                am.remote_id = Set(found.id.clone());
                am.remote_name = Set(Some(found.name.clone()));
                am.updated_at = Set(now);
                mapping::Entity::update_in(&txn, ctx.org_id, id, am, IfMatch(None)).await?
            }
            None => {
                let am = mapping::ActiveModel {
                    id: Set(LedgerMappingId::new().into_uuid()),
                    organization_id: Set(ctx.org_id.into_uuid()),
                    kind: Set(input.kind.as_str().to_owned()),
                    local_key: Set(local_key.clone()),
                    remote_id: Set(found.id.clone()),
                    remote_name: Set(Some(found.name.clone())),
                    version: Set(1),
                    created_at: Set(now),
                    updated_at: Set(now),
                };
                mapping::Entity::insert(am).exec_with_returning(&txn).await?
            }
        };
        let event = LedgerMappingSet {
            id: row.id.into(),
            kind: row.kind.clone(),
            local_key: row.local_key.clone(),
            remote_id: row.remote_id.clone(),
        };
        atrium_outbox::publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        mapping_out(row)
    }
}
