use atrium_kernel::{AnyRole, AppError, Authorized, PageOut, PageQuery, ValidatedQuery};
use axum::extract::State;

use crate::dto::{UtilizationQuery, UtilizationRow};
use crate::service::TimeService;

/// Utilization per member over a period (`from`, `to`, both days included):
/// available minutes from each member's weekly capacity (prorated per working
/// day, following capacity changes inside the period), logged, billable and
/// approved minutes, and billable / available and billable / total in basis
/// points on the `basis` chosen (`approved` by default, or `logged`). Narrow it to
/// a member (`me`), a project or an engagement; pages go by member id. Every role
/// reads every member's row, as with time entries; another organization's id in a
/// filter is a 404.
#[utoipa::path(get, path = "/api/v1/reports/utilization", tag = "projects",
    extensions(("x-required-role" = json!("any"))),
    params(UtilizationQuery, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of members' utilization", body = PageOut<UtilizationRow>,
        example = json!({"items": [{"member_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b", "available_minutes": 9600,
            "logged_minutes": 9000, "billable_minutes": 7200, "approved_minutes": 8400,
            "approved_billable_minutes": 6720, "basis": "approved", "utilization_bp": 7000,
            "billable_share_bp": 8000}], "next_cursor": null}))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn report(
    State(svc): State<TimeService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(q): ValidatedQuery<UtilizationQuery>,
) -> Result<PageOut<UtilizationRow>, AppError> {
    Ok(page.respond(svc.utilization(&ctx, &q, page.request()).await?, |r| r))
}
