//! The identity provider: discovery, JWKS, the sign-in page, the code flow with PKCE, refresh
//! rotation, the password grant, and what app-only and Helpdesk tokens may do on `/v1`.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};

use crate::common::*;

const CONTOSO_ID: &str = "4b3d2f0a-6c1e-4e8a-9f21-0c5a7d3e1b01";
const FABRIKAM_ID: &str = "8e7c6b5a-4d3c-4b2a-8190-fa1b2c3d4e02";
const PC: &str = "https://api.partnercenter.microsoft.com";
const REDIRECT: &str = "http://127.0.0.1:8765/auth/callback";
const VERIFIER: &str = "a-code-verifier-of-sufficient-length-0123456789-abcdefghij";
const USER_SCOPE: &str =
    "https://api.partnercenter.microsoft.com/user_impersonation openid profile offline_access";

fn challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

fn get_with_host(uri: &str, host: &str) -> Request<Body> {
    Request::get(uri)
        .header("host", host)
        .body(Body::empty())
        .unwrap()
}

/// The authorize parameters of a good request, as (name, value).
fn authorize_params(verifier: &str) -> Vec<(&'static str, String)> {
    vec![
        ("client_id", "contoso-portal".to_owned()),
        ("response_type", "code".to_owned()),
        ("redirect_uri", REDIRECT.to_owned()),
        ("scope", USER_SCOPE.to_owned()),
        ("state", "st-1".to_owned()),
        ("nonce", "n-0S6_WzA2Mj".to_owned()),
        ("code_challenge", challenge(verifier)),
        ("code_challenge_method", "S256".to_owned()),
    ]
}

fn query(params: &[(&str, String)]) -> String {
    params
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn location_query(reply: &Reply) -> Vec<(String, String)> {
    let location = reply.headers["location"].to_str().unwrap();
    let url = url::Url::parse(location).unwrap();
    url.query_pairs().into_owned().collect()
}

fn param<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Signs in at the page as `username` and returns the code.
async fn sign_in(sandbox: &Sandbox, username: &str, verifier: &str) -> String {
    let mut fields = authorize_params(verifier);
    fields.push(("username", username.to_owned()));
    fields.push(("password", "demo".to_owned()));
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let reply = sandbox
        .form("/contoso/oauth2/v2.0/authorize", &fields)
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let pairs = location_query(&reply);
    assert!(
        reply.headers["location"]
            .to_str()
            .unwrap()
            .starts_with(REDIRECT)
    );
    assert_eq!(param(&pairs, "state"), Some("st-1"));
    param(&pairs, "code").unwrap().to_owned()
}

fn basic(id: &str, secret: &str) -> String {
    let raw = format!("{}:{}", encode(id), encode(secret));
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(raw)
    )
}

async fn redeem(sandbox: &Sandbox, code: &str, verifier: &str, redirect: &str) -> Reply {
    sandbox
        .form_with(
            "/contoso/oauth2/v2.0/token",
            &[
                ("grant_type", "authorization_code"),
                ("code", code),
                ("redirect_uri", redirect),
                ("code_verifier", verifier),
            ],
            &[(
                "authorization",
                &basic("contoso-portal", "contoso-portal-secret"),
            )],
        )
        .await
}

/// The JWKS of `sandbox` and the claims of `token` verified with it.
async fn verify(sandbox: &Sandbox, token: &str, audience: &str) -> Value {
    let keys = sandbox
        .send(get_with_host("/contoso/discovery/v2.0/keys", "localhost"))
        .await;
    let set: JwkSet = serde_json::from_value(keys.json.clone()).unwrap();
    let header = jsonwebtoken::decode_header(token).unwrap();
    assert_eq!(header.alg, Algorithm::RS256);
    let jwk = set
        .find(header.kid.as_deref().unwrap())
        .expect("kid in JWKS");
    let mut validation = Validation::new(Algorithm::RS256);
    validation.set_audience(&[audience]);
    jsonwebtoken::decode::<Value>(token, &DecodingKey::from_jwk(jwk).unwrap(), &validation)
        .unwrap()
        .claims
}

#[tokio::test]
async fn discovery_names_the_tenant_id_issuer_and_its_endpoints() {
    let sandbox = sandbox(quick()).await;
    for tenant in ["contoso", CONTOSO_ID, &CONTOSO_ID.to_uppercase()] {
        let doc = sandbox
            .send(get_with_host(
                &format!("/{tenant}/v2.0/.well-known/openid-configuration"),
                "127.0.0.1:9000",
            ))
            .await;
        assert_eq!(doc.status, StatusCode::OK);
        let base = format!("http://127.0.0.1:9000/{CONTOSO_ID}");
        assert_eq!(doc.json["issuer"], format!("{base}/v2.0"));
        assert_eq!(
            doc.json["authorization_endpoint"],
            format!("{base}/oauth2/v2.0/authorize")
        );
        assert_eq!(
            doc.json["token_endpoint"],
            format!("{base}/oauth2/v2.0/token")
        );
        assert_eq!(doc.json["jwks_uri"], format!("{base}/discovery/v2.0/keys"));
        assert_eq!(doc.json["response_types_supported"], json!(["code"]));
        assert_eq!(doc.json["response_modes_supported"], json!(["query"]));
        assert_eq!(doc.json["subject_types_supported"], json!(["pairwise"]));
        assert_eq!(
            doc.json["id_token_signing_alg_values_supported"],
            json!(["RS256"])
        );
        assert_eq!(
            doc.json["code_challenge_methods_supported"],
            json!(["S256"])
        );
        assert_eq!(
            doc.json["token_endpoint_auth_methods_supported"],
            json!(["client_secret_post", "client_secret_basic"])
        );
        for scope in [
            "openid",
            "offline_access",
            &format!("{PC}/user_impersonation"),
        ] {
            assert!(
                doc.json["scopes_supported"]
                    .as_array()
                    .unwrap()
                    .contains(&json!(scope))
            );
        }
        for grant in [
            "authorization_code",
            "refresh_token",
            "client_credentials",
            "password",
        ] {
            assert!(
                doc.json["grant_types_supported"]
                    .as_array()
                    .unwrap()
                    .contains(&json!(grant))
            );
        }
        assert!(
            doc.json["claims_supported"]
                .as_array()
                .unwrap()
                .contains(&json!("nonce"))
        );
    }
    // Behind a proxy.
    let proxied = sandbox
        .send(
            Request::get("/fabrikam/v2.0/.well-known/openid-configuration")
                .header("host", "10.0.0.5:8080")
                .header("x-forwarded-proto", "https")
                .header("x-forwarded-host", "login.example.com")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(
        proxied.json["issuer"],
        format!("https://login.example.com/{FABRIKAM_ID}/v2.0")
    );
    let unknown = sandbox
        .send(get_with_host(
            "/northwind/v2.0/.well-known/openid-configuration",
            "localhost",
        ))
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert_eq!(unknown.json["error"], "invalid_tenant");
}

#[tokio::test]
async fn the_jwks_verifies_every_issued_token_and_app_tokens_are_app_only() {
    let sandbox = sandbox(quick()).await;
    let keys = sandbox
        .send(get_with_host("/fabrikam/discovery/v2.0/keys", "localhost"))
        .await;
    let key = &keys.json["keys"][0];
    assert_eq!(key["kty"], "RSA");
    assert_eq!(key["use"], "sig");
    assert_eq!(key["alg"], "RS256");
    assert!(key["kid"].as_str().unwrap().len() >= 16);
    assert!(key["n"].as_str().unwrap().len() > 300, "2048-bit modulus");
    assert_eq!(key["e"], "AQAB");

    let token = sandbox.token("contoso").await;
    let claims = verify(&sandbox, &token, PC).await;
    assert_eq!(claims["aud"], PC);
    assert_eq!(claims["tid"], CONTOSO_ID);
    assert_eq!(claims["iss"], format!("http://localhost/{CONTOSO_ID}/v2.0"));
    assert_eq!(claims["idtyp"], "app");
    assert_eq!(claims["roles"], json!([]));
    assert_eq!(claims["appid"], "contoso-app");
    assert!(claims.get("scp").is_none());
}

#[tokio::test]
async fn the_sign_in_page_is_labelled_and_lists_the_tenants_demo_users() {
    let sandbox = sandbox(quick()).await;
    let uri = format!(
        "/contoso/oauth2/v2.0/authorize?{}",
        query(&authorize_params(VERIFIER))
    );
    let page = sandbox.send(get_with_host(&uri, "localhost")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = String::from_utf8(page.bytes).unwrap();
    for needle in [
        "<html lang=\"en\">",
        "<main>",
        "<title>Sign in to Contoso Ltd.</title>",
        "<h1>Sign in to Contoso Ltd.</h1>",
        "<label for=\"username\">Email</label>",
        "<input id=\"username\" name=\"username\"",
        "<label for=\"password\">Password</label>",
        "<input id=\"password\" name=\"password\" type=\"password\"",
        "<form method=\"post\" action=\"authorize\">",
        "<input type=\"hidden\" name=\"state\" value=\"st-1\">",
        "<input type=\"hidden\" name=\"code_challenge_method\" value=\"S256\">",
        "admin@contoso.example",
        "sales@contoso.example",
        "helpdesk@contoso.example",
        "nomfa@contoso.example",
        "Helpdesk agent",
        "The password of every demo user is demo.",
    ] {
        assert!(html.contains(needle), "{needle} missing:\n{html}");
    }
    assert!(!html.contains("fabrikam.example"));
    assert!(!html.contains("<script"));
}

#[tokio::test]
async fn unknown_clients_and_foreign_redirect_uris_get_an_error_page_never_a_redirect() {
    let sandbox = sandbox(quick()).await;
    let cases = [
        ("client_id", "contoso-app"),
        ("client_id", "fabrikam-portal"),
        ("client_id", ""),
        ("redirect_uri", "https://evil.example/callback"),
        ("redirect_uri", "http://192.168.1.10:8080/cb"),
        ("redirect_uri", "not a url"),
    ];
    for (name, value) in cases {
        let mut params = authorize_params(VERIFIER);
        for p in &mut params {
            if p.0 == name {
                p.1 = value.to_owned();
            }
        }
        let reply = sandbox
            .send(get_with_host(
                &format!("/contoso/oauth2/v2.0/authorize?{}", query(&params)),
                "localhost",
            ))
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{name}={value}");
        assert!(!reply.headers.contains_key("location"), "{name}={value}");
        let html = String::from_utf8(reply.bytes).unwrap();
        assert!(html.contains("<h1>Sign-in cannot continue</h1>"), "{html}");
    }
    // A redirect URI given with --redirect-uri is allowed.
    let configured = crate::common::sandbox(pc_sandbox::Config {
        redirect_uris: vec!["https://portal.example/auth/callback".to_owned()],
        ..quick()
    })
    .await;
    let mut params = authorize_params(VERIFIER);
    params[2].1 = "https://portal.example/auth/callback".to_owned();
    let reply = configured
        .send(get_with_host(
            &format!("/contoso/oauth2/v2.0/authorize?{}", query(&params)),
            "localhost",
        ))
        .await;
    assert_eq!(reply.status, StatusCode::OK);
}

#[tokio::test]
async fn requests_without_pkce_s256_or_with_a_bad_response_type_are_sent_back_with_invalid_request()
{
    let sandbox = sandbox(quick()).await;
    let cases: [(&str, Option<&str>); 5] = [
        ("code_challenge", None),
        ("code_challenge", Some("short")),
        ("code_challenge_method", Some("plain")),
        ("code_challenge_method", None),
        ("response_type", Some("token")),
    ];
    for (name, value) in cases {
        let mut params = authorize_params(VERIFIER);
        params.retain(|p| p.0 != name);
        if let Some(value) = value {
            params.push((name, value.to_owned()));
        }
        let reply = sandbox
            .send(get_with_host(
                &format!("/contoso/oauth2/v2.0/authorize?{}", query(&params)),
                "localhost",
            ))
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{name}={value:?}");
        let pairs = location_query(&reply);
        assert_eq!(param(&pairs, "error"), Some("invalid_request"));
        assert!(param(&pairs, "error_description").is_some());
        assert_eq!(param(&pairs, "state"), Some("st-1"));
        assert_eq!(param(&pairs, "code"), None);
    }
}

#[tokio::test]
async fn a_wrong_password_or_another_tenants_user_gets_the_page_again_and_no_code() {
    let sandbox = sandbox(quick()).await;
    for (username, password) in [
        ("admin@contoso.example", "wrong"),
        ("admin@fabrikam.example", "demo"),
        ("nobody@contoso.example", "demo"),
    ] {
        let mut fields = authorize_params(VERIFIER);
        fields.push(("username", username.to_owned()));
        fields.push(("password", password.to_owned()));
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let reply = sandbox
            .form("/contoso/oauth2/v2.0/authorize", &fields)
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        assert!(!reply.headers.contains_key("location"));
        let html = String::from_utf8(reply.bytes).unwrap();
        assert!(html.contains("role=\"alert\""));
        assert!(html.contains("Wrong email or password"));
        assert!(html.contains(&format!("value=\"{username}\"")));
    }
}

#[tokio::test]
async fn the_code_flow_with_pkce_issues_app_user_tokens_with_entra_claims() {
    let sandbox = sandbox(quick()).await;
    let code = sign_in(&sandbox, "sales@contoso.example", VERIFIER).await;
    let reply = redeem(&sandbox, &code, VERIFIER, REDIRECT).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    assert_eq!(reply.headers["cache-control"], "no-store");
    assert_eq!(reply.json["token_type"], "Bearer");
    assert_eq!(reply.json["expires_in"], 3600);
    assert_eq!(reply.json["scope"], USER_SCOPE);
    assert!(reply.json["refresh_token"].as_str().unwrap().len() >= 40);

    let access = verify(&sandbox, reply.json["access_token"].as_str().unwrap(), PC).await;
    assert_eq!(access["iss"], format!("http://localhost/{CONTOSO_ID}/v2.0"));
    assert_eq!(access["tid"], CONTOSO_ID);
    assert_eq!(access["name"], "Sam Sales");
    assert_eq!(access["preferred_username"], "sales@contoso.example");
    assert_eq!(access["scp"], "user_impersonation");
    assert_eq!(access["roles"], json!(["SalesAgents"]));
    assert_eq!(access["amr"], json!(["pwd", "mfa"]));
    assert_eq!(access["appid"], "contoso-portal");
    assert_eq!(access["azp"], "contoso-portal");
    assert!(access["oid"].as_str().unwrap().len() == 36);
    assert!(access["sub"].as_str().is_some());
    let iat = access["iat"].as_u64().unwrap();
    assert_eq!(access["nbf"].as_u64(), Some(iat));
    assert_eq!(access["exp"].as_u64(), Some(iat + 3600));

    let id = verify(
        &sandbox,
        reply.json["id_token"].as_str().unwrap(),
        "contoso-portal",
    )
    .await;
    assert_eq!(id["aud"], "contoso-portal");
    assert_eq!(id["nonce"], "n-0S6_WzA2Mj");
    assert_eq!(id["email"], "sales@contoso.example");
    assert_eq!(id["oid"], access["oid"]);
    assert_eq!(id["sub"], access["sub"]);
    assert_eq!(id["tid"], CONTOSO_ID);
    assert_eq!(id["amr"], json!(["pwd", "mfa"]));
    assert_eq!(id["roles"], json!(["SalesAgents"]));
    assert_eq!(id["iss"], access["iss"]);

    // The access token works on /v1, including App+User-only operations.
    let token = reply.json["access_token"].as_str().unwrap();
    assert_eq!(
        sandbox.get("/v1/invoices/summaries", token).await.status,
        StatusCode::OK
    );
    // Nomfa's tokens say so.
    let code = sign_in(&sandbox, "nomfa@contoso.example", VERIFIER).await;
    let reply = redeem(&sandbox, &code, VERIFIER, REDIRECT).await;
    let id = verify(
        &sandbox,
        reply.json["id_token"].as_str().unwrap(),
        "contoso-portal",
    )
    .await;
    assert_eq!(id["amr"], json!(["pwd"]));
}

#[tokio::test]
async fn codes_are_single_use_and_bound_to_verifier_redirect_uri_and_client() {
    let sandbox = sandbox(quick()).await;
    // Wrong verifier: refused, and the code is spent.
    let code = sign_in(&sandbox, "admin@contoso.example", VERIFIER).await;
    let wrong = redeem(
        &sandbox,
        &code,
        "another-verifier-0123456789-0123456789-0123",
        REDIRECT,
    )
    .await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert_eq!(wrong.json["error"], "invalid_grant");
    assert!(
        wrong.json["error_description"]
            .as_str()
            .unwrap()
            .starts_with("AADSTS")
    );
    let after = redeem(&sandbox, &code, VERIFIER, REDIRECT).await;
    assert_eq!(after.json["error"], "invalid_grant");

    // Missing verifier.
    let code = sign_in(&sandbox, "admin@contoso.example", VERIFIER).await;
    assert_eq!(
        redeem(&sandbox, &code, "", REDIRECT).await.json["error"],
        "invalid_grant"
    );

    // Wrong redirect URI.
    let code = sign_in(&sandbox, "admin@contoso.example", VERIFIER).await;
    let reply = redeem(&sandbox, &code, VERIFIER, "http://127.0.0.1:8765/other").await;
    assert_eq!(reply.json["error"], "invalid_grant");

    // Wrong client secret: the client is refused.
    let code = sign_in(&sandbox, "admin@contoso.example", VERIFIER).await;
    let reply = sandbox
        .form_with(
            "/contoso/oauth2/v2.0/token",
            &[
                ("grant_type", "authorization_code"),
                ("code", &code),
                ("redirect_uri", REDIRECT),
                ("code_verifier", VERIFIER),
            ],
            &[("authorization", &basic("contoso-portal", "wrong"))],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.json["error"], "invalid_client");

    // Another client of the tenant may not redeem it.
    let reply = sandbox
        .form(
            "/contoso/oauth2/v2.0/token",
            &[
                ("grant_type", "authorization_code"),
                ("client_id", "contoso-app"),
                ("client_secret", "contoso-secret"),
                ("code", &code),
                ("redirect_uri", REDIRECT),
                ("code_verifier", VERIFIER),
            ],
        )
        .await;
    assert_eq!(reply.json["error"], "invalid_grant");

    // Right: once (client_secret_post this time), then replay refused.
    let code = sign_in(&sandbox, "admin@contoso.example", VERIFIER).await;
    let fields = [
        ("grant_type", "authorization_code"),
        ("client_id", "contoso-portal"),
        ("client_secret", "contoso-portal-secret"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT),
        ("code_verifier", VERIFIER),
    ];
    let first = sandbox.form("/contoso/oauth2/v2.0/token", &fields).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.json);
    let replay = sandbox.form("/contoso/oauth2/v2.0/token", &fields).await;
    assert_eq!(replay.status, StatusCode::BAD_REQUEST);
    assert_eq!(replay.json["error"], "invalid_grant");
}

#[tokio::test]
async fn refresh_tokens_rotate_and_the_old_one_stops_working() {
    let sandbox = sandbox(quick()).await;
    let code = sign_in(&sandbox, "admin@contoso.example", VERIFIER).await;
    let tokens = redeem(&sandbox, &code, VERIFIER, REDIRECT).await;
    let first = tokens.json["refresh_token"].as_str().unwrap().to_owned();
    let refresh = |token: String| {
        let sandbox = &sandbox;
        async move {
            sandbox
                .form(
                    "/contoso/oauth2/v2.0/token",
                    &[
                        ("grant_type", "refresh_token"),
                        ("client_id", "contoso-portal"),
                        ("client_secret", "contoso-portal-secret"),
                        ("refresh_token", &token),
                    ],
                )
                .await
        }
    };
    let second = refresh(first.clone()).await;
    assert_eq!(second.status, StatusCode::OK, "{}", second.json);
    let next = second.json["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(next, first);
    let access = verify(&sandbox, second.json["access_token"].as_str().unwrap(), PC).await;
    assert_eq!(access["preferred_username"], "admin@contoso.example");
    assert_eq!(access["amr"], json!(["pwd", "mfa"]));
    assert!(second.json["id_token"].is_string());

    let old = refresh(first).await;
    assert_eq!(old.status, StatusCode::BAD_REQUEST);
    assert_eq!(old.json["error"], "invalid_grant");
    assert_eq!(refresh(next).await.status, StatusCode::OK);
    assert_eq!(
        refresh("made-up".to_owned()).await.json["error"],
        "invalid_grant"
    );
}

#[tokio::test]
async fn the_password_grant_gives_app_user_tokens_without_a_browser() {
    let sandbox = sandbox(quick()).await;
    let token = sandbox.user_token("helpdesk@contoso.example").await;
    let claims = verify(&sandbox, &token, PC).await;
    assert_eq!(claims["amr"], json!(["pwd"]));
    assert_eq!(claims["roles"], json!(["HelpdeskAgents"]));
    assert_eq!(claims["scp"], "user_impersonation");

    let attempt = |tenant: &'static str,
                   username: &'static str,
                   password: &'static str,
                   scope: &'static str| {
        let sandbox = &sandbox;
        async move {
            sandbox
                .form(
                    &format!("/{tenant}/oauth2/v2.0/token"),
                    &[
                        ("grant_type", "password"),
                        ("client_id", &format!("{tenant}-app")),
                        ("client_secret", &format!("{tenant}-secret")),
                        ("username", username),
                        ("password", password),
                        ("scope", scope),
                    ],
                )
                .await
        }
    };
    let pc_scope = "https://api.partnercenter.microsoft.com/user_impersonation";
    let ok = attempt("fabrikam", "admin@fabrikam.example", "demo", pc_scope).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.json);
    assert!(ok.json["refresh_token"].is_string());
    assert!(ok.json.get("id_token").is_none(), "no openid, no ID token");
    let wrong = attempt("fabrikam", "admin@fabrikam.example", "nope", pc_scope).await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert_eq!(wrong.json["error"], "invalid_grant");
    let elsewhere = attempt("contoso", "admin@fabrikam.example", "demo", pc_scope).await;
    assert_eq!(elsewhere.json["error"], "invalid_grant");
    let scope = attempt("contoso", "admin@contoso.example", "demo", "openid").await;
    assert_eq!(scope.json["error"], "invalid_scope");
}

#[tokio::test]
async fn app_only_tokens_get_900329_on_app_user_only_operations_and_user_tokens_do_not() {
    let sandbox = sandbox(quick()).await;
    let app = sandbox.token("contoso").await;
    let user = sandbox.user_token("sales@contoso.example").await;

    // An order and its subscription, bought with the user token.
    let availability = sandbox
        .availability(&user, BUSINESS_BASIC, "US", "commercial")
        .await;
    let cart = sandbox
        .cart(&user, NORTHWIND, vec![Sandbox::line(&availability, 1)])
        .await;
    let result = sandbox
        .checkout(&user, NORTHWIND, cart["id"].as_str().unwrap())
        .await;
    assert_eq!(result.status, StatusCode::CREATED, "{}", result.json);
    let order_id = result.json["orders"][0]["id"].as_str().unwrap().to_owned();
    let subscriptions = sandbox
        .get(
            &format!("/v1/customers/{NORTHWIND}/subscriptions?order_id={order_id}"),
            &app,
        )
        .await;
    let subscription_id = subscriptions.json["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let invoices = sandbox.get("/v1/invoices", &app).await;
    assert_eq!(invoices.status, StatusCode::OK);
    let invoice_id = invoices.json["items"][0]["id"].as_str().unwrap().to_owned();

    let reads = [
        format!("/v1/customers/{NORTHWIND}/orders/{order_id}/provisioningstatus"),
        format!("/v1/customers/{NORTHWIND}/subscriptions/{subscription_id}/provisioningstatus"),
        "/v1/invoices/summaries".to_owned(),
        format!("/v1/invoices/{invoice_id}"),
        format!("/v1/invoices/{invoice_id}/documents/statement"),
    ];
    for uri in &reads {
        let refused = sandbox.get(uri, &app).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{uri}");
        assert_eq!(refused.json["code"], 900329, "{uri}");
        assert_eq!(refused.json["source"], "PartnerFD");
        assert!(
            refused.json["description"]
                .as_str()
                .unwrap()
                .contains("application credentials")
        );
        assert_eq!(
            sandbox.get(uri, &user).await.status,
            StatusCode::OK,
            "{uri}"
        );
    }

    let template = sandbox
        .get(
            "/v1/agreements?agreementType=MicrosoftCustomerAgreement",
            &app,
        )
        .await;
    let body = json!({
        "primaryContact": { "firstName": "Janet", "lastName": "Leverling", "email": "janet@adatum.onmicrosoft.com" },
        "templateId": template.json["items"][0]["templateId"], "dateAgreed": "2026-11-20T00:00:00Z",
        "type": "MicrosoftCustomerAgreement"
    });
    let uri = format!("/v1/customers/{ADATUM}/agreements");
    let refused = sandbox
        .call(Method::POST, &uri, &app, Some(body.clone()))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(refused.json["code"], 900329);
    let accepted = sandbox.call(Method::POST, &uri, &user, Some(body)).await;
    assert_eq!(accepted.status, StatusCode::CREATED, "{}", accepted.json);
    // Reads that both token kinds may make still work app-only.
    assert_eq!(
        sandbox.get("/v1/invoices/summary", &app).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn helpdesk_agents_may_read_but_not_buy() {
    let sandbox = sandbox(quick()).await;
    let helpdesk = sandbox.user_token("helpdesk@contoso.example").await;
    let sales = sandbox.user_token("sales@contoso.example").await;
    let availability = sandbox
        .availability(&helpdesk, BUSINESS_BASIC, "US", "commercial")
        .await;
    let line = Sandbox::line(&availability, 1);

    let create = sandbox
        .call(
            Method::POST,
            &format!("/v1/customers/{NORTHWIND}/carts"),
            &helpdesk,
            Some(json!({ "lineItems": [line.clone()] })),
        )
        .await;
    assert_eq!(create.status, StatusCode::FORBIDDEN);
    assert_eq!(create.json["code"], 900300);
    assert_eq!(create.json["source"], "PartnerFD");
    assert!(
        create.json["description"]
            .as_str()
            .unwrap()
            .contains("HelpdeskAgents")
    );

    let cart = sandbox.cart(&sales, NORTHWIND, vec![line]).await;
    let cart_id = cart["id"].as_str().unwrap();
    let cart_uri = format!("/v1/customers/{NORTHWIND}/carts/{cart_id}");
    let update = sandbox
        .call(Method::PUT, &cart_uri, &helpdesk, Some(cart.clone()))
        .await;
    assert_eq!(update.status, StatusCode::FORBIDDEN);
    let checkout = sandbox.checkout(&helpdesk, NORTHWIND, cart_id).await;
    assert_eq!(checkout.status, StatusCode::FORBIDDEN);
    assert_eq!(checkout.json["code"], 900300);

    for uri in [
        "/v1/customers".to_owned(),
        format!("/v1/customers/{NORTHWIND}/subscriptions"),
        cart_uri.clone(),
        "/v1/invoices/summaries".to_owned(),
        "/v1/profiles/legalbusiness".to_owned(),
    ] {
        assert_eq!(
            sandbox.get(&uri, &helpdesk).await.status,
            StatusCode::OK,
            "{uri}"
        );
    }
    // The sales agent buys the same cart.
    assert_eq!(
        sandbox.checkout(&sales, NORTHWIND, cart_id).await.status,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn the_legal_business_profile_and_billing_currency_are_the_partners() {
    let sandbox = sandbox(quick()).await;
    for (tenant, company, country, city, currency) in [
        ("contoso", "Contoso Ltd.", "US", "Redmond", "USD"),
        ("fabrikam", "Fabrikam AB", "SE", "Stockholm", "SEK"),
    ] {
        let token = sandbox.token(tenant).await;
        let profile = sandbox.get("/v1/profiles/legalbusiness", &token).await;
        assert_eq!(profile.status, StatusCode::OK);
        assert_eq!(profile.json["companyName"], company);
        assert_eq!(profile.json["address"]["country"], country);
        assert_eq!(profile.json["address"]["city"], city);
        assert!(profile.json["address"]["addressLine1"].is_string());
        assert!(profile.json["address"]["postalCode"].is_string());
        assert!(
            profile.json["primaryContact"]["email"]
                .as_str()
                .unwrap()
                .ends_with(".example")
        );
        assert_eq!(
            profile.json["attributes"]["objectType"],
            "LegalBusinessProfile"
        );
        let summary = sandbox.get("/v1/invoices/summary", &token).await;
        assert_eq!(summary.json["currencyCode"], currency, "{}", summary.json);
    }
}

#[tokio::test]
async fn tokens_of_the_own_key_must_name_their_tenant_in_the_issuer() {
    // A token is accepted at any base (the issuer names the Host it was asked at).
    let sandbox = sandbox(quick()).await;
    let reply = sandbox
        .send(
            Request::post("/contoso/oauth2/v2.0/token")
                .header("host", "sandbox.internal:1234")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(format!(
                    "grant_type=client_credentials&client_id=contoso-app&client_secret=contoso-secret&scope={}",
                    encode("https://api.partnercenter.microsoft.com/.default")
                )))
                .unwrap(),
        )
        .await;
    let token = reply.json["access_token"].as_str().unwrap();
    let claims = verify(&sandbox, token, PC).await;
    assert_eq!(
        claims["iss"],
        format!("http://sandbox.internal:1234/{CONTOSO_ID}/v2.0")
    );
    assert_eq!(
        sandbox.get("/v1/customers", token).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_signing_key_survives_a_restart() {
    let path = std::env::temp_dir().join(format!("pcs-key-{}.db", uuid::Uuid::new_v4().simple()));
    let url = format!("sqlite://{}", path.display());
    let first = sandbox_on(&url, quick()).await;
    let token = first.token("contoso").await;
    drop(first);
    let second = sandbox_on(&url, quick()).await;
    assert_eq!(
        second.get("/v1/customers", &token).await.status,
        StatusCode::OK
    );
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}
