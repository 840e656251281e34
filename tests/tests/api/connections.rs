//! Odd clients on a keep-alive connection: a request whose body the server never
//! read (an early 401) must leave the connection usable, or say `Connection: close`.

use std::time::Duration;

use atrium_tests::{TestApp, app_tests};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

app_tests!(an_early_401_keeps_the_connection_usable);

/// One HTTP/1.1 response read off the socket: status, lower-cased head, body.
pub struct RawResponse {
    pub status: u16,
    pub head: String,
    pub body: Vec<u8>,
}

impl RawResponse {
    pub fn closes(&self) -> bool {
        self.head.lines().any(|l| l.starts_with("connection:") && l.contains("close"))
    }
}

/// Reads one response with a `Content-Length` body; `None` when the server closed first.
pub async fn read_response(stream: &mut TcpStream) -> Option<RawResponse> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut chunk)).await.ok()?.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_lowercase();
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    let length: usize =
        head.lines().find_map(|l| l.strip_prefix("content-length:")).and_then(|v| v.trim().parse().ok()).unwrap_or(0);
    let mut body = buf[head_end..].to_vec();
    while body.len() < length {
        let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut chunk)).await.ok()?.ok()?;
        if n == 0 {
            return None;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Some(RawResponse { status, head, body })
}

async fn connect(app: &TestApp) -> TcpStream {
    TcpStream::connect(app.base.trim_start_matches("http://")).await.expect("connect")
}

/// The head of a POST without credentials, then (after a pause, as a separate
/// packet, so the server has answered before the body arrives) its body.
async fn post_without_credentials(stream: &mut TcpStream, body: &[u8], expect_continue: bool) {
    let expect = if expect_continue { "Expect: 100-continue\r\n" } else { "" };
    let head = format!(
        "POST /api/v1/client-companies HTTP/1.1\r\nHost: atrium\r\nContent-Type: application/json\r\n{expect}Content-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.expect("write head");
    if expect_continue {
        return;
    }
    tokio::time::sleep(Duration::from_millis(50)).await;
    stream.write_all(body).await.expect("write body");
}

const SECOND: &[u8] = b"GET /health/live HTTP/1.1\r\nHost: atrium\r\n\r\n";

async fn an_early_401_keeps_the_connection_usable(app: &TestApp) {
    // A small body is read and discarded: the connection stays open.
    let mut stream = connect(app).await;
    post_without_credentials(&mut stream, br#"{"name": "Acme"}"#, false).await;
    let first = read_response(&mut stream).await.expect("the 401");
    assert_eq!(first.status, 401, "{}", first.head);
    assert!(!first.closes(), "a small body is drained, the connection kept: {}", first.head);
    stream.write_all(SECOND).await.expect("second request");
    let second = read_response(&mut stream).await.expect("the second request on the same connection is answered");
    assert_eq!(second.status, 200);
    assert!(String::from_utf8_lossy(&second.body).contains("ok"));

    // Twice in a row, and then an authenticated request, on one connection.
    post_without_credentials(&mut stream, br#"{"name": "Acme again"}"#, false).await;
    assert_eq!(read_response(&mut stream).await.expect("401 again").status, 401);
    stream.write_all(SECOND).await.expect("third request");
    assert_eq!(read_response(&mut stream).await.expect("answered").status, 200);

    // A body too large to drain cheaply: the 401 says the connection closes.
    let mut stream = connect(app).await;
    let big = vec![b' '; 200 * 1024];
    post_without_credentials(&mut stream, &big, false).await;
    let first = read_response(&mut stream).await.expect("the 401");
    assert_eq!(first.status, 401);
    assert!(first.closes(), "an undrained body announces the close: {}", first.head);

    // A client waiting for `100 Continue` is not asked for a body it need not send.
    let mut stream = connect(app).await;
    post_without_credentials(&mut stream, br#"{"name": "Acme"}"#, true).await;
    let first = read_response(&mut stream).await.expect("the 401");
    assert_eq!(first.status, 401);
    assert!(first.closes(), "{}", first.head);
}
