//! A 1 GiB file through Atrium vs straight to the same S3 server (issue 13).
//!
//! Starts `s3s-fs` (testkit) on a free loopback port with its own directory and
//! the release `atrium serve` (next to this binary) on a fresh SQLite file with
//! `S3_*` pointing at it, signs up and creates an engagement. Then, `--runs` times:
//! a direct `aws-sdk-s3` PutObject streamed from a generated file on disk and a
//! GetObject streamed to a hashing sink; the same bytes as a raw-body
//! `POST /api/v1/files` (reqwest streams the file with its `Content-Length`, which
//! Atrium passes on as one streamed PutObject), the same once more without a
//! length (chunked: Atrium falls back to a multipart upload), and a
//! `GET /api/v1/files/{id}/download?stream=true` (the streamed-through-Atrium path,
//! not the default 302 to a presigned URL) into a hashing sink. Every transfer's
//! SHA-256 is checked. During each Atrium transfer `/proc/<atrium>/status` VmRSS is
//! polled every `--sample-ms`; VmHWM is reset first (`clear_refs` 5, root only) as a
//! second, exact peak.
//!
//! ```sh
//! cargo build --release --workspace --bin atrium --bin files-bench
//! $CARGO_TARGET_DIR/release/files-bench --size-mib 1024 --runs 3
//! ```

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use atrium_files::{S3Settings, S3Store};
use atrium_testkit::s3::{ACCESS_KEY, BUCKET, REGION, S3Server, SECRET_KEY};
use atrium_tests::child::ChildServer;
use aws_sdk_s3::primitives::ByteStream;
use clap::Parser;
use futures::StreamExt;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

#[derive(Parser)]
struct Args {
    /// Size of the file, MiB.
    #[arg(long, default_value_t = 1024)]
    size_mib: u64,
    /// Transfers of each kind; medians are reported.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// VmRSS polling interval during Atrium's transfers, ms.
    #[arg(long, default_value_t = 20)]
    sample_ms: u64,
    /// Part size of the direct multipart baseline, MiB (Atrium's store uses 8).
    #[arg(long, default_value_t = 8)]
    part_mib: u64,
    /// `REQUEST_TIMEOUT_SECS` for Atrium (unset: its default, 30 s; uploads are
    /// bounded by `UPLOAD_IDLE_TIMEOUT_SECS` instead, so it does not apply to them).
    #[arg(long)]
    request_timeout_secs: Option<u64>,
    /// Where the generated file goes (default: a temp dir).
    #[arg(long)]
    dir: Option<std::path::PathBuf>,
}

const MIB: f64 = 1024.0 * 1024.0;

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// A field of `/proc/<pid>/status` in KiB.
fn status_kib(pid: u32, field: &str) -> u64 {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    s.lines()
        .find_map(|l| l.strip_prefix(field)?.trim_start_matches(':').split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// utime + stime of `pid`, seconds.
fn cpu_secs(pid: u32) -> f64 {
    let s = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command (which may hold spaces) start after the last ')'.
    let rest = s.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11).and_then(|u| u.parse::<f64>().ok()).unwrap_or(0.0)
        + f.get(12).and_then(|u| u.parse::<f64>().ok()).unwrap_or(0.0);
    ticks / 100.0
}

/// Polls VmRSS of `pid` on its own thread (so a busy runtime cannot starve it).
struct RssProbe {
    stop: Arc<AtomicBool>,
    handle: std::thread::JoinHandle<(u64, usize)>,
}

impl RssProbe {
    fn start(pid: u32, every: Duration) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let handle = std::thread::spawn(move || {
            let (mut peak, mut samples) = (0u64, 0usize);
            while !flag.load(Ordering::Relaxed) {
                peak = peak.max(status_kib(pid, "VmRSS"));
                samples += 1;
                std::thread::sleep(every);
            }
            (peak, samples)
        });
        Self { stop, handle }
    }

    /// Peak VmRSS seen (KiB) and the number of samples.
    fn finish(self) -> (u64, usize) {
        self.stop.store(true, Ordering::Relaxed);
        self.handle.join().unwrap_or((0, 0))
    }
}

/// Memory of one Atrium transfer, KiB.
#[derive(Debug, Clone, Copy)]
struct Mem {
    idle: u64,
    peak: u64,
    hwm: u64,
    samples: usize,
}

struct Measured {
    secs: f64,
    mem: Option<Mem>,
    cpu: f64,
}

/// Writes `size` pseudo-random (incompressible) bytes; returns their SHA-256.
async fn generate(path: &Path, size: u64) -> String {
    let mut f = tokio::fs::File::create(path).await.expect("create the test file");
    let mut hasher = Sha256::new();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut buf = vec![0u8; 1 << 20];
    let mut left = size;
    while left > 0 {
        for word in buf.chunks_exact_mut(8) {
            // xorshift64: fast, and gzip cannot shrink it.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            word.copy_from_slice(&state.to_le_bytes());
        }
        let n = usize::try_from(left.min(buf.len() as u64)).expect("chunk fits");
        hasher.update(&buf[..n]);
        f.write_all(&buf[..n]).await.expect("write the test file");
        left -= n as u64;
    }
    f.flush().await.expect("flush");
    hex::encode(hasher.finalize())
}

/// Runs `work` while probing Atrium's memory and CPU.
async fn measured<F: std::future::Future<Output = ()>>(pid: u32, every: Duration, work: F) -> Measured {
    // Writing 5 to clear_refs resets VmHWM to the current RSS (needs root; without
    // it the HWM column is the process's lifetime peak, which the table says).
    let _ = std::fs::write(format!("/proc/{pid}/clear_refs"), "5");
    let idle = status_kib(pid, "VmRSS");
    let cpu0 = cpu_secs(pid);
    let probe = RssProbe::start(pid, every);
    let t = Instant::now();
    work.await;
    let secs = t.elapsed().as_secs_f64();
    let (peak, samples) = probe.finish();
    let hwm = status_kib(pid, "VmHWM");
    Measured { secs, mem: Some(Mem { idle, peak, hwm, samples }), cpu: cpu_secs(pid) - cpu0 }
}

async fn hash_stream<S, E>(mut s: S) -> (u64, String)
where
    S: futures::Stream<Item = Result<bytes::Bytes, E>> + Unpin,
    E: std::fmt::Debug,
{
    let (mut n, mut hasher) = (0u64, Sha256::new());
    while let Some(chunk) = s.next().await {
        let chunk = chunk.expect("body chunk");
        n += chunk.len() as u64;
        hasher.update(&chunk);
    }
    (n, hex::encode(hasher.finalize()))
}

/// A direct multipart upload from the file, parts read from disk by offset, one at
/// a time (what a simple client does; s3s-fs then concatenates the parts on
/// completion, a cost a single PUT does not pay). Returns (total, complete) seconds.
async fn direct_multipart(client: &aws_sdk_s3::Client, key: &str, path: &Path, size: u64, part: u64) -> (f64, f64) {
    use aws_sdk_s3::types::{CompletedMultipartUpload, CompletedPart};
    let t = Instant::now();
    let up = client.create_multipart_upload().bucket(BUCKET).key(key).send().await.expect("create multipart");
    let id = up.upload_id().expect("upload id").to_owned();
    let mut parts = Vec::new();
    let mut offset = 0;
    while offset < size {
        let len = part.min(size - offset);
        let number = i32::try_from(parts.len() + 1).expect("part number");
        let body = ByteStream::read_from()
            .path(path)
            .offset(offset)
            .length(aws_sdk_s3::primitives::Length::Exact(len))
            .build()
            .await
            .expect("part body");
        let done = client
            .upload_part()
            .bucket(BUCKET)
            .key(key)
            .upload_id(&id)
            .part_number(number)
            .body(body)
            .send()
            .await
            .expect("upload part");
        parts.push(CompletedPart::builder().part_number(number).set_e_tag(done.e_tag).build());
        offset += len;
    }
    let c = Instant::now();
    client
        .complete_multipart_upload()
        .bucket(BUCKET)
        .key(key)
        .upload_id(&id)
        .multipart_upload(CompletedMultipartUpload::builder().set_parts(Some(parts)).build())
        .send()
        .await
        .expect("complete multipart");
    (t.elapsed().as_secs_f64(), c.elapsed().as_secs_f64())
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let size = args.size_mib * 1024 * 1024;
    let every = Duration::from_millis(args.sample_ms);
    println!("load average at start: {}", loadavg());

    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = args.dir.clone().unwrap_or_else(|| tmp.path().to_path_buf());
    let path = dir.join("payload.bin");
    let t = Instant::now();
    let sha = generate(&path, size).await;
    println!("generated {} MiB in {:.1} s, sha256 {sha}", args.size_mib, t.elapsed().as_secs_f64());

    let s3 = S3Server::start().expect("s3s-fs (install: see crates/testkit/src/s3.rs)");
    let db = format!("sqlite://{}?mode=rwc", tmp.path().join("atrium.db").display());
    let max = (size + 64 * 1024 * 1024).to_string();
    let timeout = args.request_timeout_secs.map(|t| t.to_string());
    let mut env = vec![
        ("S3_ENDPOINT", s3.endpoint.as_str()),
        ("S3_BUCKET", BUCKET),
        ("S3_REGION", REGION),
        ("S3_ACCESS_KEY_ID", ACCESS_KEY),
        ("S3_SECRET_ACCESS_KEY", SECRET_KEY),
        ("FILE_MAX_BYTES", max.as_str()),
    ];
    if let Some(t) = &timeout {
        env.push(("REQUEST_TIMEOUT_SECS", t.as_str()));
    }
    let server = ChildServer::start(&["serve"], &db, &env).await;
    let pid = server.pid().expect("atrium pid");
    let base = server.base.clone();

    let http = reqwest::Client::new();
    let signup = json!({"email": "files-bench@example.com", "password": "correct horse battery", "name": "Bench"});
    let v: Value = http
        .post(format!("{base}/api/v1/auth/signup"))
        .json(&signup)
        .send()
        .await
        .expect("signup")
        .json()
        .await
        .expect("signup json");
    let token = v["token"].as_str().expect("token").to_owned();
    let e: Value = http
        .post(format!("{base}/api/v1/engagements"))
        .bearer_auth(&token)
        .json(&json!({"name": "Bench", "billing_model": "fixed"}))
        .send()
        .await
        .expect("engagement")
        .json()
        .await
        .expect("engagement json");
    let engagement = e["id"].as_str().expect("engagement id").to_owned();

    // The same client configuration Atrium's store uses.
    let store = S3Store::new(&S3Settings {
        endpoint: Some(s3.endpoint.clone()),
        bucket: BUCKET.into(),
        region: REGION.into(),
        access_key_id: ACCESS_KEY.into(),
        secret_access_key: SECRET_KEY.into(),
        force_path_style: true,
    });
    let client = store.client().clone();
    // Before any transfer: what a transfer may leave behind is measured against it.
    let baseline = status_kib(pid, "VmRSS");
    println!("atrium idle RSS before any transfer: {:.1} MiB", mib(baseline));

    let (mut d_put, mut d_get, mut a_put, mut a_get) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut d_mp, mut a_br, mut a_chunked) = (Vec::new(), Vec::new(), Vec::new());
    let mut loads = Vec::new();
    for run in 1..=args.runs {
        loads.push(loadavg());
        // Direct PUT, streamed from the file.
        let key = format!("direct/{run}");
        let body = ByteStream::from_path(&path).await.expect("file body");
        let t = Instant::now();
        client.put_object().bucket(BUCKET).key(&key).body(body).send().await.expect("direct put");
        let put = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let out = client.get_object().bucket(BUCKET).key(&key).send().await.expect("direct get");
        let (n, got) =
            hash_stream(tokio_util::io::ReaderStream::with_capacity(out.body.into_async_read(), 256 * 1024)).await;
        let get = t.elapsed().as_secs_f64();
        assert_eq!((n, got.as_str()), (size, sha.as_str()), "direct GET returned other bytes");
        client.delete_object().bucket(BUCKET).key(&key).send().await.expect("direct delete");
        let (mp, mp_complete) =
            direct_multipart(&client, &format!("direct-mp/{run}"), &path, size, args.part_mib * 1024 * 1024).await;

        // Through Atrium: a raw body streamed from the file.
        let mut file_id = String::new();
        let up = measured(pid, every, async {
            let f = tokio::fs::File::open(&path).await.expect("open the test file");
            let body = reqwest::Body::wrap_stream(tokio_util::io::ReaderStream::with_capacity(f, 256 * 1024));
            let res = http
                .post(format!("{base}/api/v1/files?engagement_id={engagement}&name=payload-{run}.bin"))
                .bearer_auth(&token)
                .header("content-type", "application/octet-stream")
                .header("content-length", size)
                .body(body)
                .send()
                .await
                .expect("atrium upload");
            let status = res.status();
            let v: Value = res.json().await.expect("upload json");
            assert_eq!(status, 201, "upload: {v}");
            assert_eq!(v["current"]["sha256"], sha.as_str(), "Atrium stored other bytes");
            assert_eq!(v["current"]["size"], size);
            file_id = v["id"].as_str().expect("file id").to_owned();
        })
        .await;
        // The same bytes without a declared length (chunked), as a client that
        // cannot tell the size up front sends them.
        let chunked = measured(pid, every, async {
            let f = tokio::fs::File::open(&path).await.expect("open the test file");
            let body = reqwest::Body::wrap_stream(tokio_util::io::ReaderStream::with_capacity(f, 256 * 1024));
            let res = http
                .post(format!("{base}/api/v1/files?engagement_id={engagement}&name=chunked-{run}.bin"))
                .bearer_auth(&token)
                .header("content-type", "application/octet-stream")
                .body(body)
                .send()
                .await
                .expect("atrium chunked upload");
            let status = res.status();
            let v: Value = res.json().await.expect("upload json");
            assert_eq!(status, 201, "chunked upload: {v}");
            assert_eq!(v["current"]["sha256"], sha.as_str(), "Atrium stored other bytes");
        })
        .await;
        let down = measured(pid, every, async {
            let res = http
                .get(format!("{base}/api/v1/files/{file_id}/download?stream=true"))
                .bearer_auth(&token)
                .send()
                .await
                .expect("atrium download");
            assert_eq!(res.status(), 200, "download");
            let (n, got) = hash_stream(res.bytes_stream()).await;
            assert_eq!((n, got.as_str()), (size, sha.as_str()), "Atrium sent other bytes");
        })
        .await;
        // As a browser asks for it: with `Accept-Encoding`. Atrium answers identity
        // (verified) or a compressed body (counted, not decoded).
        let mut encoding = String::new();
        let browser = measured(pid, every, async {
            let res = http
                .get(format!("{base}/api/v1/files/{file_id}/download?stream=true"))
                .bearer_auth(&token)
                .header("accept-encoding", "gzip, deflate, br, zstd")
                .send()
                .await
                .expect("atrium download");
            assert_eq!(res.status(), 200, "download");
            encoding =
                res.headers().get("content-encoding").and_then(|v| v.to_str().ok()).unwrap_or("identity").to_owned();
            let (n, got) = hash_stream(res.bytes_stream()).await;
            if encoding == "identity" {
                assert_eq!((n, got.as_str()), (size, sha.as_str()), "Atrium sent other bytes");
            } else {
                println!("  (browser-like download came as {encoding}: {:.1} MiB on the wire)", n as f64 / MIB);
            }
        })
        .await;
        // Free the disk: every object of the run (Atrium's rows may keep pointing at them).
        let listed = client.list_objects_v2().bucket(BUCKET).send().await.expect("list");
        for o in listed.contents() {
            if let Some(k) = o.key() {
                client.delete_object().bucket(BUCKET).key(k).send().await.expect("delete");
            }
        }

        let rate = |secs: f64| size as f64 / MIB / secs;
        let m = |x: &Measured| {
            x.mem.map_or(String::new(), |m| format!(
            "RSS idle {:.1} MiB, peak {:.1} MiB (+{:.1}), HWM {:.1} MiB (+{:.1}), {} samples, atrium CPU {:.1} s",
            mib(m.idle), mib(m.peak), mib(m.peak.saturating_sub(m.idle)), mib(m.hwm), mib(m.hwm.saturating_sub(m.idle)), m.samples, x.cpu))
        };
        println!("run {run} (load {}):", loads.last().map_or("", String::as_str));
        println!(
            "  direct PUT {:.0} MiB/s, direct GET {:.0} MiB/s, direct multipart PUT {:.0} MiB/s (complete: {:.1} s)",
            rate(put),
            rate(get),
            rate(mp),
            mp_complete
        );
        println!("  atrium upload {:.0} MiB/s; {}", rate(up.secs), m(&up));
        println!("  atrium upload, chunked {:.0} MiB/s; {}", rate(chunked.secs), m(&chunked));
        println!("  atrium download {:.0} MiB/s; {}", rate(down.secs), m(&down));
        println!(
            "  atrium download with Accept-Encoding ({encoding}) {:.0} MiB/s; {}",
            rate(browser.secs),
            m(&browser)
        );
        d_put.push(rate(put));
        d_mp.push(rate(mp));
        d_get.push(rate(get));
        a_put.push((rate(up.secs), up.mem));
        a_chunked.push((rate(chunked.secs), chunked.mem));
        a_get.push((rate(down.secs), down.mem));
        a_br.push((rate(browser.secs), browser.mem));
    }
    println!("load average at end: {}", loadavg());
    println!(
        "direct multipart PUT ({} MiB parts, one at a time): median {:.0} MiB/s",
        args.part_mib,
        median(d_mp.clone())
    );

    // The largest growth over the idle RSS right before the transfer, and the
    // largest peak over the RSS before the first transfer.
    let worst = |v: &[(f64, Option<Mem>)]| {
        let mems: Vec<Mem> = v.iter().filter_map(|(_, m)| *m).collect();
        let peak = mems.iter().map(|m| m.peak.saturating_sub(m.idle)).max().unwrap_or(0);
        let hwm = mems.iter().map(|m| m.hwm.saturating_sub(m.idle)).max().unwrap_or(0);
        let top = mems.iter().map(|m| m.peak.max(m.hwm)).max().unwrap_or(0);
        (peak, hwm, top.saturating_sub(baseline))
    };
    println!();
    println!(
        "| transfer | direct S3 (median MiB/s) | through Atrium (median MiB/s) | ratio | peak − idle (sampled) | \
         peak − idle (VmHWM) | peak − idle before the first transfer ({:.1} MiB) |",
        mib(baseline)
    );
    println!("|---|---|---|---|---|---|---|");
    for (name, direct, atrium) in [
        ("upload (`Content-Length`)", &d_put, &a_put),
        ("upload, chunked (no length: multipart)", &d_put, &a_chunked),
        ("download", &d_get, &a_get),
        ("download, `Accept-Encoding: gzip, deflate, br, zstd`", &d_get, &a_br),
    ] {
        let (d, a) = (median(direct.clone()), median(atrium.iter().map(|x| x.0).collect()));
        let (peak, hwm, top) = worst(atrium);
        println!(
            "| {name} | {d:.0} | {a:.0} | {:.0} % | {:.1} MiB | {:.1} MiB | {:.1} MiB |",
            a / d * 100.0,
            mib(peak),
            mib(hwm),
            mib(top)
        );
    }
    drop(server);
    drop(s3);
}
