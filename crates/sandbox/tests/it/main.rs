//! pc-sandbox integration tests: one binary (ripgrep style), modules per resource.
//!
//! Most tests run in-process (`app(state).oneshot(request)`) against `sqlite::memory:`; the
//! store-heavy ones also run against PostgreSQL when `PC_SANDBOX_TEST_POSTGRES_URL` names a
//! server whose user may create databases (`.ci/run` starts Debian's PostgreSQL for this).

// Test helpers outside `#[test]` functions may unwrap what the test itself built.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// Shared helpers: sandbox construction, tokens, requests, catalog look-ups.
mod common;

// Token endpoint, bearer checks, tenant isolation.
mod identity;
// The identity provider: discovery, JWKS, sign-in page, code flow with PKCE, refresh, password
// grant; app-only and Helpdesk limits; the legal business profile.
mod oidc;
// Catalog E1–E7 and the customer-scoped catalog.
mod catalog;
// Customers, agreements, qualifications.
mod customers;
// Carts E8–E10: filling, idempotent create, update, bad input.
mod carts;
// Checkout E11: rule enforcement per finding, partial success, idempotency, concurrency.
mod checkout;
// Orders, subscriptions, entitlements and registration over time.
mod fulfillment;
// Billing E23–E28, the PDF statement, closing a period.
mod billing;
// After the purchase: the sandbox clock, seat changes, cancellation, renewals, software
// order cancellation, etags and concurrent changes.
mod lifecycle;
// Throttling, injected faults, request IDs, openapi.json coverage.
mod knobs;
// /openapi.json: the answers to its examples match its schemas.
mod openapi;
// Over a real port: the whole purchase flow, a trusted issuer, kill -9 crash safety.
mod server;
