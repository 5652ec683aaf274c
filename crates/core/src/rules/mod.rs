//! Purchase rules: what a cart would fail with at Partner Center checkout, found before anything
//! is bought, and how the cart will split into orders.
//!
//! [`validate_cart`] is pure and deterministic. The same function runs in the browser, in the
//! npm package and in the sandbox's checkout, so each rule lives in exactly one place:
//!
//! | module | findings |
//! |---|---|
//! | [`cart`] | `CartEmpty`, `CartExpired` |
//! | [`catalog`] | `CatalogItemUnknown`, `NotPurchasable`, `CountryMismatch`, `SegmentMismatch` |
//! | [`eligibility`] | `MarketUnavailable`, `PerpetualSoftwareNotQualified`, `EuCustomerIneligible`, `CustomerAgreementMissing` |
//! | [`quantity`] | `QuantityOutOfRange` |
//! | [`terms`] | `BillingCycleNotSupported`, `TermNotOffered`, `BillingCycleLongerThanTerm`, `TrialRequiresNoBillingCycle` |
//! | [`prerequisites`] | `AttestationRequired`, `InventoryCheckRequired`, `InventoryUnavailable`, `ProvisioningContextMissing`, `SubscriptionNotRegistered` |
//! | [`order_groups`] | the order-group preview |
//! | [`lifecycle`] | after the purchase: `SubscriptionNotActive`, `ChangeNotAllowed`, `CancellationWindowPassed`, `SeatReductionWindowPassed`, `QuantityCannotDecrease`, `AutoRenewDisabled` (and `QuantityOutOfRange` and the term findings for changes) |
//!
//! [`build_purchase_context`] builds the context from Partner Center's answers ([`build`]);
//! [`check_availability`] tells what stands in the way of buying one availability at all, for
//! the catalog.
//!
//! Market facts (restricted markets, EU member states) are data in [`markets`].

pub mod build;
pub mod cart;
pub mod catalog;
pub mod context;
pub mod eligibility;
pub mod finding;
pub mod kind;
pub mod lifecycle;
pub mod markets;
pub mod order_groups;
pub mod prerequisites;
pub mod quantity;
pub mod terms;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use build::{
    ContextSources, build_purchase_context, missing_order_ids, referenced_product_ids,
};
pub use context::{
    AzureSubscription, CustomerProfile, ExistingPurchase, PartnerProfile, PurchaseContext,
};
pub use finding::{Finding, FindingCode, Severity};
pub use kind::ProductKind;
pub use lifecycle::{
    Allowance, AllowedChanges, Refund, SubscriptionChange, SubscriptionFacts, allowed_changes,
    check_change, check_software_cancellation, refund, software_refund,
};
pub use order_groups::OrderGroup;
pub use quantity::{QuantityInputError, check_quantity, read_quantity};
pub use terms::{TermOption, add_duration, offered_combinations};

use crate::json::JsonPath;
use crate::models::{Availability, Cart, CartLineItem, InventoryItem};

/// The result of [`validate_cart`]: `{"findings": [...], "orderGroups": [...]}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Validation {
    /// Everything that would make checkout fail: cart-level findings first, then each line's in
    /// line order.
    pub findings: Vec<Finding>,
    /// How the cart will split into orders; every line is in exactly one group.
    pub order_groups: Vec<OrderGroup>,
}

impl Validation {
    /// Whether checkout may be attempted: no finding of severity error.
    pub fn is_purchasable(&self) -> bool {
        !self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// Findings that concern one line (by its `lineItemId`).
    pub fn findings_for_line(&self, line_item_id: i64) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(move |f| f.line_item_id == Some(line_item_id))
    }
}

/// The JSON input of the rules contract: `{"cart": Cart, "context": PurchaseContext}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CheckCartInput {
    /// Partner Center's own cart shape.
    pub cart: Cart,
    /// Everything the rules need to know about partner, customer, catalog and inventory.
    pub context: PurchaseContext,
}

/// Input to the rules that is not valid JSON of the contract's shape.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid input at {path}: {message}")]
pub struct InputError {
    /// Where the input is wrong, e.g. `$.context.now`.
    pub path: JsonPath,
    /// What is wrong.
    pub message: String,
}

impl From<crate::json::DecodeError> for InputError {
    fn from(error: crate::json::DecodeError) -> Self {
        Self {
            path: error.path,
            message: error.message,
        }
    }
}

/// Parses the contract's JSON input (`{"cart": …, "context": …}`) with [`crate::json::decode`].
///
/// # Errors
/// [`InputError`] naming the JSON path of the first malformed member; text after the value
/// other than whitespace is an error at `$`.
pub fn parse_input(json: &str) -> Result<CheckCartInput, InputError> {
    crate::json::decode(json.as_bytes()).map_err(InputError::from)
}

/// Runs every purchase rule over `cart` in `context` and previews its order groups.
///
/// Lines are the cart's `lineItems` followed depth-first by their legacy `addonItems`; a line's
/// `lineItemId` is its `id`, or its position in that order when it has none. Matching is
/// case-insensitive for IDs, countries, segments, currencies and enum values.
pub fn validate_cart(cart: &Cart, context: &PurchaseContext) -> Validation {
    let lines = cart.all_line_items();
    let index = CatalogIndex::new(context);
    let resolved: Vec<Line<'_>> = lines
        .iter()
        .enumerate()
        .map(|(position, item)| Line::resolve(position, item, &index))
        .collect();

    let mut findings = Vec::new();
    cart::check(cart, &resolved, context, &mut findings);
    eligibility::check_cart(&resolved, context, &mut findings);
    for line in &resolved {
        if line.availability.is_none() {
            catalog::check_unknown(line, &mut findings);
            continue;
        }
        for rule in LINE_RULES {
            rule(line, context, &index, &mut findings);
        }
    }
    Validation {
        findings,
        order_groups: order_groups::preview(&resolved),
    }
}

/// What stands in the way of buying `availability` at all for the context's partner and
/// customer, whatever the line's quantity, term or prerequisites: the error findings of the
/// catalog rules (`NotPurchasable`, `CountryMismatch`, `SegmentMismatch`) and the eligibility
/// rules (`MarketUnavailable`, `PerpetualSoftwareNotQualified`, `EuCustomerIneligible`) for a
/// line buying it. The catalog offers an availability only when this is empty; the findings
/// concern line `0`.
pub fn check_availability(availability: &Availability, context: &PurchaseContext) -> Vec<Finding> {
    let item = CartLineItem {
        id: Some(0),
        catalog_item_id: availability.catalog_item_id.clone(),
        quantity: Some(1),
        ..CartLineItem::default()
    };
    let line = Line {
        id: 0,
        item: &item,
        availability: Some(availability),
        kind: ProductKind::of(availability),
    };
    let index = CatalogIndex::empty();
    let mut findings = Vec::new();
    catalog::check(&line, context, &index, &mut findings);
    eligibility::check(&line, context, &index, &mut findings);
    findings.retain(|f| f.severity == Severity::Error);
    findings
}

/// A line rule: appends the findings it has about one resolved line.
type LineRule = fn(&Line<'_>, &PurchaseContext, &CatalogIndex<'_>, &mut Vec<Finding>);

/// Every per-line rule, in the order their findings are reported.
const LINE_RULES: [LineRule; 5] = [
    catalog::check,
    eligibility::check,
    quantity::check,
    terms::check,
    prerequisites::check,
];

/// A cart line with its availability (when the catalog has it) and product kind.
#[derive(Clone, Debug)]
pub struct Line<'a> {
    /// The line's `id`, or its position when it has none.
    pub id: i64,
    /// The cart line.
    pub item: &'a CartLineItem,
    /// The availability its `catalogItemId` names, if the context's catalog has it.
    pub availability: Option<&'a Availability>,
    /// What kind of product it is.
    pub kind: ProductKind,
}

impl<'a> Line<'a> {
    fn resolve(position: usize, item: &'a CartLineItem, index: &CatalogIndex<'a>) -> Self {
        let id = item.id_or_position(position);
        let availability = item
            .catalog_item_id
            .as_ref()
            .and_then(|c| index.availability(c.as_str()));
        let kind = availability.map_or(ProductKind::Other, ProductKind::of);
        Self {
            id,
            item,
            availability,
            kind,
        }
    }
}

/// Case-insensitive lookups over the context's catalog and inventory, built once per validation.
#[derive(Debug)]
pub struct CatalogIndex<'a> {
    availabilities: HashMap<String, &'a Availability>,
    inventory: HashMap<(String, String), &'a InventoryItem>,
}

impl<'a> CatalogIndex<'a> {
    /// An index with nothing in it, for rules run on one availability outside a cart.
    fn empty() -> Self {
        Self {
            availabilities: HashMap::new(),
            inventory: HashMap::new(),
        }
    }

    fn new(context: &'a PurchaseContext) -> Self {
        let mut availabilities = HashMap::with_capacity(context.catalog.len());
        for availability in &context.catalog {
            if let Some(id) = &availability.catalog_item_id {
                availabilities
                    .entry(id.as_str().to_ascii_lowercase())
                    .or_insert(availability);
            }
        }
        let mut inventory = HashMap::with_capacity(context.inventory.len());
        for item in &context.inventory {
            if let (Some(product), Some(sku)) = (&item.product_id, &item.sku_id) {
                let key = (
                    product.as_str().to_ascii_lowercase(),
                    sku.as_str().to_ascii_lowercase(),
                );
                inventory.entry(key).or_insert(item);
            }
        }
        Self {
            availabilities,
            inventory,
        }
    }

    /// The availability with this `catalogItemId` (case-insensitive).
    pub fn availability(&self, catalog_item_id: &str) -> Option<&'a Availability> {
        self.availabilities
            .get(&catalog_item_id.to_ascii_lowercase())
            .copied()
    }

    /// The inventory-check result for a product and SKU (case-insensitive).
    pub fn inventory(&self, product_id: &str, sku_id: &str) -> Option<&'a InventoryItem> {
        let key = (product_id.to_ascii_lowercase(), sku_id.to_ascii_lowercase());
        self.inventory.get(&key).copied()
    }
}
