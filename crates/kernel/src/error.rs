//! `AppError`: every failure a client can see, rendered as RFC 9457
//! `application/problem+json`. Internal details are logged, never returned.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// One invalid input field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"field": "email", "message": "must be a valid email address"}))]
pub struct FieldError {
    /// Path of the field in the request, e.g. `email` or `line_items[2].quantity`.
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self { field: field.into(), message: message.into() }
    }
}

/// RFC 9457 problem details.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "type": "/problems/validation",
    "title": "Validation failed",
    "status": 422,
    "detail": "1 field is invalid",
    "errors": [{"field": "email", "message": "must be a valid email address"}]
}))]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// Id of an existing resource that the request conflicts with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing_id: Option<String>,
}

/// A problem type the server can send: the one list both the server and the
/// OpenAPI document use, so a documented `type` is always the one sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProblemType {
    /// The last segment of the type URI, `/problems/<slug>`.
    pub slug: &'static str,
    pub status: u16,
    pub title: &'static str,
    /// The name of the shared response in the OpenAPI components.
    pub response: &'static str,
    /// When a client gets it.
    pub description: &'static str,
    pub example_detail: &'static str,
}

impl ProblemType {
    pub fn uri(&self) -> String {
        format!("/problems/{}", self.slug)
    }

    /// The entry of `slug`; the list always holds what `AppError` uses.
    pub fn by_slug(slug: &str) -> &'static ProblemType {
        PROBLEM_TYPES.iter().find(|p| p.slug == slug).unwrap_or(&PROBLEM_TYPES[PROBLEM_TYPES.len() - 1])
    }

    /// The type for a status produced outside the handlers (router, timeout, body
    /// limit): the listed one with that status, else the generic client or server error.
    pub fn for_status(status: u16) -> &'static ProblemType {
        PROBLEM_TYPES
            .iter()
            .find(|p| p.status == status)
            .unwrap_or_else(|| Self::by_slug(if status < 500 { "bad-request" } else { "internal" }))
    }
}

const fn pt(
    slug: &'static str,
    status: u16,
    title: &'static str,
    response: &'static str,
    description: &'static str,
    example_detail: &'static str,
) -> ProblemType {
    ProblemType { slug, status, title, response, description, example_detail }
}

/// Every problem type, by status. `internal` stays last (the fallback).
pub const PROBLEM_TYPES: &[ProblemType] = &[
    pt(
        "bad-request",
        400,
        "Malformed request",
        "BadRequest",
        "Malformed request (e.g. invalid JSON, bytes after the JSON value, a bad path parameter)",
        "body is not valid JSON: EOF while parsing a value",
    ),
    pt(
        "unauthenticated",
        401,
        "Authentication required",
        "Unauthenticated",
        "Missing, expired or revoked credentials",
        "authentication required",
    ),
    pt(
        "sign-in-refused",
        401,
        "Sign-in refused",
        "SignInRefused",
        "A single sign-on callback was refused (its ID token, state or email); no session was issued",
        "the identity provider's ID token was refused: its signature does not verify",
    ),
    pt(
        "forbidden",
        403,
        "Forbidden",
        "Forbidden",
        "The caller's role does not allow this (see the operation's `x-required-role`)",
        "role `viewer` may not change records (owner, admin or member)",
    ),
    pt("not-found", 404, "Not found", "NotFound", "No such resource in the caller's organization", "contact not found"),
    pt(
        "method-not-allowed",
        405,
        "Method not allowed",
        "MethodNotAllowed",
        "The path exists but not with this method",
        "method not allowed",
    ),
    pt(
        "request-timeout",
        408,
        "Request timeout",
        "RequestTimeout",
        "A streamed upload made no progress for `UPLOAD_IDLE_TIMEOUT_SECS`; nothing was stored",
        "the upload made no progress for 30 s (UPLOAD_IDLE_TIMEOUT_SECS); nothing was stored",
    ),
    pt(
        "conflict",
        409,
        "Conflict",
        "Conflict",
        "Conflicts with the current state or another record (`existing_id`), or a stale If-Match",
        "If-Match is stale: the resource is at version 4, not 3",
    ),
    pt(
        "payload-too-large",
        413,
        "Request body too large",
        "PayloadTooLarge",
        "Request body over the limit",
        "request body too large",
    ),
    pt(
        "unsupported-media-type",
        415,
        "Unsupported media type",
        "UnsupportedMediaType",
        "Body is not of the documented media type",
        "expected `Content-Type: application/json`",
    ),
    pt(
        "validation",
        422,
        "Validation failed",
        "ValidationFailed",
        "Invalid fields, each named in `errors`",
        "1 field is invalid",
    ),
    pt(
        "rate-limited",
        429,
        "Too many requests",
        "TooManyRequests",
        "Rate limited; see Retry-After",
        "rate limit exceeded; retry after 60 s",
    ),
    pt(
        "upstream-unavailable",
        502,
        "Upstream service unavailable",
        "UpstreamUnavailable",
        "An outside service this request needs (e.g. an identity provider) failed or did not answer",
        "the identity provider `google` did not answer; retry later",
    ),
    pt(
        "unavailable",
        503,
        "Service unavailable",
        "Unavailable",
        "A backing service is down, the schema is not migrated, or the request timed out",
        "a backing service is unavailable; retry later",
    ),
    pt(
        "internal",
        500,
        "Internal server error",
        "InternalError",
        "Unexpected error; logged with the request id",
        "an unexpected error occurred; it has been logged",
    ),
];

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("malformed request: {0}")]
    BadRequest(String),
    #[error("authentication required")]
    Unauthenticated,
    /// A federated sign-in (OIDC) was refused; the detail says why.
    #[error("sign-in refused: {0}")]
    SignInRefused(String),
    #[error("forbidden: {0}")]
    Forbidden(String),
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("conflict: {detail}")]
    Conflict { detail: String, existing_id: Option<String> },
    #[error("request body too large")]
    PayloadTooLarge,
    #[error("unsupported media type: {0}")]
    UnsupportedMediaType(String),
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("service unavailable: {0}")]
    Unavailable(String),
    /// The object storage named (`s3`, `local`) does not answer: a 503 that names
    /// it, without marking the database as down for readiness.
    #[error("the {0} object storage is unavailable")]
    StorageUnavailable(&'static str),
    /// An outside service (not the database) failed or did not answer; the
    /// detail names it, and readiness is not affected.
    #[error("upstream unavailable: {0}")]
    UpstreamUnavailable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn conflict(detail: impl Into<String>) -> Self {
        Self::Conflict { detail: detail.into(), existing_id: None }
    }

    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Validation(vec![FieldError::new(field, message)])
    }

    pub fn internal(err: impl std::fmt::Display) -> Self {
        Self::Internal(err.to_string())
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unauthenticated | Self::SignInRefused(_) => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::Conflict { .. } => StatusCode::CONFLICT,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable(_) | Self::StorageUnavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::UpstreamUnavailable(_) => StatusCode::BAD_GATEWAY,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The problem type this error is reported as.
    pub fn problem_type(&self) -> &'static ProblemType {
        let slug = match self {
            Self::BadRequest(_) => "bad-request",
            Self::Unauthenticated => "unauthenticated",
            Self::SignInRefused(_) => "sign-in-refused",
            Self::Forbidden(_) => "forbidden",
            Self::NotFound(_) => "not-found",
            Self::Conflict { .. } => "conflict",
            Self::PayloadTooLarge => "payload-too-large",
            Self::UnsupportedMediaType(_) => "unsupported-media-type",
            Self::Validation(_) => "validation",
            Self::TooManyRequests { .. } => "rate-limited",
            Self::Unavailable(_) | Self::StorageUnavailable(_) => "unavailable",
            Self::UpstreamUnavailable(_) => "upstream-unavailable",
            Self::Internal(_) => "internal",
        };
        ProblemType::by_slug(slug)
    }

    pub fn to_problem(&self) -> Problem {
        let kind = self.problem_type();
        let detail = match self {
            Self::Validation(errors) => match errors.len() {
                1 => "1 field is invalid".to_owned(),
                n => format!("{n} fields are invalid"),
            },
            Self::TooManyRequests { retry_after_secs } => {
                format!("rate limit exceeded; retry after {retry_after_secs} s")
            }
            // Never leak internals: they are logged with the request id instead.
            Self::Internal(_) => "an unexpected error occurred; it has been logged".to_owned(),
            Self::Unavailable(_) => "a backing service is unavailable; retry later".to_owned(),
            Self::StorageUnavailable(store) => format!("the {store} object storage is unavailable; retry later"),
            Self::Conflict { detail, .. } => detail.clone(),
            Self::BadRequest(m)
            | Self::Forbidden(m)
            | Self::UnsupportedMediaType(m)
            | Self::SignInRefused(m)
            | Self::UpstreamUnavailable(m) => m.clone(),
            other => other.to_string(),
        };
        Problem {
            kind: kind.uri(),
            title: kind.title.to_owned(),
            status: self.status().as_u16(),
            detail,
            errors: match self {
                Self::Validation(errors) => errors.clone(),
                _ => Vec::new(),
            },
            existing_id: match self {
                Self::Conflict { existing_id, .. } => existing_id.clone(),
                _ => None,
            },
        }
    }
}

/// Seconds a client is asked to wait after a 503 (`Retry-After`): a lost database
/// connection is replaced within about a second.
pub const UNAVAILABLE_RETRY_AFTER_SECS: u64 = 1;

/// Marks a response that failed because a backing service (the database) was
/// unreachable, so the gateway's readiness check can report it at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackendDown;

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match &self {
            Self::Internal(e) => tracing::error!(error = %e, "internal error"),
            Self::UpstreamUnavailable(e) => tracing::warn!(error = %e, "upstream unavailable"),
            Self::Unavailable(e) => tracing::warn!(error = %e, "dependency unavailable"),
            _ => {}
        }
        let status = self.status();
        let body = serde_json::to_vec(&self.to_problem()).unwrap_or_default();
        let mut res = (status, body).into_response();
        res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        match self {
            Self::TooManyRequests { retry_after_secs } => {
                res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
            }
            Self::Unavailable(_) => {
                res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(UNAVAILABLE_RETRY_AFTER_SECS));
                res.extensions_mut().insert(BackendDown);
            }
            Self::StorageUnavailable(_) => {
                res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(UNAVAILABLE_RETRY_AFTER_SECS));
            }
            _ => {}
        }
        res
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        if is_unavailable(&err) { Self::Unavailable(err.to_string()) } else { Self::Internal(err.to_string()) }
    }
}

/// True when a database error says the database could not be reached or the
/// connection was lost (a 503 the client may retry), not that the statement was
/// wrong: no connection from the pool, a connection that failed, broke (I/O, TLS,
/// closed) or was terminated by the server (SQLSTATE classes 08 and 57P, too many
/// connections), including when it surfaces as the error of a statement
/// (`DbErr::Exec`/`Query`); on SQLite, a write lock still held by another process
/// when the busy timeout ran out.
pub fn is_unavailable(err: &sea_orm::DbErr) -> bool {
    use sea_orm::{DbErr, RuntimeErr};
    match err {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => sqlx_unavailable(e),
        DbErr::Exec(RuntimeErr::Internal(m)) | DbErr::Query(RuntimeErr::Internal(m)) | DbErr::Custom(m) => {
            message_says_connection_lost(m)
        }
        _ => false,
    }
}

fn sqlx_unavailable(err: &sea_orm::sqlx::Error) -> bool {
    use sea_orm::sqlx::Error;
    match err {
        Error::Io(_) | Error::Tls(_) | Error::PoolTimedOut | Error::PoolClosed | Error::WorkerCrashed => true,
        Error::Database(db) => {
            let code = db.code().unwrap_or_default();
            // PostgreSQL: connection exceptions (08…), admin/crash shutdown and
            // "cannot connect now" (57P01–57P05), too many connections (53300).
            code.starts_with("08")
                || code.starts_with("57P")
                || code == "53300"
                // SQLite: SQLITE_BUSY / SQLITE_LOCKED and their extended codes.
                || code.parse::<i32>().is_ok_and(|c| matches!(c & 0xff, 5 | 6))
                || message_says_connection_lost(db.message())
        }
        _ => false,
    }
}

fn message_says_connection_lost(message: &str) -> bool {
    let m = message.to_ascii_lowercase();
    ["terminating connection", "connection closed", "connection reset", "broken pipe", "server closed the connection"]
        .iter()
        .any(|needle| m.contains(needle))
}

impl From<sea_orm::TransactionError<AppError>> for AppError {
    fn from(err: sea_orm::TransactionError<AppError>) -> Self {
        match err {
            sea_orm::TransactionError::Connection(e) => e.into(),
            sea_orm::TransactionError::Transaction(e) => e,
        }
    }
}

/// True when a database error is a unique-constraint violation, so the caller can
/// turn it into a domain conflict at the call site.
pub fn is_unique_violation(err: &sea_orm::DbErr) -> bool {
    matches!(err.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_)))
}

pub fn is_foreign_key_violation(err: &sea_orm::DbErr) -> bool {
    matches!(err.sql_err(), Some(sea_orm::SqlErr::ForeignKeyConstraintViolation(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_do_not_leak_details() {
        let p = AppError::internal("password=hunter2 at db.rs:10").to_problem();
        assert_eq!(p.status, 500);
        assert!(!p.detail.contains("hunter2"));
    }

    #[test]
    fn every_error_uses_a_listed_problem_type() {
        let all = [
            AppError::BadRequest(String::new()),
            AppError::Unauthenticated,
            AppError::Forbidden(String::new()),
            AppError::NotFound("x"),
            AppError::conflict("x"),
            AppError::PayloadTooLarge,
            AppError::UnsupportedMediaType(String::new()),
            AppError::Validation(Vec::new()),
            AppError::TooManyRequests { retry_after_secs: 1 },
            AppError::Unavailable(String::new()),
            AppError::SignInRefused(String::new()),
            AppError::UpstreamUnavailable(String::new()),
            AppError::internal("x"),
        ];
        for e in all {
            let p = e.to_problem();
            let listed = PROBLEM_TYPES.iter().find(|t| t.uri() == p.kind).map(|t| t.status);
            assert_eq!(listed, Some(p.status), "{} is not listed with status {}", p.kind, p.status);
        }
        assert_eq!(ProblemType::for_status(405).slug, "method-not-allowed");
        assert_eq!(ProblemType::for_status(418).slug, "bad-request");
        assert_eq!(ProblemType::for_status(504).slug, "internal");
    }

    #[test]
    fn validation_lists_fields() {
        let p = AppError::invalid("email", "must be a valid email address").to_problem();
        assert_eq!(p.status, 422);
        assert_eq!(p.kind, "/problems/validation");
        assert_eq!(p.errors, vec![FieldError::new("email", "must be a valid email address")]);
    }

    #[test]
    fn unavailable_sets_retry_after_and_marks_the_response() {
        let res = AppError::Unavailable("db down".into()).into_response();
        assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(res.headers()[header::RETRY_AFTER], "1");
        assert_eq!(res.headers()[header::CONTENT_TYPE], PROBLEM_JSON);
        assert_eq!(res.extensions().get::<BackendDown>(), Some(&BackendDown));
    }

    #[test]
    fn lost_connections_are_unavailable_and_bad_statements_internal() {
        use std::sync::Arc;

        use sea_orm::sqlx::Error as SqlxError;
        use sea_orm::{ConnAcquireErr, DbErr, RuntimeErr};
        let sqlx = |e: SqlxError| RuntimeErr::SqlxError(Arc::new(e));
        let io = || SqlxError::Io(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        let lost = [
            DbErr::ConnectionAcquire(ConnAcquireErr::Timeout),
            DbErr::Conn(sqlx(io())),
            DbErr::Query(sqlx(io())),
            DbErr::Exec(sqlx(SqlxError::PoolClosed)),
            DbErr::Query(RuntimeErr::Internal("connection closed".into())),
            DbErr::Custom("webhooks: Query Error: terminating connection due to administrator command".into()),
        ];
        for e in lost {
            assert!(matches!(AppError::from(e.clone()), AppError::Unavailable(_)), "{e:?} is a 503");
        }
        let wrong = [
            DbErr::Query(sqlx(SqlxError::RowNotFound)),
            DbErr::Exec(sqlx(SqlxError::ColumnNotFound("x".into()))),
            DbErr::RecordNotFound("x".into()),
            DbErr::Custom("bad input".into()),
        ];
        for e in wrong {
            assert!(matches!(AppError::from(e.clone()), AppError::Internal(_)), "{e:?} is a 500");
        }
    }

    #[test]
    fn rate_limit_sets_retry_after() {
        let res = AppError::TooManyRequests { retry_after_secs: 7 }.into_response();
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(res.headers()[header::RETRY_AFTER], "7");
        assert_eq!(res.headers()[header::CONTENT_TYPE], PROBLEM_JSON);
    }
}
