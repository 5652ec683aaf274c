//! No CORS, and no cross-site requests that change anything: a request other than `GET`, `HEAD`
//! or `OPTIONS` must come from the gateway's own origin, as the browser reports it in
//! `Sec-Fetch-Site` and `Origin`; otherwise 403 with Partner Center's error body. A request
//! with neither header (no browser sends a state-changing request without `Origin`) is refused
//! too.

use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse as _, Response};

use crate::{GatewayError, GatewayState};

/// Code of the 403 answered to a cross-site request.
pub(crate) const CROSS_SITE_CODE: i64 = 900_403;

/// The middleware.
pub(crate) async fn same_origin(
    State(state): State<GatewayState>,
    request: Request,
    next: Next,
) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    match check(&state, &request) {
        Ok(()) => next.run(request).await,
        Err(reason) => {
            tracing::warn!(method = %request.method(), path = request.uri().path(), reason, "cross-site request refused");
            GatewayError::Forbidden {
                code: CROSS_SITE_CODE,
                description: format!(
                    "Refused: {reason}. Changes are accepted only from the portal's own pages."
                ),
            }
            .into_response()
        }
    }
}

fn check(state: &GatewayState, request: &Request) -> Result<(), &'static str> {
    let headers = request.headers();
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    if fetch_site.is_none() && origin.is_none() {
        return Err("the request does not say where it comes from (no Origin header)");
    }
    if let Some(site) = fetch_site
        && !site.eq_ignore_ascii_case("same-origin")
    {
        return Err("the request comes from another site");
    }
    if let Some(origin) = origin
        && origin != state.config().public_origin()
    {
        return Err("the request comes from another origin");
    }
    Ok(())
}
