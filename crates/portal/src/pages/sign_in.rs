//! Sign-in: pick a sandbox tenant and confirm the partner profile the purchase rules use
//! (country, billing currency, perpetual-software qualification — Partner Center's catalog does
//! not tell them); the portal gets tokens with the tenant's demo credentials.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::i18n::t_with;
use crate::session::{demo_partner, demo_token, use_session};
use crate::{tr, use_locale};

/// The demo tenants of the sandbox: (tenant, translation key of its name).
const TENANTS: [(&str, &str); 2] = [
    ("contoso", "tenant-contoso"),
    ("fabrikam", "tenant-fabrikam"),
];

/// The sign-in page.
#[component]
pub fn SignIn() -> impl IntoView {
    let (tenant, set_tenant) = signal(TENANTS[0].0.to_owned());
    let qualified = RwSignal::new(demo_partner(TENANTS[0].0).perpetual_software_qualified);
    Effect::new(move |_| qualified.set(demo_partner(&tenant.get()).perpetual_software_qualified));
    let session = use_session();
    let locale = use_locale();
    let navigate = use_navigate();
    let sign_in = Action::new_local(move |tenant: &String| {
        let tenant = tenant.clone();
        // Checks the credentials once; the session then fetches tokens as it needs them.
        async move { demo_token(&tenant).await.map(|_| tenant) }
    });
    Effect::new(move |_| {
        if let Some(Ok(tenant)) = sign_in.value().get() {
            let mut partner = demo_partner(&tenant);
            partner.perpetual_software_qualified = qualified.get_untracked();
            session.sign_in_demo(tenant, partner, locale.get_untracked());
            navigate("/customers", Default::default());
        }
    });
    let failure = move || match sign_in.value().get() {
        Some(Err(reason)) => t_with(locale.get(), "sign-in-failed", &[("reason", reason)]),
        _ => String::new(),
    };
    view! {
        <section aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">{tr("sign-in-title")}</h1>
            <p>{tr("sign-in-demo")}</p>
            <form on:submit=move |ev| {
                ev.prevent_default();
                sign_in.dispatch(tenant.get_untracked());
            }>
                <label for="tenant">{tr("sign-in-tenant")}</label>
                <select id="tenant" on:change=move |ev| set_tenant.set(event_target_value(&ev))>
                    {TENANTS
                        .iter()
                        .map(|(id, key)| {
                            view! { <option value=*id selected=move || tenant.get() == *id>{tr(key)}</option> }
                        })
                        .collect_view()}
                </select>
                <p class="muted">{move || {
                    let partner = demo_partner(&tenant.get());
                    t_with(locale.get(), "sign-in-partner", &[("country", partner.country), ("currency", partner.billing_currency)])
                }}</p>
                <span class="check">
                    <input id="qualified" type="checkbox" prop:checked=move || qualified.get() on:change=move |ev| qualified.set(event_target_checked(&ev))/>
                    <label for="qualified">{tr("sign-in-qualified")}</label>
                </span>
                <button type="submit" disabled=move || sign_in.pending().get()>
                    {move || if sign_in.pending().get() { tr("sign-in-working")() } else { tr("sign-in-submit")() }}
                </button>
            </form>
            <p role="alert" aria-live="assertive">{failure}</p>
        </section>
    }
}
