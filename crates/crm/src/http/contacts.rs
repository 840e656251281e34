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
    ContactFilter, ContactId, ContactIn, ContactMergeOut, ContactOut, ContactPatch, DuplicateGroupOut, MergeIn,
};
use crate::service::CrmService;

/// Contacts, oldest first; filter by company, email or free text `q`.
#[utoipa::path(get, path = "/api/v1/contacts", tag = "crm",
    extensions(("x-required-role" = json!("any"))),
    params(ContactFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of contacts", body = PageOut<ContactOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<CrmService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<ContactFilter>,
) -> Result<PageOut<ContactOut>, AppError> {
    Ok(page.respond(svc.list_contacts(&ctx, &filter, page.request()).await?, |c| c))
}

/// Create a contact. An email already used in the organization is a 409 naming that contact.
#[utoipa::path(post, path = "/api/v1/contacts", tag = "crm",
    extensions(("x-required-role" = json!("write_records"))), request_body = ContactIn,
    responses((status = 201, description = "Contact created", body = ContactOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create(
    State(svc): State<CrmService>,
    ctx: Authorized<WriteRecords>,
    ValidatedJson(input): ValidatedJson<ContactIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_contact(&ctx, input).await?;
    Ok((StatusCode::CREATED, location(format!("/api/v1/contacts/{}", out.id)), [etag_header(out.version)], Json(out)))
}

/// Candidate duplicates: same email, same phone, or same name within a company.
#[utoipa::path(get, path = "/api/v1/contacts/duplicates", tag = "crm",
    extensions(("x-required-role" = json!("any"))),
    responses((status = 200, description = "Groups of likely duplicates with the reason", body = Vec<DuplicateGroupOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn duplicates(
    State(svc): State<CrmService>,
    ctx: Authorized<AnyRole>,
) -> Result<Json<Vec<DuplicateGroupOut>>, AppError> {
    Ok(Json(svc.contact_duplicates(&ctx).await?))
}

/// One contact; a merged one resolves with `merged_into_id` naming the survivor.
#[utoipa::path(get, path = "/api/v1/contacts/{id}", tag = "crm",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = ContactId, Path, description = "Contact id")),
    responses((status = 200, description = "The contact", body = ContactOut, headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn get(
    State(svc): State<CrmService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<ContactId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_contact(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Change a contact (absent fields unchanged, `null` clears).
#[utoipa::path(patch, path = "/api/v1/contacts/{id}", tag = "crm",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ContactId, Path, description = "Contact id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = ContactPatch,
    responses((status = 200, description = "Updated contact", body = ContactOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn update(
    State(svc): State<CrmService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ContactId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<ContactPatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update_contact(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Delete a contact; deals keep no reference to it.
#[utoipa::path(delete, path = "/api/v1/contacts/{id}", tag = "crm",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ContactId, Path, description = "Contact id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn delete(
    State(svc): State<CrmService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ContactId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete_contact(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Merge `source_ids` into this contact. The survivor keeps its non-empty fields and
/// fills empty ones from the sources in order; deals move to it; the sources become
/// tombstones. `dry_run` reports the result and the conflicts without writing.
#[utoipa::path(post, path = "/api/v1/contacts/{id}/merge", tag = "crm",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ContactId, Path, description = "The surviving contact")),
    request_body = MergeIn,
    responses((status = 200, description = "Merged (or, on a dry run, what would be)", body = ContactMergeOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn merge(
    State(svc): State<CrmService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ContactId>,
    ValidatedJson(input): ValidatedJson<MergeIn>,
) -> Result<Json<ContactMergeOut>, AppError> {
    Ok(Json(svc.merge_contacts(&ctx, id, input).await?))
}
