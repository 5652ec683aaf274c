//! Subscriptions and entitlements of a customer: status, term, refund window (cancellation
//! allowed until), refundable quantity, software keys and reservation artifacts. Each
//! subscription links to its own page, where it is changed.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::errors::ProblemAlert;
use crate::format;
use crate::i18n::t_numbers;
use crate::pages::customer::{SignInFirst, use_customer};
use crate::pages::subscription::{status_text, subscription_href, subscription_name};
use crate::session::use_session;
use crate::{Localized, tr, use_locale};

/// The subscriptions page.
#[component]
pub fn Subscriptions() -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return view! { <SignInFirst/> }.into_any();
    };
    let session = use_session();
    let locale = use_locale();
    let data = LocalResource::new(move || {
        let session = session.get();
        let customer_id = ctx.id.get();
        async move {
            let session = session.ok_or_else(|| Localized::key("sign-in-first"))?;
            api::subscriptions(&session.client, &customer_id)
                .await
                .map_err(Localized::from)
        }
    });
    view! {
        <h2>{tr("subscriptions-title")}</h2>
        {move || match data.get() {
            None => view! { <p aria-live="polite">{tr("loading")}</p> }.into_any(),
            Some(Err(problem)) => view! { <ProblemAlert problem/> }.into_any(),
            Some(Ok((subscriptions, entitlements))) => {
                let locale = locale.get();
                view! {
                    {if subscriptions.is_empty() { Some(view! { <p>{tr("subscriptions-none")}</p> }) } else { None }}
                    <table class="subscriptions">
                        <thead><tr>
                            <th scope="col">{tr("subscriptions-name")}</th><th scope="col">{tr("line-quantity")}</th>
                            <th scope="col">{tr("orders-status")}</th><th scope="col">{tr("line-term")}</th>
                            <th scope="col">{tr("groups-billing-cycle")}</th><th scope="col">{tr("subscriptions-cancel-until")}</th>
                            <th scope="col">{tr("subscriptions-refundable")}</th>
                        </tr></thead>
                        <tbody>
                            {subscriptions.into_iter().map(|s| {
                                let href = subscription_href(&ctx.id.get_untracked(), s.id.as_ref().map(|i| i.as_str()).unwrap_or_default());
                                let name = subscription_name(&s);
                                let refundable = s.refundable_quantity.as_ref().and_then(|r| r.total_quantity).map(|q| q.to_string()).unwrap_or_default();
                                let refund_until = s.refund_options.iter().flatten().filter_map(|o| o.expires_at.as_ref()).map(|e| format::timestamp(Some(e), locale, true)).next();
                                let cancel_until = s.cancellation_allowed_until_date.as_ref().map(|d| format::timestamp(Some(d), locale, true)).or(refund_until).unwrap_or_default();
                                view! {
                                    <tr>
                                        <td><A href=href>{name}</A></td>
                                        <td class="num">{s.quantity.unwrap_or_default()}</td>
                                        <td>{status_text(&s, locale)}</td>
                                        <td>{s.term_duration.as_deref().map(|d| format::term(d, locale)).unwrap_or_default()}</td>
                                        <td>{s.billing_cycle.as_ref().map(|c| format::billing_cycle(c.value(), locale)).unwrap_or_default()}</td>
                                        <td>{cancel_until}</td>
                                        <td class="num">{refundable}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    <h3>{tr("entitlements-title")}</h3>
                    {if entitlements.is_empty() {
                        view! { <p>{tr("entitlements-none")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="entitlements">
                                {entitlements.into_iter().map(|e| {
                                    let kind = e.entitlement_type.as_ref().map(|k| format::entitlement_type(k.value(), locale)).unwrap_or_default();
                                    let product = format!("{} / {}", e.product_id.as_ref().map(|p| p.as_str().to_owned()).unwrap_or_default(), e.sku_id.as_ref().map(|p| p.as_str().to_owned()).unwrap_or_default());
                                    let expiry = format::timestamp(e.expiry_date.as_ref(), locale, false);
                                    view! {
                                        <li>
                                            <strong>{kind}</strong> " · " <code>{product}</code> " · " {t_numbers(locale, "entitlement-quantity", &[], &[("count", e.quantity.unwrap_or_default())])}
                                            {(!expiry.is_empty()).then(|| view! { " · " {expiry.clone()} })}
                                            <ul>
                                                {e.entitled_artifacts.clone().unwrap_or_default().into_iter().map(|a| {
                                                    let key = a.dynamic_attributes.as_ref().and_then(|d| d.get("productKey")).and_then(|v| v.as_str()).map(str::to_owned);
                                                    let resource = a.resource_id.clone().unwrap_or_default();
                                                    view! {
                                                        <li>
                                                            {a.artifact_type.as_ref().map(|k| format::entitlement_type(k.value(), locale)).unwrap_or_default()}
                                                            {key.map(|k| view! { " · " {tr("entitlement-product-key")} " " <code>{k}</code> })}
                                                            {(!resource.is_empty()).then(|| view! { " · " <code>{resource.clone()}</code> })}
                                                        </li>
                                                    }
                                                }).collect_view()}
                                            </ul>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                }.into_any()
            }
        }}
    }
    .into_any()
}
