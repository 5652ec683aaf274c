//! Cart: the draft's lines with quantity, term, billing cycle, provisioning context,
//! attestation and inventory check; live findings from pc-core with the Partner Center code each
//! prevents; the order-group preview. The cart is created or updated at Partner Center on its own
//! ([`CartPage`]'s pricing: 700 ms after the last edit, one request at a time, only while every
//! quantity is valid), so each line shows its unit price, period and total and the cart a total
//! per currency. "Review order" ([`review`]) shows what will be ordered and the statements made;
//! "Place order" there checks out (journaled, so a reload resumes it), then [`result`] shows the
//! orders created and what happens next.
//!
//! Files: `line.rs` (a line's editor and its provisioning fields), `inventory.rs` (the inventory
//! check), `review.rs` (the review step), `result.rs` (the confirmation).

pub mod inventory;
pub mod line;
pub mod result;
pub mod review;

use std::collections::BTreeMap;
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::A;
use pc_core::models::{Cart, CartLineItem, Decimal};
use pc_core::rules::{FindingCode, Severity, Validation};

use crate::components::findings::FindingList;
use crate::errors::purchase_refusal;
use crate::format;
use crate::i18n::{t, t_numbers, t_with};
use crate::pages::customer::{SignInFirst, loaded, use_customer};
use crate::session::use_session;
use crate::state::{CartDraft, CheckoutOutcome, PlacedOrders};
use crate::{Localized, Page, route, tr, use_last_checkout, use_locale};

use line::LineEditor;
use result::CheckoutResult;
use review::ReviewOrder;

/// How long the cart waits after the last edit before it is sent to Partner Center for prices.
const PRICING_DELAY: Duration = Duration::from_millis(700);

/// The sum of the lines' `pricing.extendedPrice` per currency (the lines' `currencyCode`, ISO
/// 4217), in currency-code order: one `(currency, total)` per currency the cart's lines are in.
/// Lines without a price count for nothing.
pub(crate) fn totals(lines: &[CartLineItem]) -> Vec<(String, Decimal)> {
    let mut out: BTreeMap<String, Decimal> = BTreeMap::new();
    for line in lines {
        let Some(amount) = line.pricing.as_ref().and_then(|p| p.extended_price) else {
            continue;
        };
        let currency = line
            .currency_code
            .as_deref()
            .unwrap_or_default()
            .trim()
            .to_ascii_uppercase();
        let total = out.entry(currency).or_default();
        *total = total.checked_add(amount).unwrap_or(*total);
    }
    out.into_iter().collect()
}

/// The cart page.
#[component]
pub fn CartPage() -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return view! { <SignInFirst/> }.into_any();
    };
    let session = use_session();
    let locale = use_locale();
    let last_checkout = use_last_checkout();
    let hooks = StoredValue::new_local(crate::embed::use_hooks());
    let draft = ctx.draft;
    // The clock for expiry (cart-level findings and the countdown), ticking every second.
    let now = crate::ticking_clock(format::now, Duration::from_secs(1));
    let minute = Memo::new(move |_| now.get().timestamp() / 60);
    let validation = Memo::new(move |_| {
        minute.track();
        // Without the partner's profile the rules cannot run (the gate says why).
        let Some(partner) = session.partner() else {
            return Validation::default();
        };
        let Some(data) = loaded(&ctx) else {
            return Validation::default();
        };
        draft.with(|d| d.validate(&partner, &data, format::now()))
    });
    let cart_findings = Signal::derive(move || {
        validation.with(|v| {
            v.findings
                .iter()
                .filter(|f| f.line_item_id.is_none())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // Partner Center's line errors on the saved cart are problems like the findings: listed
    // with them, counted, and they keep "Place order" disabled.
    let server_errors = Memo::new(move |_| draft.with(CartDraft::server_errors));
    let error_count = Memo::new(move |_| {
        validation.with(|v| {
            v.findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count()
        }) + server_errors.with(Vec::len)
    });
    // Nothing is sent to Partner Center while a quantity is refused (missing, not a whole
    // number, or outside the SKU's limits): pc-core's quantity rule, as the boxes show it.
    let quantities_ok = Memo::new(move |_| {
        draft.with(|d| d.lines.iter().all(|l| l.quantity.is_some()))
            && validation.with(|v| {
                !v.findings
                    .iter()
                    .any(|f| f.code == FindingCode::QuantityOutOfRange)
            })
    });
    // The lines whose pricing Partner Center refused last: not sent again until they change
    // (a refusal for the user's role would otherwise repeat every 700 ms).
    let refused_lines: RwSignal<Option<Vec<CartLineItem>>> = RwSignal::new(None);

    let store = session;
    let save = Action::new_local(move |_: &()| {
        let session = session.session_untracked();
        let snapshot = draft.get_untracked();
        let customer_id = ctx.id.get_untracked();
        let roles = store.roles();
        let quantities_ok = quantities_ok.get_untracked();
        async move {
            if !quantities_ok {
                return Err(Localized::key("cart-fix-quantities"));
            }
            let session = session.ok_or_else(|| Localized::key("sign-in-first"))?;
            let cart = snapshot.cart();
            let carts = session.client.carts();
            let saved = if cart.id.is_some() {
                carts.update(&customer_id, &cart).await
            } else {
                carts.create(&customer_id, &cart).await
            };
            let saved = match saved {
                Ok(saved) => saved,
                Err(error) => {
                    refused_lines.set(Some(snapshot.lines));
                    return Err(purchase_refusal(error, roles));
                }
            };
            refused_lines.set(None);
            draft.update(|d| {
                if d.lines == snapshot.lines {
                    d.saved = Some(saved);
                } else {
                    // A stale answer (the lines changed meanwhile): its prices are dropped, its
                    // cart's ID kept, so the next save updates that cart instead of making another.
                    d.saved = Some(Cart {
                        id: saved.id,
                        expiration_timestamp: saved.expiration_timestamp,
                        ..Cart::default()
                    });
                }
            });
            Ok::<(), Localized>(())
        }
    });
    let saved = Memo::new(move |_| draft.with(CartDraft::is_saved));
    // Whether the lines wait for prices: some lines, every quantity valid, not priced yet.
    let needs_pricing = Memo::new(move |_| {
        quantities_ok.get() && !saved.get() && draft.with(|d| !d.lines.is_empty())
    });
    // Whether prices are on their way (shown as "Pricing…"), not refused.
    let pricing = Signal::derive(move || {
        needs_pricing.get()
            && (save.pending().get()
                || !refused_lines.with(|r| draft.with(|d| r.as_ref() == Some(&d.lines))))
    });
    // Automatic pricing: every change of the lines restarts the wait; when it is over and no save
    // is in flight, the cart is sent. A save in flight is never raced: when it ends this runs
    // again and, if the lines changed meanwhile, sends the newest ones after the wait.
    let timer: StoredValue<Option<TimeoutHandle>, LocalStorage> = StoredValue::new_local(None);
    let stop_timer = move || {
        timer.update_value(|t| {
            if let Some(handle) = t.take() {
                handle.clear();
            }
        });
    };
    Effect::new(move |_| {
        let lines = draft.with(|d| d.lines.clone());
        let in_flight = save.pending().get();
        let wanted = needs_pricing.get();
        let refused = refused_lines.with(|r| r.as_ref() == Some(&lines));
        stop_timer();
        if in_flight || !wanted || refused {
            return;
        }
        let send = move || {
            timer.set_value(None);
            if !save.pending().get_untracked() && needs_pricing.get_untracked() {
                save.dispatch(());
            }
        };
        if let Ok(handle) = set_timeout_with_handle(send, PRICING_DELAY) {
            timer.set_value(Some(handle));
        }
    });
    on_cleanup(stop_timer);
    // An expired cart cannot be checked out: forget it, so a new one is created and priced.
    Effect::new(move |_| {
        minute.track();
        let expired = draft.with_untracked(|d| {
            d.saved
                .as_ref()
                .and_then(|c| c.expiration_timestamp.as_ref())
                .and_then(|e| e.instant())
                .is_some_and(|e| e <= format::now())
        });
        if expired {
            draft.update(|d| d.saved = None);
        }
    });

    let reviewing = RwSignal::new(false);
    let checkout = Action::new_local(move |_: &()| {
        let session = session.session_untracked();
        let snapshot = draft.get_untracked();
        let customer_id = ctx.id.get_untracked();
        let roles = store.roles();
        async move {
            let locale = locale.get_untracked();
            let Some(session) = session else {
                return;
            };
            let Some(cart_id) = snapshot.saved.as_ref().and_then(|c| c.id.clone()) else {
                return;
            };
            let result = session
                .client
                .carts()
                .checkout(&customer_id, cart_id.as_str())
                .await;
            let result = match result {
                Ok(result) => {
                    let orders = result.orders.as_deref().unwrap_or_default();
                    PlacedOrders::record(&customer_id, orders);
                    hooks.with_value(|h| h.orders_placed(&customer_id, orders));
                    draft.set(CartDraft::new(&customer_id));
                    Ok(result)
                }
                Err(error) => {
                    let text = purchase_refusal(error, roles);
                    hooks.with_value(|h| h.error(&text.text(locale)));
                    Err(text)
                }
            };
            reviewing.set(false);
            last_checkout.set(Some(CheckoutOutcome {
                customer_id,
                draft: snapshot,
                result,
                resumed: false,
            }));
        }
    });
    let can_checkout = Signal::derive(move || {
        saved.get()
            && quantities_ok.get()
            && error_count.get() == 0
            && !checkout.pending().get()
            && !save.pending().get()
    });
    let outcome = move || {
        last_checkout
            .get()
            .filter(|o| o.customer_id == ctx.id.get())
    };
    // What the cart's pricing is doing, for the live region under the totals.
    let pricing_error = move || match save.value().get() {
        Some(Err(reason)) if !saved.get() && !save.pending().get() => Some(reason),
        _ => None,
    };

    let editor = move || {
        view! {
            <ol class="lines">
                <For each=move || draft.with(|d| d.lines.iter().filter_map(|l| l.id).collect::<Vec<_>>()) key=|id| *id let:id>
                    <LineEditor line_id=id validation=validation pricing=pricing/>
                </For>
            </ol>
            <CartTotals pricing=pricing/>
            <div class="pricing-status" role="status" aria-live="polite">
                {move || if save.pending().get() {
                    Some(view! { <p class="muted">{tr("cart-saving")}</p> }.into_any())
                } else if let Some(reason) = pricing_error() {
                    Some(view! {
                        <div class="error">
                            <p>{tr("cart-pricing-failed")}</p>
                            <p>{move || reason.text(locale.get())}</p>
                        </div>
                    }.into_any())
                } else if saved.get() {
                    Some(view! { <p class="muted">{tr("cart-saved")}</p> }.into_any())
                } else {
                    None
                }}
            </div>
            <section aria-labelledby="findings-title" class="panel">
                <h3 id="findings-title">{tr("findings-title")}</h3>
                <FindingList findings=cart_findings/>
                <Show when=move || !server_errors.with(Vec::is_empty)>
                    <ul class="findings server-errors">
                        {move || server_errors.get().into_iter().map(|(line_id, code, description)| {
                            let name = draft.with(|d| d.lines.iter().find(|l| l.id == Some(line_id)).and_then(|l| l.friendly_name.clone()).unwrap_or_default());
                            let text = t_with(locale.get(), "cart-server-line-error", &[("name", name), ("code", code.clone()), ("description", description)]);
                            view! {
                                <li class="finding error" data-code=code>
                                    {text}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </Show>
                <p aria-live="polite" class=move || if error_count.get() == 0 { "ok" } else { "error" }>
                    {move || if error_count.get() == 0 { t(locale.get(), "findings-none") } else { t_numbers(locale.get(), "findings-count", &[], &[("count", i64::try_from(error_count.get()).unwrap_or(i64::MAX))]) }}
                </p>
            </section>
            <OrderGroupPreview validation=validation/>
            <section class="panel actions" aria-labelledby="submit-title">
                <h3 id="submit-title">{tr("cart-submit-title")}</h3>
                {move || draft.with(|d| d.saved.as_ref().and_then(|c| c.expiration_timestamp.as_ref()).and_then(|e| e.instant())).map(|expires| {
                    let left = expires - now.get();
                    view! { <p class="muted">{countdown(left, locale.get())}</p> }
                })}
                <Show when=move || !quantities_ok.get()>
                    <p id="review-blocked" class="error">{tr("cart-fix-quantities")}</p>
                </Show>
                <button type="button" class="primary" on:click=move |_| reviewing.set(true)
                    aria-describedby=move || (!quantities_ok.get()).then_some("review-blocked")
                    disabled=move || !can_checkout.get()>
                    {tr("checkout-review")}
                </button>
            </section>
        }
    };

    view! {
        <h2>{tr("cart-title")}</h2>
        {move || outcome().map(|o| view! { <CheckoutResult outcome=o/> })}
        <Show when=move || !draft.with(|d| d.lines.is_empty()) fallback=move || view! {
            <p>{tr("cart-empty")} " " <A href={ let base = route::base(); move || format!("{base}{}", Page::Catalog(&ctx.id.get()).path()) }>{tr("tab-catalog")}</A></p>
        }>
            <Show when=move || reviewing.get() fallback=editor>
                <ReviewOrder validation=validation can_place=can_checkout
                    placing=Signal::derive(move || checkout.pending().get())
                    on_back=Callback::new(move |()| reviewing.set(false))
                    on_place=Callback::new(move |()| { checkout.dispatch(()); })/>
            </Show>
        </Show>
    }
    .into_any()
}

/// The cart's total per currency (the saved cart's `extendedPrice`s summed by `currencyCode`):
/// one row per currency; "Pricing…" while the lines wait for Partner Center's prices, nothing
/// when there are none.
#[component]
fn CartTotals(
    /// Whether prices are on their way.
    pricing: Signal<bool>,
) -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return ().into_any();
    };
    let draft = ctx.draft;
    let sums = Memo::new(move |_| draft.with(|d| totals(d.priced_lines())));
    view! {
        <section class="panel totals" aria-labelledby="totals-title">
            <h3 id="totals-title">{tr("cart-total-title")}</h3>
            <div aria-live="polite">
                {move || if sums.with(Vec::is_empty) {
                    view! {
                        <p class="muted">{move || if pricing.get() { tr("cart-price-pending")() } else { tr("cart-price-missing")() }}</p>
                    }.into_any()
                } else {
                    view! { <TotalsTable sums=sums/> }.into_any()
                }}
            </div>
        </section>
    }
    .into_any()
}

/// The totals per currency as a table: currency, total (formatted with `Intl`).
#[component]
fn TotalsTable(
    /// `(currency, total)` pairs, as [`totals`] gives them.
    #[prop(into)]
    sums: Signal<Vec<(String, Decimal)>>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <table class="totals">
            <thead><tr><th scope="col">{tr("cart-total-currency")}</th><th scope="col">{tr("cart-total-amount")}</th></tr></thead>
            <tbody>
                {move || sums.get().into_iter().map(|(currency, total)| {
                    let amount = format::money(&total, &currency, locale.get());
                    view! { <tr><th scope="row">{currency}</th><td class="amount">{amount}</td></tr> }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// "The cart expires in 6 days, 23 hours, 59 minutes, 12 seconds" or "expired".
fn countdown(left: chrono::TimeDelta, locale: crate::i18n::Locale) -> String {
    if left <= chrono::TimeDelta::zero() {
        return t(locale, "cart-expired");
    }
    t_with(
        locale,
        "cart-expires-in",
        &[("left", format::time_left(left, locale))],
    )
}

/// The order-group preview: which orders this cart becomes.
#[component]
fn OrderGroupPreview(validation: Memo<Validation>) -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return ().into_any();
    };
    let locale = use_locale();
    view! {
        <section aria-labelledby="groups-title" class="panel">
            <h3 id="groups-title">{tr("groups-title")}</h3>
            <table class="groups">
                <thead><tr><th scope="col">{tr("groups-order")}</th><th scope="col">{tr("groups-billing-cycle")}</th><th scope="col">{tr("groups-lines")}</th></tr></thead>
                <tbody>
                    {move || validation.get().order_groups.into_iter().map(|g| {
                        let names = ctx.draft.with(|d| g.line_item_ids.iter().filter_map(|id| d.lines.iter().find(|l| l.id == Some(*id))).map(|l| l.friendly_name.clone().unwrap_or_default()).collect::<Vec<_>>().join(", "));
                        view! {
                            <tr>
                                <td>{format::ordinal(&g.order_group)}</td>
                                <td>{g.billing_cycle.as_ref().map(|c| format::billing_cycle(c, locale.get())).unwrap_or_else(|| t(locale.get(), "cycle-none"))}</td>
                                <td>{names}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use pc_core::models::Pricing;

    use super::*;

    fn line(currency: &str, extended: Option<Decimal>) -> CartLineItem {
        CartLineItem {
            currency_code: Some(currency.to_owned()),
            pricing: extended.map(|e| Pricing {
                extended_price: Some(e),
                ..Pricing::default()
            }),
            ..CartLineItem::default()
        }
    }

    #[test]
    fn the_total_is_summed_per_currency_and_unpriced_lines_add_nothing() {
        let lines = [
            line("usd", Some(Decimal::new(3000, 2))),
            line("EUR", Some(Decimal::new(1250, 2))),
            line("USD", Some(Decimal::new(1505, 2))),
            line("USD", None),
        ];
        assert_eq!(
            totals(&lines),
            vec![
                ("EUR".to_owned(), Decimal::new(1250, 2)),
                ("USD".to_owned(), Decimal::new(4505, 2)),
            ]
        );
        assert!(totals(&[]).is_empty());
    }
}
