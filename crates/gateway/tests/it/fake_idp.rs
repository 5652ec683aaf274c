//! An OpenID provider for the refusals a well-behaved provider never produces: ID tokens with a
//! bad signature, another audience or issuer, expired, a wrong nonce, no `mfa`; and a refresh
//! grant it can be told to refuse. Authorization answers at once (no sign-in page).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use rsa::pkcs8::EncodePrivateKey as _;
use rsa::traits::PublicKeyParts as _;
use url::Url;

/// What the next ID token gets wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flaw {
    None,
    BadSignature,
    WrongAudience,
    WrongIssuer,
    Expired,
    WrongNonce,
}

#[derive(Clone)]
pub(crate) struct FakeIdp {
    inner: Arc<Inner>,
}

struct Inner {
    issuer: String,
    key: EncodingKey,
    other_key: EncodingKey,
    jwk: serde_json::Value,
    flaw: Mutex<Flaw>,
    refuse_refresh: Mutex<bool>,
    amr: Mutex<Vec<&'static str>>,
    nonces: Mutex<HashMap<String, String>>,
    access_lifetime: u64,
}

fn rsa_key() -> (EncodingKey, rsa::RsaPublicKey) {
    let private = rsa::RsaPrivateKey::new(&mut rsa::rand_core::OsRng, 2048).expect("rsa");
    let pem = private
        .to_pkcs8_pem(rsa::pkcs8::LineEnding::LF)
        .expect("pem");
    (
        EncodingKey::from_rsa_pem(pem.as_bytes()).expect("encoding key"),
        private.to_public_key(),
    )
}

impl FakeIdp {
    /// Starts the provider; access tokens live `access_lifetime` seconds.
    pub(crate) async fn start(access_lifetime: u64) -> (Self, String) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let issuer = format!("http://{}", listener.local_addr().expect("addr"));
        let (key, public) = rsa_key();
        let (other_key, _) = rsa_key();
        let jwk = serde_json::json!({
            "kty": "RSA", "use": "sig", "alg": "RS256", "kid": "k1",
            "n": URL_SAFE_NO_PAD.encode(public.n().to_bytes_be()),
            "e": URL_SAFE_NO_PAD.encode(public.e().to_bytes_be()),
        });
        let idp = Self {
            inner: Arc::new(Inner {
                issuer: issuer.clone(),
                key,
                other_key,
                jwk,
                flaw: Mutex::new(Flaw::None),
                refuse_refresh: Mutex::new(false),
                amr: Mutex::new(vec!["pwd", "mfa"]),
                nonces: Mutex::new(HashMap::new()),
                access_lifetime,
            }),
        };
        let router = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/keys", get(keys))
            .route("/authorize", get(authorize))
            .route("/token", post(token))
            .with_state(idp.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        (idp, issuer)
    }

    pub(crate) fn set_flaw(&self, flaw: Flaw) {
        *self.inner.flaw.lock().expect("lock") = flaw;
    }

    pub(crate) fn refuse_refresh(&self, refuse: bool) {
        *self.inner.refuse_refresh.lock().expect("lock") = refuse;
    }

    pub(crate) fn set_amr(&self, amr: Vec<&'static str>) {
        *self.inner.amr.lock().expect("lock") = amr;
    }
}

async fn discovery(State(idp): State<FakeIdp>) -> Json<serde_json::Value> {
    let issuer = &idp.inner.issuer;
    Json(serde_json::json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/authorize"),
        "token_endpoint": format!("{issuer}/token"),
        "jwks_uri": format!("{issuer}/keys"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
    }))
}

async fn keys(State(idp): State<FakeIdp>) -> Json<serde_json::Value> {
    Json(serde_json::json!({"keys": [idp.inner.jwk]}))
}

async fn authorize(
    State(idp): State<FakeIdp>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let code = format!("code-{}", uuid::Uuid::new_v4());
    if let Some(nonce) = query.get("nonce") {
        idp.inner
            .nonces
            .lock()
            .expect("lock")
            .insert(code.clone(), nonce.clone());
    }
    let mut url =
        Url::parse(query.get("redirect_uri").map_or("", String::as_str)).expect("redirect");
    url.query_pairs_mut()
        .append_pair("code", &code)
        .append_pair("state", query.get("state").map_or("", String::as_str));
    Redirect::to(url.as_str()).into_response()
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("time")
        .as_secs()
}

async fn token(State(idp): State<FakeIdp>, Form(form): Form<HashMap<String, String>>) -> Response {
    let inner = &idp.inner;
    let grant = form.get("grant_type").map_or("", String::as_str);
    if grant == "refresh_token" && *inner.refuse_refresh.lock().expect("lock") {
        return (
            StatusCode::BAD_REQUEST,
            Json(serde_json::json!({"error": "invalid_grant", "error_description": "AADSTS700082: The refresh token has expired."})),
        )
            .into_response();
    }
    let flaw = *inner.flaw.lock().expect("lock");
    let now = now();
    let nonce = form
        .get("code")
        .and_then(|c| inner.nonces.lock().expect("lock").remove(c))
        .unwrap_or_default();
    let claims = serde_json::json!({
        "iss": if flaw == Flaw::WrongIssuer { "http://127.0.0.1:9/other/v2.0".to_owned() } else { inner.issuer.clone() },
        "aud": if flaw == Flaw::WrongAudience { "someone-else" } else { "contoso-portal" },
        "sub": "user-1",
        "tid": crate::common::CONTOSO,
        "name": "Fay Fake",
        "preferred_username": "fay@contoso.example",
        "roles": ["SalesAgents"],
        "amr": *inner.amr.lock().expect("lock"),
        "nonce": if flaw == Flaw::WrongNonce { "not-the-nonce".to_owned() } else { nonce },
        "iat": now,
        "exp": if flaw == Flaw::Expired { now - 600 } else { now + 3600 },
    });
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some("k1".to_owned());
    let key = if flaw == Flaw::BadSignature {
        &inner.other_key
    } else {
        &inner.key
    };
    let id_token = jsonwebtoken::encode(&header, &claims, key).expect("sign");
    let access = jsonwebtoken::encode(
        &header,
        &serde_json::json!({"aud": "https://api.partnercenter.microsoft.com", "jti": uuid::Uuid::new_v4().to_string(), "exp": now + inner.access_lifetime}),
        &inner.key,
    )
    .expect("sign");
    Json(serde_json::json!({
        "token_type": "Bearer",
        "expires_in": inner.access_lifetime,
        "access_token": access,
        "refresh_token": format!("rt-{}", uuid::Uuid::new_v4()),
        "id_token": id_token,
    }))
    .into_response()
}
