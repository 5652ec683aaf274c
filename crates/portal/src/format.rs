//! Money, dates and Partner Center codes as the user reads them: amounts and dates through the
//! browser's `Intl` APIs in the portal's locale; ISO 8601 terms and billing cycles through
//! Fluent messages.

use js_sys::{Array, Intl, Object, Reflect};
use pc_core::enums::{BillingCycle, EntitlementType, FulfillmentStatus, InvoiceType};
use wasm_bindgen::JsValue;

use crate::i18n::{Locale, t, t_numbers, t_with};

fn locales(locale: Locale) -> Array {
    Array::of1(&JsValue::from_str(locale.tag()))
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let options = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    options
}

/// `amount` (a decimal in `currency`, ISO 4217) formatted by `Intl.NumberFormat` with the
/// currency's own symbol and decimals, e.g. `$1,234.50` or `1 234,50 kr`. The amount is passed
/// as a decimal string so no precision is lost to floating point. Falls back to `"amount
/// currency"` when `Intl` refuses the input (an unknown currency code).
pub fn money(amount: &impl ToString, currency: &str, locale: Locale) -> String {
    let amount = amount.to_string();
    if currency.len() != 3 {
        return amount;
    }
    let format = Intl::NumberFormat::new(
        &locales(locale),
        &options(&[("style", "currency"), ("currency", currency)]),
    );
    format
        .format()
        .call1(&JsValue::NULL, &JsValue::from_str(&amount))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{amount} {currency}"))
}

/// An ISO 8601 / RFC 3339 instant (e.g. `2026-11-21T09:30:00Z`) as a localized date, or date and
/// time when `with_time`; the text as given when it is not a date.
pub fn date(iso: &str, locale: Locale, with_time: bool) -> String {
    let parsed = js_sys::Date::new(&JsValue::from_str(iso));
    if parsed.get_time().is_nan() {
        return iso.to_owned();
    }
    let style: &[(&str, &str)] = if with_time {
        &[("dateStyle", "medium"), ("timeStyle", "short")]
    } else {
        &[("dateStyle", "medium")]
    };
    Intl::DateTimeFormat::new(&locales(locale), &options(style))
        .format()
        .call1(&JsValue::NULL, &parsed)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| iso.to_owned())
}

/// A `Timestamp` of a Partner Center resource, localized; empty when absent.
pub fn timestamp(
    value: Option<&pc_core::wire::Timestamp>,
    locale: Locale,
    with_time: bool,
) -> String {
    value
        .map(|ts| date(&timestamp_text(ts), locale, with_time))
        .unwrap_or_default()
}

/// The RFC 3339 text of a timestamp (its instant when it has one, else its text).
pub fn timestamp_text(value: &pc_core::wire::Timestamp) -> String {
    match value {
        pc_core::wire::Timestamp::At(instant) => instant.to_rfc3339(),
        pc_core::wire::Timestamp::Unparsed(text) => text.clone(),
    }
}

/// An ISO 8601 term duration (`P1M`, `P1Y`, `P3Y`) in words; unknown durations as given.
pub fn term(duration: &str, locale: Locale) -> String {
    let key = format!("term-{}", duration.trim().to_ascii_uppercase());
    let text = t(locale, &key);
    if text == key {
        duration.to_owned()
    } else {
        text
    }
}

/// A billing cycle in words.
pub fn billing_cycle(cycle: &BillingCycle, locale: Locale) -> String {
    let key = match cycle {
        BillingCycle::Monthly => "cycle-monthly",
        BillingCycle::Annual => "cycle-annual",
        BillingCycle::None => "cycle-none",
        BillingCycle::OneTime => "cycle-one-time",
        BillingCycle::Triennial => "cycle-triennial",
        BillingCycle::Biennial => "cycle-biennial",
        _ => return other(locale, "cycle-other", cycle.as_str()),
    };
    t(locale, key)
}

/// The billing period a unit price covers, after the price: "per month" for a `monthly` billing
/// cycle, "per year" for `annual`, "one-time" for `one_time`…; a cycle this version does not know
/// as Partner Center spelled it, with a translated label; empty without a billing cycle.
pub fn price_period(cycle: Option<&BillingCycle>, locale: Locale) -> String {
    let Some(cycle) = cycle else {
        return String::new();
    };
    let key = match cycle {
        BillingCycle::Monthly => "period-monthly",
        BillingCycle::Annual => "period-annual",
        BillingCycle::None => "period-none",
        BillingCycle::OneTime => "period-one-time",
        BillingCycle::Triennial => "period-triennial",
        BillingCycle::Biennial => "period-biennial",
        _ => return other(locale, "cycle-other", cycle.as_str()),
    };
    t(locale, key)
}

/// A value this version does not know, as Partner Center spelled it, with the translated label
/// `key` (its `$value`): never Debug output.
fn other(locale: Locale, key: &str, spelling: &str) -> String {
    t_with(locale, key, &[("value", spelling.trim().to_owned())])
}

/// An order line's provisioning status (`OrderLineItemProvisioningStatus.status`) in words.
pub fn fulfillment_status(status: &FulfillmentStatus, locale: Locale) -> String {
    let key = match status {
        FulfillmentStatus::Fulfilled => "fulfillment-fulfilled",
        FulfillmentStatus::Unfulfilled => "fulfillment-unfulfilled",
        FulfillmentStatus::PrefulfillmentPending => "fulfillment-prefulfillment-pending",
        _ => return other(locale, "fulfillment-other", status.as_str()),
    };
    t(locale, key)
}

/// An entitlement's or artifact's type (`entitlementType`, `artifactType`) in words.
pub fn entitlement_type(kind: &EntitlementType, locale: Locale) -> String {
    let key = match kind {
        EntitlementType::Software => "entitlement-type-software",
        EntitlementType::ReservedInstance => "entitlement-type-reserved-instance",
        EntitlementType::VirtualMachineReservedInstance => "entitlement-type-vm-reserved-instance",
        _ => return other(locale, "entitlement-type-other", kind.as_str()),
    };
    t(locale, key)
}

/// An invoice's type (`invoiceType`) in words.
pub fn invoice_type(kind: &InvoiceType, locale: Locale) -> String {
    let key = match kind {
        InvoiceType::Recurring => "invoice-type-recurring",
        InvoiceType::OneTime => "invoice-type-one-time",
        _ => return other(locale, "invoice-type-other", kind.as_str()),
    };
    t(locale, key)
}

/// A 0-based position Partner Center numbers things by (`orderGroup` `"0"`, `lineItemNumber`
/// 0) as people count, from 1; text that is not such a number as given.
pub fn ordinal(zero_based: &str) -> String {
    zero_based
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_add(1))
        .map_or_else(|| zero_based.to_owned(), |n| n.to_string())
}

/// A product's and its SKU's titles as one name: the SKU's title alone when it repeats the
/// product's (`Microsoft 365 Business Basic` twice), else `product — SKU`.
pub fn product_and_sku(product: &str, sku: &str) -> String {
    let (product, sku) = (product.trim(), sku.trim());
    if product.is_empty() || sku.to_lowercase().contains(&product.to_lowercase()) {
        sku.to_owned()
    } else if sku.is_empty() {
        product.to_owned()
    } else {
        format!("{product} — {sku}")
    }
}

/// The browser's current time (UTC).
pub fn now() -> chrono::DateTime<chrono::Utc> {
    #[allow(clippy::cast_possible_truncation)]
    let millis = js_sys::Date::now() as i64;
    chrono::DateTime::from_timestamp_millis(millis).unwrap_or_default()
}

/// A time left in words, largest unit first: "6 days, 23 hours, 59 minutes, 12 seconds"
/// (zero days and hours left out).
pub fn time_left(left: chrono::TimeDelta, locale: Locale) -> String {
    let seconds = left.num_seconds().max(0);
    let (days, hours, minutes, seconds) = (
        seconds / 86_400,
        seconds / 3600 % 24,
        seconds / 60 % 60,
        seconds % 60,
    );
    let mut parts = Vec::new();
    if days > 0 {
        parts.push(t_numbers(locale, "duration-days", &[], &[("count", days)]));
    }
    if days > 0 || hours > 0 {
        parts.push(t_numbers(
            locale,
            "duration-hours",
            &[],
            &[("count", hours)],
        ));
    }
    parts.push(t_numbers(
        locale,
        "duration-minutes",
        &[],
        &[("count", minutes)],
    ));
    parts.push(t_numbers(
        locale,
        "duration-seconds",
        &[],
        &[("count", seconds)],
    ));
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_based_positions_are_counted_from_one() {
        assert_eq!(ordinal("0"), "1");
        assert_eq!(ordinal(" 2 "), "3");
        assert_eq!(ordinal("group-a"), "group-a");
        assert_eq!(ordinal(&u64::MAX.to_string()), u64::MAX.to_string());
    }

    #[test]
    fn a_sku_repeating_its_products_title_is_named_once() {
        assert_eq!(
            product_and_sku(
                "Microsoft 365 Business Basic",
                "Microsoft 365 Business Basic"
            ),
            "Microsoft 365 Business Basic"
        );
        assert_eq!(
            product_and_sku(
                "Microsoft 365 Business Basic",
                "Microsoft 365 Business Basic (no Teams)"
            ),
            "Microsoft 365 Business Basic (no Teams)"
        );
        assert_eq!(
            product_and_sku(
                "Virtual Machines Dsv3 Series",
                "Standard_D2s_v3, US West 2, 1 Year"
            ),
            "Virtual Machines Dsv3 Series — Standard_D2s_v3, US West 2, 1 Year"
        );
        assert_eq!(product_and_sku("", "Plan"), "Plan");
        assert_eq!(product_and_sku("Plan", ""), "Plan");
    }
}
