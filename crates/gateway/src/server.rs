//! The HTTP/1.1 server under the router: our own accept loop over hyper, so slow
//! and odd clients cannot hold the server.
//!
//! - **Header-read timeout**: a request's head must be complete within
//!   `header_read_timeout` of its first byte (of the connection opening, for the
//!   first request); a client dribbling headers a byte at a time is disconnected.
//! - **Idle keep-alive timeout**: a connection with no request in flight is closed
//!   `keep_alive_timeout` after its last response finished.
//! - **Connection cap**: at most `max_connections` are served at once; further
//!   ones wait in the listen backlog until a slot frees (they are not refused).
//! - **Graceful shutdown**: on the stop signal the listener closes, idle
//!   connections close, in-flight requests finish (bounded by `shutdown_grace`).
//!
//! hyper has a header-read timer of its own, but it also runs while a keep-alive
//! connection waits for its next request, so it cannot give the two timeouts
//! separately; one watchdog per connection does both here.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use http_body::{Body as HttpBody, Frame, SizeHint};
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, watch};
use tower::ServiceExt;

/// Limits on connections (from the configuration).
#[derive(Debug, Clone, Copy)]
pub struct ConnLimits {
    pub header_read_timeout: Duration,
    pub keep_alive_timeout: Duration,
    pub max_connections: usize,
    /// How long shutdown waits for in-flight requests before dropping them.
    pub shutdown_grace: Duration,
}

/// Serves `app` on `listener` until `stop` turns true (or its sender is dropped),
/// then drains. Errors only when the listener itself fails for good.
pub async fn serve_router(
    listener: TcpListener,
    app: Router,
    limits: ConnLimits,
    mut stop: watch::Receiver<bool>,
) -> io::Result<()> {
    let max = u32::try_from(limits.max_connections.clamp(1, Semaphore::MAX_PERMITS)).unwrap_or(u32::MAX);
    let slots = Arc::new(Semaphore::new(max as usize));
    loop {
        let permit = tokio::select! {
            p = slots.clone().acquire_owned() => match p {
                Ok(p) => p,
                Err(_) => break,
            },
            () = stopping(&mut stop) => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) if is_per_connection(&e) => continue,
                Err(e) => {
                    // Out of file descriptors and the like: wait, do not spin.
                    tracing::error!(error = %e, "accept failed; retrying in 1 s");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
            },
            () = stopping(&mut stop) => break,
        };
        let _ = stream.set_nodelay(true);
        let (app, stop) = (app.clone(), stop.clone());
        tokio::spawn(async move {
            connection(stream, peer, app, limits, stop).await;
            drop(permit);
        });
    }
    drop(listener);
    // Every slot back means every connection has finished.
    if tokio::time::timeout(limits.shutdown_grace, slots.acquire_many(max)).await.is_err() {
        tracing::warn!(grace = ?limits.shutdown_grace, "connections still open after the shutdown grace; dropping them");
    }
    Ok(())
}

/// Errors that concern one connection, not the listener.
fn is_per_connection(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused | io::ErrorKind::ConnectionAborted | io::ErrorKind::ConnectionReset
    )
}

async fn connection(
    stream: TcpStream,
    peer: SocketAddr,
    app: Router,
    limits: ConnLimits,
    mut stop: watch::Receiver<bool>,
) {
    let activity = Arc::new(Activity::new());
    let io = TokioIo::new(Watched { inner: stream, activity: activity.clone() });
    let service_activity = activity.clone();
    let service = hyper::service::service_fn(move |mut req: Request<Incoming>| {
        req.extensions_mut().insert(ConnectInfo(peer));
        let busy = InFlight::begin(service_activity.clone());
        let app = app.clone();
        async move {
            let res = app.oneshot(req).await?;
            Ok::<_, std::convert::Infallible>(res.map(|body| Body::new(Tracked { inner: body, busy: Some(busy) })))
        }
    });
    let conn = hyper::server::conn::http1::Builder::new().keep_alive(true).serve_connection(io, service);
    tokio::pin!(conn);
    let recheck = limits.header_read_timeout.min(limits.keep_alive_timeout).max(Duration::from_millis(50));
    let mut draining = false;
    loop {
        let wait = activity.deadline(&limits).map_or(recheck, |d| d.saturating_duration_since(Instant::now()));
        tokio::select! {
            done = conn.as_mut() => {
                if let Err(e) = done {
                    tracing::debug!(%peer, error = %e, "connection ended with an error");
                }
                return;
            }
            () = tokio::time::sleep(wait) => {
                if let Some(phase) = activity.expired(&limits) {
                    tracing::debug!(%peer, phase, "closing connection: timed out");
                    return;
                }
            }
            () = stopping(&mut stop), if !draining => {
                draining = true;
                conn.as_mut().graceful_shutdown();
            }
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Phase {
    /// Waiting for (the rest of) a request head since this instant.
    Head(Instant),
    /// At least one request is being served.
    Busy,
    /// Keep-alive: nothing in flight since this instant.
    Idle(Instant),
}

struct Activity {
    state: Mutex<(Phase, usize)>,
}

impl Activity {
    fn new() -> Self {
        Self { state: Mutex::new((Phase::Head(Instant::now()), 0)) }
    }

    fn with<R>(&self, f: impl FnOnce(&mut (Phase, usize)) -> R) -> R {
        f(&mut self.state.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// Bytes arrived: an idle connection starts a request head.
    fn on_read(&self) {
        self.with(|(phase, _)| {
            if let Phase::Idle(_) = phase {
                *phase = Phase::Head(Instant::now());
            }
        });
    }

    fn deadline(&self, limits: &ConnLimits) -> Option<Instant> {
        self.with(|(phase, _)| match *phase {
            Phase::Head(since) => Some(since + limits.header_read_timeout),
            Phase::Idle(since) => Some(since + limits.keep_alive_timeout),
            Phase::Busy => None,
        })
    }

    /// Which timeout ran out, if one did.
    fn expired(&self, limits: &ConnLimits) -> Option<&'static str> {
        let now = Instant::now();
        self.with(|(phase, _)| match *phase {
            Phase::Head(since) if now >= since + limits.header_read_timeout => Some("header read"),
            Phase::Idle(since) if now >= since + limits.keep_alive_timeout => Some("keep-alive idle"),
            _ => None,
        })
    }
}

/// One request in flight, until its response body has been sent (or dropped).
struct InFlight(Arc<Activity>);

impl InFlight {
    fn begin(activity: Arc<Activity>) -> Self {
        activity.with(|(phase, n)| {
            *n += 1;
            *phase = Phase::Busy;
        });
        Self(activity)
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.with(|(phase, n)| {
            *n = n.saturating_sub(1);
            if *n == 0 {
                *phase = Phase::Idle(Instant::now());
            }
        });
    }
}

/// A response body that ends its request's [`InFlight`] when it ends.
struct Tracked {
    inner: Body,
    busy: Option<InFlight>,
}

impl HttpBody for Tracked {
    type Data = axum::body::Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let polled = Pin::new(&mut self.inner).poll_frame(cx);
        if matches!(polled, Poll::Ready(None | Some(Err(_)))) {
            self.busy = None;
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// The socket, noting when bytes arrive.
struct Watched {
    inner: TcpStream,
    activity: Arc<Activity>,
}

impl AsyncRead for Watched {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.activity.on_read();
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}

/// Request bodies up to this size that a handler left unread (an early 401, 403,
/// 413, …) are read and discarded, so the keep-alive connection stays usable.
const DRAIN_LIMIT: u64 = 64 * 1024;
/// How long draining may take before the connection is closed instead.
const DRAIN_TIME: Duration = Duration::from_secs(2);

/// Middleware: when the handler answered without reading the request body to the
/// end, the connection cannot carry another request until the rest is consumed.
/// A small body is drained; otherwise the response says `Connection: close`, so
/// the client opens a new connection instead of failing on this one.
pub async fn settle_request_body(req: Request, next: Next) -> Response {
    let has_body = !HttpBody::is_end_stream(req.body())
        && (req.headers().contains_key(header::TRANSFER_ENCODING) || content_length(&req).is_some_and(|n| n > 0));
    if !has_body {
        return next.run(req).await;
    }
    let length = content_length(&req);
    let expects_continue =
        req.headers().get(header::EXPECT).is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"));
    let (parts, body) = req.into_parts();
    let shared = Shared::new(body);
    let mut res = next.run(Request::from_parts(parts, Body::new(shared.clone()))).await;
    if shared.finished() || shared.held_elsewhere() {
        // Read to the end, or still being read by a streaming response.
        return res;
    }
    // A client that waits for `100 Continue` has not sent its body: asking for it
    // now only to discard it would be wasted upload.
    let drainable = !expects_continue && length.is_some_and(|n| n <= DRAIN_LIMIT);
    let drained = drainable && tokio::time::timeout(DRAIN_TIME, shared.drain(DRAIN_LIMIT)).await.unwrap_or(false);
    if !drained {
        res.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    res
}

fn content_length(req: &Request) -> Option<u64> {
    req.headers().get(header::CONTENT_LENGTH)?.to_str().ok()?.trim().parse().ok()
}

/// The request body, shared between the handler and [`settle_request_body`].
#[derive(Clone)]
struct Shared(Arc<Mutex<SharedState>>);

struct SharedState {
    body: Body,
    done: bool,
}

impl Shared {
    fn new(body: Body) -> Self {
        Self(Arc::new(Mutex::new(SharedState { body, done: false })))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, SharedState> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn finished(&self) -> bool {
        let s = self.lock();
        s.done || HttpBody::is_end_stream(&s.body)
    }

    fn held_elsewhere(&self) -> bool {
        Arc::strong_count(&self.0) > 1
    }

    /// Reads and discards the rest; `true` when it ended within `limit` bytes.
    async fn drain(&self, limit: u64) -> bool {
        let mut read = 0u64;
        loop {
            let frame = std::future::poll_fn(|cx| {
                let mut s = self.lock();
                Pin::new(&mut s.body).poll_frame(cx)
            })
            .await;
            match frame {
                None => return true,
                Some(Err(_)) => return false,
                Some(Ok(f)) => {
                    read += f.data_ref().map_or(0, |d| d.len() as u64);
                    if read > limit {
                        return false;
                    }
                }
            }
        }
    }
}

impl HttpBody for Shared {
    type Data = axum::body::Bytes;
    type Error = axum::Error;

    fn poll_frame(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let mut s = self.lock();
        let polled = Pin::new(&mut s.body).poll_frame(cx);
        if matches!(polled, Poll::Ready(None)) {
            s.done = true;
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        let s = self.lock();
        s.done || s.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.lock().body.size_hint()
    }
}

/// Resolves when `stop` turns true (or its sender is gone).
async fn stopping(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|s| *s).await;
}
