//! Booking endpoints: owners and admins manage them; providers deliver to the
//! inbound route, which takes no session or API key — the endpoint's signature
//! is its credential (and the gateway limits it per client IP, as every
//! unauthenticated route).

use atrium_kernel::ApiRouter;
use atrium_kernel::routes;
use atrium_kernel::{
    AppError, Authorized, IfMatch, ManageOrg, PageOut, PageQuery, Requirement, ValidatedJson, etag_header,
};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::booking::{CAL_SIGNATURE, CALENDLY_SIGNATURE};
use crate::dto::{
    BookingEndpointId, BookingEndpointIn, BookingEndpointOut, BookingEndpointPatch, BookingEndpointSecretOut,
    BookingIgnoredOut, BookingReceiptOut, BookingSecretIn,
};
use crate::service::{BookingService, Received, Signatures};

pub fn router(svc: BookingService) -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(list_endpoints, create_endpoint))
        .routes(routes!(get_endpoint, update_endpoint, delete_endpoint))
        .routes(routes!(rotate_secret))
        .routes(routes!(receive))
        .with_state(svc)
}

const ID: &str = "Booking endpoint id";

/// The organization's booking endpoints (owner/admin). Secrets are never listed.
#[utoipa::path(get, path = "/api/v1/booking-endpoints", tag = "workflow", params(atrium_kernel::PageParams),
    responses((status = 200, description = "A page of booking endpoints", body = PageOut<BookingEndpointOut>)),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn list_endpoints(
    State(svc): State<BookingService>,
    ctx: Authorized<ManageOrg>,
    page: PageQuery,
) -> Result<PageOut<BookingEndpointOut>, AppError> {
    let found = svc.list_endpoints(&ctx, page.request()).await?;
    Ok(page.respond(found, |e| e))
}

/// Create a booking endpoint (owner/admin) for Cal.com or Calendly. The answer
/// carries the signing secret once: the generated one (256 bits), or the one
/// given. Give the provider `inbound_path` on this server and the secret.
#[utoipa::path(post, path = "/api/v1/booking-endpoints", tag = "workflow", request_body = BookingEndpointIn,
    responses((status = 201, description = "Endpoint created; the secret is shown only here", body = BookingEndpointSecretOut,
        headers(("Location" = String, description = "The endpoint's URL"), ("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn create_endpoint(
    State(svc): State<BookingService>,
    ctx: Authorized<ManageOrg>,
    ValidatedJson(input): ValidatedJson<BookingEndpointIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_endpoint(&ctx, input).await?;
    let location = format!("/api/v1/booking-endpoints/{}", out.endpoint.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], [etag_header(out.endpoint.version)], Json(out)))
}

/// One booking endpoint (owner/admin).
#[utoipa::path(get, path = "/api/v1/booking-endpoints/{id}", tag = "workflow",
    params(("id" = BookingEndpointId, Path, description = ID)),
    responses((status = 200, description = "The endpoint", body = BookingEndpointOut, headers(("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn get_endpoint(
    State(svc): State<BookingService>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<BookingEndpointId>,
) -> Result<impl IntoResponse, AppError> {
    let e = svc.get_endpoint(&ctx, id).await?;
    Ok(([etag_header(e.version)], Json(e)))
}

/// Rename, enable or disable an endpoint (owner/admin). A disabled endpoint
/// refuses deliveries as an unknown one does.
#[utoipa::path(patch, path = "/api/v1/booking-endpoints/{id}", tag = "workflow",
    params(("id" = BookingEndpointId, Path, description = ID),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = BookingEndpointPatch,
    responses((status = 200, description = "Updated endpoint", body = BookingEndpointOut, headers(("ETag" = String, description = "New version")))),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn update_endpoint(
    State(svc): State<BookingService>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<BookingEndpointId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<BookingEndpointPatch>,
) -> Result<impl IntoResponse, AppError> {
    let e = svc.update_endpoint(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(e.version)], Json(e)))
}

/// Delete an endpoint and its receipts (owner/admin); its URL stops answering.
#[utoipa::path(delete, path = "/api/v1/booking-endpoints/{id}", tag = "workflow",
    params(("id" = BookingEndpointId, Path, description = ID),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn delete_endpoint(
    State(svc): State<BookingService>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<BookingEndpointId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete_endpoint(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Replace the signing secret (owner/admin): the given one, or a generated one,
/// shown only in this answer. Deliveries signed with the old secret are refused
/// from now on.
#[utoipa::path(post, path = "/api/v1/booking-endpoints/{id}/rotate-secret", tag = "workflow",
    params(("id" = BookingEndpointId, Path, description = ID)),
    request_body = BookingSecretIn,
    responses((status = 200, description = "The new secret, shown only here", body = BookingEndpointSecretOut)),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn rotate_secret(
    State(svc): State<BookingService>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<BookingEndpointId>,
    ValidatedJson(input): ValidatedJson<BookingSecretIn>,
) -> Result<Json<BookingEndpointSecretOut>, AppError> {
    Ok(Json(svc.rotate_secret(&ctx, id, input).await?))
}

/// A booking webhook from Cal.com (`X-Cal-Signature-256`, acts on
/// `BOOKING_CREATED`) or Calendly (`Calendly-Webhook-Signature`, acts on
/// `invitee.created`, `t` within 5 minutes). No session or API key: a body that
/// is not JSON at all is a 400 for any endpoint; then the signature over the raw
/// body is checked before the payload is read, and an unknown or disabled
/// endpoint or a bad signature get the same 401. A booking publishes `appointment.booked` once;
/// a redelivery answers 200 with the same receipt (`duplicate: true`).
#[utoipa::path(post, path = "/api/v1/integrations/bookings/{endpoint}", tag = "workflow", security(()),
    params(("endpoint" = String, Path, description = "The endpoint's random ingest id (the last segment of its `inbound_path`)"),
        ("X-Cal-Signature-256" = Option<String>, Header, description = "Cal.com: hex HMAC-SHA256 of the body"),
        ("Calendly-Webhook-Signature" = Option<String>, Header, description = "Calendly: `t=<unix>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">`")),
    request_body(content = Object, content_type = "application/json",
        description = "The provider's webhook payload, as it sends it",
        example = json!({"triggerEvent": "BOOKING_CREATED", "payload": {"uid": "bk_9f2c1d", "title": "Intro call",
            "startTime": "2026-12-14T10:00:00Z", "attendees": [{"email": "lin@clinic.example", "name": "Lin Wu"}]}})),
    responses(
        (status = 200, description = "Booking received (or received before: `duplicate`)", body = BookingReceiptOut),
        (status = 202, description = "Signed, but not an event the integration acts on: nothing done", body = BookingIgnoredOut),
        (status = 401, description = "Unknown or disabled endpoint, or a missing, wrong or stale signature (indistinguishable)",
            body = atrium_kernel::Problem, content_type = "application/problem+json"),
    )
)]
#[tracing::instrument(skip_all)]
async fn receive(
    State(svc): State<BookingService>,
    Path(endpoint): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let signatures = Signatures { cal_com: header(CAL_SIGNATURE), calendly: header(CALENDLY_SIGNATURE) };
    Ok(match svc.receive(&endpoint, &signatures, &body).await? {
        Received::Booked(receipt) => (StatusCode::OK, Json(receipt)).into_response(),
        Received::Ignored(ignored) => (StatusCode::ACCEPTED, Json(ignored)).into_response(),
    })
}
