//! Slow and odd clients against the real binary: clients that dribble their
//! headers are disconnected after the header-read timeout, idle keep-alive
//! connections after the idle timeout, and the connection cap makes excess
//! connections wait while the server keeps serving.

use std::time::{Duration, Instant};

use atrium_tests::child::ChildServer;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const GET_LIVE: &[u8] = b"GET /health/live HTTP/1.1\r\nHost: atrium\r\n\r\n";

fn sqlite_url(dir: &tempfile::TempDir) -> String {
    format!("sqlite://{}?mode=rwc", dir.path().join("atrium.db").display())
}

/// Reads one response with a `Content-Length` body; its status, or `None` when the
/// server closed the connection (or nothing came within `within`).
async fn read_status(stream: &mut TcpStream, within: Duration) -> Option<u16> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let deadline = tokio::time::Instant::now() + within;
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_lowercase();
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            if buf.len() >= end + 4 + length {
                return head.split_whitespace().nth(1)?.parse().ok();
            }
        }
        let n = tokio::time::timeout_at(deadline, stream.read(&mut chunk)).await.ok()?.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// Waits until the server closes `stream` (read returns 0 or fails), at most `within`.
async fn closed_within(stream: &mut TcpStream, within: Duration) -> bool {
    let mut chunk = [0u8; 1024];
    let deadline = tokio::time::Instant::now() + within;
    loop {
        match tokio::time::timeout_at(deadline, stream.read(&mut chunk)).await {
            Err(_) => return false,
            Ok(Ok(0) | Err(_)) => return true,
            Ok(Ok(_)) => {}
        }
    }
}

#[tokio::test]
async fn slow_header_clients_are_disconnected_and_the_server_keeps_serving() {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = ChildServer::start(
        &["serve"],
        &sqlite_url(&dir),
        &[("HEADER_READ_TIMEOUT_SECS", "2"), ("KEEP_ALIVE_TIMEOUT_SECS", "30")],
    )
    .await;
    let addr = format!("127.0.0.1:{}", server.port);

    // 50 clients sending a request head one byte every 200 ms, never finishing it.
    let started = Instant::now();
    let slow: Vec<_> = (0..50)
        .map(|_| {
            let addr = addr.clone();
            tokio::spawn(async move {
                let mut stream = TcpStream::connect(&addr).await.expect("connect");
                let opened = Instant::now();
                let head = b"GET /health/live HTTP/1.1\r\nHost: atrium\r\nX-Slow: "
                    .iter()
                    .chain(b"a".repeat(10_000).iter())
                    .copied()
                    .collect::<Vec<u8>>();
                let mut buf = [0u8; 64];
                for byte in head {
                    if stream.write_all(&[byte]).await.is_err() {
                        return Some(opened.elapsed());
                    }
                    // The server closing shows as a read of 0 (or a reset).
                    let read = tokio::time::timeout(Duration::from_millis(200), stream.read(&mut buf)).await;
                    if let Ok(Ok(0) | Err(_)) = read {
                        return Some(opened.elapsed());
                    }
                    if opened.elapsed() > Duration::from_secs(20) {
                        return None;
                    }
                }
                None
            })
        })
        .collect();

    // Meanwhile ordinary clients are served.
    let http = reqwest::Client::new();
    let (mut served, mut errors, mut slowest) = (0, 0, Duration::ZERO);
    while started.elapsed() < Duration::from_secs(3) {
        let t = Instant::now();
        match http.get(format!("{}/health/live", server.base)).send().await {
            Ok(r) if r.status() == 200 => served += 1,
            _ => errors += 1,
        }
        slowest = slowest.max(t.elapsed());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let mut closed_after = Vec::new();
    for task in slow {
        closed_after.push(task.await.expect("slow client"));
    }
    let open = closed_after.iter().filter(|c| c.is_none()).count();
    let times: Vec<Duration> = closed_after.into_iter().flatten().collect();
    let (min, max) = (times.iter().min().copied().unwrap_or_default(), times.iter().max().copied().unwrap_or_default());
    eprintln!(
        "slow headers: 50 clients at 1 byte/200 ms, header-read timeout 2 s → {} closed after {min:?}..{max:?}, {open} still open; \
         {served} ordinary requests served meanwhile, {errors} errors, slowest {slowest:?}",
        times.len()
    );
    assert_eq!(open, 0, "every slow client is disconnected");
    assert!(min >= Duration::from_millis(1500), "not before the timeout: {min:?}");
    assert!(max <= Duration::from_secs(6), "within the timeout (and some slack): {max:?}");
    assert_eq!(errors, 0);
    assert!(served > 10);
}

#[tokio::test]
async fn idle_keep_alive_connections_are_closed_busy_ones_are_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = ChildServer::start(
        &["serve"],
        &sqlite_url(&dir),
        &[("HEADER_READ_TIMEOUT_SECS", "1"), ("KEEP_ALIVE_TIMEOUT_SECS", "3")],
    )
    .await;
    let addr = format!("127.0.0.1:{}", server.port);

    // A connection in use every 1.5 s outlives both timeouts: each request starts afresh.
    let mut busy = TcpStream::connect(&addr).await.expect("connect");
    let started = Instant::now();
    let mut requests = 0;
    while started.elapsed() < Duration::from_secs(5) {
        busy.write_all(GET_LIVE).await.expect("write");
        assert_eq!(
            read_status(&mut busy, Duration::from_secs(5)).await,
            Some(200),
            "request {requests} on the busy connection"
        );
        requests += 1;
        tokio::time::sleep(Duration::from_millis(1500)).await;
    }

    // An idle one is closed after the keep-alive timeout, not the header-read one.
    let mut idle = TcpStream::connect(&addr).await.expect("connect");
    idle.write_all(GET_LIVE).await.expect("write");
    assert_eq!(read_status(&mut idle, Duration::from_secs(5)).await, Some(200));
    let answered = Instant::now();
    assert!(closed_within(&mut idle, Duration::from_secs(10)).await, "the idle connection is closed");
    let idle_for = answered.elapsed();
    eprintln!(
        "keep-alive: busy connection served {requests} requests over 5 s (idle timeout 3 s, header timeout 1 s); \
         idle connection closed after {idle_for:?}"
    );
    assert!(idle_for >= Duration::from_millis(2500) && idle_for <= Duration::from_secs(6), "{idle_for:?}");
}

#[tokio::test]
async fn the_connection_cap_makes_excess_connections_wait() {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = ChildServer::start(
        &["serve"],
        &sqlite_url(&dir),
        &[("MAX_CONNECTIONS", "4"), ("KEEP_ALIVE_TIMEOUT_SECS", "60"), ("HEADER_READ_TIMEOUT_SECS", "60")],
    )
    .await;
    let addr = format!("127.0.0.1:{}", server.port);
    // ChildServer's readiness probe used one connection; let it close.
    tokio::time::sleep(Duration::from_millis(200)).await;

    let mut held = Vec::new();
    for _ in 0..4 {
        let mut s = TcpStream::connect(&addr).await.expect("connect");
        s.write_all(GET_LIVE).await.expect("write");
        assert_eq!(read_status(&mut s, Duration::from_secs(5)).await, Some(200));
        held.push(s);
    }
    // The fifth connects (the kernel's backlog takes it) but is not served yet.
    let mut fifth = TcpStream::connect(&addr).await.expect("connect");
    fifth.write_all(GET_LIVE).await.expect("write");
    let waited = Instant::now();
    assert_eq!(read_status(&mut fifth, Duration::from_secs(1)).await, None, "over the cap: waits");
    // A slot frees: the waiting connection is served.
    drop(held.pop());
    let status = read_status(&mut fifth, Duration::from_secs(5)).await;
    let wait = waited.elapsed();
    eprintln!("connection cap 4: the 5th connection waited {wait:?} and got {status:?} once a slot freed");
    assert_eq!(status, Some(200));
    // The held connections still work.
    for s in &mut held {
        s.write_all(GET_LIVE).await.expect("write");
        assert_eq!(read_status(s, Duration::from_secs(5)).await, Some(200));
    }
}

#[tokio::test]
async fn sigterm_finishes_in_flight_requests_and_closes_idle_connections() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut server = ChildServer::start(&["serve"], &sqlite_url(&dir), &[("KEEP_ALIVE_TIMEOUT_SECS", "60")]).await;
    let addr = format!("127.0.0.1:{}", server.port);
    let mut idle = TcpStream::connect(&addr).await.expect("connect");
    idle.write_all(GET_LIVE).await.expect("write");
    assert_eq!(read_status(&mut idle, Duration::from_secs(5)).await, Some(200));

    // A sign-up whose body is half sent when the signal arrives.
    let body = br#"{"email": "ada@example.com", "password": "correct horse battery", "name": "Ada"}"#;
    let mut in_flight = TcpStream::connect(&addr).await.expect("connect");
    let head = format!(
        "POST /api/v1/auth/signup HTTP/1.1\r\nHost: atrium\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    in_flight.write_all(head.as_bytes()).await.expect("head");
    in_flight.write_all(&body[..20]).await.expect("half the body");
    tokio::time::sleep(Duration::from_millis(300)).await;

    let signalled = Instant::now();
    let pid_exit = {
        let stop = server.terminate(Duration::from_secs(15));
        let finish = async {
            tokio::time::sleep(Duration::from_millis(500)).await;
            in_flight.write_all(&body[20..]).await.expect("the rest of the body");
            read_status(&mut in_flight, Duration::from_secs(10)).await
        };
        let idle_closed = closed_within(&mut idle, Duration::from_secs(5));
        let (exit, status, idle_closed) = tokio::join!(stop, finish, idle_closed);
        assert_eq!(status, Some(201), "the in-flight request is finished");
        assert!(idle_closed, "the idle connection is closed on shutdown");
        exit
    };
    eprintln!(
        "SIGTERM: in-flight sign-up answered 201, idle connection closed, exited {pid_exit:?} after {:?}",
        signalled.elapsed()
    );
    assert!(pid_exit.is_some_and(|s| s.success()), "a clean exit: {pid_exit:?}");
}
