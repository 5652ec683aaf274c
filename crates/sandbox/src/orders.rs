//! Orders E12–E15 (Partner Center: *Get all of a customer's orders*, *Get a list of orders by
//! customer and billing cycle type*, *Get an order by ID*, *Get order line item provisioning
//! status*; *Cancel software purchases* for the PATCH): readable by ID at once, listed (also by
//! billing cycle) only after [`crate::Config::order_list_delay`], `pending` until provisioning
//! finishes.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::get;
use axum::{Json, Router};
use pc_core::enums::{BillingCycle, FulfillmentStatus};
use pc_core::models::order::QuantityProvisioningInformation;
use pc_core::models::{Collection, Order, OrderLineItemProvisioningStatus};
use pc_core::wire::Spelled;
use serde::Deserialize;

use crate::AppState;
use crate::auth::Caller;
use crate::customers;
use crate::error::{AppError, AppResult};
use crate::json::{PcJson, PcQuery};
use crate::lifecycle;
use crate::paging::{self, attributes};
use crate::provisioning::{fulfillment_at, order_at};
use crate::store::StoredOrder;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/customers/{customer_id}/orders", get(orders_list))
        .route(
            "/customers/{customer_id}/orders/{order_id}",
            get(orders_get).patch(orders_update),
        )
        .route(
            "/customers/{customer_id}/orders/{order_id}/provisioningstatus",
            get(provisioning_status_get),
        )
        .route(
            "/customers/{customer_id}/orders/{order_id}/lineitems/{line_item_number}/activationlinks",
            get(activation_links_list),
        )
}

fn order_not_found(order_id: &str) -> AppError {
    AppError::new(
        StatusCode::NOT_FOUND,
        20_000,
        format!("Order ID {order_id} not found."),
    )
}

async fn load(
    state: &AppState,
    caller: &Caller,
    customer_id: &str,
    order_id: &str,
) -> AppResult<StoredOrder> {
    customers::load(state, caller, customer_id).await?;
    state
        .store()
        .order(caller.partner.tenant_id, customer_id, order_id)
        .await?
        .ok_or_else(|| order_not_found(order_id))
}

/// E12 `GET /v1/customers/{customer-tenant-id}/orders/{order-id}`.
async fn orders_get(
    State(state): State<AppState>,
    caller: Caller,
    Path((customer_id, order_id)): Path<(String, String)>,
) -> AppResult<Json<Order>> {
    let stored = load(&state, &caller, &customer_id, &order_id).await?;
    Ok(Json(order_at(
        &state,
        stored.order,
        stored.created_at,
        state.now_ms(),
    )))
}

/// `PATCH /v1/customers/{customer-id}/orders/{order-id}` with `{"status": "cancelled",
/// "lineItems"?: [{"lineItemNumber": 0, …}]}` (Partner Center page *Cancel software
/// purchases*): cancels the listed software lines, or every line, within their window, with a
/// full (perpetual) or prorated refund ([`lifecycle::cancel_order`]). → 200 `Order`, `cancelled`
/// when every line is, else `completed`; cancelled lines have quantity 0.
async fn orders_update(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path((customer_id, order_id)): Path<(String, String)>,
    PcJson(body): PcJson<serde_json::Value>,
) -> AppResult<Json<Order>> {
    caller.require_purchase()?;
    let customer = customers::load(&state, &caller, &customer_id).await?;
    let if_match = headers.get(header::IF_MATCH).and_then(|v| v.to_str().ok());
    let order = lifecycle::cancel_order(
        &state,
        caller.partner,
        &customer,
        &order_id,
        &body,
        if_match,
    )
    .await?;
    Ok(Json(order))
}

/// `billingType` of E14.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct OrdersQuery {
    #[serde(rename = "billingType")]
    billing_type: Option<String>,
}

/// E13 `GET /v1/customers/{customer-tenant-id}/orders` and E14 `…/orders?billingType=`
/// (`onetime`, `OneTime`, `one_time`, `monthly`, …): orders older than the listing delay.
async fn orders_list(
    State(state): State<AppState>,
    caller: Caller,
    Path(customer_id): Path<String>,
    PcQuery(query): PcQuery<OrdersQuery>,
) -> AppResult<Json<Collection<Order>>> {
    let customer = customers::load(&state, &caller, &customer_id).await?;
    let id = customer
        .customer
        .id
        .as_ref()
        .map(|i| i.as_str().to_owned())
        .unwrap_or_default();
    let cycle = match query.billing_type.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => match text.parse::<BillingCycle>() {
            Ok(BillingCycle::Unknown(_)) | Err(_) => {
                return Err(AppError::invalid_input(format!(
                    "billingType '{text}' is not a billing cycle type (monthly, annual, one_time, triennial, none)."
                )));
            }
            Ok(cycle) => Some(cycle),
        },
    };
    let now = state.now_ms();
    let delay = i64::try_from(state.config().order_list_delay.as_millis()).unwrap_or(i64::MAX);
    let orders: Vec<Order> = state
        .store()
        .orders(caller.partner.tenant_id, &id, now.saturating_sub(delay))
        .await?
        .into_iter()
        .filter(|o| {
            cycle.as_ref().is_none_or(|c| {
                o.order
                    .billing_cycle
                    .as_ref()
                    .is_some_and(|b| b.value() == c)
            })
        })
        .map(|o| order_at(&state, o.order, o.created_at, now))
        .collect();
    let self_uri = match &query.billing_type {
        Some(t) => format!("/customers/{id}/orders?billingType={t}"),
        None => format!("/customers/{id}/orders"),
    };
    Ok(Json(paging::all(orders, &self_uri)))
}

/// E15 `GET /v1/customers/{customer-id}/orders/{order-id}/provisioningstatus`.
async fn provisioning_status_get(
    State(state): State<AppState>,
    caller: Caller,
    Path((customer_id, order_id)): Path<(String, String)>,
) -> AppResult<Json<Collection<OrderLineItemProvisioningStatus>>> {
    caller.require_user()?;
    customers::load(&state, &caller, &customer_id).await?;
    let stored = state
        .store()
        .order(caller.partner.tenant_id, &customer_id, &order_id)
        .await?
        .ok_or_else(|| {
            AppError::new(
                StatusCode::NOT_FOUND,
                800_007,
                format!("Unable to retrieve provisioning information for order {order_id}."),
            )
        })?;
    let status = fulfillment_at(&state, stored.created_at, state.now_ms());
    let items = stored
        .order
        .line_items
        .iter()
        .flatten()
        .map(|line| {
            // A cancelled line (quantity 0) is `unfulfilled`.
            let status = if line.quantity == Some(0) {
                FulfillmentStatus::Unfulfilled
            } else {
                status.clone()
            };
            (line, status)
        })
        .map(|(line, status)| OrderLineItemProvisioningStatus {
            order_line_item_id: line.line_item_number,
            line_item_number: line.line_item_number,
            status: Some(Spelled::from(status.clone())),
            quantity_provisioning_information: Some(vec![QuantityProvisioningInformation {
                quantity: line.quantity,
                status: Some(Spelled::from(status.clone())),
                ..QuantityProvisioningInformation::default()
            }]),
            attributes: Some(attributes("OrderLineItemProvisioningStatus")),
            ..OrderLineItemProvisioningStatus::default()
        })
        .collect();
    Ok(Json(paging::all(
        items,
        &format!("/customers/{customer_id}/orders/{order_id}/provisioningstatus"),
    )))
}

/// `GET /v1/customers/{id}/orders/{order-id}/lineitems/{n}/activationlinks`: activation links of
/// a line (only marketplace SaaS has any; the sandbox sells none, so the list is empty).
async fn activation_links_list(
    State(state): State<AppState>,
    caller: Caller,
    Path((customer_id, order_id, line_item_number)): Path<(String, String, String)>,
) -> AppResult<Json<Collection<serde_json::Value>>> {
    let stored = load(&state, &caller, &customer_id, &order_id).await?;
    let line_item_number: Option<i64> = line_item_number.trim().parse().ok();
    let exists = stored
        .order
        .line_items
        .iter()
        .flatten()
        .any(|l| line_item_number.is_some() && l.line_item_number == line_item_number);
    if !exists {
        return Err(AppError::new(
            StatusCode::BAD_REQUEST,
            800_071,
            "Line item number should be from 0 to number of line items count.",
        ));
    }
    Ok(Json(paging::all(
        Vec::new(),
        &format!(
            "/customers/{customer_id}/orders/{order_id}/lineitems/{}/activationlinks",
            line_item_number.unwrap_or_default()
        ),
    )))
}
