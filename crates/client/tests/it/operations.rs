use futures_util::TryStreamExt;
use pc_client::CatalogQuery;
use pc_core::enums::BillingCycle;
use pc_core::models::{Availability, Cart, CartLineItem, InventoryCheckRequest, InventoryTarget};

use crate::common::*;

fn line(id: i64, availability: &Availability, quantity: i64) -> CartLineItem {
    let monthly = availability
        .sku
        .as_ref()
        .and_then(|s| s.supported_billing_cycles.as_ref())
        .is_some_and(|c| c.iter().any(|b| *b.value() == BillingCycle::Monthly));
    let term = availability
        .terms
        .iter()
        .flatten()
        .find_map(|t| t.duration.clone());
    CartLineItem {
        id: Some(id),
        catalog_item_id: availability.catalog_item_id.clone(),
        quantity: Some(quantity),
        billing_cycle: Some(
            if monthly {
                BillingCycle::Monthly
            } else {
                BillingCycle::OneTime
            }
            .into(),
        ),
        term_duration: term,
        ..CartLineItem::default()
    }
}

#[tokio::test(flavor = "current_thread")]
async fn the_purchase_flow_end_to_end_with_typed_operations() {
    let base = sandbox(quick()).await;
    // App+User: provisioning status and invoices need a signed-in user.
    let (client, log) = user_client(&base, "sales@contoso.example").await;
    let us = CatalogQuery {
        country: "US",
        ..CatalogQuery::default()
    };

    // Catalog: products → SKUs → availabilities (this is what a portal caches).
    let products: Vec<_> = client
        .products()
        .list(&us, "OnlineServices")
        .try_collect()
        .await
        .unwrap();
    assert!(products.len() >= 10);
    let product = client.products().get(BUSINESS_BASIC, &us).await.unwrap();
    assert_eq!(product.id.as_ref().unwrap().as_str(), BUSINESS_BASIC);
    let mut availabilities = Vec::new();
    for product_id in [BUSINESS_BASIC, "CFQ7TTC0LDPB", "CFQ7TTC0LCHC"] {
        let skus = client.skus().list(product_id, &us).await.unwrap();
        let sku_id = skus[0].id.as_ref().unwrap().as_str().to_owned();
        client.skus().get(product_id, &sku_id, &us).await.unwrap();
        let list = client
            .availabilities()
            .list(product_id, &sku_id, &us)
            .await
            .unwrap();
        let first = list[0].clone();
        let again = client
            .availabilities()
            .get(
                product_id,
                &sku_id,
                first.id.as_ref().unwrap().as_str(),
                "US",
            )
            .await
            .unwrap();
        assert_eq!(again.catalog_item_id, first.catalog_item_id);
        availabilities.push(first);
    }

    // The purchase itself, with the catalog cached: count requests and round trips.
    let before = log.borrow().len();
    let cart = Cart {
        line_items: Some(
            availabilities
                .iter()
                .enumerate()
                .map(|(i, a)| line(i as i64, a, 2))
                .collect(),
        ),
        ..Cart::default()
    };
    let created = client.carts().create(NORTHWIND, &cart).await.unwrap();
    let cart_id = created.id.as_ref().unwrap().as_str().to_owned();
    let result = client.carts().checkout(NORTHWIND, &cart_id).await.unwrap();
    let purchase_requests = log.borrow().len() - before;
    assert_eq!(
        purchase_requests, 2,
        "a 3-line purchase with a cached catalog: create + checkout"
    );
    eprintln!(
        "3-line purchase with cached catalog: {purchase_requests} requests, {purchase_requests} sequential round trips"
    );
    let orders = result.orders.unwrap();
    assert_eq!(
        orders.len(),
        1,
        "three monthly new-commerce lines are one order"
    );
    let order_id = orders[0].id.as_ref().unwrap().as_str().to_owned();

    // Orders, subscriptions.
    let order = client.orders().get(NORTHWIND, &order_id).await.unwrap();
    assert_eq!(order.line_items.as_ref().unwrap().len(), 3);
    let listed: Vec<_> = client.orders().list(NORTHWIND).try_collect().await.unwrap();
    assert_eq!(listed.len(), 1);
    let monthly: Vec<_> = client
        .orders()
        .by_billing_cycle(NORTHWIND, "monthly")
        .try_collect()
        .await
        .unwrap();
    assert_eq!(monthly.len(), 1);
    let status = client
        .orders()
        .provisioning_status(NORTHWIND, &order_id)
        .await
        .unwrap();
    assert_eq!(status.len(), 3);
    assert!(
        client
            .orders()
            .activation_links(NORTHWIND, &order_id, 0)
            .await
            .unwrap()
            .is_empty()
    );
    let subscriptions = client
        .subscriptions()
        .by_order(NORTHWIND, &order_id)
        .await
        .unwrap();
    assert_eq!(subscriptions.len(), 3);
    let all: Vec<_> = client
        .subscriptions()
        .list(NORTHWIND)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
    let id = subscriptions[0].id.as_ref().unwrap().as_str().to_owned();
    client.subscriptions().get(NORTHWIND, &id).await.unwrap();
    client
        .subscriptions()
        .provisioning_status(NORTHWIND, &id)
        .await
        .unwrap();

    // Cart get/update on a fresh cart.
    let second = client.carts().create(NORTHWIND, &cart).await.unwrap();
    let mut changed = client
        .carts()
        .get(NORTHWIND, second.id.as_ref().unwrap().as_str())
        .await
        .unwrap();
    changed.line_items.as_mut().unwrap()[0].quantity = Some(7);
    let updated = client.carts().update(NORTHWIND, &changed).await.unwrap();
    assert_eq!(updated.line_items.unwrap()[0].quantity, Some(7));

    // Customers, agreements, qualifications.
    let customers: Vec<_> = client.customers().list().try_collect().await.unwrap();
    assert!(customers.len() >= 6);
    client.customers().get(NORTHWIND).await.unwrap();
    assert_eq!(
        client
            .customers()
            .agreements(NORTHWIND, Some("MicrosoftCustomerAgreement"))
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(
        client
            .customers()
            .qualifications(NORTHWIND)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        client
            .customers()
            .agreement_templates("MicrosoftCustomerAgreement")
            .await
            .unwrap()
            .len(),
        1
    );

    // Registration and inventory (Litware's Azure plans).
    let litware: Vec<_> = client
        .subscriptions()
        .list(LITWARE)
        .try_collect()
        .await
        .unwrap();
    let plan = litware[0].id.as_ref().unwrap().as_str().to_owned();
    client
        .subscriptions()
        .register(LITWARE, &plan)
        .await
        .unwrap();
    client
        .subscriptions()
        .registration_status(LITWARE, &plan)
        .await
        .unwrap();
    let reservations: Vec<_> = client
        .products()
        .list(&us, "AzureReservationsVM")
        .try_collect()
        .await
        .unwrap();
    let request = InventoryCheckRequest {
        target_items: Some(vec![InventoryTarget {
            product_id: reservations[0].id.clone(),
            ..InventoryTarget::default()
        }]),
        ..InventoryCheckRequest::default()
    };
    assert!(
        !client
            .inventory()
            .check(&request, "US")
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        client
            .entitlements()
            .list(NORTHWIND, None, true)
            .await
            .unwrap()
            .is_empty()
    );

    // Billing.
    let balance = client.invoices().balance().await.unwrap();
    assert_eq!(balance.currency_code.as_deref(), Some("USD"));
    assert!(!client.invoices().summaries().await.unwrap().is_empty());
    let invoices: Vec<_> = client.invoices().list().try_collect().await.unwrap();
    let invoice_id = invoices[0].id.as_ref().unwrap().as_str().to_owned();
    client.invoices().get(&invoice_id).await.unwrap();
    assert!(
        client
            .invoices()
            .statement(&invoice_id)
            .await
            .unwrap()
            .starts_with(b"%PDF-")
    );
    let lines: Vec<_> = client
        .invoices()
        .line_items(&invoice_id, "onetime", "billinglineitems")
        .try_collect()
        .await
        .unwrap();
    assert!(!lines.is_empty());
}

#[tokio::test(flavor = "current_thread")]
async fn errors_carry_status_code_ids_and_an_explanation_key() {
    let base = sandbox(quick()).await;
    let (client, log) = client(&base, "contoso").await;
    let error = client
        .customers()
        .get("00000000-0000-0000-0000-000000000000")
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(404));
    assert_eq!(error.code(), Some(60003));
    assert_eq!(error.explanation_key(), "error-not-found");
    let sent = log.borrow().last().cloned().unwrap();
    assert_eq!(error.request_id(), header(&sent.request, "MS-RequestId"));
    assert_eq!(
        error.correlation_id(),
        header(&sent.request, "MS-CorrelationId")
    );

    let adatum = "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a03";
    let us = CatalogQuery {
        country: "US",
        ..CatalogQuery::default()
    };
    let skus = client.skus().list(BUSINESS_BASIC, &us).await.unwrap();
    let availability = client
        .availabilities()
        .list(BUSINESS_BASIC, skus[0].id.as_ref().unwrap().as_str(), &us)
        .await
        .unwrap()
        .remove(0);
    let cart = Cart {
        line_items: Some(vec![line(0, &availability, 1)]),
        ..Cart::default()
    };
    let created = client.carts().create(adatum, &cart).await.unwrap();
    let refused = client
        .carts()
        .checkout(adatum, created.id.as_ref().unwrap().as_str())
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Some(13605));
    assert_eq!(
        refused.explanation_key(),
        "error-customer-agreement-missing"
    );
}
