//! One order: its lines with provisioning status, the subscriptions it created (linked to their
//! pages), each line's activation links, where it is billed (its unbilled or invoiced
//! reconciliation lines), and — for software — cancelling a line within its window with the
//! refund shown first (pc-core's `check_software_cancellation` and `software_refund` at the
//! server's time; `PATCH` of the order through pc-client).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use pc_client::BillingPeriod;
use pc_core::models::{Order, OrderLineItem};
use pc_core::rules::{ProductKind, check_software_cancellation, software_refund};

use crate::api::{self};
use crate::errors::ProblemAlert;
use crate::format;
use crate::i18n::{explain_finding, t, t_with};
use crate::pages::customer::{SignInFirst, loaded, use_customer};
use crate::pages::subscription::{
    refund_amount, refund_text, refused_text, subscription_href, subscription_name,
};
use crate::session::use_session;
use crate::{Localized, Page, tr, use_locale};

/// An order's status in words (the raw spelling only for a status this version does not know).
pub fn order_status_text(order: &Order, locale: crate::i18n::Locale) -> String {
    use pc_core::enums::OrderStatus;
    let Some(status) = order.status.as_ref() else {
        return String::new();
    };
    let key = match status.value() {
        OrderStatus::Completed => "order-status-completed",
        OrderStatus::Pending => "order-status-pending",
        OrderStatus::Cancelled => "order-status-cancelled",
        OrderStatus::Suspended => "order-status-suspended",
        OrderStatus::PendingReview => "order-status-pending-review",
        OrderStatus::PendingPoUpload => "order-status-pending-po-upload",
        OrderStatus::PoUploadComplete => "order-status-po-upload-complete",
        OrderStatus::PoReviewRejected => "order-status-po-review-rejected",
        OrderStatus::PartialSuccess => "order-status-partial-success",
        OrderStatus::Error => "order-status-error",
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

/// The order page.
#[component]
pub fn OrderDetail() -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return view! { <SignInFirst/> }.into_any();
    };
    let session = use_session();
    let locale = use_locale();
    let params = use_params_map();
    let order_id = Memo::new(move |_| params.get().get("order_id").unwrap_or_default());
    let country = Memo::new(move |_| loaded(&ctx).map(|d| d.country()).unwrap_or_default());
    let detail = LocalResource::new(move || {
        let session = session.get();
        let (customer_id, order_id, country) = (ctx.id.get(), order_id.get(), country.get());
        async move {
            let session = session.ok_or_else(|| Localized::key("sign-in-first"))?;
            api::order(&session.client, &customer_id, &order_id, &country)
                .await
                .map_err(Localized::from)
        }
    });
    let cancel_outcome: RwSignal<Option<CancelOutcome>> = RwSignal::new(None);
    let outcome_box = NodeRef::<leptos::html::Div>::new();
    let focus_outcome = move || {
        request_animation_frame(move || {
            if let Some(node) = outcome_box.get_untracked() {
                let _ = node.focus();
            }
        });
    };
    view! {
        <h2>{move || t_with(locale.get(), "order-title", &[("id", order_id.get())])}</h2>
        <button type="button" on:click=move |_| detail.refetch()>{tr("refresh")}</button>
        <div class="outcome" tabindex="-1" node_ref=outcome_box>
            {move || cancel_outcome.get().map(|o| match o {
                CancelOutcome::Done { text, refund, unbilled } => {
                    let locale = locale.get();
                    let (text, refund) = (text.text(locale), refund.map(|r| r.text(locale)));
                    let has_refund = refund.is_some();
                    view! {
                        <p role="status" class="ok">{text}{refund.map(|r| format!(" {r}"))}</p>
                        {has_refund.then(|| view! { <p><A href=unbilled>{tr("done-refund-link")}</A></p> })}
                    }.into_any()
                }
                CancelOutcome::Refused(text) => view! { <p role="alert" class="error">{move || text.text(locale.get())}</p> }.into_any(),
            })}
        </div>
        {move || match detail.get() {
            None => view! { <p aria-live="polite">{tr("loading")}</p> }.into_any(),
            Some(Err(problem)) => view! { <ProblemAlert problem/> }.into_any(),
            Some(Ok(v)) => {
                let locale = locale.get();
                let currency = v.order.currency_code.clone().unwrap_or_default();
                view! {
                    <dl class="facts">
                        <dt>{tr("orders-status")}</dt><dd>{order_status_text(&v.order, locale)}</dd>
                        <dt>{tr("orders-created")}</dt><dd>{format::timestamp(v.order.creation_date.as_ref(), locale, true)}</dd>
                        <dt>{tr("groups-billing-cycle")}</dt><dd>{v.order.billing_cycle.as_ref().map(|c| format::billing_cycle(c.value(), locale)).unwrap_or_default()}</dd>
                        <dt>{tr("orders-total")}</dt><dd>{v.order.total_price.map(|p| format::money(&p, &currency, locale)).unwrap_or_default()}</dd>
                    </dl>
                    <h3>{tr("order-lines")}</h3>
                    <table>
                        <thead><tr>
                            <th scope="col">"#"</th><th scope="col">{tr("order-offer")}</th><th scope="col">{tr("line-quantity")}</th>
                            <th scope="col">{tr("line-term")}</th><th scope="col">{tr("order-provisioning")}</th><th scope="col">{tr("order-activation")}</th>
                        </tr></thead>
                        <tbody>
                            {v.order.line_items.clone().unwrap_or_default().into_iter().map(|line| {
                                let number = line.line_item_number.unwrap_or_default();
                                let status = v.provisioning.iter().find(|p| p.line_item_number == Some(number)).and_then(|p| p.status.as_ref()).map(|s| format::fulfillment_status(s.value(), locale)).unwrap_or_default();
                                let links: Vec<(String, String)> = v.activation_links.iter().find(|(n, _)| *n == number).map(|(_, l)| l.iter().filter_map(|link| {
                                    let uri = link["uri"].as_str().or_else(|| link["link"]["uri"].as_str())?.to_owned();
                                    Some((link["title"].as_str().unwrap_or(uri.as_str()).to_owned(), uri))
                                }).collect()).unwrap_or_default();
                                view! {
                                    <tr>
                                        <td>{format::ordinal(&number.to_string())}</td>
                                        <td>{line.friendly_name.clone().unwrap_or_default()}<br/><code>{line.offer_id.as_ref().map(|o| o.as_str().to_owned()).unwrap_or_default()}</code></td>
                                        <td class="num">{line.quantity.unwrap_or_default()}</td>
                                        <td>{line.term_duration.as_deref().map(|d| format::term(d, locale)).unwrap_or_default()}</td>
                                        <td>{status}</td>
                                        <td>{links.into_iter().map(|(title, uri)| view! { <a href=uri rel="noopener noreferrer" target="_blank">{title}</a> }).collect_view()}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    <h3>{tr("order-billing")}</h3>
                    {if v.billing.is_empty() {
                        view! { <p>{tr("order-billing-none")}</p> }.into_any()
                    } else {
                        view! {
                            <table class="order-billing">
                                <thead><tr>
                                    <th scope="col">{tr("unbilled-product")}</th><th scope="col">{tr("line-quantity")}</th>
                                    <th scope="col">{tr("unbilled-amount")}</th><th scope="col">{tr("invoice-id")}</th>
                                </tr></thead>
                                <tbody>
                                    {v.billing.clone().into_iter().map(|l| {
                                        let order_id = l.order_id.clone().unwrap_or_default();
                                        let currency = l.currency.clone().unwrap_or_default();
                                        let invoice = l.invoice_number.clone().filter(|n| !n.is_empty());
                                        view! {
                                            <tr>
                                                <td>{l.product_name.clone().unwrap_or_default()}</td>
                                                <td class="num">{crate::pages::unbilled::quantity(l.quantity)}</td>
                                                <td class="num">{l.total_for_customer.map(|p| format::money(&p, &currency, locale)).unwrap_or_default()}</td>
                                                <td>{match invoice {
                                                    Some(id) => view! { <A href=Page::Invoice(&id).href()>{id.clone()}</A> }.into_any(),
                                                    None => view! { <A href=Page::Unbilled { currency: Some(&currency), period: BillingPeriod::Current, order: Some(&order_id) }.href()>{tr("order-billing-unbilled")}</A> }.into_any(),
                                                }}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                    {(!v.software.is_empty()).then(|| view! {
                        <SoftwareCancellation order=v.order.clone() software=v.software.clone() outcome=cancel_outcome
                            done=move || { detail.refetch(); focus_outcome(); }/>
                    })}
                    <h3>{tr("order-subscriptions")}</h3>
                    {if v.subscriptions.is_empty() {
                        view! { <p>{tr("order-subscriptions-none")}</p> }.into_any()
                    } else {
                        view! {
                            <ul>{v.subscriptions.into_iter().map(|s| {
                                let id = s.id.as_ref().map(|i| i.as_str().to_owned()).unwrap_or_default();
                                let href = subscription_href(&ctx.id.get_untracked(), &id);
                                view! {
                                    <li><A href=href>{subscription_name(&s)}</A> " · " <code>{id.clone()}</code></li>
                                }
                            }).collect_view()}</ul>
                        }.into_any()
                    }}
                }.into_any()
            }
        }}
    }
    .into_any()
}

/// What cancelling a software line came to. Kept by the order page (not the section, which is
/// drawn again when the order is read again after the change).
#[derive(Clone, Debug, PartialEq)]
enum CancelOutcome {
    /// Cancelled: the confirmation, its refund sentence and where the refund shows.
    Done {
        text: Localized,
        refund: Option<Localized>,
        unbilled: String,
    },
    /// Partner Center refused it, in words.
    Refused(Localized),
}

/// A software line waiting for the user's confirmation, with its refund.
#[derive(Clone, Debug, PartialEq)]
struct PendingCancel {
    line: OrderLineItem,
    refund: Option<pc_core::rules::Refund>,
}

/// Cancelling software lines of the order: each line's state (cancellable now with its refund,
/// or why not), then a confirmation step showing the refund before anything is sent.
#[component]
fn SoftwareCancellation(
    order: Order,
    software: Vec<(i64, ProductKind)>,
    /// Where the outcome is shown (kept by the page).
    outcome: RwSignal<Option<CancelOutcome>>,
    /// Called after Partner Center answered: reads the order again and moves focus to the
    /// outcome.
    done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return ().into_any();
    };
    let session = use_session();
    let locale = use_locale();
    let hooks = StoredValue::new_local(crate::embed::use_hooks());
    let order = StoredValue::new(order);
    let software = StoredValue::new(software);
    let now = crate::ticking_clock(
        move || session.server_now(),
        std::time::Duration::from_secs(30),
    );
    let pending: RwSignal<Option<PendingCancel>> = RwSignal::new(None);
    let confirm_heading = NodeRef::<leptos::html::H4>::new();
    let currency = order
        .with_value(|o| o.currency_code.clone())
        .unwrap_or_default();
    let order_id = order.with_value(|o| o.id.as_ref().map(|i| i.as_str().to_owned()));
    let unbilled = Page::Unbilled {
        currency: Some(&currency),
        period: BillingPeriod::Current,
        order: order_id.as_deref(),
    }
    .href();
    Effect::new(move |_| {
        if pending.with(Option::is_some) {
            request_animation_frame(move || {
                if let Some(heading) = confirm_heading.get_untracked() {
                    let _ = heading.focus();
                }
            });
        }
    });
    let kind_of = move |number: i64| {
        software.with_value(|s| s.iter().find(|(n, _)| *n == number).map(|(_, k)| *k))
    };
    let cancel = Action::new_local(move |pending_cancel: &PendingCancel| {
        let pending_cancel = pending_cancel.clone();
        let unbilled = unbilled.clone();
        let session = session.session_untracked();
        let customer_id = ctx.id.get_untracked();
        let order_id = order
            .with_value(|o| o.id.as_ref().map(|i| i.as_str().to_owned()))
            .unwrap_or_default();
        async move {
            let locale = locale.get_untracked();
            let Some(session) = session else {
                return;
            };
            let result = session
                .client
                .orders()
                .cancel_line_items(
                    &customer_id,
                    &order_id,
                    std::slice::from_ref(&pending_cancel.line),
                )
                .await;
            pending.set(None);
            match result {
                Ok(_) => {
                    let line = &pending_cancel.line;
                    let text = Localized::with(
                        "done-line-cancelled",
                        vec![
                            (
                                "line",
                                format::ordinal(
                                    &line.line_item_number.unwrap_or_default().to_string(),
                                ),
                            ),
                            ("name", line.friendly_name.clone().unwrap_or_default()),
                        ],
                    );
                    let refund = pending_cancel.refund.clone().map(refund_text);
                    outcome.set(Some(CancelOutcome::Done {
                        text,
                        refund,
                        unbilled,
                    }));
                    ctx.data.refetch();
                }
                Err(error) => {
                    let text = refused_text(error);
                    hooks.with_value(|h| h.error(&text.text(locale)));
                    outcome.set(Some(CancelOutcome::Refused(text)));
                }
            }
            done();
        }
    });
    view! {
        <section aria-labelledby="software-cancel-title">
            <h3 id="software-cancel-title">{tr("order-cancel-title")}</h3>
            <ul class="software-lines">
                {move || {
                    let locale = locale.get();
                    let now = now.get();
                    order.with_value(|o| o.line_items.clone()).unwrap_or_default().into_iter().filter_map(|line| {
                        let number = line.line_item_number?;
                        let kind = kind_of(number)?;
                        let findings = order.with_value(|o| check_software_cancellation(o, &line, kind, now));
                        let refund = order.with_value(|o| software_refund(o, &line, kind, now));
                        let name = line.friendly_name.clone().unwrap_or_default();
                        let label = t_with(locale, "order-line-name", &[("line", format::ordinal(&number.to_string())), ("name", name.clone())]);
                        let state = match findings.first() {
                            None => match &refund {
                                Some(r) => t_with(locale, "order-line-cancellable", &[("amount", refund_amount(r, locale))]),
                                None => t(locale, "order-line-cancellable-unknown"),
                            },
                            Some(finding) => explain_finding(finding, locale),
                        };
                        let allowed = findings.is_empty();
                        let help = format!("software-line-{number}");
                        let button_label = t_with(locale, "order-line-cancel", &[("line", format::ordinal(&number.to_string()))]);
                        Some(view! {
                            <li>
                                <strong>{label}</strong>
                                <p id=help.clone() class="muted">{state}</p>
                                {allowed.then(|| {
                                    let line = line.clone();
                                    let refund = refund.clone();
                                    view! {
                                        <button type="button" aria-describedby=help.clone()
                                            disabled=move || cancel.pending().get() || pending.with(Option::is_some)
                                            on:click=move |_| {
                                                outcome.set(None);
                                                pending.set(Some(PendingCancel { line: line.clone(), refund: refund.clone() }));
                                            }>
                                            {button_label.clone()}
                                        </button>
                                    }
                                })}
                            </li>
                        })
                    }).collect_view()
                }}
            </ul>
            <Show when=move || pending.with(Option::is_some)>
                <div class="panel confirm" role="group" aria-labelledby="software-confirm-title">
                    <h4 id="software-confirm-title" tabindex="-1" node_ref=confirm_heading>{tr("confirm-title")}</h4>
                    {move || pending.get().map(|p| {
                        let locale = locale.get();
                        let line = &p.line;
                        let text = t_with(
                            locale,
                            "confirm-cancel-line",
                            &[
                                ("line", format::ordinal(&line.line_item_number.unwrap_or_default().to_string())),
                                ("name", line.friendly_name.clone().unwrap_or_default()),
                                ("quantity", line.quantity.unwrap_or_default().to_string()),
                            ],
                        );
                        let refund = match &p.refund {
                            Some(r) => t_with(locale, "confirm-refund", &[("amount", refund_amount(r, locale))]),
                            None => t(locale, "confirm-refund-unknown"),
                        };
                        view! {
                            <p>{text}</p>
                            <p class="price">{refund}</p>
                            <button type="button" class="primary" disabled=move || cancel.pending().get() on:click={
                                let p = p.clone();
                                move |_| { cancel.dispatch(p.clone()); }
                            }>{tr("confirm-submit")}</button>
                            <button type="button" disabled=move || cancel.pending().get() on:click=move |_| pending.set(None)>{tr("confirm-back")}</button>
                            <Show when=move || cancel.pending().get()>
                                <p aria-live="polite">{tr("confirm-working")}</p>
                            </Show>
                        }
                    })}
                </div>
            </Show>
        </section>
    }
    .into_any()
}
