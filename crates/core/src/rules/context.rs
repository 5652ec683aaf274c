//! `PurchaseContext`: what the rules know besides the cart (the contract's `context` member).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::enums::{RegistrationStatus, Segment};
use crate::models::{Availability, InventoryItem};
use crate::wire::wire_enum;

/// Everything the rules need besides the cart.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PurchaseContext {
    /// The moment of validation (ISO 8601, UTC); carts whose `expirationTimestamp` ≤ `now` are expired.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub now: DateTime<Utc>,
    /// The partner buying.
    pub partner: PartnerProfile,
    /// The customer bought for.
    pub customer: CustomerProfile,
    /// Availabilities as Partner Center returns them, with embedded `product` and `sku`.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub catalog: Vec<Availability>,
    /// Results of `checkInventory` already run.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub inventory: Vec<InventoryItem>,
}

/// The partner's profile.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PartnerProfile {
    /// ISO 3166 two-letter country, e.g. `SE`.
    pub country: String,
    /// ISO 4217 billing currency, e.g. `SEK`.
    pub billing_currency: String,
    /// Whether Microsoft has qualified the partner to sell perpetual software.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub perpetual_software_qualified: bool,
}

/// The customer's profile and state.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CustomerProfile {
    /// ISO 3166 two-letter country (the market the catalog is read for).
    pub country: String,
    /// `commercial`, `education`, `government`, `nonprofit`.
    pub segment: Segment,
    /// Whether the customer is new to the partner.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub is_new_customer: bool,
    /// Whether acceptance of the Microsoft Customer Agreement is confirmed.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub customer_agreement_accepted: bool,
    /// Purchases the customer already holds, with their currencies.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub existing_purchases: Vec<ExistingPurchase>,
    /// The customer's Azure subscriptions and their registration for reservations.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub azure_subscriptions: Vec<AzureSubscription>,
}

wire_enum! {
    /// Kinds of existing purchase that matter to the EU new-commerce rule.
    pub enum PurchaseKind {
        /// An Azure plan.
        AzurePlan = "AzurePlan",
        /// A marketplace product.
        Marketplace = "Marketplace",
        /// A software subscription.
        SoftwareSubscription = "SoftwareSubscription",
        /// Perpetual software (a `Software` product bought once with a perpetual SKU).
        PerpetualSoftware = "PerpetualSoftware",
    }
}

/// A purchase the customer already holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExistingPurchase {
    /// What kind of purchase.
    pub kind: PurchaseKind,
    /// ISO 4217 currency it is billed in.
    pub currency: String,
}

/// An Azure subscription of the customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AzureSubscription {
    /// Subscription ID (GUID).
    pub id: String,
    /// `registered`, `registering`, `notregistered`.
    pub registration_status: RegistrationStatus,
}
