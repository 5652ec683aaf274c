//! Sign-in: pick a sandbox tenant (demo credentials) to get a token.

use leptos::prelude::*;

use crate::tr;

/// The demo tenants of the sandbox: (tenant, translation key of its name).
const TENANTS: [(&str, &str); 2] = [
    ("contoso", "tenant-contoso"),
    ("fabrikam", "tenant-fabrikam"),
];

/// The sign-in page.
#[component]
pub fn SignIn() -> impl IntoView {
    let (tenant, set_tenant) = signal(TENANTS[0].0.to_owned());
    view! {
        <section aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">{tr("sign-in-title")}</h1>
            <p>{tr("sign-in-demo")}</p>
            <label for="tenant">{tr("sign-in-tenant")}</label>
            <select id="tenant" on:change=move |ev| set_tenant.set(event_target_value(&ev))>
                {TENANTS
                    .iter()
                    .map(|(id, key)| {
                        view! { <option value=*id selected=move || tenant.get() == *id>{tr(key)}</option> }
                    })
                    .collect_view()}
            </select>
        </section>
    }
}
