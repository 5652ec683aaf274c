//! What the page shows when the portal stops. A panic in wasm ends the program: without this
//! the page would stay on screen and silently stop answering. [`install`] sets a panic hook that
//! logs the panic to the browser console and covers the page with a plain notice and a reload
//! link, in the page's language (`<html lang>`).
//!
//! The likely cause on a bad connection is a page whose code could not be downloaded (a lazy
//! route's chunk, see [`crate::pages`]; wasm-split's loader panics when the fetch fails): that
//! gets its own words. A cart draft is in `localStorage` ([`crate::storage`]) and survives the
//! reload.

use std::panic::PanicHookInfo;

use crate::i18n::{self, Locale};

/// The message wasm-split's loader panics with when a chunk could not be fetched or
/// instantiated (`wasm_split_helpers`' generated wrapper, `ensure_loaded(..).expect(..)`).
const CHUNK_LOAD_FAILED: &str = "load callback should succeed";

/// The `id` of the notice, so that a second panic does not add a second one.
const NOTICE_ID: &str = "portal-stopped";

/// Sets the panic hook (once, at start; a later call replaces it).
pub fn install() {
    std::panic::set_hook(Box::new(on_panic));
}

fn on_panic(info: &PanicHookInfo<'_>) {
    let message = info.to_string();
    web_sys::console::error_1(&message.as_str().into());
    let cause = if message.contains(CHUNK_LOAD_FAILED) {
        "stopped-chunk"
    } else {
        "stopped-error"
    };
    // Nothing more can be done if the notice cannot be shown: the console has the panic.
    let _ = show_notice(cause);
}

/// Adds the notice to `<body>`: a heading, `cause`'s text and a link that reloads the page.
fn show_notice(cause: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    if document.get_element_by_id(NOTICE_ID).is_some() {
        return Some(());
    }
    let locale = document
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|tag| Locale::from_tag(&tag))
        .unwrap_or_default();
    let notice = document.create_element("div").ok()?;
    notice.set_id(NOTICE_ID);
    notice.set_class_name("stopped");
    notice.set_attribute("role", "alertdialog").ok()?;
    notice.set_attribute("aria-modal", "true").ok()?;
    notice
        .set_attribute("aria-labelledby", "portal-stopped-title")
        .ok()?;
    let title = document.create_element("h1").ok()?;
    title.set_id("portal-stopped-title");
    title.set_text_content(Some(&i18n::t(locale, "stopped-title")));
    let text = document.create_element("p").ok()?;
    text.set_text_content(Some(&i18n::t(locale, cause)));
    let reload = document.create_element("a").ok()?;
    let here = document.location()?.href().ok()?;
    reload.set_attribute("href", &here).ok()?;
    // A plain navigation, not one the router takes over (it runs in the wasm that stopped).
    reload.set_attribute("rel", "external").ok()?;
    reload.set_class_name("button");
    reload.set_text_content(Some(&i18n::t(locale, "stopped-reload")));
    notice.append_child(&title).ok()?;
    notice.append_child(&text).ok()?;
    notice.append_child(&reload).ok()?;
    document.body()?.append_child(&notice).ok()?;
    Some(())
}
