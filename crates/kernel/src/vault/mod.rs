//! Authenticated encryption of values at rest (XChaCha20-Poly1305) under a key
//! ring, with the id of the key in every value so keys can be rotated.
//!
//! - [`KeyRing`]: the keys from `ATRIUM_VAULT_KEYS` (the first encrypts, all
//!   decrypt), or one key derived from `ATRIUM_SECRET` when it is unset.
//! - [`Vault`]: the ring for one use (a *purpose*: webhook secrets, idempotent
//!   responses, contract signatures, …). Each use has its own subkey of every
//!   ring key (HKDF-SHA256 with the purpose as info), so a value of one use never
//!   opens as another's.
//! - [`ProtectedColumn`] / [`ColumnVault`]: an encrypted column, declared once;
//!   [`rotate`] re-encrypts every registered column under the newest key.
//!
//! A fresh random 24-byte nonce per value (safe to draw at random at this size).
//! The associated data binds a value to where it is stored (its row id), so a
//! ciphertext copied onto another row does not open.
//!
//! Stored forms:
//! - text `v2:<key id>:<base64(nonce || ciphertext)>`, bytes
//!   `0x02 || len(key id) || key id || nonce || ciphertext`;
//! - the format written before key ids (still read, rewritten by a rotation):
//!   text `v1:<base64(nonce || ciphertext)>`, bytes `0x01 || nonce || ciphertext`,
//!   under HMAC-SHA256(`ATRIUM_SECRET`, purpose).

mod column;
mod ring;
pub mod rotate;

use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

pub use column::{Aad, ColumnVault, Form, ProtectedColumn, ProtectedColumns};
pub use ring::{ENV_KEYS, KeyRing, KeyRingError, KeySource, RingKeyInfo, generate_key};

const NONCE_LEN: usize = 24;
const V1: u8 = 1;
const V2: u8 = 2;
const TEXT_V1: &str = "v1:";
const TEXT_V2: &str = "v2:";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    #[error("the value cannot be encrypted")]
    Seal,
    #[error("the stored value is not in a sealed format")]
    UnknownFormat,
    /// Sealed under a key that is not in the ring (removed from `ATRIUM_VAULT_KEYS`
    /// too early, or `ATRIUM_SECRET` changed).
    #[error("the stored value is sealed under key id `{0}`, which is not configured")]
    UnknownKey(String),
    #[error("the stored value does not open under key id `{0}` (another key under that id, another row, or altered)")]
    Open(String),
}

/// The key a stored value names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StoredKey {
    /// The format before key ids: the purpose's key derived from `ATRIUM_SECRET`.
    Legacy,
    Id(String),
}

impl StoredKey {
    /// How reports name it: the key id, or `v1` for the format before key ids.
    pub fn label(&self) -> &str {
        match self {
            StoredKey::Legacy => ring::LEGACY_LABEL,
            StoredKey::Id(id) => id,
        }
    }
}

impl std::fmt::Display for StoredKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

struct Inner {
    /// Ring order: the first seals.
    keys: Vec<(String, XChaCha20Poly1305)>,
    /// The purpose's key in the format before key ids.
    legacy: XChaCha20Poly1305,
}

/// The key ring for one purpose. Cheap to clone.
#[derive(Clone)]
pub struct Vault(Arc<Inner>);

impl Vault {
    fn from_parts(keys: Vec<(String, [u8; 32])>, legacy: [u8; 32]) -> Self {
        let keys = keys.into_iter().map(|(id, key)| (id, XChaCha20Poly1305::new(&key.into()))).collect();
        Self(Arc::new(Inner { keys, legacy: XChaCha20Poly1305::new(&legacy.into()) }))
    }

    /// The id of the key new values are sealed under.
    pub fn current_key(&self) -> &str {
        &self.0.keys[0].0
    }

    fn current(&self) -> &(String, XChaCha20Poly1305) {
        &self.0.keys[0]
    }

    fn key(&self, id: &str) -> Result<&XChaCha20Poly1305, VaultError> {
        self.0.keys.iter().find(|(k, _)| k == id).map(|(_, c)| c).ok_or_else(|| VaultError::UnknownKey(id.to_owned()))
    }

    /// `plaintext` sealed under the current key and bound to `aad`.
    pub fn seal(&self, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, VaultError> {
        let (id, cipher) = self.current();
        let sealed = encrypt(cipher, aad, plaintext)?;
        let mut out = Vec::with_capacity(2 + id.len() + sealed.len());
        out.push(V2);
        out.push(u8::try_from(id.len()).map_err(|_| VaultError::Seal)?);
        out.extend_from_slice(id.as_bytes());
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// The plaintext of a value [`Vault::seal`] produced with the same `aad`
    /// (or the format before key ids).
    pub fn open(&self, aad: &[u8], stored: &[u8]) -> Result<Vec<u8>, VaultError> {
        match parse_bytes(stored)? {
            (StoredKey::Legacy, raw) => decrypt(&self.0.legacy, aad, raw).map_err(|()| open_err(&StoredKey::Legacy)),
            (StoredKey::Id(id), raw) => decrypt(self.key(&id)?, aad, raw).map_err(|()| VaultError::Open(id)),
        }
    }

    /// `plaintext` sealed as text (`v2:<key id>:…`), for text columns.
    pub fn seal_str(&self, aad: &[u8], plaintext: &str) -> Result<String, VaultError> {
        let (id, cipher) = self.current();
        let sealed = encrypt(cipher, aad, plaintext.as_bytes())?;
        Ok(format!("{TEXT_V2}{id}:{}", STANDARD.encode(sealed)))
    }

    /// The plaintext of a value [`Vault::seal_str`] produced with the same `aad`
    /// (or the format before key ids).
    pub fn open_str(&self, aad: &[u8], stored: &str) -> Result<String, VaultError> {
        let (key, encoded) = parse_str(stored)?;
        let raw = STANDARD.decode(encoded).map_err(|_| VaultError::UnknownFormat)?;
        let plain = match &key {
            StoredKey::Legacy => decrypt(&self.0.legacy, aad, &raw).map_err(|()| open_err(&key))?,
            StoredKey::Id(id) => decrypt(self.key(id)?, aad, &raw).map_err(|()| open_err(&key))?,
        };
        String::from_utf8(plain).map_err(|_| open_err(&key))
    }

    /// Whether a text value is in a sealed form (as opposed to a legacy plaintext).
    pub fn is_sealed_str(stored: &str) -> bool {
        parse_str(stored).is_ok()
    }

    /// The key a stored bytes value names (without opening it).
    pub fn key_of(stored: &[u8]) -> Result<StoredKey, VaultError> {
        parse_bytes(stored).map(|(k, _)| k)
    }

    /// The key a stored text value names (without opening it).
    pub fn key_of_str(stored: &str) -> Result<StoredKey, VaultError> {
        parse_str(stored).map(|(k, _)| k)
    }

    /// Whether the value is sealed under the current key (a rotation leaves it).
    pub fn is_current(&self, key: &StoredKey) -> bool {
        matches!(key, StoredKey::Id(id) if id == self.current_key())
    }
}

fn open_err(key: &StoredKey) -> VaultError {
    VaultError::Open(key.label().to_owned())
}

fn encrypt(cipher: &XChaCha20Poly1305, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, VaultError> {
    let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
    let sealed = cipher.encrypt(&nonce, Payload { msg: plaintext, aad }).map_err(|_| VaultError::Seal)?;
    let mut out = Vec::with_capacity(NONCE_LEN + sealed.len());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    Ok(out)
}

fn decrypt(cipher: &XChaCha20Poly1305, aad: &[u8], raw: &[u8]) -> Result<Vec<u8>, ()> {
    if raw.len() < NONCE_LEN {
        return Err(());
    }
    let (nonce, sealed) = raw.split_at(NONCE_LEN);
    cipher.decrypt(XNonce::from_slice(nonce), Payload { msg: sealed, aad }).map_err(|_| ())
}

fn parse_bytes(stored: &[u8]) -> Result<(StoredKey, &[u8]), VaultError> {
    match stored.split_first() {
        Some((&V1, rest)) => Ok((StoredKey::Legacy, rest)),
        Some((&V2, rest)) => {
            let (&len, rest) = rest.split_first().ok_or(VaultError::UnknownFormat)?;
            let len = usize::from(len);
            if rest.len() < len {
                return Err(VaultError::UnknownFormat);
            }
            let (id, raw) = rest.split_at(len);
            let id = std::str::from_utf8(id).map_err(|_| VaultError::UnknownFormat)?;
            if !ring::valid_key_id(id) {
                return Err(VaultError::UnknownFormat);
            }
            Ok((StoredKey::Id(id.to_owned()), raw))
        }
        _ => Err(VaultError::UnknownFormat),
    }
}

fn parse_str(stored: &str) -> Result<(StoredKey, &str), VaultError> {
    if let Some(encoded) = stored.strip_prefix(TEXT_V1) {
        return Ok((StoredKey::Legacy, encoded));
    }
    let rest = stored.strip_prefix(TEXT_V2).ok_or(VaultError::UnknownFormat)?;
    let (id, encoded) = rest.split_once(':').ok_or(VaultError::UnknownFormat)?;
    if !ring::valid_key_id(id) {
        return Err(VaultError::UnknownFormat);
    }
    Ok((StoredKey::Id(id.to_owned()), encoded))
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault").field("current_key", &self.current_key()).finish_non_exhaustive()
    }
}

/// Test support: a value in the format written before key ids (`v1`), sealed
/// under `key` (what `Platform::derive_key(purpose)` returned), so migration
/// tests can store what an older build wrote.
#[doc(hidden)]
pub mod legacy {
    use super::*;

    pub fn seal_v1(key: [u8; 32], aad: &[u8], plaintext: &[u8]) -> Vec<u8> {
        let cipher = XChaCha20Poly1305::new(&key.into());
        let mut out = vec![V1];
        out.extend(encrypt(&cipher, aad, plaintext).unwrap_or_default());
        out
    }

    pub fn seal_v1_str(key: [u8; 32], aad: &[u8], plaintext: &str) -> String {
        let cipher = XChaCha20Poly1305::new(&key.into());
        format!("{TEXT_V1}{}", STANDARD.encode(encrypt(&cipher, aad, plaintext.as_bytes()).unwrap_or_default()))
    }

    /// HMAC-SHA256(secret, purpose): the key an older build sealed `purpose` under.
    pub fn v1_key(secret: &[u8], purpose: &str) -> [u8; 32] {
        super::ring::legacy_key(secret, purpose)
    }
}

#[cfg(test)]
mod tests;
