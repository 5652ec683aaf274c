use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn create_fills_order_group_currency_pricing_expiry_and_line_errors() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let availability = sandbox
        .availability(&token, BUSINESS_BASIC, "US", "commercial")
        .await;
    let mut bogus = Sandbox::line(&availability, 1);
    bogus["id"] = json!(1);
    bogus["catalogItemId"] = json!("CFQ7TTC0LH18:0001:NOTREAL00000");
    let cart = sandbox
        .cart(
            &token,
            NORTHWIND,
            vec![Sandbox::line(&availability, 3), bogus],
        )
        .await;

    assert_eq!(cart["status"], "Active");
    assert_eq!(cart["attributes"]["objectType"], "Cart");
    let created =
        chrono::DateTime::parse_from_rfc3339(cart["creationTimestamp"].as_str().unwrap()).unwrap();
    let expires =
        chrono::DateTime::parse_from_rfc3339(cart["expirationTimestamp"].as_str().unwrap())
            .unwrap();
    assert_eq!((expires - created).num_days(), 7);

    let good = &cart["lineItems"][0];
    assert_eq!(good["orderGroup"], "0");
    assert_eq!(good["currencyCode"], "USD");
    let unit: f64 = good["pricing"]["price"].as_f64().unwrap();
    assert!(unit > 0.0);
    assert!((good["pricing"]["extendedPrice"].as_f64().unwrap() - unit * 3.0).abs() < 0.001);
    assert!(good.get("error").is_none(), "{good}");

    let bad = &cart["lineItems"][1];
    assert_eq!(bad["error"]["errorCode"], "catalog_item_id_is_not_valid");

    // GET returns what was stored.
    let id = cart["id"].as_str().unwrap();
    let fetched = sandbox
        .get(&format!("/v1/customers/{NORTHWIND}/carts/{id}"), &token)
        .await;
    assert_eq!(fetched.json, cart);
}

#[tokio::test]
async fn create_retried_with_the_same_request_id_returns_the_same_cart() {
    for db in databases().await {
        let sandbox = sandbox_on(&db.url, quick()).await;
        let token = sandbox.token("contoso").await;
        let availability = sandbox
            .availability(&token, BUSINESS_BASIC, "US", "commercial")
            .await;
        let body = json!({ "lineItems": [Sandbox::line(&availability, 1)] });
        let uri = format!("/v1/customers/{NORTHWIND}/carts");
        let request_id = uuid::Uuid::new_v4().to_string();
        let first = sandbox
            .call_with(
                Method::POST,
                &uri,
                &token,
                Some(body.clone()),
                &[("MS-RequestId", &request_id)],
            )
            .await;
        let second = sandbox
            .call_with(
                Method::POST,
                &uri,
                &token,
                Some(body.clone()),
                &[("MS-RequestId", &request_id)],
            )
            .await;
        assert_eq!(first.status, StatusCode::CREATED);
        assert_eq!(second.status, StatusCode::CREATED);
        assert_eq!(first.json["id"], second.json["id"], "{}", db.url);
        assert_eq!(second.headers["ms-requestid"], request_id.as_str());
        let third = sandbox.call(Method::POST, &uri, &token, Some(body)).await;
        assert_ne!(third.json["id"], first.json["id"]);
    }
}

#[tokio::test]
async fn update_replaces_lines_and_an_ordered_cart_cannot_change() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let availability = sandbox
        .availability(&token, BUSINESS_BASIC, "US", "commercial")
        .await;
    let mut cart = sandbox
        .cart(&token, NORTHWIND, vec![Sandbox::line(&availability, 1)])
        .await;
    let id = cart["id"].as_str().unwrap().to_owned();
    cart["lineItems"][0]["quantity"] = json!(5);
    let uri = format!("/v1/customers/{NORTHWIND}/carts/{id}");
    let updated = sandbox
        .call(Method::PUT, &uri, &token, Some(cart.clone()))
        .await;
    assert_eq!(updated.status, StatusCode::CREATED, "{}", updated.json);
    assert_eq!(updated.json["lineItems"][0]["quantity"], 5);
    assert_eq!(updated.json["creationTimestamp"], cart["creationTimestamp"]);
    let price = updated.json["lineItems"][0]["pricing"]["price"]
        .as_f64()
        .unwrap();
    assert!(
        (updated.json["lineItems"][0]["pricing"]["extendedPrice"]
            .as_f64()
            .unwrap()
            - price * 5.0)
            .abs()
            < 0.001
    );

    assert_eq!(
        sandbox.checkout(&token, NORTHWIND, &id).await.status,
        StatusCode::CREATED
    );
    let late = sandbox.call(Method::PUT, &uri, &token, Some(cart)).await;
    assert_eq!(
        (late.status, late.json["code"].as_i64()),
        (StatusCode::BAD_REQUEST, Some(800065))
    );
}

#[tokio::test]
async fn bad_bodies_get_400_with_the_json_path_and_nothing_is_written() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let uri = format!("/v1/customers/{NORTHWIND}/carts");
    let raw = |body: Vec<u8>| {
        Request::post(uri.clone())
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "application/json")
            .body(Body::from(body))
            .unwrap()
    };
    let malformed = sandbox.send(raw(b"{\"lineItems\": [".to_vec())).await;
    assert_eq!(
        (malformed.status, malformed.json["code"].as_i64()),
        (StatusCode::BAD_REQUEST, Some(800002))
    );

    let wrong_type = sandbox.send(raw(br#"{"lineItems": [{"catalogItemId": "A:B:C", "quantity": "many", "billingCycle": "monthly"}]}"#.to_vec())).await;
    assert_eq!(wrong_type.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        wrong_type.json["data"][0]["path"],
        "$.lineItems[0].quantity"
    );

    let missing = sandbox
        .send(raw(
            br#"{"lineItems": [{"catalogItemId": "A:B:C", "billingCycle": "monthly"}]}"#.to_vec(),
        ))
        .await;
    assert_eq!(missing.json["data"][0]["path"], "$.lineItems[0].quantity");

    let empty = sandbox.send(raw(br#"{"lineItems": []}"#.to_vec())).await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);

    let mut huge = br#"{"lineItems": [], "padding": ""#.to_vec();
    huge.extend(std::iter::repeat_n(b'x', 1024 * 1024 + 10));
    huge.extend(br#""}"#);
    let too_big = sandbox.send(raw(huge)).await;
    assert_eq!(
        (too_big.status, too_big.json["code"].as_i64()),
        (StatusCode::BAD_REQUEST, Some(800002)),
        "{}",
        too_big.json
    );
    assert!(
        too_big.json["description"]
            .as_str()
            .unwrap()
            .contains("larger than")
    );

    // Nothing was written: no order appears and a retried good request still works.
    let orders = sandbox
        .get(&format!("/v1/customers/{NORTHWIND}/orders"), &token)
        .await;
    assert_eq!(orders.json["items"].as_array().unwrap().len(), 0);
    let unknown = sandbox
        .get(
            &format!("/v1/customers/{NORTHWIND}/carts/{}", uuid::Uuid::new_v4()),
            &token,
        )
        .await;
    assert_eq!(
        (unknown.status, unknown.json["code"].as_i64()),
        (StatusCode::NOT_FOUND, Some(800008))
    );
}
