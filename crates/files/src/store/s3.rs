//! Blobs in an S3 bucket through `aws-sdk-s3`, with a rustls (ring) HTTP client
//! built here and static credentials from the settings (no aws-config: it pulls
//! STS/SSO and a C build). A body of known length goes up as one streamed
//! PutObject (up to S3's 5 GiB limit); one of unknown length larger than a part as
//! a multipart upload, a few parts in memory at a time.

use std::time::Duration;

use async_trait::async_trait;
use aws_sdk_s3::Client;
use aws_sdk_s3::config::{Credentials, Region};
use aws_sdk_s3::error::SdkError;
use aws_sdk_s3::presigning::PresigningConfig;
use aws_sdk_s3::primitives::ByteStream as SdkStream;
use aws_sdk_s3::types::{CompletedMultipartUpload, CompletedPart};
use bytes::{Bytes, BytesMut};
use chrono::{DateTime, Utc};
use futures::StreamExt;
use tokio::task::JoinSet;
use tokio_util::io::ReaderStream;

use super::{BlobStore, ByteStream, Listing, ObjectMeta, Presigned, StoreError, exact};

/// Part size of multipart uploads (S3's minimum is 5 MiB).
const PART: usize = 8 * 1024 * 1024;

/// The largest object S3 accepts in one PutObject.
const SINGLE_PUT_MAX: u64 = 5 * 1024 * 1024 * 1024;

/// Parts being sent while the next one is read from the client, so the two legs
/// overlap; about (IN_FLIGHT + 1) × PART is held in memory.
const IN_FLIGHT: usize = 2;

#[derive(Debug, Clone)]
pub struct S3Settings {
    pub endpoint: Option<String>,
    pub bucket: String,
    pub region: String,
    pub access_key_id: String,
    pub secret_access_key: String,
    pub force_path_style: bool,
}

#[derive(Clone)]
pub struct S3Store {
    client: Client,
    bucket: String,
}

impl S3Store {
    pub fn new(s: &S3Settings) -> Self {
        use aws_smithy_http_client::tls;
        let http = aws_smithy_http_client::Builder::new()
            .tls_provider(tls::Provider::Rustls(tls::rustls_provider::CryptoMode::Ring))
            .build_https();
        let timeouts = aws_sdk_s3::config::timeout::TimeoutConfig::builder()
            // A storage that does not accept a connection within seconds is down:
            // answer 503 quickly rather than hold the request.
            .connect_timeout(Duration::from_secs(3))
            .build();
        let mut b = aws_sdk_s3::Config::builder()
            .behavior_version(aws_sdk_s3::config::BehaviorVersion::latest())
            .http_client(http)
            .region(Region::new(s.region.clone()))
            .credentials_provider(Credentials::new(&s.access_key_id, &s.secret_access_key, None, None, "atrium"))
            .force_path_style(s.force_path_style)
            // Atrium checks every blob itself (size and SHA-256, computed as the
            // bytes pass). The SDK's default CRC32 on every upload turns a body into
            // aws-chunked frames with a trailer and checksums each chunk, and its
            // response validation checksums every download again: CPU per byte
            // on both legs, for no check Atrium lacks.
            .request_checksum_calculation(aws_sdk_s3::config::RequestChecksumCalculation::WhenRequired)
            .response_checksum_validation(aws_sdk_s3::config::ResponseChecksumValidation::WhenRequired)
            .timeout_config(timeouts)
            .retry_config(aws_sdk_s3::config::retry::RetryConfig::standard().with_max_attempts(2));
        if let Some(e) = &s.endpoint {
            b = b.endpoint_url(e);
        }
        Self { client: Client::from_conf(b.build()), bucket: s.bucket.clone() }
    }

    /// A store over a client configured elsewhere (a test that inspects or
    /// alters the requests through an interceptor).
    pub fn with_client(client: Client, bucket: impl Into<String>) -> Self {
        Self { client, bucket: bucket.into() }
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    pub fn bucket(&self) -> &str {
        &self.bucket
    }

    async fn put_multipart(&self, key: &str, first: Bytes, mut body: ByteStream) -> Result<u64, StoreError> {
        let up = self.client.create_multipart_upload().bucket(&self.bucket).key(key).send().await.map_err(sdk)?;
        let upload_id = up.upload_id().ok_or_else(|| StoreError::Other("no upload id".into()))?.to_owned();
        let result: Result<(Vec<CompletedPart>, u64), StoreError> = async {
            // Dropped on an error: aborts the parts still being sent.
            let mut sending = JoinSet::new();
            let mut parts = Vec::new();
            let mut n = first.len() as u64;
            let mut next = Some(first);
            let mut number = 0i32;
            while let Some(part) = next.take() {
                number = number.checked_add(1).ok_or_else(|| StoreError::Other("too many parts".into()))?;
                sending.spawn(self.send_part(key, &upload_id, number, part));
                // The client's next bytes are read while the parts before them are sent.
                next = next_part(&mut body, &mut n).await?;
                while sending.len() >= IN_FLIGHT || (next.is_none() && !sending.is_empty()) {
                    parts.push(match sending.join_next().await {
                        Some(Ok(done)) => done?,
                        Some(Err(e)) => return Err(StoreError::Other(format!("sending a part: {e}"))),
                        None => break,
                    });
                }
            }
            parts.sort_by_key(|p| p.part_number);
            Ok((parts, n))
        }
        .await;
        match result {
            Ok((parts, n)) => {
                self.client
                    .complete_multipart_upload()
                    .bucket(&self.bucket)
                    .key(key)
                    .upload_id(&upload_id)
                    .multipart_upload(CompletedMultipartUpload::builder().set_parts(Some(parts)).build())
                    .send()
                    .await
                    .map_err(sdk)?;
                Ok(n)
            }
            Err(e) => {
                // An aborted stream leaves no parts behind.
                let _ = self
                    .client
                    .abort_multipart_upload()
                    .bucket(&self.bucket)
                    .key(key)
                    .upload_id(&upload_id)
                    .send()
                    .await;
                Err(e)
            }
        }
    }

    /// One part's upload, owning what it needs (it runs as its own task).
    fn send_part(
        &self,
        key: &str,
        upload_id: &str,
        number: i32,
        part: Bytes,
    ) -> impl Future<Output = Result<CompletedPart, StoreError>> + Send + 'static {
        let req = self
            .client
            .upload_part()
            .bucket(&self.bucket)
            .key(key)
            .upload_id(upload_id)
            .part_number(number)
            .body(SdkStream::from(part));
        async move {
            let done = req.send().await.map_err(sdk)?;
            Ok(CompletedPart::builder().part_number(number).set_e_tag(done.e_tag).build())
        }
    }
}

/// A request body for the SDK that streams `body` with its exact length. A stream
/// cannot be hashed before it is sent, so the SDK frames it aws-chunked with a
/// trailing CRC32 the server verifies, and signs it `STREAMING-UNSIGNED-PAYLOAD-
/// TRAILER` over HTTPS (TLS protects the bytes) or with a signature per chunk over
/// plain HTTP; the headers and path are signed either way.
struct Streamed {
    // The SDK wants a `Sync` body; the stream is only ever polled through `&mut`,
    // so the mutex is never locked (`get_mut`).
    body: std::sync::Mutex<ByteStream>,
    length: u64,
}

impl http_body::Body for Streamed {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Bytes>, std::io::Error>>> {
        let body = self.get_mut().body.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner);
        body.poll_next_unpin(cx).map(|chunk| chunk.map(|c| c.map(http_body::Frame::data)))
    }

    fn size_hint(&self) -> http_body::SizeHint {
        http_body::SizeHint::with_exact(self.length)
    }
}

/// Up to one part of `body` (less only at its end), counted into `n`; `None` once it is exhausted.
async fn next_part(body: &mut ByteStream, n: &mut u64) -> Result<Option<Bytes>, StoreError> {
    // Sized for a whole part and a last chunk past it, so it never grows by copying.
    let mut buf = BytesMut::with_capacity(PART + 64 * 1024);
    while buf.len() < PART {
        match body.next().await {
            Some(chunk) => {
                let chunk = chunk.map_err(StoreError::Body)?;
                *n += chunk.len() as u64;
                buf.extend_from_slice(&chunk);
            }
            None => break,
        }
    }
    Ok(if buf.is_empty() { None } else { Some(buf.freeze()) })
}

/// Connection failures and timeouts are the storage being down (503); a service
/// answer is passed on as it is.
fn sdk<E: std::fmt::Debug, R: std::fmt::Debug>(e: SdkError<E, R>) -> StoreError {
    match &e {
        SdkError::DispatchFailure(_) | SdkError::TimeoutError(_) => {
            StoreError::Unavailable { store: "s3", detail: "the S3 endpoint does not answer".into() }
        }
        SdkError::ServiceError(s) if format!("{:?}", s.raw()).contains("404") => StoreError::NotFound,
        _ => StoreError::Other(format!("s3: {e:?}")),
    }
}

fn to_utc(t: Option<&aws_sdk_s3::primitives::DateTime>) -> DateTime<Utc> {
    t.and_then(|t| DateTime::<Utc>::from_timestamp(t.secs(), t.subsec_nanos())).unwrap_or_else(Utc::now)
}

fn presigning(ttl: Duration) -> Result<PresigningConfig, StoreError> {
    PresigningConfig::expires_in(ttl).map_err(|e| StoreError::Other(e.to_string()))
}

#[async_trait]
impl BlobStore for S3Store {
    fn name(&self) -> &'static str {
        "s3"
    }

    async fn put(&self, key: &str, mut body: ByteStream) -> Result<u64, StoreError> {
        let mut buf = BytesMut::with_capacity(64 * 1024);
        while buf.len() < PART {
            match body.next().await {
                Some(chunk) => buf.extend_from_slice(&chunk.map_err(StoreError::Body)?),
                None => {
                    // All of it fits one part: one PutObject.
                    let n = buf.len() as u64;
                    self.client
                        .put_object()
                        .bucket(&self.bucket)
                        .key(key)
                        .body(SdkStream::from(buf.freeze()))
                        .send()
                        .await
                        .map_err(sdk)?;
                    return Ok(n);
                }
            }
        }
        self.put_multipart(key, buf.freeze(), body).await
    }

    async fn put_sized(&self, key: &str, body: ByteStream, length: u64) -> Result<u64, StoreError> {
        let body = exact(body, length);
        if length > SINGLE_PUT_MAX {
            return self.put(key, body).await;
        }
        // One request, nothing buffered: the server writes the object as it
        // arrives, and it appears only if the whole body did (an interrupted
        // PutObject stores nothing), with no multipart completion to pay.
        let streamed = Streamed { body: std::sync::Mutex::new(body), length };
        self.client
            .put_object()
            .bucket(&self.bucket)
            .key(key)
            .content_length(i64::try_from(length).map_err(|e| StoreError::Other(e.to_string()))?)
            .body(SdkStream::new(aws_smithy_types::body::SdkBody::from_body_1_x(streamed)))
            .send()
            .await
            .map_err(sdk)?;
        Ok(length)
    }

    async fn head(&self, key: &str) -> Result<Option<ObjectMeta>, StoreError> {
        match self.client.head_object().bucket(&self.bucket).key(key).send().await {
            Ok(h) => Ok(Some(ObjectMeta {
                key: key.to_owned(),
                size: u64::try_from(h.content_length().unwrap_or(0)).unwrap_or(0),
                modified: to_utc(h.last_modified()),
            })),
            Err(e) => match sdk(e) {
                StoreError::NotFound => Ok(None),
                other => Err(other),
            },
        }
    }

    async fn get(&self, key: &str, range: Option<(u64, u64)>) -> Result<ByteStream, StoreError> {
        let mut req = self.client.get_object().bucket(&self.bucket).key(key);
        if let Some((first, last)) = range {
            req = req.range(format!("bytes={first}-{last}"));
        }
        let out = req.send().await.map_err(sdk)?;
        Ok(ReaderStream::with_capacity(out.body.into_async_read(), 64 * 1024).boxed())
    }

    async fn delete(&self, key: &str) -> Result<(), StoreError> {
        self.client.delete_object().bucket(&self.bucket).key(key).send().await.map_err(sdk)?;
        Ok(())
    }

    async fn list(&self, after: Option<&str>, limit: usize) -> Result<Listing, StoreError> {
        let mut req = self.client.list_objects_v2().bucket(&self.bucket).max_keys(i32::try_from(limit).unwrap_or(1000));
        if let Some(a) = after {
            req = req.start_after(a);
        }
        let out = req.send().await.map_err(sdk)?;
        let objects: Vec<ObjectMeta> = out
            .contents()
            .iter()
            .filter_map(|o| {
                Some(ObjectMeta {
                    key: o.key()?.to_owned(),
                    size: u64::try_from(o.size().unwrap_or(0)).unwrap_or(0),
                    modified: to_utc(o.last_modified()),
                })
            })
            .collect();
        let next = if out.is_truncated().unwrap_or(false) { objects.last().map(|o| o.key.clone()) } else { None };
        Ok(Listing { objects, next })
    }

    async fn presign_get(&self, key: &str, ttl: Duration, disposition: &str) -> Result<Presigned, StoreError> {
        let p = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(key)
            .response_content_disposition(disposition)
            .presigned(presigning(ttl)?)
            .await
            .map_err(sdk)?;
        let expires_at = Utc::now() + chrono::Duration::from_std(ttl).unwrap_or(chrono::Duration::MAX);
        Ok(Presigned { method: "GET", url: p.uri().to_owned(), headers: Vec::new(), expires_at })
    }

    async fn presign_put(
        &self,
        key: &str,
        ttl: Duration,
        length: u64,
        content_type: &str,
    ) -> Result<Presigned, StoreError> {
        let p = self
            .client
            .put_object()
            .bucket(&self.bucket)
            .key(key)
            .content_length(i64::try_from(length).map_err(|e| StoreError::Other(e.to_string()))?)
            .content_type(content_type)
            .presigned(presigning(ttl)?)
            .await
            .map_err(sdk)?;
        let expires_at = Utc::now() + chrono::Duration::from_std(ttl).unwrap_or(chrono::Duration::MAX);
        let headers = p.headers().map(|(k, v)| (k.to_owned(), v.to_owned())).collect();
        Ok(Presigned { method: "PUT", url: p.uri().to_owned(), headers, expires_at })
    }

    async fn ping(&self) -> Result<(), StoreError> {
        self.client.head_bucket().bucket(&self.bucket).send().await.map_err(sdk)?;
        Ok(())
    }
}
