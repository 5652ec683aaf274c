//! Entitlements and reservation artifacts (Partner Center: *Entitlement resources*; the operation
//! *Get a collection of entitlements*, `GET /v1/customers/{customer-id}/entitlements`).

use crate::enums::EntitlementType;
use crate::ids::{ProductId, SkuId};
use crate::models::common::{Attributes, Link, Links};
use crate::wire::{Spelled, Timestamp, lenient_int, lenient_string, resource};

resource! {
    /// The order line an entitlement came from.
    pub struct ReferenceOrder {
        /// The ID of the order that produced the entitlement, e.g.
        /// `4teYMtWYEeKM77JftGLIQYMOZPTwyOEV1`.
        "id" => id: String,
        /// The order line that produced it: its `lineItemNumber`, sent as a string (`"0"`).
        "lineItemId" => line_item_id: String [lenient_string],
        /// That order's friendly ID (the order's `alternateId`), e.g. `8f3af3dea1ea`.
        "alternateId" => alternate_id: String,
    }
}

resource! {
    /// `quantityDetails[]`.
    pub struct QuantityDetail {
        /// How many of the entitlement's items are in `status`.
        "quantity" => quantity: i64 [lenient_int],
        /// Their state, a free string (e.g. fulfilled, unfulfilled or transferred items).
        "status" => status: String,
    }
}

resource! {
    /// An entitled artifact, e.g. a reservation; details are read by following `link`.
    pub struct Artifact {
        /// What the artifact is: `reservedinstance` for an Azure reservation (older contract:
        /// `virtual_machine_reserved_instance`).
        "artifactType" => artifact_type: Spelled<EntitlementType>,
        /// The ID (GUID) of the Azure reservation order or resource.
        "resourceId" => resource_id: String,
        /// Link to the artifact details ([`ReservedInstanceArtifactDetails`]).
        "link" => link: Link,
        /// Values that depend on the artifact type: for `reservedinstance`, `reservationType` is
        /// `virtualmachines` or `sqldatabases`.
        "dynamicAttributes" => dynamic_attributes: serde_json::Map<String, serde_json::Value>,
    }
}

resource! {
    /// `Entitlement`: what the customer owns from one-time purchases (software, reservations).
    pub struct Entitlement {
        /// The order and order line that resulted in the entitlement.
        "referenceOrder" => reference_order: ReferenceOrder,
        /// The catalog product the customer is entitled to, e.g. `DG7GMGF0DWM3`.
        "productId" => product_id: ProductId,
        /// The SKU of that product, e.g. `0002`.
        "skuId" => sku_id: SkuId,
        /// How many items the customer holds: unfulfilled and transferred ones are not counted.
        "quantity" => quantity: i64 [lenient_int],
        /// The quantity split by state, e.g. fulfilled and unfulfilled items.
        "quantityDetails" => quantity_details: Vec<QuantityDetail>,
        /// `software` or `reservedinstance` (the `entitlementType` query narrows the list to one).
        "entitlementType" => entitlement_type: Spelled<EntitlementType>,
        /// The entitlement's fulfillment state (.NET SDK only; not in the REST docs).
        "fulfillmentState" => fulfillment_state: String,
        /// What the customer can use: for reservations, a link to the reservation details; empty
        /// for software in the documented examples.
        "entitledArtifacts" => entitled_artifacts: Vec<Artifact>,
        /// Entitlements that come with this one implicitly (e.g. the products of a software
        /// bundle).
        "includedEntitlements" => included_entitlements: Vec<Entitlement>,
        /// When the entitlement expires, a UTC instant; sent only with `showExpiry=true`, and only
        /// where it applies.
        "expiryDate" => expiry_date: Timestamp,
        /// Links of the entitlement (none in the documented examples).
        "links" => links: Links,
        /// Resource metadata (`objectType`; none in the documented examples).
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// One reservation of a reserved-instance artifact.
    pub struct Reservation {
        /// The Azure reservation ID (GUID), as in the Azure portal.
        "reservationId" => reservation_id: String,
        /// Where the reservation applies: `Shared` or `Single`.
        "scopeType" => scope_type: String,
        /// The reservation's display name, as in the Azure portal.
        "displayName" => display_name: String,
        /// The scopes (Azure subscription IDs) it applies to; only when `scopeType` is not
        /// `Shared`.
        "appliedScopes" => applied_scopes: Vec<String>,
        /// How many virtual machines (instances) the reservation covers.
        "quantity" => quantity: i64 [lenient_int],
        /// When the reservation expires, a date-time (sent without a zone in the documented
        /// example; read as UTC).
        "expiryDateTime" => expiry_date_time: Timestamp,
        /// When the reservation took effect, a UTC instant.
        "effectiveDateTime" => effective_date_time: Timestamp,
        /// Azure's provisioning state of the reservation, e.g. `Created`.
        "provisioningState" => provisioning_state: String,
    }
}

resource! {
    /// Reserved-instance artifact details, read from an artifact's `link`.
    pub struct ReservedInstanceArtifactDetails {
        /// `reservedinstance` (or the older `virtual_machine_reserved_instance`).
        "type" => artifact_type: Spelled<EntitlementType>,
        /// The reservations, under the older VM-only contract's name (the documented examples use
        /// it).
        "virtualMachineReservations" => virtual_machine_reservations: Vec<Reservation>,
        /// The reservations, under the current contract's name.
        "reservations" => reservations: Vec<Reservation>,
        /// Resource metadata (`objectType`).
        "attributes" => attributes: Attributes,
    }
}
