//! Ledger sync routes: connect (OAuth), mappings, sync now, and run reports.
//! Connecting and mapping need `manage_org` (owner, admin); a sync needs
//! `write_billing`; reading is open to every role.

use atrium_kernel::{
    AnyRole, AppError, Authorized, ManageOrg, PageOut, PageQuery, ValidatedJson, ValidatedQuery, WriteBilling,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::location;
use crate::dto::{
    AuthorizeOut, CallbackQuery, ConnectionOut, LedgerLinkId, LedgerSyncRunId, LinkFilter, LinkOut, MappingIn,
    MappingKind, MappingList, MappingOut, OptionList, Provider, ResolveIn, SyncRunOut,
};
use crate::service::LedgerService;

/// Start connecting the organization's ledger: answers the provider's authorization URL (with `state`).
#[utoipa::path(get, path = "/api/v1/ledger/connect/{provider}", tag = "ledger",
    extensions(("x-required-role" = json!("manage_organization"))),
    params(("provider" = Provider, Path, description = "`quickbooks` or `xero`")),
    responses((status = 200, description = "Send the user to `authorize_url`", body = AuthorizeOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn connect(
    State(svc): State<LedgerService>,
    ctx: Authorized<ManageOrg>,
    Path(provider): Path<Provider>,
) -> Result<Json<AuthorizeOut>, AppError> {
    Ok(Json(svc.start_connect(&ctx, provider).await?))
}

/// The OAuth callback: exchanges the code (the `state` must be this organization's).
#[utoipa::path(get, path = "/api/v1/ledger/callback/{provider}", tag = "ledger",
    extensions(("x-required-role" = json!("manage_organization"))),
    params(("provider" = Provider, Path, description = "`quickbooks` or `xero`"), CallbackQuery),
    responses((status = 200, description = "Connected", body = ConnectionOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn callback(
    State(svc): State<LedgerService>,
    ctx: Authorized<ManageOrg>,
    Path(provider): Path<Provider>,
    ValidatedQuery(q): ValidatedQuery<CallbackQuery>,
) -> Result<Json<ConnectionOut>, AppError> {
    Ok(Json(svc.finish_connect(&ctx, provider, q).await?))
}

#[utoipa::path(get, path = "/api/v1/ledger/connection", tag = "ledger",
    extensions(("x-required-role" = json!("any"))),
    responses((status = 200, description = "The organization's ledger connection", body = ConnectionOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn connection(
    State(svc): State<LedgerService>,
    ctx: Authorized<AnyRole>,
) -> Result<Json<ConnectionOut>, AppError> {
    Ok(Json(svc.get_connection(&ctx).await?))
}

/// The ledger's entries a mapping of `kind` may name (fetched from the ledger).
#[utoipa::path(get, path = "/api/v1/ledger/options/{kind}", tag = "ledger",
    extensions(("x-required-role" = json!("manage_organization"))),
    params(("kind" = MappingKind, Path, description = "What is mapped")),
    responses((status = 200, description = "The ledger's list", body = OptionList)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn options(
    State(svc): State<LedgerService>,
    ctx: Authorized<ManageOrg>,
    Path(kind): Path<MappingKind>,
) -> Result<Json<OptionList>, AppError> {
    Ok(Json(OptionList { items: svc.ledger_options(&ctx, kind).await? }))
}

#[utoipa::path(get, path = "/api/v1/ledger/mappings", tag = "ledger",
    extensions(("x-required-role" = json!("any"))),
    responses((status = 200, description = "Every mapping (a handful per organization)", body = MappingList)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list_mappings(
    State(svc): State<LedgerService>,
    ctx: Authorized<AnyRole>,
) -> Result<Json<MappingList>, AppError> {
    Ok(Json(MappingList { items: svc.list_mappings(&ctx).await? }))
}

/// Set a mapping; the remote id must be in the ledger's list (422 naming `remote_id` otherwise).
#[utoipa::path(put, path = "/api/v1/ledger/mappings", tag = "ledger",
    extensions(("x-required-role" = json!("manage_organization"))), request_body = MappingIn,
    responses((status = 200, description = "The mapping", body = MappingOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn set_mapping(
    State(svc): State<LedgerService>,
    ctx: Authorized<ManageOrg>,
    ValidatedJson(input): ValidatedJson<MappingIn>,
) -> Result<Json<MappingOut>, AppError> {
    Ok(Json(svc.set_mapping(&ctx, input).await?))
}

/// Sync now: push, then pull; answers the run's report.
#[utoipa::path(post, path = "/api/v1/ledger/sync", tag = "ledger",
    extensions(("x-required-role" = json!("write_billing"))),
    responses((status = 201, description = "The run's report", body = SyncRunOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn sync(
    State(svc): State<LedgerService>,
    ctx: Authorized<WriteBilling>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.sync_now(&ctx).await?;
    Ok((StatusCode::CREATED, location(format!("/api/v1/ledger/sync-runs/{}", out.id)), Json(out)))
}

/// Sync runs, newest first.
#[utoipa::path(get, path = "/api/v1/ledger/sync-runs", tag = "ledger",
    extensions(("x-required-role" = json!("any"))),
    params(atrium_kernel::PageParams),
    responses((status = 200, description = "A page of runs", body = PageOut<SyncRunOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list_runs(
    State(svc): State<LedgerService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
) -> Result<PageOut<SyncRunOut>, AppError> {
    Ok(page.respond(svc.list_runs(&ctx, page.request()).await?, |r| r))
}

#[utoipa::path(get, path = "/api/v1/ledger/sync-runs/{id}", tag = "ledger",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = LedgerSyncRunId, Path, description = "Run id")),
    responses((status = 200, description = "The run's report", body = SyncRunOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, run_id = %id))]
pub(super) async fn get_run(
    State(svc): State<LedgerService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<LedgerSyncRunId>,
) -> Result<Json<SyncRunOut>, AppError> {
    Ok(Json(svc.get_run(&ctx, id).await?))
}

/// Records and their ledger counterparts, oldest first; `status=conflict` lists what needs deciding.
#[utoipa::path(get, path = "/api/v1/ledger/links", tag = "ledger",
    extensions(("x-required-role" = json!("any"))),
    params(LinkFilter, atrium_kernel::PageParams),
    responses(
        (status = 200, description = "A page of links", body = PageOut<LinkOut>),
        (status = 422, description = "An unknown status or record type", body = atrium_kernel::Problem),
    ))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list_links(
    State(svc): State<LedgerService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<LinkFilter>,
) -> Result<PageOut<LinkOut>, AppError> {
    Ok(page.respond(svc.list_links(&ctx, &filter, page.request()).await?, |l| l))
}

#[utoipa::path(get, path = "/api/v1/ledger/links/{id}", tag = "ledger",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = LedgerLinkId, Path, description = "Link id")),
    responses(
        (status = 200, description = "The link", body = LinkOut),
        (status = 404, description = "No such link in this organization", body = atrium_kernel::Problem),
    ))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, link_id = %id))]
pub(super) async fn get_link(
    State(svc): State<LedgerService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<LedgerLinkId>,
) -> Result<Json<LinkOut>, AppError> {
    Ok(Json(svc.get_link(&ctx, id).await?))
}

/// Decide a conflict: `local` pushes Atrium's version over the ledger's at the next
/// sync; `remote` keeps the ledger's, copies its edits into Atrium's record (which
/// fields per record type: see `Keep`) and pushes nothing back.
#[utoipa::path(post, path = "/api/v1/ledger/links/{id}/resolve", tag = "ledger",
    extensions(("x-required-role" = json!("write_billing"))), request_body = ResolveIn,
    params(("id" = LedgerLinkId, Path, description = "Link id")),
    responses(
        (status = 200, description = "Resolved; the link is no longer in conflict", body = LinkOut),
        (status = 404, description = "No such link in this organization", body = atrium_kernel::Problem),
        (status = 409, description = "Not in conflict, no ledger connected, or the ledger's edit cannot be kept (a vendor name another vendor has, a due date before the document's date)", body = atrium_kernel::Problem),
        (status = 422, description = "`keep` is not `local` or `remote`", body = atrium_kernel::Problem),
        (status = 503, description = "The ledger did not answer", body = atrium_kernel::Problem),
    ))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, link_id = %id))]
pub(super) async fn resolve_link(
    State(svc): State<LedgerService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<LedgerLinkId>,
    ValidatedJson(input): ValidatedJson<ResolveIn>,
) -> Result<Json<LinkOut>, AppError> {
    Ok(Json(svc.resolve_link(&ctx, id, input).await?))
}
