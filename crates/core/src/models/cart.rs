//! Cart and checkout (partner-center-api.md §3.5–§3.7; E8–E11).
//!
//! Request members are also accepted in PascalCase (`LineItems`, `CatalogItemId`, …), as the
//! documented request examples and the .NET SDK send them; responses are written camelCase.

use std::collections::BTreeMap;

use crate::enums::{BillingCycle, CartErrorCode, CartStatus};
use crate::ids::{CartId, CatalogItemId};
use crate::models::common::{Attributes, ErrorCode, Links, Pricing, RenewsTo};
use crate::models::order::Order;
use crate::wire::{Spelled, Timestamp, lenient_int, resource};

resource! {
    /// `Cart` (E8 create, E9 update, E10 get).
    pub struct Cart {
        /// Server-assigned GUID.
        "id" => id: CartId,
        /// Creation time.
        "creationTimestamp" => creation_timestamp: Timestamp,
        /// Last change.
        "lastModifiedTimestamp" => last_modified_timestamp: Timestamp,
        /// When the cart stops being usable: 7 days after creation.
        "expirationTimestamp" => expiration_timestamp: Timestamp,
        /// User (GUID) who changed it last.
        "lastModifiedUser" => last_modified_user: String,
        /// `Active` or `Ordered`.
        "status" => status: Spelled<CartStatus>,
        /// The lines (at least one).
        "lineItems" => line_items: Vec<CartLineItem>,
        /// Partner-of-record attestation (900206).
        "partnerOnRecordAttestationAccepted" => partner_on_record_attestation_accepted: bool,
        /// `self`.
        "links" => links: Links,
        /// `{ "objectType": "Cart" }`.
        "attributes" => attributes: Attributes,
    }
}

impl Cart {
    /// Every line, each followed by its (legacy) add-on lines, depth first.
    pub fn all_line_items(&self) -> Vec<&CartLineItem> {
        fn walk<'a>(items: &'a [CartLineItem], out: &mut Vec<&'a CartLineItem>) {
            for item in items {
                out.push(item);
                if let Some(addons) = &item.addon_items {
                    walk(addons, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(self.line_items.as_deref().unwrap_or_default(), &mut out);
        out
    }
}

resource! {
    /// `{ "key": "transaction_reseller", "value": "<PartnerID>" }` on a cart line.
    pub struct Participant {
        /// `transaction_reseller`, `additional_transaction_reseller`, `consumption_reseller`.
        "key" => key: String,
        /// The partner ID.
        "value" => value: String,
    }
}

resource! {
    /// `CartError`: why the server rejected a line.
    pub struct CartError {
        /// e.g. `CatalogItemIdIsNotValid` (10001).
        "errorCode" => error_code: Spelled<CartErrorCode>,
        /// Description.
        "errorDescription" => error_description: String,
        /// `{ availableQuantity, purchasedQuantity }`.
        "additionalInformation" => additional_information: BTreeMap<String, serde_json::Value>,
    }
}

resource! {
    /// `CartLineItem`.
    pub struct CartLineItem {
        /// Client-chosen index (0, 1, 2…); an int on the wire, a string in the docs' table.
        "id" => id: i64 [lenient_int],
        /// The availability's `catalogItemId`, or a legacy offer ID.
        "catalogItemId" => catalog_item_id: CatalogItemId,
        /// Partner nickname.
        "friendlyName" => friendly_name: String,
        /// Licenses / instances.
        "quantity" => quantity: i64 [lenient_int],
        /// Filled by the server, e.g. `USD`.
        "currencyCode" => currency_code: String,
        /// `monthly`, `annual`, `triennial`, `biennial`, `one_time`, `none` (trials).
        "billingCycle" => billing_cycle: Spelled<BillingCycle>,
        /// ISO 8601 term: `P1M`, `P1Y`, `P3Y` (SaaS also `P2Y`).
        "termDuration" => term_duration: String,
        /// Promotion, e.g. `39NFJQT1PHSN:0008:39NFJQT1Q5J0`.
        "promotionId" => promotion_id: String,
        /// Resellers of record.
        "participants" => participants: Vec<Participant>,
        /// Values for the SKU's `provisioningVariables` (`subscriptionId`, `scope`, `duration`…).
        "provisioningContext" => provisioning_context: BTreeMap<String, String>,
        /// Server-assigned order grouping key (`"0"`, `"OMS-0"`).
        "orderGroup" => order_group: String,
        /// Legacy add-ons bought against this line's subscription.
        "addonItems" => addon_items: Vec<CartLineItem>,
        /// Set by the server when the line is invalid.
        "error" => error: CartError,
        /// Renewal term (e.g. SaaS trial → paid).
        "renewsTo" => renews_to: RenewsTo,
        /// Required when the SKU enforces attestation (900203).
        "attestationAccepted" => attestation_accepted: bool,
        /// Co-terminate with an existing subscription or a calendar-month end.
        "customTermEndDate" => custom_term_end_date: Timestamp,
        /// Prices (new commerce).
        "pricing" => pricing: Pricing,
        /// Purchase system (SDK only).
        "purchaseSystem" => purchase_system: String,
    }
}

impl CartLineItem {
    /// A provisioning-context value, with the key compared case-insensitively.
    pub fn provisioning_value(&self, key: &str) -> Option<&str> {
        self.provisioning_context
            .as_ref()?
            .iter()
            .find_map(|(k, v)| k.eq_ignore_ascii_case(key).then_some(v.as_str()))
    }
}

resource! {
    /// `OrderError`: an order group that checkout could not order.
    pub struct OrderError {
        /// The cart lines' `orderGroup`.
        "orderGroupId" => order_group_id: String,
        /// Partner Center error code, e.g. `800017`.
        "code" => code: ErrorCode,
        /// Description.
        "description" => description: String,
    }
}

resource! {
    /// `CartCheckoutResult` (E11): one order per successful order group, one error per failed one.
    pub struct CartCheckoutResult {
        /// Orders created.
        "orders" => orders: Vec<Order>,
        /// Groups that failed.
        "orderErrors" => order_errors: Vec<OrderError>,
        /// `{ "objectType": "CartCheckoutResult" }` (value unconfirmed).
        "attributes" => attributes: Attributes,
    }
}
