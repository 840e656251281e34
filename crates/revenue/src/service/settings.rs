//! The organization's billing settings: one row, created on first change; until
//! then the defaults apply.

use atrium_events::revenue::SettingsUpdated;
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Currency, IfMatch, OrgCtx, OrganizationId, Scoped};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::RevenueService;
use crate::dto::{InvoiceStatus, SettingsOut, SettingsPatch, stored_currency};
use crate::entity::{approval_rule, bill, invoice, settings};
use crate::error::RevenueError;
use crate::numbering::NumberFormat;

pub(crate) const DEFAULT_INVOICE_FORMAT: &str = "INV-{YYYY}-{seq:4}";
pub(crate) const DEFAULT_CREDIT_NOTE_FORMAT: &str = "CN-{YYYY}-{seq:4}";
const DEFAULT_TERMS_DAYS: i32 = 30;
const DEFAULT_REMINDER_STEPS: &str = "1,7,14,30";
const DEFAULT_BASE_CURRENCY: &str = "USD";

/// The organization's settings row, or the defaults.
// The settings table's key is the organization id itself: the lookup is scoped.
#[allow(clippy::disallowed_methods)]
pub(crate) async fn current<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    now: DateTime<Utc>,
) -> Result<settings::Model, AppError> {
    let row = settings::Entity::find_by_id(org.into_uuid()).one(conn).await?;
    Ok(row.unwrap_or_else(|| settings::Model {
        organization_id: org.into_uuid(),
        base_currency: DEFAULT_BASE_CURRENCY.to_owned(),
        invoice_number_format: DEFAULT_INVOICE_FORMAT.to_owned(),
        credit_note_number_format: DEFAULT_CREDIT_NOTE_FORMAT.to_owned(),
        payment_terms_days: DEFAULT_TERMS_DAYS,
        reminder_steps: DEFAULT_REMINDER_STEPS.to_owned(),
        version: 0,
        updated_at: now,
    }))
}

pub(crate) fn base_currency(s: &settings::Model) -> Result<Currency, AppError> {
    stored_currency(&s.base_currency)
}

pub(crate) fn steps(s: &settings::Model) -> Vec<i32> {
    s.reminder_steps.split(',').filter_map(|v| v.trim().parse().ok()).collect()
}

fn settings_out(s: &settings::Model) -> Result<SettingsOut, AppError> {
    Ok(SettingsOut {
        base_currency: base_currency(s)?,
        invoice_number_format: s.invoice_number_format.clone(),
        credit_note_number_format: s.credit_note_number_format.clone(),
        payment_terms_days: s.payment_terms_days,
        reminder_steps: steps(s),
        version: s.version,
        updated_at: s.updated_at,
    })
}

fn format(field: &'static str, value: &str) -> Result<String, AppError> {
    NumberFormat::parse(value).map(|f| f.as_str().to_owned()).map_err(|e| RevenueError::Format(e, field).into())
}

impl RevenueService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn settings(&self, ctx: &OrgCtx) -> Result<SettingsOut, AppError> {
        settings_out(&current(&self.db, ctx.org_id, self.clock.now()).await?)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    #[allow(clippy::disallowed_methods)] // keyed by the organization id: scoped by construction
    pub async fn update_settings(
        &self,
        ctx: &OrgCtx,
        patch: SettingsPatch,
        if_match: IfMatch,
    ) -> Result<SettingsOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let before = current(&txn, ctx.org_id, now).await?;
        if_match.check(before.version)?;
        let mut after = before.clone();
        if let Some(c) = patch.base_currency {
            if c.code() != before.base_currency {
                let issued = invoice::Entity::scoped(ctx.org_id)
                    .filter(invoice::Column::Status.ne(InvoiceStatus::Draft.as_str()))
                    .count(&txn)
                    .await?;
                // Submitted bills stored their base totals, and rules their thresholds, in it too.
                let submitted =
                    bill::Entity::scoped(ctx.org_id).filter(bill::Column::ApprovalRound.gt(0)).count(&txn).await?;
                let thresholds = approval_rule::Entity::scoped(ctx.org_id)
                    .filter(
                        Condition::any()
                            .add(approval_rule::Column::MinBaseAmount.is_not_null())
                            .add(approval_rule::Column::MaxBaseAmount.is_not_null()),
                    )
                    .count(&txn)
                    .await?;
                if issued + submitted + thresholds > 0 {
                    return Err(RevenueError::BaseCurrencyLocked.into());
                }
            }
            after.base_currency = c.code().to_owned();
        }
        if let Some(f) = patch.invoice_number_format {
            after.invoice_number_format = format("invoice_number_format", &f)?;
        }
        if let Some(f) = patch.credit_note_number_format {
            after.credit_note_number_format = format("credit_note_number_format", &f)?;
        }
        if let Some(d) = patch.payment_terms_days {
            after.payment_terms_days = d;
        }
        if let Some(mut s) = patch.reminder_steps {
            if s.iter().any(|d| !(1..=365).contains(d)) {
                return Err(RevenueError::Field("reminder_steps", "each step is 1 to 365 days past due".into()).into());
            }
            s.sort_unstable();
            s.dedup();
            after.reminder_steps = s.iter().map(i32::to_string).collect::<Vec<_>>().join(",");
        }
        after.version = before.version + 1;
        after.updated_at = now;
        let row = settings::ActiveModel {
            organization_id: Set(after.organization_id),
            base_currency: Set(after.base_currency.clone()),
            invoice_number_format: Set(after.invoice_number_format.clone()),
            credit_note_number_format: Set(after.credit_note_number_format.clone()),
            payment_terms_days: Set(after.payment_terms_days),
            reminder_steps: Set(after.reminder_steps.clone()),
            version: Set(after.version),
            updated_at: Set(now),
        };
        settings::Entity::insert(row)
            .on_conflict(
                OnConflict::column(settings::Column::OrganizationId)
                    .update_columns([
                        settings::Column::BaseCurrency,
                        settings::Column::InvoiceNumberFormat,
                        settings::Column::CreditNoteNumberFormat,
                        settings::Column::PaymentTermsDays,
                        settings::Column::ReminderSteps,
                        settings::Column::Version,
                        settings::Column::UpdatedAt,
                    ])
                    .to_owned(),
            )
            .exec(&txn)
            .await?;
        let out = settings_out(&after)?;
        let changed = super::changed!(before, after; base_currency, invoice_number_format,
            credit_note_number_format, payment_terms_days, reminder_steps);
        let event = SettingsUpdated {
            organization_id: ctx.org_id,
            base_currency: out.base_currency.code().to_owned(),
            invoice_number_format: out.invoice_number_format.clone(),
            credit_note_number_format: out.credit_note_number_format.clone(),
            payment_terms_days: out.payment_terms_days,
            reminder_steps: out.reminder_steps.clone(),
            changed,
        };
        atrium_outbox::publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        Ok(out)
    }
}
