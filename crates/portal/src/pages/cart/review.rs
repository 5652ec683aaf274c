//! The review step between the cart and the order: per order group (pc-core's
//! `Validation.order_groups`, counted from 1) the products it orders with quantity, term, billing
//! cycle and line total; the totals per currency; the statements made by ordering (the customer's
//! Microsoft Customer Agreement acceptance, the attestations accepted); then "Back to cart" or
//! "Place order".

use leptos::prelude::*;
use pc_core::models::{CartLineItem, Decimal};
use pc_core::rules::Validation;

use super::{TotalsTable, totals};
use crate::format;
use crate::i18n::{t, t_with};
use crate::pages::customer::{loaded, use_customer};
use crate::{tr, use_locale};

/// The review of the priced cart before it is ordered. Focus moves to its heading when it opens.
#[component]
pub fn ReviewOrder(
    /// pc-core's findings and order groups for the draft.
    validation: Memo<Validation>,
    /// Whether "Place order" may be pressed (priced, no problem, nothing in flight).
    can_place: Signal<bool>,
    /// Whether the checkout is running.
    placing: Signal<bool>,
    /// Back to the cart's editor.
    on_back: Callback<()>,
    /// Places the order (the journaled checkout).
    on_place: Callback<()>,
) -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return ().into_any();
    };
    let locale = use_locale();
    let draft = ctx.draft;
    // The saved cart's lines (with Partner Center's prices), while they match the draft.
    let priced = Memo::new(move |_| draft.with(|d| d.priced_lines().to_vec()));
    let sums = Signal::derive(move || priced.with(|lines| totals(lines)));
    let group_count = move || validation.with(|v| v.order_groups.len());
    let data = loaded(&ctx);
    let customer = data
        .as_ref()
        .and_then(|d| d.customer.company_name().map(str::to_owned))
        .unwrap_or_default();
    // The Microsoft Customer Agreement statement, with the signer and date when the data has them.
    let agreement = {
        let customer = customer.clone();
        move || {
            let locale = locale.get();
            let accepted = data.as_ref().and_then(|d| {
                d.agreements
                    .iter()
                    .find(|a| a.is_customer_agreement())
                    .cloned()
            });
            let Some(agreement) = accepted else {
                return t_with(
                    locale,
                    "review-agreement-missing",
                    &[("customer", customer.clone())],
                );
            };
            let signer = agreement
                .primary_contact
                .as_ref()
                .map(|c| {
                    [c.first_name.as_deref(), c.last_name.as_deref()]
                        .into_iter()
                        .flatten()
                        .map(str::trim)
                        .filter(|n| !n.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            let date = format::timestamp(agreement.date_agreed.as_ref(), locale, false);
            let key = match (signer.is_empty(), date.is_empty()) {
                (false, false) => "review-agreement-signed",
                (true, false) => "review-agreement-dated",
                _ => "review-agreement",
            };
            t_with(
                locale,
                key,
                &[
                    ("customer", customer.clone()),
                    ("name", signer),
                    ("date", date),
                ],
            )
        }
    };
    // The lines whose attestation is accepted, by name.
    let attested = move || {
        draft.with(|d| {
            d.lines
                .iter()
                .filter(|l| l.attestation_accepted == Some(true))
                .map(|l| l.friendly_name.clone().unwrap_or_default())
                .collect::<Vec<_>>()
        })
    };
    let heading_ref = NodeRef::<leptos::html::H3>::new();
    Effect::new(move |_| {
        if let Some(h) = heading_ref.get() {
            let _ = h.focus();
        }
    });
    view! {
        <section class="panel review" aria-labelledby="review-title">
            <h3 id="review-title" tabindex="-1" node_ref=heading_ref>{tr("review-title")}</h3>
            <p>{move || t_with(locale.get(), "review-groups-count", &[("count", group_count().to_string()), ("customer", customer.clone())])}</p>
            {move || validation.get().order_groups.into_iter().map(|g| {
                let number = format::ordinal(&g.order_group);
                let title_id = format!("review-group-{}", g.order_group.trim());
                let labelled_by = title_id.clone();
                let cycle = g.billing_cycle.as_ref().map(|c| format::billing_cycle(c, locale.get())).unwrap_or_else(|| t(locale.get(), "cycle-none"));
                let rows: Vec<(CartLineItem, Option<CartLineItem>)> = g.line_item_ids.iter().filter_map(|id| {
                    let line = draft.with(|d| d.lines.iter().find(|l| l.id == Some(*id)).cloned())?;
                    let price = priced.with(|p| p.iter().find(|l| l.id == Some(*id)).cloned());
                    Some((line, price))
                }).collect();
                view! {
                    <section class="review-group" aria-labelledby=labelled_by>
                        <h4 id=title_id>{t_with(locale.get(), "review-group-title", &[("group", number), ("cycle", cycle)])}</h4>
                        <table class="review-lines">
                            <thead><tr>
                                <th scope="col">{tr("review-product")}</th>
                                <th scope="col">{tr("review-quantity")}</th>
                                <th scope="col">{tr("review-term")}</th>
                                <th scope="col">{tr("review-billing-cycle")}</th>
                                <th scope="col">{tr("review-line-total")}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(line, price)| {
                                    let locale = locale.get();
                                    let term = line.term_duration.as_deref().map(str::trim).filter(|d| !d.is_empty()).map(|d| format::term(d, locale)).unwrap_or_else(|| t(locale, "term-none"));
                                    let cycle = line.billing_cycle.as_ref().map(|c| format::billing_cycle(c.value(), locale)).unwrap_or_else(|| t(locale, "cycle-none"));
                                    let total = price.as_ref().and_then(|p| {
                                        let amount: Decimal = p.pricing.as_ref()?.extended_price?;
                                        Some(format::money(&amount, p.currency_code.as_deref().unwrap_or_default(), locale))
                                    }).unwrap_or_else(|| t(locale, "cart-price-missing"));
                                    view! {
                                        <tr>
                                            <th scope="row">{line.friendly_name.clone().unwrap_or_default()}</th>
                                            <td>{line.quantity.map(|q| q.to_string()).unwrap_or_default()}</td>
                                            <td>{term}</td>
                                            <td>{cycle}</td>
                                            <td class="amount">{total}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </section>
                }
            }).collect_view()}
            <section aria-labelledby="review-totals-title">
                <h4 id="review-totals-title">{tr("cart-total-title")}</h4>
                <TotalsTable sums=sums/>
            </section>
            <section aria-labelledby="review-statements-title">
                <h4 id="review-statements-title">{tr("review-statements-title")}</h4>
                <ul class="statements">
                    <li>{agreement}</li>
                    {move || attested().into_iter().map(|name| view! {
                        <li>{t_with(locale.get(), "review-attestation", &[("name", name)])}</li>
                    }).collect_view()}
                </ul>
            </section>
            <div class="actions">
                <button type="button" on:click=move |_| on_back.run(())
                    disabled=move || placing.get()>{tr("review-back")}</button>
                <button type="button" class="primary" on:click=move |_| on_place.run(())
                    disabled=move || !can_place.get()>{tr("checkout-place")}</button>
                <Show when=move || placing.get()>
                    <progress aria-label=tr("checkout-running")></progress>
                </Show>
                <p role="status" aria-live="polite">{move || if placing.get() { tr("checkout-running")() } else { String::new() }}</p>
            </div>
        </section>
    }
    .into_any()
}
