//! Every read the pages make from Partner Center, in one place (model: leptos's
//! `login_with_token_csr_only` `api.rs`): one async function per page's data over pc-client,
//! independent requests sent together. The pages turn an [`Error`] into words
//! (`errors::explain`); nothing here touches the DOM or signals.

use std::collections::HashMap;

use futures_util::TryStreamExt as _;
use futures_util::future::{join, join_all, try_join, try_join_all, try_join3, try_join5};
use pc_client::{BillingPeriod, CatalogQuery, Error};
use pc_core::enums::RegistrationStatus;
use pc_core::models::{
    Availability, Customer, CustomerQualification, DailyRatedUsageLineItem, Decimal, Entitlement,
    Invoice, InvoiceLineItem, InvoiceSummary, OneTimeInvoiceLineItem, Order,
    OrderLineItemProvisioningStatus, Product, Sku, Subscription,
};
use pc_core::rules::{
    AzureSubscription, ProductKind, SubscriptionFacts, missing_order_ids, referenced_product_ids,
};
use serde_json::Value;

use crate::session::PortalClient;
use crate::state::{CustomerData, is_azure_plan};

/// The partner's customers, every page.
///
/// # Errors
/// Partner Center's answer to `GET /v1/customers` when it is not a success.
pub async fn customers(client: &PortalClient) -> Result<Vec<Customer>, Error> {
    client.customers().list().try_collect().await
}

thread_local! {
    /// Products already read (`GET /products/{id}?country=`), by `ID:COUNTRY` upper case.
    static PRODUCTS: std::cell::RefCell<HashMap<String, Product>> =
        std::cell::RefCell::new(HashMap::new());
}

/// A product by ID for `country`, read once per page load.
async fn cached_product(client: &PortalClient, id: &str, country: &str) -> Option<Product> {
    let key = format!("{id}:{country}").to_ascii_uppercase();
    if let Some(product) = PRODUCTS.with(|p| p.borrow().get(&key).cloned()) {
        return Some(product);
    }
    let query = CatalogQuery {
        country,
        ..CatalogQuery::default()
    };
    let product = client.products().get(id, &query).await.ok()?;
    PRODUCTS.with(|p| p.borrow_mut().insert(key, product.clone()));
    Some(product)
}

/// Loads everything the rules need about `customer_id`: customer, qualifications,
/// agreements, every page of orders (and by ID the orders of subscriptions not listed yet),
/// subscriptions, the products the orders name, and the registration status of each Azure
/// plan — in two rounds of concurrent requests: the first five reads, then what depends on
/// them.
///
/// # Errors
/// The first failing call's [`Error`] (an order or product that cannot be read by ID is left
/// out instead).
pub async fn customer(client: &PortalClient, customer_id: &str) -> Result<CustomerData, Error> {
    // The five reads that need nothing else go out together.
    let customers = client.customers();
    let (customer, qualifications, agreements, subscriptions, mut orders) = try_join5(
        customers.get(customer_id),
        customers.qualifications(customer_id),
        customers.agreements(customer_id, None),
        client
            .subscriptions()
            .list(customer_id)
            .try_collect::<Vec<Subscription>>(),
        client
            .orders()
            .list(customer_id)
            .try_collect::<Vec<Order>>(),
    )
    .await?;
    let country = customer
        .country()
        .unwrap_or_default()
        .trim()
        .to_ascii_uppercase();
    // Then, together: the orders the list lacks followed by the products the orders name,
    // and the registration of each Azure plan.
    let orders_and_products = async {
        let missing = missing_order_ids(&orders, &subscriptions);
        let found = join_all(
            missing
                .iter()
                .map(|id| async move { client.orders().get(customer_id, id).await.ok() }),
        )
        .await;
        orders.extend(found.into_iter().flatten());
        let referenced = referenced_product_ids(&orders);
        let products: Vec<Product> = join_all(
            referenced
                .iter()
                .map(|id| cached_product(client, id, &country)),
        )
        .await
        .into_iter()
        .flatten()
        .collect();
        Ok::<_, Error>(products)
    };
    let azure_plans: Vec<String> = subscriptions
        .iter()
        .filter(|s| is_azure_plan(s))
        .filter_map(|s| s.id.as_ref().map(|i| i.as_str().to_owned()))
        .collect();
    let statuses = try_join_all(azure_plans.into_iter().map(|id| async move {
        let mut status = client
            .subscriptions()
            .registration_status(customer_id, &id)
            .await?;
        status.subscription_id = Some(id);
        Ok::<_, Error>(status)
    }));
    let (products, registrations) = try_join(orders_and_products, statuses).await?;
    let azure_subscriptions = registrations
        .iter()
        .filter_map(|status| {
            Some(AzureSubscription {
                id: status.subscription_id.clone()?,
                registration_status: status
                    .status
                    .as_ref()
                    .map(|s| s.value().clone())
                    .unwrap_or(RegistrationStatus::NotRegistered),
            })
        })
        .collect();
    Ok(CustomerData {
        segment: CustomerQualification::segment_of(&qualifications),
        customer,
        qualifications,
        agreements,
        orders,
        subscriptions,
        products,
        registrations,
        azure_subscriptions,
    })
}

/// Every page of the products of one catalog view (`targetView`, e.g. `OnlineServices`) for a
/// customer's `country` (ISO 3166) and `segment` (`commercial`, `education`…).
///
/// # Errors
/// Partner Center's answer to `GET /v1/products?country=…&targetView=…&targetSegment=…` when
/// it is not a success.
pub async fn catalog_view(
    client: &PortalClient,
    country: &str,
    segment: &str,
    view: &str,
) -> Result<Vec<Product>, Error> {
    let query = CatalogQuery {
        country,
        target_segment: Some(segment),
        azure_plan_scope: false,
    };
    client.products().list(&query, view).try_collect().await
}

/// A product's SKUs for `country` (ISO 3166), each with its availabilities; the SKUs' reads go
/// out together (a reservation product has dozens of SKUs).
///
/// # Errors
/// Listing the SKUs or any SKU's availabilities failed.
pub async fn skus_with_availabilities(
    client: &PortalClient,
    product_id: &str,
    country: &str,
) -> Result<Vec<(Sku, Vec<Availability>)>, Error> {
    let query = CatalogQuery {
        country,
        ..CatalogQuery::default()
    };
    let skus = client.skus().list(product_id, &query).await?;
    let query = &query;
    try_join_all(skus.into_iter().map(|sku| async move {
        let sku_id = sku
            .id
            .as_ref()
            .map(|i| i.as_str().to_owned())
            .unwrap_or_default();
        let availabilities = client
            .availabilities()
            .list(product_id, &sku_id, query)
            .await?;
        Ok((sku, availabilities))
    }))
    .await
}

/// The customer's orders: with `billing_cycle` empty every order, plus (second) the orders the
/// subscriptions name that the list lacks (read by ID); else only the orders of that billing
/// cycle (`monthly`, `annual`, `one_time`…) and no extra ones.
///
/// # Errors
/// Listing the orders failed.
pub async fn orders(
    client: &PortalClient,
    customer_id: &str,
    billing_cycle: &str,
) -> Result<(Vec<Order>, Vec<Order>), Error> {
    let orders = client.orders();
    if !billing_cycle.is_empty() {
        let list = orders
            .by_billing_cycle(customer_id, billing_cycle)
            .try_collect()
            .await?;
        return Ok((list, Vec::new()));
    }
    let list: Vec<Order> = orders.list(customer_id).try_collect().await?;
    let known = orders_of_subscriptions(client, customer_id, &list).await;
    Ok((list, known))
}

/// One order with everything its page shows: the order, its lines' provisioning status and the
/// subscriptions it created (read together), each line's activation links, its billing lines
/// and its software lines (`country`: the customer's, for the availabilities).
///
/// # Errors
/// Reading the order, its provisioning status or its subscriptions failed; activation links,
/// billing and software lines are conveniences left empty when they cannot be read.
pub async fn order(
    client: &PortalClient,
    customer_id: &str,
    order_id: &str,
    country: &str,
) -> Result<OrderView, Error> {
    let orders = client.orders();
    let (order, provisioning, subscriptions) = try_join3(
        orders.get(customer_id, order_id),
        orders.provisioning_status(customer_id, order_id),
        client.subscriptions().by_order(customer_id, order_id),
    )
    .await?;
    let numbers: Vec<i64> = order
        .line_items
        .iter()
        .flatten()
        .filter_map(|l| l.line_item_number)
        .collect();
    let links = join_all(numbers.into_iter().map(|number| async move {
        let links = client
            .orders()
            .activation_links(customer_id, order_id, number)
            .await
            .unwrap_or_default();
        (number, links)
    }));
    let currency = order.currency_code.clone().unwrap_or_default();
    let billing = async {
        billing_lines(client, order_id, &currency)
            .await
            .unwrap_or_default()
    };
    let ((activation_links, billing), software) = join(
        join(links, billing),
        software_lines(client, &order, country),
    )
    .await;
    Ok(OrderView {
        billing,
        software,
        order,
        provisioning,
        subscriptions,
        activation_links,
    })
}

/// The customer's subscriptions and entitlements (with expiry dates), read together.
///
/// # Errors
/// Either read failed.
pub async fn subscriptions(
    client: &PortalClient,
    customer_id: &str,
) -> Result<(Vec<Subscription>, Vec<Entitlement>), Error> {
    try_join(
        client
            .subscriptions()
            .list(customer_id)
            .try_collect::<Vec<Subscription>>(),
        client.entitlements().list(customer_id, None, true),
    )
    .await
}

/// The billing page's data: one invoice summary per currency (the account balance alone when
/// Partner Center lists none) and every invoice, read together.
///
/// # Errors
/// A read failed.
pub async fn billing(client: &PortalClient) -> Result<(Vec<InvoiceSummary>, Vec<Invoice>), Error> {
    let invoices = client.invoices();
    let (mut summaries, list) = try_join(
        invoices.summaries(),
        invoices.list().try_collect::<Vec<Invoice>>(),
    )
    .await?;
    if summaries.is_empty() {
        summaries.push(invoices.balance().await?);
    }
    Ok((summaries, list))
}

/// An invoice with all its line items: every line as JSON (for the tables and CSV, whatever
/// its kind) and the purchase (OneTime) lines typed. One read per billing provider and line
/// type of `invoiceDetails`, sent together.
///
/// # Errors
/// Reading the invoice or any of its line items failed.
pub async fn invoice(
    client: &PortalClient,
    invoice_id: &str,
) -> Result<(Invoice, Vec<Value>, Vec<OneTimeInvoiceLineItem>), Error> {
    let invoices = client.invoices();
    let invoice: Invoice = invoices.get(invoice_id).await?;
    let kinds: Vec<(String, String)> = invoice
        .invoice_details
        .iter()
        .flatten()
        .map(|detail| {
            let provider = detail
                .billing_provider
                .as_ref()
                .map(|p| p.spelling().to_owned())
                .unwrap_or_default();
            let kind = detail
                .invoice_line_item_type
                .as_ref()
                .map(|p| p.spelling().to_owned())
                .unwrap_or_default();
            (provider, kind)
        })
        .collect();
    let pages = try_join_all(kinds.iter().map(|(provider, kind)| {
        invoices
            .line_items(invoice_id, provider, kind)
            .try_collect::<Vec<InvoiceLineItem>>()
    }))
    .await?;
    let mut items: Vec<Value> = Vec::new();
    let mut purchases: Vec<OneTimeInvoiceLineItem> = Vec::new();
    for lines in pages {
        items.extend(lines.iter().filter_map(|l| serde_json::to_value(l).ok()));
        purchases.extend(lines.into_iter().filter_map(|l| match l {
            InvoiceLineItem::OneTime(line) => Some(*line),
            _ => None,
        }));
    }
    Ok((invoice, items, purchases))
}

/// Everything the order page shows.
#[derive(Clone)]
pub struct OrderView {
    /// The order.
    pub order: Order,
    /// Its lines' provisioning status.
    pub provisioning: Vec<OrderLineItemProvisioningStatus>,
    /// The subscriptions it created.
    pub subscriptions: Vec<Subscription>,
    /// Each line's activation links, by line number (empty when they cannot be read).
    pub activation_links: Vec<(i64, Vec<serde_json::Value>)>,
    /// Where the order is billed: its OneTime lines, unbilled (no invoice number) or on an
    /// invoice.
    pub billing: Vec<OneTimeInvoiceLineItem>,
    /// What each software line buys (by line number): perpetual software or a software
    /// subscription, which can be cancelled from the order.
    pub software: Vec<(i64, ProductKind)>,
}

/// The software lines of `order` and what each buys, from their availabilities (read only for
/// orders billed once, as software is).
async fn software_lines(
    client: &PortalClient,
    order: &Order,
    country: &str,
) -> Vec<(i64, ProductKind)> {
    let one_time = order
        .billing_cycle
        .as_ref()
        .is_none_or(|c| *c.value() == pc_core::enums::BillingCycle::OneTime);
    if !one_time {
        return Vec::new();
    }
    let mut out = Vec::new();
    for line in order.line_items.iter().flatten() {
        let (Some(number), Some(offer)) = (line.line_item_number, line.offer_id.as_ref()) else {
            continue;
        };
        let parts: Vec<&str> = offer.as_str().split(':').collect();
        let [product, sku, availability] = parts.as_slice() else {
            continue;
        };
        let Ok(availability) = client
            .availabilities()
            .get(product, sku, availability, country)
            .await
        else {
            continue;
        };
        let kind = ProductKind::of(&availability);
        if matches!(
            kind,
            ProductKind::PerpetualSoftware | ProductKind::SoftwareSubscription
        ) {
            out.push((number, kind));
        }
    }
    out
}

/// How many of the newest invoices in the order's currency are searched for its lines.
const INVOICES_SEARCHED: usize = 3;

/// The reconciliation lines `order_id` produced: unbilled in the current period, in the
/// previous one, or on one of the newest invoices in `currency`.
async fn billing_lines(
    client: &PortalClient,
    order_id: &str,
    currency: &str,
) -> Result<Vec<OneTimeInvoiceLineItem>, pc_client::Error> {
    let of_order = |items: Vec<InvoiceLineItem>| -> Vec<OneTimeInvoiceLineItem> {
        items
            .into_iter()
            .filter_map(|item| match item {
                InvoiceLineItem::OneTime(line)
                    if line
                        .order_id
                        .as_deref()
                        .is_some_and(|o| o.eq_ignore_ascii_case(order_id)) =>
                {
                    Some(*line)
                }
                _ => None,
            })
            .collect()
    };
    let invoices = client.invoices();
    for period in [BillingPeriod::Current, BillingPeriod::Previous] {
        let lines = of_order(
            invoices
                .unbilled_line_items(currency, period, None)
                .try_collect()
                .await?,
        );
        if !lines.is_empty() {
            return Ok(lines);
        }
    }
    let list: Vec<Invoice> = invoices.list().try_collect().await?;
    for invoice in list
        .iter()
        .filter(|i| i.currency_code.as_deref() == Some(currency))
        .take(INVOICES_SEARCHED)
    {
        let Some(id) = invoice.id.as_ref() else {
            continue;
        };
        let lines = of_order(
            invoices
                .billed_line_items(id.as_str(), currency, None)
                .try_collect()
                .await?,
        );
        if !lines.is_empty() {
            return Ok(lines);
        }
    }
    Ok(Vec::new())
}

/// The orders the customer's subscriptions name by `orderId` that `listed` lacks, read by ID.
/// Subscriptions that cannot be listed, and orders that cannot be read, are left out: the order
/// list itself still shows.
async fn orders_of_subscriptions(
    client: &PortalClient,
    customer_id: &str,
    listed: &[Order],
) -> Vec<Order> {
    let Ok(subscriptions) = client
        .subscriptions()
        .list(customer_id)
        .try_collect::<Vec<Subscription>>()
        .await
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for id in missing_order_ids(listed, &subscriptions) {
        if let Ok(order) = client.orders().get(customer_id, &id).await {
            out.push(order);
        }
    }
    out
}

/// The availability a subscription was bought from: `offerId` is `product:sku:availability`
/// for new commerce and software; otherwise its `availability` link is followed. `None` when
/// neither answers (e.g. the offer left the catalog).
async fn availability_of(
    client: &PortalClient,
    subscription: &Subscription,
    country: &str,
) -> Option<Availability> {
    let offer = subscription
        .offer_id
        .as_ref()
        .map(|o| o.as_str().to_owned())
        .unwrap_or_default();
    let parts: Vec<&str> = offer.split(':').collect();
    if let [product, sku, availability] = parts.as_slice()
        && let Ok(found) = client
            .availabilities()
            .get(product, sku, availability, country)
            .await
    {
        return Some(found);
    }
    let uri = subscription
        .links
        .as_ref()
        .and_then(|l| l.get("availability"))
        .and_then(|l| l.uri.clone())?;
    let path = if uri.starts_with("/v1/") {
        uri
    } else {
        format!("/v1{uri}")
    };
    client.call(&pc_client::Operation::get(path)).await.ok()
}

/// What a subscription is, from its availability, else from its own `productType`.
fn kind_of(subscription: &Subscription, availability: Option<&Availability>) -> ProductKind {
    if let Some(availability) = availability {
        return ProductKind::of(availability);
    }
    let stand_in = Availability {
        product: Some(Product {
            product_type: subscription.product_type.clone(),
            ..Product::default()
        }),
        ..Availability::default()
    };
    ProductKind::of(&stand_in)
}

/// The order that bought the subscription and the price of one seat for one billing period
/// (its line's `pricing.price`, in the order's `currencyCode`) — only while the subscription
/// still has the term and billing cycle that line bought (after a renewal with other terms the
/// price is not known here).
async fn price_of(
    client: &PortalClient,
    customer_id: &str,
    subscription: &Subscription,
) -> (Option<Order>, Option<Decimal>, Option<String>) {
    let Some(order_id) = subscription.order_id.as_ref() else {
        return (None, None, None);
    };
    let Ok(order) = client.orders().get(customer_id, order_id.as_str()).await else {
        return (None, None, None);
    };
    let lines = order.line_items.as_deref().unwrap_or_default();
    let line = lines
        .iter()
        .find(|l| l.subscription_id.is_some() && l.subscription_id == subscription.id)
        .or_else(|| {
            lines
                .iter()
                .find(|l| l.offer_id.is_some() && l.offer_id == subscription.offer_id)
        });
    let same_terms = line.is_some_and(|l| {
        l.term_duration.as_deref().map(str::trim) == subscription.term_duration.as_deref()
            && order.billing_cycle.as_ref().map(|c| c.value())
                == subscription.billing_cycle.as_ref().map(|c| c.value())
    });
    let price = line
        .filter(|_| same_terms)
        .and_then(|l| l.pricing.as_ref())
        .and_then(|p| p.price);
    let currency = order.currency_code.clone();
    (Some(order), price, currency)
}

/// Everything the page knows about the subscription.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The subscription with what the lifecycle rules need (kind, unit price, availability).
    pub facts: SubscriptionFacts,
    /// The order that bought it.
    pub order_id: Option<String>,
}

/// The subscription page's data: the subscription, what it is (from its availability), and the
/// price of a seat from the order that bought it — the availability and the order read together.
///
/// # Errors
/// Reading the subscription failed; the availability and order are optional (left out when
/// they cannot be read).
pub async fn subscription(
    client: &PortalClient,
    customer_id: &str,
    subscription_id: &str,
    country: &str,
) -> Result<Loaded, pc_client::Error> {
    let subscription = client
        .subscriptions()
        .get(customer_id, subscription_id)
        .await?;
    let (availability, (order, unit_price, currency)) = join(
        availability_of(client, &subscription, country),
        price_of(client, customer_id, &subscription),
    )
    .await;
    let kind = kind_of(&subscription, availability.as_ref());
    Ok(Loaded {
        order_id: order
            .and_then(|o| o.id)
            .map(|i| i.as_str().to_owned())
            .or_else(|| {
                subscription
                    .order_id
                    .as_ref()
                    .map(|o| o.as_str().to_owned())
            }),
        facts: SubscriptionFacts {
            subscription,
            kind,
            unit_price,
            currency,
            availability,
        },
    })
}

/// The unbilled page's data for `currency` (ISO 4217; empty: the account balance's) and
/// `period`: the currencies billed (from the invoice summaries and balance, read together),
/// then the unbilled purchase lines and daily rated usage (read together).
///
/// # Errors
/// A read failed.
pub async fn unbilled(
    client: &PortalClient,
    currency: &str,
    period: BillingPeriod,
) -> Result<Unbilled, Error> {
    let invoices = client.invoices();
    let (summaries, balance) = try_join(invoices.summaries(), invoices.balance()).await?;
    let mut currencies: Vec<String> = summaries
        .iter()
        .filter_map(|s| s.currency_code.clone())
        .collect();
    let balance = balance.currency_code.unwrap_or_default();
    let code = if currency.is_empty() {
        balance.clone()
    } else {
        currency.to_owned()
    };
    for c in [balance, code.clone()] {
        if !c.is_empty() && !currencies.contains(&c) {
            currencies.push(c);
        }
    }
    currencies.sort();
    let (mut items, usage) = try_join(
        invoices
            .unbilled_line_items(&code, period, None)
            .try_collect::<Vec<InvoiceLineItem>>(),
        invoices
            .unbilled_usage(&code, period, None)
            .try_collect::<Vec<InvoiceLineItem>>(),
    )
    .await?;
    items.extend(usage);
    let (purchases, usage) = split(items);
    Ok(Unbilled {
        currency: code,
        period,
        currencies,
        purchases,
        usage,
    })
}

/// The unbilled page's data.
#[derive(Clone)]
pub struct Unbilled {
    /// ISO 4217 code of the currency shown.
    pub currency: String,
    /// The billing period shown.
    pub period: BillingPeriod,
    /// Every currency the partner is billed in, sorted.
    pub currencies: Vec<String>,
    /// Unbilled purchase (OneTime) lines.
    pub purchases: Vec<OneTimeInvoiceLineItem>,
    /// Unbilled daily rated usage of Azure plans.
    pub usage: Vec<DailyRatedUsageLineItem>,
}

/// Splits line items into purchase lines and rated usage.
fn split(
    items: Vec<InvoiceLineItem>,
) -> (Vec<OneTimeInvoiceLineItem>, Vec<DailyRatedUsageLineItem>) {
    let mut purchases = Vec::new();
    let mut usage = Vec::new();
    for item in items {
        match item {
            InvoiceLineItem::OneTime(line) => purchases.push(*line),
            InvoiceLineItem::DailyRatedUsage(line) => usage.push(*line),
            _ => {}
        }
    }
    (purchases, usage)
}
