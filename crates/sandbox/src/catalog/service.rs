//! The catalog service: E1–E7 lookups over the built [`Catalog`] (products → SKUs →
//! availabilities by country, target view and segment; the inventory check) and the list price
//! of a line. Lookups ignore ASCII case in IDs and countries.

use std::collections::HashMap;

use pc_core::enums::{BillingCycle, Segment};
use pc_core::ids::{ProductId, SkuId};
use pc_core::models::{
    Availability, InventoryCheckRequest, InventoryItem, InventoryRestriction, Product, Sku,
};
use rust_decimal::Decimal;

use super::data::{self, Family};
use super::prices::Price;
use crate::paging::links;

/// Every `targetView` Partner Center documents for `GET /v1/products` (E1). Views the seed has
/// nothing for (`AzureReservationsSQL`, `MarketplaceSaaS`, …) list no products; any other value
/// is refused with 400036.
pub(super) const TARGET_VIEWS: [&str; 13] = [
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
    pub(super) products: Vec<ProductEntry>,
    pub(super) skus: Vec<SkuEntry>,
    pub(super) availabilities: Vec<Availability>,
    /// Price list of each availability (same index as `availabilities`).
    pub(super) prices: Vec<Vec<Price>>,
    /// Lower-case product ID → index in `products`.
    pub(super) product_index: HashMap<String, usize>,
    /// Lower-case (product ID, SKU ID) → index in `skus`.
    pub(super) sku_index: HashMap<(String, String), usize>,
    /// Lower-case catalog item ID → index in `availabilities`.
    pub(super) catalog_items: HashMap<String, usize>,
}

/// A product without country-specific links.
#[derive(Debug, Clone)]
pub(super) struct ProductEntry {
    pub(super) base: Product,
    pub(super) family: Family,
    pub(super) azure_plan_scope: bool,
    pub(super) skus: Vec<usize>,
}

/// A SKU without country-specific links.
#[derive(Debug, Clone)]
pub(super) struct SkuEntry {
    pub(super) product: usize,
    pub(super) base: Sku,
    /// For reservations: `armRegionName` and cores, which decide inventory restrictions.
    pub(super) reservation: Option<(&'static str, u32)>,
    pub(super) availabilities: Vec<usize>,
}

impl Catalog {
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

pub(super) fn with_sku_links(base: &Sku, country: &str) -> Sku {
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

pub(super) fn family_views(family: Family) -> &'static [&'static str] {
    match family {
        Family::License => &["OnlineServices"],
        Family::SoftwareSubscription => &["Software", "SoftwareSubscriptions"],
        Family::PerpetualSoftware => &["Software", "SoftwarePerpetual"],
        Family::Reservation => &["Azure", "AzureReservations", "AzureReservationsVM"],
        Family::AzurePlan => &["MicrosoftAzure"],
    }
}
