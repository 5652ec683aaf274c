//! Any path the router does not know. Only a signed-in user reaches it (the gate shows the
//! sign-in page to anyone else, for any path), so the way back is to the customers.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::t_with;
use crate::{Page, tr, use_locale};

/// "Page not found": the path asked for, and a link to the customers.
#[component]
pub fn NotFound() -> impl IntoView {
    let locale = use_locale();
    let location = use_location();
    view! {
        <section aria-labelledby="not-found-title">
            <h1 id="not-found-title">{tr("not-found-title")}</h1>
            <p>{move || t_with(locale.get(), "not-found-body", &[("path", location.pathname.get())])}</p>
            <p><a href=Page::Customers.href()>{tr("not-found-back")}</a></p>
        </section>
    }
}
