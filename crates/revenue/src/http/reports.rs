//! The finance reports: read-only, open to every role (viewers included).

use atrium_kernel::ApiRouter;
use atrium_kernel::routes;
use atrium_kernel::{AnyRole, AppError, Authorized, PageOut, PageQuery, ValidatedQuery};
use axum::Json;
use axum::extract::State;

use crate::dto::{
    ArAgingOut, ArAgingQuery, ProfitabilityOut, ProfitabilityQuery, RevenueByClientOut, RevenueByClientQuery,
};
use crate::service::ReportsService;

pub fn router(svc: ReportsService) -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(ar_aging))
        .routes(routes!(revenue_by_client))
        .routes(routes!(engagement_profitability))
        .with_state(svc)
}

/// Accounts receivable aging: each client's open balances (issued and partly paid
/// invoices) by days past due — current, 1–30, 31–60, 61–90, 91+ — in the base
/// currency at each invoice's stored rate, with the totals of every client.
/// Paginated by client.
#[utoipa::path(get, path = "/api/v1/reports/ar-aging", tag = "reports",
    extensions(("x-required-role" = json!("any"))),
    params(ArAgingQuery, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of clients and the totals", body = ArAgingOut),
        (status = 404, description = "`client_company_id` is not the organization's")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn ar_aging(
    State(svc): State<ReportsService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(q): ValidatedQuery<ArAgingQuery>,
) -> Result<Json<ArAgingOut>, AppError> {
    let (as_of, base_currency, rows, totals) = svc.ar_aging(&ctx, &q, page.request()).await?;
    let PageOut { items, next_cursor } = page.respond(rows, |r| r);
    Ok(Json(ArAgingOut { as_of, base_currency, items, totals, next_cursor }))
}

/// Revenue by client and calendar month, net of tax: invoice subtotals by issue
/// date (void invoices excluded) less credit-note subtotals by their issue date,
/// in the base currency at each document's stored rate. Paginated by client.
#[utoipa::path(get, path = "/api/v1/reports/revenue-by-client", tag = "reports",
    extensions(("x-required-role" = json!("any"))),
    params(RevenueByClientQuery, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of clients with their months, and the monthly totals",
            body = RevenueByClientOut),
        (status = 404, description = "`client_company_id` is not the organization's"),
        (status = 422, description = "`from` after `to`, or not a `YYYY-MM` month")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn revenue_by_client(
    State(svc): State<ReportsService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(q): ValidatedQuery<RevenueByClientQuery>,
) -> Result<Json<RevenueByClientOut>, AppError> {
    let (from, to, base_currency, rows, totals) = svc.revenue_by_client(&ctx, &q, page.request()).await?;
    let PageOut { items, next_cursor } = page.respond(rows, |r| r);
    Ok(Json(RevenueByClientOut { from, to, base_currency, items, totals, next_cursor }))
}

/// Engagement profitability: per engagement, what was invoiced (net of tax and of
/// credit notes) against the cost of approved time (minutes × each member's cost
/// rate on the day) and the budget, with the margin. Costs and budgets in another
/// currency convert at the rates of `rate_date`; none entered is a 422 naming it.
/// Paginated by engagement.
#[utoipa::path(get, path = "/api/v1/reports/engagement-profitability", tag = "reports",
    extensions(("x-required-role" = json!("any"))),
    params(ProfitabilityQuery, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of engagements", body = ProfitabilityOut),
        (status = 404, description = "`engagement_id` or `client_company_id` is not the organization's"),
        (status = 422, description = "No exchange rate for `rate_date`, or `from` after `to`")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn engagement_profitability(
    State(svc): State<ReportsService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(q): ValidatedQuery<ProfitabilityQuery>,
) -> Result<Json<ProfitabilityOut>, AppError> {
    let (base_currency, rate_date, rows) = svc.engagement_profitability(&ctx, &q, page.request()).await?;
    let PageOut { items, next_cursor } = page.respond(rows, |r| r);
    Ok(Json(ProfitabilityOut { base_currency, rate_date, items, next_cursor }))
}
