//! The request of every operation (Partner Center's purchase flow, E1–E28, customers and
//! agreements, as in the
//! [REST API reference](https://learn.microsoft.com/partner-center/developer/partner-center-rest-api-reference)) as
//! an [`Operation`], apart from sending it and decoding the answer. The typed resource groups
//! ([`crate::Products`], [`crate::Carts`], …) send these and decode pc-core models; a caller that
//! wants the JSON as Partner Center sent it (the npm package hands it to JavaScript unchanged)
//! sends them with [`Client::send`](crate::Client::send) or pages them with
//! [`Client::paged`](crate::Client::paged) into `serde_json::Value`s.
//!
//! Path segments and query values are percent-encoded; bodies are JSON text.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::client::Operation;
use crate::journal::JournalEntry;

/// Characters left as they are in a path segment or query value.
const KEEP: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn seg(text: &str) -> String {
    utf8_percent_encode(text, KEEP).to_string()
}

fn query(pairs: &[(&str, Option<&str>)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter_map(|(k, v)| Some(format!("{k}={}", seg((*v)?))))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Catalog query: country (ISO 3166), optional segment and reservation scope.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogQuery<'a> {
    /// ISO 3166 two-letter country, e.g. `US`.
    pub country: &'a str,
    /// `commercial`, `education`, `government`, `nonprofit`.
    pub target_segment: Option<&'a str>,
    /// `true` → `reservationScope=AzurePlan`.
    pub azure_plan_scope: bool,
}

impl CatalogQuery<'_> {
    fn pairs(&self) -> Vec<(&str, Option<&str>)> {
        vec![
            ("country", Some(self.country)),
            ("targetSegment", self.target_segment),
            (
                "reservationScope",
                self.azure_plan_scope.then_some("AzurePlan"),
            ),
        ]
    }
}

/// E1 `GET /v1/products?country=&targetView=[&targetSegment=][&reservationScope=]` (paged).
pub fn products(catalog: &CatalogQuery<'_>, target_view: &str) -> Operation {
    let mut pairs = catalog.pairs();
    pairs.insert(1, ("targetView", Some(target_view)));
    Operation::get(format!("/v1/products{}", query(&pairs)))
}

/// E2 `GET /v1/products/{product-id}?country=`.
pub fn product(product_id: &str, catalog: &CatalogQuery<'_>) -> Operation {
    Operation::get(format!(
        "/v1/products/{}{}",
        seg(product_id),
        query(&catalog.pairs())
    ))
}

/// `GET /v1/customers/{customer-id}/products?targetView=` (paged).
pub fn customer_products(customer_id: &str, target_view: &str) -> Operation {
    Operation::get(format!(
        "/v1/customers/{}/products{}",
        seg(customer_id),
        query(&[("targetView", Some(target_view))])
    ))
}

/// E3 `GET /v1/products/{product-id}/skus?country=` (paged).
pub fn skus(product_id: &str, catalog: &CatalogQuery<'_>) -> Operation {
    Operation::get(format!(
        "/v1/products/{}/skus{}",
        seg(product_id),
        query(&catalog.pairs())
    ))
}

/// E4 `GET /v1/products/{product-id}/skus/{sku-id}?country=`.
pub fn sku(product_id: &str, sku_id: &str, catalog: &CatalogQuery<'_>) -> Operation {
    Operation::get(format!(
        "/v1/products/{}/skus/{}{}",
        seg(product_id),
        seg(sku_id),
        query(&catalog.pairs())
    ))
}

/// E5 `GET …/skus/{sku-id}/availabilities?country=` (paged).
pub fn availabilities(product_id: &str, sku_id: &str, catalog: &CatalogQuery<'_>) -> Operation {
    Operation::get(format!(
        "/v1/products/{}/skus/{}/availabilities{}",
        seg(product_id),
        seg(sku_id),
        query(&catalog.pairs())
    ))
}

/// E6 `GET …/availabilities/{availability-id}?country=`.
pub fn availability(
    product_id: &str,
    sku_id: &str,
    availability_id: &str,
    country: &str,
) -> Operation {
    Operation::get(format!(
        "/v1/products/{}/skus/{}/availabilities/{}{}",
        seg(product_id),
        seg(sku_id),
        seg(availability_id),
        query(&[("country", Some(country))])
    ))
}

/// E7 `POST /v1/extensions/product/checkInventory?country=` with an `InventoryCheckRequest`
/// (JSON). Safe to retry (it changes nothing), so it is marked idempotent.
pub fn check_inventory(body: String, country: &str) -> Operation {
    let mut operation = Operation::post(
        format!(
            "/v1/extensions/product/checkInventory{}",
            query(&[("country", Some(country))])
        ),
        Some(body),
    );
    operation.idempotent = true;
    operation
}

/// E8 `POST /v1/customers/{customer-id}/carts` with a `Cart` (JSON). Not idempotent: retried
/// only with the same `MS-RequestId`.
pub fn create_cart(customer_id: &str, body: String) -> Operation {
    Operation::post(
        format!("/v1/customers/{}/carts", seg(customer_id)),
        Some(body),
    )
}

/// E9 `PUT /v1/customers/{customer-id}/carts/{cart-id}` with the whole `Cart` (JSON).
pub fn update_cart(customer_id: &str, cart_id: &str, body: String) -> Operation {
    Operation::put(
        format!("/v1/customers/{}/carts/{}", seg(customer_id), seg(cart_id)),
        body,
    )
}

/// E10 `GET /v1/customers/{customer-id}/carts/{cart-id}`.
pub fn cart(customer_id: &str, cart_id: &str) -> Operation {
    Operation::get(format!(
        "/v1/customers/{}/carts/{}",
        seg(customer_id),
        seg(cart_id)
    ))
}

/// E11 `POST …/carts/{cart-id}/checkout` of a journal entry, with the entry's `MS-RequestId` and
/// `MS-CorrelationId` (so a re-send is recognised as the same checkout).
pub fn checkout(entry: &JournalEntry) -> Operation {
    let mut operation = Operation::post(
        format!(
            "/v1/customers/{}/carts/{}/checkout",
            seg(&entry.customer_id),
            seg(&entry.cart_id)
        ),
        None,
    );
    operation.request_id = Some(entry.request_id.clone());
    operation.correlation_id = Some(entry.correlation_id.clone());
    operation
}

/// E12 `GET /v1/customers/{id}/orders/{order-id}`.
pub fn order(customer_id: &str, order_id: &str) -> Operation {
    Operation::get(format!(
        "/v1/customers/{}/orders/{}",
        seg(customer_id),
        seg(order_id)
    ))
}

/// E13 `GET /v1/customers/{id}/orders` (paged).
pub fn orders(customer_id: &str) -> Operation {
    Operation::get(format!("/v1/customers/{}/orders", seg(customer_id)))
}

/// E14 `GET /v1/customers/{id}/orders?billingType=` (paged).
pub fn orders_by_billing_cycle(customer_id: &str, billing_cycle: &str) -> Operation {
    Operation::get(format!(
        "/v1/customers/{}/orders{}",
        seg(customer_id),
        query(&[("billingType", Some(billing_cycle))])
    ))
}

/// E15 `GET /v1/customers/{id}/orders/{order-id}/provisioningstatus` (paged).
pub fn order_provisioning_status(customer_id: &str, order_id: &str) -> Operation {
    Operation::get(format!(
        "/v1/customers/{}/orders/{}/provisioningstatus",
        seg(customer_id),
        seg(order_id)
    ))
}

/// `GET …/orders/{order-id}/lineitems/{n}/activationlinks` (paged; marketplace SaaS).
pub fn activation_links(customer_id: &str, order_id: &str, line_item_number: i64) -> Operation {
    Operation::get(format!(
        "/v1/customers/{}/orders/{}/lineitems/{line_item_number}/activationlinks",
        seg(customer_id),
        seg(order_id)
    ))
}

/// E16 `GET /v1/customers/{id}/subscriptions` (paged).
pub fn subscriptions(customer_id: &str) -> Operation {
    Operation::get(format!("/v1/customers/{}/subscriptions", seg(customer_id)))
}

/// E17 `GET /v1/customers/{id}/subscriptions?order_id=` (paged).
pub fn subscriptions_by_order(customer_id: &str, order_id: &str) -> Operation {
    Operation::get(format!(
        "/v1/customers/{}/subscriptions{}",
        seg(customer_id),
        query(&[("order_id", Some(order_id))])
    ))
}

/// E18 `GET /v1/customers/{id}/subscriptions/{subscription-id}`.
pub fn subscription(customer_id: &str, subscription_id: &str) -> Operation {
    Operation::get(format!(
        "/v1/customers/{}/subscriptions/{}",
        seg(customer_id),
        seg(subscription_id)
    ))
}

/// `PATCH /v1/customers/{id}/subscriptions/{subscription-id}` with the subscription (JSON) as
/// read, its changed members changed: `quantity`, `status: "deleted"` (cancel),
/// `autoRenewEnabled`, `scheduledNextTermInstructions` (`null` removes it). Partner Center pages
/// *Change the quantity of a subscription*, *Cancel a subscription*, *Create scheduled changes*.
/// Not idempotent: retried only with the same `MS-RequestId`.
pub fn update_subscription(customer_id: &str, subscription_id: &str, body: String) -> Operation {
    Operation::patch(
        format!(
            "/v1/customers/{}/subscriptions/{}",
            seg(customer_id),
            seg(subscription_id)
        ),
        body,
    )
}

/// `PATCH /v1/customers/{id}/orders/{order-id}` with `{"status": "cancelled", "lineItems":
/// [...]}` (JSON): cancels software order lines within their window (Partner Center page
/// *Cancel software purchases*). Not idempotent: retried only with the same `MS-RequestId`.
pub fn update_order(customer_id: &str, order_id: &str, body: String) -> Operation {
    Operation::patch(
        format!(
            "/v1/customers/{}/orders/{}",
            seg(customer_id),
            seg(order_id)
        ),
        body,
    )
}

/// E19 `GET …/subscriptions/{subscription-id}/provisioningstatus`.
pub fn subscription_provisioning_status(customer_id: &str, subscription_id: &str) -> Operation {
    Operation::get(format!(
        "/v1/customers/{}/subscriptions/{}/provisioningstatus",
        seg(customer_id),
        seg(subscription_id)
    ))
}

/// E20 `POST …/subscriptions/{subscription-id}/registrations`. Registering twice is harmless,
/// so it is marked idempotent.
pub fn register_subscription(customer_id: &str, subscription_id: &str) -> Operation {
    let mut operation = Operation::post(
        format!(
            "/v1/customers/{}/subscriptions/{}/registrations",
            seg(customer_id),
            seg(subscription_id)
        ),
        None,
    );
    operation.idempotent = true;
    operation
}

/// E21 `GET …/subscriptions/{subscription-id}/registrationstatus`.
pub fn subscription_registration_status(customer_id: &str, subscription_id: &str) -> Operation {
    Operation::get(format!(
        "/v1/customers/{}/subscriptions/{}/registrationstatus",
        seg(customer_id),
        seg(subscription_id)
    ))
}

/// E22 `GET /v1/customers/{id}/entitlements[?entitlementType=][&showExpiry=true]` (paged).
pub fn entitlements(
    customer_id: &str,
    entitlement_type: Option<&str>,
    show_expiry: bool,
) -> Operation {
    Operation::get(format!(
        "/v1/customers/{}/entitlements{}",
        seg(customer_id),
        query(&[
            ("entitlementType", entitlement_type),
            ("showExpiry", show_expiry.then_some("true"))
        ])
    ))
}

/// E23 `GET /v1/invoices/summary`.
pub fn invoice_balance() -> Operation {
    Operation::get("/v1/invoices/summary")
}

/// E24 `GET /v1/invoices/summaries` (paged).
pub fn invoice_summaries() -> Operation {
    Operation::get("/v1/invoices/summaries")
}

/// E25 `GET /v1/invoices` (paged).
pub fn invoices() -> Operation {
    Operation::get("/v1/invoices")
}

/// E26 `GET /v1/invoices/{invoice-id}`.
pub fn invoice(invoice_id: &str) -> Operation {
    Operation::get(format!("/v1/invoices/{}", seg(invoice_id)))
}

/// E27 `GET /v1/invoices/{invoice-id}/documents/statement` (`Accept: application/pdf`).
pub fn invoice_statement(invoice_id: &str) -> Operation {
    let mut operation = Operation::get(format!(
        "/v1/invoices/{}/documents/statement",
        seg(invoice_id)
    ));
    operation
        .headers
        .push(("Accept".to_owned(), "application/pdf".to_owned()));
    operation
}

/// E28 `GET /v1/invoices/{invoice-id}/lineitems?provider=&invoicelineitemtype=` (paged, seek
/// paging with `MS-ContinuationToken`).
pub fn invoice_line_items(invoice_id: &str, provider: &str, line_item_type: &str) -> Operation {
    Operation::get(format!(
        "/v1/invoices/{}/lineitems{}",
        seg(invoice_id),
        query(&[
            ("provider", Some(provider)),
            ("invoicelineitemtype", Some(line_item_type))
        ])
    ))
}

/// `period` of the unbilled line items: the open billing period, or the one before it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BillingPeriod {
    /// The current, open period (`period=current`).
    #[default]
    Current,
    /// The previous period (`period=previous`).
    Previous,
}

impl BillingPeriod {
    /// The query value: `current` or `previous`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Current => "current",
            Self::Previous => "previous",
        }
    }
}

/// `GET /v1/invoices/estimates/links?currencycode={code}` (Partner Center page
/// get-invoice-estimate-links): a collection of `EstimateLink`.
pub fn invoice_estimate_links(currency: &str) -> Operation {
    Operation::get(format!(
        "/v1/invoices/estimates/links{}",
        query(&[("currencycode", Some(currency))])
    ))
}

/// `GET /v1/invoices/unbilled/lineitems?provider=onetime&invoicelineitemtype={type}&currencycode={code}&period={period}[&size=]`
/// (pages get-invoice-unbilled-recon-lineitems for `billinglineitems`,
/// get-invoice-unbilled-consumption-lineitems for `usagelineitems`). Seek-paged: later pages
/// come from `links.next` with its `MS-ContinuationToken` header.
pub fn unbilled_line_items(
    line_item_type: &str,
    currency: &str,
    period: BillingPeriod,
    size: Option<u32>,
) -> Operation {
    let size = size.map(|s| s.to_string());
    Operation::get(format!(
        "/v1/invoices/unbilled/lineitems{}",
        query(&[
            ("provider", Some("onetime")),
            ("invoicelineitemtype", Some(line_item_type)),
            ("currencycode", Some(currency)),
            ("period", Some(period.as_str())),
            ("size", size.as_deref()),
        ])
    ))
}

/// E28 in one currency: `GET /v1/invoices/{invoice-id}/lineitems?provider={provider}&invoicelineitemtype={type}&currencycode={code}[&size=]`
/// (page get-invoice-billed-consumption-lineitems for `onetime` + `usagelineitems`). Seek-paged.
pub fn invoice_line_items_in(
    invoice_id: &str,
    provider: &str,
    line_item_type: &str,
    currency: &str,
    size: Option<u32>,
) -> Operation {
    let size = size.map(|s| s.to_string());
    Operation::get(format!(
        "/v1/invoices/{}/lineitems{}",
        seg(invoice_id),
        query(&[
            ("provider", Some(provider)),
            ("invoicelineitemtype", Some(line_item_type)),
            ("currencycode", Some(currency)),
            ("size", size.as_deref()),
        ])
    ))
}

/// `GET /v1/customers` (paged).
pub fn customers() -> Operation {
    Operation::get("/v1/customers")
}

/// `GET /v1/customers/{customer-tenant-id}`.
pub fn customer(customer_id: &str) -> Operation {
    Operation::get(format!("/v1/customers/{}", seg(customer_id)))
}

/// `GET /v1/customers/{id}/agreements[?agreementType=]` (paged).
pub fn agreements(customer_id: &str, agreement_type: Option<&str>) -> Operation {
    Operation::get(format!(
        "/v1/customers/{}/agreements{}",
        seg(customer_id),
        query(&[("agreementType", agreement_type)])
    ))
}

/// `POST /v1/customers/{id}/agreements` with an `Agreement` (JSON).
pub fn accept_agreement(customer_id: &str, body: String) -> Operation {
    Operation::post(
        format!("/v1/customers/{}/agreements", seg(customer_id)),
        Some(body),
    )
}

/// `GET /v1/customers/{id}/qualifications` (a bare array).
pub fn qualifications(customer_id: &str) -> Operation {
    Operation::get(format!("/v1/customers/{}/qualifications", seg(customer_id)))
}

/// `GET /v1/agreements?agreementType=` (paged).
pub fn agreement_templates(agreement_type: &str) -> Operation {
    Operation::get(format!(
        "/v1/agreements{}",
        query(&[("agreementType", Some(agreement_type))])
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_queries_are_encoded() {
        let catalog = CatalogQuery {
            country: "US",
            target_segment: Some("education"),
            azure_plan_scope: true,
        };
        assert_eq!(
            products(&catalog, "Azure Reservations").path,
            "/v1/products?country=US&targetView=Azure%20Reservations&targetSegment=education\
             &reservationScope=AzurePlan"
        );
        assert_eq!(cart("a/b", "c d").path, "/v1/customers/a%2Fb/carts/c%20d");
        assert_eq!(
            entitlements("x", None, true).path,
            "/v1/customers/x/entitlements?showExpiry=true"
        );
    }

    #[test]
    fn changes_are_patches_that_keep_their_request_id() {
        let change = update_subscription("c/1", "s 2", "{}".to_owned());
        assert_eq!(change.method, crate::transport::Method::Patch);
        assert_eq!(change.path, "/v1/customers/c%2F1/subscriptions/s%202");
        assert_eq!(change.body.as_deref(), Some("{}"));
        assert!(!change.idempotent);
        let cancel = update_order("c", "o-1", "{}".to_owned());
        assert_eq!(
            (cancel.method, cancel.path.as_str(), cancel.idempotent),
            (
                crate::transport::Method::Patch,
                "/v1/customers/c/orders/o-1",
                false
            )
        );
    }

    #[test]
    fn only_safe_posts_are_idempotent() {
        assert!(!create_cart("c", "{}".to_owned()).idempotent);
        assert!(check_inventory("{}".to_owned(), "US").idempotent);
        assert!(register_subscription("c", "s").idempotent);
        let entry = JournalEntry {
            customer_id: "c".to_owned(),
            cart_id: "k".to_owned(),
            request_id: "r".to_owned(),
            correlation_id: "q".to_owned(),
        };
        let checkout = checkout(&entry);
        assert!(!checkout.idempotent);
        assert_eq!(checkout.request_id.as_deref(), Some("r"));
        assert_eq!(checkout.correlation_id.as_deref(), Some("q"));
    }
}
