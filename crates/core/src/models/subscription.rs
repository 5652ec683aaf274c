//! Subscriptions (Partner Center: *Subscription resources*; the operations *Get a customer's
//! subscriptions*, *Get a list of subscriptions by order*, *Get a subscription by ID*, *Get
//! subscription provisioning status*, *Register a subscription* and *Get subscription registration
//! status*).

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
        /// How much a cancellation now refunds: `Full` or `Partial` (prorated).
        "type" => refund_type: Spelled<RefundType>,
        /// The last moment this refund applies, a UTC instant; no expiry when absent.
        "expiresAt" => expires_at: Timestamp,
    }
}

resource! {
    /// One block of seats that can still be reduced.
    pub struct RefundableQuantityDetail {
        /// How many licenses of this block (bought or added together) can still be reduced.
        "quantity" => quantity: i64 [lenient_int],
        /// Until when they can be reduced, a UTC instant: 168 hours (7 days) after they were bought
        /// or added.
        "allowedUntilDateTime" => allowed_until_date_time: Timestamp,
    }
}

resource! {
    /// `refundableQuantity` (new commerce): seats that can still be reduced, and until when.
    pub struct RefundableQuantity {
        /// How many licenses can still be reduced in all: the sum of the blocks' `quantity`.
        "totalQuantity" => total_quantity: i64 [lenient_int],
        /// The reducible licenses per block, each with its own window.
        "details" => details: Vec<RefundableQuantityDetail>,
    }
}

resource! {
    /// The product part of next-term / next-charge instructions.
    pub struct InstructionProduct {
        /// The product the next term buys, e.g. `CFQ7TTC0LH18`.
        "productId" => product_id: String,
        /// The SKU the next term buys, unique within the product, e.g. `0001`.
        "skuId" => sku_id: String,
        /// The availability the next term buys (unique within product and SKU; it can change over
        /// time).
        "availabilityId" => availability_id: String,
        /// The next term's billing cycle, e.g. `monthly`, `annual`.
        "billingCycle" => billing_cycle: Spelled<BillingCycle>,
        /// The next term's length as an ISO 8601 duration: `P1M` or `P1Y`.
        "termDuration" => term_duration: String,
        /// The promotion to apply to the next term, e.g. `39NFJQT1PJQB:0001:39NFJQT1Q5KN`;
        /// optional.
        "promotionId" => promotion_id: String,
    }
}

resource! {
    /// `scheduledNextTermInstructions` / `nextChargeInstructions`.
    pub struct NextTermInstructions {
        /// What the next term buys: product, SKU, availability, billing cycle and term.
        "product" => product: InstructionProduct,
        /// How many licenses the subscription will have in the next term.
        "quantity" => quantity: i64 [lenient_int],
        /// The end of the next term, a UTC instant, when it is aligned with another subscription's
        /// end date.
        "customTermEndDate" => custom_term_end_date: Timestamp,
    }
}

resource! {
    /// Scope of a reservation / savings-plan line.
    pub struct SubscriptionLineItemScope {
        /// Where the benefit applies: `Single`, `Shared`, `Resource group` or `Management group`.
        "type" => scope_type: String,
        /// The Azure plan ID the purchase uses; required for `Shared` scope.
        "subscriptionId" => subscription_id: String,
        /// The Azure subscription ID the purchase uses; required for `Single` scope.
        "entitlementId" => entitlement_id: String,
        /// The management group it applies to (that scope can only be chosen in the Azure portal;
        /// Partner Center shows it).
        "managementGroupId" => management_group_id: String,
        /// The resource group it applies to (that scope can only be chosen in the Azure portal;
        /// Partner Center shows it).
        "resourceGroupId" => resource_group_id: String,
    }
}

resource! {
    /// `SubscriptionLineItem` of reservations and savings plans.
    pub struct SubscriptionLineItem {
        /// The line's ID within the reservation or savings plan subscription.
        "id" => id: String,
        /// The nickname the partner gave the line to tell it apart.
        "friendlyName" => friendly_name: String,
        /// Where the reservation's or savings plan's benefit applies.
        "scope" => scope: SubscriptionLineItemScope,
        /// Whether the line renews automatically at the end of its term.
        "autoRenewEnabled" => auto_renew_enabled: bool,
        /// The line's status, as for subscriptions: `none`, `active`, `pending`, `suspended`,
        /// `expired`, `disabled` or `deleted`.
        "status" => status: String,
        /// The fixed hourly amount a savings plan commits on compute services.
        "purchaseCommitment" => purchase_commitment: PurchaseCommitment,
    }
}

resource! {
    /// `Subscription`: what a customer holds after an order line is provisioned, through its whole
    /// life cycle (`GET /v1/customers/{customer-id}/subscriptions[/{subscription-id}]`).
    pub struct Subscription {
        /// The subscription ID: a GUID Partner Center assigns once the order line is provisioned;
        /// the `{subscription-id}` of the subscription URLs.
        "id" => id: SubscriptionId,
        /// What was bought: for new commerce the `catalogItemId`
        /// (`{productId}:{skuId}:{availabilityId}`), for legacy offers the offer ID (e.g.
        /// `MS-AZR-0145P`).
        "offerId" => offer_id: CatalogItemId,
        /// The offer's name, e.g. `Microsoft Azure`, `EXCHANGE ONLINE (PLAN 2)`.
        "offerName" => offer_name: String,
        /// The nickname the partner gave the subscription to tell it apart (from the cart line's
        /// `friendlyName`); partners can change it.
        "friendlyName" => friendly_name: String,
        /// For Azure: the Azure subscription ID (GUID) this subscription gives the customer.
        "entitlementId" => entitlement_id: String,
        /// What kind of product it is, e.g. `OnlineServicesNCE`, `Software`, `Azure`.
        "productType" => product_type: ItemType,
        /// How many licenses (license-based billing) or instances the subscription holds.
        "quantity" => quantity: i64 [lenient_int],
        /// What `quantity` counts: `Licenses`, `Usage-based` or `Benefit` (older examples also
        /// `none`).
        "unitType" => unit_type: String,
        /// For an add-on: the ID (GUID) of the base subscription it was bought against.
        "parentSubscriptionId" => parent_subscription_id: SubscriptionId,
        /// When the subscription was created, a UTC instant.
        "creationDate" => creation_date: Timestamp,
        /// When the subscription took effect, a UTC instant; Partner Center uses it to back-date a
        /// migrated subscription or align it with another.
        "effectiveStartDate" => effective_start_date: Timestamp,
        /// The last day of the current term, a UTC date and inclusive (the term ends at the end of
        /// that day); far in the future (e.g. `9999-12-10`) for subscriptions that do not renew,
        /// such as Azure.
        "commitmentEndDate" => commitment_end_date: Timestamp,
        /// The end of the current term with its time, a UTC instant, e.g. `2022-01-13T23:59:59Z`.
        "commitmentEndDateTime" => commitment_end_date_time: Timestamp,
        /// The last moment the subscription can be cancelled, a UTC instant (e.g.
        /// `2021-11-14T23:59:00Z`); the lifecycle rules take the cancellation window from it when
        /// present.
        "cancellationAllowedUntilDate" => cancellation_allowed_until_date: Timestamp,
        /// The last day of the current billing period, a UTC date.
        "billingCycleEndDate" => billing_cycle_end_date: Timestamp,
        /// The end of the current billing period with its time, a UTC instant.
        "billingCycleEndDateTime" => billing_cycle_end_date_time: Timestamp,
        /// `active`, `pending` (being provisioned), `suspended`, `expired` (term ended without
        /// renewal), `disabled`, `deleted` (cancelled) or `none`.
        "status" => status: Spelled<SubscriptionStatus>,
        /// Whether the subscription renews automatically at the end of its term.
        "autoRenewEnabled" => auto_renew_enabled: bool,
        /// How the subscription is billed: `license` (per license), `usage` (Azure consumption),
        /// `benefit` or `none`.
        "billingType" => billing_type: Spelled<SubscriptionBillingType>,
        /// How often the partner is billed for it: `monthly`, `annual`, `triennial`, `one_time`, …
        "billingCycle" => billing_cycle: Spelled<BillingCycle>,
        /// The commitment term as an ISO 8601 duration: `P1M`, `P1Y` or `P3Y`.
        "termDuration" => term_duration: String,
        /// The term it renews to, as an ISO 8601 duration (`P1M`, `P1Y`), or `""` when none is set.
        "renewalTermDuration" => renewal_term_duration: String,
        /// Whether add-ons can be bought against this subscription.
        "hasPurchasableAddons" => has_purchasable_addons: bool,
        /// Whether it is a trial subscription (billing cycle `none`; its
        /// `scheduledNextTermInstructions` say what it converts to).
        "isTrial" => is_trial: bool,
        /// Whether Microsoft publishes the product (false for third-party marketplace products).
        "isMicrosoftProduct" => is_microsoft_product: bool,
        /// The name of the product's publisher, e.g. `Microsoft Corporation`.
        "publisherName" => publisher_name: String,
        /// What the partner may do with it now, e.g. `edit`, `cancel`.
        "actions" => actions: Vec<String>,
        /// The PartnerID of the reseller of record when an indirect provider sold it through an
        /// indirect reseller; empty otherwise.
        "partnerId" => partner_id: String,
        /// Why the subscription is suspended, when it is. Read-only.
        "suspensionReasons" => suspension_reasons: Vec<String>,
        /// What the customer received: `subscription`, `productKey` (perpetual software) or
        /// `redemptionCode`. Read-only.
        "contractType" => contract_type: Spelled<ContractType>,
        /// The ID of the order that created the subscription.
        "orderId" => order_id: OrderId,
        /// The refunds a cancellation would give now, and until when (new commerce). Read-only.
        "refundOptions" => refund_options: Vec<SubscriptionRefundOption>,
        /// How many licenses can still be reduced with a refund, and until when (new commerce).
        "refundableQuantity" => refundable_quantity: RefundableQuantity,
        /// The changes scheduled for the start of the next term (product, quantity, term); present
        /// only when changes are scheduled, and for every trial.
        "scheduledNextTermInstructions" => scheduled_next_term_instructions: NextTermInstructions,
        /// The billing-cycle change pending for the next term; present only when one is pending.
        "nextChargeInstructions" => next_charge_instructions: NextTermInstructions,
        /// The ID of the promotion applied to the subscription, if any, e.g.
        /// `39NFJQT1PJQB:0001:39NFJQT1Q5KN`.
        "promotionId" => promotion_id: String,
        /// How consumption beyond the licenses is billed, e.g. `overage` (telco pay-as-you-go).
        "consumptionType" => consumption_type: String,
        /// For reservations and Azure savings plans: the ID of that product purchase.
        "productOrderId" => product_order_id: String,
        /// For reservations and Azure savings plans: the purchase details (scope, commitment,
        /// status).
        "lineItems" => line_items: Vec<SubscriptionLineItem>,
        /// The legacy subscription this one was migrated from (.NET SDK only; not in the REST
        /// docs).
        "migratedFromSubscriptionId" => migrated_from_subscription_id: String,
        /// Whether the subscription needs the partner's attention (documented example only; meaning
        /// undocumented).
        "attentionNeeded" => attention_needed: bool,
        /// Whether an action was taken on it (documented example only; meaning undocumented).
        "actionTaken" => action_taken: bool,
        /// `offer`, `entitlement`, `parentSubscription`, `product`, `sku`, `availability`, `self`…
        "links" => links: Links,
        /// `{ "objectType": "Subscription", "etag": … }`.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// `SubscriptionProvisioningStatus`
    /// (`GET …/subscriptions/{subscription-id}/provisioningstatus`).
    pub struct SubscriptionProvisioningStatus {
        /// The SKU the subscription is for (a GUID in the documented example).
        "skuId" => sku_id: String,
        /// Where provisioning stands: `success`, `pending` or `failed` (refreshed every 15
        /// minutes).
        "status" => status: Spelled<ProvisioningState>,
        /// The subscription's quantity after provisioning.
        "quantity" => quantity: i64 [lenient_int],
        /// The subscription's end date, a UTC instant (e.g. `2018-05-10T00:00:00Z`).
        "endDate" => end_date: Timestamp,
        /// `{ "objectType": "SubscriptionProvisioningStatus" }`.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// `SubscriptionRegistrationStatus`
    /// (`GET …/subscriptions/{subscription-id}/registrationstatus`): whether an Azure subscription
    /// is registered for reserved-instance purchases.
    pub struct SubscriptionRegistrationStatus {
        /// The Azure subscription (or Azure plan) registered for reserved-instance purchases: its
        /// Partner Center subscription ID.
        "subscriptionId" => subscription_id: String,
        /// `registered`, `registering`, `notregistered` (`NotRegistered` in the example).
        "status" => status: Spelled<RegistrationStatus>,
        /// `{ "objectType": "SubscriptionRegistrationStatus" }`.
        "attributes" => attributes: Attributes,
    }
}
