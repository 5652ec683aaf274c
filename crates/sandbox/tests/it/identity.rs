use axum::body::Body;
use axum::http::{Request, StatusCode};

use crate::common::*;

#[tokio::test]
async fn token_endpoint_issues_bearer_tokens_for_seeded_tenants_only() {
    let sandbox = sandbox(quick()).await;
    let form = |tenant: &str, secret: &str| {
        Request::post(format!("/{tenant}/oauth2/v2.0/token"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(format!(
                "grant_type=client_credentials&client_id={tenant}-app&client_secret={secret}&scope=https://api.partnercenter.microsoft.com/.default"
            )))
            .unwrap()
    };
    let ok = sandbox.send(form("contoso", "contoso-secret")).await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(ok.json["token_type"], "Bearer");
    assert_eq!(ok.json["expires_in"], 3600);
    assert!(ok.json["access_token"].as_str().unwrap().len() > 40);

    let wrong = sandbox.send(form("contoso", "fabrikam-secret")).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.json["error"], "invalid_client");

    let unknown = sandbox.send(form("northwind", "x")).await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert_eq!(unknown.json["error"], "invalid_tenant");

    let bad_scope = sandbox
        .send(
            Request::post("/fabrikam/oauth2/v2.0/token")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from("grant_type=client_credentials&client_id=fabrikam-app&client_secret=fabrikam-secret&scope=openid"))
                .unwrap(),
        )
        .await;
    assert_eq!(bad_scope.json["error"], "invalid_scope");
}

#[tokio::test]
async fn v1_without_a_valid_token_is_401_with_the_partner_center_error_body() {
    let sandbox = sandbox(quick()).await;
    let missing = sandbox
        .send(Request::get("/v1/customers").body(Body::empty()).unwrap())
        .await;
    assert_eq!(missing.status, StatusCode::UNAUTHORIZED);
    assert_eq!(missing.json["code"], 800001);
    assert_eq!(missing.json["source"], "PartnerFD");
    assert!(
        missing.json["description"]
            .as_str()
            .unwrap()
            .contains("token")
    );
    assert!(missing.headers.contains_key("www-authenticate"));

    let forged = sandbox
        .get("/v1/customers", "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl")
        .await;
    assert_eq!(forged.status, StatusCode::UNAUTHORIZED);
    assert_eq!(forged.json["code"], 400);

    // A token signed by another sandbox (another key) is refused too.
    let other = sandbox_on("sqlite::memory:", quick()).await;
    let foreign = other.token("contoso").await;
    assert_eq!(
        sandbox.get("/v1/customers", &foreign).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn expired_tokens_are_refused() {
    let config = pc_sandbox::Config {
        token_lifetime: std::time::Duration::ZERO,
        ..quick()
    };
    let sandbox = sandbox(config).await;
    let token = sandbox.token("contoso").await;
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let reply = sandbox.get("/v1/customers", &token).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert!(
        reply.json["description"]
            .as_str()
            .unwrap()
            .contains("expired"),
        "{}",
        reply.json
    );
}

#[tokio::test]
async fn a_partner_sees_only_its_own_customers_carts_orders_and_invoices() {
    let sandbox = sandbox(quick()).await;
    let contoso = sandbox.token("contoso").await;
    let fabrikam = sandbox.token("fabrikam").await;

    let mine = sandbox.get("/v1/customers", &contoso).await;
    let ids: Vec<&str> = mine.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&NORTHWIND));
    assert!(!ids.contains(&NORDLYS));

    assert_eq!(
        sandbox
            .get(&format!("/v1/customers/{NORDLYS}"), &contoso)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        sandbox
            .get(&format!("/v1/customers/{NORDLYS}/subscriptions"), &contoso)
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // Fabrikam's cart and order are invisible to Contoso, even with the right IDs.
    let availability = sandbox
        .availability(&fabrikam, BUSINESS_BASIC, "SE", "commercial")
        .await;
    let cart = sandbox
        .cart(&fabrikam, NORDLYS, vec![Sandbox::line(&availability, 2)])
        .await;
    let cart_id = cart["id"].as_str().unwrap();
    assert_eq!(
        sandbox
            .get(
                &format!("/v1/customers/{NORDLYS}/carts/{cart_id}"),
                &contoso
            )
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        sandbox.checkout(&contoso, NORDLYS, cart_id).await.status,
        StatusCode::NOT_FOUND
    );
    let result = sandbox.checkout(&fabrikam, NORDLYS, cart_id).await;
    assert_eq!(result.status, StatusCode::CREATED, "{}", result.json);
    let order_id = result.json["orders"][0]["id"].as_str().unwrap();
    assert_eq!(
        sandbox
            .get(
                &format!("/v1/customers/{NORDLYS}/orders/{order_id}"),
                &contoso
            )
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        sandbox
            .get(
                &format!("/v1/customers/{NORDLYS}/orders/{order_id}"),
                &fabrikam
            )
            .await
            .status,
        StatusCode::OK
    );

    let invoices = sandbox.get("/v1/invoices", &fabrikam).await;
    let invoice_id = invoices.json["items"][0]["id"].as_str().unwrap();
    // Reading one invoice needs an App+User token.
    let contoso_user = sandbox.user_token("admin@contoso.example").await;
    let fabrikam_user = sandbox.user_token("admin@fabrikam.example").await;
    let uri = format!("/v1/invoices/{invoice_id}");
    assert_eq!(
        sandbox.get(&uri, &contoso_user).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        sandbox.get(&uri, &fabrikam_user).await.status,
        StatusCode::OK
    );
}
