//! Findings: what the rules report, as data. The UI renders the message in the user's language
//! from `code` and `params`; rules never format prose.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::enums::CartErrorCode;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Severity {
    /// Checkout would fail: nothing may be submitted while one stands.
    Error,
    /// Worth knowing; checkout would still succeed.
    Warning,
}

/// Stable finding codes (the public contract; also the translation keys).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum FindingCode {
    /// The cart has no lines.
    CartEmpty,
    /// `expirationTimestamp` ≤ now.
    CartExpired,
    /// The line's `catalogItemId` is not in the catalog (400019).
    CatalogItemUnknown,
    /// The availability has `isPurchasable: false`.
    NotPurchasable,
    /// Availability country ≠ customer country (800070).
    CountryMismatch,
    /// Availability segment ≠ customer segment.
    SegmentMismatch,
    /// Software subscription or Azure reservation in a market where it is not sold (800070).
    MarketUnavailable,
    /// Perpetual software bought by a partner Microsoft has not qualified.
    PerpetualSoftwareNotQualified,
    /// EU partner, existing customer holding a purchase in another currency.
    EuCustomerIneligible,
    /// New commerce without the Microsoft Customer Agreement accepted (13605).
    CustomerAgreementMissing,
    /// Quantity outside the SKU's minimum..maximum (900275).
    QuantityOutOfRange,
    /// Billing cycle not among the SKU's `supportedBillingCycles` (900269).
    BillingCycleNotSupported,
    /// The line's `termDuration` is missing or not among the availability's terms.
    TermNotOffered,
    /// Billing cycle longer than the term (900270).
    BillingCycleLongerThanTerm,
    /// A trial must use billing cycle `none`.
    TrialRequiresNoBillingCycle,
    /// The SKU enforces attestation and the line has not accepted it (900203).
    AttestationRequired,
    /// The SKU needs an inventory check that has not been run.
    InventoryCheckRequired,
    /// The inventory check says the item is restricted (800010).
    InventoryUnavailable,
    /// A key of the SKU's `provisioningVariables` is missing from `provisioningContext`.
    ProvisioningContextMissing,
    /// The Azure subscription in `provisioningContext` is not registered (800030).
    SubscriptionNotRegistered,
    /// A subscription (or order) that is not active cannot be changed.
    SubscriptionNotActive,
    /// This kind of purchase cannot be changed this way (e.g. cancelling an Azure plan).
    ChangeNotAllowed,
    /// The cancellation window (168 hours; perpetual software 30 days) has passed (900117).
    CancellationWindowPassed,
    /// No seat is inside its 168-hour reduction window any more (900214).
    SeatReductionWindowPassed,
    /// Fewer seats can be removed than asked: the others are past their window (800090).
    QuantityCannotDecrease,
    /// A change for the renewal needs auto-renew to be on.
    AutoRenewDisabled,
}

impl FindingCode {
    /// Every code, in declaration order.
    pub const ALL: [Self; 26] = [
        Self::CartEmpty,
        Self::CartExpired,
        Self::CatalogItemUnknown,
        Self::NotPurchasable,
        Self::CountryMismatch,
        Self::SegmentMismatch,
        Self::MarketUnavailable,
        Self::PerpetualSoftwareNotQualified,
        Self::EuCustomerIneligible,
        Self::CustomerAgreementMissing,
        Self::QuantityOutOfRange,
        Self::BillingCycleNotSupported,
        Self::TermNotOffered,
        Self::BillingCycleLongerThanTerm,
        Self::TrialRequiresNoBillingCycle,
        Self::AttestationRequired,
        Self::InventoryCheckRequired,
        Self::InventoryUnavailable,
        Self::ProvisioningContextMissing,
        Self::SubscriptionNotRegistered,
        Self::SubscriptionNotActive,
        Self::ChangeNotAllowed,
        Self::CancellationWindowPassed,
        Self::SeatReductionWindowPassed,
        Self::QuantityCannotDecrease,
        Self::AutoRenewDisabled,
    ];

    /// The Partner Center error code this finding prevents, where one exists.
    pub fn partner_center_error_code(self) -> Option<i64> {
        match self {
            Self::CatalogItemUnknown => Some(400_019),
            Self::CountryMismatch | Self::MarketUnavailable => Some(800_070),
            Self::CustomerAgreementMissing => Some(13_605),
            Self::QuantityOutOfRange => Some(900_275),
            Self::BillingCycleNotSupported => Some(900_269),
            Self::BillingCycleLongerThanTerm => Some(900_270),
            Self::AttestationRequired => Some(900_203),
            Self::InventoryUnavailable => Some(800_010),
            Self::SubscriptionNotRegistered => Some(800_030),
            Self::CancellationWindowPassed => Some(900_117),
            Self::SeatReductionWindowPassed => Some(900_214),
            Self::QuantityCannotDecrease => Some(800_090),
            Self::SubscriptionNotActive
            | Self::ChangeNotAllowed
            | Self::AutoRenewDisabled
            | Self::CartEmpty
            | Self::CartExpired
            | Self::NotPurchasable
            | Self::SegmentMismatch
            | Self::PerpetualSoftwareNotQualified
            | Self::EuCustomerIneligible
            | Self::TermNotOffered
            | Self::TrialRequiresNoBillingCycle
            | Self::InventoryCheckRequired
            | Self::ProvisioningContextMissing => None,
        }
    }

    /// The Partner Center error code a checkout fails with because of this finding: the
    /// documented code where one exists ([`Self::partner_center_error_code`]), otherwise the
    /// closest documented code from Partner Center's error table — `800009` "Error in Cart
    /// item(s)" for cart problems, `2091` "The offer is no longer available for purchase",
    /// `800020` "The catalog item isn't eligible for purchase", `2006` "Partner isn't valid for
    /// offer", `900268` invalid term, `900269` invalid billing cycle, `800010` inventory and
    /// `800002` "Invalid request input". The sandbox answers with it; the portal shows it next to
    /// the finding.
    pub fn checkout_error_code(self) -> i64 {
        if let Some(code) = self.partner_center_error_code() {
            return code;
        }
        match self {
            Self::CartEmpty | Self::CartExpired => 800_009,
            Self::NotPurchasable => 2091,
            Self::SegmentMismatch | Self::EuCustomerIneligible => 800_020,
            Self::PerpetualSoftwareNotQualified => 2006,
            Self::TermNotOffered => 900_268,
            Self::TrialRequiresNoBillingCycle => 900_269,
            Self::InventoryCheckRequired => 800_010,
            _ => 800_002,
        }
    }

    /// The `CartError.errorCode` Partner Center puts on a cart line with this finding when the
    /// cart is created or updated; `None` for cart-level findings.
    pub fn cart_error_code(self) -> Option<CartErrorCode> {
        Some(match self {
            Self::CartEmpty
            | Self::CartExpired
            | Self::CustomerAgreementMissing
            | Self::SubscriptionNotActive
            | Self::ChangeNotAllowed
            | Self::CancellationWindowPassed
            | Self::SeatReductionWindowPassed
            | Self::QuantityCannotDecrease
            | Self::AutoRenewDisabled => return None,
            Self::CatalogItemUnknown => CartErrorCode::CatalogItemIdIsNotValid,
            Self::InventoryCheckRequired | Self::InventoryUnavailable => {
                CartErrorCode::InventoryNotAvailable
            }
            Self::AttestationRequired => CartErrorCode::AttestationNotAccepted,
            Self::SubscriptionNotRegistered => CartErrorCode::SubscriptionNotRegistered,
            Self::QuantityOutOfRange
            | Self::BillingCycleNotSupported
            | Self::TermNotOffered
            | Self::BillingCycleLongerThanTerm
            | Self::TrialRequiresNoBillingCycle
            | Self::ProvisioningContextMissing => CartErrorCode::InvalidInput,
            Self::NotPurchasable
            | Self::CountryMismatch
            | Self::SegmentMismatch
            | Self::MarketUnavailable
            | Self::PerpetualSoftwareNotQualified
            | Self::EuCustomerIneligible => CartErrorCode::UnableToProcessCartLineItem,
        })
    }

    /// The code's name, e.g. `CartEmpty`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CartEmpty => "CartEmpty",
            Self::CartExpired => "CartExpired",
            Self::CatalogItemUnknown => "CatalogItemUnknown",
            Self::NotPurchasable => "NotPurchasable",
            Self::CountryMismatch => "CountryMismatch",
            Self::SegmentMismatch => "SegmentMismatch",
            Self::MarketUnavailable => "MarketUnavailable",
            Self::PerpetualSoftwareNotQualified => "PerpetualSoftwareNotQualified",
            Self::EuCustomerIneligible => "EuCustomerIneligible",
            Self::CustomerAgreementMissing => "CustomerAgreementMissing",
            Self::QuantityOutOfRange => "QuantityOutOfRange",
            Self::BillingCycleNotSupported => "BillingCycleNotSupported",
            Self::TermNotOffered => "TermNotOffered",
            Self::BillingCycleLongerThanTerm => "BillingCycleLongerThanTerm",
            Self::TrialRequiresNoBillingCycle => "TrialRequiresNoBillingCycle",
            Self::AttestationRequired => "AttestationRequired",
            Self::InventoryCheckRequired => "InventoryCheckRequired",
            Self::InventoryUnavailable => "InventoryUnavailable",
            Self::ProvisioningContextMissing => "ProvisioningContextMissing",
            Self::SubscriptionNotRegistered => "SubscriptionNotRegistered",
            Self::SubscriptionNotActive => "SubscriptionNotActive",
            Self::ChangeNotAllowed => "ChangeNotAllowed",
            Self::CancellationWindowPassed => "CancellationWindowPassed",
            Self::SeatReductionWindowPassed => "SeatReductionWindowPassed",
            Self::QuantityCannotDecrease => "QuantityCannotDecrease",
            Self::AutoRenewDisabled => "AutoRenewDisabled",
        }
    }
}

/// One finding: `{ code, severity, lineItemId, partnerCenterErrorCode, params }`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Finding {
    /// What was found: a stable [`FindingCode`] (the public contract and the translation key), e.g.
    /// `CartEmpty`.
    pub code: FindingCode,
    /// Whether it blocks checkout ([`Severity::Error`]) or only informs ([`Severity::Warning`]).
    pub severity: Severity,
    /// The line it concerns (its `id`); `null` for cart-level findings.
    pub line_item_id: Option<i64>,
    /// The Partner Center error code it prevents, if any.
    pub partner_center_error_code: Option<i64>,
    /// Values for the message (e.g. `country`, `minimum`, `key`).
    #[cfg_attr(feature = "ts", ts(type = "Record<string, unknown>"))]
    pub params: Map<String, Value>,
}

impl Finding {
    /// An error about one line.
    pub fn line(code: FindingCode, line_item_id: i64) -> Self {
        Self::new(code, Some(line_item_id))
    }

    /// An error about the whole cart.
    pub fn cart(code: FindingCode) -> Self {
        Self::new(code, None)
    }

    fn new(code: FindingCode, line_item_id: Option<i64>) -> Self {
        Self {
            code,
            severity: Severity::Error,
            line_item_id,
            partner_center_error_code: code.partner_center_error_code(),
            params: Map::new(),
        }
    }

    /// Adds a message parameter.
    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.params.insert(key.to_owned(), value.into());
        self
    }
}
