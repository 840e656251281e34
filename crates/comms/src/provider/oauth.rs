//! The OAuth 2.0 authorization code grant with PKCE (S256), by the `oauth2`
//! crate: the authorization URL (with `state` and `code_challenge`), the code
//! exchange (with the verifier) and refreshes. The crate parses the token
//! endpoint's RFC 6749 error answers, so `invalid_grant` is told apart from a
//! provider that is down.

use std::time::Duration;

use oauth2::basic::{BasicClient, BasicErrorResponseType};
use oauth2::{
    AuthType, AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointNotSet, EndpointSet,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, RefreshToken, RequestTokenError, Scope, TokenResponse, TokenUrl,
};

use super::ProviderError;
use crate::service::OAuthProvider;

type Client = BasicClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointSet>;

/// Tokens as the token endpoint gave them.
#[derive(Clone)]
pub(crate) struct Tokens {
    pub access_token: String,
    /// Absent when a refresh keeps the old one.
    pub refresh_token: Option<String>,
    pub expires_in: Option<Duration>,
}

/// An authorization to send the browser to.
pub(crate) struct Authorization {
    pub url: String,
    pub state: String,
    pub verifier: String,
}

fn client(p: &OAuthProvider, redirect_uri: &str) -> Result<Client, String> {
    // Client credentials in the form body: what Google and the Microsoft identity platform both document.
    Ok(BasicClient::new(ClientId::new(p.client_id.clone()))
        .set_client_secret(ClientSecret::new(p.client_secret.clone()))
        .set_auth_type(AuthType::RequestBody)
        .set_auth_uri(AuthUrl::new(p.auth_url.clone()).map_err(|e| format!("auth URL: {e}"))?)
        .set_token_uri(TokenUrl::new(p.token_url.clone()).map_err(|e| format!("token URL: {e}"))?)
        .set_redirect_uri(RedirectUrl::new(redirect_uri.to_owned()).map_err(|e| format!("redirect URI: {e}"))?))
}

/// A fresh `state` and PKCE pair, and the URL that carries them.
pub(crate) fn authorize(
    p: &OAuthProvider,
    redirect_uri: &str,
    scopes: &[&str],
    extra: &[(&str, &str)],
) -> Result<Authorization, String> {
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let c = client(p, redirect_uri)?;
    let mut req = c.authorize_url(CsrfToken::new_random).set_pkce_challenge(challenge);
    for s in scopes {
        req = req.add_scope(Scope::new((*s).to_owned()));
    }
    for (k, v) in extra {
        req = req.add_extra_param(*k, *v);
    }
    let (url, state) = req.url();
    Ok(Authorization { url: url.into(), state: state.secret().clone(), verifier: verifier.secret().clone() })
}

type TokenError =
    RequestTokenError<oauth2::HttpClientError<reqwest::Error>, oauth2::StandardErrorResponse<BasicErrorResponseType>>;

fn token_error(e: TokenError) -> ProviderError {
    match e {
        RequestTokenError::ServerResponse(r) => {
            let detail = match r.error_description() {
                Some(d) => format!("{}: {d}", r.error()),
                None => r.error().to_string(),
            };
            match r.error() {
                BasicErrorResponseType::InvalidGrant
                | BasicErrorResponseType::InvalidClient
                | BasicErrorResponseType::UnauthorizedClient => ProviderError::Auth(detail),
                _ => ProviderError::Refused(format!("token endpoint: {detail}")),
            }
        }
        RequestTokenError::Request(e) => {
            ProviderError::RetryLater { reason: format!("token endpoint: {e}"), retry_after: None }
        }
        RequestTokenError::Parse(e, _) => {
            ProviderError::RetryLater { reason: format!("token endpoint answered: {e}"), retry_after: None }
        }
        RequestTokenError::Other(e) => {
            ProviderError::RetryLater { reason: format!("token endpoint: {e}"), retry_after: None }
        }
    }
}

fn tokens(t: &oauth2::basic::BasicTokenResponse) -> Tokens {
    Tokens {
        access_token: t.access_token().secret().clone(),
        refresh_token: t.refresh_token().map(|r| r.secret().clone()),
        expires_in: t.expires_in(),
    }
}

/// The callback's code, with the verifier of the authorization that asked for it.
pub(crate) async fn exchange(
    http: &reqwest::Client,
    p: &OAuthProvider,
    redirect_uri: &str,
    code: &str,
    verifier: &str,
) -> Result<Tokens, ProviderError> {
    let c = client(p, redirect_uri).map_err(ProviderError::Refused)?;
    let t = c
        .exchange_code(AuthorizationCode::new(code.to_owned()))
        .set_pkce_verifier(PkceCodeVerifier::new(verifier.to_owned()))
        .request_async(http)
        .await
        .map_err(token_error)?;
    Ok(tokens(&t))
}

/// A new access token for the refresh token; `invalid_grant` (revoked, expired)
/// is [`ProviderError::Auth`].
pub(crate) async fn refresh(
    http: &reqwest::Client,
    p: &OAuthProvider,
    redirect_uri: &str,
    refresh_token: &str,
) -> Result<Tokens, ProviderError> {
    let c = client(p, redirect_uri).map_err(ProviderError::Refused)?;
    let t = c
        .exchange_refresh_token(&RefreshToken::new(refresh_token.to_owned()))
        .request_async(http)
        .await
        .map_err(token_error)?;
    Ok(tokens(&t))
}
