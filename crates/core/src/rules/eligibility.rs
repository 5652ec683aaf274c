//! Who may buy what where: `MarketUnavailable`, `PerpetualSoftwareNotQualified`,
//! `EuCustomerIneligible`, `CustomerAgreementMissing`.
//!
//! Partner Center pages: *Make a one-time purchase* (the markets where software subscriptions are
//! not sold, listed in [`markets`](crate::rules::markets); perpetual software only for partners
//! qualified beforehand), *Purchase new commerce license-based services* (what EU partners may buy
//! in new commerce) and *Confirm customer acceptance of the Microsoft Customer Agreement* (13605
//! otherwise).

use crate::rules::markets::{is_eu_member, is_restricted_market};
use crate::rules::{CatalogIndex, Finding, FindingCode, Line, ProductKind, PurchaseContext};

/// Cart-level: new commerce needs the Microsoft Customer Agreement accepted (13605), reported
/// once however many new-commerce lines there are.
pub(crate) fn check_cart(lines: &[Line<'_>], context: &PurchaseContext, out: &mut Vec<Finding>) {
    let new_commerce = lines
        .iter()
        .any(|l| l.kind == ProductKind::NewCommerceLicense);
    if new_commerce && !context.customer.customer_agreement_accepted {
        out.push(Finding::cart(FindingCode::CustomerAgreementMissing));
    }
}

/// Per line: market availability, perpetual-software qualification, EU eligibility.
pub(crate) fn check(
    line: &Line<'_>,
    context: &PurchaseContext,
    _: &CatalogIndex<'_>,
    out: &mut Vec<Finding>,
) {
    let customer = &context.customer;
    match line.kind {
        ProductKind::SoftwareSubscription | ProductKind::AzureReservation
            if is_restricted_market(&customer.country) =>
        {
            out.push(
                Finding::line(FindingCode::MarketUnavailable, line.id)
                    .with("country", customer.country.trim().to_ascii_uppercase()),
            );
        }
        ProductKind::PerpetualSoftware if !context.partner.perpetual_software_qualified => {
            out.push(Finding::line(
                FindingCode::PerpetualSoftwareNotQualified,
                line.id,
            ));
        }
        ProductKind::NewCommerceLicense
            if is_eu_member(&context.partner.country) && !customer.is_new_customer =>
        {
            let currency = context.partner.billing_currency.trim();
            if let Some(purchase) = customer
                .existing_purchases
                .iter()
                .find(|p| !p.currency.trim().eq_ignore_ascii_case(currency))
            {
                out.push(
                    Finding::line(FindingCode::EuCustomerIneligible, line.id)
                        .with("kind", purchase.kind_name())
                        .with("currency", purchase.currency.trim().to_ascii_uppercase())
                        .with("partnerCurrency", currency.to_ascii_uppercase()),
                );
            }
        }
        _ => {}
    }
}
