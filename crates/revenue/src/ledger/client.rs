//! HTTP to a ledger: one place that honours `429 Retry-After` with backoff and
//! turns statuses into [`LedgerError`]s.

use std::time::Duration;

use reqwest::{RequestBuilder, StatusCode};
use serde_json::Value;

use super::LedgerError;

/// Tries of one call while the ledger answers 429.
const ATTEMPTS: u32 = 4;

#[derive(Clone)]
pub struct Api {
    pub(crate) http: reqwest::Client,
    max_retry_after: Duration,
}

impl Api {
    pub fn new(max_retry_after: Duration) -> Self {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        Self { http, max_retry_after }
    }

    /// Sends the request built by `build` (again after each 429, waiting what
    /// `Retry-After` says, or 1, 2, 4 s without it) and answers its JSON body.
    /// `fault` reads the provider's error body into a message.
    pub async fn send(
        &self,
        build: impl Fn(&reqwest::Client) -> RequestBuilder,
        fault: fn(&Value) -> Option<String>,
    ) -> Result<Value, LedgerError> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let res = build(&self.http).send().await.map_err(|e| LedgerError::Upstream(e.to_string()))?;
            let status = res.status();
            if status == StatusCode::TOO_MANY_REQUESTS {
                let wait = retry_after(res.headers()).unwrap_or(Duration::from_secs(1 << (attempt - 1)));
                // Xero names the limit it hit; the daily one is not worth waiting for in a run.
                let daily = res.headers().get("x-rate-limit-problem").is_some_and(|v| v.as_bytes() == b"day");
                if daily || attempt >= ATTEMPTS || wait > self.max_retry_after {
                    return Err(LedgerError::RateLimited(wait.as_secs()));
                }
                tracing::info!(wait_ms = wait.as_millis() as u64, attempt, "ledger rate limit: waiting");
                tokio::time::sleep(wait).await;
                continue;
            }
            let text = res.text().await.map_err(|e| LedgerError::Upstream(e.to_string()))?;
            let body: Value = if text.trim().is_empty() {
                Value::Null
            } else {
                serde_json::from_str(&text).unwrap_or(Value::String(text.clone()))
            };
            if status.is_success() {
                return Ok(body);
            }
            let message = fault(&body).unwrap_or_else(|| format!("HTTP {status}"));
            return Err(match status {
                StatusCode::UNAUTHORIZED => LedgerError::Unauthorized,
                StatusCode::NOT_FOUND => LedgerError::NotFound,
                StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY => LedgerError::Validation(message),
                StatusCode::CONFLICT | StatusCode::PRECONDITION_FAILED => LedgerError::Conflict(message),
                _ => LedgerError::Upstream(message),
            });
        }
    }
}

/// `Retry-After` in seconds (the HTTP-date form is read as "soon": ledgers send seconds).
fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let v = headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?;
    v.trim().parse::<u64>().ok().map(Duration::from_secs)
}
