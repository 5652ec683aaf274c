//! # pc-portal
//!
//! The purchase portal (Leptos 0.8, client-side rendered). [`App`] holds the router; `pages/`
//! has one file per route, `components/` the shared pieces; translations come from
//! [`pc_i18n`]. It talks to Partner Center only through pc-client, and checks carts with
//! pc-core before anything is submitted.

pub mod api;
pub mod components;
pub mod embed;
pub mod errors;
pub mod format;
pub mod locales;
pub mod pages;
pub mod route;
pub mod session;
pub mod state;
pub mod stopped;
pub mod storage;

pub use pc_i18n as i18n;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::i18n::Locale;
use crate::state::CheckoutOutcome;

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

/// A text told in whichever language is current: why a page could not be loaded, or what an
/// action said (its progress, its result, why it failed), kept as how to say it, so that a
/// change of language tells it again. A failed call becomes one with `Localized::from(error)`
/// (`errors::explain`); shown through [`told`] or `errors::ProblemAlert`.
#[derive(Clone)]
pub struct Localized(std::sync::Arc<dyn Fn(Locale) -> String + Send + Sync>);

impl Localized {
    /// Any text made for a locale, e.g. `move |locale| explain(&error, locale)`.
    pub fn new(text: impl Fn(Locale) -> String + Send + Sync + 'static) -> Self {
        Self(std::sync::Arc::new(text))
    }

    /// The message `key`.
    pub fn key(key: &'static str) -> Self {
        Self::new(move |locale| i18n::t(locale, key))
    }

    /// The message `key` with named text arguments.
    pub fn with(key: &'static str, args: Vec<(&'static str, String)>) -> Self {
        Self::new(move |locale| i18n::t_with(locale, key, &args))
    }

    /// The text in `locale`.
    pub fn text(&self, locale: Locale) -> String {
        (self.0)(locale)
    }
}

/// The same text: made by the same action (two texts are never compared by their words).
impl PartialEq for Localized {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Localized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Localized")
            .field(&self.text(Locale::EnUs))
            .finish()
    }
}

/// What `status` says in the current language (empty when it says nothing), for a view.
pub fn told(status: RwSignal<Option<Localized>>) -> impl Fn() -> String + Copy + 'static {
    let locale = use_locale();
    move || {
        status.with(|said| {
            said.as_ref()
                .map(|said| said.text(locale.get()))
                .unwrap_or_default()
        })
    }
}

pub use route::{Page, RouteBase};

/// `path` (absolute within the portal, e.g. `/customers`) as a link target: prefixed with the
/// route base. Prefer [`Page::href`]; this remains for the pages not yet converted.
pub fn route(path: &str) -> String {
    let base = use_context::<RouteBase>().map(|b| b.0).unwrap_or_default();
    format!("{base}{path}")
}

/// A clock for countdowns: `read()` now, and again every `every` for as long as the calling
/// component lives (the interval is cleared with it).
pub fn ticking_clock(
    read: impl Fn() -> chrono::DateTime<chrono::Utc> + 'static,
    every: std::time::Duration,
) -> RwSignal<chrono::DateTime<chrono::Utc>> {
    let now = RwSignal::new(read());
    if let Ok(handle) = set_interval_with_handle(move || now.set(read()), every) {
        on_cleanup(move || handle.clear());
    }
    now
}

/// The latest checkout outcome (including one resumed after a reload), shared through context.
#[derive(Debug, Clone, Copy)]
pub struct LastCheckout(pub RwSignal<Option<CheckoutOutcome>>);

/// The latest checkout outcome in context.
pub fn use_last_checkout() -> RwSignal<Option<CheckoutOutcome>> {
    use_context::<LastCheckout>()
        .map(|c| c.0)
        .unwrap_or_else(|| RwSignal::new(None))
}

/// Mounts the standalone [`App`] into `<body>`, once the text of the user's language is at hand:
/// a remembered or browser language the build left out is fetched first ([`locales::load`]), so
/// the first page is never shown in English and then switched. If it cannot be had, the portal
/// starts in English.
pub fn start() {
    match web_locale() {
        // wasm-bindgen-futures directly: Leptos's executor is set up by the mount itself.
        Some(locale) if !i18n::has_locale(locale) => {
            wasm_bindgen_futures::spawn_local(async move {
                // On failure App finds the locale missing and starts in English.
                let _ = locales::load(locale).await;
                leptos::mount::mount_to_body(App);
            })
        }
        _ => leptos::mount::mount_to_body(App),
    }
}

/// The portal standalone, served by pc-gateway: asks the gateway for the session, shows the
/// sign-in page until someone is signed in, then the purchase flow. Starts in the remembered or
/// browser language when its text is at hand (see [`start`]), else in English.
#[component]
pub fn App() -> impl IntoView {
    let initial = web_locale()
        .filter(|locale| i18n::has_locale(*locale))
        .unwrap_or_default();
    let locale = RwSignal::new(initial);
    provide_context(CurrentLocale(locale));
    let session = session::SessionStore::new();
    provide_context(session);
    let last_checkout = RwSignal::new(None);
    provide_context(LastCheckout(last_checkout));
    Effect::new(move |_| {
        let locale = locale.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", locale.tag());
            let _ = root.set_attribute("dir", locale.dir());
        }
        document().set_title(&i18n::t(locale, "app-title"));
    });
    session.start_gateway(locale, last_checkout);
    view! { <Shell base=None home=|| view! { <Redirect path=Page::Customers.path()/> }/> }
}

/// A page's route view: its lazy route from `pages::lazy` when the portal is built split
/// (feature `split`, `cargo xtask build-portal`), its component otherwise.
#[cfg(feature = "split")]
macro_rules! page {
    ($lazy:ident, $component:path) => {
        leptos_router::Lazy::<pages::lazy::$lazy>::new()
    };
}
#[cfg(not(feature = "split"))]
macro_rules! page {
    ($lazy:ident, $component:path) => {
        $component
    };
}

/// The router, header and pages, shared by the standalone [`App`] and the embedded portal
/// ([`embed`]). `base` is the path the portal's routes live under; `home` the page at `/`.
#[component]
pub fn Shell<H, V>(
    /// Path the routes live under (`None` at the site's root).
    base: Option<String>,
    /// The page at `/`.
    home: H,
) -> impl IntoView
where
    H: Fn() -> V + Send + Sync + Clone + 'static,
    V: IntoView + 'static,
{
    let main = NodeRef::<leptos::html::Main>::new();
    let base = base.unwrap_or_default();
    provide_context(RouteBase(base.clone()));
    let routes = move || {
        let home = home.clone();
        view! {
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=home/>
                    <Route path=path!("/customers") view=pages::customers::Customers/>
                    <ParentRoute path=path!("/customers/:customer_id") view=pages::customer::CustomerLayout>
                        <Route path=path!("") view={page!(CustomerPanel, pages::customer::CustomerPanel)}/>
                        <Route path=path!("catalog") view={page!(Catalog, pages::catalog::Catalog)}/>
                        <Route path=path!("cart") view={page!(Cart, pages::cart::CartPage)}/>
                        <Route path=path!("orders") view={page!(Orders, pages::orders::Orders)}/>
                        <Route path=path!("orders/:order_id") view={page!(Order, pages::order::OrderDetail)}/>
                        <Route path=path!("subscriptions") view={page!(Subscriptions, pages::subscriptions::Subscriptions)}/>
                        <Route path=path!("subscriptions/:subscription_id") view={page!(Subscription, pages::subscription::SubscriptionDetail)}/>
                    </ParentRoute>
                    <Route path=path!("/billing") view={page!(Billing, pages::billing::Billing)}/>
                    <Route path=path!("/billing/unbilled") view={page!(Unbilled, pages::unbilled::Unbilled)}/>
                    <Route path=path!("/billing/:invoice_id") view={page!(Invoice, pages::invoice::InvoiceDetail)}/>
                </Routes>
        }
    };
    view! {
        <Router base=base>
            <a class="skip-link" href="#main">{tr("skip-to-content")}</a>
            <components::header::Header/>
            <components::focus::FocusOnNavigation main=main/>
            <components::resume::ResumeNotice/>
            <main id="main" tabindex="-1" node_ref=main>
                <components::gate::Gate>{routes.clone()}</components::gate::Gate>
            </main>
        </Router>
    }
}

/// The browser's preferred locale, when the portal has it.
fn web_locale() -> Option<Locale> {
    let stored = storage::read_text(storage::Key::Locale).and_then(|tag| Locale::from_tag(&tag));
    stored.or_else(|| Locale::from_tag(&window().navigator().language()?))
}
