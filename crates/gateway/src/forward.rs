//! `/v1/*` forwarded to Partner Center with the session's bearer token. Only Partner Center's own
//! request headers pass (`MS-RequestId`, `MS-CorrelationId`, `X-Locale`, `If-Match`,
//! `MS-ContinuationToken`, …) — never the browser's cookies or an `Authorization` it sends — and
//! the answer's status, Partner Center headers, `Date` (the upstream's clock, which pc-client
//! reads for the lifecycle windows) and body come back as they are. Bodies stream
//! both ways (a request body is capped at [`MAX_BODY_BYTES`]).

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse as _, Response};
use axum_extra::extract::CookieJar;
use futures_util::TryStreamExt as _;

use crate::auth::{access_token, require};
use crate::{GatewayError, GatewayState};

/// Largest request body forwarded: 4 MiB (Partner Center's carts are far smaller).
pub(crate) const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// Request headers passed upstream (lower case).
const FORWARDED_REQUEST_HEADERS: &[&str] = &[
    "accept",
    "accept-language",
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

/// Response headers passed back (lower case).
const FORWARDED_RESPONSE_HEADERS: &[&str] = &[
    "content-type",
    "content-disposition",
    "content-length",
    "date",
    "location",
    "retry-after",
    "ms-requestid",
    "ms-correlationid",
    "ms-cv",
    "ms-serverid",
    "x-locale",
    "etag",
];

/// `/v1/{*path}`.
pub(crate) async fn forward(
    State(state): State<GatewayState>,
    jar: CookieJar,
    request: Request,
) -> Response {
    match forward_inner(&state, &jar, request).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    }
}

/// `/v1` itself.
pub(crate) async fn forward_root(
    state: State<GatewayState>,
    jar: CookieJar,
    request: Request,
) -> Response {
    forward(state, jar, request).await
}

async fn forward_inner(
    state: &GatewayState,
    jar: &CookieJar,
    request: Request,
) -> Result<Response, GatewayError> {
    let session = require(state, jar).await?;
    let token = access_token(state, &session).await?;
    let upstream = &state.config().upstream;
    let mut url = upstream.clone();
    let base = upstream.path().trim_end_matches('/');
    url.set_path(&format!("{base}{}", request.uri().path()));
    url.set_query(request.uri().query());
    let method = reqwest::Method::from_bytes(request.method().as_str().as_bytes())
        .map_err(|_| GatewayError::BadRequest("Unsupported HTTP method.".to_owned()))?;
    let mut outgoing = state.http().request(method, url.clone()).bearer_auth(token);
    for name in FORWARDED_REQUEST_HEADERS {
        for value in request.headers().get_all(*name) {
            outgoing = outgoing.header(*name, value.as_bytes());
        }
    }
    let has_body = request
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|v| v != "0")
        && !matches!(
            *request.method(),
            axum::http::Method::GET | axum::http::Method::HEAD
        );
    if has_body {
        let limited = http_body_util::Limited::new(request.into_body(), MAX_BODY_BYTES);
        let stream = Body::new(limited).into_data_stream();
        outgoing = outgoing.body(reqwest::Body::wrap_stream(stream));
    }
    let answer = outgoing.send().await.map_err(|error| {
        tracing::warn!(%error, %url, "upstream request failed");
        GatewayError::Upstream {
            status: if error.is_timeout() {
                StatusCode::GATEWAY_TIMEOUT
            } else {
                StatusCode::BAD_GATEWAY
            },
            description: format!(
                "Partner Center at {} could not be reached; nothing may have been done — try again.",
                upstream.as_str()
            ),
        }
    })?;
    let status = StatusCode::from_u16(answer.status().as_u16()).unwrap_or(StatusCode::BAD_GATEWAY);
    let mut response = Response::builder().status(status);
    for name in FORWARDED_RESPONSE_HEADERS {
        for value in answer.headers().get_all(*name) {
            if let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_bytes(value.as_bytes()),
            ) {
                response = response.header(name, value);
            }
        }
    }
    let stream = answer.bytes_stream().map_err(std::io::Error::other);
    response
        .body(Body::from_stream(stream))
        .map_err(GatewayError::internal)
}
