//! What a domain hands the gateway: one [`Module`] value with its service, router,
//! subscribers, scheduled jobs and OpenAPI tags, built from the shared [`Platform`]
//! and the ports the domain declares. The gateway registers each domain in one line.

use std::sync::Arc;

use atrium_kernel::ApiRouter;
use atrium_kernel::Clock;
use atrium_kernel::vault::{ColumnVault, KeyRing, ProtectedColumn, ProtectedColumns};
use sea_orm::DatabaseConnection;

use crate::jobs::Job;
use crate::subscriber::Subscriber;

/// What every domain is built on: the database, the clock, key derivation and
/// the vault's key ring (with the encrypted columns registered on it).
#[derive(Clone)]
pub struct Platform {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    secret: Arc<[u8]>,
    keys: KeyRing,
    protected: ProtectedColumns,
}

impl Platform {
    /// With the key ring derived from `secret` (`ATRIUM_VAULT_KEYS` unset); see
    /// [`Platform::with_keys`].
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>, secret: &[u8]) -> Self {
        let keys = KeyRing::from_secret(secret);
        Self { db, clock, secret: secret.into(), keys, protected: ProtectedColumns::default() }
    }

    /// The vault's key ring from the configuration.
    pub fn with_keys(mut self, keys: KeyRing) -> Self {
        self.keys = keys;
        self
    }

    pub fn keys(&self) -> &KeyRing {
        &self.keys
    }

    /// The vault of an encrypted column, which is registered for
    /// `atrium secrets rotate`: one call per column, nothing else to list.
    pub fn protect(&self, column: &'static ProtectedColumn) -> ColumnVault {
        self.protected.register(column);
        ColumnVault::new(&self.keys, column)
    }

    /// Every column registered through [`Platform::protect`] (by any clone).
    pub fn protected_columns(&self) -> Vec<&'static ProtectedColumn> {
        self.protected.list()
    }

    /// A 32-byte key derived from the server secret under `label`, so each use
    /// (cursor signing, signature encryption, …) has its own key and they all
    /// change with the secret.
    pub fn derive_key(&self, label: &str) -> [u8; 32] {
        use hmac::{Hmac, Mac};
        let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(&self.secret)
            .unwrap_or_else(|_| unreachable!("hmac takes any key length"));
        mac.update(label.as_bytes());
        mac.finalize().into_bytes().into()
    }
}

/// A GET route whose 200 answers the gateway may serve from its query cache.
/// The domain declares what the answer is made of, so the cache drops it when
/// any of those kinds of records changes in the organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CachedRoute {
    /// The route template, as routed: `/api/v1/contacts/{id}`.
    pub path: &'static str,
    /// Every aggregate type (event `aggregate_type`) whose change can change the
    /// answer, including records it only refers to (a merge repoints references).
    pub depends_on: &'static [&'static str],
    /// A query parameter whose value `me` means the caller: with it, the answer
    /// is the caller's own and is cached per caller.
    pub caller_param: Option<&'static str>,
}

impl CachedRoute {
    pub const fn new(path: &'static str, depends_on: &'static [&'static str]) -> Self {
        Self { path, depends_on, caller_param: None }
    }

    pub const fn caller_param(mut self, name: &'static str) -> Self {
        self.caller_param = Some(name);
        self
    }
}

/// A domain, ready to register.
pub struct Module<S> {
    /// The domain's service, which the gateway hands to other domains' ports.
    pub service: S,
    pub router: ApiRouter,
    pub subscribers: Vec<Arc<dyn Subscriber>>,
    pub jobs: Vec<Arc<dyn Job>>,
    /// (name, description) of the OpenAPI tags the domain's operations use.
    pub tags: Vec<(&'static str, &'static str)>,
    /// The routes the query cache may serve.
    pub cached: Vec<CachedRoute>,
}

impl<S> Module<S> {
    pub fn new(service: S, router: ApiRouter) -> Self {
        Self { service, router, subscribers: Vec::new(), jobs: Vec::new(), tags: Vec::new(), cached: Vec::new() }
    }

    pub fn subscriber(mut self, s: impl Subscriber) -> Self {
        self.subscribers.push(Arc::new(s));
        self
    }

    pub fn job(mut self, j: impl Job) -> Self {
        self.jobs.push(Arc::new(j));
        self
    }

    /// Lets the query cache serve these routes (first pages of lists only: a
    /// request with a `cursor` always reaches the handler).
    pub fn cached(mut self, routes: &[CachedRoute]) -> Self {
        self.cached.extend_from_slice(routes);
        self
    }

    pub fn tag(mut self, name: &'static str, description: &'static str) -> Self {
        self.tags.push((name, description));
        self
    }
}
