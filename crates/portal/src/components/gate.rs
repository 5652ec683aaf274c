//! The sign-in gate of the standalone portal: while the gateway is asked for the session a short
//! notice, when nobody is signed in the sign-in page (for whatever path was asked for, so the
//! path survives signing in), else the pages. The embedded portal is always signed in.

use leptos::prelude::*;

use crate::i18n::t_with;
use crate::pages::sign_in::SignIn;
use crate::session::{AuthState, use_session};
use crate::{tr, use_locale};

/// What the gate shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Showing {
    Checking,
    SignIn,
    Pages,
}

/// Shows `children` (the routes) only to a signed-in user.
#[component]
pub fn Gate(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let showing = Memo::new(move |_| match session.auth.get() {
        AuthState::Checking => Showing::Checking,
        AuthState::Ready => Showing::Pages,
        AuthState::SignedOut { .. } | AuthState::Unreachable(_) => Showing::SignIn,
    });
    move || match showing.get() {
        Showing::Checking => {
            view! { <p aria-live="polite" class="muted">{tr("session-checking")}</p> }.into_any()
        }
        Showing::SignIn => view! { <SignIn/> }.into_any(),
        Showing::Pages => view! { <PartnerNotice/> {children()} }.into_any(),
    }
}

/// Says plainly that the partner profile could not be read (the purchase rules then cannot
/// run), with the gateway's reason.
#[component]
fn PartnerNotice() -> impl IntoView {
    let session = use_session();
    let locale = use_locale();
    let reason = move || {
        session
            .account
            .with(|a| a.as_ref().and_then(|a| a.partner_error.clone()))
            .filter(|_| session.partner.with(Option::is_none))
    };
    move || {
        reason().map(|reason| {
            view! {
                <p role="alert" class="error">
                    {t_with(locale.get(), "partner-unavailable", &[("reason", reason)])}
                </p>
            }
        })
    }
}
