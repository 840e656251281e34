//! Where the bytes live. [`BlobStore`] is the one seam: S3 through `aws-sdk-s3`
//! ([`s3::S3Store`]) or a local directory ([`local::LocalStore`]) whose presigned
//! URLs Atrium serves itself. Rows name blobs by key; the store knows nothing of rows.

pub mod local;
pub mod s3;

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use async_trait::async_trait;
use bytes::Bytes;
use chrono::{DateTime, Utc};
use futures::stream::BoxStream;
use futures::{Stream, StreamExt};

/// A body on its way in or out, chunk by chunk.
pub type ByteStream = BoxStream<'static, Result<Bytes, std::io::Error>>;

/// An upload's bytes and, when the client declared it (`Content-Length`), their
/// exact number: a store can then take the body in one request.
pub struct Upload {
    pub body: ByteStream,
    pub length: Option<u64>,
}

impl Upload {
    pub fn sized(body: ByteStream, length: u64) -> Self {
        Self { body, length: Some(length) }
    }
}

impl From<ByteStream> for Upload {
    fn from(body: ByteStream) -> Self {
        Self { body, length: None }
    }
}

/// `body`, failing if it runs past `length` or ends short of it, so a store that
/// declared the length to its backend never sends a body that contradicts it.
pub fn exact(body: ByteStream, length: u64) -> ByteStream {
    Exact { inner: body, left: length, length }.boxed()
}

struct Exact {
    inner: ByteStream,
    left: u64,
    length: u64,
}

impl Stream for Exact {
    type Item = Result<Bytes, std::io::Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let item = match self.inner.poll_next_unpin(cx) {
            Poll::Pending => return Poll::Pending,
            Poll::Ready(item) => item,
        };
        Poll::Ready(match item {
            Some(Ok(chunk)) => match self.left.checked_sub(chunk.len() as u64) {
                Some(left) => {
                    self.left = left;
                    Some(Ok(chunk))
                }
                None => Some(Err(std::io::Error::other(format!(
                    "the body is longer than the {} bytes declared",
                    self.length
                )))),
            },
            None if self.left > 0 => {
                let sent = self.length - self.left;
                self.left = 0;
                Some(Err(std::io::Error::other(format!(
                    "the body ended after {sent} of the {} bytes declared",
                    self.length
                ))))
            }
            other => other,
        })
    }
}

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
    /// Like [`put`](Self::put) for a body of exactly `length` bytes (a body that
    /// ends short or runs past it stores nothing). S3 takes it as one PutObject
    /// streamed with that length, where an unknown length needs a multipart upload.
    async fn put_sized(&self, key: &str, body: ByteStream, length: u64) -> Result<u64, StoreError> {
        self.put(key, exact(body, length)).await
    }
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
