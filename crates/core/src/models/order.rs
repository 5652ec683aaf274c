//! Orders (Partner Center: *Order resources*; the operations *Get an order by ID*, *Get all of a
//! customer's orders*, *Get a list of orders by customer and billing cycle type* and *Get order
//! provisioning status*).

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::enums::{
    BillingCycle, FulfillmentStatus, LineTransactionType, OrderStatus, OrderTransactionType,
};
use crate::ids::{CatalogItemId, CustomerId, OrderId, SubscriptionId};
use crate::models::common::{Attributes, Links, Pricing, RenewsTo};
use crate::wire::{Spelled, Timestamp, lenient_int, resource};

resource! {
    /// `Order`: one per order group of a checked-out cart; one billing cycle each.
    pub struct Order {
        /// The order ID Partner Center assigns at checkout, e.g. `a68736758d9c`,
        /// `311qiN8iFwkv-XARWMvXRYAwYKMACVqv1` (new commerce) or a GUID (legacy); the `{order-id}`
        /// of the order URLs and the `orderId` of the subscriptions it creates.
        "id" => id: OrderId,
        /// A shorter, friendly order ID (e.g. `0a3624c6e47d`); entitlements name their order by it
        /// in `referenceOrder.alternateId`.
        "alternateId" => alternate_id: String,
        /// The customer's tenant ID (GUID, Microsoft Entra ID) the order was placed for.
        "referenceCustomerId" => reference_customer_id: CustomerId,
        /// The one billing cycle of all the order's lines, e.g. `monthly` or `one_time`; Partner
        /// Center defaults it to `Monthly` or `OneTime` at creation. A cart's lines with different
        /// cycles become different orders.
        "billingCycle" => billing_cycle: Spelled<BillingCycle>,
        /// Who placed the order: `UserPurchase` (the partner), `SystemPurchase` (Partner Center
        /// itself, e.g. a renewal) or `SystemBilling`. Read-only.
        "transactionType" => transaction_type: Spelled<OrderTransactionType>,
        /// What the order bought, one line per purchased item, numbered from 0.
        "lineItems" => line_items: Vec<OrderLineItem>,
        /// The ISO 4217 currency the order was placed in (e.g. `USD`); `totalPrice` and the lines'
        /// `pricing` are in it. Read-only.
        "currencyCode" => currency_code: String,
        /// The symbol of `currencyCode`, e.g. `$`, `€`, `£`, `CHF`. Read-only.
        "currencySymbol" => currency_symbol: String,
        /// When the order was created, a UTC instant set by Partner Center.
        "creationDate" => creation_date: Timestamp,
        /// Where the order stands: `pending` right after checkout, then `completed`; also
        /// cancelled, suspended, the purchase-order review states, partial success (some lines
        /// failed: buy those again) and error (the order failed).
        "status" => status: Spelled<OrderStatus>,
        /// The order's pre-tax total, a decimal in `currencyCode` (in the documented checkout
        /// example, its one line's `extendedPrice`); new commerce only.
        "totalPrice" => total_price: Decimal,
        /// Whether the partner confirmed partner-of-record attestation for the order (copied from
        /// the cart).
        "partnerOnRecordAttestationAccepted" => partner_on_record_attestation_accepted: bool,
        /// The client the order came through: `{}` in most documented examples, once with
        /// `marketplaceCountry` (`US`), `deviceFamily` (`UniversalStore-PartnerCenter`) and `name`
        /// (`Partner Center API`); not in the resource table.
        "client" => client: serde_json::Value,
        /// `self` (the order), `provisioningStatus` (its lines' provisioning, when available) and
        /// `patchOperation`.
        "links" => links: Links,
        /// `{ "objectType": "Order" }`.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// `purchaseCommitment` of an Azure savings plan line: `{ amount, currency, grain }`, the fixed
    /// hourly amount committed on compute services for one or three years.
    pub struct PurchaseCommitment {
        /// The fixed amount committed per `grain` on compute services, a decimal in `currency`.
        "amount" => amount: Decimal,
        /// The ISO 4217 currency of `amount`, e.g. `USD`.
        "currency" => currency: String,
        /// The period the amount is committed for; `Hourly` for Azure savings plans.
        "grain" => grain: String,
    }
}

resource! {
    /// `OrderLineItem`: one purchased item of an order.
    pub struct OrderLineItem {
        /// The line's number within the order, from 0 to count − 1; the `{n}` of the line's
        /// activation-links URL.
        "lineItemNumber" => line_item_number: i64 [lenient_int],
        /// What the line bought: the cart line's `catalogItemId`
        /// (`{productId}:{skuId}:{availabilityId}`) or legacy offer ID.
        "offerId" => offer_id: CatalogItemId,
        /// The ID (GUID) of the subscription the line created; present only once provisioning has
        /// finished.
        "subscriptionId" => subscription_id: SubscriptionId,
        /// The base subscription (GUID) of an add-on line; Partner Center documents it for PATCH
        /// only.
        "parentSubscriptionId" => parent_subscription_id: SubscriptionId,
        /// The commitment term as an ISO 8601 duration: `P1M`, `P1Y` or `P3Y` (marketplace SaaS
        /// also `P2Y`).
        "termDuration" => term_duration: String,
        /// What the line did: `New` in every documented example; the documented set is `new`,
        /// `renew`, `addQuantity`, `removeQuantity`, `cancel`, `convert`, `customerCredit`.
        /// Read-only.
        "transactionType" => transaction_type: Spelled<LineTransactionType>,
        /// The nickname the partner gave the purchase (the cart line's `friendlyName`), e.g.
        /// `Myofferpurchase`.
        "friendlyName" => friendly_name: String,
        /// How many licenses or instances the line bought.
        "quantity" => quantity: i64 [lenient_int],
        /// The line's prices (new commerce): decimals in the order's `currencyCode`.
        "pricing" => pricing: Pricing,
        /// The indirect reseller's PartnerID (a number in a string) when an indirect provider
        /// ordered on its behalf; never the provider's own.
        "partnerIdOnRecord" => partner_id_on_record: String,
        /// Further partners of record (PartnerIDs), EU/EFTA only, at most 5; they earn no
        /// incentives.
        "additionalPartnerIdsOnRecord" => additional_partner_ids_on_record: Vec<String>,
        /// The provisioning values the cart line carried, e.g. `scope` (`Single` / `Shared`) and
        /// `entitlementId` (Azure subscription ID) of a reservation.
        "provisioningContext" => provisioning_context: BTreeMap<String, String>,
        /// The term the subscription renews to, where it differs from `termDuration`.
        "renewsTo" => renews_to: RenewsTo,
        /// The ID of the promotion applied to the line, if any.
        "promotionId" => promotion_id: String,
        /// The end of the new subscription's first term, a UTC instant, when it was co-terminated.
        "customTermEndDate" => custom_term_end_date: Timestamp,
        /// Whether the partner accepted the SKU's attestation (required where the SKU enforces it).
        "attestationAccepted" => attestation_accepted: bool,
        /// The amount committed per hour by an Azure savings plan line.
        "purchaseCommitment" => purchase_commitment: PurchaseCommitment,
        /// `subscription`, `product`, `sku`, `availability`, `provisioningStatus` and
        /// `activationLinks` (each when populated).
        "links" => links: Links,
    }
}

resource! {
    /// `{ quantity, status }` of an order line's provisioning.
    pub struct QuantityProvisioningInformation {
        /// How many of the line's licenses or instances are in `status`.
        "quantity" => quantity: i64 [lenient_int],
        /// Their state: `fulfilled`, `unfulfilled` or `prefulfillment_pending`.
        "status" => status: Spelled<FulfillmentStatus>,
    }
}

resource! {
    /// `OrderLineItemProvisioningStatus`: an item of `GET …/orders/{order-id}/provisioningstatus`
    /// (Partner Center: *Get order provisioning status*).
    pub struct OrderLineItemProvisioningStatus {
        /// The order line's ID, an integer (`0` in the documented example, the same as
        /// `lineItemNumber`).
        "orderLineItemId" => order_line_item_id: i64 [lenient_int],
        /// The order line's `lineItemNumber` (0 to count − 1).
        "lineItemNumber" => line_item_number: i64 [lenient_int],
        /// `fulfilled` (usable, e.g. reservations active), `unfulfilled` (not fulfilled because it
        /// was cancelled) or `prefulfillment_pending` (still processing).
        "status" => status: Spelled<FulfillmentStatus>,
        /// The line's quantity split by state, e.g. `[{ "quantity": 1, "status": "fulfilled" }]`.
        "quantityProvisioningInformation" => quantity_provisioning_information: Vec<QuantityProvisioningInformation>,
        /// Resource metadata (`objectType`); the documented example sends none on the items.
        "attributes" => attributes: Attributes,
    }
}
