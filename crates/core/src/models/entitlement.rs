//! Entitlements and reservation artifacts (partner-center-api.md §3.10; E22).

use crate::enums::EntitlementType;
use crate::ids::{ProductId, SkuId};
use crate::models::common::{Attributes, Link, Links};
use crate::wire::{Spelled, Timestamp, lenient_int, lenient_string, resource};

resource! {
    /// The order line an entitlement came from.
    pub struct ReferenceOrder {
        /// Order ID.
        "id" => id: String,
        /// Order line (a string, `"0"`, on the wire).
        "lineItemId" => line_item_id: String [lenient_string],
        /// Friendly order ID.
        "alternateId" => alternate_id: String,
    }
}

resource! {
    /// `quantityDetails[]`.
    pub struct QuantityDetail {
        /// Quantity.
        "quantity" => quantity: i64 [lenient_int],
        /// State.
        "status" => status: String,
    }
}

resource! {
    /// An entitled artifact, e.g. a reservation; details are read by following `link`.
    pub struct Artifact {
        /// `reservedinstance`, …
        "artifactType" => artifact_type: Spelled<EntitlementType>,
        /// Resource ID.
        "resourceId" => resource_id: String,
        /// Link to the artifact details ([`ReservedInstanceArtifactDetails`]).
        "link" => link: Link,
        /// e.g. `{ "reservationType": "virtualmachines" }`.
        "dynamicAttributes" => dynamic_attributes: serde_json::Map<String, serde_json::Value>,
    }
}

resource! {
    /// `Entitlement` (E22): what the customer owns from one-time purchases.
    pub struct Entitlement {
        /// Source order line.
        "referenceOrder" => reference_order: ReferenceOrder,
        /// Product ID.
        "productId" => product_id: ProductId,
        /// SKU ID.
        "skuId" => sku_id: SkuId,
        /// Quantity (excludes unfulfilled / transferred).
        "quantity" => quantity: i64 [lenient_int],
        /// Quantity by state.
        "quantityDetails" => quantity_details: Vec<QuantityDetail>,
        /// `software`, `reservedinstance`.
        "entitlementType" => entitlement_type: Spelled<EntitlementType>,
        /// Fulfillment state (SDK only).
        "fulfillmentState" => fulfillment_state: String,
        /// Artifacts (reservations, keys).
        "entitledArtifacts" => entitled_artifacts: Vec<Artifact>,
        /// Entitlements included in this one.
        "includedEntitlements" => included_entitlements: Vec<Entitlement>,
        /// Expiry, with `showExpiry=true`.
        "expiryDate" => expiry_date: Timestamp,
        /// Links.
        "links" => links: Links,
        /// Attributes.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// One reservation of a reserved-instance artifact.
    pub struct Reservation {
        /// Reservation ID.
        "reservationId" => reservation_id: String,
        /// `Shared` or `Single`.
        "scopeType" => scope_type: String,
        /// Display name.
        "displayName" => display_name: String,
        /// Applied scopes.
        "appliedScopes" => applied_scopes: Vec<String>,
        /// Instances.
        "quantity" => quantity: i64 [lenient_int],
        /// Expiry.
        "expiryDateTime" => expiry_date_time: Timestamp,
        /// Start.
        "effectiveDateTime" => effective_date_time: Timestamp,
        /// e.g. `Created`.
        "provisioningState" => provisioning_state: String,
    }
}

resource! {
    /// Reserved-instance artifact details, read from an artifact's `link`.
    pub struct ReservedInstanceArtifactDetails {
        /// `reservedinstance` (or the older `virtual_machine_reserved_instance`).
        "type" => artifact_type: Spelled<EntitlementType>,
        /// Older VM-only contract.
        "virtualMachineReservations" => virtual_machine_reservations: Vec<Reservation>,
        /// Current contract.
        "reservations" => reservations: Vec<Reservation>,
        /// Attributes.
        "attributes" => attributes: Attributes,
    }
}
