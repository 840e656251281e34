//! How long a request may take. Most get `REQUEST_TIMEOUT_SECS` in total (503, as
//! before). A streamed upload cannot: 1 GiB on a slow but steady link takes far
//! longer than any total bound that still catches a hung request. Uploads get an
//! idle limit instead, `UPLOAD_IDLE_TIMEOUT_SECS` without progress (no byte of the
//! body read, and after the body's end no answer), and then a 408.
//!
//! When the limit runs out, the body is cut first: its next read fails, so the
//! handler fails the way it does for a client that went away (the store drops the
//! partial blob, no row is written) and answers. Only if the handler is not
//! reading (a stalled store) and does not answer within [`CLEANUP`] is it dropped.

use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use atrium_kernel::error::{PROBLEM_JSON, Problem, ProblemType};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body::{Body as HttpBody, Frame, SizeHint};
use tokio::time::Instant;

/// How long a handler whose body was cut gets to clean up and answer.
const CLEANUP: Duration = Duration::from_secs(5);

#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    /// Whole request (every route but uploads).
    pub total: Duration,
    /// Without progress (uploads).
    pub idle: Duration,
}

pub async fn layer(State(t): State<Timeouts>, req: Request, next: Next) -> Response {
    if atrium_files::is_upload(req.method(), req.uri().path()) {
        return idle(t.idle, req, next).await;
    }
    match tokio::time::timeout(t.total, next.run(req)).await {
        Ok(res) => res,
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

async fn idle(limit: Duration, req: Request, next: Next) -> Response {
    let progress = Arc::new(Progress::new());
    let (parts, body) = req.into_parts();
    let body = Body::new(Watched { inner: body, progress: progress.clone() });
    let mut handler = std::pin::pin!(next.run(Request::from_parts(parts, body)));
    loop {
        let deadline = progress.last() + limit;
        tokio::select! {
            res = &mut handler => return if progress.is_cut() { timed_out(limit) } else { res },
            () = tokio::time::sleep_until(deadline) => {
                if progress.last() + limit <= Instant::now() {
                    break;
                }
            }
        }
    }
    tracing::info!(idle_secs = limit.as_secs(), "upload made no progress: cut off");
    progress.cut();
    // The handler fails on its next read and cleans up; one that is not reading
    // is dropped after CLEANUP.
    let _ = tokio::time::timeout(CLEANUP, &mut handler).await;
    timed_out(limit)
}

fn timed_out(limit: Duration) -> Response {
    let kind = ProblemType::by_slug("request-timeout");
    let problem = Problem {
        kind: kind.uri(),
        title: kind.title.to_owned(),
        status: StatusCode::REQUEST_TIMEOUT.as_u16(),
        detail: format!(
            "the upload made no progress for {} s (UPLOAD_IDLE_TIMEOUT_SECS); nothing was stored",
            limit.as_secs()
        ),
        errors: Vec::new(),
        existing_id: None,
    };
    let mut res = (StatusCode::REQUEST_TIMEOUT, serde_json::to_vec(&problem).unwrap_or_default()).into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    // The rest of the body will not be read.
    res.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    res
}

/// When the body last moved, and whether it was cut.
struct Progress {
    start: Instant,
    /// Milliseconds after `start`.
    last_ms: AtomicU64,
    cut: AtomicBool,
    /// The task reading the body, woken to see the cut.
    reader: Mutex<Option<Waker>>,
}

impl Progress {
    fn new() -> Self {
        Self {
            start: Instant::now(),
            last_ms: AtomicU64::new(0),
            cut: AtomicBool::new(false),
            reader: Mutex::new(None),
        }
    }

    fn last(&self) -> Instant {
        self.start + Duration::from_millis(self.last_ms.load(Ordering::Relaxed))
    }

    fn touch(&self) {
        let ms = u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_ms.store(ms, Ordering::Relaxed);
    }

    fn cut(&self) {
        self.cut.store(true, Ordering::Release);
        let reader = self.reader.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(w) = reader {
            w.wake();
        }
    }

    fn is_cut(&self) -> bool {
        self.cut.load(Ordering::Acquire)
    }
}

/// The request body, counting each frame (and its end) as progress.
struct Watched {
    inner: Body,
    progress: Arc<Progress>,
}

impl HttpBody for Watched {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        if self.progress.is_cut() {
            return Poll::Ready(Some(Err(axum::Error::new("no progress within UPLOAD_IDLE_TIMEOUT_SECS"))));
        }
        {
            let mut reader = self.progress.reader.lock().unwrap_or_else(|p| p.into_inner());
            if !reader.as_ref().is_some_and(|w| w.will_wake(cx.waker())) {
                *reader = Some(cx.waker().clone());
            }
        }
        let polled = Pin::new(&mut self.inner).poll_frame(cx);
        if polled.is_ready() {
            self.progress.touch();
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
