//! `PartnerCenterClient`: pc-client for JavaScript. Every operation returns a promise of the
//! Partner Center resource (a plain object of the `models.d.ts` types); collections that Partner
//! Center pages are async iterators that fetch the next page when the current one is used up;
//! failures are `PartnerCenterError`s.
//!
//! Tokens, retries (backoff with jitter, `Retry-After`), `MS-RequestId` / `MS-CorrelationId`,
//! `X-Locale` and the idempotent checkout journal are pc-client's.

use js_sys::{Function, JSON, Promise};
use pc_client::journal::LocalStorageJournal;
use pc_client::transport::BrowserTransport;
use pc_client::{Client, Operation, TokenFn, requests};
use pc_core::models::{Cart, OrderLineItem, Subscription};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, future_to_promise};

use crate::convert::{from_js, from_js_or_default, input_error, json_of, to_js};
use crate::support::{async_iterator, partner_center_error};
use crate::types::{
    BilledQuery, CatalogQuery, ClientOptions, EntitlementQuery, ProductQuery, ResumedCheckout,
    UnbilledQuery,
};

/// The pc-client this package drives: `fetch` (gloo-net), in browsers and in Node ≥ 18.
type JsClient = Client<BrowserTransport>;

/// A promise of the response body of `operation`, parsed as JSON exactly as Partner Center sent
/// it (`undefined` for an empty body), or rejected with its `PartnerCenterError`.
fn send(client: &JsClient, operation: Operation) -> Promise {
    let client = client.clone();
    future_to_promise(async move {
        let reply = client
            .send(&operation)
            .await
            .map_err(|e| partner_center_error(&e))?;
        let body = String::from_utf8_lossy(&reply.response.body);
        if body.trim().is_empty() {
            return Ok(JsValue::UNDEFINED);
        }
        JSON::parse(&body).map_err(|error| {
            partner_center_error(&pc_client::Error::Decode {
                status: reply.response.status,
                path: "$".to_owned(),
                message: describe(&error),
                request_id: reply.request_id.clone(),
                correlation_id: reply.correlation_id.clone(),
            })
        })
    })
}

/// A promise of every item of a paged collection, as an array, or rejected with the first
/// failed page's `PartnerCenterError`.
fn all(client: &JsClient, operation: Operation) -> Promise {
    let client = client.clone();
    future_to_promise(async move {
        let items: Vec<Value> = client
            .all(operation)
            .await
            .map_err(|e| partner_center_error(&e))?;
        to_js(&items)
    })
}

/// An async iterator over the items of a paged collection.
fn pages(client: &JsClient, operation: Operation) -> JsValue {
    async_iterator(client.paged::<Value>(operation))
}

/// The JSON text of argument `name` as a promise-returning operation's input: the rejected
/// promise when it has none.
fn body_of(value: &JsValue, name: &str) -> Result<String, Promise> {
    json_of(value, name).map_err(|error| Promise::reject(&error))
}

/// The text of a thrown JavaScript value.
fn describe(thrown: &JsValue) -> String {
    thrown
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| thrown.as_string())
        .unwrap_or_else(|| "an exception that is not an Error".to_owned())
}

/// The host's `options.getToken(fresh)` (returning a string or a promise of one) as pc-client's
/// token provider.
///
/// # Errors
/// A `TypeError` naming `$.options.getToken` when it is not a function.
pub(crate) fn host_tokens(
    options: &JsValue,
) -> Result<impl pc_client::TokenProvider + 'static, JsValue> {
    let get_token = js_sys::Reflect::get(options, &JsValue::from_str("getToken"))?
        .dyn_into::<Function>()
        .map_err(|_| input_error("$.options.getToken", "expected a function"))?;
    Ok(TokenFn(move |fresh: bool| {
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
    }))
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
        let tokens = host_tokens(&options)?;
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

    /// Billing (E23–E28), invoice estimate links, unbilled and billed reconciliation and
    /// consumption line items.
    #[wasm_bindgen(getter)]
    pub fn invoices(&self) -> Invoices {
        Invoices(self.client.clone())
    }

    /// Customers, agreements and qualifications.
    #[wasm_bindgen(getter)]
    pub fn customers(&self) -> Customers {
        Customers(self.client.clone())
    }

    /// Partner Center's time now (ISO 8601, UTC): this machine's clock corrected by the skew the
    /// responses' `Date` headers showed (this machine's clock before any response). Pass it as
    /// `now` to the lifecycle rules (`allowedChanges`, `checkChange`, `refund`, …) so their
    /// windows agree with the server's. Across origins the server must expose `Date`
    /// (`Access-Control-Expose-Headers`) for browsers to see it.
    #[wasm_bindgen(js_name = serverNow)]
    pub fn server_now(&self) -> String {
        self.client
            .server_now()
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    }

    /// Server time − this machine's time in milliseconds, or `null` before a response with a
    /// `Date` header arrived.
    #[wasm_bindgen(getter, js_name = serverTimeSkew, unchecked_return_type = "number | null")]
    pub fn server_time_skew(&self) -> JsValue {
        // Exact for any skew below 2^53 ms.
        #[allow(clippy::cast_precision_loss)]
        self.client.server_time_skew().map_or(JsValue::NULL, |d| {
            JsValue::from_f64(d.num_milliseconds() as f64)
        })
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
                .resume_checkouts_as::<Value>()
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
    ///
    /// # Errors
    /// Throws a `TypeError` naming the bad member of `query` (e.g. `$.query.targetView`).
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
        Ok(pages(
            &self.0,
            requests::products(&catalog, &query.target_view),
        ))
    }

    /// E2 `GET /v1/products/{productId}?country=`. Rejects with 404 `400013` when the product
    /// does not exist.
    #[wasm_bindgen(unchecked_return_type = "Promise<Product>")]
    pub fn get(
        &self,
        #[wasm_bindgen(js_name = productId)] product_id: &str,
        #[wasm_bindgen(unchecked_param_type = "CatalogQuery")] query: JsValue,
    ) -> Promise {
        match from_js::<CatalogQuery>(&query, "query") {
            Ok(query) => send(&self.0, requests::product(product_id, &query.as_client())),
            Err(error) => Promise::reject(&error),
        }
    }

    /// `GET /v1/customers/{customerId}/products?targetView=`: the products for the customer's
    /// country, page after page.
    #[wasm_bindgen(
        js_name = forCustomer,
        unchecked_return_type = "AsyncIterableIterator<Product>"
    )]
    pub fn for_customer(
        &self,
        #[wasm_bindgen(js_name = customerId)] customer_id: &str,
        #[wasm_bindgen(js_name = targetView)] target_view: &str,
    ) -> JsValue {
        pages(
            &self.0,
            requests::customer_products(customer_id, target_view),
        )
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
        #[wasm_bindgen(js_name = productId)] product_id: &str,
        #[wasm_bindgen(unchecked_param_type = "CatalogQuery")] query: JsValue,
    ) -> Promise {
        match from_js::<CatalogQuery>(&query, "query") {
            Ok(query) => all(&self.0, requests::skus(product_id, &query.as_client())),
            Err(error) => Promise::reject(&error),
        }
    }

    /// E4 `GET /v1/products/{productId}/skus/{skuId}?country=`. Rejects with 404 `400013` /
    /// `400018`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Sku>")]
    pub fn get(
        &self,
        #[wasm_bindgen(js_name = productId)] product_id: &str,
        #[wasm_bindgen(js_name = skuId)] sku_id: &str,
        #[wasm_bindgen(unchecked_param_type = "CatalogQuery")] query: JsValue,
    ) -> Promise {
        match from_js::<CatalogQuery>(&query, "query") {
            Ok(query) => send(
                &self.0,
                requests::sku(product_id, sku_id, &query.as_client()),
            ),
            Err(error) => Promise::reject(&error),
        }
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
        #[wasm_bindgen(js_name = productId)] product_id: &str,
        #[wasm_bindgen(js_name = skuId)] sku_id: &str,
        #[wasm_bindgen(unchecked_param_type = "CatalogQuery")] query: JsValue,
    ) -> Promise {
        match from_js::<CatalogQuery>(&query, "query") {
            Ok(query) => all(
                &self.0,
                requests::availabilities(product_id, sku_id, &query.as_client()),
            ),
            Err(error) => Promise::reject(&error),
        }
    }

    /// E6 `GET …/availabilities/{availabilityId}?country=`. Rejects with 404 `400019` when the
    /// availability is gone.
    #[wasm_bindgen(unchecked_return_type = "Promise<Availability>")]
    pub fn get(
        &self,
        #[wasm_bindgen(js_name = productId)] product_id: &str,
        #[wasm_bindgen(js_name = skuId)] sku_id: &str,
        #[wasm_bindgen(js_name = availabilityId)] availability_id: &str,
        country: &str,
    ) -> Promise {
        send(
            &self.0,
            requests::availability(product_id, sku_id, availability_id, country),
        )
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
        country: &str,
    ) -> Promise {
        match body_of(&request, "request") {
            Ok(body) => send(&self.0, requests::check_inventory(body, country)),
            Err(rejected) => rejected,
        }
    }
}

/// Carts and checkout (E8–E11): `client.carts`.
#[wasm_bindgen]
pub struct Carts(JsClient);

#[wasm_bindgen]
impl Carts {
    /// E8 `POST /v1/customers/{customerId}/carts`: the created cart, with `id`, `orderGroup`,
    /// pricing and line `error`s filled by Partner Center. A retry after a timeout re-uses the
    /// `MS-RequestId`, so it cannot create a second cart. The cart is checked to be a cart
    /// (rejecting with a `TypeError` naming the bad member) and sent as given.
    #[wasm_bindgen(unchecked_return_type = "Promise<Cart>")]
    pub fn create(
        &self,
        #[wasm_bindgen(js_name = customerId)] customer_id: &str,
        #[wasm_bindgen(unchecked_param_type = "Cart")] cart: JsValue,
    ) -> Promise {
        match checked_cart(&cart) {
            Ok((body, _)) => send(&self.0, requests::create_cart(customer_id, body)),
            Err(rejected) => rejected,
        }
    }

    /// E9 `PUT /v1/customers/{customerId}/carts/{cart.id}` with the whole cart (members this
    /// version does not know are sent as they are). Rejects with 400 `800065` for an ordered
    /// cart, and with a `TypeError` at `$.cart.id` for a cart without an `id`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Cart>")]
    pub fn update(
        &self,
        #[wasm_bindgen(js_name = customerId)] customer_id: &str,
        #[wasm_bindgen(unchecked_param_type = "Cart")] cart: JsValue,
    ) -> Promise {
        match checked_cart(&cart) {
            Ok((body, Cart { id: Some(id), .. })) => send(
                &self.0,
                requests::update_cart(customer_id, id.as_str(), body),
            ),
            Ok(_) => Promise::reject(&input_error("$.cart.id", "missing; create the cart first")),
            Err(rejected) => rejected,
        }
    }

    /// E10 `GET /v1/customers/{customerId}/carts/{cartId}`. Rejects with 404 `800008`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Cart>")]
    pub fn get(
        &self,
        #[wasm_bindgen(js_name = customerId)] customer_id: &str,
        #[wasm_bindgen(js_name = cartId)] cart_id: &str,
    ) -> Promise {
        send(&self.0, requests::cart(customer_id, cart_id))
    }

    /// E11 `POST …/carts/{cartId}/checkout`: orders per order group, and `orderErrors` for groups
    /// that failed. Idempotent: the cart and `MS-RequestId` are journaled before the request
    /// leaves, retries re-use the ID, and `resumeCheckouts()` finishes a checkout whose answer
    /// was lost — a cart is never bought twice.
    #[wasm_bindgen(unchecked_return_type = "Promise<CartCheckoutResult>")]
    pub fn checkout(
        &self,
        #[wasm_bindgen(js_name = customerId)] customer_id: String,
        #[wasm_bindgen(js_name = cartId)] cart_id: String,
    ) -> Promise {
        let client = self.0.clone();
        future_to_promise(async move {
            let result: Value = client
                .carts()
                .checkout_as(&customer_id, &cart_id)
                .await
                .map_err(|e| partner_center_error(&e))?;
            to_js(&result)
        })
    }
}

/// The JSON text of a cart argument, and the cart it decodes to; the rejected promise (a
/// `TypeError` naming the path, e.g. `$.cart.lineItems[0].quantity`) when it is not a cart.
fn checked_cart(cart: &JsValue) -> Result<(String, Cart), Promise> {
    let body = body_of(cart, "cart")?;
    let decoded = crate::convert::decode_json(&body, "cart").map_err(|e| Promise::reject(&e))?;
    Ok((body, decoded))
}

/// Orders (E12–E15): `client.orders`.
#[wasm_bindgen]
pub struct Orders(JsClient);

#[wasm_bindgen]
impl Orders {
    /// E12 `GET /v1/customers/{customerId}/orders/{orderId}` (available at once after checkout).
    /// Rejects with 404 `20000`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Order>")]
    pub fn get(
        &self,
        #[wasm_bindgen(js_name = customerId)] customer_id: &str,
        #[wasm_bindgen(js_name = orderId)] order_id: &str,
    ) -> Promise {
        send(&self.0, requests::order(customer_id, order_id))
    }

    /// E13 `GET /v1/customers/{customerId}/orders`, page after page. New orders can take up to 15
    /// minutes to be listed.
    #[wasm_bindgen(unchecked_return_type = "AsyncIterableIterator<Order>")]
    pub fn list(&self, #[wasm_bindgen(js_name = customerId)] customer_id: &str) -> JsValue {
        pages(&self.0, requests::orders(customer_id))
    }

    /// E14 `GET /v1/customers/{customerId}/orders?billingType=` (`monthly`, `annual`,
    /// `one_time`, …), page after page.
    #[wasm_bindgen(
        js_name = byBillingCycle,
        unchecked_return_type = "AsyncIterableIterator<Order>"
    )]
    pub fn by_billing_cycle(
        &self,
        #[wasm_bindgen(js_name = customerId)] customer_id: &str,
        #[wasm_bindgen(js_name = billingCycle)] billing_cycle: &str,
    ) -> JsValue {
        pages(
            &self.0,
            requests::orders_by_billing_cycle(customer_id, billing_cycle),
        )
    }

    /// E15 `GET …/orders/{orderId}/provisioningstatus`: per line item.
    #[wasm_bindgen(
        js_name = provisioningStatus,
        unchecked_return_type = "Promise<OrderLineItemProvisioningStatus[]>"
    )]
    pub fn provisioning_status(
        &self,
        #[wasm_bindgen(js_name = customerId)] customer_id: &str,
        #[wasm_bindgen(js_name = orderId)] order_id: &str,
    ) -> Promise {
        all(
            &self.0,
            requests::order_provisioning_status(customer_id, order_id),
        )
    }

    /// `PATCH /v1/customers/{customerId}/orders/{orderId}` with `{id, status: "cancelled",
    /// lineItems}` (Partner Center page *Cancel software purchases*): cancels the given lines of
    /// a software order within their window (perpetual software 30 days, software subscriptions
    /// 168 hours) for a refund; resolves to the order. `checkSoftwareCancellation` and
    /// `softwareRefund` tell beforehand. Rejects with a `TypeError` at `$.lineItems` for lines
    /// that are not order lines or none, with 400 `900117` when the window has passed.
    #[wasm_bindgen(js_name = cancelLineItems, unchecked_return_type = "Promise<Order>")]
    pub fn cancel_line_items(
        &self,
        #[wasm_bindgen(js_name = customerId)] customer_id: &str,
        #[wasm_bindgen(js_name = orderId)] order_id: &str,
        #[wasm_bindgen(js_name = lineItems, unchecked_param_type = "OrderLineItem[]")]
        line_items: JsValue,
    ) -> Promise {
        let lines = match crate::convert::from_js::<Vec<OrderLineItem>>(&line_items, "lineItems") {
            Ok(lines) if !lines.is_empty() => lines,
            Ok(_) => {
                return Promise::reject(&input_error("$.lineItems", "no order lines to cancel"));
            }
            Err(error) => return Promise::reject(&error),
        };
        let client = self.0.clone();
        let (customer_id, order_id) = (customer_id.to_owned(), order_id.to_owned());
        future_to_promise(async move {
            let order: Value = client
                .orders()
                .cancel_line_items_as(&customer_id, &order_id, &lines)
                .await
                .map_err(|e| partner_center_error(&e))?;
            to_js(&order)
        })
    }

    /// `GET …/orders/{orderId}/lineitems/{lineItemNumber}/activationlinks` (marketplace SaaS).
    #[wasm_bindgen(
        js_name = activationLinks,
        unchecked_return_type = "Promise<unknown[]>"
    )]
    pub fn activation_links(
        &self,
        #[wasm_bindgen(js_name = customerId)] customer_id: &str,
        #[wasm_bindgen(js_name = orderId)] order_id: &str,
        #[wasm_bindgen(js_name = lineItemNumber)] line_item_number: u32,
    ) -> Promise {
        all(
            &self.0,
            requests::activation_links(customer_id, order_id, i64::from(line_item_number)),
        )
    }
}

/// Subscriptions and reservation registration (E16–E21): `client.subscriptions`.
#[wasm_bindgen]
pub struct Subscriptions(JsClient);

#[wasm_bindgen]
impl Subscriptions {
    /// E16 `GET /v1/customers/{customerId}/subscriptions`, page after page.
    #[wasm_bindgen(unchecked_return_type = "AsyncIterableIterator<Subscription>")]
    pub fn list(&self, #[wasm_bindgen(js_name = customerId)] customer_id: &str) -> JsValue {
        pages(&self.0, requests::subscriptions(customer_id))
    }

    /// E17 `GET /v1/customers/{customerId}/subscriptions?order_id=`: the subscriptions an order
    /// created.
    #[wasm_bindgen(js_name = byOrder, unchecked_return_type = "Promise<Subscription[]>")]
    pub fn by_order(
        &self,
        #[wasm_bindgen(js_name = customerId)] customer_id: &str,
        #[wasm_bindgen(js_name = orderId)] order_id: &str,
    ) -> Promise {
        all(
            &self.0,
            requests::subscriptions_by_order(customer_id, order_id),
        )
    }

    /// E18 `GET /v1/customers/{customerId}/subscriptions/{subscriptionId}`. Rejects with 404
    /// `20003`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Subscription>")]
    pub fn get(
        &self,
        #[wasm_bindgen(js_name = customerId)] customer_id: &str,
        #[wasm_bindgen(js_name = subscriptionId)] subscription_id: &str,
    ) -> Promise {
        send(
            &self.0,
            requests::subscription(customer_id, subscription_id),
        )
    }

    /// `PATCH /v1/customers/{customerId}/subscriptions/{subscription.id}` with the subscription as
    /// read, its changed members changed: `quantity` up or down, `status: "deleted"` to cancel,
    /// `autoRenewEnabled`, `scheduledNextTermInstructions` (an object schedules quantity, term
    /// and billing cycle for the renewal; `null` removes it). Members this version does not know
    /// are sent as they are; `attributes.etag` lets Partner Center refuse a change to a
    /// subscription that changed meanwhile (412). Resolves to the updated subscription.
    /// `allowedChanges`, `checkChange` and `refund` tell beforehand what is allowed and what it
    /// refunds. Rejects with 400 `900117` (cancellation window passed), `900214` (seat-reduction
    /// window passed), `800090` (cannot decrease that far), `900275` (quantity out of range), and
    /// with a `TypeError` at `$.subscription.id` for a subscription without an `id`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Subscription>")]
    pub fn update(
        &self,
        #[wasm_bindgen(js_name = customerId)] customer_id: &str,
        #[wasm_bindgen(unchecked_param_type = "Subscription")] subscription: JsValue,
    ) -> Promise {
        let body = match body_of(&subscription, "subscription") {
            Ok(body) => body,
            Err(rejected) => return rejected,
        };
        match crate::convert::decode_json::<Subscription>(&body, "subscription") {
            Ok(Subscription { id: Some(id), .. }) => send(
                &self.0,
                requests::update_subscription(customer_id, id.as_str(), body),
            ),
            Ok(_) => Promise::reject(&input_error("$.subscription.id", "missing")),
            Err(error) => Promise::reject(&error),
        }
    }

    /// E19 `GET …/subscriptions/{subscriptionId}/provisioningstatus`.
    #[wasm_bindgen(
        js_name = provisioningStatus,
        unchecked_return_type = "Promise<SubscriptionProvisioningStatus>"
    )]
    pub fn provisioning_status(
        &self,
        #[wasm_bindgen(js_name = customerId)] customer_id: &str,
        #[wasm_bindgen(js_name = subscriptionId)] subscription_id: &str,
    ) -> Promise {
        send(
            &self.0,
            requests::subscription_provisioning_status(customer_id, subscription_id),
        )
    }

    /// E20 `POST …/subscriptions/{subscriptionId}/registrations`: registers an Azure subscription
    /// for reservations (202; poll `registrationStatus`). Rejects with 400 `800011` for a
    /// subscription that is not an Azure subscription.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn register(
        &self,
        #[wasm_bindgen(js_name = customerId)] customer_id: &str,
        #[wasm_bindgen(js_name = subscriptionId)] subscription_id: &str,
    ) -> Promise {
        let client = self.0.clone();
        let operation = requests::register_subscription(customer_id, subscription_id);
        future_to_promise(async move {
            client
                .send(&operation)
                .await
                .map_err(|e| partner_center_error(&e))?;
            Ok(JsValue::UNDEFINED)
        })
    }

    /// E21 `GET …/subscriptions/{subscriptionId}/registrationstatus`.
    #[wasm_bindgen(
        js_name = registrationStatus,
        unchecked_return_type = "Promise<SubscriptionRegistrationStatus>"
    )]
    pub fn registration_status(
        &self,
        #[wasm_bindgen(js_name = customerId)] customer_id: &str,
        #[wasm_bindgen(js_name = subscriptionId)] subscription_id: &str,
    ) -> Promise {
        send(
            &self.0,
            requests::subscription_registration_status(customer_id, subscription_id),
        )
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
        #[wasm_bindgen(js_name = customerId)] customer_id: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "EntitlementQuery")] query: JsValue,
    ) -> Promise {
        match from_js_or_default::<EntitlementQuery>(&query, "query") {
            Ok(query) => all(
                &self.0,
                requests::entitlements(
                    customer_id,
                    query.entitlement_type.as_deref(),
                    query.show_expiry.unwrap_or(false),
                ),
            ),
            Err(error) => Promise::reject(&error),
        }
    }
}

/// Billing (E23–E28), estimate links, unbilled and billed line items: `client.invoices`.
#[wasm_bindgen]
pub struct Invoices(JsClient);

#[wasm_bindgen]
impl Invoices {
    /// E23 `GET /v1/invoices/summary`: the account balance.
    #[wasm_bindgen(unchecked_return_type = "Promise<InvoiceSummary>")]
    pub fn balance(&self) -> Promise {
        send(&self.0, requests::invoice_balance())
    }

    /// E24 `GET /v1/invoices/summaries`: one summary per currency.
    #[wasm_bindgen(unchecked_return_type = "Promise<InvoiceSummary[]>")]
    pub fn summaries(&self) -> Promise {
        all(&self.0, requests::invoice_summaries())
    }

    /// E25 `GET /v1/invoices`, page after page.
    #[wasm_bindgen(unchecked_return_type = "AsyncIterableIterator<Invoice>")]
    pub fn list(&self) -> JsValue {
        pages(&self.0, requests::invoices())
    }

    /// E26 `GET /v1/invoices/{invoiceId}`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Invoice>")]
    pub fn get(&self, #[wasm_bindgen(js_name = invoiceId)] invoice_id: &str) -> Promise {
        send(&self.0, requests::invoice(invoice_id))
    }

    /// E27 `GET /v1/invoices/{invoiceId}/documents/statement`: the PDF's bytes.
    #[wasm_bindgen(unchecked_return_type = "Promise<Uint8Array>")]
    pub fn statement(&self, #[wasm_bindgen(js_name = invoiceId)] invoice_id: &str) -> Promise {
        let client = self.0.clone();
        let operation = requests::invoice_statement(invoice_id);
        future_to_promise(async move {
            let reply = client
                .send(&operation)
                .await
                .map_err(|e| partner_center_error(&e))?;
            Ok(js_sys::Uint8Array::from(reply.response.body.as_slice()).into())
        })
    }

    /// E28 `GET /v1/invoices/{invoiceId}/lineitems?provider=&invoicelineitemtype=` (e.g.
    /// `onetime` / `billinglineitems`), page after page.
    #[wasm_bindgen(
        js_name = lineItems,
        unchecked_return_type = "AsyncIterableIterator<InvoiceLineItem>"
    )]
    pub fn line_items(
        &self,
        #[wasm_bindgen(js_name = invoiceId)] invoice_id: &str,
        provider: &str,
        #[wasm_bindgen(js_name = lineItemType)] line_item_type: &str,
    ) -> JsValue {
        pages(
            &self.0,
            requests::invoice_line_items(invoice_id, provider, line_item_type),
        )
    }

    /// `GET /v1/invoices/estimates/links?currencycode=`: where the unbilled consumption
    /// (`daily_rated_usage`) and reconciliation (`non_consumption`) line items of the current and
    /// previous period are, in `currencyCode` (ISO 4217). Rejects with 400 `800002` for a
    /// malformed currency.
    #[wasm_bindgen(
        js_name = estimateLinks,
        unchecked_return_type = "Promise<EstimateLink[]>"
    )]
    pub fn estimate_links(
        &self,
        #[wasm_bindgen(js_name = currencyCode)] currency: &str,
    ) -> Promise {
        all(&self.0, requests::invoice_estimate_links(currency))
    }

    /// Unbilled reconciliation line items, `GET /v1/invoices/unbilled/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&currencycode=&period=`:
    /// the `OneTimeInvoiceLineItem`s not invoiced yet (purchases, refunds, renewals) of
    /// `query.period` (`current` by default, or `previous`) in `currencyCode`, page after page
    /// (seek paging: `links.next` with its `MS-ContinuationToken`).
    ///
    /// # Errors
    /// Throws a `TypeError` naming the bad member of `query` (e.g. `$.query.period`).
    #[wasm_bindgen(
        js_name = unbilledLineItems,
        unchecked_return_type = "AsyncIterableIterator<InvoiceLineItem>"
    )]
    pub fn unbilled_line_items(
        &self,
        #[wasm_bindgen(js_name = currencyCode)] currency: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "UnbilledQuery")] query: JsValue,
    ) -> Result<JsValue, JsValue> {
        let query: UnbilledQuery = from_js_or_default(&query, "query")?;
        Ok(pages(
            &self.0,
            requests::unbilled_line_items(
                "billinglineitems",
                currency,
                query.period.unwrap_or_default().as_client(),
                query.size,
            ),
        ))
    }

    /// Unbilled consumption, `…/unbilled/lineitems?provider=onetime&invoicelineitemtype=usagelineitems&…`:
    /// the Azure plans' `DailyRatedUsageLineItem`s of `query.period` in `currencyCode`, page
    /// after page, as `unbilledLineItems`.
    ///
    /// # Errors
    /// Throws a `TypeError` naming the bad member of `query`.
    #[wasm_bindgen(
        js_name = unbilledUsage,
        unchecked_return_type = "AsyncIterableIterator<InvoiceLineItem>"
    )]
    pub fn unbilled_usage(
        &self,
        #[wasm_bindgen(js_name = currencyCode)] currency: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "UnbilledQuery")] query: JsValue,
    ) -> Result<JsValue, JsValue> {
        let query: UnbilledQuery = from_js_or_default(&query, "query")?;
        Ok(pages(
            &self.0,
            requests::unbilled_line_items(
                "usagelineitems",
                currency,
                query.period.unwrap_or_default().as_client(),
                query.size,
            ),
        ))
    }

    /// Billed reconciliation line items of an invoice in one currency (E28 with
    /// `provider=onetime&invoicelineitemtype=billinglineitems&currencycode=`), page after page.
    ///
    /// # Errors
    /// Throws a `TypeError` naming the bad member of `query` (e.g. `$.query.size`).
    #[wasm_bindgen(
        js_name = billedLineItems,
        unchecked_return_type = "AsyncIterableIterator<InvoiceLineItem>"
    )]
    pub fn billed_line_items(
        &self,
        #[wasm_bindgen(js_name = invoiceId)] invoice_id: &str,
        #[wasm_bindgen(js_name = currencyCode)] currency: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "BilledQuery")] query: JsValue,
    ) -> Result<JsValue, JsValue> {
        let query: BilledQuery = from_js_or_default(&query, "query")?;
        Ok(pages(
            &self.0,
            requests::invoice_line_items_in(
                invoice_id,
                "onetime",
                "billinglineitems",
                currency,
                query.size,
            ),
        ))
    }

    /// Billed consumption of an invoice (`provider=onetime&invoicelineitemtype=usagelineitems&currencycode=`):
    /// its `DailyRatedUsageLineItem`s, page after page.
    ///
    /// # Errors
    /// Throws a `TypeError` naming the bad member of `query`.
    #[wasm_bindgen(
        js_name = billedUsage,
        unchecked_return_type = "AsyncIterableIterator<InvoiceLineItem>"
    )]
    pub fn billed_usage(
        &self,
        #[wasm_bindgen(js_name = invoiceId)] invoice_id: &str,
        #[wasm_bindgen(js_name = currencyCode)] currency: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "BilledQuery")] query: JsValue,
    ) -> Result<JsValue, JsValue> {
        let query: BilledQuery = from_js_or_default(&query, "query")?;
        Ok(pages(
            &self.0,
            requests::invoice_line_items_in(
                invoice_id,
                "onetime",
                "usagelineitems",
                currency,
                query.size,
            ),
        ))
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
        pages(&self.0, requests::customers())
    }

    /// `GET /v1/customers/{customerId}`. Rejects with 404 `60003` for a customer the partner does
    /// not have.
    #[wasm_bindgen(unchecked_return_type = "Promise<Customer>")]
    pub fn get(&self, #[wasm_bindgen(js_name = customerId)] customer_id: &str) -> Promise {
        send(&self.0, requests::customer(customer_id))
    }

    /// `GET /v1/customers/{customerId}/agreements[?agreementType=]`.
    #[wasm_bindgen(unchecked_return_type = "Promise<Agreement[]>")]
    pub fn agreements(
        &self,
        #[wasm_bindgen(js_name = customerId)] customer_id: &str,
        #[wasm_bindgen(js_name = agreementType)] agreement_type: Option<String>,
    ) -> Promise {
        all(
            &self.0,
            requests::agreements(customer_id, agreement_type.as_deref()),
        )
    }

    /// `POST /v1/customers/{customerId}/agreements`: confirms the customer's acceptance (e.g. of
    /// the Microsoft Customer Agreement, without which new commerce fails with 13605).
    #[wasm_bindgen(
        js_name = acceptAgreement,
        unchecked_return_type = "Promise<Agreement>"
    )]
    pub fn accept_agreement(
        &self,
        #[wasm_bindgen(js_name = customerId)] customer_id: &str,
        #[wasm_bindgen(unchecked_param_type = "Agreement")] agreement: JsValue,
    ) -> Promise {
        match body_of(&agreement, "agreement") {
            Ok(body) => send(&self.0, requests::accept_agreement(customer_id, body)),
            Err(rejected) => rejected,
        }
    }

    /// `GET /v1/customers/{customerId}/qualifications` (e.g. `Education`).
    #[wasm_bindgen(unchecked_return_type = "Promise<CustomerQualification[]>")]
    pub fn qualifications(
        &self,
        #[wasm_bindgen(js_name = customerId)] customer_id: &str,
    ) -> Promise {
        send(&self.0, requests::qualifications(customer_id))
    }

    /// `GET /v1/agreements?agreementType=`: agreement templates (the ID to accept with).
    #[wasm_bindgen(
        js_name = agreementTemplates,
        unchecked_return_type = "Promise<unknown[]>"
    )]
    pub fn agreement_templates(
        &self,
        #[wasm_bindgen(js_name = agreementType)] agreement_type: &str,
    ) -> Promise {
        all(&self.0, requests::agreement_templates(agreement_type))
    }
}
