//! Orders of a customer: the order list (all pages), filterable by billing cycle, with the orders
//! Partner Center does not list yet (it can lag up to 15 minutes) shown as "pending listing": those
//! placed from this browser, and those the customer's subscriptions name by `orderId` (read by ID),
//! so an order placed elsewhere does not look missing while its subscriptions are listed.

use leptos::prelude::*;
use leptos_router::components::A;
use pc_core::models::Order;

use crate::api;
use crate::errors::ProblemAlert;
use crate::format;
use crate::i18n::{t, t_numbers};
use crate::pages::customer::{SignInFirst, use_customer};
use crate::session::use_session;
use crate::state::PlacedOrders;
use crate::{Localized, Page, route, tr, use_locale};

/// Orders placed from this browser that `listed` does not contain yet.
pub fn pending_listing(placed: Vec<Order>, listed: &[Order]) -> Vec<Order> {
    placed
        .into_iter()
        .filter(|p| !listed.iter().any(|l| l.id == p.id))
        .collect()
}

/// `pending` followed by the orders of `known` (read by ID) that neither `pending` nor `listed`
/// contains (order IDs compared without case).
pub fn with_known_orders(
    mut pending: Vec<Order>,
    known: Vec<Order>,
    listed: &[Order],
) -> Vec<Order> {
    let id_of = |o: &Order| {
        o.id.as_ref()
            .map(|i| i.as_str().trim().to_ascii_lowercase())
    };
    for order in known {
        let Some(id) = id_of(&order) else { continue };
        if listed
            .iter()
            .chain(pending.iter())
            .any(|o| id_of(o).as_deref() == Some(id.as_str()))
        {
            continue;
        }
        pending.push(order);
    }
    pending
}

/// The orders page.
#[component]
pub fn Orders() -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return view! { <SignInFirst/> }.into_any();
    };
    let session = use_session();
    let locale = use_locale();
    let cycle = RwSignal::new(String::new());
    let base = StoredValue::new(route::base());
    let orders = LocalResource::new(move || {
        let session = session.get();
        let (customer_id, cycle) = (ctx.id.get(), cycle.get());
        async move {
            let session = session.ok_or_else(|| Localized::key("sign-in-first"))?;
            api::orders(&session.client, &customer_id, &cycle)
                .await
                .map_err(Localized::from)
        }
    });
    let row = move |order: Order, pending: bool| {
        let id = order
            .id
            .as_ref()
            .map(|i| i.as_str().to_owned())
            .unwrap_or_default();
        let href = format!(
            "{}{}",
            base.get_value(),
            Page::Order {
                customer_id: &ctx.id.get_untracked(),
                order_id: &id
            }
            .path()
        );
        let currency = order.currency_code.clone().unwrap_or_default();
        let locale = locale.get();
        view! {
            <tr>
                <td><A href=href>{id.clone()}</A></td>
                <td>{format::timestamp(order.creation_date.as_ref(), locale, true)}</td>
                <td>{order.billing_cycle.as_ref().map(|c| format::billing_cycle(c.value(), locale)).unwrap_or_default()}</td>
                <td>{crate::pages::order::order_status_text(&order, locale)}</td>
                <td class="num">{order.total_price.map(|p| format::money(&p, &currency, locale)).unwrap_or_default()}</td>
                <td>{pending.then(|| view! { <span class="badge">{t(locale, "orders-pending-listing")}</span> })}</td>
            </tr>
        }
    };
    view! {
        <h2>{tr("orders-title")}</h2>
        <label for="order-cycle">{tr("orders-by-cycle")}</label>
        <select id="order-cycle" on:change=move |ev| cycle.set(event_target_value(&ev))>
            <option value="">{tr("orders-all-cycles")}</option>
            <option value="monthly">{tr("cycle-monthly")}</option>
            <option value="annual">{tr("cycle-annual")}</option>
            <option value="one_time">{tr("cycle-one-time")}</option>
        </select>
        {move || match orders.get() {
            None => view! { <p aria-live="polite">{tr("loading")}</p> }.into_any(),
            Some(Err(problem)) => view! { <ProblemAlert problem/> }.into_any(),
            Some(Ok((listed, known))) => {
                let placed = if cycle.get().is_empty() {
                    pending_listing(PlacedOrders::load().for_customer(&ctx.id.get()), &listed)
                } else {
                    Vec::new()
                };
                let placed_here = placed.len();
                let pending = with_known_orders(placed, known, &listed);
                let elsewhere = pending.len().saturating_sub(placed_here);
                if listed.is_empty() && pending.is_empty() {
                    return view! { <p>{tr("orders-none")}</p> }.into_any();
                }
                view! {
                    {(placed_here > 0).then(|| view! { <p class="muted">{t_numbers(locale.get(), "orders-pending-note", &[], &[("count", i64::try_from(placed_here).unwrap_or(i64::MAX))])}</p> })}
                    {(elsewhere > 0).then(|| view! { <p class="muted">{t_numbers(locale.get(), "orders-pending-subscriptions-note", &[], &[("count", i64::try_from(elsewhere).unwrap_or(i64::MAX))])}</p> })}
                    <table class="orders">
                        <thead><tr>
                            <th scope="col">{tr("orders-id")}</th><th scope="col">{tr("orders-created")}</th>
                            <th scope="col">{tr("groups-billing-cycle")}</th><th scope="col">{tr("orders-status")}</th>
                            <th scope="col">{tr("orders-total")}</th><th scope="col"><span class="sr-only">{tr("orders-listing")}</span></th>
                        </tr></thead>
                        <tbody>
                            {pending.into_iter().map(|o| row(o, true)).collect_view()}
                            {listed.into_iter().map(|o| row(o, false)).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }
        }}
    }
    .into_any()
}
