//! Orders (partner-center-api.md §3.8; E12–E15).

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
        /// Order ID.
        "id" => id: OrderId,
        /// Friendly ID.
        "alternateId" => alternate_id: String,
        /// Customer tenant ID.
        "referenceCustomerId" => reference_customer_id: CustomerId,
        /// The order's billing cycle, e.g. `monthly`, `one_time`.
        "billingCycle" => billing_cycle: Spelled<BillingCycle>,
        /// `UserPurchase`, `SystemPurchase`, `SystemBilling`.
        "transactionType" => transaction_type: Spelled<OrderTransactionType>,
        /// Lines.
        "lineItems" => line_items: Vec<OrderLineItem>,
        /// ISO 4217 code.
        "currencyCode" => currency_code: String,
        /// Currency symbol.
        "currencySymbol" => currency_symbol: String,
        /// When the order was created.
        "creationDate" => creation_date: Timestamp,
        /// `completed`, `pending`, …
        "status" => status: Spelled<OrderStatus>,
        /// Total, in `currencyCode` (new commerce).
        "totalPrice" => total_price: Decimal,
        /// Partner-of-record attestation.
        "partnerOnRecordAttestationAccepted" => partner_on_record_attestation_accepted: bool,
        /// Client details (example only).
        "client" => client: serde_json::Value,
        /// `self`, `provisioningStatus`, `patchOperation`.
        "links" => links: Links,
        /// `{ "objectType": "Order" }`.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// `{ amount, currency, grain }` of a savings-plan line.
    pub struct PurchaseCommitment {
        /// Amount in `currency`.
        "amount" => amount: Decimal,
        /// ISO 4217 code.
        "currency" => currency: String,
        /// e.g. `Hourly`.
        "grain" => grain: String,
    }
}

resource! {
    /// `OrderLineItem`.
    pub struct OrderLineItem {
        /// 0-based line number.
        "lineItemNumber" => line_item_number: i64 [lenient_int],
        /// Catalog item ID / offer ID bought.
        "offerId" => offer_id: CatalogItemId,
        /// Present once provisioned.
        "subscriptionId" => subscription_id: SubscriptionId,
        /// Parent subscription (add-ons).
        "parentSubscriptionId" => parent_subscription_id: SubscriptionId,
        /// ISO 8601 term.
        "termDuration" => term_duration: String,
        /// `New`, `renew`, …
        "transactionType" => transaction_type: Spelled<LineTransactionType>,
        /// Nickname.
        "friendlyName" => friendly_name: String,
        /// Quantity.
        "quantity" => quantity: i64 [lenient_int],
        /// Prices in the order's currency.
        "pricing" => pricing: Pricing,
        /// Indirect reseller's partner ID.
        "partnerIdOnRecord" => partner_id_on_record: String,
        /// Additional partners of record (EU/EFTA, ≤ 5).
        "additionalPartnerIdsOnRecord" => additional_partner_ids_on_record: Vec<String>,
        /// Provisioning context, e.g. `{scope, entitlementId}`.
        "provisioningContext" => provisioning_context: BTreeMap<String, String>,
        /// Renewal term.
        "renewsTo" => renews_to: RenewsTo,
        /// Promotion.
        "promotionId" => promotion_id: String,
        /// Custom term end.
        "customTermEndDate" => custom_term_end_date: Timestamp,
        /// Attestation given.
        "attestationAccepted" => attestation_accepted: bool,
        /// Savings-plan commitment.
        "purchaseCommitment" => purchase_commitment: PurchaseCommitment,
        /// `subscription`, `product`, `sku`, `availability`, `provisioningStatus`, `activationLinks`.
        "links" => links: Links,
    }
}

resource! {
    /// `{ quantity, status }` of an order line's provisioning.
    pub struct QuantityProvisioningInformation {
        /// Quantity in this state.
        "quantity" => quantity: i64 [lenient_int],
        /// State.
        "status" => status: Spelled<FulfillmentStatus>,
    }
}

resource! {
    /// `OrderLineItemProvisioningStatus` (E15 item).
    pub struct OrderLineItemProvisioningStatus {
        /// Order line ID.
        "orderLineItemId" => order_line_item_id: i64 [lenient_int],
        /// Line number.
        "lineItemNumber" => line_item_number: i64 [lenient_int],
        /// `fulfilled`, `unfulfilled`, `prefulfillment_pending`.
        "status" => status: Spelled<FulfillmentStatus>,
        /// Per-quantity detail.
        "quantityProvisioningInformation" => quantity_provisioning_information: Vec<QuantityProvisioningInformation>,
        /// Attributes.
        "attributes" => attributes: Attributes,
    }
}
