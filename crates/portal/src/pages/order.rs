//! One order: its lines with provisioning status, the subscriptions it created, each line's
//! activation links, and where it is billed (its unbilled or invoiced reconciliation lines).

use futures_util::TryStreamExt as _;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use pc_client::BillingPeriod;
use pc_core::models::{
    Invoice, InvoiceLineItem, OneTimeInvoiceLineItem, Order, OrderLineItemProvisioningStatus,
    Subscription,
};

use crate::errors::explain;
use crate::format;
use crate::i18n::{t, t_with};
use crate::pages::customer::{SignInFirst, use_customer};
use crate::pages::unbilled::unbilled_href;
use crate::session::use_session;
use crate::{route, tr, use_locale};

/// Everything the order page shows.
#[derive(Clone)]
struct OrderView {
    order: Order,
    provisioning: Vec<OrderLineItemProvisioningStatus>,
    subscriptions: Vec<Subscription>,
    activation_links: Vec<(i64, Vec<serde_json::Value>)>,
    /// Where the order is billed: its OneTime lines, unbilled (no invoice number) or on an
    /// invoice.
    billing: Vec<OneTimeInvoiceLineItem>,
}

/// How many of the newest invoices in the order's currency are searched for its lines.
const INVOICES_SEARCHED: usize = 3;

/// The reconciliation lines `order_id` produced: unbilled in the current period, in the
/// previous one, or on one of the newest invoices in `currency`.
async fn billing_lines(
    client: &crate::session::PortalClient,
    order_id: &str,
    currency: &str,
) -> Result<Vec<OneTimeInvoiceLineItem>, pc_client::Error> {
    let of_order = |items: Vec<InvoiceLineItem>| -> Vec<OneTimeInvoiceLineItem> {
        items
            .into_iter()
            .filter_map(|item| match item {
                InvoiceLineItem::OneTime(line)
                    if line
                        .order_id
                        .as_deref()
                        .is_some_and(|o| o.eq_ignore_ascii_case(order_id)) =>
                {
                    Some(*line)
                }
                _ => None,
            })
            .collect()
    };
    let invoices = client.invoices();
    for period in [BillingPeriod::Current, BillingPeriod::Previous] {
        let lines = of_order(
            invoices
                .unbilled_line_items(currency, period, None)
                .try_collect()
                .await?,
        );
        if !lines.is_empty() {
            return Ok(lines);
        }
    }
    let list: Vec<Invoice> = invoices.list().try_collect().await?;
    for invoice in list
        .iter()
        .filter(|i| i.currency_code.as_deref() == Some(currency))
        .take(INVOICES_SEARCHED)
    {
        let Some(id) = invoice.id.as_ref() else {
            continue;
        };
        let lines = of_order(
            invoices
                .billed_line_items(id.as_str(), currency, None)
                .try_collect()
                .await?,
        );
        if !lines.is_empty() {
            return Ok(lines);
        }
    }
    Ok(Vec::new())
}

/// The order page.
#[component]
pub fn OrderDetail() -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return view! { <SignInFirst/> }.into_any();
    };
    let session = use_session();
    let locale = use_locale();
    let params = use_params_map();
    let order_id = Memo::new(move |_| params.get().get("order_id").unwrap_or_default());
    let detail = LocalResource::new(move || {
        let session = session.get();
        let (customer_id, order_id) = (ctx.id.get(), order_id.get());
        async move {
            let locale = locale.get_untracked();
            let session = session.ok_or_else(|| t(locale, "sign-in-first"))?;
            let fail = |e: pc_client::Error| explain(&e, locale);
            let orders = session.client.orders();
            let order = orders.get(&customer_id, &order_id).await.map_err(fail)?;
            let provisioning = orders
                .provisioning_status(&customer_id, &order_id)
                .await
                .map_err(fail)?;
            let subscriptions = session
                .client
                .subscriptions()
                .by_order(&customer_id, &order_id)
                .await
                .map_err(fail)?;
            let mut activation_links = Vec::new();
            for line in order.line_items.iter().flatten() {
                if let Some(number) = line.line_item_number {
                    let links = orders
                        .activation_links(&customer_id, &order_id, number)
                        .await
                        .unwrap_or_default();
                    activation_links.push((number, links));
                }
            }
            let currency = order.currency_code.clone().unwrap_or_default();
            // Billing lines are a convenience: a failure leaves the section empty.
            let billing = billing_lines(&session.client, &order_id, &currency)
                .await
                .unwrap_or_default();
            Ok::<_, String>(OrderView {
                billing,
                order,
                provisioning,
                subscriptions,
                activation_links,
            })
        }
    });
    view! {
        <h2>{move || t_with(locale.get(), "order-title", &[("id", order_id.get())])}</h2>
        <button type="button" on:click=move |_| detail.refetch()>{tr("refresh")}</button>
        {move || match detail.get() {
            None => view! { <p aria-live="polite">{tr("loading")}</p> }.into_any(),
            Some(Err(reason)) => view! { <p role="alert">{reason}</p> }.into_any(),
            Some(Ok(v)) => {
                let locale = locale.get();
                let currency = v.order.currency_code.clone().unwrap_or_default();
                view! {
                    <dl class="facts">
                        <dt>{tr("orders-status")}</dt><dd>{v.order.status.as_ref().map(|s| s.spelling()).unwrap_or_default()}</dd>
                        <dt>{tr("orders-created")}</dt><dd>{format::timestamp(v.order.creation_date.as_ref(), locale, true)}</dd>
                        <dt>{tr("groups-billing-cycle")}</dt><dd>{v.order.billing_cycle.as_ref().map(|c| format::billing_cycle(c.value(), locale)).unwrap_or_default()}</dd>
                        <dt>{tr("orders-total")}</dt><dd>{v.order.total_price.map(|p| format::money(&p, &currency, locale)).unwrap_or_default()}</dd>
                    </dl>
                    <h3>{tr("order-lines")}</h3>
                    <table>
                        <thead><tr>
                            <th scope="col">"#"</th><th scope="col">{tr("order-offer")}</th><th scope="col">{tr("line-quantity")}</th>
                            <th scope="col">{tr("line-term")}</th><th scope="col">{tr("order-provisioning")}</th><th scope="col">{tr("order-activation")}</th>
                        </tr></thead>
                        <tbody>
                            {v.order.line_items.clone().unwrap_or_default().into_iter().map(|line| {
                                let number = line.line_item_number.unwrap_or_default();
                                let status = v.provisioning.iter().find(|p| p.line_item_number == Some(number)).and_then(|p| p.status.as_ref()).map(|s| s.spelling()).unwrap_or_default();
                                let links: Vec<(String, String)> = v.activation_links.iter().find(|(n, _)| *n == number).map(|(_, l)| l.iter().filter_map(|link| {
                                    let uri = link["uri"].as_str().or_else(|| link["link"]["uri"].as_str())?.to_owned();
                                    Some((link["title"].as_str().unwrap_or(uri.as_str()).to_owned(), uri))
                                }).collect()).unwrap_or_default();
                                view! {
                                    <tr>
                                        <td>{number}</td>
                                        <td>{line.friendly_name.clone().unwrap_or_default()}<br/><code>{line.offer_id.as_ref().map(|o| o.as_str().to_owned()).unwrap_or_default()}</code></td>
                                        <td class="num">{line.quantity.unwrap_or_default()}</td>
                                        <td>{line.term_duration.as_deref().map(|d| format::term(d, locale)).unwrap_or_default()}</td>
                                        <td>{status}</td>
                                        <td>{links.into_iter().map(|(title, uri)| view! { <a href=uri rel="noopener noreferrer" target="_blank">{title}</a> }).collect_view()}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    <h3>{tr("order-billing")}</h3>
                    {if v.billing.is_empty() {
                        view! { <p>{tr("order-billing-none")}</p> }.into_any()
                    } else {
                        view! {
                            <table class="order-billing">
                                <thead><tr>
                                    <th scope="col">{tr("unbilled-product")}</th><th scope="col">{tr("line-quantity")}</th>
                                    <th scope="col">{tr("unbilled-amount")}</th><th scope="col">{tr("invoice-id")}</th>
                                </tr></thead>
                                <tbody>
                                    {v.billing.clone().into_iter().map(|l| {
                                        let order_id = l.order_id.clone().unwrap_or_default();
                                        let currency = l.currency.clone().unwrap_or_default();
                                        let invoice = l.invoice_number.clone().filter(|n| !n.is_empty());
                                        view! {
                                            <tr>
                                                <td>{l.product_name.clone().unwrap_or_default()}</td>
                                                <td class="num">{crate::pages::unbilled::quantity(l.quantity)}</td>
                                                <td class="num">{l.total_for_customer.map(|p| format::money(&p, &currency, locale)).unwrap_or_default()}</td>
                                                <td>{match invoice {
                                                    Some(id) => view! { <A href=route(&format!("/billing/{id}"))>{id.clone()}</A> }.into_any(),
                                                    None => view! { <A href=route(&unbilled_href(&currency, BillingPeriod::Current, Some(&order_id)))>{tr("order-billing-unbilled")}</A> }.into_any(),
                                                }}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                    <h3>{tr("order-subscriptions")}</h3>
                    {if v.subscriptions.is_empty() {
                        view! { <p>{tr("order-subscriptions-none")}</p> }.into_any()
                    } else {
                        view! {
                            <ul>{v.subscriptions.into_iter().map(|s| view! {
                                <li>{s.friendly_name.clone().or(s.offer_name.clone()).unwrap_or_default()} " · " <code>{s.id.as_ref().map(|i| i.as_str().to_owned()).unwrap_or_default()}</code></li>
                            }).collect_view()}</ul>
                        }.into_any()
                    }}
                }.into_any()
            }
        }}
    }
    .into_any()
}
