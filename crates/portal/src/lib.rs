//! # pc-portal
//!
//! The purchase portal (Leptos 0.8, client-side rendered). `App` holds the router; `pages/`
//! has one file per route, `components/` the shared pieces, [`i18n`] the Fluent translations.
//! It talks to Partner Center only through pc-client, and checks carts with pc-core before
//! anything is submitted.
//!
//! Work in progress (issue 5): localization, the language picker, sign-in and the customer list.

pub mod components;
pub use pc_i18n as i18n;
pub mod pages;
pub mod session;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::i18n::Locale;

/// The user's locale, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct CurrentLocale(pub RwSignal<Locale>);

/// The locale in context (en-US when none is provided).
pub fn use_locale() -> RwSignal<Locale> {
    use_context::<CurrentLocale>()
        .map(|c| c.0)
        .unwrap_or_else(|| RwSignal::new(Locale::default()))
}

/// A translated text that follows the current locale.
pub fn tr(key: &'static str) -> impl Fn() -> String + Copy + 'static {
    let locale = use_locale();
    move || i18n::t(locale.get(), key)
}

/// The portal: sign-in, then the purchase flow.
#[component]
pub fn App() -> impl IntoView {
    let initial = web_locale().unwrap_or_default();
    let locale = RwSignal::new(initial);
    provide_context(CurrentLocale(locale));
    provide_context(session::SessionStore::new());
    Effect::new(move |_| {
        let locale = locale.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", locale.tag());
            let _ = root.set_attribute("dir", locale.dir());
        }
        document().set_title(&i18n::t(locale, "app-title"));
    });
    view! {
        <Router>
            <a class="skip-link" href="#main">{tr("skip-to-content")}</a>
            <header>
                <components::language_picker::LanguagePicker/>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::sign_in::SignIn/>
                    <Route path=path!("/customers") view=pages::customers::Customers/>
                </Routes>
            </main>
        </Router>
    }
}

/// The browser's preferred locale, when the portal has it.
fn web_locale() -> Option<Locale> {
    let language = window().navigator().language()?;
    Locale::from_tag(&language)
}
