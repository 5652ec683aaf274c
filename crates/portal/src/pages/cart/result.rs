//! The confirmation after "Place order": the orders created (ID, total, a link to each order's
//! page) and what happens next, and per failed order group its error and "put these lines in a
//! new cart". Also shown for a checkout resumed after a reload (components/resume.rs).

use leptos::prelude::*;
use leptos_router::components::A;
use pc_core::models::CartCheckoutResult;

use crate::format;
use crate::i18n::{t, t_with};
use crate::pages::customer::use_customer;
use crate::state::{CartDraft, CheckoutOutcome};
use crate::{Page, route, tr, use_locale};

/// The checkout result: orders created with what happens next, and failed groups with their
/// error and "put these lines in a new cart". Focus moves to its heading when it appears.
#[component]
pub fn CheckoutResult(
    /// The checkout's outcome, as the checkout or its resumption recorded it.
    outcome: CheckoutOutcome,
) -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return ().into_any();
    };
    let locale = use_locale();
    let customer_id = outcome.customer_id.clone();
    let base = route::base();
    let placed = outcome
        .result
        .as_ref()
        .ok()
        .and_then(|r| r.orders.as_ref())
        .map_or(0, Vec::len);
    let heading = if outcome.resumed {
        "checkout-resumed-title"
    } else if placed > 0 {
        "checkout-confirmed-title"
    } else {
        "checkout-result-title"
    };
    let body = match outcome.result.clone() {
        Err(reason) => {
            view! { <p role="alert" class="error">{move || reason.text(locale.get())}</p> }
                .into_any()
        }
        Ok(CartCheckoutResult {
            orders,
            order_errors,
            ..
        }) => {
            let orders = orders.unwrap_or_default();
            let errors = order_errors.unwrap_or_default();
            let draft = StoredValue::new(outcome.draft.clone());
            let count = orders.len();
            view! {
                {(count > 0).then(|| view! {
                    <p>{move || t_with(locale.get(), "checkout-orders-count", &[("count", count.to_string())])}</p>
                })}
                <ul class="results">
                    {orders.into_iter().map(|order| {
                        let id = order.id.as_ref().map(|i| i.as_str().to_owned()).unwrap_or_default();
                        let href = format!("{base}{}", Page::Order { customer_id: &customer_id, order_id: &id }.path());
                        // In the current language, also after it is switched.
                        let (total_price, currency) = (order.total_price, order.currency_code.clone().unwrap_or_default());
                        let label = { let id = id.clone(); move || t_with(locale.get(), "checkout-see-order-named", &[("id", id.clone())]) };
                        let placed = { let id = id.clone(); move || {
                            let locale = locale.get();
                            let total = total_price.map(|p| format::money(&p, &currency, locale)).unwrap_or_default();
                            t_with(locale, "checkout-order-placed", &[("id", id.clone()), ("total", total)])
                        } };
                        view! {
                            <li class="ok">
                                {placed}
                                " " <A href=href attr:aria-label=label>{tr("checkout-see-order")}</A>
                            </li>
                        }
                    }).collect_view()}
                    {errors.into_iter().map(|error| {
                        let group = error.order_group_id.clone().unwrap_or_default();
                        let code = error.code.as_ref().and_then(|c| c.as_number());
                        let explanation_key = code.and_then(pc_client::explanation_key);
                        let explanation = move || explanation_key.map(|k| t(locale.get(), k)).unwrap_or_default();
                        let description = error.description.clone().unwrap_or_default();
                        let text = { let group = group.clone(); move || t_with(locale.get(), "checkout-group-failed", &[
                            ("group", format::ordinal(&group)),
                            ("code", code.map(|c| c.to_string()).unwrap_or_default()),
                            ("description", description.clone()),
                        ]) };
                        let group_for_retry = group.clone();
                        view! {
                            <li class="error">
                                <p>{text}</p>
                                <p>{explanation}</p>
                                <button type="button" on:click=move |_| {
                                    let lines = draft.with_value(|d| d.lines_in_group(&group_for_retry));
                                    let old = draft.get_value();
                                    ctx.draft.update(|d| {
                                        let mut next = CartDraft::new(&old.customer_id);
                                        next.catalog = old.catalog.clone();
                                        next.inventory = old.inventory.clone();
                                        next.lines = lines.clone();
                                        *d = next;
                                    });
                                }>{tr("checkout-retry-lines")}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {(count > 0).then(|| view! {
                    <section class="next-steps" aria-labelledby="next-steps-title">
                        <h4 id="next-steps-title">{tr("checkout-next-title")}</h4>
                        <ul>
                            <li>{tr("checkout-next-provisioning")}</li>
                            <li>{tr("checkout-next-subscriptions")}</li>
                            <li>{tr("checkout-next-invoice")}</li>
                        </ul>
                    </section>
                })}
            }
            .into_any()
        }
    };
    let heading_ref = NodeRef::<leptos::html::H3>::new();
    Effect::new(move |_| {
        if let Some(h) = heading_ref.get() {
            let _ = h.focus();
        }
    });
    view! {
        <section class="panel result" aria-labelledby="result-title" role="status">
            <h3 id="result-title" tabindex="-1" node_ref=heading_ref>{tr(heading)}</h3>
            {body}
        </section>
    }
    .into_any()
}
