//! pc-core's lifecycle rules on arbitrary facts (`pc_fuzz::LifecycleInput`), given as JSON (an
//! input starting with `{`, as the seeds) or built from the raw bytes (`pc_fuzz::lifecycle_json`,
//! which reaches extreme values byte mutations of JSON text rarely make): `allowed_changes`,
//! `SubscriptionChange::from_patch`, `check_change` and `refund` for the given change, every
//! change the PATCH asks for and the usual ones (cancel, one seat more or fewer, auto-renew,
//! clearing the scheduled change); `check_software_cancellation` and `software_refund` for every
//! line of the order.
//!
//! `PC_FUZZ_SHOW=1` prints the JSON a raw-bytes input stands for (to turn a crash into a test).
//!
//! Checked: nothing panics (no overflow in dates, seats or amounts); a refund is only given for
//! a change `check_change` allows; results serialize (as the npm package and the sandbox send
//! them).

#![no_main]

use chrono::{TimeZone as _, Utc};
use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use pc_core::rules::lifecycle::charged_period;
use pc_core::rules::{
    ProductKind, SubscriptionChange, allowed_changes, check_change, check_software_cancellation,
    refund, software_refund,
};
use pc_fuzz::LifecycleInput;

fuzz_target!(|data: &[u8]| {
    let parsed = if data.first() == Some(&b'{') {
        serde_json::from_slice::<LifecycleInput>(data)
    } else {
        let mut u = Unstructured::new(data);
        let Ok(json) = pc_fuzz::lifecycle_json(&mut u) else {
            return;
        };
        if std::env::var_os("PC_FUZZ_SHOW").is_some() {
            // Turning a crash into a test: the input as JSON, as a seed or a test would give it.
            eprintln!("{json:#}");
        }
        serde_json::from_value::<LifecycleInput>(json)
    };
    let Ok(input) = parsed else {
        return;
    };
    let now = input
        .now
        .unwrap_or_else(|| Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap());
    if let Some(facts) = &input.facts {
        let allowed = allowed_changes(facts, now);
        serde_json::to_string(&allowed).expect("allowed changes serialize");
        let _ = charged_period(&facts.subscription);
        let quantity = facts.subscription.quantity.unwrap_or(0);
        let mut changes = vec![
            SubscriptionChange::Cancel,
            SubscriptionChange::Quantity {
                quantity: quantity.saturating_add(1),
            },
            SubscriptionChange::Quantity {
                quantity: quantity.saturating_sub(1),
            },
            SubscriptionChange::AutoRenew { enabled: false },
            SubscriptionChange::ClearScheduledNextTerm,
        ];
        changes.extend(input.change.clone());
        if let Some(patch) = &input.patch
            && let Ok(asked) = SubscriptionChange::from_patch(&facts.subscription, patch)
        {
            changes.extend(asked);
        }
        for change in &changes {
            let findings = check_change(facts, change, now);
            serde_json::to_string(&findings).expect("findings serialize");
            if let Some(refund) = refund(facts, change, now) {
                assert!(findings.is_empty(), "a refund for a refused change");
                serde_json::to_string(&refund).expect("a refund serializes");
            }
        }
    }
    if let Some(order) = &input.order {
        let kind = input.kind.unwrap_or(ProductKind::PerpetualSoftware);
        for line in order.line_items.iter().flatten() {
            let findings = check_software_cancellation(order, line, kind, now);
            if let Some(refund) = software_refund(order, line, kind, now) {
                assert!(findings.is_empty(), "a refund for a refused cancellation");
                serde_json::to_string(&refund).expect("a refund serializes");
            }
        }
    }
});
