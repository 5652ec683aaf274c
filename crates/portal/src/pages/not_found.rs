//! Any path the router does not know.

use leptos::prelude::*;

use crate::{route, tr};

/// "Page not found", with a way back.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section aria-labelledby="not-found-title">
            <h1 id="not-found-title">{tr("not-found-title")}</h1>
            <a href=route("/")>{tr("not-found-back")}</a>
        </section>
    }
}
