//! The key ring: `ATRIUM_VAULT_KEYS` = `kid:base64key[,kid:base64key…]`, the
//! first key seals, every key opens. Each key is 32 random bytes in base64
//! (`atrium secrets generate-key`, or `openssl rand -base64 32`); a key id is
//! 1–32 characters of `A–Z a–z 0–9 . _ -`.
//!
//! The key derived from `ATRIUM_SECRET` (id `secret-<fingerprint>`) is always in
//! the ring: it is the only key when `ATRIUM_VAULT_KEYS` is unset, and opens
//! (never seals) when it is set, so values written before the ring was
//! configured stay readable until `atrium secrets rotate` moves them.

use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use chacha20poly1305::aead::OsRng;
use chacha20poly1305::aead::rand_core::RngCore;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::Vault;

/// The environment variable holding the configured keys.
pub const ENV_KEYS: &str = "ATRIUM_VAULT_KEYS";
/// How reports name values in the format before key ids.
pub(super) const LEGACY_LABEL: &str = "v1";
/// Ids of keys derived from `ATRIUM_SECRET` start so; configured ids may not.
const DERIVED_PREFIX: &str = "secret-";
const MAX_KEY_ID: usize = 32;
/// HKDF salt of the per-purpose subkeys: names the scheme, fixed forever.
const HKDF_SALT: &[u8] = b"atrium vault v2";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyRingError {
    #[error("{ENV_KEYS}: entry {0} is not `<key id>:<base64 key>`")]
    Entry(usize),
    #[error(
        "{ENV_KEYS}: key id `{0}` is not 1–32 characters of A–Z a–z 0–9 . _ - (or starts with the reserved `secret-`)"
    )]
    KeyId(String),
    #[error("{ENV_KEYS}: key id `{0}` is listed twice")]
    Duplicate(String),
    #[error("{ENV_KEYS}: the key of `{0}` is not 32 bytes in base64 (generate one with `atrium secrets generate-key`)")]
    Key(String),
}

/// Where a ring key comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySource {
    Configured,
    DerivedFromSecret,
}

struct RingKey {
    id: String,
    root: [u8; 32],
    source: KeySource,
}

/// What `atrium secrets status` shows of a key: never its material.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RingKeyInfo {
    pub id: String,
    pub source: KeySource,
    /// The key new values are sealed under.
    pub seals: bool,
}

struct Inner {
    keys: Vec<RingKey>,
    /// `ATRIUM_SECRET`, for the format before key ids.
    secret: Vec<u8>,
}

/// The configured keys. Cheap to clone.
#[derive(Clone)]
pub struct KeyRing(Arc<Inner>);

impl KeyRing {
    /// The ring of the configuration: `spec` is `ATRIUM_VAULT_KEYS` (unset or
    /// empty: the one key derived from `secret`).
    pub fn from_config(spec: Option<&str>, secret: &[u8]) -> Result<Self, KeyRingError> {
        let mut keys = Vec::new();
        for (i, entry) in spec.unwrap_or_default().split(',').map(str::trim).filter(|e| !e.is_empty()).enumerate() {
            let (id, key) = entry.split_once(':').ok_or(KeyRingError::Entry(i + 1))?;
            let id = id.trim();
            if !valid_key_id(id) || id.starts_with(DERIVED_PREFIX) {
                return Err(KeyRingError::KeyId(id.to_owned()));
            }
            if keys.iter().any(|k: &RingKey| k.id == id) {
                return Err(KeyRingError::Duplicate(id.to_owned()));
            }
            let root = decode_key(key.trim()).ok_or_else(|| KeyRingError::Key(id.to_owned()))?;
            keys.push(RingKey { id: id.to_owned(), root, source: KeySource::Configured });
        }
        keys.push(derived(secret));
        Ok(Self(Arc::new(Inner { keys, secret: secret.to_vec() })))
    }

    /// The ring of an unset `ATRIUM_VAULT_KEYS`: one key derived from `secret`.
    pub fn from_secret(secret: &[u8]) -> Self {
        Self(Arc::new(Inner { keys: vec![derived(secret)], secret: secret.to_vec() }))
    }

    /// The id of the key new values are sealed under.
    pub fn current_key(&self) -> &str {
        &self.0.keys[0].id
    }

    /// The keys, in ring order (the first seals).
    pub fn keys(&self) -> Vec<RingKeyInfo> {
        self.0
            .keys
            .iter()
            .enumerate()
            .map(|(i, k)| RingKeyInfo { id: k.id.clone(), source: k.source, seals: i == 0 })
            .collect()
    }

    /// The ring for `purpose`: every key's subkey for that use.
    pub fn vault(&self, purpose: &str) -> Vault {
        let keys = self.0.keys.iter().map(|k| (k.id.clone(), subkey(&k.root, purpose))).collect();
        Vault::from_parts(keys, legacy_key(&self.0.secret, purpose))
    }
}

impl std::fmt::Debug for KeyRing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ids: Vec<&str> = self.0.keys.iter().map(|k| k.id.as_str()).collect();
        f.debug_struct("KeyRing").field("keys", &ids).finish_non_exhaustive()
    }
}

/// A new key for `ATRIUM_VAULT_KEYS`: 32 random bytes in base64.
pub fn generate_key() -> String {
    let mut key = [0u8; 32];
    OsRng.fill_bytes(&mut key);
    STANDARD.encode(key)
}

pub(super) fn valid_key_id(id: &str) -> bool {
    (1..=MAX_KEY_ID).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

fn decode_key(text: &str) -> Option<[u8; 32]> {
    [&STANDARD, &STANDARD_NO_PAD, &URL_SAFE, &URL_SAFE_NO_PAD]
        .iter()
        .find_map(|engine| engine.decode(text).ok())
        .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
}

fn hmac(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable!("hmac takes any key length"));
    mac.update(message);
    mac.finalize().into_bytes().into()
}

/// The ring key derived from `ATRIUM_SECRET`, its id a fingerprint of it: a
/// changed secret shows as an unknown key id, not as altered values.
fn derived(secret: &[u8]) -> RingKey {
    let root = hmac(secret, b"atrium vault root key v2");
    let print = hmac(&root, b"atrium vault key id");
    let hex: String = print[..4].iter().map(|b| format!("{b:02x}")).collect();
    RingKey { id: format!("{DERIVED_PREFIX}{hex}"), root, source: KeySource::DerivedFromSecret }
}

/// The key of `purpose` under ring key `root` (HKDF-SHA256, purpose as info).
fn subkey(root: &[u8; 32], purpose: &str) -> [u8; 32] {
    let mut out = [0u8; 32];
    hkdf::Hkdf::<Sha256>::new(Some(HKDF_SALT), root)
        .expand(purpose.as_bytes(), &mut out)
        .unwrap_or_else(|_| unreachable!("32 bytes is a valid HKDF-SHA256 length"));
    out
}

/// The key of `purpose` in the format before key ids: HMAC-SHA256(secret,
/// purpose), what `Platform::derive_key(purpose)` returned.
pub(super) fn legacy_key(secret: &[u8], purpose: &str) -> [u8; 32] {
    hmac(secret, purpose.as_bytes())
}
