//! One invoice: its line items per billing provider and line-item type, exported as CSV, and
//! the PDF statement.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use serde_json::{Map, Value};
use wasm_bindgen::JsCast as _;

use crate::api;
use crate::errors::ProblemAlert;
use crate::format;
use crate::i18n::{t_numbers, t_with};
use crate::pages::customer::SignInFirst;
use crate::pages::unbilled::PurchaseLines;
use crate::session::use_session;
use crate::{Localized, told, tr, use_locale};

/// A column of the on-screen line-item table: its translated heading and how its cell is read
/// from a line item (the CSV keeps every member under Partner Center's names).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// `customerName` (else `customerCompanyName`, `customerId`).
    Customer,
    /// `productName` and `skuName` as one name (`offerName`, `meterName` for older lines).
    Product,
    /// `orderId` (else `subscriptionId`).
    Order,
    /// `chargeStartDate`–`chargeEndDate` (else `usageDate`), as dates.
    ChargePeriod,
    /// `quantity` (else `billableQuantity`, `consumedQuantity`).
    Quantity,
    /// `unitPrice` (else `effectiveUnitPrice`), in the line's currency.
    UnitPrice,
    /// `totalForCustomer` (else `subtotal`, `billingPreTaxTotal`, `amount`), in the line's
    /// currency.
    Total,
}

impl Column {
    /// Every column, in the order shown.
    pub const ALL: [Self; 7] = [
        Self::Customer,
        Self::Product,
        Self::Order,
        Self::ChargePeriod,
        Self::Quantity,
        Self::UnitPrice,
        Self::Total,
    ];

    /// Translation key of the heading.
    pub fn heading(self) -> &'static str {
        match self {
            Self::Customer => "invoice-column-customer",
            Self::Product => "invoice-column-product",
            Self::Order => "invoice-column-order",
            Self::ChargePeriod => "invoice-column-charge-period",
            Self::Quantity => "invoice-column-quantity",
            Self::UnitPrice => "invoice-column-unit-price",
            Self::Total => "invoice-column-total",
        }
    }

    /// Whether the cell is a number (aligned as one).
    pub fn numeric(self) -> bool {
        matches!(self, Self::Quantity | Self::UnitPrice | Self::Total)
    }

    /// The cell of `row` in `locale`; `currency` when the line names none. Empty when the line
    /// has none of the column's members.
    pub fn cell(
        self,
        row: &Map<String, Value>,
        currency: &str,
        locale: crate::i18n::Locale,
    ) -> String {
        let text = |members: &[&str]| {
            members
                .iter()
                .map(|m| cell(row.get(*m)))
                .find(|v| !v.is_empty())
                .unwrap_or_default()
        };
        let line_currency = text(&["currency", "billingCurrency", "pricingCurrency"]);
        let currency = if line_currency.len() == 3 {
            line_currency
        } else {
            currency.to_owned()
        };
        let amount = |members: &[&str]| {
            let value = text(members);
            if value.is_empty() {
                value
            } else {
                format::money(&value, &currency, locale)
            }
        };
        match self {
            Self::Customer => text(&["customerName", "customerCompanyName", "customerId"]),
            Self::Product => format::product_and_sku(
                &text(&["productName", "offerName", "serviceName"]),
                &text(&["skuName", "meterName"]),
            ),
            Self::Order => text(&["orderId", "subscriptionId"]),
            Self::ChargePeriod => {
                let start = format::date(&text(&["chargeStartDate", "usageDate"]), locale, false);
                let end = format::date(&text(&["chargeEndDate"]), locale, false);
                match (start.is_empty(), end.is_empty()) {
                    (false, false) if start != end => format!("{start} – {end}"),
                    (false, _) => start,
                    _ => end,
                }
            }
            Self::Quantity => {
                let value = text(&["quantity", "billableQuantity", "consumedQuantity"]);
                value
                    .parse::<pc_core::models::Decimal>()
                    .map_or(value, |q| q.normalize().to_string())
            }
            Self::UnitPrice => amount(&["unitPrice", "effectiveUnitPrice"]),
            Self::Total => amount(&[
                "totalForCustomer",
                "subtotal",
                "billingPreTaxTotal",
                "amount",
            ]),
        }
    }

    /// The columns any of `rows` has a value for.
    pub fn shown(rows: &[Map<String, Value>]) -> Vec<Self> {
        let has = |members: &[&str]| {
            rows.iter()
                .any(|r| members.iter().any(|m| !cell(r.get(*m)).is_empty()))
        };
        Self::ALL
            .into_iter()
            .filter(|c| match c {
                Self::Customer => has(&["customerName", "customerCompanyName", "customerId"]),
                Self::Product => has(&[
                    "productName",
                    "offerName",
                    "serviceName",
                    "skuName",
                    "meterName",
                ]),
                Self::Order => has(&["orderId", "subscriptionId"]),
                Self::ChargePeriod => has(&["chargeStartDate", "chargeEndDate", "usageDate"]),
                Self::Quantity => has(&["quantity", "billableQuantity", "consumedQuantity"]),
                Self::UnitPrice => has(&["unitPrice", "effectiveUnitPrice"]),
                Self::Total => has(&[
                    "totalForCustomer",
                    "subtotal",
                    "billingPreTaxTotal",
                    "amount",
                ]),
            })
            .collect()
    }
}

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

/// A file that [`download`] (or [`to_csv`] before it) could not offer, with the browser's reason.
pub(crate) fn not_saved(reason: String) -> Localized {
    Localized::with("file-not-saved", vec![("reason", reason)])
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
            let session = session.ok_or_else(|| Localized::key("sign-in-first"))?;
            api::invoice(&session.client, &invoice_id)
                .await
                .map_err(Localized::from)
        }
    });
    let message = RwSignal::new(None::<Localized>);
    let pdf = move |_| {
        let Some(session) = session.session_untracked() else {
            return;
        };
        let id = invoice_id.get_untracked();
        message.set(Some(Localized::key("invoice-pdf-working")));
        spawn_local(async move {
            let statement: Result<Vec<u8>, _> = session.client.invoices().statement(&id).await;
            match statement {
                Ok(bytes) => {
                    match download(&bytes, "application/pdf", &format!("invoice-{id}.pdf")) {
                        Ok(()) => message.set(Some(Localized::key("invoice-pdf-done"))),
                        Err(reason) => message.set(Some(not_saved(reason))),
                    }
                }
                Err(e) => message.set(Some(Localized::from(e))),
            }
        });
    };
    view! {
        <Show when=move || session.tenant.get().is_some() fallback=SignInFirst>
            <h1>{move || t_with(locale.get(), "invoice-title", &[("id", invoice_id.get())])}</h1>
            {move || match data.get() {
                None => view! { <p aria-live="polite">{tr("loading")}</p> }.into_any(),
                Some(Err(problem)) => view! { <ProblemAlert problem/> }.into_any(),
                Some(Ok((invoice, items, purchases))) => {
                    let locale = locale.get();
                    let currency = invoice.currency_code.clone().unwrap_or_default();
                    let csv_items = StoredValue::new(items.clone());
                    let (_, rows) = table_of(&items);
                    let shown = Column::shown(&rows);
                    let count = rows.len();
                    view! {
                        <dl class="facts">
                            <dt>{tr("invoice-date")}</dt><dd>{format::timestamp(invoice.invoice_date.as_ref(), locale, false)}</dd>
                            <dt>{tr("invoice-type")}</dt><dd>{invoice.invoice_type.as_ref().map(|k| format::invoice_type(k.value(), locale)).unwrap_or_default()}</dd>
                            <dt>{tr("invoice-total")}</dt><dd>{invoice.total_charges.map(|v| format::money(&v, &currency, locale)).unwrap_or_default()}</dd>
                            <dt>{tr("invoice-paid")}</dt><dd>{invoice.paid_amount.map(|v| format::money(&v, &currency, locale)).unwrap_or_default()}</dd>
                        </dl>
                        <div class="actions">
                            <button type="button" on:click=pdf>{tr("invoice-pdf")}</button>
                            <button type="button" on:click=move |_| {
                                let id = invoice_id.get_untracked();
                                let result = csv_items.with_value(|items| to_csv(items)).and_then(|text| download(text.as_bytes(), "text/csv", &format!("invoice-{id}-lineitems.csv")));
                                message.set(Some(match result { Ok(()) => Localized::key("invoice-csv-done"), Err(reason) => not_saved(reason) }));
                            }>{tr("invoice-csv")}</button>
                        </div>
                        <p role="status" aria-live="polite">{told(message)}</p>
                        {(!purchases.is_empty()).then(|| view! {
                            <h2>{tr("invoice-purchase-lines")}</h2>
                            <PurchaseLines lines=purchases.clone() label="invoice-purchase-lines"/>
                        })}
                        <h2>{t_numbers(locale, "invoice-lines", &[], &[("count", i64::try_from(count).unwrap_or(i64::MAX))])}</h2>
                        <details>
                        <summary>{tr("invoice-lines-show")}</summary>
                        <div class="scroll" tabindex="0" role="region" aria-label=tr("invoice-lines-region")>
                            <table>
                                <thead><tr>{shown.iter().map(|c| view! { <th scope="col">{tr(c.heading())}</th> }).collect_view()}</tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|row| view! {
                                        <tr>{shown.iter().map(|c| view! { <td class=c.numeric().then_some("num")>{c.cell(&row, &currency, locale)}</td> }).collect_view()}</tr>
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
    fn line_items_are_shown_under_readable_columns() {
        let items = vec![
            json!({"customerName": "Tailspin Toys", "productName": "Microsoft 365 Business Basic",
                   "skuName": "Microsoft 365 Business Basic", "orderId": "O1", "quantity": 7.0,
                   "billableQuantity": 7, "chargeType": "new"}),
        ];
        let (_, rows) = table_of(&items);
        let shown = Column::shown(&rows);
        assert_eq!(
            shown,
            [
                Column::Customer,
                Column::Product,
                Column::Order,
                Column::Quantity
            ]
        );
        let row = &rows[0];
        let locale = crate::i18n::Locale::EnUs;
        assert_eq!(Column::Customer.cell(row, "USD", locale), "Tailspin Toys");
        assert_eq!(
            Column::Product.cell(row, "USD", locale),
            "Microsoft 365 Business Basic"
        );
        assert_eq!(Column::Quantity.cell(row, "USD", locale), "7");
        for column in Column::ALL {
            for locale in crate::i18n::Locale::ALL {
                let heading = crate::i18n::t(locale, column.heading());
                assert_ne!(heading, column.heading(), "{locale:?}");
            }
        }
    }

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
