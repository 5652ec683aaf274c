//! [`build_purchase_context`]: the rules' [`PurchaseContext`] from Partner Center's own answers
//! about a customer. The portal, the npm package (`buildPurchaseContext`) and pc-sandbox's
//! checkout all build the context here, so the browser and the server cannot disagree.
//!
//! What comes from where:
//!
//! | context member | Partner Center source |
//! |---|---|
//! | `customer.country` | the customer's `billingProfile.defaultAddress.country` |
//! | `customer.segment` | `GET /customers/{id}/qualifications` |
//! | `customer.customerAgreementAccepted` | `GET /customers/{id}/agreements` (a `MicrosoftCustomerAgreement`) |
//! | `customer.existingPurchases` | orders (`currencyCode`) and their lines' `offerId`, classified through the catalog |
//! | `customer.isNewCustomer` | no order and no subscription |
//! | `customer.azureSubscriptions` | `GET …/subscriptions/{id}/registrationstatus` of the Azure plans |
//! | `catalog`, `inventory` | the availabilities the cart names, `checkInventory` results |

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::enums::{RegistrationStatus, SubscriptionStatus};
use crate::ids::{AZURE_PLAN_PRODUCT_ID, CatalogItemId};
use crate::models::{
    Agreement, Availability, Customer, CustomerQualification, InventoryItem, Order, Product,
    Subscription, SubscriptionRegistrationStatus,
};
use crate::rules::{
    AzureSubscription, CustomerProfile, ExistingPurchase, PartnerProfile, ProductKind,
    PurchaseContext,
};

/// Partner Center's answers about one customer that the purchase rules depend on: the input of
/// [`build_purchase_context`] (JSON: `{now, partner, customer, qualifications, agreements,
/// orders, subscriptions, products, catalog, registrations, inventory}`; every list optional).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ContextSources {
    /// The moment of validation (ISO 8601, UTC).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub now: DateTime<Utc>,
    /// The partner buying (from the partner's profile).
    pub partner: PartnerProfile,
    /// `GET /customers/{id}`.
    pub customer: Customer,
    /// `GET /customers/{id}/qualifications` (the segment sold to).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub qualifications: Vec<CustomerQualification>,
    /// `GET /customers/{id}/agreements`.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub agreements: Vec<Agreement>,
    /// Every page of `GET /customers/{id}/orders`, plus the orders of listed subscriptions that
    /// the list does not show yet (`GET …/orders/{orderId}` answers at once; the list lags up to
    /// 15 minutes). Each order's `currencyCode` is the currency of its lines.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub orders: Vec<Order>,
    /// `GET /customers/{id}/subscriptions`: decides whether the customer is new, and which order
    /// lines are no longer held (a deleted, expired or disabled subscription).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub subscriptions: Vec<Subscription>,
    /// `GET /products/{id}` of the products the orders' lines name: their `productType` says
    /// what kind of purchase a line is.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub products: Vec<Product>,
    /// Availabilities (with embedded `product` and `sku`) of the cart's lines; also used to
    /// classify order lines by their exact catalog item ID.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub catalog: Vec<Availability>,
    /// `GET …/subscriptions/{id}/registrationstatus` of the customer's Azure subscriptions.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub registrations: Vec<SubscriptionRegistrationStatus>,
    /// `checkInventory` results already obtained.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<_>", optional))]
    pub inventory: Vec<InventoryItem>,
}

/// Builds the rules' context from Partner Center's answers (see the module's table).
///
/// Existing purchases are one per distinct kind and currency, in the order first seen: an order
/// line counts when its product is an Azure plan, a marketplace product (not published by
/// Microsoft), a software subscription or perpetual software, its order has a `currencyCode`
/// and is not cancelled, and the subscription it created (when listed) is still held. Lines whose
/// product is in neither `catalog` nor `products` count only when they name the Azure plan
/// product. Pure: the same answers give the same context.
pub fn build_purchase_context(sources: &ContextSources) -> PurchaseContext {
    let kinds = KindIndex::new(&sources.products, &sources.catalog);
    let gone: HashMap<String, bool> = sources
        .subscriptions
        .iter()
        .filter_map(|s| {
            let id = s.id.as_ref()?.as_str().to_ascii_lowercase();
            let gone = s.status.as_ref().is_some_and(|st| {
                matches!(
                    st.value(),
                    SubscriptionStatus::Deleted
                        | SubscriptionStatus::Expired
                        | SubscriptionStatus::Disabled
                )
            });
            Some((id, gone))
        })
        .collect();
    let mut existing_purchases: Vec<ExistingPurchase> = Vec::new();
    for order in &sources.orders {
        let cancelled = order
            .status
            .as_ref()
            .is_some_and(|s| *s.value() == crate::enums::OrderStatus::Cancelled);
        let Some(currency) = order
            .currency_code
            .as_deref()
            .map(|c| c.trim().to_ascii_uppercase())
            .filter(|c| !c.is_empty())
        else {
            continue;
        };
        if cancelled {
            continue;
        }
        for line in order.line_items.iter().flatten() {
            let held = line.subscription_id.as_ref().is_none_or(|id| {
                !gone
                    .get(&id.as_str().to_ascii_lowercase())
                    .copied()
                    .unwrap_or(false)
            });
            let Some(kind) = line.offer_id.as_ref().and_then(|o| kinds.purchase_kind(o)) else {
                continue;
            };
            let purchase = ExistingPurchase::new(kind, currency.clone());
            if held && !existing_purchases.contains(&purchase) {
                existing_purchases.push(purchase);
            }
        }
    }
    let azure_subscriptions = sources
        .registrations
        .iter()
        .filter_map(|r| {
            let id = r.subscription_id.as_deref()?.trim();
            (!id.is_empty()).then(|| AzureSubscription {
                id: id.to_owned(),
                registration_status: r
                    .status
                    .as_ref()
                    .map_or(RegistrationStatus::NotRegistered, |s| s.value().clone()),
            })
        })
        .collect();
    PurchaseContext {
        now: sources.now,
        partner: sources.partner.clone(),
        customer: CustomerProfile {
            country: sources
                .customer
                .country()
                .unwrap_or_default()
                .trim()
                .to_ascii_uppercase(),
            segment: CustomerQualification::segment_of(&sources.qualifications),
            is_new_customer: sources.orders.is_empty() && sources.subscriptions.is_empty(),
            customer_agreement_accepted: sources
                .agreements
                .iter()
                .any(Agreement::is_customer_agreement),
            existing_purchases,
            azure_subscriptions,
        },
        catalog: sources.catalog.clone(),
        inventory: sources.inventory.clone(),
    }
}

/// The product IDs (upper case, distinct, in order) that the orders' lines name: what to look up
/// with `GET /products/{id}` for [`ContextSources::products`].
pub fn referenced_product_ids(orders: &[Order]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in orders.iter().flat_map(|o| o.line_items.iter().flatten()) {
        let Some(product) = line.offer_id.as_ref().and_then(product_of) else {
            continue;
        };
        if !out.contains(&product) {
            out.push(product);
        }
    }
    out
}

/// The order IDs (distinct, in order) of subscriptions whose order is not among `orders`: what
/// to read with `GET …/orders/{id}` before building the context.
pub fn missing_order_ids(orders: &[Order], subscriptions: &[Subscription]) -> Vec<String> {
    let known: Vec<String> = orders
        .iter()
        .filter_map(|o| Some(o.id.as_ref()?.as_str().to_ascii_lowercase()))
        .collect();
    let mut out: Vec<String> = Vec::new();
    for id in subscriptions.iter().filter_map(|s| s.order_id.as_ref()) {
        let id = id.as_str().trim();
        if id.is_empty()
            || known.contains(&id.to_ascii_lowercase())
            || out.iter().any(|o| o.eq_ignore_ascii_case(id))
        {
            continue;
        }
        out.push(id.to_owned());
    }
    out
}

/// The product ID of a catalog item ID (upper case); the Azure plan's for its legacy offer.
fn product_of(offer: &CatalogItemId) -> Option<String> {
    match offer.parts() {
        Some(parts) => Some(parts.product_id.as_str().trim().to_ascii_uppercase()),
        None => {
            let text = offer.as_str().trim().to_ascii_uppercase();
            (!text.is_empty()).then_some(text)
        }
    }
}

/// Classifies order lines by catalog item ID (exact availability) or product.
struct KindIndex<'a> {
    availabilities: HashMap<String, &'a Availability>,
    products: HashMap<String, &'a Product>,
}

impl<'a> KindIndex<'a> {
    fn new(products: &'a [Product], catalog: &'a [Availability]) -> Self {
        let mut availabilities = HashMap::new();
        let mut by_product = HashMap::new();
        for availability in catalog {
            if let Some(id) = &availability.catalog_item_id {
                availabilities
                    .entry(id.as_str().trim().to_ascii_lowercase())
                    .or_insert(availability);
            }
            if let Some(product) = &availability.product
                && let Some(id) = availability.product_id.as_ref().or(product.id.as_ref())
            {
                by_product
                    .entry(id.as_str().trim().to_ascii_uppercase())
                    .or_insert(product);
            }
        }
        for product in products {
            if let Some(id) = &product.id {
                by_product.insert(id.as_str().trim().to_ascii_uppercase(), product);
            }
        }
        Self {
            availabilities,
            products: by_product,
        }
    }

    /// The kind of a held purchase the EU rule counts (`AzurePlan`, `Marketplace`,
    /// `SoftwareSubscription`, `PerpetualSoftware`), or `None` (new-commerce licenses,
    /// reservations, anything unknown).
    fn purchase_kind(&self, offer: &CatalogItemId) -> Option<ProductKind> {
        if let Some(availability) = self
            .availabilities
            .get(&offer.as_str().trim().to_ascii_lowercase())
        {
            if marketplace(availability.product.as_ref()) {
                return Some(ProductKind::Marketplace);
            }
            return counted(ProductKind::of(availability));
        }
        let product_id = product_of(offer)?;
        let product = self.products.get(&product_id);
        if marketplace(product.copied()) {
            return Some(ProductKind::Marketplace);
        }
        if product_id == AZURE_PLAN_PRODUCT_ID {
            return Some(ProductKind::AzurePlan);
        }
        let product = product?;
        let product_type = product.product_type.as_ref()?;
        if product_type.is("Azure") {
            // Without the SKU: an Azure product with a sub-type (`VirtualMachines`, …) sells
            // reservations; the plan has none.
            return product_type
                .sub_type
                .is_none()
                .then_some(ProductKind::AzurePlan);
        }
        let availability = Availability {
            product: Some((*product).clone()),
            ..Availability::default()
        };
        counted(ProductKind::of(&availability))
    }
}

/// A product not published by Microsoft is a marketplace product.
fn marketplace(product: Option<&Product>) -> bool {
    product.is_some_and(|p| p.is_microsoft_product == Some(false))
}

/// `kind` when the EU rule counts held purchases of it.
fn counted(kind: ProductKind) -> Option<ProductKind> {
    matches!(
        kind,
        ProductKind::AzurePlan | ProductKind::SoftwareSubscription | ProductKind::PerpetualSoftware
    )
    .then_some(kind)
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::enums::Segment;
    use crate::models::Cart;
    use crate::rules::{FindingCode, validate_cart};

    const NCE: &str = "CFQ7TTC0LH18:0001:CFQ7TTC0K971";

    fn sources(extra: Value) -> ContextSources {
        let mut base = json!({
            "now": "2026-11-21T10:00:00Z",
            "partner": { "country": "SE", "billingCurrency": "SEK" },
            "customer": {
                "id": "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c02",
                "billingProfile": { "defaultAddress": { "country": "se" } }
            },
            "agreements": [{ "type": "MicrosoftCustomerAgreement" }],
            "catalog": [{
                "catalogItemId": NCE,
                "productId": "CFQ7TTC0LH18",
                "country": "SE",
                "segment": "commercial",
                "product": { "id": "CFQ7TTC0LH18", "productType": { "id": "OnlineServicesNCE" } }
            }],
            "products": [
                { "id": "DG7GMGF0D7FV", "productType": { "id": "Software", "subType": { "id": "Perpetual" } } },
                { "id": "DG7GMGF0FKZV", "productType": { "id": "Software", "subType": { "id": "Subscription" } } },
                { "id": "DZH318Z0BQ4B", "productType": { "id": "Azure", "subType": { "id": "VirtualMachines" } } },
                { "id": "MKTPLACE0001", "isMicrosoftProduct": false, "productType": { "id": "SaaS" } }
            ]
        });
        if let (Some(base), Some(extra)) = (base.as_object_mut(), extra.as_object()) {
            for (k, v) in extra {
                base.insert(k.clone(), v.clone());
            }
        }
        serde_json::from_value(base).unwrap()
    }

    fn order(id: &str, currency: &str, offers: &[&str]) -> Value {
        let lines: Vec<Value> = offers
            .iter()
            .enumerate()
            .map(|(n, o)| json!({ "lineItemNumber": n, "offerId": o, "subscriptionId": format!("{id}-{n}") }))
            .collect();
        json!({ "id": id, "currencyCode": currency, "status": "completed", "lineItems": lines })
    }

    fn purchase(kind: ProductKind, currency: &str) -> ExistingPurchase {
        ExistingPurchase::new(kind, currency)
    }

    fn nce_cart() -> Cart {
        serde_json::from_value(json!({ "lineItems": [{
            "id": 0, "catalogItemId": NCE, "quantity": 1, "termDuration": "P1M", "billingCycle": "monthly"
        }]}))
        .unwrap()
    }

    #[test]
    fn empty_history_is_a_new_customer_without_purchases() {
        let context = build_purchase_context(&sources(json!({})));
        assert!(context.customer.is_new_customer);
        assert!(context.customer.existing_purchases.is_empty());
        assert_eq!(context.customer.country, "SE");
        assert_eq!(context.customer.segment, Segment::Commercial);
        assert!(context.customer.customer_agreement_accepted);
        assert_eq!(context.catalog.len(), 1);
        let findings = validate_cart(&nce_cart(), &context).findings;
        assert!(
            !findings
                .iter()
                .any(|f| f.code == FindingCode::EuCustomerIneligible)
        );
    }

    #[test]
    fn orders_in_several_currencies_give_each_kind_once_per_currency() {
        let context = build_purchase_context(&sources(json!({
            "orders": [
                order("o1", "eur", &["DZH318Z0BPS6:0001:DZH318Z0BPS6"]),
                order("o2", "SEK", &[NCE, "DG7GMGF0FKZV:0001:DG7GMGF0FKZW"]),
                order("o3", "USD", &["DG7GMGF0D7FV:0002:DG7GMGF0D7FW", "MKTPLACE0001:0001:MKTPLACE0002"]),
                order("o4", "EUR", &["DZH318Z0BPS6:0001:DZH318Z0BPS6", "DZH318Z0BQ4B:000Z:DZH318Z0DSPL"]),
            ]
        })));
        assert!(!context.customer.is_new_customer);
        assert_eq!(
            context.customer.existing_purchases,
            vec![
                purchase(ProductKind::AzurePlan, "EUR"),
                purchase(ProductKind::SoftwareSubscription, "SEK"),
                purchase(ProductKind::PerpetualSoftware, "USD"),
                purchase(ProductKind::Marketplace, "USD"),
            ]
        );
    }

    #[test]
    fn an_azure_plan_in_euros_makes_the_swedish_customer_ineligible() {
        let context = build_purchase_context(&sources(json!({
            "orders": [order("o1", "EUR", &["DZH318Z0BPS6:0001:DZH318Z0BPS6"])],
            "subscriptions": [{ "id": "o1-0", "orderId": "o1", "status": "active" }]
        })));
        let findings = validate_cart(&nce_cart(), &context).findings;
        let finding = findings
            .iter()
            .find(|f| f.code == FindingCode::EuCustomerIneligible)
            .unwrap();
        assert_eq!(finding.line_item_id, Some(0));
        assert_eq!(
            finding.params.get("currency").and_then(Value::as_str),
            Some("EUR")
        );
        assert_eq!(
            finding.params.get("kind").and_then(Value::as_str),
            Some("AzurePlan")
        );
    }

    #[test]
    fn licenses_reservations_unknown_and_gone_purchases_do_not_count() {
        let mut cancelled = order("o3", "EUR", &["DZH318Z0BPS6:0001:DZH318Z0BPS6"]);
        cancelled["status"] = json!("cancelled");
        let context = build_purchase_context(&sources(json!({
            "orders": [
                order("o1", "EUR", &[NCE, "DZH318Z0BQ4B:000Z:DZH318Z0DSPL", "UNKNOWN00001:0001:X"]),
                order("o2", "EUR", &["DZH318Z0BPS6:0001:DZH318Z0BPS6"]),
                cancelled,
                { "id": "o4", "lineItems": [{ "offerId": "DZH318Z0BPS6:0001:DZH318Z0BPS6" }] },
            ],
            "subscriptions": [{ "id": "O2-0", "orderId": "o2", "status": "deleted" }]
        })));
        assert!(!context.customer.is_new_customer);
        assert!(context.customer.existing_purchases.is_empty());
        let findings = validate_cart(&nce_cart(), &context).findings;
        assert!(findings.is_empty(), "{findings:?}");
    }

    #[test]
    fn segment_registrations_and_inventory_come_through() {
        let context = build_purchase_context(&sources(json!({
            "qualifications": [{ "qualification": "Education", "vettingStatus": "Approved" }],
            "agreements": [],
            "registrations": [
                { "subscriptionId": "a1", "status": "Registered" },
                { "status": "registered" }
            ],
            "inventory": [{ "productId": "DZH318Z0BQ4B", "skuId": "000Z", "isRestricted": false }]
        })));
        assert_eq!(context.customer.segment, Segment::Education);
        assert!(!context.customer.customer_agreement_accepted);
        assert_eq!(context.customer.azure_subscriptions.len(), 1);
        assert_eq!(
            context.customer.azure_subscriptions[0].registration_status,
            RegistrationStatus::Registered
        );
        assert_eq!(context.inventory.len(), 1);
    }

    #[test]
    fn what_to_look_up_next() {
        let sources = sources(json!({
            "orders": [
                order("o1", "EUR", &["DZH318Z0BPS6:0001:DZH318Z0BPS6", "dzh318z0bps6:0001:x"]),
                order("o2", "SEK", &[NCE]),
            ],
            "subscriptions": [
                { "id": "s1", "orderId": "O1" },
                { "id": "s2", "orderId": "o9" },
                { "id": "s3", "orderId": "o9" },
                { "id": "s4" }
            ]
        }));
        assert_eq!(
            referenced_product_ids(&sources.orders),
            vec!["DZH318Z0BPS6".to_owned(), "CFQ7TTC0LH18".to_owned()]
        );
        assert_eq!(
            missing_order_ids(&sources.orders, &sources.subscriptions),
            vec!["o9".to_owned()]
        );
    }

    #[test]
    fn orders_split_over_pages_give_the_same_context() {
        let all = sources(json!({
            "orders": [
                order("o1", "EUR", &["DZH318Z0BPS6:0001:DZH318Z0BPS6"]),
                order("o2", "USD", &["DG7GMGF0FKZV:0001:DG7GMGF0FKZW"]),
            ]
        }));
        let mut first_page = all.clone();
        first_page.orders.truncate(1);
        let one = build_purchase_context(&first_page);
        let both = build_purchase_context(&all);
        assert_eq!(one.customer.existing_purchases.len(), 1);
        assert_eq!(both.customer.existing_purchases.len(), 2);
    }

    #[test]
    fn check_availability_reports_only_what_no_line_change_fixes() {
        let context = build_purchase_context(&sources(json!({
            "orders": [order("o1", "EUR", &["DZH318Z0BPS6:0001:DZH318Z0BPS6"])],
            "agreements": []
        })));
        let availability = &context.catalog[0];
        let codes: Vec<FindingCode> = crate::rules::check_availability(availability, &context)
            .into_iter()
            .map(|f| f.code)
            .collect();
        assert_eq!(codes, vec![FindingCode::EuCustomerIneligible]);
        let mut education = availability.clone();
        education.segment = Some(crate::wire::Spelled::from(Segment::Education));
        let codes: Vec<FindingCode> = crate::rules::check_availability(&education, &context)
            .into_iter()
            .map(|f| f.code)
            .collect();
        assert_eq!(
            codes,
            vec![
                FindingCode::SegmentMismatch,
                FindingCode::EuCustomerIneligible
            ]
        );
    }
}
