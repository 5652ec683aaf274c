//! `mountPortal(element, options)` (feature `portal`, the full build): the purchase portal inside
//! a host page's element — in a shadow root, so the host's styles and the portal's do not touch
//! — connected through the host's base URL and `getToken`, telling the host about placed orders
//! and errors by callback and by DOM event (`pc-order-placed`, `pc-error`, bubbling out of the
//! shadow root). Returns a handle whose `unmount()` removes it.

use std::rc::Rc;

use pc_core::rules::PartnerProfile;
use pc_portal::embed::{EmbedHooks, EmbedOptions, Embedded, mount};
use pc_portal::i18n::Locale;
use wasm_bindgen::prelude::*;

use crate::client::host_tokens;
use crate::convert::{from_js, input_error, to_js};
use crate::types::PortalOptions;

/// A mounted portal.
#[wasm_bindgen]
pub struct PortalHandle {
    embedded: Option<Embedded>,
}

#[wasm_bindgen]
impl PortalHandle {
    /// Removes the portal from the page (idempotent).
    pub fn unmount(&mut self) {
        if let Some(embedded) = self.embedded.take() {
            embedded.unmount();
        }
    }

    /// Whether the portal is still mounted.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.embedded.is_some()
    }
}

/// The optional function `options[name]`.
fn callback(options: &JsValue, name: &str) -> Result<Option<js_sys::Function>, JsValue> {
    let value = js_sys::Reflect::get(options, &JsValue::from_str(name))?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .dyn_into::<js_sys::Function>()
        .map(Some)
        .map_err(|_| input_error(&format!("$.options.{name}"), "expected a function"))
}

/// Dispatches `name` with `detail` on `element` (bubbling, composed).
fn dispatch(element: &web_sys::HtmlElement, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = element.dispatch_event(&event);
    }
}

/// Mounts the purchase portal into `element`.
///
/// # Errors
/// Throws a `TypeError` naming the bad option (`$.options.baseUrl`, `$.options.getToken`,
/// `$.options.locale`, …), or an `Error` when the element cannot hold the portal (it already has
/// a shadow root).
#[wasm_bindgen(js_name = mountPortal)]
pub fn mount_portal(
    element: web_sys::HtmlElement,
    #[wasm_bindgen(unchecked_param_type = "PortalOptions")] options: JsValue,
) -> Result<PortalHandle, JsValue> {
    let parsed: PortalOptions = from_js(&options, "options")?;
    let tokens = host_tokens(&options)?;
    let locale = match parsed.locale.as_deref() {
        None => Locale::EnUs,
        Some(tag) => Locale::from_tag(tag).ok_or_else(|| {
            input_error("$.options.locale", "expected en-US, sv-SE, nl-NL or he-IL")
        })?,
    };
    let on_order_placed = callback(&options, "onOrderPlaced")?;
    let on_error = callback(&options, "onError")?;
    let partner = parsed.partner.unwrap_or_else(|| PartnerProfile {
        country: "US".to_owned(),
        billing_currency: "USD".to_owned(),
        perpetual_software_qualified: false,
    });
    let label = parsed.label.unwrap_or_else(|| partner.country.clone());
    let order_target = element.clone();
    let error_target = element.clone();
    let hooks = EmbedHooks {
        on_order_placed: Some(Rc::new(move |customer_id: &str, order| {
            let detail = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&detail, &"customerId".into(), &customer_id.into());
            let _ = js_sys::Reflect::set(
                &detail,
                &"order".into(),
                &to_js(order).unwrap_or(JsValue::NULL),
            );
            if let Some(callback) = &on_order_placed {
                let _ = callback.call1(&JsValue::NULL, &detail);
            }
            dispatch(&order_target, "pc-order-placed", &detail);
        })),
        on_error: Some(Rc::new(move |text: &str| {
            let message = JsValue::from_str(text);
            if let Some(callback) = &on_error {
                let _ = callback.call1(&JsValue::NULL, &message);
            }
            dispatch(&error_target, "pc-error", &message);
        })),
    };
    let embedded = mount(
        element,
        EmbedOptions {
            base_url: parsed.base_url,
            tokens,
            locale,
            partner,
            label,
            customer_id: parsed.customer_id,
        },
        hooks,
    )
    .map_err(|reason| JsValue::from(js_sys::Error::new(&reason)))?;
    Ok(PortalHandle {
        embedded: Some(embedded),
    })
}
