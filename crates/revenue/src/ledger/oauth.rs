//! OAuth 2.0 authorization code grant, as both ledgers run it, by the `oauth2`
//! crate: the browser goes to the authorize URL; the callback's code and, later,
//! the refresh token are exchanged at the token URL with the client's HTTP Basic
//! credentials (what Intuit and Xero both document). The crate parses the token
//! endpoint's RFC 6749 error answers, so `invalid_grant` (revoked, expired,
//! reused) is told apart from a ledger that is down.

use oauth2::basic::{BasicClient, BasicErrorResponseType};
use oauth2::{
    AuthType, AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointNotSet, EndpointSet, RedirectUrl,
    RefreshToken, RequestTokenError, Scope, TokenResponse, TokenUrl,
};

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

type Client = BasicClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointSet>;

type TokenError =
    RequestTokenError<oauth2::HttpClientError<reqwest::Error>, oauth2::StandardErrorResponse<BasicErrorResponseType>>;

#[derive(Clone)]
pub(super) struct OAuth {
    pub cfg: ProviderConfig,
    pub redirect_uri: String,
    pub api: Api,
}

/// A refused grant or client is [`LedgerError::AuthFailed`] (only the user can
/// grant access again); anything else is the ledger's trouble.
fn token_error(e: TokenError) -> LedgerError {
    match e {
        RequestTokenError::ServerResponse(r) => match r.error() {
            BasicErrorResponseType::InvalidGrant
            | BasicErrorResponseType::InvalidClient
            | BasicErrorResponseType::UnauthorizedClient
            | BasicErrorResponseType::InvalidScope => LedgerError::AuthFailed(match r.error_description() {
                Some(d) => format!("{}: {d}", r.error()),
                None => r.error().to_string(),
            }),
            other => LedgerError::Upstream(format!("token endpoint: {other}")),
        },
        RequestTokenError::Request(e) => LedgerError::Upstream(format!("token endpoint: {e}")),
        RequestTokenError::Parse(e, _) => LedgerError::Upstream(format!("token endpoint answered: {e}")),
        RequestTokenError::Other(e) => LedgerError::Upstream(format!("token endpoint: {e}")),
    }
}

impl OAuth {
    fn client(&self) -> Result<Client, LedgerError> {
        let bad =
            |what: &str, e: url::ParseError| LedgerError::Upstream(format!("the ledger's {what} is not a URL: {e}"));
        Ok(BasicClient::new(ClientId::new(self.cfg.client_id.clone()))
            .set_client_secret(ClientSecret::new(self.cfg.client_secret.clone()))
            .set_auth_type(AuthType::BasicAuth)
            .set_auth_uri(AuthUrl::new(self.cfg.authorize_url.clone()).map_err(|e| bad("authorize URL", e))?)
            .set_token_uri(TokenUrl::new(self.cfg.token_url.clone()).map_err(|e| bad("token URL", e))?)
            .set_redirect_uri(RedirectUrl::new(self.redirect_uri.clone()).map_err(|e| bad("redirect URI", e))?))
    }

    /// `scope` is space separated; `state` is the caller's (it keeps its hash).
    pub fn authorize_url(&self, scope: &str, state: &str) -> String {
        let Ok(c) = self.client() else { return self.cfg.authorize_url.clone() };
        let state = state.to_owned();
        let mut req = c.authorize_url(move || CsrfToken::new(state));
        for s in scope.split_whitespace() {
            req = req.add_scope(Scope::new(s.to_owned()));
        }
        req.url().0.into()
    }

    pub async fn exchange(&self, code: &str) -> Result<Tokens, LedgerError> {
        let t = self
            .client()?
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .request_async(&self.api.http)
            .await
            .map_err(token_error)?;
        tokens(&t, None)
    }

    /// Xero rotates the refresh token on every use; QuickBooks may answer the same one.
    pub async fn refresh(&self, refresh_token: &str) -> Result<Tokens, LedgerError> {
        let t = self
            .client()?
            .exchange_refresh_token(&RefreshToken::new(refresh_token.to_owned()))
            .request_async(&self.api.http)
            .await
            .map_err(token_error)?;
        tokens(&t, Some(refresh_token))
    }
}

fn tokens(t: &oauth2::basic::BasicTokenResponse, previous_refresh: Option<&str>) -> Result<Tokens, LedgerError> {
    let refresh_token = t
        .refresh_token()
        .map(|r| r.secret().clone())
        .or_else(|| previous_refresh.map(str::to_owned))
        .ok_or_else(|| LedgerError::Upstream("the token response has no refresh token".into()))?;
    let expires_in_secs = t.expires_in().map_or(3600, |d| i64::try_from(d.as_secs()).unwrap_or(3600));
    Ok(Tokens { access_token: t.access_token().secret().clone(), refresh_token, expires_in_secs })
}
