//! Deterministic daily rated usage of Azure plan subscriptions: the consumption that
//! `invoicelineitemtype=usagelineitems` reconciles (Partner Center pages
//! get-invoice-unbilled-consumption-lineitems and get-invoice-billed-consumption-lineitems),
//! as `DailyRatedUsageLineItem`s.
//!
//! Every Azure plan subscription consumes the three [`METERS`] each day from the day it was
//! bought. A day's quantity is a function of (subscription, meter, date) alone, so every read
//! returns the same lines. Unit prices are USD list prices (`pricingCurrency`), converted at a
//! fixed rate (`pcToBCExchangeRate`) into the customer's billing currency — the currency the
//! subscription was bought in (`billingCurrency`, `billingPreTaxTotal`).
//!
//! A usage day belongs to the billing period that contains the instant it is attributed to: its
//! midnight (UTC), or the subscription's purchase when that is later — so a subscription bought
//! after a period was closed never adds usage to the closed period.

use chrono::{DateTime, Datelike as _, Days, NaiveDate, TimeZone as _, Utc};
use pc_core::enums::{BillingProvider, InvoiceLineItemType};
use pc_core::ids::AZURE_PLAN_PRODUCT_ID;
use pc_core::models::DailyRatedUsageLineItem;
use pc_core::wire::{Spelled, Timestamp};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::paging::attributes;
use crate::store::{AzurePlanRow, StoredCustomer};
use crate::tenants::Partner;

/// One consumption meter of the sandbox's Azure plans.
struct Meter {
    /// `meterId`.
    id: &'static str,
    /// `meterCategory`.
    category: &'static str,
    /// `meterSubCategory`.
    sub_category: &'static str,
    /// `meterName`.
    name: &'static str,
    /// `unitOfMeasure` / `unitType`.
    unit: &'static str,
    /// `consumedService`.
    service: &'static str,
    /// Last part of `resourceUri`.
    resource: &'static str,
    /// Typical daily quantity, as (mantissa, scale): the day's quantity is 50–150 % of it.
    daily: (i64, u32),
    /// USD list price per unit, as (mantissa, scale).
    usd_price: (i64, u32),
}

/// The meters every Azure plan consumes daily.
const METERS: [Meter; 3] = [
    Meter {
        id: "9a7c3a4e-5b1d-4f0e-8c2a-1d6e7f8a9b01",
        category: "Virtual Machines",
        sub_category: "Dv3/DSv3 Series",
        name: "D2s v3",
        unit: "1 Hour",
        service: "Microsoft.Compute",
        resource: "providers/Microsoft.Compute/virtualMachines/vm-app-01",
        daily: (24, 0),
        usd_price: (96, 3),
    },
    Meter {
        id: "9a7c3a4e-5b1d-4f0e-8c2a-1d6e7f8a9b02",
        category: "Storage",
        sub_category: "Tiered Block Blob",
        name: "Hot LRS Data Stored",
        unit: "1 GB/Month",
        service: "Microsoft.Storage",
        resource: "providers/Microsoft.Storage/storageAccounts/stapp01",
        daily: (333, 2),
        usd_price: (184, 4),
    },
    Meter {
        id: "9a7c3a4e-5b1d-4f0e-8c2a-1d6e7f8a9b03",
        category: "Bandwidth",
        sub_category: "Rtn Preference: MGN",
        name: "Standard Data Transfer Out",
        unit: "1 GB",
        service: "Microsoft.Network",
        resource: "providers/Microsoft.Network/publicIPAddresses/pip-app-01",
        daily: (12, 0),
        usd_price: (87, 3),
    },
];

/// Fixed USD → `currency` rate as (mantissa, scale); `None`: priced in `currency` itself.
fn usd_rate(currency: &str) -> Option<(i64, u32)> {
    Some(match currency {
        "USD" => (1, 0),
        "EUR" => (92, 2),
        "GBP" => (79, 2),
        "SEK" => (1045, 2),
        "NOK" => (1060, 2),
        "DKK" => (687, 2),
        "BRL" => (505, 2),
        "ILS" => (371, 2),
        "CAD" => (136, 2),
        "AUD" => (152, 2),
        "CHF" => (88, 2),
        "JPY" => (1512, 1),
        _ => return None,
    })
}

/// FNV-1a, 64 bits: a stable hash (Rust's `DefaultHasher` may change between releases).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Midnight (UTC) of `day`.
fn midnight(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_time(chrono::NaiveTime::MIN))
}

/// The first instant (ms) of the month `now` is in (UTC): where the first billing period starts.
pub(crate) fn month_start_ms(now: DateTime<Utc>) -> i64 {
    now.date_naive()
        .with_day(1)
        .map_or(now, midnight)
        .timestamp_millis()
}

/// Customer facts copied onto each line.
struct CustomerFacts<'a> {
    name: Option<&'a str>,
    domain: Option<&'a str>,
    country: Option<&'a str>,
}

fn facts<'a>(customers: &'a [StoredCustomer], id: &str) -> CustomerFacts<'a> {
    let customer = customers.iter().map(|c| &c.customer).find(|c| {
        c.id.as_ref()
            .is_some_and(|i| i.as_str().eq_ignore_ascii_case(id))
    });
    CustomerFacts {
        name: customer.and_then(|c| c.company_name()),
        domain: customer
            .and_then(|c| c.company_profile.as_ref())
            .and_then(|p| p.domain.as_deref()),
        country: customer.and_then(|c| c.country()),
    }
}

/// What to rate: the window of attribution instants and the currency wanted.
pub(crate) struct Window<'a> {
    /// First instant of the period (ms, inclusive).
    pub(crate) from_ms: i64,
    /// End of the period (ms, exclusive).
    pub(crate) to_ms: i64,
    /// Only subscriptions billed in this currency; `None`: every currency.
    pub(crate) currency: Option<&'a str>,
    /// `invoiceNumber` of the lines (empty while unbilled).
    pub(crate) invoice_number: &'a str,
}

/// The rated usage lines of `plans` attributed to `window`, by usage date, then subscription,
/// then meter. Amounts: `unitPrice`, `effectiveUnitPrice` and `pricingPreTaxTotal` in
/// `pricingCurrency` (USD where a rate is known), `billingPreTaxTotal` in `billingCurrency`
/// (the subscription's), both rounded to cents.
pub(crate) fn rated_usage(
    partner: &Partner,
    plans: &[AzurePlanRow],
    customers: &[StoredCustomer],
    window: &Window<'_>,
) -> Vec<DailyRatedUsageLineItem> {
    let (Some(from), Some(to)) = (
        DateTime::<Utc>::from_timestamp_millis(window.from_ms),
        DateTime::<Utc>::from_timestamp_millis(window.to_ms),
    ) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for plan in plans {
        if window
            .currency
            .is_some_and(|c| !plan.currency.eq_ignore_ascii_case(c))
        {
            continue;
        }
        let Some(bought) = DateTime::<Utc>::from_timestamp_millis(plan.created_at) else {
            continue;
        };
        // Days whose attribution instant max(midnight, bought) falls in [from, to).
        let mut day = bought.date_naive().max(from.date_naive());
        while midnight(day) < to {
            let attributed = midnight(day).max(bought);
            if attributed >= from && attributed < to {
                for meter in &METERS {
                    lines.push((day, line(partner, plan, customers, meter, day, window)));
                }
            }
            let Some(next) = day.checked_add_days(Days::new(1)) else {
                break;
            };
            day = next;
        }
    }
    // Stable: plans come oldest first and meters in order.
    lines.sort_by_key(|(day, _)| *day);
    lines.into_iter().map(|(_, line)| line).collect()
}

fn line(
    partner: &Partner,
    plan: &AzurePlanRow,
    customers: &[StoredCustomer],
    meter: &Meter,
    day: NaiveDate,
    window: &Window<'_>,
) -> DailyRatedUsageLineItem {
    let subscription = &plan.subscription;
    let subscription_id = subscription
        .id
        .as_ref()
        .map(|s| s.as_str().to_owned())
        .unwrap_or_default();
    let date = day.format("%Y-%m-%d").to_string();
    let factor = Decimal::new(
        50 + i64::try_from(fnv1a(&format!("{subscription_id}|{}|{date}", meter.id)) % 101)
            .unwrap_or(0),
        2,
    );
    let quantity = (Decimal::new(meter.daily.0, meter.daily.1) * factor)
        .round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
    let currency = plan.currency.to_ascii_uppercase();
    let (pricing_currency, rate) = match usd_rate(&currency) {
        Some((m, s)) => ("USD".to_owned(), Decimal::new(m, s)),
        None => (currency.clone(), Decimal::ONE),
    };
    let unit_price = Decimal::new(meter.usd_price.0, meter.usd_price.1);
    let cents =
        |amount: Decimal| amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let pricing_total = quantity * unit_price;
    let customer = facts(customers, &plan.customer_id);
    let start = midnight(day);
    let end = day.checked_add_days(Days::new(1)).map_or(start, midnight);
    let month = day.with_day(1).map_or(start, midnight);
    DailyRatedUsageLineItem {
        partner_id: Some(partner.tenant_id.to_owned()),
        partner_name: Some(partner.name.to_owned()),
        customer_id: Some(plan.customer_id.clone()),
        customer_name: customer.name.map(str::to_owned),
        customer_domain_name: customer.domain.map(str::to_owned),
        customer_country: customer.country.map(str::to_owned),
        mpn_id: Some(String::new()),
        reseller_mpn_id: Some(String::new()),
        invoice_number: Some(window.invoice_number.to_owned()),
        product_id: Some(AZURE_PLAN_PRODUCT_ID.to_owned()),
        sku_id: Some("0001".to_owned()),
        availability_id: subscription
            .offer_id
            .as_ref()
            .map(|o| o.as_str().rsplit(':').next().unwrap_or_default().to_owned()),
        sku_name: Some("Microsoft Azure plan".to_owned()),
        product_name: Some("Microsoft Azure plan".to_owned()),
        publisher_name: Some("Microsoft".to_owned()),
        publisher_id: Some(String::new()),
        subscription_id: Some(subscription_id.clone()),
        subscription_description: subscription.friendly_name.clone(),
        charge_start_date: Some(Timestamp::from(start)),
        charge_end_date: Some(Timestamp::from(end)),
        usage_date: Some(Timestamp::from(start)),
        meter_type: Some(meter.unit.to_owned()),
        meter_category: Some(meter.category.to_owned()),
        meter_id: Some(meter.id.to_owned()),
        meter_sub_category: Some(meter.sub_category.to_owned()),
        meter_name: Some(meter.name.to_owned()),
        meter_region: Some(String::new()),
        unit_of_measure: Some(meter.unit.to_owned()),
        resource_location: Some("EASTUS".to_owned()),
        consumed_service: Some(meter.service.to_owned()),
        resource_group: Some("rg-app".to_owned()),
        resource_uri: Some(format!(
            "/subscriptions/{subscription_id}/resourceGroups/rg-app/{}",
            meter.resource
        )),
        tags: Some(String::new()),
        additional_info: Some(String::new()),
        service_info1: Some(String::new()),
        service_info2: Some(String::new()),
        charge_type: Some("new".to_owned()),
        unit_price: Some(unit_price),
        quantity: Some(quantity),
        unit_type: Some(meter.unit.to_owned()),
        billing_pre_tax_total: Some(cents(pricing_total * rate)),
        billing_currency: Some(currency),
        pricing_pre_tax_total: Some(cents(pricing_total)),
        pricing_currency: Some(pricing_currency),
        entitlement_id: Some(subscription_id),
        entitlement_description: Some("Azure subscription".to_owned()),
        pc_to_bc_exchange_rate: Some(rate),
        pc_to_bc_exchange_rate_date: Some(Timestamp::from(month)),
        effective_unit_price: Some(unit_price),
        rate_of_partner_earned_credit: Some(Decimal::ZERO),
        rate_of_credit: Some(Decimal::ZERO),
        credit_type: Some("Credit Not Applied".to_owned()),
        invoice_line_item_type: Some(Spelled::from(InvoiceLineItemType::UsageLineItems)),
        billing_provider: Some(Spelled::from(BillingProvider::Marketplace)),
        attributes: Some(attributes("DailyRatedUsageLineItem")),
        ..DailyRatedUsageLineItem::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_stable() {
        // FNV-1a test vectors.
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn the_first_period_starts_on_the_first_of_the_month() {
        let now = Utc.with_ymd_and_hms(2025, 3, 17, 13, 5, 0).single();
        let first = Utc.with_ymd_and_hms(2025, 3, 1, 0, 0, 0).single();
        assert_eq!(now.map(month_start_ms), first.map(|f| f.timestamp_millis()));
    }
}
