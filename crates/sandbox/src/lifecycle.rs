//! After the purchase: renewals and expiries at term end, how a subscription reads at a moment
//! of the sandbox clock, and the writes of seat changes, cancellations, auto-renew and
//! scheduled next-term changes (`PATCH …/subscriptions/{id}`) and of software order
//! cancellations (`PATCH …/orders/{id}`).
//!
//! What is *allowed*, and every refund amount, comes from pc-core's lifecycle rules
//! ([`pc_core::rules::lifecycle`]) — the functions the portal runs — so a rule lives in one
//! place. This module only keeps the books: the subscription document, `refundableQuantity`
//! blocks, and the charge and credit lines of the open billing period.
//!
//! Renewals: a subscription's term ends at 00:00 UTC after its `commitmentEndDate` (the
//! `term_end_at` column). From then on, the next read of the customer's subscriptions or billing,
//! or an advance of the sandbox clock, renews it — new term from the old end, the
//! `scheduledNextTermInstructions` applied (quantity, term, billing cycle, SKU) and cleared,
//! new refund windows and a `renew` charge for the first billing period — when
//! `autoRenewEnabled` is on, or makes it `expired`. Terms that ended long ago renew once per
//! term in order. Each write is conditional on the row's version, so a term renews once even
//! when requests race.

use axum::http::StatusCode;
use chrono::{DateTime, Days, NaiveTime, TimeZone as _, Utc};
use pc_core::enums::{BillingCycle, LineTransactionType, OrderStatus, SubscriptionStatus};
use pc_core::ids::CatalogItemId;
use pc_core::models::subscription::RefundableQuantityDetail;
use pc_core::models::{Availability, Order, OrderLineItem, RefundableQuantity, Subscription};
use pc_core::rules::lifecycle::{
    CANCELLATION_WINDOW, SubscriptionChange, SubscriptionFacts, charged_period, check_change,
    check_software_cancellation, prorate, software_refund,
};
use pc_core::rules::{ProductKind, add_duration};
use pc_core::wire::{Spelled, Timestamp};
use rust_decimal::Decimal;
use serde_json::Value;

use crate::AppState;
use crate::charges::{Charge, availability_cycle_text, charge_line};
use crate::error::{AppError, AppResult};
use crate::json::invalid_body;
use crate::provisioning::{attributes_with_etag, order_at, provisioned, term_windows};
use crate::store::{
    NewLineItem, OrderWrite, StoredCustomer, StoredSubscription, SubscriptionWrite,
};
use crate::tenants::{self, Partner};

/// Whose due renewals to run.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Scope<'a> {
    /// Every tenant's (after the clock moved).
    All,
    /// One partner's (before billing reads).
    Partner(&'a str),
    /// One partner's customer's (before subscription reads and changes).
    Customer(&'a str, &'a str),
}

/// How many terms one subscription renews in one run at most (a monthly term for a hundred
/// years); the rest follow on the next run.
const MAX_RENEWALS_PER_RUN: usize = 1200;

/// 00:00 UTC of the day after `day`'s date.
fn midnight_after(day: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let next = day.date_naive().checked_add_days(Days::new(1))?;
    Some(Utc.from_utc_datetime(&next.and_time(NaiveTime::MIN)))
}

/// The same day at 23:59:59 UTC (`…EndDateTime` members).
fn end_of_day(day: DateTime<Utc>) -> Option<DateTime<Utc>> {
    day.date_naive()
        .and_hms_opt(23, 59, 59)
        .map(|d| Utc.from_utc_datetime(&d))
}

fn instant(timestamp: Option<&Timestamp>) -> Option<DateTime<Utc>> {
    timestamp.and_then(Timestamp::instant)
}

fn from_ms(ms: i64) -> Option<DateTime<Utc>> {
    DateTime::<Utc>::from_timestamp_millis(ms)
}

fn is_active(sub: &Subscription) -> bool {
    sub.status
        .as_ref()
        .is_none_or(|s| *s.value() == SubscriptionStatus::Active)
}

/// The current term of a new subscription: its start (`effectiveStartDate`) and when it ends
/// and renews or expires (00:00 UTC after `commitmentEndDate`), in ms. The end is `None` for
/// subscriptions without a term (perpetual software, the Azure plan) and inactive ones.
pub(crate) fn term_bounds(sub: &Subscription) -> (Option<i64>, Option<i64>) {
    let start = instant(sub.effective_start_date.as_ref())
        .or_else(|| instant(sub.creation_date.as_ref()))
        .map(|d| d.timestamp_millis());
    let has_term = sub
        .term_duration
        .as_deref()
        .is_some_and(|t| !t.trim().is_empty());
    let end = (has_term && is_active(sub))
        .then(|| instant(sub.commitment_end_date.as_ref()))
        .flatten()
        .and_then(midnight_after)
        .map(|d| d.timestamp_millis());
    (start, end)
}

/// Fills the lifecycle columns (term start and end, unit price from the order line that bought
/// it) of subscriptions stored before migration 0004, so they renew and refund like new ones.
///
/// # Errors
/// Storage failures.
pub(crate) async fn backfill_terms(store: &crate::Store) -> AppResult<()> {
    for stored in store.subscriptions_without_terms().await? {
        let sub = &stored.subscription;
        let (start, end) = term_bounds(sub);
        let Some(start) = start else {
            continue;
        };
        let order = match &sub.order_id {
            Some(id) => {
                store
                    .order(&stored.partner_tenant_id, &stored.customer_id, id.as_str())
                    .await?
            }
            None => None,
        };
        let unit_price = order.and_then(|o| {
            o.order
                .line_items
                .into_iter()
                .flatten()
                .find(|l| l.subscription_id == sub.id)
                .and_then(|l| l.pricing)
                .and_then(|p| p.price)
        });
        let id = sub.id.as_ref().map(|i| i.as_str()).unwrap_or_default();
        store.set_terms(id, Some(start), end, unit_price).await?;
    }
    Ok(())
}

/// The last day (inclusive, same time of day as the start) of the billing period of a term
/// that started at `term_start` and is billed `cycle`, that contains `now`; capped at the
/// term's `commitment_end`. `None` for `one_time`, `none` and unknown cycles.
pub(crate) fn billing_cycle_end(
    term_start: DateTime<Utc>,
    cycle: Option<&BillingCycle>,
    commitment_end: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let months = cycle?.period_months()?;
    let mut periods = 1_u32;
    let next = loop {
        let next =
            term_start.checked_add_months(chrono::Months::new(months.checked_mul(periods)?))?;
        if next > now || periods >= 1200 {
            break next;
        }
        periods += 1;
    };
    let end = next.checked_sub_days(Days::new(1))?;
    Some(commitment_end.map_or(end, |c| c.min(end)))
}

/// Sets `billingCycleEndDate` (and `…DateTime`) for the billing period containing `now`.
fn roll_billing_cycle(
    sub: &mut Subscription,
    term_start: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) {
    let Some(start) = term_start else {
        return;
    };
    let cycle = sub.billing_cycle.as_ref().map(|c| c.value().clone());
    let end = billing_cycle_end(
        start,
        cycle.as_ref(),
        instant(sub.commitment_end_date.as_ref()),
        now,
    );
    if let Some(end) = end {
        sub.billing_cycle_end_date = Some(Timestamp::from(end));
        sub.billing_cycle_end_date_time = end_of_day(end).map(Timestamp::from);
    }
}

/// The availability a subscription's `offerId` names, when the catalog sells it.
pub(crate) fn availability_of<'s>(
    state: &'s AppState,
    sub: &Subscription,
) -> Option<&'s Availability> {
    sub.offer_id
        .as_ref()
        .and_then(|o| state.catalog().by_catalog_item_id(o.as_str()))
}

/// The product kind of a stored subscription: from its availability, else the kind stored
/// with it.
pub(crate) fn kind_of(state: &AppState, stored: &StoredSubscription) -> ProductKind {
    availability_of(state, &stored.subscription).map_or(stored.purchase_kind, ProductKind::of)
}

/// What pc-core's lifecycle rules know about `subscription` (as presented at the moment
/// decided on).
pub(crate) fn facts(
    state: &AppState,
    stored: &StoredSubscription,
    subscription: Subscription,
) -> SubscriptionFacts {
    SubscriptionFacts {
        subscription,
        kind: kind_of(state, stored),
        unit_price: stored.unit_price,
        currency: Some(stored.currency.clone()),
        availability: availability_of(state, &stored.subscription).cloned(),
    }
}

/// The subscription as Partner Center shows it at `now`: `billingCycleEndDate` of the current
/// billing period, `refundableQuantity` without the blocks whose window has passed, and
/// `actions` (`edit` while some change is allowed, `cancel` while cancelling is) from pc-core's
/// [`pc_core::rules::allowed_changes`].
pub(crate) fn present(
    state: &AppState,
    stored: &StoredSubscription,
    now: DateTime<Utc>,
) -> Subscription {
    let mut sub = stored.subscription.clone();
    if !is_active(&sub) {
        sub.actions = Some(Vec::new());
        return sub;
    }
    let term_start = term_start_of(&sub).or_else(|| stored.term_start_at.and_then(from_ms));
    roll_billing_cycle(&mut sub, term_start, now);
    if let Some(refundable) = sub.refundable_quantity.as_mut() {
        let open: Vec<RefundableQuantityDetail> = refundable
            .details
            .iter()
            .flatten()
            .filter(|d| instant(d.allowed_until_date_time.as_ref()).is_some_and(|u| now <= u))
            .cloned()
            .collect();
        refundable.total_quantity = Some(open.iter().filter_map(|d| d.quantity).sum());
        refundable.details = Some(open);
    }
    let allowed = pc_core::rules::allowed_changes(&facts(state, stored, sub.clone()), now);
    let mut actions = Vec::new();
    if allowed.add_seats.allowed
        || allowed.reduce_seats.allowed
        || allowed.auto_renew.allowed
        || allowed.schedule_next_term.allowed
    {
        actions.push("edit".to_owned());
    }
    if allowed.cancel.allowed {
        actions.push("cancel".to_owned());
    }
    sub.actions = Some(actions);
    sub
}

/// Runs the renewals and expiries that are due at the sandbox's now in `scope`.
///
/// # Errors
/// Storage failures.
pub(crate) async fn run_renewals(state: &AppState, scope: Scope<'_>) -> AppResult<()> {
    let now_ms = state.now_ms();
    let due = state.store().due_subscriptions(scope, now_ms).await?;
    for stored in due {
        renew_or_expire(state, stored, now_ms).await?;
    }
    Ok(())
}

/// What one charge or credit line is: its type, unit price, quantity, amount (negative for a
/// credit) and the period it covers.
pub(crate) struct Amount {
    pub(crate) charge_type: LineTransactionType,
    pub(crate) unit_price: Option<Decimal>,
    pub(crate) quantity: i64,
    pub(crate) amount: Decimal,
    pub(crate) charge: (DateTime<Utc>, DateTime<Utc>),
}

/// What a charge line needs to know about where it is billed.
pub(crate) struct Billed<'a> {
    pub(crate) partner: &'a Partner,
    pub(crate) customer: &'a StoredCustomer,
    pub(crate) currency: &'a str,
}

impl Billed<'_> {
    /// A charge (or credit, `amount` < 0) of `sub` for the open billing period.
    pub(crate) fn line(&self, state: &AppState, sub: &Subscription, what: Amount) -> NewLineItem {
        let Amount {
            charge_type,
            unit_price,
            quantity,
            amount,
            charge,
        } = what;
        let availability = availability_of(state, sub);
        let order_id = sub
            .order_id
            .as_ref()
            .map(|o| o.as_str().to_owned())
            .unwrap_or_default();
        let customer_id = self
            .customer
            .customer
            .id
            .as_ref()
            .map(|i| i.as_str().to_owned())
            .unwrap_or_default();
        let term_start = term_start_of(sub).unwrap_or(charge.0);
        let term_end = instant(sub.commitment_end_date.as_ref()).unwrap_or(charge.1);
        let order_date = instant(sub.creation_date.as_ref()).unwrap_or(charge.0);
        let item = charge_line(&Charge {
            partner: self.partner,
            customer: &self.customer.customer,
            customer_id: &customer_id,
            order_id: &order_id,
            order_date,
            availability,
            subscription_id: sub.id.as_ref().map(|s| s.as_str()),
            description: sub.friendly_name.clone(),
            charge_type,
            unit_price,
            quantity: Decimal::from(quantity),
            amount,
            currency: self.currency,
            term: (term_start, term_end),
            charge,
            term_and_billing_cycle: availability.map_or_else(
                || sub.term_duration.clone().unwrap_or_default(),
                |a| availability_cycle_text(sub.term_duration.as_deref(), a),
            ),
        });
        NewLineItem {
            id: uuid::Uuid::new_v4().to_string(),
            currency: self.currency.to_owned(),
            item,
        }
    }
}

/// The start of the current term: `commitmentEndDate` + 1 day − the term, or the start date.
fn term_start_of(sub: &Subscription) -> Option<DateTime<Utc>> {
    let renewed = instant(sub.commitment_end_date.as_ref())
        .and_then(|end| end.checked_add_days(Days::new(1)))
        .zip(sub.term_duration.as_deref())
        .and_then(|(end, term)| subtract_duration(end, term));
    let started = instant(sub.effective_start_date.as_ref());
    match (started, renewed) {
        (Some(s), Some(r)) => Some(s.max(r)),
        (s, r) => s.or(r),
    }
}

/// `end` minus a term of whole years and months.
fn subtract_duration(end: DateTime<Utc>, term: &str) -> Option<DateTime<Utc>> {
    let months = pc_core::rules::terms::duration_months(term)?;
    end.checked_sub_months(chrono::Months::new(months))
}

/// Renews (auto-renew on) or expires one subscription whose term ended, as many terms as
/// ended; writes nothing when another request did it first.
async fn renew_or_expire(
    state: &AppState,
    stored: StoredSubscription,
    now_ms: i64,
) -> AppResult<()> {
    let Some(partner) = tenants::by_tenant_id(&stored.partner_tenant_id) else {
        return Ok(());
    };
    let Some(customer) = state
        .store()
        .customer(partner.tenant_id, &stored.customer_id)
        .await?
    else {
        return Ok(());
    };
    let billed = Billed {
        partner,
        customer: &customer,
        currency: &stored.currency,
    };
    let mut sub = stored.subscription.clone();
    let mut unit_price = stored.unit_price;
    let mut term_start_at = stored.term_start_at;
    let mut term_end_at = stored.term_end_at;
    let mut lines = Vec::new();
    for _ in 0..MAX_RENEWALS_PER_RUN {
        let Some(end) = term_end_at.filter(|e| *e <= now_ms).and_then(from_ms) else {
            break;
        };
        let renewed = if sub.auto_renew_enabled == Some(true) && is_active(&sub) {
            renew(state, &mut sub, &mut unit_price, &stored.currency, end)
        } else {
            None
        };
        match renewed {
            Some(next_end) => {
                let quantity = sub.quantity.unwrap_or(0);
                let period_end = billing_cycle_end(
                    end,
                    sub.billing_cycle.as_ref().map(|c| c.value()),
                    instant(sub.commitment_end_date.as_ref()),
                    end,
                )
                .or_else(|| instant(sub.commitment_end_date.as_ref()))
                .unwrap_or(end);
                let amount = unit_price.unwrap_or_default() * Decimal::from(quantity);
                lines.push(billed.line(
                    state,
                    &sub,
                    Amount {
                        charge_type: LineTransactionType::Renew,
                        unit_price,
                        quantity,
                        amount,
                        charge: (end, period_end),
                    },
                ));
                term_start_at = Some(end.timestamp_millis());
                term_end_at = Some(next_end.timestamp_millis());
            }
            None => {
                expire(&mut sub);
                term_end_at = None;
            }
        }
    }
    sub.attributes = Some(attributes_with_etag("Subscription"));
    let write = SubscriptionWrite {
        partner_tenant_id: stored.partner_tenant_id.clone(),
        id: stored
            .subscription
            .id
            .as_ref()
            .map(|i| i.as_str().to_owned())
            .unwrap_or_default(),
        expected_version: stored.version,
        subscription: sub,
        term_start_at,
        term_end_at,
        unit_price,
        lines,
        at: now_ms,
    };
    // `false`: a concurrent request renewed it first; its write stands.
    state.store().write_subscription(&write).await?;
    Ok(())
}

/// Ends a subscription whose term ran out without auto-renew.
fn expire(sub: &mut Subscription) {
    sub.status = Some(Spelled::from(SubscriptionStatus::Expired));
    sub.actions = Some(Vec::new());
    sub.scheduled_next_term_instructions = None;
    if sub.refundable_quantity.is_some() {
        sub.refundable_quantity = Some(RefundableQuantity {
            total_quantity: Some(0),
            details: Some(Vec::new()),
            ..RefundableQuantity::default()
        });
    }
}

/// Starts the next term of `sub` at `start` with its scheduled changes applied (and cleared);
/// answers when the new term ends (00:00 UTC after its new `commitmentEndDate`), `None` when
/// the term cannot be computed.
fn renew(
    state: &AppState,
    sub: &mut Subscription,
    unit_price: &mut Option<Decimal>,
    currency: &str,
    start: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let instructions = sub.scheduled_next_term_instructions.clone();
    let product = instructions.as_ref().and_then(|i| i.product.as_ref());
    if let Some(p) = product
        && let (Some(product_id), Some(sku_id), Some(availability_id)) =
            (&p.product_id, &p.sku_id, &p.availability_id)
    {
        let id = format!("{product_id}:{sku_id}:{availability_id}");
        if state.catalog().by_catalog_item_id(&id).is_some() {
            sub.offer_id = Some(CatalogItemId::new(id));
        }
    }
    let term = product
        .and_then(|p| p.term_duration.clone())
        .filter(|t| !t.trim().is_empty())
        .or_else(|| sub.term_duration.clone())?;
    let cycle = product
        .and_then(|p| p.billing_cycle.as_ref())
        .map(|c| c.value().clone())
        .or_else(|| sub.billing_cycle.as_ref().map(|c| c.value().clone()));
    let quantity = instructions
        .as_ref()
        .and_then(|i| i.quantity)
        .or(sub.quantity);
    let commitment_end = add_duration(start, &term)?.checked_sub_days(Days::new(1))?;
    let availability = availability_of(state, sub);
    if let (Some(availability), Some(cycle)) = (availability, cycle.as_ref()) {
        let same_currency = availability
            .default_currency
            .as_ref()
            .and_then(|c| c.code())
            .is_some_and(|c| c.eq_ignore_ascii_case(currency));
        if same_currency
            && let Some(price) = state.catalog().unit_price(availability, Some(&term), cycle)
        {
            *unit_price = Some(price);
        }
    }
    let (refund_options, cancellation_until) = match availability {
        Some(a) => term_windows(a, &term, start),
        None => (Vec::new(), None),
    };
    sub.quantity = quantity;
    sub.term_duration = Some(term.clone());
    sub.renewal_term_duration = Some(term);
    sub.billing_cycle = cycle.map(Spelled::from);
    sub.commitment_end_date = Some(Timestamp::from(commitment_end));
    sub.commitment_end_date_time = end_of_day(commitment_end).map(Timestamp::from);
    sub.cancellation_allowed_until_date = cancellation_until.map(Timestamp::from);
    sub.refund_options = Some(refund_options);
    sub.scheduled_next_term_instructions = None;
    if sub.refundable_quantity.is_some() {
        sub.refundable_quantity = Some(RefundableQuantity {
            total_quantity: quantity,
            details: Some(vec![RefundableQuantityDetail {
                quantity,
                allowed_until_date_time: cancellation_until.map(Timestamp::from),
                ..RefundableQuantityDetail::default()
            }]),
            ..RefundableQuantity::default()
        });
    }
    roll_billing_cycle(sub, Some(start), start);
    midnight_after(commitment_end)
}

// ---------------------------------------------------------------- PATCH a subscription

/// How many times a change is decided again when a concurrent write got in first.
const ATTEMPTS: usize = 3;

/// 412 for an `If-Match` / `attributes.etag` that is not the resource's current etag.
fn etag_mismatch(what: &str) -> AppError {
    AppError::new(
        StatusCode::PRECONDITION_FAILED,
        PRECONDITION_FAILED,
        format!(
            "The {what} changed since it was read (its etag is different); read it again and retry."
        ),
    )
}

/// The error code of a 412 (Partner Center documents the status but no body code for it).
pub(crate) const PRECONDITION_FAILED: i64 = 412;
/// The error code of a 409 when concurrent changes kept winning (sandbox choice).
pub(crate) const CONCURRENT_CHANGE: i64 = 409;

fn too_busy(what: &str) -> AppError {
    AppError::new(
        StatusCode::CONFLICT,
        CONCURRENT_CHANGE,
        format!("The {what} is being changed by other requests; read it again and retry."),
    )
}

/// The etag a request expects: `If-Match` (quotes and `W/` removed; `*` = any), else the
/// body's `attributes.etag`.
pub(crate) fn expected_etag(if_match: Option<&str>, body: &Value) -> Option<String> {
    if let Some(header) = if_match {
        let tag = header
            .trim()
            .trim_start_matches("W/")
            .trim_matches('"')
            .trim();
        return (!tag.is_empty() && tag != "*").then(|| tag.to_owned());
    }
    let attributes = member(body, "attributes")?;
    member(attributes, "etag")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// An object member, its name compared case-insensitively (as pc-core's models read them).
fn member<'v>(value: &'v Value, name: &str) -> Option<&'v Value> {
    value
        .as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

fn check_etag(expected: Option<&str>, current: Option<&str>, what: &str) -> AppResult<()> {
    match expected {
        Some(tag) if Some(tag) != current => Err(etag_mismatch(what)),
        _ => Ok(()),
    }
}

fn subscription_not_found(id: &str) -> AppError {
    AppError::new(
        StatusCode::NOT_FOUND,
        20_003,
        format!("Subscription with ID {id} not found."),
    )
}

fn customer_id_of(customer: &StoredCustomer) -> String {
    customer
        .customer
        .id
        .as_ref()
        .map(|i| i.as_str().to_owned())
        .unwrap_or_default()
}

/// `PATCH /v1/customers/{customer-id}/subscriptions/{subscription-id}`: decides the changes
/// `body` asks for ([`SubscriptionChange::from_patch`]) with pc-core's [`check_change`] at the
/// sandbox's now, in order, each on the subscription as the previous one left it; refuses all of
/// them with the first finding; else writes them with their charge and credit lines and
/// answers the subscription.
///
/// # Errors
/// 404 `20003` unknown or not yet provisioned; 412 etag mismatch; 400 `800002` a malformed
/// body; 400 with the finding's code when a change is refused; 409 when concurrent changes kept
/// winning.
pub(crate) async fn change_subscription(
    state: &AppState,
    partner: &'static Partner,
    customer: &StoredCustomer,
    subscription_id: &str,
    body: &Value,
    if_match: Option<&str>,
) -> AppResult<Subscription> {
    let customer_id = customer_id_of(customer);
    let expected = expected_etag(if_match, body);
    for _ in 0..ATTEMPTS {
        run_renewals(state, Scope::Customer(partner.tenant_id, &customer_id)).await?;
        let stored = state
            .store()
            .subscription(partner.tenant_id, &customer_id, subscription_id)
            .await?
            .filter(|s| provisioned(state, s.created_at, state.now_ms()))
            .ok_or_else(|| subscription_not_found(subscription_id))?;
        let now = state.now();
        let current = present(state, &stored, now);
        // A malformed body is 400 whatever the etag: preconditions are evaluated only for a
        // request that would otherwise succeed (RFC 9110 §13.2.1).
        let changes = SubscriptionChange::from_patch(&current, body)
            .map_err(|e| invalid_body(&e.path, &e.message))?;
        check_etag(
            expected.as_deref(),
            current.attributes.as_ref().and_then(|a| a.etag.as_deref()),
            "subscription",
        )?;
        if changes.is_empty() {
            return Ok(current);
        }
        let billed = Billed {
            partner,
            customer,
            currency: &stored.currency,
        };
        let mut change = Applied {
            facts: facts(state, &stored, current),
            lines: Vec::new(),
            term_end_at: stored.term_end_at,
        };
        for requested in &changes {
            if let Some(finding) = check_change(&change.facts, requested, now).first() {
                return Err(AppError::refusal(finding));
            }
            change.apply(state, &billed, requested, now);
        }
        let mut sub = change.facts.subscription;
        sub.attributes = Some(attributes_with_etag("Subscription"));
        let write = SubscriptionWrite {
            partner_tenant_id: partner.tenant_id.to_owned(),
            id: stored
                .subscription
                .id
                .as_ref()
                .map(|i| i.as_str().to_owned())
                .unwrap_or_default(),
            expected_version: stored.version,
            subscription: sub.clone(),
            term_start_at: stored.term_start_at,
            term_end_at: change.term_end_at,
            unit_price: stored.unit_price,
            lines: change.lines,
            at: now.timestamp_millis(),
        };
        if state.store().write_subscription(&write).await? {
            let updated = StoredSubscription {
                subscription: sub,
                version: stored.version + 1,
                term_end_at: write.term_end_at,
                ..stored
            };
            return Ok(present(state, &updated, now));
        }
    }
    Err(too_busy("subscription"))
}

/// A subscription while the changes of one PATCH are applied to it.
struct Applied {
    facts: SubscriptionFacts,
    lines: Vec<NewLineItem>,
    term_end_at: Option<i64>,
}

impl Applied {
    /// Applies one change that [`check_change`] allowed. A mid-term change of seats or a
    /// cancellation removes the changes scheduled for the renewal, as Partner Center does.
    fn apply(
        &mut self,
        state: &AppState,
        billed: &Billed<'_>,
        change: &SubscriptionChange,
        now: DateTime<Utc>,
    ) {
        let unit_price = self.facts.unit_price;
        let refund = pc_core::rules::refund(&self.facts, change, now);
        let period = charged_period(&self.facts.subscription);
        let sub = &mut self.facts.subscription;
        let current = sub.quantity.unwrap_or(0);
        // Charges cover the rest of the billing period, to its last day (inclusive).
        let period_end = period
            .and_then(|(_, end)| end.checked_sub_days(Days::new(1)))
            .unwrap_or(now);
        match change {
            SubscriptionChange::Quantity { quantity } if *quantity > current => {
                let added = quantity.saturating_sub(current);
                if let (Some(unit), Some((start, end))) = (unit_price, period)
                    && let Some(amount) = prorate(unit, added, start, end, now)
                {
                    self.lines.push(billed.line(
                        state,
                        sub,
                        Amount {
                            charge_type: LineTransactionType::AddQuantity,
                            unit_price: Some(unit),
                            quantity: added,
                            amount,
                            charge: (now, period_end),
                        },
                    ));
                }
                if let Some(refundable) = sub.refundable_quantity.as_mut() {
                    let details = refundable.details.get_or_insert_with(Vec::new);
                    details.push(RefundableQuantityDetail {
                        quantity: Some(added),
                        allowed_until_date_time: Some(Timestamp::from(now + CANCELLATION_WINDOW)),
                        ..RefundableQuantityDetail::default()
                    });
                    refundable.total_quantity =
                        Some(details.iter().filter_map(|d| d.quantity).sum());
                }
                sub.quantity = Some(*quantity);
                sub.scheduled_next_term_instructions = None;
            }
            SubscriptionChange::Quantity { quantity } => {
                if let Some(refund) = &refund {
                    self.lines.push(billed.line(
                        state,
                        sub,
                        Amount {
                            charge_type: LineTransactionType::RemoveQuantity,
                            unit_price,
                            quantity: refund.quantity,
                            amount: -refund.amount,
                            charge: (now, period_end),
                        },
                    ));
                }
                if let Some(refundable) = sub.refundable_quantity.as_mut() {
                    let details = refundable.details.get_or_insert_with(Vec::new);
                    remove_seats(details, current - quantity);
                    refundable.total_quantity =
                        Some(details.iter().filter_map(|d| d.quantity).sum());
                }
                sub.quantity = Some(*quantity);
                sub.scheduled_next_term_instructions = None;
            }
            SubscriptionChange::Cancel => {
                if let Some(refund) = &refund {
                    self.lines.push(billed.line(
                        state,
                        sub,
                        Amount {
                            charge_type: LineTransactionType::Cancel,
                            unit_price,
                            quantity: refund.quantity,
                            amount: -refund.amount,
                            charge: (now, period_end),
                        },
                    ));
                }
                sub.status = Some(Spelled::from(SubscriptionStatus::Deleted));
                sub.auto_renew_enabled = Some(false);
                sub.actions = Some(Vec::new());
                sub.scheduled_next_term_instructions = None;
                if sub.refundable_quantity.is_some() {
                    sub.refundable_quantity = Some(RefundableQuantity {
                        total_quantity: Some(0),
                        details: Some(Vec::new()),
                        ..RefundableQuantity::default()
                    });
                }
                self.term_end_at = None;
            }
            SubscriptionChange::AutoRenew { enabled } => {
                sub.auto_renew_enabled = Some(*enabled);
                if !enabled {
                    sub.scheduled_next_term_instructions = None;
                }
            }
            SubscriptionChange::ScheduleNextTerm { instructions } => {
                sub.scheduled_next_term_instructions = Some((**instructions).clone());
            }
            SubscriptionChange::ClearScheduledNextTerm => {
                sub.scheduled_next_term_instructions = None;
            }
        }
    }
}

/// Takes `seats` out of the refundable blocks, the most recently added (latest window) first.
fn remove_seats(details: &mut Vec<RefundableQuantityDetail>, seats: i64) {
    let mut left = seats.max(0);
    details.sort_by_key(|d| instant(d.allowed_until_date_time.as_ref()));
    for detail in details.iter_mut().rev() {
        if left == 0 {
            break;
        }
        let have = detail.quantity.unwrap_or(0).max(0);
        let taken = have.min(left);
        detail.quantity = Some(have - taken);
        left -= taken;
    }
    details.retain(|d| d.quantity.unwrap_or(0) > 0);
}

// ---------------------------------------------------------------- PATCH an order

/// What `PATCH …/orders/{order-id}` asks: `{"status": "cancelled", "lineItems"?: [{lineItemNumber}]}`.
fn cancellation_request(body: &Value) -> AppResult<Option<Vec<i64>>> {
    let status = member(body, "status")
        .and_then(Value::as_str)
        .map(str::trim);
    if !status.is_some_and(|s| s.eq_ignore_ascii_case(OrderStatus::Cancelled.as_str())) {
        return Err(AppError::invalid_input(
            "Only cancelling is supported: send status \"cancelled\", and lineItems to cancel some lines only.",
        )
        .with_data(serde_json::json!({ "path": "$.status" })));
    }
    let Some(lines) = member(body, "lineItems").filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let lines = lines.as_array().ok_or_else(|| {
        AppError::invalid_input("lineItems must be an array of {lineItemNumber}.")
            .with_data(serde_json::json!({ "path": "$.lineItems" }))
    })?;
    let mut numbers = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let number = member(line, "lineItemNumber")
            .and_then(|v| v.as_i64().or_else(|| v.as_str()?.trim().parse().ok()))
            .ok_or_else(|| {
                AppError::invalid_input(format!("lineItems[{n}] needs its lineItemNumber."))
                    .with_data(
                        serde_json::json!({ "path": format!("$.lineItems[{n}].lineItemNumber") }),
                    )
            })?;
        if !numbers.contains(&number) {
            numbers.push(number);
        }
    }
    Ok((!numbers.is_empty()).then_some(numbers))
}

fn order_not_found(order_id: &str) -> AppError {
    AppError::new(
        StatusCode::NOT_FOUND,
        20_000,
        format!("Order ID {order_id} not found."),
    )
}

/// `PATCH /v1/customers/{customer-id}/orders/{order-id}` with `status: "cancelled"` (Partner
/// Center page *Cancel software purchases*): cancels the listed lines (all of them without
/// `lineItems`), each allowed by pc-core's [`check_software_cancellation`] at the sandbox's
/// now, with [`software_refund`] as a credit line. A cancelled line's quantity becomes 0, its
/// subscription `deleted` and its entitlement removed; the order is `cancelled` once every line
/// is. Answers the order.
///
/// # Errors
/// 404 `20000` unknown order; 412 etag mismatch; 400 `800002` a malformed body or an unknown
/// line (`800071`); 400 with the finding's code when a line cannot be cancelled; 409 when
/// concurrent changes kept winning.
pub(crate) async fn cancel_order(
    state: &AppState,
    partner: &'static Partner,
    customer: &StoredCustomer,
    order_id: &str,
    body: &Value,
    if_match: Option<&str>,
) -> AppResult<Order> {
    let customer_id = customer_id_of(customer);
    let expected = expected_etag(if_match, body);
    let requested = cancellation_request(body)?;
    for _ in 0..ATTEMPTS {
        let stored = state
            .store()
            .order(partner.tenant_id, &customer_id, order_id)
            .await?
            .ok_or_else(|| order_not_found(order_id))?;
        let now = state.now();
        let now_ms = now.timestamp_millis();
        let order = order_at(state, stored.order.clone(), stored.created_at, now_ms);
        check_etag(
            expected.as_deref(),
            order.attributes.as_ref().and_then(|a| a.etag.as_deref()),
            "order",
        )?;
        let lines: Vec<OrderLineItem> = order.line_items.clone().unwrap_or_default();
        let numbers: Vec<i64> = match &requested {
            Some(numbers) => numbers.clone(),
            None => lines
                .iter()
                .filter(|l| l.quantity.unwrap_or(0) > 0)
                .filter_map(|l| l.line_item_number)
                .collect(),
        };
        let currency = order.currency_code.clone().unwrap_or_default();
        let billed = Billed {
            partner,
            customer,
            currency: &currency,
        };
        let mut credit_lines = Vec::new();
        let mut subscriptions = Vec::new();
        let mut entitlement_ids = Vec::new();
        let mut updated = order.clone();
        for number in &numbers {
            let line = lines
                .iter()
                .find(|l| l.line_item_number == Some(*number))
                .ok_or_else(|| {
                    AppError::new(
                        StatusCode::BAD_REQUEST,
                        800_071,
                        format!(
                            "Line item number {number} is not in order {order_id}; numbers go from 0 to the number of lines - 1."
                        ),
                    )
                })?;
            let subscription = match &line.subscription_id {
                Some(id) => {
                    state
                        .store()
                        .subscription(partner.tenant_id, &customer_id, id.as_str())
                        .await?
                }
                None => None,
            };
            let kind = line
                .offer_id
                .as_ref()
                .and_then(|o| state.catalog().by_catalog_item_id(o.as_str()))
                .map(ProductKind::of)
                .or_else(|| subscription.as_ref().map(|s| kind_of(state, s)))
                .unwrap_or(ProductKind::Other);
            if let Some(finding) = check_software_cancellation(&order, line, kind, now).first() {
                return Err(AppError::refusal(finding));
            }
            let refund = software_refund(&order, line, kind, now);
            let subscription_doc = subscription.as_ref().map_or_else(
                || Subscription {
                    id: line.subscription_id.clone(),
                    offer_id: line.offer_id.clone(),
                    order_id: order.id.clone(),
                    friendly_name: line.friendly_name.clone(),
                    term_duration: line.term_duration.clone(),
                    creation_date: order.creation_date.clone(),
                    ..Subscription::default()
                },
                |s| s.subscription.clone(),
            );
            if let Some(refund) = &refund {
                credit_lines.push(billed.line(
                    state,
                    &subscription_doc,
                    Amount {
                        charge_type: LineTransactionType::Cancel,
                        unit_price: line.pricing.as_ref().and_then(|p| p.price),
                        quantity: refund.quantity,
                        amount: -refund.amount,
                        charge: (now, now),
                    },
                ));
            }
            if let Some(stored) = subscription {
                let mut sub = stored.subscription.clone();
                sub.status = Some(Spelled::from(SubscriptionStatus::Deleted));
                sub.auto_renew_enabled = Some(false);
                sub.actions = Some(Vec::new());
                sub.attributes = Some(attributes_with_etag("Subscription"));
                subscriptions.push(SubscriptionWrite {
                    partner_tenant_id: partner.tenant_id.to_owned(),
                    id: stored
                        .subscription
                        .id
                        .as_ref()
                        .map(|i| i.as_str().to_owned())
                        .unwrap_or_default(),
                    expected_version: stored.version,
                    subscription: sub,
                    term_start_at: stored.term_start_at,
                    term_end_at: None,
                    unit_price: stored.unit_price,
                    lines: Vec::new(),
                    at: now_ms,
                });
            }
            entitlement_ids.push(format!("{order_id}-{number}").to_ascii_lowercase());
            if let Some(target) = updated
                .line_items
                .iter_mut()
                .flatten()
                .find(|l| l.line_item_number == Some(*number))
            {
                target.quantity = Some(0);
            }
        }
        if numbers.is_empty() {
            return Ok(order);
        }
        let all_cancelled = updated
            .line_items
            .iter()
            .flatten()
            .all(|l| l.quantity.unwrap_or(0) == 0);
        let mut document = stored.order.clone();
        document.line_items = updated.line_items.clone();
        if all_cancelled {
            document.status = Some(Spelled::from(OrderStatus::Cancelled));
        }
        document.attributes = Some(attributes_with_etag("Order"));
        let write = OrderWrite {
            partner_tenant_id: partner.tenant_id.to_owned(),
            customer_id: customer_id.clone(),
            order_id: order
                .id
                .as_ref()
                .map(|i| i.as_str().to_owned())
                .unwrap_or_else(|| order_id.to_owned()),
            expected_version: stored.version,
            order: document.clone(),
            subscriptions,
            entitlement_ids,
            lines: credit_lines,
            at: now_ms,
        };
        if state.store().write_order(&write).await? {
            return Ok(order_at(state, document, stored.created_at, now_ms));
        }
    }
    Err(too_busy("order"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn billing_periods_roll_month_by_month_within_the_term() {
        let start = at(2026, 1, 31, 9);
        let end = Some(at(2027, 1, 30, 9));
        let monthly = Some(&BillingCycle::Monthly);
        // 31 January + 1 month = 28 February; the period ends the day before.
        assert_eq!(
            billing_cycle_end(start, monthly, end, at(2026, 2, 3, 0)),
            Some(at(2026, 2, 27, 9))
        );
        assert_eq!(
            billing_cycle_end(start, monthly, end, at(2026, 3, 1, 0)),
            Some(at(2026, 3, 30, 9))
        );
        // Annual billing on a one-year term: one period, the whole term.
        assert_eq!(
            billing_cycle_end(start, Some(&BillingCycle::Annual), end, at(2026, 6, 1, 0)),
            end
        );
        assert_eq!(
            billing_cycle_end(start, Some(&BillingCycle::OneTime), end, start),
            None
        );
    }

    #[test]
    fn terms_end_at_midnight_after_the_commitment_end_date() {
        let sub = Subscription {
            status: Some(Spelled::from(SubscriptionStatus::Active)),
            term_duration: Some("P1Y".to_owned()),
            effective_start_date: Some(Timestamp::from(at(2026, 11, 30, 12))),
            commitment_end_date: Some(Timestamp::from(at(2027, 11, 29, 12))),
            ..Subscription::default()
        };
        let (start, end) = term_bounds(&sub);
        assert_eq!(start, Some(at(2026, 11, 30, 12).timestamp_millis()));
        assert_eq!(end, Some(at(2027, 11, 30, 0).timestamp_millis()));
        let perpetual = Subscription {
            term_duration: Some(String::new()),
            ..sub.clone()
        };
        assert_eq!(term_bounds(&perpetual).1, None);
        let expired = Subscription {
            status: Some(Spelled::from(SubscriptionStatus::Expired)),
            ..sub
        };
        assert_eq!(term_bounds(&expired).1, None);
    }
}
