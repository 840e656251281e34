use atrium_kernel::{AppError, Authorized, ValidatedJson, ValidatedQuery, WriteRecords, etag_header};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;

use crate::dto::{ConnectionOut, OAuthCallbackQuery, OAuthStartIn, OAuthStartOut};
use crate::service::CommsService;

/// Start connecting a Gmail mailbox: answers the provider's authorization URL
/// (with a single-use `state` and a PKCE S256 `code_challenge`, valid ten
/// minutes, bound to this organization and user) to send the browser to.
#[utoipa::path(post, path = "/api/v1/mailbox-connections/oauth/start", tag = "comms",
    extensions(("x-required-role" = json!("write_records"))), request_body = OAuthStartIn,
    responses(
        (status = 200, description = "Where to send the browser", body = OAuthStartOut),
        (status = 403, description = "An API key cannot authorize a mailbox", body = atrium_kernel::Problem),
        (status = 422, description = "The provider is not configured on this server", body = atrium_kernel::Problem)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn start(
    State(svc): State<CommsService>,
    ctx: Authorized<WriteRecords>,
    ValidatedJson(input): ValidatedJson<OAuthStartIn>,
) -> Result<Json<OAuthStartOut>, AppError> {
    Ok(Json(svc.start_oauth(&ctx, input).await?))
}

/// Where the provider sends the browser back (same signed-in user): exchanges
/// the code and connects the mailbox (201), or renews the tokens of the mailbox
/// already connected (200), which syncs again right away.
#[utoipa::path(get, path = "/api/v1/mailbox-connections/oauth/callback", tag = "comms",
    extensions(("x-required-role" = json!("write_records"))), params(OAuthCallbackQuery),
    responses(
        (status = 201, description = "Mailbox connected", body = ConnectionOut),
        (status = 200, description = "Tokens of the connected mailbox renewed", body = ConnectionOut),
        (status = 422, description = "Unknown, expired or used state; declined or refused code", body = atrium_kernel::Problem),
        (status = 502, description = "The provider could not be reached", body = atrium_kernel::Problem)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn callback(
    State(svc): State<CommsService>,
    ctx: Authorized<WriteRecords>,
    ValidatedQuery(query): ValidatedQuery<OAuthCallbackQuery>,
) -> Result<impl IntoResponse, AppError> {
    let (out, created) = svc.finish_oauth(&ctx, query).await?;
    let status = if created { StatusCode::CREATED } else { StatusCode::OK };
    let location = [(axum::http::header::LOCATION, format!("/api/v1/mailbox-connections/{}", out.id))];
    Ok((status, location, [etag_header(out.version)], Json(out)))
}
