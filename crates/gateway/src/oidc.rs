//! The OpenID Connect relying party, through the `openidconnect` crate: discovery (cached, fetched
//! again when the provider's keys may have rotated), the authorization URL with PKCE S256,
//! `state` and `nonce`, the code exchange with the ID token's checks (signature against the
//! JWKS, issuer, audience, nonce, expiry), and the refresh-token grant.

use std::time::{Duration, Instant};

use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IssuerUrl, Nonce, OAuth2TokenResponse as _, PkceCodeChallenge, PkceCodeVerifier,
    RedirectUrl, RefreshToken, Scope, TokenResponse as _,
};
use serde::Deserialize;
use tokio::sync::RwLock;

use crate::Config;

/// How long a discovery document (and its keys) is used before it is fetched again.
const DISCOVERY_TTL: Duration = Duration::from_secs(3600);

type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// The identity provider of [`Config::authority`].
pub(crate) struct Provider {
    issuer: IssuerUrl,
    client_id: ClientId,
    client_secret: ClientSecret,
    redirect: RedirectUrl,
    scopes: Vec<Scope>,
    http: reqwest::Client,
    metadata: RwLock<Option<(CoreProviderMetadata, Instant)>>,
}

/// Why a sign-in or refresh failed, in words for the person or the log.
#[derive(Debug, thiserror::Error)]
pub(crate) enum OidcError {
    /// The provider could not be reached or its discovery document is not usable.
    #[error("the identity provider at {authority} could not be used: {detail}")]
    Discovery {
        /// The authority.
        authority: String,
        /// What failed.
        detail: String,
    },
    /// The token endpoint refused (a used or expired code, a refused refresh token).
    #[error("the identity provider refused: {0}")]
    Refused(String),
    /// The ID token failed a check (signature, issuer, audience, nonce, expiry) or is missing.
    #[error("the identity provider's answer did not pass its checks: {0}")]
    InvalidIdToken(String),
}

/// Tokens from the token endpoint.
#[derive(Debug, Clone)]
pub(crate) struct TokenSet {
    pub(crate) access_token: String,
    pub(crate) refresh_token: Option<String>,
    /// Seconds the access token is valid for (`expires_in`; 1 hour when the provider omits it).
    pub(crate) expires_in: u64,
}

/// The claims of a verified ID token the gateway uses.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct IdentityClaims {
    /// Entra tenant ID.
    #[serde(default)]
    pub(crate) tid: Option<String>,
    #[serde(default)]
    pub(crate) name: Option<String>,
    #[serde(default)]
    pub(crate) preferred_username: Option<String>,
    #[serde(default)]
    pub(crate) email: Option<String>,
    #[serde(default)]
    pub(crate) sub: Option<String>,
    /// App roles / Partner Center agent roles (`AdminAgents`, `SalesAgents`, `HelpdeskAgents`).
    #[serde(default)]
    pub(crate) roles: Vec<String>,
    /// Authentication methods (`pwd`, `mfa`, …).
    #[serde(default)]
    pub(crate) amr: Vec<String>,
}

/// A completed sign-in: the tokens and who signed in.
#[derive(Debug, Clone)]
pub(crate) struct SignIn {
    pub(crate) tokens: TokenSet,
    pub(crate) claims: IdentityClaims,
}

/// What `GET /auth/login` remembers until the callback.
#[derive(Debug, Clone, serde::Serialize, Deserialize)]
pub(crate) struct LoginSecrets {
    pub(crate) pkce_verifier: String,
    pub(crate) nonce: String,
}

impl Provider {
    pub(crate) fn new(config: &Config) -> anyhow::Result<Self> {
        let issuer = IssuerUrl::new(config.authority.as_str().trim_end_matches('/').to_owned())?;
        let redirect = RedirectUrl::new(config.redirect_uri())?;
        // Following redirects from a token endpoint opens the door to SSRF: never.
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(Self {
            issuer,
            client_id: ClientId::new(config.client_id.clone()),
            client_secret: ClientSecret::new(config.client_secret.clone()),
            redirect,
            scopes: config
                .scope
                .split_whitespace()
                .filter(|s| *s != "openid")
                .map(|s| Scope::new(s.to_owned()))
                .collect(),
            http,
            metadata: RwLock::new(None),
        })
    }

    /// The discovery document, fetched when missing, older than an hour, or `refresh`.
    async fn metadata(&self, refresh: bool) -> Result<CoreProviderMetadata, OidcError> {
        if !refresh
            && let Some((metadata, at)) = self.metadata.read().await.as_ref()
            && at.elapsed() < DISCOVERY_TTL
        {
            return Ok(metadata.clone());
        }
        let metadata = CoreProviderMetadata::discover_async(self.issuer.clone(), &self.http)
            .await
            .map_err(|e| OidcError::Discovery {
                authority: self.issuer.to_string(),
                detail: error_chain(&e),
            })?;
        *self.metadata.write().await = Some((metadata.clone(), Instant::now()));
        Ok(metadata)
    }

    async fn client(&self, refresh: bool) -> Result<Client, OidcError> {
        let metadata = self.metadata(refresh).await?;
        Ok(CoreClient::from_provider_metadata(
            metadata,
            self.client_id.clone(),
            Some(self.client_secret.clone()),
        )
        .set_redirect_uri(self.redirect.clone()))
    }

    /// The URL to send the browser to, with `state`, `nonce` and a PKCE S256 challenge; the
    /// secrets to keep until the callback.
    pub(crate) async fn authorize_url(
        &self,
    ) -> Result<(url::Url, String, LoginSecrets), OidcError> {
        let client = self.client(false).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scopes(self.scopes.iter().cloned())
            .set_pkce_challenge(challenge)
            .url();
        Ok((
            url,
            state.secret().clone(),
            LoginSecrets {
                pkce_verifier: verifier.secret().clone(),
                nonce: nonce.secret().clone(),
            },
        ))
    }

    /// Exchanges `code` and verifies the ID token against `nonce`. When the signature does not
    /// verify with the cached keys, the keys are fetched again once (the provider may have
    /// rotated them).
    pub(crate) async fn exchange_code(
        &self,
        code: String,
        secrets: LoginSecrets,
    ) -> Result<SignIn, OidcError> {
        let client = self.client(false).await?;
        let response = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| OidcError::Discovery {
                authority: self.issuer.to_string(),
                detail: e.to_string(),
            })?
            .set_pkce_verifier(PkceCodeVerifier::new(secrets.pkce_verifier))
            .request_async(&self.http)
            .await
            .map_err(|e| OidcError::Refused(error_chain(&e)))?;
        let id_token = response
            .id_token()
            .ok_or_else(|| OidcError::InvalidIdToken("no ID token in the answer".to_owned()))?;
        let nonce = Nonce::new(secrets.nonce);
        let verified = match id_token.claims(&client.id_token_verifier(), &nonce) {
            Ok(_) => Ok(()),
            Err(first) => {
                let fresh = self.client(true).await?;
                id_token
                    .claims(&fresh.id_token_verifier(), &nonce)
                    .map(|_| ())
                    .map_err(|_| OidcError::InvalidIdToken(error_chain(&first)))
            }
        };
        verified?;
        let claims = read_claims(&id_token.to_string())?;
        Ok(SignIn {
            tokens: TokenSet {
                access_token: response.access_token().secret().clone(),
                refresh_token: response.refresh_token().map(|t| t.secret().clone()),
                expires_in: response.expires_in().map_or(3600, |d| d.as_secs()),
            },
            claims,
        })
    }

    /// New tokens for a refresh token.
    pub(crate) async fn refresh(&self, refresh_token: &str) -> Result<TokenSet, OidcError> {
        let client = self.client(false).await?;
        let token = RefreshToken::new(refresh_token.to_owned());
        let response = client
            .exchange_refresh_token(&token)
            .map_err(|e| OidcError::Discovery {
                authority: self.issuer.to_string(),
                detail: e.to_string(),
            })?
            .add_scopes(self.scopes.iter().cloned())
            .request_async(&self.http)
            .await
            .map_err(|e| OidcError::Refused(error_chain(&e)))?;
        Ok(TokenSet {
            access_token: response.access_token().secret().clone(),
            // A provider that does not rotate refresh tokens sends none back: keep the old one.
            refresh_token: Some(
                response
                    .refresh_token()
                    .map_or_else(|| refresh_token.to_owned(), |t| t.secret().clone()),
            ),
            expires_in: response.expires_in().map_or(3600, |d| d.as_secs()),
        })
    }
}

/// The payload of an ID token that `openidconnect` has already verified, read for the claims
/// its core types do not carry (`tid`, `roles`, `amr` as plain strings).
fn read_claims(id_token: &str) -> Result<IdentityClaims, OidcError> {
    let mut validation = jsonwebtoken::Validation::default();
    validation.insecure_disable_signature_validation();
    validation.validate_exp = false;
    validation.validate_aud = false;
    validation.required_spec_claims.clear();
    let data = jsonwebtoken::decode::<IdentityClaims>(
        id_token,
        &jsonwebtoken::DecodingKey::from_secret(&[]),
        &validation,
    )
    .map_err(|e| OidcError::InvalidIdToken(format!("claims not readable: {e}")))?;
    Ok(data.claims)
}

/// An error and its sources, for the log and plain pages.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}
