//! The rules contract's JSON: `parse_input` on any text, then `validate_cart` on what parses.
//!
//! Checked: neither panics; the validation is the same twice and serializes; the input as
//! pc-core writes it back parses again to the same validation.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pc_core::rules::{parse_input, validate_cart};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(input) = parse_input(text) else {
        return;
    };
    let validation = validate_cart(&input.cart, &input.context);
    assert_eq!(
        validation,
        validate_cart(&input.cart, &input.context),
        "not deterministic"
    );
    let json = serde_json::to_string(&validation).expect("a validation serializes");
    let written = serde_json::to_string(&input).expect("an input serializes");
    let again = parse_input(&written)
        .unwrap_or_else(|e| panic!("the input written back does not parse: {e}\n{written}"));
    let revalidated = validate_cart(&again.cart, &again.context);
    assert_eq!(
        serde_json::to_string(&revalidated).expect("a validation serializes"),
        json,
        "the input written back validates differently\n{written}"
    );
});
