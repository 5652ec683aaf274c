//! Errors: Partner Center's error body on `/v1` and the JSON `/auth` routes, and a plain page for
//! the sign-in steps a person sees in the browser.

use axum::Json;
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};
use pc_core::models::{ApiError, ErrorCode};
use pc_i18n::{Locale, t, t_with};

/// `source` of the error bodies the gateway writes itself.
const SOURCE: &str = "pc-gateway";

/// An error the gateway answers with Partner Center's error body
/// (`{"code", "description", "data", "source"}`, as `pc_core::models::ApiError`).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GatewayError {
    /// 401 `800001`: no session, or it ended (signed out, expired, refresh refused).
    #[error("{0}")]
    Unauthorized(String),
    /// 403: not allowed (cross-site request, role without the permission).
    #[error("{description}")]
    Forbidden {
        /// Partner Center–style code.
        code: i64,
        /// Plain words.
        description: String,
    },
    /// 404: no such `/auth` endpoint.
    #[error("{0}")]
    NotFound(String),
    /// 400 `800002`: the request is malformed.
    #[error("{0}")]
    BadRequest(String),
    /// 502/504 `800003`: Partner Center or the identity provider could not be reached.
    #[error("{description}")]
    Upstream {
        /// 502 or 504.
        status: StatusCode,
        /// Plain words.
        description: String,
    },
    /// 500 `800003`; the detail is logged, not returned.
    #[error("internal error")]
    Internal(String),
}

impl GatewayError {
    /// An internal error; `detail` goes to the log only.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        Self::Internal(detail.to_string())
    }

    /// The status and Partner Center body of this error.
    pub fn parts(&self) -> (StatusCode, ApiError) {
        let (status, code, description) = match self {
            Self::Unauthorized(text) => (StatusCode::UNAUTHORIZED, 800_001, text.clone()),
            Self::Forbidden { code, description } => {
                (StatusCode::FORBIDDEN, *code, description.clone())
            }
            Self::NotFound(text) => (StatusCode::NOT_FOUND, 1000, text.clone()),
            Self::BadRequest(text) => (StatusCode::BAD_REQUEST, 800_002, text.clone()),
            Self::Upstream {
                status,
                description,
            } => (*status, 800_003, description.clone()),
            Self::Internal(detail) => {
                tracing::error!(%detail, "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    800_003,
                    "Unexpected gateway error. Nothing was changed; try again.".to_owned(),
                )
            }
        };
        (
            status,
            ApiError {
                code: ErrorCode::Number(code),
                description,
                data: Some(Vec::new()),
                source: Some(SOURCE.to_owned()),
                extra: Default::default(),
            },
        )
    }
}

impl From<anyhow::Error> for GatewayError {
    fn from(error: anyhow::Error) -> Self {
        Self::internal(format!("{error:#}"))
    }
}

impl IntoResponse for GatewayError {
    fn into_response(self) -> Response {
        let (status, body) = self.parts();
        let mut response = (status, Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer realm=\"pc-gateway\""),
            );
        }
        response
    }
}

/// The language of the pages a person sees: the first of the browser's `Accept-Language`
/// preferences that the portal speaks (en-US, sv-SE, nl-NL, he-IL), else English.
pub(crate) fn locale(headers: &HeaderMap) -> Locale {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(accept_language::parse)
        .unwrap_or_default()
        .iter()
        .find_map(|tag| Locale::from_tag(tag))
        .unwrap_or_default()
}

/// A plain page for the browser in `locale`: the heading `{key}-title`, the sentence
/// `{key}-body` (with `args`) and the ways on (sign in again, back to the portal).
pub(crate) fn page(
    status: StatusCode,
    locale: Locale,
    key: &str,
    args: &[(&str, String)],
) -> Response {
    let title = escape(&t(locale, &format!("{key}-title")));
    let message = escape(&t_with(locale, &format!("{key}-body"), args));
    let again = escape(&t(locale, "gateway-again"));
    let back = escape(&t(locale, "gateway-back"));
    let (lang, dir) = (locale.tag(), locale.dir());
    let body = format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title>\
         <style>body{{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}}\
         a{{color:#0b5cad}}</style></head>\
         <body><main><h1>{title}</h1><p>{message}</p>\
         <p><a href=\"/auth/login\">{again}</a> · <a href=\"/\">{back}</a></p>\
         </main></body></html>\n"
    );
    let mut response = (status, Html(body)).into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response
}

/// Escapes text for HTML content and double-quoted attribute values (html-escape).
fn escape(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(text).into_owned()
}

/// 404 for an `/auth/…` path the gateway does not serve.
pub(crate) async fn auth_not_found(uri: Uri) -> GatewayError {
    GatewayError::NotFound(format!(
        "No such sign-in endpoint: {}. The gateway serves /auth/login, /auth/callback, \
         /auth/logout, /auth/session and /auth/partner.",
        uri.path()
    ))
}

/// 404 when no portal is served.
pub(crate) async fn not_found(uri: Uri, headers: HeaderMap) -> Response {
    page(
        StatusCode::NOT_FOUND,
        locale(&headers),
        "gateway-not-found",
        &[("path", uri.path().to_owned())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_escape_what_they_show() {
        assert_eq!(
            escape("<script>\"x\"&y</script>"),
            "&lt;script&gt;&quot;x&quot;&amp;y&lt;/script&gt;"
        );
    }

    #[test]
    fn pages_speak_the_browsers_language() {
        let mut headers = HeaderMap::new();
        assert_eq!(locale(&headers), Locale::EnUs);
        headers.insert(
            header::ACCEPT_LANGUAGE,
            "de-DE, sv;q=0.8, en;q=0.5"
                .parse()
                .unwrap_or(header::HeaderValue::from_static("")),
        );
        assert_eq!(locale(&headers), Locale::SvSe);
        headers.insert(
            header::ACCEPT_LANGUAGE,
            header::HeaderValue::from_static("he"),
        );
        assert_eq!(locale(&headers), Locale::HeIl);
        let page = page(StatusCode::FORBIDDEN, Locale::NlNl, "gateway-mfa", &[]);
        assert_eq!(page.status(), StatusCode::FORBIDDEN);
    }

    #[test]
    fn errors_carry_partner_center_codes() {
        let (status, body) = GatewayError::Unauthorized("signed out".into()).parts();
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body.code, ErrorCode::Number(800_001));
        let (status, body) = GatewayError::internal("secret detail").parts();
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!body.description.contains("secret"));
    }
}
