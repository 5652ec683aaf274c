use std::time::Duration;

use axum::http::{Method, StatusCode};

use crate::common::*;

#[tokio::test]
async fn orders_list_after_the_delay_and_provisioning_moves_pending_to_completed() {
    let config = pc_sandbox::Config {
        order_list_delay: Duration::from_millis(1500),
        provisioning_delay: Duration::from_millis(700),
        ..quick()
    };
    let sandbox = sandbox(config).await;
    // Provisioning status is App+User only.
    let token = sandbox.user_token("sales@contoso.example").await;
    let availability = sandbox
        .availability(&token, BUSINESS_BASIC, "US", "commercial")
        .await;
    let cart = sandbox
        .cart(&token, NORTHWIND, vec![Sandbox::line(&availability, 4)])
        .await;
    let result = sandbox
        .checkout(&token, NORTHWIND, cart["id"].as_str().unwrap())
        .await;
    let order_id = result.json["orders"][0]["id"].as_str().unwrap().to_owned();
    let order_uri = format!("/v1/customers/{NORTHWIND}/orders/{order_id}");

    // At once: readable by ID, pending, without subscription IDs; not listed; no subscriptions.
    let order = sandbox.get(&order_uri, &token).await;
    assert_eq!(order.json["status"], "pending");
    assert!(order.json["lineItems"][0].get("subscriptionId").is_none());
    assert_eq!(
        sandbox
            .get(&format!("/v1/customers/{NORTHWIND}/orders"), &token)
            .await
            .json["items"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    assert_eq!(
        sandbox
            .get(&format!("/v1/customers/{NORTHWIND}/subscriptions"), &token)
            .await
            .json["items"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    let status = sandbox
        .get(&format!("{order_uri}/provisioningstatus"), &token)
        .await;
    assert_eq!(status.json["items"][0]["status"], "prefulfillment_pending");

    tokio::time::sleep(Duration::from_millis(800)).await;
    let order = sandbox.get(&order_uri, &token).await;
    assert_eq!(order.json["status"], "completed");
    let subscription_id = order.json["lineItems"][0]["subscriptionId"]
        .as_str()
        .unwrap()
        .to_owned();
    let subscriptions = sandbox
        .get(
            &format!("/v1/customers/{NORTHWIND}/subscriptions?order_id={order_id}"),
            &token,
        )
        .await;
    assert_eq!(
        subscriptions.json["items"][0]["id"],
        subscription_id.as_str()
    );
    assert_eq!(subscriptions.json["items"][0]["quantity"], 4);
    assert!(subscriptions.json["items"][0]["cancellationAllowedUntilDate"].is_string());
    let provisioning = sandbox
        .get(
            &format!(
                "/v1/customers/{NORTHWIND}/subscriptions/{subscription_id}/provisioningstatus"
            ),
            &token,
        )
        .await;
    assert_eq!(provisioning.json["status"], "success");
    assert_eq!(
        sandbox
            .get(&format!("{order_uri}/provisioningstatus"), &token)
            .await
            .json["items"][0]["status"],
        "fulfilled"
    );
    // Still not listed: the listing delay is longer.
    assert_eq!(
        sandbox
            .get(&format!("/v1/customers/{NORTHWIND}/orders"), &token)
            .await
            .json["items"]
            .as_array()
            .unwrap()
            .len(),
        0
    );

    tokio::time::sleep(Duration::from_millis(800)).await;
    let listed = sandbox
        .get(&format!("/v1/customers/{NORTHWIND}/orders"), &token)
        .await;
    assert_eq!(listed.json["items"][0]["id"], order_id.as_str());
    let monthly = sandbox
        .get(
            &format!("/v1/customers/{NORTHWIND}/orders?billingType=monthly"),
            &token,
        )
        .await;
    assert_eq!(monthly.json["items"].as_array().unwrap().len(), 1);
    let one_time = sandbox
        .get(
            &format!("/v1/customers/{NORTHWIND}/orders?billingType=onetime"),
            &token,
        )
        .await;
    assert_eq!(one_time.json["items"].as_array().unwrap().len(), 0);
    let bad = sandbox
        .get(
            &format!("/v1/customers/{NORTHWIND}/orders?billingType=weekly"),
            &token,
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn registration_moves_notregistered_registering_registered() {
    let config = pc_sandbox::Config {
        provisioning_delay: Duration::from_millis(600),
        ..quick()
    };
    let sandbox = sandbox(config).await;
    let token = sandbox.token("fabrikam").await;
    let subscriptions = sandbox
        .get(&format!("/v1/customers/{GOTA}/subscriptions"), &token)
        .await;
    let mut target = None;
    for sub in subscriptions.json["items"].as_array().unwrap() {
        let id = sub["id"].as_str().unwrap();
        let status = sandbox
            .get(
                &format!("/v1/customers/{GOTA}/subscriptions/{id}/registrationstatus"),
                &token,
            )
            .await;
        if status.json["status"] == "notregistered" {
            target = Some(id.to_owned());
        }
    }
    let id = target.expect("an unregistered Azure subscription");
    let base = format!("/v1/customers/{GOTA}/subscriptions/{id}");
    let accepted = sandbox
        .call(Method::POST, &format!("{base}/registrations"), &token, None)
        .await;
    assert_eq!(accepted.status, StatusCode::ACCEPTED);
    assert_eq!(
        accepted.headers["location"],
        format!("/customers/{GOTA}/subscriptions/{id}/registrationstatus").as_str()
    );
    assert_eq!(
        sandbox
            .get(&format!("{base}/registrationstatus"), &token)
            .await
            .json["status"],
        "registering"
    );
    tokio::time::sleep(Duration::from_millis(700)).await;
    let done = sandbox
        .get(&format!("{base}/registrationstatus"), &token)
        .await;
    assert_eq!(done.json["status"], "registered");
    assert_eq!(
        done.json["attributes"]["objectType"],
        "SubscriptionRegistrationStatus"
    );
}

#[tokio::test]
async fn one_time_purchases_produce_entitlements() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let perpetual = sandbox
        .find(&token, "SoftwarePerpetual", "US", "commercial", |_, _| true)
        .await;
    let cart = sandbox
        .cart(&token, NORTHWIND, vec![Sandbox::line(&perpetual, 2)])
        .await;
    let result = sandbox
        .checkout(&token, NORTHWIND, cart["id"].as_str().unwrap())
        .await;
    assert_eq!(
        result.json["orders"].as_array().unwrap().len(),
        1,
        "{}",
        result.json
    );
    let entitlements = sandbox
        .get(
            &format!("/v1/customers/{NORTHWIND}/entitlements?entitlementType=software"),
            &token,
        )
        .await;
    let first = &entitlements.json["items"][0];
    assert_eq!(first["entitlementType"], "software");
    assert_eq!(first["quantity"], 2);
    assert_eq!(
        first["referenceOrder"]["id"],
        result.json["orders"][0]["id"]
    );
    assert!(
        first["entitledArtifacts"][0]["dynamicAttributes"]["productKey"]
            .as_str()
            .unwrap()
            .len()
            == 29
    );
    let reservations = sandbox
        .get(
            &format!("/v1/customers/{NORTHWIND}/entitlements?entitlementType=reservedInstance"),
            &token,
        )
        .await;
    assert_eq!(reservations.json["items"].as_array().unwrap().len(), 0);
}
