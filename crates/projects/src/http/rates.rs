//! Rate cards are billing data (cost rates included): read and written by owners,
//! admins and billing only.

use atrium_kernel::{AppError, Authorized, PageOut, PageQuery, ValidatedJson, ValidatedQuery, WriteBilling};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::location;
use crate::dto::{EffectiveRateOut, EffectiveRateQuery, RateCardFilter, RateCardId, RateCardIn, RateCardOut};
use crate::service::TimeService;

/// Rate cards, oldest first: filter by member, engagement, or defaults only.
#[utoipa::path(get, path = "/api/v1/rate-cards", tag = "projects",
    extensions(("x-required-role" = json!("write_billing"))),
    params(RateCardFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of rate cards", body = PageOut<RateCardOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<TimeService>,
    ctx: Authorized<WriteBilling>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<RateCardFilter>,
) -> Result<PageOut<RateCardOut>, AppError> {
    Ok(page.respond(svc.list_rate_cards(&ctx, &filter, page.request()).await?, |t| t))
}

/// Set a member's billing and cost rate from a date: their default (no
/// `engagement_id`) or an override for one engagement, in its currency. To change
/// rates, add a card from a later date; one card per member, engagement and date (409).
#[utoipa::path(post, path = "/api/v1/rate-cards", tag = "projects",
    extensions(("x-required-role" = json!("write_billing"))), request_body = RateCardIn,
    responses((status = 201, description = "Rate card created", body = RateCardOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create(
    State(svc): State<TimeService>,
    ctx: Authorized<WriteBilling>,
    ValidatedJson(input): ValidatedJson<RateCardIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_rate_card(&ctx, input).await?;
    Ok((StatusCode::CREATED, location(format!("/api/v1/rate-cards/{}", out.id)), Json(out)))
}

#[utoipa::path(get, path = "/api/v1/rate-cards/{id}", tag = "projects",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = RateCardId, Path, description = "Rate card id")),
    responses((status = 200, description = "The rate card", body = RateCardOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, rate_card_id = %id))]
pub(super) async fn get(
    State(svc): State<TimeService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<RateCardId>,
) -> Result<Json<RateCardOut>, AppError> {
    Ok(Json(svc.get_rate_card(&ctx, id).await?))
}

/// Delete a rate card: from its date the earlier card applies again.
#[utoipa::path(delete, path = "/api/v1/rate-cards/{id}", tag = "projects",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = RateCardId, Path, description = "Rate card id")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, rate_card_id = %id))]
pub(super) async fn delete(
    State(svc): State<TimeService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<RateCardId>,
) -> Result<StatusCode, AppError> {
    svc.delete_rate_card(&ctx, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The rates that price a member's time on an engagement on a day: the
/// engagement's override in force that day, else the member's default in force
/// (when it is in the engagement's currency). 404 when no card applies.
#[utoipa::path(get, path = "/api/v1/rate-cards/effective", tag = "projects",
    extensions(("x-required-role" = json!("write_billing"))),
    params(EffectiveRateQuery),
    responses((status = 200, description = "The effective rates", body = EffectiveRateOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn effective(
    State(svc): State<TimeService>,
    ctx: Authorized<WriteBilling>,
    ValidatedQuery(q): ValidatedQuery<EffectiveRateQuery>,
) -> Result<Json<EffectiveRateOut>, AppError> {
    Ok(Json(svc.effective_rate(&ctx, &q).await?))
}
