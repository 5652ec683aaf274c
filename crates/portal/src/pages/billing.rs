//! Billing: the account balance, invoice summaries per currency, the invoice list and a link to
//! the unbilled charges.

use leptos::prelude::*;
use leptos_router::components::A;
use pc_core::models::{Decimal, InvoiceSummary};

use crate::errors::ProblemAlert;
use crate::format;
use crate::pages::customer::SignInFirst;
use crate::session::use_session;
use pc_client::BillingPeriod;

use crate::api;
use crate::{Localized, Page, tr, use_locale};

/// The balance per currency of invoice summaries, by currency code (summaries without a code or
/// balance are left out; two of one currency are added).
pub fn balances(summaries: &[InvoiceSummary]) -> Vec<(String, Decimal)> {
    let mut out: Vec<(String, Decimal)> = Vec::new();
    for s in summaries {
        let (Some(code), Some(amount)) = (s.currency_code.as_deref(), s.balance_amount) else {
            continue;
        };
        let code = code.trim().to_ascii_uppercase();
        if code.is_empty() {
            continue;
        }
        match out.iter_mut().find(|(c, _)| *c == code) {
            Some((_, sum)) => *sum += amount,
            None => out.push((code, amount)),
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The billing page.
#[component]
pub fn Billing() -> impl IntoView {
    let session = use_session();
    let locale = use_locale();
    let data = LocalResource::new(move || {
        let session = session.get();
        async move {
            let session = session.ok_or_else(|| Localized::key("sign-in-first"))?;
            let (summaries, list) = api::billing(&session.client)
                .await
                .map_err(Localized::from)?;
            let balance = balances(&summaries);
            Ok::<_, Localized>((balance, summaries, list))
        }
    });
    let summary_row = move |s: InvoiceSummary| {
        let locale = locale.get();
        let currency = s.currency_code.clone().unwrap_or_default();
        view! {
            <tr>
                <td>{currency.clone()}</td>
                <td class="num">{s.balance_amount.map(|b| format::money(&b, &currency, locale)).unwrap_or_default()}</td>
                <td>{format::timestamp(s.latest_invoice_date.as_ref(), locale, false)}</td>
                <td class="num">{s.last_payment_amount.map(|b| format::money(&b, &currency, locale)).unwrap_or_default()}</td>
                <td>{format::timestamp(s.last_payment_date.as_ref(), locale, false)}</td>
            </tr>
        }
    };
    view! {
        <Show when=move || session.tenant.get().is_some() fallback=SignInFirst>
            <h1>{tr("billing-title")}</h1>
            <p><A href=Page::Unbilled { currency: None, period: BillingPeriod::Current, order: None }.href()>{tr("unbilled-link")}</A></p>
            {move || match data.get() {
                None => view! { <p aria-live="polite">{tr("loading")}</p> }.into_any(),
                Some(Err(problem)) => view! { <ProblemAlert problem/> }.into_any(),
                Some(Ok((balance, summaries, invoices))) => {
                    let locale = locale.get();
                    view! {
                        <section class="balances" aria-labelledby="balances-title">
                            <h2 id="balances-title">{tr("billing-balances")}</h2>
                            <ul class="balance">
                                {balance.into_iter().map(|(currency, amount)| view! {
                                    <li data-currency=currency.clone()><strong>{format::money(&amount, &currency, locale)}</strong> " " <span class="muted">{currency.clone()}</span></li>
                                }).collect_view()}
                            </ul>
                        </section>
                        <h2>{tr("billing-summaries")}</h2>
                        <table>
                            <thead><tr>
                                <th scope="col">{tr("billing-currency")}</th><th scope="col">{tr("billing-balance")}</th>
                                <th scope="col">{tr("billing-latest-invoice")}</th><th scope="col">{tr("billing-last-payment")}</th>
                                <th scope="col">{tr("billing-last-payment-date")}</th>
                            </tr></thead>
                            <tbody>{summaries.into_iter().map(summary_row).collect_view()}</tbody>
                        </table>
                        <h2>{tr("billing-invoices")}</h2>
                        <table class="invoices">
                            <thead><tr>
                                <th scope="col">{tr("invoice-id")}</th><th scope="col">{tr("invoice-date")}</th>
                                <th scope="col">{tr("invoice-period")}</th><th scope="col">{tr("invoice-type")}</th>
                                <th scope="col">{tr("invoice-total")}</th><th scope="col">{tr("invoice-paid")}</th>
                            </tr></thead>
                            <tbody>
                                {invoices.into_iter().map(|i| {
                                    let id = i.id.as_ref().map(|x| x.as_str().to_owned()).unwrap_or_default();
                                    let currency = i.currency_code.clone().unwrap_or_default();
                                    let period = format!("{} – {}", format::timestamp(i.billing_period_start_date.as_ref(), locale, false), format::timestamp(i.billing_period_end_date.as_ref(), locale, false));
                                    view! {
                                        <tr>
                                            <td><A href=Page::Invoice(&id).href()>{id.clone()}</A></td>
                                            <td>{format::timestamp(i.invoice_date.as_ref(), locale, false)}</td>
                                            <td>{period}</td>
                                            <td>{i.invoice_type.as_ref().map(|k| format::invoice_type(k.value(), locale)).unwrap_or_default()}</td>
                                            <td class="num">{i.total_charges.map(|v| format::money(&v, &currency, locale)).unwrap_or_default()}</td>
                                            <td class="num">{i.paid_amount.map(|v| format::money(&v, &currency, locale)).unwrap_or_default()}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }
            }}
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(currency: &str, amount: i64) -> InvoiceSummary {
        InvoiceSummary {
            currency_code: Some(currency.to_owned()),
            balance_amount: Some(Decimal::new(amount, 2)),
            ..InvoiceSummary::default()
        }
    }

    #[test]
    fn every_currency_has_its_own_balance() {
        let shown = balances(&[
            summary("USD", 12_50),
            summary("EUR", 3_00),
            summary("usd", 1_00),
            InvoiceSummary::default(),
        ]);
        assert_eq!(
            shown,
            [
                ("EUR".to_owned(), Decimal::new(3_00, 2)),
                ("USD".to_owned(), Decimal::new(13_50, 2)),
            ]
        );
    }
}
