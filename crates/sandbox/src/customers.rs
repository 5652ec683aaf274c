//! Customers and agreements: `GET /v1/customers`, `GET /v1/customers/{id}`,
//! `GET/POST /v1/customers/{id}/agreements`, `GET /v1/customers/{id}/qualifications` and the
//! agreement metadata `GET /v1/agreements` (template ID to confirm the Microsoft Customer
//! Agreement with).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use pc_core::models::{Agreement, Collection, Customer, CustomerQualification};
use pc_core::wire::Timestamp;
use serde::Deserialize;

use crate::AppState;
use crate::auth::Caller;
use crate::error::{AppError, AppResult};
use crate::json::{PcJson, PcQuery};
use crate::paging::{self, PageQuery};
use crate::seed::{MCA_LINK, MCA_TEMPLATE_ID};
use crate::store::StoredCustomer;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/customers", get(customers_list))
        .route("/customers/{customer_id}", get(customers_get))
        .route(
            "/customers/{customer_id}/agreements",
            get(agreements_list).post(agreements_create),
        )
        .route(
            "/customers/{customer_id}/qualifications",
            get(qualifications_list),
        )
        .route("/agreements", get(agreement_metadata_list))
}

/// The caller's customer `customer_id`, or 404 `60003`.
pub(crate) async fn load(
    state: &AppState,
    caller: &Caller,
    customer_id: &str,
) -> AppResult<StoredCustomer> {
    state
        .store()
        .customer(caller.partner.tenant_id, customer_id)
        .await?
        .ok_or_else(|| AppError::customer_not_found(customer_id))
}

/// `GET /v1/customers[?size=N]`: the partner's customers, paged by `size` (default 500) with
/// `links.next` carrying `MS-ContinuationToken`.
async fn customers_list(
    State(state): State<AppState>,
    caller: Caller,
    headers: axum::http::HeaderMap,
    PcQuery(page): PcQuery<PageQuery>,
) -> AppResult<Json<Collection<Customer>>> {
    let (_, size) = page.resolve(500)?;
    let offset = paging::continuation_offset(&headers)?.unwrap_or(0);
    let customers: Vec<Customer> = state
        .store()
        .customers(caller.partner.tenant_id)
        .await?
        .into_iter()
        .map(|c| c.customer)
        .collect();
    Ok(Json(paging::page(
        customers,
        offset,
        size,
        "/customers",
        paging::Next::Seek(&format!("/customers?size={size}")),
    )))
}

/// `GET /v1/customers/{customer-tenant-id}`.
async fn customers_get(
    State(state): State<AppState>,
    caller: Caller,
    Path(customer_id): Path<String>,
) -> AppResult<Json<Customer>> {
    Ok(Json(load(&state, &caller, &customer_id).await?.customer))
}

/// `agreementType` filter.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct AgreementQuery {
    #[serde(rename = "agreementType")]
    agreement_type: Option<String>,
}

impl AgreementQuery {
    fn matches(&self, agreement_type: &str) -> bool {
        self.agreement_type
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty() && !t.eq_ignore_ascii_case("All"))
            .is_none_or(|t| t.eq_ignore_ascii_case(agreement_type))
    }
}

/// `GET /v1/customers/{customer-tenant-id}/agreements[?agreementType=MicrosoftCustomerAgreement]`.
async fn agreements_list(
    State(state): State<AppState>,
    caller: Caller,
    Path(customer_id): Path<String>,
    PcQuery(query): PcQuery<AgreementQuery>,
) -> AppResult<Json<Collection<Agreement>>> {
    let customer = load(&state, &caller, &customer_id).await?;
    let id = customer
        .customer
        .id
        .as_ref()
        .map(|i| i.as_str().to_owned())
        .unwrap_or_default();
    let agreements = state
        .store()
        .agreements(&id)
        .await?
        .into_iter()
        .filter(|a| query.matches(a.agreement_type.as_deref().unwrap_or_default()))
        .collect();
    Ok(Json(paging::all(
        agreements,
        &format!("/customers/{id}/agreements"),
    )))
}

/// `POST /v1/customers/{customer-tenant-id}/agreements`: confirms the customer's acceptance.
/// Body: `Agreement` with `primaryContact` (first name, last name, e-mail), `templateId`,
/// `dateAgreed` and `type` `MicrosoftCustomerAgreement`. → 201 with the stored agreement.
async fn agreements_create(
    State(state): State<AppState>,
    caller: Caller,
    Path(customer_id): Path<String>,
    PcJson(mut agreement): PcJson<Agreement>,
) -> AppResult<(StatusCode, Json<Agreement>)> {
    caller.require_user()?;
    let customer = load(&state, &caller, &customer_id).await?;
    let id = customer
        .customer
        .id
        .as_ref()
        .map(|i| i.as_str().to_owned())
        .unwrap_or_default();
    if !agreement.is_customer_agreement() {
        return Err(AppError::invalid_input(
            "type must be MicrosoftCustomerAgreement (the only agreement confirmed through this API for new commerce).",
        ));
    }
    if agreement.template_id.as_deref().map(str::trim) != Some(MCA_TEMPLATE_ID) {
        return Err(AppError::invalid_input(format!(
            "templateId must be the Microsoft Customer Agreement template {MCA_TEMPLATE_ID} (GET /v1/agreements?agreementType=MicrosoftCustomerAgreement)."
        )));
    }
    let contact = agreement.primary_contact.as_ref();
    let filled = |v: Option<&String>| v.is_some_and(|s| !s.trim().is_empty());
    if !contact.is_some_and(|c| {
        filled(c.first_name.as_ref()) && filled(c.last_name.as_ref()) && filled(c.email.as_ref())
    }) {
        return Err(AppError::invalid_input(
            "primaryContact needs firstName, lastName and email of the customer's person who accepted the agreement.",
        ));
    }
    match &agreement.date_agreed {
        Some(Timestamp::At(_)) => {}
        _ => {
            return Err(AppError::invalid_input(
                "dateAgreed must be the date the customer accepted, e.g. 2026-11-21T00:00:00Z.",
            ));
        }
    }
    agreement.agreement_link = Some(MCA_LINK.to_owned());
    agreement.attributes = Some(paging::attributes("Agreement"));
    state
        .store()
        .insert_agreement(&id, &agreement, state.now_ms())
        .await?;
    Ok((StatusCode::CREATED, Json(agreement)))
}

/// `GET /v1/customers/{customer-tenant-id}/qualifications`: a bare array, e.g.
/// `[{"qualification": "Education", "vettingStatus": "Approved"}]`; empty for commercial.
async fn qualifications_list(
    State(state): State<AppState>,
    caller: Caller,
    Path(customer_id): Path<String>,
) -> AppResult<Json<Vec<CustomerQualification>>> {
    let customer = load(&state, &caller, &customer_id).await?;
    Ok(Json(qualifications_of(&customer.segment)))
}

/// The qualifications of a customer stored with `segment`: `Education`,
/// `GovernmentCommunityCloud` or `Nonprofit` (approved); none for commercial.
pub(crate) fn qualifications_of(segment: &str) -> Vec<CustomerQualification> {
    let qualification = match segment.trim().to_ascii_lowercase().as_str() {
        "education" => Some("Education"),
        "government" => Some("GovernmentCommunityCloud"),
        "nonprofit" => Some("Nonprofit"),
        _ => None,
    };
    qualification
        .map(|q| CustomerQualification {
            qualification: Some(q.to_owned()),
            vetting_status: Some("Approved".to_owned()),
            ..CustomerQualification::default()
        })
        .into_iter()
        .collect()
}

/// `GET /v1/agreements[?agreementType=MicrosoftCustomerAgreement]`: agreement metadata.
async fn agreement_metadata_list(
    _caller: Caller,
    PcQuery(query): PcQuery<AgreementQuery>,
) -> Json<Collection<serde_json::Value>> {
    let items = query
        .matches("MicrosoftCustomerAgreement")
        .then(|| {
            serde_json::json!({
                "templateId": MCA_TEMPLATE_ID,
                "agreementType": "MicrosoftCustomerAgreement",
                "agreementLink": MCA_LINK,
                "versionRank": 0,
                "attributes": { "objectType": "AgreementMetaData" },
            })
        })
        .into_iter()
        .collect();
    Json(paging::all(items, "/agreements"))
}
