//! Gateway mode (`--upstream URL`): every `/v1/*` request is forwarded to the upstream Partner
//! Center with the caller's `Authorization` and Partner Center headers, and the upstream's
//! answer is returned as is (status, Partner Center headers, body streamed). Nothing is stored.

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use futures_util::TryStreamExt;

use crate::AppState;
use crate::error::AppError;

/// Request headers passed upstream.
const FORWARDED_REQUEST_HEADERS: &[&str] = &[
    "authorization",
    "accept",
    "content-type",
    "if-match",
    "ms-requestid",
    "ms-correlationid",
    "ms-contract-version",
    "ms-continuationtoken",
    "ms-cv",
    "ms-partnercenter-application",
    "x-locale",
    "x-ms-customeruser-upn",
];

/// Response headers passed back.
const FORWARDED_RESPONSE_HEADERS: &[&str] = &[
    "content-type",
    "content-disposition",
    "location",
    "retry-after",
    "www-authenticate",
    "ms-requestid",
    "ms-correlationid",
    "ms-cv",
    "ms-serverid",
    "x-locale",
    "etag",
];

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/{*path}", any(forward))
}

async fn forward(
    State(state): State<AppState>,
    Path(path): Path<String>,
    request: Request,
) -> Response {
    match forward_inner(&state, &path, request).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    }
}

async fn forward_inner(
    state: &AppState,
    path: &str,
    request: Request,
) -> Result<Response, AppError> {
    let Some(upstream) = state.config().upstream.as_ref() else {
        return Err(AppError::internal("gateway router without an upstream"));
    };
    let mut url = upstream.clone();
    let base = upstream.path().trim_end_matches('/');
    url.set_path(&format!("{base}/v1/{path}"));
    url.set_query(request.uri().query());
    let method = reqwest::Method::from_bytes(request.method().as_str().as_bytes())
        .map_err(|_| AppError::invalid_input("Unsupported HTTP method."))?;
    let mut outgoing = state.http().request(method, url.clone());
    for name in FORWARDED_REQUEST_HEADERS {
        for value in request.headers().get_all(*name) {
            outgoing = outgoing.header(*name, value.as_bytes());
        }
    }
    let body = axum::body::to_bytes(request.into_body(), crate::MAX_BODY_BYTES)
        .await
        .map_err(|_| {
            AppError::invalid_input(format!(
                "The request body is larger than {} bytes; nothing was forwarded.",
                crate::MAX_BODY_BYTES
            ))
        })?;
    if !body.is_empty() {
        outgoing = outgoing.body(body);
    }
    let upstream_response = outgoing.send().await.map_err(|error| {
        tracing::warn!(%error, %url, "upstream request failed");
        let status = if error.is_timeout() {
            StatusCode::GATEWAY_TIMEOUT
        } else {
            StatusCode::BAD_GATEWAY
        };
        AppError::new(
            status,
            800_003,
            format!(
                "The upstream Partner Center at {} could not be reached; try again.",
                upstream.as_str()
            ),
        )
    })?;
    let status = StatusCode::from_u16(upstream_response.status().as_u16())
        .unwrap_or(StatusCode::BAD_GATEWAY);
    let mut response = Response::builder().status(status);
    for name in FORWARDED_RESPONSE_HEADERS {
        for value in upstream_response.headers().get_all(*name) {
            if let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_bytes(value.as_bytes()),
            ) {
                response = response.header(name, value);
            }
        }
    }
    let stream = upstream_response
        .bytes_stream()
        .map_err(std::io::Error::other);
    response
        .body(Body::from_stream(stream))
        .map_err(AppError::internal)
}
