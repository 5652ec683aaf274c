//! Unbilled charges per currency and billing period (current or previous): the purchase lines
//! (Partner Center's unbilled reconciliation line items) and the Azure plans' daily rated usage
//! (unbilled consumption), with totals per customer and per product and CSV exports like the
//! invoice's.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use pc_client::BillingPeriod;
use pc_core::models::{DailyRatedUsageLineItem, Decimal, OneTimeInvoiceLineItem};
use serde_json::Value;

use crate::api;
use crate::errors::ProblemAlert;
use crate::format;
use crate::i18n::t_with;
use crate::pages::customer::SignInFirst;
use crate::pages::invoice::{download, not_saved, to_csv};
use crate::session::use_session;
use crate::{Localized, Page, told, tr, use_locale};

/// Totals of unbilled lines, in the currency they were asked for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Totals {
    /// (customer name — or ID when it has none, amount), by name.
    pub by_customer: Vec<(String, Decimal)>,
    /// (product name, amount), by name.
    pub by_product: Vec<(String, Decimal)>,
    /// Everything.
    pub total: Decimal,
}

/// Adds `amount` to `key` of a sorted list.
fn add(list: &mut Vec<(String, Decimal)>, key: String, amount: Decimal) {
    match list.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
        Ok(i) => {
            if let Some(entry) = list.get_mut(i) {
                entry.1 += amount;
            }
        }
        Err(i) => list.insert(i, (key, amount)),
    }
}

/// Totals per customer and per product of purchase lines (`totalForCustomer`) and rated usage
/// (`billingPreTaxTotal`).
pub fn totals(purchases: &[OneTimeInvoiceLineItem], usage: &[DailyRatedUsageLineItem]) -> Totals {
    let mut out = Totals::default();
    let rows = purchases
        .iter()
        .map(|l| {
            (
                l.customer_name
                    .clone()
                    .filter(|n| !n.is_empty())
                    .or(l.customer_id.clone()),
                l.product_name.clone(),
                l.total_for_customer.or(l.subtotal),
            )
        })
        .chain(usage.iter().map(|l| {
            (
                l.customer_name
                    .clone()
                    .filter(|n| !n.is_empty())
                    .or(l.customer_id.clone()),
                l.product_name.clone(),
                l.billing_pre_tax_total,
            )
        }));
    for (customer, product, amount) in rows {
        let amount = amount.unwrap_or_default();
        add(&mut out.by_customer, customer.unwrap_or_default(), amount);
        add(&mut out.by_product, product.unwrap_or_default(), amount);
        out.total += amount;
    }
    out
}

fn as_json<T: serde::Serialize>(items: &[T]) -> Vec<Value> {
    items
        .iter()
        .filter_map(|i| serde_json::to_value(i).ok())
        .collect()
}

/// A quantity without the trailing zeros of its decimal scale (`7.000000` → `7`).
pub fn quantity(value: Option<Decimal>) -> String {
    value.map(|q| q.normalize().to_string()).unwrap_or_default()
}

/// The customer a line is for: its name, or its tenant ID when it has none.
fn customer_of(name: Option<&String>, id: Option<&String>) -> String {
    name.filter(|n| !n.is_empty())
        .or(id)
        .cloned()
        .unwrap_or_default()
}

/// The purchase lines (reconciliation line items) of an unbilled period or an invoice: customer,
/// product, order (linked), order date, quantity, amount and, when `with_invoice`, the invoice
/// (linked). The lines of order `highlight` are marked as the one asked for.
#[component]
pub fn PurchaseLines(
    /// The lines, in the order shown.
    lines: Vec<OneTimeInvoiceLineItem>,
    /// The order whose lines are pointed out.
    #[prop(optional)]
    highlight: Option<String>,
    /// Whether to show the invoice column (lines of a closed period).
    #[prop(optional)]
    with_invoice: bool,
    /// Translation key of the table region's accessible name.
    label: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    let locale_now = locale.get();
    view! {
        <div class="scroll" tabindex="0" role="region" aria-label=tr(label)>
            <table class="unbilled-lines">
                <thead><tr>
                    <th scope="col">{tr("unbilled-customer")}</th><th scope="col">{tr("unbilled-product")}</th>
                    <th scope="col">{tr("unbilled-order")}</th><th scope="col">{tr("unbilled-order-date")}</th>
                    <th scope="col">{tr("line-quantity")}</th><th scope="col">{tr("unbilled-amount")}</th>
                    {with_invoice.then(|| view! { <th scope="col">{tr("invoice-id")}</th> })}
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|l| {
                        let currency = l.currency.clone().unwrap_or_default();
                        let order_id = l.order_id.clone().unwrap_or_default();
                        let customer_id = l.customer_id.clone().unwrap_or_default();
                        let marked = highlight.as_deref().is_some_and(|h| !order_id.is_empty() && h.eq_ignore_ascii_case(&order_id));
                        let order_href = Page::Order { customer_id: &customer_id, order_id: &order_id }.href();
                        let invoice = l.invoice_number.clone().filter(|n| !n.is_empty());
                        let product = match (l.product_name.clone(), l.sku_name.clone()) {
                            (Some(p), Some(s)) if !s.is_empty() && s != p => format!("{p} ({s})"),
                            (p, s) => p.or(s).unwrap_or_default(),
                        };
                        view! {
                            <tr aria-current=marked.then_some("true")>
                                <td>{customer_of(l.customer_name.as_ref(), l.customer_id.as_ref())}</td>
                                <td>{product}</td>
                                <td>
                                    {(!order_id.is_empty() && !customer_id.is_empty()).then(|| view! { <A href=order_href>{order_id.clone()}</A> })}
                                    {marked.then(|| view! { " " <strong class="badge">{tr("unbilled-this-order")}</strong> })}
                                </td>
                                <td>{format::timestamp(l.order_date.as_ref().or(l.charge_start_date.as_ref()), locale_now, false)}</td>
                                <td class="num">{quantity(l.quantity)}</td>
                                <td class="num">{l.total_for_customer.or(l.subtotal).map(|v| format::money(&v, &currency, locale_now)).unwrap_or_default()}</td>
                                {with_invoice.then(|| view! {
                                    <td>{invoice.map(|id| view! { <A href=Page::Invoice(&id).href()>{id.clone()}</A> })}</td>
                                })}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The unbilled page: `?currency=` (default: the partner's billing currency), `?period=current|previous`
/// and `?order=` (that order's lines are pointed out).
#[component]
pub fn Unbilled() -> impl IntoView {
    let session = use_session();
    let locale = use_locale();
    let query = use_query_map();
    let (asked_currency, asked_period, asked_order) = query.with_untracked(|q| {
        (
            q.get("currency")
                .filter(|c| c.len() == 3 && c.chars().all(|c| c.is_ascii_alphabetic()))
                .map(|c| c.to_ascii_uppercase())
                .unwrap_or_default(),
            match q.get("period").as_deref() {
                Some("previous") => BillingPeriod::Previous,
                _ => BillingPeriod::Current,
            },
            q.get("order").filter(|o| !o.is_empty()),
        )
    });
    let asked_order = StoredValue::new(asked_order);
    let currency = RwSignal::new(asked_currency);
    let period = RwSignal::new(asked_period);
    let data = LocalResource::new(move || {
        let session = session.get();
        let (wanted, period) = (currency.get(), period.get());
        async move {
            let session = session.ok_or_else(|| Localized::key("sign-in-first"))?;
            api::unbilled(&session.client, &wanted, period)
                .await
                .map_err(Localized::from)
        }
    });
    let message = RwSignal::new(None::<Localized>);
    let export = move |items: Vec<Value>, name: String| {
        let result = to_csv(&items).and_then(|text| download(text.as_bytes(), "text/csv", &name));
        message.set(Some(match result {
            Ok(()) => Localized::key("unbilled-csv-done"),
            Err(reason) => not_saved(reason),
        }));
    };
    let totals_table = move |caption: &'static str,
                             first: &'static str,
                             rows: Vec<(String, Decimal)>,
                             code: String| {
        let locale = locale.get();
        view! {
            <table>
                <caption>{tr(caption)}</caption>
                <thead><tr><th scope="col">{tr(first)}</th><th scope="col">{tr("unbilled-amount")}</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|(name, amount)| view! {
                        <tr><td>{name}</td><td class="num">{format::money(&amount, &code, locale)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    };
    view! {
        <Show when=move || session.tenant.get().is_some() fallback=SignInFirst>
            <h1>{tr("unbilled-title")}</h1>
            <p><A href=Page::Billing.href()>{tr("billing-title")}</A></p>
            <p>{tr("unbilled-intro")}</p>
            {move || match data.get() {
                None => view! { <p aria-live="polite">{tr("loading")}</p> }.into_any(),
                Some(Err(problem)) => view! { <ProblemAlert problem/> }.into_any(),
                Some(Ok(u)) => {
                    let locale = locale.get();
                    let code = u.currency.clone();
                    let sums = totals(&u.purchases, &u.usage);
                    let purchases_json = StoredValue::new(as_json(&u.purchases));
                    let usage_json = StoredValue::new(as_json(&u.usage));
                    let shown_period = u.period;
                    let period_name = shown_period.as_str();
                    let file = move |kind: &str| format!("unbilled-{kind}-{}-{period_name}.csv", code.to_ascii_lowercase());
                    let (purchases_file, usage_file) = (file("purchases"), file("usage"));
                    let code = u.currency.clone();
                    let currencies = u.currencies.clone();
                    let empty = u.purchases.is_empty() && u.usage.is_empty();
                    let (no_purchases, no_usage) = (u.purchases.is_empty(), u.usage.is_empty());
                    let period_label = match shown_period {
                        BillingPeriod::Current => "unbilled-period-current",
                        BillingPeriod::Previous => "unbilled-period-previous",
                    };
                    view! {
                        <form class="filters" on:submit=|ev| ev.prevent_default()>
                            <div>
                                <label for="unbilled-currency">{tr("unbilled-currency")}</label>
                                <select id="unbilled-currency" on:change=move |ev| currency.set(event_target_value(&ev))>
                                    {currencies.into_iter().map(|c| {
                                        let selected = c == code;
                                        view! { <option value=c.clone() selected=selected>{c.clone()}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <fieldset class="check">
                                <legend>{tr("unbilled-period")}</legend>
                                <label><input type="radio" name="unbilled-period" value="current"
                                    checked=move || period.get() == BillingPeriod::Current
                                    on:change=move |_| period.set(BillingPeriod::Current)/>" " {tr("unbilled-period-current")}</label>
                                " "
                                <label><input type="radio" name="unbilled-period" value="previous"
                                    checked=move || period.get() == BillingPeriod::Previous
                                    on:change=move |_| period.set(BillingPeriod::Previous)/>" " {tr("unbilled-period-previous")}</label>
                            </fieldset>
                        </form>
                        <h2>{tr(period_label)} " · " {u.currency.clone()}</h2>
                        <p class="balance">{tr("unbilled-total")} ": " <strong>{format::money(&sums.total, &u.currency, locale)}</strong></p>
                        <p>
                            {t_with(locale, "unbilled-purchases-count", &[("count", u.purchases.len().to_string())])} " · "
                            {t_with(locale, "unbilled-usage-count", &[("count", u.usage.len().to_string())])}
                        </p>
                        {empty.then(|| view! { <p>{match shown_period {
                            BillingPeriod::Current => tr("unbilled-none")(),
                            BillingPeriod::Previous => tr("unbilled-none-previous")(),
                        }}</p> })}
                        <div class="actions">
                            <button type="button" disabled=no_purchases on:click=move |_| export(purchases_json.get_value(), purchases_file.clone())>{tr("unbilled-csv-purchases")}</button>
                            <button type="button" disabled=no_usage on:click=move |_| export(usage_json.get_value(), usage_file.clone())>{tr("unbilled-csv-usage")}</button>
                        </div>
                        <p role="status" aria-live="polite">{told(message)}</p>
                        {(!empty).then(|| view! {
                            {totals_table("unbilled-by-customer", "unbilled-customer", sums.by_customer, u.currency.clone())}
                            {totals_table("unbilled-by-product", "unbilled-product", sums.by_product, u.currency.clone())}
                        })}
                        {(!no_purchases).then(|| view! {
                            <h2>{tr("unbilled-lines-title")}</h2>
                            <PurchaseLines lines=u.purchases.clone() highlight=asked_order.get_value().unwrap_or_default()
                                with_invoice=shown_period == BillingPeriod::Previous label="unbilled-lines-region"/>
                        })}
                    }.into_any()
                }
            }}
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn purchase(customer: &str, product: &str, total: i64) -> OneTimeInvoiceLineItem {
        OneTimeInvoiceLineItem {
            customer_name: Some(customer.to_owned()),
            product_name: Some(product.to_owned()),
            total_for_customer: Some(Decimal::new(total, 2)),
            ..OneTimeInvoiceLineItem::default()
        }
    }

    #[test]
    fn totals_per_customer_and_per_product_add_purchases_and_usage() {
        let usage = DailyRatedUsageLineItem {
            customer_name: Some("Northwind".to_owned()),
            product_name: Some("Microsoft Azure plan".to_owned()),
            billing_pre_tax_total: Some(Decimal::new(230, 2)),
            ..DailyRatedUsageLineItem::default()
        };
        let sums = totals(
            &[
                purchase("Northwind", "Business Basic", 2160),
                purchase("Adatum", "Business Basic", 720),
            ],
            &[usage],
        );
        assert_eq!(sums.total, Decimal::new(3110, 2));
        assert_eq!(
            sums.by_customer,
            [
                ("Adatum".to_owned(), Decimal::new(720, 2)),
                ("Northwind".to_owned(), Decimal::new(2390, 2)),
            ]
        );
        assert_eq!(
            sums.by_product,
            [
                ("Business Basic".to_owned(), Decimal::new(2880, 2)),
                ("Microsoft Azure plan".to_owned(), Decimal::new(230, 2)),
            ]
        );
    }
}
