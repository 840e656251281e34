//! Mail providers reached over HTTP with OAuth 2.0 (Gmail, Microsoft Graph): the token client
//! ([`oauth`]), the API clients ([`gmail`], [`graph`]) and how their answers become sync
//! outcomes. A refused grant or a 401 with a fresh token is an authentication
//! failure; a 429 or a 5xx is retried later, after what `Retry-After` says.

pub(crate) mod gmail;
pub(crate) mod graph;
pub(crate) mod oauth;
mod session;

use std::time::Duration;

pub(crate) use session::Session;

/// Why a provider call did not answer what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProviderError {
    /// The provider refused the credentials (`invalid_grant`, or a 401 with a
    /// freshly refreshed token): only the user can grant access again.
    Auth(String),
    /// Rate limited (429) or the provider failed (5xx, network): try again
    /// after `retry_after` when the provider said, else with backoff.
    RetryLater { reason: String, retry_after: Option<Duration> },
    /// 404 or 410: the resource (a message, Gmail history, a Graph delta state) is gone.
    NotFound,
    /// Another refusal (a 4xx) that trying again will not change.
    Refused(String),
    /// Atrium's side failed (the database, the vault).
    Internal(String),
}

impl std::fmt::Display for ProviderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProviderError::Auth(m) => write!(f, "the provider refused the credentials: {m}"),
            ProviderError::RetryLater { reason, retry_after: Some(d) } => {
                write!(f, "{reason} (retry after {} s)", d.as_secs())
            }
            ProviderError::RetryLater { reason, retry_after: None } => f.write_str(reason),
            ProviderError::NotFound => f.write_str("not found"),
            ProviderError::Refused(m) => f.write_str(m),
            ProviderError::Internal(m) => write!(f, "internal error: {m}"),
        }
    }
}

impl From<atrium_kernel::AppError> for ProviderError {
    fn from(e: atrium_kernel::AppError) -> Self {
        ProviderError::Internal(e.to_string())
    }
}

/// `Retry-After` in seconds, or as an HTTP date.
pub(crate) fn retry_after(
    headers: &reqwest::header::HeaderMap,
    now: chrono::DateTime<chrono::Utc>,
) -> Option<Duration> {
    let v = headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    Some((at.with_timezone(&chrono::Utc) - now).to_std().unwrap_or(Duration::ZERO))
}
