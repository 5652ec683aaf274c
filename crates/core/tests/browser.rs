//! The purchase rules running in a browser (headless Chromium through wasm-bindgen-test-runner):
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p pc-core --target wasm32-unknown-unknown --test browser`.
//! Natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]
// clippy does not see `#[wasm_bindgen_test]` functions as tests.
#![allow(clippy::panic, reason = "a test fails by panicking")]

use pc_core::rules::{CheckCartInput, parse_input, validate_cart};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// A US commercial new-commerce availability `P:S:A`: quantity 1..=300, monthly or annual
/// billing, one P1M term.
const NEW_COMMERCE_AVAILABILITY: &str = r#"{
    "id": "A",
    "productId": "P",
    "skuId": "S",
    "catalogItemId": "P:S:A",
    "country": "US",
    "segment": "commercial",
    "isPurchasable": true,
    "terms": [{ "duration": "P1M" }],
    "product": { "id": "P", "productType": { "id": "OnlineServicesNCE" } },
    "sku": {
        "id": "S",
        "productId": "P",
        "minimumQuantity": 1,
        "maximumQuantity": 300,
        "supportedBillingCycles": ["monthly", "annual"]
    }
}"#;

/// One new-commerce line buying five monthly P1M seats of `P:S:A`.
const ONE_LINE_CART: &str = r#"{
    "lineItems": [{
        "id": 0,
        "catalogItemId": "P:S:A",
        "quantity": 5,
        "termDuration": "P1M",
        "billingCycle": "monthly"
    }]
}"#;

/// Parses `{"cart": cart, "context": …}` with a US commercial customer who accepted the Microsoft
/// Customer Agreement and `catalog` (a JSON array) as the catalog.
fn input(cart: &str, catalog: &str) -> CheckCartInput {
    let json = format!(
        r#"{{
            "cart": {cart},
            "context": {{
                "now": "2026-11-21T12:00:00Z",
                "partner": {{
                    "country": "US",
                    "billingCurrency": "USD",
                    "perpetualSoftwareQualified": false
                }},
                "customer": {{
                    "country": "US",
                    "segment": "commercial",
                    "isNewCustomer": true,
                    "customerAgreementAccepted": true
                }},
                "catalog": {catalog},
                "inventory": []
            }}
        }}"#
    );
    match parse_input(&json) {
        Ok(input) => input,
        Err(error) => panic!("test input does not parse: {error}"),
    }
}

#[wasm_bindgen_test]
fn an_empty_cart_is_reported() {
    let input = input(r#"{ "lineItems": [] }"#, "[]");
    let validation = validate_cart(&input.cart, &input.context);
    let codes: Vec<&str> = validation
        .findings
        .iter()
        .map(|finding| finding.code.as_str())
        .collect();
    assert_eq!(codes, ["CartEmpty"]);
    assert_eq!(validation.findings[0].line_item_id, None);
    assert!(!validation.is_purchasable());
}

#[wasm_bindgen_test]
fn a_line_missing_from_the_catalog_is_unknown() {
    let input = input(ONE_LINE_CART, "[]");
    let validation = validate_cart(&input.cart, &input.context);
    assert_eq!(validation.findings.len(), 1, "{:?}", validation.findings);
    let finding = &validation.findings[0];
    assert_eq!(finding.code.as_str(), "CatalogItemUnknown");
    assert_eq!(finding.line_item_id, Some(0));
    assert_eq!(finding.partner_center_error_code, Some(400_019));
    assert!(!validation.is_purchasable());
}

#[wasm_bindgen_test]
fn a_valid_new_commerce_line_is_purchasable_in_one_order() {
    let input = input(ONE_LINE_CART, &format!("[{NEW_COMMERCE_AVAILABILITY}]"));
    let validation = validate_cart(&input.cart, &input.context);
    assert!(validation.findings.is_empty(), "{:?}", validation.findings);
    assert!(validation.is_purchasable());
    assert_eq!(validation.order_groups.len(), 1);
    let group = &validation.order_groups[0];
    assert_eq!(group.order_group, "0");
    assert_eq!(group.line_item_ids, [0]);
    let json = match serde_json::to_value(group) {
        Ok(json) => json,
        Err(error) => panic!("order group does not serialize: {error}"),
    };
    assert_eq!(json["billingCycle"], "monthly");
}
