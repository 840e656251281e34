//! Files routes: thin handlers over [`FilesService`], plus the local store's
//! signed blob routes. Upload routes take the body as a stream (no body limit but
//! `FILE_MAX_BYTES`, counted as it arrives).

mod blobs;
mod files;

use atrium_kernel::ApiRouter;
use atrium_kernel::routes;
use axum::extract::DefaultBodyLimit;

use crate::service::FilesService;
use crate::store::local::LocalStore;

pub fn router(svc: FilesService, local: Option<LocalStore>) -> ApiRouter {
    // Streamed bodies: the global 1 MiB limit does not apply; FILE_MAX_BYTES does.
    let uploads = ApiRouter::new()
        .routes(routes!(files::list, files::upload))
        .routes(routes!(files::versions, files::add_version))
        .layer(DefaultBodyLimit::disable())
        .with_state(svc.clone());
    let mut r = ApiRouter::new()
        .routes(routes!(files::start_upload))
        .routes(routes!(files::get, files::delete))
        .routes(routes!(files::complete))
        .routes(routes!(files::undelete))
        .routes(routes!(files::restore_version))
        .routes(routes!(files::download))
        .with_state(svc.clone())
        .merge(uploads);
    if let Some(local) = local {
        r = r.merge(
            ApiRouter::new()
                .routes(routes!(blobs::get_blob, blobs::put_blob))
                .layer(DefaultBodyLimit::disable())
                .with_state(blobs::BlobState { store: local, max_bytes: svc.config().max_bytes }),
        );
    }
    r
}

/// Requests that stream a file in (the API's uploads, the local store's signed
/// PUTs): bounded by an idle timeout rather than a total one.
pub fn is_upload(method: &axum::http::Method, path: &str) -> bool {
    (method == axum::http::Method::POST && streams_body(path))
        || (method == axum::http::Method::PUT && path.starts_with("/blobs/"))
}

/// Paths whose POST bodies are streamed uploads (the idempotency layer must not
/// buffer them whole).
pub fn streams_body(path: &str) -> bool {
    let Some(rest) = path.strip_prefix("/api/v1/files") else { return false };
    rest.is_empty() || rest == "/" || (rest.ends_with("/versions") && rest.matches('/').count() == 2)
}
