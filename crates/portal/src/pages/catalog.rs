//! Catalog: one search across every catalog view (`targetView`) for the customer's country and
//! segment. The views are read in parallel and merged (a product listed by several views once,
//! with the most specific view as its kind); progress is shown while they load, and a view that
//! fails is named with the reason while the others stay usable. Filter by product kind (the
//! views); a product opened shows its SKUs and availabilities, filtered by term and billing cycle
//! (known only from the availabilities, so these filters work inside the opened product) and, for
//! Azure reservations, by region, VM size and family (the SKUs' `dynamicAttributes`
//! `armRegionName`, `armSkuName`, `category`). Only the customer's segment's availabilities are
//! offered (the others are counted, with the reason), and each is checked with pc-core's
//! `check_availability`: what cannot be bought has its "add to cart" disabled, with the reason.
//! A reservation asks its provisioning context (Azure subscription by friendly name, scope,
//! duration) with selects filled from the SKU and the customer's subscriptions; an unregistered
//! subscription is said so, with "Register" beside it. Adding an availability the cart already
//! has adds seats to that line, and says so.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pc_core::enums::{BillingCycle, PurchasePrerequisite, RegistrationStatus, Segment};
use pc_core::models::{Availability, Product, Sku};
use pc_core::rules::{Finding, FindingCode, PurchaseContext, check_availability};

use crate::api;
use crate::components::azure::{
    RegisterButton, duration_text, reservation_durations, subscription_choices, subscription_name,
};
use crate::components::findings::FindingList;
use crate::components::partner_text::PartnerCenterText;
use crate::errors::ProblemAlert;
use crate::format;
use crate::i18n::{t, t_numbers, t_with};
use crate::pages::customer::{SignInFirst, loaded, use_customer};
use crate::session::use_session;
use crate::state::Added;
use crate::{Localized, told, tr, use_locale};

/// The catalog views partners buy from (`targetView` of E1) with their label keys, the most
/// specific first: a product several views list takes the first one's label as its kind.
pub const TARGET_VIEWS: [(&str, &str); 6] = [
    ("OnlineServices", "view-online-services"),
    ("SoftwarePerpetual", "view-software-perpetual"),
    ("SoftwareSubscriptions", "view-software-subscriptions"),
    ("Software", "view-software"),
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

/// One catalog view's load.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewLoad {
    /// Being read.
    Loading,
    /// Its products.
    Loaded(Vec<Product>),
    /// Why it could not be read (told in the user's language when shown).
    Failed(Localized),
}

/// A product of the merged catalog with the views (`targetView` values, in [`TARGET_VIEWS`]
/// order) that list it; the first is its kind.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogEntry {
    /// The product.
    pub product: Product,
    /// The views listing it, most specific first (never empty).
    pub views: Vec<&'static str>,
}

/// The products of every loaded view, once each (by product ID, case-insensitive; a product
/// without ID is kept as is), in view order then Partner Center's order.
pub fn merge(loads: &[(&'static str, ViewLoad)]) -> Vec<CatalogEntry> {
    let mut out: Vec<CatalogEntry> = Vec::new();
    for (view, load) in loads {
        let ViewLoad::Loaded(products) = load else {
            continue;
        };
        for product in products {
            let id = product.id.as_ref().map(|i| i.as_str().to_ascii_uppercase());
            let existing = id.as_ref().and_then(|id| {
                out.iter_mut().find(|e| {
                    e.product
                        .id
                        .as_ref()
                        .is_some_and(|i| i.as_str().eq_ignore_ascii_case(id))
                })
            });
            match existing {
                Some(entry) => {
                    if !entry.views.contains(view) {
                        entry.views.push(view);
                    }
                }
                None => out.push(CatalogEntry {
                    product: product.clone(),
                    views: vec![view],
                }),
            }
        }
    }
    out
}

/// The label key of a `targetView`.
fn view_key(view: &str) -> &'static str {
    TARGET_VIEWS
        .iter()
        .find(|(id, _)| *id == view)
        .map_or("view-other", |(_, key)| key)
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
    // The customer's segment (from its qualifications): the only one offered.
    let segment = StoredValue::new(data.segment.as_str().to_ascii_lowercase());
    let segment_label = format!("segment-{}", segment.get_value());
    // The rules' context from Partner Center's answers about the customer (no cart yet); without
    // the partner's profile the rules cannot run (the gate says why).
    let context = Memo::new(move |_| {
        let partner = session.partner()?;
        let data = loaded(&ctx)?;
        Some(data.context(&partner, format::now(), Vec::new(), Vec::new()))
    });
    let query = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let selected = RwSignal::new(None::<Product>);
    // Every view at once; each view's result is shown as soon as it arrives.
    let all_loading = || {
        TARGET_VIEWS
            .iter()
            .map(|(view, _)| (*view, ViewLoad::Loading))
            .collect::<Vec<_>>()
    };
    let loads = RwSignal::new(all_loading());
    let generation = StoredValue::new(0_u32);
    Effect::new(move |_| {
        let Some(session) = session.get() else {
            return;
        };
        generation.update_value(|g| *g = g.wrapping_add(1));
        let this = generation.get_value();
        loads.set(all_loading());
        spawn_local(async move {
            let country = country.get_value();
            let segment = segment.get_value();
            let (client, country, segment) = (&session.client, &country, &segment);
            futures_util::future::join_all(TARGET_VIEWS.iter().map(|(view, _)| async move {
                let result = api::catalog_view(client, country, segment, view).await;
                let load = match result {
                    Ok(products) => ViewLoad::Loaded(products),
                    Err(e) => ViewLoad::Failed(Localized::from(e)),
                };
                if generation.get_value() == this {
                    loads.update(|l| {
                        if let Some(slot) = l.iter_mut().find(|(v, _)| v == view) {
                            slot.1 = load;
                        }
                    });
                }
            }))
            .await;
        });
    });
    let merged = Memo::new(move |_| loads.with(|l| merge(l)));
    let done = move || {
        loads.with(|l| {
            l.iter()
                .filter(|(_, s)| !matches!(s, ViewLoad::Loading))
                .count()
        })
    };
    let shown = Memo::new(move |_| {
        let (query, kind) = (query.get(), kind.get());
        merged.with(|m| {
            m.iter()
                .filter(|e| kind.is_empty() || e.views.iter().any(|v| *v == kind))
                .filter(|e| matches(&e.product, &query))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <h2>{move || t_with(locale.get(), "catalog-title", &[("country", country.get_value())])}</h2>
        <div class="filters catalog-filters">
            <span>{move || t_with(locale.get(), "catalog-segment", &[("segment", t(locale.get(), &segment_label))])}</span>
            <div class="field search">
                <label for="product-search">{tr("catalog-search")}</label>
                <input id="product-search" type="search" on:input=move |ev| query.set(event_target_value(&ev))/>
            </div>
            <div class="field">
            <label for="product-kind">{tr("catalog-kind")}</label>
            <select id="product-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                <option value="" selected=move || kind.get().is_empty()>{tr("catalog-kind-all")}</option>
                {TARGET_VIEWS.iter().map(|(id, key)| view! {
                    <option value=*id selected=move || kind.get() == *id>{tr(key)}</option>
                }).collect_view()}
            </select>
            </div>
        </div>
        <p class="muted">{tr("catalog-terms-note")}</p>
        <div class="catalog">
            <div class="products">
                <p class="progress" aria-live="polite">{move || {
                    let done = done();
                    (done < TARGET_VIEWS.len()).then(|| t_numbers(locale.get(), "catalog-loading-views", &[], &[("done", i64::try_from(done).unwrap_or_default()), ("total", i64::try_from(TARGET_VIEWS.len()).unwrap_or_default())]))
                }}</p>
                <div class="view-errors" role="alert">
                    {move || loads.get().into_iter().filter_map(|(view, load)| match load {
                        ViewLoad::Failed(reason) => Some(view! {
                            <p class="error">{t_with(locale.get(), "catalog-view-failed", &[("view", t(locale.get(), view_key(view))), ("reason", reason.text(locale.get()))])}</p>
                        }),
                        _ => None,
                    }).collect_view()}
                </div>
                <p class="count" aria-live="polite">{move || t_numbers(locale.get(), "catalog-count", &[], &[("count", i64::try_from(shown.with(Vec::len)).unwrap_or_default())])}</p>
                <ul class="product-list">
                    <For each=move || shown.get() key=|e| (e.product.id.as_ref().map(|i| i.as_str().to_owned()), e.product.title.clone(), e.views.clone()) let:entry>
                        {
                            let title = entry.product.title.clone().unwrap_or_default();
                            let id = entry.product.id.as_ref().map(|i| i.as_str().to_owned()).unwrap_or_default();
                            let kind_key = view_key(entry.views.first().copied().unwrap_or_default());
                            let is_selected = {
                                let id = id.clone();
                                move || selected.with(|s| s.as_ref().and_then(|s| s.id.as_ref()).map(|i| i.as_str()) == Some(id.as_str()))
                            };
                            let product = StoredValue::new(entry.product);
                            view! {
                                <li>
                                    <button type="button" class="product" aria-pressed=move || is_selected().to_string()
                                        on:click=move |_| selected.set(Some(product.get_value()))>
                                        <span class="title">{title}</span>
                                        <span class="kind">{tr(kind_key)}</span>
                                        <span class="id">{id}</span>
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
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
                let session = session.ok_or_else(|| Localized::key("sign-in-first"))?;
                api::skus_with_availabilities(&session.client, &product_id, &country)
                    .await
                    .map_err(Localized::from)
            }
        }
    });
    let filters = SkuFilters::default();
    let title = product.title.clone().unwrap_or_default();
    let description = product.description.clone().unwrap_or_default();
    view! {
        <section class="product-detail" aria-labelledby="product-title" tabindex="-1">
            <h3 id="product-title">{title}</h3>
            <PartnerCenterText text=description/>
            {move || match skus.get() {
                None => view! { <p aria-live="polite">{tr("loading")}</p> }.into_any(),
                Some(Err(problem)) => view! { <ProblemAlert problem/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p>{tr("catalog-no-skus")}</p> }.into_any(),
                Some(Ok(list)) => {
                    let total = list.len();
                    let options = FilterOptions::of(&list);
                    let list = StoredValue::new(list);
                    let visible = move || list.with_value(|l| l.iter().filter(|(sku, a)| filters.keeps_sku(sku) && a.iter().any(|a| filters.keeps_availability(a))).count());
                    let product = product.clone();
                    view! {
                        <FilterBar options=options filters=filters/>
                        <p class="count" aria-live="polite">{move || t_numbers(locale.get(), "catalog-sku-count", &[], &[("shown", i64::try_from(visible()).unwrap_or_default()), ("count", i64::try_from(total).unwrap_or_default())])}</p>
                        {list.get_value().into_iter().map(|(sku, availabilities)| {
                            let product = product.clone();
                            let keep = StoredValue::new(sku.clone());
                            let any = StoredValue::new(availabilities.clone());
                            let shown = move || filters.keeps_sku(&keep.get_value()) && any.with_value(|a| a.iter().any(|a| filters.keeps_availability(a)));
                            view! { <Show when=shown><SkuCard sku=sku.clone() availabilities=availabilities.clone() product=product.clone() context=context filters=filters/></Show> }
                        }).collect_view()}
                    }.into_any()
                }
            }}
        </section>
    }
}

/// A SKU's dynamic attribute `key` as text (e.g. `armRegionName`: `westus2`).
fn attribute(sku: &Sku, key: &str) -> Option<String> {
    sku.dynamic_attributes
        .as_ref()?
        .get(key)?
        .as_str()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// The filters of an opened product: empty text = any.
#[derive(Clone, Copy, Default)]
struct SkuFilters {
    /// Term duration (ISO 8601, e.g. `P1Y`).
    term: RwSignal<String>,
    /// Billing cycle as Partner Center spells it (e.g. `monthly`).
    cycle: RwSignal<String>,
    /// Reservation region (`armRegionName`).
    region: RwSignal<String>,
    /// Reservation VM size (`armSkuName`).
    size: RwSignal<String>,
    /// Reservation family (`category`).
    family: RwSignal<String>,
}

impl SkuFilters {
    fn keeps_sku(&self, sku: &Sku) -> bool {
        [
            (self.region, "armRegionName"),
            (self.size, "armSkuName"),
            (self.family, "category"),
        ]
        .iter()
        .all(|(filter, key)| {
            let wanted = filter.get();
            wanted.is_empty() || attribute(sku, key).as_deref() == Some(wanted.as_str())
        })
    }

    fn keeps_term(&self, term: &pc_core::models::Term) -> bool {
        let (wanted_term, wanted_cycle) = (self.term.get(), self.cycle.get());
        (wanted_term.is_empty()
            || term
                .duration
                .as_deref()
                .is_some_and(|d| d.eq_ignore_ascii_case(&wanted_term)))
            && (wanted_cycle.is_empty()
                || term
                    .billing_cycle
                    .as_ref()
                    .is_some_and(|c| c.value().as_str() == wanted_cycle))
    }

    fn keeps_availability(&self, availability: &Availability) -> bool {
        let any = self.term.get().is_empty() && self.cycle.get().is_empty();
        any || availability
            .terms
            .iter()
            .flatten()
            .any(|t| self.keeps_term(t))
    }
}

/// What the filters of an opened product can choose from: `(value, label)` pairs, sorted by label.
#[derive(Clone, Default)]
struct FilterOptions {
    terms: Vec<String>,
    cycles: Vec<BillingCycle>,
    regions: Vec<(String, String)>,
    sizes: Vec<(String, String)>,
    families: Vec<(String, String)>,
}

impl FilterOptions {
    fn of(list: &[(Sku, Vec<Availability>)]) -> Self {
        let mut out = Self::default();
        for (sku, availabilities) in list {
            for term in availabilities.iter().flat_map(|a| a.terms.iter().flatten()) {
                if let Some(d) = term
                    .duration
                    .as_ref()
                    .map(|d| d.trim().to_ascii_uppercase())
                    && !d.is_empty()
                    && !out.terms.contains(&d)
                {
                    out.terms.push(d);
                }
                if let Some(c) = term.billing_cycle.as_ref().map(|c| c.value().clone())
                    && !out.cycles.contains(&c)
                {
                    out.cycles.push(c);
                }
            }
            let push =
                |list: &mut Vec<(String, String)>, value: Option<String>, label: Option<String>| {
                    if let Some(value) = value
                        && !list.iter().any(|(v, _)| *v == value)
                    {
                        let label = label.unwrap_or_else(|| value.clone());
                        list.push((value, label));
                    }
                };
            push(
                &mut out.regions,
                attribute(sku, "armRegionName"),
                attribute(sku, "region"),
            );
            push(&mut out.sizes, attribute(sku, "armSkuName"), None);
            push(&mut out.families, attribute(sku, "category"), None);
        }
        out.terms.sort_by_key(|t| term_months(t));
        for list in [&mut out.regions, &mut out.sizes, &mut out.families] {
            list.sort_by(|a, b| a.1.cmp(&b.1));
        }
        out
    }
}

/// A term duration's length in months for ordering (`P1M` 1, `P1Y` 12; days and hours first).
fn term_months(duration: &str) -> u32 {
    let d = duration.trim_start_matches('P');
    let (number, unit) = d.split_at(d.len().saturating_sub(1));
    let n: u32 = number.parse().unwrap_or(0);
    match unit {
        "Y" => n.saturating_mul(12),
        "M" => n,
        _ => 0,
    }
}

/// The filter selects of an opened product (only those with a choice to make).
#[component]
fn FilterBar(options: FilterOptions, filters: SkuFilters) -> impl IntoView {
    let locale = use_locale();
    let any = tr("catalog-filter-any");
    let select = move |id: &'static str,
                       label: &'static str,
                       signal: RwSignal<String>,
                       choices: Vec<(String, Signal<String>)>| {
        (choices.len() > 1).then(|| view! {
            <div class="field">
            <label for=id>{tr(label)}</label>
            <select id=id on:change=move |ev| signal.set(event_target_value(&ev))>
                <option value="" selected=move || signal.get().is_empty()>{any}</option>
                {choices.into_iter().map(|(value, text)| {
                    let v = value.clone();
                    view! { <option value=value selected=move || signal.get() == v>{text}</option> }
                }).collect_view()}
            </select>
            </div>
        })
    };
    // Terms and billing cycles are named in the current language, also after it is switched;
    // regions, sizes and families are Partner Center's own words.
    let terms = options
        .terms
        .into_iter()
        .map(|d| {
            let value = d.clone();
            (
                value,
                Signal::derive(move || format::term(&d, locale.get())),
            )
        })
        .collect();
    let cycles = options
        .cycles
        .into_iter()
        .map(|c| {
            let value = c.as_str().to_owned();
            (
                value,
                Signal::derive(move || format::billing_cycle(&c, locale.get())),
            )
        })
        .collect();
    let named = |choices: Vec<(String, String)>| {
        choices
            .into_iter()
            .map(|(value, text)| (value, Signal::stored(text)))
            .collect()
    };
    view! {
        <div class="filters sku-filters" role="group" aria-label=tr("catalog-filters")>
            {select("filter-term", "catalog-filter-term", filters.term, terms)}
            {select("filter-cycle", "catalog-filter-cycle", filters.cycle, cycles)}
            {select("filter-region", "catalog-filter-region", filters.region, named(options.regions))}
            {select("filter-size", "catalog-filter-size", filters.size, named(options.sizes))}
            {select("filter-family", "catalog-filter-family", filters.family, named(options.families))}
        </div>
    }
}

/// One SKU: its limits, prerequisites and availabilities with "add to cart".
#[component]
fn SkuCard(
    sku: Sku,
    availabilities: Vec<Availability>,
    product: Product,
    context: Memo<Option<PurchaseContext>>,
    filters: SkuFilters,
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
    // What the last "Add to cart" did, told in the current language (also after a switch).
    let added = RwSignal::new(None::<(String, Added)>);
    let sku_title = sku.title.clone().unwrap_or_default();
    let (minimum, maximum) = (
        sku.minimum_quantity.unwrap_or(1).to_string(),
        sku.maximum_quantity
            .map_or_else(|| "∞".to_owned(), |m| m.to_string()),
    );
    let limits = move || {
        t_with(
            locale.get(),
            "sku-quantity",
            &[("minimum", minimum.clone()), ("maximum", maximum.clone())],
        )
    };
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
    // A reservation's provisioning context, chosen from what the SKU and the customer offer.
    let variables: Vec<String> = sku
        .provisioning_variables
        .iter()
        .flatten()
        .map(|v| crate::state::lower_camel(v))
        .collect();
    let asks = |key: &str| variables.iter().any(|v| v.eq_ignore_ascii_case(key));
    let subscriptions: Vec<(String, String, RegistrationStatus)> = loaded(&ctx)
        .map(|d| {
            d.azure_subscriptions
                .iter()
                .map(|s| {
                    let name = subscription_name(&d, &s.id).unwrap_or_else(|| s.id.clone());
                    (s.id.clone(), name, s.registration_status.clone())
                })
                .collect()
        })
        .unwrap_or_default();
    let durations = reservation_durations(&sku, &availabilities);
    let subscription = RwSignal::new(
        subscriptions
            .iter()
            .find(|s| s.2 == RegistrationStatus::Registered)
            .or(subscriptions.first())
            .map(|s| s.0.clone())
            .unwrap_or_default(),
    );
    let scope = RwSignal::new("shared".to_owned());
    let duration = RwSignal::new(durations.first().cloned().unwrap_or_default());
    let provisioning = {
        let (ask_subscription, ask_scope, ask_duration) =
            (asks("subscriptionId"), asks("scope"), asks("duration"));
        move || {
            let mut out = Vec::new();
            if ask_subscription && !subscription.get_untracked().is_empty() {
                out.push(("subscriptionId".to_owned(), subscription.get_untracked()));
            }
            if ask_scope {
                out.push(("scope".to_owned(), scope.get_untracked()));
            }
            if ask_duration && !duration.get_untracked().is_empty() {
                out.push(("duration".to_owned(), duration.get_untracked()));
            }
            out
        }
    };
    let registration_message = RwSignal::new(None::<Localized>);
    let sku_key = sku
        .id
        .as_ref()
        .map(|i| {
            i.as_str()
                .replace(|c: char| !c.is_ascii_alphanumeric(), "-")
        })
        .unwrap_or_default();
    let reservation = (asks("subscriptionId") || asks("scope") || asks("duration")).then(|| {
        let sub_id = format!("sub-{sku_key}");
        let scope_id = format!("scope-{sku_key}");
        let duration_id = format!("duration-{sku_key}");
        // Read again after "Register" (the customer's data is refetched); the last known list
        // while it reloads.
        let statuses = Memo::new(move |previous: Option<&Vec<(String, RegistrationStatus)>>| {
            loaded(&ctx)
                .map(|d| {
                    d.azure_subscriptions
                        .iter()
                        .map(|s| (s.id.clone(), s.registration_status.clone()))
                        .collect()
                })
                .or_else(|| previous.cloned())
                .unwrap_or_default()
        });
        let names = StoredValue::new(subscriptions.clone());
        // The chosen subscription, when Partner Center says it is not registered.
        let unregistered = Signal::derive(move || {
            let id = subscription.get();
            let name = names.with_value(|n| {
                n.iter()
                    .find(|s| s.0 == id)
                    .map_or_else(|| id.clone(), |s| s.1.clone())
            });
            statuses.with(|list| {
                list.iter()
                    .find(|s| s.0 == id && s.1 != RegistrationStatus::Registered)
                    .map(|s| {
                        vec![
                            Finding::cart(FindingCode::SubscriptionNotRegistered)
                                .with("subscriptionId", name)
                                .with("registrationStatus", s.1.as_str()),
                        ]
                    })
                    .unwrap_or_default()
            })
        });
        let register = Callback::new(move |f: Finding| {
            (f.code == FindingCode::SubscriptionNotRegistered).then(|| {
                view! { <RegisterButton subscription_id=subscription.get_untracked() status_message=registration_message/> }.into_any()
            })
        });
        view! {
            <fieldset class="provisioning">
                <legend>{tr("catalog-reservation")}</legend>
                {asks("subscriptionId").then(|| if subscriptions.is_empty() {
                    view! { <p>{tr("azure-none")}</p> }.into_any()
                } else {
                    let options = loaded(&ctx).map(|d| subscription_choices(&d)).unwrap_or_default();
                    view! {
                        <label for=sub_id.clone()>{tr("provisioning-subscriptionid")}</label>
                        <select id=sub_id.clone() on:change=move |ev| subscription.set(event_target_value(&ev))>
                            {options.into_iter().map(|(id, name)| {
                                let v = id.clone();
                                view! { <option value=id selected=move || subscription.get() == v>{name}</option> }
                            }).collect_view()}
                        </select>
                        <code class="muted subscription-id">{move || subscription.get()}</code>
                    }.into_any()
                })}
                {asks("scope").then(|| view! {
                    <label for=scope_id.clone()>{tr("provisioning-scope")}</label>
                    <select id=scope_id.clone() on:change=move |ev| scope.set(event_target_value(&ev))>
                        <option value="shared" selected=move || scope.get() == "shared">{tr("catalog-scope-shared")}</option>
                        <option value="single" selected=move || scope.get() == "single">{tr("catalog-scope-single")}</option>
                    </select>
                })}
                {asks("duration").then(|| {
                    let options = durations.clone();
                    view! {
                        <label for=duration_id.clone()>{tr("provisioning-duration")}</label>
                        <select id=duration_id.clone() on:change=move |ev| duration.set(event_target_value(&ev))>
                            {options.into_iter().map(|d| {
                                let text = duration_text(&d, locale);
                                let v = d.clone();
                                view! { <option value=d selected=move || duration.get() == v>{text}</option> }
                            }).collect_view()}
                        </select>
                    }
                })}
                <FindingList findings=unregistered action=register/>
                <p aria-live="polite" class="status">{told(registration_message)}</p>
            </fieldset>
        }
    });
    let heading = format::product_and_sku(product.title.as_deref().unwrap_or_default(), &sku_title);
    view! {
        <article class="sku">
            <h4>{sku_title.clone()}</h4>
            <PartnerCenterText text=sku.description.clone().unwrap_or_default() class="muted"/>
            <p>{limits}</p>
            <ul class="notes">{notes.into_iter().map(|k| view! { <li>{tr(k)}</li> }).collect_view()}</ul>
            {reservation}
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
                        <li hidden=move || !availability.with_value(|a| filters.keeps_availability(a))>
                            <ul class="terms">
                                {if terms.is_empty() {
                                    view! { <li>{tr("term-none")}</li> }.into_any()
                                } else {
                                    terms.into_iter().map(|term| {
                                        let duration = term.duration.clone().unwrap_or_default();
                                        let cycle = term.billing_cycle.as_ref().map(|c| c.value().clone());
                                        let window = term
                                            .cancellation_policies
                                            .iter()
                                            .flatten()
                                            .flat_map(|p| p.refund_options.iter().flatten())
                                            .filter_map(|o| o.expires_after.clone())
                                            .max();
                                        let shown = StoredValue::new(term.clone());
                                        view! {
                                            <li hidden=move || !shown.with_value(|t| filters.keeps_term(t))>
                                                // In the current language, also after it is switched.
                                                {move || {
                                                    let locale = locale.get();
                                                    let mut text = format::term(&duration, locale);
                                                    if let Some(cycle) = &cycle {
                                                        text.push_str(" · ");
                                                        text.push_str(&format::billing_cycle(cycle, locale));
                                                    }
                                                    if let Some(w) = &window {
                                                        text.push_str(" · ");
                                                        text.push_str(&t_with(locale, "term-cancellation", &[("window", format::term(w, locale))]));
                                                    }
                                                    text
                                                }}
                                            </li>
                                        }
                                    }).collect_view().into_any()
                                }}
                            </ul>
                            <span class="muted">{move || t_with(locale.get(), "availability-currency", &[("currency", currency.clone())])}</span>
                            <button type="button" disabled=move || !offered()
                                aria-describedby={ let reason_id = reason_id.clone(); move || (!offered()).then(|| reason_id.clone()) }
                                on:click=move |_| {
                                    if !offered() {
                                        return;
                                    }
                                    let name = name.clone();
                                    let values = provisioning();
                                    let mut outcome = None;
                                    ctx.draft.update(|d| outcome = Some(d.add(&availability.get_value(), name.clone(), &values)));
                                    added.set(outcome.map(|o| (name, o)));
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
            <p aria-live="polite" class="ok">{move || added.with(|a| a.as_ref().map(|(name, outcome)| {
                let name = ("name", name.clone());
                match *outcome {
                    Added::Seats { added, quantity } => t_numbers(locale.get(), "catalog-added-seats", &[name], &[("added", added), ("quantity", quantity)]),
                    Added::Line { .. } => t_with(locale.get(), "catalog-added", &[name]),
                }
            }))}</p>
        </article>
    }
    .into_any()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "a test fails by panicking")]
mod tests {
    use super::*;
    use crate::components::azure::term_of_duration;

    fn product(id: &str, title: &str) -> Product {
        serde_json::from_value(serde_json::json!({ "id": id, "title": title })).unwrap()
    }

    #[test]
    fn views_merge_by_product_id_with_the_most_specific_view_first() {
        let loads = vec![
            (
                "SoftwarePerpetual",
                ViewLoad::Loaded(vec![product("DG7GMGF0PWHC", "Windows Server 2025")]),
            ),
            (
                "SoftwareSubscriptions",
                ViewLoad::Failed(Localized::key("error-partner-center")),
            ),
            (
                "Software",
                ViewLoad::Loaded(vec![
                    product("dg7gmgf0pwhc", "Windows Server 2025"),
                    product("DG7GMGF0FKZW", "Windows Server 2022"),
                ]),
            ),
            ("Azure", ViewLoad::Loading),
        ];
        let merged = merge(&loads);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].views, vec!["SoftwarePerpetual", "Software"]);
        assert_eq!(merged[1].views, vec!["Software"]);
        assert_eq!(view_key(merged[0].views[0]), "view-software-perpetual");
        assert_eq!(view_key("Unheard"), "view-other");
    }

    #[test]
    fn reservation_durations_and_terms() {
        use crate::components::azure::duration_of_term;
        assert_eq!(duration_of_term("P1Y").as_deref(), Some("1Year"));
        assert_eq!(duration_of_term("P3Y").as_deref(), Some("3Years"));
        assert_eq!(duration_of_term("P1M"), None);
        assert_eq!(term_of_duration("3Years").as_deref(), Some("P3Y"));
        assert_eq!(term_of_duration("3Year").as_deref(), Some("P3Y"));
        assert_eq!(term_of_duration("1Year").as_deref(), Some("P1Y"));
        assert_eq!(term_of_duration("forever"), None);
        let mut terms = vec!["P3Y", "P1M", "P1Y", "P7D"];
        terms.sort_by_key(|t| term_months(t));
        assert_eq!(terms, ["P7D", "P1M", "P1Y", "P3Y"]);
    }
}
