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

    /// The check a cart line buying `availability` needs before checkout, for the customer
    /// `customer_id`: [`for_availability`](Self::for_availability) with the line's
    /// [`inventory_context`].
    pub fn for_line(
        customer_id: &str,
        line: &crate::models::CartLineItem,
        availability: &crate::models::Availability,
    ) -> Self {
        Self::for_availability(
            availability,
            inventory_context(customer_id, line, availability),
        )
    }
}

/// What a cart line's inventory check already knows (Partner Center: *Check inventory*;
/// reservation SKUs name these keys in `inventoryVariables`): `customerId` (`customer_id`, the
/// customer's tenant ID), and, when known, `azureSubscriptionId` (the line's
/// `provisioningContext` `subscriptionId`, the Azure subscription the reservation is for) and
/// `armRegionName` (the SKU's `dynamicAttributes.armRegionName`). Partner Center checks the
/// same at checkout, so the check a partner runs and the server's agree.
pub fn inventory_context(
    customer_id: &str,
    line: &crate::models::CartLineItem,
    availability: &crate::models::Availability,
) -> BTreeMap<String, String> {
    let mut context = BTreeMap::new();
    context.insert("customerId".to_owned(), customer_id.to_owned());
    if let Some(subscription) = line.provisioning_value("subscriptionId") {
        context.insert("azureSubscriptionId".to_owned(), subscription.to_owned());
    }
    let region = availability
        .sku
        .as_ref()
        .and_then(|s| s.dynamic_attributes.as_ref())
        .and_then(|d| d.get("armRegionName"))
        .and_then(serde_json::Value::as_str);
    if let Some(region) = region {
        context.insert("armRegionName".to_owned(), region.to_owned());
    }
    context
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::models::{Availability, CartLineItem};

    #[test]
    fn a_line_check_names_the_customer_its_azure_subscription_and_the_sku_region() {
        let availability: Availability = serde_json::from_value(json!({
            "productId": "DZH318Z0BQ3Q", "skuId": "0001",
            "sku": {"dynamicAttributes": {"armRegionName": "westeurope"}}
        }))
        .unwrap();
        let line: CartLineItem =
            serde_json::from_value(json!({"provisioningContext": {"SubscriptionId": "sub-1"}}))
                .unwrap();
        let request = InventoryCheckRequest::for_line("cust-1", &line, &availability);
        assert_eq!(
            serde_json::to_value(&request).unwrap(),
            json!({
                "targetItems": [{"productId": "DZH318Z0BQ3Q", "skuId": "0001"}],
                "inventoryContext": {
                    "armRegionName": "westeurope",
                    "azureSubscriptionId": "sub-1",
                    "customerId": "cust-1"
                }
            })
        );
        let bare = inventory_context("cust-1", &CartLineItem::default(), &Availability::default());
        assert_eq!(bare.len(), 1);
        assert_eq!(bare["customerId"], "cust-1");
    }
}
