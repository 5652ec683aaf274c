//! Inventory check (Partner Center: *Products resources*, `InventoryCheckRequest` and
//! `InventoryItem`; the operation *Check inventory*,
//! `POST /v1/extensions/product/checkInventory?country={country}`).
//!
//! Request members are also accepted in PascalCase (`TargetItems`, `InventoryContext`), as the
//! documented example and the .NET SDK send them.

use std::collections::BTreeMap;

use crate::ids::{ProductId, SkuId};
use crate::models::common::{Attributes, Links};
use crate::wire::resource;

resource! {
    /// One item to check: a product, optionally narrowed to one SKU (all SKUs otherwise).
    pub struct InventoryTarget {
        /// The catalog product to check, e.g. `DZH318Z0BQ3P`; required.
        "productId" => product_id: ProductId,
        /// The SKU to check, e.g. `0039`; when omitted, every SKU of the product is checked.
        "skuId" => sku_id: SkuId,
    }
}

resource! {
    /// `InventoryCheckRequest`: items plus the context keys the SKUs' `inventoryVariables` name
    /// (`customerId`, `azureSubscriptionId`, `armRegionName`; keys case-insensitive).
    pub struct InventoryCheckRequest {
        /// The products (and optionally SKUs) to check.
        "targetItems" => target_items: Vec<InventoryTarget>,
        /// The values the SKUs' `inventoryVariables` ask for, by key: `customerId` (the customer's
        /// tenant ID), `azureSubscriptionId` (the Azure subscription a reservation would use) and
        /// `armRegionName` (the region to check, equal to the SKU's
        /// `dynamicAttributes.armRegionName`); keys are case-insensitive.
        "inventoryContext" => inventory_context: BTreeMap<String, String>,
        /// Links of the request (documented, never set in the examples).
        "links" => links: Links,
        /// Resource metadata (`objectType`); not needed in a request.
        "attributes" => attributes: Attributes,
    }
}

impl InventoryCheckRequest {
    /// The check of one availability's SKU with `context` (keys as the SKU's
    /// `inventoryVariables` name them, e.g. `customerId`, `azureSubscriptionId`, `armRegionName`).
    pub fn for_availability(
        availability: &crate::models::Availability,
        context: BTreeMap<String, String>,
    ) -> Self {
        Self {
            target_items: Some(vec![InventoryTarget {
                product_id: availability.product_id.clone(),
                sku_id: availability.sku_id.clone(),
                ..InventoryTarget::default()
            }]),
            inventory_context: Some(context),
            ..Self::default()
        }
    }
}

resource! {
    /// Why an item is restricted.
    pub struct InventoryRestriction {
        /// Why the item is restricted, a code such as `NotAvailableForSubscription`.
        "reasonCode" => reason_code: String,
        /// A human-readable explanation, e.g.
        /// `Restriction identified of type 'Location' with values 'japanwest'.`
        "description" => description: String,
        /// Details of the restriction by key, e.g. `{ "type": "Location", "values": "japanwest" }`.
        "properties" => properties: BTreeMap<String, String>,
    }
}

resource! {
    /// `InventoryItem`: one evaluated SKU of the check's (bare array) response.
    pub struct InventoryItem {
        /// The product that was checked, e.g. `DZH318Z0BQ3P`.
        "productId" => product_id: ProductId,
        /// The SKU that was checked, e.g. `0039` (one item per SKU when the request named none).
        "skuId" => sku_id: SkuId,
        /// When true, buying it fails (800010, cart error `InventoryNotAvailable`).
        "isRestricted" => is_restricted: bool,
        /// Restrictions, populated only when restricted.
        "restrictions" => restrictions: Vec<InventoryRestriction>,
    }
}
