//! Subscriptions E16–E21 (Partner Center: *Get all of a customer's subscriptions*, *Get a list of
//! subscriptions by order*, *Get a subscription by ID*, *Get subscription provisioning status*,
//! *Enable a customer's Azure subscription for reservations* / *Get subscription registration
//! status*; *Update a subscription* for the PATCH): listed after provisioning, by order, by ID,
//! provisioning status, and reservation enablement (registration) of Azure subscriptions, which
//! moves `notregistered` → `registering` → `registered`.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use pc_core::enums::ProvisioningState;
use pc_core::models::{
    Collection, Subscription, SubscriptionProvisioningStatus, SubscriptionRegistrationStatus,
};
use pc_core::wire::Spelled;
use serde::Deserialize;

use crate::AppState;
use crate::auth::Caller;
use crate::customers;
use crate::error::{AppError, AppResult};
use crate::json::{PcJson, PcQuery};
use crate::lifecycle::{self, Scope};
use crate::paging::{self, attributes};
use crate::provisioning::{provisioned, registration_status};
use crate::store::StoredSubscription;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/customers/{customer_id}/subscriptions",
            get(subscriptions_list),
        )
        .route(
            "/customers/{customer_id}/subscriptions/{subscription_id}",
            get(subscriptions_get).patch(subscriptions_update),
        )
        .route(
            "/customers/{customer_id}/subscriptions/{subscription_id}/provisioningstatus",
            get(provisioning_status_get),
        )
        .route(
            "/customers/{customer_id}/subscriptions/{subscription_id}/registrations",
            post(registrations_create),
        )
        .route(
            "/customers/{customer_id}/subscriptions/{subscription_id}/registrationstatus",
            get(registration_status_get),
        )
}

fn subscription_not_found(id: &str) -> AppError {
    AppError::new(
        StatusCode::NOT_FOUND,
        20_003,
        format!("Subscription with ID {id} not found."),
    )
}

/// `order_id` of E17.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct SubscriptionsQuery {
    order_id: Option<String>,
}

/// E16 `GET /v1/customers/{customer-tenant-id}/subscriptions` and E17 `…?order_id=`:
/// subscriptions whose provisioning finished.
async fn subscriptions_list(
    State(state): State<AppState>,
    caller: Caller,
    Path(customer_id): Path<String>,
    PcQuery(query): PcQuery<SubscriptionsQuery>,
) -> AppResult<Json<Collection<Subscription>>> {
    let customer = customers::load(&state, &caller, &customer_id).await?;
    let id = customer
        .customer
        .id
        .as_ref()
        .map(|i| i.as_str().to_owned())
        .unwrap_or_default();
    lifecycle::run_renewals(&state, Scope::Customer(caller.partner.tenant_id, &id)).await?;
    let now = state.now_ms();
    let at = state.now();
    let delay = i64::try_from(state.config().provisioning_delay.as_millis()).unwrap_or(i64::MAX);
    let order_filter = query
        .order_id
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty());
    let items: Vec<Subscription> = state
        .store()
        .subscriptions(caller.partner.tenant_id, &id, now.saturating_sub(delay))
        .await?
        .iter()
        .map(|s| lifecycle::present(&state, s, at))
        .filter(|s| {
            order_filter.is_none_or(|o| s.order_id.as_ref().is_some_and(|id| id.as_str() == o))
        })
        .collect();
    let self_uri = match order_filter {
        Some(o) => format!("/customers/{id}/subscriptions?order_id={o}"),
        None => format!("/customers/{id}/subscriptions"),
    };
    Ok(Json(paging::all(items, &self_uri)))
}

async fn load(
    state: &AppState,
    caller: &Caller,
    customer_id: &str,
    id: &str,
) -> AppResult<StoredSubscription> {
    customers::load(state, caller, customer_id).await?;
    state
        .store()
        .subscription(caller.partner.tenant_id, customer_id, id)
        .await?
        .ok_or_else(|| subscription_not_found(id))
}

/// E18 `GET /v1/customers/{customer-tenant-id}/subscriptions/{subscription-id}` (404 `20003`
/// until provisioning finishes).
async fn subscriptions_get(
    State(state): State<AppState>,
    caller: Caller,
    Path((customer_id, subscription_id)): Path<(String, String)>,
) -> AppResult<Json<Subscription>> {
    customers::load(&state, &caller, &customer_id).await?;
    lifecycle::run_renewals(
        &state,
        Scope::Customer(caller.partner.tenant_id, &customer_id),
    )
    .await?;
    let stored = load(&state, &caller, &customer_id, &subscription_id).await?;
    if !provisioned(&state, stored.created_at, state.now_ms()) {
        return Err(subscription_not_found(&subscription_id));
    }
    Ok(Json(lifecycle::present(&state, &stored, state.now())))
}

/// `PATCH /v1/customers/{customer-id}/subscriptions/{subscription-id}` with the subscription
/// (Partner Center pages *Change the quantity of a subscription*, *Cancel a subscription*,
/// *Create scheduled changes*): the members that differ from the subscription — `quantity`,
/// `status: "deleted"`, `autoRenewEnabled`, `scheduledNextTermInstructions` (`null` removes it)
/// — are decided by pc-core's lifecycle rules and applied ([`lifecycle::change_subscription`]).
/// `If-Match` or `attributes.etag`, when sent, must be the current etag. → 200 `Subscription`.
async fn subscriptions_update(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path((customer_id, subscription_id)): Path<(String, String)>,
    PcJson(body): PcJson<serde_json::Value>,
) -> AppResult<Json<Subscription>> {
    caller.require_purchase()?;
    let customer = customers::load(&state, &caller, &customer_id).await?;
    let if_match = headers.get(header::IF_MATCH).and_then(|v| v.to_str().ok());
    let subscription = lifecycle::change_subscription(
        &state,
        caller.partner,
        &customer,
        &subscription_id,
        &body,
        if_match,
    )
    .await?;
    Ok(Json(subscription))
}

/// E19 `GET …/subscriptions/{subscription-id}/provisioningstatus`: `pending` → `success`.
async fn provisioning_status_get(
    State(state): State<AppState>,
    caller: Caller,
    Path((customer_id, subscription_id)): Path<(String, String)>,
) -> AppResult<Json<SubscriptionProvisioningStatus>> {
    caller.require_user()?;
    let stored = load(&state, &caller, &customer_id, &subscription_id).await?;
    let status = if provisioned(&state, stored.created_at, state.now_ms()) {
        ProvisioningState::Success
    } else {
        ProvisioningState::Pending
    };
    let sub = stored.subscription;
    Ok(Json(SubscriptionProvisioningStatus {
        sku_id: sub
            .offer_id
            .as_ref()
            .and_then(|o| o.parts())
            .map(|p| p.sku_id.as_str().to_owned()),
        status: Some(Spelled::from(status)),
        quantity: sub.quantity,
        end_date: sub.commitment_end_date.clone(),
        attributes: Some(attributes("SubscriptionProvisioningStatus")),
        ..SubscriptionProvisioningStatus::default()
    }))
}

/// E20 `POST …/subscriptions/{subscription-id}/registrations` → 202 with `Location` of the
/// registration status. Only Azure subscriptions (Azure plan) can be registered (400 `800011`).
async fn registrations_create(
    State(state): State<AppState>,
    caller: Caller,
    Path((customer_id, subscription_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let stored = load(&state, &caller, &customer_id, &subscription_id).await?;
    if stored.registration_status.is_none() {
        return Err(AppError::new(
            StatusCode::BAD_REQUEST,
            800_011,
            format!(
                "Subscription {subscription_id} isn't a valid Azure subscription; only Azure subscriptions are registered for reservations."
            ),
        ));
    }
    state
        .store()
        .start_registration(
            caller.partner.tenant_id,
            &customer_id,
            &subscription_id,
            state.now_ms(),
        )
        .await?;
    let location =
        format!("/customers/{customer_id}/subscriptions/{subscription_id}/registrationstatus");
    let mut response = StatusCode::ACCEPTED.into_response();
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    Ok(response)
}

/// E21 `GET …/subscriptions/{subscription-id}/registrationstatus`.
async fn registration_status_get(
    State(state): State<AppState>,
    caller: Caller,
    Path((customer_id, subscription_id)): Path<(String, String)>,
) -> AppResult<Json<SubscriptionRegistrationStatus>> {
    let stored = load(&state, &caller, &customer_id, &subscription_id).await?;
    let status = registration_status(
        &state,
        stored.registration_status.as_deref(),
        stored.registration_at,
        state.now_ms(),
    )
    .ok_or_else(|| {
        AppError::new(
            StatusCode::BAD_REQUEST,
            800_011,
            format!("Subscription {subscription_id} isn't a valid Azure subscription."),
        )
    })?;
    Ok(Json(SubscriptionRegistrationStatus {
        subscription_id: stored
            .subscription
            .id
            .as_ref()
            .map(|i| i.as_str().to_owned()),
        status: Some(Spelled::from(status)),
        attributes: Some(attributes("SubscriptionRegistrationStatus")),
        ..SubscriptionRegistrationStatus::default()
    }))
}
