//! The inventory check of a line whose SKU needs one (Azure reservations): its variables as a
//! small form, the result kept in the draft for the rules.

use std::collections::BTreeMap;

use leptos::prelude::*;
use pc_core::models::{InventoryCheckRequest, inventory_context};

use crate::i18n::t;
use crate::pages::customer::{loaded, use_customer};
use crate::session::use_session;
use crate::state::lower_camel;
use crate::{Localized, told, tr, use_locale};

/// The inventory check of a line whose SKU needs one: its variables as a small form.
#[component]
pub fn InventoryCheck(
    /// The line's `id` (its `lineItemId`).
    line_id: i64,
) -> impl IntoView {
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
    let result = RwSignal::new(None::<Localized>);
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
            let Some(session) = session else {
                return;
            };
            let request = InventoryCheckRequest::for_availability(&availability, context);
            match session.client.inventory().check(&request, &country).await {
                Ok(items) => {
                    let restricted = items.iter().any(|i| i.is_restricted == Some(true));
                    result.set(Some(Localized::key(if restricted {
                        "inventory-restricted"
                    } else {
                        "inventory-available"
                    })));
                    draft.update(|d| {
                        d.inventory.retain(|i| {
                            !(i.product_id == availability.product_id
                                && i.sku_id == availability.sku_id)
                        });
                        d.inventory.extend(items);
                    });
                }
                Err(e) => result.set(Some(Localized::from(e))),
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
                <p aria-live="polite">{told(result)}</p>
            </fieldset>
        </form>
    }
    .into_any()
}
