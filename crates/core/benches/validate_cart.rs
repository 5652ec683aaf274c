//! `validate_cart` on a 1,000-line cart over a 200-availability catalog (`cargo xtask bench`).
#![allow(missing_docs, clippy::unwrap_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use pc_core::models::Cart;
use pc_core::rules::{PurchaseContext, validate_cart};
use serde_json::{Value, json};

fn availability(i: usize) -> Value {
    let (product_type, prerequisites, provisioning) = match i % 4 {
        0 => (json!({"id": "OnlineServicesNCE"}), json!([]), json!([])),
        1 => (
            json!({"id": "Software", "subType": {"id": "Subscription"}}),
            json!([]),
            json!([]),
        ),
        2 => (
            json!({"id": "Azure", "subType": {"id": "VirtualMachines"}}),
            json!(["InventoryCheck", "AzureSubscriptionRegistration"]),
            json!(["Scope", "SubscriptionId", "Duration"]),
        ),
        _ => (
            json!({"id": "Software", "subType": {"id": "Perpetual"}}),
            json!([]),
            json!([]),
        ),
    };
    json!({
        "catalogItemId": format!("PROD{i:04}:0001:AV{i:04}"),
        "productId": format!("PROD{i:04}"), "skuId": "0001",
        "country": "SE", "segment": "commercial", "isPurchasable": true,
        "terms": [{"duration": "P1M"}, {"duration": "P1Y"}, {"duration": "P3Y"}],
        "product": {"productType": product_type},
        "sku": {"minimumQuantity": 1, "maximumQuantity": 300,
                "supportedBillingCycles": ["monthly", "annual", "one_time"],
                "purchasePrerequisites": prerequisites, "provisioningVariables": provisioning,
                "attestationProperties": {"enforceAttestation": i.is_multiple_of(7)}}
    })
}

fn input() -> (Cart, PurchaseContext) {
    let catalog: Vec<Value> = (0..200).map(availability).collect();
    let inventory: Vec<Value> = (0..200)
        .filter(|i| i % 8 == 2)
        .map(|i| json!({"productId": format!("PROD{i:04}"), "skuId": "0001", "isRestricted": i % 16 == 2}))
        .collect();
    let lines: Vec<Value> = (0..1000)
        .map(|i| {
            let term = ["P1M", "P1Y", "P3Y"][i % 3];
            let cycle = ["monthly", "annual", "one_time"][i % 3];
            json!({
                "id": i, "catalogItemId": format!("PROD{:04}:0001:AV{:04}", i % 210, i % 210),
                "quantity": (i % 320) + 1, "termDuration": term,
                "billingCycle": cycle,
                "provisioningContext": {"subscriptionId": format!("sub-{}", i % 5), "scope": "shared"}
            })
        })
        .collect();
    let context = json!({
        "now": "2026-11-21T12:00:00Z",
        "partner": {"country": "SE", "billingCurrency": "SEK", "perpetualSoftwareQualified": false},
        "customer": {"country": "SE", "segment": "commercial", "isNewCustomer": false,
            "customerAgreementAccepted": true,
            "existingPurchases": [{"kind": "AzurePlan", "currency": "EUR"}],
            "azureSubscriptions": [{"id": "sub-1", "registrationStatus": "registered"},
                                   {"id": "sub-2", "registrationStatus": "registering"}]},
        "catalog": catalog, "inventory": inventory
    });
    (
        serde_json::from_value(json!({"lineItems": lines})).unwrap(),
        serde_json::from_value(context).unwrap(),
    )
}

fn bench(c: &mut Criterion) {
    let (cart, context) = input();
    let findings = validate_cart(&cart, &context).findings.len();
    assert!(
        findings > 1000,
        "the bench cart should exercise many rules ({findings} findings)"
    );
    c.bench_function("validate_cart 1000 lines x 200 availabilities", |b| {
        b.iter(|| validate_cart(std::hint::black_box(&cart), std::hint::black_box(&context)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
