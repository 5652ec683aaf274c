//! `AppError`: every failure the sandbox answers with, written as Partner Center's error body
//! `{ "code", "description", "data", "source" }` (Partner Center: *Partner Center REST error
//! codes*), and [`explain_finding`], a purchase-rule finding in the words of those bodies.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use pc_core::models::{ApiError, ErrorCode};
use pc_core::rules::Finding;

/// `source` of every error body, as Partner Center's front door writes it.
pub(crate) const ERROR_SOURCE: &str = "PartnerFD";

/// An error response: HTTP status, Partner Center code and a plain-words description.
///
/// Internal failures (database, I/O) are logged with their detail and answered with the generic
/// `800003` "Unexpected service error", never with internals.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{status} {code}: {description}")]
pub struct AppError {
    /// HTTP status.
    pub status: StatusCode,
    /// Partner Center error code, e.g. `800008`.
    pub code: i64,
    /// What went wrong, ≤ 1024 characters.
    pub description: String,
    /// Extra values for some errors (e.g. the JSON path of a malformed member).
    pub data: Vec<serde_json::Value>,
    /// Headers to add (e.g. `WWW-Authenticate`).
    pub(crate) www_authenticate: bool,
}

impl AppError {
    /// An error with `status`, `code` and `description`.
    pub fn new(status: StatusCode, code: i64, description: impl Into<String>) -> Self {
        let mut description: String = description.into();
        if description.len() > 1024 {
            let mut end = 1021;
            while !description.is_char_boundary(end) {
                end -= 1;
            }
            description.truncate(end);
            description.push_str("...");
        }
        Self {
            status,
            code,
            description,
            data: Vec::new(),
            www_authenticate: false,
        }
    }

    /// Adds a `data` entry.
    pub fn with_data(mut self, value: impl Into<serde_json::Value>) -> Self {
        self.data.push(value.into());
        self
    }

    /// 400 `800002` "Invalid request input", with the reason.
    pub fn invalid_input(description: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, 800_002, description)
    }

    /// 404 `1000` "Not found" for a resource without a more specific code.
    pub fn not_found(what: &str, id: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            1000,
            format!("{what} with ID {id} was not found."),
        )
    }

    /// 404 `60003` "Tenant not found": the customer does not exist or is not this partner's.
    pub fn customer_not_found(id: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            60_003,
            format!("Customer {id} was not found for this partner."),
        )
    }

    /// 400 refusing what pc-core's rules refuse, for one finding: Partner Center's code for it
    /// ([`pc_core::rules::FindingCode::checkout_error_code`]), the finding in words
    /// ([`explain_finding`]) and `data: [{"finding": "<code>"}]`.
    pub(crate) fn refusal(finding: &Finding) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            finding.code.checkout_error_code(),
            explain_finding(finding),
        )
        .with_data(serde_json::json!({ "finding": finding.code.as_str() }))
    }

    /// 401: token missing (`800001`) or invalid / expired (`400` "Access denied").
    pub fn unauthorized(missing: bool, reason: &str) -> Self {
        let code = if missing { 800_001 } else { 400 };
        let mut error = Self::new(StatusCode::UNAUTHORIZED, code, reason);
        error.www_authenticate = true;
        error
    }

    /// 500 `800003` "Unexpected service error"; `detail` is logged, not returned.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        tracing::error!(%detail, "internal error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            800_003,
            "Unexpected service error. Nothing was changed; try again.",
        )
    }

    /// The body Partner Center would send.
    pub fn body(&self) -> ApiError {
        ApiError {
            code: ErrorCode::Number(self.code),
            description: self.description.clone(),
            data: Some(self.data.clone()),
            source: Some(ERROR_SOURCE.to_owned()),
            extra: Default::default(),
        }
    }
}

impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        Self::internal(error)
    }
}

impl From<serde_json::Error> for AppError {
    fn from(error: serde_json::Error) -> Self {
        Self::internal(format!("stored document does not decode: {error}"))
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = (self.status, axum::Json(self.body())).into_response();
        if self.www_authenticate {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("OAuth realm=urn:cpsvc:cpid:pc-sandbox"),
            );
        }
        response
    }
}

/// Result of a handler.
pub type AppResult<T> = Result<T, AppError>;

/// A finding in plain words for an error body or a cart line's `errorDescription`: pc-i18n's
/// English explanation ([`pc_i18n::explain_finding`], the portal's own words), prefixed with the
/// line it concerns (`Line 2: …`).
pub(crate) fn explain_finding(finding: &Finding) -> String {
    let line = finding
        .line_item_id
        .map(|id| format!("Line {id}: "))
        .unwrap_or_default();
    format!(
        "{line}{}",
        pc_i18n::explain_finding(finding, pc_i18n::Locale::EnUs)
    )
}
