//! Resuming checkouts after a reload: the client's journal holds every checkout whose outcome
//! was not known when the page went away; on start they are sent again with their original
//! `MS-RequestId`, so Partner Center returns the first attempt's result instead of buying twice.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::errors::explain;
use crate::i18n::{Locale, t_with};
use crate::session::SessionStore;
use crate::state::{CartDraft, CheckoutOutcome, PlacedOrders};
use crate::{Page, route, tr, use_last_checkout, use_locale};

/// Sends the journal's pending checkouts again and publishes their outcomes.
pub fn resume_checkouts(
    session: SessionStore,
    last_checkout: RwSignal<Option<CheckoutOutcome>>,
    locale: RwSignal<Locale>,
) {
    let Some(current) = session.session_untracked() else {
        return;
    };
    spawn_local(async move {
        let Ok(outcomes) = current.client.resume_checkouts().await else {
            return;
        };
        for (entry, result) in outcomes {
            let draft = CartDraft::load(&entry.customer_id);
            let same_cart = draft
                .saved
                .as_ref()
                .and_then(|c| c.id.as_ref())
                .is_some_and(|id| id.as_str() == entry.cart_id);
            let result = match result {
                Ok(result) => {
                    PlacedOrders::record(
                        &entry.customer_id,
                        result.orders.as_deref().unwrap_or_default(),
                    );
                    if same_cart {
                        CartDraft::new(&entry.customer_id).store();
                    }
                    Ok(result)
                }
                Err(error) => Err(explain(&error, locale.get_untracked())),
            };
            last_checkout.set(Some(CheckoutOutcome {
                customer_id: entry.customer_id,
                draft,
                result,
                resumed: true,
            }));
        }
    });
}

/// A notice when a checkout was finished after a reload.
#[component]
pub fn ResumeNotice() -> impl IntoView {
    let last = use_last_checkout();
    let locale = use_locale();
    let base = route::base();
    view! {
        <div aria-live="polite" class="resume">
            {move || last.get().filter(|o| o.resumed).map(|outcome| {
                let orders = outcome.result.as_ref().map(|r| r.orders.as_ref().map_or(0, Vec::len)).unwrap_or(0);
                let href = format!("{base}{}", Page::Cart(&outcome.customer_id).path());
                view! {
                    <p class="notice" role="status">
                        {t_with(locale.get(), "resume-finished", &[("orders", orders.to_string())])}
                        " " <A href=href>{tr("resume-see-result")}</A>
                    </p>
                }
            })}
        </div>
    }
}
