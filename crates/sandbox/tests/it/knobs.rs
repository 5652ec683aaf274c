use std::num::NonZeroU32;
use std::time::Duration;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};

use crate::common::*;

#[tokio::test]
async fn over_the_limit_calls_get_429_with_retry_after_and_the_throttling_body() {
    let config = pc_sandbox::Config {
        throttle_per_minute: NonZeroU32::new(5),
        ..quick()
    };
    let sandbox = sandbox(config).await;
    let contoso = sandbox.token("contoso").await;
    let fabrikam = sandbox.token("fabrikam").await;
    let mut statuses = Vec::new();
    let mut throttled = None;
    for _ in 0..8 {
        let reply = sandbox.get("/v1/customers", &contoso).await;
        statuses.push(reply.status.as_u16());
        if reply.status == StatusCode::TOO_MANY_REQUESTS {
            throttled = Some(reply);
        }
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        5,
        "{statuses:?}"
    );
    let reply = throttled.expect("throttled");
    let retry_after: u64 = reply.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after));
    assert_eq!(reply.json["statusCode"], 429);
    assert_eq!(
        reply.json["message"],
        format!("Rate limit is exceeded. Try again in {retry_after} seconds.")
    );
    // Another partner has its own budget.
    assert_eq!(
        sandbox.get("/v1/customers", &fabrikam).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn injected_faults_answer_503_or_504_and_latency_delays_calls() {
    let config = pc_sandbox::Config {
        fault_rate: 1.0,
        ..quick()
    };
    let sandbox = sandbox(config).await;
    let token = sandbox.token("contoso").await;
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..40 {
        seen.insert(sandbox.get("/v1/customers", &token).await.status.as_u16());
    }
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), vec![503, 504]);

    let slow = sandbox_on(
        "sqlite::memory:",
        pc_sandbox::Config {
            latency: Duration::from_millis(300),
            ..quick()
        },
    )
    .await;
    let token = slow.token("contoso").await;
    let started = std::time::Instant::now();
    assert_eq!(
        slow.get("/v1/customers", &token).await.status,
        StatusCode::OK
    );
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn request_and_correlation_ids_are_echoed_or_generated() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let sent = sandbox
        .call_with(
            Method::GET,
            "/v1/customers",
            &token,
            None,
            &[
                ("MS-RequestId", "r-1"),
                ("MS-CorrelationId", "c-1"),
                ("X-Locale", "sv-SE"),
            ],
        )
        .await;
    assert_eq!(sent.headers["ms-requestid"], "r-1");
    assert_eq!(sent.headers["ms-correlationid"], "c-1");
    assert_eq!(sent.headers["x-locale"], "sv-SE");
    let generated = sandbox.get("/v1/customers", &token).await;
    assert!(uuid::Uuid::parse_str(generated.headers["ms-requestid"].to_str().unwrap()).is_ok());
    assert!(uuid::Uuid::parse_str(generated.headers["ms-correlationid"].to_str().unwrap()).is_ok());
}

#[tokio::test]
async fn openapi_describes_every_route_and_every_described_route_is_served() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.token("contoso").await;
    let doc = sandbox
        .send(Request::get("/openapi.json").body(Body::empty()).unwrap())
        .await;
    assert_eq!(doc.json["openapi"], "3.1.0");
    let paths = doc.json["paths"].as_object().unwrap();
    for required in [
        "/v1/products",
        "/v1/extensions/product/checkInventory",
        "/v1/customers/{customer_id}/carts",
        "/v1/customers/{customer_id}/carts/{cart_id}/checkout",
        "/v1/customers/{customer_id}/orders/{order_id}/provisioningstatus",
        "/v1/customers/{customer_id}/subscriptions/{subscription_id}/registrations",
        "/v1/customers/{customer_id}/entitlements",
        "/v1/invoices/{invoice_id}/documents/statement",
        "/v1/invoices/{invoice_id}/lineitems",
        "/v1/customers/{customer_id}/agreements",
        "/sandbox/clock",
    ] {
        assert!(paths.contains_key(required), "{required} missing");
    }
    for (path, method) in [
        (
            "/v1/customers/{customer_id}/subscriptions/{subscription_id}",
            "patch",
        ),
        ("/v1/customers/{customer_id}/orders/{order_id}", "patch"),
        ("/sandbox/clock", "post"),
    ] {
        assert!(paths[path].get(method).is_some(), "{method} {path} missing");
    }
    let patch = &paths["/v1/customers/{customer_id}/subscriptions/{subscription_id}"]["patch"];
    assert!(patch["responses"].get("412").is_some(), "{patch}");
    assert!(patch["requestBody"].is_object(), "{patch}");
    for (path, operations) in paths {
        for method in operations.as_object().unwrap().keys() {
            let uri = path.replace('{', "x").replace('}', "");
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let reply = sandbox.call(method.clone(), &uri, &token, None).await;
            let unrouted = reply.status == StatusCode::METHOD_NOT_ALLOWED
                || reply.json["description"]
                    .as_str()
                    .is_some_and(|d| d.starts_with("No such endpoint"));
            assert!(
                !unrouted,
                "{method} {path} is described but not served: {}",
                reply.json
            );
        }
    }
    let unknown = sandbox.get("/v1/nothing/here", &token).await;
    assert!(
        unknown.json["description"]
            .as_str()
            .unwrap()
            .starts_with("No such endpoint")
    );
}

#[tokio::test]
async fn dashboards_on_other_origins_may_call_with_a_bearer_token() {
    let sandbox = sandbox(quick()).await;
    let preflight = sandbox
        .send(
            Request::builder()
                .method(Method::OPTIONS)
                .uri("/v1/customers")
                .header("origin", "https://dashboard.example")
                .header("access-control-request-method", "POST")
                .header(
                    "access-control-request-headers",
                    "authorization,content-type,ms-requestid",
                )
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(preflight.status.is_success(), "{}", preflight.status);
    assert_eq!(preflight.headers["access-control-allow-origin"], "*");
    let token = sandbox.token("contoso").await;
    let reply = sandbox
        .call_with(
            Method::GET,
            "/v1/customers",
            &token,
            None,
            &[("origin", "https://dashboard.example")],
        )
        .await;
    let exposed = reply.headers["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(
        exposed.contains("ms-requestid") && exposed.contains("retry-after"),
        "{exposed}"
    );
}
