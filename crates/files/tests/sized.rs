//! Uploads of a declared length (a request's `Content-Length`): S3 takes them as
//! one streamed PutObject, the local store as any stream; a body that contradicts
//! its length, or breaks off, stores nothing on either. And the streamed PutObject
//! is still signed: s3s-fs refuses it when the request is tampered with.

// The checks read across organizations on purpose.
#![allow(clippy::disallowed_methods)]

mod support;

use std::sync::{Arc, Mutex};

use atrium_files::store::{BlobStore, ByteStream, StoreError, Upload};
use atrium_files::{FilesConfig, S3Store};
use atrium_kernel::{AppError, Role};
use atrium_testkit::TestDb;
use bytes::Bytes;
use futures::StreamExt;
use support::*;

store_tests!(sized_upload_round_trip, sized_body_must_match_its_length, interrupted_sized_upload_leaves_nothing);

async fn nothing_stored(h: &Harness) {
    assert_eq!(h.count("file_objects").await, 0, "no file row");
    assert_eq!(h.count("file_versions").await, 0, "no version row");
    assert!(h.store.list(None, 10).await.expect("list").objects.is_empty(), "no blob");
}

async fn sized_upload_round_trip(h: Harness) {
    let ctx = h.org(Role::Member).await;
    let e = h.engagement(&ctx).await;
    // Over one multipart part (8 MiB): with its length known it is still one PUT.
    let data = pdf(9 * 1024 * 1024);
    let up = Upload::sized(body(&data), data.len() as u64);
    let out = h.svc.upload(&ctx, meta(e, "contract.pdf"), up).await.expect("upload");
    let current = out.current.clone().expect("a current version");
    assert_eq!(current.sha256, sha(&data));
    assert_eq!(current.size, data.len() as i64);
    assert_eq!(current.media_type, "application/pdf");
    assert_eq!(bytes_of(&h, &ctx, out.id, None).await, data);
    let v2 = b"second, sized".to_vec();
    let f = h.svc.add_version(&ctx, out.id, Upload::sized(body(&v2), v2.len() as u64)).await.expect("version 2");
    assert_eq!(f.current.map(|v| v.version), Some(2));
    assert_eq!(bytes_of(&h, &ctx, out.id, None).await, v2);
    // Empty is a length too.
    let empty = h.svc.upload(&ctx, meta(e, "empty.txt"), Upload::sized(body(b""), 0)).await.expect("empty");
    assert_eq!(empty.current.map(|v| v.size), Some(0));
}

async fn sized_body_must_match_its_length(h: Harness) {
    let ctx = h.org(Role::Member).await;
    let e = h.engagement(&ctx).await;
    let data = pdf(50_000);
    for declared in [data.len() as u64 + 1, data.len() as u64 - 1] {
        let err = h
            .svc
            .upload(&ctx, meta(e, "liar.pdf"), Upload::sized(body(&data), declared))
            .await
            .expect_err("length mismatch");
        assert!(matches!(err, AppError::BadRequest(_)), "declared {declared}: {err:?}");
        nothing_stored(&h).await;
    }
    // Declared past FILE_MAX_BYTES: refused before a byte is stored.
    let huge = Upload::sized(body(&data), FilesConfig::default().max_bytes + 1);
    assert!(matches!(h.svc.upload(&ctx, meta(e, "huge.bin"), huge).await, Err(AppError::PayloadTooLarge)));
    nothing_stored(&h).await;
}

/// The client goes away after 1 MiB of a declared 4 MiB.
async fn interrupted_sized_upload_leaves_nothing(h: Harness) {
    let ctx = h.org(Role::Member).await;
    let e = h.engagement(&ctx).await;
    let chunk = Bytes::from(vec![7u8; 64 * 1024]);
    let broken: ByteStream = futures::stream::iter((0..16).map(move |_| Ok(chunk.clone())))
        .chain(futures::stream::once(async { Err(std::io::Error::other("connection reset")) }))
        .boxed();
    let err =
        h.svc.upload(&ctx, meta(e, "cut.bin"), Upload::sized(broken, 4 * 1024 * 1024)).await.expect_err("interrupted");
    assert!(matches!(&err, AppError::BadRequest(m) if m.contains("connection reset")), "{err:?}");
    nothing_stored(&h).await;
}

type Ctx<'a> = aws_sdk_s3::config::interceptors::BeforeTransmitInterceptorContextMut<'a>;

/// How a test alters a signed request.
type How = for<'a, 'b> fn(&'a mut Ctx<'b>);

/// The headers each request was sent with.
type Seen = Arc<Mutex<Vec<(String, String)>>>;

/// Alters each PutObject after it was signed, and records how it was signed.
#[derive(Debug)]
struct Tamper {
    how: Option<How>,
    seen: Seen,
}

impl aws_sdk_s3::config::Intercept for Tamper {
    fn name(&self) -> &'static str {
        "tamper"
    }

    fn modify_before_transmit(
        &self,
        ctx: &mut Ctx<'_>,
        _: &aws_sdk_s3::config::RuntimeComponents,
        _: &mut aws_sdk_s3::config::ConfigBag,
    ) -> Result<(), aws_sdk_s3::error::BoxError> {
        let headers = ctx.request().headers();
        let mut seen = self.seen.lock().expect("lock");
        for name in ["x-amz-content-sha256", "content-encoding", "x-amz-trailer", "content-length"] {
            seen.push((name.to_owned(), headers.get(name).unwrap_or("-").to_owned()));
        }
        if let Some(how) = self.how {
            how(ctx);
        }
        Ok(())
    }
}

fn tampering(base: &S3Store, how: Option<How>) -> (S3Store, Seen) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let conf = base.client().config().to_builder().interceptor(Tamper { how, seen: seen.clone() }).build();
    (S3Store::with_client(aws_sdk_s3::Client::from_conf(conf), base.bucket()), seen)
}

fn other_key(ctx: &mut Ctx<'_>) {
    let uri = ctx.request().uri().replace("/o/f/", "/o/g/");
    ctx.request_mut().set_uri(uri).expect("uri");
}

fn other_signature(ctx: &mut Ctx<'_>) {
    let auth = ctx.request().headers().get("authorization").expect("signed").to_owned();
    let flipped = match auth.chars().last() {
        Some('0') => format!("{}1", &auth[..auth.len() - 1]),
        _ => format!("{}0", &auth[..auth.len() - 1]),
    };
    ctx.request_mut().headers_mut().insert("authorization", flipped);
}

/// How the SDK signs the streamed PutObject: it cannot hash a stream before
/// sending it, and the store asks for no SDK checksum (Atrium hashes the bytes
/// itself), so the payload goes unsigned (`UNSIGNED-PAYLOAD`) with its length.
/// Its headers and path are signed: s3s-fs refuses a request whose key or
/// signature was changed (403), and stores nothing.
#[tokio::test]
async fn s3_streamed_put_is_signed_and_tampering_is_refused() {
    let db = TestDb::sqlite().await;
    let Some(h) = harness(&db, Kind::S3, FilesConfig::default()).await else { return };
    let server = h.s3.as_ref().expect("s3");
    let base = S3Store::new(&settings(server));
    let data = pdf(300_000);

    let (honest, seen) = tampering(&base, None);
    honest.put_sized("o/f/honest", body(&data), data.len() as u64).await.expect("put");
    assert_eq!(read_all(base.get("o/f/honest", None).await.expect("get")).await, data);
    let seen = seen.lock().expect("lock").clone();
    let header = |n: &str| seen.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone()).unwrap_or_default();
    // The body goes as it is, with its length (no aws-chunked frames, no CRC32
    // trailer): Atrium checks size and SHA-256 itself.
    assert_eq!(header("x-amz-content-sha256"), "UNSIGNED-PAYLOAD", "{seen:?}");
    assert_eq!(header("content-encoding"), "-", "{seen:?}");
    assert_eq!(header("x-amz-trailer"), "-", "{seen:?}");
    assert_eq!(header("content-length"), data.len().to_string(), "{seen:?}");

    // s3s-fs checks the signature on the headers, before the body: it answers 403
    // and closes, so the SDK, still writing the body, mostly sees the connection
    // closed (broken pipe) rather than the 403. Either way: refused, nothing stored,
    // where the same request untampered (above) was stored.
    for (name, how) in [("key", other_key as How), ("signature", other_signature as How)] {
        let (tampered, _) = tampering(&base, Some(how));
        let err = tampered.put_sized("o/f/tampered", body(&data), data.len() as u64).await.expect_err(name);
        let refused = format!("{err:?}");
        assert!(
            refused.contains("403")
                || refused.contains("SignatureDoesNotMatch")
                || matches!(err, StoreError::Unavailable { .. }),
            "{name}: {refused}"
        );
    }
    let keys: Vec<String> = base.list(None, 10).await.expect("list").objects.into_iter().map(|o| o.key).collect();
    assert_eq!(keys, vec!["o/f/honest".to_owned()], "a refused PUT stores nothing");
}
