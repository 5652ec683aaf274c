//! The option and result shapes of the JavaScript API that are not Partner Center models. With
//! feature `ts` they also declare themselves in TypeScript (`models.d.ts`), next to the models.

use serde::{Deserialize, Serialize};

/// Options of `mountPortal(element, options)` (the full build).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PortalOptions {
    /// Where `/v1/…` is served (as [`ClientOptions::base_url`]).
    pub base_url: String,
    /// Returns an access token (as [`ClientOptions::get_token`]).
    #[serde(skip_deserializing)]
    #[cfg_attr(
        feature = "ts",
        ts(type = "(fresh: boolean) => Promise<string> | string")
    )]
    pub get_token: (),
    /// The portal's language: `en-US` (default), `sv-SE`, `nl-NL` or `he-IL` (right to left).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub locale: Option<String>,
    /// Open this customer (tenant ID) at once instead of the customer list.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub customer_id: Option<String>,
    /// The partner's profile for the purchase rules (country, billing currency, perpetual-software
    /// qualification). Default: a US partner billed in USD, not qualified.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub partner: Option<pc_core::rules::PartnerProfile>,
    /// Shown as "signed in as" (default: the partner's country).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub label: Option<String>,
    /// Called with `{ customerId, order }` for every order a checkout placed (also dispatched
    /// on the element as the `pc-order-placed` event).
    #[serde(skip_deserializing)]
    #[cfg_attr(
        feature = "ts",
        ts(
            optional,
            type = "(placed: { customerId: string; order: Order }) => void"
        )
    )]
    pub on_order_placed: (),
    /// Called with the plain-words text of every error the portal shows (also the `pc-error`
    /// event on the element).
    #[serde(skip_deserializing)]
    #[cfg_attr(feature = "ts", ts(optional, type = "(message: string) => void"))]
    pub on_error: (),
}

/// Options of `new PartnerCenterClient(options)`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ClientOptions {
    /// Where `/v1/…` is served: `https://api.partnercenter.microsoft.com`, a gateway that forwards
    /// to it with the user's token, or a pc-sandbox. `""` means the page's own origin (browsers
    /// only).
    pub base_url: String,
    /// Returns an access token for Partner Center (without `Bearer `), or a promise of one.
    /// Called once per token: the client keeps each token until 5 minutes before its JWT `exp`
    /// (a token without a readable `exp` until Partner Center refuses it), and requests that
    /// need a token while one is being asked for wait for that one answer. Called again with
    /// `fresh = true` when Partner Center refused the last token (401), and then must not
    /// return a cached token.
    #[serde(skip_deserializing)]
    #[cfg_attr(
        feature = "ts",
        ts(type = "(fresh: boolean) => Promise<string> | string")
    )]
    pub get_token: (),
    /// `X-Locale` of every call (BCP 47, default `en-US`): the language of Partner Center's
    /// error descriptions.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub locale: Option<String>,
    /// Keep the checkout journal in `localStorage` under this key (browsers), so a checkout
    /// interrupted by a reload can be finished with `resumeCheckouts()` after it. Default: in
    /// memory, for the life of the client.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub journal_key: Option<String>,
}

/// A catalog query: the market and, optionally, the segment (E2–E6).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CatalogQuery {
    /// ISO 3166 two-letter country, e.g. `US`.
    pub country: String,
    /// `commercial`, `education`, `government` or `nonprofit`.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub target_segment: Option<String>,
    /// `true` → `reservationScope=AzurePlan` (Azure reservations bought for an Azure plan).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub azure_plan_scope: Option<bool>,
}

#[cfg(feature = "client")]
impl CatalogQuery {
    /// As pc-client takes it.
    pub(crate) fn as_client(&self) -> pc_client::CatalogQuery<'_> {
        pc_client::CatalogQuery {
            country: &self.country,
            target_segment: self.target_segment.as_deref(),
            azure_plan_scope: self.azure_plan_scope.unwrap_or(false),
        }
    }
}

/// The query of `products.list` (E1): a catalog query and the catalog view.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ProductQuery {
    /// ISO 3166 two-letter country, e.g. `US`.
    pub country: String,
    /// `OnlineServices`, `Azure`, `Software`, `AzureReservations`, `AzureReservationsVM`, … .
    pub target_view: String,
    /// `commercial`, `education`, `government` or `nonprofit`.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub target_segment: Option<String>,
    /// `true` → `reservationScope=AzurePlan`.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub azure_plan_scope: Option<bool>,
}

/// The query of `entitlements.list` (E22).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EntitlementQuery {
    /// Only this type, e.g. `software` or `reservedInstance`.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub entitlement_type: Option<String>,
    /// Include `expiryDate` (`showExpiry=true`).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub show_expiry: Option<bool>,
}

/// A billing period of the unbilled line items: `current` (the open period) or `previous` (the
/// latest closed one; none before the first close).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum BillingPeriod {
    /// The open period (`period=current`).
    #[default]
    Current,
    /// The latest closed period (`period=previous`).
    Previous,
}

#[cfg(feature = "client")]
impl BillingPeriod {
    /// As pc-client takes it.
    pub(crate) fn as_client(self) -> pc_client::BillingPeriod {
        match self {
            Self::Current => pc_client::BillingPeriod::Current,
            Self::Previous => pc_client::BillingPeriod::Previous,
        }
    }
}

/// The query of `invoices.unbilledLineItems` and `invoices.unbilledUsage`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UnbilledQuery {
    /// `current` (default) or `previous`.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub period: Option<BillingPeriod>,
    /// Line items per request (`size`; Partner Center's default, 2000, when absent). Every page
    /// is followed either way.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub size: Option<u32>,
}

/// The query of `invoices.billedLineItems` and `invoices.billedUsage`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BilledQuery {
    /// Line items per request (`size`; Partner Center's default, 2000, when absent). Every page
    /// is followed either way.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub size: Option<u32>,
}

/// What a `PartnerCenterError` carries besides its message (pc-client's `Error`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PartnerCenterErrorDetails {
    /// What failed: `api` (Partner Center answered with an error), `throttled` (429 after every
    /// retry), `decode` (an unexpected response body), `transport` (no response), `token`
    /// (`getToken` failed), `journal` (the checkout journal failed; nothing was sent) or
    /// `invalidRequest`.
    #[cfg_attr(
        feature = "ts",
        ts(
            type = "\"api\" | \"throttled\" | \"decode\" | \"transport\" | \"token\" | \"journal\" | \"invalidRequest\""
        )
    )]
    pub kind: &'static str,
    /// HTTP status, when a response arrived.
    pub status: Option<u16>,
    /// Partner Center's error code (e.g. `13605`, `800008`), when the response had one.
    pub code: Option<i64>,
    /// Partner Center's description, or what went wrong.
    pub description: String,
    /// `MS-RequestId` of the failed call (quote it to Microsoft support).
    pub request_id: Option<String>,
    /// `MS-CorrelationId` of the failed call.
    pub correlation_id: Option<String>,
    /// Seconds Partner Center asked to wait (`Retry-After`, throttling only).
    pub retry_after: Option<f64>,
    /// Whether no response came because the request timed out (it may have been processed).
    pub timeout: bool,
    /// JSON path of the first unexpected member (`decode` only), e.g. `$.items[3].quantity`.
    pub path: Option<String>,
    /// A stable key for a plain-language explanation, e.g. `error-customer-agreement-missing`.
    pub explanation_key: &'static str,
}

#[cfg(feature = "client")]
impl PartnerCenterErrorDetails {
    /// The details of a pc-client error.
    pub fn of(error: &pc_client::Error) -> Self {
        use pc_client::Error;
        let (kind, description, retry_after, timeout, path) = match error {
            Error::Api { description, .. } => ("api", description.clone(), None, false, None),
            Error::Throttled {
                retry_after,
                message,
                ..
            } => (
                "throttled",
                message.clone(),
                retry_after.map(|d| d.as_secs_f64()),
                false,
                None,
            ),
            Error::Decode { path, message, .. } => {
                ("decode", message.clone(), None, false, Some(path.clone()))
            }
            Error::Transport {
                message, timeout, ..
            } => ("transport", message.clone(), None, *timeout, None),
            Error::Token(message) => ("token", message.clone(), None, false, None),
            Error::Journal(message) => ("journal", message.clone(), None, false, None),
            other => ("invalidRequest", other.to_string(), None, false, None),
        };
        Self {
            kind,
            status: error.status(),
            code: error.code(),
            description,
            request_id: error.request_id().map(str::to_owned),
            correlation_id: error.correlation_id().map(str::to_owned),
            retry_after,
            timeout,
            path,
            explanation_key: error.explanation_key(),
        }
    }
}

/// One checkout `resumeCheckouts()` re-sent: the journal entry and its outcome (`result`, or
/// `error` when it failed again).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ResumedCheckout {
    /// Customer tenant ID.
    pub customer_id: String,
    /// Cart ID.
    pub cart_id: String,
    /// `MS-RequestId` of the original checkout, re-used so it is not bought twice.
    pub request_id: String,
    /// `MS-CorrelationId` of the original checkout.
    pub correlation_id: String,
    /// The checkout's result, when it succeeded.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "ts",
        ts(as = "Option<pc_core::models::CartCheckoutResult>", optional)
    )]
    pub result: Option<serde_json::Value>,
    /// Why it failed, when it did (a `PartnerCenterError`, set on the JavaScript object).
    #[serde(skip_serializing)]
    #[cfg_attr(feature = "ts", ts(type = "PartnerCenterError", optional))]
    pub error: Option<()>,
}

#[cfg(all(test, feature = "client"))]
mod tests {
    use super::*;

    #[test]
    fn api_errors_keep_status_code_and_ids() {
        let error = pc_client::Error::Api {
            status: 404,
            code: Some(60_003),
            description: "Customer not found".to_owned(),
            request_id: "r-1".to_owned(),
            correlation_id: "c-1".to_owned(),
        };
        let details = PartnerCenterErrorDetails::of(&error);
        assert_eq!(details.kind, "api");
        assert_eq!(details.status, Some(404));
        assert_eq!(details.code, Some(60_003));
        assert_eq!(details.description, "Customer not found");
        assert_eq!(details.request_id.as_deref(), Some("r-1"));
        assert_eq!(details.correlation_id.as_deref(), Some("c-1"));
        assert_eq!(details.explanation_key, "error-not-found");
    }

    #[test]
    fn throttling_reports_retry_after_in_seconds() {
        let error = pc_client::Error::Throttled {
            retry_after: Some(std::time::Duration::from_millis(1500)),
            message: "Rate limit is exceeded".to_owned(),
            request_id: "r".to_owned(),
            correlation_id: "c".to_owned(),
        };
        let details = PartnerCenterErrorDetails::of(&error);
        assert_eq!(
            (details.kind, details.status, details.retry_after),
            ("throttled", Some(429), Some(1.5))
        );
    }

    #[test]
    fn unbilled_queries_default_to_the_current_period() {
        let query: UnbilledQuery = serde_json::from_str("{}").unwrap();
        assert_eq!(query.period.unwrap_or_default(), BillingPeriod::Current);
        let query: UnbilledQuery =
            serde_json::from_str(r#"{"period":"previous","size":2}"#).unwrap();
        assert_eq!(
            (query.period.map(BillingPeriod::as_client), query.size),
            (Some(pc_client::BillingPeriod::Previous), Some(2))
        );
        assert!(serde_json::from_str::<UnbilledQuery>(r#"{"period":"next"}"#).is_err());
    }

    #[test]
    fn token_failures_have_no_ids() {
        let details = PartnerCenterErrorDetails::of(&pc_client::Error::Token("expired".into()));
        assert_eq!(details.kind, "token");
        assert_eq!(details.status, None);
        assert_eq!(details.request_id, None);
        assert_eq!(details.description, "expired");
    }
}
