//! One passing and one failing case per purchase rule, through the public JSON contract.

use pc_core::models::{Availability, Cart};
use pc_core::rules::{Finding, PurchaseContext, Validation, validate_cart};
use serde_json::{Value, json};

/// A new-commerce Microsoft 365 availability for US commercial customers.
fn nce(id: &str) -> Value {
    json!({
        "id": "AV01", "productId": "CFQ7TTC0LH18", "skuId": "0001",
        "catalogItemId": id,
        "defaultCurrency": {"code": "USD", "symbol": "$"},
        "segment": "commercial", "country": "US", "isPurchasable": true,
        "terms": [{"duration": "P1M"}, {"duration": "P1Y"}],
        "product": {"id": "CFQ7TTC0LH18", "productType": {"id": "OnlineServicesNCE"}},
        "sku": {"id": "0001", "minimumQuantity": 1, "maximumQuantity": 300,
                "supportedBillingCycles": ["annual", "monthly"]}
    })
}

fn software(id: &str, sub_type: Option<&str>, terms: Value) -> Value {
    let mut product_type = json!({"id": "Software"});
    if let Some(sub) = sub_type {
        product_type["subType"] = json!({"id": sub});
    }
    json!({
        "catalogItemId": id, "productId": "DG7GMGF0DWM3", "skuId": "0002",
        "segment": "commercial", "country": "US", "isPurchasable": true, "terms": terms,
        "product": {"productType": product_type},
        "sku": {"minimumQuantity": 1, "maximumQuantity": 100}
    })
}

/// An Azure reserved VM instance needing inventory check and registration.
fn reservation(id: &str) -> Value {
    json!({
        "catalogItemId": id, "productId": "DZH318Z0BQ3Q", "skuId": "0001",
        "segment": "commercial", "country": "US", "isPurchasable": true,
        "terms": [{"duration": "P1Y"}, {"duration": "P3Y"}],
        "product": {"productType": {"id": "Azure", "subType": {"id": "VirtualMachines"}}},
        "sku": {"minimumQuantity": 1, "maximumQuantity": 999999999,
                "supportedBillingCycles": ["one_time"],
                "purchasePrerequisites": ["AzureSubscriptionRegistration", "InventoryCheck"],
                "provisioningVariables": ["Scope", "SubscriptionId", "Duration"]}
    })
}

fn context(catalog: Vec<Value>) -> Value {
    json!({
        "now": "2026-11-21T12:00:00Z",
        "partner": {"country": "US", "billingCurrency": "USD", "perpetualSoftwareQualified": true},
        "customer": {"country": "US", "segment": "commercial", "isNewCustomer": false,
                     "customerAgreementAccepted": true, "existingPurchases": [],
                     "azureSubscriptions": [
                        {"id": "sub-registered", "registrationStatus": "registered"},
                        {"id": "sub-pending", "registrationStatus": "Registering"}]},
        "catalog": catalog,
        "inventory": [
            {"productId": "DZH318Z0BQ3Q", "skuId": "0001", "isRestricted": false, "restrictions": []}
        ]
    })
}

fn line(id: i64, catalog_item_id: &str) -> Value {
    json!({"id": id, "catalogItemId": catalog_item_id, "quantity": 5,
           "termDuration": "P1M", "billingCycle": "monthly"})
}

fn run(cart: Value, context: Value) -> Validation {
    let cart: Cart = serde_json::from_value(cart).unwrap();
    let context: PurchaseContext = serde_json::from_value(context).unwrap();
    validate_cart(&cart, &context)
}

fn codes(v: &Validation) -> Vec<&'static str> {
    v.findings.iter().map(|f| f.code.as_str()).collect()
}

fn only(v: &Validation, code: &str) -> Finding {
    let found: Vec<&Finding> = v
        .findings
        .iter()
        .filter(|f| f.code.as_str() == code)
        .collect();
    assert_eq!(found.len(), 1, "expected one {code}, got {:?}", codes(v));
    found[0].clone()
}

const NCE: &str = "CFQ7TTC0LH18:0001:AV01";

#[test]
fn a_valid_new_commerce_cart_has_no_findings() {
    let v = run(
        json!({"lineItems": [line(0, NCE)]}),
        context(vec![nce(NCE)]),
    );
    assert_eq!(codes(&v), Vec::<&str>::new());
    assert!(v.is_purchasable());
    assert_eq!(v.order_groups.len(), 1);
    assert_eq!(v.order_groups[0].order_group, "0");
    assert_eq!(v.order_groups[0].line_item_ids, vec![0]);
}

#[test]
fn cart_empty() {
    let v = run(json!({"lineItems": []}), context(vec![]));
    let f = only(&v, "CartEmpty");
    assert_eq!(f.line_item_id, None);
    assert!(!v.is_purchasable());
    let ok = run(
        json!({"lineItems": [line(0, NCE)]}),
        context(vec![nce(NCE)]),
    );
    assert!(!codes(&ok).contains(&"CartEmpty"));
}

#[test]
fn cart_expired() {
    let expired =
        json!({"expirationTimestamp": "2026-11-21T12:00:00Z", "lineItems": [line(0, NCE)]});
    only(&run(expired, context(vec![nce(NCE)])), "CartExpired");
    let fresh = json!({"expirationTimestamp": "2026-11-28T12:00:00Z", "lineItems": [line(0, NCE)]});
    assert!(!codes(&run(fresh, context(vec![nce(NCE)]))).contains(&"CartExpired"));
}

#[test]
fn catalog_item_unknown_is_the_only_finding_of_its_line() {
    let mut cart_line = line(3, "NOPE:0001:X");
    cart_line["quantity"] = json!(0);
    let v = run(json!({"lineItems": [cart_line]}), context(vec![nce(NCE)]));
    assert_eq!(codes(&v), vec!["CatalogItemUnknown"]);
    assert_eq!(v.findings[0].line_item_id, Some(3));
    assert_eq!(v.findings[0].partner_center_error_code, Some(400019));
    // Matching is case-insensitive.
    let v = run(
        json!({"lineItems": [line(0, &NCE.to_lowercase())]}),
        context(vec![nce(NCE)]),
    );
    assert!(v.findings.is_empty(), "{:?}", codes(&v));
}

#[test]
fn not_purchasable() {
    let mut availability = nce(NCE);
    availability["isPurchasable"] = json!(false);
    only(
        &run(
            json!({"lineItems": [line(0, NCE)]}),
            context(vec![availability]),
        ),
        "NotPurchasable",
    );
}

#[test]
fn country_mismatch() {
    let mut availability = nce(NCE);
    availability["country"] = json!("GB");
    let f = only(
        &run(
            json!({"lineItems": [line(0, NCE)]}),
            context(vec![availability]),
        ),
        "CountryMismatch",
    );
    assert_eq!(f.partner_center_error_code, Some(800070));
    let mut lower = nce(NCE);
    lower["country"] = json!("us");
    assert!(
        run(json!({"lineItems": [line(0, NCE)]}), context(vec![lower]))
            .findings
            .is_empty()
    );
}

#[test]
fn segment_mismatch() {
    let mut availability = nce(NCE);
    availability["segment"] = json!("education");
    only(
        &run(
            json!({"lineItems": [line(0, NCE)]}),
            context(vec![availability]),
        ),
        "SegmentMismatch",
    );
    let mut upper = nce(NCE);
    upper["segment"] = json!("Commercial");
    assert!(
        run(json!({"lineItems": [line(0, NCE)]}), context(vec![upper]))
            .findings
            .is_empty()
    );
}

#[test]
fn market_unavailable_for_software_subscriptions_and_reservations() {
    let sub = "DG7GMGF0FKZV:0003:SUB";
    let mut ctx = context(vec![software(
        sub,
        Some("Subscription"),
        json!([{"duration": "P1Y"}]),
    )]);
    ctx["customer"]["country"] = json!("BR");
    let mut availability_br = software(sub, Some("Subscription"), json!([{"duration": "P1Y"}]));
    availability_br["country"] = json!("BR");
    ctx["catalog"] = json!([availability_br]);
    let mut cart_line = line(0, sub);
    cart_line["termDuration"] = json!("P1Y");
    cart_line["billingCycle"] = json!("annual");
    let v = run(json!({"lineItems": [cart_line.clone()]}), ctx.clone());
    let f = only(&v, "MarketUnavailable");
    assert_eq!(f.params["country"], json!("BR"));
    assert_eq!(f.partner_center_error_code, Some(800070));
    // The same purchase in Sweden is fine.
    ctx["customer"]["country"] = json!("SE");
    ctx["catalog"][0]["country"] = json!("SE");
    assert_eq!(
        codes(&run(json!({"lineItems": [cart_line]}), ctx)),
        Vec::<&str>::new()
    );
}

#[test]
fn perpetual_software_needs_a_qualified_partner() {
    let id = "DG7GMGF0DWM3:0002:PERP";
    let mut cart_line = line(0, id);
    cart_line["billingCycle"] = json!("one_time");
    cart_line.as_object_mut().unwrap().remove("termDuration");
    // No subType and no term with a duration → perpetual.
    let mut ctx = context(vec![software(id, None, json!([]))]);
    ctx["partner"]["perpetualSoftwareQualified"] = json!(false);
    only(
        &run(json!({"lineItems": [cart_line.clone()]}), ctx.clone()),
        "PerpetualSoftwareNotQualified",
    );
    ctx["partner"]["perpetualSoftwareQualified"] = json!(true);
    assert!(
        run(json!({"lineItems": [cart_line]}), ctx)
            .findings
            .is_empty()
    );
}

fn eu_context(existing: Value, is_new: bool) -> Value {
    let mut ctx = context(vec![{
        let mut a = nce(NCE);
        a["country"] = json!("SE");
        a
    }]);
    ctx["partner"] =
        json!({"country": "SE", "billingCurrency": "SEK", "perpetualSoftwareQualified": false});
    ctx["customer"]["country"] = json!("SE");
    ctx["customer"]["isNewCustomer"] = json!(is_new);
    ctx["customer"]["existingPurchases"] = existing;
    ctx
}

#[test]
fn eu_customer_ineligible_names_the_purchase() {
    let existing = json!([{"kind": "SoftwareSubscription", "currency": "sek"},
                          {"kind": "AzurePlan", "currency": "EUR"}]);
    let v = run(
        json!({"lineItems": [line(7, NCE)]}),
        eu_context(existing.clone(), false),
    );
    let f = only(&v, "EuCustomerIneligible");
    assert_eq!(f.line_item_id, Some(7));
    assert_eq!(f.params["kind"], json!("AzurePlan"));
    assert_eq!(f.params["currency"], json!("EUR"));
    // A new customer, or purchases only in the partner's currency, are eligible.
    assert!(
        run(
            json!({"lineItems": [line(7, NCE)]}),
            eu_context(existing, true)
        )
        .findings
        .is_empty()
    );
    let same = json!([{"kind": "azure_plan", "currency": "SEK"}]);
    assert!(
        run(
            json!({"lineItems": [line(7, NCE)]}),
            eu_context(same, false)
        )
        .findings
        .is_empty()
    );
}

#[test]
fn customer_agreement_missing_is_reported_once() {
    let mut ctx = context(vec![nce(NCE)]);
    ctx["customer"]["customerAgreementAccepted"] = json!(false);
    let v = run(
        json!({"lineItems": [line(0, NCE), line(1, NCE)]}),
        ctx.clone(),
    );
    let f = only(&v, "CustomerAgreementMissing");
    assert_eq!(f.line_item_id, None);
    assert_eq!(f.partner_center_error_code, Some(13605));
    // Not new commerce → no agreement needed.
    let perpetual = "DG7GMGF0DWM3:0002:PERP";
    ctx["catalog"] = json!([software(perpetual, Some("Perpetual"), json!([]))]);
    let mut cart_line = line(0, perpetual);
    cart_line["billingCycle"] = json!("one_time");
    cart_line.as_object_mut().unwrap().remove("termDuration");
    assert!(
        run(json!({"lineItems": [cart_line]}), ctx)
            .findings
            .is_empty()
    );
}

#[test]
fn quantity_out_of_range() {
    for quantity in [0, 301] {
        let mut cart_line = line(0, NCE);
        cart_line["quantity"] = json!(quantity);
        let f = only(
            &run(json!({"lineItems": [cart_line]}), context(vec![nce(NCE)])),
            "QuantityOutOfRange",
        );
        assert_eq!(f.params["minimum"], json!(1));
        assert_eq!(f.params["maximum"], json!(300));
        assert_eq!(f.partner_center_error_code, Some(900275));
    }
    for quantity in [1, 300] {
        let mut cart_line = line(0, NCE);
        cart_line["quantity"] = json!(quantity);
        assert!(
            run(json!({"lineItems": [cart_line]}), context(vec![nce(NCE)]))
                .findings
                .is_empty()
        );
    }
}

#[test]
fn billing_cycle_not_supported() {
    let mut cart_line = line(0, NCE);
    cart_line["billingCycle"] = json!("triennial");
    cart_line["termDuration"] = json!("P1Y");
    let v = run(json!({"lineItems": [cart_line]}), context(vec![nce(NCE)]));
    let f = only(&v, "BillingCycleNotSupported");
    assert_eq!(f.partner_center_error_code, Some(900269));
    // PascalCase spelling of a supported cycle is the same cycle.
    let mut ok = line(0, NCE);
    ok["billingCycle"] = json!("Monthly");
    assert!(
        run(json!({"lineItems": [ok]}), context(vec![nce(NCE)]))
            .findings
            .is_empty()
    );
}

#[test]
fn term_not_offered() {
    let mut cart_line = line(0, NCE);
    cart_line["termDuration"] = json!("P3Y");
    only(
        &run(
            json!({"lineItems": [cart_line.clone()]}),
            context(vec![nce(NCE)]),
        ),
        "TermNotOffered",
    );
    cart_line.as_object_mut().unwrap().remove("termDuration");
    only(
        &run(json!({"lineItems": [cart_line]}), context(vec![nce(NCE)])),
        "TermNotOffered",
    );
}

#[test]
fn billing_cycle_longer_than_term() {
    let mut cart_line = line(0, NCE);
    cart_line["billingCycle"] = json!("annual");
    cart_line["termDuration"] = json!("P1M");
    let f = only(
        &run(
            json!({"lineItems": [cart_line.clone()]}),
            context(vec![nce(NCE)]),
        ),
        "BillingCycleLongerThanTerm",
    );
    assert_eq!(f.partner_center_error_code, Some(900270));
    cart_line["termDuration"] = json!("P1Y");
    assert!(
        run(json!({"lineItems": [cart_line]}), context(vec![nce(NCE)]))
            .findings
            .is_empty()
    );
}

#[test]
fn trial_requires_no_billing_cycle() {
    let mut trial = nce(NCE);
    trial["sku"]["isTrial"] = json!(true);
    trial["sku"]["supportedBillingCycles"] = json!(["none"]);
    let v = run(
        json!({"lineItems": [line(0, NCE)]}),
        context(vec![trial.clone()]),
    );
    assert!(
        codes(&v).contains(&"TrialRequiresNoBillingCycle"),
        "{:?}",
        codes(&v)
    );
    let mut ok = line(0, NCE);
    ok["billingCycle"] = json!("none");
    assert!(
        run(json!({"lineItems": [ok]}), context(vec![trial]))
            .findings
            .is_empty()
    );
}

#[test]
fn attestation_required() {
    let mut w365 = nce(NCE);
    w365["sku"]["attestationProperties"] =
        json!({"attestationType": "Windows365", "enforceAttestation": true});
    let f = only(
        &run(
            json!({"lineItems": [line(0, NCE)]}),
            context(vec![w365.clone()]),
        ),
        "AttestationRequired",
    );
    assert_eq!(f.partner_center_error_code, Some(900203));
    let mut ok = line(0, NCE);
    ok["attestationAccepted"] = json!(true);
    assert!(
        run(json!({"lineItems": [ok]}), context(vec![w365]))
            .findings
            .is_empty()
    );
}

const RI: &str = "DZH318Z0BQ3Q:0001:RI01";

fn ri_line(subscription: &str) -> Value {
    json!({"id": 0, "catalogItemId": RI, "quantity": 1, "termDuration": "P1Y", "billingCycle": "one_time",
           "provisioningContext": {"subscriptionId": subscription, "scope": "shared", "duration": "1Year"}})
}

#[test]
fn a_complete_reservation_line_has_no_findings() {
    let v = run(
        json!({"lineItems": [ri_line("SUB-REGISTERED")]}),
        context(vec![reservation(RI)]),
    );
    assert_eq!(codes(&v), Vec::<&str>::new());
}

#[test]
fn inventory_check_required() {
    let mut ctx = context(vec![reservation(RI)]);
    ctx["inventory"] = json!([]);
    only(
        &run(json!({"lineItems": [ri_line("sub-registered")]}), ctx),
        "InventoryCheckRequired",
    );
}

#[test]
fn inventory_unavailable() {
    let mut ctx = context(vec![reservation(RI)]);
    ctx["inventory"] = json!([{"productId": "dzh318z0bq3q", "skuId": "0001", "isRestricted": true,
        "restrictions": [{"reasonCode": "NotAvailableForSubscription", "description": "Location japanwest"}]}]);
    let f = only(
        &run(json!({"lineItems": [ri_line("sub-registered")]}), ctx),
        "InventoryUnavailable",
    );
    assert_eq!(f.partner_center_error_code, Some(800010));
    assert_eq!(f.params["reasons"], json!(["Location japanwest"]));
}

#[test]
fn provisioning_context_missing_once_per_key() {
    let mut cart_line = ri_line("sub-registered");
    cart_line["provisioningContext"] = json!({"SUBSCRIPTIONID": "sub-registered"});
    let v = run(
        json!({"lineItems": [cart_line]}),
        context(vec![reservation(RI)]),
    );
    let keys: Vec<&Value> = v
        .findings
        .iter()
        .filter(|f| f.code.as_str() == "ProvisioningContextMissing")
        .map(|f| &f.params["key"])
        .collect();
    assert_eq!(keys, vec![&json!("Scope"), &json!("Duration")]);
}

#[test]
fn subscription_not_registered() {
    for subscription in ["sub-pending", "sub-unknown"] {
        let v = run(
            json!({"lineItems": [ri_line(subscription)]}),
            context(vec![reservation(RI)]),
        );
        let f = only(&v, "SubscriptionNotRegistered");
        assert_eq!(f.partner_center_error_code, Some(800030));
        assert_eq!(f.params["subscriptionId"], json!(subscription));
    }
}

#[test]
fn order_groups_follow_purchase_system_and_billing_cycle() {
    // The documented checkout example: Azure legacy offer, two RIs + software (one_time),
    // a monthly SaaS line and a trial.
    let saas = "DZH318Z0BXWC:0002:SAAS";
    let trial = "DZH318Z0C0WF:0001:TRIAL";
    let mut trial_availability = nce(trial);
    trial_availability["sku"]["isTrial"] = json!(true);
    let cart = json!({"lineItems": [
        {"id": 0, "catalogItemId": "MS-AZR-0145P", "quantity": 1, "billingCycle": "monthly"},
        ri_line("sub-registered"),
        {"id": 2, "catalogItemId": RI, "quantity": 1, "billingCycle": "OneTime"},
        {"id": 3, "catalogItemId": saas, "quantity": 1, "billingCycle": "monthly"},
        {"id": 4, "catalogItemId": trial, "quantity": 10, "billingCycle": "monthly"},
        {"id": 5, "catalogItemId": "91FD106F-4B2C-4938-95AC-F54F74E9A239", "quantity": 1, "billingCycle": "annual",
         "addonItems": [{"id": 6, "catalogItemId": "C94271D8-B431-4A25-A3C5-A57737A1C909", "quantity": 1, "billingCycle": "annual"}]}
    ]});
    let mut cart = cart;
    cart["lineItems"][1]["id"] = json!(1);
    let v = run(
        cart,
        context(vec![reservation(RI), nce(saas), trial_availability]),
    );
    let groups: Vec<(String, Option<String>, Vec<i64>)> = v
        .order_groups
        .iter()
        .map(|g| {
            (
                g.order_group.clone(),
                g.billing_cycle.as_ref().map(|c| c.to_string()),
                g.line_item_ids.clone(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        vec![
            ("OMS-0".into(), Some("monthly".into()), vec![0]),
            ("0".into(), Some("one_time".into()), vec![1, 2]),
            ("1".into(), Some("monthly".into()), vec![3]),
            ("2".into(), Some("none".into()), vec![4]),
            ("OMS-1".into(), Some("annual".into()), vec![5, 6]),
        ]
    );
}

#[test]
fn the_json_contract_is_camel_case() {
    let v = run(json!({"lineItems": []}), context(vec![]));
    let out = serde_json::to_value(&v).unwrap();
    assert_eq!(
        out,
        json!({"findings": [{"code": "CartEmpty", "severity": "error", "lineItemId": null,
                             "partnerCenterErrorCode": null, "params": {}}],
               "orderGroups": []})
    );
}

#[test]
fn malformed_input_names_the_json_path() {
    let err = pc_core::rules::parse_input(
        r#"{"cart": {"lineItems": [{"quantity": "lots"}]}, "context": {}}"#,
    )
    .unwrap_err();
    assert_eq!(err.path.to_string(), "$.cart.lineItems[0].quantity");
    let err = pc_core::rules::parse_input(
        r#"{"cart": {}, "context": {"now": "yesterday", "partner": {}, "customer": {}}}"#,
    )
    .unwrap_err();
    assert_eq!(err.path.to_string(), "$.context.now");
}

#[test]
fn input_followed_by_anything_but_whitespace_is_refused() {
    let input = r#"{"cart": {"lineItems": []}, "context": {"now": "2026-11-21T12:00:00Z",
        "partner": {"country": "US", "billingCurrency": "USD"},
        "customer": {"country": "US", "segment": "commercial"}}}"#;
    assert!(pc_core::rules::parse_input(&format!("{input} \n\t")).is_ok());
    for tail in [" x", "}", ",{}", " null"] {
        let err = pc_core::rules::parse_input(&format!("{input}{tail}")).unwrap_err();
        assert_eq!(err.path.to_string(), "$", "{tail:?}");
        assert!(err.message.starts_with("trailing characters"), "{err}");
    }
}

#[test]
fn availabilities_with_empty_product_are_other_kind() {
    // Documented availabilities embed `"product": {}`: no rule may guess a kind from it.
    let id = "DZH318Z0BQ3Q:0001:DZH318XZXPHL";
    let mut a: Value = nce(id);
    a["product"] = json!({});
    a["sku"] = json!({});
    let availability: Availability = serde_json::from_value(a.clone()).unwrap();
    assert_eq!(
        pc_core::rules::ProductKind::of(&availability),
        pc_core::rules::ProductKind::Other
    );
    let mut ctx = context(vec![a]);
    ctx["customer"]["customerAgreementAccepted"] = json!(false);
    assert!(
        run(json!({"lineItems": [line(0, id)]}), ctx)
            .findings
            .is_empty()
    );
}
