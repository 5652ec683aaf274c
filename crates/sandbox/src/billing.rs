//! Billing E23–E28 (partner-center-api.md §2): account balance, summaries per currency,
//! invoices, invoice by ID, the PDF statement, and OneTime billing line items (seek paging with
//! `MS-ContinuationToken`). Purchases made in the sandbox become line items of the open billing
//! period; the sandbox-only `POST /sandbox/invoices/close` closes that period into invoices.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Utc;
use pc_core::enums::InvoiceType;
use pc_core::models::{
    Collection, Invoice, InvoiceSummary, InvoiceSummaryDetail, OneTimeInvoiceLineItem,
};
use pc_core::wire::{Spelled, Timestamp};
use rust_decimal::Decimal;
use serde::Deserialize;

use crate::AppState;
use crate::auth::Caller;
use crate::error::{AppError, AppResult};
use crate::paging::{self, PageQuery, attributes, self_links};
use crate::pdf::{Statement, render_statement};
use crate::seed::invoice_resource;
use crate::tenants::Partner;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/invoices/summary", get(summary_get))
        .route("/invoices/summaries", get(summaries_list))
        .route("/invoices", get(invoices_list))
        .route("/invoices/{invoice_id}", get(invoices_get))
        .route(
            "/invoices/{invoice_id}/documents/statement",
            get(statement_get),
        )
        .route("/invoices/{invoice_id}/lineitems", get(line_items_list))
        .route(
            "/invoices/{invoice_id}/lineitems/{provider}/{line_item_type}",
            get(line_items_by_path),
        )
}

/// Sandbox-only endpoints (not Partner Center's; never forwarded upstream).
pub(crate) fn sandbox_router(_state: &AppState) -> Router<AppState> {
    Router::new().route("/sandbox/invoices/close", post(period_close))
}

fn symbol_of(currency: &str) -> &'static str {
    match currency {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "SEK" => "kr",
        "BRL" => "R$",
        "CNY" => "¥",
        "ILS" => "₪",
        _ => "",
    }
}

/// The balance summary of `invoices` in `currency`.
fn summary(currency: &str, invoices: &[&Invoice]) -> InvoiceSummary {
    let balance: Decimal = invoices
        .iter()
        .map(|i| i.total_charges.unwrap_or_default() + i.paid_amount.unwrap_or_default())
        .sum();
    let date = |i: &&Invoice| i.invoice_date.as_ref().and_then(Timestamp::instant);
    let first = invoices.iter().filter_map(date).min();
    let latest = invoices.iter().filter_map(date).max();
    let last_paid = invoices
        .iter()
        .filter(|i| i.paid_amount.is_some_and(|p| !p.is_zero()))
        .max_by_key(|i| date(i));
    let base = InvoiceSummary {
        balance_amount: Some(balance),
        currency_code: Some(currency.to_owned()),
        currency_symbol: Some(symbol_of(currency).to_owned()),
        accounting_date: Some(Timestamp::from(Utc::now())),
        first_invoice_creation_date: first.map(Timestamp::from),
        last_payment_date: last_paid.and_then(date).map(Timestamp::from),
        last_payment_amount: last_paid.and_then(|i| i.paid_amount).map(|p| -p),
        latest_invoice_date: latest.map(Timestamp::from),
        ..InvoiceSummary::default()
    };
    let recurring = InvoiceSummary {
        balance_amount: Some(Decimal::ZERO),
        currency_code: Some(currency.to_owned()),
        currency_symbol: Some(symbol_of(currency).to_owned()),
        ..InvoiceSummary::default()
    };
    InvoiceSummary {
        details: Some(vec![
            InvoiceSummaryDetail {
                invoice_type: Some(Spelled::from(InvoiceType::Recurring)),
                summary: Some(recurring),
                ..InvoiceSummaryDetail::default()
            },
            InvoiceSummaryDetail {
                invoice_type: Some(Spelled::from(InvoiceType::OneTime)),
                summary: Some(base.clone()),
                ..InvoiceSummaryDetail::default()
            },
        ]),
        links: Some(self_links("/invoices/summary")),
        attributes: Some(attributes("InvoiceSummary")),
        ..base
    }
}

fn by_currency(invoices: &[Invoice]) -> BTreeMap<String, Vec<&Invoice>> {
    let mut map: BTreeMap<String, Vec<&Invoice>> = BTreeMap::new();
    for invoice in invoices {
        map.entry(invoice.currency_code.clone().unwrap_or_default())
            .or_default()
            .push(invoice);
    }
    map
}

/// E23 `GET /v1/invoices/summary`: the balance in the partner's billing currency.
async fn summary_get(
    State(state): State<AppState>,
    caller: Caller,
) -> AppResult<Json<InvoiceSummary>> {
    let invoices = state.store().invoices(caller.partner.tenant_id).await?;
    let currency = caller.partner.billing_currency;
    let mine: Vec<&Invoice> = invoices
        .iter()
        .filter(|i| i.currency_code.as_deref() == Some(currency))
        .collect();
    Ok(Json(summary(currency, &mine)))
}

/// E24 `GET /v1/invoices/summaries`: one `InvoiceSummary` per currency.
async fn summaries_list(
    State(state): State<AppState>,
    caller: Caller,
) -> AppResult<Json<Collection<InvoiceSummary>>> {
    caller.require_user()?;
    let invoices = state.store().invoices(caller.partner.tenant_id).await?;
    let mut groups = by_currency(&invoices);
    groups
        .entry(caller.partner.billing_currency.to_owned())
        .or_default();
    let items = groups
        .iter()
        .map(|(currency, list)| summary(currency, list))
        .collect();
    Ok(Json(paging::all(items, "/invoices/summaries")))
}

/// E25 `GET /v1/invoices[?size=&offset=]`, newest first, `links.next` while more exist.
async fn invoices_list(
    State(state): State<AppState>,
    caller: Caller,
    Query(page): Query<PageQuery>,
) -> AppResult<Json<Collection<Invoice>>> {
    let (offset, size) = page.resolve(200)?;
    let invoices = state.store().invoices(caller.partner.tenant_id).await?;
    Ok(Json(paging::page(
        invoices,
        offset,
        size,
        "/invoices",
        paging::Next::Offset("/invoices"),
    )))
}

async fn load(state: &AppState, partner: &Partner, invoice_id: &str) -> AppResult<Invoice> {
    state
        .store()
        .invoice(partner.tenant_id, invoice_id)
        .await?
        .ok_or_else(|| AppError::not_found("Invoice", invoice_id))
}

/// E26 `GET /v1/invoices/{invoice-id}`, with `pdfDownloadLink`.
async fn invoices_get(
    State(state): State<AppState>,
    caller: Caller,
    Path(invoice_id): Path<String>,
) -> AppResult<Json<Invoice>> {
    caller.require_user()?;
    let mut invoice = load(&state, caller.partner, &invoice_id).await?;
    let id = invoice
        .id
        .as_ref()
        .map(|i| i.as_str().to_owned())
        .unwrap_or(invoice_id);
    invoice.pdf_download_link = Some(format!("/v1/invoices/{id}/documents/statement"));
    Ok(Json(invoice))
}

/// E27 `GET /v1/invoices/{invoice-id}/documents/statement` → `application/pdf`.
async fn statement_get(
    State(state): State<AppState>,
    caller: Caller,
    Path(invoice_id): Path<String>,
) -> AppResult<Response> {
    caller.require_user()?;
    let invoice = load(&state, caller.partner, &invoice_id).await?;
    let id = invoice
        .id
        .as_ref()
        .map(|i| i.as_str().to_owned())
        .unwrap_or(invoice_id);
    let lines: Vec<OneTimeInvoiceLineItem> = state
        .store()
        .line_items(caller.partner.tenant_id, Some(&id))
        .await?
        .into_iter()
        .map(|(_, item)| item)
        .collect();
    let bytes = render_statement(&Statement {
        invoice: &invoice,
        partner_name: caller.partner.name,
        partner_country: caller.partner.country,
        lines: &lines,
    })
    .map_err(AppError::internal)?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=Invoice_{id}.pdf")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// Query of E28.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct LineItemsQuery {
    provider: Option<String>,
    #[serde(rename = "invoicelineitemtype", alias = "invoiceLineItemType")]
    invoice_line_item_type: Option<String>,
    size: Option<String>,
    offset: Option<String>,
    #[serde(rename = "seekOperation")]
    seek_operation: Option<String>,
}

/// E28 `GET /v1/invoices/{invoice-id}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&size=`.
async fn line_items_list(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path(invoice_id): Path<String>,
    Query(query): Query<LineItemsQuery>,
) -> AppResult<Json<Collection<serde_json::Value>>> {
    let provider = query.provider.clone().unwrap_or_default();
    let kind = query.invoice_line_item_type.clone().unwrap_or_default();
    line_items(
        &state,
        caller.partner,
        &headers,
        &invoice_id,
        &provider,
        &kind,
        &query,
    )
    .await
}

/// E28, legacy path form `GET /v1/invoices/{invoice-id}/lineitems/{billing-provider}/{invoice-line-item-type}`.
async fn line_items_by_path(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path((invoice_id, provider, kind)): Path<(String, String, String)>,
    Query(query): Query<LineItemsQuery>,
) -> AppResult<Json<Collection<serde_json::Value>>> {
    line_items(
        &state,
        caller.partner,
        &headers,
        &invoice_id,
        &provider,
        &kind,
        &query,
    )
    .await
}

fn normalized(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

async fn line_items(
    state: &AppState,
    partner: &Partner,
    headers: &HeaderMap,
    invoice_id: &str,
    provider: &str,
    kind: &str,
    query: &LineItemsQuery,
) -> AppResult<Json<Collection<serde_json::Value>>> {
    let invoice = load(state, partner, invoice_id).await?;
    let id = invoice
        .id
        .as_ref()
        .map(|i| i.as_str().to_owned())
        .unwrap_or_default();
    let provider = normalized(provider);
    let kind = normalized(kind);
    if !["onetime", "office", "azure", "all", "marketplace"].contains(&provider.as_str()) {
        return Err(AppError::invalid_input(
            "provider must be onetime, office or azure.",
        ));
    }
    if !["billinglineitems", "usagelineitems"].contains(&kind.as_str()) {
        return Err(AppError::invalid_input(
            "invoicelineitemtype must be billinglineitems or usagelineitems.",
        ));
    }
    let (mut offset, size) = PageQuery {
        size: query.size.clone(),
        offset: query.offset.clone(),
    }
    .resolve(paging::MAX_PAGE_SIZE)?;
    let seeking = query
        .seek_operation
        .as_deref()
        .is_some_and(|s| s.eq_ignore_ascii_case("next"));
    if let Some(token) = headers
        .get("ms-continuationtoken")
        .and_then(|v| v.to_str().ok())
    {
        offset = paging::offset_of_token(token)?;
    } else if seeking {
        return Err(AppError::invalid_input(
            "seekOperation=Next needs the MS-ContinuationToken header of the previous page.",
        ));
    }
    let items: Vec<serde_json::Value> =
        if (provider == "onetime" || provider == "all") && kind == "billinglineitems" {
            state
                .store()
                .line_items(partner.tenant_id, Some(&id))
                .await?
                .into_iter()
                .map(|(_, item)| serde_json::to_value(item))
                .collect::<Result<_, _>>()
                .map_err(AppError::internal)?
        } else {
            Vec::new()
        };
    let self_uri = format!(
        "/invoices/{id}/lineitems?provider={provider}&invoicelineitemtype={kind}&size={size}"
    );
    let next =
        format!("/invoices/{id}/lineitems/OneTime/BillingLineItems?seekOperation=Next&size={size}");
    Ok(Json(paging::page(
        items,
        offset,
        size,
        &self_uri,
        paging::Next::Seek(&next),
    )))
}

/// `POST /sandbox/invoices/close` (sandbox only, bearer token): closes the open billing period.
/// Every purchase line not yet invoiced goes onto a new invoice per currency, dated now; answers
/// 201 with the collection of new invoices (empty when there was nothing to invoice).
async fn period_close(
    State(state): State<AppState>,
    caller: Caller,
) -> AppResult<(StatusCode, Json<Collection<Invoice>>)> {
    let partner = caller.partner;
    let open = state.store().line_items(partner.tenant_id, None).await?;
    let mut groups: BTreeMap<String, Vec<(String, OneTimeInvoiceLineItem)>> = BTreeMap::new();
    for (line_id, item) in open {
        groups
            .entry(item.currency.clone().unwrap_or_default())
            .or_default()
            .push((line_id, item));
    }
    let now = Utc::now();
    let mut invoices = Vec::new();
    let mut moved = Vec::new();
    for (n, (currency, lines)) in groups.into_iter().enumerate() {
        let id = format!(
            "G{:09}",
            (now.timestamp() % 10_000_000) * 10 + i64::try_from(n).unwrap_or(0)
        );
        let start = lines
            .iter()
            .filter_map(|(_, l)| l.charge_start_date.as_ref().and_then(Timestamp::instant))
            .min()
            .unwrap_or(now);
        let total: Decimal = lines.iter().filter_map(|(_, l)| l.total_for_customer).sum();
        invoices.push(invoice_resource(
            &id,
            now,
            start,
            now,
            total,
            Decimal::ZERO,
            &currency,
            symbol_of(&currency),
        ));
        for (line_id, mut item) in lines {
            item.invoice_number = Some(id.clone());
            moved.push((line_id, id.clone(), item));
        }
    }
    state
        .store()
        .close_period(partner.tenant_id, &invoices, &moved)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(paging::all(invoices, "/invoices")),
    ))
}
