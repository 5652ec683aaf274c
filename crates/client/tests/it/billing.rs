//! Unbilled and billed reconciliation and consumption line items against the sandbox: every
//! page followed through `links.next` and its `MS-ContinuationToken` header.

use chrono::Datelike as _;
use futures_util::TryStreamExt;
use pc_client::{BillingPeriod, CatalogQuery, Operation};
use pc_core::models::{Cart, CartLineItem, Collection, InvoiceLineItem, OneTimeInvoiceLineItem};

use crate::common::*;

fn recon(items: Vec<InvoiceLineItem>) -> Vec<OneTimeInvoiceLineItem> {
    items
        .into_iter()
        .map(|item| match item {
            InvoiceLineItem::OneTime(line) => *line,
            other => panic!("not a OneTime line: {other:?}"),
        })
        .collect()
}

#[tokio::test(flavor = "current_thread")]
async fn unbilled_and_billed_line_items_follow_the_continuation_token() {
    let base = sandbox(quick()).await;
    let (client, log) = client(&base, "contoso").await;
    let us = CatalogQuery {
        country: "US",
        ..CatalogQuery::default()
    };
    let skus = client.skus().list(BUSINESS_BASIC, &us).await.unwrap();
    let sku_id = skus[0].id.as_ref().unwrap().as_str().to_owned();
    let availability = client
        .availabilities()
        .list(BUSINESS_BASIC, &sku_id, &us)
        .await
        .unwrap()
        .remove(0);
    let term = availability
        .terms
        .iter()
        .flatten()
        .find_map(|t| t.duration.clone());
    let mut orders = Vec::new();
    for seats in [2, 3, 4] {
        let cart = Cart {
            line_items: Some(vec![CartLineItem {
                id: Some(0),
                catalog_item_id: availability.catalog_item_id.clone(),
                quantity: Some(seats),
                billing_cycle: Some(pc_core::enums::BillingCycle::Monthly.into()),
                term_duration: term.clone(),
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
        let order = result.orders.unwrap().remove(0);
        orders.push(order.id.unwrap().as_str().to_owned());
    }

    let links = client.invoices().estimate_links("USD").await.unwrap();
    assert_eq!(links.len(), 4);

    // Before the first close there is no previous period.
    let previous: Vec<_> = client
        .invoices()
        .unbilled_line_items("USD", BillingPeriod::Previous, None)
        .try_collect()
        .await
        .unwrap();
    assert!(previous.is_empty());

    // Three purchases, two per page: two requests, the second with the token.
    let before = log.borrow().len();
    let current = recon(
        client
            .invoices()
            .unbilled_line_items("USD", BillingPeriod::Current, Some(2))
            .try_collect()
            .await
            .unwrap(),
    );
    let ordered: Vec<String> = current
        .iter()
        .map(|l| l.order_id.clone().unwrap())
        .collect();
    assert_eq!(ordered, orders);
    let sent: Vec<_> = log.borrow()[before..]
        .iter()
        .map(|s| s.request.clone())
        .collect();
    assert_eq!(sent.len(), 2);
    assert!(header(&sent[0], "MS-ContinuationToken").is_none());
    assert!(header(&sent[1], "MS-ContinuationToken").is_some());
    assert!(
        sent[1].url.contains("seekOperation=Next"),
        "{}",
        sent[1].url
    );

    // Consumption in the customer's currency, over several pages. Usage accrues a day at a
    // time from the start of the period (one EUR plan: three lines a day), so on the 1st or 2nd
    // of a month the current period is too short for several pages: then move the sandbox's
    // clock to the 3rd (it moves for this test's sandbox only).
    let day = client.server_now().day();
    if day < 3 {
        let moved = reqwest::Client::new()
            .post(format!("{base}/sandbox/clock"))
            .bearer_auth(token(&base, "contoso").await)
            .json(&serde_json::json!({ "advance": format!("P{}D", 3 - day) }))
            .send()
            .await
            .unwrap();
        assert_eq!(moved.status(), 200);
    }
    let usage: Vec<_> = client
        .invoices()
        .unbilled_usage("EUR", BillingPeriod::Current, Some(4))
        .try_collect()
        .await
        .unwrap();
    assert!(usage.len() > 4);
    for item in &usage {
        let InvoiceLineItem::DailyRatedUsage(line) = item else {
            panic!("not rated usage: {item:?}");
        };
        assert_eq!(line.billing_currency.as_deref(), Some("EUR"));
    }

    // Close the period (sandbox only): the lines become the invoice's.
    let closed: Collection<pc_core::models::Invoice> = client
        .call(&Operation::post("/sandbox/invoices/close", None))
        .await
        .unwrap();
    let invoice_id = |currency: &str| {
        closed
            .items
            .iter()
            .find(|i| i.currency_code.as_deref() == Some(currency))
            .and_then(|i| i.id.as_ref())
            .map(|id| id.as_str().to_owned())
            .unwrap()
    };
    let billed = recon(
        client
            .invoices()
            .billed_line_items(&invoice_id("USD"), "USD", Some(1))
            .try_collect()
            .await
            .unwrap(),
    );
    assert_eq!(
        billed
            .iter()
            .map(|l| l.order_id.clone().unwrap())
            .collect::<Vec<_>>(),
        orders
    );
    let billed_usage: Vec<_> = client
        .invoices()
        .billed_usage(&invoice_id("EUR"), "EUR", Some(5))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(billed_usage.len(), usage.len());
    let previous = recon(
        client
            .invoices()
            .unbilled_line_items("USD", BillingPeriod::Previous, None)
            .try_collect()
            .await
            .unwrap(),
    );
    assert_eq!(previous, billed);
}
