use axum::http::{Method, StatusCode};

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
    let invoice = &closed.json["items"][0];
    assert_eq!(invoice["currencyCode"], "USD");
    assert!((invoice["totalCharges"].as_f64().unwrap() - total).abs() < 0.001);
    let id = invoice["id"].as_str().unwrap();

    let lines = sandbox.get(&format!("/v1/invoices/{id}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&size=2000"), &token).await;
    let item = &lines.json["items"][0];
    assert_eq!(item["orderId"], order_id.as_str());
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
