//! `PurchaseContext`: what the rules know besides the cart (the contract's `context` member).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::enums::{RegistrationStatus, Segment};
use crate::models::{Availability, InventoryItem};
use crate::rules::ProductKind;
use crate::wire::{Spelled, same_spelling};

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

/// A purchase the customer already holds (JSON: `{"kind": "AzurePlan", "currency": "EUR"}`).
#[derive(Clone, Debug, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExistingPurchase {
    /// What kind of purchase. The EU new-commerce rule counts `AzurePlan`, `Marketplace`,
    /// `SoftwareSubscription` and `PerpetualSoftware` ([`build_purchase_context`] lists only
    /// those); read leniently (any case), and any other text is kept as received.
    ///
    /// [`build_purchase_context`]: crate::rules::build_purchase_context
    #[serde(serialize_with = "kind_name")]
    #[cfg_attr(feature = "ts", ts(as = "OpenProductKind"))]
    pub kind: Spelled<ProductKind>,
    /// ISO 4217 currency it is billed in.
    pub currency: String,
}

impl ExistingPurchase {
    /// A purchase of `kind` billed in `currency` (ISO 4217).
    pub fn new(kind: ProductKind, currency: impl Into<String>) -> Self {
        Self {
            kind: Spelled::from(kind),
            currency: currency.into(),
        }
    }

    /// The kind as JSON and findings name it: the name of a known kind (`AzurePlan` for
    /// `"azureplan"`), the text as received for any other.
    pub fn kind_name(&self) -> String {
        match self.kind.value() {
            ProductKind::Other => self.kind.spelling(),
            known => known.as_str().to_owned(),
        }
    }
}

/// Same kind (by [`ExistingPurchase::kind_name`], ignoring case and separators) and same
/// currency.
impl PartialEq for ExistingPurchase {
    fn eq(&self, other: &Self) -> bool {
        self.currency == other.currency && same_spelling(&self.kind_name(), &other.kind_name())
    }
}

fn kind_name<S: serde::Serializer>(
    kind: &Spelled<ProductKind>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let purchase = ExistingPurchase {
        kind: kind.clone(),
        currency: String::new(),
    };
    serializer.serialize_str(&purchase.kind_name())
}

/// TypeScript of [`ExistingPurchase::kind`]: `ProductKind | (string & {})`.
#[cfg(feature = "ts")]
struct OpenProductKind;

#[cfg(feature = "ts")]
impl ts_rs::TS for OpenProductKind {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;

    fn name(cfg: &ts_rs::Config) -> String {
        format!("{} | (string & {{}})", ProductKind::name(cfg))
    }

    fn inline(cfg: &ts_rs::Config) -> String {
        Self::name(cfg)
    }

    fn visit_dependencies(v: &mut impl ts_rs::TypeVisitor) {
        v.visit::<ProductKind>();
    }
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn read(kind: &str) -> ExistingPurchase {
        serde_json::from_value(json!({"kind": kind, "currency": "EUR"})).unwrap()
    }

    #[test]
    fn known_kinds_read_leniently_and_write_their_name() {
        let purchase = read("azure_plan");
        assert_eq!(*purchase.kind, ProductKind::AzurePlan);
        assert_eq!(purchase.kind_name(), "AzurePlan");
        assert_eq!(
            purchase,
            ExistingPurchase::new(ProductKind::AzurePlan, "EUR")
        );
        assert_eq!(
            serde_json::to_value(&purchase).unwrap(),
            json!({"kind": "AzurePlan", "currency": "EUR"})
        );
    }

    #[test]
    fn other_kinds_are_kept_as_received() {
        let purchase = read("Timeshare");
        assert_eq!(*purchase.kind, ProductKind::Other);
        assert_eq!(purchase.kind_name(), "Timeshare");
        assert_eq!(
            serde_json::to_value(&purchase).unwrap(),
            json!({"kind": "Timeshare", "currency": "EUR"})
        );
        assert_eq!(purchase, read("timeshare"));
        assert_ne!(purchase, read("Boat"));
        assert_ne!(purchase, ExistingPurchase::new(ProductKind::Other, "EUR"));
        assert_eq!(
            read("Other"),
            ExistingPurchase::new(ProductKind::Other, "EUR")
        );
    }

    #[cfg(feature = "ts")]
    #[test]
    fn typescript_kind_is_a_product_kind_or_any_text() {
        let mut declarations = crate::ts::Declarations::new();
        declarations.add::<ExistingPurchase>();
        let text = declarations.finish();
        assert!(text.contains("kind: ProductKind | (string & {})"), "{text}");
        assert!(text.contains("export type ProductKind ="), "{text}");
        assert!(text.contains("\"Marketplace\""), "{text}");
    }
}
