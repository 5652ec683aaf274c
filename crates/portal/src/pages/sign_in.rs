//! Sign-in: pick a sandbox tenant (demo credentials) to get a token.

use leptos::prelude::*;

/// The demo tenants of the sandbox.
const TENANTS: [(&str, &str); 2] = [
    ("contoso", "Contoso Ltd. (US)"),
    ("fabrikam", "Fabrikam AB (SE)"),
];

/// The sign-in page.
#[component]
pub fn SignIn() -> impl IntoView {
    let (tenant, set_tenant) = signal(TENANTS[0].0.to_owned());
    view! {
        <section aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">"Sign in to the Partner Center sandbox"</h1>
            <label for="tenant">"Partner tenant"</label>
            <select id="tenant" on:change=move |ev| set_tenant.set(event_target_value(&ev))>
                {TENANTS
                    .iter()
                    .map(|(id, name)| view! { <option value=*id>{*name}</option> })
                    .collect_view()}
            </select>
            <p aria-live="polite">{move || format!("Selected: {}", tenant.get())}</p>
        </section>
    }
}
