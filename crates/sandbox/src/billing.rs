//! Billing E23–E28 (Partner Center: *Get the partner's current account balance*, *Get invoice
//! summaries*, *Get a collection of invoices*, *Get invoice by ID*, *Get an invoice statement*,
//! *Get invoice line items*, *Get invoice estimate links*, *Get invoice unbilled reconciliation
//! line items*, *Get invoice billed / unbilled consumption line items*): account balance, summaries
//! per currency, invoices, invoice by ID, the PDF statement, OneTime billing line items, invoice
//! estimate links, unbilled reconciliation line items and billed / unbilled consumption (daily
//! rated usage) line items — the line-item lists with seek paging (`links.next` carrying the
//! `MS-ContinuationToken` header; `seekOperation=Next`).
//!
//! Billing periods: every purchase made in the sandbox is at once a line item of the open,
//! *current* period, and every Azure plan subscription rates daily usage into it
//! ([`crate::usage`]). The sandbox-only `POST /sandbox/invoices/close` ends the current period:
//! its purchase lines and usage become the billed lines of one new invoice per currency, and it
//! becomes the *previous* period (there is none before the first close). The first period
//! starts on the first of the month of the first close.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use pc_core::enums::{BillingProvider, InvoiceLineItemType, InvoiceType};
use pc_core::models::{
    Collection, DailyRatedUsageLineItem, EstimateLink, Invoice, InvoiceDetail, InvoiceLineItem,
    InvoiceSummary, InvoiceSummaryDetail, OneTimeInvoiceLineItem,
};
use pc_core::wire::{Spelled, Timestamp};
use rust_decimal::Decimal;
use serde::Deserialize;

use crate::AppState;
use crate::auth::Caller;
use crate::error::{AppError, AppResult};
use crate::json::PcQuery;
use crate::lifecycle::{self, Scope};
use crate::paging::{self, PageQuery, attributes, self_links};
use crate::pdf::{Statement, render_statement};
use crate::seed::invoice_resource;
use crate::store::BillingPeriod;
use crate::tenants::Partner;
use crate::usage::{self, Window};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/invoices/summary", get(summary_get))
        .route("/invoices/summaries", get(summaries_list))
        .route("/invoices/estimates/links", get(estimate_links_list))
        .route(
            "/invoices/unbilled/lineitems",
            get(unbilled_line_items_list),
        )
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
fn summary(currency: &str, invoices: &[&Invoice], now: DateTime<Utc>) -> InvoiceSummary {
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
        accounting_date: Some(Timestamp::from(now)),
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
    Ok(Json(summary(currency, &mine, state.now())))
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
        .map(|(currency, list)| summary(currency, list, state.now()))
        .collect();
    Ok(Json(paging::all(items, "/invoices/summaries")))
}

/// E25 `GET /v1/invoices[?size=&offset=]`, newest first, `links.next` while more exist.
async fn invoices_list(
    State(state): State<AppState>,
    caller: Caller,
    PcQuery(page): PcQuery<PageQuery>,
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
    let mut lines: Vec<OneTimeInvoiceLineItem> = state
        .store()
        .line_items(caller.partner.tenant_id, Some(&id))
        .await?
        .into_iter()
        .map(|(_, item)| item)
        .collect();
    if let Some(period) = state
        .store()
        .invoice_period(caller.partner.tenant_id, &id)
        .await?
    {
        let currency = invoice.currency_code.clone().unwrap_or_default();
        let usage = usage_in(
            &state,
            caller.partner,
            &Window {
                from_ms: period.start_at,
                to_ms: period.end_at,
                currency: Some(&currency),
                invoice_number: &id,
            },
        )
        .await?;
        lines.extend(consumption_rows(&usage));
    }
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

/// The statement rows of rated usage: one per Azure plan subscription, its consumption in the
/// billing currency summed (`chargeType` `usage`, quantity = the usage lines).
fn consumption_rows(usage: &[DailyRatedUsageLineItem]) -> Vec<OneTimeInvoiceLineItem> {
    let mut rows: BTreeMap<String, OneTimeInvoiceLineItem> = BTreeMap::new();
    for line in usage {
        let key = line.subscription_id.clone().unwrap_or_default();
        let amount = line.billing_pre_tax_total.unwrap_or_default();
        let row = rows.entry(key).or_insert_with(|| OneTimeInvoiceLineItem {
            customer_name: line.customer_name.clone(),
            customer_id: line.customer_id.clone(),
            product_name: line.product_name.clone(),
            sku_name: line.sku_name.clone(),
            subscription_id: line.subscription_id.clone(),
            charge_type: Some("usage".to_owned()),
            quantity: Some(Decimal::ZERO),
            subtotal: Some(Decimal::ZERO),
            tax_total: Some(Decimal::ZERO),
            total_for_customer: Some(Decimal::ZERO),
            currency: line.billing_currency.clone(),
            ..OneTimeInvoiceLineItem::default()
        });
        row.quantity = Some(row.quantity.unwrap_or_default() + Decimal::ONE);
        row.subtotal = Some(row.subtotal.unwrap_or_default() + amount);
        row.total_for_customer = Some(row.total_for_customer.unwrap_or_default() + amount);
    }
    rows.into_values().collect()
}

/// Query of E28 and of the unbilled line items. Parameter names are matched as Partner Center
/// spells them in its examples (`invoicelineitemtype` / `invoiceLineItemType`, `currencycode` /
/// `currencyCode`, `seekOperation` / `seekoperation`).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct LineItemsQuery {
    provider: Option<String>,
    #[serde(rename = "invoicelineitemtype", alias = "invoiceLineItemType")]
    invoice_line_item_type: Option<String>,
    #[serde(rename = "currencycode", alias = "currencyCode")]
    currency_code: Option<String>,
    period: Option<String>,
    size: Option<String>,
    offset: Option<String>,
    #[serde(rename = "seekOperation", alias = "seekoperation")]
    seek_operation: Option<String>,
}

/// E28 `GET /v1/invoices/{invoice-id}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems|usagelineitems[&currencycode=][&size=]`.
async fn line_items_list(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path(invoice_id): Path<String>,
    PcQuery(query): PcQuery<LineItemsQuery>,
) -> AppResult<Json<Collection<InvoiceLineItem>>> {
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
    PcQuery(query): PcQuery<LineItemsQuery>,
) -> AppResult<Json<Collection<InvoiceLineItem>>> {
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

/// The line-item family a request names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// `billinglineitems` from a provider that has OneTime lines (`onetime`, `all`).
    Recon,
    /// `usagelineitems` from `onetime` or `marketplace`: daily rated usage.
    RatedUsage,
    /// A family the sandbox has no lines of (Office, legacy Azure): always empty.
    Empty,
}

/// `provider` + `invoicelineitemtype` → the family, normalized spellings for links.
///
/// # Errors
/// 400 `800002` for a provider or type Partner Center does not know.
fn family(provider: &str, kind: &str) -> AppResult<(Family, String, String)> {
    let provider = normalized(provider);
    let kind = normalized(kind);
    if !["onetime", "office", "azure", "all", "marketplace"].contains(&provider.as_str()) {
        return Err(AppError::invalid_input(
            "provider must be onetime, office or azure.",
        ));
    }
    let family = match kind.as_str() {
        "billinglineitems" if provider == "onetime" || provider == "all" => Family::Recon,
        "usagelineitems" if provider == "onetime" || provider == "marketplace" => {
            Family::RatedUsage
        }
        "billinglineitems" | "usagelineitems" => Family::Empty,
        _ => {
            return Err(AppError::invalid_input(
                "invoicelineitemtype must be billinglineitems or usagelineitems.",
            ));
        }
    };
    Ok((family, provider, kind))
}

/// `currencycode`: three ASCII letters, upper-cased.
///
/// # Errors
/// 400 `800002` when missing (and `required`) or not three letters.
fn currency_code(query: &LineItemsQuery, required: bool) -> AppResult<Option<String>> {
    match query.currency_code.as_deref().map(str::trim) {
        None | Some("") if required => Err(AppError::invalid_input(
            "currencycode is required, e.g. currencycode=USD.",
        )),
        None | Some("") => Ok(None),
        Some(code) if code.len() == 3 && code.chars().all(|c| c.is_ascii_alphabetic()) => {
            Ok(Some(code.to_ascii_uppercase()))
        }
        Some(code) => Err(AppError::invalid_input(format!(
            "currencycode must be an ISO 4217 code such as USD, not '{code}'."
        ))),
    }
}

/// Page size and the offset the continuation token names.
///
/// # Errors
/// 400 `800002` for a bad `size`/`offset`, a token this server did not issue, or
/// `seekOperation=Next` without the `MS-ContinuationToken` header.
fn seek(headers: &HeaderMap, query: &LineItemsQuery) -> AppResult<(usize, usize)> {
    let (mut offset, size) = PageQuery {
        size: query.size.clone(),
        offset: query.offset.clone(),
    }
    .resolve(paging::MAX_PAGE_SIZE)?;
    let seeking = query
        .seek_operation
        .as_deref()
        .is_some_and(|s| s.eq_ignore_ascii_case("next"));
    if let Some(from) = paging::continuation_offset(headers)? {
        offset = from;
    } else if seeking {
        return Err(AppError::invalid_input(
            "seekOperation=Next needs the MS-ContinuationToken header of the previous page.",
        ));
    }
    Ok((offset, size))
}

fn one_time(items: Vec<OneTimeInvoiceLineItem>) -> Vec<InvoiceLineItem> {
    items
        .into_iter()
        .map(|i| InvoiceLineItem::OneTime(Box::new(i)))
        .collect()
}

fn rated(items: Vec<DailyRatedUsageLineItem>) -> Vec<InvoiceLineItem> {
    items
        .into_iter()
        .map(|i| InvoiceLineItem::DailyRatedUsage(Box::new(i)))
        .collect()
}

/// The rated usage of the partner's Azure plans in `window`.
async fn usage_in(
    state: &AppState,
    partner: &Partner,
    window: &Window<'_>,
) -> AppResult<Vec<DailyRatedUsageLineItem>> {
    let plans = state.store().azure_plans(partner.tenant_id).await?;
    if plans.is_empty() {
        return Ok(Vec::new());
    }
    let customers = state.store().customers(partner.tenant_id).await?;
    Ok(usage::rated_usage(partner, &plans, &customers, window))
}

async fn line_items(
    state: &AppState,
    partner: &Partner,
    headers: &HeaderMap,
    invoice_id: &str,
    provider: &str,
    kind: &str,
    query: &LineItemsQuery,
) -> AppResult<Json<Collection<InvoiceLineItem>>> {
    let invoice = load(state, partner, invoice_id).await?;
    let id = invoice
        .id
        .as_ref()
        .map(|i| i.as_str().to_owned())
        .unwrap_or_default();
    let (family, provider, kind) = family(provider, kind)?;
    let currency = currency_code(query, false)?;
    let (offset, size) = seek(headers, query)?;
    let invoice_currency = invoice.currency_code.clone().unwrap_or_default();
    let wanted = currency
        .as_deref()
        .is_none_or(|c| c.eq_ignore_ascii_case(&invoice_currency));
    let items = match family {
        _ if !wanted => Vec::new(),
        Family::Recon => one_time(
            state
                .store()
                .line_items(partner.tenant_id, Some(&id))
                .await?
                .into_iter()
                .map(|(_, item)| item)
                .collect(),
        ),
        Family::RatedUsage => match state.store().invoice_period(partner.tenant_id, &id).await? {
            Some(period) => rated(
                usage_in(
                    state,
                    partner,
                    &Window {
                        from_ms: period.start_at,
                        to_ms: period.end_at,
                        currency: Some(&invoice_currency),
                        invoice_number: &id,
                    },
                )
                .await?,
            ),
            None => Vec::new(),
        },
        Family::Empty => Vec::new(),
    };
    let currency_part = currency
        .map(|c| format!("&currencycode={c}"))
        .unwrap_or_default();
    let self_uri = format!(
        "/invoices/{id}/lineitems?provider={provider}&invoicelineitemtype={kind}{currency_part}&size={size}"
    );
    let next = if family == Family::Recon {
        format!(
            "/invoices/{id}/lineitems/OneTime/BillingLineItems?seekOperation=Next{currency_part}&size={size}"
        )
    } else {
        format!("{self_uri}&seekOperation=Next")
    };
    Ok(Json(paging::page(
        items,
        offset,
        size,
        &self_uri,
        paging::Next::Seek(&next),
    )))
}

/// `period=current|previous` of the unbilled line items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Period {
    Current,
    Previous,
}

impl Period {
    fn parse(text: Option<&str>) -> AppResult<Self> {
        match text.map(str::trim) {
            Some(p) if p.eq_ignore_ascii_case("current") => Ok(Self::Current),
            Some(p) if p.eq_ignore_ascii_case("previous") => Ok(Self::Previous),
            _ => Err(AppError::invalid_input(
                "period must be current or previous.",
            )),
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Self::Current => "current",
            Self::Previous => "previous",
        }
    }
}

/// The current (open) period: from the end of the latest closed one — or the first of this
/// month before the first close — to now.
fn current_period(latest: Option<&BillingPeriod>, now: chrono::DateTime<Utc>) -> BillingPeriod {
    BillingPeriod {
        id: String::new(),
        start_at: latest.map_or_else(|| usage::month_start_ms(now), |p| p.end_at),
        end_at: now.timestamp_millis(),
    }
}

/// `GET /v1/invoices/unbilled/lineitems?provider=onetime&invoicelineitemtype=billinglineitems|usagelineitems&currencycode={code}&period=current|previous[&size=]`
/// (Partner Center pages get-invoice-unbilled-recon-lineitems and
/// get-invoice-unbilled-consumption-lineitems): the OneTime purchase lines (`billinglineitems`)
/// or daily rated usage (`usagelineitems`) of the current, open period, or of the previous
/// (latest closed) one, in `currencycode`. Next pages: the same URI with `seekOperation=Next`
/// and the `MS-ContinuationToken` header from `links.next`.
///
/// # Errors
/// 400 `800002` for a missing or malformed `currencycode` or `period`, an unknown provider or
/// type, or a bad continuation token.
async fn unbilled_line_items_list(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    PcQuery(query): PcQuery<LineItemsQuery>,
) -> AppResult<Json<Collection<InvoiceLineItem>>> {
    let partner = caller.partner;
    let (family, provider, kind) = family(
        query.provider.as_deref().unwrap_or_default(),
        query.invoice_line_item_type.as_deref().unwrap_or_default(),
    )?;
    let currency = currency_code(&query, true)?.unwrap_or_default();
    let period = Period::parse(query.period.as_deref())?;
    let (offset, size) = seek(&headers, &query)?;
    // Renewals that fell due are charged in the open period before it is read.
    lifecycle::run_renewals(&state, Scope::Partner(partner.tenant_id)).await?;
    let latest = state.store().latest_period(partner.tenant_id).await?;
    let window = match period {
        Period::Current => Some(current_period(latest.as_ref(), state.now())),
        Period::Previous => latest,
    };
    let items = match (family, window) {
        (Family::Recon, Some(_)) if period == Period::Current => one_time(
            state
                .store()
                .line_items(partner.tenant_id, None)
                .await?
                .into_iter()
                .map(|(_, mut item)| {
                    // Not invoiced yet: Partner Center sends an empty invoice number.
                    item.invoice_number.get_or_insert_with(String::new);
                    item
                })
                .filter(|item| item.currency.as_deref() == Some(currency.as_str()))
                .collect(),
        ),
        (Family::Recon, Some(window)) => one_time(
            state
                .store()
                .period_line_items(partner.tenant_id, &window.id, &currency)
                .await?,
        ),
        (Family::RatedUsage, Some(window)) => {
            let invoice_number = match period {
                Period::Current => String::new(),
                // The previous period is invoiced: its lines name their invoice.
                Period::Previous => state
                    .store()
                    .period_invoice(partner.tenant_id, &window.id, &currency)
                    .await?
                    .unwrap_or_default(),
            };
            rated(
                usage_in(
                    &state,
                    partner,
                    &Window {
                        from_ms: window.start_at,
                        to_ms: window.end_at,
                        currency: Some(&currency),
                        invoice_number: &invoice_number,
                    },
                )
                .await?,
            )
        }
        _ => Vec::new(),
    };
    let self_uri = format!(
        "/invoices/unbilled/lineitems?provider={provider}&invoicelineitemtype={kind}&currencycode={currency}&period={}&size={size}",
        period.as_str()
    );
    let next = format!("{self_uri}&seekOperation=Next");
    Ok(Json(paging::page(
        items,
        offset,
        size,
        &self_uri,
        paging::Next::Seek(&next),
    )))
}

/// `GET /v1/invoices/estimates/links?currencycode={code}` (Partner Center page
/// get-invoice-estimate-links): where to read the unbilled consumption (`daily_rated_usage`)
/// and unbilled reconciliation (`non_consumption`) line items of the current and previous
/// periods in `currencycode`.
///
/// # Errors
/// 400 `800002` for a missing or malformed `currencycode`.
async fn estimate_links_list(
    _caller: Caller,
    PcQuery(query): PcQuery<LineItemsQuery>,
) -> AppResult<Json<Collection<EstimateLink>>> {
    let currency = currency_code(&query, true)?.unwrap_or_default();
    let entry = |link_type: &str, title: &str, description: &str, period: &str, kind: &str| {
        EstimateLink {
            link_type: Some(link_type.to_owned()),
            title: Some(title.to_owned()),
            description: Some(description.to_owned()),
            period: Some(period.to_owned()),
            link: Some(paging::link(format!(
                "/invoices/unbilled/lineitems?provider=onetime&invoicelineitemtype={kind}&currencycode={currency}&period={}&size={}",
                period.to_ascii_lowercase(),
                paging::MAX_PAGE_SIZE
            ))),
            ..EstimateLink::default()
        }
    };
    const USAGE: (&str, &str, &str) = (
        "daily_rated_usage",
        "Daily rated usage unbilled",
        "This invoice line items includes unbilled consumption based data only.",
    );
    const RECON: (&str, &str, &str) = (
        "non_consumption",
        "Unbilled reconciliation line items",
        "This includes reconciliation line items for unbilled data only.",
    );
    let items = vec![
        entry(USAGE.0, USAGE.1, USAGE.2, "Current", "usagelineitems"),
        entry(USAGE.0, USAGE.1, USAGE.2, "Previous", "usagelineitems"),
        entry(RECON.0, RECON.1, RECON.2, "Current", "billinglineitems"),
        entry(RECON.0, RECON.1, RECON.2, "Previous", "billinglineitems"),
    ];
    Ok(Json(paging::all(
        items,
        &format!("/invoices/estimates/links?currencycode={currency}"),
    )))
}

/// What a close invoices in one currency: the open purchase lines (with their row IDs) and the
/// usage total, if the currency had usage.
type CurrencyClose = (Vec<(String, OneTimeInvoiceLineItem)>, Option<Decimal>);

/// A new invoice ID, `G` and nine digits.
fn invoice_id() -> String {
    format!("G{:09}", rand::random::<u32>() % 1_000_000_000)
}

/// `POST /sandbox/invoices/close` (sandbox only, bearer token): closes the current billing
/// period. Its purchase lines and the rated usage of its Azure plans go onto a new invoice per
/// currency, dated now (`totalCharges` = the lines' `totalForCustomer` + the usage's
/// `billingPreTaxTotal`); the period becomes the previous one. Answers 201 with the collection
/// of new invoices (empty when there was nothing to invoice).
async fn period_close(
    State(state): State<AppState>,
    caller: Caller,
) -> AppResult<(StatusCode, Json<Collection<Invoice>>)> {
    let partner = caller.partner;
    lifecycle::run_renewals(&state, Scope::Partner(partner.tenant_id)).await?;
    let now = state.now();
    let latest = state.store().latest_period(partner.tenant_id).await?;
    let mut period = current_period(latest.as_ref(), now);
    period.id = uuid::Uuid::new_v4().to_string();
    let open = state.store().line_items(partner.tenant_id, None).await?;
    let usage = usage_in(
        &state,
        partner,
        &Window {
            from_ms: period.start_at,
            to_ms: period.end_at,
            currency: None,
            invoice_number: "",
        },
    )
    .await?;
    let mut groups: BTreeMap<String, CurrencyClose> = BTreeMap::new();
    for (line_id, item) in open {
        groups
            .entry(item.currency.clone().unwrap_or_default())
            .or_default()
            .0
            .push((line_id, item));
    }
    for line in &usage {
        let total = &mut groups
            .entry(line.billing_currency.clone().unwrap_or_default())
            .or_default()
            .1;
        *total = Some(total.unwrap_or_default() + line.billing_pre_tax_total.unwrap_or_default());
    }
    let start = chrono::DateTime::<Utc>::from_timestamp_millis(period.start_at).unwrap_or(now);
    let mut invoices = Vec::new();
    let mut moved = Vec::new();
    for (currency, (lines, usage_total)) in groups {
        let id = invoice_id();
        let total: Decimal = lines
            .iter()
            .filter_map(|(_, l)| l.total_for_customer)
            .sum::<Decimal>()
            + usage_total.unwrap_or_default();
        let mut invoice = invoice_resource(
            &id,
            now,
            start,
            now,
            total,
            Decimal::ZERO,
            &currency,
            symbol_of(&currency),
        );
        if usage_total.is_some() {
            invoice.invoice_details.get_or_insert_with(Vec::new).push(InvoiceDetail {
                invoice_line_item_type: Some(Spelled::from(InvoiceLineItemType::UsageLineItems)),
                billing_provider: Some(Spelled::from(BillingProvider::OneTime)),
                links: Some(self_links(format!(
                    "/invoices/{id}/lineitems?provider=onetime&invoicelineitemtype=usagelineitems&currencycode={currency}&size={}",
                    paging::MAX_PAGE_SIZE
                ))),
                ..InvoiceDetail::default()
            });
        }
        invoices.push(invoice);
        for (line_id, mut item) in lines {
            item.invoice_number = Some(id.clone());
            moved.push((line_id, id.clone(), item));
        }
    }
    state
        .store()
        .close_period(partner.tenant_id, &period, &invoices, &moved)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(paging::all(invoices, "/invoices")),
    ))
}
