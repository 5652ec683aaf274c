//! Focus management: after a client-side navigation, focus moves to the page's main region, so
//! keyboard and screen-reader users start at the new content instead of the old link.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Moves focus to the `<main>` element `main` whenever the path changes (not on the first
/// render). A node reference, not an ID lookup, so it also works inside the embedded portal's
/// shadow root.
#[component]
pub fn FocusOnNavigation(
    /// The page's `<main>`.
    main: NodeRef<leptos::html::Main>,
) -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path)
            && let Some(main) = main.get_untracked()
        {
            let _ = main.focus();
        }
        path
    });
}
