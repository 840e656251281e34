use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// The OAuth providers a mailbox can be connected with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OAuthProviderName {
    Gmail,
    /// Microsoft 365 / Outlook, through Microsoft Graph.
    Microsoft,
}

/// Starts connecting a mailbox over OAuth: the answer's URL is where the browser goes.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"provider": "gmail", "sync_window_days": 90}))]
pub struct OAuthStartIn {
    pub provider: OAuthProviderName,
    /// How far back the first sync reads (default 90, at most 3650).
    #[validate(range(min = 1, max = 3650, message = "must be from 1 to 3650 days"))]
    pub sync_window_days: Option<i32>,
}

/// Where to send the browser. The `state` is single use and bound to the
/// organization and the user who started; the PKCE verifier never leaves the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "authorization_url": "https://accounts.google.com/o/oauth2/v2/auth?response_type=code&client_id=…&state=…&code_challenge=…&code_challenge_method=S256",
    "state": "3q2-7wAAAAE", "expires_at": "2026-12-09T10:10:00Z"}))]
pub struct OAuthStartOut {
    pub authorization_url: String,
    pub state: String,
    /// The callback must come before this.
    pub expires_at: DateTime<Utc>,
}

/// What the provider appends to the redirect back to Atrium.
#[derive(Debug, Clone, Deserialize, Validate, IntoParams, ToSchema)]
#[into_params(parameter_in = Query)]
pub struct OAuthCallbackQuery {
    /// The authorization code (absent when the user declined).
    #[validate(length(min = 1, max = 4096, message = "must be 1 to 4096 characters"))]
    pub code: Option<String>,
    #[validate(length(min = 1, max = 512, message = "must be 1 to 512 characters"))]
    pub state: String,
    /// The provider's error code, e.g. `access_denied`.
    #[validate(length(max = 512, message = "must be at most 512 characters"))]
    pub error: Option<String>,
}
