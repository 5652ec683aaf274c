//! The request extractors on arbitrary input, for the fuzz targets in `fuzz/` (feature
//! `fuzzing`; also built for this crate's own tests, so that it keeps compiling).
//!
//! [`request`] takes one fuzz input: its first byte picks what decodes the rest, the way the
//! routes do — a JSON body through [`PcJson`] (carts, inventory check, agreements, the sandbox
//! clock, the subscription and order PATCH bodies), a query string through axum's `Query` (every
//! query struct of the routes), a form through `Form` (the token and authorize endpoints), or an
//! `MS-ContinuationToken` header — followed by the pure checks the handler runs next, before it
//! reads the store. Nothing here changes what the routes do: it calls the same extractors and
//! functions.

use std::sync::OnceLock;

use axum::body::Body;
use axum::extract::{Form, FromRequest as _, FromRequestParts as _, Query};
use axum::http::{Request, StatusCode, header};
use axum::response::IntoResponse as _;
use chrono::{DateTime, TimeZone as _, Utc};
use pc_core::models::{Agreement, Cart, InventoryCheckRequest, Subscription};
use pc_core::rules::SubscriptionChange;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::AppError;
use crate::json::PcJson;

/// How many extractors [`request`] chooses from (the first byte modulo this).
pub const EXTRACTORS: u8 = 16;

/// Decodes `data[1..]` with the extractor `data[0]` picks (modulo [`EXTRACTORS`]) and runs the
/// handler's first pure checks on it. Returns the status the sandbox answers with when the
/// input is refused before any handler reads the store, `None` when it gets that far (an
/// input the transport would not deliver, such as a query string that is no URI, is `None`
/// too). A refusal is always a client error (4xx): the fuzz targets check that.
pub fn request(data: &[u8]) -> Option<StatusCode> {
    let (&which, rest) = data.split_first()?;
    match which % EXTRACTORS {
        0 => body::<Cart>(rest).err(),
        1 => body::<InventoryCheckRequest>(rest).err(),
        2 => body::<Agreement>(rest).err(),
        3 => clock_advance(rest).err(),
        4 => subscription_patch(rest).err(),
        5 => order_patch(rest).err(),
        6 => query::<crate::catalog::CatalogQuery>(rest),
        7 => page_query(rest),
        8 => query::<crate::billing::LineItemsQuery>(rest),
        9 => query::<crate::entitlements::EntitlementsQuery>(rest),
        10 => query::<crate::subscriptions::SubscriptionsQuery>(rest),
        11 => query::<crate::customers::AgreementQuery>(rest),
        12 => query::<crate::orders::OrdersQuery>(rest),
        13 => query::<crate::oidc::AuthorizeParams>(rest),
        14 => form(rest),
        _ => continuation_token(rest),
    }
}

/// A runtime to poll the extractors on (they read the body without waiting for anything).
fn runtime() -> Option<&'static tokio::runtime::Runtime> {
    static RUNTIME: OnceLock<Option<tokio::runtime::Runtime>> = OnceLock::new();
    RUNTIME
        .get_or_init(|| tokio::runtime::Builder::new_current_thread().build().ok())
        .as_ref()
}

/// The status an error answers with.
fn status(error: AppError) -> StatusCode {
    error.into_response().status()
}

/// `bytes` as a JSON request body decoded by [`PcJson`].
fn body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, StatusCode> {
    let request = Request::builder()
        .method("POST")
        .uri("/")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(bytes.to_vec()))
        .map_err(|_| StatusCode::BAD_REQUEST)?;
    let runtime = runtime().ok_or(StatusCode::INTERNAL_SERVER_ERROR)?;
    runtime
        .block_on(PcJson::<T>::from_request(request, &()))
        .map(|PcJson(value)| value)
        .map_err(status)
}

/// `POST /sandbox/clock`: the body, then the duration read from it.
fn clock_advance(bytes: &[u8]) -> Result<(), StatusCode> {
    body::<crate::clock::AdvanceRequest>(bytes)?;
    let value = body::<Value>(bytes)?;
    let advance = value.get("advance").and_then(Value::as_str).unwrap_or("");
    crate::clock::advance_ms(fixed_now(), advance).map_err(status)?;
    Ok(())
}

/// `PATCH …/subscriptions/{id}`: the body, its etag and the changes it asks of a subscription.
fn subscription_patch(bytes: &[u8]) -> Result<(), StatusCode> {
    let value = body::<Value>(bytes)?;
    let _etag = crate::lifecycle::expected_etag(None, &value);
    let current = subscription();
    SubscriptionChange::from_patch(&current, &value)
        .map_err(|e| status(AppError::invalid_input(e.to_string())))?;
    Ok(())
}

/// `PATCH …/orders/{id}`: the body and its etag.
fn order_patch(bytes: &[u8]) -> Result<(), StatusCode> {
    let value = body::<Value>(bytes)?;
    let _etag = crate::lifecycle::expected_etag(None, &value);
    Ok(())
}

/// `bytes` as the query string of a GET, decoded by axum's `Query` as `T`.
fn query<T: DeserializeOwned>(bytes: &[u8]) -> Option<StatusCode> {
    query_value::<T>(bytes).err().flatten()
}

/// The query decoded, or the status of its refusal (`Err(None)`: not a URI at all, which no
/// client can send).
fn query_value<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Option<StatusCode>> {
    let text = std::str::from_utf8(bytes).map_err(|_| None)?;
    let request = Request::builder()
        .uri(format!("/?{text}"))
        .body(Body::empty())
        .map_err(|_| None)?;
    let (mut parts, _) = request.into_parts();
    let runtime = runtime().ok_or(Some(StatusCode::INTERNAL_SERVER_ERROR))?;
    runtime
        .block_on(Query::<T>::from_request_parts(&mut parts, &()))
        .map(|Query(value)| value)
        .map_err(|rejection| Some(rejection.into_response().status()))
}

/// `size` and `offset` of the paged lists, resolved as the handlers do.
fn page_query(bytes: &[u8]) -> Option<StatusCode> {
    match query_value::<crate::paging::PageQuery>(bytes) {
        Ok(page) => page.resolve(100).err().map(status),
        Err(refused) => refused,
    }
}

/// The form bodies: the token endpoint's, then the authorize endpoint's POST.
fn form(bytes: &[u8]) -> Option<StatusCode> {
    let runtime = runtime()?;
    let request = |bytes: &[u8]| {
        Request::builder()
            .method("POST")
            .uri("/")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(bytes.to_vec()))
            .ok()
    };
    let token = runtime
        .block_on(Form::<crate::token::TokenForm>::from_request(
            request(bytes)?,
            &(),
        ))
        .err()
        .map(|rejection| rejection.into_response().status());
    let authorize = runtime
        .block_on(Form::<crate::oidc::AuthorizeParams>::from_request(
            request(bytes)?,
            &(),
        ))
        .err()
        .map(|rejection| rejection.into_response().status());
    token.or(authorize)
}

/// The `MS-ContinuationToken` header of the seek-paged lists.
fn continuation_token(bytes: &[u8]) -> Option<StatusCode> {
    let text = std::str::from_utf8(bytes).ok()?;
    crate::paging::offset_of_token(text).err().map(status)
}

/// The moment the clock checks are made at.
fn fixed_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0)
        .single()
        .unwrap_or_default()
}

/// An active subscription to compare PATCH bodies with.
fn subscription() -> Subscription {
    serde_json::from_value(serde_json::json!({
        "id": "a7f2b5c8-0d1e-4f3a-9b6c-2d4e6f8a0b1c",
        "offerId": "CFQ7TTC0LH18:0001:CFQ7TTC0LH0R",
        "quantity": 5,
        "status": "active",
        "autoRenewEnabled": true,
        "billingCycle": "monthly",
        "termDuration": "P1Y",
        "scheduledNextTermInstructions": {
            "product": {"productId": "CFQ7TTC0LH18", "skuId": "0001",
                        "availabilityId": "CFQ7TTC0LH0R", "billingCycle": "annual",
                        "termDuration": "P1Y"},
            "quantity": 5
        },
        "attributes": {"etag": "eyJpZCI6IjEifQ", "objectType": "Subscription"}
    }))
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use axum::http::StatusCode;

    use super::{EXTRACTORS, request};

    fn with(which: u8, rest: &str) -> Option<StatusCode> {
        let mut data = vec![which];
        data.extend_from_slice(rest.as_bytes());
        request(&data)
    }

    #[test]
    fn good_inputs_pass_and_bad_ones_are_client_errors() {
        assert_eq!(with(0, r#"{"lineItems": []}"#), None);
        assert_eq!(
            with(0, r#"{"lineItems": [{"quantity": "many"}]}"#),
            Some(StatusCode::BAD_REQUEST)
        );
        assert_eq!(with(0, "{} x"), Some(StatusCode::BAD_REQUEST));
        assert_eq!(with(3, r#"{"advance": "P8D"}"#), None);
        assert_eq!(
            with(3, r#"{"advance": "P11Y"}"#),
            Some(StatusCode::BAD_REQUEST)
        );
        assert_eq!(with(4, r#"{"quantity": 3}"#), None);
        assert_eq!(
            with(4, r#"{"status": "suspended"}"#),
            Some(StatusCode::BAD_REQUEST)
        );
        assert_eq!(with(7, "size=10&offset=20"), None);
        assert_eq!(with(7, "size=0"), Some(StatusCode::BAD_REQUEST));
        assert_eq!(with(6, "country=US&targetView=OnlineServices"), None);
        assert_eq!(with(14, "grant_type=password&username=a%40b"), None);
        assert_eq!(with(15, "pcs-100"), None);
        assert_eq!(with(15, "pcs-x"), Some(StatusCode::BAD_REQUEST));
        for which in 0..EXTRACTORS {
            for rest in ["", "\u{0}", "{", "%", "a=%ff", "[]", "null"] {
                if let Some(status) = with(which, rest) {
                    assert!(status.is_client_error(), "{which} {rest:?}: {status}");
                }
            }
        }
        assert_eq!(request(&[]), None);
    }
}
