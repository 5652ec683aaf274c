//! Focus management: after a client-side navigation, focus moves to the page's main region, so
//! keyboard and screen-reader users start at the new content instead of the old link.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast as _;

/// Moves focus to `<main id="main">` whenever the path changes (not on the first render).
#[component]
pub fn FocusOnNavigation() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path)
            && let Some(main) = document()
                .get_element_by_id("main")
                .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = main.focus();
        }
        path
    });
}
