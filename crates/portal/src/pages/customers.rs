//! Customers: the partner's customers, searchable as you type.

use leptos::prelude::*;
use leptos_router::components::A;
use pc_core::models::Customer;

use crate::api;
use crate::components::partner::PartnerPanel;
use crate::i18n::t_with;
use crate::session::use_session;
use crate::{Localized, Page, route, tr, use_locale};

/// Whether `customer` matches the search text (name, domain or country, case-insensitive).
pub fn matches(customer: &Customer, query: &str) -> bool {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return true;
    }
    let fields = [
        customer.company_name(),
        customer
            .company_profile
            .as_ref()
            .and_then(|p| p.domain.as_deref()),
        customer.country(),
    ];
    fields
        .iter()
        .flatten()
        .any(|f| f.to_lowercase().contains(&query))
}

/// The customer list.
#[component]
pub fn Customers() -> impl IntoView {
    let session = use_session();
    let locale = use_locale();
    let (query, set_query) = signal(String::new());
    let base = StoredValue::new(route::base());
    let customers = LocalResource::new(move || {
        let session = session.get();
        async move {
            let session = session.ok_or_else(|| Localized::key("sign-in-first"))?;
            api::customers(&session.client)
                .await
                .map_err(Localized::from)
        }
    });
    view! {
        <section aria-labelledby="customers-title">
            <h1 id="customers-title">{tr("customers-title")}</h1>
            <PartnerPanel/>
            <label for="customer-search">{tr("customers-search")}</label>
            <input id="customer-search" type="search" on:input=move |ev| set_query.set(event_target_value(&ev))/>
            <Transition fallback=move || view! { <p aria-live="polite">{tr("customers-loading")}</p> }>
                {move || Suspend::new(async move {
                    match customers.await {
                        Err(problem) => view! {
                            <p role="alert">{move || t_with(locale.get(), "customers-failed", &[("reason", problem.text(locale.get()))])}</p>
                        }.into_any(),
                        Ok(list) => {
                            let list = StoredValue::new(list);
                            view! {
                                <ul class="customer-list">
                                    {move || {
                                        let shown: Vec<Customer> = list.with_value(|l| l.iter().filter(|c| matches(c, &query.get())).cloned().collect());
                                        if shown.is_empty() {
                                            view! { <li>{t_with(locale.get(), "customers-empty", &[("query", query.get())])}</li> }.into_any()
                                        } else {
                                            shown.into_iter().map(|c| { let href = format!("{}{}", base.get_value(), Page::Customer(c.id.as_ref().map(|i| i.as_str()).unwrap_or_default()).path()); let name = c.company_name().unwrap_or_default().to_owned(); view! {
                                                <li>
                                                    <A href=href>{name}</A>
                                                    " · " {c.company_profile.as_ref().and_then(|p| p.domain.clone()).unwrap_or_default()}
                                                    " · " {c.country().unwrap_or_default().to_owned()}
                                                </li>
                                            }}).collect_view().into_any()
                                        }
                                    }}
                                </ul>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::matches;
    use pc_core::models::Customer;

    #[test]
    fn search_matches_name_domain_and_country() {
        let customer: Customer = serde_json::from_str(r#"{"companyProfile": {"companyName": "Göta Data AB", "domain": "gotadata.onmicrosoft.com"}, "billingProfile": {"defaultAddress": {"country": "SE"}}}"#).unwrap();
        assert!(matches(&customer, "göta"));
        assert!(matches(&customer, "GOTADATA"));
        assert!(matches(&customer, "se"));
        assert!(matches(&customer, "  "));
        assert!(!matches(&customer, "northwind"));
    }
}
