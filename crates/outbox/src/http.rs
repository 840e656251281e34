//! Dead-letter administration (owner/admin) and the change feed (every role).

use atrium_kernel::ApiRouter;
use atrium_kernel::routes;
use atrium_kernel::{AnyRole, AppError, Authorized, CursorKey, FieldError, ManageOrg, PageOut, PageQuery, Requirement};
use axum::Json;
use axum::extract::{Extension, Path, State};
use axum::http::StatusCode;

use crate::admin::OutboxService;
use crate::dto::{DeadLetterId, DeadLetterOut, FeedOut, FeedParams, ReplayedOut};

pub fn router(svc: OutboxService) -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(list_dead_letters))
        .routes(routes!(replay_dead_letter))
        .routes(routes!(replay_all_dead_letters))
        .routes(routes!(change_feed))
        .with_state(svc)
}

/// Deliveries that failed every attempt, newest first (owner/admin).
#[utoipa::path(
    get, path = "/api/v1/dead-letters", tag = "events",
    params(atrium_kernel::PageParams),
    responses((status = 200, description = "A page of dead letters", body = PageOut<DeadLetterOut>)),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn list_dead_letters(
    State(svc): State<OutboxService>,
    ctx: Authorized<ManageOrg>,
    page: PageQuery,
) -> Result<PageOut<DeadLetterOut>, AppError> {
    let found = svc.list_dead_letters(&ctx, page.request()).await?;
    Ok(page.respond(found, |d| d))
}

/// Deliver one dead letter again, with a fresh set of attempts (owner/admin).
#[utoipa::path(
    post, path = "/api/v1/dead-letters/{id}/replay", tag = "events",
    params(("id" = DeadLetterId, Path, description = "Dead letter id")),
    responses((status = 202, description = "Queued for delivery")),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn replay_dead_letter(
    State(svc): State<OutboxService>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<DeadLetterId>,
) -> Result<StatusCode, AppError> {
    svc.replay(&ctx, id).await?;
    Ok(StatusCode::ACCEPTED)
}

/// Deliver every dead letter of the organization again (owner/admin).
#[utoipa::path(
    post, path = "/api/v1/dead-letters/replay", tag = "events",
    responses((status = 202, description = "Queued for delivery", body = ReplayedOut)),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn replay_all_dead_letters(
    State(svc): State<OutboxService>,
    ctx: Authorized<ManageOrg>,
) -> Result<(StatusCode, Json<ReplayedOut>), AppError> {
    let replayed = svc.replay_all(&ctx).await?;
    Ok((StatusCode::ACCEPTED, Json(ReplayedOut { replayed })))
}

/// The organization's events in commit order — creations, updates, deletions,
/// merges — for incremental sync. Events are kept for the outbox retention period.
#[utoipa::path(
    get, path = "/api/v1/events", tag = "events",
    params(FeedParams),
    responses((status = 200, description = "Events after the cursor", body = FeedOut)),
    extensions(("x-required-role" = json!(AnyRole::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn change_feed(
    State(svc): State<OutboxService>,
    ctx: Authorized<AnyRole>,
    Extension(key): Extension<CursorKey>,
    atrium_kernel::ValidatedQuery(params): atrium_kernel::ValidatedQuery<FeedParams>,
) -> Result<Json<FeedOut>, AppError> {
    let mut errors = Vec::new();
    let after = match params.after.as_deref() {
        None | Some("") => 0,
        Some(raw) => key.decode_position(raw).unwrap_or_else(|| {
            errors.push(FieldError::new("after", "is not a cursor issued by this server"));
            0
        }),
    };
    let limit = match params.limit.as_deref().filter(|l| !l.is_empty()).map(str::parse::<u64>) {
        None => 100,
        Some(Ok(n)) if (1..=500).contains(&n) => n,
        Some(_) => {
            errors.push(FieldError::new("limit", "must be an integer from 1 to 500"));
            100
        }
    };
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let (items, last) = svc.feed(&ctx, after, limit).await?;
    Ok(Json(FeedOut { items, next_cursor: key.encode_position(last) }))
}
