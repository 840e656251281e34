//! Where the bytes live. [`BlobStore`] is the one seam: S3 through `aws-sdk-s3`
//! ([`s3::S3Store`]) or a local directory ([`local::LocalStore`]) whose presigned
//! URLs Atrium serves itself. Rows name blobs by key; the store knows nothing of rows.

pub mod local;
pub mod s3;

use std::time::Duration;

use async_trait::async_trait;
use bytes::Bytes;
use chrono::{DateTime, Utc};
use futures::stream::BoxStream;

/// A body on its way in or out, chunk by chunk.
pub type ByteStream = BoxStream<'static, Result<Bytes, std::io::Error>>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectMeta {
    pub key: String,
    pub size: u64,
    pub modified: DateTime<Utc>,
}

/// A page of a store's listing, in key order.
#[derive(Debug, Default)]
pub struct Listing {
    pub objects: Vec<ObjectMeta>,
    /// Pass as `after` for the next page; `None` at the end.
    pub next: Option<String>,
}

/// A presigned request: what the client sends where, until when.
#[derive(Debug, Clone)]
pub struct Presigned {
    pub method: &'static str,
    pub url: String,
    /// Headers the client must send as they are (they are part of the signature).
    pub headers: Vec<(String, String)>,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The storage does not answer: a 503 naming it.
    #[error("the {store} object storage is unavailable: {detail}")]
    Unavailable { store: &'static str, detail: String },
    #[error("no such object")]
    NotFound,
    /// The body stream failed (client gone, size limit).
    #[error("reading the upload failed: {0}")]
    Body(std::io::Error),
    #[error("{0}")]
    Other(String),
}

#[async_trait]
pub trait BlobStore: Send + Sync + 'static {
    /// `s3` or `local`, for problems and readiness.
    fn name(&self) -> &'static str;
    /// Stores the stream under `key`; nothing is visible under `key` unless the
    /// whole stream arrived.
    async fn put(&self, key: &str, body: ByteStream) -> Result<u64, StoreError>;
    async fn head(&self, key: &str) -> Result<Option<ObjectMeta>, StoreError>;
    /// The bytes of `key`, or of the inclusive range `(first, last)`.
    async fn get(&self, key: &str, range: Option<(u64, u64)>) -> Result<ByteStream, StoreError>;
    async fn delete(&self, key: &str) -> Result<(), StoreError>;
    /// Up to `limit` objects with keys after `after`.
    async fn list(&self, after: Option<&str>, limit: usize) -> Result<Listing, StoreError>;
    async fn presign_get(&self, key: &str, ttl: Duration, disposition: &str) -> Result<Presigned, StoreError>;
    /// A PUT bound to its length and content type where the store allows.
    async fn presign_put(
        &self,
        key: &str,
        ttl: Duration,
        length: u64,
        content_type: &str,
    ) -> Result<Presigned, StoreError>;
    /// Whether the storage answers (readiness).
    async fn ping(&self) -> Result<(), StoreError>;
}

/// `attachment; filename="…"; filename*=UTF-8''…` for a file's name.
pub fn content_disposition(name: &str, inline: bool) -> String {
    let ascii: String =
        name.chars().map(|c| if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' { c } else { '_' }).collect();
    let mut encoded = String::new();
    for b in name.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(b) {
            encoded.push(char::from(*b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    let kind = if inline { "inline" } else { "attachment" };
    format!("{kind}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}
