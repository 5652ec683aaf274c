//! After the purchase (issue 15) through the typed client: seats up and down, auto-renew and the
//! renewal's instructions, cancelling inside the window, refusals after the sandbox clock moved
//! 8 days (with their codes and explanation keys), a stale etag, software order lines cancelled,
//! and the server's time taken from the `Date` headers.

use chrono::TimeDelta;
use pc_client::Error;
use pc_client::clock::local_now;
use pc_core::enums::{BillingCycle, SubscriptionStatus};
use pc_core::models::{
    Availability, Cart, CartLineItem, InstructionProduct, NextTermInstructions, Order, Subscription,
};
use pc_core::rules::{ProductKind, SubscriptionChange, SubscriptionFacts, check_change, refund};
use pc_core::wire::Spelled;

use crate::common::*;

/// Windows Server 2025 Standard: perpetual software.
const WINDOWS_SERVER: &str = "DG7GMGF0PWHC";

async fn availability(client: &pc_client::Client<Recording>, product: &str) -> Availability {
    let us = pc_client::CatalogQuery {
        country: "US",
        ..pc_client::CatalogQuery::default()
    };
    let skus = client.skus().list(product, &us).await.unwrap();
    let sku = skus[0].id.as_ref().unwrap().as_str().to_owned();
    client
        .availabilities()
        .list(product, &sku, &us)
        .await
        .unwrap()
        .into_iter()
        .find(|a| {
            a.segment
                .as_ref()
                .is_none_or(|s| *s.value() == pc_core::enums::Segment::Commercial)
        })
        .unwrap()
}

/// Buys `quantity` of `availability` (its first term, `cycle`): the order.
async fn buy(
    client: &pc_client::Client<Recording>,
    availability: &Availability,
    term: Option<&str>,
    cycle: BillingCycle,
    quantity: i64,
) -> Order {
    let cart = Cart {
        line_items: Some(vec![CartLineItem {
            id: Some(0),
            catalog_item_id: availability.catalog_item_id.clone(),
            quantity: Some(quantity),
            billing_cycle: Some(cycle.into()),
            term_duration: term.map(str::to_owned),
            ..CartLineItem::default()
        }]),
        ..Cart::default()
    };
    let created = client.carts().create(NORTHWIND, &cart).await.unwrap();
    let result = client
        .carts()
        .checkout(NORTHWIND, created.id.as_ref().unwrap().as_str())
        .await
        .unwrap();
    result.orders.unwrap().remove(0)
}

fn subscription_id(order: &Order) -> String {
    order.line_items.as_ref().unwrap()[0]
        .subscription_id
        .as_ref()
        .unwrap()
        .as_str()
        .to_owned()
}

fn facts(
    subscription: &Subscription,
    order: &Order,
    availability: &Availability,
) -> SubscriptionFacts {
    SubscriptionFacts {
        subscription: subscription.clone(),
        kind: ProductKind::of(availability),
        unit_price: order.line_items.as_ref().unwrap()[0]
            .pricing
            .as_ref()
            .and_then(|p| p.price),
        currency: order.currency_code.clone(),
        availability: Some(availability.clone()),
    }
}

fn with_quantity(subscription: &Subscription, quantity: i64) -> Subscription {
    Subscription {
        quantity: Some(quantity),
        ..subscription.clone()
    }
}

#[tokio::test(flavor = "current_thread")]
async fn seats_auto_renew_renewal_instructions_and_refusals_after_eight_days() {
    let base = sandbox(quick()).await;
    let (client, log) = user_client(&base, "sales@contoso.example").await;
    let basic = availability(&client, BUSINESS_BASIC).await;
    let order = buy(&client, &basic, Some("P1M"), BillingCycle::Monthly, 5).await;
    let id = subscription_id(&order);
    let subscriptions = client.subscriptions();
    let read = subscriptions.get(NORTHWIND, &id).await.unwrap();
    // Before the clock moves, the sandbox's time is this machine's (within a second or two).
    let skew = client.server_time_skew().unwrap();
    assert!(skew.num_seconds().abs() <= 2, "{skew:?}");

    // More seats: a PATCH of the whole subscription, its MS-RequestId kept for retries.
    let more = subscriptions
        .update(NORTHWIND, &with_quantity(&read, 7))
        .await
        .unwrap();
    assert_eq!(more.quantity, Some(7));
    let sent = log.borrow().last().unwrap().request.clone();
    assert_eq!(sent.method, pc_client::transport::Method::Patch);
    assert!(
        sent.url
            .ends_with(&format!("/v1/customers/{NORTHWIND}/subscriptions/{id}"))
    );
    let body: serde_json::Value = serde_json::from_str(sent.body.as_deref().unwrap()).unwrap();
    assert_eq!(body["quantity"], 7);
    assert_eq!(body["id"], id.as_str());
    assert!(body["scheduledNextTermInstructions"].is_null());

    // Fewer seats inside the window, for the refund pc-core computes.
    let now = client.server_now();
    let fewer = SubscriptionChange::Quantity { quantity: 3 };
    let facts_now = facts(&more, &order, &basic);
    assert!(check_change(&facts_now, &fewer, now).is_empty());
    assert!(refund(&facts_now, &fewer, now).is_some());
    let reduced = subscriptions
        .update(NORTHWIND, &with_quantity(&more, 3))
        .await
        .unwrap();
    assert_eq!(reduced.quantity, Some(3));

    // A stale copy (the etag of before the reduction) is refused with 412.
    let stale = subscriptions
        .update(NORTHWIND, &with_quantity(&more, 4))
        .await
        .unwrap_err();
    assert_eq!(stale.status(), Some(412), "{stale}");
    assert_eq!(stale.explanation_key(), "error-changed-meanwhile");

    // The renewal's instructions, then removed (None is sent as null).
    let instructions = NextTermInstructions {
        product: Some(InstructionProduct {
            product_id: basic.product_id.as_ref().map(|p| p.as_str().to_owned()),
            sku_id: basic.sku_id.as_ref().map(|s| s.as_str().to_owned()),
            availability_id: basic.id.as_ref().map(|a| a.as_str().to_owned()),
            billing_cycle: Some(Spelled::from(BillingCycle::Annual)),
            term_duration: Some("P1Y".to_owned()),
            ..InstructionProduct::default()
        }),
        quantity: Some(2),
        ..NextTermInstructions::default()
    };
    let scheduled = subscriptions
        .update(
            NORTHWIND,
            &Subscription {
                scheduled_next_term_instructions: Some(instructions.clone()),
                ..reduced.clone()
            },
        )
        .await
        .unwrap();
    let kept = scheduled.scheduled_next_term_instructions.clone().unwrap();
    assert_eq!(kept.quantity, Some(2));
    let cleared = subscriptions
        .update(
            NORTHWIND,
            &Subscription {
                scheduled_next_term_instructions: None,
                ..scheduled.clone()
            },
        )
        .await
        .unwrap();
    assert_eq!(cleared.scheduled_next_term_instructions, None);

    // Auto-renew off and on again.
    let off = subscriptions
        .update(
            NORTHWIND,
            &Subscription {
                auto_renew_enabled: Some(false),
                ..cleared.clone()
            },
        )
        .await
        .unwrap();
    assert_eq!(off.auto_renew_enabled, Some(false));
    let on = subscriptions
        .update(
            NORTHWIND,
            &Subscription {
                auto_renew_enabled: Some(true),
                ..off.clone()
            },
        )
        .await
        .unwrap();
    assert_eq!(on.auto_renew_enabled, Some(true));

    // Eight days later (the sandbox's clock, moved for every tenant).
    let token = token(&base, "contoso").await;
    let moved = reqwest::Client::new()
        .post(format!("{base}/sandbox/clock"))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "advance": "P8D" }))
        .send()
        .await
        .unwrap();
    assert_eq!(moved.status(), 200);
    let later = subscriptions.get(NORTHWIND, &id).await.unwrap();
    // The client's server time follows the Date header of that answer.
    let ahead = client.server_now() - local_now();
    assert!(
        (ahead - TimeDelta::days(8)).num_seconds().abs() <= 5,
        "server time {ahead:?} ahead"
    );
    // pc-core, at the server's time, already says no; Partner Center says no with its codes.
    let late_facts = facts(&later, &order, &basic);
    let at = client.server_now();
    assert!(
        !check_change(
            &late_facts,
            &SubscriptionChange::Quantity { quantity: 2 },
            at
        )
        .is_empty()
    );
    let reduce = subscriptions
        .update(NORTHWIND, &with_quantity(&later, 2))
        .await
        .unwrap_err();
    assert_eq!(
        (reduce.status(), reduce.code()),
        (Some(400), Some(900_214)),
        "{reduce}"
    );
    assert_eq!(
        reduce.explanation_key(),
        "error-seat-reduction-window-passed"
    );
    let cancel = subscriptions
        .update(
            NORTHWIND,
            &Subscription {
                status: Some(Spelled::from(SubscriptionStatus::Deleted)),
                ..later.clone()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(cancel.code(), Some(900_117), "{cancel}");
    assert_eq!(cancel.explanation_key(), "error-cancellation-window-passed");
    // Seats can still be added.
    let added = subscriptions
        .update(NORTHWIND, &with_quantity(&later, 4))
        .await
        .unwrap();
    assert_eq!(added.quantity, Some(4));
}

#[tokio::test(flavor = "current_thread")]
async fn cancelling_inside_the_window_and_software_order_lines() {
    let base = sandbox(quick()).await;
    let (client, _) = user_client(&base, "admin@contoso.example").await;
    let basic = availability(&client, BUSINESS_BASIC).await;
    let order = buy(&client, &basic, Some("P1M"), BillingCycle::Monthly, 2).await;
    let id = subscription_id(&order);
    let read = client.subscriptions().get(NORTHWIND, &id).await.unwrap();
    let cancelled = client
        .subscriptions()
        .update(
            NORTHWIND,
            &Subscription {
                status: Some(Spelled::from(SubscriptionStatus::Deleted)),
                ..read
            },
        )
        .await
        .unwrap();
    assert_eq!(
        cancelled.status.as_ref().map(|s| s.value().clone()),
        Some(SubscriptionStatus::Deleted)
    );

    // Perpetual software: the order's line is cancelled through the order.
    let windows = availability(&client, WINDOWS_SERVER).await;
    assert_eq!(ProductKind::of(&windows), ProductKind::PerpetualSoftware);
    let software = buy(&client, &windows, None, BillingCycle::OneTime, 1).await;
    let order_id = software.id.as_ref().unwrap().as_str().to_owned();
    let lines = software.line_items.clone().unwrap();
    let none = client
        .orders()
        .cancel_line_items(NORTHWIND, &order_id, &[])
        .await
        .unwrap_err();
    assert!(matches!(none, Error::InvalidRequest(_)), "{none}");
    let answered = client
        .orders()
        .cancel_line_items(NORTHWIND, &order_id, &lines)
        .await
        .unwrap();
    assert_eq!(
        answered.id.as_ref().map(|i| i.as_str()),
        Some(order_id.as_str())
    );
    let again = client.orders().get(NORTHWIND, &order_id).await.unwrap();
    assert_eq!(
        again
            .status
            .as_ref()
            .map(|s| s.as_str().to_owned())
            .as_deref(),
        Some("cancelled")
    );
}
