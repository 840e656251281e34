//! OAuth 2.0 authorization code grant, as both ledgers run it: the browser goes
//! to the authorize URL; the callback's code and, later, the refresh token are
//! exchanged at the token URL with the client's HTTP Basic credentials.

use serde::Deserialize;
use serde_json::Value;

use super::{Api, LedgerError, ProviderConfig};

/// An access token, the refresh token that renews it, and how long it lives
/// (the caller dates it with its own clock).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tokens {
    pub access_token: String,
    pub refresh_token: String,
    pub expires_in_secs: i64,
}

/// Tokens and whose books they open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub tokens: Tokens,
    pub tenant: String,
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    refresh_token: Option<String>,
    expires_in: Option<i64>,
}

#[derive(Clone)]
pub(super) struct OAuth {
    pub cfg: ProviderConfig,
    pub redirect_uri: String,
    pub api: Api,
}

impl OAuth {
    pub fn authorize_url(&self, scope: &str, state: &str) -> String {
        let mut url = match url::Url::parse(&self.cfg.authorize_url) {
            Ok(u) => u,
            Err(_) => return self.cfg.authorize_url.clone(),
        };
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &self.cfg.client_id)
            .append_pair("redirect_uri", &self.redirect_uri)
            .append_pair("scope", scope)
            .append_pair("state", state);
        url.into()
    }

    pub async fn exchange(&self, code: &str) -> Result<Tokens, LedgerError> {
        self.token(&[("grant_type", "authorization_code"), ("code", code), ("redirect_uri", &self.redirect_uri)], None)
            .await
    }

    /// A refused refresh (`invalid_grant`: revoked, expired, reused) is
    /// [`LedgerError::AuthFailed`]: only the user can grant access again.
    pub async fn refresh(&self, refresh_token: &str) -> Result<Tokens, LedgerError> {
        self.token(&[("grant_type", "refresh_token"), ("refresh_token", refresh_token)], Some(refresh_token)).await
    }

    async fn token(&self, form: &[(&str, &str)], previous_refresh: Option<&str>) -> Result<Tokens, LedgerError> {
        let res = self
            .api
            .http
            .post(&self.cfg.token_url)
            .basic_auth(&self.cfg.client_id, Some(&self.cfg.client_secret))
            .header(reqwest::header::ACCEPT, "application/json")
            .form(form)
            .send()
            .await
            .map_err(|e| LedgerError::Upstream(e.to_string()))?;
        let status = res.status();
        let body: Value = res.json().await.unwrap_or(Value::Null);
        if !status.is_success() {
            let error = body.get("error").and_then(Value::as_str).unwrap_or("").to_owned();
            return Err(if status.is_client_error() {
                LedgerError::AuthFailed(if error.is_empty() {
                    format!("token endpoint answered {status}")
                } else {
                    error
                })
            } else {
                LedgerError::Upstream(format!("token endpoint answered {status}"))
            });
        }
        let t: TokenResponse =
            serde_json::from_value(body).map_err(|e| LedgerError::Upstream(format!("token response: {e}")))?;
        let refresh_token = t
            .refresh_token
            .or_else(|| previous_refresh.map(str::to_owned))
            .ok_or_else(|| LedgerError::Upstream("the token response has no refresh token".into()))?;
        Ok(Tokens { access_token: t.access_token, refresh_token, expires_in_secs: t.expires_in.unwrap_or(3600) })
    }
}
