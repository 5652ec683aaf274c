//! Charges: the OneTime invoice line items (Partner Center: *Get invoice billed commercial
//! consumption line items* / *Get unbilled reconciliation line items*, `billinglineitems`) that
//! purchases and later changes write into the open billing period — a `new` charge at checkout,
//! `renew` at a renewal, `addQuantity`, `removeQuantity` and `cancel` for seat changes and
//! cancellations (a credit is a negative amount). The billing routes ([`crate::billing`]) read
//! them back.

use chrono::{DateTime, Utc};
use pc_core::enums::{BillingProvider, InvoiceLineItemType, LineTransactionType};
use pc_core::models::{Availability, OneTimeInvoiceLineItem};
use pc_core::wire::{Spelled, Timestamp};
use rust_decimal::Decimal;

use crate::paging::attributes;
use crate::tenants::Partner;

/// One OneTime charge (or, with a negative `amount`, credit) of the open billing period.
pub(crate) struct Charge<'a> {
    /// The partner billed.
    pub(crate) partner: &'a Partner,
    /// The customer the charge is for.
    pub(crate) customer: &'a pc_core::models::Customer,
    /// Its ID.
    pub(crate) customer_id: &'a str,
    /// The order the purchase was made in.
    pub(crate) order_id: &'a str,
    /// When that order was made.
    pub(crate) order_date: DateTime<Utc>,
    /// What was bought, when the catalog still sells it.
    pub(crate) availability: Option<&'a Availability>,
    /// The subscription charged.
    pub(crate) subscription_id: Option<&'a str>,
    /// `subscriptionDescription` (the subscription's nickname).
    pub(crate) description: Option<String>,
    /// `chargeType`: `new`, `renew`, `addQuantity`, `removeQuantity`, `cancel`.
    pub(crate) charge_type: LineTransactionType,
    /// Price of one unit for one billing period.
    pub(crate) unit_price: Option<Decimal>,
    /// Units charged (seats added, removed or renewed).
    pub(crate) quantity: Decimal,
    /// `subtotal` = `totalForCustomer`: negative for a refund.
    pub(crate) amount: Decimal,
    /// ISO 4217.
    pub(crate) currency: &'a str,
    /// `subscriptionStartDate`, `subscriptionEndDate`.
    pub(crate) term: (DateTime<Utc>, DateTime<Utc>),
    /// `chargeStartDate`, `chargeEndDate`.
    pub(crate) charge: (DateTime<Utc>, DateTime<Utc>),
    /// `termAndBillingCycle`, e.g. "One-Year commitment for monthly/yearly billing".
    pub(crate) term_and_billing_cycle: String,
}

/// The OneTime invoice line item (`billinglineitems`) of a charge, as Partner Center's
/// reconciliation lists it.
pub(crate) fn charge_line(charge: &Charge<'_>) -> OneTimeInvoiceLineItem {
    let customer = charge.customer;
    let availability = charge.availability;
    OneTimeInvoiceLineItem {
        partner_id: Some(charge.partner.tenant_id.to_owned()),
        customer_id: Some(charge.customer_id.to_owned()),
        customer_name: customer.company_name().map(str::to_owned),
        customer_domain_name: customer
            .company_profile
            .as_ref()
            .and_then(|p| p.domain.clone()),
        customer_country: customer.country().map(str::to_owned),
        order_id: Some(charge.order_id.to_owned()),
        order_date: Some(Timestamp::from(charge.order_date)),
        product_id: availability
            .and_then(|a| a.product_id.as_ref())
            .map(|p| p.as_str().to_owned()),
        sku_id: availability
            .and_then(|a| a.sku_id.as_ref())
            .map(|s| s.as_str().to_owned()),
        availability_id: availability
            .and_then(|a| a.id.as_ref())
            .map(|a| a.as_str().to_owned()),
        product_name: availability
            .and_then(|a| a.product.as_ref())
            .and_then(|p| p.title.clone()),
        sku_name: availability
            .and_then(|a| a.sku.as_ref())
            .and_then(|s| s.title.clone()),
        charge_type: Some(charge.charge_type.as_str().to_owned()),
        unit_price: charge.unit_price,
        effective_unit_price: charge.unit_price,
        unit_type: Some("Licenses".to_owned()),
        quantity: Some(charge.quantity),
        subtotal: Some(charge.amount),
        tax_total: Some(Decimal::ZERO),
        total_for_customer: Some(charge.amount),
        currency: Some(charge.currency.to_owned()),
        publisher_name: Some("Microsoft Corporation".to_owned()),
        subscription_description: charge.description.clone(),
        subscription_id: charge.subscription_id.map(str::to_owned),
        subscription_start_date: Some(Timestamp::from(charge.term.0)),
        subscription_end_date: Some(Timestamp::from(charge.term.1)),
        charge_start_date: Some(Timestamp::from(charge.charge.0)),
        charge_end_date: Some(Timestamp::from(charge.charge.1)),
        term_and_billing_cycle: Some(charge.term_and_billing_cycle.clone()),
        alternate_id: Some(charge.order_id.to_owned()),
        pricing_currency: Some(charge.currency.to_owned()),
        pc_to_bc_exchange_rate: Some(Decimal::ONE),
        billable_quantity: Some(charge.quantity),
        invoice_line_item_type: Some(Spelled::from(InvoiceLineItemType::BillingLineItems)),
        billing_provider: Some(Spelled::from(BillingProvider::OneTime)),
        attributes: Some(attributes("OneTimeInvoiceLineItem")),
        ..OneTimeInvoiceLineItem::default()
    }
}

/// The catalog's description of `term` (e.g. "One-Year commitment for monthly/yearly
/// billing"), or the term itself.
pub(crate) fn availability_cycle_text(term: Option<&str>, availability: &Availability) -> String {
    let term = term.unwrap_or_default();
    availability
        .terms
        .iter()
        .flatten()
        .find(|t| t.duration.as_deref() == Some(term))
        .and_then(|t| t.description.clone())
        .unwrap_or_else(|| term.to_owned())
}
