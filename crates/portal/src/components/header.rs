//! The header: navigation, who is signed in, sign-out and the language picker.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::components::language_picker::LanguagePicker;
use crate::i18n::t_with;
use crate::session::use_session;
use crate::{route, tr, use_locale};

/// The page header.
#[component]
pub fn Header() -> impl IntoView {
    let session = use_session();
    let locale = use_locale();
    let navigate = StoredValue::new_local(use_navigate());
    let embedded = crate::embed::is_embedded();
    view! {
        <header class="top">
            <span class="brand">{tr("app-title")}</span>
            <Show when=move || session.tenant.get().is_some()>
                <nav aria-label=tr("nav-label")>
                    <A href=route("/customers")>{tr("nav-customers")}</A>
                    <A href=route("/billing")>{tr("nav-billing")}</A>
                </nav>
                <span class="who">
                    {move || t_with(locale.get(), "signed-in-as", &[("tenant", session.tenant.get().unwrap_or_default())])}
                </span>
                <Show when=move || !embedded>
                <button type="button" class="link" on:click=move |_| {
                    session.sign_out();
                    navigate.with_value(|navigate| navigate("/", Default::default()));
                }>{tr("sign-out")}</button>
                </Show>
            </Show>
            <LanguagePicker/>
        </header>
    }
}
