//! Property tests: arbitrary carts and contexts never make the rules panic, and every line lands
//! in exactly one order group; arbitrary input never makes the decoders panic.

use pc_core::models::Cart;
use pc_core::roundtrip::{Resource, ResourceType, Shape, round_trip};
use pc_core::rules::{PurchaseContext, parse_input, validate_cart};
use proptest::prelude::*;
use serde_json::{Value, json};

const IDS: [&str; 6] = [
    "P1:S1:A1",
    "P2:S1:A1",
    "p1:s1:a1",
    "MS-AZR-0145P",
    "P3:S3:A3",
    "junk::",
];

fn opt<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    prop_oneof![Just(None), s.prop_map(Some)].boxed()
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("monthly".to_owned()),
        Just("Annual".to_owned()),
        Just("one_time".to_owned()),
        Just("none".to_owned()),
        Just("triennial".to_owned()),
        Just("P1M".to_owned()),
        Just("P1Y".to_owned()),
        Just("P3Y".to_owned()),
        "[a-zA-Z_ ]{0,6}",
    ]
}

fn availability() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(IDS.to_vec()),
        opt(prop::sample::select(vec!["OnlineServicesNCE", "Software", "Azure", "Other"])),
        opt(prop::sample::select(vec!["Perpetual", "Subscription", "VirtualMachines"])),
        opt(prop::collection::vec(opt(word()), 0..3)),
        (opt(-5_i64..400), opt(-5_i64..400), opt(any::<bool>())),
        opt(prop::collection::vec(word(), 0..3)),
        opt(prop::collection::vec(
            prop::sample::select(vec!["InventoryCheck", "AzureSubscriptionRegistration", "x"]),
            0..3,
        )),
        opt(prop::collection::vec(prop::sample::select(vec!["Scope", "SubscriptionId", "duration"]), 0..3)),
        (opt(any::<bool>()), opt(prop::sample::select(vec!["US", "br", "SE", "XK"])), opt(word())),
    )
        .prop_map(|(id, ptype, sub, terms, (min, max, trial), cycles, prereqs, prov, (purchasable, country, segment))| {
            let mut product = json!({});
            if let Some(t) = ptype {
                product["productType"] = json!({"id": t});
                if let Some(s) = sub {
                    product["productType"]["subType"] = json!({"id": s});
                }
            }
            json!({
                "catalogItemId": id, "productId": id.split(':').next(), "skuId": "S1",
                "isPurchasable": purchasable, "country": country, "segment": segment,
                "terms": terms.map(|t| t.into_iter().map(|d| json!({"duration": d})).collect::<Vec<_>>()),
                "product": product,
                "sku": {"minimumQuantity": min, "maximumQuantity": max, "isTrial": trial,
                        "supportedBillingCycles": cycles, "purchasePrerequisites": prereqs,
                        "provisioningVariables": prov,
                        "attestationProperties": {"enforceAttestation": trial}}
            })
        })
}

fn line() -> impl Strategy<Value = Value> {
    (
        opt(0_i64..6),
        opt(prop::sample::select(IDS.to_vec())),
        opt(-2_i64..500),
        opt(word()),
        opt(word()),
        opt(any::<bool>()),
        opt(prop::collection::btree_map(prop::sample::select(vec!["subscriptionId", "SCOPE", "x"]), "[a-z-]{0,8}", 0..3)),
    )
        .prop_map(|(id, catalog, quantity, cycle, term, attestation, context)| {
            json!({"id": id, "catalogItemId": catalog, "quantity": quantity, "billingCycle": cycle,
                   "termDuration": term, "attestationAccepted": attestation, "provisioningContext": context})
        })
}

fn cart() -> impl Strategy<Value = Value> {
    (prop::collection::vec((line(), prop::collection::vec(line(), 0..2)), 0..8), opt(word())).prop_map(
        |(lines, expiry)| {
            let items: Vec<Value> = lines
                .into_iter()
                .map(|(mut l, addons)| {
                    if !addons.is_empty() {
                        l["addonItems"] = Value::Array(addons);
                    }
                    l
                })
                .collect();
            json!({"lineItems": items, "expirationTimestamp": expiry.map(|_| "2026-11-21T12:00:00Z")})
        },
    )
}

fn context() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(availability(), 0..6),
        prop::sample::select(vec!["US", "SE", "BR", "de", ""]),
        prop::sample::select(vec!["USD", "SEK", "eur"]),
        (any::<bool>(), any::<bool>(), any::<bool>()),
        prop::collection::vec(
            (prop::sample::select(vec!["AzurePlan", "marketplace", "Other"]), prop::sample::select(vec!["USD", "EUR"])),
            0..3,
        ),
        prop::collection::vec(
            (prop::sample::select(vec!["sub-a", "SUB-B"]), prop::sample::select(vec!["registered", "NotRegistered", "?"])),
            0..3,
        ),
        prop::collection::vec((prop::sample::select(vec!["P1", "P3"]), opt(any::<bool>())), 0..3),
    )
        .prop_map(|(catalog, country, currency, (qualified, new, agreement), purchases, subs, inventory)| {
            json!({
                "now": "2026-11-21T12:00:00Z",
                "partner": {"country": country, "billingCurrency": currency, "perpetualSoftwareQualified": qualified},
                "customer": {"country": country, "segment": "commercial", "isNewCustomer": new,
                    "customerAgreementAccepted": agreement,
                    "existingPurchases": purchases.into_iter().map(|(k, c)| json!({"kind": k, "currency": c})).collect::<Vec<_>>(),
                    "azureSubscriptions": subs.into_iter().map(|(i, s)| json!({"id": i, "registrationStatus": s})).collect::<Vec<_>>()},
                "catalog": catalog,
                "inventory": inventory.into_iter().map(|(p, r)| json!({"productId": p, "skuId": "s1", "isRestricted": r})).collect::<Vec<_>>()
            })
        })
}

fn strip_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, strip_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(strip_nulls).collect()),
        other => other,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_line_is_in_exactly_one_group(cart in cart(), context in context()) {
        let cart: Cart = serde_json::from_value(strip_nulls(cart)).unwrap();
        let context: PurchaseContext = serde_json::from_value(strip_nulls(context)).unwrap();
        let validation = validate_cart(&cart, &context);

        let mut line_ids: Vec<i64> = cart.all_line_items().iter().enumerate()
            .map(|(i, l)| l.id.unwrap_or(i as i64)).collect();
        let mut grouped: Vec<i64> = validation.order_groups.iter().flat_map(|g| g.line_item_ids.clone()).collect();
        line_ids.sort_unstable();
        grouped.sort_unstable();
        prop_assert_eq!(&line_ids, &grouped);
        // Group names are unique, and deterministic.
        let mut names: Vec<&str> = validation.order_groups.iter().map(|g| g.order_group.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        prop_assert_eq!(names.len(), validation.order_groups.len());
        prop_assert_eq!(&validate_cart(&cart, &context), &validation);
        // Every finding about a line names a line of the cart.
        for finding in &validation.findings {
            if let Some(id) = finding.line_item_id {
                prop_assert!(grouped.contains(&id));
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics_the_input_parser(text in ".{0,200}") {
        let _ = parse_input(&text);
    }

    #[test]
    fn arbitrary_json_never_panics_the_decoders(cart in cart(), context in context()) {
        let input = json!({"cart": cart, "context": context}).to_string();
        if let Ok(parsed) = parse_input(&input) {
            let _ = validate_cart(&parsed.cart, &parsed.context);
        }
        for (_, resource_type) in ResourceType::ALL {
            for shape in [Shape::Single, Shape::Collection, Shape::Array] {
                let _ = round_trip(Resource { shape, resource_type }, &input);
            }
        }
    }
}
