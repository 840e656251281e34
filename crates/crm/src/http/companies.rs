use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, PageOut, PageQuery, ValidatedJson, ValidatedQuery, WriteRecords,
    etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::location;
use crate::dto::{
    ClientCompanyId, CompanyDuplicateGroupOut, CompanyFilter, CompanyIn, CompanyMergeOut, CompanyOut, CompanyPatch,
    MergeIn,
};
use crate::service::CrmService;

/// Client companies, oldest first; filter by status or name prefix.
#[utoipa::path(get, path = "/api/v1/client-companies", tag = "crm",
    extensions(("x-required-role" = json!("any"))),
    params(CompanyFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of companies", body = PageOut<CompanyOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<CrmService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<CompanyFilter>,
) -> Result<PageOut<CompanyOut>, AppError> {
    Ok(page.respond(svc.list_companies(&ctx, &filter, page.request()).await?, |c| c))
}

/// Create a client company.
#[utoipa::path(post, path = "/api/v1/client-companies", tag = "crm",
    extensions(("x-required-role" = json!("write_records"))), request_body = CompanyIn,
    responses((status = 201, description = "Company created", body = CompanyOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create(
    State(svc): State<CrmService>,
    ctx: Authorized<WriteRecords>,
    ValidatedJson(input): ValidatedJson<CompanyIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_company(&ctx, input).await?;
    Ok((
        StatusCode::CREATED,
        location(format!("/api/v1/client-companies/{}", out.id)),
        [etag_header(out.version)],
        Json(out),
    ))
}

/// One company; a merged one resolves with `status: merged` and `merged_into_id`.
#[utoipa::path(get, path = "/api/v1/client-companies/{id}", tag = "crm",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = ClientCompanyId, Path, description = "Company id")),
    responses((status = 200, description = "The company", body = CompanyOut, headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn get(
    State(svc): State<CrmService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<ClientCompanyId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_company(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Change a company (absent fields unchanged, `null` clears).
#[utoipa::path(patch, path = "/api/v1/client-companies/{id}", tag = "crm",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ClientCompanyId, Path, description = "Company id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = CompanyPatch,
    responses((status = 200, description = "Updated company", body = CompanyOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn update(
    State(svc): State<CrmService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ClientCompanyId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<CompanyPatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update_company(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Delete a company: its contacts are deleted, its deals lose the reference.
#[utoipa::path(delete, path = "/api/v1/client-companies/{id}", tag = "crm",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ClientCompanyId, Path, description = "Company id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn delete(
    State(svc): State<CrmService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ClientCompanyId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete_company(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Candidate duplicate companies: same name or same domain.
#[utoipa::path(get, path = "/api/v1/client-companies/duplicates", tag = "crm",
    extensions(("x-required-role" = json!("any"))),
    responses((status = 200, description = "Groups of likely duplicates with the reason", body = Vec<CompanyDuplicateGroupOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn duplicates(
    State(svc): State<CrmService>,
    ctx: Authorized<AnyRole>,
) -> Result<Json<Vec<CompanyDuplicateGroupOut>>, AppError> {
    Ok(Json(svc.company_duplicates(&ctx).await?))
}

/// Merge `source_ids` into this company. The survivor keeps its non-empty fields,
/// fills empty ones from the sources in order and takes the union of tags; contacts
/// and deals move to it; the sources become tombstones (status `merged`). `dry_run`
/// reports the result and the conflicts without writing.
#[utoipa::path(post, path = "/api/v1/client-companies/{id}/merge", tag = "crm",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ClientCompanyId, Path, description = "The surviving company")),
    request_body = MergeIn,
    responses((status = 200, description = "Merged (or, on a dry run, what would be)", body = CompanyMergeOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn merge(
    State(svc): State<CrmService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ClientCompanyId>,
    ValidatedJson(input): ValidatedJson<MergeIn>,
) -> Result<Json<CompanyMergeOut>, AppError> {
    Ok(Json(svc.merge_companies(&ctx, id, input).await?))
}
