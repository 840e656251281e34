//! Vendors: deduplicated by normalized name and by email (409 naming the vendor
//! that already has it), with the tax id sealed by the vault.

use atrium_events::revenue::payables::{VendorCreated, VendorDeleted, VendorId, VendorUpdated};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Email, IfMatch, OrgCtx, OrganizationId, Page, PageRequest, Scoped, SortOrder};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    TransactionTrait,
};
use uuid::Uuid;

use super::PayablesService;
use super::view::{vendor_out, vendor_state};
use crate::dto::{VendorFilter, VendorIn, VendorOut, VendorPatch, VendorStatus};
use crate::entity::{approval_rule, vendor};
use crate::error::RevenueError;
use crate::service::changed;

/// Legal-form words that do not tell two vendors apart ("Northwind Ltd" is "Northwind").
const LEGAL_FORMS: &[&str] = &[
    "ab",
    "ag",
    "bv",
    "co",
    "company",
    "corp",
    "corporation",
    "gmbh",
    "inc",
    "incorporated",
    "kg",
    "limited",
    "llc",
    "llp",
    "lp",
    "ltd",
    "nv",
    "oy",
    "plc",
    "pty",
    "sa",
    "sarl",
    "sas",
    "spa",
    "srl",
];

/// What dedup compares: lower case words of letters and digits, without a trailing
/// legal form (`"Northwind Print, Ltd."` → `"northwind print"`).
pub(crate) fn normalize_name(name: &str) -> String {
    let words: Vec<String> =
        name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let mut end = words.len();
    while end > 1 && LEGAL_FORMS.contains(&words[end - 1].as_str()) {
        end -= 1;
    }
    words[..end].join(" ")
}

fn normalized(name: &str) -> Result<String, AppError> {
    let n = normalize_name(name);
    if n.is_empty() {
        return Err(AppError::invalid("name", "must contain a letter or a digit"));
    }
    Ok(n)
}

/// The vendor of `org` (other than `except`) that already has this name or email.
pub(crate) async fn holder<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    name: &str,
    email: Option<&str>,
    except: Option<Uuid>,
) -> Result<Option<RevenueError>, AppError> {
    let mut by_name = vendor::Entity::scoped(org).filter(vendor::Column::NameNormalized.eq(name));
    if let Some(id) = except {
        by_name = by_name.filter(vendor::Column::Id.ne(id));
    }
    if let Some(v) = by_name.one(conn).await? {
        return Ok(Some(RevenueError::VendorTaken { field: "name", existing_id: v.id }));
    }
    let Some(email) = email else { return Ok(None) };
    let mut by_email = vendor::Entity::scoped(org).filter(vendor::Column::EmailNormalized.eq(email));
    if let Some(id) = except {
        by_email = by_email.filter(vendor::Column::Id.ne(id));
    }
    Ok(by_email.one(conn).await?.map(|v| RevenueError::VendorTaken { field: "email", existing_id: v.id }))
}

/// Ends a write run under `savepoint`: kept when it worked; when it failed and
/// another vendor holds the name or email, a concurrent writer won the unique
/// index: that is the 409 naming it. Without the savepoint PostgreSQL would
/// refuse the lookup in the failed transaction.
async fn settle<T>(
    txn: &DatabaseTransaction,
    savepoint: DatabaseTransaction,
    written: Result<T, AppError>,
    org: OrganizationId,
    keys: (&str, Option<&str>),
    except: Option<Uuid>,
) -> Result<T, AppError> {
    match written {
        Ok(v) => {
            savepoint.commit().await?;
            Ok(v)
        }
        Err(e) => {
            savepoint.rollback().await?;
            if !matches!(e, AppError::Internal(_)) {
                return Err(e);
            }
            match holder(txn, org, keys.0, keys.1, except).await? {
                Some(taken) => Err(taken.into()),
                None => Err(e),
            }
        }
    }
}

impl PayablesService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_vendor(&self, ctx: &OrgCtx, input: VendorIn) -> Result<VendorOut, AppError> {
        let name_norm = normalized(&input.name)?;
        let email_norm = input.email.as_ref().map(Email::normalized);
        let id = VendorId::new().into_uuid();
        let sealed = input.tax_id.map(|t| self.tax_ids.seal_str(id, t.as_str())).transpose()?;
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        if let Some(taken) = holder(&txn, ctx.org_id, &name_norm, email_norm.as_deref(), None).await? {
            return Err(taken.into());
        }
        let row = vendor::ActiveModel {
            id: Set(id),
            organization_id: Set(ctx.org_id.into_uuid()),
            name: Set(input.name.into_inner()),
            name_normalized: Set(name_norm.clone()),
            email: Set(input.email.map(Email::into_inner)),
            email_normalized: Set(email_norm.clone()),
            tax_id_ciphertext: Set(sealed),
            default_currency: Set(input.default_currency.map(|c| c.code().to_owned())),
            payment_terms_days: Set(input.payment_terms_days),
            status: Set(VendorStatus::Active.as_str().to_owned()),
            version: Set(1),
            created_by: Set(ctx.actor()),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let savepoint = txn.begin().await?;
        let written = vendor::Entity::insert(row).exec_with_returning(&savepoint).await.map_err(AppError::from);
        let row = settle(&txn, savepoint, written, ctx.org_id, (&name_norm, email_norm.as_deref()), None).await?;
        atrium_outbox::publish(&txn, ctx, now, &VendorCreated { vendor: vendor_state(&row)? }).await?;
        txn.commit().await?;
        vendor_out(&self.tax_ids, row)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, vendor_id = %id))]
    pub async fn get_vendor(&self, ctx: &OrgCtx, id: VendorId) -> Result<VendorOut, AppError> {
        vendor_out(&self.tax_ids, vendor::Entity::find_in(&self.db, ctx.org_id, id).await?)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_vendors(
        &self,
        ctx: &OrgCtx,
        f: &VendorFilter,
        req: PageRequest,
    ) -> Result<Page<VendorOut>, AppError> {
        let mut q = vendor::Entity::scoped(ctx.org_id);
        if let Some(s) = f.status {
            q = q.filter(vendor::Column::Status.eq(s.as_str()));
        }
        let rows = req.apply(q, vendor::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(|r| vendor_out(&self.tax_ids, r)).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, vendor_id = %id))]
    pub async fn update_vendor(
        &self,
        ctx: &OrgCtx,
        id: VendorId,
        patch: VendorPatch,
        if_match: IfMatch,
    ) -> Result<VendorOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let current = vendor::Entity::find_in(&txn, ctx.org_id, id).await?;
        let mut row = current.clone().into_active_model();
        let mut name_norm = current.name_normalized.clone();
        if let Some(name) = patch.name {
            name_norm = normalized(&name)?;
            row.name = Set(name.into_inner());
            row.name_normalized = Set(name_norm.clone());
        }
        let mut email_norm = current.email_normalized.clone();
        if let Some(email) = patch.email.into_change() {
            email_norm = email.as_ref().map(Email::normalized);
            row.email = Set(email.map(Email::into_inner));
            row.email_normalized = Set(email_norm.clone());
        }
        let tax_changed = !patch.tax_id.is_absent();
        if let Some(tax) = patch.tax_id.into_change() {
            row.tax_id_ciphertext = Set(tax.map(|t| self.tax_ids.seal_str(current.id, t.as_str())).transpose()?);
        }
        if let Some(c) = patch.default_currency.into_change() {
            row.default_currency = Set(c.map(|c| c.code().to_owned()));
        }
        if let Some(d) = patch.payment_terms_days {
            row.payment_terms_days = Set(Some(d));
        }
        if let Some(s) = patch.status {
            row.status = Set(s.as_str().to_owned());
        }
        row.updated_at = Set(now);
        if let Some(taken) = holder(&txn, ctx.org_id, &name_norm, email_norm.as_deref(), Some(current.id)).await? {
            return Err(taken.into());
        }
        let savepoint = txn.begin().await?;
        let written = vendor::Entity::update_in(&savepoint, ctx.org_id, id, row, if_match).await;
        let keys = (name_norm.as_str(), email_norm.as_deref());
        let updated = settle(&txn, savepoint, written, ctx.org_id, keys, Some(current.id)).await?;
        let mut changed = changed!(current, updated; name, email, default_currency, payment_terms_days, status);
        if tax_changed {
            changed.push("tax_id".to_owned());
        }
        atrium_outbox::publish(&txn, ctx, now, &VendorUpdated { vendor: vendor_state(&updated)?, changed }).await?;
        txn.commit().await?;
        vendor_out(&self.tax_ids, updated)
    }

    /// Deletes a vendor; its bills stay without it. A vendor an approval rule
    /// names is 409: change or delete the rule first, so no rule silently widens.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, vendor_id = %id))]
    pub async fn delete_vendor(&self, ctx: &OrgCtx, id: VendorId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = vendor::Entity::find_in(&txn, ctx.org_id, id).await?;
        let rule = approval_rule::Entity::scoped(ctx.org_id)
            .filter(approval_rule::Column::VendorId.eq(current.id))
            .one(&txn)
            .await?;
        if let Some(rule) = rule {
            return Err(AppError::conflict(format!(
                "the approval rule `{}` ({}) names this vendor: change or delete it first",
                rule.name, rule.id
            )));
        }
        vendor::Entity::delete_in(&txn, ctx.org_id, id, if_match).await?;
        atrium_outbox::publish(&txn, ctx, self.clock.now(), &VendorDeleted { vendor: vendor_state(&current)? }).await?;
        txn.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::normalize_name;

    #[test]
    fn names_compare_without_case_punctuation_or_legal_form() {
        assert_eq!(normalize_name("Northwind Print, Ltd."), "northwind print");
        assert_eq!(normalize_name("  NORTHWIND   print ltd"), "northwind print");
        assert_eq!(normalize_name("Acme GmbH & Co. KG"), "acme");
        // A name that is only a legal form keeps it: "Co" is not empty.
        assert_eq!(normalize_name("Co"), "co");
        assert_eq!(normalize_name("Ünïcode Café SA"), "ünïcode café");
        assert_eq!(normalize_name("--"), "");
    }
}
