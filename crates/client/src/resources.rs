//! Typed operations, grouped by resource as Partner Center's reference groups them
//! (partner-center-api.md §1: E1–E28, customers, agreements). Each group borrows the client:
//! `client.carts().create(customer, &cart)`; the streams of collections hold their own handle to
//! it, so they may outlive the group and the borrow.

use futures_util::Stream;
use pc_core::models::{
    Agreement, Availability, Cart, CartCheckoutResult, Customer, CustomerQualification,
    Entitlement, InventoryCheckRequest, InventoryItem, Invoice, InvoiceLineItem, InvoiceSummary,
    Order, OrderLineItemProvisioningStatus, Product, Sku, Subscription,
    SubscriptionProvisioningStatus, SubscriptionRegistrationStatus,
};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use crate::client::{Client, Operation};
use crate::error::Error;
use crate::journal::JournalEntry;
use crate::transport::Transport;

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

fn json<B: Serialize>(body: &B) -> Result<String, Error> {
    serde_json::to_string(body).map_err(|e| Error::InvalidRequest(e.to_string()))
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

/// Products (E1, E2).
pub struct Products<'c, T>(&'c Client<T>);
/// SKUs (E3, E4).
pub struct Skus<'c, T>(&'c Client<T>);
/// Availabilities (E5, E6).
pub struct Availabilities<'c, T>(&'c Client<T>);
/// Inventory check (E7).
pub struct Inventory<'c, T>(&'c Client<T>);
/// Carts and checkout (E8–E11).
pub struct Carts<'c, T>(&'c Client<T>);
/// Orders (E12–E15).
pub struct Orders<'c, T>(&'c Client<T>);
/// Subscriptions and reservation registration (E16–E21).
pub struct Subscriptions<'c, T>(&'c Client<T>);
/// Entitlements (E22).
pub struct Entitlements<'c, T>(&'c Client<T>);
/// Billing (E23–E28).
pub struct Invoices<'c, T>(&'c Client<T>);
/// Customers, agreements and qualifications.
pub struct Customers<'c, T>(&'c Client<T>);

impl<T: Transport> Client<T> {
    /// Products (E1, E2).
    pub fn products(&self) -> Products<'_, T> {
        Products(self)
    }
    /// SKUs (E3, E4).
    pub fn skus(&self) -> Skus<'_, T> {
        Skus(self)
    }
    /// Availabilities (E5, E6).
    pub fn availabilities(&self) -> Availabilities<'_, T> {
        Availabilities(self)
    }
    /// Inventory check (E7).
    pub fn inventory(&self) -> Inventory<'_, T> {
        Inventory(self)
    }
    /// Carts and checkout (E8–E11).
    pub fn carts(&self) -> Carts<'_, T> {
        Carts(self)
    }
    /// Orders (E12–E15).
    pub fn orders(&self) -> Orders<'_, T> {
        Orders(self)
    }
    /// Subscriptions (E16–E21).
    pub fn subscriptions(&self) -> Subscriptions<'_, T> {
        Subscriptions(self)
    }
    /// Entitlements (E22).
    pub fn entitlements(&self) -> Entitlements<'_, T> {
        Entitlements(self)
    }
    /// Billing (E23–E28).
    pub fn invoices(&self) -> Invoices<'_, T> {
        Invoices(self)
    }
    /// Customers and agreements.
    pub fn customers(&self) -> Customers<'_, T> {
        Customers(self)
    }

    /// Re-sends every checkout the journal holds (a reload or crash happened before its outcome
    /// was known), each with its original `MS-RequestId`. Returns each entry with its outcome.
    ///
    /// # Errors
    /// The journal cannot be read.
    pub async fn resume_checkouts(
        &self,
    ) -> Result<Vec<(JournalEntry, Result<CartCheckoutResult, Error>)>, Error> {
        let mut out = Vec::new();
        for entry in self.journal().pending()? {
            let result = self.carts().checkout_with(&entry).await;
            out.push((entry, result));
        }
        Ok(out)
    }
}

impl<T: Transport> Products<'_, T> {
    /// E1 `GET /v1/products?country=&targetView=[&targetSegment=][&reservationScope=]`, all pages.
    pub fn list<'q>(
        &self,
        catalog: &CatalogQuery<'q>,
        target_view: &str,
    ) -> impl Stream<Item = Result<Product, Error>> + use<T> {
        let mut pairs = catalog.pairs();
        pairs.insert(1, ("targetView", Some(target_view)));
        self.0
            .paged(Operation::get(format!("/v1/products{}", query(&pairs))))
    }

    /// E2 `GET /v1/products/{product-id}?country=`.
    ///
    /// # Errors
    /// 404 `400013` when the product does not exist, and every [`Error`] of a call.
    pub async fn get(
        &self,
        product_id: &str,
        catalog: &CatalogQuery<'_>,
    ) -> Result<Product, Error> {
        self.0
            .call(&Operation::get(format!(
                "/v1/products/{}{}",
                seg(product_id),
                query(&catalog.pairs())
            )))
            .await
    }

    /// `GET /v1/customers/{customer-id}/products?targetView=`: products for the customer's country.
    pub fn for_customer(
        &self,
        customer_id: &str,
        target_view: &str,
    ) -> impl Stream<Item = Result<Product, Error>> + use<T> {
        self.0.paged(Operation::get(format!(
            "/v1/customers/{}/products{}",
            seg(customer_id),
            query(&[("targetView", Some(target_view))])
        )))
    }
}

impl<T: Transport> Skus<'_, T> {
    /// E3 `GET /v1/products/{product-id}/skus?country=`.
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn list(
        &self,
        product_id: &str,
        catalog: &CatalogQuery<'_>,
    ) -> Result<Vec<Sku>, Error> {
        self.0
            .all(Operation::get(format!(
                "/v1/products/{}/skus{}",
                seg(product_id),
                query(&catalog.pairs())
            )))
            .await
    }

    /// E4 `GET /v1/products/{product-id}/skus/{sku-id}?country=`.
    ///
    /// # Errors
    /// 404 `400013` / `400018`, and every [`Error`] of a call.
    pub async fn get(
        &self,
        product_id: &str,
        sku_id: &str,
        catalog: &CatalogQuery<'_>,
    ) -> Result<Sku, Error> {
        self.0
            .call(&Operation::get(format!(
                "/v1/products/{}/skus/{}{}",
                seg(product_id),
                seg(sku_id),
                query(&catalog.pairs())
            )))
            .await
    }
}

impl<T: Transport> Availabilities<'_, T> {
    /// E5 `GET …/skus/{sku-id}/availabilities?country=` (nonprofit only with that segment).
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn list(
        &self,
        product_id: &str,
        sku_id: &str,
        catalog: &CatalogQuery<'_>,
    ) -> Result<Vec<Availability>, Error> {
        self.0
            .all(Operation::get(format!(
                "/v1/products/{}/skus/{}/availabilities{}",
                seg(product_id),
                seg(sku_id),
                query(&catalog.pairs())
            )))
            .await
    }

    /// E6 `GET …/availabilities/{availability-id}?country=`.
    ///
    /// # Errors
    /// 404 `400019` when the availability is gone, and every [`Error`] of a call.
    pub async fn get(
        &self,
        product_id: &str,
        sku_id: &str,
        availability_id: &str,
        country: &str,
    ) -> Result<Availability, Error> {
        self.0
            .call(&Operation::get(format!(
                "/v1/products/{}/skus/{}/availabilities/{}{}",
                seg(product_id),
                seg(sku_id),
                seg(availability_id),
                query(&[("country", Some(country))])
            )))
            .await
    }
}

impl<T: Transport> Inventory<'_, T> {
    /// E7 `POST /v1/extensions/product/checkInventory?country=` → the bare array of items.
    /// Safe to retry (it changes nothing), so it is sent as idempotent.
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn check(
        &self,
        request: &InventoryCheckRequest,
        country: &str,
    ) -> Result<Vec<InventoryItem>, Error> {
        let mut operation = Operation::post(
            format!(
                "/v1/extensions/product/checkInventory{}",
                query(&[("country", Some(country))])
            ),
            Some(json(request)?),
        );
        operation.idempotent = true;
        self.0.call(&operation).await
    }
}

impl<T: Transport> Carts<'_, T> {
    /// E8 `POST /v1/customers/{customer-id}/carts` → the cart with `orderGroup`, pricing and
    /// line errors filled. Retried only with the same `MS-RequestId`, which makes the service
    /// return the cart created by an earlier attempt.
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn create(&self, customer_id: &str, cart: &Cart) -> Result<Cart, Error> {
        self.0
            .call(&Operation::post(
                format!("/v1/customers/{}/carts", seg(customer_id)),
                Some(json(cart)?),
            ))
            .await
    }

    /// E9 `PUT /v1/customers/{customer-id}/carts/{cart-id}` with the whole cart.
    ///
    /// # Errors
    /// 400 `800065` for an ordered cart, and every [`Error`] of a call.
    pub async fn update(&self, customer_id: &str, cart: &Cart) -> Result<Cart, Error> {
        let id = cart.id.as_ref().ok_or_else(|| {
            Error::InvalidRequest("the cart has no id; create it first".to_owned())
        })?;
        self.0
            .call(&Operation::put(
                format!(
                    "/v1/customers/{}/carts/{}",
                    seg(customer_id),
                    seg(id.as_str())
                ),
                json(cart)?,
            ))
            .await
    }

    /// E10 `GET /v1/customers/{customer-id}/carts/{cart-id}`.
    ///
    /// # Errors
    /// 404 `800008`, and every [`Error`] of a call.
    pub async fn get(&self, customer_id: &str, cart_id: &str) -> Result<Cart, Error> {
        self.0
            .call(&Operation::get(format!(
                "/v1/customers/{}/carts/{}",
                seg(customer_id),
                seg(cart_id)
            )))
            .await
    }

    /// E11 `POST …/carts/{cart-id}/checkout`. Journaled: the cart and `MS-RequestId` are recorded
    /// before the request leaves and forgotten once the outcome is known, so
    /// [`Client::resume_checkouts`] can finish it after a reload — never buying twice.
    ///
    /// # Errors
    /// [`Error::Journal`] (nothing was sent), and every [`Error`] of a call.
    pub async fn checkout(
        &self,
        customer_id: &str,
        cart_id: &str,
    ) -> Result<CartCheckoutResult, Error> {
        let entry = JournalEntry {
            customer_id: customer_id.to_owned(),
            cart_id: cart_id.to_owned(),
            request_id: uuid::Uuid::new_v4().to_string(),
            correlation_id: uuid::Uuid::new_v4().to_string(),
        };
        self.0.journal().record(&entry)?;
        self.checkout_with(&entry).await
    }

    /// Sends the checkout of a journal entry with its IDs; forgets the entry once Partner Center
    /// gave an answer (success or a business error), keeps it when no answer came.
    pub(crate) async fn checkout_with(
        &self,
        entry: &JournalEntry,
    ) -> Result<CartCheckoutResult, Error> {
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
        let result = self.0.call(&operation).await;
        let outcome_known = match &result {
            Ok(_) => true,
            Err(Error::Api { status, .. }) => *status < 500,
            Err(_) => false,
        };
        if outcome_known {
            self.0.journal().remove(&entry.cart_id)?;
        }
        result
    }
}

impl<T: Transport> Orders<'_, T> {
    /// E12 `GET /v1/customers/{id}/orders/{order-id}`.
    ///
    /// # Errors
    /// 404 `20000`, and every [`Error`] of a call.
    pub async fn get(&self, customer_id: &str, order_id: &str) -> Result<Order, Error> {
        self.0
            .call(&Operation::get(format!(
                "/v1/customers/{}/orders/{}",
                seg(customer_id),
                seg(order_id)
            )))
            .await
    }

    /// E13 `GET /v1/customers/{id}/orders` (new orders appear after up to 15 minutes).
    pub fn list(&self, customer_id: &str) -> impl Stream<Item = Result<Order, Error>> + use<T> {
        self.0.paged(Operation::get(format!(
            "/v1/customers/{}/orders",
            seg(customer_id)
        )))
    }

    /// E14 `GET /v1/customers/{id}/orders?billingType=` (`monthly`, `annual`, `one_time`, …).
    pub fn by_billing_cycle(
        &self,
        customer_id: &str,
        billing_cycle: &str,
    ) -> impl Stream<Item = Result<Order, Error>> + use<T> {
        self.0.paged(Operation::get(format!(
            "/v1/customers/{}/orders{}",
            seg(customer_id),
            query(&[("billingType", Some(billing_cycle))])
        )))
    }

    /// E15 `GET /v1/customers/{id}/orders/{order-id}/provisioningstatus`.
    ///
    /// # Errors
    /// 404 `800007`, and every [`Error`] of a call.
    pub async fn provisioning_status(
        &self,
        customer_id: &str,
        order_id: &str,
    ) -> Result<Vec<OrderLineItemProvisioningStatus>, Error> {
        self.0
            .all(Operation::get(format!(
                "/v1/customers/{}/orders/{}/provisioningstatus",
                seg(customer_id),
                seg(order_id)
            )))
            .await
    }

    /// `GET …/orders/{order-id}/lineitems/{n}/activationlinks` (marketplace SaaS).
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn activation_links(
        &self,
        customer_id: &str,
        order_id: &str,
        line_item_number: i64,
    ) -> Result<Vec<serde_json::Value>, Error> {
        self.0
            .all(Operation::get(format!(
                "/v1/customers/{}/orders/{}/lineitems/{line_item_number}/activationlinks",
                seg(customer_id),
                seg(order_id)
            )))
            .await
    }
}

impl<T: Transport> Subscriptions<'_, T> {
    /// E16 `GET /v1/customers/{id}/subscriptions`.
    pub fn list(&self, customer_id: &str) -> impl Stream<Item = Result<Subscription, Error>> + use<T> {
        self.0.paged(Operation::get(format!(
            "/v1/customers/{}/subscriptions",
            seg(customer_id)
        )))
    }

    /// E17 `GET /v1/customers/{id}/subscriptions?order_id=`.
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn by_order(
        &self,
        customer_id: &str,
        order_id: &str,
    ) -> Result<Vec<Subscription>, Error> {
        self.0
            .all(Operation::get(format!(
                "/v1/customers/{}/subscriptions{}",
                seg(customer_id),
                query(&[("order_id", Some(order_id))])
            )))
            .await
    }

    /// E18 `GET /v1/customers/{id}/subscriptions/{subscription-id}`.
    ///
    /// # Errors
    /// 404 `20003`, and every [`Error`] of a call.
    pub async fn get(
        &self,
        customer_id: &str,
        subscription_id: &str,
    ) -> Result<Subscription, Error> {
        self.0
            .call(&Operation::get(format!(
                "/v1/customers/{}/subscriptions/{}",
                seg(customer_id),
                seg(subscription_id)
            )))
            .await
    }

    /// E19 `GET …/subscriptions/{subscription-id}/provisioningstatus`.
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn provisioning_status(
        &self,
        customer_id: &str,
        subscription_id: &str,
    ) -> Result<SubscriptionProvisioningStatus, Error> {
        self.0
            .call(&Operation::get(format!(
                "/v1/customers/{}/subscriptions/{}/provisioningstatus",
                seg(customer_id),
                seg(subscription_id)
            )))
            .await
    }

    /// E20 `POST …/subscriptions/{subscription-id}/registrations` (202 Accepted; poll E21).
    ///
    /// # Errors
    /// 400 `800011` for a subscription that is not an Azure subscription, and every [`Error`].
    pub async fn register(&self, customer_id: &str, subscription_id: &str) -> Result<(), Error> {
        let mut operation = Operation::post(
            format!(
                "/v1/customers/{}/subscriptions/{}/registrations",
                seg(customer_id),
                seg(subscription_id)
            ),
            None,
        );
        // Registering twice is harmless: retries need no request-ID care.
        operation.idempotent = true;
        self.0.send(&operation).await.map(|_| ())
    }

    /// E21 `GET …/subscriptions/{subscription-id}/registrationstatus`.
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn registration_status(
        &self,
        customer_id: &str,
        subscription_id: &str,
    ) -> Result<SubscriptionRegistrationStatus, Error> {
        self.0
            .call(&Operation::get(format!(
                "/v1/customers/{}/subscriptions/{}/registrationstatus",
                seg(customer_id),
                seg(subscription_id)
            )))
            .await
    }
}

impl<T: Transport> Entitlements<'_, T> {
    /// E22 `GET /v1/customers/{id}/entitlements[?entitlementType=][&showExpiry=true]`.
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn list(
        &self,
        customer_id: &str,
        entitlement_type: Option<&str>,
        show_expiry: bool,
    ) -> Result<Vec<Entitlement>, Error> {
        self.0
            .all(Operation::get(format!(
                "/v1/customers/{}/entitlements{}",
                seg(customer_id),
                query(&[
                    ("entitlementType", entitlement_type),
                    ("showExpiry", show_expiry.then_some("true"))
                ])
            )))
            .await
    }
}

impl<T: Transport> Invoices<'_, T> {
    /// E23 `GET /v1/invoices/summary`: the account balance.
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn balance(&self) -> Result<InvoiceSummary, Error> {
        self.0.call(&Operation::get("/v1/invoices/summary")).await
    }

    /// E24 `GET /v1/invoices/summaries`: one summary per currency.
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn summaries(&self) -> Result<Vec<InvoiceSummary>, Error> {
        self.0.all(Operation::get("/v1/invoices/summaries")).await
    }

    /// E25 `GET /v1/invoices`, all pages.
    pub fn list(&self) -> impl Stream<Item = Result<Invoice, Error>> + use<T> {
        self.0.paged(Operation::get("/v1/invoices"))
    }

    /// E26 `GET /v1/invoices/{invoice-id}`.
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn get(&self, invoice_id: &str) -> Result<Invoice, Error> {
        self.0
            .call(&Operation::get(format!("/v1/invoices/{}", seg(invoice_id))))
            .await
    }

    /// E27 `GET /v1/invoices/{invoice-id}/documents/statement`: the PDF bytes.
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn statement(&self, invoice_id: &str) -> Result<Vec<u8>, Error> {
        let mut operation = Operation::get(format!(
            "/v1/invoices/{}/documents/statement",
            seg(invoice_id)
        ));
        operation
            .headers
            .push(("Accept".to_owned(), "application/pdf".to_owned()));
        Ok(self.0.send(&operation).await?.response.body)
    }

    /// E28 `GET /v1/invoices/{invoice-id}/lineitems?provider=&invoicelineitemtype=`, all pages
    /// (seek paging with `MS-ContinuationToken` followed).
    pub fn line_items(
        &self,
        invoice_id: &str,
        provider: &str,
        line_item_type: &str,
    ) -> impl Stream<Item = Result<InvoiceLineItem, Error>> + use<T> {
        self.0.paged(Operation::get(format!(
            "/v1/invoices/{}/lineitems{}",
            seg(invoice_id),
            query(&[
                ("provider", Some(provider)),
                ("invoicelineitemtype", Some(line_item_type))
            ])
        )))
    }
}

impl<T: Transport> Customers<'_, T> {
    /// `GET /v1/customers`, all pages.
    pub fn list(&self) -> impl Stream<Item = Result<Customer, Error>> + use<T> {
        self.0.paged(Operation::get("/v1/customers"))
    }

    /// `GET /v1/customers/{customer-tenant-id}`.
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn get(&self, customer_id: &str) -> Result<Customer, Error> {
        self.0
            .call(&Operation::get(format!(
                "/v1/customers/{}",
                seg(customer_id)
            )))
            .await
    }

    /// `GET /v1/customers/{id}/agreements[?agreementType=]`.
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn agreements(
        &self,
        customer_id: &str,
        agreement_type: Option<&str>,
    ) -> Result<Vec<Agreement>, Error> {
        self.0
            .all(Operation::get(format!(
                "/v1/customers/{}/agreements{}",
                seg(customer_id),
                query(&[("agreementType", agreement_type)])
            )))
            .await
    }

    /// `POST /v1/customers/{id}/agreements`: confirms the customer's acceptance.
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn accept_agreement(
        &self,
        customer_id: &str,
        agreement: &Agreement,
    ) -> Result<Agreement, Error> {
        self.0
            .call(&Operation::post(
                format!("/v1/customers/{}/agreements", seg(customer_id)),
                Some(json(agreement)?),
            ))
            .await
    }

    /// `GET /v1/customers/{id}/qualifications` (e.g. `Education`).
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn qualifications(
        &self,
        customer_id: &str,
    ) -> Result<Vec<CustomerQualification>, Error> {
        self.0
            .call(&Operation::get(format!(
                "/v1/customers/{}/qualifications",
                seg(customer_id)
            )))
            .await
    }

    /// `GET /v1/agreements?agreementType=` (the template ID to accept with).
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn agreement_templates(
        &self,
        agreement_type: &str,
    ) -> Result<Vec<serde_json::Value>, Error> {
        self.0
            .all(Operation::get(format!(
                "/v1/agreements{}",
                query(&[("agreementType", Some(agreement_type))])
            )))
            .await
    }
}
