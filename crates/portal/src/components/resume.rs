//! Resuming checkouts after a reload: the client's journal holds every checkout whose outcome
//! was not known when the page went away; on start they are sent again with their original
//! `MS-RequestId`, so Partner Center returns the first attempt's result instead of buying twice.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::i18n::t_with;
use crate::session::{PortalClient, SessionStore};
use crate::state::{CartDraft, CheckoutOutcome, PlacedOrders};
use crate::{Localized, Page, route, tr, use_last_checkout, use_locale};

/// Sends the journal's pending checkouts again and publishes their outcomes. Almost every start
/// has none: then nothing more happens, and in the split build the code that resumes
/// (`resume_pending`, with the decoders of carts, orders and availabilities it needs) is never
/// fetched.
pub fn resume_checkouts(session: SessionStore, last_checkout: RwSignal<Option<CheckoutOutcome>>) {
    let Some(current) = session.session_untracked() else {
        return;
    };
    if current
        .client
        .pending_checkouts()
        .map_or(true, |pending| pending.is_empty())
    {
        return;
    }
    spawn_local(async move {
        for outcome in resume_pending(current.client).await {
            last_checkout.set(Some(outcome));
        }
    });
}

/// Re-sends the pending checkouts (pc-client's `resume_checkouts`, each with its original
/// `MS-RequestId`) and records what they placed: each outcome with the customer's draft, the
/// orders kept in "orders placed here", and the draft emptied when its cart was the one bought.
/// With feature `split` a module of its own, loaded on the first call.
#[cfg_attr(feature = "split", leptos::lazy)]
async fn resume_pending(client: Rc<PortalClient>) -> Vec<CheckoutOutcome> {
    let Ok(outcomes) = client.resume_checkouts().await else {
        return Vec::new();
    };
    outcomes
        .into_iter()
        .map(|(entry, result)| {
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
                Err(error) => Err(Localized::from(error)),
            };
            CheckoutOutcome {
                customer_id: entry.customer_id,
                draft,
                result,
                resumed: true,
            }
        })
        .collect()
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
