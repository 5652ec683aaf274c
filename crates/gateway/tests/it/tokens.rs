//! Tokens after sign-in: refreshed before they expire, a refused refresh ends the session, and
//! ID tokens that fail a check never sign anyone in.

use std::time::Duration;

use reqwest::StatusCode;

use crate::common::{Browser, Recorder, authority, claims, gateway, sandbox};
use crate::fake_idp::{FakeIdp, Flaw};

/// Login → the fake provider (which authorizes at once) → the callback URL, not yet visited.
async fn fake_callback(browser: &Browser, gw: &crate::common::Gateway) -> String {
    let authorize = browser.redirect_of(&gw.at("/auth/login")).await;
    browser.redirect_of(&authorize).await
}

/// The bearer token the recorder last saw on `path`.
fn bearer(recorder: &Recorder, path: &str) -> String {
    let seen = recorder.last(path).expect("request reached the upstream");
    seen.headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .expect("bearer token")
        .to_owned()
}

#[tokio::test]
async fn the_access_token_is_refreshed_before_it_expires() {
    // The sandbox issues 6-second tokens; the gateway refreshes when less than 4 s are left.
    let sb = sandbox(Duration::from_secs(6)).await;
    let (recorder, upstream) = Recorder::start().await;
    let gw = gateway(&authority(&sb), &upstream, "sqlite::memory:", |c| {
        c.refresh_before = Duration::from_secs(4);
    })
    .await;
    let browser = Browser::new();
    browser.sign_in(&gw, "sales@contoso.example", "/").await;
    let ok = browser.http.get(gw.at("/v1/one")).send().await.unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    let first = bearer(&recorder, "/v1/one");
    assert_eq!(
        claims(&first)["preferred_username"],
        "sales@contoso.example"
    );
    tokio::time::sleep(Duration::from_millis(2600)).await;
    // Under 4 s left now: this call goes out with a new token, before the old one expired.
    let ok = browser.http.get(gw.at("/v1/two")).send().await.unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    let second = bearer(&recorder, "/v1/two");
    assert_ne!(first, second, "a refreshed token");
    assert!(claims(&second)["exp"].as_i64() > claims(&first)["exp"].as_i64());
    assert_eq!(
        claims(&second)["preferred_username"],
        "sales@contoso.example"
    );
    // And the refreshed token is used until it too runs low.
    let ok = browser.http.get(gw.at("/v1/three")).send().await.unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    assert_eq!(bearer(&recorder, "/v1/three"), second);
}

#[tokio::test]
async fn concurrent_calls_refresh_once() {
    let sb = sandbox(Duration::from_secs(5)).await;
    let (recorder, upstream) = Recorder::start().await;
    let gw = gateway(&authority(&sb), &upstream, "sqlite::memory:", |c| {
        c.refresh_before = Duration::from_secs(4);
    })
    .await;
    let browser = Browser::new();
    browser.sign_in(&gw, "sales@contoso.example", "/").await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    // Eight calls at once, all needing a refresh: the sandbox rotates refresh tokens, so a second
    // refresh with the old one would be refused and end the session.
    let calls = (0..8).map(|i| browser.http.get(gw.at(&format!("/v1/c{i}"))).send());
    for response in futures_util::future::join_all(calls).await {
        assert_eq!(response.unwrap().status(), StatusCode::OK);
    }
    let tokens: std::collections::HashSet<String> = (0..8)
        .map(|i| bearer(&recorder, &format!("/v1/c{i}")))
        .collect();
    assert_eq!(tokens.len(), 1, "one refresh, one new token for all");
    assert_eq!(browser.session(&gw).await["signedIn"], true);
}

#[tokio::test]
async fn a_refused_refresh_ends_the_session() {
    let (idp, issuer) = FakeIdp::start(2).await;
    let (_recorder, upstream) = Recorder::start().await;
    let gw = gateway(&issuer, &upstream, "sqlite::memory:", |c| {
        c.refresh_before = Duration::from_secs(60);
    })
    .await;
    let browser = Browser::new();
    let callback = fake_callback(&browser, &gw).await;
    let landed = browser.redirect_of(&callback).await;
    assert_eq!(landed, "/");
    assert_eq!(browser.session(&gw).await["signedIn"], true);
    idp.refuse_refresh(true);
    let response = browser
        .http
        .get(gw.at("/v1/customers"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["code"], 800_001);
    assert!(
        body["description"]
            .as_str()
            .unwrap_or_default()
            .contains("could not be renewed"),
        "{body}"
    );
    assert_eq!(browser.session(&gw).await["signedIn"], false);
    assert_eq!(gw.state.store().session_count().await.unwrap(), 0);
}

#[tokio::test]
async fn id_tokens_that_fail_a_check_sign_nobody_in() {
    let (idp, issuer) = FakeIdp::start(3600).await;
    let (_recorder, upstream) = Recorder::start().await;
    let gw = gateway(&issuer, &upstream, "sqlite::memory:", |_| {}).await;
    for flaw in [
        Flaw::BadSignature,
        Flaw::WrongAudience,
        Flaw::WrongIssuer,
        Flaw::Expired,
        Flaw::WrongNonce,
    ] {
        idp.set_flaw(flaw);
        let browser = Browser::new();
        let callback = fake_callback(&browser, &gw).await;
        let response = browser.http.get(&callback).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{flaw:?}");
        let page = response.text().await.unwrap();
        assert!(page.contains("Sign-in refused"), "{flaw:?}: {page}");
        assert_eq!(browser.session(&gw).await["signedIn"], false, "{flaw:?}");
    }
    assert_eq!(gw.state.store().session_count().await.unwrap(), 0);
    // The same provider with nothing wrong signs in.
    idp.set_flaw(Flaw::None);
    let browser = Browser::new();
    let callback = fake_callback(&browser, &gw).await;
    assert_eq!(browser.redirect_of(&callback).await, "/");
    let session = browser.session(&gw).await;
    assert_eq!(session["user"]["name"], "Fay Fake");
    assert_eq!(session["partner"]["country"], "US");
}

#[tokio::test]
async fn require_mfa_reads_the_amr_claim() {
    let (idp, issuer) = FakeIdp::start(3600).await;
    let (_recorder, upstream) = Recorder::start().await;
    let gw = gateway(&issuer, &upstream, "sqlite::memory:", |c| {
        c.require_mfa = true
    })
    .await;
    idp.set_amr(vec!["pwd"]);
    let browser = Browser::new();
    let callback = fake_callback(&browser, &gw).await;
    let response = browser.http.get(&callback).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    idp.set_amr(vec!["pwd", "mfa"]);
    let callback = fake_callback(&browser, &gw).await;
    assert_eq!(browser.redirect_of(&callback).await, "/");
}

#[tokio::test]
async fn an_unreachable_identity_provider_is_a_plain_page() {
    let (_recorder, upstream) = Recorder::start().await;
    let gw = gateway(
        "http://127.0.0.1:9/tenant/v2.0",
        &upstream,
        "sqlite::memory:",
        |_| {},
    )
    .await;
    let response = Browser::new()
        .http
        .get(gw.at("/auth/login"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_GATEWAY);
    assert!(response.text().await.unwrap().contains("not reachable"));
}
