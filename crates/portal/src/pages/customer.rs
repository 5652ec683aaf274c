//! One customer: the layout every customer page shares (name, tabs, the customer's state and
//! cart draft in context) and the customer panel (profile, Microsoft Customer Agreement, Azure
//! subscriptions and their registration).

use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::components::{A, Outlet};
use leptos_router::hooks::use_params_map;
use pc_core::enums::RegistrationStatus;
use pc_core::models::{Agreement, Contact};

use crate::api;
use crate::components::azure::{RegisterButton, subscription_name};
use crate::errors::ProblemAlert;
use crate::format;
use crate::i18n::{t, t_with};
use crate::session::{PortalClient, use_session};
use crate::state::{CartDraft, CustomerData};
use crate::{Localized, Page, route, told, tr, use_last_checkout, use_locale};

/// What the pages of one customer share.
#[derive(Clone, Copy)]
pub struct CustomerContext {
    /// Customer tenant ID from the route.
    pub id: Memo<String>,
    /// The customer's state, loaded once per customer (`refetch` after a change).
    pub data: LocalResource<Result<CustomerData, Localized>>,
    /// The cart draft (stored in `localStorage` on every change).
    pub draft: RwSignal<CartDraft>,
}

/// The customer context (only inside [`CustomerLayout`]).
pub fn use_customer() -> Option<CustomerContext> {
    use_context::<CustomerContext>()
}

/// The customer's data, when loaded.
pub fn loaded(ctx: &CustomerContext) -> Option<CustomerData> {
    ctx.data.get().and_then(Result::ok)
}

/// Shown instead of a page when nobody is signed in.
#[component]
pub fn SignInFirst() -> impl IntoView {
    view! {
        <p role="alert">{tr("sign-in-first")} " " <A href=Page::Home.href()>{tr("sign-in-submit")}</A></p>
    }
}

/// [`api::customer`]: everything the customer pages need about one customer, and the customer's
/// stored cart draft ([`CartDraft::load`]). With feature `split` a module of its own, fetched
/// with the first customer page: it holds the decoders of the resources a customer has
/// (customer, qualifications, agreements, orders, subscriptions, products, registrations) and of
/// the draft (cart lines, availabilities, inventory checks, the saved cart), which the first page
/// (sign-in, the customers list) never needs.
///
/// # Errors
/// As [`api::customer`].
#[cfg_attr(feature = "split", leptos::lazy)]
async fn load_customer(
    client: Rc<PortalClient>,
    customer_id: String,
) -> Result<(CustomerData, CartDraft), pc_client::Error> {
    let data = api::customer(&client, &customer_id).await?;
    Ok((data, CartDraft::load(&customer_id)))
}

/// Where loading the customer stands.
#[derive(Debug, Clone, PartialEq)]
enum LoadStatus {
    Loading,
    Failed(Localized),
    Ready,
}

/// The layout of every customer page.
#[component]
pub fn CustomerLayout() -> impl IntoView {
    let session = use_session();
    let locale = use_locale();
    let params = use_params_map();
    let id = Memo::new(move |_| params.get().get("customer_id").unwrap_or_default());
    // The stored draft is read with the customer's data (in the customer loader, so that its
    // decoders stay out of the first page): until then the draft is empty and never stored, so
    // a cart that has not been read yet cannot be overwritten. `draft_read`: `draft` holds the
    // stored draft of the customer shown.
    let draft = RwSignal::new(CartDraft::new(&id.get_untracked()));
    let draft_read = RwSignal::new(false);
    let data = LocalResource::new(move || {
        let session = session.get();
        let customer_id = id.get();
        async move {
            let session = session.ok_or_else(|| Localized::key("sign-in-first"))?;
            let (data, stored) = load_customer(session.client, customer_id.clone()).await?;
            // Only for the customer still shown (the layout may be gone, or show another), and
            // once: a refresh of the data (after the agreement or a registration) keeps the
            // draft being edited.
            let shown = id.try_get_untracked().as_ref() == Some(&customer_id);
            if shown && draft_read.try_get_untracked() == Some(false) {
                draft.try_set(stored);
                draft_read.try_set(true);
            }
            Ok(data)
        }
    });
    Effect::new(move |previous: Option<String>| {
        let id = id.get();
        if previous.as_ref().is_some_and(|p| p != &id) {
            draft_read.set(false);
            draft.set(CartDraft::new(&id));
        }
        id
    });
    Effect::new(move |_| {
        if draft_read.get() {
            draft.with(CartDraft::store);
        }
    });
    let last_checkout = use_last_checkout();
    Effect::new(move |_| {
        if let Some(outcome) = last_checkout.get()
            && outcome.resumed
            && outcome.result.is_ok()
            && outcome.customer_id == id.get_untracked()
            && draft.with_untracked(|d| d.saved.as_ref().map(|c| c.id.clone()))
                == outcome.draft.saved.as_ref().map(|c| c.id.clone())
        {
            draft.set(CartDraft::new(&outcome.customer_id));
        }
    });
    // Once loaded, the pages stay mounted while the data is refreshed (after accepting the
    // agreement or registering a subscription), so their own state survives the refresh.
    let status = Memo::new(move |previous: Option<&LoadStatus>| match data.get() {
        Some(Ok(_)) => LoadStatus::Ready,
        Some(Err(problem)) => LoadStatus::Failed(problem),
        None => previous.cloned().unwrap_or(LoadStatus::Loading),
    });
    provide_context(CustomerContext { id, data, draft });
    let ctx = CustomerContext { id, data, draft };
    let name = move || {
        loaded(&ctx)
            .and_then(|d| d.customer.company_name().map(str::to_owned))
            .unwrap_or_default()
    };
    let base = StoredValue::new(route::base());
    // The link to one of the customer's pages (`path` of the customer's ID).
    let href = move |path: fn(&str) -> String| {
        move || format!("{}{}", base.get_value(), id.with(|id| path(id)))
    };
    let tab = move |path: fn(&str) -> String, key: &'static str| {
        view! { <A href=href(path) exact=true>{tr(key)}</A> }
    };
    // "Cart (n)" once the stored draft is read; plain "Cart" before, never a count of 0 that
    // would look like a lost cart.
    let cart_label = move || {
        if draft_read.get() {
            t_with(
                locale.get(),
                "tab-cart",
                &[("count", draft.with(|d| d.lines.len()).to_string())],
            )
        } else {
            t(locale.get(), "cart-title")
        }
    };
    view! {
        <Show when=move || session.tenant.get().is_some() fallback=SignInFirst>
            <section class="customer" aria-labelledby="customer-name">
                <p class="crumbs"><A href=Page::Customers.href()>{tr("nav-customers")}</A></p>
                <h1 id="customer-name">{name}</h1>
                <nav class="tabs" aria-label=tr("customer-tabs")>
                    {tab(|id| Page::Customer(id).path(), "tab-overview")}
                    {tab(|id| Page::Catalog(id).path(), "tab-catalog")}
                    <A href=href(|id| Page::Cart(id).path()) exact=true>{cart_label}</A>
                    {tab(|id| Page::Orders(id).path(), "tab-orders")}
                    {tab(|id| Page::Subscriptions(id).path(), "tab-subscriptions")}
                </nav>
                {move || match status.get() {
                    LoadStatus::Loading => view! { <p aria-live="polite">{tr("loading")}</p> }.into_any(),
                    LoadStatus::Failed(problem) => view! { <ProblemAlert problem/> }.into_any(),
                    LoadStatus::Ready => view! { <Outlet/> }.into_any(),
                }}
            </section>
        </Show>
    }
}

/// The customer panel: profile, agreement and Azure subscriptions.
#[component]
pub fn CustomerPanel() -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return view! { <SignInFirst/> }.into_any();
    };
    let locale = use_locale();
    let registration_message = RwSignal::new(None::<Localized>);
    view! {
        {move || loaded(&ctx).map(|data| {
            let country = data.country();
            let segment_key = format!("segment-{}", segment_key(&data));
            let segment = move || t(locale.get(), &segment_key);
            let domain = data
                .customer
                .company_profile
                .as_ref()
                .and_then(|p| p.domain.clone())
                .unwrap_or_default();
            view! {
                <h2>{tr("customer-profile")}</h2>
                <dl class="facts">
                    <dt>{tr("customers-domain")}</dt><dd>{domain}</dd>
                    <dt>{tr("customers-country")}</dt><dd>{country}</dd>
                    <dt>{tr("customer-segment")}</dt><dd>{segment}</dd>
                </dl>
                <AgreementPanel data=data.clone()/>
                <SubscriptionsPanel data=data.clone()/>
                <AzurePanel data=data status_message=registration_message/>
            }
        })}
    }
    .into_any()
}

fn segment_key(data: &CustomerData) -> String {
    data.segment.as_str().to_ascii_lowercase()
}

/// The Microsoft Customer Agreement: accepted (with date), or a form to confirm acceptance.
#[component]
fn AgreementPanel(data: CustomerData) -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return ().into_any();
    };
    let session = use_session();
    let locale = use_locale();
    let accepted = data
        .agreements
        .iter()
        .find(|a| a.is_customer_agreement())
        .cloned();
    let contact = data
        .customer
        .billing_profile
        .as_ref()
        .map(|b| {
            (
                b.first_name.clone().unwrap_or_default(),
                b.last_name.clone().unwrap_or_default(),
                b.email.clone().unwrap_or_default(),
            )
        })
        .unwrap_or_default();
    let first = RwSignal::new(contact.0);
    let last = RwSignal::new(contact.1);
    let email = RwSignal::new(contact.2);
    let accept = Action::new_local(move |_: &()| {
        let session = session.session_untracked();
        let customer_id = ctx.id.get_untracked();
        let (first, last, email) = (
            first.get_untracked(),
            last.get_untracked(),
            email.get_untracked(),
        );
        async move {
            let session = session.ok_or_else(|| Localized::key("sign-in-first"))?;
            let customers = session.client.customers();
            let templates = customers
                .agreement_templates("MicrosoftCustomerAgreement")
                .await?;
            let template_id = templates
                .first()
                .and_then(|t| t["templateId"].as_str())
                .map(str::to_owned);
            let agreement = Agreement {
                primary_contact: Some(Contact {
                    first_name: Some(first),
                    last_name: Some(last),
                    email: Some(email),
                    ..Contact::default()
                }),
                template_id,
                date_agreed: Some(pc_core::wire::Timestamp::At(format::now())),
                agreement_type: Some("MicrosoftCustomerAgreement".to_owned()),
                ..Agreement::default()
            };
            customers.accept_agreement(&customer_id, &agreement).await?;
            ctx.data.refetch();
            Ok::<(), Localized>(())
        }
    });
    let failure = move || match accept.value().get() {
        Some(Err(problem)) => problem.text(locale.get()),
        _ => String::new(),
    };
    view! {
        <section aria-labelledby="agreement-title">
            <h2 id="agreement-title">{tr("agreement-title")}</h2>
            {match accepted {
                Some(agreement) => view! {
                    <p class="ok">{move || t_with(locale.get(), "agreement-accepted", &[("date", format::timestamp(agreement.date_agreed.as_ref(), locale.get(), false))])}</p>
                }.into_any(),
                None => view! {
                    <p class="warn">{tr("agreement-missing")}</p>
                    <form class="stack" on:submit=move |ev| { ev.prevent_default(); accept.dispatch(()); }>
                        <label for="mca-first">{tr("contact-first-name")}</label>
                        <input id="mca-first" required bind:value=first autocomplete="given-name"/>
                        <label for="mca-last">{tr("contact-last-name")}</label>
                        <input id="mca-last" required bind:value=last autocomplete="family-name"/>
                        <label for="mca-email">{tr("contact-email")}</label>
                        <input id="mca-email" type="email" required bind:value=email autocomplete="email"/>
                        <button type="submit" disabled=move || accept.pending().get()>{tr("agreement-accept")}</button>
                    </form>
                    <p role="alert">{failure}</p>
                }.into_any(),
            }}
        </section>
    }
    .into_any()
}

/// The customer's subscriptions other than Azure plans, each linked to its page (where seats,
/// cancellation, auto-renew and the renewal are changed).
#[component]
fn SubscriptionsPanel(data: CustomerData) -> impl IntoView {
    use crate::pages::subscription::{seats, status_text, subscription_href, subscription_name};
    let Some(ctx) = use_customer() else {
        return ().into_any();
    };
    let locale = use_locale();
    let rows: Vec<_> = data
        .subscriptions
        .iter()
        .filter(|s| !crate::state::is_azure_plan(s))
        .cloned()
        .collect();
    view! {
        <section aria-labelledby="customer-subscriptions-title">
            <h2 id="customer-subscriptions-title">{tr("customer-subscriptions")}</h2>
            {if rows.is_empty() {
                view! { <p>{tr("subscriptions-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="subscription-links">
                        {rows.into_iter().map(|s| {
                            let href = subscription_href(&ctx.id.get_untracked(), s.id.as_ref().map(|i| i.as_str()).unwrap_or_default());
                            let name = subscription_name(&s);
                            view! {
                                <li>
                                    <A href=href>{name}</A>
                                    {move || format!(" · {} · {}", seats(s.quantity.unwrap_or_default(), locale.get()), status_text(&s, locale.get()))}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

/// Azure plan subscriptions (friendly name, ID beside it) and their registration for
/// reservation purchases.
#[component]
fn AzurePanel(data: CustomerData, status_message: RwSignal<Option<Localized>>) -> impl IntoView {
    let rows = data.azure_subscriptions.clone();
    view! {
        <section aria-labelledby="azure-title">
            <h2 id="azure-title">{tr("azure-title")}</h2>
            {if rows.is_empty() {
                view! { <p>{tr("azure-none")}</p> }.into_any()
            } else {
                view! {
                    <table>
                        <thead><tr><th scope="col">{tr("azure-subscription")}</th><th scope="col">{tr("azure-registration")}</th><th scope="col"><span class="sr-only">{tr("actions")}</span></th></tr></thead>
                        <tbody>
                            {rows.into_iter().map(|s| {
                                let registered = s.registration_status == RegistrationStatus::Registered;
                                let key = match s.registration_status {
                                    RegistrationStatus::Registered => "azure-registered",
                                    RegistrationStatus::Registering => "azure-registering-status",
                                    _ => "azure-not-registered",
                                };
                                let id = s.id.clone();
                                let name = subscription_name(&data, &s.id);
                                view! {
                                    <tr>
                                        <td>
                                            {name.map(|n| view! { <span class="subscription-name">{n}</span><br/> })}
                                            <code class="muted">{s.id.clone()}</code>
                                        </td>
                                        <td>{tr(key)}</td>
                                        <td>{(!registered).then(|| {
                                            view! { <RegisterButton subscription_id=id.clone() status_message=status_message/> }
                                        })}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            <p aria-live="polite">{told(status_message)}</p>
        </section>
    }
    .into_any()
}
