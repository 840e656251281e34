//! Wire types of the finance reports. Every amount is in the organization's base
//! currency, converted document by document at the rate the document stored when
//! it was issued (the same half-even rounding as everywhere), then summed.

use atrium_kernel::{Date, Money};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::openapi::{ObjectBuilder, RefOr, Schema, Type};
use utoipa::{IntoParams, PartialSchema, ToSchema};
use validator::Validate;

use super::{ClientCompanyId, EngagementId};

/// `GET /reports/ar-aging` filters.
#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct ArAgingQuery {
    /// The day the ages are counted to (default: today, UTC). Invoices issued
    /// later are left out; balances are the current ones.
    #[param(example = "2027-01-15")]
    pub as_of: Option<Date>,
    /// Only this client (404 when it is not the organization's).
    pub client_company_id: Option<ClientCompanyId>,
}

/// Open balances by days past due: `current` is not yet due (due today or later).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "current": {"amount_minor": 120000, "currency": "USD"},
    "days_1_30": {"amount_minor": 54170, "currency": "USD"},
    "days_31_60": {"amount_minor": 0, "currency": "USD"},
    "days_61_90": {"amount_minor": 0, "currency": "USD"},
    "days_over_90": {"amount_minor": 9900, "currency": "USD"},
    "total": {"amount_minor": 184070, "currency": "USD"}}))]
pub struct AgingBuckets {
    pub current: Money,
    /// 1–30 days past due.
    pub days_1_30: Money,
    pub days_31_60: Money,
    pub days_61_90: Money,
    /// 91 days or more.
    pub days_over_90: Money,
    pub total: Money,
}

/// One client's open receivables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ArAgingRow {
    /// `null` for invoices of engagements without a client (listed first).
    pub client_company_id: Option<ClientCompanyId>,
    /// Open invoices (issued or partially paid, with a balance).
    pub open_invoices: i64,
    #[serde(flatten)]
    pub buckets: AgingBuckets,
}

/// Accounts receivable aging, a page of clients and the totals of all of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "as_of": "2027-01-15", "base_currency": "USD",
    "items": [{"client_company_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "open_invoices": 2,
        "current": {"amount_minor": 120000, "currency": "USD"},
        "days_1_30": {"amount_minor": 54170, "currency": "USD"},
        "days_31_60": {"amount_minor": 0, "currency": "USD"},
        "days_61_90": {"amount_minor": 0, "currency": "USD"},
        "days_over_90": {"amount_minor": 0, "currency": "USD"},
        "total": {"amount_minor": 174170, "currency": "USD"}}],
    "totals": {"current": {"amount_minor": 120000, "currency": "USD"},
        "days_1_30": {"amount_minor": 54170, "currency": "USD"},
        "days_31_60": {"amount_minor": 0, "currency": "USD"},
        "days_61_90": {"amount_minor": 0, "currency": "USD"},
        "days_over_90": {"amount_minor": 0, "currency": "USD"},
        "total": {"amount_minor": 174170, "currency": "USD"}},
    "next_cursor": null}))]
pub struct ArAgingOut {
    pub as_of: NaiveDate,
    pub base_currency: atrium_kernel::Currency,
    pub items: Vec<ArAgingRow>,
    /// Over every client the filter selects, not only this page.
    pub totals: AgingBuckets,
    /// Pass as `cursor` for the next page of clients; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// A calendar month, `YYYY-MM` on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(NaiveDate);

impl Month {
    pub fn of(d: NaiveDate) -> Self {
        Self(d.with_day(1).unwrap_or(d))
    }

    pub fn parse(s: &str) -> Option<Self> {
        let (y, m) = s.split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        if !(1..=9999).contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, m.parse().ok()?, 1).map(Self)
    }

    /// The month's first day.
    pub fn first(self) -> NaiveDate {
        self.0
    }

    /// The month's last day.
    pub fn last(self) -> NaiveDate {
        self.0.checked_add_months(chrono::Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(self.0)
    }

    /// The month `n` months earlier (saturating at year 1).
    pub fn minus(self, n: u32) -> Self {
        Self(self.0.checked_sub_months(chrono::Months::new(n)).unwrap_or(self.0))
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.0.year(), self.0.month())
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Month::parse(&raw).ok_or_else(|| serde::de::Error::custom("must be a month as YYYY-MM"))
    }
}

impl PartialSchema for Month {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(r"^\d{4}-(0[1-9]|1[0-2])$"))
            .examples([serde_json::json!("2027-01")])
            .into()
    }
}

impl ToSchema for Month {}

/// `GET /reports/revenue-by-client` filters.
#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct RevenueByClientQuery {
    /// First month (default: eleven months before `to`).
    #[param(value_type = Option<String>, pattern = r"^\d{4}-(0[1-9]|1[0-2])$", example = "2026-02")]
    pub from: Option<Month>,
    /// Last month, included (default: this month).
    #[param(value_type = Option<String>, pattern = r"^\d{4}-(0[1-9]|1[0-2])$", example = "2027-01")]
    pub to: Option<Month>,
    /// Only this client (404 when it is not the organization's).
    pub client_company_id: Option<ClientCompanyId>,
}

/// Revenue of one month: invoiced net of tax, less credit notes net of tax.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"month": "2027-01",
    "invoiced": {"amount_minor": 250000, "currency": "USD"},
    "credited": {"amount_minor": 20000, "currency": "USD"},
    "revenue": {"amount_minor": 230000, "currency": "USD"}}))]
pub struct MonthRevenue {
    #[schema(value_type = String, example = "2027-01")]
    pub month: Month,
    /// Subtotals (net of tax) of invoices issued that month (void ones excluded).
    pub invoiced: Money,
    /// Subtotals (net of tax) of credit notes issued that month.
    pub credited: Money,
    /// `invoiced − credited`.
    pub revenue: Money,
}

/// One client's revenue, month by month (only months with documents).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ClientRevenue {
    /// `null` for engagements without a client (listed first).
    pub client_company_id: Option<ClientCompanyId>,
    pub months: Vec<MonthRevenue>,
    pub invoiced: Money,
    pub credited: Money,
    pub revenue: Money,
}

/// Revenue by client and month, net of tax, in the base currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"from": "2026-02", "to": "2027-01", "base_currency": "USD",
    "items": [{"client_company_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
        "months": [{"month": "2027-01",
            "invoiced": {"amount_minor": 250000, "currency": "USD"},
            "credited": {"amount_minor": 20000, "currency": "USD"},
            "revenue": {"amount_minor": 230000, "currency": "USD"}}],
        "invoiced": {"amount_minor": 250000, "currency": "USD"},
        "credited": {"amount_minor": 20000, "currency": "USD"},
        "revenue": {"amount_minor": 230000, "currency": "USD"}}],
    "totals": [{"month": "2027-01",
        "invoiced": {"amount_minor": 250000, "currency": "USD"},
        "credited": {"amount_minor": 20000, "currency": "USD"},
        "revenue": {"amount_minor": 230000, "currency": "USD"}}],
    "next_cursor": null}))]
pub struct RevenueByClientOut {
    #[schema(value_type = String, example = "2026-02")]
    pub from: Month,
    #[schema(value_type = String, example = "2027-01")]
    pub to: Month,
    pub base_currency: atrium_kernel::Currency,
    pub items: Vec<ClientRevenue>,
    /// Every selected client's months added up, not only this page's.
    pub totals: Vec<MonthRevenue>,
    pub next_cursor: Option<String>,
}

/// `GET /reports/engagement-profitability` filters.
#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct ProfitabilityQuery {
    /// Only this engagement (404 when it is not the organization's).
    pub engagement_id: Option<EngagementId>,
    /// Only this client's engagements (404 when it is not the organization's).
    pub client_company_id: Option<ClientCompanyId>,
    /// Documents issued and time worked on or after this day (default: since the start).
    #[param(example = "2027-01-01")]
    pub from: Option<Date>,
    /// … and on or before this day (default: no end).
    #[param(example = "2027-01-31")]
    pub to: Option<Date>,
    /// The day whose exchange rates convert costs and budgets kept in another
    /// currency (default: `to`, else today). No rate entered for that day: 422
    /// naming `rate_date`.
    #[param(example = "2027-01-31")]
    pub rate_date: Option<Date>,
}

/// One engagement: what was invoiced, what its time cost, and its budget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
    "client_company_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b", "name": "Relaunch",
    "invoiced": {"amount_minor": 230000, "currency": "USD"},
    "cost": {"amount_minor": 90000, "currency": "USD"},
    "margin": {"amount_minor": 140000, "currency": "USD"}, "margin_basis_points": 6087,
    "budget": {"amount_minor": 1000000, "currency": "EUR"},
    "budget_in_base": {"amount_minor": 1083400, "currency": "USD"},
    "approved_minutes": 1200, "unpriced_minutes": 0}))]
pub struct EngagementProfitability {
    pub engagement_id: EngagementId,
    pub client_company_id: Option<ClientCompanyId>,
    pub name: String,
    /// Invoice subtotals (net of tax) less credit notes, issued in the period.
    pub invoiced: Money,
    /// Approved time × each member's cost rate on the day, converted at `rate_date`,
    /// plus `bill_cost`.
    pub cost: Money,
    /// Subtotals (net of tax) of the engagement's approved, partly paid and paid
    /// bills dated in the period, each at the rate it stored when submitted.
    pub bill_cost: Money,
    /// `invoiced − cost`.
    pub margin: Money,
    /// The margin in basis points of what was invoiced (`null` when nothing was).
    pub margin_basis_points: Option<i64>,
    /// In the engagement's currency; `null` when it has none.
    pub budget: Option<Money>,
    pub budget_in_base: Option<Money>,
    /// Approved minutes (billable or not) in the period.
    pub approved_minutes: i64,
    /// Approved minutes no rate card prices: they are missing from `cost`.
    pub unpriced_minutes: i64,
}

/// Engagement profitability, a page of engagements in id order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ProfitabilityOut {
    pub base_currency: atrium_kernel::Currency,
    pub rate_date: NaiveDate,
    pub items: Vec<EngagementProfitability>,
    pub next_cursor: Option<String>,
}
