//! What the fuzz targets share: how a fuzz input names a resource, and the resource decoders by
//! type (to write a decoded body back).
//!
//! Targets (`fuzz_targets/`), run by `cargo xtask fuzz`:
//!
//! - `resources`: every resource decoder of pc-core's round trip (`cargo xtask decode`): the
//!   first byte picks the resource type and shape ([`resource`]), the rest is the body.
//! - `cart`: `parse_input` and `validate_cart`, the rules contract's JSON.
//! - `lifecycle`: the lifecycle rules on arbitrary facts ([`LifecycleInput`]).
//! - `sandbox_requests`: pc-sandbox's request extractors (`pc_sandbox::fuzzing::request`).

use chrono::{DateTime, Utc};
use libfuzzer_sys::arbitrary::{self, Unstructured};
use pc_core::models::{
    Availability, Cart, CartCheckoutResult, Collection, Entitlement, EstimateLink,
    InventoryCheckRequest, InventoryItem, Invoice, InvoiceLineItem, InvoiceSummary, Order,
    OrderLineItemProvisioningStatus, Product, ReservedInstanceArtifactDetails, Sku, Subscription,
    SubscriptionProvisioningStatus, SubscriptionRegistrationStatus,
};
use pc_core::roundtrip::{Resource, ResourceType, Shape};
use pc_core::rules::{ProductKind, SubscriptionChange, SubscriptionFacts};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

/// The shapes in the order a selector byte counts them.
const SHAPES: [Shape; 3] = [Shape::Single, Shape::Collection, Shape::Array];

/// The resource a `resources` input's first byte names: type `byte % 18` in
/// [`ResourceType::ALL`]'s order, shape `byte / 18 % 3` (single, collection, array). So
/// `shape × 18 + type` for bytes below 54 ([`selector`] is the inverse).
pub fn resource(byte: u8) -> Resource {
    let types = ResourceType::ALL.len();
    let byte = usize::from(byte);
    Resource {
        shape: SHAPES[byte / types % SHAPES.len()],
        resource_type: ResourceType::ALL[byte % types].1,
    }
}

/// The selector byte of `resource` (the inverse of [`resource`]).
pub fn selector(resource: Resource) -> Option<u8> {
    let shape = SHAPES.iter().position(|s| *s == resource.shape)?;
    let index = ResourceType::ALL
        .iter()
        .position(|(_, t)| *t == resource.resource_type)?;
    u8::try_from(shape * ResourceType::ALL.len() + index).ok()
}

/// `json` decoded as `resource` and written back by pc-core's models, or `None` when it does
/// not decode.
pub fn rewrite(resource: Resource, json: &str) -> Option<String> {
    fn go<T: DeserializeOwned + Serialize>(shape: Shape, json: &str) -> Option<String> {
        match shape {
            Shape::Single => write::<T>(json),
            Shape::Collection => write::<Collection<T>>(json),
            Shape::Array => write::<Vec<T>>(json),
        }
    }
    fn write<T: DeserializeOwned + Serialize>(json: &str) -> Option<String> {
        let value: T = serde_json::from_str(json).ok()?;
        serde_json::to_string(&value).ok()
    }
    let shape = resource.shape;
    match resource.resource_type {
        ResourceType::Product => go::<Product>(shape, json),
        ResourceType::Sku => go::<Sku>(shape, json),
        ResourceType::Availability => go::<Availability>(shape, json),
        ResourceType::InventoryCheckRequest => go::<InventoryCheckRequest>(shape, json),
        ResourceType::InventoryItem => go::<InventoryItem>(shape, json),
        ResourceType::Cart => go::<Cart>(shape, json),
        ResourceType::CartCheckoutResult => go::<CartCheckoutResult>(shape, json),
        ResourceType::Order => go::<Order>(shape, json),
        ResourceType::Subscription => go::<Subscription>(shape, json),
        ResourceType::SubscriptionProvisioningStatus => {
            go::<SubscriptionProvisioningStatus>(shape, json)
        }
        ResourceType::SubscriptionRegistrationStatus => {
            go::<SubscriptionRegistrationStatus>(shape, json)
        }
        ResourceType::OrderLineItemProvisioningStatus => {
            go::<OrderLineItemProvisioningStatus>(shape, json)
        }
        ResourceType::Entitlement => go::<Entitlement>(shape, json),
        ResourceType::ReservedInstanceArtifactDetails => {
            go::<ReservedInstanceArtifactDetails>(shape, json)
        }
        ResourceType::Invoice => go::<Invoice>(shape, json),
        ResourceType::InvoiceSummary => go::<InvoiceSummary>(shape, json),
        ResourceType::InvoiceLineItem => go::<InvoiceLineItem>(shape, json),
        ResourceType::EstimateLink => go::<EstimateLink>(shape, json),
        // A type added to pc-core later: decoded by round_trip, not written back here.
        _ => None,
    }
}

/// The `lifecycle` target's input: `{"facts"?, "now"?, "change"?, "patch"?, "order"?,
/// "kind"?}`. Every member is optional; what is there is run through the rules that take it.
/// Written by hand (the seeds) or by [`lifecycle_json`] from raw fuzz bytes.
#[derive(Debug, serde::Deserialize)]
pub struct LifecycleInput {
    /// A subscription with what the rules know about it.
    pub facts: Option<SubscriptionFacts>,
    /// When the change is asked for (default 2026-11-21T12:00:00Z).
    pub now: Option<DateTime<Utc>>,
    /// One change to check and refund.
    pub change: Option<SubscriptionChange>,
    /// A PATCH body, read against `facts.subscription`.
    pub patch: Option<serde_json::Value>,
    /// A software order whose lines are cancelled.
    pub order: Option<Order>,
    /// What the order's lines are (default perpetual software).
    pub kind: Option<ProductKind>,
}

#[cfg(test)]
mod tests {
    use super::{resource, selector};

    #[test]
    fn selectors_name_every_resource_once() {
        for byte in 0..54 {
            assert_eq!(selector(resource(byte)), Some(byte));
        }
    }
}

/// A `lifecycle` input built from raw fuzz bytes (`arbitrary`), as JSON: the same members as the
/// seeds, but with values a byte-level mutation of JSON text rarely reaches — seat counts and
/// prices at their limits, instants anywhere in chrono's range (years beyond 9999 too), every
/// status, cycle, term and kind.
pub fn lifecycle_json(u: &mut Unstructured<'_>) -> arbitrary::Result<Value> {
    let mut input = Map::new();
    if u.arbitrary()? {
        input.insert("facts".into(), facts(u)?);
    }
    if u.arbitrary()? {
        input.insert("now".into(), instant(u)?);
    }
    if u.arbitrary()? {
        input.insert("change".into(), change(u)?);
    }
    if u.arbitrary()? {
        input.insert("patch".into(), patch(u)?);
    }
    if u.arbitrary()? {
        input.insert("order".into(), order(u)?);
    }
    if u.arbitrary()? {
        input.insert("kind".into(), json!(*u.choose(&KINDS)?));
    }
    Ok(Value::Object(input))
}

const KINDS: [&str; 6] = [
    "NewCommerceLicense",
    "PerpetualSoftware",
    "SoftwareSubscription",
    "AzureReservation",
    "AzurePlan",
    "Other",
];
const STATUSES: [&str; 7] = [
    "active",
    "suspended",
    "deleted",
    "expired",
    "pending",
    "disabled",
    "Active",
];
const CYCLES: [&str; 6] = [
    "monthly",
    "annual",
    "triennial",
    "one_time",
    "none",
    "Monthly",
];
const TERMS: [&str; 8] = [
    "P1M",
    "P1Y",
    "P3Y",
    "P1D",
    "PT168H",
    "P0D",
    "",
    "P1Y2M3W4DT5H6M7S",
];

/// Sets `name` in `map` to `value(u)` when the bytes say so.
fn maybe(
    u: &mut Unstructured<'_>,
    map: &mut Map<String, Value>,
    name: &str,
    value: impl FnOnce(&mut Unstructured<'_>) -> arbitrary::Result<Value>,
) -> arbitrary::Result<()> {
    if u.arbitrary()? {
        let value = value(u)?;
        map.insert(name.to_owned(), value);
    }
    Ok(())
}

/// A count: mostly small, sometimes at the limits of i64.
fn count(u: &mut Unstructured<'_>) -> arbitrary::Result<Value> {
    Ok(match u.int_in_range(0..=3u8)? {
        0 => json!(u.int_in_range(-2..=400i64)?),
        1 => json!(*u.choose(&[i64::MIN, i64::MAX, i64::MIN + 1, i64::MAX - 1, 0])?),
        2 => json!(u.arbitrary::<i64>()?),
        _ => json!(u.arbitrary::<i64>()?.to_string()),
    })
}

/// A price: cents, or a large or tiny float.
fn price(u: &mut Unstructured<'_>) -> arbitrary::Result<Value> {
    let mantissa = f64::from(u.arbitrary::<i32>()?);
    let exponent = i32::from(u.int_in_range(-12..=30i8)?);
    let value = mantissa * 10f64.powi(exponent);
    Ok(serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number))
}

/// An instant anywhere in chrono's range, written in one of the forms `Timestamp` reads.
fn instant(u: &mut Unstructured<'_>) -> arbitrary::Result<Value> {
    let seconds = match u.int_in_range(0..=2u8)? {
        // Around 2026.
        0 => 1_790_000_000 + i64::from(u.arbitrary::<i32>()?),
        // At the ends of chrono's range.
        1 => {
            let end = if u.arbitrary()? {
                DateTime::<Utc>::MAX_UTC
            } else {
                DateTime::<Utc>::MIN_UTC
            };
            end.timestamp() - i64::from(u.arbitrary::<i32>()?)
        }
        _ => u.arbitrary::<i64>()?,
    };
    let Some(at) = DateTime::<Utc>::from_timestamp(seconds, 0) else {
        return Ok(json!("2026-11-21T12:00:00Z"));
    };
    Ok(json!(match u.int_in_range(0..=2u8)? {
        0 => at.to_rfc3339(),
        1 => at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        _ => at.format("%Y-%m-%d").to_string(),
    }))
}

fn subscription(u: &mut Unstructured<'_>) -> arbitrary::Result<Value> {
    let mut sub = Map::new();
    sub.insert("id".into(), json!("sub-1"));
    maybe(u, &mut sub, "quantity", count)?;
    maybe(u, &mut sub, "status", |u| Ok(json!(*u.choose(&STATUSES)?)))?;
    maybe(u, &mut sub, "autoRenewEnabled", |u| {
        Ok(json!(u.arbitrary::<bool>()?))
    })?;
    maybe(u, &mut sub, "billingCycle", |u| {
        Ok(json!(*u.choose(&CYCLES)?))
    })?;
    maybe(u, &mut sub, "termDuration", |u| {
        Ok(json!(*u.choose(&TERMS)?))
    })?;
    for name in [
        "creationDate",
        "effectiveStartDate",
        "commitmentEndDate",
        "billingCycleEndDate",
        "cancellationAllowedUntilDate",
    ] {
        maybe(u, &mut sub, name, instant)?;
    }
    maybe(u, &mut sub, "refundableQuantity", |u| {
        let mut details = Vec::new();
        for _ in 0..u.int_in_range(0..=3u8)? {
            details.push(json!({"quantity": count(u)?, "allowedUntilDateTime": instant(u)?}));
        }
        Ok(json!({"totalQuantity": count(u)?, "details": details}))
    })?;
    maybe(u, &mut sub, "scheduledNextTermInstructions", instructions)?;
    Ok(Value::Object(sub))
}

fn instructions(u: &mut Unstructured<'_>) -> arbitrary::Result<Value> {
    Ok(json!({
        "product": {"productId": "CFQ7TTC0LH18", "skuId": "0001", "availabilityId": "CFQ7TTC0LH0R",
                    "billingCycle": *u.choose(&CYCLES)?, "termDuration": *u.choose(&TERMS)?},
        "quantity": count(u)?,
    }))
}

fn facts(u: &mut Unstructured<'_>) -> arbitrary::Result<Value> {
    let mut facts = Map::new();
    facts.insert("subscription".into(), subscription(u)?);
    facts.insert("kind".into(), json!(*u.choose(&KINDS)?));
    maybe(u, &mut facts, "unitPrice", price)?;
    maybe(u, &mut facts, "currency", |_| Ok(json!("USD")))?;
    maybe(u, &mut facts, "availability", |u| {
        let mut sku = Map::new();
        maybe(u, &mut sku, "minimumQuantity", count)?;
        maybe(u, &mut sku, "maximumQuantity", count)?;
        sku.insert(
            "supportedBillingCycles".into(),
            json!([*u.choose(&CYCLES)?, *u.choose(&CYCLES)?]),
        );
        let terms: Vec<Value> = (0..u.int_in_range(0..=3u8)?)
            .map(|_| Ok(json!({"duration": *u.choose(&TERMS)?})))
            .collect::<arbitrary::Result<_>>()?;
        Ok(json!({"catalogItemId": "CFQ7TTC0LH18:0001:CFQ7TTC0LH0R", "sku": sku, "terms": terms}))
    })?;
    Ok(Value::Object(facts))
}

fn change(u: &mut Unstructured<'_>) -> arbitrary::Result<Value> {
    Ok(match u.int_in_range(0..=4u8)? {
        0 => json!({"change": "quantity", "quantity": count(u)?}),
        1 => json!({"change": "cancel"}),
        2 => json!({"change": "autoRenew", "enabled": u.arbitrary::<bool>()?}),
        3 => json!({"change": "scheduleNextTerm", "instructions": instructions(u)?}),
        _ => json!({"change": "clearScheduledNextTerm"}),
    })
}

fn patch(u: &mut Unstructured<'_>) -> arbitrary::Result<Value> {
    let mut patch = Map::new();
    maybe(u, &mut patch, "quantity", count)?;
    maybe(u, &mut patch, "status", |u| {
        Ok(json!(*u.choose(&STATUSES)?))
    })?;
    maybe(u, &mut patch, "autoRenewEnabled", |u| {
        Ok(json!(u.arbitrary::<bool>()?))
    })?;
    maybe(u, &mut patch, "scheduledNextTermInstructions", |u| {
        if u.arbitrary()? {
            instructions(u)
        } else {
            Ok(Value::Null)
        }
    })?;
    Ok(Value::Object(patch))
}

fn order(u: &mut Unstructured<'_>) -> arbitrary::Result<Value> {
    let mut order = Map::new();
    order.insert("id".into(), json!("order-1"));
    maybe(u, &mut order, "creationDate", instant)?;
    maybe(u, &mut order, "currencyCode", |_| Ok(json!("USD")))?;
    maybe(u, &mut order, "status", |u| {
        Ok(json!(*u.choose(&[
            "completed",
            "cancelled",
            "pending",
            "Cancelled"
        ])?))
    })?;
    let mut lines = Vec::new();
    for number in 0..u.int_in_range(0..=3i64)? {
        let mut line = Map::new();
        line.insert("lineItemNumber".into(), json!(number));
        maybe(u, &mut line, "quantity", count)?;
        maybe(u, &mut line, "pricing", |u| {
            let mut pricing = Map::new();
            maybe(u, &mut pricing, "price", price)?;
            maybe(u, &mut pricing, "extendedPrice", price)?;
            Ok(Value::Object(pricing))
        })?;
        lines.push(Value::Object(line));
    }
    order.insert("lineItems".into(), Value::Array(lines));
    Ok(Value::Object(order))
}
