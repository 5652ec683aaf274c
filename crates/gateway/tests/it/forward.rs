//! `/v1/*` forwarding: the session's token and the caller's Partner Center headers go upstream,
//! the browser's cookies and any Authorization it sends do not; no session → 401; a cross-site
//! state-changing request → 403.

use std::time::Duration;

use reqwest::{Method, StatusCode};

use crate::common::{Browser, Recorder, UPSTREAM_DATE, authority, claims, gateway, sandbox};

#[tokio::test]
async fn the_forwarded_request_carries_the_sessions_token_and_the_callers_headers() {
    let sb = sandbox(Duration::from_secs(3600)).await;
    let (recorder, upstream) = Recorder::start().await;
    let gw = gateway(&authority(&sb), &upstream, "sqlite::memory:", |_| {}).await;
    let browser = Browser::new();
    browser.sign_in(&gw, "sales@contoso.example", "/").await;
    let body = serde_json::json!({"lineItems": [{"id": 0, "catalogItemId": "CFQ7TTC0LH18:0001:CFQ7TTC0K8P5", "quantity": 5}]});
    let response = browser
        .same_origin(Method::POST, &gw, "/v1/echo?size=2")
        .header("authorization", "Bearer attacker-chosen")
        .header("ms-requestid", "11111111-1111-4111-8111-111111111111")
        .header("ms-correlationid", "22222222-2222-4222-8222-222222222222")
        .header("x-locale", "sv-SE")
        .header("x-not-forwarded", "1")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED, "status passed back");
    assert_eq!(
        response.headers()["ms-requestid"],
        "11111111-1111-4111-8111-111111111111"
    );
    assert_eq!(
        response.headers()["date"],
        UPSTREAM_DATE,
        "Partner Center's clock, not the gateway's"
    );
    let echoed: serde_json::Value = response.json().await.unwrap();
    assert_eq!(echoed, body, "the body streamed both ways, unchanged");

    let seen = recorder.last("/v1/echo").unwrap();
    assert_eq!(seen.method, reqwest::Method::POST);
    assert_eq!(seen.uri.query(), Some("size=2"));
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&seen.body).unwrap(),
        body
    );
    let authorization = seen.headers["authorization"].to_str().unwrap();
    let token = authorization.strip_prefix("Bearer ").unwrap();
    assert_ne!(token, "attacker-chosen");
    let token_claims = claims(token);
    assert_eq!(token_claims["preferred_username"], "sales@contoso.example");
    assert_eq!(
        token_claims["aud"],
        "https://api.partnercenter.microsoft.com"
    );
    assert_eq!(
        seen.headers["ms-requestid"],
        "11111111-1111-4111-8111-111111111111"
    );
    assert_eq!(
        seen.headers["ms-correlationid"],
        "22222222-2222-4222-8222-222222222222"
    );
    assert_eq!(seen.headers["x-locale"], "sv-SE");
    assert!(
        seen.headers.get("cookie").is_none(),
        "the session cookie stays here"
    );
    assert!(seen.headers.get("x-not-forwarded").is_none());
    assert!(seen.headers.get("origin").is_none());
}

#[tokio::test]
async fn without_a_session_v1_answers_401_with_partner_centers_body() {
    let (recorder, upstream) = Recorder::start().await;
    let gw = gateway(
        "http://127.0.0.1:9/t/v2.0",
        &upstream,
        "sqlite::memory:",
        |_| {},
    )
    .await;
    let browser = Browser::new();
    for path in ["/v1/customers", "/v1"] {
        let response = browser
            .http
            .get(gw.at(path))
            .header("authorization", "Bearer something")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{path}");
        assert!(response.headers().contains_key("www-authenticate"));
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["code"], 800_001);
        assert!(
            body["description"]
                .as_str()
                .unwrap_or_default()
                .contains("sign in")
        );
    }
    // A forged cookie is no session either.
    let response = reqwest::Client::new()
        .get(gw.at("/v1/customers"))
        .header("cookie", "pc-session=forged")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(
        recorder.seen.lock().unwrap().is_empty(),
        "nothing forwarded"
    );
}

#[tokio::test]
async fn cross_site_state_changing_requests_are_refused() {
    let sb = sandbox(Duration::from_secs(3600)).await;
    let (recorder, upstream) = Recorder::start().await;
    let gw = gateway(&authority(&sb), &upstream, "sqlite::memory:", |_| {}).await;
    let browser = Browser::new();
    browser.sign_in(&gw, "sales@contoso.example", "/").await;
    let attempts = [
        (
            "Sec-Fetch-Site cross-site",
            vec![("sec-fetch-site", "cross-site".to_owned())],
        ),
        (
            "Sec-Fetch-Site same-site",
            vec![("sec-fetch-site", "same-site".to_owned())],
        ),
        (
            "another Origin",
            vec![("origin", "http://evil.example".to_owned())],
        ),
        ("no Origin at all", vec![]),
    ];
    for (what, headers) in attempts {
        for (method, path) in [
            (Method::POST, "/v1/customers/x/carts"),
            (Method::POST, "/auth/logout"),
            (Method::PUT, "/auth/partner"),
            (Method::DELETE, "/v1/anything"),
        ] {
            let mut request = browser.http.request(method.clone(), gw.at(path));
            for (name, value) in &headers {
                request = request.header(*name, value);
            }
            let response = request.body("{}").send().await.unwrap();
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{what}: {method} {path}"
            );
            let body: serde_json::Value = response.json().await.unwrap();
            assert!(
                body["description"]
                    .as_str()
                    .unwrap_or_default()
                    .starts_with("Refused")
            );
        }
    }
    assert!(
        recorder.last("/v1/customers/x/carts").is_none(),
        "nothing forwarded"
    );
    assert_eq!(
        browser.session(&gw).await["signedIn"],
        true,
        "still signed in"
    );
    // No CORS: a preflight gets no Access-Control-Allow-Origin.
    let preflight = browser
        .http
        .request(Method::OPTIONS, gw.at("/v1/customers"))
        .header("origin", "http://evil.example")
        .header("access-control-request-method", "POST")
        .send()
        .await
        .unwrap();
    assert!(
        !preflight
            .headers()
            .contains_key("access-control-allow-origin")
    );
    // The same request from the gateway's own origin goes through.
    let ok = browser
        .same_origin(Method::POST, &gw, "/v1/customers/x/carts")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    assert!(recorder.last("/v1/customers/x/carts").is_some());
}
