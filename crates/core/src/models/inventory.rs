//! Inventory check (partner-center-api.md §3.4; E7 `POST /v1/extensions/product/checkInventory`).
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
        /// Product ID.
        "productId" => product_id: ProductId,
        /// SKU ID; omitted → every SKU of the product.
        "skuId" => sku_id: SkuId,
    }
}

resource! {
    /// `InventoryCheckRequest`: items plus the context keys the SKUs' `inventoryVariables` name
    /// (`customerId`, `azureSubscriptionId`, `armRegionName`; keys case-insensitive).
    pub struct InventoryCheckRequest {
        /// Items to check.
        "targetItems" => target_items: Vec<InventoryTarget>,
        /// Context values by key.
        "inventoryContext" => inventory_context: BTreeMap<String, String>,
        /// Links.
        "links" => links: Links,
        /// Attributes.
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
        /// e.g. `NotAvailableForSubscription`.
        "reasonCode" => reason_code: String,
        /// Human-readable description.
        "description" => description: String,
        /// e.g. `{ "type": "Location", "values": "japanwest" }`.
        "properties" => properties: BTreeMap<String, String>,
    }
}

resource! {
    /// `InventoryItem`: one evaluated SKU of the check's (bare array) response.
    pub struct InventoryItem {
        /// Product ID.
        "productId" => product_id: ProductId,
        /// SKU ID.
        "skuId" => sku_id: SkuId,
        /// When true, buying it fails (800010, cart error `InventoryNotAvailable`).
        "isRestricted" => is_restricted: bool,
        /// Restrictions, populated only when restricted.
        "restrictions" => restrictions: Vec<InventoryRestriction>,
    }
}
