//! Sign-in: one "Sign in with Microsoft" link to the gateway's `/auth/login`, carrying the path
//! the user wanted so that a deep link survives signing in. The gateway signs the user in with
//! Entra ID (or the sandbox's look-alike) and keeps the tokens; the portal never sees one.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::t_with;
use crate::session::{AuthState, login_href, use_session};
use crate::{tr, use_locale};

/// The sign-in page (shown for any path while nobody is signed in).
#[component]
pub fn SignIn() -> impl IntoView {
    let session = use_session();
    let locale = use_locale();
    let location = use_location();
    let href = move || {
        let path = location.pathname.get();
        let search = location.search.get();
        let wanted = if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        };
        login_href(&wanted)
    };
    let notice = move || match session.auth.get() {
        AuthState::SignedOut { ended: true } => Some(tr("sign-in-session-ended")()),
        AuthState::Unreachable(reason) => Some(t_with(
            locale.get(),
            "sign-in-unreachable",
            &[("reason", reason)],
        )),
        _ => None,
    };
    let unreachable = move || matches!(session.auth.get(), AuthState::Unreachable(_));
    view! {
        <section aria-labelledby="sign-in-title" class="sign-in">
            <h1 id="sign-in-title">{tr("sign-in-title")}</h1>
            <p role="alert" aria-live="assertive">{notice}</p>
            <Show when=move || !unreachable()>
                <p>{tr("sign-in-intro")}</p>
                // A plain link: the gateway's sign-in is a full-page redirect to Microsoft.
                <a class="button" rel="external" href=href>{tr("sign-in-microsoft")}</a>
            </Show>
        </section>
    }
}
