//! Files: documents attached to engagements (and to tasks, invoices, messages …),
//! versioned, stored in S3 or a local directory through [`store::BlobStore`],
//! handed out through presigned URLs, and swept of orphans by a collector.

pub mod access;
pub mod dto;
pub mod entity;
pub mod error;
pub mod http;
pub mod ports;
pub mod service;
pub mod store;

use std::sync::Arc;

use atrium_outbox::{CachedRoute, Module, Platform};

pub use error::FilesError;
pub use http::{is_upload, router, streams_body};
pub use ports::{Engagements, FileAccess};
pub use service::{CollectJob, FilesConfig, FilesService};
pub use store::local::LocalStore;
pub use store::s3::{S3Settings, S3Store};

/// The label the local store's URL-signing key is derived under.
pub const BLOB_URL_KEY_LABEL: &str = "files.blob-url";

/// Where the bytes go.
#[derive(Debug, Clone)]
pub enum Storage {
    /// A directory (the embedded default `./data/blobs`).
    Local(std::path::PathBuf),
    S3(S3Settings),
}

/// The files domain, ready to register: routes (with the local store's blob
/// routes when it is in use) and the daily collector.
pub fn module(
    platform: &Platform,
    storage: &Storage,
    cfg: FilesConfig,
    engagements: Arc<dyn Engagements>,
) -> Module<FilesService> {
    let (store, local): (Arc<dyn store::BlobStore>, Option<LocalStore>) = match storage {
        Storage::Local(dir) => {
            let local = LocalStore::new(dir.clone(), platform.derive_key(BLOB_URL_KEY_LABEL));
            (Arc::new(local.clone()), Some(local))
        }
        Storage::S3(s) => (Arc::new(S3Store::new(s)), None),
    };
    let svc = FilesService::new(platform.db.clone(), platform.clock.clone(), store, engagements, cfg);
    Module::new(svc.clone(), http::router(svc.clone(), local))
        .job(CollectJob(svc))
        .tag("files", "Files and their versions, in object storage")
        .cached(CACHED)
}

/// What the query cache may serve (metadata only: downloads carry short-lived URLs).
const CACHED: &[CachedRoute] = &[
    CachedRoute::new("/api/v1/files", FILE),
    CachedRoute::new("/api/v1/files/{id}", FILE),
    CachedRoute::new("/api/v1/files/{id}/versions", FILE),
];
const FILE: &[&str] = &["file", "engagement"];
