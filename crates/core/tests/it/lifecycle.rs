//! Lifecycle rules (`pc_core::rules::lifecycle`): each rule with a case it allows and a case it
//! refuses, refund amounts to the cent, and perpetual software's 30 days.

use chrono::{DateTime, TimeDelta, Utc};
use pc_core::models::{
    Availability, Decimal, NextTermInstructions, Order, OrderLineItem, Pricing, RefundableQuantity,
    RefundableQuantityDetail, Subscription,
};
use pc_core::rules::lifecycle::prorate;
use pc_core::rules::{
    FindingCode, ProductKind, SubscriptionChange, SubscriptionFacts, allowed_changes, check_change,
    check_software_cancellation, refund, software_refund,
};
use serde_json::json;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

/// Bought 2026-11-01 10:00 UTC: 5 seats, P1Y billed monthly at 11.00 USD a seat a month, the
/// window open until 168 hours later (as Partner Center states it on the subscription).
fn facts() -> SubscriptionFacts {
    let subscription: Subscription = serde_json::from_value(json!({
        "id": "sub-1",
        "quantity": 5,
        "status": "active",
        "autoRenewEnabled": true,
        "billingCycle": "monthly",
        "termDuration": "P1Y",
        "creationDate": "2026-11-01T10:00:00Z",
        "effectiveStartDate": "2026-11-01T10:00:00Z",
        "commitmentEndDate": "2027-10-31T00:00:00Z",
        "billingCycleEndDate": "2026-11-30T00:00:00Z",
        "cancellationAllowedUntilDate": "2026-11-08T10:00:00Z",
        "refundableQuantity": {
            "totalQuantity": 5,
            "details": [{ "quantity": 5, "allowedUntilDateTime": "2026-11-08T10:00:00Z" }]
        }
    }))
    .unwrap();
    let availability: Availability = serde_json::from_value(json!({
        "id": "CFQ7TTC0LH0R",
        "catalogItemId": "CFQ7TTC0LH18:0001:CFQ7TTC0LH0R",
        "sku": { "minimumQuantity": 1, "maximumQuantity": 300,
                 "supportedBillingCycles": ["monthly", "annual"] },
        "terms": [ { "duration": "P1M" }, { "duration": "P1Y" } ]
    }))
    .unwrap();
    SubscriptionFacts {
        subscription,
        kind: ProductKind::NewCommerceLicense,
        unit_price: Some(dec("11.00")),
        currency: Some("USD".to_owned()),
        availability: Some(availability),
    }
}

fn codes(findings: &[pc_core::rules::Finding]) -> Vec<FindingCode> {
    findings.iter().map(|f| f.code).collect()
}

const INSIDE: &str = "2026-11-03T09:00:00Z";
const OUTSIDE: &str = "2026-11-09T10:00:00Z";

#[test]
fn seats_are_reduced_inside_the_window_only() {
    let facts = facts();
    let fewer = SubscriptionChange::Quantity { quantity: 3 };
    assert!(check_change(&facts, &fewer, at(INSIDE)).is_empty());
    // The window's last moment still counts.
    assert!(check_change(&facts, &fewer, at("2026-11-08T10:00:00Z")).is_empty());
    let late = check_change(&facts, &fewer, at(OUTSIDE));
    assert_eq!(codes(&late), [FindingCode::SeatReductionWindowPassed]);
    assert_eq!(late[0].partner_center_error_code, Some(900_214));
}

#[test]
fn seats_are_added_after_the_window_within_the_sku_maximum() {
    let facts = facts();
    let more = SubscriptionChange::Quantity { quantity: 8 };
    assert!(check_change(&facts, &more, at(OUTSIDE)).is_empty());
    let too_many = check_change(
        &facts,
        &SubscriptionChange::Quantity { quantity: 301 },
        at(OUTSIDE),
    );
    assert_eq!(codes(&too_many), [FindingCode::QuantityOutOfRange]);
    assert_eq!(too_many[0].params["maximum"], json!(300));
}

#[test]
fn zero_seats_is_a_cancel_not_a_reduction() {
    let findings = check_change(
        &facts(),
        &SubscriptionChange::Quantity { quantity: 0 },
        at(INSIDE),
    );
    assert_eq!(codes(&findings), [FindingCode::QuantityOutOfRange]);
}

#[test]
fn only_seats_inside_their_own_window_can_be_removed() {
    let mut facts = facts();
    // 5 seats bought on 1 November (window closed by the 10th), 3 added on the 9th.
    facts.subscription.quantity = Some(8);
    facts.subscription.refundable_quantity = Some(RefundableQuantity {
        total_quantity: Some(3),
        details: Some(vec![
            RefundableQuantityDetail {
                quantity: Some(5),
                allowed_until_date_time: Some(at("2026-11-08T10:00:00Z").into()),
                ..Default::default()
            },
            RefundableQuantityDetail {
                quantity: Some(3),
                allowed_until_date_time: Some(at("2026-11-16T12:00:00Z").into()),
                ..Default::default()
            },
        ]),
        ..Default::default()
    });
    let now = at("2026-11-10T00:00:00Z");
    assert!(check_change(&facts, &SubscriptionChange::Quantity { quantity: 5 }, now).is_empty());
    let findings = check_change(&facts, &SubscriptionChange::Quantity { quantity: 4 }, now);
    assert_eq!(codes(&findings), [FindingCode::QuantityCannotDecrease]);
    assert_eq!(findings[0].partner_center_error_code, Some(800_090));
    assert_eq!(findings[0].params["minimumQuantity"], json!(5));
    let allowed = allowed_changes(&facts, now);
    assert_eq!(allowed.reduce_seats.quantity, Some(3));
    assert_eq!(allowed.reduce_seats.until, Some(at("2026-11-16T12:00:00Z")));
}

#[test]
fn cancel_inside_the_window_only() {
    let facts = facts();
    assert!(check_change(&facts, &SubscriptionChange::Cancel, at(INSIDE)).is_empty());
    let late = check_change(&facts, &SubscriptionChange::Cancel, at(OUTSIDE));
    assert_eq!(codes(&late), [FindingCode::CancellationWindowPassed]);
    assert_eq!(late[0].partner_center_error_code, Some(900_117));
}

#[test]
fn the_window_is_computed_from_the_term_start_when_partner_center_does_not_state_it() {
    let mut facts = facts();
    facts.subscription.cancellation_allowed_until_date = None;
    facts.subscription.refundable_quantity = None;
    let start = at("2026-11-01T10:00:00Z");
    let just_inside = start + TimeDelta::hours(168);
    let just_outside = just_inside + TimeDelta::seconds(1);
    assert!(check_change(&facts, &SubscriptionChange::Cancel, just_inside).is_empty());
    assert!(
        check_change(
            &facts,
            &SubscriptionChange::Quantity { quantity: 1 },
            just_inside
        )
        .is_empty()
    );
    assert_eq!(
        codes(&check_change(
            &facts,
            &SubscriptionChange::Cancel,
            just_outside
        )),
        [FindingCode::CancellationWindowPassed]
    );
    assert_eq!(
        codes(&check_change(
            &facts,
            &SubscriptionChange::Quantity { quantity: 1 },
            just_outside
        )),
        [FindingCode::SeatReductionWindowPassed]
    );
}

#[test]
fn refunds_are_prorated_by_unused_days_of_the_charged_month() {
    let facts = facts();
    // Charged period: from the purchase (1 November 10:00) to the end of 30 November, 30
    // started days. On the 3rd at 09:00, 1 day 23 hours are used: 2 started days, 28 left.
    // 2 seats × 11.00 × 28/30 = 20.533… → 20.53.
    let reduce = refund(
        &facts,
        &SubscriptionChange::Quantity { quantity: 3 },
        at(INSIDE),
    )
    .unwrap();
    assert_eq!(reduce.amount, dec("20.53"));
    assert_eq!(reduce.currency, "USD");
    assert_eq!(reduce.quantity, 2);
    // Cancelling refunds every seat: 5 × 11.00 × 28/30 = 51.333… → 51.33.
    let cancel = refund(&facts, &SubscriptionChange::Cancel, at(INSIDE)).unwrap();
    assert_eq!(cancel.amount, dec("51.33"));
    // At the moment of purchase nothing is used yet.
    let immediate = refund(
        &facts,
        &SubscriptionChange::Cancel,
        at("2026-11-01T10:00:00Z"),
    )
    .unwrap();
    assert_eq!(immediate.amount, dec("55.00"));
    // Refused changes and additions give no refund.
    assert_eq!(
        refund(&facts, &SubscriptionChange::Cancel, at(OUTSIDE)),
        None
    );
    assert_eq!(
        refund(
            &facts,
            &SubscriptionChange::Quantity { quantity: 9 },
            at(INSIDE)
        ),
        None
    );
}

#[test]
fn an_annual_charge_is_prorated_over_the_year() {
    let mut facts = facts();
    facts.subscription.billing_cycle = Some(pc_core::enums::BillingCycle::Annual.into());
    facts.subscription.billing_cycle_end_date = Some(at("2027-10-31T00:00:00Z").into());
    facts.unit_price = Some(dec("132.00"));
    // 1 Nov 2026 10:00 → 1 Nov 2027 00:00 is 365 started days; 2 used on the 2nd at 11:00.
    let r = refund(
        &facts,
        &SubscriptionChange::Cancel,
        at("2026-11-02T11:00:00Z"),
    )
    .unwrap();
    let expected = (dec("660.00") * Decimal::from(363) / Decimal::from(365)).round_dp(2);
    assert_eq!(r.amount, expected);
}

#[test]
fn prorate_rounds_to_cents_and_never_goes_negative() {
    let start = at("2026-01-01T00:00:00Z");
    let end = at("2026-01-04T00:00:00Z");
    assert_eq!(
        prorate(dec("10.00"), 1, start, end, at("2026-01-01T12:00:00Z")).unwrap(),
        dec("6.67")
    );
    assert_eq!(
        prorate(dec("10.00"), 1, start, end, at("2026-02-01T00:00:00Z")).unwrap(),
        Decimal::ZERO
    );
    assert_eq!(
        prorate(dec("10.00"), 1, start, end, at("2025-12-01T00:00:00Z")).unwrap(),
        dec("10.00")
    );
}

#[test]
fn auto_renew_and_scheduled_changes() {
    let facts = facts();
    let off = SubscriptionChange::AutoRenew { enabled: false };
    assert!(check_change(&facts, &off, at(OUTSIDE)).is_empty());

    let annual: NextTermInstructions = serde_json::from_value(json!({
        "product": { "billingCycle": "annual", "termDuration": "P1Y" }, "quantity": 3
    }))
    .unwrap();
    let schedule = SubscriptionChange::ScheduleNextTerm {
        instructions: Box::new(annual),
    };
    assert!(check_change(&facts, &schedule, at(OUTSIDE)).is_empty());

    // Annual billing on a monthly term is not offered (900270).
    let wrong: NextTermInstructions = serde_json::from_value(json!({
        "product": { "billingCycle": "annual", "termDuration": "P1M" }, "quantity": 3
    }))
    .unwrap();
    let findings = check_change(
        &facts,
        &SubscriptionChange::ScheduleNextTerm {
            instructions: Box::new(wrong),
        },
        at(OUTSIDE),
    );
    assert_eq!(codes(&findings), [FindingCode::BillingCycleLongerThanTerm]);
    assert_eq!(findings[0].line_item_id, None);

    // A scheduled change needs auto-renew on.
    let mut no_renew = facts.clone();
    no_renew.subscription.auto_renew_enabled = Some(false);
    assert_eq!(
        codes(&check_change(&no_renew, &schedule, at(OUTSIDE))),
        [FindingCode::AutoRenewDisabled]
    );
    assert!(
        !allowed_changes(&no_renew, at(OUTSIDE))
            .schedule_next_term
            .allowed
    );
}

#[test]
fn only_active_subscriptions_of_changeable_kinds_change() {
    let mut cancelled = facts();
    cancelled.subscription.status = Some(pc_core::enums::SubscriptionStatus::Deleted.into());
    assert_eq!(
        codes(&check_change(
            &cancelled,
            &SubscriptionChange::Quantity { quantity: 6 },
            at(INSIDE)
        )),
        [FindingCode::SubscriptionNotActive]
    );
    let mut azure = facts();
    azure.kind = ProductKind::AzurePlan;
    let findings = check_change(&azure, &SubscriptionChange::Cancel, at(INSIDE));
    assert_eq!(codes(&findings), [FindingCode::ChangeNotAllowed]);
    assert_eq!(findings[0].params["kind"], json!("AzurePlan"));
    let allowed = allowed_changes(&azure, at(INSIDE));
    assert!(!allowed.add_seats.allowed && !allowed.cancel.allowed && !allowed.auto_renew.allowed);
}

#[test]
fn allowed_changes_before_and_after_the_window() {
    let facts = facts();
    let inside = allowed_changes(&facts, at(INSIDE));
    assert!(inside.cancel.allowed);
    assert_eq!(inside.cancel.until, Some(at("2026-11-08T10:00:00Z")));
    assert_eq!(
        inside.reduce_seats.quantity,
        Some(4),
        "at least one seat stays"
    );
    assert_eq!(inside.add_seats.quantity, Some(295));
    let outside = allowed_changes(&facts, at(OUTSIDE));
    assert!(!outside.cancel.allowed && !outside.reduce_seats.allowed);
    assert_eq!(
        outside.reduce_seats.finding.map(|f| f.code),
        Some(FindingCode::SeatReductionWindowPassed)
    );
    assert!(outside.add_seats.allowed && outside.auto_renew.allowed);
}

#[test]
fn a_patch_body_becomes_the_changes_that_differ() {
    let current = facts().subscription;
    let mut body = serde_json::to_value(&current).unwrap();
    assert_eq!(SubscriptionChange::from_patch(&current, &body).unwrap(), []);
    body["quantity"] = json!(7);
    body["autoRenewEnabled"] = json!(false);
    assert_eq!(
        SubscriptionChange::from_patch(&current, &body).unwrap(),
        [
            SubscriptionChange::Quantity { quantity: 7 },
            SubscriptionChange::AutoRenew { enabled: false }
        ]
    );
    let cancel = json!({ "status": "deleted" });
    assert_eq!(
        SubscriptionChange::from_patch(&current, &cancel).unwrap(),
        [SubscriptionChange::Cancel]
    );
    let suspend = json!({ "status": "suspended" });
    let error = SubscriptionChange::from_patch(&current, &suspend).unwrap_err();
    assert_eq!(error.path.to_string(), "$.status");
    let bad = json!({ "quantity": "five" });
    assert_eq!(
        SubscriptionChange::from_patch(&current, &bad)
            .unwrap_err()
            .path
            .to_string(),
        "$.quantity"
    );
    let mut scheduled = current.clone();
    scheduled.scheduled_next_term_instructions = Some(NextTermInstructions {
        quantity: Some(2),
        ..Default::default()
    });
    assert_eq!(
        SubscriptionChange::from_patch(
            &scheduled,
            &json!({ "scheduledNextTermInstructions": null })
        )
        .unwrap(),
        [SubscriptionChange::ClearScheduledNextTerm]
    );
}

fn software_order(created: &str) -> (Order, OrderLineItem) {
    let line = OrderLineItem {
        line_item_number: Some(0),
        quantity: Some(2),
        pricing: Some(Pricing {
            price: Some(dec("250.00")),
            extended_price: Some(dec("500.00")),
            ..Default::default()
        }),
        ..Default::default()
    };
    let order = Order {
        currency_code: Some("EUR".to_owned()),
        creation_date: Some(at(created).into()),
        status: Some(pc_core::enums::OrderStatus::Completed.into()),
        line_items: Some(vec![line.clone()]),
        ..Default::default()
    };
    (order, line)
}

#[test]
fn perpetual_software_is_refunded_in_full_within_30_days() {
    let (order, line) = software_order("2026-11-01T10:00:00Z");
    let kind = ProductKind::PerpetualSoftware;
    let inside = at("2026-12-01T10:00:00Z");
    assert!(check_software_cancellation(&order, &line, kind, inside).is_empty());
    let r = software_refund(&order, &line, kind, inside).unwrap();
    assert_eq!(
        (r.amount, r.currency.as_str(), r.quantity),
        (dec("500.00"), "EUR", 2)
    );

    let outside = at("2026-12-01T10:00:01Z");
    let findings = check_software_cancellation(&order, &line, kind, outside);
    assert_eq!(codes(&findings), [FindingCode::CancellationWindowPassed]);
    assert_eq!(findings[0].params["windowDays"], json!(30));
    assert_eq!(findings[0].line_item_id, Some(0));
    assert_eq!(software_refund(&order, &line, kind, outside), None);
}

#[test]
fn software_subscriptions_cancel_within_7_days_and_licenses_not_from_the_order() {
    let (order, line) = software_order("2026-11-01T10:00:00Z");
    let kind = ProductKind::SoftwareSubscription;
    assert!(check_software_cancellation(&order, &line, kind, at(INSIDE)).is_empty());
    assert_eq!(
        codes(&check_software_cancellation(
            &order,
            &line,
            kind,
            at(OUTSIDE)
        )),
        [FindingCode::CancellationWindowPassed]
    );
    assert_eq!(
        codes(&check_software_cancellation(
            &order,
            &line,
            ProductKind::NewCommerceLicense,
            at(INSIDE)
        )),
        [FindingCode::ChangeNotAllowed]
    );
    let mut cancelled_line = line.clone();
    cancelled_line.quantity = Some(0);
    assert_eq!(
        codes(&check_software_cancellation(
            &order,
            &cancelled_line,
            kind,
            at(INSIDE)
        )),
        [FindingCode::SubscriptionNotActive]
    );
    let mut cancelled = order.clone();
    cancelled.status = Some(pc_core::enums::OrderStatus::Cancelled.into());
    assert_eq!(
        codes(&check_software_cancellation(
            &cancelled,
            &line,
            kind,
            at(INSIDE)
        )),
        [FindingCode::SubscriptionNotActive]
    );
}

#[test]
fn the_max_seats_sku_allows_no_additions() {
    let mut facts = facts();
    facts.subscription.quantity = Some(300);
    let allowed = allowed_changes(&facts, at(OUTSIDE));
    assert!(!allowed.add_seats.allowed);
    assert_eq!(
        allowed.add_seats.finding.map(|f| f.code),
        Some(FindingCode::QuantityOutOfRange)
    );
}
