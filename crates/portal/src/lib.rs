//! # pc-portal
//!
//! The purchase portal (Leptos 0.8, client-side rendered). `App` holds the router; `pages/`
//! has one file per route. It talks to Partner Center only through pc-client, and checks carts
//! with pc-core before anything is submitted.
//!
//! Work in progress (issue 5): the sign-in page and the router skeleton.

pub mod pages;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The portal: sign-in, then the purchase flow.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <main id="main">
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::sign_in::SignIn/>
                </Routes>
            </main>
        </Router>
    }
}
