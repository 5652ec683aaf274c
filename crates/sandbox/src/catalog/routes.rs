//! Catalog endpoints E1–E7 (Partner Center: *Get a list of products*, *Get a product by ID*,
//! *Get a list of SKUs for a product*, *Get a SKU by ID*, *Get a list of availabilities for a
//! SKU*, *Get an availability by ID*, *Check inventory*): products → SKUs → availabilities by
//! country, target view and segment, and the inventory check, served from the built
//! [`Catalog`](super::Catalog). Also the customer-scoped catalog (`/customers/{id}/products…`),
//! read for the customer's country.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use pc_core::enums::Segment;
use pc_core::models::{
    Availability, Collection, InventoryCheckRequest, InventoryItem, Product, Sku,
};
use serde::Deserialize;

use super::CatalogError;
use crate::AppState;
use crate::auth::Caller;
use crate::error::{AppError, AppResult};
use crate::json::{PcJson, PcQuery};
use crate::paging;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/products", get(products_list))
        .route("/products/{product_id}", get(products_get))
        .route("/products/{product_id}/skus", get(skus_list))
        .route("/products/{product_id}/skus/{sku_id}", get(skus_get))
        .route(
            "/products/{product_id}/skus/{sku_id}/availabilities",
            get(availabilities_list),
        )
        .route(
            "/products/{product_id}/skus/{sku_id}/availabilities/{availability_id}",
            get(availabilities_get),
        )
        .route("/extensions/product/checkInventory", post(inventory_check))
        .route("/extensions/product/checkinventory", post(inventory_check))
        .route(
            "/customers/{customer_id}/products",
            get(customer_products_list),
        )
        .route(
            "/customers/{customer_id}/products/{product_id}/skus",
            get(customer_skus_list),
        )
        .route(
            "/customers/{customer_id}/products/{product_id}/skus/{sku_id}/availabilities",
            get(customer_availabilities_list),
        )
}

impl From<CatalogError> for AppError {
    fn from(error: CatalogError) -> Self {
        let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::NOT_FOUND);
        AppError::new(status, error.code(), error.to_string())
    }
}

/// Query parameters of the catalog endpoints.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct CatalogQuery {
    country: Option<String>,
    #[serde(rename = "targetView")]
    target_view: Option<String>,
    #[serde(rename = "targetSegment")]
    target_segment: Option<String>,
    #[serde(rename = "reservationScope")]
    reservation_scope: Option<String>,
}

impl CatalogQuery {
    fn country(&self) -> AppResult<&str> {
        self.country
            .as_deref()
            .map(str::trim)
            .filter(|c| c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()))
            .ok_or_else(|| {
                AppError::invalid_input("The country query parameter is required: an ISO 3166 two-letter code such as US.")
            })
    }

    fn segment(&self) -> AppResult<Option<Segment>> {
        match self.target_segment.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(text) => match text.parse::<Segment>() {
                Ok(Segment::Unknown(_)) | Err(_) => {
                    Err(CatalogError::SegmentNotAllowed(text.to_owned()).into())
                }
                Ok(segment) => Ok(Some(segment)),
            },
        }
    }

    fn azure_plan_scope(&self) -> bool {
        self.reservation_scope
            .as_deref()
            .is_some_and(|s| s.trim().eq_ignore_ascii_case("AzurePlan"))
    }

    fn query_string(&self) -> String {
        let mut parts = Vec::new();
        for (name, value) in [
            ("country", &self.country),
            ("targetView", &self.target_view),
            ("targetSegment", &self.target_segment),
            ("reservationScope", &self.reservation_scope),
        ] {
            if let Some(value) = value {
                parts.push(format!("{name}={value}"));
            }
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// E1 `GET /v1/products?country=&targetView=[&targetSegment=][&reservationScope=AzurePlan]`.
async fn products_list(
    State(state): State<AppState>,
    _caller: Caller,
    PcQuery(query): PcQuery<CatalogQuery>,
) -> AppResult<Json<Collection<Product>>> {
    let country = query.country()?;
    let target_view = query
        .target_view
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| {
            AppError::invalid_input(
                "The targetView query parameter is required, e.g. OnlineServices.",
            )
        })?;
    let segment = query.segment()?;
    let products = state.catalog().products(
        country,
        target_view,
        segment.as_ref(),
        query.azure_plan_scope(),
    )?;
    Ok(Json(paging::all(
        products,
        &format!("/products{}", query.query_string()),
    )))
}

/// E2 `GET /v1/products/{product-id}?country=`.
async fn products_get(
    State(state): State<AppState>,
    _caller: Caller,
    Path(product_id): Path<String>,
    PcQuery(query): PcQuery<CatalogQuery>,
) -> AppResult<Json<Product>> {
    let country = query.country()?;
    state
        .catalog()
        .product(&product_id, country)
        .map(Json)
        .ok_or_else(|| CatalogError::ProductNotFound(product_id).into())
}

/// E3 `GET /v1/products/{product-id}/skus?country=[&targetSegment=]`.
async fn skus_list(
    State(state): State<AppState>,
    _caller: Caller,
    Path(product_id): Path<String>,
    PcQuery(query): PcQuery<CatalogQuery>,
) -> AppResult<Json<Collection<Sku>>> {
    let country = query.country()?;
    let segment = query.segment()?;
    let skus = state
        .catalog()
        .skus(&product_id, country, segment.as_ref())?;
    Ok(Json(paging::all(
        skus,
        &format!("/products/{product_id}/skus{}", query.query_string()),
    )))
}

/// E4 `GET /v1/products/{product-id}/skus/{sku-id}?country=`.
async fn skus_get(
    State(state): State<AppState>,
    _caller: Caller,
    Path((product_id, sku_id)): Path<(String, String)>,
    PcQuery(query): PcQuery<CatalogQuery>,
) -> AppResult<Json<Sku>> {
    let country = query.country()?;
    Ok(Json(state.catalog().sku(&product_id, &sku_id, country)?))
}

/// E5 `GET /v1/products/{product-id}/skus/{sku-id}/availabilities?country=[&targetSegment=]`.
async fn availabilities_list(
    State(state): State<AppState>,
    _caller: Caller,
    Path((product_id, sku_id)): Path<(String, String)>,
    PcQuery(query): PcQuery<CatalogQuery>,
) -> AppResult<Json<Collection<Availability>>> {
    let country = query.country()?;
    let segment = query.segment()?;
    let availabilities =
        state
            .catalog()
            .availabilities(&product_id, &sku_id, country, segment.as_ref())?;
    Ok(Json(paging::all(
        availabilities,
        &format!(
            "/products/{product_id}/skus/{sku_id}/availabilities{}",
            query.query_string()
        ),
    )))
}

/// E6 `GET /v1/products/{product-id}/skus/{sku-id}/availabilities/{availability-id}?country=`.
async fn availabilities_get(
    State(state): State<AppState>,
    _caller: Caller,
    Path((product_id, sku_id, availability_id)): Path<(String, String, String)>,
    PcQuery(query): PcQuery<CatalogQuery>,
) -> AppResult<Json<Availability>> {
    let country = query.country()?;
    Ok(Json(state.catalog().availability(
        &product_id,
        &sku_id,
        &availability_id,
        country,
    )?))
}

/// E7 `POST /v1/extensions/product/checkInventory?country=` → a bare JSON array of
/// `InventoryItem`.
async fn inventory_check(
    State(state): State<AppState>,
    _caller: Caller,
    PcQuery(query): PcQuery<CatalogQuery>,
    PcJson(request): PcJson<InventoryCheckRequest>,
) -> AppResult<Json<Vec<InventoryItem>>> {
    let country = query.country()?;
    if request.target_items.as_ref().is_none_or(Vec::is_empty) {
        return Err(AppError::invalid_input(
            "targetItems must list at least one { productId, skuId? }.",
        ));
    }
    Ok(Json(state.catalog().check_inventory(&request, country)))
}

async fn customer_country(
    state: &AppState,
    caller: &Caller,
    customer_id: &str,
) -> AppResult<String> {
    let customer = state
        .store()
        .customer(caller.partner.tenant_id, customer_id)
        .await?
        .ok_or_else(|| AppError::customer_not_found(customer_id))?;
    Ok(customer.customer.country().unwrap_or("US").to_owned())
}

/// `GET /v1/customers/{customer-id}/products?targetView=` — E1 for the customer's country.
async fn customer_products_list(
    State(state): State<AppState>,
    caller: Caller,
    Path(customer_id): Path<String>,
    PcQuery(mut query): PcQuery<CatalogQuery>,
) -> AppResult<Json<Collection<Product>>> {
    query.country = Some(customer_country(&state, &caller, &customer_id).await?);
    products_list(State(state), caller, PcQuery(query)).await
}

/// `GET /v1/customers/{customer-id}/products/{product-id}/skus` — E3 for the customer's country.
async fn customer_skus_list(
    State(state): State<AppState>,
    caller: Caller,
    Path((customer_id, product_id)): Path<(String, String)>,
    PcQuery(mut query): PcQuery<CatalogQuery>,
) -> AppResult<Json<Collection<Sku>>> {
    query.country = Some(customer_country(&state, &caller, &customer_id).await?);
    skus_list(State(state), caller, Path(product_id), PcQuery(query)).await
}

/// `GET /v1/customers/{customer-id}/products/{product-id}/skus/{sku-id}/availabilities` — E5 for
/// the customer's country.
async fn customer_availabilities_list(
    State(state): State<AppState>,
    caller: Caller,
    Path((customer_id, product_id, sku_id)): Path<(String, String, String)>,
    PcQuery(mut query): PcQuery<CatalogQuery>,
) -> AppResult<Json<Collection<Availability>>> {
    query.country = Some(customer_country(&state, &caller, &customer_id).await?);
    availabilities_list(
        State(state),
        caller,
        Path((product_id, sku_id)),
        PcQuery(query),
    )
    .await
}
