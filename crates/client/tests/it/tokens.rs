//! How often the token provider is asked: once per token (kept until shortly before its `exp`),
//! once more after a 401, and once for calls that wait together.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use futures_util::TryStreamExt;
use pc_client::transport::Transport;
use pc_client::{Client, TokenFn};
use pc_core::models::{Order, Subscription};
use pc_sandbox::Config;

use crate::common::{NORTHWIND, Recording, fast_retry, quick, sandbox, token};

/// The calls that open a customer in the portal: customer, qualifications, agreements,
/// subscriptions and orders.
async fn open_customer<T: Transport>(client: &Client<T>) {
    let customers = client.customers();
    let customer = customers.get(NORTHWIND).await.unwrap();
    assert_eq!(customer.company_name(), Some("Northwind Traders"));
    customers.qualifications(NORTHWIND).await.unwrap();
    customers.agreements(NORTHWIND, None).await.unwrap();
    let _: Vec<Subscription> = client
        .subscriptions()
        .list(NORTHWIND)
        .try_collect()
        .await
        .unwrap();
    let _: Vec<Order> = client.orders().list(NORTHWIND).try_collect().await.unwrap();
}

/// A provider that asks `base`'s token endpoint on every call (as a host page without a cache
/// of its own does), recording `fresh` of each call; with `stale`, a call that is not fresh gets
/// that token instead.
fn asking(
    base: &str,
    stale: Option<String>,
) -> (
    impl pc_client::TokenProvider + 'static,
    Rc<RefCell<Vec<bool>>>,
) {
    let asked = Rc::new(RefCell::new(Vec::new()));
    let log = asked.clone();
    let base = base.to_owned();
    let provider = TokenFn(move |fresh: bool| {
        log.borrow_mut().push(fresh);
        let base = base.clone();
        let stale = stale.clone().filter(|_| !fresh);
        async move {
            match stale {
                Some(token) => Ok(token),
                None => Ok(token(&base, "contoso").await),
            }
        }
    });
    (provider, asked)
}

fn statuses(log: &Rc<RefCell<Vec<crate::common::Sent>>>) -> Vec<Option<u16>> {
    log.borrow().iter().map(|s| s.status).collect()
}

#[tokio::test(flavor = "current_thread")]
async fn opening_a_customer_twice_asks_for_one_token() {
    let base = sandbox(quick()).await;
    let (provider, asked) = asking(&base, None);
    let transport = Recording::new();
    let log = transport.log.clone();
    let client = Client::builder(&base, transport, provider)
        .retry(fast_retry())
        .build();
    // One after another, then all at once before any token is held (a second client).
    open_customer(&client).await;
    open_customer(&client).await;
    assert_eq!(asked.borrow().as_slice(), [false]);
    assert_eq!(client.token_requests(), 1);
    assert_eq!(client.requests_sent(), 10);
    assert!(statuses(&log).iter().all(|s| *s == Some(200)));

    let (provider, asked) = asking(&base, None);
    let together = Client::builder(&base, Recording::new(), provider).build();
    tokio::join!(
        open_customer(&together),
        open_customer(&together),
        open_customer(&together)
    );
    assert_eq!(
        asked.borrow().as_slice(),
        [false],
        "the calls that found no token shared one provider call"
    );
    assert_eq!(together.requests_sent(), 15);
}

#[tokio::test(flavor = "current_thread")]
async fn a_refused_token_is_asked_for_again_once_and_the_calls_succeed() {
    let base = sandbox(quick()).await;
    // A well-formed token with an hour left that this sandbox refuses: another sandbox signed it.
    let elsewhere = sandbox(quick()).await;
    let foreign = token(&elsewhere, "contoso").await;
    assert!(pc_client::token_expiry(&foreign).is_some());
    let (provider, asked) = asking(&base, Some(foreign));
    let transport = Recording::new();
    let log = transport.log.clone();
    let client = Client::builder(&base, transport, provider)
        .retry(fast_retry())
        .build();
    // Three calls see the token refused at once; one fresh token serves them and what follows.
    let customers = client.customers();
    let (a, b, c) = tokio::join!(
        customers.get(NORTHWIND),
        customers.qualifications(NORTHWIND),
        customers.agreements(NORTHWIND, None)
    );
    a.unwrap();
    b.unwrap();
    c.unwrap();
    open_customer(&client).await;
    assert_eq!(asked.borrow().as_slice(), [false, true]);
    let statuses = statuses(&log);
    assert_eq!(statuses.iter().filter(|s| **s == Some(401)).count(), 3);
    assert_eq!(statuses.iter().filter(|s| **s == Some(200)).count(), 3 + 5);
}

#[tokio::test(flavor = "current_thread")]
async fn a_token_is_replaced_before_its_exp_without_a_401() {
    // Tokens live 2 seconds: each is kept for half of what it had left when it arrived.
    let base = sandbox(Config {
        token_lifetime: Duration::from_secs(2),
        ..quick()
    })
    .await;
    let (provider, asked) = asking(&base, None);
    let transport = Recording::new();
    let log = transport.log.clone();
    let client = Client::builder(&base, transport, provider)
        .retry(fast_retry())
        .build();
    let customers = client.customers();
    customers.get(NORTHWIND).await.unwrap();
    customers.get(NORTHWIND).await.unwrap();
    assert_eq!(asked.borrow().len(), 1, "kept while far from its exp");
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    customers.get(NORTHWIND).await.unwrap();
    assert_eq!(asked.borrow().len(), 2, "replaced when near its exp");
    tokio::time::sleep(Duration::from_millis(2_500)).await;
    customers.get(NORTHWIND).await.unwrap();
    assert_eq!(
        asked.borrow().as_slice(),
        [false, false, false],
        "an expired token is replaced before it is sent"
    );
    assert_eq!(statuses(&log), [Some(200); 4], "no call was refused");
}
