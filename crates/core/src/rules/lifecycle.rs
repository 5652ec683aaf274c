//! Lifecycle rules: what a partner may change on a subscription after the purchase, until when,
//! and the refund a reduction or cancellation gives.
//!
//! Partner Center pages: *Change the quantity of a subscription*, *Cancel a subscription*,
//! *Create scheduled changes* (all `PATCH /v1/customers/{customer-id}/subscriptions/{id}`),
//! *Cancel software purchases* (`PATCH /v1/customers/{customer-id}/orders/{order-id}`), and the
//! policy page *New commerce cancellation policy*:
//!
//! * license-based new commerce and software subscriptions: seats can be reduced, or the
//!   subscription cancelled, within 168 hours (7 days) of the purchase or renewal, with a
//!   prorated refund; seats added mid-term likewise only within 168 hours of being added
//!   (`refundableQuantity.details[]`); afterwards seats can only be added and other changes wait
//!   for the renewal (`scheduledNextTermInstructions`);
//! * perpetual software: a full refund within 30 days of the order.
//!
//! The windows are read from Partner Center's own fields where the subscription has them
//! (`cancellationAllowedUntilDate`, `refundableQuantity`), and only computed from the start of
//! the term when it does not. Like the purchase rules, everything here is pure and
//! deterministic: the portal, the npm package and the sandbox call the same functions.
//!
//! | function | answers |
//! |---|---|
//! | [`allowed_changes`] | each change and until when it is allowed, or the finding that stands in its way |
//! | [`check_change`] | the findings against one requested change (empty: Partner Center accepts it) |
//! | [`refund`] | the refund a reduction or cancellation gives, prorated, in the subscription's currency |
//! | [`SubscriptionChange::from_patch`] | the changes a PATCH body asks for |
//! | [`check_software_cancellation`], [`software_refund`] | cancelling a software order line |

use chrono::{DateTime, TimeDelta, Utc};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::enums::{OrderStatus, SubscriptionStatus};
use crate::models::{Availability, NextTermInstructions, Order, OrderLineItem, Subscription};
use crate::rules::quantity::{quantity_in_bounds, quantity_out_of_range};
use crate::rules::terms::check_term_and_cycle;
use crate::rules::{Finding, FindingCode, ProductKind};

/// How long after a purchase, renewal or seat increase seats can be reduced or the subscription
/// cancelled (new commerce licenses and software subscriptions): 168 hours.
pub const CANCELLATION_WINDOW: TimeDelta = TimeDelta::hours(168);

/// How long after the order perpetual software can be cancelled with a full refund: 30 days.
pub const PERPETUAL_REFUND_WINDOW: TimeDelta = TimeDelta::days(30);

/// What the lifecycle rules know about one subscription: `{subscription, kind, unitPrice?,
/// currency?, availability?}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SubscriptionFacts {
    /// The subscription as Partner Center returns it (E18).
    pub subscription: Subscription,
    /// What it is ([`ProductKind::of`] its availability).
    pub kind: ProductKind,
    /// The price of one seat for one billing period, in `currency`: the `pricing.price` of the
    /// order line that bought it. Without it no refund amount is given.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(type = "number | null", optional))]
    pub unit_price: Option<Decimal>,
    /// ISO 4217 currency of `unitPrice` (the order's `currencyCode`).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub currency: Option<String>,
    /// The availability it was bought from, with its SKU (quantity limits, billing cycles) and
    /// terms; needed to check seat limits and changes scheduled for the renewal.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub availability: Option<Availability>,
}

/// One change to a subscription (`{"change": "quantity", "quantity": 3}`, `{"change":
/// "cancel"}`, …).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum SubscriptionChange {
    /// New total seat count: more seats (always, within the SKU's maximum) or fewer (only
    /// within the seats' windows).
    Quantity {
        /// Seats after the change.
        quantity: i64,
    },
    /// Cancel the subscription (`status: "deleted"`), only within the cancellation window.
    Cancel,
    /// Turn renewal at the end of the term on or off (`autoRenewEnabled`).
    AutoRenew {
        /// Whether the subscription renews.
        enabled: bool,
    },
    /// What the next term buys (`scheduledNextTermInstructions`): quantity, term and billing
    /// cycle at renewal.
    ScheduleNextTerm {
        /// Partner Center's instructions.
        instructions: Box<NextTermInstructions>,
    },
    /// Remove the scheduled change (`scheduledNextTermInstructions: null`).
    ClearScheduledNextTerm,
}

impl SubscriptionChange {
    /// The change's name, as in its JSON `change` tag (`quantity`, `cancel`, `autoRenew`,
    /// `scheduleNextTerm`, `clearScheduledNextTerm`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Quantity { .. } => "quantity",
            Self::Cancel => "cancel",
            Self::AutoRenew { .. } => "autoRenew",
            Self::ScheduleNextTerm { .. } => "scheduleNextTerm",
            Self::ClearScheduledNextTerm => "clearScheduledNextTerm",
        }
    }

    /// The changes a Partner Center PATCH body asks for, compared with `current`: Partner
    /// Center's clients send the whole subscription back with some members changed, so only the
    /// members that differ count. `quantity`, `status: "deleted"`, `autoRenewEnabled` and
    /// `scheduledNextTermInstructions` (an object sets it, `null` removes it) are read; other
    /// members are ignored. In that order; empty when nothing differs.
    ///
    /// # Errors
    /// [`crate::rules::InputError`] naming the JSON path when a read member has the wrong
    /// shape, or when `status` is another value than the current one or `deleted` (a
    /// subscription cannot be suspended or re-activated this way).
    pub fn from_patch(
        current: &Subscription,
        patch: &Value,
    ) -> Result<Vec<Self>, crate::rules::InputError> {
        use crate::json::JsonPath;
        let invalid = |member: &str, message: String| crate::rules::InputError {
            path: JsonPath::member(member),
            message,
        };
        let Some(body) = patch.as_object() else {
            return Err(crate::rules::InputError {
                path: JsonPath::default(),
                message: "expected a subscription object".to_owned(),
            });
        };
        let mut changes = Vec::new();
        if let Some(value) = body.get("quantity").filter(|v| !v.is_null()) {
            let quantity = value
                .as_i64()
                .or_else(|| value.as_str().and_then(|s| s.trim().parse().ok()))
                .ok_or_else(|| {
                    invalid("quantity", format!("expected a whole number, got {value}"))
                })?;
            if current.quantity != Some(quantity) {
                changes.push(Self::Quantity { quantity });
            }
        }
        if let Some(value) = body.get("status").filter(|v| !v.is_null()) {
            let status = value
                .as_str()
                .ok_or_else(|| invalid("status", format!("expected a string, got {value}")))?;
            let same = current
                .status
                .as_ref()
                .is_some_and(|s| s.as_str().eq_ignore_ascii_case(status.trim()));
            if !same {
                if status
                    .trim()
                    .eq_ignore_ascii_case(SubscriptionStatus::Deleted.as_str())
                {
                    changes.push(Self::Cancel);
                } else {
                    return Err(invalid(
                        "status",
                        format!("only \"deleted\" (cancel) can be set, not \"{status}\""),
                    ));
                }
            }
        }
        if let Some(value) = body.get("autoRenewEnabled").filter(|v| !v.is_null()) {
            let enabled = value.as_bool().ok_or_else(|| {
                invalid(
                    "autoRenewEnabled",
                    format!("expected true or false, got {value}"),
                )
            })?;
            if current.auto_renew_enabled != Some(enabled) {
                changes.push(Self::AutoRenew { enabled });
            }
        }
        match body.get("scheduledNextTermInstructions") {
            Some(Value::Null) if current.scheduled_next_term_instructions.is_some() => {
                changes.push(Self::ClearScheduledNextTerm);
            }
            None | Some(Value::Null) => {}
            Some(value) => {
                let instructions: NextTermInstructions = serde_json::from_value(value.clone())
                    .map_err(|e| invalid("scheduledNextTermInstructions", e.to_string()))?;
                if current.scheduled_next_term_instructions.as_ref() != Some(&instructions) {
                    changes.push(Self::ScheduleNextTerm {
                        instructions: Box::new(instructions),
                    });
                }
            }
        }
        Ok(changes)
    }
}

/// Whether one change is allowed now: `{allowed, until?, quantity?, finding?}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Allowance {
    /// Whether Partner Center accepts the change now.
    pub allowed: bool,
    /// The last moment it is allowed (UTC), when it ends before the term does.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub until: Option<DateTime<Utc>>,
    /// For seat changes: how many seats can be added (up to the SKU's maximum) or removed.
    pub quantity: Option<i64>,
    /// Why it is not allowed.
    pub finding: Option<Finding>,
}

impl Allowance {
    fn allowed(until: Option<DateTime<Utc>>, quantity: Option<i64>) -> Self {
        Self {
            allowed: true,
            until,
            quantity,
            finding: None,
        }
    }

    fn refused(finding: Finding) -> Self {
        Self {
            finding: Some(finding),
            ..Self::default()
        }
    }
}

/// Every change a subscription allows now ([`allowed_changes`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AllowedChanges {
    /// Adding seats (`quantity` = how many more the SKU's maximum allows, `null` = no limit).
    pub add_seats: Allowance,
    /// Removing seats (`quantity` = how many, `until` = when the last window closes).
    pub reduce_seats: Allowance,
    /// Cancelling (`until` = end of the cancellation window).
    pub cancel: Allowance,
    /// Turning auto-renew on or off.
    pub auto_renew: Allowance,
    /// Scheduling a change of quantity, term or billing cycle for the renewal.
    pub schedule_next_term: Allowance,
}

/// A refund: `{amount, currency, quantity}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Refund {
    /// The amount credited, ≥ 0, in `currency`, rounded to cents (half away from zero).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub amount: Decimal,
    /// ISO 4217 currency.
    pub currency: String,
    /// Seats (or units) refunded.
    pub quantity: i64,
}

/// Each change of `facts.subscription` and whether it is allowed at `now`.
pub fn allowed_changes(facts: &SubscriptionFacts, now: DateTime<Utc>) -> AllowedChanges {
    let sub = &facts.subscription;
    let quantity = sub.quantity.unwrap_or(0);
    let maximum = maximum_quantity(facts);
    let add_seats = match first_finding(check_base(facts, "quantity")) {
        Some(finding) => Allowance::refused(finding),
        None => {
            let room = maximum.map(|max| max.saturating_sub(quantity).max(0));
            if room == Some(0) {
                Allowance::refused(quantity_finding(facts, quantity.saturating_add(1)))
            } else {
                Allowance::allowed(None, room)
            }
        }
    };
    let reduce_seats = match first_finding(check_base(facts, "quantity")) {
        Some(finding) => Allowance::refused(finding),
        None => {
            let (reducible, until) = reducible_seats(facts, now);
            let reducible = reducible.min(quantity.saturating_sub(minimum_quantity(facts)));
            if reducible > 0 {
                Allowance::allowed(until, Some(reducible))
            } else {
                Allowance::refused(seat_window_finding(facts, now))
            }
        }
    };
    let cancel = match first_finding(check_change(facts, &SubscriptionChange::Cancel, now)) {
        Some(finding) => Allowance::refused(finding),
        None => Allowance::allowed(cancellation_deadline(sub), None),
    };
    let auto_renew = match first_finding(check_base(facts, "autoRenew")) {
        Some(finding) => Allowance::refused(finding),
        None => Allowance::allowed(None, None),
    };
    let mut schedule = check_base(facts, "scheduleNextTerm");
    if schedule.is_empty() && sub.auto_renew_enabled != Some(true) {
        schedule.push(Finding::cart(FindingCode::AutoRenewDisabled));
    }
    let schedule_next_term = match first_finding(schedule) {
        Some(finding) => Allowance::refused(finding),
        None => Allowance::allowed(None, None),
    };
    AllowedChanges {
        add_seats,
        reduce_seats,
        cancel,
        auto_renew,
        schedule_next_term,
    }
}

/// The findings that stand against `change` of `facts.subscription` at `now`; empty when
/// Partner Center accepts it. Findings concern no line (`lineItemId: null`).
///
/// * every change: the subscription is `active` (`SubscriptionNotActive`) and its kind can be
///   changed this way (`ChangeNotAllowed`: perpetual software, Azure, legacy offers);
/// * more seats: within the SKU's maximum (`QuantityOutOfRange`, 900275);
/// * fewer seats: at least the SKU's minimum and at least one seat (cancel instead), only seats
///   still inside their window (`SeatReductionWindowPassed`, 900214, when none is;
///   `QuantityCannotDecrease`, 800090, when fewer are than asked);
/// * cancel: within `cancellationAllowedUntilDate` (`CancellationWindowPassed`, 900117);
/// * scheduled change: auto-renew on (`AutoRenewDisabled`), the quantity within the SKU's
///   limits, and a term and billing cycle the availability offers (`TermNotOffered`,
///   `BillingCycleNotSupported`, `BillingCycleLongerThanTerm`).
pub fn check_change(
    facts: &SubscriptionFacts,
    change: &SubscriptionChange,
    now: DateTime<Utc>,
) -> Vec<Finding> {
    let mut out = check_base(facts, change.as_str());
    if !out.is_empty() {
        return out;
    }
    let sub = &facts.subscription;
    let current = sub.quantity.unwrap_or(0);
    match change {
        SubscriptionChange::Quantity { quantity } => {
            let quantity = *quantity;
            if !quantity_in_range(facts, quantity) {
                out.push(quantity_finding(facts, quantity));
            } else if quantity < current {
                let (reducible, _) = reducible_seats(facts, now);
                let wanted = current.saturating_sub(quantity);
                if reducible <= 0 {
                    out.push(seat_window_finding(facts, now));
                } else if wanted > reducible {
                    out.push(
                        Finding::cart(FindingCode::QuantityCannotDecrease)
                            .with("quantity", quantity)
                            .with("reducible", reducible)
                            .with("minimumQuantity", current.saturating_sub(reducible)),
                    );
                }
            }
        }
        SubscriptionChange::Cancel => {
            let deadline = cancellation_deadline(sub);
            if deadline.is_none_or(|d| now > d) {
                out.push(
                    Finding::cart(FindingCode::CancellationWindowPassed)
                        .with("windowDays", 7)
                        .with("until", deadline.map(|d| d.to_rfc3339())),
                );
            }
        }
        SubscriptionChange::AutoRenew { .. } | SubscriptionChange::ClearScheduledNextTerm => {}
        SubscriptionChange::ScheduleNextTerm { instructions } => {
            if sub.auto_renew_enabled != Some(true) {
                out.push(Finding::cart(FindingCode::AutoRenewDisabled));
            }
            if let Some(quantity) = instructions.quantity
                && !quantity_in_range(facts, quantity)
            {
                out.push(quantity_finding(facts, quantity));
            }
            if let Some(availability) = &facts.availability {
                let product = instructions.product.as_ref();
                let cycle = product
                    .and_then(|p| p.billing_cycle.as_ref())
                    .map(|c| c.value().clone())
                    .or_else(|| sub.billing_cycle.as_ref().map(|c| c.value().clone()));
                let term = product
                    .and_then(|p| p.term_duration.clone())
                    .or_else(|| sub.term_duration.clone());
                out.extend(
                    check_term_and_cycle(availability, cycle.as_ref(), term.as_deref())
                        .into_iter()
                        .map(|mut f| {
                            f.line_item_id = None;
                            f
                        }),
                );
            }
        }
    }
    out
}

/// The refund `change` gives at `now`: a seat reduction or a cancellation of a license-based or
/// software subscription, allowed by [`check_change`], refunds the unused part of the billing
/// period already charged for the seats removed:
///
/// `unitPrice × seats × unused days ÷ days in the billing period`, rounded to cents,
///
/// where a day started counts as used. `None` for other changes, for refused ones, and when
/// `unitPrice`, `currency` or the billing period is unknown.
pub fn refund(
    facts: &SubscriptionFacts,
    change: &SubscriptionChange,
    now: DateTime<Utc>,
) -> Option<Refund> {
    if !check_change(facts, change, now).is_empty() {
        return None;
    }
    let sub = &facts.subscription;
    let current = sub.quantity.unwrap_or(0);
    let seats = match change {
        SubscriptionChange::Quantity { quantity } if *quantity < current => {
            current.saturating_sub(*quantity)
        }
        SubscriptionChange::Cancel => current,
        _ => return None,
    };
    let (start, end) = charged_period(sub)?;
    Some(Refund {
        amount: prorate(facts.unit_price?, seats, start, end, now)?,
        currency: facts.currency.clone()?,
        quantity: seats,
    })
}

/// The part of `unit_price × quantity` (the price of one billing period `[start, end)`) that is
/// not used at `at`: whole days left after the day `at` falls in, over the days in the period,
/// rounded to cents (half away from zero). 0 after the period ends; the whole amount at or
/// before `start`. `None` when the amount does not fit a `Decimal` (about 7.9 × 10²⁸).
pub fn prorate(
    unit_price: Decimal,
    quantity: i64,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    at: DateTime<Utc>,
) -> Option<Decimal> {
    let whole = unit_price.checked_mul(Decimal::from(quantity))?;
    let days = |from: DateTime<Utc>, to: DateTime<Utc>| {
        let seconds = (to - from).num_seconds().max(0);
        // A started day counts as a whole day.
        seconds.saturating_add(86_399) / 86_400
    };
    let period = days(start, end);
    if period == 0 {
        return Some(Decimal::ZERO);
    }
    let used = days(start, at).min(period);
    Some(
        whole
            .checked_mul(Decimal::from(period - used))?
            .checked_div(Decimal::from(period))?
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
    )
}

/// The billing period already charged at the subscription's current state: it ends at
/// `billingCycleEndDate` (inclusive, so the period ends the day after) or, without it, at the
/// term's end, and is one billing cycle long (the whole term for `one_time` or an unknown
/// cycle). `None` when the dates are unknown.
pub fn charged_period(sub: &Subscription) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let term_start = term_start(sub);
    let end = sub
        .billing_cycle_end_date
        .as_ref()
        .or(sub.commitment_end_date.as_ref())
        .and_then(|t| t.instant())
        .and_then(|d| d.checked_add_signed(TimeDelta::days(1)));
    let months = sub
        .billing_cycle
        .as_ref()
        .and_then(|c| c.value().period_months());
    match (end, months) {
        (Some(end), Some(months)) => {
            let start = end.checked_sub_months(chrono::Months::new(months))?;
            // A purchase starts mid-day; the first period starts with it.
            Some((term_start.map_or(start, |t| t.max(start)), end))
        }
        (Some(end), None) => Some((term_start?, end)),
        (None, _) => None,
    }
}

/// The start of the current term: the renewal (`commitmentEndDate` minus the term) when the
/// subscription has renewed, else `effectiveStartDate` or `creationDate`.
fn term_start(sub: &Subscription) -> Option<DateTime<Utc>> {
    let start = sub
        .effective_start_date
        .as_ref()
        .or(sub.creation_date.as_ref())
        .and_then(|t| t.instant());
    let renewed = sub
        .commitment_end_date
        .as_ref()
        .and_then(|t| t.instant())
        .zip(sub.term_duration.as_deref())
        .and_then(|(end, term)| {
            let months = crate::rules::terms::duration_months(term)?;
            end.checked_add_signed(TimeDelta::days(1))?
                .checked_sub_months(chrono::Months::new(months))
        });
    match (start, renewed) {
        (Some(s), Some(r)) => Some(s.max(r)),
        (s, r) => s.or(r),
    }
}

/// The last moment the subscription can be cancelled: `cancellationAllowedUntilDate`, or 168
/// hours after the current term started when Partner Center does not state it.
fn cancellation_deadline(sub: &Subscription) -> Option<DateTime<Utc>> {
    sub.cancellation_allowed_until_date
        .as_ref()
        .and_then(|t| t.instant())
        .or_else(|| term_start(sub)?.checked_add_signed(CANCELLATION_WINDOW))
}

/// Seats that can still be removed at `now`, and until when the last of them can: the blocks
/// of `refundableQuantity.details` whose `allowedUntilDateTime` has not passed or, without
/// them, every seat while the cancellation window is open.
fn reducible_seats(facts: &SubscriptionFacts, now: DateTime<Utc>) -> (i64, Option<DateTime<Utc>>) {
    let sub = &facts.subscription;
    let details = sub
        .refundable_quantity
        .as_ref()
        .and_then(|r| r.details.as_deref());
    match details {
        Some(details) => details
            .iter()
            .filter_map(|d| Some((d.quantity?, d.allowed_until_date_time.as_ref()?.instant()?)))
            .filter(|(_, until)| now <= *until)
            .fold((0_i64, None), |(total, last), (quantity, until)| {
                (
                    total.saturating_add(quantity.max(0)),
                    Some(last.map_or(until, |l: DateTime<Utc>| l.max(until))),
                )
            }),
        None => match cancellation_deadline(sub) {
            Some(deadline) if now <= deadline => (sub.quantity.unwrap_or(0), Some(deadline)),
            _ => (0, None),
        },
    }
}

/// The finding of a seat reduction when no seat is inside its window.
fn seat_window_finding(facts: &SubscriptionFacts, now: DateTime<Utc>) -> Finding {
    let (reducible, _) = reducible_seats(facts, now);
    if reducible > 0 {
        // Seats are inside their window, but the SKU's minimum keeps them.
        return quantity_finding(
            facts,
            facts
                .subscription
                .quantity
                .unwrap_or(0)
                .saturating_sub(reducible),
        );
    }
    Finding::cart(FindingCode::SeatReductionWindowPassed).with("windowDays", 7)
}

/// The findings every change starts with: an active subscription of a kind that changes.
fn check_base(facts: &SubscriptionFacts, change: &str) -> Vec<Finding> {
    let sub = &facts.subscription;
    let active = sub
        .status
        .as_ref()
        .is_some_and(|s| *s.value() == SubscriptionStatus::Active);
    if !active {
        let status = sub.status.as_ref().map(|s| s.as_str().to_owned());
        return vec![Finding::cart(FindingCode::SubscriptionNotActive).with("status", status)];
    }
    let changeable = matches!(
        facts.kind,
        ProductKind::NewCommerceLicense | ProductKind::SoftwareSubscription
    );
    if !changeable {
        return vec![
            Finding::cart(FindingCode::ChangeNotAllowed)
                .with("change", change)
                .with("kind", facts.kind.as_str()),
        ];
    }
    Vec::new()
}

fn first_finding(findings: Vec<Finding>) -> Option<Finding> {
    findings.into_iter().next()
}

fn minimum_quantity(facts: &SubscriptionFacts) -> i64 {
    facts
        .availability
        .as_ref()
        .and_then(|a| a.sku.as_ref())
        .and_then(|s| s.minimum_quantity)
        .unwrap_or(1)
        .max(1)
}

fn maximum_quantity(facts: &SubscriptionFacts) -> Option<i64> {
    facts
        .availability
        .as_ref()
        .and_then(|a| a.sku.as_ref())
        .and_then(|s| s.maximum_quantity)
}

/// A subscription keeps at least one seat (0 is cancelling): the SKU's bounds with a minimum of
/// at least 1, checked by the quantity rule's own [`quantity_in_bounds`].
fn quantity_in_range(facts: &SubscriptionFacts, quantity: i64) -> bool {
    quantity_in_bounds(
        quantity,
        Some(minimum_quantity(facts)),
        maximum_quantity(facts),
    )
}

fn quantity_finding(facts: &SubscriptionFacts, quantity: i64) -> Finding {
    quantity_out_of_range(
        Some(quantity),
        Some(minimum_quantity(facts)),
        maximum_quantity(facts),
    )
}

/// The findings against cancelling line `line` of software order `order` at `now` (Partner
/// Center's *Cancel software purchases*: the order PATCHed with `status: "cancelled"`): only
/// software lines (`ChangeNotAllowed`), not already cancelled (`SubscriptionNotActive`: the
/// order is `cancelled` or the line's quantity is 0), within 30 days of the order for perpetual
/// software and 168 hours for software subscriptions (`CancellationWindowPassed`, 900117).
/// Findings concern the line (`lineItemId` = its `lineItemNumber`).
pub fn check_software_cancellation(
    order: &Order,
    line: &OrderLineItem,
    kind: ProductKind,
    now: DateTime<Utc>,
) -> Vec<Finding> {
    let line_id = line.line_item_number.unwrap_or(0);
    let status = order.status.as_ref().map(|s| s.value().clone());
    // A cancelled line keeps its place in the order with quantity 0.
    if status == Some(OrderStatus::Cancelled) || line.quantity == Some(0) {
        return vec![
            Finding::line(FindingCode::SubscriptionNotActive, line_id)
                .with("status", OrderStatus::Cancelled.as_str()),
        ];
    }
    let (window, window_days) = match kind {
        ProductKind::PerpetualSoftware => (PERPETUAL_REFUND_WINDOW, 30),
        ProductKind::SoftwareSubscription => (CANCELLATION_WINDOW, 7),
        other => {
            return vec![
                Finding::line(FindingCode::ChangeNotAllowed, line_id)
                    .with("change", "cancel")
                    .with("kind", other.as_str()),
            ];
        }
    };
    let deadline = order
        .creation_date
        .as_ref()
        .and_then(|t| t.instant())
        .and_then(|created| created.checked_add_signed(window));
    if deadline.is_none_or(|d| now > d) {
        return vec![
            Finding::line(FindingCode::CancellationWindowPassed, line_id)
                .with("windowDays", window_days)
                .with("until", deadline.map(|d| d.to_rfc3339())),
        ];
    }
    Vec::new()
}

/// The refund for cancelling software order line `line` at `now`: the line's whole charge
/// (`pricing.extendedPrice`, or `price × quantity`) in the order's `currencyCode`; `None` when
/// [`check_software_cancellation`] refuses it or the price is unknown.
pub fn software_refund(
    order: &Order,
    line: &OrderLineItem,
    kind: ProductKind,
    now: DateTime<Utc>,
) -> Option<Refund> {
    if !check_software_cancellation(order, line, kind, now).is_empty() {
        return None;
    }
    let quantity = line.quantity.unwrap_or(0);
    let pricing = line.pricing.as_ref()?;
    let amount = pricing
        .extended_price
        .or_else(|| pricing.price?.checked_mul(Decimal::from(quantity)))?;
    Some(Refund {
        amount: amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
        currency: order.currency_code.clone()?,
        quantity,
    })
}
