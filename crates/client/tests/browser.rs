//! pc-client in headless Chromium: a whole purchase through the browser transport against a
//! pc-sandbox that `cargo xtask test` starts and names in `PC_SANDBOX_URL` at build time.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use pc_client::journal::LocalStorageJournal;
use pc_client::transport::BrowserTransport;
use pc_client::{CatalogQuery, Client, Journal, StaticToken};
use pc_core::enums::BillingCycle;
use pc_core::models::{Cart, CartLineItem};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const NORTHWIND: &str = "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a01";

fn sandbox_url() -> &'static str {
    option_env!("PC_SANDBOX_URL").expect("PC_SANDBOX_URL is not set: run the browser tests through `cargo xtask test`, which starts a sandbox")
}

async fn token(base: &str) -> String {
    let form = "grant_type=client_credentials&client_id=contoso-app&client_secret=contoso-secret&scope=https%3A%2F%2Fapi.partnercenter.microsoft.com%2F.default";
    let response = gloo_net::http::Request::post(&format!("{base}/contoso/oauth2/v2.0/token"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form)
        .unwrap()
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = response.json().await.unwrap();
    body["access_token"].as_str().unwrap().to_owned()
}

#[wasm_bindgen_test]
async fn a_purchase_through_the_browser_transport() {
    let base = sandbox_url();
    let journal_key = "pc-client-test.checkout-journal";
    let client = Client::builder(base, BrowserTransport, StaticToken(token(base).await))
        .journal(LocalStorageJournal::new(journal_key))
        .build();
    let us = CatalogQuery {
        country: "US",
        ..CatalogQuery::default()
    };
    let skus = client.skus().list("CFQ7TTC0LH18", &us).await.unwrap();
    let sku = skus[0].id.as_ref().unwrap().as_str().to_owned();
    let availability = client
        .availabilities()
        .list("CFQ7TTC0LH18", &sku, &us)
        .await
        .unwrap()
        .remove(0);
    let cart = Cart {
        line_items: Some(vec![CartLineItem {
            id: Some(0),
            catalog_item_id: availability.catalog_item_id.clone(),
            quantity: Some(3),
            billing_cycle: Some(BillingCycle::Monthly.into()),
            term_duration: Some("P1M".to_owned()),
            ..CartLineItem::default()
        }]),
        ..Cart::default()
    };
    let created = client.carts().create(NORTHWIND, &cart).await.unwrap();
    assert_eq!(
        created.line_items.as_ref().unwrap()[0]
            .order_group
            .as_deref(),
        Some("0")
    );
    let result = client
        .carts()
        .checkout(NORTHWIND, created.id.as_ref().unwrap().as_str())
        .await
        .unwrap();
    let order_id = result.orders.unwrap()[0].id.clone().unwrap();
    let order = client
        .orders()
        .get(NORTHWIND, order_id.as_str())
        .await
        .unwrap();
    assert_eq!(order.line_items.unwrap()[0].quantity, Some(3));
    assert!(
        LocalStorageJournal::new(journal_key)
            .pending()
            .unwrap()
            .is_empty(),
        "outcome known: journal cleared"
    );
}

/// The host's token callback in the browser: asked once for several calls (some at once), and
/// once more, fresh, after Partner Center refused its token.
#[wasm_bindgen_test]
async fn the_token_callback_is_asked_once_per_token() {
    use std::cell::RefCell;
    use std::rc::Rc;

    use futures_util::TryStreamExt as _;
    use pc_client::TokenFn;
    use pc_core::models::Order;

    let base = sandbox_url();
    let asked = Rc::new(RefCell::new(Vec::new()));
    let log = asked.clone();
    let provider = TokenFn(move |fresh: bool| {
        // The first token is one the sandbox refuses, as a revoked one would be.
        let first = log.borrow().is_empty();
        log.borrow_mut().push(fresh);
        async move {
            if first {
                Ok("revoked".to_owned())
            } else {
                Ok(token(sandbox_url()).await)
            }
        }
    });
    let client = Client::builder(base, BrowserTransport, provider).build();
    let customers = client.customers();
    let (customer, qualifications, agreements) = futures_util::future::join3(
        customers.get(NORTHWIND),
        customers.qualifications(NORTHWIND),
        customers.agreements(NORTHWIND, None),
    )
    .await;
    assert_eq!(customer.unwrap().company_name(), Some("Northwind Traders"));
    qualifications.unwrap();
    agreements.unwrap();
    let _: Vec<Order> = client.orders().list(NORTHWIND).try_collect().await.unwrap();
    customers.get(NORTHWIND).await.unwrap();
    assert_eq!(asked.borrow().as_slice(), [false, true]);
    assert_eq!(client.token_requests(), 2);
    // 3 refused, 3 retried, 2 more.
    assert_eq!(client.requests_sent(), 8);
}
