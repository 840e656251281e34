//! Link and session tokens: 256 random bits with a recognizable prefix; only
//! their SHA-256 is stored, so a database reader cannot sign in with them.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

pub const LINK_PREFIX: &str = "atr_pl_";
pub const SESSION_PREFIX: &str = "atr_ps_";

/// A new random token with `prefix`.
pub fn new_token(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// Hex SHA-256 of a token (high entropy: a fast hash is enough, and the lookup is
/// a unique-index probe).
pub fn digest(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_prefixed_and_hashed() {
        let a = new_token(LINK_PREFIX);
        let b = new_token(LINK_PREFIX);
        assert_ne!(a, b);
        assert!(a.starts_with(LINK_PREFIX));
        // 32 bytes in unpadded base64url.
        assert_eq!(a.len(), LINK_PREFIX.len() + 43);
        assert_eq!(digest(&a).len(), 64);
        assert_ne!(digest(&a), digest(&b));
    }
}
