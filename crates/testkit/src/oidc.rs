//! A real OpenID provider for tests: the `oidc-provider` npm package (certified),
//! run by `oidc/provider.mjs` under Node, one per test on a free loopback port
//! with one registered client. `scripts/test-services.sh` installs its
//! `node_modules` (`npm ci`); without them, or without `node`, a test skips (or
//! fails under `ATRIUM_REQUIRE_SERVICES=1`).
//!
//! The sign-in itself is driven over HTTP as a browser would: follow the
//! provider's redirects with a cookie jar and post the account to sign in as to
//! its interaction URL (the script has no HTML forms).

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const CLIENT_ID: &str = "atrium-test-client";
pub const CLIENT_SECRET: &str = "atrium-test-client-secret-0123456789abcdef";

/// How the provider alters the ID token its token endpoint returns (everything
/// else about it stays as configured).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tamper {
    None,
    /// Signed with a key that is not in its JWKS (under the real key's `kid`).
    ForeignKey,
    /// `aud` names another client.
    WrongAudience,
    /// `exp` an hour ago.
    Expired,
    /// `iss` names another issuer.
    WrongIssuer,
    /// `nonce` is not the one of the sign-in.
    WrongNonce,
}

impl Tamper {
    fn as_str(self) -> &'static str {
        match self {
            Tamper::None => "none",
            Tamper::ForeignKey => "foreign-key",
            Tamper::WrongAudience => "wrong-audience",
            Tamper::Expired => "expired",
            Tamper::WrongIssuer => "wrong-issuer",
            Tamper::WrongNonce => "wrong-nonce",
        }
    }
}

/// The account the test signs in as at the provider.
#[derive(Debug, Clone)]
pub struct Account {
    pub sub: String,
    pub email: String,
    pub email_verified: bool,
    pub name: String,
}

impl Account {
    pub fn verified(sub: &str, email: &str, name: &str) -> Self {
        Self { sub: sub.into(), email: email.into(), email_verified: true, name: name.into() }
    }
}

pub struct OidcProvider {
    child: Child,
    pub issuer: String,
    pub port: u16,
}

fn script_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("oidc")
}

/// A loopback port that was free a moment ago.
pub fn free_port() -> Option<u16> {
    Some(TcpListener::bind("127.0.0.1:0").ok()?.local_addr().ok()?.port())
}

impl OidcProvider {
    /// Starts a provider whose one client redirects to `redirect_uri`, or skips
    /// (see the module doc).
    pub fn start(redirect_uri: &str, tamper: Tamper) -> Option<OidcProvider> {
        let dir = script_dir();
        if !dir.join("node_modules/oidc-provider").exists() {
            crate::skip_or_fail("oidc-provider", &dir.display().to_string(), "node_modules not installed (npm ci)");
            return None;
        }
        let port = free_port()?;
        let issuer = format!("http://127.0.0.1:{port}");
        let child = Command::new("node")
            .arg(dir.join("provider.mjs"))
            .current_dir(&dir)
            .env("PORT", port.to_string())
            .env("CLIENT_ID", CLIENT_ID)
            .env("CLIENT_SECRET", CLIENT_SECRET)
            .env("REDIRECT_URI", redirect_uri)
            .env("TAMPER", tamper.as_str())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let child = match child {
            Ok(c) => c,
            Err(e) => {
                crate::skip_or_fail("oidc-provider", "node", &e.to_string());
                return None;
            }
        };
        let mut provider = OidcProvider { child, issuer, port };
        // Node and two RSA key pairs take a second or two on a busy machine.
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Some(provider);
            }
            if let Ok(Some(status)) = provider.child.try_wait() {
                crate::skip_or_fail("oidc-provider", &provider.issuer, &format!("exited with {status}"));
                return None;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        provider.stop();
        crate::skip_or_fail("oidc-provider", &provider.issuer, "did not start listening within 30 s");
        None
    }

    /// The `OIDC_PROVIDERS` entry for this provider.
    pub fn config_json(&self, name: &str) -> String {
        serde_json::json!({name: {"issuer": self.issuer, "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}})
            .to_string()
    }

    /// Signs in at the provider as `account`, starting from the authorization URL
    /// the relying party redirected to, and returns the URL the provider sends the
    /// browser back to (the callback with `code` and `state`).
    pub async fn sign_in(&self, authorization_url: &str, account: &Account) -> String {
        let browser = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        let mut next = authorization_url.to_owned();
        for _ in 0..10 {
            if !next.starts_with(&self.issuer) {
                return next;
            }
            let res = if next.starts_with(&format!("{}/interaction/", self.issuer)) {
                let form = [
                    ("sub", account.sub.as_str()),
                    ("email", account.email.as_str()),
                    ("email_verified", if account.email_verified { "true" } else { "false" }),
                    ("name", account.name.as_str()),
                ];
                browser.post(&next).form(&form).send().await
            } else {
                browser.get(&next).send().await
            }
            .expect("provider answers");
            let status = res.status();
            let Some(location) = res.headers().get("location").and_then(|v| v.to_str().ok()).map(str::to_owned) else {
                panic!("provider answered {status} without a redirect: {}", res.text().await.unwrap_or_default());
            };
            next = if location.starts_with('/') { format!("{}{location}", self.issuer) } else { location };
        }
        panic!("the provider kept redirecting; last {next}");
    }

    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for OidcProvider {
    fn drop(&mut self) {
        self.stop();
    }
}
