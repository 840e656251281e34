//! An app with one OIDC provider (`test`): a real `oidc-provider` started for the
//! test, whose one client redirects back to this app, and a browser (a cookie jar
//! that does not follow redirects) to walk the sign-in.

use std::sync::Arc;

use atrium_testkit::TestDb;
pub use atrium_testkit::oidc::{Account, OidcProvider, Tamper};
use tokio::net::TcpListener;

use crate::{Backend, Reply, TestApp, read};

pub const PROVIDER: &str = "test";

pub struct OidcApp {
    pub app: TestApp,
    pub provider: OidcProvider,
    /// The user's browser: keeps Atrium's and the provider's cookies.
    pub browser: reqwest::Client,
}

impl OidcApp {
    /// `None` when the backend or the provider is unavailable and not required.
    pub async fn spawn(backend: Backend, tamper: Tamper) -> Option<OidcApp> {
        let db = TestDb::of(backend).await?;
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let provider = OidcProvider::start(&format!("{base}/api/v1/auth/oidc/{PROVIDER}/callback"), tamper)?;
        let mut config = TestApp::test_config(&db);
        config.oidc_providers = Some(provider.config_json(PROVIDER));
        config.oidc_redirect_base = Some(base);
        let app = TestApp::serve_on(Arc::new(db), config, listener).await;
        Some(OidcApp { app, provider, browser: browser() })
    }

    /// `GET …/start` in the browser: the 303 to the provider.
    pub async fn start(&self) -> Reply {
        let url = format!("{}/api/v1/auth/oidc/{PROVIDER}/start", self.app.base);
        read(self.browser.get(url).send().await.expect("start")).await
    }

    /// Starts at Atrium and signs in at the provider as `account`: the callback
    /// URL the provider sends the browser back to (not yet followed).
    pub async fn authorize(&self, account: &Account) -> String {
        let started = self.start().await.expect(303);
        let location = started.headers.get("location").and_then(|v| v.to_str().ok()).expect("Location").to_owned();
        assert_eq!(started.body["authorization_url"], location.as_str());
        self.provider.sign_in(&location, account).await
    }

    /// Follows the provider's redirect back to Atrium's callback in the browser.
    pub async fn callback(&self, url: &str) -> Reply {
        assert!(url.starts_with(&self.app.base), "the provider sent the browser to {url}");
        read(self.browser.get(url).send().await.expect("callback")).await
    }

    /// The whole sign-in: start, the provider, the callback.
    pub async fn sign_in(&self, account: &Account) -> Reply {
        let callback = self.authorize(account).await;
        self.callback(&callback).await
    }
}

/// A browser: a cookie jar that does not follow redirects (the test does).
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().expect("browser")
}
