//! Catalog resources: `Product`, `Sku`, `Availability` and their parts (Partner Center: *Products
//! resources*; the operations *Get a list of products*, *Get a product by ID*, *Get a list of SKUs
//! for a product*, *Get a SKU by ID*, *Get a list of availabilities for a SKU* and *Get the
//! availability by ID*, each by country/region).

use serde::{Deserialize, Serialize};

use crate::enums::{BillingCycle, PurchasePrerequisite, RefundType, Segment};
use crate::ids::{AvailabilityId, CatalogItemId, ProductId, SkuId};
use crate::models::common::{Attributes, Links};
use crate::wire::{Spelled, lenient_int, resource};

resource! {
    /// `ItemType`: a product's type, e.g. `{ "id": "OnlineServicesNCE" }`, `Azure` with subType
    /// `VirtualMachines`, `Software` with subType `Perpetual` / `Subscription`.
    pub struct ItemType {
        /// The type's ID: `Azure`, `OnlineServicesNCE` (new-commerce licenses), `Software`, … (an
        /// open set; other IDs likely follow the `targetView` names).
        "id" => id: String,
        /// The type's display name, in the documented examples the same as `id` (`Azure`,
        /// `OnlineServicesNCE`, `Software`, `VirtualMachines`).
        "displayName" => display_name: String,
        /// A finer type within this one, e.g. `VirtualMachines` or `SavingsPlan` under `Azure`,
        /// `Perpetual` / `Subscription` under `Software`; optional.
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
    /// `Product`: an entry of the catalog (`GET /v1/products[/{product-id}]?country=…`).
    pub struct Product {
        /// The product ID, a catalog code such as `CFQ7TTC0LH18` (Microsoft 365 Business Basic);
        /// the `{product-id}` of the catalog URLs and the first part of a `catalogItemId`.
        "id" => id: ProductId,
        /// The product's title for display, e.g. `Microsoft 365 Business Basic`.
        "title" => title: String,
        /// The product's marketing description from the catalog, plain text (e.g.
        /// `Gain access to Azure Services.`).
        "description" => description: String,
        /// Product type; `OnlineServicesNCE` for new-commerce licenses.
        "productType" => product_type: ItemType,
        /// Whether Microsoft publishes the product (false for third-party marketplace products).
        "isMicrosoftProduct" => is_microsoft_product: bool,
        /// The name of the product's publisher, when available, e.g. `Microsoft Corporation`.
        "publisherName" => publisher_name: String,
        /// Localized attributes (swagger; shape unconfirmed): `[{ key, value }]` in the example.
        "localizedAttributes" => localized_attributes: Vec<serde_json::Value>,
        /// `skus` (the product's SKUs in the same country) and `self`.
        "links" => links: Links,
        /// `{ "objectType": "Product" }`.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// `attestationProperties` of a SKU (e.g. Windows 365).
    pub struct AttestationProperties {
        /// Which attestation the partner must accept: `Windows365` for Windows 365, whose text
        /// confirms that each person using Windows 365 Business with Windows Hybrid Benefit has
        /// Windows 10/11 Pro on their primary work device.
        "attestationType" => attestation_type: String,
        /// When true a cart line needs `attestationAccepted: true` (900203).
        "enforceAttestation" => enforce_attestation: bool,
    }
}

resource! {
    /// A purchase constraint of a SKU (.NET SDK `Constraint`; not in the REST docs).
    pub struct Constraint {
        /// What the constraint limits (.NET SDK `Constraint`; not in the REST docs).
        "constraintName" => constraint_name: String,
        /// The limit's value, as a string.
        "constraintValue" => constraint_value: String,
        /// The kind of constraint, as the SDK names it.
        "constraintType" => constraint_type: String,
    }
}

resource! {
    /// `Sku`: a purchasable variant of a product (`GET /v1/products/{product-id}/skus[/{sku-id}]`;
    /// also embedded in availabilities).
    pub struct Sku {
        /// SKU ID, unique within its product (e.g. `0001`).
        "id" => id: SkuId,
        /// The ID of the product the SKU belongs to, e.g. `CFQ7TTC0LH18`.
        "productId" => product_id: ProductId,
        /// The SKU's title, e.g. `Microsoft 365 Business Basic` or
        /// `Reserved VM Instance, Standard_D32s_v3, US West 2, 3 Years`.
        "title" => title: String,
        /// The SKU's description from the catalog, plain text.
        "description" => description: String,
        /// The smallest quantity one cart line may buy, e.g. 1 (quantity below it: 900275).
        "minimumQuantity" => minimum_quantity: i64 [lenient_int],
        /// The largest quantity one cart line may buy, e.g. 300 for Microsoft 365 Business Basic,
        /// 999999999 for reservations (quantity above it: 900275).
        "maximumQuantity" => maximum_quantity: i64 [lenient_int],
        /// Whether this is a trial SKU (bought with billing cycle `none`).
        "isTrial" => is_trial: bool,
        /// Billing cycles a line may use, e.g. `["annual", "monthly"]`.
        "supportedBillingCycles" => supported_billing_cycles: Vec<Spelled<BillingCycle>>,
        /// Steps needed before buying: `InventoryCheck` (run the inventory check first),
        /// `AzureSubscriptionRegistration` (register the Azure subscription first), and agreements
        /// seen in examples (`MicrosoftCloudAgreement`, `MicrosoftCustomerAgreement`).
        "purchasePrerequisites" => purchase_prerequisites: Vec<Spelled<PurchasePrerequisite>>,
        /// Keys needed in the inventory check's `inventoryContext` (`CustomerId`, `ArmRegionName`…).
        "inventoryVariables" => inventory_variables: Vec<String>,
        /// Keys needed in the cart line's `provisioningContext` (`Scope`, `SubscriptionId`, …).
        "provisioningVariables" => provisioning_variables: Vec<String>,
        /// Free-form attributes that may change without notice (`armRegionName`, `isAddon`, …).
        "dynamicAttributes" => dynamic_attributes: serde_json::Map<String, serde_json::Value>,
        /// The attestation a cart line for this SKU must accept, if any (e.g. Windows 365).
        "attestationProperties" => attestation_properties: AttestationProperties,
        /// How consumption beyond the purchase is billed, e.g. `overage` (telco pay-as-you-go);
        /// present only for SKUs with consumption.
        "consumptionType" => consumption_type: String,
        /// Only for specialized offers (`targetView=SpecializedOffers`):
        /// `{ startDate, endDate, pricingPolicies: [{ type, value }] }`, the promotion's window and
        /// discounts.
        "specializedOfferProperties" => specialized_offer_properties: serde_json::Value,
        /// Savings-plan commitment: `{ grain, currencyCode: {code, symbol}, amount }`.
        "minimumPurchaseCommitment" => minimum_purchase_commitment: serde_json::Value,
        /// Actions allowed on purchases of the SKU, e.g. `["Refund"]` (documented example only).
        "actions" => actions: Vec<String>,
        /// The URI of the SKU's terms of use (.NET SDK only; not in the REST docs).
        "termsOfUseUri" => terms_of_use_uri: String,
        /// Purchase constraints of the SKU (.NET SDK only; not in the REST docs).
        "constraints" => constraints: Vec<Constraint>,
        /// `availabilities` (the SKU's availabilities in the same country) and `self`.
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
        /// The ISO 4217 currency code, e.g. `USD`, `EUR`.
        "code" => code: String,
        /// The currency's symbol for display, e.g. `$`, `€`.
        "symbol" => symbol: String,
    }
}

/// `Availability.defaultCurrency`: a string per the docs' table, an object in every example.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum DefaultCurrency {
    /// `"USD"`.
    Code(String),
    /// `{ "code": "USD", "symbol": "$" }`.
    Info(CurrencyInfo),
}

#[cfg(feature = "ts")]
crate::ts::ts_named!(DefaultCurrency);

#[cfg(feature = "schema")]
crate::schema::schema_named!(DefaultCurrency);

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
        /// The option's position in the policy, from 0: the options apply one after the other.
        "sequenceId" => sequence_id: i64 [lenient_int],
        /// How much is refunded: `Full` (seen on availabilities) or `Partial` (prorated).
        "type" => refund_type: Spelled<RefundType>,
        /// ISO 8601 duration after purchase during which the option applies, e.g. `P1D`.
        "expiresAfter" => expires_after: String,
    }
}

resource! {
    /// A term's cancellation policy.
    pub struct CancellationPolicy {
        /// The refund options in `sequenceId` order, e.g.
        /// `[{ "sequenceId": 0, "type": "Full", "expiresAfter": "P1D" }]`.
        "refundOptions" => refund_options: Vec<CancellationRefundOption>,
    }
}

resource! {
    /// A renewal option of a term (SDK only).
    pub struct TermRenewalOption {
        /// The term it renews to, as an ISO 8601 duration (`P1M`, `P1Y`).
        "termDuration" => term_duration: String,
        /// A description of the renewal option for display.
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
        /// The term's description for display, e.g.
        /// `One-Year commitment for monthly/yearly billing` or `1 Year Prepaid`.
        "description" => description: String,
        /// Billing cycle (capitalized, e.g. `Annual`, in the only example).
        "billingCycle" => billing_cycle: Spelled<BillingCycle>,
        /// Cancellation policies with their refund windows.
        "cancellationPolicies" => cancellation_policies: Vec<CancellationPolicy>,
        /// The terms this one can renew to (.NET SDK only; not in the REST docs).
        "renewalOptions" => renewal_options: Vec<TermRenewalOption>,
    }
}

resource! {
    /// One renewal option of a renewal instruction.
    pub struct RenewalOption {
        /// What the term renews to: `{productId}:{skuId}` (e.g. `CFQ7TTC0LH18:0001`).
        "renewToId" => renew_to_id: String,
        /// Whether the subscription renews to it automatically.
        "isAutoRenewable" => is_auto_renewable: bool,
    }
}

resource! {
    /// `renewalInstructions[]` of an availability.
    pub struct RenewalInstruction {
        /// The `terms[].id` of this availability the instruction applies to, e.g.
        /// `["5aeco6mffyxo"]`.
        "applicableTermIds" => applicable_term_ids: Vec<String>,
        /// What those terms can renew to, and whether automatically.
        "renewalOptions" => renewal_options: Vec<RenewalOption>,
    }
}

resource! {
    /// `includedQuantityOptions[]` (SDK only).
    pub struct IncludedQuantityOption {
        /// The quantity included, as a string (.NET SDK only; not in the REST docs).
        "units" => units: String,
        /// A description of the included quantity for display.
        "description" => description: String,
    }
}

resource! {
    /// `Availability` (`GET …/skus/{sku-id}/availabilities[/{availability-id}]`): what a cart line
    /// buys, identified by its `catalogItemId`.
    ///
    /// Has no price: prices come from cart and order line `pricing`.
    pub struct Availability {
        /// The availability ID, unique only within its product and SKU (e.g. `CFQ7TTC0K971`); it
        /// can change over time, so rely on it only shortly after reading it.
        "id" => id: AvailabilityId,
        /// The ID of the product this availability belongs to, e.g. `CFQ7TTC0LH18`.
        "productId" => product_id: ProductId,
        /// The ID of the SKU this availability belongs to, unique within the product, e.g. `0001`.
        "skuId" => sku_id: SkuId,
        /// What a cart line puts in its `catalogItemId`: `{productId}:{skuId}:{availabilityId}`,
        /// e.g. `CFQ7TTC0LH18:0001:CFQ7TTC0K971`. It can change: read it close to purchase time
        /// (400019 at checkout otherwise).
        "catalogItemId" => catalog_item_id: CatalogItemId,
        /// The market's currency, in which the line will be priced:
        /// `{ "code": "USD", "symbol": "$" }` in every example (a string per the docs' table).
        "defaultCurrency" => default_currency: DefaultCurrency,
        /// The customer segment it is sold to: `commercial`, `education`, `government` or
        /// `nonprofit` (lower-case in the examples, capitalized in the docs' table). Nonprofit
        /// availabilities come back only when `targetSegment=nonprofit` is asked for.
        "segment" => segment: Spelled<Segment>,
        /// The market it applies to, an ISO 3166 two-letter code (e.g. `US`): the `country` the
        /// catalog was read with.
        "country" => country: String,
        /// Whether it can be bought now (a cart line for one that cannot fails).
        "isPurchasable" => is_purchasable: bool,
        /// Whether subscriptions bought from it can renew.
        "isRenewable" => is_renewable: bool,
        /// What each of its terms renews to (new commerce), by term ID.
        "renewalInstructions" => renewal_instructions: Vec<RenewalInstruction>,
        /// The terms it can be bought with: duration, billing cycle, and the cancellation policy
        /// that decides refunds.
        "terms" => terms: Vec<Term>,
        /// Quantities included with the purchase (.NET SDK only; not in the REST docs).
        "includedQuantityOptions" => included_quantity_options: Vec<IncludedQuantityOption>,
        /// The product it belongs to, embedded (may be `{}`).
        "product" => product: Product,
        /// The SKU it belongs to, embedded (may be `{}`); the purchase rules read quantities,
        /// billing cycles and prerequisites from it.
        "sku" => sku: Sku,
        /// `self`: the availability's URI.
        "links" => links: Links,
        /// `{ "objectType": "Availability" }`.
        "attributes" => attributes: Attributes,
    }
}
