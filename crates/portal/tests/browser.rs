//! Portal components in a browser (headless Chromium through wasm-bindgen-test-runner):
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p pc-portal --target wasm32-unknown-unknown --test browser`.
//! Natively this file compiles to nothing. The whole portal runs end to end in web/e2e.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    reason = "a test fails by panicking"
)]

use leptos::prelude::*;
use pc_core::rules::{Finding, FindingCode};
use pc_portal::components::findings::FindingList;
use pc_portal::i18n::Locale;
use pc_portal::state::{Added, CartDraft};
use pc_portal::{CurrentLocale, format};
use wasm_bindgen::JsCast as _;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let element = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&element).unwrap();
    element.dyn_into().unwrap()
}

/// Lets Leptos run the effects a signal change scheduled.
async fn settle() {
    gloo_timers::future::sleep(std::time::Duration::from_millis(0)).await;
}

#[wasm_bindgen_test]
async fn finding_list_explains_findings_in_the_current_locale_and_follows_changes() {
    let parent = container();
    let locale = RwSignal::new(Locale::EnUs);
    let findings = RwSignal::new(vec![
        Finding::line(FindingCode::QuantityOutOfRange, 0)
            .with("quantity", 0)
            .with("minimum", 1)
            .with("maximum", 300),
    ]);
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        provide_context(CurrentLocale(locale));
        view! { <FindingList findings=findings/> }
    });
    let text = || parent.text_content().unwrap_or_default();
    assert_eq!(
        text(),
        "Quantity 0 is outside the allowed 1–300. Partner Center would refuse this with error 900275."
    );
    assert!(
        parent
            .query_selector("li.finding.error[data-code=QuantityOutOfRange]")
            .unwrap()
            .is_some()
    );
    locale.set(Locale::SvSe);
    settle().await;
    assert!(text().starts_with("Antalet 0 ligger utanför"), "{}", text());
    findings.set(Vec::new());
    settle().await;
    assert_eq!(text(), "");
    drop(handle);
}

#[wasm_bindgen_test]
fn money_and_dates_go_through_intl_without_losing_decimals() {
    let usd = format::money(&"1234.5", "USD", Locale::EnUs);
    assert_eq!(usd, "$1,234.50");
    let sek = format::money(&"1234.5", "SEK", Locale::SvSe);
    assert_eq!(sek.replace('\u{a0}', " "), "1 234,50 kr");
    // More digits than f64 holds exactly: Intl formats the decimal string as given.
    let big = format::money(&"12345678901234567.89", "EUR", Locale::NlNl);
    assert!(big.contains("12.345.678.901.234.567,89"), "{big}");
    assert_eq!(format::money(&"5", "not a currency", Locale::EnUs), "5");
    assert_eq!(
        format::date("2026-03-02T09:30:00Z", Locale::EnUs, false),
        "Mar 2, 2026"
    );
    assert_eq!(
        format::date("not a date", Locale::EnUs, false),
        "not a date"
    );
    assert_eq!(format::term("P1Y", Locale::SvSe), "1 år");
    assert_eq!(format::term("P5Y", Locale::SvSe), "P5Y");
}

#[wasm_bindgen_test]
fn the_cart_draft_survives_a_reload_through_local_storage() {
    let availability: pc_core::models::Availability = serde_json::from_str(
        r#"{"productId": "P", "skuId": "S", "catalogItemId": "P:S:A", "terms": [{"duration": "P1M", "billingCycle": "monthly"}],
            "sku": {"minimumQuantity": 2, "provisioningVariables": ["Scope", "SubscriptionId"], "dynamicAttributes": {"duration": "1Year"}}}"#,
    )
    .unwrap();
    let mut draft = CartDraft::new("customer-1");
    assert_eq!(
        draft.add(&availability, "Thing".to_owned(), &[]),
        Added::Line { quantity: 2 }
    );
    // The same availability again: the SKU's minimum more seats on the same line.
    assert_eq!(
        draft.add(&availability, "Thing again".to_owned(), &[]),
        Added::Seats {
            added: 2,
            quantity: 4
        }
    );
    assert_eq!(draft.lines.len(), 1);
    // Another provisioning context (another Azure subscription) is another line.
    let other = [("subscriptionId".to_owned(), "sub-2".to_owned())];
    assert_eq!(
        draft.add(&availability, "Thing".to_owned(), &other),
        Added::Line { quantity: 2 }
    );
    draft.store();
    let loaded = CartDraft::load("customer-1");
    assert_eq!(loaded, draft);
    assert_eq!(loaded.lines[0].quantity, Some(4));
    assert_eq!(
        loaded.lines[0].provisioning_value("subscriptionId"),
        Some("")
    );
    let line = &loaded.lines[1];
    assert_eq!(line.id, Some(1));
    assert_eq!(line.quantity, Some(2));
    assert_eq!(line.term_duration.as_deref(), Some("P1M"));
    assert_eq!(line.provisioning_value("scope"), Some("shared"));
    assert_eq!(line.provisioning_value("subscriptionId"), Some("sub-2"));
    assert_eq!(
        loaded.catalog.len(),
        1,
        "one availability however many lines"
    );
    assert!(!loaded.is_saved());
    assert_eq!(CartDraft::load("customer-2"), CartDraft::new("customer-2"));
    CartDraft::new("customer-1").store();
    assert_eq!(CartDraft::load("customer-1"), CartDraft::new("customer-1"));
}

#[wasm_bindgen_test]
async fn served_without_a_gateway_the_portal_says_it_cannot_reach_one() {
    // The test runner's server has no /auth/session: the portal must say so, not spin.
    let parent = container();
    let handle = leptos::mount::mount_to(parent.clone(), pc_portal::App);
    let text = || parent.text_content().unwrap_or_default();
    for _ in 0..100 {
        if text().contains("Sign-in is not available") {
            break;
        }
        gloo_timers::future::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        text().contains("Sign-in is not available: the portal cannot reach its gateway (GET /auth/session: HTTP 404"),
        "{}",
        text()
    );
    assert!(
        parent
            .query_selector("a[href^='/auth/login']")
            .unwrap()
            .is_none()
    );
    drop(handle);
}

#[wasm_bindgen_test]
fn the_sign_in_link_keeps_the_wanted_path_on_this_site_only() {
    use pc_portal::session::login_href;
    assert_eq!(
        login_href("/customers/x/cart?tab=1"),
        "/auth/login?return_to=%2Fcustomers%2Fx%2Fcart%3Ftab%3D1"
    );
    assert_eq!(login_href("//evil.example/"), "/auth/login?return_to=%2F");
    assert_eq!(
        login_href("https://evil.example/"),
        "/auth/login?return_to=%2F"
    );
}

#[wasm_bindgen_test]
async fn quantity_input_refuses_what_is_not_a_whole_number_next_to_the_box() {
    use pc_portal::components::quantity::{QuantityInput, problem};
    let parent = container();
    let locale = RwSignal::new(Locale::EnUs);
    let text = RwSignal::new("abc".to_owned());
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        provide_context(CurrentLocale(locale));
        let reason = Signal::derive(move || text.with(|t| problem(t, &[], locale.get())));
        view! { <QuantityInput id="q".to_owned() label=Signal::derive(|| "Quantity".to_owned()) text=text problem=reason/> }
    });
    // The value is a property set by a render effect: let it run before reading it.
    settle().await;
    let input = || {
        parent
            .query_selector("input#q")
            .unwrap()
            .unwrap()
            .dyn_into::<web_sys::HtmlInputElement>()
            .unwrap()
    };
    let reason = || {
        parent
            .query_selector("#q-problem")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap_or_default()
    };
    assert_eq!(input().get_attribute("type").as_deref(), Some("text"));
    assert_eq!(
        input().get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        input().get_attribute("aria-describedby").as_deref(),
        Some("q-problem")
    );
    assert_eq!(input().value(), "abc");
    assert!(reason().contains("is not a whole number"), "{}", reason());
    for typed in ["5.5", "1e3"] {
        text.set(typed.to_owned());
        settle().await;
        assert!(reason().contains(typed), "{}", reason());
    }
    text.set(String::new());
    settle().await;
    assert!(reason().starts_with("Enter a quantity"), "{}", reason());
    locale.set(Locale::NlNl);
    settle().await;
    assert!(reason().starts_with("Vul een aantal in"), "{}", reason());
    text.set("5".to_owned());
    settle().await;
    assert_eq!(
        input().get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert_eq!(reason(), "");
    drop(handle);
}
