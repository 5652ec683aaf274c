//! Cart: the draft's lines with quantity, term, billing cycle, provisioning context,
//! attestation and inventory check; live findings from pc-core with the Partner Center code each
//! prevents; the order-group preview; "review prices" (create or update the cart at Partner
//! Center, with its expiry countdown) and "place order" (checkout, journaled so a reload resumes
//! it), then the result per order group.

use std::collections::BTreeMap;
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::A;
use pc_core::enums::{BillingCycle, PurchasePrerequisite};
use pc_core::models::{CartCheckoutResult, CartLineItem, InventoryCheckRequest, inventory_context};
use pc_core::rules::{
    Finding, FindingCode, Severity, TermOption, Validation, offered_combinations, read_quantity,
};
use pc_core::wire::Spelled;

use crate::components::findings::FindingList;
use crate::components::quantity::{self, QuantityInput};
use crate::errors::{explain, explain_purchase};
use crate::format;
use crate::i18n::{t, t_with};
use crate::pages::customer::{SignInFirst, loaded, use_customer};
use crate::session::use_session;
use crate::state::{CartDraft, CheckoutOutcome, PlacedOrders, lower_camel};
use crate::{route, tr, use_last_checkout, use_locale};

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
    let now = RwSignal::new(format::now());
    if let Ok(handle) =
        set_interval_with_handle(move || now.set(format::now()), Duration::from_secs(1))
    {
        on_cleanup(move || handle.clear());
    }
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
    let status = RwSignal::new(String::new());
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

    let store = session;
    let save = Action::new_local(move |_: &()| {
        let session = session.session_untracked();
        let snapshot = draft.get_untracked();
        let customer_id = ctx.id.get_untracked();
        let roles = store.roles();
        let quantities_ok = quantities_ok.get_untracked();
        async move {
            let locale = locale.get_untracked();
            if !quantities_ok {
                return Err(t(locale, "cart-fix-quantities"));
            }
            let session = session.ok_or_else(|| t(locale, "sign-in-first"))?;
            let cart = snapshot.cart();
            let carts = session.client.carts();
            let saved = if cart.id.is_some() {
                carts.update(&customer_id, &cart).await
            } else {
                carts.create(&customer_id, &cart).await
            }
            .map_err(|e| explain_purchase(&e, locale, &roles))?;
            draft.update(|d| {
                if d.lines == snapshot.lines {
                    d.saved = Some(saved);
                }
            });
            Ok::<(), String>(())
        }
    });
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
                    let text = explain_purchase(&error, locale, &roles);
                    hooks.with_value(|h| h.error(&text));
                    Err(text)
                }
            };
            last_checkout.set(Some(CheckoutOutcome {
                customer_id,
                draft: snapshot,
                result,
                resumed: false,
            }));
        }
    });
    Effect::new(move |_| {
        let message = if save.pending().get() {
            tr("cart-saving")()
        } else if checkout.pending().get() {
            tr("checkout-running")()
        } else {
            match save.value().get() {
                Some(Err(reason)) => reason,
                _ => String::new(),
            }
        };
        status.set(message);
    });
    let saved = Memo::new(move |_| draft.with(CartDraft::is_saved));
    let can_checkout = move || {
        saved.get()
            && quantities_ok.get()
            && error_count.get() == 0
            && !checkout.pending().get()
            && !save.pending().get()
    };
    let outcome = move || {
        last_checkout
            .get()
            .filter(|o| o.customer_id == ctx.id.get())
    };

    view! {
        <h2>{tr("cart-title")}</h2>
        {move || outcome().map(|o| view! { <CheckoutResult outcome=o/> })}
        <Show when=move || !draft.with(|d| d.lines.is_empty()) fallback=move || view! {
            <p>{tr("cart-empty")} " " <A href={ let base = route(""); move || format!("{base}/customers/{}/catalog", ctx.id.get()) }>{tr("tab-catalog")}</A></p>
        }>
            <ol class="lines">
                <For each=move || draft.with(|d| d.lines.iter().filter_map(|l| l.id).collect::<Vec<_>>()) key=|id| *id let:id>
                    <LineEditor line_id=id validation=validation/>
                </For>
            </ol>
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
                    {move || if error_count.get() == 0 { t(locale.get(), "findings-none") } else { t_with(locale.get(), "findings-count", &[("count", error_count.get().to_string())]) }}
                </p>
            </section>
            <OrderGroupPreview validation=validation/>
            <section class="panel actions" aria-labelledby="submit-title">
                <h3 id="submit-title">{tr("cart-submit-title")}</h3>
                {move || draft.with(|d| d.saved.as_ref().and_then(|c| c.expiration_timestamp.as_ref()).and_then(|e| e.instant())).map(|expires| {
                    let left = expires - now.get();
                    view! { <p class="muted">{countdown(left, locale.get())}</p> }
                })}
                <p class="muted">{move || if saved.get() { tr("cart-saved")() } else { tr("cart-not-saved")() }}</p>
                <Show when=move || !quantities_ok.get()>
                    <p id="review-blocked" class="error">{tr("cart-fix-quantities")}</p>
                </Show>
                <button type="button" on:click=move |_| { save.dispatch(()); }
                    aria-describedby=move || (!quantities_ok.get()).then_some("review-blocked")
                    disabled=move || save.pending().get() || checkout.pending().get() || !quantities_ok.get()>
                    {tr("cart-review")}
                </button>
                <button type="button" class="primary" on:click=move |_| { checkout.dispatch(()); } disabled=move || !can_checkout()>
                    {tr("checkout-place")}
                </button>
                <Show when=move || checkout.pending().get()>
                    <progress aria-label=tr("checkout-running")></progress>
                </Show>
                <p role="status" aria-live="polite">{move || status.get()}</p>
            </section>
        </Show>
    }
    .into_any()
}

/// "Expires in 6 d 23 h 59 min" or "expired".
fn countdown(left: chrono::TimeDelta, locale: crate::i18n::Locale) -> String {
    if left <= chrono::TimeDelta::zero() {
        return t(locale, "cart-expired");
    }
    let minutes = left.num_minutes();
    t_with(
        locale,
        "cart-expires-in",
        &[
            ("days", (minutes / 1440).to_string()),
            ("hours", (minutes / 60 % 24).to_string()),
            ("minutes", (minutes % 60).to_string()),
        ],
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

/// One line of the draft.
#[component]
fn LineEditor(line_id: i64, validation: Memo<Validation>) -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return ().into_any();
    };
    let locale = use_locale();
    let draft = ctx.draft;
    let line = move || draft.with(|d| d.lines.iter().find(|l| l.id == Some(line_id)).cloned());
    let Some(initial) = line() else {
        return ().into_any();
    };
    let availability = draft.with_untracked(|d| d.availability_of(&initial).cloned());
    let sku = availability.as_ref().and_then(|a| a.sku.clone());
    // Only the term and billing-cycle pairs the availability offers (a P1M term is never billed
    // annually): pc-core's offered_combinations, as the subscription page's renewal offers them.
    let offered: Vec<TermOption> = availability
        .as_ref()
        .map(offered_combinations)
        .unwrap_or_default();
    let mut durations: Vec<String> = Vec::new();
    for o in &offered {
        if !o.term_duration.is_empty() && !durations.contains(&o.term_duration) {
            durations.push(o.term_duration.clone());
        }
    }
    let offered = StoredValue::new(offered);
    // The billing cycles offered with `term` (a line without a term: the perpetual ones).
    let cycles_for = move |term: &str| -> Vec<BillingCycle> {
        offered.with_value(|o| {
            o.iter()
                .filter(|o| o.term_duration.eq_ignore_ascii_case(term.trim()))
                .map(|o| o.billing_cycle.clone())
                .collect()
        })
    };
    let edit = move |f: &dyn Fn(&mut CartLineItem)| {
        draft.update(|d| {
            if let Some(l) = d.lines.iter_mut().find(|l| l.id == Some(line_id)) {
                f(l);
            }
        });
    };
    // The quantity's findings are shown at the quantity box, the others below the line.
    let is_quantity = |f: &Finding| f.code == FindingCode::QuantityOutOfRange;
    let findings = Signal::derive(move || {
        validation.with(|v| {
            v.findings_for_line(line_id)
                .filter(|f| !is_quantity(f))
                .cloned()
                .collect::<Vec<Finding>>()
        })
    });
    let quantity_text = RwSignal::new(initial.quantity.map(|q| q.to_string()).unwrap_or_default());
    // The draft's quantity changed elsewhere (another tab, a line added twice): show it.
    Effect::new(move |_| {
        let stored = line().and_then(|l| l.quantity);
        if let Some(q) = stored
            && quantity_text.with_untracked(|t| read_quantity(t).ok()) != Some(q)
        {
            quantity_text.set(q.to_string());
        }
    });
    let quantity_problem = Signal::derive(move || {
        let found: Vec<Finding> = validation.with(|v| {
            v.findings_for_line(line_id)
                .filter(|f| is_quantity(f))
                .cloned()
                .collect()
        });
        quantity_text.with(|t| quantity::problem(t, &found, locale.get()))
    });
    let name = initial.friendly_name.clone().unwrap_or_default();
    let catalog_item_id = initial
        .catalog_item_id
        .as_ref()
        .map(|c| c.as_str().to_owned())
        .unwrap_or_default();
    let quantity_id = format!("quantity-{line_id}");
    let minimum_quantity = sku.as_ref().and_then(|s| s.minimum_quantity);
    let term_id = format!("term-{line_id}");
    let cycle_id = format!("cycle-{line_id}");
    let attestation_id = format!("attestation-{line_id}");
    let enforce_attestation = sku.as_ref().is_some_and(|s| s.enforces_attestation());
    let attestation_type = sku
        .as_ref()
        .and_then(|s| s.attestation_properties.as_ref())
        .and_then(|a| a.attestation_type.clone())
        .unwrap_or_default();
    let needs_inventory = sku
        .as_ref()
        .is_some_and(|s| s.requires(&PurchasePrerequisite::InventoryCheck));
    let context_keys: Vec<String> = initial
        .provisioning_context
        .clone()
        .unwrap_or_default()
        .into_keys()
        .collect();
    let server_line = move || {
        draft.with(|d| {
            if !d.is_saved() {
                return None;
            }
            d.saved
                .as_ref()?
                .line_items
                .as_ref()?
                .iter()
                .find(|l| l.id == Some(line_id))
                .cloned()
        })
    };
    view! {
        <li class="line" aria-labelledby=format!("line-{line_id}")>
            <h3 id=format!("line-{line_id}")>{name}</h3>
            <p class="muted"><code>{catalog_item_id}</code></p>
            <div class="fields">
                <QuantityInput id=quantity_id label=Signal::derive(tr("line-quantity")) text=quantity_text
                    problem=quantity_problem minimum=minimum_quantity.unwrap_or(1)
                    on_edit=Callback::new(move |text: String| {
                        // Only a whole number reaches the draft; anything else leaves no
                        // quantity, so nothing is sent while the box is refused.
                        let value = read_quantity(&text).ok();
                        edit(&|l| l.quantity = value);
                    })/>
                {(!durations.is_empty()).then(|| view! {
                    <span class="field">
                        <label for=term_id.clone()>{tr("line-term")}</label>
                        <select id=term_id.clone() on:change=move |ev| {
                            let value = event_target_value(&ev);
                            let cycles = cycles_for(&value);
                            edit(&|l| {
                                l.term_duration = Some(value.clone());
                                // Keep the billing cycle when the new term offers it, else
                                // take the term's first.
                                let current = l.billing_cycle.as_ref().map(|c| c.value().clone());
                                if !current.is_some_and(|c| cycles.contains(&c)) {
                                    l.billing_cycle = cycles.first().cloned().map(Spelled::from);
                                }
                            });
                        }>
                            {durations.iter().map(|d| {
                                let d = d.clone();
                                let current = d.clone();
                                let value = d.clone();
                                view! { <option value=value selected=move || line().and_then(|l| l.term_duration) == Some(current.clone())>{move || format::term(&d, locale.get())}</option> }
                            }).collect_view()}
                        </select>
                    </span>
                })}
                {move || {
                    let term = line().and_then(|l| l.term_duration).unwrap_or_default();
                    let cycles = cycles_for(&term);
                    (!cycles.is_empty()).then(|| view! {
                        <span class="field">
                            <label for=cycle_id.clone()>{tr("line-billing-cycle")}</label>
                            <select id=cycle_id.clone() on:change=move |ev| {
                                let value: BillingCycle = event_target_value(&ev).parse().unwrap_or(BillingCycle::Monthly);
                                edit(&|l| l.billing_cycle = Some(Spelled::from(value.clone())));
                            }>
                                // A cycle the term does not offer (a draft from before): none is
                                // shown as chosen, so picking one is a change.
                                {(!line().and_then(|l| l.billing_cycle).is_some_and(|c| cycles.contains(c.value()))).then(|| view! {
                                    <option value="" selected disabled>{tr("choose")}</option>
                                })}
                                {cycles.iter().map(|c| {
                                    let value = c.as_str().to_owned();
                                    let current = c.clone();
                                    let shown = c.clone();
                                    view! { <option value=value selected=move || line().and_then(|l| l.billing_cycle).map(Spelled::into_value) == Some(current.clone())>{move || format::billing_cycle(&shown, locale.get())}</option> }
                                }).collect_view()}
                            </select>
                        </span>
                    })
                }}
                {context_keys.into_iter().map(|key| view! { <ProvisioningField line_id=line_id key=key/> }).collect_view()}
                {enforce_attestation.then(|| view! {
                    <span class="check">
                        <input id=attestation_id.clone() type="checkbox"
                            prop:checked=move || line().and_then(|l| l.attestation_accepted).unwrap_or(false)
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                edit(&|l| l.attestation_accepted = Some(checked));
                            }/>
                        <label for=attestation_id.clone()>{move || t_with(locale.get(), "line-attestation", &[("type", attestation_type.clone())])}</label>
                    </span>
                })}
            </div>
            {needs_inventory.then(|| view! { <InventoryCheck line_id=line_id/> })}
            {move || server_line().map(|l| {
                let currency = l.currency_code.clone().unwrap_or_default();
                view! {
                    {l.pricing.as_ref().and_then(|p| p.extended_price.or(p.price)).map(|price| view! {
                        <p class="price">{t_with(locale.get(), "line-price", &[("price", format::money(&price, &currency, locale.get()))])}</p>
                    })}
                    {l.order_group.clone().map(|g| view! { <p class="muted">{t_with(locale.get(), "line-order-group", &[("group", format::ordinal(&g))])}</p> })}
                    {l.error.as_ref().map(|e| view! {
                        <p class="error">{t_with(locale.get(), "line-server-error", &[("description", e.error_description.clone().unwrap_or_default())])}</p>
                    })}
                }
            })}
            <FindingList findings=findings/>
            <button type="button" class="link" on:click=move |_| draft.update(|d| {
                d.lines.retain(|l| l.id != Some(line_id));
            })>{tr("line-remove")}</button>
        </li>
    }
    .into_any()
}

/// One provisioning-context value of a line; `subscriptionId` picks among the customer's Azure
/// subscriptions.
#[component]
fn ProvisioningField(line_id: i64, key: String) -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return ().into_any();
    };
    let draft = ctx.draft;
    let input_id = format!("ctx-{line_id}-{key}");
    let label_key = format!("provisioning-{}", key.to_ascii_lowercase());
    let locale = use_locale();
    let label = {
        let (label_key, key) = (label_key.clone(), key.clone());
        move || {
            let text = t(locale.get(), &label_key);
            if text == label_key { key.clone() } else { text }
        }
    };
    let value = {
        let key = key.clone();
        move || {
            draft.with(|d| {
                d.lines
                    .iter()
                    .find(|l| l.id == Some(line_id))
                    .and_then(|l| l.provisioning_value(&key).map(str::to_owned))
                    .unwrap_or_default()
            })
        }
    };
    let set = {
        let key = key.clone();
        move |value: String| {
            draft.update(|d| {
                if let Some(l) = d.lines.iter_mut().find(|l| l.id == Some(line_id)) {
                    l.provisioning_context
                        .get_or_insert_with(BTreeMap::new)
                        .insert(key.clone(), value);
                }
            });
        }
    };
    let subscriptions = loaded(&ctx)
        .map(|d| d.azure_subscriptions)
        .unwrap_or_default();
    if key.eq_ignore_ascii_case("subscriptionId") {
        let set = set.clone();
        view! {
            <label for=input_id.clone()>{label}</label>
            <select id=input_id on:change=move |ev| set(event_target_value(&ev))>
                <option value="" selected={ let value = value.clone(); move || value().is_empty() }>{tr("choose")}</option>
                {subscriptions.into_iter().map(|s| {
                    let id = s.id.clone();
                    let current = id.clone();
                    let value = value.clone();
                    view! { <option value=id.clone() selected=move || value() == current>{id.clone()}</option> }
                }).collect_view()}
            </select>
        }
        .into_any()
    } else {
        view! {
            <label for=input_id.clone()>{label}</label>
            <input id=input_id prop:value=value on:change=move |ev| set(event_target_value(&ev))/>
        }
        .into_any()
    }
}

/// The inventory check of a line whose SKU needs one: its variables as a small form.
#[component]
fn InventoryCheck(line_id: i64) -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return ().into_any();
    };
    let session = use_session();
    let locale = use_locale();
    let draft = ctx.draft;
    let customer_id = ctx.id.get_untracked();
    // What pc-core knows of the line's check (customer, Azure subscription, SKU region), as the
    // server checks it at checkout; the other variables are the user's to fill in.
    let Some((availability, known)) = draft.with_untracked(|d| {
        let line = d.lines.iter().find(|l| l.id == Some(line_id))?;
        let availability = d.availability_of(line)?.clone();
        let known = inventory_context(&customer_id, line, &availability);
        Some((availability, known))
    }) else {
        return ().into_any();
    };
    let sku = availability.sku.clone().unwrap_or_default();
    let variables: Vec<(String, RwSignal<String>)> = sku
        .inventory_variables
        .clone()
        .unwrap_or_default()
        .into_iter()
        .map(|name| {
            let key = lower_camel(&name);
            let initial = known
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(&key))
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            (key, RwSignal::new(initial))
        })
        .collect();
    // The Azure subscription to check follows the one chosen for the line.
    if let Some((_, signal)) = variables
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("azureSubscriptionId"))
    {
        let signal = *signal;
        Effect::new(move |_| {
            let chosen = draft.with(|d| {
                d.lines
                    .iter()
                    .find(|l| l.id == Some(line_id))
                    .and_then(|l| l.provisioning_value("subscriptionId").map(str::to_owned))
            });
            if let Some(chosen) = chosen.filter(|c| !c.is_empty()) {
                signal.set(chosen);
            }
        });
    }
    let variables = StoredValue::new(variables);
    let country = loaded(&ctx).map(|d| d.country()).unwrap_or_default();
    let result = RwSignal::new(String::new());
    let run = Action::new_local(move |_: &()| {
        let session = session.session_untracked();
        let availability = availability.clone();
        let country = country.clone();
        let context: BTreeMap<String, String> = variables.with_value(|v| {
            v.iter()
                .map(|(k, s)| (k.clone(), s.get_untracked()))
                .collect()
        });
        async move {
            let locale = locale.get_untracked();
            let Some(session) = session else {
                return;
            };
            let request = InventoryCheckRequest::for_availability(&availability, context);
            match session.client.inventory().check(&request, &country).await {
                Ok(items) => {
                    let restricted = items.iter().any(|i| i.is_restricted == Some(true));
                    result.set(t(
                        locale,
                        if restricted {
                            "inventory-restricted"
                        } else {
                            "inventory-available"
                        },
                    ));
                    draft.update(|d| {
                        d.inventory.retain(|i| {
                            !(i.product_id == availability.product_id
                                && i.sku_id == availability.sku_id)
                        });
                        d.inventory.extend(items);
                    });
                }
                Err(e) => result.set(explain(&e, locale)),
            }
        }
    });
    view! {
        <form class="inventory" on:submit=move |ev| { ev.prevent_default(); run.dispatch(()); }>
            <fieldset>
                <legend>{tr("inventory-title")}</legend>
                {variables.get_value().into_iter().map(|(name, signal)| {
                    let id = format!("inv-{line_id}-{name}");
                    let key = format!("inventory-{}", name.to_ascii_lowercase());
                    let label = {
                        let (key, name) = (key.clone(), name.clone());
                        move || { let text = t(locale.get(), &key); if text == key { name.clone() } else { text } }
                    };
                    view! {
                        <label for=id.clone()>{label}</label>
                        <input id=id required bind:value=signal/>
                    }
                }).collect_view()}
                <button type="submit" disabled=move || run.pending().get()>{tr("inventory-run")}</button>
                <p aria-live="polite">{move || result.get()}</p>
            </fieldset>
        </form>
    }
    .into_any()
}

/// The checkout result per order group: orders created, and failed groups with their error and
/// "put these lines in a new cart".
#[component]
fn CheckoutResult(outcome: CheckoutOutcome) -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return ().into_any();
    };
    let locale = use_locale();
    let customer_id = outcome.customer_id.clone();
    let base = route("");
    let heading = if outcome.resumed {
        "checkout-resumed-title"
    } else {
        "checkout-result-title"
    };
    let body = match outcome.result.clone() {
        Err(reason) => view! { <p role="alert" class="error">{reason}</p> }.into_any(),
        Ok(CartCheckoutResult {
            orders,
            order_errors,
            ..
        }) => {
            let orders = orders.unwrap_or_default();
            let errors = order_errors.unwrap_or_default();
            let draft = StoredValue::new(outcome.draft.clone());
            view! {
                <ul class="results">
                    {orders.into_iter().map(|order| {
                        let id = order.id.as_ref().map(|i| i.as_str().to_owned()).unwrap_or_default();
                        let href = format!("{base}/customers/{customer_id}/orders/{id}");
                        let total = order.total_price.map(|p| format::money(&p, order.currency_code.as_deref().unwrap_or_default(), locale.get_untracked())).unwrap_or_default();
                        view! {
                            <li class="ok">
                                {t_with(locale.get_untracked(), "checkout-order-placed", &[("id", id.clone()), ("total", total)])}
                                " " <A href=href>{tr("checkout-see-order")}</A>
                            </li>
                        }
                    }).collect_view()}
                    {errors.into_iter().map(|error| {
                        let group = error.order_group_id.clone().unwrap_or_default();
                        let code = error.code.as_ref().and_then(|c| c.as_number());
                        let explanation = code
                            .and_then(pc_client::explanation_key)
                            .map(|k| t(locale.get_untracked(), k))
                            .unwrap_or_default();
                        let description = error.description.clone().unwrap_or_default();
                        let text = t_with(locale.get_untracked(), "checkout-group-failed", &[
                            ("group", format::ordinal(&group)),
                            ("code", code.map(|c| c.to_string()).unwrap_or_default()),
                            ("description", description),
                        ]);
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
            }
            .into_any()
        }
    };
    view! {
        <section class="panel result" aria-labelledby="result-title" role="status">
            <h3 id="result-title">{tr(heading)}</h3>
            {body}
        </section>
    }
    .into_any()
}
