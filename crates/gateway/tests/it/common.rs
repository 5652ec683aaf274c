//! Servers on real loopback ports — a pc-sandbox (identity provider and Partner Center), the
//! gateway, an upstream that records what reaches it — and a browser-like HTTP client with a
//! cookie jar that does not follow redirects, so every hop of a sign-in can be checked.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use pc_gateway::{Config, GatewayState};
use reqwest::header::{HeaderValue, LOCATION};
use url::Url;

/// Contoso's tenant ID in the sandbox.
pub(crate) const CONTOSO: &str = "4b3d2f0a-6c1e-4e8a-9f21-0c5a7d3e1b01";

/// Serves `router` on a free loopback port.
pub(crate) async fn serve(router: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    addr
}

/// A pc-sandbox on a real port whose tokens live `token_lifetime`.
pub(crate) async fn sandbox(token_lifetime: Duration) -> Url {
    let config = pc_sandbox::Config {
        token_lifetime,
        provisioning_delay: Duration::ZERO,
        ..pc_sandbox::Config::default()
    };
    let state = pc_sandbox::AppState::open("sqlite::memory:", config)
        .await
        .expect("sandbox");
    let addr = serve(pc_sandbox::app(state)).await;
    Url::parse(&format!("http://{addr}")).expect("url")
}

/// A running gateway.
pub(crate) struct Gateway {
    pub(crate) url: Url,
    pub(crate) state: GatewayState,
}

impl Gateway {
    pub(crate) fn at(&self, path: &str) -> String {
        format!("{}{}", self.url.as_str().trim_end_matches('/'), path)
    }

    pub(crate) fn origin(&self) -> String {
        self.url.origin().ascii_serialization()
    }
}

/// A gateway on a real port: `configure` adjusts the configuration made for `authority`,
/// `upstream` and the contoso portal client.
pub(crate) async fn gateway(
    authority: &str,
    upstream: &Url,
    db: &str,
    configure: impl FnOnce(&mut Config),
) -> Gateway {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let url = Url::parse(&format!("http://{addr}")).expect("url");
    let mut config = Config::new(
        Url::parse(authority).expect("authority"),
        "contoso-portal".to_owned(),
        "contoso-portal-secret".to_owned(),
        url.clone(),
    );
    config.upstream = upstream.clone();
    configure(&mut config);
    let state = GatewayState::open(db, config).await.expect("gateway state");
    let router = pc_gateway::app(state.clone());
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    Gateway { url, state }
}

/// The sandbox's authority for contoso.
pub(crate) fn authority(sandbox: &Url) -> String {
    format!("{}{CONTOSO}/v2.0", sandbox.as_str())
}

/// One request as the recording upstream saw it.
#[derive(Debug, Clone)]
pub(crate) struct Seen {
    pub(crate) method: Method,
    pub(crate) uri: Uri,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
}

/// An upstream that records every request and answers like a small Partner Center: the legal
/// business profile (US), the account balance (USD), `POST /v1/echo` with the body it got (201,
/// dated [`UPSTREAM_DATE`], a clock a week ahead like an advanced sandbox's), and `{"ok": true}`
/// elsewhere, echoing `MS-RequestId`.
#[derive(Clone, Default)]
pub(crate) struct Recorder {
    pub(crate) seen: Arc<Mutex<Vec<Seen>>>,
}

impl Recorder {
    pub(crate) async fn start() -> (Self, Url) {
        let recorder = Self::default();
        let router = Router::new().fallback(record).with_state(recorder.clone());
        let addr = serve(router).await;
        (
            recorder,
            Url::parse(&format!("http://{addr}")).expect("url"),
        )
    }

    pub(crate) fn last(&self, path: &str) -> Option<Seen> {
        self.seen
            .lock()
            .expect("lock")
            .iter()
            .rev()
            .find(|s| s.uri.path() == path)
            .cloned()
    }
}

async fn record(
    State(recorder): State<Recorder>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request_id = headers.get("ms-requestid").cloned();
    recorder.seen.lock().expect("lock").push(Seen {
        method: method.clone(),
        uri: uri.clone(),
        headers,
        body: body.clone(),
    });
    let mut response = match (method, uri.path()) {
        (_, "/v1/profiles/legalbusiness") => axum::Json(serde_json::json!({
            "companyName": "Contoso Ltd.",
            "address": {"country": "US", "city": "Redmond"},
            "attributes": {"objectType": "LegalBusinessProfile"}
        }))
        .into_response(),
        (_, "/v1/invoices/summary") => {
            axum::Json(serde_json::json!({"balanceAmount": 0, "currencyCode": "USD"}))
                .into_response()
        }
        (Method::POST, "/v1/echo") => (
            StatusCode::CREATED,
            [(axum::http::header::DATE, UPSTREAM_DATE)],
            body,
        )
            .into_response(),
        _ => axum::Json(serde_json::json!({"ok": true})).into_response(),
    };
    if let Some(id) = request_id {
        response.headers_mut().insert("ms-requestid", id);
    }
    response
}

/// The `Date` the recorder's `/v1/echo` answers with.
pub(crate) const UPSTREAM_DATE: &str = "Mon, 07 Dec 2026 10:00:00 GMT";

/// A browser: cookie jar, no automatic redirects.
pub(crate) struct Browser {
    pub(crate) http: reqwest::Client,
}

/// What a sign-in left behind.
pub(crate) struct SignedIn {
    /// The callback URL the identity provider sent the browser to (code and state).
    pub(crate) callback: String,
    /// Where the gateway sent the browser after the callback.
    pub(crate) landed: String,
}

impl Browser {
    pub(crate) fn new() -> Self {
        Self {
            http: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
        }
    }

    /// The `Location` of a redirect answer to GET `url`.
    pub(crate) async fn redirect_of(&self, url: &str) -> String {
        let response = self.http.get(url).send().await.expect("get");
        assert!(
            response.status().is_redirection(),
            "GET {url}: expected a redirect, got {}",
            response.status()
        );
        location(&response)
    }

    /// GET `/auth/login`, then the sandbox's sign-in page: posts `user`/`demo` and returns the
    /// callback URL without visiting it.
    pub(crate) async fn authorize(&self, gateway: &Gateway, user: &str, return_to: &str) -> String {
        let authorize = self
            .redirect_of(&gateway.at(&format!("/auth/login?return_to={return_to}")))
            .await;
        let page = self
            .http
            .get(&authorize)
            .send()
            .await
            .expect("sign-in page");
        assert_eq!(page.status(), StatusCode::OK, "the sandbox's sign-in page");
        let html = page.text().await.expect("html");
        assert!(html.contains("Password"), "{html}");
        let url = Url::parse(&authorize).expect("authorize url");
        let mut form: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        form.push(("username".into(), user.into()));
        form.push(("password".into(), "demo".into()));
        let mut post_url = url.clone();
        post_url.set_query(None);
        let answer = self
            .http
            .post(post_url)
            .form(&form)
            .send()
            .await
            .expect("post sign-in");
        assert!(
            answer.status().is_redirection(),
            "sign-in as {user}: {}",
            answer.text().await.unwrap_or_default()
        );
        location(&answer)
    }

    /// The whole sign-in through the sandbox as `user`; asserts it lands on `return_to`.
    pub(crate) async fn sign_in(&self, gateway: &Gateway, user: &str, return_to: &str) -> SignedIn {
        let callback = self.authorize(gateway, user, return_to).await;
        assert!(
            callback.starts_with(&gateway.at("/auth/callback")),
            "{callback}"
        );
        let response = self.http.get(&callback).send().await.expect("callback");
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "callback: {}",
            response.text().await.unwrap_or_default()
        );
        let landed = location(&response);
        assert_eq!(landed, return_to);
        SignedIn { callback, landed }
    }

    /// `GET /auth/session` as JSON.
    pub(crate) async fn session(&self, gateway: &Gateway) -> serde_json::Value {
        self.http
            .get(gateway.at("/auth/session"))
            .send()
            .await
            .expect("session")
            .json()
            .await
            .expect("session json")
    }

    /// A same-origin state-changing request, as the portal's page sends it.
    pub(crate) fn same_origin(
        &self,
        method: reqwest::Method,
        gateway: &Gateway,
        path: &str,
    ) -> reqwest::RequestBuilder {
        self.http
            .request(method, gateway.at(path))
            .header("origin", gateway.origin())
            .header("sec-fetch-site", "same-origin")
    }
}

pub(crate) fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get(LOCATION)
        .and_then(|v: &HeaderValue| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// The claims of a JWT, unverified (tests only: to see which token reached the upstream).
pub(crate) fn claims(token: &str) -> serde_json::Value {
    use base64::Engine as _;
    let payload = token.split('.').nth(1).expect("jwt payload");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .expect("base64");
    serde_json::from_slice(&bytes).expect("json")
}
