use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, PageOut, PageQuery, ValidatedJson, ValidatedQuery, WriteBilling,
    etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::location;
use crate::dto::{VendorFilter, VendorId, VendorIn, VendorOut, VendorPatch};
use crate::service::PayablesService;

/// Vendors, oldest first; filter by status.
#[utoipa::path(get, path = "/api/v1/vendors", tag = "payables",
    extensions(("x-required-role" = json!("any"))),
    params(VendorFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of vendors", body = PageOut<VendorOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<PayablesService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<VendorFilter>,
) -> Result<PageOut<VendorOut>, AppError> {
    Ok(page.respond(svc.list_vendors(&ctx, &filter, page.request()).await?, |v| v))
}

/// Create a vendor. A vendor with the same normalized name or email is 409 naming it (`existing_id`).
#[utoipa::path(post, path = "/api/v1/vendors", tag = "payables",
    extensions(("x-required-role" = json!("write_billing"))), request_body = VendorIn,
    responses((status = 201, description = "Vendor created", body = VendorOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create(
    State(svc): State<PayablesService>,
    ctx: Authorized<WriteBilling>,
    ValidatedJson(input): ValidatedJson<VendorIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_vendor(&ctx, input).await?;
    Ok((StatusCode::CREATED, location(format!("/api/v1/vendors/{}", out.id)), [etag_header(out.version)], Json(out)))
}

#[utoipa::path(get, path = "/api/v1/vendors/{id}", tag = "payables",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = VendorId, Path, description = "Vendor id")),
    responses((status = 200, description = "The vendor", body = VendorOut,
        headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, vendor_id = %id))]
pub(super) async fn get(
    State(svc): State<PayablesService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<VendorId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_vendor(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Change a vendor (`status: archived` keeps it on its bills but off new ones).
#[utoipa::path(patch, path = "/api/v1/vendors/{id}", tag = "payables",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = VendorId, Path, description = "Vendor id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = VendorPatch,
    responses((status = 200, description = "Updated vendor", body = VendorOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, vendor_id = %id))]
pub(super) async fn update(
    State(svc): State<PayablesService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<VendorId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<VendorPatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update_vendor(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Delete a vendor; its bills stay without it. 409 while an approval rule names it.
#[utoipa::path(delete, path = "/api/v1/vendors/{id}", tag = "payables",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = VendorId, Path, description = "Vendor id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, vendor_id = %id))]
pub(super) async fn delete(
    State(svc): State<PayablesService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<VendorId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete_vendor(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}
