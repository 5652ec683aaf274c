//! Inputs the fuzz targets found (`cargo xtask fuzz`, `fuzz/`), kept as they were found: each
//! panicked before its fix. The lifecycle inputs are the JSON the `lifecycle` target built from
//! its crash files (`PC_FUZZ_SHOW=1`); they panicked on overflow — a `Decimal` product or a
//! `DateTime + TimeDelta` past chrono's last year, 262142.

use chrono::{DateTime, Utc};
use pc_core::models::Order;
use pc_core::rules::lifecycle::charged_period;
use pc_core::rules::{
    FindingCode, ProductKind, SubscriptionChange, SubscriptionFacts, allowed_changes, check_change,
    check_software_cancellation, refund, software_refund,
};
use serde_json::{Value, json};

/// The `lifecycle` target's default now.
fn now() -> DateTime<Utc> {
    "2026-11-21T12:00:00Z".parse().unwrap()
}

fn facts(input: &Value) -> SubscriptionFacts {
    serde_json::from_value(input["facts"].clone()).unwrap()
}

fn order(input: &Value) -> Order {
    serde_json::from_value(input["order"].clone()).unwrap()
}

fn codes(findings: &[pc_core::rules::Finding]) -> Vec<FindingCode> {
    findings.iter().map(|f| f.code).collect()
}

/// The term started in year 262142: 168 hours later is past chrono's range, so there is no
/// cancellation deadline, and cancelling is refused (`cancellation_deadline` panicked).
#[test]
fn a_term_starting_at_the_end_of_time_has_no_cancellation_window() {
    let input = json!({"facts": {"availability": {"catalogItemId": "CFQ7TTC0LH18:0001:CFQ7TTC0LH0R",
        "sku": {"supportedBillingCycles": ["monthly", "none"]}, "terms": []},
        "kind": "NewCommerceLicense",
        "subscription": {"creationDate": "+262142-12-31", "id": "sub-1",
            "scheduledNextTermInstructions": {"product": {"availabilityId": "CFQ7TTC0LH0R",
                "billingCycle": "none", "productId": "CFQ7TTC0LH18", "skuId": "0001",
                "termDuration": "P3Y"}, "quantity": 4621367722755826208_i64},
            "status": "Active", "termDuration": "P3Y"},
        "unitPrice": -0.35725},
        "kind": "AzurePlan", "now": "2026-10-17T17:22:53+00:00"});
    let facts = facts(&input);
    let now: DateTime<Utc> = "2026-10-17T17:22:53Z".parse().unwrap();
    let findings = check_change(&facts, &SubscriptionChange::Cancel, now);
    assert_eq!(codes(&findings), [FindingCode::CancellationWindowPassed]);
    assert_eq!(findings[0].params["until"], Value::Null);
    assert_eq!(refund(&facts, &SubscriptionChange::Cancel, now), None);
    assert!(!allowed_changes(&facts, now).cancel.allowed);
}

/// A billing cycle ending on chrono's last day: the period's end (the day after) does not
/// exist, so there is no charged period (`charged_period` panicked).
#[test]
fn a_billing_cycle_ending_at_the_end_of_time_has_no_charged_period() {
    let input = json!({"change": {"change": "scheduleNextTerm", "instructions": {"product": {
            "availabilityId": "CFQ7TTC0LH0R", "billingCycle": "monthly", "productId": "CFQ7TTC0LH18",
            "skuId": "0001", "termDuration": "P1Y"}, "quantity": 4189037546055098726_i64}},
        "facts": {"currency": "USD", "kind": "NewCommerceLicense",
            "subscription": {"billingCycle": "annual", "billingCycleEndDate": "+262142-12-31T17:30:12",
                "cancellationAllowedUntilDate": "+262142-12-31T23:58:28+00:00",
                "commitmentEndDate": "+262094-06-06T04:01:40", "id": "sub-1", "quantity": 24,
                "termDuration": "P3Y"}},
        "order": {"id": "order-1", "lineItems": [{"lineItemNumber": 0, "quantity": "6519107"},
            {"lineItemNumber": 1}]}});
    let facts = facts(&input);
    assert_eq!(charged_period(&facts.subscription), None);
    // Not active (no status): every change is refused, and nothing is refunded.
    let findings = check_change(&facts, &SubscriptionChange::Cancel, now());
    assert_eq!(codes(&findings), [FindingCode::SubscriptionNotActive]);
    assert_eq!(refund(&facts, &SubscriptionChange::Cancel, now()), None);
}

/// A software order placed in year 262142: 30 days later is past chrono's range, so the
/// window is unknown and the cancellation refused (`check_software_cancellation` panicked).
#[test]
fn a_software_order_placed_at_the_end_of_time_cannot_be_cancelled() {
    let input = json!({"order": {"creationDate": "+262142-12-31T23:42:56", "id": "order-1",
        "lineItems": [{"lineItemNumber": 0}, {"lineItemNumber": 1, "quantity": "170029940"}]}});
    let order = order(&input);
    for line in order.line_items.iter().flatten() {
        let findings =
            check_software_cancellation(&order, line, ProductKind::PerpetualSoftware, now());
        assert_eq!(codes(&findings), [FindingCode::CancellationWindowPassed]);
        assert_eq!(
            software_refund(&order, line, ProductKind::PerpetualSoftware, now()),
            None
        );
    }
}

/// A cancellation inside its window whose refund, 45 seats at 1.78 × 10²² over a period to
/// year 262084, does not fit a `Decimal`: allowed, but no amount (`prorate` panicked).
#[test]
fn a_refund_too_large_for_a_decimal_is_not_given() {
    let input = json!({"facts": {"availability": {"catalogItemId": "CFQ7TTC0LH18:0001:CFQ7TTC0LH0R",
        "sku": {"minimumQuantity": 538982946, "supportedBillingCycles": ["monthly", "monthly"]},
        "terms": []},
        "kind": "NewCommerceLicense",
        "subscription": {"commitmentEndDate": "+262084-10-30T09:42:35",
            "creationDate": "2026-11-21T12:00:00Z", "effectiveStartDate": "2085-12-14",
            "id": "sub-1", "quantity": 45, "status": "active"},
        "unitPrice": 1.777608048e22}});
    let facts = facts(&input);
    assert!(check_change(&facts, &SubscriptionChange::Cancel, now()).is_empty());
    assert!(charged_period(&facts.subscription).is_some());
    assert_eq!(refund(&facts, &SubscriptionChange::Cancel, now()), None);
}

/// A software line of 7.8 × 10¹⁸ units at 2.07 × 10²⁶: cancellable, but its price × quantity
/// does not fit a `Decimal`, so no refund amount (`software_refund` panicked).
#[test]
fn a_software_refund_too_large_for_a_decimal_is_not_given() {
    let input = json!({"change": {"change": "clearScheduledNextTerm"},
        "order": {"creationDate": "2026-11-21T12:00:00Z", "id": "order-1", "lineItems": [
            {"lineItemNumber": 0, "pricing": {"price": 2.070230501e26},
             "quantity": "7792071780281090047"},
            {"lineItemNumber": 1, "quantity": 10}, {"lineItemNumber": 2}]},
        "patch": {"status": "Active"}});
    let order = order(&input);
    let line = &order.line_items.as_ref().unwrap()[0];
    let kind = ProductKind::PerpetualSoftware;
    assert!(check_software_cancellation(&order, line, kind, now()).is_empty());
    assert_eq!(software_refund(&order, line, kind, now()), None);
}

/// A term ending on chrono's last day: the renewal's start (the day after, less the term)
/// cannot be computed, so the term starts at `effectiveStartDate` (`term_start` panicked).
#[test]
fn a_term_ending_at_the_end_of_time_starts_at_its_effective_start() {
    let input = json!({"facts": {"availability": {"catalogItemId": "CFQ7TTC0LH18:0001:CFQ7TTC0LH0R",
        "sku": {"minimumQuantity": "223", "supportedBillingCycles": ["monthly", "monthly"]},
        "terms": []},
        "kind": "SoftwareSubscription",
        "subscription": {"autoRenewEnabled": true, "billingCycle": "annual",
            "billingCycleEndDate": "2026-11-21T12:00:00Z", "commitmentEndDate": "+262142-12-31",
            "creationDate": "+262091-03-24T14:28:46", "effectiveStartDate": "+262091-03-24T14:28:46",
            "id": "sub-1", "quantity": -9223372036854775807_i64,
            "scheduledNextTermInstructions": {"product": {"availabilityId": "CFQ7TTC0LH0R",
                "billingCycle": "none", "productId": "CFQ7TTC0LH18", "skuId": "0001",
                "termDuration": "P1D"}, "quantity": i64::MIN},
            "status": "Active", "termDuration": "P1Y"},
        "unitPrice": 1098016109000.0}});
    let facts = facts(&input);
    let allowed = allowed_changes(&facts, now());
    let started: DateTime<Utc> = "+262091-03-24T14:28:46Z".parse().unwrap();
    assert!(allowed.cancel.allowed);
    assert_eq!(
        allowed.cancel.until,
        Some(started + pc_core::rules::lifecycle::CANCELLATION_WINDOW)
    );
}
