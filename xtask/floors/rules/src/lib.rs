//! The floor of the npm package's rules entry: only `validateCart` (no `explainFinding`, no
//! context builder, no lifecycle rules), decoding its input with pc-core's models and decoder as
//! the package does. `cargo xtask size --floors` builds and measures it.

use pc_core::rules::{CheckCartInput, validate_cart};
use wasm_bindgen::prelude::*;

/// `{"cart": Cart, "context": PurchaseContext}` → `{"findings", "orderGroups"}`, as JSON text.
///
/// # Errors
/// The decoder's message when the input is not of that shape.
#[wasm_bindgen(js_name = validateCart)]
pub fn validate(input: &str) -> Result<String, String> {
    let input: CheckCartInput = pc_core::json::decode(input.as_bytes())
        .map_err(|e| format!("{}: {}", e.path, e.message))?;
    serde_json::to_string(&validate_cart(&input.cart, &input.context)).map_err(|e| e.to_string())
}
