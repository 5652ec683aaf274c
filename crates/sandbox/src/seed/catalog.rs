//! The sandbox's seeded Partner Center catalog: products, SKUs and availabilities for E1–E6,
//! the inventory check (E7) and list prices — deterministic, built once at start-up.
//!
//! The data lives in compact tables ([`data`]); [`Catalog::seeded`] turns them into pc-core
//! models shaped like Partner Center's documented responses:
//!
//! * **New-commerce licenses** (`OnlineServicesNCE`, targetView `OnlineServices`): terms P1M /
//!   P1Y (P3Y for some) with term IDs, cancellation policies (full refund for 1 day, prorated
//!   for 7), renewal instructions; trials (`isTrial`, billing `none`), add-ons (`isAddon`,
//!   `prerequisiteSkus`) and Windows 365 with enforced attestation.
//! * **Software subscriptions** (`Software`/`Subscription`) and **perpetual software**
//!   (`Software`/`Perpetual`, one term without duration, full refund within 30 days), targetViews
//!   `Software`, `SoftwareSubscriptions`, `SoftwarePerpetual`.
//! * **Azure reserved VM instances** (`Azure`/`VirtualMachines`, targetViews `Azure`,
//!   `AzureReservations`, `AzureReservationsVM`): one SKU per size, region and duration, each
//!   needing an inventory check and a registered Azure subscription.
//! * **The Azure plan** (`DZH318Z0BPS6:0001`, targetView `MicrosoftAzure`), shaped like the
//!   documented SKU: billing `one_time`, quantity 1, no terms.
//!
//! Every product is available in every market of [`data::MARKETS`] (14 countries, each in its
//! CSP currency), to commercial customers, plus education availabilities for Microsoft 365 /
//! Office 365 plans and nonprofit ones for the Business plans. Software subscriptions and
//! reservations are listed in Brazil and China too: the purchase rules, not the catalog, refuse
//! them there.
//!
//! # Prices
//! [`Catalog::unit_price`] gives the **list price of one unit for one billing period** of the
//! line's billing cycle, in the availability's currency: Business Basic in the US costs 72.00 per
//! year on P1Y billed annually, 6.00 per month on P1Y billed monthly and 7.20 per month on P1M.
//! A triennial or one-time cycle's period is the whole term (a 3-year reservation bought
//! `one_time` is priced for 3 years). Trials and the Azure plan cost 0. Other currencies use
//! fixed rates from US dollars, rounded to the currency's decimals (the monthly price first;
//! annual = 12 × monthly).
//!
//! # Identifiers
//! Availability IDs are 12 upper-case alphanumerics: the product ID's first 8 characters and 4
//! derived from product, SKU, segment and country (stable across builds; the documented
//! `CFQ7TTC0LH18:0001:CFQ7TTC0K971` is kept). Term IDs are 12 lower-case alphanumerics.

mod data;

use std::collections::{HashMap, HashSet};

use pc_core::enums::{BillingCycle, PurchasePrerequisite, RefundType, Segment};
use pc_core::ids::{AvailabilityId, CatalogItemId, ProductId, SkuId};
use pc_core::models::{
    AttestationProperties, Availability, CancellationPolicy, CancellationRefundOption,
    CurrencyInfo, DefaultCurrency, InventoryCheckRequest, InventoryItem, InventoryRestriction,
    ItemType, Product, RenewalInstruction, RenewalOption, Sku, Term,
};
use pc_core::wire::Spelled;
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{Map, Value, json};

use data::{Family, LicenseSku, Market, Plan, ProductRow, Special};

use crate::paging::{attributes, links};

/// Every `targetView` Partner Center documents for `GET /v1/products` (E1). Views the seed has
/// nothing for (`AzureReservationsSQL`, `MarketplaceSaaS`, …) list no products; any other value
/// is refused with 400036.
const TARGET_VIEWS: [&str; 13] = [
    "Azure",
    "AzureReservations",
    "AzureReservationsVM",
    "AzureReservationsSQL",
    "AzureReservationsCosmosDb",
    "MicrosoftAzure",
    "OnlineServices",
    "Software",
    "SoftwareSUSELinux",
    "SoftwarePerpetual",
    "SoftwareSubscriptions",
    "SpecializedOffers",
    "MarketplaceSaaS",
];

/// Why a catalog read failed; [`code`](Self::code) and [`status`](Self::status) are Partner
/// Center's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum CatalogError {
    /// `targetView` is not one Partner Center knows (403, 400036).
    #[error("The target view '{0}' is not allowed.")]
    TargetViewNotAllowed(String),
    /// `targetSegment` is not one Partner Center knows (403, 400030).
    #[error("The target segment '{0}' is not allowed.")]
    SegmentNotAllowed(String),
    /// No such product in the country (404, 400013).
    #[error("Product '{0}' was not found.")]
    ProductNotFound(String),
    /// No such SKU of the product in the country (404, 400018).
    #[error("SKU '{0}' was not found.")]
    SkuNotFound(String),
    /// No such availability of the SKU in the country (404, 400019).
    #[error("Availability '{0}' was not found.")]
    AvailabilityNotFound(String),
}

impl CatalogError {
    /// Partner Center's error code: 400036, 400030, 400013, 400018 or 400019.
    pub(crate) fn code(&self) -> i64 {
        match self {
            Self::TargetViewNotAllowed(_) => 400_036,
            Self::SegmentNotAllowed(_) => 400_030,
            Self::ProductNotFound(_) => 400_013,
            Self::SkuNotFound(_) => 400_018,
            Self::AvailabilityNotFound(_) => 400_019,
        }
    }

    /// The HTTP status: 403 for a refused view or segment, 404 for what does not exist.
    pub(crate) fn status(&self) -> u16 {
        match self {
            Self::TargetViewNotAllowed(_) | Self::SegmentNotAllowed(_) => 403,
            Self::ProductNotFound(_) | Self::SkuNotFound(_) | Self::AvailabilityNotFound(_) => 404,
        }
    }
}

/// The seeded catalog. Lookups ignore ASCII case in IDs and countries.
#[derive(Debug, Clone)]
pub(crate) struct Catalog {
    products: Vec<ProductEntry>,
    skus: Vec<SkuEntry>,
    availabilities: Vec<Availability>,
    /// Price list of each availability (same index as `availabilities`).
    prices: Vec<Vec<Price>>,
    /// Lower-case product ID → index in `products`.
    product_index: HashMap<String, usize>,
    /// Lower-case (product ID, SKU ID) → index in `skus`.
    sku_index: HashMap<(String, String), usize>,
    /// Lower-case catalog item ID → index in `availabilities`.
    catalog_items: HashMap<String, usize>,
}

/// A product without country-specific links.
#[derive(Debug, Clone)]
struct ProductEntry {
    base: Product,
    family: Family,
    azure_plan_scope: bool,
    skus: Vec<usize>,
}

/// A SKU without country-specific links.
#[derive(Debug, Clone)]
struct SkuEntry {
    product: usize,
    base: Sku,
    /// For reservations: `armRegionName` and cores, which decide inventory restrictions.
    reservation: Option<(&'static str, u32)>,
    availabilities: Vec<usize>,
}

/// One list price of an availability.
#[derive(Debug, Clone, PartialEq)]
struct Price {
    /// Term duration; `None` for term-less purchases (perpetual software, the Azure plan).
    term: Option<&'static str>,
    cycle: BillingCycle,
    /// Per unit for one period of `cycle`, in the availability's currency.
    amount: Decimal,
}

impl Catalog {
    /// Builds the seeded catalog (deterministic; cheap enough to call once at start-up).
    pub(crate) fn seeded() -> Self {
        let mut builder = Builder::default();
        for row in data::PRODUCTS {
            builder.product(row);
        }
        for row in data::LICENSE_SKUS {
            builder.license(row);
        }
        for row in data::SOFTWARE_SKUS {
            builder.software(row);
        }
        for series in data::RESERVATION_SERIES {
            builder.reservations(series);
        }
        builder.azure_plan();
        builder.finish()
    }

    /// E1: products for `country` and `target_view` (case-insensitive), filtered by segment
    /// when given. A product is listed when it has an availability for that country (and
    /// segment; without one, any segment but nonprofit). `reservation_scope_azure_plan` selects
    /// reservation products usable with Azure plans (all but the NC series); without it, those
    /// usable with MS-AZR-0145P subscriptions (all).
    ///
    /// # Errors
    /// [`CatalogError::TargetViewNotAllowed`] for an unknown view (400036);
    /// [`CatalogError::SegmentNotAllowed`] for [`Segment::Unknown`] (400030).
    pub(crate) fn products(
        &self,
        country: &str,
        target_view: &str,
        segment: Option<&Segment>,
        reservation_scope_azure_plan: bool,
    ) -> Result<Vec<Product>, CatalogError> {
        let view = TARGET_VIEWS
            .iter()
            .find(|v| v.eq_ignore_ascii_case(target_view.trim()))
            .ok_or_else(|| CatalogError::TargetViewNotAllowed(target_view.to_owned()))?;
        check_segment(segment)?;
        Ok(self
            .products
            .iter()
            .enumerate()
            .filter(|(_, p)| family_views(p.family).contains(view))
            .filter(|(_, p)| {
                p.family != Family::Reservation
                    || !reservation_scope_azure_plan
                    || p.azure_plan_scope
            })
            .filter(|(_, p)| {
                p.skus
                    .iter()
                    .any(|&s| self.sku_offered(s, country, segment))
            })
            .map(|(index, _)| self.product_for(index, country))
            .collect())
    }

    /// E2: one product, when it has an availability in `country`; `None` → 400013.
    pub(crate) fn product(&self, product_id: &str, country: &str) -> Option<Product> {
        let index = self.product_in(product_id, country).ok()?;
        Some(self.product_for(index, country))
    }

    /// E3: the product's SKUs with an availability in `country` (and `segment`; without one,
    /// any segment but nonprofit).
    ///
    /// # Errors
    /// [`CatalogError::SegmentNotAllowed`] (400030), [`CatalogError::ProductNotFound`] (400013).
    pub(crate) fn skus(
        &self,
        product_id: &str,
        country: &str,
        segment: Option<&Segment>,
    ) -> Result<Vec<Sku>, CatalogError> {
        check_segment(segment)?;
        let product = self.product_in(product_id, country)?;
        Ok(self.products[product]
            .skus
            .iter()
            .filter(|&&s| self.sku_offered(s, country, segment))
            .map(|&s| self.sku_for(s, country))
            .collect())
    }

    /// E4: one SKU.
    ///
    /// # Errors
    /// [`CatalogError::ProductNotFound`] (400013), [`CatalogError::SkuNotFound`] (400018).
    pub(crate) fn sku(
        &self,
        product_id: &str,
        sku_id: &str,
        country: &str,
    ) -> Result<Sku, CatalogError> {
        let sku = self.sku_in(product_id, sku_id, country)?;
        Ok(self.sku_for(sku, country))
    }

    /// E5: the SKU's availabilities in `country` for `segment`; when `segment` is `None`, every
    /// segment except nonprofit (nonprofit ones only come back when asked for).
    ///
    /// # Errors
    /// [`CatalogError::SegmentNotAllowed`] (400030), [`CatalogError::ProductNotFound`] (400013),
    /// [`CatalogError::SkuNotFound`] (400018).
    pub(crate) fn availabilities(
        &self,
        product_id: &str,
        sku_id: &str,
        country: &str,
        segment: Option<&Segment>,
    ) -> Result<Vec<Availability>, CatalogError> {
        check_segment(segment)?;
        let sku = self.sku_in(product_id, sku_id, country)?;
        Ok(self.skus[sku]
            .availabilities
            .iter()
            .map(|&a| &self.availabilities[a])
            .filter(|a| same_country(a, country) && segment_matches(a, segment))
            .cloned()
            .collect())
    }

    /// E6: one availability of the SKU in `country`.
    ///
    /// # Errors
    /// [`CatalogError::ProductNotFound`] (400013), [`CatalogError::SkuNotFound`] (400018),
    /// [`CatalogError::AvailabilityNotFound`] (400019).
    pub(crate) fn availability(
        &self,
        product_id: &str,
        sku_id: &str,
        availability_id: &str,
        country: &str,
    ) -> Result<Availability, CatalogError> {
        let sku = self.sku_in(product_id, sku_id, country)?;
        self.skus[sku]
            .availabilities
            .iter()
            .map(|&a| &self.availabilities[a])
            .find(|a| {
                same_country(a, country)
                    && a.id
                        .as_ref()
                        .is_some_and(|id| id.eq_ignore_case(availability_id.trim()))
            })
            .cloned()
            .ok_or_else(|| CatalogError::AvailabilityNotFound(availability_id.to_owned()))
    }

    /// Lookup by `catalogItemId` (case-insensitive), any country: what cart lines reference.
    pub(crate) fn by_catalog_item_id(&self, catalog_item_id: &str) -> Option<&Availability> {
        let index = self
            .catalog_items
            .get(&catalog_item_id.trim().to_ascii_lowercase())?;
        self.availabilities.get(*index)
    }

    /// List unit price for one billing period of `billing_cycle` for `term_duration` (`None`,
    /// or empty, for a term-less one-time purchase: perpetual software, the Azure plan), in the
    /// availability's currency. `None` when the availability is not from this catalog or does
    /// not offer that term and cycle. See the module docs for what a period is.
    pub(crate) fn unit_price(
        &self,
        availability: &Availability,
        term_duration: Option<&str>,
        billing_cycle: &BillingCycle,
    ) -> Option<Decimal> {
        let id = availability.catalog_item_id.as_ref()?;
        let index = *self.catalog_items.get(&id.as_str().to_ascii_lowercase())?;
        let term = term_duration.map(str::trim).filter(|t| !t.is_empty());
        self.prices
            .get(index)?
            .iter()
            .find(|p| {
                p.cycle == *billing_cycle
                    && match (p.term, term) {
                        (None, None) => true,
                        (Some(own), Some(asked)) => own.eq_ignore_ascii_case(asked),
                        _ => false,
                    }
            })
            .map(|p| p.amount)
    }

    /// E7: evaluates an inventory check for `country`. Items not in the catalog (for that
    /// country) are left out; omitting `skuId` expands to all SKUs of the product.
    ///
    /// Reservation SKUs are restricted (`isRestricted: true`, reason
    /// `NotAvailableForSubscription`, type `Location` with the SKU's region) when their region
    /// is `japanwest` or `brazilsouth`, when they are a large size (12 cores or more) in
    /// `westeurope`, or when the request's `armRegionName` (key compared case-insensitively)
    /// names another region. Other items are never restricted.
    pub(crate) fn check_inventory(
        &self,
        request: &InventoryCheckRequest,
        country: &str,
    ) -> Vec<InventoryItem> {
        let requested_region = request.inventory_context.as_ref().and_then(|context| {
            context
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case("armRegionName"))
                .map(|(_, value)| value.trim())
                .filter(|value| !value.is_empty())
        });
        let mut items = Vec::new();
        for target in request.target_items.iter().flatten() {
            let Some(product_id) = target.product_id.as_ref() else {
                continue;
            };
            let Ok(product) = self.product_in(product_id.as_str(), country) else {
                continue;
            };
            let skus: Vec<usize> = match &target.sku_id {
                Some(sku_id) => self
                    .sku_in(product_id.as_str(), sku_id.as_str(), country)
                    .into_iter()
                    .collect(),
                None => self.products[product]
                    .skus
                    .iter()
                    .copied()
                    .filter(|&s| self.sku_in_country(s, country))
                    .collect(),
            };
            items.extend(
                skus.into_iter()
                    .map(|s| self.inventory_item(s, requested_region)),
            );
        }
        items
    }

    /// Every availability (for tests and for the sandbox's own lookups).
    pub(crate) fn all_availabilities(&self) -> &[Availability] {
        &self.availabilities
    }

    fn inventory_item(&self, sku: usize, requested_region: Option<&str>) -> InventoryItem {
        let entry = &self.skus[sku];
        let restricted_region = entry.reservation.and_then(|(region, cores)| {
            let restricted = data::RESTRICTED_REGIONS.contains(&region)
                || (region == data::LARGE_SIZE_RESTRICTED_REGION
                    && cores >= data::LARGE_SIZE_CORES)
                || requested_region.is_some_and(|asked| !asked.eq_ignore_ascii_case(region));
            restricted.then_some(region)
        });
        let restrictions = restricted_region.map(|region| {
            vec![InventoryRestriction {
                reason_code: Some("NotAvailableForSubscription".to_owned()),
                description: Some(format!(
                    "Restriction identified of type 'Location' with values '{region}'."
                )),
                properties: Some(
                    [
                        ("type".to_owned(), "Location".to_owned()),
                        ("values".to_owned(), region.to_owned()),
                    ]
                    .into(),
                ),
                ..InventoryRestriction::default()
            }]
        });
        InventoryItem {
            product_id: entry.base.product_id.clone(),
            sku_id: entry.base.id.clone(),
            is_restricted: Some(restricted_region.is_some()),
            restrictions: Some(restrictions.unwrap_or_default()),
            ..InventoryItem::default()
        }
    }

    /// The product, when it has an availability in `country` (any segment).
    fn product_in(&self, product_id: &str, country: &str) -> Result<usize, CatalogError> {
        self.product_index
            .get(&product_id.trim().to_ascii_lowercase())
            .copied()
            .filter(|&p| {
                self.products[p]
                    .skus
                    .iter()
                    .any(|&s| self.sku_in_country(s, country))
            })
            .ok_or_else(|| CatalogError::ProductNotFound(product_id.to_owned()))
    }

    /// The SKU, when it has an availability in `country` (any segment).
    fn sku_in(&self, product_id: &str, sku_id: &str, country: &str) -> Result<usize, CatalogError> {
        self.product_in(product_id, country)?;
        let key = (
            product_id.trim().to_ascii_lowercase(),
            sku_id.trim().to_ascii_lowercase(),
        );
        self.sku_index
            .get(&key)
            .copied()
            .filter(|&s| self.sku_in_country(s, country))
            .ok_or_else(|| CatalogError::SkuNotFound(sku_id.to_owned()))
    }

    fn sku_in_country(&self, sku: usize, country: &str) -> bool {
        self.skus[sku]
            .availabilities
            .iter()
            .any(|&a| same_country(&self.availabilities[a], country))
    }

    /// Whether the SKU has an availability in `country` listed for `segment`.
    fn sku_offered(&self, sku: usize, country: &str, segment: Option<&Segment>) -> bool {
        self.skus[sku].availabilities.iter().any(|&a| {
            let availability = &self.availabilities[a];
            same_country(availability, country) && segment_matches(availability, segment)
        })
    }

    fn product_for(&self, product: usize, country: &str) -> Product {
        let entry = &self.products[product];
        let id = entry.base.id.as_ref().map_or("", ProductId::as_str);
        let country = country.trim().to_ascii_uppercase();
        Product {
            links: Some(links([
                ("skus", format!("/products/{id}/skus?country={country}")),
                ("self", format!("/products/{id}?country={country}")),
            ])),
            ..entry.base.clone()
        }
    }

    fn sku_for(&self, sku: usize, country: &str) -> Sku {
        let entry = &self.skus[sku];
        with_sku_links(&entry.base, &country.trim().to_ascii_uppercase())
    }
}

fn with_sku_links(base: &Sku, country: &str) -> Sku {
    let product = base.product_id.as_ref().map_or("", ProductId::as_str);
    let id = base.id.as_ref().map_or("", SkuId::as_str);
    let prefix = format!("/products/{product}/skus/{id}");
    Sku {
        links: Some(links([
            (
                "availabilities",
                format!("{prefix}/availabilities?country={country}"),
            ),
            ("self", format!("{prefix}?country={country}")),
        ])),
        ..base.clone()
    }
}

fn check_segment(segment: Option<&Segment>) -> Result<(), CatalogError> {
    match segment {
        Some(Segment::Unknown(name)) => Err(CatalogError::SegmentNotAllowed(name.clone())),
        _ => Ok(()),
    }
}

fn same_country(availability: &Availability, country: &str) -> bool {
    availability
        .country
        .as_deref()
        .is_some_and(|c| c.eq_ignore_ascii_case(country.trim()))
}

/// `segment` given: exactly that segment; `None`: every segment but nonprofit (E5).
fn segment_matches(availability: &Availability, segment: Option<&Segment>) -> bool {
    let own = availability.segment.as_deref();
    match segment {
        Some(asked) => own == Some(asked),
        None => own != Some(&Segment::NonProfit),
    }
}

fn family_views(family: Family) -> &'static [&'static str] {
    match family {
        Family::License => &["OnlineServices"],
        Family::SoftwareSubscription => &["Software", "SoftwareSubscriptions"],
        Family::PerpetualSoftware => &["Software", "SoftwarePerpetual"],
        Family::Reservation => &["Azure", "AzureReservations", "AzureReservationsVM"],
        Family::AzurePlan => &["MicrosoftAzure"],
    }
}

fn item_type(id: &str, sub_type: Option<&str>) -> ItemType {
    ItemType {
        id: Some(id.to_owned()),
        display_name: Some(id.to_owned()),
        sub_type: sub_type.map(|sub| Box::new(item_type(sub, None))),
        ..ItemType::default()
    }
}

fn product_type(family: Family) -> ItemType {
    match family {
        Family::License => item_type("OnlineServicesNCE", None),
        Family::SoftwareSubscription => item_type("Software", Some("Subscription")),
        Family::PerpetualSoftware => item_type("Software", Some("Perpetual")),
        Family::Reservation => item_type("Azure", Some("VirtualMachines")),
        Family::AzurePlan => item_type("Azure", Some("Azure")),
    }
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| (*v).to_owned()).collect()
}

fn cycles(values: &[BillingCycle]) -> Vec<Spelled<BillingCycle>> {
    values.iter().cloned().map(Spelled::from).collect()
}

fn prerequisites(values: &[PurchasePrerequisite]) -> Vec<Spelled<PurchasePrerequisite>> {
    values.iter().cloned().map(Spelled::from).collect()
}

/// A term's `billingCycle` as Partner Center writes it there, capitalized (`Annual`).
fn term_billing_cycle(spelling: &str) -> Option<Spelled<BillingCycle>> {
    serde_json::from_value(Value::String(spelling.to_owned())).ok()
}

/// What a SKU costs and which terms it has, before conversion to a market's currency.
#[derive(Debug, Clone, Copy)]
enum Pricing {
    /// New commerce: US cents per unit per month on a one-year commitment.
    License { cents: i64, plan: Plan },
    /// A free trial (P1M, billing `none`).
    Trial,
    /// Software subscription: US cents per unit per year, for a term of `years`.
    Subscription { cents: i64, years: u8 },
    /// Perpetual software: US cents per unit, once.
    Perpetual { cents: i64 },
    /// Reservation: US cents per instance for the whole term of `years`.
    Reservation { cents: i64, years: u8 },
    /// The Azure plan: free to buy, usage billed later.
    AzurePlan,
}

/// One term of an availability, before IDs are derived.
struct TermSpec {
    duration: Option<&'static str>,
    description: &'static str,
    /// Capitalized, as on the documented term (`Annual`).
    billing_cycle: Option<&'static str>,
    refunds: &'static [(RefundType, &'static str)],
    /// New-commerce terms carry IDs that renewal instructions reference.
    with_id: bool,
}

/// Full refund for a day, prorated for seven (new commerce, software subscriptions).
const SEVEN_DAY_REFUNDS: &[(RefundType, &str)] =
    &[(RefundType::Full, "P1D"), (RefundType::Partial, "P7D")];
/// Full refund within 30 days (perpetual software).
const THIRTY_DAY_REFUNDS: &[(RefundType, &str)] = &[(RefundType::Full, "P30D")];

impl Pricing {
    fn terms(self) -> Vec<TermSpec> {
        let license = |duration, description, billing_cycle| TermSpec {
            duration: Some(duration),
            description,
            billing_cycle: Some(billing_cycle),
            refunds: SEVEN_DAY_REFUNDS,
            with_id: true,
        };
        let month = || license("P1M", "One-Month commitment for monthly billing", "Monthly");
        let year = || {
            license(
                "P1Y",
                "One-Year commitment for monthly/yearly billing",
                "Annual",
            )
        };
        let three_years = || {
            license(
                "P3Y",
                "Three-Year commitment for monthly/yearly/triennial billing",
                "Triennial",
            )
        };
        match self {
            Self::License { plan, .. } => match plan {
                Plan::Year => vec![year()],
                Plan::MonthYear => vec![month(), year()],
                Plan::MonthYearThreeYear => vec![month(), year(), three_years()],
                Plan::Trial => vec![license("P1M", "One-Month trial", "None")],
            },
            Self::Trial => vec![license("P1M", "One-Month trial", "None")],
            Self::Subscription { years, .. } => vec![TermSpec {
                duration: Some(if years == 3 { "P3Y" } else { "P1Y" }),
                description: if years == 3 {
                    "Three-Year subscription"
                } else {
                    "One-Year subscription"
                },
                billing_cycle: None,
                refunds: SEVEN_DAY_REFUNDS,
                with_id: false,
            }],
            Self::Perpetual { .. } => vec![TermSpec {
                duration: None,
                description: "Perpetual license",
                billing_cycle: None,
                refunds: THIRTY_DAY_REFUNDS,
                with_id: false,
            }],
            Self::Reservation { years, .. } => vec![TermSpec {
                duration: Some(if years == 3 { "P3Y" } else { "P1Y" }),
                description: if years == 3 {
                    "3 Years Prepaid"
                } else {
                    "1 Year Prepaid"
                },
                billing_cycle: None,
                refunds: &[],
                with_id: false,
            }],
            Self::AzurePlan => Vec::new(),
        }
    }

    /// The price list in `market`'s currency.
    fn prices(self, market: &Market) -> Vec<Price> {
        let price = |term, cycle, amount| Price {
            term,
            cycle,
            amount,
        };
        match self {
            Self::License { cents, plan } => {
                let monthly = convert(cents, market);
                let month_to_month = round(
                    monthly * Decimal::new(data::MONTHLY_TERM_PERCENT, 2),
                    market,
                );
                let annual = monthly * Decimal::from(12);
                let triennial = monthly * Decimal::from(36);
                let mut list = Vec::new();
                if plan != Plan::Year {
                    list.push(price(Some("P1M"), BillingCycle::Monthly, month_to_month));
                }
                list.push(price(Some("P1Y"), BillingCycle::Monthly, monthly));
                list.push(price(Some("P1Y"), BillingCycle::Annual, annual));
                if plan == Plan::MonthYearThreeYear {
                    list.push(price(Some("P3Y"), BillingCycle::Monthly, monthly));
                    list.push(price(Some("P3Y"), BillingCycle::Annual, annual));
                    list.push(price(Some("P3Y"), BillingCycle::Triennial, triennial));
                }
                list
            }
            Self::Trial => vec![price(Some("P1M"), BillingCycle::None, Decimal::ZERO)],
            Self::Subscription { cents, years } => {
                let yearly = convert(cents, market);
                if years == 3 {
                    let whole = yearly * Decimal::from(3);
                    vec![
                        price(Some("P3Y"), BillingCycle::OneTime, whole),
                        price(Some("P3Y"), BillingCycle::Annual, yearly),
                        price(Some("P3Y"), BillingCycle::Triennial, whole),
                    ]
                } else {
                    vec![
                        price(Some("P1Y"), BillingCycle::OneTime, yearly),
                        price(Some("P1Y"), BillingCycle::Annual, yearly),
                    ]
                }
            }
            Self::Perpetual { cents } => {
                vec![price(None, BillingCycle::OneTime, convert(cents, market))]
            }
            Self::Reservation { cents, years } => {
                let term = if years == 3 { "P3Y" } else { "P1Y" };
                vec![price(
                    Some(term),
                    BillingCycle::OneTime,
                    convert(cents, market),
                )]
            }
            Self::AzurePlan => vec![price(None, BillingCycle::OneTime, Decimal::ZERO)],
        }
    }

    /// `isRenewable`: new-commerce licenses (and their trials) renew; the rest do not.
    fn renewable(self) -> bool {
        matches!(self, Self::License { .. } | Self::Trial)
    }
}

/// US dollar cents in `market`'s currency, rounded to its decimals.
fn convert(cents: i64, market: &Market) -> Decimal {
    round(
        Decimal::new(cents, 2) * Decimal::new(market.rate, 4),
        market,
    )
}

fn round(amount: Decimal, market: &Market) -> Decimal {
    amount.round_dp_with_strategy(market.decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// FNV-1a over the parts (separated), finished with a 64-bit mixer: stable across builds and
/// platforms, unlike `std`'s hasher.
fn stable_hash(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, part) in parts.iter().enumerate() {
        let separator: &[u8] = if i == 0 { &[] } else { &[0x1f] };
        for byte in separator.iter().chain(part.as_bytes()) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^ (hash >> 33)
}

const UPPER_ALPHANUMERIC: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER_ALPHANUMERIC: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// `len` characters of `alphabet` drawn from `hash`.
fn encode(mut hash: u64, len: usize, alphabet: &[u8; 36]) -> String {
    (0..len)
        .map(|_| {
            let digit = usize::try_from(hash % 36).unwrap_or_default();
            hash /= 36;
            char::from(alphabet[digit])
        })
        .collect()
}

/// A SKU ID numbered in base 36, four characters wide (`1` → `0001`, `10` → `000A`).
fn base36_sku_id(mut number: u32) -> String {
    let mut digits = [b'0'; 4];
    for digit in digits.iter_mut().rev() {
        *digit = UPPER_ALPHANUMERIC[usize::try_from(number % 36).unwrap_or_default()];
        number /= 36;
    }
    digits.iter().copied().map(char::from).collect()
}

/// A GUID-shaped deterministic ID (`provisioningId`).
fn stable_guid(parts: &[&str]) -> String {
    let high = stable_hash(parts);
    let low = stable_hash(&[&high.to_string(), "guid"]);
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xffff,
        high & 0xffff,
        low >> 48,
        low & 0xffff_ffff_ffff
    )
}

/// Accumulates products, SKUs and availabilities while [`Catalog::seeded`] runs.
#[derive(Default)]
struct Builder {
    products: Vec<ProductEntry>,
    skus: Vec<SkuEntry>,
    availabilities: Vec<Availability>,
    prices: Vec<Vec<Price>>,
    product_index: HashMap<String, usize>,
    sku_index: HashMap<(String, String), usize>,
    catalog_items: HashMap<String, usize>,
}

/// What a new SKU is sold as: per segment, with its pricing; and what it renews to.
struct Offers {
    segments: Vec<(Segment, Pricing)>,
    /// `productId:skuId` of the renewal and whether it is automatic.
    renews_to: Option<(String, bool)>,
}

impl Builder {
    fn product(&mut self, row: &ProductRow) {
        let base = Product {
            id: Some(ProductId::new(row.id)),
            title: Some(row.title.to_owned()),
            description: Some(row.description.to_owned()),
            product_type: Some(product_type(row.family)),
            is_microsoft_product: Some(true),
            publisher_name: Some(
                if row.family == Family::Reservation {
                    "Microsoft"
                } else {
                    "Microsoft Corporation"
                }
                .to_owned(),
            ),
            attributes: Some(attributes("Product")),
            ..Product::default()
        };
        self.product_index
            .insert(row.id.to_ascii_lowercase(), self.products.len());
        self.products.push(ProductEntry {
            base,
            family: row.family,
            azure_plan_scope: row.azure_plan_scope,
            skus: Vec::new(),
        });
    }

    fn license(&mut self, row: &LicenseSku) {
        let trial = matches!(row.special, Special::TrialOf(_));
        let (addon, bases) = match row.special {
            Special::Addon(bases) => (true, bases),
            _ => (false, &[][..]),
        };
        let supported = match row.plan {
            Plan::Trial => vec![BillingCycle::None],
            Plan::Year | Plan::MonthYear => vec![BillingCycle::Annual, BillingCycle::Monthly],
            Plan::MonthYearThreeYear => vec![
                BillingCycle::Annual,
                BillingCycle::Monthly,
                BillingCycle::Triennial,
            ],
        };
        let mut attributes_map = Map::new();
        attributes_map.insert("isMicrosoftProduct".into(), json!(true));
        attributes_map.insert("hasConstraints".into(), json!(true));
        attributes_map.insert("isAddon".into(), json!(addon));
        attributes_map.insert("prerequisiteSkus".into(), json!(bases));
        attributes_map.insert("isSoftwareAssuranceApplicable".into(), json!(false));
        attributes_map.insert("upgradeTargetOffers".into(), json!(row.upgrades));
        attributes_map.insert(
            "provisioningId".into(),
            json!(stable_guid(&[row.product, row.id])),
        );
        attributes_map.insert("internal".into(), json!(false));
        let sku = Sku {
            title: Some(row.title.to_owned()),
            minimum_quantity: Some(1),
            maximum_quantity: Some(row.maximum),
            is_trial: Some(trial),
            supported_billing_cycles: Some(cycles(&supported)),
            purchase_prerequisites: Some(prerequisites(&[
                PurchasePrerequisite::MicrosoftCustomerAgreement,
            ])),
            inventory_variables: Some(Vec::new()),
            provisioning_variables: Some(Vec::new()),
            actions: Some(strings(&["Refund"])),
            dynamic_attributes: Some(attributes_map),
            attestation_properties: matches!(row.special, Special::Windows365).then(|| {
                AttestationProperties {
                    attestation_type: Some("Windows365".to_owned()),
                    enforce_attestation: Some(true),
                    ..AttestationProperties::default()
                }
            }),
            ..Sku::default()
        };
        let pricing = |cents| {
            if trial {
                Pricing::Trial
            } else {
                Pricing::License {
                    cents,
                    plan: row.plan,
                }
            }
        };
        let segments = [
            (Segment::Commercial, row.commercial),
            (Segment::Education, row.education),
            (Segment::NonProfit, row.nonprofit),
        ]
        .into_iter()
        .filter_map(|(segment, cents)| Some((segment, pricing(cents?))))
        .collect();
        let renews_to = match row.special {
            Special::TrialOf(paid) => (paid.to_owned(), false),
            _ => (format!("{}:{}", row.product, row.id), true),
        };
        self.sku(
            row.product,
            row.id,
            sku,
            None,
            Offers {
                segments,
                renews_to: Some(renews_to),
            },
        );
    }

    fn software(&mut self, row: &data::SoftwareSku) {
        let (supported, pricing) = match row.years {
            0 => (
                vec![BillingCycle::OneTime],
                Pricing::Perpetual { cents: row.cents },
            ),
            3 => (
                vec![
                    BillingCycle::OneTime,
                    BillingCycle::Annual,
                    BillingCycle::Triennial,
                ],
                Pricing::Subscription {
                    cents: row.cents,
                    years: 3,
                },
            ),
            years => (
                vec![BillingCycle::OneTime, BillingCycle::Annual],
                Pricing::Subscription {
                    cents: row.cents,
                    years,
                },
            ),
        };
        let mut attributes_map = Map::new();
        attributes_map.insert("isMicrosoftProduct".into(), json!(true));
        let sku = Sku {
            title: Some(row.title.to_owned()),
            minimum_quantity: Some(1),
            maximum_quantity: Some(data::SOFTWARE_MAXIMUM),
            is_trial: Some(false),
            supported_billing_cycles: Some(cycles(&supported)),
            purchase_prerequisites: Some(prerequisites(&[
                PurchasePrerequisite::MicrosoftCustomerAgreement,
            ])),
            inventory_variables: Some(Vec::new()),
            provisioning_variables: Some(Vec::new()),
            dynamic_attributes: Some(attributes_map),
            ..Sku::default()
        };
        self.sku(
            row.product,
            row.id,
            sku,
            None,
            Offers {
                segments: vec![(Segment::Commercial, pricing)],
                renews_to: None,
            },
        );
    }

    fn reservations(&mut self, series: &data::ReservationSeries) {
        let mut number = 0;
        for size in series.sizes {
            for arm in series.regions {
                let Some(region) = data::REGIONS.iter().find(|r| r.arm == *arm) else {
                    continue;
                };
                for years in [1_u8, 3] {
                    number += 1;
                    self.reservation(series.product, &base36_sku_id(number), size, region, years);
                }
            }
        }
    }

    fn reservation(
        &mut self,
        product: &'static str,
        id: &str,
        size: &data::VmSize,
        region: &data::Region,
        years: u8,
    ) {
        let (duration, years_text) = if years == 3 {
            ("3Years", "3 Years")
        } else {
            ("1Year", "1 Year")
        };
        let name = format!("{}, {}, {years_text}", size.arm, region.display);
        let mut attributes_map = Map::new();
        attributes_map.insert("armSkuName".into(), json!(size.arm));
        attributes_map.insert("cores".into(), json!(size.cores.to_string()));
        attributes_map.insert("ram".into(), json!(size.ram));
        attributes_map.insert("skuDisplayName".into(), json!(size.display));
        attributes_map.insert("category".into(), json!(size.category));
        attributes_map.insert("armRegionName".into(), json!(region.arm));
        attributes_map.insert("duration".into(), json!(duration));
        attributes_map.insert("region".into(), json!(region.display));
        attributes_map.insert("diskType".into(), json!(size.disk));
        let sku = Sku {
            title: Some(format!("Reserved VM Instance, {name}")),
            description: Some(format!("Reserved Virtual Machines Instance, {name}")),
            minimum_quantity: Some(1),
            maximum_quantity: Some(999_999_999),
            is_trial: Some(false),
            supported_billing_cycles: Some(cycles(&[BillingCycle::OneTime])),
            purchase_prerequisites: Some(prerequisites(&[
                PurchasePrerequisite::InventoryCheck,
                PurchasePrerequisite::AzureSubscriptionRegistration,
            ])),
            inventory_variables: Some(strings(&[
                "CustomerId",
                "AzureSubscriptionId",
                "ArmRegionName",
            ])),
            provisioning_variables: Some(strings(&["Scope", "SubscriptionId", "Duration"])),
            dynamic_attributes: Some(attributes_map),
            ..Sku::default()
        };
        let year_cents = size.cents_per_year * region.price_percent / 100;
        let cents = if years == 3 {
            year_cents * data::THREE_YEAR_PERCENT / 100
        } else {
            year_cents
        };
        self.sku(
            product,
            id,
            sku,
            Some((region.arm, size.cores)),
            Offers {
                segments: vec![(Segment::Commercial, Pricing::Reservation { cents, years })],
                renews_to: None,
            },
        );
    }

    /// The Azure plan SKU, as documented (`get-a-list-of-products-by-customer` example).
    fn azure_plan(&mut self) {
        let mut attributes_map = Map::new();
        attributes_map.insert("isMicrosoftProduct".into(), json!(true));
        attributes_map.insert("pilotProgram".into(), json!("modernazurepilot"));
        let sku = Sku {
            title: Some("Microsoft Azure plan".to_owned()),
            description: Some("Microsoft Azure plan (MS-AZR-0017G)".to_owned()),
            minimum_quantity: Some(1),
            maximum_quantity: Some(1),
            is_trial: Some(false),
            supported_billing_cycles: Some(cycles(&[BillingCycle::OneTime])),
            purchase_prerequisites: Some(prerequisites(&[
                PurchasePrerequisite::MicrosoftCustomerAgreement,
            ])),
            inventory_variables: Some(Vec::new()),
            provisioning_variables: Some(Vec::new()),
            actions: Some(strings(&["Refund"])),
            dynamic_attributes: Some(attributes_map),
            ..Sku::default()
        };
        self.sku(
            data::AZURE_PLAN_PRODUCT,
            data::AZURE_PLAN_SKU,
            sku,
            None,
            Offers {
                segments: vec![(Segment::Commercial, Pricing::AzurePlan)],
                renews_to: None,
            },
        );
    }

    /// Adds a SKU of an already added product and its availabilities in every market.
    fn sku(
        &mut self,
        product_id: &str,
        sku_id: &str,
        mut sku: Sku,
        reservation: Option<(&'static str, u32)>,
        offers: Offers,
    ) {
        let Some(&product) = self.product_index.get(&product_id.to_ascii_lowercase()) else {
            return;
        };
        let product_description = self.products[product].base.description.clone();
        sku.id = Some(SkuId::new(sku_id));
        sku.product_id = Some(ProductId::new(product_id));
        sku.description = sku.description.or(product_description);
        sku.attributes = Some(attributes("Sku"));
        let index = self.skus.len();
        self.sku_index.insert(
            (product_id.to_ascii_lowercase(), sku_id.to_ascii_lowercase()),
            index,
        );
        self.products[product].skus.push(index);
        self.skus.push(SkuEntry {
            product,
            base: sku,
            reservation,
            availabilities: Vec::new(),
        });

        let mut used = HashSet::new();
        for (segment, pricing) in &offers.segments {
            for market in &data::MARKETS {
                let id = availability_id(product_id, sku_id, segment, market.country, &used);
                used.insert(id.clone());
                self.availability(index, segment, *pricing, market, id, &offers);
            }
        }
    }

    fn availability(
        &mut self,
        sku: usize,
        segment: &Segment,
        pricing: Pricing,
        market: &Market,
        id: String,
        offers: &Offers,
    ) {
        let entry = &self.skus[sku];
        let product_entry = &self.products[entry.product];
        let product_id = product_entry.base.id.clone().unwrap_or_default();
        let sku_id = entry.base.id.clone().unwrap_or_default();
        let country = market.country;
        let availability_id = AvailabilityId::new(id);
        let catalog_item_id = CatalogItemId::from_parts(&product_id, &sku_id, &availability_id);

        let terms: Vec<(Option<String>, Term)> = pricing
            .terms()
            .into_iter()
            .map(|spec| {
                let term_id = spec.with_id.then(|| {
                    encode(
                        stable_hash(&[
                            catalog_item_id.as_str(),
                            spec.duration.unwrap_or_default(),
                            "term",
                        ]),
                        12,
                        LOWER_ALPHANUMERIC,
                    )
                });
                (term_id.clone(), build_term(&spec, term_id))
            })
            .collect();
        let renewal_instructions = offers.renews_to.as_ref().map(|(target, automatic)| {
            terms
                .iter()
                .filter_map(|(term_id, _)| term_id.clone())
                .map(|term_id| RenewalInstruction {
                    applicable_term_ids: Some(vec![term_id]),
                    renewal_options: Some(vec![RenewalOption {
                        renew_to_id: Some(target.clone()),
                        is_auto_renewable: Some(*automatic),
                        ..RenewalOption::default()
                    }]),
                    ..RenewalInstruction::default()
                })
                .collect::<Vec<_>>()
        });

        let product = Product {
            links: Some(links([
                (
                    "skus",
                    format!("/products/{product_id}/skus?country={country}"),
                ),
                ("self", format!("/products/{product_id}?country={country}")),
            ])),
            ..product_entry.base.clone()
        };
        let availability = Availability {
            id: Some(availability_id.clone()),
            product_id: Some(product_id.clone()),
            sku_id: Some(sku_id.clone()),
            catalog_item_id: Some(catalog_item_id.clone()),
            default_currency: Some(DefaultCurrency::Info(CurrencyInfo {
                code: Some(market.currency.to_owned()),
                symbol: Some(market.symbol.to_owned()),
                ..CurrencyInfo::default()
            })),
            segment: Some(segment.clone().into()),
            country: Some(country.to_owned()),
            is_purchasable: Some(true),
            is_renewable: Some(pricing.renewable()),
            renewal_instructions,
            terms: Some(terms.into_iter().map(|(_, term)| term).collect()),
            product: Some(product),
            sku: Some(with_sku_links(&entry.base, country)),
            links: Some(links([(
                "self",
                format!(
                    "/products/{product_id}/skus/{sku_id}/availabilities/{availability_id}?country={country}"
                ),
            )])),
            attributes: Some(attributes("Availability")),
            ..Availability::default()
        };
        let index = self.availabilities.len();
        self.catalog_items
            .insert(catalog_item_id.as_str().to_ascii_lowercase(), index);
        self.skus[sku].availabilities.push(index);
        self.availabilities.push(availability);
        self.prices.push(pricing.prices(market));
    }

    fn finish(self) -> Catalog {
        Catalog {
            products: self.products,
            skus: self.skus,
            availabilities: self.availabilities,
            prices: self.prices,
            product_index: self.product_index,
            sku_index: self.sku_index,
            catalog_items: self.catalog_items,
        }
    }
}

fn build_term(spec: &TermSpec, id: Option<String>) -> Term {
    let refund_options: Vec<CancellationRefundOption> = spec
        .refunds
        .iter()
        .zip(0_i64..)
        .map(
            |((refund_type, expires_after), sequence)| CancellationRefundOption {
                sequence_id: Some(sequence),
                refund_type: Some(refund_type.clone().into()),
                expires_after: Some((*expires_after).to_owned()),
                ..CancellationRefundOption::default()
            },
        )
        .collect();
    Term {
        id,
        duration: spec.duration.map(str::to_owned),
        description: Some(spec.description.to_owned()),
        billing_cycle: spec.billing_cycle.and_then(term_billing_cycle),
        cancellation_policies: (!refund_options.is_empty()).then(|| {
            vec![CancellationPolicy {
                refund_options: Some(refund_options),
                ..CancellationPolicy::default()
            }]
        }),
        ..Term::default()
    }
}

/// A 12-character availability ID: the product ID's first 8 characters and 4 derived from
/// product, SKU, segment and country (re-derived on the rare clash within the SKU). The IDs of
/// Partner Center's documented examples are kept for their own entries.
fn availability_id(
    product_id: &str,
    sku_id: &str,
    segment: &Segment,
    country: &str,
    used: &HashSet<String>,
) -> String {
    let documented = data::DOCUMENTED_AVAILABILITY_IDS
        .iter()
        .find(|(p, s, seg, c, _)| {
            *p == product_id && *s == sku_id && *seg == segment.as_str() && *c == country
        })
        .map(|(.., id)| (*id).to_owned());
    if let Some(id) = documented.filter(|id| !used.contains(id)) {
        return id;
    }
    let prefix: String = product_id.chars().take(8).collect();
    (0_u32..)
        .map(|salt| {
            let hash = stable_hash(&[
                product_id,
                sku_id,
                segment.as_str(),
                country,
                &salt.to_string(),
            ]);
            format!("{prefix}{}", encode(hash, 4, UPPER_ALPHANUMERIC))
        })
        .find(|id| !used.contains(id) && !is_documented(id))
        .unwrap_or_default()
}

fn is_documented(id: &str) -> bool {
    data::DOCUMENTED_AVAILABILITY_IDS
        .iter()
        .any(|(.., documented)| *documented == id)
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::sync::OnceLock;

    use chrono::{DateTime, Utc};
    use pc_core::enums::RegistrationStatus;
    use pc_core::models::{Cart, CartLineItem, InventoryTarget};
    use pc_core::rules::terms::duration_months;
    use pc_core::rules::{
        AzureSubscription, CustomerProfile, PartnerProfile, ProductKind, PurchaseContext,
        validate_cart,
    };

    use super::*;

    const BUSINESS_BASIC_US: &str = "CFQ7TTC0LH18:0001:CFQ7TTC0K971";

    fn catalog() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(Catalog::seeded)
    }

    fn commercial(product: &str, sku: &str, country: &str) -> Availability {
        let list = catalog()
            .availabilities(product, sku, country, Some(&Segment::Commercial))
            .unwrap();
        assert_eq!(list.len(), 1, "{product}:{sku} in {country}");
        list.into_iter().next().unwrap()
    }

    fn currency(availability: &Availability) -> (String, String) {
        match availability.default_currency.as_ref().unwrap() {
            DefaultCurrency::Info(info) => {
                (info.code.clone().unwrap(), info.symbol.clone().unwrap())
            }
            DefaultCurrency::Code(code) => panic!("bare currency code {code}"),
        }
    }

    fn now() -> DateTime<Utc> {
        "2026-11-21T12:00:00Z".parse().unwrap()
    }

    fn context(
        availabilities: Vec<Availability>,
        inventory: Vec<InventoryItem>,
    ) -> PurchaseContext {
        PurchaseContext {
            now: now(),
            partner: PartnerProfile {
                country: "US".into(),
                billing_currency: "USD".into(),
                perpetual_software_qualified: true,
            },
            customer: CustomerProfile {
                country: "US".into(),
                segment: Segment::Commercial,
                is_new_customer: true,
                customer_agreement_accepted: true,
                existing_purchases: Vec::new(),
                azure_subscriptions: vec![AzureSubscription {
                    id: "6a0b1d4f-8a33-4b5e-9a8e-2f1f4f0c0a11".into(),
                    registration_status: RegistrationStatus::Registered,
                }],
            },
            catalog: availabilities,
            inventory,
        }
    }

    fn line(catalog_item_id: &str, cycle: BillingCycle, term: Option<&str>) -> CartLineItem {
        CartLineItem {
            id: Some(0),
            catalog_item_id: Some(CatalogItemId::new(catalog_item_id)),
            quantity: Some(5),
            billing_cycle: Some(cycle.into()),
            term_duration: term.map(str::to_owned),
            ..CartLineItem::default()
        }
    }

    fn cart(line: CartLineItem) -> Cart {
        Cart {
            line_items: Some(vec![line]),
            ..Cart::default()
        }
    }

    fn finding_codes(cart: &Cart, context: &PurchaseContext) -> Vec<&'static str> {
        validate_cart(cart, context)
            .findings
            .iter()
            .map(|f| f.code.as_str())
            .collect()
    }

    /// An RI SKU of `product` in `region` for `years`.
    fn reservation_sku(product: &str, arm_sku: &str, region: &str, years: u8) -> Sku {
        let duration = if years == 3 { "3Years" } else { "1Year" };
        catalog()
            .skus(product, "US", None)
            .unwrap()
            .into_iter()
            .find(|s| {
                let attributes = s.dynamic_attributes.as_ref().unwrap();
                attributes["armSkuName"] == arm_sku
                    && attributes["armRegionName"] == region
                    && attributes["duration"] == duration
            })
            .unwrap()
    }

    fn inventory_request(
        product: &str,
        sku: Option<&str>,
        region: Option<&str>,
    ) -> InventoryCheckRequest {
        let mut context = BTreeMap::new();
        context.insert(
            "customerId".to_owned(),
            "d6bf25b7-e0a8-4f2d-a31b-97b55cfc774d".to_owned(),
        );
        if let Some(region) = region {
            context.insert("ArmRegionName".to_owned(), region.to_owned());
        }
        InventoryCheckRequest {
            target_items: Some(vec![InventoryTarget {
                product_id: Some(product.into()),
                sku_id: sku.map(SkuId::from),
                ..InventoryTarget::default()
            }]),
            inventory_context: Some(context),
            ..InventoryCheckRequest::default()
        }
    }

    #[test]
    fn has_at_least_forty_products_in_every_family() {
        let catalog = catalog();
        assert!(catalog.products.len() >= 40, "{}", catalog.products.len());
        for family in [
            Family::License,
            Family::SoftwareSubscription,
            Family::PerpetualSoftware,
            Family::Reservation,
            Family::AzurePlan,
        ] {
            assert!(
                catalog.products.iter().any(|p| p.family == family),
                "{family:?}"
            );
        }
        // Every product has SKUs and every SKU has availabilities.
        assert!(catalog.products.iter().all(|p| !p.skus.is_empty()));
        assert!(catalog.skus.iter().all(|s| !s.availabilities.is_empty()));
    }

    #[test]
    fn building_is_deterministic() {
        let again = Catalog::seeded();
        assert_eq!(again.all_availabilities(), catalog().all_availabilities());
        assert_eq!(again.prices, catalog().prices);
    }

    #[test]
    fn every_market_is_served_in_its_own_currency() {
        let expected = [
            ("US", "USD", "$"),
            ("SE", "SEK", "kr"),
            ("NL", "EUR", "€"),
            ("IL", "USD", "$"),
            ("DE", "EUR", "€"),
            ("GB", "GBP", "£"),
            ("BR", "BRL", "R$"),
            ("CN", "CNY", "¥"),
        ];
        for (country, code, symbol) in expected {
            let in_country: Vec<&Availability> = catalog()
                .all_availabilities()
                .iter()
                .filter(|a| a.country.as_deref() == Some(country))
                .collect();
            assert!(in_country.len() > 100, "{country}");
            for availability in in_country {
                assert_eq!(currency(availability), (code.to_owned(), symbol.to_owned()));
            }
            // Every product of the catalog is offered in every market.
            let listed: usize = TARGET_VIEWS
                .iter()
                .filter(|v| !["Software", "Azure", "AzureReservations"].contains(v))
                .map(|v| catalog().products(country, v, None, false).unwrap().len())
                .sum();
            assert_eq!(listed, catalog().products.len(), "{country}");
        }
        for market in &data::MARKETS {
            let availability = commercial("CFQ7TTC0LH18", "0001", market.country);
            assert_eq!(currency(&availability).0, market.currency);
        }
    }

    #[test]
    fn every_catalog_item_id_resolves_to_its_availability() {
        let catalog = catalog();
        let mut seen = HashSet::new();
        for availability in catalog.all_availabilities() {
            let id = availability.catalog_item_id.as_ref().unwrap();
            assert!(seen.insert(id.as_str().to_owned()), "duplicate {id}");
            let parts = id.parts().unwrap();
            assert_eq!(availability.product_id.as_ref(), Some(&parts.product_id));
            assert_eq!(availability.sku_id.as_ref(), Some(&parts.sku_id));
            assert_eq!(availability.id.as_ref(), Some(&parts.availability_id));
            let availability_id = parts.availability_id.as_str();
            assert_eq!(availability_id.len(), 12);
            assert!(
                availability_id
                    .chars()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
            );
            let found = catalog
                .by_catalog_item_id(&id.as_str().to_ascii_lowercase())
                .unwrap();
            assert!(std::ptr::eq(found, availability));

            let product = availability.product.as_ref().unwrap();
            let sku = availability.sku.as_ref().unwrap();
            assert_eq!(product.id.as_ref(), Some(&parts.product_id));
            assert_eq!(sku.id.as_ref(), Some(&parts.sku_id));
            assert_eq!(sku.product_id.as_ref(), Some(&parts.product_id));
            let country = availability.country.as_deref().unwrap();
            assert_eq!(
                catalog.product(parts.product_id.as_str(), country).as_ref(),
                Some(product)
            );
            assert_eq!(
                &catalog
                    .sku(parts.product_id.as_str(), parts.sku_id.as_str(), country)
                    .unwrap(),
                sku
            );
            assert_eq!(
                &catalog
                    .availability(
                        parts.product_id.as_str(),
                        parts.sku_id.as_str(),
                        availability_id,
                        country
                    )
                    .unwrap(),
                availability
            );
            assert_eq!(
                availability.links.as_ref().unwrap()["self"].uri.as_deref(),
                Some(
                    format!(
                        "/products/{}/skus/{}/availabilities/{availability_id}?country={country}",
                        parts.product_id, parts.sku_id
                    )
                    .as_str()
                )
            );
            assert_eq!(
                availability
                    .attributes
                    .as_ref()
                    .unwrap()
                    .object_type
                    .as_deref(),
                Some("Availability")
            );
            assert_eq!(
                product.attributes.as_ref().unwrap().object_type.as_deref(),
                Some("Product")
            );
            assert_eq!(
                sku.attributes.as_ref().unwrap().object_type.as_deref(),
                Some("Sku")
            );
        }
        assert!(
            catalog
                .by_catalog_item_id("CFQ7TTC0LH18:0001:NOPE")
                .is_none()
        );
    }

    #[test]
    fn documented_example_ids_resolve() {
        let availability = catalog().by_catalog_item_id(BUSINESS_BASIC_US).unwrap();
        assert_eq!(availability.country.as_deref(), Some("US"));
        assert_eq!(availability.segment.as_deref(), Some(&Segment::Commercial));
        let reservation = catalog()
            .by_catalog_item_id("DZH318Z0BQ3Q:0001:DZH318XZXPHL")
            .unwrap();
        assert_eq!(
            reservation.terms.as_ref().unwrap()[0].duration.as_deref(),
            Some("P1Y")
        );
    }

    #[test]
    fn resources_serialize_like_partner_center() {
        let json =
            serde_json::to_value(catalog().by_catalog_item_id(BUSINESS_BASIC_US).unwrap()).unwrap();
        assert_eq!(
            json["defaultCurrency"],
            json!({"code": "USD", "symbol": "$"})
        );
        assert_eq!(json["segment"], "commercial");
        assert_eq!(
            json["product"]["productType"],
            json!({"id": "OnlineServicesNCE", "displayName": "OnlineServicesNCE"})
        );
        assert_eq!(
            json["sku"]["supportedBillingCycles"],
            json!(["annual", "monthly"])
        );
        assert_eq!(
            json["sku"]["purchasePrerequisites"],
            json!(["MicrosoftCustomerAgreement"])
        );
        assert_eq!(json["sku"]["minimumQuantity"], 1);
        assert_eq!(json["sku"]["maximumQuantity"], 300);
        assert_eq!(
            json["sku"]["links"]["availabilities"],
            json!({"uri": "/products/CFQ7TTC0LH18/skus/0001/availabilities?country=US", "method": "GET", "headers": []})
        );
        let year = json["terms"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["duration"] == "P1Y")
            .unwrap();
        assert_eq!(year["billingCycle"], "Annual");
        assert_eq!(
            year["description"],
            "One-Year commitment for monthly/yearly billing"
        );
        assert_eq!(
            year["cancellationPolicies"],
            json!([{"refundOptions": [
                {"sequenceId": 0, "type": "Full", "expiresAfter": "P1D"},
                {"sequenceId": 1, "type": "Partial", "expiresAfter": "P7D"}]}])
        );
        let term_id = year["id"].as_str().unwrap();
        assert_eq!(term_id.len(), 12);
        let instruction = json["renewalInstructions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["applicableTermIds"] == json!([term_id]))
            .unwrap();
        assert_eq!(
            instruction["renewalOptions"],
            json!([{"renewToId": "CFQ7TTC0LH18:0001", "isAutoRenewable": true}])
        );

        let reservation = serde_json::to_value(
            catalog()
                .sku(
                    "DZH318Z0BQ3V",
                    reservation_sku("DZH318Z0BQ3V", "Standard_D32s_v3", "westus2", 3)
                        .id
                        .unwrap()
                        .as_str(),
                    "us",
                )
                .unwrap(),
        )
        .unwrap();
        assert_eq!(
            reservation["title"],
            "Reserved VM Instance, Standard_D32s_v3, US West 2, 3 Years"
        );
        assert_eq!(reservation["maximumQuantity"], 999_999_999);
        assert_eq!(reservation["supportedBillingCycles"], json!(["one_time"]));
        assert_eq!(
            reservation["purchasePrerequisites"],
            json!(["InventoryCheck", "AzureSubscriptionRegistration"])
        );
        assert_eq!(
            reservation["inventoryVariables"],
            json!(["CustomerId", "AzureSubscriptionId", "ArmRegionName"])
        );
        assert_eq!(
            reservation["provisioningVariables"],
            json!(["Scope", "SubscriptionId", "Duration"])
        );
        assert_eq!(reservation["dynamicAttributes"]["cores"], "32");
        assert_eq!(reservation["dynamicAttributes"]["armRegionName"], "westus2");
        assert_eq!(reservation["dynamicAttributes"]["region"], "US West 2");
        assert_eq!(reservation["dynamicAttributes"]["duration"], "3Years");
    }

    #[test]
    fn product_kinds_match_what_the_rules_expect() {
        let kind = |product, sku| ProductKind::of(&commercial(product, sku, "US"));
        assert_eq!(
            kind("CFQ7TTC0LH18", "0001"),
            ProductKind::NewCommerceLicense
        );
        assert_eq!(
            kind("CFQ7TTC0J203", "0001"),
            ProductKind::NewCommerceLicense
        );
        assert_eq!(kind("DG7GMGF0PWHC", "0006"), ProductKind::PerpetualSoftware);
        assert_eq!(
            kind("DG7GMGF0FKZV", "0001"),
            ProductKind::SoftwareSubscription
        );
        assert_eq!(kind("DZH318Z0BQ3P", "0009"), ProductKind::AzureReservation);
        assert_eq!(kind("DZH318Z0BPS6", "0001"), ProductKind::AzurePlan);
        // Whole families classify consistently.
        for availability in catalog().all_availabilities() {
            let product = availability.product_id.as_ref().unwrap().as_str();
            let family =
                catalog().products[catalog().product_index[&product.to_ascii_lowercase()]].family;
            let expected = match family {
                Family::License => ProductKind::NewCommerceLicense,
                Family::SoftwareSubscription => ProductKind::SoftwareSubscription,
                Family::PerpetualSoftware => ProductKind::PerpetualSoftware,
                Family::Reservation => ProductKind::AzureReservation,
                Family::AzurePlan => ProductKind::AzurePlan,
            };
            assert_eq!(ProductKind::of(availability), expected, "{product}");
        }
    }

    #[test]
    fn nonprofit_availabilities_only_when_asked_for() {
        let catalog = catalog();
        let default = catalog
            .availabilities("CFQ7TTC0LH18", "0001", "US", None)
            .unwrap();
        assert_eq!(default.len(), 1);
        assert_eq!(default[0].segment.as_deref(), Some(&Segment::Commercial));
        let nonprofit = catalog
            .availabilities("cfq7ttc0lh18", "0001", "us", Some(&Segment::NonProfit))
            .unwrap();
        assert_eq!(nonprofit.len(), 1);
        assert_eq!(nonprofit[0].segment.as_deref(), Some(&Segment::NonProfit));
        assert!(
            catalog
                .availabilities("CFQ7TTC0LCHC", "0002", "SE", Some(&Segment::NonProfit))
                .unwrap()
                .len()
                == 1
        );
        // Education availabilities come back by default for the enterprise suites.
        let e3 = catalog
            .availabilities("CFQ7TTC0LFLX", "0001", "DE", None)
            .unwrap();
        let segments: BTreeSet<&str> = e3
            .iter()
            .map(|a| a.segment.as_ref().unwrap().as_str())
            .collect();
        assert_eq!(segments, BTreeSet::from(["commercial", "education"]));
        // Education-only products are not listed for commercial customers.
        let commercial = catalog
            .products("US", "OnlineServices", Some(&Segment::Commercial), false)
            .unwrap();
        let education = catalog
            .products("US", "OnlineServices", Some(&Segment::Education), false)
            .unwrap();
        let ids = |list: &[Product]| {
            list.iter()
                .map(|p| p.id.clone().unwrap().to_string())
                .collect::<BTreeSet<_>>()
        };
        assert!(!ids(&commercial).contains("CFQ7TTC0LHPL"));
        assert!(ids(&education).contains("CFQ7TTC0LHPL"));
        assert!(ids(&education).contains("CFQ7TTC0LFLZ"));
        assert!(!ids(&education).contains("CFQ7TTC0LH18"));
        let nonprofit = catalog
            .products("US", "OnlineServices", Some(&Segment::NonProfit), false)
            .unwrap();
        assert_eq!(
            ids(&nonprofit),
            BTreeSet::from([
                "CFQ7TTC0LCHC".to_owned(),
                "CFQ7TTC0LDPB".to_owned(),
                "CFQ7TTC0LH18".to_owned()
            ])
        );
        assert!(
            catalog
                .skus("CFQ7TTC0LH18", "US", Some(&Segment::Government))
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn unknown_target_views_and_segments_are_refused() {
        let catalog = catalog();
        let error = catalog.products("US", "Bogus", None, false).unwrap_err();
        assert_eq!(error, CatalogError::TargetViewNotAllowed("Bogus".into()));
        assert_eq!((error.code(), error.status()), (400_036, 403));
        // The typo'd documented value is not a view either.
        assert!(
            catalog
                .products("US", "AzureAzureReservationsVM", None, false)
                .is_err()
        );
        assert!(
            !catalog
                .products("us", "onlineservices", None, false)
                .unwrap()
                .is_empty()
        );
        assert!(
            catalog
                .products("US", "MarketplaceSaaS", None, false)
                .unwrap()
                .is_empty()
        );
        assert!(
            catalog
                .products("XX", "OnlineServices", None, false)
                .unwrap()
                .is_empty()
        );
        let segment = Segment::Unknown("retail".into());
        let error = catalog
            .products("US", "OnlineServices", Some(&segment), false)
            .unwrap_err();
        assert_eq!((error.code(), error.status()), (400_030, 403));
        assert_eq!(
            catalog
                .skus("CFQ7TTC0LH18", "US", Some(&segment))
                .unwrap_err()
                .code(),
            400_030
        );
    }

    #[test]
    fn target_views_list_their_families() {
        let ids = |view: &str, scope: bool| -> BTreeSet<String> {
            catalog()
                .products("US", view, None, scope)
                .unwrap()
                .into_iter()
                .map(|p| p.id.unwrap().to_string())
                .collect()
        };
        let software = ids("Software", false);
        assert!(software.contains("DG7GMGF0PWHC") && software.contains("DG7GMGF0FKZV"));
        assert!(ids("SoftwarePerpetual", false).contains("DG7GMGF0PWHC"));
        assert!(!ids("SoftwarePerpetual", false).contains("DG7GMGF0FKZV"));
        assert!(ids("SoftwareSubscriptions", false).contains("DG7GMGF0FKZV"));
        assert_eq!(
            ids("MicrosoftAzure", false),
            BTreeSet::from(["DZH318Z0BPS6".to_owned()])
        );
        assert_eq!(ids("AzureReservationsVM", false).len(), 5);
        assert_eq!(ids("AzureReservations", true).len(), 4);
        assert!(ids("AzureReservationsVM", true).contains("DZH318Z0BQ3Q"));
        assert!(!ids("AzureReservationsVM", true).contains("DZH318Z0BQ4Z"));
        assert!(ids("OnlineServices", false).len() >= 35);
        // Software subscriptions and reservations are listed where they cannot be bought.
        for country in ["BR", "CN"] {
            assert!(
                catalog()
                    .products(country, "SoftwareSubscriptions", None, false)
                    .unwrap()
                    .len()
                    >= 4
            );
            assert_eq!(
                catalog()
                    .products(country, "AzureReservationsVM", None, true)
                    .unwrap()
                    .len(),
                4
            );
            assert!(
                !catalog()
                    .products(country, "SoftwarePerpetual", None, false)
                    .unwrap()
                    .is_empty()
            );
        }
        let product = catalog().product("cfq7ttc0lh18", "se").unwrap();
        assert_eq!(
            product.links.as_ref().unwrap()["skus"].uri.as_deref(),
            Some("/products/CFQ7TTC0LH18/skus?country=SE")
        );
    }

    #[test]
    fn missing_products_skus_and_availabilities_have_their_codes() {
        let catalog = catalog();
        assert!(catalog.product("NOPE", "US").is_none());
        assert!(catalog.product("CFQ7TTC0LH18", "XX").is_none());
        let error = catalog.skus("NOPE", "US", None).unwrap_err();
        assert_eq!((error.code(), error.status()), (400_013, 404));
        assert_eq!(
            catalog.sku("NOPE", "0001", "US").unwrap_err().code(),
            400_013
        );
        let error = catalog.sku("CFQ7TTC0LH18", "9999", "US").unwrap_err();
        assert_eq!(error, CatalogError::SkuNotFound("9999".into()));
        assert_eq!((error.code(), error.status()), (400_018, 404));
        assert_eq!(
            catalog
                .availabilities("CFQ7TTC0LH18", "9999", "US", None)
                .unwrap_err()
                .code(),
            400_018
        );
        let error = catalog
            .availability("CFQ7TTC0LH18", "0001", "CFQ7TTC0XXXX", "US")
            .unwrap_err();
        assert_eq!((error.code(), error.status()), (400_019, 404));
        // An availability of another country is not found in this one.
        assert_eq!(
            catalog
                .availability("CFQ7TTC0LH18", "0001", "CFQ7TTC0K971", "SE")
                .unwrap_err()
                .code(),
            400_019
        );
        assert!(
            catalog
                .availability("cfq7ttc0lh18", "0001", "cfq7ttc0k971", "us")
                .is_ok()
        );
    }

    #[test]
    fn inventory_check_restricts_restricted_regions_only() {
        let catalog = catalog();
        let allowed = reservation_sku("DZH318Z0BQ3P", "Standard_B2s", "eastus", 1);
        let restricted = reservation_sku("DZH318Z0BQ3P", "Standard_B2s", "japanwest", 1);
        let allowed_id = allowed.id.clone().unwrap();
        let restricted_id = restricted.id.clone().unwrap();

        let items = catalog.check_inventory(
            &inventory_request("DZH318Z0BQ3P", Some(allowed_id.as_str()), Some("EastUS")),
            "US",
        );
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].is_restricted, Some(false));
        assert_eq!(items[0].restrictions.as_deref(), Some(&[][..]));

        let items = catalog.check_inventory(
            &inventory_request(
                "dzh318z0bq3p",
                Some(restricted_id.as_str()),
                Some("japanwest"),
            ),
            "US",
        );
        assert_eq!(items[0].is_restricted, Some(true));
        let restriction = &items[0].restrictions.as_ref().unwrap()[0];
        assert_eq!(
            restriction.reason_code.as_deref(),
            Some("NotAvailableForSubscription")
        );
        assert_eq!(
            restriction.description.as_deref(),
            Some("Restriction identified of type 'Location' with values 'japanwest'.")
        );
        let properties = restriction.properties.as_ref().unwrap();
        assert_eq!(properties["type"], "Location");
        assert_eq!(properties["values"], "japanwest");

        // Brazil South and large sizes in West Europe are restricted too; small ones are not.
        let brazil = reservation_sku("DZH318Z0BQ3Q", "Standard_DS1_v2", "brazilsouth", 3);
        let large = reservation_sku("DZH318Z0BQ3V", "Standard_D32s_v3", "westeurope", 1);
        let small = reservation_sku("DZH318Z0BQ3V", "Standard_D2s_v3", "westeurope", 1);
        let restricted_of = |product: &str, sku: &Sku| {
            catalog.check_inventory(
                &inventory_request(product, Some(sku.id.as_ref().unwrap().as_str()), None),
                "DE",
            )[0]
            .is_restricted
            .unwrap()
        };
        assert!(restricted_of("DZH318Z0BQ3Q", &brazil));
        assert!(restricted_of("DZH318Z0BQ3V", &large));
        assert!(!restricted_of("DZH318Z0BQ3V", &small));

        // Another region than the SKU's is restricted, with the SKU's region named.
        let items = catalog.check_inventory(
            &inventory_request(
                "DZH318Z0BQ3P",
                Some(allowed_id.as_str()),
                Some("westeurope"),
            ),
            "US",
        );
        assert_eq!(items[0].is_restricted, Some(true));
        assert_eq!(
            items[0].restrictions.as_ref().unwrap()[0]
                .properties
                .as_ref()
                .unwrap()["values"],
            "eastus"
        );

        // No skuId: every SKU of the product; without a region, exactly the restricted regions.
        let items = catalog.check_inventory(&inventory_request("DZH318Z0BQ3P", None, None), "US");
        assert_eq!(items.len(), 24);
        for item in &items {
            let sku = catalog
                .sku("DZH318Z0BQ3P", item.sku_id.as_ref().unwrap().as_str(), "US")
                .unwrap();
            let region = sku.dynamic_attributes.as_ref().unwrap()["armRegionName"].clone();
            assert_eq!(item.is_restricted, Some(region == "japanwest"), "{region}");
        }

        // Unknown items are left out; non-reservation items are never restricted.
        let mut request = inventory_request("NOPE", None, Some("japanwest"));
        request.target_items.as_mut().unwrap().extend([
            InventoryTarget {
                product_id: Some("DZH318Z0BQ3P".into()),
                sku_id: Some("ZZZZ".into()),
                ..InventoryTarget::default()
            },
            InventoryTarget {
                product_id: Some("CFQ7TTC0LH18".into()),
                ..InventoryTarget::default()
            },
        ]);
        let items = catalog.check_inventory(&request, "US");
        assert_eq!(items.len(), 2);
        assert!(items.iter().all(|i| i.is_restricted == Some(false)));
        assert!(
            catalog
                .check_inventory(&inventory_request("DZH318Z0BQ3P", None, None), "XX")
                .is_empty()
        );
    }

    #[test]
    fn business_basic_prices_look_real() {
        let catalog = catalog();
        let us = catalog.by_catalog_item_id(BUSINESS_BASIC_US).unwrap();
        let price = |a, term, cycle| catalog.unit_price(a, term, &cycle);
        assert_eq!(
            price(us, Some("P1Y"), BillingCycle::Annual),
            Some(Decimal::new(7200, 2))
        );
        assert_eq!(
            price(us, Some("P1Y"), BillingCycle::Monthly),
            Some(Decimal::new(600, 2))
        );
        assert_eq!(
            price(us, Some("p1m"), BillingCycle::Monthly),
            Some(Decimal::new(720, 2))
        );
        assert_eq!(price(us, Some("P1M"), BillingCycle::Annual), None);
        assert_eq!(price(us, Some("P3Y"), BillingCycle::Monthly), None);
        assert_eq!(price(us, None, BillingCycle::Monthly), None);
        let sweden = commercial("CFQ7TTC0LH18", "0001", "SE");
        assert_eq!(
            price(&sweden, Some("P1Y"), BillingCycle::Monthly),
            Some(Decimal::new(6300, 2))
        );
        assert_eq!(
            price(&sweden, Some("P1Y"), BillingCycle::Annual),
            Some(Decimal::new(75600, 2))
        );
        let japan = commercial("CFQ7TTC0LH18", "0001", "JP");
        assert_eq!(
            price(&japan, Some("P1Y"), BillingCycle::Monthly),
            Some(Decimal::from(900))
        );
        // Term-less purchases.
        let perpetual = commercial("DG7GMGF0PWHC", "0006", "US");
        assert_eq!(
            price(&perpetual, None, BillingCycle::OneTime),
            Some(Decimal::new(14700, 2))
        );
        assert_eq!(
            price(&perpetual, Some(""), BillingCycle::OneTime),
            Some(Decimal::new(14700, 2))
        );
        let plan = commercial("DZH318Z0BPS6", "0001", "US");
        assert_eq!(
            price(&plan, None, BillingCycle::OneTime),
            Some(Decimal::ZERO)
        );
        let subscription = commercial("DG7GMGF0FKZX", "0002", "US");
        assert_eq!(
            price(&subscription, Some("P3Y"), BillingCycle::Annual),
            Some(Decimal::new(180_000, 2))
        );
        assert_eq!(
            price(&subscription, Some("P3Y"), BillingCycle::Triennial),
            Some(Decimal::new(540_000, 2))
        );
        // An availability that is not from this catalog has no price.
        assert_eq!(
            price(&Availability::default(), Some("P1Y"), BillingCycle::Annual),
            None
        );
    }

    #[test]
    fn unit_prices_are_positive_and_consistent_across_currencies() {
        let catalog = catalog();
        let us_prices: HashMap<(String, String, String), &Vec<Price>> = catalog
            .all_availabilities()
            .iter()
            .zip(&catalog.prices)
            .filter(|(a, _)| a.country.as_deref() == Some("US"))
            .map(|(a, p)| {
                let key = (
                    a.product_id.clone().unwrap().to_string(),
                    a.sku_id.clone().unwrap().to_string(),
                    a.segment.as_ref().unwrap().as_str().to_owned(),
                );
                (key, p)
            })
            .collect();
        for (availability, prices) in catalog.all_availabilities().iter().zip(&catalog.prices) {
            assert!(!prices.is_empty());
            let free = ProductKind::of(availability) == ProductKind::AzurePlan
                || availability.sku.as_ref().unwrap().is_trial == Some(true);
            let market = data::MARKETS
                .iter()
                .find(|m| Some(m.country) == availability.country.as_deref())
                .unwrap();
            assert_eq!(currency(availability).0, market.currency);
            let key = (
                availability.product_id.clone().unwrap().to_string(),
                availability.sku_id.clone().unwrap().to_string(),
                availability.segment.as_ref().unwrap().as_str().to_owned(),
            );
            let us = us_prices[&key];
            assert_eq!(prices.len(), us.len());
            for (price, us_price) in prices.iter().zip(us.iter()) {
                assert_eq!(
                    catalog.unit_price(availability, price.term, &price.cycle),
                    Some(price.amount)
                );
                assert!(price.amount.scale() <= market.decimals);
                if free {
                    assert_eq!(price.amount, Decimal::ZERO);
                    continue;
                }
                assert!(price.amount > Decimal::ZERO, "{key:?}");
                // Same price, converted at the market's rate (within rounding).
                let expected = us_price.amount * Decimal::new(market.rate, 4);
                let difference = (price.amount - expected).abs() / expected;
                assert!(
                    difference < Decimal::new(1, 2),
                    "{key:?} {price:?} vs {expected}"
                );
            }
        }
    }

    #[test]
    fn windows_365_enforces_attestation() {
        for product in ["CFQ7TTC0J203", "CFQ7TTC0HHS9"] {
            for sku in catalog().skus(product, "US", None).unwrap() {
                assert!(sku.enforces_attestation());
                assert_eq!(
                    sku.attestation_properties
                        .as_ref()
                        .unwrap()
                        .attestation_type
                        .as_deref(),
                    Some("Windows365")
                );
            }
        }
        assert!(
            !catalog()
                .sku("CFQ7TTC0LH18", "0001", "US")
                .unwrap()
                .enforces_attestation()
        );
    }

    #[test]
    fn trials_and_add_ons_are_marked() {
        let trial = catalog().sku("CFQ7TTC0LCHC", "0007", "US").unwrap();
        assert_eq!(trial.is_trial, Some(true));
        assert_eq!(
            trial.supported_billing_cycles.as_deref(),
            Some(&cycles(&[BillingCycle::None])[..])
        );
        let availability = commercial("CFQ7TTC0LCHC", "0007", "US");
        let terms = availability.terms.as_ref().unwrap();
        assert_eq!(terms.len(), 1);
        assert_eq!(terms[0].duration.as_deref(), Some("P1M"));
        let renewal = &availability.renewal_instructions.as_ref().unwrap()[0]
            .renewal_options
            .as_ref()
            .unwrap()[0];
        assert_eq!(renewal.renew_to_id.as_deref(), Some("CFQ7TTC0LCHC:0002"));
        assert_eq!(renewal.is_auto_renewable, Some(false));

        let copilot = catalog().sku("CFQ7TTC0MM8R", "0002", "US").unwrap();
        let attributes = copilot.dynamic_attributes.as_ref().unwrap();
        assert_eq!(attributes["isAddon"], true);
        assert!(
            attributes["prerequisiteSkus"]
                .as_array()
                .unwrap()
                .contains(&json!("CFQ7TTC0LFLX:0001"))
        );
        // Every prerequisite and upgrade target names a SKU of the catalog.
        for sku in catalog().skus.iter().map(|s| &s.base) {
            let Some(attributes) = sku.dynamic_attributes.as_ref() else {
                continue;
            };
            for key in ["prerequisiteSkus", "upgradeTargetOffers"] {
                for target in attributes
                    .get(key)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let (product, sku) = target.as_str().unwrap().split_once(':').unwrap();
                    assert!(catalog().sku(product, sku, "US").is_ok(), "{target}");
                }
            }
        }
    }

    #[test]
    fn billing_cycles_agree_with_terms() {
        for availability in catalog().all_availabilities() {
            let sku = availability.sku.as_ref().unwrap();
            let supported: Vec<&BillingCycle> = sku
                .supported_billing_cycles
                .as_ref()
                .unwrap()
                .iter()
                .map(|c| c.value())
                .collect();
            let months: Vec<u32> = availability
                .terms
                .as_ref()
                .unwrap()
                .iter()
                .filter_map(|t| duration_months(t.duration.as_deref()?))
                .collect();
            // A cycle never outlasts every term; a term never lacks a cycle.
            for cycle in &supported {
                if let Some(period) = cycle.period_months() {
                    assert!(
                        months.iter().any(|&m| m >= period),
                        "{:?} {cycle:?}",
                        availability.catalog_item_id
                    );
                }
            }
            for &term in &months {
                assert!(
                    supported
                        .iter()
                        .any(|c| c.period_months().is_none_or(|p| p <= term)),
                    "{:?}",
                    availability.catalog_item_id
                );
            }
            // A price for every supported cycle.
            let prices = &catalog().prices[catalog().catalog_items[&availability
                .catalog_item_id
                .as_ref()
                .unwrap()
                .as_str()
                .to_ascii_lowercase()]];
            for cycle in &supported {
                assert!(
                    prices.iter().any(|p| &&p.cycle == cycle),
                    "{:?}",
                    availability.catalog_item_id
                );
            }
            if ProductKind::of(availability) == ProductKind::NewCommerceLicense {
                let has_year = months.iter().any(|&m| m >= 12);
                assert_eq!(supported.contains(&&BillingCycle::Annual), has_year);
                assert_eq!(
                    supported.contains(&&BillingCycle::Triennial),
                    months.contains(&36)
                );
                if sku.is_trial == Some(true) {
                    assert_eq!(supported, vec![&BillingCycle::None]);
                } else {
                    assert!(supported.contains(&&BillingCycle::Monthly));
                }
            }
        }
    }

    #[test]
    fn a_business_basic_cart_from_the_catalog_passes_the_rules() {
        let availability = catalog()
            .by_catalog_item_id(BUSINESS_BASIC_US)
            .unwrap()
            .clone();
        for (cycle, term) in [
            (BillingCycle::Monthly, "P1M"),
            (BillingCycle::Monthly, "P1Y"),
            (BillingCycle::Annual, "P1Y"),
        ] {
            let cart = cart(line(BUSINESS_BASIC_US, cycle, Some(term)));
            let context = context(vec![availability.clone()], Vec::new());
            assert_eq!(finding_codes(&cart, &context), Vec::<&str>::new());
        }
    }

    #[test]
    fn windows_365_needs_the_attestation_accepted() {
        let availability = commercial("CFQ7TTC0J203", "0001", "US");
        let id = availability.catalog_item_id.clone().unwrap();
        let mut item = line(id.as_str(), BillingCycle::Monthly, Some("P1Y"));
        let context = context(vec![availability], Vec::new());
        assert_eq!(
            finding_codes(&cart(item.clone()), &context),
            vec!["AttestationRequired"]
        );
        item.attestation_accepted = Some(true);
        assert!(finding_codes(&cart(item), &context).is_empty());
    }

    #[test]
    fn a_reservation_passes_the_rules_after_its_inventory_check() {
        let catalog = catalog();
        for (region, expected) in [
            ("eastus", vec![]),
            ("japanwest", vec!["InventoryUnavailable"]),
        ] {
            let sku = reservation_sku("DZH318Z0BQ3P", "Standard_B2s", region, 1);
            let availability = commercial("DZH318Z0BQ3P", sku.id.as_ref().unwrap().as_str(), "US");
            let mut item = line(
                availability.catalog_item_id.as_ref().unwrap().as_str(),
                BillingCycle::OneTime,
                Some("P1Y"),
            );
            item.provisioning_context = Some(BTreeMap::from([
                ("scope".to_owned(), "shared".to_owned()),
                (
                    "subscriptionId".to_owned(),
                    "6a0b1d4f-8a33-4b5e-9a8e-2f1f4f0c0a11".to_owned(),
                ),
                ("duration".to_owned(), "1Year".to_owned()),
            ]));
            let inventory = catalog.check_inventory(
                &inventory_request(
                    "DZH318Z0BQ3P",
                    sku.id.as_ref().map(SkuId::as_str),
                    Some(region),
                ),
                "US",
            );
            let context = context(vec![availability], inventory);
            assert_eq!(finding_codes(&cart(item), &context), expected, "{region}");
        }
    }

    #[test]
    fn software_subscriptions_and_the_azure_plan_pass_the_rules() {
        let subscription = commercial("DG7GMGF0FKZX", "0002", "US");
        let id = subscription.catalog_item_id.clone().unwrap();
        let context_for =
            |availability: &Availability| context(vec![availability.clone()], Vec::new());
        for cycle in [
            BillingCycle::OneTime,
            BillingCycle::Annual,
            BillingCycle::Triennial,
        ] {
            let cart = cart(line(id.as_str(), cycle, Some("P3Y")));
            assert!(finding_codes(&cart, &context_for(&subscription)).is_empty());
        }
        // Blocked in Brazil by the market rule, though the catalog lists it there.
        let brazil = commercial("DG7GMGF0FKZX", "0002", "BR");
        let mut context = context_for(&brazil);
        context.customer.country = "BR".into();
        let cart_brazil = cart(line(
            brazil.catalog_item_id.as_ref().unwrap().as_str(),
            BillingCycle::Annual,
            Some("P3Y"),
        ));
        assert_eq!(
            finding_codes(&cart_brazil, &context),
            vec!["MarketUnavailable"]
        );

        let plan = commercial("DZH318Z0BPS6", "0001", "US");
        let mut item = line(
            plan.catalog_item_id.as_ref().unwrap().as_str(),
            BillingCycle::OneTime,
            None,
        );
        item.quantity = Some(1);
        assert!(finding_codes(&cart(item), &context_for(&plan)).is_empty());
    }

    /// Perpetual availabilities carry one term without a duration (for the 30-day refund
    /// policy); a line without `termDuration` buys it.
    #[test]
    fn perpetual_software_passes_the_rules() {
        let perpetual = commercial("DG7GMGF0PWHC", "0006", "US");
        let item = line(
            perpetual.catalog_item_id.as_ref().unwrap().as_str(),
            BillingCycle::OneTime,
            None,
        );
        let context = context(vec![perpetual], Vec::new());
        assert_eq!(finding_codes(&cart(item), &context), Vec::<&str>::new());
    }

    #[test]
    fn perpetual_software_has_a_thirty_day_full_refund() {
        let perpetual = commercial("DG7GMGF0PWHC", "0006", "US");
        assert_eq!(
            perpetual
                .sku
                .as_ref()
                .unwrap()
                .supported_billing_cycles
                .as_deref(),
            Some(&cycles(&[BillingCycle::OneTime])[..])
        );
        let terms = perpetual.terms.as_ref().unwrap();
        assert_eq!(terms.len(), 1);
        assert_eq!(terms[0].duration, None);
        let refund = &terms[0].cancellation_policies.as_ref().unwrap()[0]
            .refund_options
            .as_ref()
            .unwrap()[0];
        assert_eq!(refund.refund_type.as_deref(), Some(&RefundType::Full));
        assert_eq!(refund.expires_after.as_deref(), Some("P30D"));
    }

    #[test]
    fn sku_ids_count_in_base_36() {
        assert_eq!(base36_sku_id(1), "0001");
        assert_eq!(base36_sku_id(10), "000A");
        assert_eq!(base36_sku_id(36), "0010");
        assert_eq!(stable_guid(&["a"]).len(), 36);
    }
}
