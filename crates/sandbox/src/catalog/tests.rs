//! Unit tests of the catalog: every family and market built, IDs resolving both ways, resources
//! shaped like Partner Center's, the E1–E7 refusals with their codes, the inventory check's
//! restrictions, prices, and carts built from the catalog passing pc-core's rules.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use pc_core::enums::{BillingCycle, RefundType, RegistrationStatus, Segment};
use pc_core::ids::{CatalogItemId, SkuId};
use pc_core::models::{
    Availability, Cart, CartLineItem, DefaultCurrency, InventoryCheckRequest, InventoryItem,
    InventoryTarget, Product, Sku,
};
use pc_core::rules::terms::duration_months;
use pc_core::rules::{
    AzureSubscription, CustomerProfile, PartnerProfile, ProductKind, PurchaseContext, validate_cart,
};
use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::builder::cycles;
use super::data::{self, Family};
use super::ids::{base36_sku_id, stable_guid};
use super::prices::Price;
use super::service::{Catalog, CatalogError, TARGET_VIEWS};

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
        DefaultCurrency::Info(info) => (info.code.clone().unwrap(), info.symbol.clone().unwrap()),
        DefaultCurrency::Code(code) => panic!("bare currency code {code}"),
    }
}

fn now() -> DateTime<Utc> {
    "2026-11-21T12:00:00Z".parse().unwrap()
}

fn context(availabilities: Vec<Availability>, inventory: Vec<InventoryItem>) -> PurchaseContext {
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
    let context_for = |availability: &Availability| context(vec![availability.clone()], Vec::new());
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
