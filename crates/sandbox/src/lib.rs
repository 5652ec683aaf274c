//! # pc-sandbox
//!
//! A Partner Center–compatible server: the purchase-flow endpoints of Partner Center's REST API
//! (E1–E28: catalog, inventory, carts, checkout, orders, subscriptions, entitlements, billing) plus
//! customers and agreements, on SQLite or PostgreSQL through one sqlx code path. It enforces the
//! purchase rules at checkout with [`pc_core::validate_cart`] — the same function the portal runs
//! in the browser — so a rule lives in one place.
//!
//! * [`app`] builds the router for a [`AppState`]; `pc-sandbox serve` (the binary) parses flags
//!   and serves it. Tests call `app(state).oneshot(request)` in-process.
//! * Identity: an Entra-shaped OpenID Connect provider per seeded partner tenant ([`tenants`]):
//!   discovery, JWKS, a sign-in page for the demo users (authorization code + PKCE S256) and a
//!   token endpoint (authorization code, refresh token, client credentials, password). Tokens are
//!   RS256 with a key kept in the database. Every `/v1` call needs a token and sees only its own
//!   partner's data (anything else is 404); App+User-only operations refuse app-only tokens
//!   (403 `900329`) and Helpdesk agents may not buy.
//! * Time: orders join the customer's order list after [`Config::order_list_delay`];
//!   subscriptions, entitlements and order fulfillment appear after
//!   [`Config::provisioning_delay`]. Lifecycle time is the sandbox clock ([`AppState::now`]:
//!   real time + an offset that `POST /sandbox/clock` moves forward); tokens stay on real time.
//! * After the purchase: `PATCH` of a subscription (seats, cancel, auto-renew, scheduled
//!   next-term changes) and of a software order (cancellation), decided by pc-core's lifecycle
//!   rules; renewals and expiries at term end (`lifecycle`).
//! * Knobs for client tests: [`Config::throttle_per_minute`], [`Config::fault_rate`],
//!   [`Config::latency`].
//! * Other issuers' tokens are accepted on `/v1` when trusted ([`Config::trusted_issuers`]).
//!
//! ```no_run
//! # async fn run() -> anyhow::Result<()> {
//! let state = pc_sandbox::AppState::open("sqlite::memory:", pc_sandbox::Config::default()).await?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! axum::serve(listener, pc_sandbox::app(state)).await?;
//! # Ok(()) }
//! ```

mod auth;
mod billing;
mod carts;
mod catalog;
mod charges;
mod checkout;
mod clock;
mod customers;
mod entitlements;
mod error;
#[cfg(any(test, feature = "fuzzing"))]
pub mod fuzzing;
mod json;
mod keys;
mod knobs;
mod lifecycle;
mod oidc;
mod openapi;
mod orders;
mod page;
mod paging;
pub(crate) mod pdf;
mod profiles;
mod provisioning;
pub(crate) mod seed;
mod store;
mod subscriptions;
pub mod tenants;
mod token;
mod usage;

use std::num::NonZeroU32;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;

pub use error::{AppError, AppResult};
pub use store::Store;

use crate::auth::TrustedIssuers;
use crate::catalog::Catalog;
use crate::clock::Clock;
use crate::keys::SigningKey;
use crate::knobs::Throttle;

/// Largest request body accepted: 1 MiB. Larger bodies get 400 `800002` and nothing is written.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Server behaviour that the flags of `pc-sandbox serve` set.
#[derive(Debug, Clone)]
pub struct Config {
    /// How long a new order takes to appear in the customer's order list (E13/E14); it is
    /// readable by ID (E12) at once. Partner Center documents up to 15 minutes.
    pub order_list_delay: Duration,
    /// How long provisioning takes: until then orders are `pending`, subscriptions and
    /// entitlements are not listed, and registrations stay `registering`.
    pub provisioning_delay: Duration,
    /// Requests per minute allowed per partner tenant on `/v1` before 429; `None` = unlimited.
    pub throttle_per_minute: Option<NonZeroU32>,
    /// Probability (0–1) that a `/v1` call fails: half of the faults answer 503 before doing
    /// anything, half do the work and then answer 504 as if the response were lost (the case
    /// idempotent retries exist for).
    pub fault_rate: f64,
    /// Added delay before every `/v1` call is handled.
    pub latency: Duration,
    /// Directory of a built portal to serve at `/`.
    pub portal_dir: Option<PathBuf>,
    /// Lifetime of issued access and ID tokens (`expires_in`).
    pub token_lifetime: Duration,
    /// Redirect URIs the sign-in clients may use besides loopback `http` ones (`127.0.0.1`,
    /// `localhost`, `[::1]`, any port and path), compared exactly.
    pub redirect_uris: Vec<String>,
    /// Other OpenID issuers whose tokens `/v1` accepts (`iss` equal to one of these exactly,
    /// `aud` Partner Center, `tid` a seeded tenant); their keys come from
    /// `{issuer}/.well-known/openid-configuration` → `jwks_uri`.
    pub trusted_issuers: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            order_list_delay: Duration::from_secs(15 * 60),
            provisioning_delay: Duration::from_secs(30),
            throttle_per_minute: None,
            fault_rate: 0.0,
            latency: Duration::ZERO,
            portal_dir: None,
            token_lifetime: Duration::from_secs(3600),
            redirect_uris: Vec::new(),
            trusted_issuers: Vec::new(),
        }
    }
}

/// Shared state of the server: store, seeded catalog, configuration, signing key, trusted
/// issuers' keys, limiter.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    catalog: Catalog,
    config: Config,
    signing_key: SigningKey,
    trusted_issuers: TrustedIssuers,
    throttle: Option<Throttle>,
    http: reqwest::Client,
    clock: Clock,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// Opens (and creates when missing) the database at `database_url` — a `sqlite:` path,
    /// `sqlite::memory:`, or a `postgres://` URL — applies the migrations, seeds the demo
    /// tenants' data when absent, and builds the state.
    ///
    /// # Errors
    /// The database cannot be opened or migrated, or the HTTP client cannot be built.
    pub async fn open(database_url: &str, config: Config) -> anyhow::Result<Self> {
        let store = Store::open(database_url).await?;
        Self::with_store(store, config).await
    }

    /// Builds the state over an opened store (migrated and seeded here).
    ///
    /// # Errors
    /// Migration or seeding fails, or the HTTP client cannot be built.
    pub async fn with_store(store: Store, config: Config) -> anyhow::Result<Self> {
        store.migrate().await?;
        let catalog = Catalog::seeded();
        seed::seed(&store, &catalog).await?;
        lifecycle::backfill_terms(&store).await?;
        let signing_key = SigningKey::load_or_create(&store).await?;
        let clock = Clock::new(store.clock_offset().await?);
        let trusted_issuers = TrustedIssuers::new(config.trusted_issuers.clone());
        let throttle = config.throttle_per_minute.map(Throttle::per_minute);
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()?;
        Ok(Self {
            inner: Arc::new(Inner {
                store,
                catalog,
                config,
                signing_key,
                trusted_issuers,
                throttle,
                http,
                clock,
            }),
        })
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    pub(crate) fn catalog(&self) -> &Catalog {
        &self.inner.catalog
    }

    pub(crate) fn signing_key(&self) -> &SigningKey {
        &self.inner.signing_key
    }

    pub(crate) fn trusted_issuers(&self) -> &TrustedIssuers {
        &self.inner.trusted_issuers
    }

    pub(crate) fn throttle(&self) -> Option<&Throttle> {
        self.inner.throttle.as_ref()
    }

    pub(crate) fn http(&self) -> &reqwest::Client {
        &self.inner.http
    }

    pub(crate) fn clock(&self) -> &Clock {
        &self.inner.clock
    }
}

/// 404 for a path or method the sandbox does not serve.
async fn no_route(method: axum::http::Method, uri: axum::http::Uri) -> AppError {
    AppError::new(
        axum::http::StatusCode::NOT_FOUND,
        1000,
        format!("No such endpoint: {method} {uri}. GET /openapi.json lists every route."),
    )
}

/// The whole server: the identity provider, `/v1`, sandbox-only endpoints, `/openapi.json`,
/// and the portal at `/` when configured.
pub fn app(state: AppState) -> Router {
    let v1 = Router::new()
        .merge(catalog::router())
        .merge(customers::router())
        .merge(carts::router())
        .merge(orders::router())
        .merge(subscriptions::router())
        .merge(entitlements::router())
        .merge(billing::router())
        .merge(profiles::router());
    let v1 = knobs::layer(v1.fallback(no_route), &state);
    let mut router = Router::new()
        .nest("/v1", v1)
        .merge(billing::sandbox_router(&state))
        .merge(clock::router())
        .merge(oidc::router())
        .merge(openapi::router())
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::map_response_with_state(
            state.clone(),
            clock::date_header,
        ))
        .layer(axum::middleware::from_fn(knobs::request_ids))
        .layer(knobs::cors());
    if let Some(dir) = &state.config().portal_dir {
        router = router.fallback_service(pc_assets::service(dir));
    }
    router.with_state(state)
}
