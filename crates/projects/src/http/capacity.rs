//! Member capacities are staffing data: owners and admins set them, every role
//! reads them (the utilization report shows them to every role anyway).

use atrium_kernel::{AnyRole, AppError, Authorized, ManageOrg, PageOut, PageQuery, ValidatedJson, ValidatedQuery};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::location;
use crate::dto::{MemberCapacityFilter, MemberCapacityId, MemberCapacityIn, MemberCapacityOut};
use crate::service::TimeService;

/// Member capacities, oldest first: filter by member (`me` for the caller).
#[utoipa::path(get, path = "/api/v1/member-capacities", tag = "projects",
    extensions(("x-required-role" = json!("any"))),
    params(MemberCapacityFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of member capacities", body = PageOut<MemberCapacityOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<TimeService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<MemberCapacityFilter>,
) -> Result<PageOut<MemberCapacityOut>, AppError> {
    Ok(page.respond(svc.list_capacities(&ctx, &filter, page.request()).await?, |c| c))
}

/// Set a member's weekly capacity from a date (default 2400 minutes over Monday
/// to Friday). It applies until the member's next capacity starts; to change it,
/// add one from a later date. One capacity per member and date (409).
#[utoipa::path(post, path = "/api/v1/member-capacities", tag = "projects",
    extensions(("x-required-role" = json!("manage_organization"))), request_body = MemberCapacityIn,
    responses((status = 201, description = "Capacity created", body = MemberCapacityOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create(
    State(svc): State<TimeService>,
    ctx: Authorized<ManageOrg>,
    ValidatedJson(input): ValidatedJson<MemberCapacityIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_capacity(&ctx, input).await?;
    Ok((StatusCode::CREATED, location(format!("/api/v1/member-capacities/{}", out.id)), Json(out)))
}

#[utoipa::path(get, path = "/api/v1/member-capacities/{id}", tag = "projects",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = MemberCapacityId, Path, description = "Member capacity id")),
    responses((status = 200, description = "The member capacity", body = MemberCapacityOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, capacity_id = %id))]
pub(super) async fn get(
    State(svc): State<TimeService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<MemberCapacityId>,
) -> Result<Json<MemberCapacityOut>, AppError> {
    Ok(Json(svc.get_capacity(&ctx, id).await?))
}

/// Delete a capacity: from its date the member's earlier capacity (or none) applies again.
#[utoipa::path(delete, path = "/api/v1/member-capacities/{id}", tag = "projects",
    extensions(("x-required-role" = json!("manage_organization"))),
    params(("id" = MemberCapacityId, Path, description = "Member capacity id")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, capacity_id = %id))]
pub(super) async fn delete(
    State(svc): State<TimeService>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<MemberCapacityId>,
) -> Result<StatusCode, AppError> {
    svc.delete_capacity(&ctx, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
