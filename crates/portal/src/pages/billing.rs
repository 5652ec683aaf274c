//! Billing: the account balance, invoice summaries per currency, the invoice list and a link to
//! the unbilled charges.

use futures_util::TryStreamExt as _;
use leptos::prelude::*;
use leptos_router::components::A;
use pc_core::models::{Invoice, InvoiceSummary};

use crate::errors::explain;
use crate::format;
use crate::i18n::t;
use crate::pages::customer::SignInFirst;
use crate::session::use_session;
use crate::{route, tr, use_locale};

/// The billing page.
#[component]
pub fn Billing() -> impl IntoView {
    let session = use_session();
    let locale = use_locale();
    let data = LocalResource::new(move || {
        let session = session.get();
        async move {
            let locale = locale.get_untracked();
            let session = session.ok_or_else(|| t(locale, "sign-in-first"))?;
            let invoices = session.client.invoices();
            let fail = |e: pc_client::Error| explain(&e, locale);
            let balance: InvoiceSummary = invoices.balance().await.map_err(fail)?;
            let summaries = invoices.summaries().await.map_err(fail)?;
            let list: Vec<Invoice> = invoices.list().try_collect().await.map_err(fail)?;
            Ok::<_, String>((balance, summaries, list))
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
            <p><A href=route("/billing/unbilled")>{tr("unbilled-link")}</A></p>
            {move || match data.get() {
                None => view! { <p aria-live="polite">{tr("loading")}</p> }.into_any(),
                Some(Err(reason)) => view! { <p role="alert">{reason}</p> }.into_any(),
                Some(Ok((balance, summaries, invoices))) => {
                    let locale = locale.get();
                    let currency = balance.currency_code.clone().unwrap_or_default();
                    view! {
                        <p class="balance">{tr("billing-balance")} ": "
                            <strong>{balance.balance_amount.map(|b| format::money(&b, &currency, locale)).unwrap_or_default()}</strong>
                        </p>
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
                                            <td><A href=route(&format!("/billing/{id}"))>{id.clone()}</A></td>
                                            <td>{format::timestamp(i.invoice_date.as_ref(), locale, false)}</td>
                                            <td>{period}</td>
                                            <td>{i.invoice_type.as_ref().map(|t| t.spelling()).unwrap_or_default()}</td>
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
