use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::common::*;

/// Checks out a one-cart purchase and returns the reply.
async fn buy(sandbox: &Sandbox, token: &str, customer: &str, lines: Vec<Value>) -> Reply {
    let cart = sandbox.cart(token, customer, lines).await;
    sandbox
        .checkout(token, customer, cart["id"].as_str().unwrap())
        .await
}

/// Asserts the only group failed with `code` and nothing was ordered.
async fn assert_group_fails(
    sandbox: &Sandbox,
    token: &str,
    customer: &str,
    line: Value,
    code: i64,
) {
    let reply = buy(sandbox, token, customer, vec![line]).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json);
    assert_eq!(
        reply.json["orders"].as_array().unwrap().len(),
        0,
        "{}",
        reply.json
    );
    assert_eq!(reply.json["orderErrors"][0]["code"], code, "{}", reply.json);
    assert!(
        !reply.json["orderErrors"][0]["description"]
            .as_str()
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_new_commerce_purchase_becomes_one_order_per_group() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let availability = sandbox
        .availability(&token, BUSINESS_BASIC, "US", "commercial")
        .await;
    let reply = buy(
        &sandbox,
        &token,
        NORTHWIND,
        vec![Sandbox::line(&availability, 3)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json);
    let order = &reply.json["orders"][0];
    assert_eq!(order["referenceCustomerId"], NORTHWIND);
    assert_eq!(order["currencyCode"], "USD");
    assert_eq!(order["lineItems"][0]["quantity"], 3);
    assert_eq!(
        order["lineItems"][0]["offerId"],
        availability["catalogItemId"]
    );
    assert!(order["totalPrice"].as_f64().unwrap() > 0.0);
    assert_eq!(reply.json["orderErrors"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn a_customer_without_the_customer_agreement_fails_the_whole_checkout_with_13605() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let availability = sandbox
        .availability(&token, BUSINESS_BASIC, "US", "commercial")
        .await;
    let reply = buy(
        &sandbox,
        &token,
        ADATUM,
        vec![Sandbox::line(&availability, 1)],
    )
    .await;
    assert_eq!(
        (reply.status, reply.json["code"].as_i64()),
        (StatusCode::BAD_REQUEST, Some(13605)),
        "{}",
        reply.json
    );
    assert!(
        reply.json["description"]
            .as_str()
            .unwrap()
            .contains("Customer Agreement")
    );
    let orders = sandbox
        .get(&format!("/v1/customers/{ADATUM}/orders"), &token)
        .await;
    assert_eq!(orders.json["items"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn each_line_finding_the_server_can_see_fails_its_group_with_its_code() {
    let sandbox = sandbox(quick()).await;
    let contoso = sandbox.token("contoso").await;
    let fabrikam = sandbox.token("fabrikam").await;
    let basic_us = sandbox
        .availability(&contoso, BUSINESS_BASIC, "US", "commercial")
        .await;

    // CatalogItemUnknown → 400019
    let mut unknown = Sandbox::line(&basic_us, 1);
    unknown["catalogItemId"] = json!("CFQ7TTC0LH18:0001:GONE00000000");
    assert_group_fails(&sandbox, &contoso, NORTHWIND, unknown, 400019).await;

    // QuantityOutOfRange → 900275
    let max = basic_us["sku"]["maximumQuantity"].as_i64().unwrap();
    assert_group_fails(
        &sandbox,
        &contoso,
        NORTHWIND,
        Sandbox::line(&basic_us, max + 1),
        900275,
    )
    .await;

    // TermNotOffered → 900268
    let mut term = Sandbox::line(&basic_us, 1);
    term["termDuration"] = json!("P5Y");
    assert_group_fails(&sandbox, &contoso, NORTHWIND, term, 900268).await;

    // BillingCycleNotSupported → 900269
    let mut cycle = Sandbox::line(&basic_us, 1);
    cycle["billingCycle"] = json!("triennial");
    assert_group_fails(&sandbox, &contoso, NORTHWIND, cycle, 900269).await;

    // CountryMismatch → 800070 (a Swedish availability for a US customer)
    let basic_se = sandbox
        .availability(&contoso, BUSINESS_BASIC, "SE", "commercial")
        .await;
    assert_group_fails(
        &sandbox,
        &contoso,
        NORTHWIND,
        Sandbox::line(&basic_se, 1),
        800070,
    )
    .await;

    // SegmentMismatch → 800020 (commercial availability for an education customer)
    assert_group_fails(
        &sandbox,
        &contoso,
        WOODGROVE_EDU,
        Sandbox::line(&basic_us, 1),
        800020,
    )
    .await;

    // MarketUnavailable → 800070 (software subscription for a Brazilian customer)
    let software_br = sandbox
        .find(
            &contoso,
            "SoftwareSubscriptions",
            "BR",
            "commercial",
            |_, _| true,
        )
        .await;
    assert_group_fails(
        &sandbox,
        &contoso,
        WINGTIP_BR,
        Sandbox::line(&software_br, 1),
        800070,
    )
    .await;

    // PerpetualSoftwareNotQualified → 2006 (Fabrikam is not qualified)
    let perpetual = sandbox
        .find(
            &fabrikam,
            "SoftwarePerpetual",
            "SE",
            "commercial",
            |_, _| true,
        )
        .await;
    assert_group_fails(
        &sandbox,
        &fabrikam,
        NORDLYS,
        Sandbox::line(&perpetual, 1),
        2006,
    )
    .await;

    // EuCustomerIneligible → 800020 (Vättern holds an Azure plan billed in EUR)
    let basic_se = sandbox
        .availability(&fabrikam, BUSINESS_BASIC, "SE", "commercial")
        .await;
    assert_group_fails(
        &sandbox,
        &fabrikam,
        VATTERN,
        Sandbox::line(&basic_se, 1),
        800020,
    )
    .await;

    // AttestationRequired → 900203 (Windows 365 without attestationAccepted)
    let windows365 = sandbox
        .find(&contoso, "OnlineServices", "US", "commercial", |_, sku| {
            sku["attestationProperties"]["enforceAttestation"] == true
        })
        .await;
    assert_group_fails(
        &sandbox,
        &contoso,
        NORTHWIND,
        Sandbox::line(&windows365, 1),
        900203,
    )
    .await;

    // Reservations: registered Azure plan of Litware is the first subscription holding one.
    let subscriptions = sandbox
        .get(&format!("/v1/customers/{LITWARE}/subscriptions"), &contoso)
        .await;
    let mut registered = None;
    let mut unregistered = None;
    for sub in subscriptions.json["items"].as_array().unwrap() {
        let id = sub["id"].as_str().unwrap();
        let status = sandbox
            .get(
                &format!("/v1/customers/{LITWARE}/subscriptions/{id}/registrationstatus"),
                &contoso,
            )
            .await;
        match status.json["status"].as_str() {
            Some("registered") => registered = Some(id.to_owned()),
            Some("notregistered") => unregistered = Some(id.to_owned()),
            _ => {}
        }
    }
    let (registered, unregistered) = (
        registered.expect("registered plan"),
        unregistered.expect("unregistered plan"),
    );
    let allowed = sandbox
        .find(
            &contoso,
            "AzureReservationsVM",
            "US",
            "commercial",
            |_, sku| !["japanwest", "brazilsouth", "westeurope"].contains(&region(sku)),
        )
        .await;
    let restricted = sandbox
        .find(
            &contoso,
            "AzureReservationsVM",
            "US",
            "commercial",
            |_, sku| region(sku) == "japanwest",
        )
        .await;

    // SubscriptionNotRegistered → 800030
    assert_group_fails(
        &sandbox,
        &contoso,
        LITWARE,
        reservation_line(&allowed, &unregistered),
        800030,
    )
    .await;
    // InventoryUnavailable → 800010
    assert_group_fails(
        &sandbox,
        &contoso,
        LITWARE,
        reservation_line(&restricted, &registered),
        800010,
    )
    .await;
    // ProvisioningContextMissing → 800002
    let mut no_context = reservation_line(&allowed, &registered);
    no_context["provisioningContext"] = json!({ "subscriptionId": registered });
    assert_group_fails(&sandbox, &contoso, LITWARE, no_context, 800002).await;

    // And the same reservation with everything in order is bought, with an entitlement.
    let ok = buy(
        &sandbox,
        &contoso,
        LITWARE,
        vec![reservation_line(&allowed, &registered)],
    )
    .await;
    assert_eq!(
        ok.json["orders"].as_array().unwrap().len(),
        1,
        "{}",
        ok.json
    );
    assert_eq!(ok.json["orders"][0]["billingCycle"], "one_time");
}

#[tokio::test]
async fn a_failing_group_does_not_stop_the_other_groups() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let basic_br = sandbox
        .availability(&token, BUSINESS_BASIC, "BR", "commercial")
        .await;
    let software_br = sandbox
        .find(
            &token,
            "SoftwareSubscriptions",
            "BR",
            "commercial",
            |_, _| true,
        )
        .await;
    let mut software = Sandbox::line(&software_br, 1);
    software["id"] = json!(1);
    let cart = sandbox
        .cart(
            &token,
            WINGTIP_BR,
            vec![Sandbox::line(&basic_br, 2), software],
        )
        .await;
    let groups: Vec<&str> = cart["lineItems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["orderGroup"].as_str().unwrap())
        .collect();
    assert_ne!(
        groups[0], groups[1],
        "monthly licenses and one-time software are separate orders"
    );
    let reply = sandbox
        .checkout(&token, WINGTIP_BR, cart["id"].as_str().unwrap())
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
    assert_eq!(
        reply.json["orders"].as_array().unwrap().len(),
        1,
        "{}",
        reply.json
    );
    assert_eq!(reply.json["orderErrors"].as_array().unwrap().len(), 1);
    assert_eq!(reply.json["orderErrors"][0]["orderGroupId"], groups[1]);
    assert_eq!(reply.json["orderErrors"][0]["code"], 800070);
    let cart_after = sandbox
        .get(
            &format!(
                "/v1/customers/{WINGTIP_BR}/carts/{}",
                cart["id"].as_str().unwrap()
            ),
            &token,
        )
        .await;
    assert_eq!(cart_after.json["status"], "Ordered");
}

#[tokio::test]
async fn checkout_is_idempotent_per_cart() {
    for db in databases().await {
        let sandbox = sandbox_on(&db.url, quick()).await;
        let token = sandbox.token("contoso").await;
        let availability = sandbox
            .availability(&token, BUSINESS_BASIC, "US", "commercial")
            .await;
        let cart = sandbox
            .cart(&token, NORTHWIND, vec![Sandbox::line(&availability, 1)])
            .await;
        let id = cart["id"].as_str().unwrap();
        let first = sandbox.checkout(&token, NORTHWIND, id).await;
        let second = sandbox.checkout(&token, NORTHWIND, id).await;
        assert_eq!(first.status, StatusCode::CREATED);
        assert_eq!(first.json, second.json, "{}", db.url);
        let orders = sandbox
            .get(&format!("/v1/customers/{NORTHWIND}/orders"), &token)
            .await;
        assert_eq!(orders.json["items"].as_array().unwrap().len(), 1);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn thirty_two_concurrent_checkouts_of_one_cart_create_one_set_of_orders() {
    for db in databases().await {
        let sandbox = std::sync::Arc::new(sandbox_on(&db.url, quick()).await);
        let token = sandbox.token("contoso").await;
        let basic = sandbox
            .availability(&token, BUSINESS_BASIC, "US", "commercial")
            .await;
        let software = sandbox
            .find(
                &token,
                "SoftwareSubscriptions",
                "US",
                "commercial",
                |_, _| true,
            )
            .await;
        let mut second = Sandbox::line(&software, 1);
        second["id"] = json!(1);
        let cart = sandbox
            .cart(&token, TAILSPIN, vec![Sandbox::line(&basic, 2), second])
            .await;
        let id = cart["id"].as_str().unwrap().to_owned();
        let tasks: Vec<_> = (0..32)
            .map(|_| {
                let (sandbox, token, id) = (sandbox.clone(), token.clone(), id.clone());
                tokio::spawn(async move { sandbox.checkout(&token, TAILSPIN, &id).await })
            })
            .collect();
        let mut results = Vec::new();
        for task in tasks {
            let reply = task.await.unwrap();
            assert!(
                matches!(reply.status.as_u16(), 201 | 409),
                "{} {}",
                reply.status,
                reply.json
            );
            if reply.status == StatusCode::CREATED {
                results.push(reply.json);
            }
        }
        assert!(!results.is_empty());
        assert!(
            results.iter().all(|r| r == &results[0]),
            "every winner sees the same orders"
        );
        let orders = sandbox
            .get(&format!("/v1/customers/{TAILSPIN}/orders"), &token)
            .await;
        // The customer's seeded holdings are orders too (`seed-…`); count only this cart's.
        let placed = orders.json["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| !o["id"].as_str().unwrap_or_default().starts_with("seed-"))
            .count();
        assert_eq!(placed, 2, "{}: one order per group, once", db.url);
    }
}
