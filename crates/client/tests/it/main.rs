//! pc-client against a real pc-sandbox over HTTP (one binary; modules by concern).
#![cfg(all(feature = "native", not(target_arch = "wasm32")))]
// Test helpers outside `#[test]` functions may unwrap what the test itself built.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// Starting sandboxes, clients and tokens.
mod common;
// Every operation, in purchase-flow order.
mod operations;
// Unbilled and billed line items, seek paging.
mod billing;
// After the purchase: subscription changes, software cancellation, the server's time.
mod lifecycle;
// How often the token provider is asked: token lifetime, 401 refresh, single-flight.
mod tokens;
// Retries, throttling, token refresh, idempotent checkout under faults, the journal.
mod resilience;
