//! # pc-gateway
//!
//! The same-origin server a partner runs in production in front of Partner Center (a
//! backend-for-frontend): it serves the portal, signs the partner's staff in with OpenID Connect
//! (authorization code + PKCE, as a confidential client of Microsoft Entra ID), keeps their tokens
//! server-side, gives the browser only an `HttpOnly` session cookie, and forwards `/v1/*` to
//! Partner Center with the session's access token. The browser never sees a token.
//!
//! Routes ([`app`]):
//! * `GET /auth/login[?return_to=/path]` — redirect to the identity provider (PKCE S256, `state`,
//!   `nonce`).
//! * `GET /auth/callback` — code exchange; the ID token is checked against the authority's JWKS
//!   (signature, issuer, audience, nonce, expiry) and, with [`Config::require_mfa`], for `mfa` in
//!   `amr`. A new session ID is issued at every sign-in.
//! * `POST /auth/logout` — ends the session.
//! * `GET /auth/session` — who is signed in and the partner profile the purchase rules need
//!   ([`auth::SessionInfo`]); never a token.
//! * `PUT /auth/partner` — an Admin agent confirms the perpetual-software qualification, which
//!   no Partner Center API tells.
//! * `/v1/*` — forwarded to [`Config::upstream`] with the session's bearer token and the
//!   caller's `MS-RequestId`, `MS-CorrelationId`, `X-Locale` (and the other Partner Center
//!   headers); bodies streamed both ways. Without a session: 401 with Partner Center's error body.
//! * anything else — the portal ([`Config::portal_dir`]) through pc-assets: precompressed,
//!   cached by content hash, `index.html` for client-side routes.
//!
//! Sessions live in SQLite or PostgreSQL ([`store::Store`]); tokens are encrypted at rest
//! (AES-256-GCM) and refreshed before they expire; a failed refresh ends the session. There is no
//! CORS: state-changing requests must come from the gateway's own origin (`Origin` /
//! `Sec-Fetch-Site`), else 403.
//!
//! ```no_run
//! # async fn run() -> anyhow::Result<()> {
//! let config = pc_gateway::Config::new(
//!     "https://login.microsoftonline.com/4b3d2f0a-6c1e-4e8a-9f21-0c5a7d3e1b01/v2.0".parse()?,
//!     "00000000-0000-0000-0000-000000000001".to_owned(),
//!     "client secret".to_owned(),
//!     "https://portal.contoso.example".parse()?,
//! );
//! let state = pc_gateway::GatewayState::open("sqlite::memory:", config).await?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! axum::serve(listener, pc_gateway::app(state)).await?;
//! # Ok(()) }
//! ```

pub mod auth;
mod crypto;
mod error;
mod forward;
mod oidc;
mod origin;
mod partner;
pub mod store;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::routing::{get, post, put};
use url::Url;

pub use crypto::parse_session_key;
pub use error::GatewayError;

use crate::crypto::Cipher;
use crate::oidc::Provider;
use crate::store::Store;

/// Partner Center's public API, the default upstream.
pub const PARTNER_CENTER: &str = "https://api.partnercenter.microsoft.com";

/// The scopes asked for by default: Partner Center's delegated `user_impersonation` (App+User),
/// the OpenID sign-in, the user's name and email, and a refresh token.
pub const DEFAULT_SCOPE: &str =
    "https://api.partnercenter.microsoft.com/user_impersonation openid profile offline_access";

/// How the gateway behaves; the flags of `pc-gateway serve`.
#[derive(Clone)]
pub struct Config {
    /// Partner Center's base URL (`https://api.partnercenter.microsoft.com`, another cloud's,
    /// or a pc-sandbox). `/v1/*` is forwarded to `{upstream}/v1/*`.
    pub upstream: Url,
    /// The OpenID issuer, e.g. `https://login.microsoftonline.com/{tenant-id}/v2.0`; its
    /// discovery document is `{authority}/.well-known/openid-configuration`.
    pub authority: Url,
    /// The app registration's application (client) ID.
    pub client_id: String,
    /// The app registration's client secret.
    pub client_secret: String,
    /// Space-separated scopes asked for at sign-in ([`DEFAULT_SCOPE`]).
    pub scope: String,
    /// Refuse a sign-in whose ID token has no `mfa` in `amr` (Partner Center requires
    /// multi-factor authentication on App+User calls).
    pub require_mfa: bool,
    /// The gateway's public base URL as the browser sees it (scheme, host, port; no path): the
    /// redirect URI is `{public_url}/auth/callback`, and it is the only origin allowed to make
    /// state-changing requests. Cookies are `Secure` unless this is plain `http` on loopback.
    pub public_url: Url,
    /// Directory of the built portal served at `/`.
    pub portal_dir: Option<PathBuf>,
    /// A session ends this long after sign-in at the latest (tokens are refreshed until then).
    pub session_lifetime: Duration,
    /// An access token is refreshed when it has less than this left.
    pub refresh_before: Duration,
    /// Key (32 bytes) that encrypts tokens at rest. `None`: derived from the client secret with
    /// HKDF-SHA256, so every instance with the same registration shares it.
    pub session_key: Option<[u8; 32]>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("upstream", &self.upstream.as_str())
            .field("authority", &self.authority.as_str())
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("scope", &self.scope)
            .field("require_mfa", &self.require_mfa)
            .field("public_url", &self.public_url.as_str())
            .field("portal_dir", &self.portal_dir)
            .field("session_lifetime", &self.session_lifetime)
            .field("refresh_before", &self.refresh_before)
            .finish_non_exhaustive()
    }
}

impl Config {
    /// A configuration with the defaults: upstream [`PARTNER_CENTER`], scope [`DEFAULT_SCOPE`],
    /// no MFA requirement, no portal, 12-hour sessions, refresh 5 minutes before expiry.
    pub fn new(authority: Url, client_id: String, client_secret: String, public_url: Url) -> Self {
        Self {
            upstream: Url::parse(PARTNER_CENTER).unwrap_or_else(|_| public_url.clone()),
            authority,
            client_id,
            client_secret,
            scope: DEFAULT_SCOPE.to_owned(),
            require_mfa: false,
            public_url,
            portal_dir: None,
            session_lifetime: Duration::from_secs(12 * 3600),
            refresh_before: Duration::from_secs(300),
            session_key: None,
        }
    }

    /// The redirect URI registered with the identity provider: `{public_url}/auth/callback`.
    pub fn redirect_uri(&self) -> String {
        format!("{}/auth/callback", self.public_origin())
    }

    /// `scheme://host[:port]` of [`Config::public_url`], the origin browsers send.
    pub fn public_origin(&self) -> String {
        self.public_url.origin().ascii_serialization()
    }

    /// Whether cookies carry `Secure`: always, except for plain `http` on a loopback host.
    pub fn secure_cookies(&self) -> bool {
        if self.public_url.scheme() == "https" {
            return true;
        }
        !matches!(self.public_url.host(), Some(url::Host::Ipv4(ip)) if ip.is_loopback())
            && !matches!(self.public_url.host(), Some(url::Host::Ipv6(ip)) if ip.is_loopback())
            && self.public_url.host_str() != Some("localhost")
    }
}

/// Shared state: configuration, session store, the identity provider, the HTTP client.
#[derive(Clone)]
pub struct GatewayState {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    store: Store,
    cipher: Cipher,
    provider: Provider,
    http: reqwest::Client,
}

impl std::fmt::Debug for GatewayState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GatewayState")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

impl GatewayState {
    /// Opens the session database (`sqlite:` path or URL, `sqlite::memory:`, or `postgres://`
    /// URL; created and migrated when needed) and builds the state. The identity provider's
    /// discovery document is fetched at the first sign-in, not here, so the gateway may start
    /// before its authority answers.
    ///
    /// # Errors
    /// The database cannot be opened or migrated, or the HTTP client cannot be built.
    pub async fn open(database_url: &str, config: Config) -> anyhow::Result<Self> {
        let store = Store::open(database_url).await?;
        Self::with_store(store, config)
    }

    /// Builds the state over an opened, migrated [`Store`].
    ///
    /// # Errors
    /// The HTTP client cannot be built.
    pub fn with_store(store: Store, config: Config) -> anyhow::Result<Self> {
        let cipher = match config.session_key {
            Some(key) => Cipher::new(&key),
            None => Cipher::derived_from(&config.client_secret),
        };
        // Partner Center calls: generous timeout (checkouts are slow); no redirects followed.
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(120))
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        let provider = Provider::new(&config)?;
        Ok(Self {
            inner: Arc::new(Inner {
                config,
                store,
                cipher,
                provider,
                http,
            }),
        })
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The session store.
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    pub(crate) fn cipher(&self) -> &Cipher {
        &self.inner.cipher
    }

    pub(crate) fn provider(&self) -> &Provider {
        &self.inner.provider
    }

    pub(crate) fn http(&self) -> &reqwest::Client {
        &self.inner.http
    }
}

/// The whole gateway: `/auth/*`, `/v1/*` and the portal.
pub fn app(state: GatewayState) -> Router {
    let mut router = Router::new()
        .route("/auth/login", get(auth::login))
        .route("/auth/callback", get(auth::callback))
        .route("/auth/logout", post(auth::logout))
        .route("/auth/session", get(auth::session))
        .route("/auth/partner", put(auth::partner_update))
        .route("/auth/{*rest}", axum::routing::any(error::auth_not_found))
        .route("/v1/{*path}", axum::routing::any(forward::forward))
        .route("/v1", axum::routing::any(forward::forward_root));
    router = match &state.config().portal_dir {
        Some(dir) => router.fallback_service(pc_assets::service(dir)),
        None => router.fallback(error::not_found),
    };
    router
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            origin::same_origin,
        ))
        .with_state(state)
}
