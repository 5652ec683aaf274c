//! What the pages of one customer share: the customer's state as the purchase rules need it,
//! and the cart draft (kept in `localStorage`, so a reload or a crash loses nothing).

use pc_core::enums::Segment;
use pc_core::ids::AZURE_PLAN_PRODUCT_ID;
use pc_core::models::{
    Agreement, Availability, Cart, CartCheckoutResult, CartLineItem, Customer,
    CustomerQualification, InventoryItem, Order, Product, Subscription,
    SubscriptionRegistrationStatus,
};
use pc_core::rules::{
    AzureSubscription, ContextSources, PartnerProfile, PurchaseContext, Validation,
    build_purchase_context, validate_cart,
};
use serde::{Deserialize, Serialize};

use crate::storage::{self, Key};

/// A customer as the purchase pages need it: Partner Center's answers the purchase rules are
/// built from (pc-core's `build_purchase_context`, the same builder the sandbox's checkout uses).
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerData {
    /// The customer resource.
    pub customer: Customer,
    /// The customer's qualifications.
    pub qualifications: Vec<CustomerQualification>,
    /// Segment from the customer's qualifications.
    pub segment: Segment,
    /// Confirmed acceptances of Microsoft agreements.
    pub agreements: Vec<Agreement>,
    /// The customer's orders (every page), plus those of listed subscriptions the order list
    /// does not show yet (read by ID).
    pub orders: Vec<Order>,
    /// The customer's subscriptions.
    pub subscriptions: Vec<Subscription>,
    /// The products the orders' lines name (cached per product and country).
    pub products: Vec<Product>,
    /// Registration status of each Azure plan subscription.
    pub registrations: Vec<SubscriptionRegistrationStatus>,
    /// Azure plan subscriptions with their registration for reservation purchases.
    pub azure_subscriptions: Vec<AzureSubscription>,
}

impl CustomerData {
    /// Whether the Microsoft Customer Agreement's acceptance is confirmed.
    pub fn customer_agreement_accepted(&self) -> bool {
        self.agreements.iter().any(Agreement::is_customer_agreement)
    }

    /// The customer's country (ISO 3166), upper case.
    pub fn country(&self) -> String {
        self.customer
            .country()
            .unwrap_or_default()
            .trim()
            .to_ascii_uppercase()
    }

    /// The rules' context for `partner` at `now`, with `catalog` (the availabilities a cart
    /// names) and `inventory`: pc-core's `build_purchase_context` over the loaded answers.
    pub fn context(
        &self,
        partner: &PartnerProfile,
        now: chrono::DateTime<chrono::Utc>,
        catalog: Vec<Availability>,
        inventory: Vec<InventoryItem>,
    ) -> PurchaseContext {
        build_purchase_context(&ContextSources {
            now,
            partner: partner.clone(),
            customer: self.customer.clone(),
            qualifications: self.qualifications.clone(),
            agreements: self.agreements.clone(),
            orders: self.orders.clone(),
            subscriptions: self.subscriptions.clone(),
            products: self.products.clone(),
            catalog,
            registrations: self.registrations.clone(),
            inventory,
        })
    }
}

/// Whether a subscription is an Azure plan.
pub fn is_azure_plan(subscription: &Subscription) -> bool {
    subscription.offer_id.as_ref().is_some_and(|o| {
        o.as_str()
            .to_ascii_uppercase()
            .starts_with(AZURE_PLAN_PRODUCT_ID)
    })
}

/// The cart being built for one customer: lines, the catalog entries they name, inventory checks
/// run, and the cart as Partner Center last returned it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CartDraft {
    /// Customer tenant ID.
    pub customer_id: String,
    /// The lines, each with a unique `id`.
    pub lines: Vec<CartLineItem>,
    /// Availabilities (with embedded product and SKU) of the lines.
    pub catalog: Vec<Availability>,
    /// Inventory check results.
    pub inventory: Vec<InventoryItem>,
    /// The cart as created or updated at Partner Center, while it matches `lines`.
    pub saved: Option<Cart>,
}

impl CartDraft {
    /// An empty draft for `customer_id`.
    pub fn new(customer_id: &str) -> Self {
        Self {
            customer_id: customer_id.to_owned(),
            ..Self::default()
        }
    }

    /// The draft stored for `customer_id`, or an empty one.
    pub fn load(customer_id: &str) -> Self {
        storage::read::<Self>(Key::Cart(customer_id))
            .filter(|d| d.customer_id == customer_id)
            .unwrap_or_else(|| Self::new(customer_id))
    }

    /// Stores the draft (an empty draft removes the entry).
    pub fn store(&self) {
        let key = Key::Cart(&self.customer_id);
        if self.lines.is_empty() && self.saved.is_none() {
            storage::remove(key);
        } else {
            storage::write(key, self);
        }
    }

    /// The next free line `id`.
    pub fn next_line_id(&self) -> i64 {
        self.lines
            .iter()
            .filter_map(|l| l.id)
            .max()
            .map_or(0, |m| m + 1)
    }

    /// Adds `availability` to the draft: when a line already names the same `catalogItemId`
    /// (and, for `provisioning` values given, the same values), that line gets the SKU's
    /// minimum quantity more seats; otherwise a new line (quantity = the SKU's minimum, its first
    /// term and billing cycle, the provisioning context the SKU asks for, `provisioning` values
    /// (`provisioningContext` keys, lower camel case) over the defaults). The availability is
    /// remembered for the rules. Returns what happened, with the line's quantity after it.
    pub fn add(
        &mut self,
        availability: &Availability,
        friendly_name: String,
        provisioning: &[(String, String)],
    ) -> Added {
        let sku = availability.sku.as_ref();
        let seats = sku.and_then(|s| s.minimum_quantity).unwrap_or(1).max(1);
        if !self
            .catalog
            .iter()
            .any(|a| a.catalog_item_id == availability.catalog_item_id)
        {
            self.catalog.push(availability.clone());
        }
        let same = |line: &CartLineItem| {
            let same_item = match (&line.catalog_item_id, &availability.catalog_item_id) {
                (Some(a), Some(b)) => a.as_str().eq_ignore_ascii_case(b.as_str()),
                _ => false,
            };
            same_item
                && provisioning.iter().all(|(key, value)| {
                    line.provisioning_context
                        .as_ref()
                        .and_then(|c| c.get(key))
                        .is_some_and(|v| v.trim().eq_ignore_ascii_case(value.trim()))
                })
        };
        if let Some(line) = self.lines.iter_mut().find(|l| same(l)) {
            let quantity = line.quantity.unwrap_or(0).saturating_add(seats);
            line.quantity = Some(quantity);
            return Added::Seats {
                added: seats,
                quantity,
            };
        }
        let term = availability.terms.as_ref().and_then(|t| t.first());
        let billing_cycle = term
            .and_then(|t| t.billing_cycle.clone())
            .or_else(|| sku.and_then(|s| s.supported_billing_cycles.as_ref()?.first().cloned()));
        let provisioning_context = sku
            .and_then(|s| s.provisioning_variables.as_ref())
            .filter(|v| !v.is_empty())
            .map(|variables| {
                variables
                    .iter()
                    .map(|name| {
                        let key = lower_camel(name);
                        let value = provisioning
                            .iter()
                            .find(|(k, _)| k.eq_ignore_ascii_case(&key))
                            .map(|(_, v)| v.clone())
                            .unwrap_or_else(|| default_provisioning_value(name, availability));
                        (key, value)
                    })
                    .collect()
            });
        let line = CartLineItem {
            id: Some(self.next_line_id()),
            catalog_item_id: availability.catalog_item_id.clone(),
            friendly_name: Some(friendly_name),
            quantity: Some(seats),
            billing_cycle,
            term_duration: term.and_then(|t| t.duration.clone()),
            provisioning_context,
            ..CartLineItem::default()
        };
        self.lines.push(line);
        Added::Line { quantity: seats }
    }

    /// The availability a line names.
    pub fn availability_of(&self, line: &CartLineItem) -> Option<&Availability> {
        let id = line.catalog_item_id.as_ref()?;
        self.catalog.iter().find(|a| {
            a.catalog_item_id
                .as_ref()
                .is_some_and(|c| c.as_str().eq_ignore_ascii_case(id.as_str()))
        })
    }

    /// The cart to send: the draft's lines (with the saved cart's `id` when there is one).
    pub fn cart(&self) -> Cart {
        Cart {
            id: self.saved.as_ref().and_then(|c| c.id.clone()),
            expiration_timestamp: self
                .saved
                .as_ref()
                .and_then(|c| c.expiration_timestamp.clone()),
            line_items: Some(self.lines.clone()),
            ..Cart::default()
        }
    }

    /// Whether the saved cart still has exactly the draft's lines (so it may be checked out).
    pub fn is_saved(&self) -> bool {
        let Some(saved) = &self.saved else {
            return false;
        };
        let saved_lines = saved.line_items.as_deref().unwrap_or_default();
        saved_lines.len() == self.lines.len()
            && saved_lines
                .iter()
                .zip(&self.lines)
                .all(|(s, l)| same_line(s, l))
    }

    /// The saved cart's lines, with Partner Center's prices, while the saved cart matches the
    /// draft ([`Self::is_saved`]); empty otherwise, so a stale price is never shown.
    pub fn priced_lines(&self) -> &[CartLineItem] {
        if !self.is_saved() {
            return &[];
        }
        self.saved
            .as_ref()
            .and_then(|c| c.line_items.as_deref())
            .unwrap_or_default()
    }

    /// Runs the purchase rules over the draft for `partner` and the customer's `data` at `now`.
    pub fn validate(
        &self,
        partner: &PartnerProfile,
        data: &CustomerData,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Validation {
        let context = data.context(partner, now, self.catalog.clone(), self.inventory.clone());
        validate_cart(&self.cart(), &context)
    }

    /// Partner Center's line errors on the saved cart, while it matches the draft's lines:
    /// `(lineItemId, code, description)`.
    pub fn server_errors(&self) -> Vec<(i64, String, String)> {
        if !self.is_saved() {
            return Vec::new();
        }
        self.saved
            .iter()
            .flat_map(|c| c.line_items.iter().flatten())
            .filter_map(|l| {
                let error = l.error.as_ref()?;
                let code = error
                    .error_code
                    .as_ref()
                    .map(|c| c.value().as_str().to_owned())
                    .unwrap_or_default();
                Some((
                    l.id.unwrap_or_default(),
                    code,
                    error.error_description.clone().unwrap_or_default(),
                ))
            })
            .collect()
    }

    /// The draft's lines in `order_group` of the saved cart (for "put these lines in a new cart").
    pub fn lines_in_group(&self, order_group: &str) -> Vec<CartLineItem> {
        let Some(saved) = &self.saved else {
            return Vec::new();
        };
        saved
            .line_items
            .iter()
            .flatten()
            .filter(|l| l.order_group.as_deref() == Some(order_group))
            .map(|l| CartLineItem {
                order_group: None,
                error: None,
                pricing: None,
                ..l.clone()
            })
            .collect()
    }
}

/// What [`CartDraft::add`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// A new line with `quantity` seats (licenses, units).
    Line {
        /// The new line's quantity.
        quantity: i64,
    },
    /// `added` seats on the line that already named the availability, now `quantity`.
    Seats {
        /// Seats added (the SKU's minimum quantity, at least 1).
        added: i64,
        /// The line's quantity after adding.
        quantity: i64,
    },
}

/// Whether two lines ask for the same purchase (ignoring what the server adds).
fn same_line(a: &CartLineItem, b: &CartLineItem) -> bool {
    a.catalog_item_id == b.catalog_item_id
        && a.quantity == b.quantity
        && a.term_duration == b.term_duration
        && a.billing_cycle.as_ref().map(|c| c.value().clone())
            == b.billing_cycle.as_ref().map(|c| c.value().clone())
        && a.provisioning_context.clone().unwrap_or_default()
            == b.provisioning_context.clone().unwrap_or_default()
        && a.attestation_accepted.unwrap_or(false) == b.attestation_accepted.unwrap_or(false)
}

/// `SubscriptionId` → `subscriptionId`, the key form of `provisioningContext`.
pub fn lower_camel(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A provisioning value the SKU itself tells: a reservation's `duration` and `scope` (shared).
fn default_provisioning_value(name: &str, availability: &Availability) -> String {
    let attribute = |key: &str| {
        availability
            .sku
            .as_ref()
            .and_then(|s| s.dynamic_attributes.as_ref())
            .and_then(|d| d.get(key))
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    };
    match name.to_ascii_lowercase().as_str() {
        "duration" => attribute("duration").unwrap_or_default(),
        "scope" => "shared".to_owned(),
        _ => String::new(),
    }
}

/// A checkout that finished, for the result panel.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckoutOutcome {
    /// Customer tenant ID.
    pub customer_id: String,
    /// The draft as it was checked out (its saved cart's lines carry their `orderGroup`).
    pub draft: CartDraft,
    /// Partner Center's answer, or the error explained (in the language of the moment).
    pub result: Result<CartCheckoutResult, crate::Localized>,
    /// Whether it was finished after a reload from the journal.
    pub resumed: bool,
}

/// An order placed from this browser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlacedOrder {
    /// Customer tenant ID.
    pub customer_id: String,
    /// The order as the checkout returned it.
    pub order: pc_core::models::Order,
}

/// Orders placed from this browser, shown as "pending listing" until the customer's order list
/// has them (Partner Center lists new orders only after up to 15 minutes).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlacedOrders(pub Vec<PlacedOrder>);

impl PlacedOrders {
    /// The orders placed from this browser.
    pub fn load() -> Self {
        storage::read(Key::PlacedOrders).unwrap_or_default()
    }

    /// Adds a customer's orders (once each) and stores the list.
    pub fn record(customer_id: &str, orders: &[pc_core::models::Order]) {
        let mut all = Self::load();
        for order in orders {
            if !all.0.iter().any(|o| o.order.id == order.id) {
                all.0.push(PlacedOrder {
                    customer_id: customer_id.to_owned(),
                    order: order.clone(),
                });
            }
        }
        storage::write(Key::PlacedOrders, &all);
    }

    /// The orders of one customer.
    pub fn for_customer(&self, customer_id: &str) -> Vec<pc_core::models::Order> {
        self.0
            .iter()
            .filter(|o| o.customer_id.eq_ignore_ascii_case(customer_id))
            .map(|o| o.order.clone())
            .collect()
    }
}
