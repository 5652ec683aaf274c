//! The table-to-model builder: turns the typed tables of [`super::data`] into pc-core models
//! shaped like Partner Center's documented responses — products, SKUs (with their dynamic
//! attributes, prerequisites, attestation), and one availability per segment and market with
//! its terms, cancellation policies, renewal instructions and price list.

use std::collections::{HashMap, HashSet};

use pc_core::enums::{BillingCycle, PurchasePrerequisite, Segment};
use pc_core::ids::{AvailabilityId, CatalogItemId, ProductId, SkuId};
use pc_core::models::{
    AttestationProperties, Availability, CancellationPolicy, CancellationRefundOption,
    CurrencyInfo, DefaultCurrency, ItemType, Product, RenewalInstruction, RenewalOption, Sku, Term,
};
use pc_core::wire::Spelled;
use serde_json::{Map, Value, json};

use super::data::{self, Family, LicenseSku, Market, Plan, ProductRow, Special};
use super::ids::{availability_id, base36_sku_id, stable_guid, term_id};
use super::prices::{Price, Pricing, TermSpec};
use super::service::{Catalog, ProductEntry, SkuEntry, with_sku_links};
use crate::paging::{attributes, links};

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

pub(super) fn cycles(values: &[BillingCycle]) -> Vec<Spelled<BillingCycle>> {
    values.iter().cloned().map(Spelled::from).collect()
}

fn prerequisites(values: &[PurchasePrerequisite]) -> Vec<Spelled<PurchasePrerequisite>> {
    values.iter().cloned().map(Spelled::from).collect()
}

/// A term's `billingCycle` as Partner Center writes it there, capitalized (`Annual`).
fn term_billing_cycle(spelling: &str) -> Option<Spelled<BillingCycle>> {
    serde_json::from_value(Value::String(spelling.to_owned())).ok()
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
                let term_id = spec
                    .with_id
                    .then(|| term_id(catalog_item_id.as_str(), spec.duration));
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
