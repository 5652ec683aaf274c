//! The client's one error type and the stable explanation keys the portal translates.

use std::time::Duration;

/// Everything an operation can fail with. Each variant keeps the `MS-RequestId` and
/// `MS-CorrelationId` of the call, so a partner can quote them to Microsoft support.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Partner Center answered with an error body `{code, description, data, source}`.
    #[error("Partner Center error {status} {code:?}: {description}")]
    Api {
        /// HTTP status.
        status: u16,
        /// Partner Center error code (e.g. `13605`), when the body has one.
        code: Option<i64>,
        /// Partner Center's description; without a code, the body's own `description` or
        /// `message`, else the body as it came (at most 1,024 characters).
        description: String,
        /// `MS-RequestId` of the call.
        request_id: String,
        /// `MS-CorrelationId` of the call.
        correlation_id: String,
    },
    /// Still throttled (HTTP 429) when the retry budget ran out.
    #[error("throttled by Partner Center; retry after {retry_after:?}: {message}")]
    Throttled {
        /// `Retry-After`, when sent.
        retry_after: Option<Duration>,
        /// The throttling body's message.
        message: String,
        /// `MS-RequestId` of the call.
        request_id: String,
        /// `MS-CorrelationId` of the call.
        correlation_id: String,
    },
    /// A successful response whose body is not the expected resource.
    #[error("unexpected response body at {path}: {message}")]
    Decode {
        /// HTTP status.
        status: u16,
        /// JSON path of the first problem, e.g. `$.items[3].quantity`.
        path: String,
        /// What is wrong.
        message: String,
        /// `MS-RequestId` of the call.
        request_id: String,
        /// `MS-CorrelationId` of the call.
        correlation_id: String,
    },
    /// No response: connection failure, timeout, or the request was aborted.
    #[error("no response from Partner Center: {message}")]
    Transport {
        /// What happened.
        message: String,
        /// Whether it was a timeout (the request may have been processed).
        timeout: bool,
        /// `MS-RequestId` of the call.
        request_id: String,
        /// `MS-CorrelationId` of the call.
        correlation_id: String,
    },
    /// The token provider could not supply a token.
    #[error("no access token: {0}")]
    Token(String),
    /// The checkout journal could not be read or written; the checkout was not sent.
    #[error("checkout journal: {0}")]
    Journal(String),
    /// The caller's input cannot become a request (e.g. a base URL that is not a URL).
    #[error("invalid request: {0}")]
    InvalidRequest(String),
}

impl Error {
    /// HTTP status, when a response arrived.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Api { status, .. } | Self::Decode { status, .. } => Some(*status),
            Self::Throttled { .. } => Some(429),
            _ => None,
        }
    }

    /// Partner Center error code, when the response had one.
    pub fn code(&self) -> Option<i64> {
        match self {
            Self::Api { code, .. } => *code,
            _ => None,
        }
    }

    /// `MS-RequestId` of the failed call.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Self::Api { request_id, .. }
            | Self::Throttled { request_id, .. }
            | Self::Decode { request_id, .. }
            | Self::Transport { request_id, .. } => Some(request_id),
            _ => None,
        }
    }

    /// `MS-CorrelationId` of the failed call.
    pub fn correlation_id(&self) -> Option<&str> {
        match self {
            Self::Api { correlation_id, .. }
            | Self::Throttled { correlation_id, .. }
            | Self::Decode { correlation_id, .. }
            | Self::Transport { correlation_id, .. } => Some(correlation_id),
            _ => None,
        }
    }

    /// A stable key for a plain-language explanation (the portal's translation key).
    pub fn explanation_key(&self) -> &'static str {
        match self {
            // A code without its own explanation falls back to what the status says.
            Self::Api { status, code, .. } => {
                code.and_then(explanation_key).unwrap_or(match status {
                    401 => "error-unauthorized",
                    403 => "error-forbidden",
                    404 => "error-not-found",
                    412 => "error-changed-meanwhile",
                    _ => "error-partner-center",
                })
            }
            Self::Throttled { .. } => "error-throttled",
            Self::Decode { .. } => "error-unexpected-response",
            Self::Transport { timeout: true, .. } => "error-timeout",
            Self::Transport { .. } => "error-network",
            Self::Token(_) => "error-token",
            Self::Journal(_) => "error-journal",
            Self::InvalidRequest(_) => "error-invalid-request",
        }
    }
}

/// The stable explanation key of a Partner Center error code (Microsoft's
/// [Partner Center REST error codes](https://learn.microsoft.com/partner-center/developer/error-codes)),
/// or `None` for codes without a specific explanation.
pub fn explanation_key(code: i64) -> Option<&'static str> {
    Some(match code {
        400 | 800_001 => "error-unauthorized",
        1000 | 60_003 => "error-not-found",
        2006 => "error-perpetual-software-not-qualified",
        2091 => "error-offer-unavailable",
        13_605 => "error-customer-agreement-missing",
        20_000 => "error-order-not-found",
        20_003 => "error-subscription-not-found",
        400_013 => "error-product-not-found",
        400_018 => "error-sku-not-found",
        400_019 => "error-availability-not-found",
        400_030 => "error-segment-not-allowed",
        400_036 => "error-target-view-not-allowed",
        800_002 | 3000 => "error-invalid-input",
        800_003 => "error-service",
        800_007 => "error-provisioning-unavailable",
        800_008 => "error-cart-not-found",
        800_009 => "error-cart-items",
        800_010 => "error-inventory-unavailable",
        800_011..=800_013 => "error-azure-subscription-invalid",
        800_017 => "error-quantity-unavailable",
        800_020 | 2085 => "error-not-eligible",
        800_030 => "error-subscription-not-registered",
        800_060 => "error-order-in-progress",
        800_064 => "error-cart-in-progress",
        800_065 => "error-cart-already-submitted",
        800_066 | 800_067 | 800_068 | 800_088 | 800_089 => "error-limit-exceeded",
        800_069 => "error-risk-check",
        800_070 => "error-market-unavailable",
        800_090 => "error-quantity-cannot-decrease",
        900_117 => "error-cancellation-window-passed",
        900_214 => "error-seat-reduction-window-passed",
        900_121 => "error-credit-limit",
        900_203 => "error-attestation-required",
        900_206 => "error-partner-attestation-missing",
        900_268 | 800_121 => "error-term-invalid",
        900_269 => "error-billing-cycle-invalid",
        900_270 => "error-billing-cycle-longer-than-term",
        900_275 | 2002 => "error-quantity-out-of-range",
        900_329 => "error-app-user-required",
        _ => return None,
    })
}
