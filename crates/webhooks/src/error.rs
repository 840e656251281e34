//! The cases of webhooks a caller acts on, and how each is reported.

use atrium_kernel::AppError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebhookError {
    /// The URL is malformed or points where deliveries may not go (the SSRF guard).
    #[error("url {0}")]
    UnsafeUrl(String),
}

impl From<WebhookError> for AppError {
    fn from(err: WebhookError) -> Self {
        match err {
            WebhookError::UnsafeUrl(reason) => AppError::invalid("url", reason),
        }
    }
}
