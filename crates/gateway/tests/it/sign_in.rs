//! Sign-in through pc-sandbox's Entra-shaped identity provider, as a browser does it.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use url::Url;

use crate::common::{Browser, CONTOSO, authority, gateway, location, sandbox};

#[tokio::test]
async fn login_redirects_with_pkce_state_and_nonce() {
    let sb = sandbox(Duration::from_secs(3600)).await;
    let gw = gateway(&authority(&sb), &sb, "sqlite::memory:", |_| {}).await;
    let browser = Browser::new();
    let response = browser
        .http
        .get(gw.at("/auth/login?return_to=/customers"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let set_cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(set_cookie.starts_with("pc-login="), "{set_cookie}");
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    assert!(
        !set_cookie.contains("Secure"),
        "plain http on loopback: {set_cookie}"
    );
    let url = Url::parse(&location(&response)).unwrap();
    assert!(
        url.as_str()
            .starts_with(&format!("{}{CONTOSO}/oauth2/v2.0/authorize", sb.as_str())),
        "{url}"
    );
    let q: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
    assert_eq!(q["response_type"], "code");
    assert_eq!(q["client_id"], "contoso-portal");
    assert_eq!(q["redirect_uri"], gw.at("/auth/callback"));
    assert_eq!(q["code_challenge_method"], "S256");
    assert_eq!(q["code_challenge"].len(), 43, "base64url SHA-256");
    assert!(q["state"].len() >= 16 && q["nonce"].len() >= 16);
    let scopes: Vec<&str> = q["scope"].split(' ').collect();
    for scope in [
        "openid",
        "https://api.partnercenter.microsoft.com/user_impersonation",
        "offline_access",
    ] {
        assert!(scopes.contains(&scope), "{scopes:?}");
    }
    // Every sign-in gets its own secrets.
    let again = Url::parse(&browser.redirect_of(&gw.at("/auth/login")).await).unwrap();
    let q2: std::collections::HashMap<_, _> = again.query_pairs().into_owned().collect();
    assert_ne!(q["state"], q2["state"]);
    assert_ne!(q["nonce"], q2["nonce"]);
    assert_ne!(q["code_challenge"], q2["code_challenge"]);
}

#[tokio::test]
async fn a_signed_in_browser_sees_who_and_the_partner_but_never_a_token() {
    let sb = sandbox(Duration::from_secs(3600)).await;
    let gw = gateway(&authority(&sb), &sb, "sqlite::memory:", |_| {}).await;
    let browser = Browser::new();
    assert_eq!(
        browser.session(&gw).await,
        serde_json::json!({"signedIn": false})
    );
    browser
        .sign_in(&gw, "sales@contoso.example", "/customers/deep?link=1")
        .await;
    let session = browser.session(&gw).await;
    assert_eq!(session["signedIn"], true);
    assert_eq!(session["user"]["email"], "sales@contoso.example");
    assert_eq!(session["user"]["name"], "Sam Sales");
    assert_eq!(session["user"]["roles"], serde_json::json!(["SalesAgents"]));
    assert_eq!(session["tenantId"], CONTOSO);
    // From Partner Center (the sandbox's legal business profile and account balance).
    assert_eq!(
        session["partner"],
        serde_json::json!({"country": "US", "billingCurrency": "USD", "perpetualSoftwareQualified": false})
    );
    assert!(session.get("canConfirmQualification").is_none());
    let text = session.to_string();
    assert!(!text.contains("eyJ"), "no JWT in {text}");
    // Tokens are stored sealed, never in clear.
    let sealed = gw.state.store().sealed_tokens().await.unwrap();
    assert_eq!(sealed.len(), 1);
    // A JWT begins with the base64 of `{"typ"` or `{"alg"`; "eyJ" alone also turns up by chance
    // in sealed bytes written as base64 (about once in 150 sign-ins).
    for header in ["eyJ0eXAi", "eyJhbGci"] {
        assert!(!sealed[0].contains(header), "a JWT in clear: {}", sealed[0]);
    }
    // The cookie works for /v1: the sandbox answers with this partner's customers.
    let customers = browser
        .http
        .get(gw.at("/v1/customers"))
        .send()
        .await
        .unwrap();
    assert_eq!(customers.status(), StatusCode::OK);
    let body: serde_json::Value = customers.json().await.unwrap();
    assert!(body["totalCount"].as_u64().unwrap_or(0) > 0, "{body}");
}

/// The `pc-session` Set-Cookie of a callback visit.
async fn session_cookie_of(browser: &Browser, callback: &str) -> String {
    let response = browser.http.get(callback).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("pc-session="))
        .expect("session cookie")
        .to_owned()
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_renewed_at_every_sign_in() {
    let sb = sandbox(Duration::from_secs(3600)).await;
    let gw = gateway(&authority(&sb), &sb, "sqlite::memory:", |_| {}).await;
    let browser = Browser::new();
    let callback = browser.authorize(&gw, "sales@contoso.example", "/").await;
    let first = session_cookie_of(&browser, &callback).await;
    assert!(
        first.contains("HttpOnly") && first.contains("SameSite=Lax"),
        "{first}"
    );
    assert!(first.contains("Path=/"), "{first}");
    // Signing in again: a new session ID, the old session ended, one session stored.
    let callback = browser.authorize(&gw, "admin@contoso.example", "/").await;
    let second = session_cookie_of(&browser, &callback).await;
    let value = |c: &str| c.split(';').next().unwrap_or_default().to_owned();
    assert_ne!(value(&first), value(&second));
    assert_eq!(gw.state.store().session_count().await.unwrap(), 1);
    assert_eq!(
        browser.session(&gw).await["user"]["email"],
        "admin@contoso.example"
    );
}

#[tokio::test]
async fn the_callback_refuses_a_wrong_state_and_a_replayed_code() {
    let sb = sandbox(Duration::from_secs(3600)).await;
    let gw = gateway(&authority(&sb), &sb, "sqlite::memory:", |_| {}).await;

    // A wrong state: nothing signed in.
    let browser = Browser::new();
    let callback = browser.authorize(&gw, "sales@contoso.example", "/").await;
    let mut forged = Url::parse(&callback).unwrap();
    let pairs: Vec<(String, String)> = forged
        .query_pairs()
        .into_owned()
        .map(|(k, v)| {
            if k == "state" {
                (k, "forged".to_owned())
            } else {
                (k, v)
            }
        })
        .collect();
    forged.query_pairs_mut().clear().extend_pairs(pairs);
    let response = browser.http.get(forged.as_str()).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("does not belong to the sign-in")
    );
    assert_eq!(browser.session(&gw).await["signedIn"], false);

    // The same callback twice: the second is refused (the sign-in under way is single use).
    let browser = Browser::new();
    let signed = browser.sign_in(&gw, "sales@contoso.example", "/").await;
    assert_eq!(signed.landed, "/");
    let replay = browser.http.get(&signed.callback).send().await.unwrap();
    assert_eq!(replay.status(), StatusCode::BAD_REQUEST);
    assert!(replay.text().await.unwrap().contains("already used"));

    // A used code carried into a new sign-in: the identity provider refuses it.
    let attacker = Browser::new();
    let fresh = Url::parse(
        &attacker
            .authorize(&gw, "helpdesk@contoso.example", "/")
            .await,
    )
    .unwrap();
    let old = Url::parse(&signed.callback).unwrap();
    let old_code = old
        .query_pairs()
        .find(|(k, _)| k == "code")
        .map(|(_, v)| v.into_owned())
        .unwrap();
    let pairs: Vec<(String, String)> = fresh
        .query_pairs()
        .into_owned()
        .map(|(k, v)| {
            if k == "code" {
                (k, old_code.clone())
            } else {
                (k, v)
            }
        })
        .collect();
    let mut replayed = fresh.clone();
    replayed.query_pairs_mut().clear().extend_pairs(pairs);
    let response = attacker.http.get(replayed.as_str()).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(attacker.session(&gw).await["signedIn"], false);

    // An error from the provider (the user cancelled) is a plain page.
    let response = Browser::new()
        .http
        .get(gw.at("/auth/callback?error=access_denied&error_description=The+user+cancelled"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("The user cancelled")
    );
}

#[tokio::test]
async fn require_mfa_refuses_a_password_only_sign_in() {
    let sb = sandbox(Duration::from_secs(3600)).await;
    let gw = gateway(&authority(&sb), &sb, "sqlite::memory:", |c| {
        c.require_mfa = true
    })
    .await;
    let browser = Browser::new();
    let callback = browser.authorize(&gw, "nomfa@contoso.example", "/").await;
    let response = browser
        .http
        .get(&callback)
        .header("accept-language", "sv-SE,sv;q=0.9,en;q=0.5")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let page = response.text().await.unwrap();
    assert!(page.contains("<html lang=\"sv-SE\""), "{page}");
    assert!(
        page.contains("flerfaktorsautentisering"),
        "in the browser's language: {page}"
    );
    assert_eq!(browser.session(&gw).await["signedIn"], false);
    assert_eq!(gw.state.store().session_count().await.unwrap(), 0);
    // With MFA in `amr`, the same gateway signs in.
    let browser = Browser::new();
    browser.sign_in(&gw, "admin@contoso.example", "/").await;
    assert_eq!(browser.session(&gw).await["signedIn"], true);
}

#[tokio::test]
async fn logout_ends_the_session_everywhere() {
    let sb = sandbox(Duration::from_secs(3600)).await;
    let gw = gateway(&authority(&sb), &sb, "sqlite::memory:", |_| {}).await;
    let browser = Browser::new();
    browser.sign_in(&gw, "sales@contoso.example", "/").await;
    let response = browser
        .same_origin(Method::POST, &gw, "/auth/logout")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/");
    assert_eq!(browser.session(&gw).await["signedIn"], false);
    assert_eq!(gw.state.store().session_count().await.unwrap(), 0);
    let v1 = browser
        .http
        .get(gw.at("/v1/customers"))
        .send()
        .await
        .unwrap();
    assert_eq!(v1.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn only_an_admin_agent_confirms_the_perpetual_software_qualification() {
    let sb = sandbox(Duration::from_secs(3600)).await;
    let gw = gateway(&authority(&sb), &sb, "sqlite::memory:", |_| {}).await;
    let sales = Browser::new();
    sales.sign_in(&gw, "sales@contoso.example", "/").await;
    let refused = sales
        .same_origin(Method::PUT, &gw, "/auth/partner")
        .json(&serde_json::json!({"perpetualSoftwareQualified": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let body: serde_json::Value = refused.json().await.unwrap();
    assert!(
        body["description"]
            .as_str()
            .unwrap_or_default()
            .contains("Admin agent")
    );

    let admin = Browser::new();
    admin.sign_in(&gw, "admin@contoso.example", "/").await;
    assert_eq!(admin.session(&gw).await["canConfirmQualification"], true);
    let confirmed = admin
        .same_origin(Method::PUT, &gw, "/auth/partner")
        .json(&serde_json::json!({"perpetualSoftwareQualified": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(confirmed.status(), StatusCode::OK);
    let profile: serde_json::Value = confirmed.json().await.unwrap();
    assert_eq!(profile["perpetualSoftwareQualified"], true);
    // Kept for the partner: the sales agent's session sees it too.
    assert_eq!(
        sales.session(&gw).await["partner"]["perpetualSoftwareQualified"],
        true
    );
    // A malformed body loses nothing and says why.
    let bad = admin
        .same_origin(Method::PUT, &gw, "/auth/partner")
        .header("content-type", "application/json")
        .body("{\"perpetualSoftwareQualified\": \"yes\"}")
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        sales.session(&gw).await["partner"]["perpetualSoftwareQualified"],
        true
    );
}

#[tokio::test]
async fn partner_center_unreachable_at_sign_in_is_said_plainly() {
    let sb = sandbox(Duration::from_secs(3600)).await;
    let nowhere = Url::parse("http://127.0.0.1:9/").unwrap();
    let gw = gateway(&authority(&sb), &nowhere, "sqlite::memory:", |_| {}).await;
    let browser = Browser::new();
    browser.sign_in(&gw, "sales@contoso.example", "/").await;
    let session = browser.session(&gw).await;
    assert_eq!(session["signedIn"], true);
    assert!(session.get("partner").is_none(), "{session}");
    assert!(
        session["partnerError"]
            .as_str()
            .unwrap_or_default()
            .contains("could not be reached"),
        "{session}"
    );
}
