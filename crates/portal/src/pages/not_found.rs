//! Any path the router does not know.

use leptos::prelude::*;

/// "Page not found", with a way back.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section aria-labelledby="not-found-title">
            <h1 id="not-found-title">"Page not found"</h1>
            <a href="/">"Back to sign-in"</a>
        </section>
    }
}
