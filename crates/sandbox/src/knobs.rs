//! Cross-cutting behaviour of `/v1`: request and correlation IDs, injected latency and faults,
//! authentication and per-partner throttling (Partner Center: *Partner Center REST request and
//! response headers*, *API throttling guidance*).

use std::num::NonZeroU32;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use pc_core::models::ThrottleError;

use crate::AppState;
use crate::auth::{self, Caller};
use crate::error::AppError;

/// `MS-RequestId`: idempotency key of a call (echoed; generated when absent).
pub(crate) const MS_REQUEST_ID: HeaderName = HeaderName::from_static("ms-requestid");
/// `MS-CorrelationId`: trace correlation (echoed; generated when absent).
pub(crate) const MS_CORRELATION_ID: HeaderName = HeaderName::from_static("ms-correlationid");
/// `MS-CV`: correlation vector (echoed when sent).
const MS_CV: HeaderName = HeaderName::from_static("ms-cv");
/// `X-Locale`: language of returned text (echoed; `en-US` by default).
const X_LOCALE: HeaderName = HeaderName::from_static("x-locale");
/// `MS-ServerId`: which server answered.
const MS_SERVER_ID: HeaderName = HeaderName::from_static("ms-serverid");

/// The IDs of one request, available to handlers as an extension.
#[derive(Debug, Clone)]
pub(crate) struct RequestIds {
    /// `MS-RequestId` as sent, or generated.
    pub(crate) request_id: String,
    /// Whether the caller sent `MS-RequestId` (only then is it an idempotency key).
    pub(crate) request_id_sent: bool,
}

fn header_text(headers: &HeaderMap, name: &HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// Reads or generates `MS-RequestId` / `MS-CorrelationId`, and echoes them with `MS-CV` and
/// `X-Locale` on the response.
pub(crate) async fn request_ids(mut request: Request, next: Next) -> Response {
    let headers = request.headers();
    let sent = header_text(headers, &MS_REQUEST_ID);
    let request_id_sent = sent.is_some();
    let request_id = sent.unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let correlation_id = header_text(headers, &MS_CORRELATION_ID)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let cv = header_text(headers, &MS_CV);
    let locale = header_text(headers, &X_LOCALE).unwrap_or_else(|| "en-US".to_owned());
    // Generated IDs go on the request too, so handlers see the values the response echoes.
    for (name, value) in [
        (MS_REQUEST_ID, &request_id),
        (MS_CORRELATION_ID, &correlation_id),
    ] {
        if let Ok(value) = HeaderValue::from_str(value) {
            request.headers_mut().insert(name, value);
        }
    }
    request.extensions_mut().insert(RequestIds {
        request_id: request_id.clone(),
        request_id_sent,
    });
    let mut response = next.run(request).await;
    let out = response.headers_mut();
    for (name, value) in [
        (MS_REQUEST_ID, Some(request_id)),
        (MS_CORRELATION_ID, Some(correlation_id)),
        (MS_CV, cv),
        (X_LOCALE, Some(locale)),
        (MS_SERVER_ID, Some("pc-sandbox".to_owned())),
    ] {
        if let Some(value) = value.and_then(|v| HeaderValue::from_str(&v).ok()) {
            out.entry(name).or_insert(value);
        }
    }
    response
}

/// CORS for dashboards that embed the portal from another origin: any origin may call with a
/// bearer token (no cookies are used), and the Partner Center response headers are readable.
pub(crate) fn cors() -> tower_http::cors::CorsLayer {
    use tower_http::cors::{Any, CorsLayer};
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods(Any)
        .allow_headers(Any)
        .expose_headers([
            MS_REQUEST_ID,
            MS_CORRELATION_ID,
            MS_CV,
            X_LOCALE,
            header::RETRY_AFTER,
            header::LOCATION,
            header::CONTENT_DISPOSITION,
            HeaderName::from_static("ms-continuationtoken"),
        ])
        .max_age(Duration::from_secs(600))
}

/// Per-partner request budget (`--throttle PER_MINUTE`).
pub(crate) struct Throttle {
    limiter: DefaultKeyedRateLimiter<String>,
    clock: DefaultClock,
}

impl Throttle {
    /// Allows `per_minute` requests per minute per partner tenant, replenished evenly.
    pub(crate) fn per_minute(per_minute: NonZeroU32) -> Self {
        Self {
            limiter: RateLimiter::keyed(Quota::per_minute(per_minute)),
            clock: DefaultClock::default(),
        }
    }

    /// `Ok` when `key` may make a call now, else how long until it may.
    pub(crate) fn check(&self, key: &str) -> Result<(), Duration> {
        self.limiter
            .check_key(&key.to_owned())
            .map_err(|not_until| not_until.wait_time_from(self.clock.now()))
    }
}

/// 429 with `Retry-After` (whole seconds, rounded up) and the documented throttling body.
pub(crate) fn throttled(wait: Duration) -> Response {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    let seconds = seconds.max(1);
    let body = ThrottleError {
        status_code: 429,
        message: format!("Rate limit is exceeded. Try again in {seconds} seconds."),
    };
    let mut response = (StatusCode::TOO_MANY_REQUESTS, Json(body)).into_response();
    if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// Wraps the `/v1` router: latency, then faults, then authentication and throttling.
pub(crate) fn layer(router: Router<AppState>, state: &AppState) -> Router<AppState> {
    router
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            authenticate_and_throttle,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            latency_and_faults,
        ))
}

async fn authenticate_and_throttle(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let (mut parts, body) = request.into_parts();
    let caller = match auth::authenticate(&parts, &state).await {
        Ok(caller) => caller,
        Err(error) => return error.into_response(),
    };
    if let Some(throttle) = state.throttle()
        && let Err(wait) = throttle.check(caller.partner.tenant_id)
    {
        return throttled(wait);
    }
    parts.extensions.insert::<Caller>(caller);
    state.sync_clock().await;
    next.run(Request::from_parts(parts, body)).await
}

async fn latency_and_faults(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let config = state.config();
    if !config.latency.is_zero() {
        tokio::time::sleep(config.latency).await;
    }
    if config.fault_rate > 0.0 {
        let roll: f64 = rand::random();
        if roll < config.fault_rate / 2.0 {
            return AppError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                800_003,
                "Injected fault (--fault-rate): the service is unavailable; nothing was done.",
            )
            .into_response();
        }
        if roll < config.fault_rate {
            let done = next.run(request).await;
            tracing::info!(status = %done.status(), "injected fault: response dropped after the work was done");
            return AppError::new(
                StatusCode::GATEWAY_TIMEOUT,
                800_003,
                "Injected fault (--fault-rate): the request timed out; it may have been processed. Retry with the same MS-RequestId.",
            )
            .into_response();
        }
    }
    next.run(request).await
}
