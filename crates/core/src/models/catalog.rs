//! Catalog resources: `Product`, `Sku`, `Availability` and their parts
//! (partner-center-api.md §3.1–§3.3; E1–E6).

use serde::{Deserialize, Serialize};

use crate::enums::{BillingCycle, PurchasePrerequisite, RefundType, Segment};
use crate::ids::{AvailabilityId, CatalogItemId, ProductId, SkuId};
use crate::models::common::{Attributes, Links};
use crate::wire::{Spelled, lenient_int, resource};

resource! {
    /// `ItemType`: a product's type, e.g. `{ "id": "OnlineServicesNCE" }`, `Azure` with subType
    /// `VirtualMachines`, `Software` with subType `Perpetual` / `Subscription`.
    pub struct ItemType {
        /// Type ID: `Azure`, `OnlineServicesNCE`, `Software`, … (open set).
        "id" => id: String,
        /// Display name.
        "displayName" => display_name: String,
        /// Sub-type, e.g. `VirtualMachines`, `Perpetual`.
        "subType" => sub_type: Box<ItemType>,
    }
}

impl ItemType {
    /// Whether the type ID equals `id`, ignoring ASCII case.
    pub fn is(&self, id: &str) -> bool {
        self.id
            .as_deref()
            .is_some_and(|own| own.eq_ignore_ascii_case(id))
    }
}

resource! {
    /// `Product` (E1, E2).
    pub struct Product {
        /// Product ID, e.g. `CFQ7TTC0LH18`.
        "id" => id: ProductId,
        /// Title, e.g. `Microsoft 365 Business Basic`.
        "title" => title: String,
        /// Description.
        "description" => description: String,
        /// Product type; `OnlineServicesNCE` for new-commerce licenses.
        "productType" => product_type: ItemType,
        /// Whether Microsoft publishes it.
        "isMicrosoftProduct" => is_microsoft_product: bool,
        /// Publisher, e.g. `Microsoft Corporation`.
        "publisherName" => publisher_name: String,
        /// Localized attributes (swagger; shape unconfirmed): `[{ key, value }]` in the example.
        "localizedAttributes" => localized_attributes: Vec<serde_json::Value>,
        /// `skus`, `self`.
        "links" => links: Links,
        /// `{ "objectType": "Product" }`.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// `attestationProperties` of a SKU (e.g. Windows 365).
    pub struct AttestationProperties {
        /// Attestation type, e.g. `Windows365`.
        "attestationType" => attestation_type: String,
        /// When true a cart line needs `attestationAccepted: true` (900203).
        "enforceAttestation" => enforce_attestation: bool,
    }
}

resource! {
    /// A purchase constraint (SDK `Constraint`).
    pub struct Constraint {
        /// Name.
        "constraintName" => constraint_name: String,
        /// Value.
        "constraintValue" => constraint_value: String,
        /// Type.
        "constraintType" => constraint_type: String,
    }
}

resource! {
    /// `Sku` (E3, E4; embedded in availabilities).
    pub struct Sku {
        /// SKU ID, unique within its product (e.g. `0001`).
        "id" => id: SkuId,
        /// Parent product ID.
        "productId" => product_id: ProductId,
        /// Title.
        "title" => title: String,
        /// Description.
        "description" => description: String,
        /// Smallest quantity one line may buy.
        "minimumQuantity" => minimum_quantity: i64 [lenient_int],
        /// Largest quantity one line may buy.
        "maximumQuantity" => maximum_quantity: i64 [lenient_int],
        /// Whether this is a trial SKU (bought with billing cycle `none`).
        "isTrial" => is_trial: bool,
        /// Billing cycles a line may use, e.g. `["annual", "monthly"]`.
        "supportedBillingCycles" => supported_billing_cycles: Vec<Spelled<BillingCycle>>,
        /// `InventoryCheck`, `AzureSubscriptionRegistration`, agreements.
        "purchasePrerequisites" => purchase_prerequisites: Vec<Spelled<PurchasePrerequisite>>,
        /// Keys needed in the inventory check's `inventoryContext` (`CustomerId`, `ArmRegionName`…).
        "inventoryVariables" => inventory_variables: Vec<String>,
        /// Keys needed in the cart line's `provisioningContext` (`Scope`, `SubscriptionId`, …).
        "provisioningVariables" => provisioning_variables: Vec<String>,
        /// Free-form attributes that may change without notice (`armRegionName`, `isAddon`, …).
        "dynamicAttributes" => dynamic_attributes: serde_json::Map<String, serde_json::Value>,
        /// Attestation the line must carry.
        "attestationProperties" => attestation_properties: AttestationProperties,
        /// Consumption type (e.g. overage).
        "consumptionType" => consumption_type: String,
        /// `SpecializedOffers` properties: `{ startDate, endDate, pricingPolicies }`.
        "specializedOfferProperties" => specialized_offer_properties: serde_json::Value,
        /// Savings-plan commitment: `{ grain, currencyCode: {code, symbol}, amount }`.
        "minimumPurchaseCommitment" => minimum_purchase_commitment: serde_json::Value,
        /// Allowed actions, e.g. `["Refund"]`.
        "actions" => actions: Vec<String>,
        /// Terms of use (SDK).
        "termsOfUseUri" => terms_of_use_uri: String,
        /// Constraints (SDK).
        "constraints" => constraints: Vec<Constraint>,
        /// `availabilities`, `self`.
        "links" => links: Links,
        /// `{ "objectType": "Sku" }`.
        "attributes" => attributes: Attributes,
    }
}

impl Sku {
    /// Whether `purchasePrerequisites` lists `prerequisite`.
    pub fn requires(&self, prerequisite: &PurchasePrerequisite) -> bool {
        self.purchase_prerequisites
            .iter()
            .flatten()
            .any(|p| p.value() == prerequisite)
    }

    /// Whether the SKU enforces attestation (`attestationProperties.enforceAttestation`).
    pub fn enforces_attestation(&self) -> bool {
        self.attestation_properties
            .as_ref()
            .and_then(|a| a.enforce_attestation)
            == Some(true)
    }
}

resource! {
    /// `{ "code": "USD", "symbol": "$" }` (SDK `CurrencyInfo`).
    pub struct CurrencyInfo {
        /// ISO 4217 code.
        "code" => code: String,
        /// Symbol, e.g. `$`.
        "symbol" => symbol: String,
    }
}

/// `Availability.defaultCurrency`: a string per the docs' table, an object in every example.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum DefaultCurrency {
    /// `"USD"`.
    Code(String),
    /// `{ "code": "USD", "symbol": "$" }`.
    Info(CurrencyInfo),
}

#[cfg(feature = "ts")]
crate::ts::ts_named!(DefaultCurrency);

impl DefaultCurrency {
    /// The ISO 4217 currency code, whichever form was sent.
    pub fn code(&self) -> Option<&str> {
        match self {
            Self::Code(code) => Some(code),
            Self::Info(info) => info.code.as_deref(),
        }
    }
}

resource! {
    /// One refund option of a cancellation policy.
    pub struct CancellationRefundOption {
        /// Order of the option.
        "sequenceId" => sequence_id: i64 [lenient_int],
        /// `Full` or `Partial`.
        "type" => refund_type: Spelled<RefundType>,
        /// ISO 8601 duration after purchase during which the option applies, e.g. `P1D`.
        "expiresAfter" => expires_after: String,
    }
}

resource! {
    /// A term's cancellation policy.
    pub struct CancellationPolicy {
        /// Refund options in sequence.
        "refundOptions" => refund_options: Vec<CancellationRefundOption>,
    }
}

resource! {
    /// A renewal option of a term (SDK only).
    pub struct TermRenewalOption {
        /// ISO 8601 duration.
        "termDuration" => term_duration: String,
        /// Description.
        "description" => description: String,
    }
}

resource! {
    /// `Term` of an availability.
    pub struct Term {
        /// Term ID (new commerce), referenced by `renewalInstructions[].applicableTermIds`.
        "id" => id: String,
        /// ISO 8601 duration: `P1M`, `P1Y`, `P3Y` (SaaS also `P2Y`).
        "duration" => duration: String,
        /// e.g. "One-Year commitment for monthly/yearly billing".
        "description" => description: String,
        /// Billing cycle (capitalized, e.g. `Annual`, in the only example).
        "billingCycle" => billing_cycle: Spelled<BillingCycle>,
        /// Cancellation policies with their refund windows.
        "cancellationPolicies" => cancellation_policies: Vec<CancellationPolicy>,
        /// Renewal options (SDK only).
        "renewalOptions" => renewal_options: Vec<TermRenewalOption>,
    }
}

resource! {
    /// One renewal option of a renewal instruction.
    pub struct RenewalOption {
        /// `productId:skuId` the term renews to.
        "renewToId" => renew_to_id: String,
        /// Whether it renews automatically.
        "isAutoRenewable" => is_auto_renewable: bool,
    }
}

resource! {
    /// `renewalInstructions[]` of an availability.
    pub struct RenewalInstruction {
        /// Term IDs the instruction applies to.
        "applicableTermIds" => applicable_term_ids: Vec<String>,
        /// Renewal options.
        "renewalOptions" => renewal_options: Vec<RenewalOption>,
    }
}

resource! {
    /// `includedQuantityOptions[]` (SDK only).
    pub struct IncludedQuantityOption {
        /// Units.
        "units" => units: String,
        /// Description.
        "description" => description: String,
    }
}

resource! {
    /// `Availability` (E5, E6): what a cart line buys, identified by its `catalogItemId`.
    ///
    /// Has no price: prices come from cart and order line `pricing`.
    pub struct Availability {
        /// Availability ID (unique within product + SKU; may change over time).
        "id" => id: AvailabilityId,
        /// Product ID.
        "productId" => product_id: ProductId,
        /// SKU ID.
        "skuId" => sku_id: SkuId,
        /// `{productId}:{skuId}:{availabilityId}`; use at purchase time only.
        "catalogItemId" => catalog_item_id: CatalogItemId,
        /// Currency of the market.
        "defaultCurrency" => default_currency: DefaultCurrency,
        /// Customer segment it is sold to.
        "segment" => segment: Spelled<Segment>,
        /// ISO 3166 two-letter market.
        "country" => country: String,
        /// Whether it can be bought now.
        "isPurchasable" => is_purchasable: bool,
        /// Whether it can be renewed.
        "isRenewable" => is_renewable: bool,
        /// Renewal instructions per term.
        "renewalInstructions" => renewal_instructions: Vec<RenewalInstruction>,
        /// Terms (durations, billing, cancellation policies).
        "terms" => terms: Vec<Term>,
        /// Included quantity options (SDK only).
        "includedQuantityOptions" => included_quantity_options: Vec<IncludedQuantityOption>,
        /// The embedded product (may be `{}`).
        "product" => product: Product,
        /// The embedded SKU (may be `{}`).
        "sku" => sku: Sku,
        /// `self`.
        "links" => links: Links,
        /// `{ "objectType": "Availability" }`.
        "attributes" => attributes: Attributes,
    }
}
