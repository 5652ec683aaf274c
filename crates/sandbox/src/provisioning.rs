//! Provisioning: what a purchase becomes and how it reads while Partner Center provisions it.
//!
//! * The documents a purchased order line creates: its subscription ([`subscription_for`], with
//!   the refund windows of its term, [`term_windows`]), the catalog links it carries
//!   ([`catalog_links`]) and fresh etags ([`attributes_with_etag`]). The checkout writes them
//!   for a purchase and the seed for the demo customers' holdings.
//! * How a purchase reads at a moment (ms) until [`crate::Config::provisioning_delay`] has
//!   passed (Partner Center: *Get order by ID* — `pending` orders without subscription IDs;
//!   *Get order line item provisioning status* — `prefulfillment_pending`; *Get subscription
//!   registration status* — `registering`): [`provisioned`], [`order_at`], [`fulfillment_at`],
//!   [`registration_status`]. The order and subscription reads use them.
//!
//! Why a module of its own rather than [`crate::lifecycle`]: lifecycle is what happens *after*
//! the purchase on the sandbox clock — renewals and `PATCH` changes, decided by pc-core's
//! lifecycle rules — and it builds on this module (a renewed term gets new [`term_windows`], a
//! cancelled order is shown with [`order_at`]). What is here is the purchase's own outcome,
//! needed by the checkout and the seed to write it and by the reads before anything changed;
//! kept apart, the dependency runs one way (checkout, seed, orders, subscriptions, lifecycle →
//! provisioning) and the checkout is no longer the library the other routes import.

use chrono::{DateTime, Days, Utc};
use pc_core::enums::{
    BillingCycle, ContractType, FulfillmentStatus, OrderStatus, RefundType, RegistrationStatus,
    SubscriptionBillingType, SubscriptionStatus,
};
use pc_core::ids::{OrderId, SubscriptionId};
use pc_core::models::subscription::RefundableQuantityDetail;
use pc_core::models::{
    Availability, Order, OrderLineItem, RefundableQuantity, Subscription, SubscriptionRefundOption,
};
use pc_core::rules::{ProductKind, add_duration};
use pc_core::wire::{Spelled, Timestamp};

use crate::AppState;
use crate::paging::{attributes, links};

fn delay_ms(delay: std::time::Duration) -> i64 {
    i64::try_from(delay.as_millis()).unwrap_or(i64::MAX)
}

/// Whether provisioning of something created at `created_at` (ms) has finished at `now`.
pub(crate) fn provisioned(state: &AppState, created_at: i64, now: i64) -> bool {
    now.saturating_sub(created_at) >= delay_ms(state.config().provisioning_delay)
}

/// The order as Partner Center shows it at `now`: `pending` without subscription IDs until
/// provisioning finishes, then `completed` — or `cancelled` once every line was cancelled.
pub(crate) fn order_at(state: &AppState, mut order: Order, created_at: i64, now: i64) -> Order {
    let cancelled = order
        .status
        .as_ref()
        .is_some_and(|s| *s.value() == OrderStatus::Cancelled);
    if cancelled {
        return order;
    }
    if provisioned(state, created_at, now) {
        order.status = Some(Spelled::from(OrderStatus::Completed));
    } else {
        order.status = Some(Spelled::from(OrderStatus::Pending));
        for line in order.line_items.iter_mut().flatten() {
            line.subscription_id = None;
            if let Some(links) = line.links.as_mut() {
                links.remove("subscription");
            }
        }
    }
    order
}

/// Fulfillment status of an order's lines at `now`: `prefulfillment_pending` until provisioning
/// finishes, then `fulfilled`.
pub(crate) fn fulfillment_at(state: &AppState, created_at: i64, now: i64) -> FulfillmentStatus {
    if provisioned(state, created_at, now) {
        FulfillmentStatus::Fulfilled
    } else {
        FulfillmentStatus::PrefulfillmentPending
    }
}

/// Registration status of a subscription at `now`: `registering` turns `registered` once the
/// provisioning delay has passed since registration was requested.
pub(crate) fn registration_status(
    state: &AppState,
    status: Option<&str>,
    requested_at: Option<i64>,
    now: i64,
) -> Option<RegistrationStatus> {
    let status: RegistrationStatus = status?.parse().unwrap_or(RegistrationStatus::NotRegistered);
    if status == RegistrationStatus::Registering {
        let since = requested_at.unwrap_or(now);
        if now.saturating_sub(since) >= delay_ms(state.config().provisioning_delay) {
            return Some(RegistrationStatus::Registered);
        }
    }
    Some(status)
}

/// The subscription a purchased order line becomes (also used for seeded holdings), bought
/// with `billing_cycle` (the order's).
pub(crate) fn subscription_for(
    customer_id: &str,
    order_id: &str,
    line: &OrderLineItem,
    availability: &Availability,
    kind: ProductKind,
    billing_cycle: Option<BillingCycle>,
    start: DateTime<Utc>,
) -> Subscription {
    let id = line
        .subscription_id
        .as_ref()
        .map(|s| s.as_str().to_owned())
        .unwrap_or_default();
    let term = line.term_duration.clone().unwrap_or_default();
    let end = add_duration(start, &term).and_then(|d| d.checked_sub_days(Days::new(1)));
    let (refund_options, cancellation_until) = term_windows(availability, &term, start);
    let quantity = line.quantity.unwrap_or(0);
    let product = availability.product.as_ref();
    let license_based = matches!(kind, ProductKind::NewCommerceLicense);
    let contract = match kind {
        ProductKind::PerpetualSoftware | ProductKind::SoftwareSubscription => {
            ContractType::ProductKey
        }
        _ => ContractType::Subscription,
    };
    let billing_type = match kind {
        ProductKind::AzurePlan => SubscriptionBillingType::Usage,
        _ => SubscriptionBillingType::License,
    };
    let [product_link, sku_link, availability_link] = catalog_links(availability);
    Subscription {
        id: Some(SubscriptionId::new(id.clone())),
        offer_id: line.offer_id.clone(),
        offer_name: product.and_then(|p| p.title.clone()),
        friendly_name: line.friendly_name.clone(),
        entitlement_id: matches!(kind, ProductKind::AzurePlan)
            .then(|| uuid::Uuid::new_v4().to_string()),
        product_type: product.and_then(|p| p.product_type.clone()),
        quantity: Some(quantity),
        unit_type: Some(
            if matches!(kind, ProductKind::AzurePlan) {
                "Usage-based"
            } else {
                "Licenses"
            }
            .to_owned(),
        ),
        creation_date: Some(Timestamp::from(start)),
        effective_start_date: Some(Timestamp::from(start)),
        commitment_end_date: end.map(Timestamp::from),
        commitment_end_date_time: end
            .and_then(|d| d.date_naive().and_hms_opt(23, 59, 59))
            .map(|d| Timestamp::from(d.and_utc())),
        cancellation_allowed_until_date: cancellation_until.map(Timestamp::from),
        status: Some(Spelled::from(SubscriptionStatus::Active)),
        auto_renew_enabled: Some(license_based),
        billing_type: Some(Spelled::from(billing_type)),
        billing_cycle: billing_cycle.map(Spelled::from),
        term_duration: line.term_duration.clone(),
        renewal_term_duration: Some(if license_based {
            term.clone()
        } else {
            String::new()
        }),
        has_purchasable_addons: Some(false),
        is_trial: availability
            .sku
            .as_ref()
            .and_then(|s| s.is_trial)
            .or(Some(false)),
        is_microsoft_product: Some(true),
        publisher_name: Some("Microsoft Corporation".to_owned()),
        actions: Some(if cancellation_until.is_some() {
            vec!["edit".to_owned(), "cancel".to_owned()]
        } else {
            vec!["edit".to_owned()]
        }),
        contract_type: Some(Spelled::from(contract)),
        order_id: Some(OrderId::new(order_id.to_owned())),
        refund_options: Some(refund_options),
        refundable_quantity: license_based.then(|| RefundableQuantity {
            total_quantity: Some(quantity),
            details: Some(vec![RefundableQuantityDetail {
                quantity: Some(quantity),
                allowed_until_date_time: cancellation_until.map(Timestamp::from),
                ..RefundableQuantityDetail::default()
            }]),
            ..RefundableQuantity::default()
        }),
        links: Some(links([
            product_link,
            sku_link,
            availability_link,
            (
                "self",
                format!("/customers/{customer_id}/subscriptions/{id}"),
            ),
        ])),
        attributes: Some(attributes_with_etag("Subscription")),
        ..Subscription::default()
    }
}

/// The refund windows the catalog's cancellation policy gives a term of `availability` that
/// starts at `start` (a purchase, a seat increase or a renewal): the `refundOptions` and the
/// last moment of the longest one (`cancellationAllowedUntilDate`).
pub(crate) fn term_windows(
    availability: &Availability,
    term: &str,
    start: DateTime<Utc>,
) -> (Vec<SubscriptionRefundOption>, Option<DateTime<Utc>>) {
    let policy_windows: Vec<(RefundType, String)> = availability
        .terms
        .iter()
        .flatten()
        .filter(|t| t.duration.as_deref().unwrap_or_default() == term)
        .flat_map(|t| t.cancellation_policies.iter().flatten())
        .flat_map(|p| p.refund_options.iter().flatten())
        .filter_map(|o| {
            Some((
                o.refund_type.as_ref().map(|t| t.value().clone())?,
                o.expires_after.clone()?,
            ))
        })
        .collect();
    let refund_options: Vec<SubscriptionRefundOption> = policy_windows
        .iter()
        .filter_map(|(refund_type, after)| {
            Some(SubscriptionRefundOption {
                refund_type: Some(Spelled::from(refund_type.clone())),
                expires_at: Some(Timestamp::from(add_duration(start, after)?)),
                ..SubscriptionRefundOption::default()
            })
        })
        .collect();
    let until = policy_windows
        .iter()
        .filter_map(|(_, after)| add_duration(start, after))
        .max();
    (refund_options, until)
}

/// The `product`, `sku` and `availability` links of what an availability sells.
pub(crate) fn catalog_links(availability: &Availability) -> [(&'static str, String); 3] {
    let text = |id: Option<&str>| id.unwrap_or_default().to_owned();
    let product = text(availability.product_id.as_ref().map(|p| p.as_str()));
    let sku = text(availability.sku_id.as_ref().map(|s| s.as_str()));
    let id = text(availability.id.as_ref().map(|a| a.as_str()));
    let country = text(availability.country.as_deref());
    [
        ("product", format!("/products/{product}?country={country}")),
        (
            "sku",
            format!("/products/{product}/skus/{sku}?country={country}"),
        ),
        (
            "availability",
            format!("/products/{product}/skus/{sku}/availabilities/{id}?country={country}"),
        ),
    ]
}

/// A new `attributes.etag`: every write of a subscription or order changes it.
pub(crate) fn new_etag() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// `attributes` of a resource with a fresh etag.
pub(crate) fn attributes_with_etag(object_type: &str) -> pc_core::models::Attributes {
    pc_core::models::Attributes {
        etag: Some(new_etag()),
        ..attributes(object_type)
    }
}
