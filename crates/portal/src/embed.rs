//! The portal embedded in another page (a partner's dashboard): mounted into an element of the
//! host page, inside a shadow root so its styles neither leak out nor are affected by the
//! host's, connected with the host's base URL (a gateway) and token callback, and reporting
//! placed orders and errors to the host. The npm package's `mountPortal` is a thin layer over
//! [`mount`].
//!
//! The portal's routes live under the host page's path (the router's `base`), so its links are
//! real URLs the back button follows; a host that reloads such a URL must serve its page there.

use std::rc::Rc;

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use pc_client::TokenProvider;
use pc_core::models::Order;
use pc_core::rules::PartnerProfile;
use wasm_bindgen::JsCast as _;

use crate::i18n::Locale;
use crate::session::SessionStore;
use crate::{CurrentLocale, LastCheckout, Shell};

/// The portal's styles, applied inside the shadow root only.
pub const STYLES: &str = include_str!("../style.css");

/// What the host page tells the embedded portal.
pub struct EmbedOptions<T> {
    /// Base URL of Partner Center or of the host's gateway to it (`""` for same origin).
    pub base_url: String,
    /// The host's tokens (asked again with `fresh = true` when one is refused).
    pub tokens: T,
    /// The user's locale.
    pub locale: Locale,
    /// The partner's profile for the purchase rules.
    pub partner: PartnerProfile,
    /// Shown as "signed in as".
    pub label: String,
    /// Open this customer at once (else the customer list).
    pub customer_id: Option<String>,
}

/// Called with the customer ID and an order a checkout placed.
pub type OrderPlaced = Rc<dyn Fn(&str, &Order)>;
/// Called with the plain-words text of an error.
pub type ErrorShown = Rc<dyn Fn(&str)>;

/// Callbacks to the host page.
#[derive(Clone, Default)]
pub struct EmbedHooks {
    /// Called with the customer ID and each order a checkout placed.
    pub on_order_placed: Option<OrderPlaced>,
    /// Called with the plain-words text of an error the portal shows.
    pub on_error: Option<ErrorShown>,
}

/// The hooks in context (none in the standalone portal).
#[derive(Clone, Copy)]
pub struct Hooks(pub StoredValue<EmbedHooks, LocalStorage>);

/// The host's callbacks in context (empty when not embedded). Call it in a component's body,
/// not inside an async task.
pub fn use_hooks() -> EmbedHooks {
    use_context::<Hooks>()
        .map(|Hooks(hooks)| hooks.get_value())
        .unwrap_or_default()
}

impl EmbedHooks {
    /// Tells the host about the orders a checkout placed.
    pub fn orders_placed(&self, customer_id: &str, orders: &[Order]) {
        if let Some(callback) = &self.on_order_placed {
            for order in orders {
                callback(customer_id, order);
            }
        }
    }

    /// Tells the host about an error shown to the user.
    pub fn error(&self, text: &str) {
        if let Some(callback) = &self.on_error {
            callback(text);
        }
    }
}

/// Whether the portal runs embedded in a host page.
pub fn is_embedded() -> bool {
    use_context::<Hooks>().is_some()
}

/// A mounted portal; dropping it (or [`Embedded::unmount`]) removes it and its shadow content.
pub struct Embedded {
    handle: Option<leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>>,
    container: web_sys::HtmlElement,
}

impl Embedded {
    /// Removes the portal from the host page.
    pub fn unmount(mut self) {
        self.clear();
    }

    fn clear(&mut self) {
        drop(self.handle.take());
        if let Some(root) = self.container.shadow_root() {
            root.set_inner_html("");
        }
    }
}

impl Drop for Embedded {
    fn drop(&mut self) {
        self.clear();
    }
}

/// Mounts the portal into `element` of the host page.
///
/// # Errors
/// A text saying why when the element cannot hold a shadow root (e.g. it already has one).
pub fn mount<T: TokenProvider + 'static>(
    element: web_sys::HtmlElement,
    options: EmbedOptions<T>,
    hooks: EmbedHooks,
) -> Result<Embedded, String> {
    let root = element
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .map_err(|e| format!("cannot attach a shadow root: {e:?}"))?;
    let style = document()
        .create_element("style")
        .map_err(|e| format!("{e:?}"))?;
    style.set_text_content(Some(STYLES));
    root.append_child(&style).map_err(|e| format!("{e:?}"))?;
    let container: web_sys::HtmlElement = document()
        .create_element("div")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "no div".to_owned())?;
    container.set_class_name("pc-portal");
    root.append_child(&container)
        .map_err(|e| format!("{e:?}"))?;
    let base = window().location().pathname().unwrap_or_default();
    let base = base.trim_end_matches('/').to_owned();
    // Relative to the base: the router prefixes it.
    let home = match &options.customer_id {
        Some(id) => format!("/customers/{id}"),
        None => "/customers".to_owned(),
    };
    let lang_target = container.clone();
    let handle = mount_to(container, move || {
        let locale = RwSignal::new(options.locale);
        provide_context(CurrentLocale(locale));
        provide_context(LastCheckout(RwSignal::new(None)));
        provide_context(Hooks(StoredValue::new_local(hooks)));
        let session = SessionStore::new();
        provide_context(session);
        session.connect(
            options.label,
            &options.base_url,
            options.tokens,
            options.partner,
            options.locale,
        );
        Effect::new(move |_| {
            let locale = locale.get();
            let _ = lang_target.set_attribute("lang", locale.tag());
            let _ = lang_target.set_attribute("dir", locale.dir());
        });
        let home = home.clone();
        view! { <Shell base=Some(base) home=move || view! { <Redirect path=home.clone()/> }/> }
            .into_any()
    });
    Ok(Embedded {
        handle: Some(handle),
        container: element,
    })
}
