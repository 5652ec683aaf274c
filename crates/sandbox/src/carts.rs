//! Carts E8–E11: create, update, get and check out (Partner Center: *Create a cart*, *Update a
//! cart*, *Get a cart by ID*, *Checkout a cart*).
//!
//! Create and update fill what Partner Center fills: `id`, timestamps (`expirationTimestamp` =
//! creation + 7 days), `status`, per line `currencyCode`, `pricing`, `orderGroup` and `error`
//! (from pc-core's findings, e.g. an unknown catalogItemId → `catalog_item_id_is_not_valid`).
//! A create retried with the same `MS-RequestId` returns the cart created the first time.

use axum::extract::{Extension, Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Days;
use pc_core::enums::CartStatus;
use pc_core::ids::CartId;
use pc_core::models::{Cart, CartCheckoutResult, CartError, CartLineItem};
use pc_core::rules::{Finding, Validation};
use pc_core::wire::{Spelled, Timestamp};

use crate::AppState;
use crate::auth::Caller;
use crate::checkout::{self, line_pricing, purchase_context};
use crate::customers;
use crate::error::{AppError, AppResult, explain_finding};
use crate::json::PcJson;
use crate::knobs::RequestIds;
use crate::paging::{attributes, self_links};
use crate::store::StoredCustomer;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/customers/{customer_id}/carts", post(carts_create))
        .route(
            "/customers/{customer_id}/carts/{cart_id}",
            get(carts_get).put(carts_update),
        )
        .route(
            "/customers/{customer_id}/carts/{cart_id}/checkout",
            post(carts_checkout),
        )
}

fn cart_not_found(cart_id: &str) -> AppError {
    AppError::new(
        StatusCode::NOT_FOUND,
        800_008,
        format!("Unable to retrieve cart ID {cart_id} for this customer."),
    )
}

/// Checks the members Partner Center requires of a request cart.
fn require_lines(cart: &Cart) -> AppResult<()> {
    let lines = cart.line_items.as_deref().unwrap_or_default();
    if lines.is_empty() {
        return Err(
            AppError::invalid_input("lineItems must contain at least one line item.")
                .with_data(serde_json::json!({ "path": "$.lineItems" })),
        );
    }
    fn check(lines: &[CartLineItem], path: &str) -> AppResult<()> {
        for (i, line) in lines.iter().enumerate() {
            let at = format!("{path}[{i}]");
            let missing = if line
                .catalog_item_id
                .as_ref()
                .is_none_or(|c| c.as_str().trim().is_empty())
            {
                Some("catalogItemId")
            } else if line.quantity.is_none() {
                Some("quantity")
            } else if line.billing_cycle.is_none() {
                Some("billingCycle")
            } else {
                None
            };
            if let Some(member) = missing {
                return Err(
                    AppError::invalid_input(format!("{at}.{member} is required."))
                        .with_data(serde_json::json!({ "path": format!("{at}.{member}") })),
                );
            }
            if let Some(addons) = &line.addon_items {
                check(addons, &format!("{at}.addonItems"))?;
            }
        }
        Ok(())
    }
    check(lines, "$.lineItems")
}

/// Fills the server-side members of every line from the rules' view of the cart.
async fn fill(
    state: &AppState,
    caller: &Caller,
    customer: &StoredCustomer,
    cart: &mut Cart,
) -> AppResult<()> {
    let context = purchase_context(state, caller.partner, customer, cart, state.now()).await?;
    let validation = pc_core::validate_cart(cart, &context);
    let mut position = 0_usize;
    /// `position`: the line's index in `Cart::all_line_items` (depth first, as the rules count).
    fn walk(
        state: &AppState,
        lines: &mut [CartLineItem],
        validation: &Validation,
        position: &mut usize,
    ) {
        for line in lines {
            let id = line.id_or_position(*position);
            *position += 1;
            line.id = Some(id);
            line.order_group = validation
                .order_groups
                .iter()
                .find(|g| g.line_item_ids.contains(&id))
                .map(|g| g.order_group.clone());
            match line_pricing(state, line) {
                Some((pricing, currency)) => {
                    line.pricing = pricing;
                    line.currency_code = Some(currency);
                }
                None => line.pricing = None,
            }
            line.error = validation.findings_for_line(id).find_map(line_error);
            if let Some(addons) = line.addon_items.as_mut() {
                walk(state, addons, validation, position);
            }
        }
    }
    if let Some(lines) = cart.line_items.as_mut() {
        walk(state, lines, &validation, &mut position);
    }
    Ok(())
}

fn line_error(finding: &Finding) -> Option<CartError> {
    let code = finding.code.cart_error_code()?;
    Some(CartError {
        error_code: Some(Spelled::from(code)),
        error_description: Some(explain_finding(finding)),
        ..CartError::default()
    })
}

/// E8 `POST /v1/customers/{customer-id}/carts` → 201 `Cart`.
async fn carts_create(
    State(state): State<AppState>,
    caller: Caller,
    Extension(ids): Extension<RequestIds>,
    Path(customer_id): Path<String>,
    PcJson(mut cart): PcJson<Cart>,
) -> AppResult<(StatusCode, Json<Cart>)> {
    caller.require_purchase()?;
    let customer = customers::load(&state, &caller, &customer_id).await?;
    require_lines(&cart)?;
    let now = state.now();
    let id = uuid::Uuid::new_v4().to_string();
    let customer_id = customer
        .customer
        .id
        .as_ref()
        .map(|i| i.as_str().to_owned())
        .unwrap_or(customer_id);
    cart.id = Some(CartId::new(id.clone()));
    cart.creation_timestamp = Some(Timestamp::from(now));
    cart.last_modified_timestamp = Some(Timestamp::from(now));
    cart.expiration_timestamp = now.checked_add_days(Days::new(7)).map(Timestamp::from);
    cart.last_modified_user = Some(caller.partner.tenant_id.to_owned());
    cart.status = Some(Spelled::from(CartStatus::Active));
    cart.links = Some(self_links(format!("/customers/{customer_id}/carts/{id}")));
    cart.attributes = Some(attributes("Cart"));
    fill(&state, &caller, &customer, &mut cart).await?;
    let request_id = ids.request_id_sent.then_some(ids.request_id.as_str());
    let stored = state
        .store()
        .insert_cart(
            caller.partner.tenant_id,
            &customer_id,
            request_id,
            &cart,
            now.timestamp_millis(),
        )
        .await?;
    Ok((StatusCode::CREATED, Json(stored)))
}

/// E10 `GET /v1/customers/{customer-id}/carts/{cart-id}`.
async fn carts_get(
    State(state): State<AppState>,
    caller: Caller,
    Path((customer_id, cart_id)): Path<(String, String)>,
) -> AppResult<Json<Cart>> {
    customers::load(&state, &caller, &customer_id).await?;
    let stored = state
        .store()
        .cart(caller.partner.tenant_id, &customer_id, &cart_id)
        .await?
        .ok_or_else(|| cart_not_found(&cart_id))?;
    Ok(Json(stored.cart))
}

/// E9 `PUT /v1/customers/{customer-id}/carts/{cart-id}` with the whole cart → 201 `Cart`
/// (the documented example's status). An ordered cart cannot change: 400 `800065`.
async fn carts_update(
    State(state): State<AppState>,
    caller: Caller,
    Path((customer_id, cart_id)): Path<(String, String)>,
    PcJson(mut cart): PcJson<Cart>,
) -> AppResult<(StatusCode, Json<Cart>)> {
    caller.require_purchase()?;
    let customer = customers::load(&state, &caller, &customer_id).await?;
    let stored = state
        .store()
        .cart(caller.partner.tenant_id, &customer_id, &cart_id)
        .await?
        .ok_or_else(|| cart_not_found(&cart_id))?;
    let already_ordered = || {
        AppError::new(
            StatusCode::BAD_REQUEST,
            800_065,
            format!(
                "Can't update or check out an already submitted cart {cart_id}; create a new cart."
            ),
        )
    };
    if stored.checkout_result.is_some() {
        return Err(already_ordered());
    }
    require_lines(&cart)?;
    let before = stored.cart;
    cart.id = before.id.clone();
    cart.creation_timestamp = before.creation_timestamp.clone();
    cart.expiration_timestamp = before.expiration_timestamp.clone();
    cart.last_modified_timestamp = Some(Timestamp::from(state.now()));
    cart.last_modified_user = Some(caller.partner.tenant_id.to_owned());
    cart.status = Some(Spelled::from(CartStatus::Active));
    cart.links = before.links.clone();
    cart.attributes = Some(attributes("Cart"));
    fill(&state, &caller, &customer, &mut cart).await?;
    if !state
        .store()
        .update_cart(caller.partner.tenant_id, &cart)
        .await?
    {
        return Err(already_ordered());
    }
    Ok((StatusCode::CREATED, Json(cart)))
}

/// E11 `POST /v1/customers/{customer-id}/carts/{cart-id}/checkout` → 201 `CartCheckoutResult`.
/// Idempotent per cart: a checked-out cart returns its first result and creates nothing.
async fn carts_checkout(
    State(state): State<AppState>,
    caller: Caller,
    Path((customer_id, cart_id)): Path<(String, String)>,
) -> AppResult<(StatusCode, Json<CartCheckoutResult>)> {
    caller.require_purchase()?;
    let customer = customers::load(&state, &caller, &customer_id).await?;
    let stored = state
        .store()
        .cart(caller.partner.tenant_id, &customer_id, &cart_id)
        .await?
        .ok_or_else(|| cart_not_found(&cart_id))?;
    if let Some(result) = stored.checkout_result {
        return Ok((StatusCode::CREATED, Json(result)));
    }
    match checkout::checkout(&state, caller.partner, &customer, stored.cart).await {
        Ok(result) => Ok((StatusCode::CREATED, Json(result))),
        Err(error) if error.code == 800_064 => {
            // A concurrent checkout won; once it committed, its result is this call's result.
            let again = state
                .store()
                .cart(caller.partner.tenant_id, &customer_id, &cart_id)
                .await?;
            match again.and_then(|c| c.checkout_result) {
                Some(result) => Ok((StatusCode::CREATED, Json(result))),
                None => Err(error),
            }
        }
        Err(error) => Err(error),
    }
}
