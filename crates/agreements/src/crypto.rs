//! Signature data encrypted at rest with XChaCha20-Poly1305. A fresh random 24-byte
//! nonce per value (safe to draw at random at this size), stored as
//! `v1:` + base64(nonce || ciphertext). The contract id is the associated data, so a
//! ciphertext copied onto another contract row does not decrypt. The `v1` names the
//! key generation, so a rotated key can read old values by their prefix.

use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use uuid::Uuid;

const NONCE_LEN: usize = 24;
/// The key generation this build writes and reads.
const FORMAT: &str = "v1:";

/// The key for signature data, derived from the server secret by [`crate::module`].
#[derive(Clone)]
pub struct SignatureKey(Arc<XChaCha20Poly1305>);

impl SignatureKey {
    pub fn new(key: [u8; 32]) -> Self {
        Self(Arc::new(XChaCha20Poly1305::new(&key.into())))
    }

    pub fn encrypt(&self, contract_id: Uuid, plaintext: &str) -> Result<String, String> {
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = self
            .0
            .encrypt(&nonce, Payload { msg: plaintext.as_bytes(), aad: contract_id.as_bytes() })
            .map_err(|_| "encryption failed".to_owned())?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        Ok(format!("{FORMAT}{}", STANDARD.encode(out)))
    }

    pub fn decrypt(&self, contract_id: Uuid, stored: &str) -> Result<String, String> {
        let encoded =
            stored.strip_prefix(FORMAT).ok_or_else(|| "stored signature is of an unknown key generation".to_owned())?;
        let raw = STANDARD.decode(encoded).map_err(|_| "stored signature is not base64".to_owned())?;
        if raw.len() < NONCE_LEN {
            return Err("stored signature is too short".into());
        }
        let (nonce, sealed) = raw.split_at(NONCE_LEN);
        let plain = self
            .0
            .decrypt(XNonce::from_slice(nonce), Payload { msg: sealed, aad: contract_id.as_bytes() })
            .map_err(|_| "stored signature does not decrypt under this key".to_owned())?;
        String::from_utf8(plain).map_err(|_| "stored signature is not UTF-8".to_owned())
    }
}

impl std::fmt::Debug for SignatureKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SignatureKey(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_binds_to_the_contract() {
        let key = SignatureKey::new([7; 32]);
        let id = Uuid::now_v7();
        let a = key.encrypt(id, "signed by Ada").expect("encrypt");
        let b = key.encrypt(id, "signed by Ada").expect("encrypt");
        assert_ne!(a, b, "a fresh nonce per value");
        assert!(!a.contains("Ada") && a.starts_with("v1:"));
        assert!(key.decrypt(id, a.trim_start_matches("v1:")).is_err(), "the key generation is required");
        assert_eq!(key.decrypt(id, &a).expect("decrypt"), "signed by Ada");
        assert!(key.decrypt(Uuid::now_v7(), &a).is_err(), "bound to its contract");
        assert!(SignatureKey::new([8; 32]).decrypt(id, &a).is_err(), "other key");
    }
}
