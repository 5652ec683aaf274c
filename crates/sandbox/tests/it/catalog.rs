use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn products_skus_and_availabilities_walk_down_with_links_and_envelopes() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let products = sandbox
        .get("/v1/products?country=US&targetView=OnlineServices", &token)
        .await;
    assert_eq!(products.status, StatusCode::OK);
    assert_eq!(products.json["attributes"]["objectType"], "Collection");
    assert!(
        products.json["links"]["self"]["uri"]
            .as_str()
            .unwrap()
            .starts_with("/products?country=US")
    );
    let items = products.json["items"].as_array().unwrap();
    assert!(
        items.len() >= 10,
        "{} online-services products",
        items.len()
    );
    let basic = items
        .iter()
        .find(|p| p["id"] == BUSINESS_BASIC)
        .expect("Business Basic listed");
    assert_eq!(basic["productType"]["id"], "OnlineServicesNCE");
    assert_eq!(basic["attributes"]["objectType"], "Product");

    let product = sandbox
        .get(&format!("/v1/products/{BUSINESS_BASIC}?country=US"), &token)
        .await;
    assert_eq!(product.json["title"], basic["title"]);

    let availability = sandbox
        .availability(&token, BUSINESS_BASIC, "US", "commercial")
        .await;
    assert_eq!(availability["defaultCurrency"]["code"], "USD");
    assert_eq!(availability["country"], "US");
    let catalog_item = availability["catalogItemId"].as_str().unwrap();
    assert!(catalog_item.starts_with(&format!("{BUSINESS_BASIC}:")));
    let (sku, id) = (
        availability["skuId"].as_str().unwrap(),
        availability["id"].as_str().unwrap(),
    );
    let by_id = sandbox
        .get(
            &format!("/v1/products/{BUSINESS_BASIC}/skus/{sku}/availabilities/{id}?country=US"),
            &token,
        )
        .await;
    assert_eq!(by_id.json["catalogItemId"], catalog_item);
    let sku_reply = sandbox
        .get(
            &format!("/v1/products/{BUSINESS_BASIC}/skus/{sku}?country=US"),
            &token,
        )
        .await;
    assert_eq!(sku_reply.json["attributes"]["objectType"], "Sku");

    // Swedish availabilities are in SEK.
    let se = sandbox
        .availability(&token, BUSINESS_BASIC, "SE", "commercial")
        .await;
    assert_eq!(se["defaultCurrency"]["code"], "SEK");
}

#[tokio::test]
async fn catalog_errors_use_partner_center_codes() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let missing = sandbox
        .get("/v1/products/NOPE00000000?country=US", &token)
        .await;
    assert_eq!(
        (missing.status, missing.json["code"].as_i64()),
        (StatusCode::NOT_FOUND, Some(400013))
    );
    let sku = sandbox
        .get(
            &format!("/v1/products/{BUSINESS_BASIC}/skus/ZZZZ?country=US"),
            &token,
        )
        .await;
    assert_eq!(
        (sku.status, sku.json["code"].as_i64()),
        (StatusCode::NOT_FOUND, Some(400018))
    );
    let view = sandbox
        .get("/v1/products?country=US&targetView=Bogus", &token)
        .await;
    assert_eq!(
        (view.status, view.json["code"].as_i64()),
        (StatusCode::FORBIDDEN, Some(400036))
    );
    let segment = sandbox
        .get(
            "/v1/products?country=US&targetView=OnlineServices&targetSegment=pirates",
            &token,
        )
        .await;
    assert_eq!(
        (segment.status, segment.json["code"].as_i64()),
        (StatusCode::FORBIDDEN, Some(400030))
    );
    let no_country = sandbox
        .get("/v1/products?targetView=OnlineServices", &token)
        .await;
    assert_eq!(no_country.status, StatusCode::BAD_REQUEST);
    assert!(
        no_country.json["description"]
            .as_str()
            .unwrap()
            .contains("country")
    );
}

#[tokio::test]
async fn nonprofit_availabilities_come_back_only_when_asked_for() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let availability = sandbox
        .availability(&token, BUSINESS_BASIC, "US", "commercial")
        .await;
    let sku = availability["skuId"].as_str().unwrap();
    let default = sandbox
        .get(
            &format!("/v1/products/{BUSINESS_BASIC}/skus/{sku}/availabilities?country=US"),
            &token,
        )
        .await;
    let segments: Vec<&str> = default.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["segment"].as_str().unwrap())
        .collect();
    assert!(!segments.contains(&"nonprofit"), "{segments:?}");
    let nonprofit = sandbox
        .get(&format!("/v1/products/{BUSINESS_BASIC}/skus/{sku}/availabilities?country=US&targetSegment=nonprofit"), &token)
        .await;
    let items = nonprofit.json["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(items.iter().all(|a| a["segment"] == "nonprofit"));
}

#[tokio::test]
async fn inventory_check_answers_a_bare_array_and_restricts_restricted_regions() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let products = sandbox
        .get(
            "/v1/products?country=US&targetView=AzureReservationsVM",
            &token,
        )
        .await;
    let product = products.json["items"][0]["id"]
        .as_str()
        .expect("a reservation product")
        .to_owned();
    let request = json!({ "TargetItems": [{ "ProductId": product }], "InventoryContext": { "customerId": LITWARE, "azureSubscriptionId": "x", "armRegionName": "japanwest" } });
    let reply = sandbox
        .call(
            Method::POST,
            "/v1/extensions/product/checkinventory?country=US",
            &token,
            Some(request),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    let items = reply.json.as_array().expect("a bare array");
    assert!(!items.is_empty());
    assert!(
        items.iter().any(|i| i["isRestricted"] == true),
        "{}",
        reply.json
    );
    let empty = sandbox
        .call(
            Method::POST,
            "/v1/extensions/product/checkInventory?country=US",
            &token,
            Some(json!({ "targetItems": [] })),
        )
        .await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_customer_scoped_catalog_reads_the_customers_country() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("fabrikam").await;
    let products = sandbox
        .get(
            &format!("/v1/customers/{NORDLYS}/products?targetView=OnlineServices"),
            &token,
        )
        .await;
    assert_eq!(products.status, StatusCode::OK);
    let product = products.json["items"][0]["id"].as_str().unwrap();
    let skus = sandbox
        .get(
            &format!("/v1/customers/{NORDLYS}/products/{product}/skus"),
            &token,
        )
        .await;
    let sku = skus.json["items"][0]["id"].as_str().unwrap();
    let availabilities = sandbox
        .get(
            &format!("/v1/customers/{NORDLYS}/products/{product}/skus/{sku}/availabilities"),
            &token,
        )
        .await;
    assert_eq!(availabilities.json["items"][0]["country"], "SE");
}
