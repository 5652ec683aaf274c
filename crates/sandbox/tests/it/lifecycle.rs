//! After the purchase (issue 15): the sandbox clock, seat changes and cancellation inside and
//! outside the 168-hour window, credit lines, auto-renew, renewals with scheduled changes,
//! perpetual software cancellation, etags and concurrent changes.

use std::str::FromStr as _;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use chrono::{DateTime, Utc};
use pc_core::models::{Order, Subscription};
use pc_core::rules::ProductKind;
use pc_core::rules::lifecycle::{
    SubscriptionChange, SubscriptionFacts, charged_period, prorate, refund, software_refund,
};
use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::common::*;

/// Windows Server 2025 Standard: perpetual software.
const WINDOWS_SERVER: &str = "DG7GMGF0PWHC";

/// A purchase: its order, the subscription of its first line, and that line's price.
struct Bought {
    order: Value,
    subscription: Value,
    unit_price: Decimal,
    currency: String,
}

impl Bought {
    fn id(&self) -> &str {
        self.subscription["id"].as_str().unwrap()
    }

    fn order_id(&self) -> &str {
        self.order["id"].as_str().unwrap()
    }
}

fn subscription_uri(customer: &str, id: &str) -> String {
    format!("/v1/customers/{customer}/subscriptions/{id}")
}

/// Buys `quantity` of `product` (US, commercial) for `customer` with `term` and `cycle`.
async fn buy(
    sandbox: &Sandbox,
    token: &str,
    customer: &str,
    product: &str,
    term: Option<&str>,
    cycle: &str,
    quantity: i64,
) -> Bought {
    let availability = sandbox
        .availability(token, product, "US", "commercial")
        .await;
    let mut line = Sandbox::line(&availability, quantity);
    line["billingCycle"] = json!(cycle);
    match term {
        Some(term) => line["termDuration"] = json!(term),
        None => {
            if let Some(object) = line.as_object_mut() {
                object.remove("termDuration");
            }
        }
    }
    let cart = sandbox.cart(token, customer, vec![line]).await;
    let checkout = sandbox
        .checkout(token, customer, cart["id"].as_str().unwrap())
        .await;
    assert_eq!(checkout.status, StatusCode::CREATED, "{}", checkout.json);
    let order = checkout.json["orders"][0].clone();
    assert!(order.is_object(), "{}", checkout.json);
    let decoded: Order = serde_json::from_value(order.clone()).unwrap();
    let line = &decoded.line_items.as_ref().unwrap()[0];
    let unit_price = line.pricing.as_ref().and_then(|p| p.price).unwrap();
    let id = line.subscription_id.as_ref().unwrap().as_str().to_owned();
    let subscription = sandbox.get(&subscription_uri(customer, &id), token).await;
    assert_eq!(subscription.status, StatusCode::OK, "{}", subscription.json);
    Bought {
        order,
        subscription: subscription.json,
        unit_price,
        currency: decoded.currency_code.clone().unwrap(),
    }
}

async fn patch(sandbox: &Sandbox, token: &str, uri: &str, body: Value) -> Reply {
    sandbox.call(Method::PATCH, uri, token, Some(body)).await
}

async fn advance(sandbox: &Sandbox, token: &str, duration: &str) -> DateTime<Utc> {
    let reply = sandbox
        .call(
            Method::POST,
            "/sandbox/clock",
            token,
            Some(json!({ "advance": duration })),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    instant(&reply.json["now"])
}

async fn clock(sandbox: &Sandbox, token: &str) -> DateTime<Utc> {
    let reply = sandbox.get("/sandbox/clock", token).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    instant(&reply.json["now"])
}

fn instant(value: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(value.as_str().expect("a timestamp"))
        .expect("RFC 3339")
        .with_timezone(&Utc)
}

fn decimal(value: &Value) -> Decimal {
    Decimal::from_str(&value.to_string()).expect("a number")
}

/// The unbilled OneTime lines of the current period in `currency` for `subscription_id`.
async fn unbilled(
    sandbox: &Sandbox,
    token: &str,
    currency: &str,
    subscription_id: &str,
) -> Vec<Value> {
    let reply = sandbox
        .get(
            &format!("/v1/invoices/unbilled/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&currencycode={currency}&period=current&size=2000"),
            token,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    reply.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["subscriptionId"] == subscription_id)
        .cloned()
        .collect()
}

fn lines_of<'l>(lines: &'l [Value], charge_type: &str) -> Vec<&'l Value> {
    lines
        .iter()
        .filter(|l| l["chargeType"] == charge_type)
        .collect()
}

/// pc-core's facts of a subscription as the API returned it.
fn facts(subscription: &Value, bought: &Bought) -> SubscriptionFacts {
    SubscriptionFacts {
        subscription: serde_json::from_value::<Subscription>(subscription.clone()).unwrap(),
        kind: ProductKind::NewCommerceLicense,
        unit_price: Some(bought.unit_price),
        currency: Some(bought.currency.clone()),
        availability: None,
    }
}

/// The refund pc-core gives `change` of `subscription` at `now`.
fn expected_refund(
    subscription: &Value,
    bought: &Bought,
    change: &SubscriptionChange,
    now: DateTime<Utc>,
) -> Decimal {
    refund(&facts(subscription, bought), change, now)
        .expect("pc-core allows the change")
        .amount
}

#[tokio::test]
async fn the_clock_needs_a_token_moves_forward_only_and_explains_bad_durations() {
    let sandbox = sandbox(quick()).await;
    for method in [Method::GET, Method::POST] {
        let anonymous = sandbox
            .send(
                Request::builder()
                    .method(method.clone())
                    .uri("/sandbox/clock")
                    .header("content-type", "application/json")
                    .body(Body::from(r#"{"advance":"P8D"}"#))
                    .unwrap(),
            )
            .await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED, "{method}");
        assert_eq!(anonymous.json["code"], 800_001);
    }
    let token = sandbox.token("fabrikam").await;
    let before = clock(&sandbox, &token).await;
    assert!((before - Utc::now()).num_seconds().abs() < 60, "{before}");
    for bad in [
        json!({ "advance": "8 days" }),
        json!({ "advance": "-P1D" }),
        json!({ "advance": "P11Y" }),
        json!({ "advance": "PT" }),
        json!({ "advance": 8 }),
        json!({}),
    ] {
        let reply = sandbox
            .call(Method::POST, "/sandbox/clock", &token, Some(bad.clone()))
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(reply.json["code"], 800_002, "{bad}");
        assert!(!reply.json["description"].as_str().unwrap().is_empty());
    }
    assert!(clock(&sandbox, &token).await - before < chrono::Duration::minutes(1));
    let after = advance(&sandbox, &token, "P8D").await;
    let moved = after - before;
    assert!(
        moved >= chrono::Duration::days(8)
            && moved < chrono::Duration::days(8) + chrono::Duration::minutes(1),
        "{moved}"
    );
    let hours = advance(&sandbox, &token, "PT12H").await - after;
    assert!(hours >= chrono::Duration::hours(12) && hours < chrono::Duration::hours(13));
    // The clock is the sandbox's, for every tenant; tokens stay on real time and keep working
    // ten years later.
    let contoso = sandbox.token("contoso").await;
    let later = advance(&sandbox, &contoso, "P10Y").await;
    assert!(clock(&sandbox, &token).await >= later);
    let customers = sandbox.get("/v1/customers", &token).await;
    assert_eq!(customers.status, StatusCode::OK);
    // Every answer is dated on the sandbox clock, so clients that read "now" from the server
    // see the same ten years.
    let date = customers.headers["date"].to_str().unwrap();
    let dated = chrono::DateTime::parse_from_rfc2822(date).unwrap();
    let gap = (dated.with_timezone(&Utc) - clock(&sandbox, &token).await).num_seconds();
    assert!(
        gap.abs() <= 2,
        "Date {date} is {gap} s from the sandbox clock"
    );
}

#[tokio::test]
async fn seats_are_reduced_and_the_subscription_cancelled_inside_the_window_with_credits_equal_to_pc_core_refunds()
 {
    for db in databases().await {
        let sandbox = sandbox_on(&db.url, quick()).await;
        let token = sandbox.token("contoso").await;
        let bought = buy(
            &sandbox,
            &token,
            NORTHWIND,
            BUSINESS_BASIC,
            Some("P1Y"),
            "monthly",
            5,
        )
        .await;
        let uri = subscription_uri(NORTHWIND, bought.id());
        assert_eq!(bought.subscription["billingCycle"], "monthly", "{}", db.url);
        assert_eq!(bought.subscription["actions"], json!(["edit", "cancel"]));
        assert_eq!(
            bought.subscription["refundableQuantity"]["totalQuantity"],
            5
        );

        let now = clock(&sandbox, &token).await;
        let credit = expected_refund(
            &bought.subscription,
            &bought,
            &SubscriptionChange::Quantity { quantity: 3 },
            now,
        );
        assert!(credit > Decimal::ZERO);
        let reduced = patch(&sandbox, &token, &uri, json!({ "quantity": 3 })).await;
        assert_eq!(
            reduced.status,
            StatusCode::OK,
            "{}: {}",
            db.url,
            reduced.json
        );
        assert_eq!(reduced.json["quantity"], 3);
        assert_eq!(reduced.json["refundableQuantity"]["totalQuantity"], 3);
        assert_ne!(
            reduced.json["attributes"]["etag"], bought.subscription["attributes"]["etag"],
            "every write changes the etag"
        );
        let lines = unbilled(&sandbox, &token, "USD", bought.id()).await;
        let removed = lines_of(&lines, "removeQuantity");
        assert_eq!(removed.len(), 1, "{lines:?}");
        assert_eq!(decimal(&removed[0]["subtotal"]), -credit);
        assert_eq!(decimal(&removed[0]["totalForCustomer"]), -credit);
        assert_eq!(removed[0]["quantity"], 2.0);
        assert_eq!(removed[0]["orderId"], bought.order_id());

        let now = clock(&sandbox, &token).await;
        let credit = expected_refund(&reduced.json, &bought, &SubscriptionChange::Cancel, now);
        let cancelled = patch(&sandbox, &token, &uri, json!({ "status": "deleted" })).await;
        assert_eq!(cancelled.status, StatusCode::OK, "{}", cancelled.json);
        assert_eq!(cancelled.json["status"], "deleted");
        assert_eq!(cancelled.json["actions"], json!([]));
        assert_eq!(cancelled.json["autoRenewEnabled"], false);
        let lines = unbilled(&sandbox, &token, "USD", bought.id()).await;
        let cancel = lines_of(&lines, "cancel");
        assert_eq!(cancel.len(), 1);
        assert_eq!(decimal(&cancel[0]["subtotal"]), -credit);
        assert_eq!(cancel[0]["quantity"], 3.0);
        let read = sandbox.get(&uri, &token).await;
        assert_eq!(read.json["status"], "deleted");
        // Nothing changes on a deleted subscription.
        let again = patch(&sandbox, &token, &uri, json!({ "quantity": 4 })).await;
        assert_eq!(again.status, StatusCode::BAD_REQUEST);
        assert_eq!(again.json["data"][0]["finding"], "SubscriptionNotActive");
    }
}

#[tokio::test]
async fn after_eight_days_seats_can_be_added_and_only_added_ones_removed_but_nothing_cancelled() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let bought = buy(
        &sandbox,
        &token,
        NORTHWIND,
        BUSINESS_BASIC,
        Some("P1Y"),
        "monthly",
        5,
    )
    .await;
    let uri = subscription_uri(NORTHWIND, bought.id());
    advance(&sandbox, &token, "P8D").await;
    let current = sandbox.get(&uri, &token).await.json;
    assert_eq!(
        current["actions"],
        json!(["edit"]),
        "cancel is gone with the window"
    );
    assert_eq!(current["refundableQuantity"]["totalQuantity"], 0);

    let refused = patch(&sandbox, &token, &uri, json!({ "quantity": 4 })).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.json);
    assert_eq!(refused.json["code"], 900_214);
    assert_eq!(
        refused.json["data"][0]["finding"],
        "SeatReductionWindowPassed"
    );
    assert_eq!(refused.json["source"], "PartnerFD");

    let now = clock(&sandbox, &token).await;
    let (start, end) = charged_period(&facts(&current, &bought).subscription).unwrap();
    let charge = prorate(bought.unit_price, 2, start, end, now).unwrap();
    assert!(charge > Decimal::ZERO && charge < bought.unit_price * Decimal::from(2));
    let added = patch(&sandbox, &token, &uri, json!({ "quantity": 7 })).await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.json);
    assert_eq!(added.json["quantity"], 7);
    let refundable = &added.json["refundableQuantity"];
    assert_eq!(refundable["totalQuantity"], 2);
    let until = instant(&refundable["details"][0]["allowedUntilDateTime"]);
    let window = until - now;
    assert!(
        window >= chrono::Duration::hours(168)
            && window < chrono::Duration::hours(168) + chrono::Duration::minutes(1),
        "the added seats have their own 168 hours: {window}"
    );
    let lines = unbilled(&sandbox, &token, "USD", bought.id()).await;
    let add = lines_of(&lines, "addQuantity");
    assert_eq!(add.len(), 1, "{lines:?}");
    assert_eq!(decimal(&add[0]["subtotal"]), charge);
    assert_eq!(add[0]["quantity"], 2.0);

    // Only the two added seats are inside a window.
    let too_many = patch(&sandbox, &token, &uri, json!({ "quantity": 4 })).await;
    assert_eq!(too_many.status, StatusCode::BAD_REQUEST);
    assert_eq!(too_many.json["code"], 800_090);
    let now = clock(&sandbox, &token).await;
    let credit = expected_refund(
        &added.json,
        &bought,
        &SubscriptionChange::Quantity { quantity: 5 },
        now,
    );
    let back = patch(&sandbox, &token, &uri, json!({ "quantity": 5 })).await;
    assert_eq!(back.status, StatusCode::OK, "{}", back.json);
    assert_eq!(back.json["refundableQuantity"]["totalQuantity"], 0);
    let lines = unbilled(&sandbox, &token, "USD", bought.id()).await;
    let removed = lines_of(&lines, "removeQuantity");
    assert_eq!(removed.len(), 1);
    assert_eq!(decimal(&removed[0]["subtotal"]), -credit);

    let cancel = patch(&sandbox, &token, &uri, json!({ "status": "deleted" })).await;
    assert_eq!(cancel.status, StatusCode::BAD_REQUEST);
    assert_eq!(cancel.json["code"], 900_117);
    assert_eq!(
        cancel.json["data"][0]["finding"],
        "CancellationWindowPassed"
    );
    assert!(
        cancel.json["description"]
            .as_str()
            .unwrap()
            .contains("900117"),
        "{}",
        cancel.json
    );
    assert_eq!(sandbox.get(&uri, &token).await.json["status"], "active");
}

#[tokio::test]
async fn auto_renew_off_expires_at_term_end_and_a_renewal_applies_the_scheduled_quantity_and_billing_cycle()
 {
    for db in databases().await {
        let sandbox = sandbox_on(&db.url, quick()).await;
        let token = sandbox.token("contoso").await;
        let monthly = buy(
            &sandbox,
            &token,
            NORTHWIND,
            BUSINESS_BASIC,
            Some("P1M"),
            "monthly",
            2,
        )
        .await;
        let yearly = buy(
            &sandbox,
            &token,
            NORTHWIND,
            BUSINESS_BASIC,
            Some("P1Y"),
            "monthly",
            5,
        )
        .await;
        let monthly_uri = subscription_uri(NORTHWIND, monthly.id());
        let yearly_uri = subscription_uri(NORTHWIND, yearly.id());

        let off = patch(
            &sandbox,
            &token,
            &monthly_uri,
            json!({ "autoRenewEnabled": false }),
        )
        .await;
        assert_eq!(off.status, StatusCode::OK, "{}: {}", db.url, off.json);
        assert_eq!(off.json["autoRenewEnabled"], false);
        let offer: Vec<&str> = yearly.subscription["offerId"]
            .as_str()
            .unwrap()
            .split(':')
            .collect();
        let instructions = json!({
            "product": {
                "productId": offer[0],
                "skuId": offer[1],
                "availabilityId": offer[2],
                "billingCycle": "annual",
                "termDuration": "P1Y"
            },
            "quantity": 8
        });
        let refused = patch(
            &sandbox,
            &token,
            &monthly_uri,
            json!({ "scheduledNextTermInstructions": instructions }),
        )
        .await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST);
        assert_eq!(refused.json["data"][0]["finding"], "AutoRenewDisabled");
        let scheduled = patch(
            &sandbox,
            &token,
            &yearly_uri,
            json!({ "scheduledNextTermInstructions": instructions }),
        )
        .await;
        assert_eq!(scheduled.status, StatusCode::OK, "{}", scheduled.json);
        assert_eq!(
            scheduled.json["scheduledNextTermInstructions"]["quantity"],
            8
        );

        // One month on: the monthly term ended without auto-renew.
        advance(&sandbox, &token, "P1M").await;
        let expired = sandbox.get(&monthly_uri, &token).await.json;
        assert_eq!(expired["status"], "expired", "{}", db.url);
        assert_eq!(expired["actions"], json!([]));
        let still = sandbox.get(&yearly_uri, &token).await.json;
        assert_eq!(still["status"], "active");
        assert_eq!(still["quantity"], 5);

        // To an hour after 00:00 UTC after the yearly term's last day: it renewed then.
        let old_end = instant(&yearly.subscription["commitmentEndDate"]);
        let renews_at = old_end
            .date_naive()
            .succ_opt()
            .unwrap()
            .and_hms_opt(1, 0, 0)
            .unwrap()
            .and_utc();
        let hours = (renews_at - clock(&sandbox, &token).await).num_hours() + 1;
        let now = advance(&sandbox, &token, &format!("PT{hours}H")).await;
        let renewed = sandbox.get(&yearly_uri, &token).await.json;
        assert_eq!(renewed["status"], "active");
        assert_eq!(renewed["quantity"], 8);
        assert_eq!(renewed["billingCycle"], "annual");
        assert!(
            renewed.get("scheduledNextTermInstructions").is_none(),
            "{renewed}"
        );
        let new_end = instant(&renewed["commitmentEndDate"]);
        assert!(
            new_end > old_end + chrono::Duration::days(364),
            "{old_end} → {new_end}"
        );
        let renewal = instant(&renewed["cancellationAllowedUntilDate"]) - chrono::Duration::days(7);
        assert!(
            renewal <= now && renewal > old_end,
            "the term started anew at {renewal}"
        );
        assert_eq!(renewed["refundableQuantity"]["totalQuantity"], 8);
        assert_eq!(renewed["actions"], json!(["edit", "cancel"]));

        let lines = unbilled(&sandbox, &token, "USD", yearly.id()).await;
        let renew = lines_of(&lines, "renew");
        assert_eq!(renew.len(), 1, "{lines:?}");
        assert_eq!(renew[0]["quantity"], 8.0);
        let annual_price = decimal(&renew[0]["unitPrice"]);
        assert_eq!(
            annual_price,
            bought_price(&sandbox, &token, &yearly, "annual").await
        );
        assert_eq!(
            decimal(&renew[0]["subtotal"]),
            annual_price * Decimal::from(8)
        );
        assert!(
            lines_of(
                &unbilled(&sandbox, &token, "USD", monthly.id()).await,
                "renew"
            )
            .is_empty()
        );

        // The renewed seats have a new window: reducing them is allowed again.
        let reduced = patch(&sandbox, &token, &yearly_uri, json!({ "quantity": 6 })).await;
        assert_eq!(reduced.status, StatusCode::OK, "{}", reduced.json);
        // Reading again renews nothing twice.
        sandbox.get(&yearly_uri, &token).await;
        let lines = unbilled(&sandbox, &token, "USD", yearly.id()).await;
        assert_eq!(lines_of(&lines, "renew").len(), 1);
        assert_eq!(lines_of(&lines, "removeQuantity").len(), 1);
    }
}

/// The catalog's unit price of `bought`'s availability for `cycle` on a one-year term, as a
/// cart prices it.
async fn bought_price(sandbox: &Sandbox, token: &str, bought: &Bought, cycle: &str) -> Decimal {
    let line = json!({
        "id": 0,
        "catalogItemId": bought.subscription["offerId"],
        "quantity": 1,
        "termDuration": "P1Y",
        "billingCycle": cycle,
    });
    let cart = sandbox.cart(token, NORTHWIND, vec![line]).await;
    decimal(&cart["lineItems"][0]["pricing"]["price"])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_changes_and_clock_advances_write_each_change_and_renewal_once() {
    for db in databases().await {
        let sandbox = Arc::new(sandbox_on(&db.url, quick()).await);
        let token = sandbox.token("contoso").await;
        let bought = buy(
            &sandbox,
            &token,
            NORTHWIND,
            BUSINESS_BASIC,
            Some("P1M"),
            "monthly",
            5,
        )
        .await;
        let uri = subscription_uri(NORTHWIND, bought.id());
        let tasks: Vec<_> = (0..16)
            .map(|_| {
                let (sandbox, token, uri) = (sandbox.clone(), token.clone(), uri.clone());
                tokio::spawn(async move {
                    patch(&sandbox, &token, &uri, json!({ "quantity": 4 })).await
                })
            })
            .collect();
        for task in tasks {
            let reply = task.await.unwrap();
            assert!(
                matches!(reply.status.as_u16(), 200 | 409),
                "{}: {} {}",
                db.url,
                reply.status,
                reply.json
            );
        }
        let lines = unbilled(&sandbox, &token, "USD", bought.id()).await;
        assert_eq!(
            lines_of(&lines, "removeQuantity").len(),
            1,
            "{}: {lines:?}",
            db.url
        );

        // Six monthly terms pass while the subscription is read concurrently.
        let tasks: Vec<_> = (0..12)
            .map(|n| {
                let (sandbox, token, uri) = (sandbox.clone(), token.clone(), uri.clone());
                tokio::spawn(async move {
                    if n % 2 == 0 {
                        advance(&sandbox, &token, "P1M").await;
                    } else {
                        assert_eq!(sandbox.get(&uri, &token).await.status, StatusCode::OK);
                    }
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap();
        }
        let read = sandbox.get(&uri, &token).await.json;
        let lines = unbilled(&sandbox, &token, "USD", bought.id()).await;
        let renewals = lines_of(&lines, "renew");
        let mut starts: Vec<&str> = renewals
            .iter()
            .map(|l| l["chargeStartDate"].as_str().unwrap())
            .collect();
        starts.sort_unstable();
        starts.dedup();
        assert_eq!(
            starts.len(),
            renewals.len(),
            "{}: a term renews once: {renewals:?}",
            db.url
        );
        assert!(
            (5..=6).contains(&renewals.len()),
            "{}: one renewal per month that ended: {}",
            db.url,
            renewals.len()
        );
        // commitmentEndDate is the term's last day (inclusive), written as its midnight; the
        // clock may stand on that day, which the six concurrent advances (each a month from the
        // now it saw) reach or not depending on their order. The term runs to the end of it.
        let end = instant(&read["commitmentEndDateTime"]);
        let now = clock(&sandbox, &token).await;
        assert!(end > now, "the current term runs at {now}: {read}");
    }
}

#[tokio::test]
async fn etags_guard_changes_and_bad_requests_change_nothing() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let bought = buy(
        &sandbox,
        &token,
        NORTHWIND,
        BUSINESS_BASIC,
        Some("P1Y"),
        "monthly",
        5,
    )
    .await;
    let uri = subscription_uri(NORTHWIND, bought.id());
    let etag = bought.subscription["attributes"]["etag"]
        .as_str()
        .unwrap()
        .to_owned();

    let stale = sandbox
        .call_with(
            Method::PATCH,
            &uri,
            &token,
            Some(json!({ "quantity": 6 })),
            &[("if-match", "\"not-the-etag\"")],
        )
        .await;
    assert_eq!(
        stale.status,
        StatusCode::PRECONDITION_FAILED,
        "{}",
        stale.json
    );
    assert_eq!(stale.json["code"], 412);
    // The whole subscription as read, with one member changed, and its etag.
    let mut whole = bought.subscription.clone();
    whole["quantity"] = json!(6);
    let changed = patch(&sandbox, &token, &uri, whole.clone()).await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.json);
    assert_eq!(changed.json["quantity"], 6);
    // The old etag is stale now, in the body or in If-Match.
    whole["quantity"] = json!(7);
    assert_eq!(
        patch(&sandbox, &token, &uri, whole).await.status,
        StatusCode::PRECONDITION_FAILED
    );
    let quoted = format!("\"{etag}\"");
    let header = sandbox
        .call_with(
            Method::PATCH,
            &uri,
            &token,
            Some(json!({ "quantity": 7 })),
            &[("if-match", quoted.as_str())],
        )
        .await;
    assert_eq!(header.status, StatusCode::PRECONDITION_FAILED);
    let current = changed.json["attributes"]["etag"].as_str().unwrap();
    let fresh = sandbox
        .call_with(
            Method::PATCH,
            &uri,
            &token,
            Some(json!({ "quantity": 7 })),
            &[("if-match", current)],
        )
        .await;
    assert_eq!(fresh.status, StatusCode::OK, "{}", fresh.json);

    // Nothing differs: no change, no write.
    let same = patch(&sandbox, &token, &uri, fresh.json.clone()).await;
    assert_eq!(same.status, StatusCode::OK);
    assert_eq!(
        same.json["attributes"]["etag"],
        fresh.json["attributes"]["etag"]
    );

    for (body, path) in [
        (json!({ "quantity": "many" }), "$.quantity"),
        (json!({ "status": "suspended" }), "$.status"),
        (json!({ "autoRenewEnabled": "yes" }), "$.autoRenewEnabled"),
    ] {
        let reply = patch(&sandbox, &token, &uri, body.clone()).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(reply.json["code"], 800_002);
        assert_eq!(reply.json["data"][0]["path"], path, "{}", reply.json);
    }
    let too_many = patch(&sandbox, &token, &uri, json!({ "quantity": 301 })).await;
    assert_eq!(too_many.json["code"], 900_275, "{}", too_many.json);
    let unknown = patch(
        &sandbox,
        &token,
        &subscription_uri(NORTHWIND, "00000000-0000-0000-0000-000000000000"),
        json!({ "quantity": 1 }),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.json["code"], 20_003);
    // Another partner's customer is not found; a Helpdesk agent may not change seats.
    let fabrikam = sandbox.token("fabrikam").await;
    assert_eq!(
        patch(&sandbox, &fabrikam, &uri, json!({ "quantity": 1 }))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let helpdesk = sandbox.user_token("helpdesk@contoso.example").await;
    let forbidden = patch(&sandbox, &helpdesk, &uri, json!({ "quantity": 8 })).await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    assert_eq!(forbidden.json["code"], 900_300);
    let anonymous = sandbox
        .send(
            Request::builder()
                .method(Method::PATCH)
                .uri(&uri)
                .header("content-type", "application/json")
                .body(Body::from(r#"{"quantity":8}"#))
                .unwrap(),
        )
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(sandbox.get(&uri, &token).await.json["quantity"], 7);
    let lines = unbilled(&sandbox, &token, "USD", bought.id()).await;
    assert_eq!(lines_of(&lines, "addQuantity").len(), 2, "6 then 7 seats");
}

#[tokio::test]
async fn perpetual_software_is_cancelled_within_thirty_days_with_a_full_refund() {
    for db in databases().await {
        let sandbox = sandbox_on(&db.url, quick()).await;
        let token = sandbox.token("contoso").await;
        let user = sandbox.user_token("admin@contoso.example").await;
        let availability = sandbox
            .availability(&token, WINDOWS_SERVER, "US", "commercial")
            .await;
        let mut second = Sandbox::line(&availability, 1);
        second["id"] = json!(1);
        let cart = sandbox
            .cart(
                &token,
                NORTHWIND,
                vec![Sandbox::line(&availability, 2), second],
            )
            .await;
        let checkout = sandbox
            .checkout(&token, NORTHWIND, cart["id"].as_str().unwrap())
            .await;
        assert_eq!(checkout.status, StatusCode::CREATED, "{}", checkout.json);
        let order_json = checkout.json["orders"][0].clone();
        let order: Order = serde_json::from_value(order_json.clone()).unwrap();
        let order_id = order.id.as_ref().unwrap().as_str().to_owned();
        let uri = format!("/v1/customers/{NORTHWIND}/orders/{order_id}");
        let lines = order.line_items.clone().unwrap();
        let now = clock(&sandbox, &token).await;
        let first_refund = software_refund(&order, &lines[0], ProductKind::PerpetualSoftware, now)
            .expect("inside 30 days");
        assert_eq!(
            Some(first_refund.amount),
            lines[0].pricing.as_ref().and_then(|p| p.extended_price),
            "a full refund"
        );

        let one = patch(
            &sandbox,
            &token,
            &uri,
            json!({ "id": order_id, "status": "cancelled", "lineItems": [{ "lineItemNumber": 0, "offerId": order_json["lineItems"][0]["offerId"] }] }),
        )
        .await;
        assert_eq!(one.status, StatusCode::OK, "{}: {}", db.url, one.json);
        assert_eq!(
            one.json["status"], "completed",
            "not every line is cancelled"
        );
        assert_eq!(one.json["lineItems"][0]["quantity"], 0);
        assert_eq!(one.json["lineItems"][1]["quantity"], 1);
        let provisioning = sandbox
            .get(&format!("{uri}/provisioningstatus"), &user)
            .await;
        assert_eq!(provisioning.json["items"][0]["status"], "unfulfilled");
        assert_eq!(provisioning.json["items"][1]["status"], "fulfilled");
        let first_subscription = lines[0].subscription_id.as_ref().unwrap().as_str();
        let subscription = sandbox
            .get(&subscription_uri(NORTHWIND, first_subscription), &token)
            .await;
        assert_eq!(subscription.json["status"], "deleted");
        let credits = unbilled(&sandbox, &token, "USD", first_subscription).await;
        let cancel = lines_of(&credits, "cancel");
        assert_eq!(cancel.len(), 1, "{credits:?}");
        assert_eq!(decimal(&cancel[0]["subtotal"]), -first_refund.amount);
        assert_eq!(cancel[0]["quantity"], 2.0);

        let again = patch(
            &sandbox,
            &token,
            &uri,
            json!({ "status": "cancelled", "lineItems": [{ "lineItemNumber": 0 }] }),
        )
        .await;
        assert_eq!(again.status, StatusCode::BAD_REQUEST, "{}", again.json);
        let unknown_line = patch(
            &sandbox,
            &token,
            &uri,
            json!({ "status": "cancelled", "lineItems": [{ "lineItemNumber": 5 }] }),
        )
        .await;
        assert_eq!(unknown_line.json["code"], 800_071);
        let not_cancel = patch(&sandbox, &token, &uri, json!({ "status": "completed" })).await;
        assert_eq!(not_cancel.status, StatusCode::BAD_REQUEST);
        assert_eq!(not_cancel.json["code"], 800_002);

        // Without lineItems: the rest of the order.
        let rest = patch(&sandbox, &token, &uri, json!({ "status": "cancelled" })).await;
        assert_eq!(rest.status, StatusCode::OK, "{}", rest.json);
        assert_eq!(rest.json["status"], "cancelled");
        assert_eq!(sandbox.get(&uri, &token).await.json["status"], "cancelled");
        let second_subscription = lines[1].subscription_id.as_ref().unwrap().as_str();
        let credits = unbilled(&sandbox, &token, "USD", second_subscription).await;
        assert_eq!(
            decimal(&lines_of(&credits, "cancel")[0]["subtotal"]),
            -lines[1]
                .pricing
                .as_ref()
                .and_then(|p| p.extended_price)
                .unwrap()
        );
        // Its subscription is deleted already: asking again changes nothing.
        let twice = patch(
            &sandbox,
            &token,
            &subscription_uri(NORTHWIND, second_subscription),
            json!({ "status": "deleted" }),
        )
        .await;
        assert_eq!(twice.status, StatusCode::OK, "{}", twice.json);
        assert_eq!(twice.json["status"], "deleted");
        let credits = unbilled(&sandbox, &token, "USD", second_subscription).await;
        assert_eq!(lines_of(&credits, "cancel").len(), 1);

        // Thirty-one days after another purchase, it is too late.
        let late = buy(
            &sandbox,
            &token,
            NORTHWIND,
            WINDOWS_SERVER,
            None,
            "one_time",
            1,
        )
        .await;
        let refused = patch(
            &sandbox,
            &token,
            &subscription_uri(NORTHWIND, late.id()),
            json!({ "status": "deleted" }),
        )
        .await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST);
        assert_eq!(
            refused.json["data"][0]["finding"], "ChangeNotAllowed",
            "perpetual software is cancelled through its order"
        );
        advance(&sandbox, &token, "P31D").await;
        let late_uri = format!("/v1/customers/{NORTHWIND}/orders/{}", late.order_id());
        let too_late = patch(
            &sandbox,
            &token,
            &late_uri,
            json!({ "status": "cancelled" }),
        )
        .await;
        assert_eq!(
            too_late.status,
            StatusCode::BAD_REQUEST,
            "{}",
            too_late.json
        );
        assert_eq!(too_late.json["code"], 900_117);
        assert_eq!(
            too_late.json["data"][0]["finding"],
            "CancellationWindowPassed"
        );
        let unchanged = sandbox.get(&late_uri, &token).await.json;
        assert_eq!(unchanged["status"], "completed");
        assert_eq!(unchanged["lineItems"][0]["quantity"], 1);
        assert!(
            lines_of(
                &unbilled(&sandbox, &token, "USD", late.id()).await,
                "cancel"
            )
            .is_empty()
        );
    }
}

#[tokio::test]
async fn license_orders_are_not_cancelled_through_the_order() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let bought = buy(
        &sandbox,
        &token,
        NORTHWIND,
        BUSINESS_BASIC,
        Some("P1Y"),
        "monthly",
        2,
    )
    .await;
    let reply = patch(
        &sandbox,
        &token,
        &format!("/v1/customers/{NORTHWIND}/orders/{}", bought.order_id()),
        json!({ "status": "cancelled" }),
    )
    .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.json["data"][0]["finding"], "ChangeNotAllowed");
    let unknown = patch(
        &sandbox,
        &token,
        &format!("/v1/customers/{NORTHWIND}/orders/nothing"),
        json!({ "status": "cancelled" }),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.json["code"], 20_000);
}

#[tokio::test]
async fn seeded_subscriptions_renew_at_their_term_end_too() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let list = format!("/v1/customers/{TAILSPIN}/subscriptions");
    let before = sandbox.get(&list, &token).await.json;
    let standard = before["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["billingCycle"] == "monthly" && s["autoRenewEnabled"] == true)
        .expect("Tailspin's seeded Business Standard")
        .clone();
    let id = standard["id"].as_str().unwrap();
    let end = instant(&standard["commitmentEndDate"]);
    let now = advance(&sandbox, &token, "P1Y").await;
    assert!(now > end, "the seeded term ended: {end}");
    let renewed = sandbox
        .get(&subscription_uri(TAILSPIN, id), &token)
        .await
        .json;
    assert_eq!(renewed["status"], "active");
    assert!(instant(&renewed["commitmentEndDate"]) > now, "{renewed}");
    let lines = unbilled(&sandbox, &token, "USD", id).await;
    let renew = lines_of(&lines, "renew");
    assert!(!renew.is_empty(), "{lines:?}");
    assert_eq!(renew[0]["customerId"], TAILSPIN);
    assert_eq!(renew[0]["quantity"], standard["quantity"].as_f64().unwrap());
}
