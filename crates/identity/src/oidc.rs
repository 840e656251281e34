//! OpenID Connect providers: their configuration, discovery, the authorization
//! URL, and redeeming a callback's code into verified claims (`openidconnect`).
//! The database side (pending logins, linked identities, sessions) is the
//! service's; this module only talks to the providers.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreIdToken, CoreIdTokenClaims, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, RequestTokenError, Scope,
    SignatureVerificationError, TokenResponse,
};
use serde::Deserialize;

use crate::error::IdentityError;

/// How long discovered metadata (endpoints and signing keys) is reused; an ID
/// token signed by a key not in the cached set refreshes it at once.
const METADATA_TTL: Duration = Duration::from_secs(600);
const HTTP_TIMEOUT: Duration = Duration::from_secs(10);

/// One provider from `OIDC_PROVIDERS`.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderConfig {
    #[serde(skip)]
    pub name: String,
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
}

impl std::fmt::Debug for ProviderConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProviderConfig")
            .field("name", &self.name)
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .finish_non_exhaustive()
    }
}

/// The configured providers and the public base URL their callbacks go to.
#[derive(Debug, Clone, Default)]
pub struct OidcSettings {
    pub providers: Vec<ProviderConfig>,
    /// Public base URL of this server (`https://atrium.example.com`); the callback
    /// is `<base>/api/v1/auth/oidc/<name>/callback`.
    pub redirect_base: String,
}

impl OidcSettings {
    /// Parses `OIDC_PROVIDERS` (a JSON object: name → `{issuer, client_id,
    /// client_secret}`) and checks it with `OIDC_REDIRECT_BASE`.
    pub fn parse(providers: Option<&str>, redirect_base: Option<&str>) -> Result<Self, String> {
        let Some(raw) = providers.map(str::trim).filter(|p| !p.is_empty()) else {
            return Ok(Self::default());
        };
        let parsed: HashMap<String, ProviderConfig> =
            serde_json::from_str(raw).map_err(|e| format!("OIDC_PROVIDERS is not a JSON object of providers: {e}"))?;
        let mut out = Vec::new();
        for (name, mut p) in parsed {
            let valid_name = !name.is_empty()
                && name.len() <= 64
                && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
            if !valid_name {
                return Err(format!("OIDC_PROVIDERS: provider name `{name}` must be 1-64 of a-z, 0-9, - and _"));
            }
            IssuerUrl::new(p.issuer.clone()).map_err(|e| format!("OIDC_PROVIDERS: `{name}` issuer: {e}"))?;
            if p.client_id.is_empty() || p.client_secret.is_empty() {
                return Err(format!("OIDC_PROVIDERS: `{name}` needs a client_id and a client_secret"));
            }
            p.name = name;
            out.push(p);
        }
        let base = redirect_base.map(|b| b.trim().trim_end_matches('/')).unwrap_or_default();
        if !out.is_empty() {
            let ok = url::Url::parse(base).is_ok_and(|u| matches!(u.scheme(), "https" | "http") && u.has_host());
            if !ok {
                return Err("OIDC_REDIRECT_BASE must be this server's public http(s) base URL".into());
            }
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Self { providers: out, redirect_base: base.to_owned() })
    }
}

/// What a new sign-in needs to remember until its callback.
pub(crate) struct Authorization {
    pub url: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// What a verified ID token says about the account.
#[derive(Debug, Clone)]
pub(crate) struct VerifiedAccount {
    pub subject: String,
    pub email: Option<String>,
    pub email_verified: bool,
    pub name: Option<String>,
}

/// A client built from discovery: the authorization endpoint is known, the
/// token and userinfo endpoints may be.
type Client =
    CoreClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointMaybeSet, EndpointMaybeSet>;

struct Entry {
    config: ProviderConfig,
    redirect: RedirectUrl,
    metadata: Mutex<Option<(Instant, Arc<CoreProviderMetadata>)>>,
}

/// The providers, with their discovered metadata cached.
pub(crate) struct Providers {
    http: reqwest::Client,
    entries: HashMap<String, Entry>,
}

impl Providers {
    pub(crate) fn new(settings: &OidcSettings) -> Self {
        // No redirects: the library's advice against SSRF through a provider's endpoints.
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(HTTP_TIMEOUT)
            .build()
            .unwrap_or_default();
        let entries = settings
            .providers
            .iter()
            .filter_map(|p| {
                let callback = format!("{}/api/v1/auth/oidc/{}/callback", settings.redirect_base, p.name);
                let redirect = RedirectUrl::new(callback).ok()?;
                Some((p.name.clone(), Entry { config: p.clone(), redirect, metadata: Mutex::new(None) }))
            })
            .collect();
        Self { http, entries }
    }

    fn entry(&self, name: &str) -> Result<&Entry, IdentityError> {
        self.entries.get(name).ok_or(IdentityError::UnknownProvider)
    }

    /// The provider's discovery document and keys, from the cache unless stale or `refresh`.
    async fn metadata(&self, name: &str, refresh: bool) -> Result<Arc<CoreProviderMetadata>, IdentityError> {
        let entry = self.entry(name)?;
        if !refresh {
            let cached = entry.metadata.lock().unwrap_or_else(PoisonError::into_inner).clone();
            if let Some((_, m)) = cached.filter(|(at, _)| at.elapsed() < METADATA_TTL) {
                return Ok(m);
            }
        }
        let issuer = IssuerUrl::new(entry.config.issuer.clone()).map_err(|e| unavailable(name, e))?;
        let discovered =
            CoreProviderMetadata::discover_async(issuer, &self.http).await.map_err(|e| unavailable(name, e))?;
        let discovered = Arc::new(discovered);
        *entry.metadata.lock().unwrap_or_else(PoisonError::into_inner) = Some((Instant::now(), discovered.clone()));
        Ok(discovered)
    }

    fn client(&self, name: &str, metadata: &CoreProviderMetadata) -> Result<Client, IdentityError> {
        let entry = self.entry(name)?;
        Ok(CoreClient::from_provider_metadata(
            metadata.clone(),
            ClientId::new(entry.config.client_id.clone()),
            Some(ClientSecret::new(entry.config.client_secret.clone())),
        )
        .set_redirect_uri(entry.redirect.clone()))
    }

    /// The issuer the provider's discovery document names (for the callback's `iss`).
    pub(crate) async fn issuer(&self, name: &str) -> Result<String, IdentityError> {
        Ok(self.metadata(name, false).await?.issuer().to_string())
    }

    /// A new authorization-code request with PKCE (S256), `state` and `nonce`.
    pub(crate) async fn authorize(&self, name: &str) -> Result<Authorization, IdentityError> {
        let metadata = self.metadata(name, false).await?;
        let client = self.client(name, &metadata)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        Ok(Authorization {
            url: url.to_string(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        })
    }

    /// Redeems the code at the token endpoint and verifies the ID token: its
    /// signature against the provider's keys, `iss`, `aud`, `exp` and `nonce`.
    pub(crate) async fn redeem(
        &self,
        name: &str,
        code: &str,
        pkce_verifier: String,
        nonce: &str,
    ) -> Result<VerifiedAccount, IdentityError> {
        let metadata = self.metadata(name, false).await?;
        let client = self.client(name, &metadata)?;
        let request =
            client.exchange_code(AuthorizationCode::new(code.to_owned())).map_err(|e| unavailable(name, e))?;
        let tokens = request.set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier)).request_async(&self.http).await;
        let tokens = match tokens {
            Ok(t) => t,
            Err(RequestTokenError::ServerResponse(refused)) => {
                return Err(IdentityError::ProviderRefused { error: refused.error().to_string() });
            }
            Err(e) => return Err(unavailable(name, e)),
        };
        let id_token = tokens.id_token().ok_or(IdentityError::IdTokenRejected("the token response has none"))?;
        let nonce = Nonce::new(nonce.to_owned());
        match verify(&client, id_token, &nonce) {
            Err(ClaimsVerificationError::SignatureVerification(SignatureVerificationError::NoMatchingKey)) => {
                // The provider may have rotated its keys since they were cached.
                let fresh = self.metadata(name, true).await?;
                let client = self.client(name, &fresh)?;
                verify(&client, id_token, &nonce).map_err(rejected)
            }
            other => other.map_err(rejected),
        }
    }
}

fn verify(client: &Client, id_token: &CoreIdToken, nonce: &Nonce) -> Result<VerifiedAccount, ClaimsVerificationError> {
    let claims: &CoreIdTokenClaims = id_token.claims(&client.id_token_verifier(), nonce)?;
    Ok(VerifiedAccount {
        subject: claims.subject().as_str().to_owned(),
        email: claims.email().map(|e| e.as_str().to_owned()),
        email_verified: claims.email_verified() == Some(true),
        name: claims.name().and_then(|n| n.get(None)).map(|n| n.as_str().to_owned()),
    })
}

/// The reason an ID token was refused, in words a client can show.
fn rejected(err: ClaimsVerificationError) -> IdentityError {
    use ClaimsVerificationError::*;
    let why = match &err {
        SignatureVerification(_) => "its signature does not verify against the provider's published keys",
        InvalidAudience(_) => "its audience is not this client",
        Expired(_) => "it has expired",
        InvalidIssuer(_) => "its issuer is not the configured provider",
        InvalidNonce(_) => "its nonce does not match this sign-in",
        _ => "its claims are invalid",
    };
    tracing::warn!(error = %err, "ID token refused");
    IdentityError::IdTokenRejected(why)
}

fn unavailable(name: &str, err: impl std::fmt::Display) -> IdentityError {
    tracing::warn!(provider = name, error = %err, "identity provider unavailable");
    IdentityError::ProviderUnavailable { provider: name.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn providers_parse_from_json() {
        let raw = r#"{"google": {"issuer": "https://accounts.google.com", "client_id": "a", "client_secret": "b"}}"#;
        let s = OidcSettings::parse(Some(raw), Some("https://atrium.example.com/")).expect("parses");
        assert_eq!(s.providers[0].name, "google");
        assert_eq!(s.redirect_base, "https://atrium.example.com");
        assert!(!format!("{s:?}").contains("\"b\""), "the secret is not printed");
        assert!(OidcSettings::parse(Some(raw), None).is_err(), "a callback base is required");
        let bad_name = r#"{"Goo gle": {"issuer": "https://a.example", "client_id": "a", "client_secret": "b"}}"#;
        assert!(OidcSettings::parse(Some(bad_name), Some("https://x.example")).is_err());
        assert!(OidcSettings::parse(Some("[1]"), Some("https://x.example")).is_err());
        assert!(OidcSettings::parse(None, None).expect("none").providers.is_empty());
    }
}
