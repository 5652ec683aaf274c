use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn customers_list_pages_with_a_continuation_token() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let first = sandbox.get("/v1/customers?size=4", &token).await;
    assert_eq!(first.json["items"].as_array().unwrap().len(), 4);
    let next = &first.json["links"]["next"];
    let header = next["headers"][0]["value"]
        .as_str()
        .expect("continuation token");
    assert_eq!(next["headers"][0]["key"], "MS-ContinuationToken");
    let second = sandbox
        .call_with(
            Method::GET,
            &format!("/v1{}", next["uri"].as_str().unwrap()),
            &token,
            None,
            &[("MS-ContinuationToken", header)],
        )
        .await;
    let rest = second.json["items"].as_array().unwrap();
    assert!(!rest.is_empty());
    assert!(second.json["links"].get("next").is_none());
    assert!(rest.iter().all(|c| {
        first.json["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["id"] != c["id"])
    }));
    let customer = sandbox
        .get(&format!("/v1/customers/{WINGTIP_BR}"), &token)
        .await;
    assert_eq!(
        customer.json["billingProfile"]["defaultAddress"]["country"],
        "BR"
    );
    assert_eq!(customer.json["attributes"]["objectType"], "Customer");
}

#[tokio::test]
async fn confirming_the_customer_agreement_is_recorded_and_validated() {
    let sandbox = sandbox(quick()).await;
    // Accepting an agreement is App+User only.
    let token = sandbox.user_token("admin@contoso.example").await;
    let before = sandbox
        .get(
            &format!("/v1/customers/{ADATUM}/agreements?agreementType=MicrosoftCustomerAgreement"),
            &token,
        )
        .await;
    assert_eq!(before.json["items"].as_array().unwrap().len(), 0);
    let template = sandbox
        .get(
            "/v1/agreements?agreementType=MicrosoftCustomerAgreement",
            &token,
        )
        .await;
    let template_id = template.json["items"][0]["templateId"]
        .as_str()
        .unwrap()
        .to_owned();

    let incomplete = sandbox
        .call(Method::POST, &format!("/v1/customers/{ADATUM}/agreements"), &token, Some(json!({ "type": "MicrosoftCustomerAgreement", "templateId": template_id, "dateAgreed": "2026-11-20T00:00:00Z" })))
        .await;
    assert_eq!(incomplete.status, StatusCode::BAD_REQUEST);
    assert!(
        incomplete.json["description"]
            .as_str()
            .unwrap()
            .contains("primaryContact")
    );

    let body = json!({
        "primaryContact": { "firstName": "Janet", "lastName": "Leverling", "email": "janet@adatum.onmicrosoft.com" },
        "templateId": template_id, "dateAgreed": "2026-11-20T00:00:00Z", "type": "MicrosoftCustomerAgreement"
    });
    let created = sandbox
        .call(
            Method::POST,
            &format!("/v1/customers/{ADATUM}/agreements"),
            &token,
            Some(body),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.json);
    let after = sandbox
        .get(&format!("/v1/customers/{ADATUM}/agreements"), &token)
        .await;
    assert_eq!(after.json["items"][0]["type"], "MicrosoftCustomerAgreement");
}

#[tokio::test]
async fn qualifications_tell_the_education_segment() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let edu = sandbox
        .get(
            &format!("/v1/customers/{WOODGROVE_EDU}/qualifications"),
            &token,
        )
        .await;
    assert_eq!(edu.json[0]["qualification"], "Education");
    let commercial = sandbox
        .get(&format!("/v1/customers/{NORTHWIND}/qualifications"), &token)
        .await;
    assert_eq!(commercial.json.as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn seeded_holdings_are_orders_from_which_the_context_builder_finds_the_eu_rule() {
    use pc_core::rules::{ContextSources, FindingCode, ProductKind, build_purchase_context};

    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("fabrikam").await;
    let orders = sandbox
        .get(&format!("/v1/customers/{VATTERN}/orders"), &token)
        .await;
    assert_eq!(orders.status, StatusCode::OK);
    let items = orders.json["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{}", orders.json);
    assert_eq!(items[0]["currencyCode"], "EUR");
    let offer = items[0]["lineItems"][0]["offerId"].as_str().unwrap();
    assert!(offer.starts_with("DZH318Z0BPS6:"), "{offer}");
    let subscriptions = sandbox
        .get(&format!("/v1/customers/{VATTERN}/subscriptions"), &token)
        .await;
    assert_eq!(
        subscriptions.json["items"][0]["orderId"], items[0]["id"],
        "the subscription names its order"
    );
    let by_id = sandbox
        .get(
            &format!(
                "/v1/customers/{VATTERN}/orders/{}",
                items[0]["id"].as_str().unwrap()
            ),
            &token,
        )
        .await;
    assert_eq!(by_id.status, StatusCode::OK);

    // The portal's derivation, from the API's answers only.
    let customer = sandbox
        .get(&format!("/v1/customers/{VATTERN}"), &token)
        .await;
    let qualifications = sandbox
        .get(&format!("/v1/customers/{VATTERN}/qualifications"), &token)
        .await;
    let agreements = sandbox
        .get(&format!("/v1/customers/{VATTERN}/agreements"), &token)
        .await;
    let product = sandbox
        .get("/v1/products/DZH318Z0BPS6?country=SE", &token)
        .await;
    let basic = sandbox
        .availability(&token, BUSINESS_BASIC, "SE", "commercial")
        .await;
    let sources: ContextSources = serde_json::from_value(json!({
        "now": "2026-11-22T10:00:00Z",
        "partner": { "country": "SE", "billingCurrency": "SEK" },
        "customer": customer.json,
        "qualifications": qualifications.json,
        "agreements": agreements.json["items"],
        "orders": orders.json["items"],
        "subscriptions": subscriptions.json["items"],
        "products": [product.json],
        "catalog": [basic.clone()],
    }))
    .unwrap();
    let context = build_purchase_context(&sources);
    assert!(!context.customer.is_new_customer);
    assert_eq!(context.customer.existing_purchases.len(), 1);
    assert_eq!(
        context.customer.existing_purchases[0].kind,
        ProductKind::AzurePlan
    );
    assert_eq!(context.customer.existing_purchases[0].currency, "EUR");
    let cart: pc_core::models::Cart =
        serde_json::from_value(json!({ "lineItems": [Sandbox::line(&basic, 1)] })).unwrap();
    let validation = pc_core::validate_cart(&cart, &context);
    assert!(
        validation
            .findings
            .iter()
            .any(|f| f.code == FindingCode::EuCustomerIneligible),
        "{:?}",
        validation.findings
    );
}
