//! The local store's presigned URLs, served by Atrium: no session needed, the
//! signature is the grant. A tampered or expired URL is a 403, as on S3.

use atrium_kernel::AppError;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use futures::{StreamExt, TryStreamExt};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::store::BlobStore;
use crate::store::local::{Grant, LocalStore};

#[derive(Clone)]
pub(super) struct BlobState {
    pub store: LocalStore,
    pub max_bytes: u64,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct Signed {
    expires: i64,
    signature: String,
    /// GET: the Content-Disposition to answer with.
    disposition: Option<String>,
    /// PUT: the exact length the URL is for.
    length: Option<u64>,
}

fn forbidden(why: &str) -> AppError {
    AppError::Forbidden(why.to_owned())
}

#[utoipa::path(get, path = "/blobs/{org}/{file}/{object}", tag = "files", security(()),
    params(("org" = String, Path), ("file" = String, Path), ("object" = String, Path), Signed),
    responses(
        (status = 200, description = "The blob", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 403, description = "Tampered or expired URL", body = atrium_kernel::Problem)))]
pub(super) async fn get_blob(
    State(st): State<BlobState>,
    Path((org, file, object)): Path<(String, String, String)>,
    Query(q): Query<Signed>,
) -> Result<Response, AppError> {
    let key = format!("{org}/{file}/{object}");
    let disposition = q.disposition.unwrap_or_default();
    let grant = Grant { method: "GET".into(), key: key.clone(), expires: q.expires, bound: disposition.clone() };
    st.store.verify(&grant, &q.signature, chrono::Utc::now()).map_err(forbidden)?;
    let meta = st.store.head(&key).await?.ok_or(AppError::NotFound("blob"))?;
    let body = st.store.get(&key, None).await?;
    let mut res = Response::new(Body::from_stream(body));
    let h = res.headers_mut();
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(meta.size));
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/octet-stream"));
    if let Ok(v) = HeaderValue::from_str(&disposition)
        && !disposition.is_empty()
    {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

#[utoipa::path(put, path = "/blobs/{org}/{file}/{object}", tag = "files", security(()),
    params(("org" = String, Path), ("file" = String, Path), ("object" = String, Path), Signed),
    request_body(content((Vec<u8> = "application/octet-stream", example = json!("%PDF-1.7 …")))),
    responses(
        (status = 200, description = "Stored"),
        (status = 403, description = "Tampered or expired URL", body = atrium_kernel::Problem)))]
pub(super) async fn put_blob(
    State(st): State<BlobState>,
    Path((org, file, object)): Path<(String, String, String)>,
    Query(q): Query<Signed>,
    body: Body,
) -> Result<StatusCode, AppError> {
    let key = format!("{org}/{file}/{object}");
    let length = q.length.ok_or_else(|| forbidden("the URL is not an upload URL"))?;
    let grant = Grant { method: "PUT".into(), key: key.clone(), expires: q.expires, bound: length.to_string() };
    st.store.verify(&grant, &q.signature, chrono::Utc::now()).map_err(forbidden)?;
    if length > st.max_bytes {
        return Err(AppError::PayloadTooLarge);
    }
    let stream = body.into_data_stream().map_err(std::io::Error::other).boxed();
    st.store.put_sized(&key, stream, length).await.map_err(|e| match e {
        crate::store::StoreError::Body(e) => AppError::BadRequest(e.to_string()),
        other => other.into(),
    })?;
    Ok(StatusCode::OK)
}
