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
