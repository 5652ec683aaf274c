//! Partner Center enumerations, as the resource pages name them (*Products resources*:
//! `BillingCycleType`; *Order resources*, *Subscription resources*, *Entitlement resources*,
//! *Invoice resources* and *Cart resources*: the values of their status and type fields).
//!
//! Every enum is `#[non_exhaustive]`, parses case- and separator-insensitively (`one_time` =
//! `OneTime`) without ever failing, and keeps unknown values in `Unknown(String)`. Canonical
//! spellings are Partner Center's response forms.

use crate::wire::wire_enum;

wire_enum! {
    /// `BillingCycleType`: how often a line or order is billed.
    pub enum BillingCycle {
        /// Billed every month (`monthly`).
        Monthly = "monthly",
        /// Billed every year (`annual`).
        Annual = "annual",
        /// No charge, e.g. trials (`none`).
        None = "none",
        /// Billed once at purchase: reservations, software (`one_time`).
        OneTime = "one_time",
        /// Billed every three years (`triennial`).
        Triennial = "triennial",
        /// Billed every two years (`biennial`, marketplace SaaS).
        Biennial = "biennial",
    }
}

impl BillingCycle {
    /// Length of one billing period in months; `None` for `none`, `one_time` and unknown values,
    /// which are never "longer than the term" (900270).
    pub fn period_months(&self) -> Option<u32> {
        match self {
            Self::Monthly => Some(1),
            Self::Annual => Some(12),
            Self::Biennial => Some(24),
            Self::Triennial => Some(36),
            _ => None,
        }
    }
}

wire_enum! {
    /// Customer segment of an availability (`segment`, `targetSegment`).
    #[derive(Default)]
    pub enum Segment {
        /// Commercial customers: businesses; the segment of every customer without an
        /// `Education`, `GovernmentCommunityCloud` or `Nonprofit` qualification.
        #[default]
        Commercial = "commercial",
        /// Education customers: those with an approved `Education` qualification.
        Education = "education",
        /// Government customers: those with a `GovernmentCommunityCloud` qualification.
        Government = "government",
        /// Non-profit customers (only listed with `targetSegment=nonprofit`).
        NonProfit = "nonprofit",
    }
}

wire_enum! {
    /// `Cart.status`.
    pub enum CartStatus {
        /// The cart can be updated and checked out.
        Active = "Active",
        /// The cart was already submitted.
        Ordered = "Ordered",
    }
}

wire_enum! {
    /// `Order.status` (`OrderStatus`; spellings of the multi-word values are unconfirmed).
    pub enum OrderStatus {
        /// Fulfilled: every line was provisioned.
        Completed = "completed",
        /// Accepted, being fulfilled.
        Pending = "pending",
        /// The order was cancelled.
        Cancelled = "cancelled",
        /// The order was suspended (Partner Center: *Subscription lifecycle states*, new commerce
        /// suspended).
        Suspended = "suspended",
        /// Waiting for Microsoft's secondary review; the partner may have to upload documents.
        PendingReview = "pending_review",
        /// The partner must upload the customer's purchase order for Microsoft's review.
        PendingPoUpload = "pending_po_upload",
        /// The purchase order was submitted and Microsoft is reviewing it; nothing for the
        /// partner to do.
        PoUploadComplete = "po_upload_complete",
        /// The order failed the secondary review and will not be processed.
        PoReviewRejected = "po_review_rejected",
        /// Some subscriptions in the order failed: repurchase the unfulfilled ones.
        PartialSuccess = "partial_success",
        /// The order failed: repurchase.
        Error = "error",
    }
}

wire_enum! {
    /// `Order.transactionType`.
    pub enum OrderTransactionType {
        /// Bought by a user.
        UserPurchase = "UserPurchase",
        /// Bought by the system (e.g. renewal).
        SystemPurchase = "SystemPurchase",
        /// Created by Partner Center's billing itself.
        SystemBilling = "SystemBilling",
    }
}

wire_enum! {
    /// `OrderLineItem.transactionType`.
    pub enum LineTransactionType {
        /// A new purchase.
        New = "new",
        /// A renewal of an existing subscription for a new term.
        Renew = "renew",
        /// Licenses added to an existing subscription.
        AddQuantity = "addQuantity",
        /// Licenses removed from an existing subscription (within the reduction window).
        RemoveQuantity = "removeQuantity",
        /// A cancellation of the subscription.
        Cancel = "cancel",
        /// Conversion (e.g. trial to paid).
        Convert = "convert",
        /// A credit given to the customer.
        CustomerCredit = "customerCredit",
    }
}

wire_enum! {
    /// Provisioning state of an order line (`OrderLineItemProvisioningStatus.status`).
    pub enum FulfillmentStatus {
        /// Provisioned: the customer can use what was bought (e.g. the reservation is active).
        Fulfilled = "fulfilled",
        /// Not provisioned (cancelled).
        Unfulfilled = "unfulfilled",
        /// Provisioning has not started.
        PrefulfillmentPending = "prefulfillment_pending",
    }
}

wire_enum! {
    /// `SubscriptionProvisioningStatus.status`.
    pub enum ProvisioningState {
        /// Provisioned: the subscription is usable.
        Success = "success",
        /// Still being provisioned; the status is refreshed every 15 minutes.
        Pending = "pending",
        /// Provisioning failed.
        Failed = "failed",
    }
}

wire_enum! {
    /// Azure subscription registration for reserved instances (`GET …/registrationstatus`;
    /// Partner Center: *Get subscription registration status*, whose example says `NotRegistered`).
    pub enum RegistrationStatus {
        /// Registered: reservations can be bought against it.
        Registered = "registered",
        /// Registration requested, not finished.
        Registering = "registering",
        /// Not registered: register it (`POST …/registrations`) before buying reservations.
        NotRegistered = "notregistered",
    }
}

wire_enum! {
    /// `Subscription.status`.
    pub enum SubscriptionStatus {
        /// No status set.
        None = "none",
        /// In use and billed.
        Active = "active",
        /// Bought, still being provisioned.
        Pending = "pending",
        /// Suspended: not usable until reactivated; `suspensionReasons` says why.
        Suspended = "suspended",
        /// The term ended without renewal.
        Expired = "expired",
        /// Disabled: no longer usable.
        Disabled = "disabled",
        /// Cancelled (new commerce: `status: "deleted"` within the cancellation window).
        Deleted = "deleted",
    }
}

wire_enum! {
    /// `Subscription.billingType`.
    pub enum SubscriptionBillingType {
        /// Not billed (e.g. trials).
        None = "none",
        /// Usage-based (Azure).
        Usage = "usage",
        /// Billed per license (seat-based).
        License = "license",
        /// A benefit (`unitType` `Benefit`).
        Benefit = "benefit",
    }
}

wire_enum! {
    /// `Subscription.contractType`.
    pub enum ContractType {
        /// A subscription to a service.
        Subscription = "subscription",
        /// A product key (perpetual software).
        ProductKey = "productKey",
        /// A redemption code.
        RedemptionCode = "redemptionCode",
    }
}

wire_enum! {
    /// Refund option type in cancellation policies and `Subscription.refundOptions`.
    pub enum RefundType {
        /// The whole amount is refunded.
        Full = "Full",
        /// A prorated part is refunded.
        Partial = "Partial",
    }
}

wire_enum! {
    /// `Entitlement.entitlementType` and artifact / artifact-details `type`.
    pub enum EntitlementType {
        /// Software (keys, downloads).
        Software = "software",
        /// Azure reserved instance.
        ReservedInstance = "reservedinstance",
        /// Older VM-only reserved instance contract.
        VirtualMachineReservedInstance = "virtual_machine_reserved_instance",
    }
}

wire_enum! {
    /// `invoiceLineItemType`.
    pub enum InvoiceLineItemType {
        /// Not set.
        None = "none",
        /// Daily usage line items.
        UsageLineItems = "usage_line_items",
        /// Billing (reconciliation) line items.
        BillingLineItems = "billing_line_items",
    }
}

wire_enum! {
    /// `billingProvider` of invoice details and line items.
    pub enum BillingProvider {
        /// Not set.
        None = "none",
        /// Office / license-based.
        Office = "office",
        /// Azure (MS-AZR-0145P).
        Azure = "azure",
        /// One-time: reservations, software, Azure plan, new commerce.
        OneTime = "one_time",
        /// Azure Marketplace: daily rated usage line items (`usage_line_items`) of Azure plan and
        /// marketplace consumption.
        Marketplace = "marketplace",
        /// All providers at once (unbilled reconciliation line items use `provider=all`).
        All = "all",
    }
}

wire_enum! {
    /// `Invoice.invoiceType` and invoice-summary `details[].invoiceType`.
    pub enum InvoiceType {
        /// Recurring charges: monthly license-based and Azure usage billing (legacy).
        Recurring = "Recurring",
        /// One-time charges: reservations, software, Azure plan, marketplace and new commerce.
        OneTime = "OneTime",
    }
}

wire_enum! {
    /// `Invoice.documentType`.
    pub enum DocumentType {
        /// Not set.
        None = "none",
        /// A regular invoice (its amendments are void and adjustment notes).
        Invoice = "invoice",
        /// A void (credit) note.
        VoidNote = "void_note",
        /// An adjustment note.
        AdjustmentNote = "adjustment_note",
    }
}

wire_enum! {
    /// `Sku.purchasePrerequisites` entries.
    pub enum PurchasePrerequisite {
        /// Run the inventory check (`POST /v1/extensions/product/checkInventory`) before buying.
        InventoryCheck = "InventoryCheck",
        /// An Azure subscription must be registered (`POST …/subscriptions/{id}/registrations`)
        /// before buying.
        AzureSubscriptionRegistration = "AzureSubscriptionRegistration",
        /// Microsoft Cloud Agreement.
        MicrosoftCloudAgreement = "MicrosoftCloudAgreement",
        /// Microsoft Customer Agreement.
        MicrosoftCustomerAgreement = "MicrosoftCustomerAgreement",
    }
}

wire_enum! {
    /// `CartError.errorCode` (SDK `CartErrorCode`; serialized as a snake_case name by the SDK,
    /// also accepted as its number).
    pub enum CartErrorCode {
        /// 10000.
        CurrencyIsNotSupported = "currency_is_not_supported",
        /// 10001: the catalog item ID is not valid.
        CatalogItemIdIsNotValid = "catalog_item_id_is_not_valid",
        /// 10002.
        QuotaNotAvailable = "quota_not_available",
        /// 10003.
        InventoryNotAvailable = "inventory_not_available",
        /// 10004.
        ParticipantsIsNotSupportedForPartner = "participants_is_not_supported_for_partner",
        /// 10006.
        UnableToProcessCartLineItem = "unable_to_process_cart_line_item",
        /// 10007.
        SubscriptionIsNotValid = "subscription_is_not_valid",
        /// 10008.
        SubscriptionIsNotEnabledForRi = "subscription_is_not_enabled_for_r_i",
        /// 10009.
        SandboxLimitExceeded = "sandbox_limit_exceeded",
        /// 10010.
        InvalidInput = "invalid_input",
        /// 10011.
        SubscriptionNotRegistered = "subscription_not_registered",
        /// 10012.
        AttestationNotAccepted = "attestation_not_accepted",
        /// 10013 (SDK).
        BillingPlanNotSupported = "billing_plan_not_supported",
        /// 10014 (SDK).
        InvalidPromotionId = "invalid_promotion_id",
        /// 10015.
        MaxAllowedSeatsPerSubscriptionExceeded = "max_allowed_seats_per_subscription_exceeded",
        /// 10016 (SDK).
        InvalidCustomTermEndDateProduct = "invalid_custom_term_end_date_product",
        /// 10017 (SDK).
        InvalidCustomTermEndDate = "invalid_custom_term_end_date",
        /// 10018 (SDK).
        BaseOfferSeatQuantityNotMet = "base_offer_seat_quantity_not_met",
        /// 10019 (SDK).
        MinimumAddOnSeatsNotMet = "minimum_add_on_seats_not_met",
        /// 500600 (SDK).
        LegacyOfferNotEligibleForPurchase = "legacy_offer_not_eligible_for_purchase",
    }
    from_number = CartErrorCode::from_code
}

#[cfg(feature = "schema")]
impl crate::schema::NumericForms for CartErrorCode {
    fn numbers() -> Vec<i64> {
        Self::NUMBERS.iter().map(|(n, _)| *n).collect()
    }
}

impl CartErrorCode {
    const NUMBERS: [(i64, CartErrorCode); 20] = [
        (10000, Self::CurrencyIsNotSupported),
        (10001, Self::CatalogItemIdIsNotValid),
        (10002, Self::QuotaNotAvailable),
        (10003, Self::InventoryNotAvailable),
        (10004, Self::ParticipantsIsNotSupportedForPartner),
        (10006, Self::UnableToProcessCartLineItem),
        (10007, Self::SubscriptionIsNotValid),
        (10008, Self::SubscriptionIsNotEnabledForRi),
        (10009, Self::SandboxLimitExceeded),
        (10010, Self::InvalidInput),
        (10011, Self::SubscriptionNotRegistered),
        (10012, Self::AttestationNotAccepted),
        (10013, Self::BillingPlanNotSupported),
        (10014, Self::InvalidPromotionId),
        (10015, Self::MaxAllowedSeatsPerSubscriptionExceeded),
        (10016, Self::InvalidCustomTermEndDateProduct),
        (10017, Self::InvalidCustomTermEndDate),
        (10018, Self::BaseOfferSeatQuantityNotMet),
        (10019, Self::MinimumAddOnSeatsNotMet),
        (500600, Self::LegacyOfferNotEligibleForPurchase),
    ];

    /// The numeric value of the code (`CatalogItemIdIsNotValid` = 10001).
    pub fn number(&self) -> Option<i64> {
        Self::NUMBERS
            .iter()
            .find(|(_, code)| code == self)
            .map(|(n, _)| *n)
    }

    /// The code for a numeric value.
    pub fn from_code(n: i64) -> Option<Self> {
        Self::NUMBERS
            .iter()
            .find(|(num, _)| *num == n)
            .map(|(_, code)| code.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{Spelled, WireEnum};

    #[test]
    fn billing_cycle_accepts_both_spellings() {
        assert_eq!(BillingCycle::parse("OneTime"), BillingCycle::OneTime);
        assert_eq!(BillingCycle::parse("one_time"), BillingCycle::OneTime);
        assert_eq!(
            "Triennial".parse::<BillingCycle>(),
            Ok(BillingCycle::Triennial)
        );
    }

    #[test]
    fn registration_status_is_case_insensitive() {
        assert_eq!(
            RegistrationStatus::parse("NotRegistered"),
            RegistrationStatus::NotRegistered
        );
    }

    #[test]
    fn cart_error_code_round_trips_name_and_number() {
        assert_eq!(CartErrorCode::CatalogItemIdIsNotValid.number(), Some(10001));
        assert_eq!(
            CartErrorCode::parse("CatalogItemIdIsNotValid"),
            CartErrorCode::CatalogItemIdIsNotValid
        );
        let n: Spelled<CartErrorCode> = serde_json::from_str("10012").unwrap();
        assert_eq!(*n, CartErrorCode::AttestationNotAccepted);
        assert_eq!(serde_json::to_string(&n).unwrap(), "10012");
    }
}
