//! The files service against real SQLite and PostgreSQL, and a real S3 server
//! (s3s-fs) or the local directory store.

// Snapshots and the collector's checks read across organizations on purpose.
#![allow(clippy::disallowed_methods)]

mod support;

use std::sync::Arc;
use std::time::Duration;

use atrium_files::dto::{DirectUploadIn, DownloadQuery};
use atrium_files::service::Download;
use atrium_files::{FilesConfig, FilesService, LocalStore};
use atrium_kernel::{AppError, Role, SystemClock};
use atrium_testkit::TestDb;
use support::*;
use uuid::Uuid;

store_tests!(
    round_trip_with_checksum,
    versions_and_restore,
    range_requests,
    cross_tenant_is_404,
    viewer_cannot_upload,
    too_large_is_413_and_leaves_nothing,
    wrong_checksum_on_complete_is_422,
    collector_deletes_only_orphans,
);

async fn round_trip_with_checksum(h: Harness) {
    let ctx = h.org(Role::Member).await;
    let e = h.engagement(&ctx).await;
    // Over one multipart part on S3 (8 MiB), so the multipart path runs too.
    let data = pdf(9 * 1024 * 1024);
    let out = h.svc.upload(&ctx, meta(e, "contract.pdf"), body(&data)).await.expect("upload");
    let current = out.current.clone().expect("a current version");
    assert_eq!(current.sha256, sha(&data));
    assert_eq!(current.size, data.len() as i64);
    assert_eq!(current.media_type, "application/pdf", "sniffed from the bytes");
    assert_eq!(bytes_of(&h, &ctx, out.id, None).await, data);
    let listed = h.svc.list(&ctx, &Default::default(), atrium_kernel::PageRequest::default()).await.expect("list");
    assert_eq!(listed.items.len(), 1);
    assert_eq!(h.svc.get(&ctx, out.id).await.expect("get"), out);
}

async fn versions_and_restore(h: Harness) {
    let ctx = h.org(Role::Member).await;
    let e = h.engagement(&ctx).await;
    let (v1, v2) = (b"first version".to_vec(), b"second version!".to_vec());
    let f = h.svc.upload(&ctx, meta(e, "notes.txt"), body(&v1)).await.expect("upload");
    let f2 = h.svc.add_version(&ctx, f.id, body(&v2)).await.expect("version 2");
    assert_eq!(f2.current.as_ref().map(|v| v.version), Some(2));
    assert_eq!(bytes_of(&h, &ctx, f.id, None).await, v2);
    assert_eq!(bytes_of(&h, &ctx, f.id, Some(1)).await, v1);
    let f3 = h.svc.restore_version(&ctx, f.id, 1).await.expect("restore");
    let cur = f3.current.expect("current");
    assert_eq!((cur.version, cur.sha256.as_str()), (3, sha(&v1).as_str()), "a restore is a new version");
    assert_eq!(bytes_of(&h, &ctx, f.id, None).await, v1);
    let versions = h.svc.versions(&ctx, f.id).await.expect("versions");
    assert_eq!(versions.iter().map(|v| v.version).collect::<Vec<_>>(), vec![3, 2, 1]);
    let missing = h.svc.restore_version(&ctx, f.id, 9).await.expect_err("no version 9");
    assert!(matches!(missing, AppError::NotFound(_)));
}

async fn range_requests(h: Harness) {
    let ctx = h.org(Role::Member).await;
    let e = h.engagement(&ctx).await;
    let data: Vec<u8> = (0..1000u32).map(|i| (i % 256) as u8).collect();
    let f = h.svc.upload(&ctx, meta(e, "r.bin"), body(&data)).await.expect("upload");
    for (header, want) in [("bytes=10-19", &data[10..20]), ("bytes=990-", &data[990..]), ("bytes=-5", &data[995..])] {
        match streamed(&h, &ctx, f.id, None, Some(header)).await {
            Download::Stream { body, range, size, etag, .. } => {
                assert!(range.is_some(), "{header}");
                assert_eq!(size, 1000);
                assert_eq!(etag, format!("\"{}\"", sha(&data)));
                assert_eq!(read_all(body).await, want, "{header}");
            }
            _ => panic!("{header}: expected a stream"),
        }
    }
    assert!(matches!(
        streamed(&h, &ctx, f.id, None, Some("bytes=1000-")).await,
        Download::NotSatisfiable { size: 1000 }
    ));
}

async fn cross_tenant_is_404(h: Harness) {
    let ctx = h.org(Role::Member).await;
    let other = h.org(Role::Owner).await;
    let e = h.engagement(&ctx).await;
    let f = h.svc.upload(&ctx, meta(e, "a.txt"), body(b"hello")).await.expect("upload");
    assert!(matches!(h.svc.get(&other, f.id).await, Err(AppError::NotFound(_))));
    assert!(matches!(h.svc.add_version(&other, f.id, body(b"x")).await, Err(AppError::NotFound(_))));
    assert!(matches!(h.svc.delete(&other, f.id).await, Err(AppError::NotFound(_))));
    let q = DownloadQuery::default();
    assert!(matches!(h.svc.download(&other, f.id, &q, None).await, Err(AppError::NotFound(_))));
    // Nor may another organization file into this one's engagement.
    let refused = h.svc.upload(&other, meta(e, "b.txt"), body(b"x")).await.expect_err("foreign engagement");
    assert!(matches!(refused, AppError::Validation(_)));
}

async fn viewer_cannot_upload(h: Harness) {
    let ctx = h.org(Role::Viewer).await;
    let e = h.engagement(&ctx).await;
    let refused = h.svc.upload(&ctx, meta(e, "a.txt"), body(b"hello")).await.expect_err("viewer");
    assert!(matches!(refused, AppError::Forbidden(_)));
    assert_eq!(h.count("file_objects").await, 0);
    assert!(h.store.list(None, 10).await.expect("list").objects.is_empty(), "nothing stored");
}

async fn too_large_is_413_and_leaves_nothing(h: Harness) {
    let ctx = h.org(Role::Member).await;
    let e = h.engagement(&ctx).await;
    let svc = FilesService::new(
        h.conn.clone(),
        Arc::new(SystemClock),
        h.store.clone(),
        Arc::new(DbEngagements(h.conn.clone())),
        FilesConfig { max_bytes: 10_000, ..FilesConfig::default() },
    );
    let err = svc.upload(&ctx, meta(e, "big.bin"), body(&[1u8; 20_000])).await.expect_err("too large");
    assert!(matches!(err, AppError::PayloadTooLarge));
    assert_eq!(h.count("file_objects").await, 0);
    assert_eq!(h.count("file_versions").await, 0);
    assert!(h.store.list(None, 10).await.expect("list").objects.is_empty(), "an aborted upload leaves no blob");
}

async fn put_presigned(h: &Harness, out: &atrium_files::dto::DirectUploadOut, data: Vec<u8>) {
    match &h.s3 {
        Some(_) => {
            let mut req = reqwest::Client::new().put(&out.url).body(data);
            for (k, v) in &out.headers {
                req = req.header(k, v);
            }
            let res = req.send().await.expect("PUT");
            assert!(res.status().is_success(), "presigned PUT: {}", res.status());
        }
        None => {
            // The local store's route is exercised over HTTP in tests/api/files.rs;
            // here the bytes go in as that route would put them.
            let key = out.url.split('?').next().and_then(|p| p.strip_prefix("/blobs/")).expect("blob url");
            h.store.put(key, body(&data)).await.expect("put");
        }
    }
}

async fn wrong_checksum_on_complete_is_422(h: Harness) {
    let ctx = h.org(Role::Member).await;
    let e = h.engagement(&ctx).await;
    let data = b"direct upload bytes".to_vec();
    let start = |sha256: String| DirectUploadIn {
        engagement_id: Some(e),
        name: Some("direct.txt".into()),
        visibility: None,
        attached_type: None,
        attached_id: None,
        size: data.len() as u64,
        sha256,
        content_type: Some("text/plain".into()),
    };
    // The right checksum: completes as version 1.
    let good = h.svc.start_upload(&ctx, start(sha(&data))).await.expect("start");
    let incomplete = h.svc.complete(&ctx, good.file_id).await.expect_err("nothing uploaded yet");
    assert!(matches!(incomplete, AppError::Validation(_)));
    put_presigned(&h, &good, data.clone()).await;
    let done = h.svc.complete(&ctx, good.file_id).await.expect("complete");
    assert_eq!(done.current.as_ref().map(|v| v.version), Some(1));
    assert_eq!(bytes_of(&h, &ctx, good.file_id, None).await, data);

    // A new version declared with the wrong checksum: 422, version 1 stays current.
    let v = atrium_files::dto::DirectVersionIn { size: 5, sha256: sha(b"other"), content_type: None };
    let next = h.svc.start_version_upload(&ctx, good.file_id, v).await.expect("start version");
    put_presigned(&h, &next, b"wrong".to_vec()).await;
    let refused = h.svc.complete(&ctx, good.file_id).await.expect_err("checksum mismatch");
    assert!(matches!(refused, AppError::Validation(_)), "{refused:?}");
    let after = h.svc.get(&ctx, good.file_id).await.expect("get");
    assert_eq!(after.current, done.current, "nothing current changed");
    assert_eq!(h.count("file_versions").await, 1);
}

async fn collector_deletes_only_orphans(h: Harness) {
    let ctx = h.org(Role::Member).await;
    let e = h.engagement(&ctx).await;
    let kept = h.svc.upload(&ctx, meta(e, "kept.txt"), body(b"referenced")).await.expect("upload");
    // An orphan: a blob no row names (an upload whose row never came).
    let orphan = format!("{}/{}/{}", ctx.org_id, Uuid::now_v7(), Uuid::now_v7());
    h.store.put(&orphan, body(b"orphan")).await.expect("orphan");

    // With the default grace, a fresh unreferenced blob is what a concurrent upload
    // is about to reference: it stays.
    let report = h.svc.collect(false).await.expect("collect");
    assert!(report.deleted.is_empty(), "{report:?}");
    assert_eq!(report.kept_in_grace, 1);
    assert!(h.store.head(&orphan).await.expect("head").is_some(), "in-flight blob kept");

    // Past the grace (zero here), the orphan goes and the referenced blob stays.
    let svc = FilesService::new(
        h.conn.clone(),
        Arc::new(SystemClock),
        h.store.clone(),
        Arc::new(DbEngagements(h.conn.clone())),
        FilesConfig { grace: chrono::Duration::seconds(-5), ..FilesConfig::default() },
    );
    let dry = svc.collect(true).await.expect("dry run");
    assert_eq!(dry.deleted, vec![orphan.clone()]);
    assert!(h.store.head(&orphan).await.expect("head").is_some(), "a dry run deletes nothing");
    let report = svc.collect(false).await.expect("collect");
    assert_eq!(report.deleted, vec![orphan.clone()]);
    assert!(report.missing.is_empty());
    assert!(h.store.head(&orphan).await.expect("head").is_none());
    assert_eq!(bytes_of(&h, &ctx, kept.id, None).await, b"referenced");

    // A version whose blob vanished is reported.
    let listing = h.store.list(None, 10).await.expect("list");
    let key = listing.objects.first().expect("the kept blob").key.clone();
    h.store.delete(&key).await.expect("delete");
    let report = svc.collect(true).await.expect("collect");
    assert_eq!(report.missing, vec![key]);
}

/// S3 only: presigned URLs are checked by the server: tampered and expired → 403.
#[tokio::test]
async fn s3_presigned_urls_refuse_tampering_and_expiry() {
    let db = TestDb::sqlite().await;
    let Some(h) = harness(&db, Kind::S3, FilesConfig::default()).await else { return };
    h.store.put("o/f/blob", body(b"secret bytes")).await.expect("put");
    let ok = h.store.presign_get("o/f/blob", Duration::from_secs(60), "attachment").await.expect("presign");
    let res = reqwest::get(&ok.url).await.expect("GET");
    assert_eq!(res.status(), 200);
    assert_eq!(res.bytes().await.expect("body").as_ref(), b"secret bytes");
    let tampered = ok.url.replace("o/f/blob", "o/f/blob2");
    assert_eq!(reqwest::get(&tampered).await.expect("GET").status(), 403);
    let short = h.store.presign_get("o/f/blob", Duration::from_secs(1), "attachment").await.expect("presign");
    tokio::time::sleep(Duration::from_millis(2100)).await;
    assert_eq!(reqwest::get(&short.url).await.expect("GET").status(), 403, "expired");
}

/// S3 stopped: file operations are 503 naming the storage; readiness sees it.
#[tokio::test]
async fn s3_down_is_503() {
    let db = TestDb::sqlite().await;
    let Some(mut h) = harness(&db, Kind::S3, FilesConfig::default()).await else { return };
    let ctx = h.org(Role::Member).await;
    let e = h.engagement(&ctx).await;
    assert!(h.svc.storage_ready().await.is_ok());
    h.s3.as_mut().expect("s3").stop();
    let err = h.svc.upload(&ctx, meta(e, "a.txt"), body(b"x")).await.expect_err("down");
    match err {
        AppError::StorageUnavailable(store) => assert_eq!(store, "s3"),
        other => panic!("expected 503, got {other:?}"),
    }
    let ready = h.svc.storage_ready().await.expect_err("not ready");
    assert!(ready.contains("s3"), "{ready}");
    assert_eq!(h.count("file_objects").await, 0);
}

/// The local store's signed URLs: tampered and expired grants are refused.
#[test]
fn local_urls_refuse_tampering_and_expiry() {
    use atrium_files::store::local::Grant;
    let store = LocalStore::new("/nonexistent", [9; 32]);
    let now = chrono::Utc::now();
    let g = Grant { method: "GET".into(), key: "a/b/c".into(), expires: now.timestamp() + 60, bound: "inline".into() };
    let sig = store.sign(&g);
    assert!(store.verify(&g, &sig, now).is_ok());
    let other_key = Grant { key: "a/b/d".into(), ..g.clone() };
    assert!(store.verify(&other_key, &sig, now).is_err(), "tampered key");
    let longer = Grant { expires: g.expires + 3600, ..g.clone() };
    assert!(store.verify(&longer, &sig, now).is_err(), "tampered expiry");
    assert!(store.verify(&g, &sig, now + chrono::Duration::seconds(61)).is_err(), "expired");
}
