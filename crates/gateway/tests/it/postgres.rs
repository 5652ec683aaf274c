//! Two gateway instances behind one load balancer share sessions through PostgreSQL
//! (`PC_SANDBOX_TEST_POSTGRES_URL`, which `.ci/run` sets; without it the test says so and is
//! skipped, except in CI where it fails).

use std::time::Duration;

use reqwest::{Method, StatusCode};

use crate::common::{Browser, Recorder, authority, gateway, sandbox};

/// A fresh database on the test server, dropped by the caller.
async fn fresh_database() -> Option<(String, String, String)> {
    let Ok(admin) = std::env::var("PC_SANDBOX_TEST_POSTGRES_URL") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must set PC_SANDBOX_TEST_POSTGRES_URL (see .ci/run)"
        );
        eprintln!("skipped: PC_SANDBOX_TEST_POSTGRES_URL is not set");
        return None;
    };
    sqlx::any::install_default_drivers();
    let name = format!("pcg_test_{}", uuid::Uuid::new_v4().simple());
    let pool = sqlx::AnyPool::connect(&admin)
        .await
        .expect("PostgreSQL reachable");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&pool)
        .await
        .expect("create database");
    let (base, query) = match admin.split_once('?') {
        Some((b, q)) => (b.to_owned(), format!("?{q}")),
        None => (admin.clone(), String::new()),
    };
    let base = base
        .rsplit_once('/')
        .map_or(base.clone(), |(b, _)| b.to_owned());
    Some((format!("{base}/{name}{query}"), admin, name))
}

async fn drop_database(admin: &str, name: &str) {
    if let Ok(pool) = sqlx::AnyPool::connect(admin).await {
        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .execute(&pool)
            .await;
    }
}

#[tokio::test]
async fn one_session_is_seen_by_two_gateway_instances_on_one_postgresql() {
    let Some((url, admin, name)) = fresh_database().await else {
        return;
    };
    let sb = sandbox(Duration::from_secs(3600)).await;
    let (recorder, upstream) = Recorder::start().await;
    // Behind a load balancer both instances have one public URL; here each has its own port, so
    // the browser's cookie is carried from one to the other by hand.
    let a = gateway(&authority(&sb), &upstream, &url, |_| {}).await;
    let b = gateway(&authority(&sb), &upstream, &url, |_| {}).await;
    let browser = Browser::new();
    let callback = browser.authorize(&a, "sales@contoso.example", "/").await;
    let response = browser.http.get(&callback).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("pc-session="))
        .and_then(|c| c.split(';').next())
        .unwrap()
        .to_owned();
    let on_b: serde_json::Value = reqwest::Client::new()
        .get(b.at("/auth/session"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(on_b["signedIn"], true, "{on_b}");
    assert_eq!(on_b["user"]["email"], "sales@contoso.example");
    let forwarded = reqwest::Client::new()
        .get(b.at("/v1/from-b"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(forwarded.status(), StatusCode::OK);
    assert!(recorder.last("/v1/from-b").is_some());
    // Signing out on A ends it on B.
    let out = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .request(Method::POST, a.at("/auth/logout"))
        .header("cookie", &cookie)
        .header("origin", a.origin())
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    let after = reqwest::Client::new()
        .get(b.at("/v1/from-b"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED);
    drop((a, b));
    drop_database(&admin, &name).await;
}
