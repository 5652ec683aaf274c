//! One line of the cart: its editor (quantity, term, billing cycle, provisioning context,
//! attestation, inventory check), Partner Center's price for it and its findings.

use std::collections::BTreeMap;

use leptos::prelude::*;
use pc_core::enums::{BillingCycle, PurchasePrerequisite};
use pc_core::models::CartLineItem;
use pc_core::rules::{
    Finding, FindingCode, TermOption, Validation, offered_combinations, read_quantity,
};
use pc_core::wire::Spelled;

use super::inventory::InventoryCheck;
use crate::components::azure::{
    RegisterButton, duration_text, reservation_durations, subscription_choices, subscription_name,
};
use crate::components::findings::FindingList;
use crate::components::quantity::{self, QuantityInput};
use crate::format;
use crate::i18n::{t, t_with};
use crate::pages::customer::{loaded, use_customer};
use crate::{Localized, told, tr, use_locale};

/// One line of the draft, with Partner Center's price for it once the cart is priced.
#[component]
pub fn LineEditor(
    /// The line's `id` (its `lineItemId`).
    line_id: i64,
    /// pc-core's findings for the whole draft.
    validation: Memo<Validation>,
    /// Whether the cart's prices are on their way ("Pricing…" instead of "—").
    pricing: Signal<bool>,
) -> impl IntoView {
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
    // A subscription is named as people know it (its friendly name), not by its GUID.
    let findings = Signal::derive(move || {
        let data = loaded(&ctx);
        validation.with(|v| {
            v.findings_for_line(line_id)
                .filter(|f| !is_quantity(f))
                .map(|f| {
                    let id = f.params.get("subscriptionId").and_then(|v| v.as_str());
                    match (id, data.as_ref()) {
                        (Some(id), Some(data)) => match subscription_name(data, id) {
                            Some(name) => f.clone().with("subscriptionId", name),
                            None => f.clone(),
                        },
                        _ => f.clone(),
                    }
                })
                .collect::<Vec<Finding>>()
        })
    });
    // "Register" beside "not registered": the line's Azure subscription, registered in place.
    let registration_message = RwSignal::new(None::<Localized>);
    let register = Callback::new(move |f: Finding| {
        let subscription_id = draft.with_untracked(|d| {
            d.lines
                .iter()
                .find(|l| l.id == Some(line_id))
                .and_then(|l| l.provisioning_value("subscriptionId").map(str::to_owned))
        })?;
        (f.code == FindingCode::SubscriptionNotRegistered && !subscription_id.is_empty()).then(|| {
            view! { <RegisterButton subscription_id=subscription_id status_message=registration_message/> }.into_any()
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
            d.priced_lines()
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
            <LinePrice line=Signal::derive(server_line) pricing=pricing/>
            {move || server_line().map(|l| view! {
                {l.order_group.clone().map(|g| view! { <p class="muted">{t_with(locale.get(), "line-order-group", &[("group", format::ordinal(&g))])}</p> })}
                {l.error.as_ref().map(|e| view! {
                    <p class="error">{t_with(locale.get(), "line-server-error", &[("description", e.error_description.clone().unwrap_or_default())])}</p>
                })}
            })}
            <FindingList findings=findings action=register/>
            <p aria-live="polite" class="status">{told(registration_message)}</p>
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
pub fn ProvisioningField(
    /// The line's `id` (its `lineItemId`).
    line_id: i64,
    /// The `provisioningContext` key, e.g. `subscriptionId`, `scope`, `duration`.
    key: String,
) -> impl IntoView {
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
    // The choices of a reservation's context, as the catalog offers them: the customer's Azure
    // subscriptions by friendly name, shared or single scope, the SKU's durations.
    // Texts in the current language, also after it is switched (subscription names are the
    // customer's own).
    let choices: Option<Vec<(String, Signal<String>)>> =
        if key.eq_ignore_ascii_case("subscriptionId") {
            Some(
                loaded(&ctx)
                    .map(|d| subscription_choices(&d))
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(id, name)| (id, Signal::stored(name)))
                    .collect(),
            )
        } else if key.eq_ignore_ascii_case("scope") {
            Some(
                [
                    ("shared", "catalog-scope-shared"),
                    ("single", "catalog-scope-single"),
                ]
                .into_iter()
                .map(|(value, text)| {
                    (
                        value.to_owned(),
                        Signal::derive(move || t(locale.get(), text)),
                    )
                })
                .collect(),
            )
        } else if key.eq_ignore_ascii_case("duration") {
            let durations = draft.with_untracked(|d| {
                let line = d.lines.iter().find(|l| l.id == Some(line_id))?;
                let availability = d.availability_of(line)?;
                let sku = availability.sku.clone()?;
                Some(reservation_durations(
                    &sku,
                    std::slice::from_ref(availability),
                ))
            });
            durations.filter(|d| !d.is_empty()).map(|durations| {
                durations
                    .into_iter()
                    .map(|d| {
                        let text = duration_text(&d, locale);
                        (d, text)
                    })
                    .collect()
            })
        } else {
            None
        };
    if let Some(choices) = choices {
        let set = set.clone();
        view! {
            <label for=input_id.clone()>{label}</label>
            <select id=input_id on:change=move |ev| set(event_target_value(&ev))>
                // A value none of the choices has (none chosen yet): nothing shown as chosen.
                {
                    let ids: Vec<String> = choices.iter().map(|c| c.0.clone()).collect();
                    let value = value.clone();
                    move || (!ids.contains(&value())).then(|| view! { <option value="" selected disabled>{tr("choose")}</option> })
                }
                {choices.into_iter().map(|(id, text)| {
                    let current = id.clone();
                    let value = value.clone();
                    view! { <option value=id selected=move || value() == current>{text}</option> }
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

/// A line's price as Partner Center gave it on the saved cart: the unit price (`pricing.price`,
/// what the partner pays for one license or instance) with the billing period it covers, the
/// quantity and the line's total (`pricing.extendedPrice`), in the line's `currencyCode`.
/// "Pricing…" while the cart is being priced and "—" when there is no price: never a stale one.
#[component]
fn LinePrice(
    /// The line as the saved cart has it, while the saved cart matches the draft.
    line: Signal<Option<CartLineItem>>,
    /// Whether the cart's prices are on their way.
    pricing: Signal<bool>,
) -> impl IntoView {
    let locale = use_locale();
    let missing = move || {
        if pricing.get() {
            t(locale.get(), "cart-price-pending")
        } else {
            t(locale.get(), "cart-price-missing")
        }
    };
    let unit = move || {
        line.with(|l| {
            let l = l.as_ref()?;
            let price = l.pricing.as_ref().and_then(|p| p.price.or(p.list_price))?;
            let currency = l.currency_code.clone().unwrap_or_default();
            let period =
                format::price_period(l.billing_cycle.as_ref().map(|c| c.value()), locale.get());
            Some(t_with(
                locale.get(),
                "line-unit-price-per",
                &[
                    ("price", format::money(&price, &currency, locale.get())),
                    ("period", period),
                ],
            ))
        })
    };
    let quantity = move || {
        line.with(|l| l.as_ref().and_then(|l| l.quantity))
            .map(|q| q.to_string())
    };
    let total = move || {
        line.with(|l| {
            let l = l.as_ref()?;
            let total = l.pricing.as_ref().and_then(|p| p.extended_price)?;
            Some(format::money(
                &total,
                l.currency_code.as_deref().unwrap_or_default(),
                locale.get(),
            ))
        })
    };
    view! {
        <dl class="price" aria-live="polite">
            <div><dt>{tr("line-unit-price")}</dt><dd>{move || unit().unwrap_or_else(missing)}</dd></div>
            <div><dt>{tr("line-priced-quantity")}</dt><dd>{move || quantity().unwrap_or_else(missing)}</dd></div>
            <div><dt>{tr("line-total")}</dt><dd class="amount">{move || total().unwrap_or_else(missing)}</dd></div>
        </dl>
    }
}
