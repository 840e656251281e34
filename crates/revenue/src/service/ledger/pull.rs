//! Pulling: payments recorded in the ledger against invoices Atrium pushed come
//! back as Atrium payments, each linked to its ledger id in the same transaction,
//! so a second pull of the same payment records nothing.

use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Currency, Money, OrganizationId, Scoped};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::LedgerService;
use crate::entity::{invoice, ledger_link as link};
use crate::ledger::{RecordKind, RemotePayment};
use crate::service::payments::{NewPayment, insert_payment};

/// The `request_id` of links made by a pull (nothing was ever sent for them).
pub(super) const PULLED: &str = "pulled";

/// What pulling one ledger payment did.
pub(super) enum Pulled {
    Recorded,
    /// Already linked, or not against an invoice Atrium pushed.
    Skipped,
}

impl LedgerService {
    async fn remote_link(
        &self,
        org: OrganizationId,
        kind: RecordKind,
        remote: &str,
    ) -> Result<Option<link::Model>, AppError> {
        Ok(link::Entity::scoped(org)
            .filter(link::Column::LocalType.eq(kind.as_str()))
            .filter(link::Column::RemoteId.eq(remote))
            .one(&self.db)
            .await?)
    }

    pub(super) async fn pull_one(
        &self,
        org: OrganizationId,
        actor: &str,
        p: &RemotePayment,
    ) -> Result<Pulled, AppError> {
        if self.remote_link(org, RecordKind::Payment, &p.id).await?.is_some() {
            return Ok(Pulled::Skipped);
        }
        let Some(inv_link) = self.remote_link(org, RecordKind::Invoice, &p.invoice).await? else {
            return Ok(Pulled::Skipped);
        };
        let inv = invoice::Entity::find_in(&self.db, org, inv_link.local_id).await?;
        let currency: Currency = inv.currency.parse().map_err(|_| AppError::internal("stored currency"))?;
        let amount = crate::ledger::minor(p.amount, currency.minor_digits());
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let new = NewPayment {
            amount: Money::new(amount, currency),
            received_on: p.date,
            method: Some("ledger".into()),
            reference: Some(format!("ledger payment {}", p.id).chars().take(100).collect()),
        };
        let (row, _) = insert_payment(&txn, org, actor, inv.id, new, now).await?;
        let linked = link::ActiveModel {
            id: Set(Uuid::now_v7()),
            organization_id: Set(org.into_uuid()),
            local_type: Set(RecordKind::Payment.as_str().to_owned()),
            local_id: Set(row.id),
            remote_id: Set(Some(p.id.clone())),
            remote_version: Set(None),
            content_hash: Set(None),
            request_id: Set(PULLED.to_owned()),
            conflict: Set(false),
            last_error: Set(None),
            remote_deleted_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
        };
        link::Entity::insert(linked).exec_without_returning(&txn).await?;
        txn.commit().await?;
        Ok(Pulled::Recorded)
    }
}
