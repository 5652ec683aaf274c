//! Helpers shared by the integration tests.

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use http_body_util::BodyExt;
use pc_sandbox::{AppState, Config, Store, app};
use serde_json::{Value, json};
use tower::ServiceExt;

/// Contoso's customers (US partner).
pub(crate) const NORTHWIND: &str = "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a01";
pub(crate) const TAILSPIN: &str = "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a02";
pub(crate) const ADATUM: &str = "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a03";
pub(crate) const WINGTIP_BR: &str = "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a04";
pub(crate) const WOODGROVE_EDU: &str = "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a05";
pub(crate) const LITWARE: &str = "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a06";
/// Fabrikam's customers (Swedish partner).
pub(crate) const NORDLYS: &str = "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c01";
pub(crate) const VATTERN: &str = "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c02";
pub(crate) const GOTA: &str = "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c06";

/// Product IDs of the seeded catalog.
pub(crate) const BUSINESS_BASIC: &str = "CFQ7TTC0LH18";

/// Config for tests: no listing or provisioning delay unless a test sets one.
pub(crate) fn quick() -> Config {
    Config {
        order_list_delay: Duration::ZERO,
        provisioning_delay: Duration::ZERO,
        ..Config::default()
    }
}

/// A database the test owns; PostgreSQL databases are dropped when it ends.
pub(crate) struct TestDb {
    pub(crate) url: String,
    admin: Option<(String, String)>,
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((admin, name)) = self.admin.take() {
            // Best effort; a leftover test database is harmless.
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .ok()?;
                runtime.block_on(async {
                    let store = Store::open(&admin).await.ok()?;
                    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(store.pool())
                        .await
                        .ok()
                })
            })
            .join();
        }
    }
}

/// The databases store tests run on: SQLite in memory always, PostgreSQL when configured.
pub(crate) async fn databases() -> Vec<TestDb> {
    let mut out = vec![TestDb {
        url: "sqlite::memory:".to_owned(),
        admin: None,
    }];
    if let Some(db) = postgres().await {
        out.push(db);
    }
    out
}

/// A fresh PostgreSQL database when `PC_SANDBOX_TEST_POSTGRES_URL` is set.
pub(crate) async fn postgres() -> Option<TestDb> {
    let admin = std::env::var("PC_SANDBOX_TEST_POSTGRES_URL").ok()?;
    let name = format!("pcs_test_{}", uuid::Uuid::new_v4().simple());
    let store = Store::open(&admin).await.expect("PostgreSQL reachable");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(store.pool())
        .await
        .expect("create test database");
    let (base, query) = match admin.split_once('?') {
        Some((b, q)) => (b.to_owned(), format!("?{q}")),
        None => (admin.clone(), String::new()),
    };
    let base = base
        .rsplit_once('/')
        .map(|(b, _)| b.to_owned())
        .unwrap_or(base);
    Some(TestDb {
        url: format!("{base}/{name}{query}"),
        admin: Some((admin, name)),
    })
}

/// An in-process sandbox.
pub(crate) struct Sandbox {
    pub(crate) router: Router,
}

/// An in-process sandbox on `sqlite::memory:`.
pub(crate) async fn sandbox(config: Config) -> Sandbox {
    sandbox_on("sqlite::memory:", config).await
}

/// An in-process sandbox on `url`.
pub(crate) async fn sandbox_on(url: &str, config: Config) -> Sandbox {
    let state = AppState::open(url, config).await.expect("sandbox starts");
    Sandbox { router: app(state) }
}

/// A response: status, headers, JSON body (or `Value::Null` when not JSON) and raw bytes.
pub(crate) struct Reply {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) json: Value,
    pub(crate) bytes: Vec<u8>,
}

impl Sandbox {
    /// Sends a request.
    pub(crate) async fn send(&self, request: Request<Body>) -> Reply {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes()
            .to_vec();
        let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            json,
            bytes,
        }
    }

    /// A bearer token for `tenant` (`contoso` or `fabrikam`).
    pub(crate) async fn token(&self, tenant: &str) -> String {
        let form = format!(
            "grant_type=client_credentials&client_id={tenant}-app&client_secret={tenant}-secret&scope=https%3A%2F%2Fapi.partnercenter.microsoft.com%2F.default"
        );
        let reply = self
            .send(
                Request::post(format!("/{tenant}/oauth2/v2.0/token"))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(Body::from(form))
                    .expect("request"),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
        reply.json["access_token"]
            .as_str()
            .expect("token")
            .to_owned()
    }

    /// An App+User bearer token for the demo user `username` (password grant), e.g.
    /// `admin@contoso.example`.
    pub(crate) async fn user_token(&self, username: &str) -> String {
        let tenant = username
            .rsplit_once('@')
            .and_then(|(_, domain)| domain.split_once('.'))
            .map(|(tenant, _)| tenant)
            .expect("demo user");
        let reply = self
            .form(
                &format!("/{tenant}/oauth2/v2.0/token"),
                &[
                    ("grant_type", "password"),
                    ("client_id", &format!("{tenant}-portal")),
                    ("client_secret", &format!("{tenant}-portal-secret")),
                    ("username", username),
                    ("password", "demo"),
                    (
                        "scope",
                        "https://api.partnercenter.microsoft.com/user_impersonation openid",
                    ),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
        reply.json["access_token"]
            .as_str()
            .expect("token")
            .to_owned()
    }

    /// POSTs `fields` form-encoded to `uri`.
    pub(crate) async fn form(&self, uri: &str, fields: &[(&str, &str)]) -> Reply {
        self.form_with(uri, fields, &[]).await
    }

    /// POSTs `fields` form-encoded to `uri` with extra headers.
    pub(crate) async fn form_with(
        &self,
        uri: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Reply {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let mut builder =
            Request::post(uri).header("content-type", "application/x-www-form-urlencoded");
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        self.send(builder.body(Body::from(body)).expect("request"))
            .await
    }

    /// Sends `method uri` with the bearer `token` and an optional JSON body.
    pub(crate) async fn call(
        &self,
        method: Method,
        uri: &str,
        token: &str,
        body: Option<Value>,
    ) -> Reply {
        self.call_with(method, uri, token, body, &[]).await
    }

    /// As [`Sandbox::call`], with extra headers.
    pub(crate) async fn call_with(
        &self,
        method: Method,
        uri: &str,
        token: &str,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut builder = Request::builder()
            .method(method)
            .uri(uri)
            .header("authorization", format!("Bearer {token}"));
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let request = match body {
            Some(body) => builder
                .header("content-type", "application/json")
                .body(Body::from(body.to_string())),
            None => builder.body(Body::empty()),
        }
        .expect("request");
        self.send(request).await
    }

    pub(crate) async fn get(&self, uri: &str, token: &str) -> Reply {
        self.call(Method::GET, uri, token, None).await
    }

    /// The first availability of `product_id` for `country` (and `segment`, default commercial),
    /// found by walking E1→E3→E5 like a client would.
    pub(crate) async fn availability(
        &self,
        token: &str,
        product_id: &str,
        country: &str,
        segment: &str,
    ) -> Value {
        let skus = self
            .get(
                &format!(
                    "/v1/products/{product_id}/skus?country={country}&targetSegment={segment}"
                ),
                token,
            )
            .await;
        assert_eq!(skus.status, StatusCode::OK, "{}", skus.json);
        for sku in skus.json["items"].as_array().expect("skus") {
            let sku_id = sku["id"].as_str().expect("sku id");
            let list = self
                .get(&format!("/v1/products/{product_id}/skus/{sku_id}/availabilities?country={country}&targetSegment={segment}"), token)
                .await;
            if let Some(first) = list.json["items"].as_array().and_then(|a| a.first()) {
                return first.clone();
            }
        }
        panic!("no availability for {product_id} in {country} ({segment})");
    }

    /// A one-line cart body for `availability`, using its first term.
    pub(crate) fn line(availability: &Value, quantity: i64) -> Value {
        let term = &availability["terms"][0];
        let cycles = availability["sku"]["supportedBillingCycles"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        // Monthly fits every term; otherwise the SKU's only kind (one_time, none).
        let cycle = if cycles.iter().any(|c| c == "monthly") {
            json!("monthly")
        } else {
            cycles[0].clone()
        };
        let mut line = json!({
            "id": 0,
            "catalogItemId": availability["catalogItemId"],
            "quantity": quantity,
            "billingCycle": cycle,
        });
        if let Some(duration) = term["duration"].as_str().filter(|d| !d.is_empty()) {
            line["termDuration"] = json!(duration);
        }
        line
    }

    /// Creates a cart for `customer` and returns it.
    pub(crate) async fn cart(&self, token: &str, customer: &str, lines: Vec<Value>) -> Value {
        let reply = self
            .call(
                Method::POST,
                &format!("/v1/customers/{customer}/carts"),
                token,
                Some(json!({ "lineItems": lines })),
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json);
        reply.json
    }

    /// Checks out a cart.
    pub(crate) async fn checkout(&self, token: &str, customer: &str, cart_id: &str) -> Reply {
        self.call(
            Method::POST,
            &format!("/v1/customers/{customer}/carts/{cart_id}/checkout"),
            token,
            None,
        )
        .await
    }
}

impl Sandbox {
    /// The first (product, sku, availability) for `country`/`segment` in `target_view` whose
    /// SKU satisfies `wanted`.
    pub(crate) async fn find(
        &self,
        token: &str,
        target_view: &str,
        country: &str,
        segment: &str,
        wanted: impl Fn(&Value, &Value) -> bool,
    ) -> Value {
        let products = self.get(&format!("/v1/products?country={country}&targetView={target_view}&targetSegment={segment}"), token).await;
        assert_eq!(products.status, StatusCode::OK, "{}", products.json);
        for product in products.json["items"].as_array().expect("products") {
            let id = product["id"].as_str().expect("id");
            let skus = self
                .get(
                    &format!("/v1/products/{id}/skus?country={country}&targetSegment={segment}"),
                    token,
                )
                .await;
            for sku in skus.json["items"].as_array().into_iter().flatten() {
                if !wanted(product, sku) {
                    continue;
                }
                let sku_id = sku["id"].as_str().expect("sku id");
                let list = self
                    .get(&format!("/v1/products/{id}/skus/{sku_id}/availabilities?country={country}&targetSegment={segment}"), token)
                    .await;
                if let Some(first) = list.json["items"].as_array().and_then(|a| a.first()) {
                    return first.clone();
                }
            }
        }
        panic!("nothing in {target_view} for {country} ({segment}) matches");
    }
}

/// Form-urlencodes one value.
pub(crate) fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// A reservation line for `availability` bought against `subscription_id`.
pub(crate) fn reservation_line(availability: &Value, subscription_id: &str) -> Value {
    let mut line = Sandbox::line(availability, 1);
    line["billingCycle"] = json!("one_time");
    line["provisioningContext"] =
        json!({ "subscriptionId": subscription_id, "scope": "shared", "duration": "1Year" });
    line["termDuration"] = json!("P1Y");
    line
}

/// The region of a reservation SKU.
pub(crate) fn region(sku: &Value) -> &str {
    sku["dynamicAttributes"]["armRegionName"]
        .as_str()
        .unwrap_or_default()
}
