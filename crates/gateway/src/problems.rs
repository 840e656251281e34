//! Makes every error response problem+json, including those produced outside the
//! handlers (405 from the router, 400 from a path-parameter rejection, 503 from the
//! timeout layer), so clients parse one error shape.

use atrium_kernel::error::{PROBLEM_JSON, Problem, ProblemType};
use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

const MAX_DETAIL_BYTES: usize = 4096;

pub async fn normalize(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(PROBLEM_JSON));
    // The client portal's pages answer their errors as pages, for people.
    let is_page = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_problem || is_page {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let text = to_bytes(body, MAX_DETAIL_BYTES).await.map(|b| String::from_utf8_lossy(&b).trim().to_owned());
    let reason = status.canonical_reason().unwrap_or("error").to_lowercase();
    let detail = match text {
        Ok(t) if !t.is_empty() && status.is_client_error() => t,
        _ => reason,
    };
    let kind = ProblemType::for_status(status.as_u16());
    let problem = Problem {
        kind: kind.uri(),
        title: kind.title.to_owned(),
        status: status.as_u16(),
        detail,
        errors: Vec::new(),
        existing_id: None,
    };
    let body = serde_json::to_vec(&problem).unwrap_or_default();
    parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(body)).into_response()
}
