//! pc-core integration tests (one binary; see each module).
#![cfg(not(target_arch = "wasm32"))]
// Test helpers outside `#[test]` functions may unwrap what the test itself built.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod fixtures;
mod fuzzed;
mod lifecycle;
mod properties;
mod rules;
