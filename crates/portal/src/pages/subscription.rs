//! One subscription after the purchase: what it is, a live countdown to the end of its
//! cancellation window, and the changes Partner Center allows now — add seats, remove seats and
//! cancel (each with the refund shown before confirming), auto-renew on or off, and a change of
//! quantity, term and billing cycle scheduled for the renewal (shown, and removable).
//!
//! What is allowed, until when, and what a change refunds are pc-core's lifecycle rules
//! (`allowed_changes`, `check_change`, `refund`, `offered_combinations`) — the functions
//! pc-sandbox enforces — run at the *server's* time (pc-client's `server_now`, from the
//! responses' `Date` headers), so the countdown and the allowed changes agree with Partner
//! Center even when the browser's clock does not. A disabled change says why (the rule's
//! finding); a change Partner Center refuses anyway is explained with its error code.

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use pc_client::BillingPeriod;
use pc_core::enums::{BillingCycle, SubscriptionStatus};
use pc_core::models::{InstructionProduct, NextTermInstructions, Subscription};
use pc_core::rules::{
    Allowance, Finding, FindingCode, Refund, SubscriptionChange, SubscriptionFacts, TermOption,
    allowed_changes, check_change, offered_combinations, read_quantity, refund,
};
use pc_core::wire::Spelled;

use crate::api::{self, Loaded};
use crate::components::findings::FindingList;
use crate::components::quantity::{self, QuantityInput};
use crate::errors::{ProblemAlert, explain};
use crate::format;
use crate::i18n::{Locale, explain_finding, t, t_numbers, t_with};
use crate::pages::customer::{SignInFirst, loaded, use_customer};
use crate::session::use_session;
use crate::{Localized, Page, route, tr, use_locale};

/// The link to a subscription's page.
pub fn subscription_href(customer_id: &str, subscription_id: &str) -> String {
    Page::Subscription {
        customer_id,
        subscription_id,
    }
    .href()
}

/// A subscription's name: its nickname, else the offer's name, else its ID.
pub fn subscription_name(subscription: &Subscription) -> String {
    subscription
        .friendly_name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .or_else(|| subscription.offer_name.clone())
        .or_else(|| subscription.id.as_ref().map(|i| i.as_str().to_owned()))
        .unwrap_or_default()
}

/// A subscription's status in words.
pub fn status_text(subscription: &Subscription, locale: Locale) -> String {
    let Some(status) = subscription.status.as_ref() else {
        return String::new();
    };
    let key = match status.value() {
        SubscriptionStatus::Active => "subscription-status-active",
        SubscriptionStatus::Pending => "subscription-status-pending",
        SubscriptionStatus::Suspended => "subscription-status-suspended",
        SubscriptionStatus::Expired => "subscription-status-expired",
        SubscriptionStatus::Disabled => "subscription-status-disabled",
        SubscriptionStatus::Deleted => "subscription-status-deleted",
        SubscriptionStatus::None => "subscription-status-none",
        _ => {
            return t_with(
                locale,
                "subscription-status-other",
                &[("status", status.spelling().to_owned())],
            );
        }
    };
    t(locale, key)
}

/// "5 seats" (plural rules of the locale).
pub fn seats(count: i64, locale: Locale) -> String {
    t_numbers(locale, "seats-count", &[], &[("count", count)])
}

/// An instant as a localized date and time.
pub fn date_time(at: DateTime<Utc>, locale: Locale) -> String {
    format::date(&at.to_rfc3339(), locale, true)
}

/// A refund's amount in its currency, as the user reads money.
pub fn refund_amount(refund: &Refund, locale: Locale) -> String {
    format::money(&refund.amount, &refund.currency, locale)
}

/// "A refund of … is credited in the current billing period.", in the language of the moment.
pub(crate) fn refund_text(refund: Refund) -> Localized {
    Localized::new(move |locale| {
        t_with(
            locale,
            "done-refund",
            &[("amount", refund_amount(&refund, locale))],
        )
    })
}

/// A change Partner Center refused, with its reason in plain words, in the language of the
/// moment.
pub(crate) fn refused_text(error: pc_client::Error) -> Localized {
    Localized::new(move |locale| {
        t_with(
            locale,
            "change-refused",
            &[("reason", explain(&error, locale))],
        )
    })
}

/// "1 year · Monthly".
pub fn term_and_cycle(term: &str, cycle: &BillingCycle, locale: Locale) -> String {
    t_with(
        locale,
        "term-cycle",
        &[
            ("term", format::term(term, locale)),
            ("cycle", format::billing_cycle(cycle, locale)),
        ],
    )
}

/// The subscription with `change` made, as the PATCH body sends it back.
fn changed(subscription: &Subscription, change: &SubscriptionChange) -> Subscription {
    let mut out = subscription.clone();
    match change {
        SubscriptionChange::Quantity { quantity } => out.quantity = Some(*quantity),
        SubscriptionChange::Cancel => {
            out.status = Some(Spelled::from(SubscriptionStatus::Deleted));
        }
        SubscriptionChange::AutoRenew { enabled } => out.auto_renew_enabled = Some(*enabled),
        SubscriptionChange::ScheduleNextTerm { instructions } => {
            out.scheduled_next_term_instructions = Some((**instructions).clone());
        }
        SubscriptionChange::ClearScheduledNextTerm => out.scheduled_next_term_instructions = None,
    }
    out
}

/// A change waiting for the user's confirmation: what it does and what it refunds, computed
/// when it was reviewed.
#[derive(Clone, Debug, PartialEq)]
struct Pending {
    change: SubscriptionChange,
    /// The subscription's seats when it was reviewed.
    from: i64,
    refund: Option<Refund>,
    /// Whether the change refunds something (a reduction or cancellation).
    refunds: bool,
}

/// What the last change came to.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Done {
        text: Localized,
        refund: Option<Localized>,
    },
    Refused(Localized),
}

/// The end of the term (`commitmentEndDate`, the last day of the term) as a date.
fn term_end(subscription: &Subscription, locale: Locale) -> String {
    format::timestamp(subscription.commitment_end_date.as_ref(), locale, false)
}

/// The cancellation window's end: `cancellationAllowedUntilDate`.
fn window_end(subscription: &Subscription) -> Option<DateTime<Utc>> {
    subscription
        .cancellation_allowed_until_date
        .as_ref()
        .and_then(|t| t.instant())
}

/// The subscription page.
#[component]
pub fn SubscriptionDetail() -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return view! { <SignInFirst/> }.into_any();
    };
    let session = use_session();
    let locale = use_locale();
    let hooks = StoredValue::new_local(crate::embed::use_hooks());
    let params = use_params_map();
    let subscription_id =
        Memo::new(move |_| params.get().get("subscription_id").unwrap_or_default());
    let country = Memo::new(move |_| loaded(&ctx).map(|d| d.country()).unwrap_or_default());
    let detail = LocalResource::new(move || {
        let session = session.get();
        let (customer_id, subscription_id, country) =
            (ctx.id.get(), subscription_id.get(), country.get());
        async move {
            let session = session.ok_or_else(|| Localized::key("sign-in-first"))?;
            api::subscription(&session.client, &customer_id, &subscription_id, &country)
                .await
                .map_err(Localized::from)
        }
    });
    // What is shown: the loaded subscription, replaced by each change's answer.
    let shown: RwSignal<Option<Loaded>> = RwSignal::new(None);
    Effect::new(move |_| {
        if let Some(Ok(loaded)) = detail.get() {
            shown.set(Some(loaded));
        }
    });
    // The server's clock, ticking every second.
    let now = crate::ticking_clock(move || session.server_now(), Duration::from_secs(1));
    let facts = Memo::new(move |_| shown.with(|s| s.as_ref().map(|l| l.facts.clone())));
    let allowed = Memo::new(move |_| {
        let now = now.get();
        facts.with(|f| f.as_ref().map(|f| allowed_changes(f, now)))
    });
    let pending: RwSignal<Option<Pending>> = RwSignal::new(None);
    let outcome: RwSignal<Option<Outcome>> = RwSignal::new(None);
    let confirm_heading = NodeRef::<leptos::html::H3>::new();
    let outcome_box = NodeRef::<leptos::html::Div>::new();
    // Focus follows the flow: to the confirmation step when it opens, to the outcome after.
    Effect::new(move |_| {
        if pending.with(Option::is_some) {
            request_animation_frame(move || {
                if let Some(heading) = confirm_heading.get_untracked() {
                    let _ = heading.focus();
                }
            });
        }
    });
    let focus_outcome = move || {
        request_animation_frame(move || {
            if let Some(node) = outcome_box.get_untracked() {
                let _ = node.focus();
            }
        });
    };

    let apply = Action::new_local(move |pending_change: &Pending| {
        let pending_change = pending_change.clone();
        let session = session.session_untracked();
        let customer_id = ctx.id.get_untracked();
        let current = shown.get_untracked();
        async move {
            let locale = locale.get_untracked();
            let (Some(session), Some(current)) = (session, current) else {
                return;
            };
            let body = changed(&current.facts.subscription, &pending_change.change);
            let result = session
                .client
                .subscriptions()
                .update(&customer_id, &body)
                .await;
            pending.set(None);
            match result {
                Ok(updated) => {
                    let text = {
                        let (pending_change, updated) = (pending_change.clone(), updated.clone());
                        Localized::new(move |locale| done_text(&pending_change, &updated, locale))
                    };
                    let refund = pending_change.refund.clone().map(refund_text);
                    shown.update(|s| {
                        if let Some(s) = s {
                            s.facts.subscription = updated;
                        }
                    });
                    outcome.set(Some(Outcome::Done { text, refund }));
                    // The customer's other pages (the subscription list) read it again.
                    ctx.data.refetch();
                }
                Err(error) => {
                    let text = refused_text(error);
                    hooks.with_value(|h| h.error(&text.text(locale)));
                    outcome.set(Some(Outcome::Refused(text)));
                    // Show the subscription as it is now (and the server's time, which the
                    // refusal's `Date` header brought).
                    detail.refetch();
                }
            }
            focus_outcome();
        }
    });
    let review = move |change: SubscriptionChange| {
        let Some(facts) = facts.get_untracked() else {
            return;
        };
        let at = session.server_now();
        now.set(at);
        let refunds = matches!(&change, SubscriptionChange::Cancel)
            || matches!(&change, SubscriptionChange::Quantity { quantity } if Some(*quantity) < facts.subscription.quantity);
        outcome.set(None);
        pending.set(Some(Pending {
            refund: refund(&facts, &change, at),
            from: facts.subscription.quantity.unwrap_or(0),
            change,
            refunds,
        }));
    };
    // Changes without money (auto-renew, the renewal's instructions) are sent at once.
    let send_now = move |change: SubscriptionChange| {
        let from = facts
            .with_untracked(|f| f.as_ref().and_then(|f| f.subscription.quantity))
            .unwrap_or(0);
        outcome.set(None);
        apply.dispatch(Pending {
            change,
            from,
            refund: None,
            refunds: false,
        });
    };

    let base = route::base();
    view! {
        <p class="crumbs">
            <A href=move || format!("{base}{}", Page::Subscriptions(&ctx.id.get()).path())>{tr("subscription-back")}</A>
        </p>
        {move || match (detail.get(), shown.with(Option::is_some)) {
            (Some(Err(problem)), false) => view! { <ProblemAlert problem/> }.into_any(),
            (_, false) => view! { <p aria-live="polite">{tr("loading")}</p> }.into_any(),
            (_, true) => ().into_any(),
        }}
        <Show when=move || shown.with(Option::is_some)>
            <h2>{move || facts.with(|f| f.as_ref().map(|f| subscription_name(&f.subscription)).unwrap_or_default())}</h2>
            <Summary shown=shown/>
            <Countdown facts=facts now=now/>
            <div class="outcome" tabindex="-1" node_ref=outcome_box>
                {move || outcome.get().map(|o| match o {
                    Outcome::Done { text, refund } => {
                        let locale = locale.get();
                        let (text, refund) = (text.text(locale), refund.map(|r| r.text(locale)));
                        let order = shown.with_untracked(|s| s.as_ref().and_then(|l| l.order_id.clone()));
                        let currency = facts.with_untracked(|f| f.as_ref().and_then(|f| f.currency.clone())).unwrap_or_default();
                        let has_refund = refund.is_some();
                        view! {
                            <p role="status" class="ok">{text}{refund.map(|r| format!(" {r}"))}</p>
                            {has_refund.then(|| view! {
                                <p><A href=Page::Unbilled { currency: Some(&currency), period: BillingPeriod::Current, order: order.as_deref() }.href()>{tr("done-refund-link")}</A></p>
                            })}
                        }.into_any()
                    }
                    Outcome::Refused(text) => view! { <p role="alert" class="error">{move || text.text(locale.get())}</p> }.into_any(),
                })}
            </div>
            <Show when=move || pending.with(Option::is_some)>
                <section class="panel confirm" aria-labelledby="confirm-title">
                    <h3 id="confirm-title" tabindex="-1" node_ref=confirm_heading>{tr("confirm-title")}</h3>
                    {move || pending.get().map(|p| {
                        let locale = locale.get();
                        view! {
                            <p>{confirm_text(&p, locale)}</p>
                            {p.refunds.then(|| match &p.refund {
                                Some(r) => view! { <p class="price">{t_with(locale, "confirm-refund", &[("amount", refund_amount(r, locale))])}</p> }.into_any(),
                                None => view! { <p>{t(locale, "confirm-refund-unknown")}</p> }.into_any(),
                            })}
                            <button type="button" class="primary" disabled=move || apply.pending().get() on:click={
                                let p = p.clone();
                                move |_| { apply.dispatch(p.clone()); }
                            }>{tr("confirm-submit")}</button>
                            <button type="button" disabled=move || apply.pending().get() on:click=move |_| pending.set(None)>{tr("confirm-back")}</button>
                            <Show when=move || apply.pending().get()>
                                <p aria-live="polite">{tr("confirm-working")}</p>
                            </Show>
                        }
                    })}
                </section>
            </Show>
            <section aria-labelledby="change-title">
                <h3 id="change-title">{tr("change-title")}</h3>
                <SeatChanges facts=facts allowed=allowed now=now review=review busy=Signal::derive(move || pending.with(Option::is_some) || apply.pending().get())/>
                <AutoRenew facts=facts allowed=allowed send=send_now busy=Signal::derive(move || apply.pending().get())/>
                <Renewal facts=facts allowed=allowed now=now send=send_now busy=Signal::derive(move || apply.pending().get())/>
            </section>
        </Show>
    }
    .into_any()
}

/// The confirmation step's sentence for a change.
fn confirm_text(pending: &Pending, locale: Locale) -> String {
    match &pending.change {
        SubscriptionChange::Quantity { quantity } if *quantity >= pending.from => t_numbers(
            locale,
            "confirm-add",
            &[("seats", seats(*quantity, locale))],
            &[("count", quantity - pending.from)],
        ),
        SubscriptionChange::Quantity { quantity } => t_numbers(
            locale,
            "confirm-reduce",
            &[("seats", seats(*quantity, locale))],
            &[("count", pending.from - quantity)],
        ),
        SubscriptionChange::Cancel => {
            t_numbers(locale, "confirm-cancel", &[], &[("count", pending.from)])
        }
        _ => String::new(),
    }
}

/// The plain confirmation after a change, from the updated subscription.
fn done_text(pending: &Pending, updated: &Subscription, locale: Locale) -> String {
    let now_seats = seats(updated.quantity.unwrap_or(0), locale);
    match &pending.change {
        SubscriptionChange::Quantity { quantity } if *quantity >= pending.from => t_numbers(
            locale,
            "done-added",
            &[("seats", now_seats)],
            &[("count", quantity - pending.from)],
        ),
        SubscriptionChange::Quantity { quantity } => t_numbers(
            locale,
            "done-reduced",
            &[("seats", now_seats)],
            &[("count", pending.from - quantity)],
        ),
        SubscriptionChange::Cancel => t(locale, "done-cancelled"),
        SubscriptionChange::AutoRenew { enabled: true } => t_with(
            locale,
            "done-auto-renew-on",
            &[("date", term_end(updated, locale))],
        ),
        SubscriptionChange::AutoRenew { enabled: false } => t_with(
            locale,
            "done-auto-renew-off",
            &[("date", term_end(updated, locale))],
        ),
        SubscriptionChange::ScheduleNextTerm { .. } => t(locale, "done-scheduled"),
        SubscriptionChange::ClearScheduledNextTerm => t(locale, "done-schedule-removed"),
    }
}

/// The subscription's facts.
#[component]
fn Summary(shown: RwSignal<Option<Loaded>>) -> impl IntoView {
    let locale = use_locale();
    let Some(ctx) = use_customer() else {
        return ().into_any();
    };
    view! { {move || {
        let locale = locale.get();
        shown.get().map(|loaded| {
            let s = &loaded.facts.subscription;
            let on_off = |on: Option<bool>| t(locale, if on == Some(true) { "subscription-on" } else { "subscription-off" });
            let price = loaded.facts.unit_price.zip(loaded.facts.currency.as_deref()).map(|(p, c)| {
                t_with(locale, "subscription-unit-price-value", &[("price", format::money(&p, c, locale))])
            });
            let order = loaded.order_id.clone();
            let customer_id = ctx.id.get_untracked();
            view! {
                <dl class="facts">
                    <dt>{tr("subscription-status")}</dt><dd>{status_text(s, locale)}</dd>
                    <dt>{tr("subscription-seats")}</dt><dd>{s.quantity.unwrap_or_default()}</dd>
                    <dt>{tr("line-term")}</dt><dd>{s.term_duration.as_deref().map(|d| format::term(d, locale)).unwrap_or_default()}</dd>
                    <dt>{tr("groups-billing-cycle")}</dt><dd>{s.billing_cycle.as_ref().map(|c| format::billing_cycle(c.value(), locale)).unwrap_or_default()}</dd>
                    <dt>{tr("subscription-started")}</dt><dd>{format::timestamp(s.effective_start_date.as_ref().or(s.creation_date.as_ref()), locale, true)}</dd>
                    <dt>{tr("subscription-term-ends")}</dt><dd>{term_end(s, locale)}</dd>
                    <dt>{tr("subscription-auto-renew")}</dt><dd>{on_off(s.auto_renew_enabled)}</dd>
                    {price.map(|price| view! { <dt>{tr("subscription-unit-price")}</dt><dd>{price}</dd> })}
                    {order.map(|order| {
                        let href = Page::Order { customer_id: &customer_id, order_id: &order }.href();
                        view! { <dt>{tr("subscription-order")}</dt><dd><A href=href>{order.clone()}</A></dd> }
                    })}
                </dl>
            }
        })
    }} }
    .into_any()
}

/// The live countdown to the end of the cancellation window, with the date and time.
#[component]
fn Countdown(
    facts: Memo<Option<SubscriptionFacts>>,
    now: RwSignal<DateTime<Utc>>,
) -> impl IntoView {
    let locale = use_locale();
    let deadline =
        Memo::new(move |_| facts.with(|f| f.as_ref().and_then(|f| window_end(&f.subscription))));
    let active = Memo::new(move |_| {
        facts.with(|f| {
            f.as_ref().is_some_and(|f| {
                f.subscription.status.as_ref().map(|s| s.value())
                    == Some(&SubscriptionStatus::Active)
            })
        })
    });
    view! {
        <section class="panel" aria-labelledby="window-title">
            <h3 id="window-title">{tr("window-title")}</h3>
            {move || {
                let locale = locale.get();
                match deadline.get() {
                    Some(end) if active.get() && now.get() <= end => {
                        let when = date_time(end, locale);
                        view! {
                            <p>
                                {t_with(locale, "window-open-until", &[("deadline", when)])} " "
                                <span role="timer" class="timer">{t_with(locale, "window-left", &[("time", format::time_left(end - now.get(), locale))])}</span>
                            </p>
                        }.into_any()
                    }
                    Some(end) => view! { <p>{t_with(locale, "window-closed", &[("deadline", date_time(end, locale))])}</p> }.into_any(),
                    None => view! { <p>{t(locale, "window-none")}</p> }.into_any(),
                }
            }}
        </section>
    }
}

/// Why a change is not allowed, for a disabled control (empty when it is allowed).
fn why_not(allowance: Option<&Allowance>, locale: Locale) -> Option<String> {
    allowance
        .filter(|a| !a.allowed)
        .and_then(|a| a.finding.as_ref())
        .map(|f| explain_finding(f, locale))
}

/// Adding seats, removing seats and cancelling: each reviewed (with its refund) before it is
/// confirmed.
#[component]
fn SeatChanges(
    facts: Memo<Option<SubscriptionFacts>>,
    allowed: Memo<Option<pc_core::rules::AllowedChanges>>,
    now: RwSignal<DateTime<Utc>>,
    review: impl Fn(SubscriptionChange) + Copy + Send + Sync + 'static,
    #[prop(into)] busy: Signal<bool>,
) -> impl IntoView {
    let locale = use_locale();
    let current = Memo::new(move |_| {
        facts
            .with(|f| f.as_ref().and_then(|f| f.subscription.quantity))
            .unwrap_or(0)
    });
    let add_text = RwSignal::new("1".to_owned());
    let remove_text = RwSignal::new("1".to_owned());
    let number =
        |text: RwSignal<String>| move || text.with(|t| read_quantity(t).ok()).filter(|n| *n >= 1);
    let add_n = number(add_text);
    let remove_n = number(remove_text);
    // Live findings against the quantity asked for.
    let findings_for = move |quantity: Option<i64>| -> Vec<Finding> {
        let (Some(quantity), Some(facts)) = (quantity, facts.get()) else {
            return Vec::new();
        };
        check_change(
            &facts,
            &SubscriptionChange::Quantity { quantity },
            now.get(),
        )
    };
    let add_findings =
        Memo::new(move |_| findings_for(add_n().map(|n| current.get().saturating_add(n))));
    let remove_findings =
        Memo::new(move |_| findings_for(remove_n().map(|n| current.get().saturating_sub(n))));
    let allowance = move |pick: fn(&pc_core::rules::AllowedChanges) -> &Allowance| {
        move || allowed.with(|a| a.as_ref().map(|a| pick(a).clone()))
    };
    let add = allowance(|a| &a.add_seats);
    let reduce = allowance(|a| &a.reduce_seats);
    let cancel = allowance(|a| &a.cancel);
    // Why a number of seats is refused, next to its box: not a whole number, less than 1, or
    // the rules' findings for the quantity it leads to.
    let seats_problem =
        move |text: RwSignal<String>,
              findings: Memo<Vec<Finding>>,
              allowance: fn(&pc_core::rules::AllowedChanges) -> &Allowance| {
            Signal::derive(move || {
                // A change not allowed at all says why in its help text; the box is disabled.
                if !allowed.with(|a| a.as_ref().is_some_and(|a| allowance(a).allowed)) {
                    return None;
                }
                let locale = locale.get();
                text.with(|t| match quantity::input_problem(t, locale) {
                    Some(problem) => Some(problem),
                    None if read_quantity(t).is_ok_and(|n| n < 1) => Some(t_with(
                        locale,
                        "quantity-at-least",
                        &[("minimum", "1".to_owned())],
                    )),
                    None => findings.with(|f| quantity::problem(t, f, locale)),
                })
            })
        };
    let add_problem = seats_problem(add_text, add_findings, |a| &a.add_seats);
    let remove_problem = seats_problem(remove_text, remove_findings, |a| &a.reduce_seats);
    view! {
        <div class="panel change">
            <h4 id="add-title">{tr("change-add-title")}</h4>
            <form class="fields" aria-labelledby="add-title" on:submit=move |ev| {
                ev.prevent_default();
                if let Some(n) = add_n() { review(SubscriptionChange::Quantity { quantity: current.get_untracked().saturating_add(n) }); }
            }>
                <QuantityInput id="add-seats".to_owned() label=Signal::derive(tr("change-add-label"))
                    text=add_text problem=add_problem described_by="add-help" minimum=1
                    disabled=Signal::derive(move || !add().is_some_and(|a| a.allowed))/>
                <button type="submit" aria-describedby="add-help"
                    disabled=move || busy.get() || !add().is_some_and(|a| a.allowed) || add_n().is_none() || !add_findings.with(Vec::is_empty)>
                    {tr("change-add-review")}
                </button>
            </form>
            <p id="add-help" class="muted">{move || {
                let locale = locale.get();
                match add() {
                    Some(a) if a.allowed => a.quantity.map(|room| t_numbers(locale, "change-add-room", &[], &[("count", room)])).unwrap_or_default(),
                    other => why_not(other.as_ref(), locale).unwrap_or_default(),
                }
            }}</p>

            <h4 id="reduce-title">{tr("change-reduce-title")}</h4>
            <form class="fields" aria-labelledby="reduce-title" on:submit=move |ev| {
                ev.prevent_default();
                if let Some(n) = remove_n() { review(SubscriptionChange::Quantity { quantity: current.get_untracked().saturating_sub(n) }); }
            }>
                <QuantityInput id="remove-seats".to_owned() label=Signal::derive(tr("change-reduce-label"))
                    text=remove_text problem=remove_problem described_by="reduce-help" minimum=1
                    disabled=Signal::derive(move || !reduce().is_some_and(|a| a.allowed))/>
                <button type="submit" aria-describedby="reduce-help"
                    disabled=move || busy.get() || !reduce().is_some_and(|a| a.allowed) || remove_n().is_none() || !remove_findings.with(Vec::is_empty)>
                    {tr("change-reduce-review")}
                </button>
            </form>
            <p id="reduce-help" class="muted">{move || {
                let locale = locale.get();
                match reduce() {
                    Some(a) if a.allowed => {
                        let until = a.until.map(|u| date_time(u, locale)).unwrap_or_default();
                        t_numbers(locale, "change-reduce-room", &[("deadline", until)], &[("count", a.quantity.unwrap_or(0))])
                    }
                    other => why_not(other.as_ref(), locale).unwrap_or_default(),
                }
            }}</p>

            <h4 id="cancel-title">{tr("change-cancel-title")}</h4>
            <button type="button" aria-describedby="cancel-help"
                disabled=move || busy.get() || !cancel().is_some_and(|a| a.allowed)
                on:click=move |_| review(SubscriptionChange::Cancel)>
                {tr("change-cancel-review")}
            </button>
            <p id="cancel-help" class="muted">{move || {
                let locale = locale.get();
                match cancel() {
                    Some(a) if a.allowed => a.until.map(|u| t_with(locale, "change-cancel-until", &[("deadline", date_time(u, locale))])).unwrap_or_default(),
                    other => why_not(other.as_ref(), locale).unwrap_or_default(),
                }
            }}</p>
        </div>
    }
}

/// The auto-renew switch (sent at once).
#[component]
fn AutoRenew(
    facts: Memo<Option<SubscriptionFacts>>,
    allowed: Memo<Option<pc_core::rules::AllowedChanges>>,
    send: impl Fn(SubscriptionChange) + Copy + Send + Sync + 'static,
    #[prop(into)] busy: Signal<bool>,
) -> impl IntoView {
    let locale = use_locale();
    let on = Memo::new(move |_| {
        facts.with(|f| f.as_ref().and_then(|f| f.subscription.auto_renew_enabled)) == Some(true)
    });
    let allowance = move || allowed.with(|a| a.as_ref().map(|a| a.auto_renew.clone()));
    view! {
        <div class="panel change">
            <h4>{tr("change-auto-renew-title")}</h4>
            <span class="check">
                <input id="auto-renew" type="checkbox" role="switch" aria-describedby="auto-renew-help"
                    prop:checked=move || on.get()
                    disabled=move || busy.get() || !allowance().is_some_and(|a| a.allowed)
                    on:change=move |ev| send(SubscriptionChange::AutoRenew { enabled: event_target_checked(&ev) })/>
                <label for="auto-renew">{tr("change-auto-renew-label")}</label>
            </span>
            <p id="auto-renew-help" class="muted">{move || {
                let locale = locale.get();
                match allowance() {
                    Some(a) if a.allowed => {
                        let end = facts.with(|f| f.as_ref().map(|f| term_end(&f.subscription, locale))).unwrap_or_default();
                        t_with(locale, if on.get() { "auto-renew-on-help" } else { "auto-renew-off-help" }, &[("date", end)])
                    }
                    other => why_not(other.as_ref(), locale).unwrap_or_default(),
                }
            }}</p>
        </div>
    }
}

/// "Change at renewal": the scheduled change (removable) and a form for a new one, offering only
/// the term and billing-cycle pairs the availability offers.
#[component]
fn Renewal(
    facts: Memo<Option<SubscriptionFacts>>,
    allowed: Memo<Option<pc_core::rules::AllowedChanges>>,
    now: RwSignal<DateTime<Utc>>,
    send: impl Fn(SubscriptionChange) + Copy + Send + Sync + 'static,
    #[prop(into)] busy: Signal<bool>,
) -> impl IntoView {
    let locale = use_locale();
    let options = Memo::new(move |_| {
        facts.with(|f| {
            f.as_ref()
                .and_then(|f| f.availability.as_ref())
                .map(offered_combinations)
                .unwrap_or_default()
                .into_iter()
                .filter(|o| !o.term_duration.is_empty())
                .collect::<Vec<TermOption>>()
        })
    });
    let current_option = move || {
        facts.with(|f| {
            f.as_ref().map(|f| {
                let s = &f.subscription;
                let scheduled = s
                    .scheduled_next_term_instructions
                    .as_ref()
                    .and_then(|i| i.product.as_ref());
                let term = scheduled
                    .and_then(|p| p.term_duration.clone())
                    .or_else(|| s.term_duration.clone())
                    .unwrap_or_default();
                let cycle = scheduled
                    .and_then(|p| p.billing_cycle.clone())
                    .or_else(|| s.billing_cycle.clone());
                (term, cycle.map(|c| c.value().clone()))
            })
        })
    };
    let choice = RwSignal::new(String::new());
    let quantity_text = RwSignal::new(String::new());
    // Start from the current (or scheduled) choice whenever the subscription changes.
    Effect::new(move |_| {
        let current = current_option();
        let quantity = facts.with(|f| {
            f.as_ref().and_then(|f| {
                f.subscription
                    .scheduled_next_term_instructions
                    .as_ref()
                    .and_then(|i| i.quantity)
                    .or(f.subscription.quantity)
            })
        });
        let index = current.and_then(|(term, cycle)| {
            options.with_untracked(|o| {
                o.iter().position(|o| {
                    o.term_duration.eq_ignore_ascii_case(&term)
                        && Some(&o.billing_cycle) == cycle.as_ref()
                })
            })
        });
        choice.set(index.map(|i| i.to_string()).unwrap_or_default());
        quantity_text.set(quantity.map(|q| q.to_string()).unwrap_or_default());
    });
    let instructions = move || -> Option<NextTermInstructions> {
        let index: usize = choice.with(|c| c.parse().ok())?;
        let option = options.with(|o| o.get(index).cloned())?;
        let quantity: i64 = quantity_text.with(|q| read_quantity(q).ok())?;
        let availability = facts.with(|f| f.as_ref().and_then(|f| f.availability.clone()))?;
        Some(NextTermInstructions {
            product: Some(InstructionProduct {
                product_id: availability
                    .product_id
                    .as_ref()
                    .map(|p| p.as_str().to_owned()),
                sku_id: availability.sku_id.as_ref().map(|s| s.as_str().to_owned()),
                availability_id: availability.id.as_ref().map(|a| a.as_str().to_owned()),
                billing_cycle: Some(Spelled::from(option.billing_cycle)),
                term_duration: Some(option.term_duration),
                ..InstructionProduct::default()
            }),
            quantity: Some(quantity),
            ..NextTermInstructions::default()
        })
    };
    let findings = Memo::new(move |_| {
        let (Some(instructions), Some(facts)) = (instructions(), facts.get()) else {
            return Vec::new();
        };
        check_change(
            &facts,
            &SubscriptionChange::ScheduleNextTerm {
                instructions: Box::new(instructions),
            },
            now.get(),
        )
    });
    let allowance = move || allowed.with(|a| a.as_ref().map(|a| a.schedule_next_term.clone()));
    let can = move || allowance().is_some_and(|a| a.allowed);
    // The quantity's problems at its box; the other findings (term, billing cycle) below.
    let is_quantity = |f: &Finding| f.code == FindingCode::QuantityOutOfRange;
    let quantity_problem = Signal::derive(move || {
        let locale = locale.get();
        let found: Vec<Finding> =
            findings.with(|f| f.iter().filter(|f| is_quantity(f)).cloned().collect());
        quantity_text.with(|t| quantity::problem(t, &found, locale))
    });
    let other_findings = Signal::derive(move || {
        findings.with(|f| {
            f.iter()
                .filter(|f| !is_quantity(f))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let scheduled = move || {
        facts.with(|f| {
            f.as_ref().and_then(|f| {
                let s = &f.subscription;
                let i = s.scheduled_next_term_instructions.as_ref()?;
                let product = i.product.as_ref();
                let term = product
                    .and_then(|p| p.term_duration.clone())
                    .or_else(|| s.term_duration.clone())
                    .unwrap_or_default();
                let cycle = product
                    .and_then(|p| p.billing_cycle.clone())
                    .or_else(|| s.billing_cycle.clone())
                    .map(|c| c.value().clone());
                Some((i.quantity.or(s.quantity).unwrap_or(0), term, cycle))
            })
        })
    };
    let renewal_date = move || {
        facts.with(|f| {
            f.as_ref()
                .and_then(|f| {
                    f.subscription
                        .commitment_end_date
                        .as_ref()
                        .and_then(|t| t.instant())
                })
                .map(|end| {
                    format::date(
                        &(end + TimeDelta::days(1)).to_rfc3339(),
                        locale.get(),
                        false,
                    )
                })
                .unwrap_or_default()
        })
    };
    view! {
        <div class="panel change">
            <h4 id="renewal-title">{tr("change-renewal-title")}</h4>
            <p>{move || t_with(locale.get(), "change-renewal-intro", &[("date", renewal_date())])}</p>
            {move || {
                let locale = locale.get();
                match scheduled() {
                    Some((quantity, term, cycle)) => {
                        let what = cycle.as_ref().map(|c| term_and_cycle(&term, c, locale)).unwrap_or_else(|| format::term(&term, locale));
                        view! {
                            <p class="scheduled" role="note">{t_with(locale, "change-renewal-scheduled", &[("seats", seats(quantity, locale)), ("terms", what)])}</p>
                            <button type="button" disabled=move || busy.get() on:click=move |_| send(SubscriptionChange::ClearScheduledNextTerm)>{tr("change-renewal-remove")}</button>
                        }.into_any()
                    }
                    None => view! { <p>{t(locale, "change-renewal-none")}</p> }.into_any(),
                }
            }}
            <form class="fields" aria-labelledby="renewal-title" on:submit=move |ev| {
                ev.prevent_default();
                if let Some(instructions) = instructions() {
                    send(SubscriptionChange::ScheduleNextTerm { instructions: Box::new(instructions) });
                }
            }>
                <span>
                    <label for="renewal-terms">{tr("change-renewal-option")}</label>
                    <select id="renewal-terms" disabled=move || !can() aria-describedby="renewal-help"
                        prop:value=move || choice.get() on:change=move |ev| choice.set(event_target_value(&ev))>
                        {move || {
                            let locale = locale.get();
                            options.get().into_iter().enumerate().map(|(i, o)| {
                                let value = i.to_string();
                                let selected = choice.with(|c| *c == value);
                                view! { <option value=value selected=selected>{term_and_cycle(&o.term_duration, &o.billing_cycle, locale)}</option> }
                            }).collect_view()
                        }}
                    </select>
                </span>
                <QuantityInput id="renewal-quantity".to_owned() label=Signal::derive(tr("change-renewal-quantity"))
                    text=quantity_text problem=quantity_problem described_by="renewal-help" minimum=1
                    disabled=Signal::derive(move || !can())/>
                <button type="submit" aria-describedby="renewal-help"
                    disabled=move || busy.get() || !can() || instructions().is_none() || !findings.with(Vec::is_empty)>
                    {tr("change-renewal-submit")}
                </button>
            </form>
            <p id="renewal-help" class="muted">{move || why_not(allowance().as_ref(), locale.get()).unwrap_or_default()}</p>
            <FindingList findings=other_findings/>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_left_reads_as_words_with_plurals() {
        let left = TimeDelta::days(6) + TimeDelta::hours(1) + TimeDelta::seconds(61);
        assert_eq!(
            format::time_left(left, Locale::EnUs),
            "6 days, 1 hour, 1 minute, 1 second"
        );
        assert_eq!(
            format::time_left(TimeDelta::seconds(59), Locale::EnUs),
            "0 minutes, 59 seconds"
        );
        assert_eq!(
            format::time_left(TimeDelta::hours(2), Locale::HeIl),
            "שעתיים, 0 דקות, 0 שניות"
        );
        assert_eq!(
            format::time_left(TimeDelta::days(1) + TimeDelta::minutes(2), Locale::SvSe),
            "1 dag, 0 timmar, 2 minuter, 0 sekunder"
        );
        assert_eq!(
            format::time_left(TimeDelta::seconds(-5), Locale::NlNl),
            "0 minuten, 0 seconden"
        );
    }

    #[test]
    fn a_change_is_sent_as_the_subscription_with_that_member_changed() {
        let read = Subscription {
            quantity: Some(5),
            auto_renew_enabled: Some(true),
            scheduled_next_term_instructions: Some(NextTermInstructions {
                quantity: Some(3),
                ..NextTermInstructions::default()
            }),
            ..Subscription::default()
        };
        let fewer = changed(&read, &SubscriptionChange::Quantity { quantity: 2 });
        assert_eq!(fewer.quantity, Some(2));
        assert_eq!(
            fewer.scheduled_next_term_instructions,
            read.scheduled_next_term_instructions
        );
        let cancelled = changed(&read, &SubscriptionChange::Cancel);
        assert_eq!(
            cancelled.status.as_ref().map(|s| s.value().clone()),
            Some(SubscriptionStatus::Deleted)
        );
        let cleared = changed(&read, &SubscriptionChange::ClearScheduledNextTerm);
        assert_eq!(cleared.scheduled_next_term_instructions, None);
        assert_eq!(cleared.quantity, Some(5));
    }

    #[test]
    fn confirmations_say_what_changes_in_every_locale() {
        let reduce = Pending {
            change: SubscriptionChange::Quantity { quantity: 3 },
            from: 5,
            refund: None,
            refunds: true,
        };
        assert_eq!(
            confirm_text(&reduce, Locale::EnUs),
            "Remove 2 seats, to 3 seats in total."
        );
        let add = Pending {
            change: SubscriptionChange::Quantity { quantity: 6 },
            ..reduce.clone()
        };
        assert!(confirm_text(&add, Locale::EnUs).starts_with("Add 1 seat, to 6 seats in total."));
        let cancel = Pending {
            change: SubscriptionChange::Cancel,
            from: 1,
            ..reduce.clone()
        };
        assert_eq!(
            confirm_text(&cancel, Locale::EnUs),
            "Cancel the subscription: its seat ends now."
        );
        for locale in Locale::ALL {
            for pending in [&reduce, &add, &cancel] {
                let text = confirm_text(pending, locale);
                assert!(!text.is_empty() && !text.contains("confirm-"), "{text}");
                assert!(!text.contains('{'), "{text}");
            }
        }
        assert_eq!(
            confirm_text(&reduce, Locale::HeIl),
            "הסרת שני רישיונות, ל-3 רישיונות בסך הכול."
        );
    }
}
