use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use pc_client::transport::{
    HttpRequest, HttpResponse, ReqwestTransport, Transport, TransportError,
};
use pc_client::{Client, RetryPolicy, StaticToken};
use pc_sandbox::Config;

pub(crate) const NORTHWIND: &str = "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a01";
pub(crate) const LITWARE: &str = "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a06";
pub(crate) const BUSINESS_BASIC: &str = "CFQ7TTC0LH18";

/// Sandbox config with no delays.
pub(crate) fn quick() -> Config {
    Config {
        order_list_delay: Duration::ZERO,
        provisioning_delay: Duration::ZERO,
        ..Config::default()
    }
}

/// Serves a sandbox on a free port; returns its base URL.
pub(crate) async fn sandbox(config: Config) -> String {
    sandbox_on("sqlite::memory:", config).await
}

/// Serves a sandbox over the database at `url` on a free port; returns its base URL. Two
/// sandboxes on one database file share data and signing key (each accepts the other's tokens).
pub(crate) async fn sandbox_on(url: &str, config: Config) -> String {
    let state = pc_sandbox::AppState::open(url, config).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, pc_sandbox::app(state)).await });
    format!("http://{addr}")
}

/// A token for `tenant` from the sandbox's token endpoint.
pub(crate) async fn token(base: &str, tenant: &str) -> String {
    let reply: serde_json::Value = reqwest::Client::new()
        .post(format!("{base}/{tenant}/oauth2/v2.0/token"))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", &format!("{tenant}-app")),
            ("client_secret", &format!("{tenant}-secret")),
            ("scope", "https://api.partnercenter.microsoft.com/.default"),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    reply["access_token"].as_str().unwrap().to_owned()
}

/// An App+User token for the demo user `username` (e.g. `sales@contoso.example`) from the
/// sandbox's token endpoint (password grant, as a tool without a browser gets one).
pub(crate) async fn user_token(base: &str, username: &str) -> String {
    let tenant = username
        .rsplit_once('@')
        .and_then(|(_, domain)| domain.split_once('.'))
        .map(|(tenant, _)| tenant)
        .unwrap();
    let reply: serde_json::Value = reqwest::Client::new()
        .post(format!("{base}/{tenant}/oauth2/v2.0/token"))
        .form(&[
            ("grant_type", "password"),
            ("client_id", &format!("{tenant}-portal")),
            ("client_secret", &format!("{tenant}-portal-secret")),
            ("username", username),
            ("password", "demo"),
            (
                "scope",
                "https://api.partnercenter.microsoft.com/user_impersonation",
            ),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    reply["access_token"].as_str().unwrap().to_owned()
}

/// Fast retries for tests.
pub(crate) fn fast_retry() -> RetryPolicy {
    RetryPolicy {
        min_delay: Duration::from_millis(10),
        max_delay: Duration::from_millis(200),
        max_attempts: 12,
        budget: Duration::from_secs(30),
    }
}

/// One send as the transport saw it.
#[derive(Debug, Clone)]
pub(crate) struct Sent {
    pub(crate) at: Instant,
    pub(crate) request: HttpRequest,
    pub(crate) status: Option<u16>,
    pub(crate) retry_after: Option<String>,
}

/// A reqwest transport that records every send.
#[derive(Clone)]
pub(crate) struct Recording {
    inner: ReqwestTransport,
    pub(crate) log: Rc<RefCell<Vec<Sent>>>,
}

impl Recording {
    pub(crate) fn new() -> Self {
        Self::with_timeout(Duration::from_secs(30))
    }

    pub(crate) fn with_timeout(timeout: Duration) -> Self {
        Self {
            inner: ReqwestTransport::new(timeout).unwrap(),
            log: Rc::default(),
        }
    }
}

impl Transport for Recording {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let at = Instant::now();
        let result = self.inner.send(request.clone()).await;
        let (status, retry_after) = match &result {
            Ok(r) => (Some(r.status), r.header("retry-after").map(str::to_owned)),
            Err(_) => (None, None),
        };
        self.log.borrow_mut().push(Sent {
            at,
            request,
            status,
            retry_after,
        });
        result
    }
}

/// A client for `base` as `tenant` with an app-only token, recording its sends.
pub(crate) async fn client(
    base: &str,
    tenant: &str,
) -> (Client<Recording>, Rc<RefCell<Vec<Sent>>>) {
    let token = token(base, tenant).await;
    client_with(base, token)
}

/// A client for `base` signed in as the demo user `username` (App+User), recording its sends.
pub(crate) async fn user_client(
    base: &str,
    username: &str,
) -> (Client<Recording>, Rc<RefCell<Vec<Sent>>>) {
    let token = user_token(base, username).await;
    client_with(base, token)
}

fn client_with(base: &str, token: String) -> (Client<Recording>, Rc<RefCell<Vec<Sent>>>) {
    let transport = Recording::new();
    let log = transport.log.clone();
    (
        Client::builder(base, transport, StaticToken(token))
            .retry(fast_retry())
            .build(),
        log,
    )
}

pub(crate) fn header<'a>(request: &'a HttpRequest, name: &str) -> Option<&'a str> {
    request
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}
