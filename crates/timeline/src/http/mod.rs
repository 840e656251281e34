//! The timeline route: open to every role.

use atrium_kernel::ApiRouter;
use atrium_kernel::routes;
use atrium_kernel::{AnyRole, AppError, Authorized, PageOut, PageQuery, Requirement, ValidatedQuery};
use axum::extract::State;

use crate::dto::{ActivityOut, TimelineFilter};
use crate::service::TimelineService;

pub fn router(svc: TimelineService) -> ApiRouter {
    ApiRouter::new().routes(routes!(list_timeline)).with_state(svc)
}

/// What happened, newest first: for one engagement, one entity, or the whole organization.
#[utoipa::path(
    get, path = "/api/v1/timeline", tag = "timeline",
    params(TimelineFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of timeline entries", body = PageOut<ActivityOut>)),
    extensions(("x-required-role" = json!(AnyRole::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn list_timeline(
    State(svc): State<TimelineService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<TimelineFilter>,
) -> Result<PageOut<ActivityOut>, AppError> {
    let found = svc.list(&ctx, &filter, page.request()).await?;
    Ok(page.respond(found, |a| a))
}
