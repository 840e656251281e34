//! Authenticated encryption of values at rest (XChaCha20-Poly1305) under a key the
//! caller derives from the server secret, one key per use. A fresh random 24-byte
//! nonce per value (safe to draw at random at this size). The associated data binds
//! a value to where it is stored (e.g. its row id), so a ciphertext copied onto
//! another row does not open. Bytes are stored as `0x01 || nonce || ciphertext`,
//! text as `v1:` + base64 of `nonce || ciphertext`; the version names the key
//! generation, so a rotated key can still read old values by their prefix.

use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

const NONCE_LEN: usize = 24;
/// The key generation this build writes and reads (bytes form).
const VERSION: u8 = 1;
/// The key generation this build writes and reads (text form).
const TEXT_PREFIX: &str = "v1:";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    #[error("the value cannot be encrypted")]
    Seal,
    #[error("the stored value is not sealed by this key generation")]
    UnknownFormat,
    #[error("the stored value does not open under this key (other key, other row, or altered)")]
    Open,
}

/// One encryption key. Cheap to clone.
#[derive(Clone)]
pub struct Vault(Arc<XChaCha20Poly1305>);

impl Vault {
    /// A vault over a 32-byte key, e.g. `Platform::derive_key("<use>")`.
    pub fn new(key: [u8; 32]) -> Self {
        Self(Arc::new(XChaCha20Poly1305::new(&key.into())))
    }

    /// `plaintext` sealed and bound to `aad`.
    pub fn seal(&self, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, VaultError> {
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = self.0.encrypt(&nonce, Payload { msg: plaintext, aad }).map_err(|_| VaultError::Seal)?;
        let mut out = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
        out.push(VERSION);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// The plaintext of a value [`Vault::seal`] produced with the same `aad`.
    pub fn open(&self, aad: &[u8], stored: &[u8]) -> Result<Vec<u8>, VaultError> {
        match stored.split_first() {
            Some((&VERSION, rest)) => self.open_raw(aad, rest),
            _ => Err(VaultError::UnknownFormat),
        }
    }

    /// `plaintext` sealed as text (`v1:…`), for text columns.
    pub fn seal_str(&self, aad: &[u8], plaintext: &str) -> Result<String, VaultError> {
        let sealed = self.seal(aad, plaintext.as_bytes())?;
        Ok(format!("{TEXT_PREFIX}{}", STANDARD.encode(&sealed[1..])))
    }

    /// The plaintext of a value [`Vault::seal_str`] produced with the same `aad`.
    pub fn open_str(&self, aad: &[u8], stored: &str) -> Result<String, VaultError> {
        let encoded = stored.strip_prefix(TEXT_PREFIX).ok_or(VaultError::UnknownFormat)?;
        let raw = STANDARD.decode(encoded).map_err(|_| VaultError::UnknownFormat)?;
        String::from_utf8(self.open_raw(aad, &raw)?).map_err(|_| VaultError::Open)
    }

    /// Whether a text value is in the sealed form (as opposed to a legacy plaintext).
    pub fn is_sealed_str(stored: &str) -> bool {
        stored.starts_with(TEXT_PREFIX)
    }

    fn open_raw(&self, aad: &[u8], raw: &[u8]) -> Result<Vec<u8>, VaultError> {
        if raw.len() < NONCE_LEN {
            return Err(VaultError::Open);
        }
        let (nonce, sealed) = raw.split_at(NONCE_LEN);
        self.0.decrypt(XNonce::from_slice(nonce), Payload { msg: sealed, aad }).map_err(|_| VaultError::Open)
    }
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Vault(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip_bound_to_their_row_and_key() {
        let vault = Vault::new([7; 32]);
        let a = vault.seal(b"row-1", b"atr_k_secret").expect("seal");
        let b = vault.seal(b"row-1", b"atr_k_secret").expect("seal");
        assert_ne!(a, b, "a fresh nonce per value");
        assert!(!a.windows(12).any(|w| w == b"atr_k_secret"));
        assert_eq!(vault.open(b"row-1", &a).expect("open"), b"atr_k_secret");
        assert_eq!(vault.open(b"row-2", &a), Err(VaultError::Open), "bound to its row");
        assert_eq!(Vault::new([8; 32]).open(b"row-1", &a), Err(VaultError::Open), "other key");
        assert_eq!(vault.open(b"row-1", b"{\"plain\":true}"), Err(VaultError::UnknownFormat));
        let mut altered = a.clone();
        if let Some(last) = altered.last_mut() {
            *last ^= 1;
        }
        assert_eq!(vault.open(b"row-1", &altered), Err(VaultError::Open));
    }

    #[test]
    fn text_round_trips_and_names_its_generation() {
        let vault = Vault::new([7; 32]);
        let sealed = vault.seal_str(b"ep", "whsec_abc").expect("seal");
        assert!(Vault::is_sealed_str(&sealed) && !sealed.contains("whsec_abc"));
        assert!(!Vault::is_sealed_str("whsec_abc"));
        assert_eq!(vault.open_str(b"ep", &sealed).expect("open"), "whsec_abc");
        assert_eq!(vault.open_str(b"other", &sealed), Err(VaultError::Open));
        assert_eq!(vault.open_str(b"ep", "whsec_abc"), Err(VaultError::UnknownFormat));
    }
}
