//! Azure plan subscriptions as people know them (their friendly name, the ID beside it) and
//! their registration for reservation purchases (`Microsoft.Capacity`): the one "Register"
//! control the customer panel and the catalog share.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use pc_core::enums::RegistrationStatus;
use pc_core::models::{Availability, Sku};

use crate::format;
use crate::i18n::Locale;
use crate::pages::customer::use_customer;
use crate::session::use_session;
use crate::state::CustomerData;
use crate::{Localized, tr};

/// The friendly name (`friendlyName`) of the customer's subscription `id` (a GUID, any case),
/// when Partner Center gave one.
pub fn subscription_name(data: &CustomerData, id: &str) -> Option<String> {
    data.subscriptions
        .iter()
        .find(|s| {
            s.id.as_ref()
                .is_some_and(|i| i.as_str().trim().eq_ignore_ascii_case(id.trim()))
        })
        .and_then(|s| s.friendly_name.clone())
        .filter(|n| !n.trim().is_empty())
}

/// The customer's Azure plan subscriptions as a select offers them: `(id, text)`, the text its
/// friendly name — with the ID when two share a name (e.g. two "Azure plan") or it has none.
pub fn subscription_choices(data: &CustomerData) -> Vec<(String, String)> {
    let named: Vec<(String, String)> = data
        .azure_subscriptions
        .iter()
        .map(|s| {
            let name = subscription_name(data, &s.id).unwrap_or_else(|| s.id.clone());
            (s.id.clone(), name)
        })
        .collect();
    named
        .iter()
        .map(|(id, name)| {
            let shared = named.iter().filter(|n| n.1 == *name).count() > 1;
            let text = if shared && name != id {
                format!("{name} ({id})")
            } else {
                name.clone()
            };
            (id.clone(), text)
        })
        .collect()
}

/// The reservation durations a SKU is sold for (`provisioningContext.duration`, e.g. `1Year`):
/// its `duration` dynamic attribute, else one per term of `availabilities`.
pub fn reservation_durations(sku: &Sku, availabilities: &[Availability]) -> Vec<String> {
    let attribute = sku
        .dynamic_attributes
        .as_ref()
        .and_then(|a| a.get("duration"))
        .and_then(|v| v.as_str())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned);
    let mut durations: Vec<String> = attribute.into_iter().collect();
    if durations.is_empty() {
        for term in availabilities.iter().flat_map(|a| a.terms.iter().flatten()) {
            if let Some(d) = term.duration.as_deref().and_then(duration_of_term)
                && !durations.contains(&d)
            {
                durations.push(d);
            }
        }
    }
    durations
}

/// A reservation duration (`provisioningContext.duration`, `1Year`/`3Years` as the SKU spells it)
/// for a term (`P1Y`, `P3Y`).
pub fn duration_of_term(term: &str) -> Option<String> {
    let years = term.trim().strip_prefix('P')?.strip_suffix('Y')?;
    let n: u32 = years.parse().ok()?;
    Some(if n == 1 {
        "1Year".to_owned()
    } else {
        format!("{n}Years")
    })
}

/// The term (`P1Y`) a reservation duration (`1Year`, `3Year`, `3Years`) stands for.
pub fn term_of_duration(duration: &str) -> Option<String> {
    let d = duration.trim().to_ascii_lowercase();
    let years = d.strip_suffix("years").or_else(|| d.strip_suffix("year"))?;
    let n: u32 = years.trim().parse().ok()?;
    Some(format!("P{n}Y"))
}

/// A reservation duration (`1Year`, `3Years`) in the current language ("1 year"), re-read when
/// the language is switched; a duration that names no term is shown as Partner Center wrote it.
pub fn duration_text(duration: &str, locale: RwSignal<Locale>) -> Signal<String> {
    let (shown, term) = (duration.to_owned(), term_of_duration(duration));
    Signal::derive(move || {
        term.as_ref()
            .map_or_else(|| shown.clone(), |term| format::term(term, locale.get()))
    })
}

/// "Register" for the Azure subscription `subscription_id` (a GUID): `POST
/// …/subscriptions/{id}/registrations`, then the status is read every 2 seconds (up to 4
/// minutes) until Partner Center reports it registered, and the customer's data is read again
/// (so every finding about it is checked again). Progress and errors go to `status_message`.
#[component]
pub fn RegisterButton(
    /// Azure subscription ID (GUID).
    subscription_id: String,
    /// Where progress is told (show it in an `aria-live` region).
    status_message: RwSignal<Option<Localized>>,
    /// The button's accessible name (defaults to "Register").
    #[prop(optional, into)]
    label: Option<Signal<String>>,
) -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return ().into_any();
    };
    let session = use_session();
    let busy = RwSignal::new(false);
    let register = move |subscription_id: String| {
        let Some(session) = session.session_untracked() else {
            return;
        };
        let customer_id = ctx.id.get_untracked();
        busy.set(true);
        status_message.set(Some(Localized::key("azure-registering")));
        spawn_local(async move {
            let subscriptions = session.client.subscriptions();
            if let Err(e) = subscriptions.register(&customer_id, &subscription_id).await {
                status_message.set(Some(Localized::from(e)));
                busy.set(false);
                return;
            }
            for _ in 0..120 {
                match subscriptions
                    .registration_status(&customer_id, &subscription_id)
                    .await
                {
                    Ok(status)
                        if status.status.as_ref().map(|s| s.value())
                            == Some(&RegistrationStatus::Registered) =>
                    {
                        status_message.set(Some(Localized::key("azure-registered-now")));
                        busy.set(false);
                        ctx.data.refetch();
                        return;
                    }
                    Ok(_) => {}
                    Err(e) => {
                        status_message.set(Some(Localized::from(e)));
                        busy.set(false);
                        return;
                    }
                }
                gloo_timers::future::sleep(Duration::from_secs(2)).await;
            }
            status_message.set(Some(Localized::key("azure-registration-slow")));
            busy.set(false);
        });
    };
    let default_label = tr("azure-register");
    let text = move || label.map_or_else(default_label, |l| l.get());
    view! {
        <button type="button" disabled=move || busy.get()
            on:click=move |_| register(subscription_id.clone())>{text}</button>
    }
    .into_any()
}
