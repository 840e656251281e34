use atrium_kernel::{AppError, Authorized, WriteBilling};
use axum::Json;
use axum::body::{Body, to_bytes};
use axum::extract::State;
use axum::http::{HeaderMap, header};

use crate::dto::FxImportOut;
use crate::service::RevenueService;

/// Largest exchange-rate import body (10,000 rows of `2027-01-31,EUR,USD,1.083412345` fit).
pub const FX_IMPORT_MAX_BYTES: usize = 512 * 1024;

/// Import exchange rates from CSV (`text/csv`, header `date,from,to,rate`; `to` is
/// the base currency, `rate` a decimal string with at most 9 decimals, stored
/// exactly). All or nothing: any bad row is a 422 whose `errors[]` name
/// `rows[N].column` (N = 1 is the first row after the header) and nothing is
/// written. A rate for a currency and day that has one replaces it; an identical
/// one is left alone. Each rate written publishes `revenue.fx_rate.recorded`.
/// At most 10,000 rows and 512 KiB (413).
#[utoipa::path(post, path = "/api/v1/fx-rates/import", tag = "billing",
    extensions(("x-required-role" = json!("write_billing"))),
    request_body(content = String, content_type = "text/csv",
        example = "date,from,to,rate\n2027-01-29,EUR,USD,1.0834\n2027-01-29,GBP,USD,1.2671\n"),
    responses((status = 200, description = "How many rates were created, replaced or already equal", body = FxImportOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn import(
    State(svc): State<RevenueService>,
    ctx: Authorized<WriteBilling>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<FxImportOut>, AppError> {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let essence = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    if essence != "text/csv" && essence != "application/csv" {
        return Err(AppError::UnsupportedMediaType("expected text/csv".into()));
    }
    let bytes = to_bytes(body, FX_IMPORT_MAX_BYTES).await.map_err(|_| AppError::PayloadTooLarge)?;
    Ok(Json(svc.import_fx_rates(&ctx, &bytes).await?))
}
