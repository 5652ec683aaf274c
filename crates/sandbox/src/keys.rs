//! The token-signing key: RSA 2048, generated on first start (by the `rsa` crate) and kept in the
//! database (`signing_keys`), so tokens survive a restart. Every token the sandbox issues is
//! RS256 with the key's `kid` in its header; the public half is served as a JWKS.

use anyhow::Context as _;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header};
use rsa::pkcs8::{DecodePrivateKey as _, EncodePrivateKey as _};
use rsa::traits::PublicKeyParts as _;
use rsa::{RsaPrivateKey, RsaPublicKey};
use serde::Serialize;
use sha2::{Digest as _, Sha256};
use sqlx::Row as _;

use crate::error::AppError;
use crate::store::{Store, now_ms};

/// Size of the generated key in bits.
const KEY_BITS: usize = 2048;

/// The sandbox's RS256 signing key.
#[derive(Clone)]
pub(crate) struct SigningKey {
    kid: String,
    encoding: EncodingKey,
    decoding: DecodingKey,
    /// Modulus, base64url without padding (JWK `n`).
    n: String,
    /// Public exponent, base64url without padding (JWK `e`).
    e: String,
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningKey")
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

impl SigningKey {
    /// The stored key, or a new one generated and stored when there is none. When two processes
    /// start on one empty database at once, the first stored key wins and both use it.
    pub(crate) async fn load_or_create(store: &Store) -> anyhow::Result<Self> {
        if let Some(key) = Self::load(store).await? {
            return Ok(key);
        }
        let private = tokio::task::spawn_blocking(|| {
            RsaPrivateKey::new(&mut rsa::rand_core::OsRng, KEY_BITS)
        })
        .await
        .context("key generation task failed")?
        .context("RSA key generation failed")?;
        let pem = private
            .to_pkcs8_pem(rsa::pkcs8::LineEnding::LF)
            .context("cannot encode the RSA key")?;
        let kid = key_id(&private.to_public_key());
        sqlx::query(
            "INSERT INTO signing_keys (kid, private_key_pem, created_at) VALUES ($1, $2, $3) ON CONFLICT (kid) DO NOTHING",
        )
        .bind(&kid)
        .bind(pem.as_str())
        .bind(now_ms())
        .execute(store.pool())
        .await?;
        Self::load(store)
            .await?
            .context("the signing key was stored but cannot be read back")
    }

    /// The oldest stored key.
    async fn load(store: &Store) -> anyhow::Result<Option<Self>> {
        let row = sqlx::query(
            "SELECT kid, private_key_pem FROM signing_keys ORDER BY created_at, kid LIMIT 1",
        )
        .fetch_optional(store.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        let kid: String = row.try_get("kid")?;
        let pem: String = row.try_get("private_key_pem")?;
        let private = RsaPrivateKey::from_pkcs8_pem(&pem)
            .context("the stored signing key does not decode")?;
        Ok(Some(Self::from_private(kid, &private, &pem)?))
    }

    fn from_private(kid: String, private: &RsaPrivateKey, pem: &str) -> anyhow::Result<Self> {
        let public = private.to_public_key();
        let n = URL_SAFE_NO_PAD.encode(public.n().to_bytes_be());
        let e = URL_SAFE_NO_PAD.encode(public.e().to_bytes_be());
        let encoding = EncodingKey::from_rsa_pem(pem.as_bytes())
            .context("the signing key is not usable for RS256")?;
        let decoding = DecodingKey::from_rsa_components(&n, &e)
            .context("the public key is not usable for RS256")?;
        Ok(Self {
            kid,
            encoding,
            decoding,
            n,
            e,
        })
    }

    /// The key ID written into token headers and the JWKS.
    pub(crate) fn kid(&self) -> &str {
        &self.kid
    }

    /// The key that verifies this key's signatures.
    pub(crate) fn decoding_key(&self) -> &DecodingKey {
        &self.decoding
    }

    /// Signs `claims` as an RS256 JWT with this key's `kid`.
    pub(crate) fn sign<T: Serialize>(&self, claims: &T) -> Result<String, AppError> {
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some(self.kid.clone());
        jsonwebtoken::encode(&header, claims, &self.encoding).map_err(AppError::internal)
    }

    /// The public key as a JWK: `{"kty":"RSA","use":"sig","alg":"RS256","kid","n","e"}`.
    pub(crate) fn jwk(&self) -> serde_json::Value {
        serde_json::json!({
            "kty": "RSA",
            "use": "sig",
            "alg": "RS256",
            "kid": self.kid,
            "n": self.n,
            "e": self.e,
        })
    }
}

/// A key ID: the base64url SHA-256 of the modulus, shortened (like a JWK thumbprint).
fn key_id(public: &RsaPublicKey) -> String {
    let digest = Sha256::digest(public.n().to_bytes_be());
    URL_SAFE_NO_PAD.encode(&digest[..16])
}

/// The base64url SHA-256 of `text`: how codes and refresh tokens are stored, and PKCE S256.
pub(crate) fn sha256_b64url(text: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(text.as_bytes()))
}

/// 32 random bytes, base64url: authorization codes and refresh tokens.
pub(crate) fn random_token() -> String {
    let bytes: [u8; 32] = rand::random();
    URL_SAFE_NO_PAD.encode(bytes)
}
