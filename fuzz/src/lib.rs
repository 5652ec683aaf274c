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
