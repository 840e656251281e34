//! Secrets: Argon2id password hashes and random bearer tokens, of which only a
//! SHA-256 digest is stored.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use atrium_kernel::AppError;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

pub const SESSION_PREFIX: &str = "atr_s_";
pub const API_KEY_PREFIX: &str = "atr_k_";
pub const INVITATION_PREFIX: &str = "atr_i_";

/// A new random token with a recognizable prefix (256 bits of entropy).
pub fn new_token(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// Hex SHA-256 of a token. Tokens are high-entropy, so a fast hash is enough and
/// lets the lookup be a unique-index probe.
pub fn token_digest(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Argon2id with the crate defaults, which are OWASP's (m=19456 KiB, t=2, p=1).
/// Runs on the blocking pool: a hash takes tens of milliseconds of CPU.
pub async fn hash_password(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| AppError::internal(format!("argon2: {e}")))
    })
    .await
    .map_err(AppError::internal)?
}

/// Verifies a password against a stored PHC string. With no stored hash it still
/// spends the same time on a dummy, so response time does not reveal which emails
/// have accounts.
pub async fn verify_password(password: String, stored: Option<String>) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        let phc = stored.unwrap_or_else(|| DUMMY_HASH.to_owned());
        let parsed = PasswordHash::new(&phc).map_err(|e| AppError::internal(format!("stored hash: {e}")))?;
        let ok = Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok();
        Ok(ok && phc != DUMMY_HASH)
    })
    .await
    .map_err(AppError::internal)?
}

/// The Argon2id hash of a random string nobody knows, with the default parameters.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$yH3Qm2P7kQ1Hr0bXoC4PgS1y0y8wJ7Qe8ZlTqvY3N1k";

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn password_round_trip_uses_argon2id_owasp_params() {
        let hash = hash_password("correct horse battery".into()).await.expect("hash");
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(verify_password("correct horse battery".into(), Some(hash.clone())).await.expect("verify"));
        assert!(!verify_password("wrong".into(), Some(hash)).await.expect("verify"));
        assert!(!verify_password("anything".into(), None).await.expect("dummy"));
    }

    #[test]
    fn tokens_are_unique_and_digests_stable() {
        let a = new_token(SESSION_PREFIX);
        assert!(a.starts_with(SESSION_PREFIX) && a.len() > 40);
        assert_ne!(a, new_token(SESSION_PREFIX));
        assert_eq!(token_digest(&a), token_digest(&a));
        assert_eq!(token_digest(&a).len(), 64);
    }
}
