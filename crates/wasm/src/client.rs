//! `PartnerCenterClient`: pc-client for JavaScript. Every operation returns a promise of the
//! Partner Center resource (a plain object of the `models.d.ts` types); collections that Partner
//! Center pages are async iterators that fetch the next page when the current one is used up;
//! failures are `PartnerCenterError`s.
//!
//! Tokens, retries (backoff with jitter, `Retry-After`), `MS-RequestId` / `MS-CorrelationId`,
//! `X-Locale` and the idempotent checkout journal are pc-client's.

use std::future::Future;

use js_sys::{Function, Promise};
use pc_client::journal::LocalStorageJournal;
use pc_client::transport::BrowserTransport;
use pc_client::{Client, TokenFn};
use pc_core::models::{Agreement, Cart, InventoryCheckRequest};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, future_to_promise};

use crate::convert::{from_js, from_js_or_default, input_error, to_js};
use crate::support::{async_iterator, partner_center_error};
use crate::types::{CatalogQuery, ClientOptions, EntitlementQuery, ProductQuery, ResumedCheckout};

/// The pc-client this package drives: `fetch` (gloo-net), in browsers and in Node ≥ 18.
type JsClient = Client<BrowserTransport>;

/// A promise of what `operation` yields, as plain JavaScript data, or rejected with its
/// `PartnerCenterError`.
fn promise<T, F>(operation: F) -> Promise
where
    T: Serialize,
    F: Future<Output = Result<T, pc_client::Error>> + 'static,
{
    future_to_promise(async move {
        match operation.await {
            Ok(value) => to_js(&value),
            Err(error) => Err(partner_center_error(&error)),
        }
    })
}

/// Decodes argument `name`, or hands back the promise that rejects with its input error (async
/// operations reject rather than throw).
fn argument<T: DeserializeOwned>(value: &JsValue, name: &str) -> Result<T, Promise> {
    from_js(value, name).map_err(|error| Promise::reject(&error))
}

/// The text of a thrown JavaScript value.
fn describe(thrown: &JsValue) -> String {
    thrown
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| thrown.as_string())
        .unwrap_or_else(|| "getToken failed".to_owned())
}

/// A typed Partner Center client: `new PartnerCenterClient({ baseUrl, getToken, locale })`.
///
/// Operations are grouped by resource as pc-client groups them: `client.products.list(…)`,
/// `client.carts.create(…)`, `client.carts.checkout(…)`, … .
#[wasm_bindgen]
pub struct PartnerCenterClient {
    client: JsClient,
}

#[wasm_bindgen]
impl PartnerCenterClient {
    /// A client for `options.baseUrl` that asks `options.getToken(fresh)` for tokens.
    ///
    /// # Errors
    /// Throws a `TypeError` naming the bad member (`$.options.baseUrl`, `$.options.getToken`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "ClientOptions")] options: JsValue,
    ) -> Result<PartnerCenterClient, JsValue> {
        let parsed: ClientOptions = from_js(&options, "options")?;
        let get_token = js_sys::Reflect::get(&options, &JsValue::from_str("getToken"))?
            .dyn_into::<Function>()
            .map_err(|_| input_error("$.options.getToken", "expected a function"))?;
        // The host's `getToken(fresh)`: a string or a promise of one.
        let tokens = TokenFn(move |fresh: bool| {
            let get_token = get_token.clone();
            async move {
                let returned = get_token
                    .call1(&JsValue::NULL, &JsValue::from_bool(fresh))
                    .map_err(|e| describe(&e))?;
                let token = JsFuture::from(Promise::resolve(&returned))
                    .await
                    .map_err(|e| describe(&e))?;
                token
                    .as_string()
                    .ok_or_else(|| "getToken did not return a string".to_owned())
            }
        });
        let builder = Client::builder(parsed.base_url, BrowserTransport, tokens)
        .locale(parsed.locale.unwrap_or_else(|| "en-US".to_owned()));
        let client = match parsed.journal_key {
            Some(key) => builder.journal(LocalStorageJournal::new(key)).build(),
            None => builder.build(),
        };
        Ok(Self { client })
    }

    /// Products (E1, E2).
    #[wasm_bindgen(getter)]
    pub fn products(&self) -> Products {
        Products(self.client.clone())
    }

    /// SKUs (E3, E4).
    #[wasm_bindgen(getter)]
    pub fn skus(&self) -> Skus {
        Skus(self.client.clone())
    }

    /// Availabilities (E5, E6).
    #[wasm_bindgen(getter)]
    pub fn availabilities(&self) -> Availabilities {
        Availabilities(self.client.clone())
    }

    /// Inventory check (E7).
    #[wasm_bindgen(getter)]
    pub fn inventory(&self) -> Inventory {
        Inventory(self.client.clone())
    }

    /// Carts and checkout (E8–E11).
    #[wasm_bindgen(getter)]
    pub fn carts(&self) -> Carts {
        Carts(self.client.clone())
    }

    /// Orders (E12–E15).
    #[wasm_bindgen(getter)]
    pub fn orders(&self) -> Orders {
        Orders(self.client.clone())
    }

    /// Subscriptions and reservation registration (E16–E21).
    #[wasm_bindgen(getter)]
    pub fn subscriptions(&self) -> Subscriptions {
        Subscriptions(self.client.clone())
    }

    /// Entitlements (E22).
    #[wasm_bindgen(getter)]
    pub fn entitlements(&self) -> Entitlements {
        Entitlements(self.client.clone())
    }

    /// Billing (E23–E28).
    #[wasm_bindgen(getter)]
    pub fn invoices(&self) -> Invoices {
        Invoices(self.client.clone())
    }

    /// Customers, agreements and qualifications.
    #[wasm_bindgen(getter)]
    pub fn customers(&self) -> Customers {
        Customers(self.client.clone())
    }

    /// How many HTTP requests this client has sent, every retry counted.
    #[wasm_bindgen(getter, js_name = requestsSent)]
    pub fn requests_sent(&self) -> f64 {
        // Exact up to 2^53 requests.
        #[allow(clippy::cast_precision_loss)]
        let sent = self.client.requests_sent() as f64;
        sent
    }

    /// Re-sends every checkout the journal holds whose outcome is unknown (a reload or lost
    /// connection came first), each with its original `MS-RequestId`, so nothing is bought twice.
    /// Resolves to one entry per checkout with its `result` or `error`.
    #[wasm_bindgen(
        js_name = resumeCheckouts,
        unchecked_return_type = "Promise<ResumedCheckout[]>"
    )]
    pub fn resume_checkouts(&self) -> Promise {
        let client = self.client.clone();
        future_to_promise(async move {
            let resumed = client
                .resume_checkouts()
                .await
                .map_err(|e| partner_center_error(&e))?;
            let out = js_sys::Array::new();
            for (entry, outcome) in resumed {
                let (result, error) = match outcome {
                    Ok(result) => (Some(result), None),
                    Err(error) => (None, Some(partner_center_error(&error))),
                };
                let item = to_js(&ResumedCheckout {
                    customer_id: entry.customer_id,
                    cart_id: entry.cart_id,
                    request_id: entry.request_id,
                    correlation_id: entry.correlation_id,
                    result,
                    error: None,
                })?;
                if let Some(error) = error {
                    js_sys::Reflect::set(&item, &JsValue::from_str("error"), &error)?;
                }
                out.push(&item);
            }
            Ok(out.into())
        })
    }
}

/// Products (E1, E2): `client.products`.
#[wasm_bindgen]
pub struct Products(JsClient);

#[wasm_bindgen]
impl Products {
    /// E1 `GET /v1/products?country=&targetView=…`: every product of a catalog view, page after
    /// page.
    #[wasm_bindgen(unchecked_return_type = "AsyncIterableIterator<Product>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ProductQuery")] query: JsValue,
    ) -> Result<JsValue, JsValue> {
        let query: ProductQuery = from_js(&query, "query")?;
        let catalog = pc_client::CatalogQuery {
            country: &query.country,
            target_segment: query.target_segment.as_deref(),
            azure_plan_scope: query.azure_plan_scope.unwrap_or(false),
        };
        Ok(async_iterator(
            self.0.products().list(&catalog, &query.target_view),
        ))
    }

    /// E2 `GET /v1/products/{productId}?country=`. Rejects with 404 `400013` when the product
    /// does not exist.
    #[wasm_bindgen(unchecked_return_type = "Promise<Product>")]
    pub fn get(
        &self,
        product_id: String,
        #[wasm_bindgen(unchecked_param_type = "CatalogQuery")] query: JsValue,
    ) -> Promise {
        let query: CatalogQuery = match argument(&query, "query") {
            Ok(query) => query,
            Err(rejected) => return rejected,
        };
        let client = self.0.clone();
        promise(async move {
            client
                .products()
                .get(&product_id, &query.as_client())
                .await
        })
    }

    /// `GET /v1/customers/{customerId}/products?targetView=`: the products for the customer's
    /// country, page after page.
    #[wasm_bindgen(
        js_name = forCustomer,
        unchecked_return_type = "AsyncIterableIterator<Product>"
    )]
    pub fn for_customer(&self, customer_id: &str, target_view: &str) -> JsValue {
        async_iterator(self.0.products().for_customer(customer_id, target_view))
    }
}

/// SKUs (E3, E4): `client.skus`.
#[wasm_bindgen]
pub struct Skus(JsClient);

#[wasm_bindgen]
impl Skus {
    /// E3 `GET /v1/products/{productId}/skus?country=`: every SKU of a product.
    #[wasm_bindgen(unchecked_return_type = "Promise<Sku[]>")]
    pub fn list(
        &self,
        product_id: String,
        #[wasm_bindgen(unchecked_param_type = "CatalogQuery")] query: JsValue,
    ) -> Promise {
        let query: CatalogQuery = match argument(&query, "query") {
            Ok(query) => query,
            Err(rejected) => return rejected,
        };
        let client = self.0.clone();
        promise(async move { client.skus().list(&product_id, &query.as_client()).await })
    }

    /// E4 `GET /v1/products/{productId}/skus/{skuId}?country=`. Rejects with 404 `400013` /
    /// `400018`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Sku>")]
    pub fn get(
        &self,
        product_id: String,
        sku_id: String,
        #[wasm_bindgen(unchecked_param_type = "CatalogQuery")] query: JsValue,
    ) -> Promise {
        let query: CatalogQuery = match argument(&query, "query") {
            Ok(query) => query,
            Err(rejected) => return rejected,
        };
        let client = self.0.clone();
        promise(async move {
            client
                .skus()
                .get(&product_id, &sku_id, &query.as_client())
                .await
        })
    }
}

/// Availabilities (E5, E6): `client.availabilities`.
#[wasm_bindgen]
pub struct Availabilities(JsClient);

#[wasm_bindgen]
impl Availabilities {
    /// E5 `GET …/skus/{skuId}/availabilities?country=`: what a cart line can buy (each has the
    /// `catalogItemId`).
    #[wasm_bindgen(unchecked_return_type = "Promise<Availability[]>")]
    pub fn list(
        &self,
        product_id: String,
        sku_id: String,
        #[wasm_bindgen(unchecked_param_type = "CatalogQuery")] query: JsValue,
    ) -> Promise {
        let query: CatalogQuery = match argument(&query, "query") {
            Ok(query) => query,
            Err(rejected) => return rejected,
        };
        let client = self.0.clone();
        promise(async move {
            client
                .availabilities()
                .list(&product_id, &sku_id, &query.as_client())
                .await
        })
    }

    /// E6 `GET …/availabilities/{availabilityId}?country=`. Rejects with 404 `400019` when the
    /// availability is gone.
    #[wasm_bindgen(unchecked_return_type = "Promise<Availability>")]
    pub fn get(
        &self,
        product_id: String,
        sku_id: String,
        availability_id: String,
        country: String,
    ) -> Promise {
        let client = self.0.clone();
        promise(async move {
            client
                .availabilities()
                .get(&product_id, &sku_id, &availability_id, &country)
                .await
        })
    }
}

/// Inventory check (E7): `client.inventory`.
#[wasm_bindgen]
pub struct Inventory(JsClient);

#[wasm_bindgen]
impl Inventory {
    /// E7 `POST /v1/extensions/product/checkInventory?country=`: which items are restricted (e.g.
    /// an Azure reservation in a region).
    #[wasm_bindgen(unchecked_return_type = "Promise<InventoryItem[]>")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InventoryCheckRequest")] request: JsValue,
        country: String,
    ) -> Promise {
        let request: InventoryCheckRequest = match argument(&request, "request") {
            Ok(request) => request,
            Err(rejected) => return rejected,
        };
        let client = self.0.clone();
        promise(async move { client.inventory().check(&request, &country).await })
    }
}

/// Carts and checkout (E8–E11): `client.carts`.
#[wasm_bindgen]
pub struct Carts(JsClient);

#[wasm_bindgen]
impl Carts {
    /// E8 `POST /v1/customers/{customerId}/carts`: the created cart, with `id`, `orderGroup`,
    /// pricing and line `error`s filled by Partner Center. A retry after a timeout re-uses the
    /// `MS-RequestId`, so it cannot create a second cart.
    #[wasm_bindgen(unchecked_return_type = "Promise<Cart>")]
    pub fn create(
        &self,
        customer_id: String,
        #[wasm_bindgen(unchecked_param_type = "Cart")] cart: JsValue,
    ) -> Promise {
        let cart: Cart = match argument(&cart, "cart") {
            Ok(cart) => cart,
            Err(rejected) => return rejected,
        };
        let client = self.0.clone();
        promise(async move { client.carts().create(&customer_id, &cart).await })
    }

    /// E9 `PUT /v1/customers/{customerId}/carts/{cart.id}` with the whole cart (members this
    /// version does not know are sent back unchanged). Rejects with 400 `800065` for an ordered
    /// cart.
    #[wasm_bindgen(unchecked_return_type = "Promise<Cart>")]
    pub fn update(
        &self,
        customer_id: String,
        #[wasm_bindgen(unchecked_param_type = "Cart")] cart: JsValue,
    ) -> Promise {
        let cart: Cart = match argument(&cart, "cart") {
            Ok(cart) => cart,
            Err(rejected) => return rejected,
        };
        let client = self.0.clone();
        promise(async move { client.carts().update(&customer_id, &cart).await })
    }

    /// E10 `GET /v1/customers/{customerId}/carts/{cartId}`. Rejects with 404 `800008`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Cart>")]
    pub fn get(&self, customer_id: String, cart_id: String) -> Promise {
        let client = self.0.clone();
        promise(async move { client.carts().get(&customer_id, &cart_id).await })
    }

    /// E11 `POST …/carts/{cartId}/checkout`: orders per order group, and `orderErrors` for groups
    /// that failed. Idempotent: the cart and `MS-RequestId` are journaled before the request
    /// leaves, retries re-use the ID, and `resumeCheckouts()` finishes a checkout whose answer
    /// was lost — a cart is never bought twice.
    #[wasm_bindgen(unchecked_return_type = "Promise<CartCheckoutResult>")]
    pub fn checkout(&self, customer_id: String, cart_id: String) -> Promise {
        let client = self.0.clone();
        promise(async move { client.carts().checkout(&customer_id, &cart_id).await })
    }
}

/// Orders (E12–E15): `client.orders`.
#[wasm_bindgen]
pub struct Orders(JsClient);

#[wasm_bindgen]
impl Orders {
    /// E12 `GET /v1/customers/{customerId}/orders/{orderId}` (available at once after checkout).
    /// Rejects with 404 `20000`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Order>")]
    pub fn get(&self, customer_id: String, order_id: String) -> Promise {
        let client = self.0.clone();
        promise(async move { client.orders().get(&customer_id, &order_id).await })
    }

    /// E13 `GET /v1/customers/{customerId}/orders`, page after page. New orders can take up to 15
    /// minutes to be listed.
    #[wasm_bindgen(unchecked_return_type = "AsyncIterableIterator<Order>")]
    pub fn list(&self, customer_id: &str) -> JsValue {
        async_iterator(self.0.orders().list(customer_id))
    }

    /// E14 `GET /v1/customers/{customerId}/orders?billingType=` (`monthly`, `annual`,
    /// `one_time`, …), page after page.
    #[wasm_bindgen(
        js_name = byBillingCycle,
        unchecked_return_type = "AsyncIterableIterator<Order>"
    )]
    pub fn by_billing_cycle(&self, customer_id: &str, billing_cycle: &str) -> JsValue {
        async_iterator(self.0.orders().by_billing_cycle(customer_id, billing_cycle))
    }

    /// E15 `GET …/orders/{orderId}/provisioningstatus`: per line item.
    #[wasm_bindgen(
        js_name = provisioningStatus,
        unchecked_return_type = "Promise<OrderLineItemProvisioningStatus[]>"
    )]
    pub fn provisioning_status(&self, customer_id: String, order_id: String) -> Promise {
        let client = self.0.clone();
        promise(async move {
            client
                .orders()
                .provisioning_status(&customer_id, &order_id)
                .await
        })
    }

    /// `GET …/orders/{orderId}/lineitems/{lineItemNumber}/activationlinks` (marketplace SaaS).
    #[wasm_bindgen(
        js_name = activationLinks,
        unchecked_return_type = "Promise<unknown[]>"
    )]
    pub fn activation_links(
        &self,
        customer_id: String,
        order_id: String,
        line_item_number: u32,
    ) -> Promise {
        let client = self.0.clone();
        promise(async move {
            client
                .orders()
                .activation_links(&customer_id, &order_id, i64::from(line_item_number))
                .await
        })
    }
}

/// Subscriptions and reservation registration (E16–E21): `client.subscriptions`.
#[wasm_bindgen]
pub struct Subscriptions(JsClient);

#[wasm_bindgen]
impl Subscriptions {
    /// E16 `GET /v1/customers/{customerId}/subscriptions`, page after page.
    #[wasm_bindgen(unchecked_return_type = "AsyncIterableIterator<Subscription>")]
    pub fn list(&self, customer_id: &str) -> JsValue {
        async_iterator(self.0.subscriptions().list(customer_id))
    }

    /// E17 `GET /v1/customers/{customerId}/subscriptions?order_id=`: the subscriptions an order
    /// created.
    #[wasm_bindgen(js_name = byOrder, unchecked_return_type = "Promise<Subscription[]>")]
    pub fn by_order(&self, customer_id: String, order_id: String) -> Promise {
        let client = self.0.clone();
        promise(async move {
            client
                .subscriptions()
                .by_order(&customer_id, &order_id)
                .await
        })
    }

    /// E18 `GET /v1/customers/{customerId}/subscriptions/{subscriptionId}`. Rejects with 404
    /// `20003`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Subscription>")]
    pub fn get(&self, customer_id: String, subscription_id: String) -> Promise {
        let client = self.0.clone();
        promise(async move {
            client
                .subscriptions()
                .get(&customer_id, &subscription_id)
                .await
        })
    }

    /// E19 `GET …/subscriptions/{subscriptionId}/provisioningstatus`.
    #[wasm_bindgen(
        js_name = provisioningStatus,
        unchecked_return_type = "Promise<SubscriptionProvisioningStatus>"
    )]
    pub fn provisioning_status(&self, customer_id: String, subscription_id: String) -> Promise {
        let client = self.0.clone();
        promise(async move {
            client
                .subscriptions()
                .provisioning_status(&customer_id, &subscription_id)
                .await
        })
    }

    /// E20 `POST …/subscriptions/{subscriptionId}/registrations`: registers an Azure subscription
    /// for reservations (202; poll `registrationStatus`). Rejects with 400 `800011` for a
    /// subscription that is not an Azure subscription.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn register(&self, customer_id: String, subscription_id: String) -> Promise {
        let client = self.0.clone();
        promise(async move {
            client
                .subscriptions()
                .register(&customer_id, &subscription_id)
                .await
        })
    }

    /// E21 `GET …/subscriptions/{subscriptionId}/registrationstatus`.
    #[wasm_bindgen(
        js_name = registrationStatus,
        unchecked_return_type = "Promise<SubscriptionRegistrationStatus>"
    )]
    pub fn registration_status(&self, customer_id: String, subscription_id: String) -> Promise {
        let client = self.0.clone();
        promise(async move {
            client
                .subscriptions()
                .registration_status(&customer_id, &subscription_id)
                .await
        })
    }
}

/// Entitlements (E22): `client.entitlements`.
#[wasm_bindgen]
pub struct Entitlements(JsClient);

#[wasm_bindgen]
impl Entitlements {
    /// E22 `GET /v1/customers/{customerId}/entitlements[?entitlementType=][&showExpiry=true]`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Entitlement[]>")]
    pub fn list(
        &self,
        customer_id: String,
        #[wasm_bindgen(unchecked_optional_param_type = "EntitlementQuery")] query: JsValue,
    ) -> Promise {
        let query: EntitlementQuery = match from_js_or_default(&query, "query") {
            Ok(query) => query,
            Err(error) => return Promise::reject(&error),
        };
        let client = self.0.clone();
        promise(async move {
            client
                .entitlements()
                .list(
                    &customer_id,
                    query.entitlement_type.as_deref(),
                    query.show_expiry.unwrap_or(false),
                )
                .await
        })
    }
}

/// Billing (E23–E28): `client.invoices`.
#[wasm_bindgen]
pub struct Invoices(JsClient);

#[wasm_bindgen]
impl Invoices {
    /// E23 `GET /v1/invoices/summary`: the account balance.
    #[wasm_bindgen(unchecked_return_type = "Promise<InvoiceSummary>")]
    pub fn balance(&self) -> Promise {
        let client = self.0.clone();
        promise(async move { client.invoices().balance().await })
    }

    /// E24 `GET /v1/invoices/summaries`: one summary per currency.
    #[wasm_bindgen(unchecked_return_type = "Promise<InvoiceSummary[]>")]
    pub fn summaries(&self) -> Promise {
        let client = self.0.clone();
        promise(async move { client.invoices().summaries().await })
    }

    /// E25 `GET /v1/invoices`, page after page.
    #[wasm_bindgen(unchecked_return_type = "AsyncIterableIterator<Invoice>")]
    pub fn list(&self) -> JsValue {
        async_iterator(self.0.invoices().list())
    }

    /// E26 `GET /v1/invoices/{invoiceId}`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Invoice>")]
    pub fn get(&self, invoice_id: String) -> Promise {
        let client = self.0.clone();
        promise(async move { client.invoices().get(&invoice_id).await })
    }

    /// E27 `GET /v1/invoices/{invoiceId}/documents/statement`: the PDF's bytes.
    #[wasm_bindgen(unchecked_return_type = "Promise<Uint8Array>")]
    pub fn statement(&self, invoice_id: String) -> Promise {
        let client = self.0.clone();
        future_to_promise(async move {
            match client.invoices().statement(&invoice_id).await {
                Ok(bytes) => Ok(js_sys::Uint8Array::from(bytes.as_slice()).into()),
                Err(error) => Err(partner_center_error(&error)),
            }
        })
    }

    /// E28 `GET /v1/invoices/{invoiceId}/lineitems?provider=&invoicelineitemtype=` (e.g.
    /// `onetime` / `billinglineitems`), page after page.
    #[wasm_bindgen(
        js_name = lineItems,
        unchecked_return_type = "AsyncIterableIterator<InvoiceLineItem>"
    )]
    pub fn line_items(&self, invoice_id: &str, provider: &str, line_item_type: &str) -> JsValue {
        async_iterator(
            self.0
                .invoices()
                .line_items(invoice_id, provider, line_item_type),
        )
    }
}

/// Customers, agreements and qualifications: `client.customers`.
#[wasm_bindgen]
pub struct Customers(JsClient);

#[wasm_bindgen]
impl Customers {
    /// `GET /v1/customers`, page after page: the partner's customers.
    #[wasm_bindgen(unchecked_return_type = "AsyncIterableIterator<Customer>")]
    pub fn list(&self) -> JsValue {
        async_iterator(self.0.customers().list())
    }

    /// `GET /v1/customers/{customerId}`. Rejects with 404 `60003` for a customer the partner does
    /// not have.
    #[wasm_bindgen(unchecked_return_type = "Promise<Customer>")]
    pub fn get(&self, customer_id: String) -> Promise {
        let client = self.0.clone();
        promise(async move { client.customers().get(&customer_id).await })
    }

    /// `GET /v1/customers/{customerId}/agreements[?agreementType=]`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Agreement[]>")]
    pub fn agreements(&self, customer_id: String, agreement_type: Option<String>) -> Promise {
        let client = self.0.clone();
        promise(async move {
            client
                .customers()
                .agreements(&customer_id, agreement_type.as_deref())
                .await
        })
    }

    /// `POST /v1/customers/{customerId}/agreements`: confirms the customer's acceptance (e.g. of
    /// the Microsoft Customer Agreement, without which new commerce fails with 13605).
    #[wasm_bindgen(
        js_name = acceptAgreement,
        unchecked_return_type = "Promise<Agreement>"
    )]
    pub fn accept_agreement(
        &self,
        customer_id: String,
        #[wasm_bindgen(unchecked_param_type = "Agreement")] agreement: JsValue,
    ) -> Promise {
        let agreement: Agreement = match argument(&agreement, "agreement") {
            Ok(agreement) => agreement,
            Err(rejected) => return rejected,
        };
        let client = self.0.clone();
        promise(async move {
            client
                .customers()
                .accept_agreement(&customer_id, &agreement)
                .await
        })
    }

    /// `GET /v1/customers/{customerId}/qualifications` (e.g. `Education`).
    #[wasm_bindgen(unchecked_return_type = "Promise<CustomerQualification[]>")]
    pub fn qualifications(&self, customer_id: String) -> Promise {
        let client = self.0.clone();
        promise(async move { client.customers().qualifications(&customer_id).await })
    }

    /// `GET /v1/agreements?agreementType=`: agreement templates (the ID to accept with).
    #[wasm_bindgen(
        js_name = agreementTemplates,
        unchecked_return_type = "Promise<unknown[]>"
    )]
    pub fn agreement_templates(&self, agreement_type: String) -> Promise {
        let client = self.0.clone();
        promise(async move {
            client
                .customers()
                .agreement_templates(&agreement_type)
                .await
        })
    }
}
