//! Approval rules: conditions on a bill (amount in the base currency, vendor,
//! engagement, currency, a line's account) and the sequential steps of the route
//! a matching bill takes. Rules are evaluated from the lowest priority up (then
//! oldest first) when a bill is submitted; the first that matches decides.

use atrium_events::revenue::payables::{
    ApprovalRuleCreated, ApprovalRuleDeleted, ApprovalRuleId, ApprovalRuleState, ApprovalRuleUpdated,
};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Currency, IfMatch, Money, OrgCtx, Page, PageRequest, Scoped, SortOrder};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder};

use super::PayablesService;
use super::view::{rule_out, rule_steps};
use crate::dto::{ApprovalRuleIn, ApprovalRuleOut, ApprovalRulePatch, ApprovalStep, MAX_AMOUNT};
use crate::entity::{approval_rule, bill, vendor};
use crate::service::{changed, settings};

fn rule_state(r: &approval_rule::Model) -> Result<ApprovalRuleState, AppError> {
    Ok(ApprovalRuleState {
        id: r.id.into(),
        name: r.name.clone(),
        priority: r.priority,
        active: r.active,
        steps: i32::try_from(rule_steps(r)?.len()).unwrap_or(i32::MAX),
        version: r.version,
    })
}

/// A threshold in the base currency, in its minor units.
fn threshold(m: Option<Money>, base: Currency, field: &'static str) -> Result<Option<i64>, AppError> {
    let Some(m) = m else { return Ok(None) };
    if m.currency != base {
        return Err(AppError::invalid(
            format!("{field}.currency"),
            format!("must be the organization's base currency {base}"),
        ));
    }
    if !(0..=MAX_AMOUNT).contains(&m.amount_minor) {
        return Err(AppError::invalid(format!("{field}.amount_minor"), format!("must be between 0 and {MAX_AMOUNT}")));
    }
    Ok(Some(m.amount_minor))
}

fn check_range(min: Option<i64>, max: Option<i64>) -> Result<(), AppError> {
    match (min, max) {
        (Some(lo), Some(hi)) if hi <= lo => {
            Err(AppError::invalid("max_amount", "must be above `min_amount` (the rule matches min <= amount < max)"))
        }
        _ => Ok(()),
    }
}

/// What a bill is matched on.
pub(super) struct Facts<'a> {
    pub base_total: i64,
    pub bill: &'a bill::Model,
    /// The accounts of its lines, lower case.
    pub accounts: Vec<String>,
}

/// Whether every condition the rule sets holds for the bill.
pub(super) fn matches(r: &approval_rule::Model, f: &Facts<'_>) -> bool {
    r.active
        && r.min_base_amount.is_none_or(|min| f.base_total >= min)
        && r.max_base_amount.is_none_or(|max| f.base_total < max)
        && r.vendor_id.is_none_or(|v| f.bill.vendor_id == Some(v))
        && r.engagement_id.is_none_or(|e| f.bill.engagement_id == Some(e))
        && r.currency.as_deref().is_none_or(|c| c == f.bill.currency)
        && r.account.as_deref().is_none_or(|a| f.accounts.iter().any(|x| x == &a.to_lowercase()))
}

/// The organization's active rules in evaluation order.
pub(super) async fn in_order<C: ConnectionTrait>(
    conn: &C,
    org: atrium_kernel::OrganizationId,
) -> Result<Vec<approval_rule::Model>, AppError> {
    Ok(approval_rule::Entity::scoped(org)
        .filter(approval_rule::Column::Active.eq(true))
        .order_by_asc(approval_rule::Column::Priority)
        .order_by_asc(approval_rule::Column::Id)
        .all(conn)
        .await?)
}

impl PayablesService {
    /// Each approver names exactly one of a role or a member, and a member must
    /// belong to the organization.
    async fn check_steps(&self, ctx: &OrgCtx, steps: &[ApprovalStep]) -> Result<String, AppError> {
        for (i, step) in steps.iter().enumerate() {
            for (j, a) in step.approvers.iter().enumerate() {
                let field = format!("steps[{i}].approvers[{j}]");
                match (a.role, a.member_id) {
                    (Some(_), None) => {}
                    (None, Some(m)) => {
                        if !self.members.is_member(ctx.org_id, m).await? {
                            return Err(AppError::invalid(
                                format!("{field}.member_id"),
                                "is not a member of this organization",
                            ));
                        }
                    }
                    _ => return Err(AppError::invalid(field, "name exactly one of `role` or `member_id`")),
                }
            }
        }
        serde_json::to_string(steps).map_err(AppError::internal)
    }

    async fn check_targets(
        &self,
        ctx: &OrgCtx,
        vendor: Option<crate::dto::VendorId>,
        engagement: Option<crate::dto::EngagementId>,
    ) -> Result<(), AppError> {
        if let Some(v) = vendor {
            vendor::Entity::find_in(&self.db, ctx.org_id, v).await?;
        }
        if let Some(e) = engagement {
            self.check_engagement(ctx.org_id, e).await?;
        }
        Ok(())
    }

    async fn base(&self, ctx: &OrgCtx) -> Result<Currency, AppError> {
        settings::base_currency(&settings::current(&self.db, ctx.org_id, self.clock.now()).await?)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_approval_rule(&self, ctx: &OrgCtx, input: ApprovalRuleIn) -> Result<ApprovalRuleOut, AppError> {
        let base = self.base(ctx).await?;
        let min = threshold(input.min_amount, base, "min_amount")?;
        let max = threshold(input.max_amount, base, "max_amount")?;
        check_range(min, max)?;
        let steps = self.check_steps(ctx, &input.steps).await?;
        self.check_targets(ctx, input.vendor_id, input.engagement_id).await?;
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let row = approval_rule::ActiveModel {
            id: Set(ApprovalRuleId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            name: Set(input.name.into_inner()),
            priority: Set(input.priority),
            active: Set(input.active),
            min_base_amount: Set(min),
            max_base_amount: Set(max),
            vendor_id: Set(input.vendor_id.map(Into::into)),
            engagement_id: Set(input.engagement_id.map(Into::into)),
            currency: Set(input.currency.map(|c| c.code().to_owned())),
            account: Set(input.account.map(|a| a.into_inner())),
            steps: Set(steps),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let row = approval_rule::Entity::insert(row).exec_with_returning(&txn).await.map_err(missing_target)?;
        atrium_outbox::publish(&txn, ctx, now, &ApprovalRuleCreated { rule: rule_state(&row)? }).await?;
        txn.commit().await?;
        rule_out(row, base)
    }

    /// The rules in evaluation order (priority, then oldest first).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_approval_rules(&self, ctx: &OrgCtx, req: PageRequest) -> Result<Page<ApprovalRuleOut>, AppError> {
        let base = self.base(ctx).await?;
        let rows = req
            .apply(approval_rule::Entity::scoped(ctx.org_id), approval_rule::Column::Id, SortOrder::Asc)
            .all(&self.db)
            .await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(|r| rule_out(r, base)).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, rule_id = %id))]
    pub async fn get_approval_rule(&self, ctx: &OrgCtx, id: ApprovalRuleId) -> Result<ApprovalRuleOut, AppError> {
        let base = self.base(ctx).await?;
        rule_out(approval_rule::Entity::find_in(&self.db, ctx.org_id, id).await?, base)
    }

    /// Changes a rule; bills already submitted keep the route they got.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, rule_id = %id))]
    pub async fn update_approval_rule(
        &self,
        ctx: &OrgCtx,
        id: ApprovalRuleId,
        patch: ApprovalRulePatch,
        if_match: IfMatch,
    ) -> Result<ApprovalRuleOut, AppError> {
        let base = self.base(ctx).await?;
        let current = approval_rule::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let mut row = current.clone().into_active_model();
        let mut min = current.min_base_amount;
        if let Some(m) = patch.min_amount.into_change() {
            min = threshold(m, base, "min_amount")?;
            row.min_base_amount = Set(min);
        }
        let mut max = current.max_base_amount;
        if let Some(m) = patch.max_amount.into_change() {
            max = threshold(m, base, "max_amount")?;
            row.max_base_amount = Set(max);
        }
        check_range(min, max)?;
        if let Some(steps) = &patch.steps {
            row.steps = Set(self.check_steps(ctx, steps).await?);
        }
        self.check_targets(ctx, patch.vendor_id.as_value().copied(), patch.engagement_id.as_value().copied()).await?;
        if let Some(v) = patch.vendor_id.into_change() {
            row.vendor_id = Set(v.map(Into::into));
        }
        if let Some(e) = patch.engagement_id.into_change() {
            row.engagement_id = Set(e.map(Into::into));
        }
        if let Some(c) = patch.currency.into_change() {
            row.currency = Set(c.map(|c| c.code().to_owned()));
        }
        if let Some(a) = patch.account.into_change() {
            row.account = Set(a.map(|a| a.into_inner()));
        }
        if let Some(n) = patch.name {
            row.name = Set(n.into_inner());
        }
        if let Some(p) = patch.priority {
            row.priority = Set(p);
        }
        if let Some(a) = patch.active {
            row.active = Set(a);
        }
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        row.updated_at = Set(now);
        let updated = approval_rule::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?;
        let changed = changed!(current, updated; name, priority, active, min_base_amount, max_base_amount,
            vendor_id, engagement_id, currency, account, steps);
        atrium_outbox::publish(&txn, ctx, now, &ApprovalRuleUpdated { rule: rule_state(&updated)?, changed }).await?;
        txn.commit().await?;
        rule_out(updated, base)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, rule_id = %id))]
    pub async fn delete_approval_rule(
        &self,
        ctx: &OrgCtx,
        id: ApprovalRuleId,
        if_match: IfMatch,
    ) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = approval_rule::Entity::find_in(&txn, ctx.org_id, id).await?;
        approval_rule::Entity::delete_in(&txn, ctx.org_id, id, if_match).await?;
        atrium_outbox::publish(&txn, ctx, self.clock.now(), &ApprovalRuleDeleted { rule: rule_state(&current)? })
            .await?;
        txn.commit().await?;
        Ok(())
    }
}

fn missing_target(e: sea_orm::DbErr) -> AppError {
    if atrium_kernel::error::is_foreign_key_violation(&e) {
        AppError::conflict("the vendor or engagement was removed meanwhile; read again and retry")
    } else {
        e.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};
    use uuid::Uuid;

    fn rule(min: Option<i64>, max: Option<i64>) -> approval_rule::Model {
        let now = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).single().expect("time");
        approval_rule::Model {
            id: Uuid::now_v7(),
            organization_id: Uuid::now_v7(),
            name: "r".into(),
            priority: 1,
            active: true,
            min_base_amount: min,
            max_base_amount: max,
            vendor_id: None,
            engagement_id: None,
            currency: None,
            account: None,
            steps: "[]".into(),
            version: 1,
            created_at: now,
            updated_at: now,
        }
    }

    fn bill() -> bill::Model {
        let now = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).single().expect("time");
        bill::Model {
            id: Uuid::now_v7(),
            organization_id: Uuid::now_v7(),
            vendor_id: Some(Uuid::now_v7()),
            engagement_id: None,
            vendor_reference: None,
            bill_date: NaiveDate::from_ymd_opt(2027, 1, 1).expect("date"),
            due_date: None,
            currency: "EUR".into(),
            base_currency: "USD".into(),
            fx_rate: None,
            base_total: None,
            subtotal: 0,
            tax_total: 0,
            total: 0,
            paid: 0,
            status: "draft".into(),
            notes: None,
            approval_round: 0,
            current_step: None,
            rule_id: None,
            rule_name: None,
            submitted_by: None,
            submitted_at: None,
            approved_at: None,
            rejection_reason: None,
            rejected_by: None,
            rejected_at: None,
            voided_at: None,
            version: 1,
            created_by: "user:x".into(),
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn amount_bounds_are_min_inclusive_and_max_exclusive() {
        let b = bill();
        let at = |amount| Facts { base_total: amount, bill: &b, accounts: vec![] };
        let r = rule(Some(100_000), Some(500_000));
        assert!(!matches(&r, &at(99_999)));
        assert!(matches(&r, &at(100_000)));
        assert!(matches(&r, &at(499_999)));
        assert!(!matches(&r, &at(500_000)));
        assert!(matches(&rule(None, None), &at(0)));
    }

    #[test]
    fn every_set_condition_must_hold() {
        let b = bill();
        let facts = Facts { base_total: 10, bill: &b, accounts: vec!["6100".into()] };
        let mut r = rule(None, None);
        r.currency = Some("EUR".into());
        r.account = Some("6100".into());
        r.vendor_id = b.vendor_id;
        assert!(matches(&r, &facts));
        r.engagement_id = Some(Uuid::now_v7());
        assert!(!matches(&r, &facts), "the bill has no engagement");
        r.engagement_id = None;
        r.account = Some("6200".into());
        assert!(!matches(&r, &facts));
        r.account = None;
        r.currency = Some("USD".into());
        assert!(!matches(&r, &facts));
        r.currency = None;
        r.active = false;
        assert!(!matches(&r, &facts));
    }
}
