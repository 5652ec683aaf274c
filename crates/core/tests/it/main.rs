//! pc-core integration tests (one binary; see each module).
#![cfg(not(target_arch = "wasm32"))]

mod fixtures;
mod properties;
mod rules;
