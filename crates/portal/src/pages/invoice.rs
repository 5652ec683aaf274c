//! One invoice: its line items per billing provider and line-item type, exported as CSV, and
//! the PDF statement.

use futures_util::TryStreamExt as _;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use pc_core::models::{Invoice, InvoiceLineItem, OneTimeInvoiceLineItem};
use serde_json::{Map, Value};
use wasm_bindgen::JsCast as _;

use crate::errors::explain;
use crate::format;
use crate::i18n::{t, t_with};
use crate::pages::customer::SignInFirst;
use crate::pages::unbilled::PurchaseLines;
use crate::session::use_session;
use crate::{tr, use_locale};

/// Columns shown on screen (the CSV has all of them).
const SHOWN_COLUMNS: usize = 8;

/// Line items as JSON objects and the union of their members (sorted by name, so every export
/// of a line-item type has the same columns).
pub fn table_of(items: &[Value]) -> (Vec<String>, Vec<Map<String, Value>>) {
    let mut columns: Vec<String> = Vec::new();
    let rows: Vec<Map<String, Value>> = items
        .iter()
        .filter_map(|i| i.as_object().cloned())
        .map(|mut row| {
            row.remove("attributes");
            row
        })
        .collect();
    for row in &rows {
        for key in row.keys() {
            if !columns.contains(key) {
                columns.push(key.clone());
            }
        }
    }
    columns.sort();
    (columns, rows)
}

/// A cell's text: strings as they are, numbers and booleans as JSON, objects and lists as JSON.
pub fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// Line items as CSV (RFC 4180, a header row of member names, one row per item).
///
/// # Errors
/// The CSV writer's error text (it writes to memory, so only on invalid UTF-8, which JSON
/// strings cannot hold).
pub fn to_csv(items: &[Value]) -> Result<String, String> {
    let (columns, rows) = table_of(items);
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&columns).map_err(|e| e.to_string())?;
    for row in &rows {
        writer
            .write_record(columns.iter().map(|c| cell(row.get(c))))
            .map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// Offers `bytes` to the user as a download named `file_name`.
pub(crate) fn download(bytes: &[u8], mime: &str, file_name: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes).into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let anchor = document()
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "no anchor".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The invoice page.
#[component]
pub fn InvoiceDetail() -> impl IntoView {
    let session = use_session();
    let locale = use_locale();
    let params = use_params_map();
    let invoice_id = Memo::new(move |_| params.get().get("invoice_id").unwrap_or_default());
    let data = LocalResource::new(move || {
        let session = session.get();
        let invoice_id = invoice_id.get();
        async move {
            let locale = locale.get_untracked();
            let session = session.ok_or_else(|| t(locale, "sign-in-first"))?;
            let invoices = session.client.invoices();
            let fail = |e: pc_client::Error| explain(&e, locale);
            let invoice: Invoice = invoices.get(&invoice_id).await.map_err(fail)?;
            let mut items: Vec<Value> = Vec::new();
            let mut purchases: Vec<OneTimeInvoiceLineItem> = Vec::new();
            for detail in invoice.invoice_details.iter().flatten() {
                let provider = detail
                    .billing_provider
                    .as_ref()
                    .map(|p| p.spelling())
                    .unwrap_or_default();
                let kind = detail
                    .invoice_line_item_type
                    .as_ref()
                    .map(|p| p.spelling())
                    .unwrap_or_default();
                let lines: Vec<InvoiceLineItem> = invoices
                    .line_items(&invoice_id, &provider, &kind)
                    .try_collect()
                    .await
                    .map_err(fail)?;
                items.extend(lines.iter().filter_map(|l| serde_json::to_value(l).ok()));
                purchases.extend(lines.into_iter().filter_map(|l| match l {
                    InvoiceLineItem::OneTime(line) => Some(*line),
                    _ => None,
                }));
            }
            Ok::<_, String>((invoice, items, purchases))
        }
    });
    let message = RwSignal::new(String::new());
    let pdf = move |_| {
        let Some(session) = session.session_untracked() else {
            return;
        };
        let id = invoice_id.get_untracked();
        message.set(t(locale.get_untracked(), "invoice-pdf-working"));
        spawn_local(async move {
            let locale = locale.get_untracked();
            let statement: Result<Vec<u8>, _> = session.client.invoices().statement(&id).await;
            match statement {
                Ok(bytes) => {
                    match download(&bytes, "application/pdf", &format!("invoice-{id}.pdf")) {
                        Ok(()) => message.set(t(locale, "invoice-pdf-done")),
                        Err(reason) => message.set(reason),
                    }
                }
                Err(e) => message.set(explain(&e, locale)),
            }
        });
    };
    view! {
        <Show when=move || session.tenant.get().is_some() fallback=SignInFirst>
            <h1>{move || t_with(locale.get(), "invoice-title", &[("id", invoice_id.get())])}</h1>
            {move || match data.get() {
                None => view! { <p aria-live="polite">{tr("loading")}</p> }.into_any(),
                Some(Err(reason)) => view! { <p role="alert">{reason}</p> }.into_any(),
                Some(Ok((invoice, items, purchases))) => {
                    let locale = locale.get();
                    let currency = invoice.currency_code.clone().unwrap_or_default();
                    let csv_items = StoredValue::new(items.clone());
                    let (columns, rows) = table_of(&items);
                    let shown: Vec<String> = columns.into_iter().take(SHOWN_COLUMNS).collect();
                    let count = rows.len();
                    view! {
                        <dl class="facts">
                            <dt>{tr("invoice-date")}</dt><dd>{format::timestamp(invoice.invoice_date.as_ref(), locale, false)}</dd>
                            <dt>{tr("invoice-total")}</dt><dd>{invoice.total_charges.map(|v| format::money(&v, &currency, locale)).unwrap_or_default()}</dd>
                            <dt>{tr("invoice-paid")}</dt><dd>{invoice.paid_amount.map(|v| format::money(&v, &currency, locale)).unwrap_or_default()}</dd>
                        </dl>
                        <div class="actions">
                            <button type="button" on:click=pdf>{tr("invoice-pdf")}</button>
                            <button type="button" on:click=move |_| {
                                let id = invoice_id.get_untracked();
                                let result = csv_items.with_value(|items| to_csv(items)).and_then(|text| download(text.as_bytes(), "text/csv", &format!("invoice-{id}-lineitems.csv")));
                                message.set(match result { Ok(()) => t(locale, "invoice-csv-done"), Err(reason) => reason });
                            }>{tr("invoice-csv")}</button>
                        </div>
                        <p role="status" aria-live="polite">{move || message.get()}</p>
                        {(!purchases.is_empty()).then(|| view! {
                            <h2>{tr("invoice-purchase-lines")}</h2>
                            <PurchaseLines lines=purchases.clone() label="invoice-purchase-lines"/>
                        })}
                        <h2>{t_with(locale, "invoice-lines", &[("count", count.to_string())])}</h2>
                        <details>
                        <summary>{tr("invoice-lines-show")}</summary>
                        <div class="scroll" tabindex="0" role="region" aria-label=tr("invoice-lines-region")>
                            <table>
                                <thead><tr>{shown.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}</tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|row| view! {
                                        <tr>{shown.iter().map(|c| view! { <td>{cell(row.get(c))}</td> }).collect_view()}</tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        </details>
                    }.into_any()
                }
            }}
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn csv_has_every_member_of_every_line_sorted_by_name() {
        let items = vec![
            json!({"invoiceNumber": "G000", "chargeType": "new", "attributes": {"objectType": "OneTimeInvoiceLineItem"}}),
            json!({"invoiceNumber": "G000", "quantity": 3, "productName": "M365, \"E3\""}),
        ];
        let csv = to_csv(&items).unwrap();
        assert_eq!(
            csv,
            "chargeType,invoiceNumber,productName,quantity\nnew,G000,,\n,G000,\"M365, \"\"E3\"\"\",3\n"
        );
    }
}
