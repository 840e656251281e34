use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, PageOut, PageQuery, ValidatedQuery, WriteBilling, etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::response::IntoResponse;

use crate::dto::{InvoiceReminderId, ReminderFilter, ReminderOut};
use crate::service::RevenueService;

/// Payment reminders drafted for overdue invoices, oldest first. The daily job
/// drafts one when an invoice reaches a step of `reminder_steps` (billing
/// settings); when it first sees an invoice past several steps it drafts only the
/// highest one reached, and it never drafts a step twice for an invoice.
#[utoipa::path(get, path = "/api/v1/invoice-reminders", tag = "invoices",
    extensions(("x-required-role" = json!("any"))),
    params(ReminderFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of reminders", body = PageOut<ReminderOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<RevenueService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<ReminderFilter>,
) -> Result<PageOut<ReminderOut>, AppError> {
    Ok(page.respond(svc.list_reminders(&ctx, &filter, page.request()).await?, |r| r))
}

/// Dismiss a drafted reminder: it will not be sent, and its step is not drafted
/// again. Dismissing it twice changes nothing; a sent reminder is 409.
#[utoipa::path(post, path = "/api/v1/invoice-reminders/{id}/dismiss", tag = "invoices",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = InvoiceReminderId, Path, description = "Reminder id"),
        ("If-Match" = Option<String>, Header, description = "ETag of the reminder's version; a stale one is 409")),
    responses((status = 200, description = "The dismissed reminder", body = ReminderOut,
        headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, reminder_id = %id))]
pub(super) async fn dismiss(
    State(svc): State<RevenueService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<InvoiceReminderId>,
    if_match: IfMatch,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.dismiss_reminder(&ctx, id, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}
