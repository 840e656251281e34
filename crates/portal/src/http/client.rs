//! The portal's API for a signed-in contact beyond invoices: proposals to accept
//! or decline, contracts to sign, client files and shared threads. Every route
//! answers only to the portal session cookie; an id the session's engagement
//! does not see is 404 (whether it is another engagement's, another
//! organization's, internal, or missing).

use atrium_kernel::{AppError, ClientIp, PageOut, PageParams, PageQuery, ValidatedJson};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;

use super::session::{Portal, PortalHttp};
use crate::dto::{
    PortalContractOut, PortalFileOut, PortalMessageOut, PortalProposalOut, PortalReplyIn, PortalSignIn, PortalThreadOut,
};

/// Proposals sent to the client (not drafts), newest first (`view` or `approve_proposals`).
#[utoipa::path(get, path = "/portal/api/v1/proposals", tag = "portal-client", security(("portal_session" = [])),
    params(PageParams),
    responses((status = 200, description = "The proposals", body = PageOut<PortalProposalOut>),
        (status = 401, description = "No portal session"), (status = 403, description = "The grant does not include it")))]
#[tracing::instrument(skip_all)]
pub(super) async fn proposals(
    State(st): State<PortalHttp>,
    // Before the session: a malformed cursor is a 422 naming it, whoever asks.
    page: PageQuery,
    Portal(ctx): Portal,
) -> Result<PageOut<PortalProposalOut>, AppError> {
    Ok(page.respond(st.svc.proposals(&ctx, page.request()).await?, |i| i))
}

/// Accept a sent proposal (`approve_proposals`). The event's actor is the contact and
/// the staff timeline reads "Ann Lee (client) accepted proposal P-0012 “…”". A proposal no
/// longer sent is 409 naming its status; one the engagement does not see is 404.
#[utoipa::path(post, path = "/portal/api/v1/proposals/{proposal_id}/accept", tag = "portal-client",
    security(("portal_session" = [])),
    params(("proposal_id" = uuid::Uuid, Path, description = "Proposal id")),
    responses((status = 200, description = "Accepted", body = PortalProposalOut),
        (status = 403, description = "The grant does not include approve_proposals"),
        (status = 404, description = "No such proposal for this engagement"),
        (status = 409, description = "Not awaiting a decision", body = atrium_kernel::Problem,
            content_type = "application/problem+json")))]
#[tracing::instrument(skip_all)]
pub(super) async fn accept_proposal(
    State(st): State<PortalHttp>,
    Portal(ctx): Portal,
    Path(id): Path<uuid::Uuid>,
) -> Result<Json<PortalProposalOut>, AppError> {
    Ok(Json(st.svc.decide_proposal(&ctx, id, true).await?))
}

/// Decline a sent proposal (`approve_proposals`); as accepting, with `declined`.
#[utoipa::path(post, path = "/portal/api/v1/proposals/{proposal_id}/decline", tag = "portal-client",
    security(("portal_session" = [])),
    params(("proposal_id" = uuid::Uuid, Path, description = "Proposal id")),
    responses((status = 200, description = "Declined", body = PortalProposalOut),
        (status = 404, description = "No such proposal for this engagement"),
        (status = 409, description = "Not awaiting a decision")))]
#[tracing::instrument(skip_all)]
pub(super) async fn decline_proposal(
    State(st): State<PortalHttp>,
    Portal(ctx): Portal,
    Path(id): Path<uuid::Uuid>,
) -> Result<Json<PortalProposalOut>, AppError> {
    Ok(Json(st.svc.decide_proposal(&ctx, id, false).await?))
}

/// Contracts sent to the client (not drafts), newest first (`view` or `sign_contracts`).
#[utoipa::path(get, path = "/portal/api/v1/contracts", tag = "portal-client", security(("portal_session" = [])),
    params(PageParams),
    responses((status = 200, description = "The contracts", body = PageOut<PortalContractOut>)))]
#[tracing::instrument(skip_all)]
pub(super) async fn contracts(
    State(st): State<PortalHttp>,
    // Before the session: a malformed cursor is a 422 naming it, whoever asks.
    page: PageQuery,
    Portal(ctx): Portal,
) -> Result<PageOut<PortalContractOut>, AppError> {
    Ok(page.respond(st.svc.contracts(&ctx, page.request()).await?, |i| i))
}

/// Sign a sent contract (`sign_contracts`) through agreements' signing path: the
/// signature data is stored encrypted, with the server's clock and the client's
/// address (`X-Forwarded-For` believed only from `TRUSTED_PROXIES`). Not sent is 409.
#[utoipa::path(post, path = "/portal/api/v1/contracts/{contract_id}/sign", tag = "portal-client",
    security(("portal_session" = [])),
    params(("contract_id" = uuid::Uuid, Path, description = "Contract id")),
    request_body = PortalSignIn,
    responses((status = 200, description = "Signed", body = PortalContractOut),
        (status = 403, description = "The grant does not include sign_contracts"),
        (status = 404, description = "No such contract for this engagement"),
        (status = 409, description = "Not awaiting signature"),
        (status = 422, description = "A field is missing or invalid", body = atrium_kernel::Problem,
            content_type = "application/problem+json")))]
#[tracing::instrument(skip_all)]
pub(super) async fn sign_contract(
    State(st): State<PortalHttp>,
    // Read after the body: malformed input is a 400/422 naming it, whoever sends it.
    portal: Result<Portal, AppError>,
    Path(id): Path<uuid::Uuid>,
    ClientIp(ip): ClientIp,
    ValidatedJson(input): ValidatedJson<PortalSignIn>,
) -> Result<Json<PortalContractOut>, AppError> {
    let Portal(ctx) = portal?;
    Ok(Json(st.svc.sign_contract(&ctx, id, input, ip.map(|ip| ip.to_string())).await?))
}

/// The engagement's files with `client` visibility (`view`).
#[utoipa::path(get, path = "/portal/api/v1/files", tag = "portal-client", security(("portal_session" = [])),
    params(PageParams),
    responses((status = 200, description = "The files", body = PageOut<PortalFileOut>)))]
#[tracing::instrument(skip_all)]
pub(super) async fn files(
    State(st): State<PortalHttp>,
    // Before the session: a malformed cursor is a 422 naming it, whoever asks.
    page: PageQuery,
    Portal(ctx): Portal,
) -> Result<PageOut<PortalFileOut>, AppError> {
    Ok(page.respond(st.svc.files(&ctx, page.request()).await?, |i| i))
}

/// Download a client file: a 302 to a presigned URL of its current version, valid a few
/// minutes. An internal file, or one of another engagement, is 404.
#[utoipa::path(get, path = "/portal/api/v1/files/{file_id}/download", tag = "portal-client",
    security(("portal_session" = [])),
    params(("file_id" = uuid::Uuid, Path, description = "File id")),
    responses((status = 302, description = "To the presigned URL",
            headers(("Location" = String, description = "The presigned URL"))),
        (status = 404, description = "No such client file for this engagement")))]
#[tracing::instrument(skip_all)]
pub(super) async fn download_file(
    State(st): State<PortalHttp>,
    Portal(ctx): Portal,
    Path(id): Path<uuid::Uuid>,
) -> Result<impl IntoResponse, AppError> {
    let url = st.svc.file_url(&ctx, id).await?;
    Ok((StatusCode::FOUND, [(header::LOCATION, url), (header::CACHE_CONTROL, "no-store".to_owned())]))
}

/// The engagement's threads shared with the client, newest first (`view` or `reply_threads`).
#[utoipa::path(get, path = "/portal/api/v1/threads", tag = "portal-client", security(("portal_session" = [])),
    params(PageParams),
    responses((status = 200, description = "The threads", body = PageOut<PortalThreadOut>)))]
#[tracing::instrument(skip_all)]
pub(super) async fn threads(
    State(st): State<PortalHttp>,
    // Before the session: a malformed cursor is a 422 naming it, whoever asks.
    page: PageQuery,
    Portal(ctx): Portal,
) -> Result<PageOut<PortalThreadOut>, AppError> {
    Ok(page.respond(st.svc.threads(&ctx, page.request()).await?, |i| i))
}

/// A shared thread's messages, oldest first. An unshared thread is 404.
#[utoipa::path(get, path = "/portal/api/v1/threads/{thread_id}/messages", tag = "portal-client",
    security(("portal_session" = [])),
    params(("thread_id" = uuid::Uuid, Path, description = "Thread id"), PageParams),
    responses((status = 200, description = "The messages", body = PageOut<PortalMessageOut>),
        (status = 404, description = "No such shared thread for this engagement")))]
#[tracing::instrument(skip_all)]
pub(super) async fn thread_messages(
    State(st): State<PortalHttp>,
    page: PageQuery,
    Portal(ctx): Portal,
    Path(id): Path<uuid::Uuid>,
) -> Result<PageOut<PortalMessageOut>, AppError> {
    Ok(page.respond(st.svc.thread_messages(&ctx, id, page.request()).await?, |m| m))
}

/// Reply to a shared thread (`reply_threads`): comms writes the message in the thread and
/// sends it from the thread's mailbox to the firm, the contact as its event's actor.
#[utoipa::path(post, path = "/portal/api/v1/threads/{thread_id}/replies", tag = "portal-client",
    security(("portal_session" = [])),
    params(("thread_id" = uuid::Uuid, Path, description = "Thread id")),
    request_body = PortalReplyIn,
    responses((status = 201, description = "Queued", body = PortalMessageOut),
        (status = 403, description = "The grant does not include reply_threads"),
        (status = 404, description = "No such shared thread for this engagement"),
        (status = 422, description = "Empty or too long", body = atrium_kernel::Problem,
            content_type = "application/problem+json")))]
#[tracing::instrument(skip_all)]
pub(super) async fn reply(
    State(st): State<PortalHttp>,
    // Read after the body: malformed input is a 400/422 naming it, whoever sends it.
    portal: Result<Portal, AppError>,
    Path(id): Path<uuid::Uuid>,
    ValidatedJson(input): ValidatedJson<PortalReplyIn>,
) -> Result<impl IntoResponse, AppError> {
    let Portal(ctx) = portal?;
    let out = st.svc.reply(&ctx, id, input.body_text.into_inner()).await?;
    Ok((StatusCode::CREATED, Json(out)))
}
