use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, PageOut, PageQuery, ValidatedJson, ValidatedQuery, WriteBilling,
    etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::location;
use crate::dto::{
    FxRateFilter, FxRateIn, FxRateOut, SettingsOut, SettingsPatch, TaxRateId, TaxRateIn, TaxRateOut, TaxRatePatch,
};
use crate::service::RevenueService;

/// The organization's billing settings (defaults until first changed).
#[utoipa::path(get, path = "/api/v1/billing-settings", tag = "billing",
    extensions(("x-required-role" = json!("any"))),
    responses((status = 200, description = "Billing settings", body = SettingsOut,
        headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn get_settings(
    State(svc): State<RevenueService>,
    ctx: Authorized<AnyRole>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.settings(&ctx).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Change billing settings. The base currency is fixed once an invoice is issued (409).
#[utoipa::path(patch, path = "/api/v1/billing-settings", tag = "billing",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = SettingsPatch,
    responses((status = 200, description = "Updated settings", body = SettingsOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn update_settings(
    State(svc): State<RevenueService>,
    ctx: Authorized<WriteBilling>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<SettingsPatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update_settings(&ctx, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

#[utoipa::path(get, path = "/api/v1/tax-rates", tag = "billing",
    extensions(("x-required-role" = json!("any"))),
    params(atrium_kernel::PageParams),
    responses((status = 200, description = "A page of tax rates", body = PageOut<TaxRateOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list_tax_rates(
    State(svc): State<RevenueService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
) -> Result<PageOut<TaxRateOut>, AppError> {
    Ok(page.respond(svc.list_tax_rates(&ctx, page.request()).await?, |t| t))
}

#[utoipa::path(post, path = "/api/v1/tax-rates", tag = "billing",
    extensions(("x-required-role" = json!("write_billing"))), request_body = TaxRateIn,
    responses((status = 201, description = "Tax rate created", body = TaxRateOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create_tax_rate(
    State(svc): State<RevenueService>,
    ctx: Authorized<WriteBilling>,
    ValidatedJson(input): ValidatedJson<TaxRateIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_tax_rate(&ctx, input).await?;
    Ok((StatusCode::CREATED, location(format!("/api/v1/tax-rates/{}", out.id)), [etag_header(out.version)], Json(out)))
}

#[utoipa::path(get, path = "/api/v1/tax-rates/{id}", tag = "billing",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = TaxRateId, Path, description = "Tax rate id")),
    responses((status = 200, description = "The tax rate", body = TaxRateOut,
        headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, tax_rate_id = %id))]
pub(super) async fn get_tax_rate(
    State(svc): State<RevenueService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<TaxRateId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_tax_rate(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Rename or archive a tax rate (its percentage never changes: create a new rate).
#[utoipa::path(patch, path = "/api/v1/tax-rates/{id}", tag = "billing",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = TaxRateId, Path, description = "Tax rate id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = TaxRatePatch,
    responses((status = 200, description = "Updated tax rate", body = TaxRateOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, tax_rate_id = %id))]
pub(super) async fn update_tax_rate(
    State(svc): State<RevenueService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<TaxRateId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<TaxRatePatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update_tax_rate(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Exchange rates against the base currency, oldest entry first.
#[utoipa::path(get, path = "/api/v1/fx-rates", tag = "billing",
    extensions(("x-required-role" = json!("any"))),
    params(FxRateFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of exchange rates", body = PageOut<FxRateOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list_fx_rates(
    State(svc): State<RevenueService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<FxRateFilter>,
) -> Result<PageOut<FxRateOut>, AppError> {
    Ok(page.respond(svc.list_fx_rates(&ctx, &filter, page.request()).await?, |r| r))
}

/// Enter the rate of a currency against the base currency for one day (replaces
/// that day's earlier entry; issued documents keep the rate they stored).
#[utoipa::path(post, path = "/api/v1/fx-rates", tag = "billing",
    extensions(("x-required-role" = json!("write_billing"))), request_body = FxRateIn,
    responses((status = 201, description = "Rate recorded", body = FxRateOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn record_fx_rate(
    State(svc): State<RevenueService>,
    ctx: Authorized<WriteBilling>,
    ValidatedJson(input): ValidatedJson<FxRateIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.record_fx_rate(&ctx, input).await?;
    Ok((StatusCode::CREATED, Json(out)))
}
