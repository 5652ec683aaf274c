//! The kind of product a cart line buys, from its availability's product and SKU.

use serde::{Deserialize, Serialize};

use crate::enums::PurchasePrerequisite;
use crate::models::Availability;

/// What a line buys; decides which rules apply to it.
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
    /// Anything else (legacy offers, marketplace, unknown types).
    Other,
}

impl ProductKind {
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
