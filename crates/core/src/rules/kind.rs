//! The kind of product something is — a cart line, a purchase the customer already holds, a
//! subscription — from its availability's product and SKU: the one classification the rules,
//! the lifecycle rules, the context builder and the sandbox's store share.

use serde::{Deserialize, Serialize};

use crate::enums::PurchasePrerequisite;
use crate::models::Availability;
use crate::wire::{WireEnum, same_spelling};

/// What a product is; decides which rules apply to a line buying it, whether a held purchase
/// counts for the EU new-commerce rule, and what can change on a subscription.
///
/// JSON: the variant's name (`"NewCommerceLicense"`). As an argument of the rules (the npm
/// package's `productKind`, `SubscriptionFacts.kind`) only these names are accepted; where
/// Partner Center's data or other systems name a kind ([`ExistingPurchase`], the sandbox's
/// stored subscriptions) the lenient [`WireEnum::parse`] reads it: any case and separators,
/// and [`Other`](Self::Other) for names it does not know.
///
/// [`ExistingPurchase`]: crate::rules::ExistingPurchase
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ProductKind {
    /// Product type `OnlineServicesNCE`.
    NewCommerceLicense,
    /// `Software` with subType `Perpetual` (or no subType and no term with a duration).
    PerpetualSoftware,
    /// `Software` with subType `Subscription` (or no subType and a term with a duration).
    SoftwareSubscription,
    /// `Azure` whose SKU needs `AzureSubscriptionRegistration` or has provisioning variables.
    AzureReservation,
    /// Any other `Azure` product.
    AzurePlan,
    /// A product not published by Microsoft (`isMicrosoftProduct: false`). Only purchases the
    /// customer holds are classified so ([`build_purchase_context`]); [`ProductKind::of`], which
    /// reads an availability's product type, answers [`Other`](Self::Other) for them.
    ///
    /// [`build_purchase_context`]: crate::rules::build_purchase_context
    Marketplace,
    /// Anything else (legacy offers, unknown types).
    Other,
}

impl ProductKind {
    /// Every kind, in declaration order.
    pub const ALL: [Self; 7] = [
        Self::NewCommerceLicense,
        Self::PerpetualSoftware,
        Self::SoftwareSubscription,
        Self::AzureReservation,
        Self::AzurePlan,
        Self::Marketplace,
        Self::Other,
    ];

    /// The kind's name: its JSON form and the `kind` parameter of findings
    /// (`"NewCommerceLicense"`, `"AzurePlan"`, …).
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::NewCommerceLicense => "NewCommerceLicense",
            Self::PerpetualSoftware => "PerpetualSoftware",
            Self::SoftwareSubscription => "SoftwareSubscription",
            Self::AzureReservation => "AzureReservation",
            Self::AzurePlan => "AzurePlan",
            Self::Marketplace => "Marketplace",
            Self::Other => "Other",
        }
    }

    /// Classifies an availability by its embedded `product.productType` and `sku`.
    pub fn of(availability: &Availability) -> Self {
        let Some(product_type) = availability
            .product
            .as_ref()
            .and_then(|p| p.product_type.as_ref())
        else {
            return Self::Other;
        };
        if product_type.is("OnlineServicesNCE") {
            return Self::NewCommerceLicense;
        }
        if product_type.is("Software") {
            return match product_type.sub_type.as_deref() {
                Some(sub) if sub.is("Perpetual") => Self::PerpetualSoftware,
                Some(sub) if sub.is("Subscription") => Self::SoftwareSubscription,
                _ => {
                    let has_duration = availability
                        .terms
                        .iter()
                        .flatten()
                        .any(|t| t.duration.as_deref().is_some_and(|d| !d.trim().is_empty()));
                    if has_duration {
                        Self::SoftwareSubscription
                    } else {
                        Self::PerpetualSoftware
                    }
                }
            };
        }
        if product_type.is("Azure") {
            let sku = availability.sku.as_ref();
            let registration = sku
                .is_some_and(|s| s.requires(&PurchasePrerequisite::AzureSubscriptionRegistration));
            let provisioning = sku
                .and_then(|s| s.provisioning_variables.as_ref())
                .is_some_and(|v| !v.is_empty());
            return if registration || provisioning {
                Self::AzureReservation
            } else {
                Self::AzurePlan
            };
        }
        Self::Other
    }
}

/// Lenient reading of a kind's name (any case, `_`/`-`/space ignored); names it does not know
/// are [`ProductKind::Other`] (kept as received where a [`Spelled`](crate::wire::Spelled) holds
/// it).
impl WireEnum for ProductKind {
    fn parse(s: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|kind| same_spelling(s, kind.as_str()))
            .unwrap_or(Self::Other)
    }

    fn as_str(&self) -> &str {
        ProductKind::as_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_json_form_and_parse_back() {
        for kind in ProductKind::ALL {
            assert_eq!(
                serde_json::to_value(kind).ok(),
                Some(serde_json::Value::String(kind.as_str().to_owned()))
            );
            assert_eq!(<ProductKind as WireEnum>::parse(kind.as_str()), kind);
            let lower = kind.as_str().to_ascii_lowercase();
            assert_eq!(<ProductKind as WireEnum>::parse(&lower), kind);
        }
        assert_eq!(
            <ProductKind as WireEnum>::parse("azure_plan"),
            ProductKind::AzurePlan
        );
        assert_eq!(
            <ProductKind as WireEnum>::parse("Spaceship"),
            ProductKind::Other
        );
        // As an argument of the rules, only the names are accepted.
        assert!(serde_json::from_str::<ProductKind>("\"Spaceship\"").is_err());
        assert!(serde_json::from_str::<ProductKind>("\"azureplan\"").is_err());
    }
}
