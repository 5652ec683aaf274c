//! SKU prerequisites: `AttestationRequired` (900203), `InventoryCheckRequired`,
//! `InventoryUnavailable` (800010), `ProvisioningContextMissing`, `SubscriptionNotRegistered`
//! (800030).

use crate::enums::{PurchasePrerequisite, RegistrationStatus};
use crate::rules::{CatalogIndex, Finding, FindingCode, Line, PurchaseContext};

/// Checks attestation, inventory, provisioning context and subscription registration.
pub(crate) fn check(
    line: &Line<'_>,
    context: &PurchaseContext,
    index: &CatalogIndex<'_>,
    out: &mut Vec<Finding>,
) {
    let Some(availability) = line.availability else {
        return;
    };
    let Some(sku) = availability.sku.as_ref() else {
        return;
    };

    if sku.enforces_attestation() && line.item.attestation_accepted != Some(true) {
        let kind = sku
            .attestation_properties
            .as_ref()
            .and_then(|a| a.attestation_type.as_deref());
        out.push(
            Finding::line(FindingCode::AttestationRequired, line.id).with("attestationType", kind),
        );
    }

    if sku.requires(&PurchasePrerequisite::InventoryCheck) {
        let product = availability.product_id.as_ref().or(sku.product_id.as_ref());
        let sku_id = availability.sku_id.as_ref().or(sku.id.as_ref());
        let item = match (product, sku_id) {
            (Some(p), Some(s)) => index.inventory(p.as_str(), s.as_str()),
            _ => None,
        };
        match item {
            None => out.push(
                Finding::line(FindingCode::InventoryCheckRequired, line.id)
                    .with("productId", product.map(|p| p.as_str()))
                    .with("skuId", sku_id.map(|s| s.as_str())),
            ),
            Some(item) if item.is_restricted == Some(true) => {
                let reasons: Vec<&str> = item
                    .restrictions
                    .iter()
                    .flatten()
                    .filter_map(|r| r.description.as_deref().or(r.reason_code.as_deref()))
                    .collect();
                out.push(
                    Finding::line(FindingCode::InventoryUnavailable, line.id)
                        .with("reasons", reasons),
                );
            }
            Some(_) => {}
        }
    }

    for key in sku.provisioning_variables.iter().flatten() {
        let present = line
            .item
            .provisioning_value(key)
            .is_some_and(|v| !v.trim().is_empty());
        if !present {
            out.push(
                Finding::line(FindingCode::ProvisioningContextMissing, line.id)
                    .with("key", key.as_str()),
            );
        }
    }

    if sku.requires(&PurchasePrerequisite::AzureSubscriptionRegistration) {
        let subscription = line
            .item
            .provisioning_value("subscriptionId")
            .map(str::trim);
        let known = subscription.and_then(|id| {
            context
                .customer
                .azure_subscriptions
                .iter()
                .find(|s| s.id.trim().eq_ignore_ascii_case(id))
        });
        if known.is_none_or(|s| s.registration_status != RegistrationStatus::Registered) {
            out.push(
                Finding::line(FindingCode::SubscriptionNotRegistered, line.id)
                    .with("subscriptionId", subscription)
                    .with(
                        "registrationStatus",
                        known.map(|s| s.registration_status.as_str()),
                    ),
            );
        }
    }
}
