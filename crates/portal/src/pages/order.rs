//! One order: its lines with provisioning status, the subscriptions it created and each line's
//! activation links.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use pc_core::models::{Order, OrderLineItemProvisioningStatus, Subscription};

use crate::errors::explain;
use crate::format;
use crate::i18n::{t, t_with};
use crate::pages::customer::{SignInFirst, use_customer};
use crate::session::use_session;
use crate::{tr, use_locale};

/// Everything the order page shows.
#[derive(Clone)]
struct OrderView {
    order: Order,
    provisioning: Vec<OrderLineItemProvisioningStatus>,
    subscriptions: Vec<Subscription>,
    activation_links: Vec<(i64, Vec<serde_json::Value>)>,
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
            Ok::<_, String>(OrderView {
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
