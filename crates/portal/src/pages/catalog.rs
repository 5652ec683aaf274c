//! Catalog: products by `targetView` and segment for the customer's country, searchable as you
//! type; product → SKUs → availabilities with terms, billing cycles and cancellation windows;
//! "add to cart" puts an availability into the cart draft. Only the customer's segment's
//! availabilities are offered (the others are counted, with the reason), and each is checked
//! with pc-core's `check_availability` against the context built from Partner Center's answers
//! (country, segment, market, perpetual-software qualification, EU eligibility, purchasability):
//! what cannot be bought has its "add to cart" disabled, with the reason next to it.

use futures_util::TryStreamExt as _;
use leptos::prelude::*;
use pc_client::CatalogQuery;
use pc_core::enums::PurchasePrerequisite;
use pc_core::enums::Segment;
use pc_core::models::{Availability, Product, Sku};
use pc_core::rules::{Finding, PurchaseContext, check_availability};

use crate::components::findings::FindingList;
use crate::errors::explain;
use crate::format;
use crate::i18n::{t, t_with};
use crate::pages::customer::{SignInFirst, loaded, use_customer};
use crate::session::use_session;
use crate::{tr, use_locale};

/// The catalog views partners buy from (`targetView` of E1) with their label keys.
pub const TARGET_VIEWS: [(&str, &str); 6] = [
    ("OnlineServices", "view-online-services"),
    ("Software", "view-software"),
    ("SoftwarePerpetual", "view-software-perpetual"),
    ("SoftwareSubscriptions", "view-software-subscriptions"),
    ("AzureReservations", "view-azure-reservations"),
    ("Azure", "view-azure-plan"),
];

/// Whether `product` matches the search text (title, description or ID, case-insensitive).
pub fn matches(product: &Product, query: &str) -> bool {
    let query = query.trim().to_lowercase();
    query.is_empty()
        || [
            product.title.as_deref(),
            product.description.as_deref(),
            product.id.as_ref().map(|i| i.as_str()),
        ]
        .iter()
        .flatten()
        .any(|f| f.to_lowercase().contains(&query))
}

/// The catalog page.
#[component]
pub fn Catalog() -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return view! { <SignInFirst/> }.into_any();
    };
    let session = use_session();
    let locale = use_locale();
    let Some(data) = loaded(&ctx) else {
        return view! { <p>{tr("loading")}</p> }.into_any();
    };
    let country = StoredValue::new(data.country());
    let target_view = RwSignal::new(TARGET_VIEWS[0].0.to_owned());
    // The customer's segment (from its qualifications): the only one offered.
    let segment = data.segment.as_str().to_ascii_lowercase();
    let segment_label = format!("segment-{segment}");
    // The rules' context from Partner Center's answers about the customer (no cart yet); without
    // the partner's profile the rules cannot run (the gate says why).
    let context = Memo::new(move |_| {
        let partner = session.partner()?;
        let data = loaded(&ctx)?;
        Some(data.context(&partner, format::now(), Vec::new(), Vec::new()))
    });
    let query = RwSignal::new(String::new());
    let selected = RwSignal::new(None::<Product>);
    let products = LocalResource::new(move || {
        let session = session.get();
        let (view, segment) = (target_view.get(), segment.clone());
        async move {
            let locale = locale.get_untracked();
            let session = session.ok_or_else(|| t(locale, "sign-in-first"))?;
            let country = country.get_value();
            let catalog = CatalogQuery {
                country: &country,
                target_segment: Some(&segment),
                azure_plan_scope: false,
            };
            session
                .client
                .products()
                .list(&catalog, &view)
                .try_collect::<Vec<Product>>()
                .await
                .map_err(|e| explain(&e, locale))
        }
    });
    view! {
        <h2>{move || t_with(locale.get(), "catalog-title", &[("country", country.get_value())])}</h2>
        <div class="filters">
            <label for="target-view">{tr("catalog-view")}</label>
            <select id="target-view" on:change=move |ev| { selected.set(None); target_view.set(event_target_value(&ev)); }>
                {TARGET_VIEWS.iter().map(|(id, key)| view! {
                    <option value=*id selected=move || target_view.get() == *id>{tr(key)}</option>
                }).collect_view()}
            </select>
            <span>{move || t_with(locale.get(), "catalog-segment", &[("segment", t(locale.get(), &segment_label))])}</span>
            <label for="product-search">{tr("catalog-search")}</label>
            <input id="product-search" type="search" on:input=move |ev| query.set(event_target_value(&ev))/>
        </div>
        <div class="catalog">
            <div class="products">
                {move || match products.get() {
                    None => view! { <p aria-live="polite">{tr("loading")}</p> }.into_any(),
                    Some(Err(reason)) => view! { <p role="alert">{reason}</p> }.into_any(),
                    Some(Ok(list)) => {
                        let shown: Vec<Product> = list.into_iter().filter(|p| matches(p, &query.get())).collect();
                        let count = shown.len();
                        view! {
                            <p class="count" aria-live="polite">{t_with(locale.get(), "catalog-count", &[("count", count.to_string())])}</p>
                            <ul class="product-list">
                                {shown.into_iter().map(|p| {
                                    let title = p.title.clone().unwrap_or_default();
                                    let id = p.id.as_ref().map(|i| i.as_str().to_owned()).unwrap_or_default();
                                    let is_selected = {
                                        let id = id.clone();
                                        move || selected.with(|s| s.as_ref().and_then(|s| s.id.as_ref()).map(|i| i.as_str()) == Some(id.as_str()))
                                    };
                                    let product = StoredValue::new(p);
                                    view! {
                                        <li>
                                            <button type="button" class="product" aria-pressed=move || is_selected().to_string()
                                                on:click=move |_| selected.set(Some(product.get_value()))>
                                                <span class="title">{title}</span>
                                                <span class="id">{id}</span>
                                            </button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
            </div>
            {move || selected.get().map(|product| view! { <ProductDetail product=product country=country.get_value() context=context/> })}
        </div>
    }
    .into_any()
}

/// A product's SKUs and their availabilities.
#[component]
fn ProductDetail(
    product: Product,
    country: String,
    context: Memo<Option<PurchaseContext>>,
) -> impl IntoView {
    let session = use_session();
    let locale = use_locale();
    let product_id = product
        .id
        .as_ref()
        .map(|i| i.as_str().to_owned())
        .unwrap_or_default();
    let skus = LocalResource::new({
        let (product_id, country) = (product_id.clone(), country.clone());
        move || {
            let session = session.get();
            let (product_id, country) = (product_id.clone(), country.clone());
            async move {
                let locale = locale.get_untracked();
                let session = session.ok_or_else(|| t(locale, "sign-in-first"))?;
                let catalog = CatalogQuery {
                    country: &country,
                    ..CatalogQuery::default()
                };
                let skus = session
                    .client
                    .skus()
                    .list(&product_id, &catalog)
                    .await
                    .map_err(|e| explain(&e, locale))?;
                // Every SKU's availabilities at once (a reservation product has dozens of SKUs).
                let client = &session.client;
                let catalog = &catalog;
                let product_id = &product_id;
                let out =
                    futures_util::future::try_join_all(skus.into_iter().map(|sku| async move {
                        let sku_id = sku
                            .id
                            .as_ref()
                            .map(|i| i.as_str().to_owned())
                            .unwrap_or_default();
                        let availabilities = client
                            .availabilities()
                            .list(product_id, &sku_id, catalog)
                            .await?;
                        Ok::<_, pc_client::Error>((sku, availabilities))
                    }))
                    .await
                    .map_err(|e| explain(&e, locale))?;
                Ok::<_, String>(out)
            }
        }
    });
    let title = product.title.clone().unwrap_or_default();
    let description = product.description.clone().unwrap_or_default();
    view! {
        <section class="product-detail" aria-labelledby="product-title" tabindex="-1">
            <h3 id="product-title">{title}</h3>
            <p>{description}</p>
            {move || match skus.get() {
                None => view! { <p aria-live="polite">{tr("loading")}</p> }.into_any(),
                Some(Err(reason)) => view! { <p role="alert">{reason}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p>{tr("catalog-no-skus")}</p> }.into_any(),
                Some(Ok(list)) => list.into_iter().map(|(sku, availabilities)| {
                    let product = product.clone();
                    view! { <SkuCard sku=sku availabilities=availabilities product=product context=context/> }
                }).collect_view().into_any(),
            }}
        </section>
    }
}

/// One SKU: its limits, prerequisites and availabilities with "add to cart".
#[component]
fn SkuCard(
    sku: Sku,
    availabilities: Vec<Availability>,
    product: Product,
    context: Memo<Option<PurchaseContext>>,
) -> impl IntoView {
    let Some(ctx) = use_customer() else {
        return ().into_any();
    };
    // Only the customer's segment's availabilities are offered; the others are counted.
    let customer_segment = loaded(&ctx).map_or(Segment::Commercial, |d| d.segment);
    let (availabilities, other_segments): (Vec<Availability>, Vec<Availability>) =
        availabilities.into_iter().partition(|a| {
            a.segment
                .as_ref()
                .is_none_or(|s| *s.value() == customer_segment)
        });
    let hidden = other_segments.len();
    let segment_key = format!("segment-{}", customer_segment.as_str().to_ascii_lowercase());
    let locale = use_locale();
    let added = RwSignal::new(String::new());
    let sku_title = sku.title.clone().unwrap_or_default();
    let limits = t_with(
        locale.get_untracked(),
        "sku-quantity",
        &[
            ("minimum", sku.minimum_quantity.unwrap_or(1).to_string()),
            (
                "maximum",
                sku.maximum_quantity
                    .map(|m| m.to_string())
                    .unwrap_or_else(|| "∞".to_owned()),
            ),
        ],
    );
    let mut notes = Vec::new();
    if sku.requires(&PurchasePrerequisite::InventoryCheck) {
        notes.push("sku-needs-inventory");
    }
    if sku.requires(&PurchasePrerequisite::AzureSubscriptionRegistration) {
        notes.push("sku-needs-registration");
    }
    if sku.enforces_attestation() {
        notes.push("sku-needs-attestation");
    }
    if sku.is_trial == Some(true) {
        notes.push("sku-trial");
    }
    let heading = format::product_and_sku(product.title.as_deref().unwrap_or_default(), &sku_title);
    view! {
        <article class="sku">
            <h4>{sku_title.clone()}</h4>
            <p class="muted">{sku.description.clone().unwrap_or_default()}</p>
            <p>{limits}</p>
            <ul class="notes">{notes.into_iter().map(|k| view! { <li>{tr(k)}</li> }).collect_view()}</ul>
            <ul class="availabilities">
                {availabilities.into_iter().map(|a| {
                    let terms = a.terms.clone().unwrap_or_default();
                    let purchasable = a.is_purchasable != Some(false);
                    let currency = a.default_currency.as_ref().and_then(|c| c.code()).unwrap_or_default().to_owned();
                    let name = heading.clone();
                    let reason_id = format!("why-{}", a.catalog_item_id.as_ref().map(|c| c.as_str().replace(':', "-")).unwrap_or_default());
                    let availability = StoredValue::new(a);
                    // What stands in the way of buying it at all, by the same rules as checkout.
                    let blocked = Signal::derive(move || {
                        context.with(|c| c.as_ref().map(|c| availability.with_value(|a| check_availability(a, c))).unwrap_or_default())
                    });
                    let offered = move || purchasable && blocked.with(Vec::is_empty);
                    view! {
                        <li>
                            <ul class="terms">
                                {if terms.is_empty() {
                                    view! { <li>{tr("term-none")}</li> }.into_any()
                                } else {
                                    terms.into_iter().map(|term| {
                                        let duration = term.duration.clone().unwrap_or_default();
                                        let cycle = term.billing_cycle.as_ref().map(|c| format::billing_cycle(c.value(), locale.get_untracked())).unwrap_or_default();
                                        let window = term
                                            .cancellation_policies
                                            .iter()
                                            .flatten()
                                            .flat_map(|p| p.refund_options.iter().flatten())
                                            .filter_map(|o| o.expires_after.clone())
                                            .max();
                                        view! {
                                            <li>
                                                {format::term(&duration, locale.get_untracked())} " · " {cycle}
                                                {window.map(|w| view! { " · " {t_with(locale.get_untracked(), "term-cancellation", &[("window", format::term(&w, locale.get_untracked()))])} })}
                                            </li>
                                        }
                                    }).collect_view().into_any()
                                }}
                            </ul>
                            <span class="muted">{t_with(locale.get_untracked(), "availability-currency", &[("currency", currency)])}</span>
                            <button type="button" disabled=move || !offered()
                                aria-describedby={ let reason_id = reason_id.clone(); move || (!offered()).then(|| reason_id.clone()) }
                                on:click=move |_| {
                                    if !offered() {
                                        return;
                                    }
                                    let name = name.clone();
                                    ctx.draft.update(|d| d.add(&availability.get_value(), name.clone()));
                                    added.set(t_with(locale.get_untracked(), "catalog-added", &[("name", name)]));
                                }>{move || if purchasable { tr("catalog-add")() } else { tr("catalog-not-purchasable")() }}</button>
                            <Show when=move || !blocked.with(Vec::is_empty)>
                                <div class="blocked" id=reason_id.clone()>
                                    <p class="error">{tr("catalog-blocked")}</p>
                                    <FindingList findings=Signal::derive(move || blocked.get().into_iter().map(|f| Finding { line_item_id: None, ..f }).collect::<Vec<_>>())/>
                                </div>
                            </Show>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(hidden > 0).then(|| view! {
                <p class="muted other-segments">{move || t_with(locale.get(), "catalog-other-segments", &[("count", hidden.to_string()), ("segment", t(locale.get(), &segment_key))])}</p>
            })}
            <p aria-live="polite" class="ok">{move || added.get()}</p>
        </article>
    }
    .into_any()
}
