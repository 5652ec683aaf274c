use axum::http::{Method, StatusCode};
use serde_json::Value;

use crate::common::*;

#[tokio::test]
async fn balance_summaries_and_invoices_from_the_seeded_history() {
    let sandbox = sandbox(quick()).await;
    // Summaries and single invoices are App+User only.
    let token = sandbox.user_token("admin@fabrikam.example").await;
    let balance = sandbox.get("/v1/invoices/summary", &token).await;
    assert_eq!(balance.json["currencyCode"], "SEK");
    assert!(
        balance.json["balanceAmount"].as_f64().unwrap() > 0.0,
        "{}",
        balance.json
    );
    assert_eq!(balance.json["attributes"]["objectType"], "InvoiceSummary");
    let summaries = sandbox.get("/v1/invoices/summaries", &token).await;
    let currencies: Vec<&str> = summaries.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["currencyCode"].as_str().unwrap())
        .collect();
    assert!(
        currencies.contains(&"SEK") && currencies.contains(&"EUR"),
        "{currencies:?}"
    );

    let page = sandbox.get("/v1/invoices?size=2", &token).await;
    assert_eq!(page.json["items"].as_array().unwrap().len(), 2);
    let next = page.json["links"]["next"]["uri"]
        .as_str()
        .expect("next page");
    let rest = sandbox.get(&format!("/v1{next}"), &token).await;
    assert!(!rest.json["items"].as_array().unwrap().is_empty());

    let id = page.json["items"][0]["id"].as_str().unwrap();
    let invoice = sandbox.get(&format!("/v1/invoices/{id}"), &token).await;
    assert!(
        invoice.json["pdfDownloadLink"]
            .as_str()
            .unwrap()
            .ends_with("/documents/statement")
    );
    assert_eq!(
        sandbox.get("/v1/invoices/G999999999", &token).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_statement_is_a_real_pdf() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.user_token("admin@contoso.example").await;
    let invoices = sandbox.get("/v1/invoices", &token).await;
    let id = invoices.json["items"][0]["id"].as_str().unwrap();
    let pdf = sandbox
        .get(&format!("/v1/invoices/{id}/documents/statement"), &token)
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.headers["content-type"], "application/pdf");
    assert_eq!(
        pdf.headers["content-disposition"],
        format!("attachment; filename=Invoice_{id}.pdf").as_str()
    );
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    let document = printpdf::lopdf::Document::load_mem(&pdf.bytes).expect("parses as PDF");
    assert!(!document.get_pages().is_empty());
}

#[tokio::test]
async fn purchases_become_line_items_and_closing_the_period_invoices_them() {
    for db in databases().await {
        closing_the_period(&db.url).await;
    }
}

async fn closing_the_period(url: &str) {
    let sandbox = sandbox_on(url, quick()).await;
    let token = sandbox.token("contoso").await;
    let availability = sandbox
        .availability(&token, BUSINESS_BASIC, "US", "commercial")
        .await;
    let cart = sandbox
        .cart(&token, NORTHWIND, vec![Sandbox::line(&availability, 5)])
        .await;
    let result = sandbox
        .checkout(&token, NORTHWIND, cart["id"].as_str().unwrap())
        .await;
    let order_id = result.json["orders"][0]["id"].as_str().unwrap().to_owned();
    let total = result.json["orders"][0]["totalPrice"].as_f64().unwrap();

    let closed = sandbox
        .call(Method::POST, "/sandbox/invoices/close", &token, None)
        .await;
    assert_eq!(closed.status, StatusCode::CREATED, "{}", closed.json);
    round_trips("Collection<Invoice>", &closed);
    let invoice = closed.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["currencyCode"] == "USD")
        .expect("a USD invoice");
    let id = invoice["id"].as_str().unwrap();
    // The purchase and the USD Azure plans' usage of the period.
    let usage = all_pages(
        &sandbox,
        &token,
        &format!("/v1/invoices/{id}/lineitems?provider=onetime&invoicelineitemtype=usagelineitems&currencycode=USD&size=2000"),
    )
    .await;
    assert!(!usage.is_empty());
    let usage_total: f64 = usage
        .iter()
        .map(|u| u["billingPreTaxTotal"].as_f64().unwrap())
        .sum();
    // The purchase is billed; so is any seeded subscription's renewal that fell due.
    let billed = all_pages(
        &sandbox,
        &token,
        &format!("/v1/invoices/{id}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&size=2000"),
    )
    .await;
    assert!(
        billed.iter().any(|l| l["orderId"] == order_id.as_str()
            && (l["totalForCustomer"].as_f64().unwrap() - total).abs() < 0.001),
        "{billed:?}"
    );
    let billed_total: f64 = billed
        .iter()
        .map(|l| l["totalForCustomer"].as_f64().unwrap())
        .sum();
    assert!(
        (invoice["totalCharges"].as_f64().unwrap() - billed_total - usage_total).abs() < 0.001,
        "{invoice} vs {billed_total} + {usage_total}"
    );

    let lines = sandbox.get(&format!("/v1/invoices/{id}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&size=2000"), &token).await;
    let item = lines.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["orderId"] == order_id.as_str())
        .expect("the purchase's line");
    assert_eq!(item["customerId"], NORTHWIND);
    assert_eq!(item["invoiceNumber"], id);
    assert_eq!(item["billingProvider"], "one_time");

    // Nothing left to close.
    let again = sandbox
        .call(Method::POST, "/sandbox/invoices/close", &token, None)
        .await;
    assert_eq!(again.json["items"].as_array().unwrap().len(), 0);
    let empty_office = sandbox
        .get(
            &format!("/v1/invoices/{id}/lineitems/Office/BillingLineItems"),
            &token,
        )
        .await;
    assert_eq!(empty_office.json["items"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn one_time_line_items_page_by_continuation_token() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let invoices = sandbox.get("/v1/invoices", &token).await;
    let usd = invoices.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["currencyCode"] == "USD")
        .unwrap();
    let id = usd["id"].as_str().unwrap();
    let first = sandbox.get(&format!("/v1/invoices/{id}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&size=1"), &token).await;
    assert_eq!(first.json["items"].as_array().unwrap().len(), 1);
    let next = &first.json["links"]["next"];
    let token_value = first.json["continuationToken"]
        .as_str()
        .expect("seek token");
    assert_eq!(next["headers"][0]["value"], token_value);
    let second = sandbox
        .call_with(
            Method::GET,
            &format!("/v1{}", next["uri"].as_str().unwrap()),
            &token,
            None,
            &[("MS-ContinuationToken", token_value)],
        )
        .await;
    assert_eq!(second.status, StatusCode::OK, "{}", second.json);
    assert_ne!(second.json["items"][0], first.json["items"][0]);
}

/// Asserts that `reply`'s body decodes as `resource` and re-serializes to the same JSON
/// (what `cargo xtask decode` checks).
fn round_trips(resource: &str, reply: &Reply) {
    let resource: pc_core::roundtrip::Resource = resource.parse().unwrap();
    let text = String::from_utf8_lossy(&reply.bytes);
    if let Err(error) = pc_core::roundtrip::round_trip(resource, &text) {
        panic!("{error}: {text}");
    }
}

/// Every item of a seek-paged collection from `first`, following `links.next` with its
/// `MS-ContinuationToken` header; each page round-trips as `Collection<InvoiceLineItem>`.
async fn pages(sandbox: &Sandbox, token: &str, first: &str) -> Vec<Vec<Value>> {
    let mut out = Vec::new();
    let mut reply = sandbox.get(first, token).await;
    loop {
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
        round_trips("Collection<InvoiceLineItem>", &reply);
        out.push(reply.json["items"].as_array().unwrap().clone());
        let Some(next) = reply.json["links"].get("next") else {
            assert!(reply.json.get("continuationToken").is_none());
            break;
        };
        let uri = next["uri"].as_str().unwrap();
        assert!(uri.contains("seekOperation=Next"), "{uri}");
        assert_eq!(next["headers"][0]["key"], "MS-ContinuationToken");
        let value = next["headers"][0]["value"].as_str().unwrap().to_owned();
        assert_eq!(reply.json["continuationToken"], value.as_str());
        reply = sandbox
            .call_with(
                Method::GET,
                &format!("/v1{uri}"),
                token,
                None,
                &[("MS-ContinuationToken", &value)],
            )
            .await;
    }
    out
}

async fn all_pages(sandbox: &Sandbox, token: &str, first: &str) -> Vec<Value> {
    pages(sandbox, token, first).await.concat()
}

fn unbilled(kind: &str, currency: &str, period: &str, size: usize) -> String {
    format!(
        "/v1/invoices/unbilled/lineitems?provider=onetime&invoicelineitemtype={kind}&currencycode={currency}&period={period}&size={size}"
    )
}

async fn buy(
    sandbox: &Sandbox,
    token: &str,
    customer: &str,
    availability: &Value,
    seats: i64,
) -> String {
    let cart = sandbox
        .cart(token, customer, vec![Sandbox::line(availability, seats)])
        .await;
    let result = sandbox
        .checkout(token, customer, cart["id"].as_str().unwrap())
        .await;
    assert!(result.status.is_success(), "{}", result.json);
    result.json["orders"][0]["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn estimate_links_name_the_unbilled_line_items_of_both_periods() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let links = sandbox
        .get("/v1/invoices/estimates/links?currencycode=eur", &token)
        .await;
    assert_eq!(links.status, StatusCode::OK, "{}", links.json);
    round_trips("Collection<EstimateLink>", &links);
    let items = links.json["items"].as_array().unwrap();
    let kinds: Vec<(&str, &str)> = items
        .iter()
        .map(|l| (l["type"].as_str().unwrap(), l["period"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("daily_rated_usage", "Current"),
            ("daily_rated_usage", "Previous"),
            ("non_consumption", "Current"),
            ("non_consumption", "Previous"),
        ]
    );
    for link in items {
        let uri = link["link"]["uri"].as_str().unwrap();
        assert!(uri.contains("currencycode=EUR"), "{uri}");
        let page = sandbox.get(&format!("/v1{uri}"), &token).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}: {}", page.json);
    }
    let missing = sandbox.get("/v1/invoices/estimates/links", &token).await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    assert_eq!(missing.json["code"], 800002);
}

#[tokio::test]
async fn purchases_are_unbilled_lines_of_the_current_period_until_the_close() {
    for db in databases().await {
        unbilled_reconciliation(&db.url).await;
    }
}

async fn unbilled_reconciliation(url: &str) {
    let sandbox = sandbox_on(url, quick()).await;
    let token = sandbox.token("contoso").await;
    // Before the first close: nothing in the previous period.
    for kind in ["billinglineitems", "usagelineitems"] {
        let previous = all_pages(&sandbox, &token, &unbilled(kind, "USD", "previous", 10)).await;
        assert!(previous.is_empty(), "{kind}: {previous:?}");
    }
    let availability = sandbox
        .availability(&token, BUSINESS_BASIC, "US", "commercial")
        .await;
    let mut orders = Vec::new();
    for seats in [3, 4, 5] {
        orders.push(buy(&sandbox, &token, NORTHWIND, &availability, seats).await);
    }
    // At once, in the current period, paged two by two with the continuation token.
    let current = pages(
        &sandbox,
        &token,
        &unbilled("billinglineitems", "USD", "current", 2),
    )
    .await;
    assert_eq!(current.len(), 2, "three lines on two pages: {current:?}");
    assert_eq!(current[0].len(), 2);
    // Only Northwind's: once a seeded subscription's term ends (Tailspin's Business Standard
    // on 2027-03-02), its renewal is a line of the current period too.
    let lines: Vec<Value> = current
        .concat()
        .into_iter()
        .filter(|l| l["customerId"] == NORTHWIND)
        .collect();
    let ordered: Vec<&str> = lines
        .iter()
        .map(|l| l["orderId"].as_str().unwrap())
        .collect();
    assert_eq!(
        ordered,
        orders.iter().map(String::as_str).collect::<Vec<_>>()
    );
    for line in &lines {
        assert_eq!(line["invoiceNumber"], "");
        assert_eq!(line["currency"], "USD");
        assert_eq!(line["customerId"], NORTHWIND);
        assert_eq!(line["chargeType"], "new");
        assert_eq!(line["attributes"]["objectType"], "OneTimeInvoiceLineItem");
    }
    assert_eq!(lines[0]["quantity"].as_f64(), Some(3.0));
    // Another currency has none of them.
    let eur = all_pages(
        &sandbox,
        &token,
        &unbilled("billinglineitems", "EUR", "current", 2000),
    )
    .await;
    assert!(eur.iter().all(|l| l["currency"] == "EUR"), "{eur:?}");
    assert!(
        !eur.iter()
            .any(|l| orders.contains(&l["orderId"].as_str().unwrap_or_default().to_owned()))
    );

    let closed = sandbox
        .call(Method::POST, "/sandbox/invoices/close", &token, None)
        .await;
    assert_eq!(closed.status, StatusCode::CREATED, "{}", closed.json);
    let invoice_id = closed.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["currencyCode"] == "USD")
        .and_then(|i| i["id"].as_str())
        .unwrap()
        .to_owned();

    // The current period is empty again; the closed one is the previous period.
    let current = all_pages(
        &sandbox,
        &token,
        &unbilled("billinglineitems", "USD", "current", 2000),
    )
    .await;
    assert!(current.is_empty(), "{current:?}");
    let previous: Vec<Value> = all_pages(
        &sandbox,
        &token,
        &unbilled("billinglineitems", "USD", "previous", 1),
    )
    .await
    .into_iter()
    .filter(|l| l["customerId"] == NORTHWIND)
    .collect();
    assert_eq!(previous.len(), 3);
    assert!(
        previous
            .iter()
            .all(|l| l["invoiceNumber"] == invoice_id.as_str())
    );

    // The invoice's billed lines: the same three, paged one by one.
    let billed = pages(
        &sandbox,
        &token,
        &format!("/v1/invoices/{invoice_id}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&currencycode=USD&size=1"),
    )
    .await;
    assert!(billed.len() >= 3, "one line per page: {billed:?}");
    let billed: Vec<&str> = billed
        .iter()
        .flatten()
        .filter(|l| l["customerId"] == NORTHWIND)
        .map(|l| l["orderId"].as_str().unwrap())
        .collect();
    assert_eq!(
        billed,
        orders.iter().map(String::as_str).collect::<Vec<_>>()
    );
    // In another currency, the USD invoice has no lines.
    let other = all_pages(
        &sandbox,
        &token,
        &format!("/v1/invoices/{invoice_id}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&currencycode=EUR"),
    )
    .await;
    assert!(other.is_empty());
}

#[tokio::test]
async fn azure_plans_rate_daily_usage_in_the_customers_currency() {
    for db in databases().await {
        rated_usage(&db.url).await;
    }
}

async fn rated_usage(url: &str) {
    let sandbox = sandbox_on(url, quick()).await;
    let token = sandbox.token("contoso").await;
    let first = unbilled("usagelineitems", "USD", "current", 2000);
    let usd = all_pages(&sandbox, &token, &first).await;
    assert!(!usd.is_empty());
    // Deterministic: a second read and a read in pages of five give the same lines.
    assert_eq!(all_pages(&sandbox, &token, &first).await, usd);
    let paged = pages(
        &sandbox,
        &token,
        &unbilled("usagelineitems", "USD", "current", 5),
    )
    .await;
    assert!(paged.len() > 1);
    assert_eq!(paged.concat(), usd);
    for line in &usd {
        assert_eq!(line["attributes"]["objectType"], "DailyRatedUsageLineItem");
        assert_eq!(line["billingCurrency"], "USD");
        assert_eq!(line["pricingCurrency"], "USD");
        assert_eq!(line["invoiceNumber"], "");
        assert_eq!(line["productId"], "DZH318Z0BPS6");
        let quantity = line["quantity"].as_f64().unwrap();
        let price = line["unitPrice"].as_f64().unwrap();
        let total = line["billingPreTaxTotal"].as_f64().unwrap();
        assert!(quantity > 0.0);
        assert!((quantity * price - total).abs() < 0.006, "{line}");
    }
    // Three meters a day per subscription.
    let meters: std::collections::BTreeSet<&str> =
        usd.iter().map(|l| l["meterId"].as_str().unwrap()).collect();
    assert_eq!(meters.len(), 3);

    // EUR customers are billed in EUR from USD prices at the exchange rate.
    let eur = all_pages(
        &sandbox,
        &token,
        &unbilled("usagelineitems", "EUR", "current", 2000),
    )
    .await;
    assert!(!eur.is_empty());
    for line in &eur {
        assert_eq!(line["billingCurrency"], "EUR");
        assert_eq!(line["pricingCurrency"], "USD");
        assert_eq!(line["pcToBCExchangeRate"].as_f64(), Some(0.92));
        let pricing = line["pricingPreTaxTotal"].as_f64().unwrap();
        let billing = line["billingPreTaxTotal"].as_f64().unwrap();
        assert!((pricing * 0.92 - billing).abs() < 0.011, "{line}");
    }
    let eur_subscriptions: std::collections::BTreeSet<&str> = eur
        .iter()
        .map(|l| l["subscriptionId"].as_str().unwrap())
        .collect();
    assert!(
        usd.iter()
            .all(|l| !eur_subscriptions.contains(l["subscriptionId"].as_str().unwrap()))
    );
    // A currency no customer is billed in has no usage.
    assert!(
        all_pages(
            &sandbox,
            &token,
            &unbilled("usagelineitems", "GBP", "current", 2000)
        )
        .await
        .is_empty()
    );

    let closed = sandbox
        .call(Method::POST, "/sandbox/invoices/close", &token, None)
        .await;
    assert_eq!(closed.status, StatusCode::CREATED, "{}", closed.json);
    let invoice = closed.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["currencyCode"] == "EUR")
        .expect("usage alone makes an EUR invoice")
        .clone();
    let id = invoice["id"].as_str().unwrap();
    assert!(
        invoice["invoiceDetails"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["invoiceLineItemType"] == "usage_line_items")
    );
    // The period's usage is now the invoice's billed consumption and the previous period's.
    let billed = all_pages(
        &sandbox,
        &token,
        &format!("/v1/invoices/{id}/lineitems?provider=onetime&invoicelineitemtype=usagelineitems&currencycode=EUR&size=7"),
    )
    .await;
    let unnumbered: Vec<Value> = billed
        .iter()
        .map(|l| {
            assert_eq!(l["invoiceNumber"], id);
            let mut l = l.clone();
            l["invoiceNumber"] = Value::from("");
            l
        })
        .collect();
    assert_eq!(unnumbered, eur);
    let previous = all_pages(
        &sandbox,
        &token,
        &unbilled("usagelineitems", "EUR", "previous", 2000),
    )
    .await;
    assert_eq!(previous, billed);
    let total: f64 = billed
        .iter()
        .map(|l| l["billingPreTaxTotal"].as_f64().unwrap())
        .sum();
    assert!((invoice["totalCharges"].as_f64().unwrap() - total).abs() < 0.001);
    // Nothing is billed twice: today's usage belongs to the closed period.
    let current = all_pages(
        &sandbox,
        &token,
        &unbilled("usagelineitems", "EUR", "current", 2000),
    )
    .await;
    assert!(current.is_empty(), "{current:?}");
    // The statement lists the consumption.
    let user = sandbox.user_token("admin@contoso.example").await;
    let pdf = sandbox
        .get(&format!("/v1/invoices/{id}/documents/statement"), &user)
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
}

#[tokio::test]
async fn unbilled_line_items_refuse_bad_input() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    for uri in [
        "/v1/invoices/unbilled/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&period=current",
        "/v1/invoices/unbilled/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&currencycode=US&period=current",
        "/v1/invoices/unbilled/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&currencycode=USD&period=last",
        "/v1/invoices/unbilled/lineitems?provider=onetime&invoicelineitemtype=receipts&currencycode=USD&period=current",
        "/v1/invoices/unbilled/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&currencycode=USD&period=current&seekOperation=Next",
    ] {
        let reply = sandbox.get(uri, &token).await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "{uri}: {}",
            reply.json
        );
        assert_eq!(reply.json["code"], 800002, "{uri}");
    }
    let forged = sandbox
        .call_with(
            Method::GET,
            &unbilled("billinglineitems", "USD", "current", 2),
            &token,
            None,
            &[("MS-ContinuationToken", "not-ours")],
        )
        .await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST);
    // Partner Center's own spellings of the parameters are accepted too.
    let spelled = sandbox
        .get(
            "/v1/invoices/unbilled/lineitems?provider=OneTime&invoiceLineItemType=BillingLineItems&currencyCode=usd&period=Previous&size=2000",
            &token,
        )
        .await;
    assert_eq!(spelled.status, StatusCode::OK, "{}", spelled.json);
}
