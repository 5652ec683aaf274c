//! Typed operations, grouped by resource as Partner Center's reference groups them
//! (the [REST API reference](https://learn.microsoft.com/partner-center/developer/partner-center-rest-api-reference):
//! E1–E28, customers, agreements). Each group borrows the client:
//! `client.carts().create(customer, &cart)`; the streams of collections hold their own handle to
//! it, so they may outlive the group and the borrow.

use futures_util::Stream;
use pc_core::models::{
    Agreement, Availability, Cart, CartCheckoutResult, Customer, CustomerQualification,
    Entitlement, EstimateLink, InventoryCheckRequest, InventoryItem, Invoice, InvoiceLineItem,
    InvoiceSummary, Order, OrderLineItem, OrderLineItemProvisioningStatus, Product, Sku,
    Subscription, SubscriptionProvisioningStatus, SubscriptionRegistrationStatus,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::client::Client;
use crate::error::Error;
use crate::journal::JournalEntry;
use crate::requests::{self, BillingPeriod, CatalogQuery};
use crate::transport::Transport;

fn json<B: Serialize>(body: &B) -> Result<String, Error> {
    serde_json::to_string(body).map_err(|e| Error::InvalidRequest(e.to_string()))
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

    /// The checkouts the journal holds whose outcome is not known yet (a reload or crash
    /// happened first): what [`Client::resume_checkouts`] would send again. Reads the journal
    /// only; nothing is sent.
    ///
    /// # Errors
    /// The journal cannot be read.
    pub fn pending_checkouts(&self) -> Result<Vec<JournalEntry>, Error> {
        self.journal().pending()
    }

    /// Re-sends every checkout the journal holds (a reload or crash happened before its outcome
    /// was known), each with its original `MS-RequestId`. Returns each entry with its outcome.
    ///
    /// # Errors
    /// The journal cannot be read.
    pub async fn resume_checkouts(
        &self,
    ) -> Result<Vec<(JournalEntry, Result<CartCheckoutResult, Error>)>, Error> {
        self.resume_checkouts_as().await
    }

    /// [`Client::resume_checkouts`] with each result decoded as `R` (e.g. `serde_json::Value`
    /// for the body as Partner Center sent it).
    ///
    /// # Errors
    /// The journal cannot be read.
    pub async fn resume_checkouts_as<R: DeserializeOwned>(
        &self,
    ) -> Result<Vec<(JournalEntry, Result<R, Error>)>, Error> {
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
        self.0.paged(requests::products(catalog, target_view))
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
        self.0.call(&requests::product(product_id, catalog)).await
    }

    /// `GET /v1/customers/{customer-id}/products?targetView=`: products for the customer's country.
    pub fn for_customer(
        &self,
        customer_id: &str,
        target_view: &str,
    ) -> impl Stream<Item = Result<Product, Error>> + use<T> {
        self.0
            .paged(requests::customer_products(customer_id, target_view))
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
        self.0.all(requests::skus(product_id, catalog)).await
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
            .call(&requests::sku(product_id, sku_id, catalog))
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
            .all(requests::availabilities(product_id, sku_id, catalog))
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
            .call(&requests::availability(
                product_id,
                sku_id,
                availability_id,
                country,
            ))
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
        self.0
            .call(&requests::check_inventory(json(request)?, country))
            .await
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
            .call(&requests::create_cart(customer_id, json(cart)?))
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
            .call(&requests::update_cart(
                customer_id,
                id.as_str(),
                json(cart)?,
            ))
            .await
    }

    /// E10 `GET /v1/customers/{customer-id}/carts/{cart-id}`.
    ///
    /// # Errors
    /// 404 `800008`, and every [`Error`] of a call.
    pub async fn get(&self, customer_id: &str, cart_id: &str) -> Result<Cart, Error> {
        self.0.call(&requests::cart(customer_id, cart_id)).await
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
        self.checkout_as(customer_id, cart_id).await
    }

    /// [`Carts::checkout`] with the result decoded as `R` (e.g. `serde_json::Value` for the body
    /// as Partner Center sent it); journaled the same way.
    ///
    /// # Errors
    /// [`Error::Journal`] (nothing was sent), and every [`Error`] of a call.
    pub async fn checkout_as<R: DeserializeOwned>(
        &self,
        customer_id: &str,
        cart_id: &str,
    ) -> Result<R, Error> {
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
    pub(crate) async fn checkout_with<R: DeserializeOwned>(
        &self,
        entry: &JournalEntry,
    ) -> Result<R, Error> {
        let result = self.0.call(&requests::checkout(entry)).await;
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
        self.0.call(&requests::order(customer_id, order_id)).await
    }

    /// E13 `GET /v1/customers/{id}/orders` (new orders appear after up to 15 minutes).
    pub fn list(&self, customer_id: &str) -> impl Stream<Item = Result<Order, Error>> + use<T> {
        self.0.paged(requests::orders(customer_id))
    }

    /// E14 `GET /v1/customers/{id}/orders?billingType=` (`monthly`, `annual`, `one_time`, …).
    pub fn by_billing_cycle(
        &self,
        customer_id: &str,
        billing_cycle: &str,
    ) -> impl Stream<Item = Result<Order, Error>> + use<T> {
        self.0.paged(requests::orders_by_billing_cycle(
            customer_id,
            billing_cycle,
        ))
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
            .all(requests::order_provisioning_status(customer_id, order_id))
            .await
    }

    /// `PATCH /v1/customers/{id}/orders/{order-id}` with `{"id", "status": "cancelled",
    /// "lineItems"}` (Partner Center page *Cancel software purchases*): cancels `lines` of a
    /// software order — perpetual software within 30 days of the order, software
    /// subscriptions within 168 hours — for a refund; answers the order. pc-core's
    /// `check_software_cancellation` tells beforehand whether it is allowed and
    /// `software_refund` what it refunds.
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] for no lines; 400 `900117` when a line's window has passed,
    /// and every [`Error`] of a call.
    pub async fn cancel_line_items(
        &self,
        customer_id: &str,
        order_id: &str,
        lines: &[OrderLineItem],
    ) -> Result<Order, Error> {
        self.cancel_line_items_as(customer_id, order_id, lines)
            .await
    }

    /// [`Orders::cancel_line_items`] with the answer decoded as `R` (e.g. `serde_json::Value`
    /// for the body as Partner Center sent it).
    ///
    /// # Errors
    /// As [`Orders::cancel_line_items`].
    pub async fn cancel_line_items_as<R: DeserializeOwned>(
        &self,
        customer_id: &str,
        order_id: &str,
        lines: &[OrderLineItem],
    ) -> Result<R, Error> {
        if lines.is_empty() {
            return Err(Error::InvalidRequest("no order lines to cancel".to_owned()));
        }
        let body = serde_json::json!({
            "id": order_id,
            "status": "cancelled",
            "lineItems": lines,
        });
        self.0
            .call(&requests::update_order(customer_id, order_id, json(&body)?))
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
            .all(requests::activation_links(
                customer_id,
                order_id,
                line_item_number,
            ))
            .await
    }
}

impl<T: Transport> Subscriptions<'_, T> {
    /// E16 `GET /v1/customers/{id}/subscriptions`.
    pub fn list(
        &self,
        customer_id: &str,
    ) -> impl Stream<Item = Result<Subscription, Error>> + use<T> {
        self.0.paged(requests::subscriptions(customer_id))
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
            .all(requests::subscriptions_by_order(customer_id, order_id))
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
            .call(&requests::subscription(customer_id, subscription_id))
            .await
    }

    /// `PATCH /v1/customers/{id}/subscriptions/{subscription-id}` with `subscription` as read
    /// (its `id` names it; its `attributes.etag` lets Partner Center refuse a change to a
    /// subscription that changed meanwhile), some members changed: `quantity` up or down,
    /// `status: "deleted"` to cancel, `autoRenewEnabled`, `scheduledNextTermInstructions`
    /// (`None` is sent as `null`, which removes a scheduled change). Answers the updated
    /// subscription. pc-core's `check_change` tells beforehand whether Partner Center accepts
    /// the change and `refund` what a reduction or cancellation refunds.
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] when the subscription has no `id`; 400 `900117` (the
    /// cancellation window has passed), `900214` (the seat-reduction window has passed),
    /// `800090` (seats cannot go down that far), `900275` (quantity out of range), 412 (changed
    /// meanwhile: read it again), and every [`Error`] of a call.
    pub async fn update(
        &self,
        customer_id: &str,
        subscription: &Subscription,
    ) -> Result<Subscription, Error> {
        let id = subscription
            .id
            .as_ref()
            .ok_or_else(|| Error::InvalidRequest("the subscription has no id".to_owned()))?;
        let mut body =
            serde_json::to_value(subscription).map_err(|e| Error::InvalidRequest(e.to_string()))?;
        if subscription.scheduled_next_term_instructions.is_none()
            && let Some(members) = body.as_object_mut()
        {
            members.insert(
                "scheduledNextTermInstructions".to_owned(),
                serde_json::Value::Null,
            );
        }
        self.update_json(customer_id, id.as_str(), &body).await
    }

    /// [`Subscriptions::update`] with the body and the answer as JSON (e.g. as a JavaScript
    /// caller sends it and wants it back unchanged).
    ///
    /// # Errors
    /// As [`Subscriptions::update`].
    pub async fn update_json<R: DeserializeOwned>(
        &self,
        customer_id: &str,
        subscription_id: &str,
        body: &serde_json::Value,
    ) -> Result<R, Error> {
        self.0
            .call(&requests::update_subscription(
                customer_id,
                subscription_id,
                json(body)?,
            ))
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
            .call(&requests::subscription_provisioning_status(
                customer_id,
                subscription_id,
            ))
            .await
    }

    /// E20 `POST …/subscriptions/{subscription-id}/registrations` (202 Accepted; poll E21).
    ///
    /// # Errors
    /// 400 `800011` for a subscription that is not an Azure subscription, and every [`Error`].
    pub async fn register(&self, customer_id: &str, subscription_id: &str) -> Result<(), Error> {
        self.0
            .send(&requests::register_subscription(
                customer_id,
                subscription_id,
            ))
            .await
            .map(|_| ())
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
            .call(&requests::subscription_registration_status(
                customer_id,
                subscription_id,
            ))
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
            .all(requests::entitlements(
                customer_id,
                entitlement_type,
                show_expiry,
            ))
            .await
    }
}

impl<T: Transport> Invoices<'_, T> {
    /// E23 `GET /v1/invoices/summary`: the account balance.
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn balance(&self) -> Result<InvoiceSummary, Error> {
        self.0.call(&requests::invoice_balance()).await
    }

    /// E24 `GET /v1/invoices/summaries`: one summary per currency.
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn summaries(&self) -> Result<Vec<InvoiceSummary>, Error> {
        self.0.all(requests::invoice_summaries()).await
    }

    /// E25 `GET /v1/invoices`, all pages.
    pub fn list(&self) -> impl Stream<Item = Result<Invoice, Error>> + use<T> {
        self.0.paged(requests::invoices())
    }

    /// E26 `GET /v1/invoices/{invoice-id}`.
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn get(&self, invoice_id: &str) -> Result<Invoice, Error> {
        self.0.call(&requests::invoice(invoice_id)).await
    }

    /// E27 `GET /v1/invoices/{invoice-id}/documents/statement`: the PDF bytes.
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn statement(&self, invoice_id: &str) -> Result<Vec<u8>, Error> {
        Ok(self
            .0
            .send(&requests::invoice_statement(invoice_id))
            .await?
            .response
            .body)
    }

    /// E28 `GET /v1/invoices/{invoice-id}/lineitems?provider=&invoicelineitemtype=`, all pages
    /// (seek paging with `MS-ContinuationToken` followed).
    pub fn line_items(
        &self,
        invoice_id: &str,
        provider: &str,
        line_item_type: &str,
    ) -> impl Stream<Item = Result<InvoiceLineItem, Error>> + use<T> {
        self.0.paged(requests::invoice_line_items(
            invoice_id,
            provider,
            line_item_type,
        ))
    }

    /// `GET /v1/invoices/estimates/links?currencycode={code}` (page get-invoice-estimate-links):
    /// where the unbilled consumption (`daily_rated_usage`) and reconciliation
    /// (`non_consumption`) line items of the current and previous period are, in `currency`
    /// (ISO 4217).
    ///
    /// # Errors
    /// Every [`Error`] of a call (400 `800002` for a malformed currency).
    pub async fn estimate_links(&self, currency: &str) -> Result<Vec<EstimateLink>, Error> {
        self.0.all(requests::invoice_estimate_links(currency)).await
    }

    /// Unbilled reconciliation line items (page get-invoice-unbilled-recon-lineitems):
    /// `OneTimeInvoiceLineItem`s of `period` in `currency` — purchases not invoiced yet — all
    /// pages, `size` per request (the service's default, 2000, when `None`), following
    /// `links.next` with its `MS-ContinuationToken` header.
    pub fn unbilled_line_items(
        &self,
        currency: &str,
        period: BillingPeriod,
        size: Option<u32>,
    ) -> impl Stream<Item = Result<InvoiceLineItem, Error>> + use<T> {
        self.0.paged(requests::unbilled_line_items(
            "billinglineitems",
            currency,
            period,
            size,
        ))
    }

    /// Unbilled consumption (page get-invoice-unbilled-consumption-lineitems): the
    /// `DailyRatedUsageLineItem`s of `period` in `currency`, all pages, as
    /// [`Invoices::unbilled_line_items`].
    pub fn unbilled_usage(
        &self,
        currency: &str,
        period: BillingPeriod,
        size: Option<u32>,
    ) -> impl Stream<Item = Result<InvoiceLineItem, Error>> + use<T> {
        self.0.paged(requests::unbilled_line_items(
            "usagelineitems",
            currency,
            period,
            size,
        ))
    }

    /// Billed consumption of an invoice (page get-invoice-billed-consumption-lineitems): its
    /// `DailyRatedUsageLineItem`s in `currency`, all pages (seek paging followed).
    pub fn billed_usage(
        &self,
        invoice_id: &str,
        currency: &str,
        size: Option<u32>,
    ) -> impl Stream<Item = Result<InvoiceLineItem, Error>> + use<T> {
        self.0.paged(requests::invoice_line_items_in(
            invoice_id,
            "onetime",
            "usagelineitems",
            currency,
            size,
        ))
    }

    /// Billed reconciliation line items of an invoice in `currency` (E28 with
    /// `provider=onetime&invoicelineitemtype=billinglineitems&currencycode=`), all pages.
    pub fn billed_line_items(
        &self,
        invoice_id: &str,
        currency: &str,
        size: Option<u32>,
    ) -> impl Stream<Item = Result<InvoiceLineItem, Error>> + use<T> {
        self.0.paged(requests::invoice_line_items_in(
            invoice_id,
            "onetime",
            "billinglineitems",
            currency,
            size,
        ))
    }
}

impl<T: Transport> Customers<'_, T> {
    /// `GET /v1/customers`, all pages.
    pub fn list(&self) -> impl Stream<Item = Result<Customer, Error>> + use<T> {
        self.0.paged(requests::customers())
    }

    /// `GET /v1/customers/{customer-tenant-id}`.
    ///
    /// # Errors
    /// Every [`Error`] of a call.
    pub async fn get(&self, customer_id: &str) -> Result<Customer, Error> {
        self.0.call(&requests::customer(customer_id)).await
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
            .all(requests::agreements(customer_id, agreement_type))
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
            .call(&requests::accept_agreement(customer_id, json(agreement)?))
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
        self.0.call(&requests::qualifications(customer_id)).await
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
            .all(requests::agreement_templates(agreement_type))
            .await
    }
}
