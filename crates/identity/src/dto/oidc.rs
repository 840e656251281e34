use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// A sign-in started at a provider (also sent as the `Location` of the 303).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct OidcStartOut {
    /// Where to send the browser: the provider's authorization endpoint.
    #[schema(example = "https://accounts.google.com/o/oauth2/v2/auth?response_type=code&client_id=…")]
    pub authorization_url: String,
    /// The sign-in must come back to the callback before this.
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub expires_at: DateTime<Utc>,
}

/// What the provider appends to the callback URL. Other parameters a provider
/// may add (`session_state`, …) are ignored.
#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct OidcCallbackQuery {
    /// The authorization code; absent when `error` is sent.
    #[validate(length(min = 1, max = 2048))]
    pub code: Option<String>,
    /// The `state` of the sign-in; required.
    #[validate(length(min = 1, max = 512))]
    pub state: Option<String>,
    /// The issuer (RFC 9207); checked against the provider when present.
    #[validate(length(max = 2048))]
    pub iss: Option<String>,
    /// An OAuth error code instead of a code (e.g. `access_denied`).
    #[validate(length(max = 200))]
    pub error: Option<String>,
    /// The provider's words about `error` (not shown back).
    #[validate(length(max = 2048))]
    pub error_description: Option<String>,
}
