use std::cell::Cell;
use std::num::NonZeroU32;
use std::rc::Rc;
use std::time::Duration;

use futures_util::future::join_all;
use pc_client::journal::FileJournal;
use pc_client::transport::ReqwestTransport;
use pc_client::{CatalogQuery, Client, Journal, JournalEntry, StaticToken, TokenFn};
use pc_core::enums::BillingCycle;
use pc_core::models::{Cart, CartLineItem};

use crate::common::*;

async fn basic_cart<T: pc_client::transport::Transport>(client: &Client<T>) -> Cart {
    let us = CatalogQuery {
        country: "US",
        ..CatalogQuery::default()
    };
    let skus = client.skus().list(BUSINESS_BASIC, &us).await.unwrap();
    let availability = client
        .availabilities()
        .list(BUSINESS_BASIC, skus[0].id.as_ref().unwrap().as_str(), &us)
        .await
        .unwrap()
        .remove(0);
    Cart {
        line_items: Some(vec![CartLineItem {
            id: Some(0),
            catalog_item_id: availability.catalog_item_id.clone(),
            quantity: Some(1),
            billing_cycle: Some(BillingCycle::Monthly.into()),
            term_duration: Some("P1M".to_owned()),
            ..CartLineItem::default()
        }]),
        ..Cart::default()
    }
}

#[tokio::test(flavor = "current_thread")]
async fn after_429_no_request_leaves_before_retry_after_and_all_work_finishes() {
    let base = sandbox(pc_sandbox::Config {
        throttle_per_minute: NonZeroU32::new(60),
        ..quick()
    })
    .await;
    let (client, log) = client(&base, "contoso").await;
    for _ in 0..64 {
        client.customers().get(NORTHWIND).await.unwrap();
    }
    let log = log.borrow();
    let throttled: Vec<usize> = log
        .iter()
        .enumerate()
        .filter(|(_, s)| s.status == Some(429))
        .map(|(i, _)| i)
        .collect();
    assert!(!throttled.is_empty(), "the budget of 60/min was exceeded");
    for i in throttled {
        let wait: u64 = log[i].retry_after.as_deref().unwrap().parse().unwrap();
        let next = &log[i + 1];
        assert!(
            next.at.duration_since(log[i].at) >= Duration::from_secs(wait),
            "request {} left {:?} after a 429 with Retry-After {wait}",
            i + 1,
            next.at.duration_since(log[i].at)
        );
    }
    assert_eq!(log.iter().filter(|s| s.status == Some(200)).count(), 64);
}

#[tokio::test(flavor = "current_thread")]
async fn a_401_asks_the_provider_once_for_a_fresh_token() {
    let base = sandbox(quick()).await;
    let good = token(&base, "contoso").await;
    let calls = Rc::new(Cell::new(0));
    let counter = calls.clone();
    let provider = TokenFn(move |fresh: bool| {
        counter.set(counter.get() + 1);
        let token = if fresh {
            good.clone()
        } else {
            "stale".to_owned()
        };
        async move { Ok(token) }
    });
    let client = Client::builder(
        &base,
        ReqwestTransport::new(Duration::from_secs(10)).unwrap(),
        provider,
    )
    .retry(fast_retry())
    .build();
    client.customers().get(NORTHWIND).await.unwrap();
    assert_eq!(calls.get(), 2);
    let refused = Client::builder(
        &base,
        ReqwestTransport::new(Duration::from_secs(10)).unwrap(),
        StaticToken("bad".into()),
    )
    .build();
    let error = refused.customers().get(NORTHWIND).await.unwrap_err();
    assert_eq!(error.status(), Some(401));
    assert_eq!(
        refused.requests_sent(),
        2,
        "one retry with a fresh token, then give up"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn two_hundred_checkouts_through_injected_faults_create_no_duplicate_orders() {
    // The fault-free side prepares carts; the faulty side (30% of calls fail, half of them
    // after the work was committed) checks them out. Both serve one database file.
    let db = std::env::temp_dir().join(format!(
        "pc-client-faults-{}-{}.db",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    let url = format!("sqlite://{}", db.display());
    let steady = sandbox_on(&url, quick()).await;
    let faulty = sandbox_on(
        &url,
        pc_sandbox::Config {
            fault_rate: 0.3,
            ..quick()
        },
    )
    .await;
    let (setup, _) = client(&steady, "contoso").await;
    let cart = basic_cart(&setup).await;
    let mut carts = Vec::new();
    for _ in 0..200 {
        carts.push(
            setup
                .carts()
                .create(NORTHWIND, &cart)
                .await
                .unwrap()
                .id
                .unwrap()
                .as_str()
                .to_owned(),
        );
    }
    // A token of the fault-free side: the same key signs for both.
    let transport = Recording::new();
    let log = transport.log.clone();
    let client = Client::builder(
        &faulty,
        transport,
        StaticToken(token(&steady, "contoso").await),
    )
    .retry(fast_retry())
    .build();
    let results = join_all(carts.chunks(20).map(|chunk| {
        let client = client.clone();
        let chunk = chunk.to_vec();
        async move {
            let mut out = Vec::new();
            for id in chunk {
                out.push(client.carts().checkout(NORTHWIND, &id).await);
            }
            out
        }
    }))
    .await;
    let results: Vec<_> = results.into_iter().flatten().collect();
    assert!(
        results.iter().all(Result::is_ok),
        "{:?}",
        results.iter().find(|r| r.is_err())
    );
    let orders: Vec<_> = {
        use futures_util::TryStreamExt;
        setup.orders().list(NORTHWIND).try_collect().await.unwrap()
    };
    assert_eq!(orders.len(), 200, "exactly one order per cart");
    let faults = log
        .borrow()
        .iter()
        .filter(|s| matches!(s.status, Some(503 | 504)))
        .count();
    eprintln!(
        "200 checkouts: {} sends, {faults} injected faults, {} orders",
        log.borrow().len(),
        orders.len()
    );
    assert!(faults > 20, "faults were injected ({faults})");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_checkout_interrupted_before_its_outcome_is_resumed_once() {
    let base = sandbox(quick()).await;
    let dir = std::env::temp_dir().join(format!("pcc-journal-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("journal.json");
    let token = token(&base, "contoso").await;

    // Session 1: the checkout was sent and committed, but the page reloaded before the answer.
    let first = Client::builder(
        &base,
        ReqwestTransport::new(Duration::from_secs(10)).unwrap(),
        StaticToken(token.clone()),
    )
    .journal(FileJournal::new(&path))
    .build();
    let cart = basic_cart(&first).await;
    let cart_id = first
        .carts()
        .create(NORTHWIND, &cart)
        .await
        .unwrap()
        .id
        .unwrap()
        .as_str()
        .to_owned();
    let entry = JournalEntry {
        customer_id: NORTHWIND.to_owned(),
        cart_id: cart_id.clone(),
        request_id: uuid::Uuid::new_v4().to_string(),
        correlation_id: uuid::Uuid::new_v4().to_string(),
    };
    FileJournal::new(&path).record(&entry).unwrap();
    let committed = reqwest::Client::new()
        .post(format!(
            "{base}/v1/customers/{NORTHWIND}/carts/{cart_id}/checkout"
        ))
        .bearer_auth(&token)
        .header("MS-RequestId", &entry.request_id)
        .send()
        .await
        .unwrap();
    assert_eq!(committed.status(), 201);
    let committed: serde_json::Value = committed.json().await.unwrap();
    drop(first);

    // Session 2 starts: the journal names the checkout; resuming returns the same order.
    let second = Client::builder(
        &base,
        ReqwestTransport::new(Duration::from_secs(10)).unwrap(),
        StaticToken(token),
    )
    .journal(FileJournal::new(&path))
    .build();
    // What a start checks before resuming (the portal fetches the resuming code only then).
    assert_eq!(second.pending_checkouts().unwrap(), vec![entry.clone()]);
    let resumed = second.resume_checkouts().await.unwrap();
    assert_eq!(resumed.len(), 1);
    let result = resumed[0].1.as_ref().unwrap();
    assert_eq!(
        result.orders.as_ref().unwrap()[0]
            .id
            .as_ref()
            .unwrap()
            .as_str(),
        committed["orders"][0]["id"].as_str().unwrap()
    );
    assert!(
        FileJournal::new(&path).pending().unwrap().is_empty(),
        "the outcome is known now"
    );
    assert!(second.pending_checkouts().unwrap().is_empty());
    let orders: Vec<_> = {
        use futures_util::TryStreamExt;
        second.orders().list(NORTHWIND).try_collect().await.unwrap()
    };
    assert_eq!(orders.len(), 1, "no duplicate order");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "current_thread")]
async fn request_ids_repeat_after_a_timeout_and_for_non_idempotent_calls_only() {
    // Every call times out: the same MS-RequestId goes again (it may have been processed).
    let slow = sandbox(pc_sandbox::Config {
        latency: Duration::from_millis(400),
        ..quick()
    })
    .await;
    let token_value = token(&slow, "contoso").await;
    let transport = Recording::with_timeout(Duration::from_millis(100));
    let log = transport.log.clone();
    let retry = pc_client::RetryPolicy {
        max_attempts: 3,
        ..fast_retry()
    };
    let client = Client::builder(&slow, transport, StaticToken(token_value))
        .retry(retry)
        .build();
    let error = client.customers().get(NORTHWIND).await.unwrap_err();
    assert!(
        matches!(error, pc_client::Error::Transport { timeout: true, .. }),
        "{error:?}"
    );
    let ids: Vec<String> = log
        .borrow()
        .iter()
        .map(|s| header(&s.request, "MS-RequestId").unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 3);
    assert!(ids.iter().all(|id| id == &ids[0]), "{ids:?}");

    // Every call gets a 503/504 response: a GET takes a new ID after each response, a cart
    // create (not idempotent) keeps its ID; the correlation ID stays for the whole operation.
    let failing = sandbox(pc_sandbox::Config {
        fault_rate: 1.0,
        ..quick()
    })
    .await;
    let token_value = token(&failing, "contoso").await;
    let transport = Recording::new();
    let log = transport.log.clone();
    let client = Client::builder(&failing, transport, StaticToken(token_value))
        .retry(retry)
        .build();
    client.customers().get(NORTHWIND).await.unwrap_err();
    let cart = Cart {
        line_items: Some(vec![CartLineItem::default()]),
        ..Cart::default()
    };
    client.carts().create(NORTHWIND, &cart).await.unwrap_err();
    let log = log.borrow();
    let ids = |range: std::ops::Range<usize>| -> Vec<String> {
        log[range]
            .iter()
            .map(|s| header(&s.request, "MS-RequestId").unwrap().to_owned())
            .collect()
    };
    let get_ids = ids(0..3);
    assert!(
        get_ids[0] != get_ids[1] && get_ids[1] != get_ids[2],
        "{get_ids:?}"
    );
    let post_ids = ids(3..6);
    assert!(post_ids.iter().all(|id| id == &post_ids[0]), "{post_ids:?}");
    let correlation: Vec<&str> = log[0..3]
        .iter()
        .map(|s| header(&s.request, "MS-CorrelationId").unwrap())
        .collect();
    assert!(correlation.iter().all(|c| *c == correlation[0]));
}

#[tokio::test(flavor = "current_thread")]
async fn collections_follow_links_next_with_the_continuation_token() {
    let base = sandbox(quick()).await;
    let (client, log) = client(&base, "contoso").await;
    let customers: Vec<pc_core::models::Customer> = client
        .all(pc_client::Operation::get("/v1/customers?size=2"))
        .await
        .unwrap();
    assert_eq!(customers.len(), 7, "every page collected");
    let log = log.borrow();
    assert_eq!(log.len(), 4, "4 pages of at most 2");
    assert!(header(&log[1].request, "MS-ContinuationToken").is_some());
}
