//! Over real ports: the client side is reqwest, the server the `pc-sandbox` binary or `app()`.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

use crate::common::*;

/// Serves `app(state)` on a free local port; returns its base URL.
async fn serve(config: pc_sandbox::Config) -> String {
    serve_on("sqlite::memory:", config).await
}

/// Serves `app(state)` over the database at `url`.
async fn serve_on(url: &str, config: pc_sandbox::Config) -> String {
    let state = pc_sandbox::AppState::open(url, config).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, pc_sandbox::app(state)).await });
    format!("http://{addr}")
}

async fn token(http: &reqwest::Client, base: &str, tenant: &str) -> String {
    let reply: Value = http
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

/// A 3-step purchase over HTTP: catalog → cart → checkout → order. Returns the order ID.
async fn purchase(http: &reqwest::Client, base: &str, token: &str, customer: &str) -> String {
    let get = |path: String| {
        let request = http.get(format!("{base}{path}")).bearer_auth(token);
        async move { request.send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let skus = get(format!("/v1/products/{BUSINESS_BASIC}/skus?country=US")).await;
    let sku = skus["items"][0]["id"].as_str().unwrap().to_owned();
    let availabilities = get(format!(
        "/v1/products/{BUSINESS_BASIC}/skus/{sku}/availabilities?country=US"
    ))
    .await;
    let availability = &availabilities["items"][0];
    let cart: Value = http
        .post(format!("{base}/v1/customers/{customer}/carts"))
        .bearer_auth(token)
        .json(&json!({ "lineItems": [Sandbox::line(availability, 2)] }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let cart_id = cart["id"].as_str().expect("cart id");
    let result = http
        .post(format!(
            "{base}/v1/customers/{customer}/carts/{cart_id}/checkout"
        ))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(result.status(), 201);
    let result: Value = result.json().await.unwrap();
    let order_id = result["orders"][0]["id"]
        .as_str()
        .expect("order")
        .to_owned();
    let order = get(format!("/v1/customers/{customer}/orders/{order_id}")).await;
    assert_eq!(order["id"], order_id.as_str());
    order_id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_whole_purchase_flow_over_a_real_port() {
    for db in databases().await {
        whole_purchase_flow(&db.url).await;
    }
}

async fn whole_purchase_flow(url: &str) {
    let base = serve_on(url, quick()).await;
    let http = reqwest::Client::new();
    let token = token(&http, &base, "contoso").await;
    let order_id = purchase(&http, &base, &token, NORTHWIND).await;
    let subscriptions: Value = http
        .get(format!(
            "{base}/v1/customers/{NORTHWIND}/subscriptions?order_id={order_id}"
        ))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(subscriptions["items"][0]["quantity"], 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_sandboxs_tokens_are_refused_unless_its_issuer_is_trusted() {
    // The other identity provider: a second sandbox on a real port.
    let other = serve(quick()).await;
    let http = reqwest::Client::new();
    let foreign = token(&http, &other, "contoso").await;
    let issuer = format!("{other}/4b3d2f0a-6c1e-4e8a-9f21-0c5a7d3e1b01/v2.0");

    let strict = sandbox(quick()).await;
    let refused = strict.get("/v1/customers", &foreign).await;
    assert_eq!(refused.status, reqwest::StatusCode::UNAUTHORIZED);
    assert_eq!(refused.json["code"], 400);

    let trusting = sandbox(pc_sandbox::Config {
        trusted_issuers: vec![issuer.clone()],
        ..quick()
    })
    .await;
    let accepted = trusting.get("/v1/customers", &foreign).await;
    assert_eq!(
        accepted.status,
        reqwest::StatusCode::OK,
        "{}",
        accepted.json
    );
    // Only that issuer: the other sandbox's fabrikam tokens have another issuer.
    let fabrikam = token(&http, &other, "fabrikam").await;
    assert_eq!(
        trusting.get("/v1/customers", &fabrikam).await.status,
        reqwest::StatusCode::UNAUTHORIZED
    );
    // Its own tokens still work.
    let own = trusting.token("contoso").await;
    assert_eq!(
        trusting.get("/v1/customers", &own).await.status,
        reqwest::StatusCode::OK
    );
    // A trusted issuer that cannot be reached: refused, not an error.
    let unreachable = sandbox(pc_sandbox::Config {
        trusted_issuers: vec![
            "http://127.0.0.1:9/4b3d2f0a-6c1e-4e8a-9f21-0c5a7d3e1b01/v2.0".to_owned(),
        ],
        ..quick()
    })
    .await;
    assert_eq!(
        unreachable.get("/v1/customers", &foreign).await.status,
        reqwest::StatusCode::UNAUTHORIZED
    );
}

/// A running `pc-sandbox serve` process.
struct Process {
    child: Child,
    base: String,
}

impl Process {
    fn start(db: &std::path::Path) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_pc-sandbox"))
            .args([
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--order-list-delay",
                "0s",
                "--provisioning-delay",
                "0s",
                "--db",
            ])
            .arg(db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn pc-sandbox");
        let stdout = child.stdout.take().unwrap();
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        let base = line
            .trim()
            .strip_prefix("listening on ")
            .expect("address line")
            .to_owned();
        Self { child, base }
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn after_kill_9_every_cart_is_fully_ordered_or_untouched() {
    let dir = std::env::temp_dir().join(format!("pcs-crash-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("sandbox.db");
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();

    let mut process = Process::start(&db);
    let token = token(&http, &process.base, "contoso").await;
    let base = process.base.clone();
    let skus: Value = http
        .get(format!(
            "{base}/v1/products/{BUSINESS_BASIC}/skus?country=US"
        ))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let sku = skus["items"][0]["id"].as_str().unwrap().to_owned();
    let availabilities: Value = http
        .get(format!(
            "{base}/v1/products/{BUSINESS_BASIC}/skus/{sku}/availabilities?country=US"
        ))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let availability = availabilities["items"][0].clone();
    let software = {
        let sandbox = sandbox(quick()).await;
        let t = sandbox.token("contoso").await;
        sandbox
            .find(&t, "SoftwareSubscriptions", "US", "commercial", |_, _| true)
            .await
    };

    // 60 two-group carts.
    let mut carts = Vec::new();
    for _ in 0..60 {
        let mut second = Sandbox::line(&software, 1);
        second["id"] = json!(1);
        let cart: Value = http
            .post(format!("{base}/v1/customers/{TAILSPIN}/carts"))
            .bearer_auth(&token)
            .json(&json!({ "lineItems": [Sandbox::line(&availability, 1), second] }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        carts.push(cart["id"].as_str().unwrap().to_owned());
    }

    // Check them out concurrently and kill the server in the middle.
    let tasks: Vec<_> = carts
        .iter()
        .map(|id| {
            let (http, base, token, id) = (http.clone(), base.clone(), token.clone(), id.clone());
            tokio::spawn(async move {
                let _ = http
                    .post(format!(
                        "{base}/v1/customers/{TAILSPIN}/carts/{id}/checkout"
                    ))
                    .bearer_auth(&token)
                    .send()
                    .await;
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(150)).await;
    // SIGKILL: no graceful shutdown, no destructor.
    process.child.kill().unwrap();
    process.child.wait().unwrap();
    for task in tasks {
        let _ = task.await;
    }
    drop(process);

    let restarted = Process::start(&db);
    let base = restarted.base.clone();
    let token = self::token(&http, &base, "contoso").await;
    let orders: Value = http
        .get(format!("{base}/v1/customers/{TAILSPIN}/orders"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // The customer's seeded holdings are orders too (`seed-…`); count only the carts' orders.
    let orders: Vec<Value> = orders["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| !o["id"].as_str().unwrap_or_default().starts_with("seed-"))
        .cloned()
        .collect();
    let (mut ordered, mut untouched) = (0, 0);
    for id in &carts {
        let cart: Value = http
            .get(format!("{base}/v1/customers/{TAILSPIN}/carts/{id}"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let of_cart = orders
            .iter()
            .filter(|o| {
                o["lineItems"].as_array().unwrap().iter().any(|_| true)
                    && cart["status"] == "Ordered"
            })
            .count();
        match cart["status"].as_str() {
            Some("Ordered") => {
                ordered += 1;
                assert!(of_cart >= 2);
            }
            Some("Active") => untouched += 1,
            other => panic!("cart {id} in state {other:?}"),
        }
    }
    // Every ordered cart contributed exactly its two orders, and nothing else exists.
    assert_eq!(
        orders.len(),
        ordered * 2,
        "{ordered} ordered carts, {} orders",
        orders.len()
    );
    // And the untouched ones can still be checked out, exactly once.
    for id in &carts {
        let reply = http
            .post(format!(
                "{base}/v1/customers/{TAILSPIN}/carts/{id}/checkout"
            ))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(reply.status(), 201);
    }
    let after: Value = http
        .get(format!("{base}/v1/customers/{TAILSPIN}/orders"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let placed = after["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| !o["id"].as_str().unwrap_or_default().starts_with("seed-"))
        .count();
    assert_eq!(placed, carts.len() * 2);
    eprintln!("kill -9 test: {ordered} carts ordered before the kill, {untouched} untouched");
    drop(restarted);
    let _ = std::fs::remove_dir_all(&dir);
}
