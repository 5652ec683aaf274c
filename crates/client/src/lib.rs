//! # pc-client
//!
//! A typed Partner Center client: every purchase-flow operation of Partner Center's
//! [REST API reference](https://learn.microsoft.com/partner-center/developer/partner-center-rest-api-reference)
//! (E1–E28, customers, agreements) returning pc-core models, grouped by resource
//! (`client.products()`, `.carts()`, `.orders()`, …).
//!
//! * Transport apart from requests: `transport::BrowserTransport` (gloo-net, feature `browser`) and
//!   `transport::ReqwestTransport` (feature `native`); each exists only with its feature, so they
//!   are not linked here.
//! * Tokens from a [`TokenProvider`], each kept until [`RENEW_BEFORE_EXPIRY`] before its JWT
//!   `exp` (without a readable `exp`, until a 401); calls that find none share one provider
//!   call. On 401 one fresh token is asked for and the call retried. [`CookieSession`] sends
//!   none (a same-origin gateway authenticates by its session cookie).
//! * `MS-CorrelationId` per operation; `MS-RequestId` kept across retries after timeouts (and
//!   always for non-idempotent calls), new after a response otherwise; `X-Locale`.
//! * Retries with backoff and jitter for timeouts, 5xx and 429 (never before `Retry-After`),
//!   bounded by a budget ([`RetryPolicy`]).
//! * Collections as streams that follow `links.next` and `MS-ContinuationToken`.
//! * The server's time from the responses' `Date` headers ([`Client::server_now`], [`clock`]),
//!   for deadlines the server sets.
//! * A checkout [`journal`]: checkouts interrupted by a reload or crash are resumed with
//!   [`Client::resume_checkouts`] and never buy twice.
//!
//! ```no_run
//! # #[cfg(feature = "native")]
//! # async fn run() -> Result<(), pc_client::Error> {
//! use pc_client::{Client, StaticToken, transport::ReqwestTransport};
//! let transport = ReqwestTransport::new(std::time::Duration::from_secs(30))?;
//! let client = Client::builder("http://127.0.0.1:8080", transport, StaticToken("…".into())).build();
//! let customer = client.customers().get("0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a01").await?;
//! # let _ = customer; Ok(()) }
//! ```

mod client;
pub mod clock;
mod error;
pub mod journal;
pub mod requests;
mod resources;
mod token;
pub mod transport;

pub use client::{Client, ClientBuilder, Operation, PARTNER_CENTER, Reply, RetryPolicy};
pub use error::{Error, explanation_key};
pub use journal::{Journal, JournalEntry, MemoryJournal};
pub use requests::{BillingPeriod, CatalogQuery};
pub use resources::{
    Availabilities, Carts, Customers, Entitlements, Inventory, Invoices, Orders, Products, Skus,
    Subscriptions,
};
pub use token::{
    CookieSession, RENEW_BEFORE_EXPIRY, StaticToken, TokenFn, TokenFuture, TokenProvider,
    token_expiry,
};
