use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::*;

const SECRET: &[u8] = b"test-secret";

fn key(byte: u8) -> String {
    STANDARD.encode([byte; 32])
}

fn ring(spec: &str) -> KeyRing {
    KeyRing::from_config(Some(spec), SECRET).expect("ring")
}

#[test]
fn the_first_key_seals_and_every_key_opens() {
    let ab = ring(&format!("b:{},a:{}", key(2), key(1)));
    let a_only = ring(&format!("a:{}", key(1)));
    let under_a = a_only.vault("p").seal_str(b"row", "whsec_abc").expect("seal");
    assert!(under_a.starts_with("v2:a:") && !under_a.contains("whsec_abc"), "{under_a}");
    assert_eq!(ab.vault("p").open_str(b"row", &under_a).expect("open under a"), "whsec_abc");
    let under_b = ab.vault("p").seal_str(b"row", "whsec_abc").expect("seal");
    assert!(under_b.starts_with("v2:b:"), "the first key seals: {under_b}");
    assert_eq!(ab.current_key(), "b");
    assert_eq!(Vault::key_of_str(&under_b), Ok(StoredKey::Id("b".into())));
    assert!(ab.vault("p").is_current(&StoredKey::Id("b".into())));
    assert!(!ab.vault("p").is_current(&StoredKey::Id("a".into())));

    let bytes = ab.vault("p").seal(b"row", b"body").expect("seal");
    assert_eq!(bytes[0], 2);
    assert_eq!(Vault::key_of(&bytes), Ok(StoredKey::Id("b".into())));
    assert_eq!(ab.vault("p").open(b"row", &bytes).expect("open"), b"body");
    assert!(!bytes.windows(4).any(|w| w == b"body"));
}

#[test]
fn a_key_that_is_not_configured_is_named() {
    let ab = ring(&format!("b:{},a:{}", key(2), key(1)));
    let under_b = ab.vault("p").seal_str(b"row", "s").expect("seal");
    let bytes_b = ab.vault("p").seal(b"row", b"s").expect("seal");
    let a_only = ring(&format!("a:{}", key(1)));
    assert_eq!(a_only.vault("p").open_str(b"row", &under_b), Err(VaultError::UnknownKey("b".into())));
    assert_eq!(a_only.vault("p").open(b"row", &bytes_b), Err(VaultError::UnknownKey("b".into())));
    // The same id with other key material does not open (and does not pass for another value).
    let other_b = ring(&format!("b:{}", key(9)));
    assert_eq!(other_b.vault("p").open_str(b"row", &under_b), Err(VaultError::Open("b".into())));
}

#[test]
fn tampering_another_row_or_another_purpose_fails() {
    let r = ring(&format!("a:{}", key(1)));
    let v = r.vault("p");
    let sealed = v.seal(b"row-1", b"atr_k_secret").expect("seal");
    assert_ne!(sealed, v.seal(b"row-1", b"atr_k_secret").expect("seal"), "a fresh nonce per value");
    assert_eq!(v.open(b"row-2", &sealed), Err(VaultError::Open("a".into())), "bound to its row");
    assert_eq!(r.vault("q").open(b"row-1", &sealed), Err(VaultError::Open("a".into())), "one subkey per purpose");
    let mut altered = sealed.clone();
    if let Some(last) = altered.last_mut() {
        *last ^= 1;
    }
    assert_eq!(v.open(b"row-1", &altered), Err(VaultError::Open("a".into())));
    let text = v.seal_str(b"row-1", "whsec").expect("seal");
    let mut chars: Vec<char> = text.chars().collect();
    let n = chars.len() - 3;
    chars[n] = if chars[n] == 'A' { 'B' } else { 'A' };
    let altered: String = chars.into_iter().collect();
    assert_eq!(v.open_str(b"row-1", &altered), Err(VaultError::Open("a".into())));
    // A key id swapped in the header picks another key: it does not open either.
    let b = ring(&format!("a:{},b:{}", key(1), key(2)));
    let swapped = text.replacen("v2:a:", "v2:b:", 1);
    assert_eq!(b.vault("p").open_str(b"row-1", &swapped), Err(VaultError::Open("b".into())));
    assert_eq!(v.open(b"row-1", b"{\"plain\":true}"), Err(VaultError::UnknownFormat));
    assert_eq!(v.open_str(b"row-1", "whsec_abc"), Err(VaultError::UnknownFormat));
    assert!(!Vault::is_sealed_str("whsec_abc") && Vault::is_sealed_str(&text));
}

#[test]
fn values_written_before_key_ids_still_open() {
    // What an older build wrote: v1 under HMAC-SHA256(ATRIUM_SECRET, purpose)
    // (`Platform::derive_key`), both text (webhooks, agreements) and bytes (idempotency).
    let old_key = legacy::v1_key(SECRET, "webhook-signing-secrets");
    let text = legacy::seal_v1_str(old_key, b"row", "whsec_old");
    let bytes = legacy::seal_v1(old_key, b"row", b"old body");
    assert!(text.starts_with("v1:") && bytes[0] == 1);
    for r in [KeyRing::from_secret(SECRET), ring(&format!("a:{}", key(1)))] {
        let v = r.vault("webhook-signing-secrets");
        assert_eq!(v.open_str(b"row", &text).expect("v1 text"), "whsec_old");
        assert_eq!(v.open(b"row", &bytes).expect("v1 bytes"), b"old body");
        assert_eq!(Vault::key_of_str(&text), Ok(StoredKey::Legacy));
        assert!(!v.is_current(&StoredKey::Legacy), "a rotation rewrites it");
    }
    let other_secret = KeyRing::from_secret(b"another secret").vault("webhook-signing-secrets");
    assert_eq!(other_secret.open_str(b"row", &text), Err(VaultError::Open("v1".into())));
    // The agreements' own format was the same text form, under its label.
    let sig_key = legacy::v1_key(SECRET, "atrium signature key v1");
    let sig = legacy::seal_v1_str(sig_key, b"contract", "ink");
    assert_eq!(
        KeyRing::from_secret(SECRET).vault("atrium signature key v1").open_str(b"contract", &sig),
        Ok("ink".into())
    );
}

#[test]
fn the_secret_derived_key_seals_when_nothing_is_configured_and_opens_after() {
    let derived = KeyRing::from_secret(SECRET);
    assert!(derived.current_key().starts_with("secret-") && derived.current_key().len() == 15);
    assert_eq!(KeyRing::from_config(None, SECRET).expect("ring").current_key(), derived.current_key());
    assert_eq!(KeyRing::from_config(Some(" "), SECRET).expect("ring").current_key(), derived.current_key());
    assert_ne!(KeyRing::from_secret(b"other").current_key(), derived.current_key(), "a fingerprint of the secret");
    let sealed = derived.vault("p").seal_str(b"row", "s").expect("seal");
    let configured = ring(&format!("a:{}", key(1)));
    assert_eq!(configured.current_key(), "a");
    assert_eq!(configured.vault("p").open_str(b"row", &sealed).expect("the derived key still opens"), "s");
    let keys = configured.keys();
    assert_eq!(keys.len(), 2);
    assert!(keys[0].seals && !keys[1].seals && keys[1].id == derived.current_key());
    // Another secret: the value names a key that is not there.
    let other = KeyRing::from_secret(b"other").vault("p");
    assert!(matches!(other.open_str(b"row", &sealed), Err(VaultError::UnknownKey(id)) if id.starts_with("secret-")));
}

#[test]
fn the_configuration_is_checked_without_echoing_keys() {
    let bad = |spec: &str| KeyRing::from_config(Some(spec), SECRET).expect_err(spec);
    assert_eq!(bad("nocolon"), KeyRingError::Entry(1));
    assert_eq!(bad(&format!("a:{},b", key(1))), KeyRingError::Entry(2));
    assert_eq!(bad(&format!("a b:{}", key(1))), KeyRingError::KeyId("a b".into()));
    assert_eq!(bad(&format!("secret-1:{}", key(1))), KeyRingError::KeyId("secret-1".into()));
    assert_eq!(bad(&format!("{}:{}", "k".repeat(33), key(1))), KeyRingError::KeyId("k".repeat(33)));
    assert_eq!(bad(&format!("a:{},a:{}", key(1), key(2))), KeyRingError::Duplicate("a".into()));
    let short = STANDARD.encode([1u8; 16]);
    let e = bad(&format!("a:{short}"));
    assert_eq!(e, KeyRingError::Key("a".into()));
    assert!(!e.to_string().contains(&short), "{e}");
    assert_eq!(bad("a:not base64!"), KeyRingError::Key("a".into()));
    // URL-safe and unpadded base64 are accepted too; spaces around entries are not significant.
    let r =
        KeyRing::from_config(Some(&format!(" k2:{} , k1:{} ", generate_key(), key(1).trim_end_matches('='))), SECRET)
            .expect("ring");
    assert_eq!(r.current_key(), "k2");
    assert_eq!(STANDARD.decode(generate_key()).expect("base64").len(), 32);
    assert_ne!(generate_key(), generate_key());
    assert!(!format!("{r:?}").contains(&key(1)));
}

#[test]
fn column_vault_errors_name_the_row_and_key_but_not_the_value() {
    static COL: ProtectedColumn = ProtectedColumn::text("contracts", "signature_ciphertext", "p");
    let ab = ColumnVault::new(&ring(&format!("b:{},a:{}", key(2), key(1))), &COL);
    let row = uuid::Uuid::now_v7();
    let sealed = ab.seal_str(row, "ink of Ada").expect("seal");
    let a_only = ColumnVault::new(&ring(&format!("a:{}", key(1))), &COL);
    let err = a_only.open_str(row, &sealed).expect_err("unknown key");
    let msg = err.to_string();
    assert!(msg.contains("contracts.signature_ciphertext") && msg.contains(&row.to_string()), "{msg}");
    assert!(msg.contains("`b`") && msg.contains("ATRIUM_VAULT_KEYS") && !msg.contains("Ada"), "{msg}");
    let problem = err.to_problem();
    assert_eq!(problem.status, 500);
    assert!(!problem.detail.contains("contracts") && !problem.detail.contains("Ada"), "{}", problem.detail);
    // Plaintext legacy only where the column says so.
    static LEGACY: ProtectedColumn = ProtectedColumn::text("webhook_endpoints", "secret", "p").with_plaintext_legacy();
    assert_eq!(
        ColumnVault::new(&KeyRing::from_secret(SECRET), &LEGACY).open_str(row, "whsec_x").expect("plain"),
        "whsec_x"
    );
    assert!(ab.open_str(row, "whsec_x").is_err());
}
