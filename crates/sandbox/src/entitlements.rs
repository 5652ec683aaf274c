//! Entitlements E22 (Partner Center: *Get a collection of entitlements*) and the reservation
//! artifact details their links point to
//! (`/customers/{id}/artifacts/reservedinstance/groups/{g}/lineitems/{li}/resource/{r}`).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use pc_core::models::{Collection, Entitlement};
use serde::Deserialize;

use crate::AppState;
use crate::auth::Caller;
use crate::customers;
use crate::error::{AppError, AppResult};
use crate::json::PcQuery;
use crate::paging;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/customers/{customer_id}/entitlements", get(entitlements_list))
        .route(
            "/customers/{customer_id}/artifacts/reservedinstance/groups/{group}/lineitems/{line_item}/resource/{resource_id}",
            get(artifact_get),
        )
}

/// Query of E22.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct EntitlementsQuery {
    #[serde(rename = "entitlementType")]
    entitlement_type: Option<String>,
    #[serde(rename = "showExpiry")]
    show_expiry: Option<String>,
}

/// E22 `GET /v1/customers/{customerId}/entitlements[?entitlementType=software|reservedInstance][&showExpiry=true]`:
/// entitlements of provisioned one-time purchases. `expiryDate` only with `showExpiry=true`.
async fn entitlements_list(
    State(state): State<AppState>,
    caller: Caller,
    Path(customer_id): Path<String>,
    PcQuery(query): PcQuery<EntitlementsQuery>,
) -> AppResult<Json<Collection<Entitlement>>> {
    let customer = customers::load(&state, &caller, &customer_id).await?;
    let id = customer
        .customer
        .id
        .as_ref()
        .map(|i| i.as_str().to_owned())
        .unwrap_or_default();
    let wanted = query
        .entitlement_type
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| {
            let lower = t.to_ascii_lowercase();
            match lower.as_str() {
                "software" | "reservedinstance" => Ok(lower),
                "virtualmachinereservedinstance" => Ok("reservedinstance".to_owned()),
                _ => Err(AppError::invalid_input(format!(
                    "entitlementType '{t}' is not software, reservedInstance or virtualmachinereservedinstance."
                ))),
            }
        })
        .transpose()?;
    let show_expiry = match query.show_expiry.as_deref().map(str::trim) {
        None | Some("") => false,
        Some(v) if v.eq_ignore_ascii_case("true") => true,
        Some(v) if v.eq_ignore_ascii_case("false") => false,
        Some(v) => {
            return Err(AppError::invalid_input(format!(
                "showExpiry must be true or false, not '{v}'."
            )));
        }
    };
    let delay = i64::try_from(state.config().provisioning_delay.as_millis()).unwrap_or(i64::MAX);
    let items: Vec<Entitlement> = state
        .store()
        .entitlements(
            caller.partner.tenant_id,
            &id,
            state.now_ms().saturating_sub(delay),
        )
        .await?
        .into_iter()
        .map(|e| e.entitlement)
        .filter(|e| {
            wanted.as_deref().is_none_or(|w| {
                e.entitlement_type
                    .as_ref()
                    .is_some_and(|t| t.value().as_str().eq_ignore_ascii_case(w))
            })
        })
        .map(|mut e| {
            if !show_expiry {
                e.expiry_date = None;
            }
            e
        })
        .collect();
    Ok(Json(paging::all(
        items,
        &format!("/customers/{id}/entitlements"),
    )))
}

/// Reservation details behind an entitlement's artifact link.
async fn artifact_get(
    State(state): State<AppState>,
    caller: Caller,
    Path((customer_id, _group, _line_item, resource_id)): Path<(String, String, String, String)>,
) -> AppResult<Json<serde_json::Value>> {
    customers::load(&state, &caller, &customer_id).await?;
    state
        .store()
        .artifact(&customer_id, &resource_id)
        .await?
        .map(Json)
        .ok_or_else(|| {
            AppError::new(
                StatusCode::NOT_FOUND,
                1000,
                format!("Artifact {resource_id} not found."),
            )
        })
}
