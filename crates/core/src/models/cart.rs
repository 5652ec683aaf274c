//! Cart and checkout (Partner Center: *Cart resources*; the operations *Create a cart*, *Update a
//! cart*, *Get a cart by ID* and *Checkout a cart*).
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
    /// `Cart`: what a partner is about to buy for one customer (`POST`, `PUT` and
    /// `GET /v1/customers/{customer-id}/carts[/{cart-id}]`; Partner Center: *Create a cart*,
    /// *Update a cart*, *Get a cart by ID*).
    pub struct Cart {
        /// The cart ID: a GUID Partner Center assigns when the cart is created (e.g.
        /// `2517c51b-58cd-4abe-87ed-3ab812401ab4`); the `{cart-id}` of the update, get and checkout
        /// URLs.
        "id" => id: CartId,
        /// When the cart was created, a UTC instant set by Partner Center (the docs' tables spell
        /// it `creationTimeStamp`; responses `creationTimestamp`).
        "creationTimestamp" => creation_timestamp: Timestamp,
        /// When the cart was last created or updated, a UTC instant set by Partner Center.
        "lastModifiedTimestamp" => last_modified_timestamp: Timestamp,
        /// When the cart stops being usable, a UTC instant: 7 days after creation in current
        /// responses (about 15 minutes in 2018 examples, so read it rather than assume it).
        "expirationTimestamp" => expiration_timestamp: Timestamp,
        /// The user who last changed the cart: a partner-tenant user's object ID (GUID), set by
        /// Partner Center.
        "lastModifiedUser" => last_modified_user: String,
        /// `Active` (can still be updated and checked out) or `Ordered` (already checked out).
        "status" => status: Spelled<CartStatus>,
        /// What the cart buys, one line per catalog item; a cart needs at least one.
        "lineItems" => line_items: Vec<CartLineItem>,
        /// The partner's confirmation of partner-of-record attestation, sent on create
        /// (`PartnerOnRecordAttestationAccepted: true` in the documented request); checkout fails
        /// with 900206 where it is required and missing.
        "partnerOnRecordAttestationAccepted" => partner_on_record_attestation_accepted: bool,
        /// `self`: the cart's own URI (`/customers/{customer-id}/carts/{cart-id}`).
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

    /// [`all_line_items`](Self::all_line_items), each with its line ID
    /// ([`CartLineItem::id_or_position`]): how findings, order groups and checkout name lines.
    pub fn identified_line_items(&self) -> Vec<(i64, &CartLineItem)> {
        self.all_line_items()
            .into_iter()
            .enumerate()
            .map(|(position, line)| (line.id_or_position(position), line))
            .collect()
    }
}

resource! {
    /// `{ "key": "transaction_reseller", "value": "<PartnerID>" }` on a cart line.
    pub struct Participant {
        /// The participant's role: `transaction_reseller` (the indirect reseller of record),
        /// `additional_transaction_reseller` (EU/EFTA only, up to 5, no incentives) or
        /// `consumption_reseller` (.NET SDK).
        "key" => key: String,
        /// That partner's PartnerID (formerly MPN ID), a number in a string, e.g. `5357564`; for
        /// `transaction_reseller` the indirect reseller's, never the indirect provider's own.
        "value" => value: String,
    }
}

resource! {
    /// `CartError`: why the server rejected a line.
    pub struct CartError {
        /// What is wrong with the line: a `CartErrorCode` name such as `CatalogItemIdIsNotValid`
        /// (10001) or `InventoryNotAvailable` (10003), sent as a snake_case name or as its number.
        "errorCode" => error_code: Spelled<CartErrorCode>,
        /// Partner Center's human-readable explanation, with any note on supported values, defaults
        /// or limits.
        "errorDescription" => error_description: String,
        /// Details of some errors: `availableQuantity` (licenses of the SKU still purchasable) and
        /// `purchasedQuantity` (licenses the line asks for), both integers.
        "additionalInformation" => additional_information: BTreeMap<String, serde_json::Value>,
    }
}

resource! {
    /// `CartLineItem`: one catalog item of a cart, with quantity, term and billing cycle.
    pub struct CartLineItem {
        /// The line's index, chosen by the client (0, 1, 2…) and kept by Partner Center; an integer
        /// on the wire though the docs' table says string. Findings and order lines refer to lines
        /// by it.
        "id" => id: i64 [lenient_int],
        /// What the line buys: an availability's `catalogItemId`
        /// (`{productId}:{skuId}:{availabilityId}`, e.g. `CFQ7TTC0LFLZ:0002:CFQ7TTC0K4TS`), or a
        /// legacy offer ID (`MS-AZR-0145P`, a GUID). Fetch it close to purchase time: it can change
        /// (400019 at checkout).
        "catalogItemId" => catalog_item_id: CatalogItemId,
        /// A nickname the partner gives the purchase to tell subscriptions apart; it becomes the
        /// subscription's `friendlyName`. Optional.
        "friendlyName" => friendly_name: String,
        /// How many licenses (license-based offers) or instances (reservations, software) to buy;
        /// must lie within the SKU's `minimumQuantity`..`maximumQuantity` (900275).
        "quantity" => quantity: i64 [lenient_int],
        /// The ISO 4217 currency the line is priced in (e.g. `USD`), filled by Partner Center from
        /// the market; `pricing` is in it.
        "currencyCode" => currency_code: String,
        /// How often the line is billed: `monthly`, `annual`, `triennial`, `biennial` (marketplace
        /// SaaS), `one_time` (reservations, software) or `none` (trials). It must be one of the
        /// SKU's `supportedBillingCycles` and not longer than the term (900270).
        "billingCycle" => billing_cycle: Spelled<BillingCycle>,
        /// The commitment term as an ISO 8601 duration: `P1M`, `P1Y`, `P3Y` (marketplace SaaS also
        /// `P2Y`); one of the availability's `terms[].duration`.
        "termDuration" => term_duration: String,
        /// The ID of a promotion the customer is eligible for, to apply to the line (e.g.
        /// `39NFJQT1PHSN:0008:39NFJQT1Q5J0`); optional.
        "promotionId" => promotion_id: String,
        /// The partners of record besides the one buying: for an indirect provider, its indirect
        /// reseller (`transaction_reseller`).
        "participants" => participants: Vec<Participant>,
        /// The values the SKU's `provisioningVariables` ask for, by key: for Azure reservations
        /// `subscriptionId` (Azure plan or subscription ID), `scope` (`shared` / `single`) and
        /// `duration` (`1Year` / `3Year`); `entitlementId` (an Azure subscription ID) for
        /// single-scope Azure-plan purchases; `parentSubscriptionId` for legacy add-ons.
        "provisioningContext" => provisioning_context: BTreeMap<String, String>,
        /// Which order the line will become part of, assigned by Partner Center on create and
        /// update: lines with the same group check out as one order (e.g. `"0"`, `"1"`, legacy
        /// offers `"OMS-0"`).
        "orderGroup" => order_group: String,
        /// Legacy add-ons bought against the subscription this line creates (new-commerce add-ons
        /// are separate top-level lines instead).
        "addonItems" => addon_items: Vec<CartLineItem>,
        /// Why Partner Center rejected the line, set on create or update; absent on a valid line.
        "error" => error: CartError,
        /// The term the subscription renews to, where it differs from `termDuration` (e.g. a SaaS
        /// free trial on `P1M` renewing to a paid `P1Y`).
        "renewsTo" => renews_to: RenewsTo,
        /// The partner's acceptance of the SKU's attestation; required (`true`) when the SKU's
        /// `attestationProperties.enforceAttestation` is true (900203, cart error 10012), e.g.
        /// Windows 365.
        "attestationAccepted" => attestation_accepted: bool,
        /// The end of the first term, a UTC instant, to co-terminate the new subscription with an
        /// existing new-commerce subscription or with the end of a calendar month (900242 when not
        /// allowed).
        "customTermEndDate" => custom_term_end_date: Timestamp,
        /// The prices of the line (new commerce), filled by Partner Center in `currencyCode`.
        "pricing" => pricing: Pricing,
        /// The purchase system the line goes through (.NET SDK only; not in the REST docs).
        "purchaseSystem" => purchase_system: String,
    }
}

impl CartLineItem {
    /// The line's ID as findings (`lineItemId`), order groups and checkout name it: its `id`, or
    /// — for a line without one — `position`, its index in [`Cart::all_line_items`] (the cart's
    /// lines, each followed by its add-ons, depth first, from 0).
    pub fn id_or_position(&self, position: usize) -> i64 {
        self.id
            .unwrap_or_else(|| i64::try_from(position).unwrap_or(i64::MAX))
    }

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
        /// The `orderGroup` of the cart lines this order would have held; find the failed lines by
        /// it.
        "orderGroupId" => order_group_id: String,
        /// The Partner Center error code, e.g. `800017` (quantity unavailable); a number on the
        /// wire.
        "code" => code: ErrorCode,
        /// Partner Center's human-readable explanation of the failure.
        "description" => description: String,
    }
}

resource! {
    /// `CartCheckoutResult` (`POST …/carts/{cart-id}/checkout`; Partner Center: *Checkout a cart*):
    /// one order per successful order group, one error per failed one.
    pub struct CartCheckoutResult {
        /// One order per order group that checked out; its lines' `subscriptionId` is present only
        /// once provisioning finished.
        "orders" => orders: Vec<Order>,
        /// One error per order group that could not be ordered; a checkout can succeed for some
        /// groups and fail for others.
        "orderErrors" => order_errors: Vec<OrderError>,
        /// `{ "objectType": "CartCheckoutResult" }` (value unconfirmed).
        "attributes" => attributes: Attributes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_named_by_id_or_by_position_depth_first() {
        let cart: Cart = serde_json::from_value(serde_json::json!({"lineItems": [
            {"id": 7, "addonItems": [{}, {"id": 3}]},
            {},
        ]}))
        .unwrap();
        let ids: Vec<i64> = cart
            .identified_line_items()
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(ids, [7, 1, 3, 3]);
        assert_eq!(CartLineItem::default().id_or_position(usize::MAX), i64::MAX);
    }
}
