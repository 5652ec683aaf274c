//! Subscriptions (partner-center-api.md §3.9; E16–E21).

use crate::enums::{
    BillingCycle, ContractType, ProvisioningState, RefundType, RegistrationStatus,
    SubscriptionBillingType, SubscriptionStatus,
};
use crate::ids::{CatalogItemId, OrderId, SubscriptionId};
use crate::models::catalog::ItemType;
use crate::models::common::{Attributes, Links};
use crate::models::order::PurchaseCommitment;
use crate::wire::{Spelled, Timestamp, lenient_int, resource};

resource! {
    /// `refundOptions[]`: `{ type, expiresAt }` (the table says `expiresAfter`; both are kept).
    pub struct SubscriptionRefundOption {
        /// `Full` or `Partial`.
        "type" => refund_type: Spelled<RefundType>,
        /// Last moment this refund applies.
        "expiresAt" => expires_at: Timestamp,
    }
}

resource! {
    /// One block of seats that can still be reduced.
    pub struct RefundableQuantityDetail {
        /// Seats.
        "quantity" => quantity: i64 [lenient_int],
        /// Until when they can be reduced.
        "allowedUntilDateTime" => allowed_until_date_time: Timestamp,
    }
}

resource! {
    /// `refundableQuantity` (new commerce): seats that can still be reduced, and until when.
    pub struct RefundableQuantity {
        /// Total reducible seats.
        "totalQuantity" => total_quantity: i64 [lenient_int],
        /// Per-block windows.
        "details" => details: Vec<RefundableQuantityDetail>,
    }
}

resource! {
    /// The product part of next-term / next-charge instructions.
    pub struct InstructionProduct {
        /// Product ID.
        "productId" => product_id: String,
        /// SKU ID.
        "skuId" => sku_id: String,
        /// Availability ID.
        "availabilityId" => availability_id: String,
        /// Billing cycle.
        "billingCycle" => billing_cycle: Spelled<BillingCycle>,
        /// ISO 8601 term.
        "termDuration" => term_duration: String,
        /// Promotion.
        "promotionId" => promotion_id: String,
    }
}

resource! {
    /// `scheduledNextTermInstructions` / `nextChargeInstructions`.
    pub struct NextTermInstructions {
        /// What the next term buys.
        "product" => product: InstructionProduct,
        /// Seats.
        "quantity" => quantity: i64 [lenient_int],
        /// Custom term end.
        "customTermEndDate" => custom_term_end_date: Timestamp,
    }
}

resource! {
    /// Scope of a reservation / savings-plan line.
    pub struct SubscriptionLineItemScope {
        /// Scope type.
        "type" => scope_type: String,
        /// Azure plan ID.
        "subscriptionId" => subscription_id: String,
        /// Azure subscription ID.
        "entitlementId" => entitlement_id: String,
        /// Management group.
        "managementGroupId" => management_group_id: String,
        /// Resource group.
        "resourceGroupId" => resource_group_id: String,
    }
}

resource! {
    /// `SubscriptionLineItem` of reservations and savings plans.
    pub struct SubscriptionLineItem {
        /// ID.
        "id" => id: String,
        /// Nickname.
        "friendlyName" => friendly_name: String,
        /// Scope.
        "scope" => scope: SubscriptionLineItemScope,
        /// Auto-renew.
        "autoRenewEnabled" => auto_renew_enabled: bool,
        /// Status.
        "status" => status: String,
        /// Commitment.
        "purchaseCommitment" => purchase_commitment: PurchaseCommitment,
    }
}

resource! {
    /// `Subscription` (E16–E18).
    pub struct Subscription {
        /// Subscription ID.
        "id" => id: SubscriptionId,
        /// Offer bought (new commerce: `prod:sku:avail`).
        "offerId" => offer_id: CatalogItemId,
        /// Offer name.
        "offerName" => offer_name: String,
        /// Nickname.
        "friendlyName" => friendly_name: String,
        /// Azure subscription ID (Azure).
        "entitlementId" => entitlement_id: String,
        /// Product type.
        "productType" => product_type: ItemType,
        /// Seats / instances.
        "quantity" => quantity: i64 [lenient_int],
        /// `Licenses`, `Usage-based`, `Benefit`, `none`.
        "unitType" => unit_type: String,
        /// Parent (add-ons).
        "parentSubscriptionId" => parent_subscription_id: SubscriptionId,
        /// Created.
        "creationDate" => creation_date: Timestamp,
        /// Started.
        "effectiveStartDate" => effective_start_date: Timestamp,
        /// Inclusive end of term (far future for non-renewing Azure).
        "commitmentEndDate" => commitment_end_date: Timestamp,
        /// End of term with time.
        "commitmentEndDateTime" => commitment_end_date_time: Timestamp,
        /// Last moment cancellation is allowed.
        "cancellationAllowedUntilDate" => cancellation_allowed_until_date: Timestamp,
        /// End of the billing cycle.
        "billingCycleEndDate" => billing_cycle_end_date: Timestamp,
        /// End of the billing cycle with time.
        "billingCycleEndDateTime" => billing_cycle_end_date_time: Timestamp,
        /// `active`, `suspended`, …
        "status" => status: Spelled<SubscriptionStatus>,
        /// Auto-renew.
        "autoRenewEnabled" => auto_renew_enabled: bool,
        /// `none`, `usage`, `license`, `benefit`.
        "billingType" => billing_type: Spelled<SubscriptionBillingType>,
        /// Billing cycle.
        "billingCycle" => billing_cycle: Spelled<BillingCycle>,
        /// ISO 8601 term.
        "termDuration" => term_duration: String,
        /// Renewal term or `""`.
        "renewalTermDuration" => renewal_term_duration: String,
        /// Whether add-ons can be bought.
        "hasPurchasableAddons" => has_purchasable_addons: bool,
        /// Trial.
        "isTrial" => is_trial: bool,
        /// Microsoft product.
        "isMicrosoftProduct" => is_microsoft_product: bool,
        /// Publisher.
        "publisherName" => publisher_name: String,
        /// Allowed actions, e.g. `edit`, `cancel`.
        "actions" => actions: Vec<String>,
        /// Reseller of record.
        "partnerId" => partner_id: String,
        /// Why it is suspended.
        "suspensionReasons" => suspension_reasons: Vec<String>,
        /// `subscription`, `productKey`, `redemptionCode`.
        "contractType" => contract_type: Spelled<ContractType>,
        /// Order that created it.
        "orderId" => order_id: OrderId,
        /// Refund windows.
        "refundOptions" => refund_options: Vec<SubscriptionRefundOption>,
        /// Seats that can still be reduced.
        "refundableQuantity" => refundable_quantity: RefundableQuantity,
        /// What the next term will be.
        "scheduledNextTermInstructions" => scheduled_next_term_instructions: NextTermInstructions,
        /// Pending billing-cycle change.
        "nextChargeInstructions" => next_charge_instructions: NextTermInstructions,
        /// Promotion.
        "promotionId" => promotion_id: String,
        /// Consumption type (overage).
        "consumptionType" => consumption_type: String,
        /// Reservation / savings-plan order.
        "productOrderId" => product_order_id: String,
        /// Reservation / savings-plan lines.
        "lineItems" => line_items: Vec<SubscriptionLineItem>,
        /// Migrated from (SDK only).
        "migratedFromSubscriptionId" => migrated_from_subscription_id: String,
        /// Example only.
        "attentionNeeded" => attention_needed: bool,
        /// Example only.
        "actionTaken" => action_taken: bool,
        /// `offer`, `entitlement`, `parentSubscription`, `product`, `sku`, `availability`, `self`…
        "links" => links: Links,
        /// `{ "objectType": "Subscription", "etag": … }`.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// `SubscriptionProvisioningStatus` (E19).
    pub struct SubscriptionProvisioningStatus {
        /// SKU ID.
        "skuId" => sku_id: String,
        /// `success`, `pending`, `failed`.
        "status" => status: Spelled<ProvisioningState>,
        /// Quantity.
        "quantity" => quantity: i64 [lenient_int],
        /// End date.
        "endDate" => end_date: Timestamp,
        /// Attributes.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// `SubscriptionRegistrationStatus` (E21).
    pub struct SubscriptionRegistrationStatus {
        /// Subscription ID.
        "subscriptionId" => subscription_id: String,
        /// `registered`, `registering`, `notregistered` (`NotRegistered` in the example).
        "status" => status: Spelled<RegistrationStatus>,
        /// Attributes.
        "attributes" => attributes: Attributes,
    }
}
