//! Secrets at rest and in cookies, through RustCrypto's audited crates: AES-256-GCM for tokens,
//! HKDF-SHA256 to derive its key, SHA-256 for the session-ID hashes the database keeps, and the
//! operating system's random generator for IDs and nonces. Nothing here is a new algorithm.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use rand::RngCore as _;
use sha2::{Digest as _, Sha256};

/// Length of the AES-GCM nonce in bytes.
const NONCE_LEN: usize = 12;

/// Encrypts and decrypts what the gateway keeps in its database.
#[derive(Clone)]
pub(crate) struct Cipher {
    aead: Aes256Gcm,
}

impl Cipher {
    /// A cipher with a 32-byte key.
    pub(crate) fn new(key: &[u8; 32]) -> Self {
        Self {
            aead: Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key)),
        }
    }

    /// A cipher whose key is derived from the client secret (HKDF-SHA256), so that every
    /// gateway instance of one app registration can read the sessions the others wrote.
    pub(crate) fn derived_from(client_secret: &str) -> Self {
        let hkdf = hkdf::Hkdf::<Sha256>::new(Some(b"pc-gateway"), client_secret.as_bytes());
        let mut key = [0_u8; 32];
        // 32 bytes is far below HKDF-SHA256's limit of 255 × 32, so expand cannot fail.
        if hkdf.expand(b"session tokens v1", &mut key).is_err() {
            tracing::error!("HKDF refused a 32-byte key; using the SHA-256 of the secret");
            key = Sha256::digest(client_secret.as_bytes()).into();
        }
        Self::new(&key)
    }

    /// `base64(nonce ‖ ciphertext)` of `plaintext`, bound to `context` (the row it belongs to),
    /// so a ciphertext copied into another row does not decrypt.
    pub(crate) fn seal(&self, plaintext: &[u8], context: &str) -> Result<String, CryptoError> {
        let mut nonce = [0_u8; NONCE_LEN];
        rand::rng().fill_bytes(&mut nonce);
        let sealed = self
            .aead
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| CryptoError)?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        Ok(STANDARD.encode(out))
    }

    /// The plaintext of [`Cipher::seal`]'s output.
    ///
    /// # Errors
    /// Not base64, too short, another key or another context.
    pub(crate) fn open(&self, sealed: &str, context: &str) -> Result<Vec<u8>, CryptoError> {
        let bytes = STANDARD.decode(sealed).map_err(|_| CryptoError)?;
        if bytes.len() < NONCE_LEN {
            return Err(CryptoError);
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_LEN);
        self.aead
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| CryptoError)
    }
}

/// A ciphertext that does not open (or, never in practice, one that could not be made).
#[derive(Debug, thiserror::Error)]
#[error("a stored secret could not be decrypted (another key, or altered)")]
pub(crate) struct CryptoError;

/// A new random identifier: 32 bytes from the OS generator, base64url without padding.
pub(crate) fn random_id() -> String {
    let mut bytes = [0_u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// SHA-256 of `id`, hex: what the database keeps instead of a cookie's value.
pub(crate) fn id_hash(id: &str) -> String {
    let digest = Sha256::digest(id.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Decodes a base64 (standard or url-safe) 32-byte key, as given to `--session-key`.
///
/// # Errors
/// Not base64, or not 32 bytes.
pub fn parse_session_key(text: &str) -> Result<[u8; 32], String> {
    let text = text.trim();
    let bytes = STANDARD
        .decode(text)
        .or_else(|_| URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')))
        .map_err(|_| {
            "the session key must be base64 (e.g. `openssl rand -base64 32`)".to_owned()
        })?;
    <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| {
        format!(
            "the session key must be 32 bytes; this one is {}",
            bytes.len()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_tokens_open_only_with_the_same_key_and_row() {
        let cipher = Cipher::derived_from("secret");
        let sealed = cipher.seal(b"token", "row-1").unwrap_or_default();
        assert_ne!(sealed, "");
        assert!(!sealed.contains("token"));
        assert_eq!(cipher.open(&sealed, "row-1").ok(), Some(b"token".to_vec()));
        assert!(cipher.open(&sealed, "row-2").is_err(), "another row");
        assert!(
            Cipher::derived_from("other")
                .open(&sealed, "row-1")
                .is_err(),
            "another key"
        );
        assert!(cipher.open("not base64!", "row-1").is_err());
        assert!(cipher.open("AAAA", "row-1").is_err());
    }

    #[test]
    fn ids_are_random_and_hashed() {
        let a = random_id();
        assert_eq!(a.len(), 43);
        assert_ne!(a, random_id());
        assert_eq!(id_hash("abc").len(), 64);
        assert_ne!(id_hash(&a), a);
    }

    #[test]
    fn session_keys_are_32_bytes_of_base64() {
        assert!(parse_session_key(&STANDARD.encode([7_u8; 32])).is_ok());
        assert!(parse_session_key(&STANDARD.encode([7_u8; 16])).is_err());
        assert!(parse_session_key("***").is_err());
    }
}
