//! The header: navigation, who is signed in, sign-out and the language picker.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::language_picker::LanguagePicker;
use crate::i18n::t_with;
use crate::session::{LOGOUT_PATH, use_session};
use crate::{Page, tr, use_locale};

/// The page header.
#[component]
pub fn Header() -> impl IntoView {
    let session = use_session();
    let locale = use_locale();
    let embedded = crate::embed::is_embedded();
    view! {
        <header class="top">
            <span class="brand">{tr("app-title")}</span>
            <Show when=move || session.tenant.get().is_some()>
                <nav aria-label=tr("nav-label")>
                    <A href=Page::Customers.href()>{tr("nav-customers")}</A>
                    <A href=Page::Billing.href()>{tr("nav-billing")}</A>
                </nav>
                <span class="who">
                    {move || t_with(locale.get(), "signed-in-as", &[("tenant", session.tenant.get().unwrap_or_default())])}
                </span>
                // The gateway ends the session and answers with the sign-in page: a plain
                // same-origin form post (the session cookie is HttpOnly; nothing to clear here).
                <Show when=move || !embedded>
                    <form class="sign-out" method="post" action=LOGOUT_PATH>
                        <button type="submit" class="link">{tr("sign-out")}</button>
                    </form>
                </Show>
            </Show>
            <LanguagePicker/>
        </header>
    }
}
