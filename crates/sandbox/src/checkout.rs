//! The purchase itself: the rules context built from the customer's real state, and the checkout
//! (E11, Partner Center: *Checkout a cart*) that turns order groups into orders, subscriptions,
//! entitlements and invoice lines in one transaction. The subscription an order line becomes
//! comes from [`crate::provisioning`], its charge line from [`crate::charges`].
//!
//! Sandbox behaviour where Partner Center's is not documented (README "Sandbox behaviour"):
//! * findings that concern no line (e.g. `CustomerAgreementMissing`) fail the whole checkout with
//!   400 and the finding's
//!   [`checkout_error_code`](pc_core::rules::FindingCode::checkout_error_code); nothing is
//!   written;
//! * a group with a finding on any of its lines becomes an `orderErrors` entry with that code;
//!   every other group becomes an order;
//! * the cart turns `Ordered` only when at least one order was created; a cart whose every
//!   group failed stays `Active`, so it can be fixed and checked out again;
//! * a checked-out cart answers every later checkout with the stored first result (idempotent).

use axum::http::StatusCode;
use chrono::{DateTime, Days, Utc};
use pc_core::enums::{
    BillingCycle, CartStatus, EntitlementType, LineTransactionType, OrderStatus,
    OrderTransactionType, PurchasePrerequisite,
};
use pc_core::ids::{CustomerId, OrderId, SubscriptionId};
use pc_core::models::{
    Artifact, Availability, Cart, CartCheckoutResult, CartLineItem, Entitlement, ErrorCode,
    InventoryCheckRequest, InventoryItem, Links, Order, OrderError, OrderLineItem, Pricing,
    ReferenceOrder, SubscriptionRegistrationStatus,
};
use pc_core::rules::{
    ContextSources, Finding, PartnerProfile, ProductKind, PurchaseContext, Severity, Validation,
    add_duration, build_purchase_context, referenced_product_ids,
};
use pc_core::wire::{Spelled, Timestamp};
use rust_decimal::Decimal;

use crate::AppState;
use crate::charges::{Charge, availability_cycle_text, charge_line};
use crate::error::{AppError, AppResult, explain_finding};
use crate::paging::{attributes, link, links};
use crate::provisioning::{
    attributes_with_etag, catalog_links, registration_status, subscription_for,
};
use crate::store::{CheckoutWrite, NewEntitlement, NewLineItem, NewSubscription, StoredCustomer};
use crate::tenants::Partner;

/// Builds the rules context from the customer's stored state with pc-core's
/// [`build_purchase_context`], exactly as the portal builds it from the API's answers: the
/// customer, its qualifications and agreements, every order (listed or not yet) with its
/// `currencyCode` and lines, every subscription, the catalog entries of the products those
/// orders name, the registration of its Azure subscriptions, the catalog entries the cart
/// names, and the inventory the server evaluates itself for lines that need it.
pub(crate) async fn purchase_context(
    state: &AppState,
    partner: &Partner,
    customer: &StoredCustomer,
    cart: &Cart,
    now: DateTime<Utc>,
) -> AppResult<PurchaseContext> {
    let customer_id = customer
        .customer
        .id
        .as_ref()
        .map(|i| i.as_str().to_owned())
        .unwrap_or_default();
    let store = state.store();
    let agreements = store.agreements(&customer_id).await?;
    let orders: Vec<Order> = store
        .orders(partner.tenant_id, &customer_id, i64::MAX)
        .await?
        .into_iter()
        .map(|o| o.order)
        .collect();
    let stored = store
        .subscriptions(partner.tenant_id, &customer_id, i64::MAX)
        .await?;
    let now_ms = now.timestamp_millis();
    let registrations = stored
        .iter()
        .filter_map(|s| {
            let status = registration_status(
                state,
                s.registration_status.as_deref(),
                s.registration_at,
                now_ms,
            )?;
            Some(SubscriptionRegistrationStatus {
                subscription_id: s.subscription.id.as_ref().map(|i| i.as_str().to_owned()),
                status: Some(Spelled::from(status)),
                ..SubscriptionRegistrationStatus::default()
            })
        })
        .collect();
    let country = customer.customer.country().unwrap_or_default().to_owned();
    let products = referenced_product_ids(&orders)
        .iter()
        .filter_map(|id| {
            state
                .catalog()
                .product(id, &country)
                .or_else(|| state.catalog().product(id, "US"))
        })
        .collect();
    let mut catalog: Vec<Availability> = Vec::new();
    let mut inventory: Vec<InventoryItem> = Vec::new();
    for line in cart.all_line_items() {
        let Some(availability) = line
            .catalog_item_id
            .as_ref()
            .and_then(|id| state.catalog().by_catalog_item_id(id.as_str()))
        else {
            continue;
        };
        if let Some(sku) = &availability.sku
            && sku.requires(&PurchasePrerequisite::InventoryCheck)
        {
            let request = InventoryCheckRequest::for_line(&customer_id, line, availability);
            inventory.extend(state.catalog().check_inventory(&request, &country));
        }
        catalog.push(availability.clone());
    }
    Ok(build_purchase_context(&ContextSources {
        now,
        partner: PartnerProfile {
            country: partner.country.to_owned(),
            billing_currency: partner.billing_currency.to_owned(),
            perpetual_software_qualified: partner.perpetual_software_qualified,
        },
        customer: customer.customer.clone(),
        qualifications: crate::customers::qualifications_of(&customer.segment),
        agreements,
        orders,
        subscriptions: stored.into_iter().map(|s| s.subscription).collect(),
        products,
        catalog,
        registrations,
        inventory,
    }))
}

/// A line's currency (its availability's `defaultCurrency`) and, when the catalog prices its
/// term and billing cycle, its pricing: unit price per billing period and `extendedPrice` =
/// unit × quantity, in that currency.
pub(crate) fn line_pricing(
    state: &AppState,
    line: &CartLineItem,
) -> Option<(Option<Pricing>, String)> {
    let availability = state
        .catalog()
        .by_catalog_item_id(line.catalog_item_id.as_ref()?.as_str())?;
    let currency = availability
        .default_currency
        .as_ref()
        .and_then(|c| c.code())
        .unwrap_or_default()
        .to_owned();
    let quantity = Decimal::from(line.quantity.unwrap_or(0).max(0));
    let pricing = line
        .billing_cycle
        .as_ref()
        .and_then(|cycle| {
            state
                .catalog()
                .unit_price(availability, line.term_duration.as_deref(), cycle.value())
        })
        .map(|unit| Pricing {
            list_price: Some(unit),
            discounted_price: Some(unit),
            price: Some(unit),
            extended_price: Some(unit * quantity),
            ..Pricing::default()
        });
    Some((pricing, currency))
}

fn currency_symbol(availability: &Availability) -> String {
    match availability.default_currency.as_ref() {
        Some(pc_core::models::DefaultCurrency::Info(info)) => {
            info.symbol.clone().unwrap_or_default()
        }
        _ => String::new(),
    }
}

/// Runs the checkout of `cart` for `customer`.
///
/// # Errors
/// 400 with the finding's code when a cart-level finding stands (nothing is written); 409
/// `800064` when a concurrent checkout of the same cart is still in flight; 500 on storage
/// failure (nothing is written).
pub(crate) async fn checkout(
    state: &AppState,
    partner: &'static Partner,
    customer: &StoredCustomer,
    mut cart: Cart,
) -> AppResult<CartCheckoutResult> {
    let now = state.now();
    let context = purchase_context(state, partner, customer, &cart, now).await?;
    let validation = pc_core::validate_cart(&cart, &context);
    if let Some(finding) = validation
        .findings
        .iter()
        .find(|f| f.line_item_id.is_none() && f.severity == Severity::Error)
    {
        return Err(AppError::refusal(finding));
    }
    let customer_id = customer
        .customer
        .id
        .as_ref()
        .map(|i| i.as_str().to_owned())
        .unwrap_or_default();
    let lines: Vec<(i64, CartLineItem)> = cart
        .identified_line_items()
        .into_iter()
        .map(|(id, item)| (id, item.clone()))
        .collect();
    let mut plan = Plan {
        state,
        partner,
        customer,
        customer_id: customer_id.clone(),
        now,
        write: CheckoutWrite {
            partner_tenant_id: partner.tenant_id.to_owned(),
            customer_id: customer_id.clone(),
            cart: Cart::default(),
            result: CartCheckoutResult::default(),
            orders: Vec::new(),
            subscriptions: Vec::new(),
            entitlements: Vec::new(),
            line_items: Vec::new(),
            created_at: now.timestamp_millis(),
        },
    };
    let mut order_errors = Vec::new();
    for group in &validation.order_groups {
        let group_lines: Vec<&(i64, CartLineItem)> = lines
            .iter()
            .filter(|(id, _)| group.line_item_ids.contains(id))
            .collect();
        if let Some(finding) = first_finding(&validation, &group.line_item_ids) {
            order_errors.push(OrderError {
                order_group_id: Some(group.order_group.clone()),
                code: Some(ErrorCode::Number(finding.code.checkout_error_code())),
                description: Some(explain_finding(finding)),
                ..OrderError::default()
            });
            continue;
        }
        plan.order(&cart, group.billing_cycle.clone(), &group_lines);
    }
    let result = CartCheckoutResult {
        orders: Some(plan.write.orders.clone()),
        order_errors: Some(order_errors),
        attributes: Some(attributes("CartCheckoutResult")),
        ..CartCheckoutResult::default()
    };
    if plan.write.orders.is_empty() {
        return Ok(result);
    }
    cart.status = Some(Spelled::from(CartStatus::Ordered));
    cart.last_modified_timestamp = Some(Timestamp::from(now));
    plan.write.cart = cart;
    plan.write.result = result.clone();
    if state.store().commit_checkout(&plan.write).await? {
        return Ok(result);
    }
    Err(AppError::new(
        StatusCode::CONFLICT,
        800_064,
        "The cart is being processed by another request; its result is returned once that finishes.",
    ))
}

fn first_finding<'v>(validation: &'v Validation, line_ids: &[i64]) -> Option<&'v Finding> {
    validation.findings.iter().find(|f| {
        f.severity == Severity::Error && f.line_item_id.is_some_and(|id| line_ids.contains(&id))
    })
}

/// Accumulates what one checkout writes.
struct Plan<'a> {
    state: &'a AppState,
    partner: &'static Partner,
    customer: &'a StoredCustomer,
    customer_id: String,
    now: DateTime<Utc>,
    write: CheckoutWrite,
}

fn short_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..12].to_owned()
}

impl Plan<'_> {
    /// Adds one order for a group of lines, with a subscription, entitlements and an invoice
    /// line per order line.
    fn order(
        &mut self,
        cart: &Cart,
        billing_cycle: Option<BillingCycle>,
        lines: &[&(i64, CartLineItem)],
    ) {
        let order_id = short_id();
        let mut order_lines = Vec::new();
        let mut total = Decimal::ZERO;
        let mut currency = String::new();
        let mut symbol = String::new();
        for (number, (_, line)) in lines.iter().enumerate() {
            let Some(availability) = line
                .catalog_item_id
                .as_ref()
                .and_then(|id| self.state.catalog().by_catalog_item_id(id.as_str()))
            else {
                continue;
            };
            let (pricing, line_currency) = line_pricing(self.state, line).unwrap_or_default();
            let pricing = pricing.unwrap_or_default();
            total += pricing.extended_price.unwrap_or_default();
            if currency.is_empty() {
                currency = line_currency;
                symbol = currency_symbol(availability);
            }
            let number = i64::try_from(number).unwrap_or(i64::MAX);
            let subscription_id = uuid::Uuid::new_v4().to_string();
            let kind = ProductKind::of(availability);
            let order_line = OrderLineItem {
                line_item_number: Some(number),
                offer_id: line.catalog_item_id.clone(),
                subscription_id: Some(SubscriptionId::new(subscription_id.clone())),
                term_duration: line.term_duration.clone(),
                transaction_type: Some(Spelled::from(LineTransactionType::New)),
                friendly_name: Some(friendly_name(line, availability)),
                quantity: line.quantity,
                pricing: Some(pricing.clone()),
                provisioning_context: line.provisioning_context.clone(),
                renews_to: line.renews_to.clone(),
                promotion_id: line.promotion_id.clone(),
                attestation_accepted: line.attestation_accepted,
                links: Some(self.line_links(availability, &subscription_id)),
                ..OrderLineItem::default()
            };
            let cycle = line
                .billing_cycle
                .as_ref()
                .map(|c| c.value().clone())
                .or_else(|| billing_cycle.clone());
            self.subscription(
                &order_id,
                &order_line,
                availability,
                kind,
                (cycle, pricing.price),
                &currency,
            );
            self.entitlement(&order_id, number, &order_line, availability, kind);
            self.invoice_line(&order_id, &order_line, availability, &pricing, &currency);
            order_lines.push(order_line);
        }
        let customer_id = self.customer_id.clone();
        let order = Order {
            id: Some(OrderId::new(order_id.clone())),
            alternate_id: Some(order_id.clone()),
            reference_customer_id: Some(CustomerId::new(customer_id.clone())),
            billing_cycle: billing_cycle.map(Spelled::from),
            transaction_type: Some(Spelled::from(OrderTransactionType::UserPurchase)),
            line_items: Some(order_lines),
            currency_code: Some(currency),
            currency_symbol: Some(symbol),
            creation_date: Some(Timestamp::from(self.now)),
            status: Some(Spelled::from(OrderStatus::Pending)),
            total_price: Some(total),
            partner_on_record_attestation_accepted: cart.partner_on_record_attestation_accepted,
            links: Some(links([
                (
                    "self",
                    format!("/customers/{customer_id}/orders/{order_id}"),
                ),
                (
                    "provisioningStatus",
                    format!("/customers/{customer_id}/orders/{order_id}/provisioningstatus"),
                ),
            ])),
            attributes: Some(attributes_with_etag("Order")),
            ..Order::default()
        };
        self.write.orders.push(order);
    }

    fn line_links(&self, availability: &Availability, subscription_id: &str) -> Links {
        let [product, sku, availability] = catalog_links(availability);
        let customer_id = &self.customer_id;
        links([
            product,
            sku,
            availability,
            (
                "subscription",
                format!("/customers/{customer_id}/subscriptions/{subscription_id}"),
            ),
        ])
    }

    fn subscription(
        &mut self,
        order_id: &str,
        line: &OrderLineItem,
        availability: &Availability,
        kind: ProductKind,
        (billing_cycle, unit_price): (Option<BillingCycle>, Option<Decimal>),
        currency: &str,
    ) {
        let subscription = subscription_for(
            &self.customer_id,
            order_id,
            line,
            availability,
            kind,
            billing_cycle,
            self.now,
        );
        let registration =
            matches!(kind, ProductKind::AzurePlan).then(|| "notregistered".to_owned());
        self.write.subscriptions.push(NewSubscription::new(
            subscription,
            currency,
            kind,
            registration,
            unit_price,
        ));
    }

    fn entitlement(
        &mut self,
        order_id: &str,
        number: i64,
        line: &OrderLineItem,
        availability: &Availability,
        kind: ProductKind,
    ) {
        let entitlement_type = match kind {
            ProductKind::PerpetualSoftware | ProductKind::SoftwareSubscription => {
                EntitlementType::Software
            }
            ProductKind::AzureReservation => EntitlementType::ReservedInstance,
            _ => return,
        };
        let customer_id = &self.customer_id;
        let mut artifacts = Vec::new();
        let mut stored_artifacts = Vec::new();
        let quantity = line.quantity.unwrap_or(0);
        if entitlement_type == EntitlementType::ReservedInstance {
            let reservation_order = uuid::Uuid::new_v4().to_string();
            let reservation = uuid::Uuid::new_v4().to_string();
            let uri = format!(
                "/customers/{customer_id}/artifacts/reservedinstance/groups/{order_id}/lineitems/{number}/resource/{reservation_order}"
            );
            let term = line.term_duration.as_deref().unwrap_or("P1Y");
            let expiry = add_duration(self.now, term).unwrap_or(self.now);
            let scope = line
                .provisioning_context
                .as_ref()
                .and_then(|c| {
                    c.iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case("scope"))
                        .map(|(_, v)| v.clone())
                })
                .unwrap_or_else(|| "Shared".to_owned());
            let sku_title = availability
                .sku
                .as_ref()
                .and_then(|s| s.title.clone())
                .unwrap_or_default();
            stored_artifacts.push((
                reservation_order.clone(),
                serde_json::json!({
                    "type": "reservedinstance",
                    "reservations": [{
                        "reservationId": reservation,
                        "scopeType": scope,
                        "displayName": sku_title,
                        "appliedScopes": line.provisioning_context.as_ref().and_then(|c| c.iter().find(|(k, _)| k.eq_ignore_ascii_case("subscriptionId")).map(|(_, v)| vec![format!("/subscriptions/{v}")])).unwrap_or_default(),
                        "quantity": quantity,
                        "expiryDateTime": Timestamp::from(expiry).to_string(),
                        "effectiveDateTime": Timestamp::from(self.now).to_string(),
                        "provisioningState": "Succeeded",
                    }],
                }),
            ));
            let mut attributes = serde_json::Map::new();
            attributes.insert("reservationType".to_owned(), "virtualmachines".into());
            artifacts.push(Artifact {
                artifact_type: Some(Spelled::from(EntitlementType::ReservedInstance)),
                resource_id: Some(reservation_order),
                link: Some(link(uri)),
                dynamic_attributes: Some(attributes),
                ..Artifact::default()
            });
        } else {
            let mut attributes = serde_json::Map::new();
            attributes.insert("productKey".to_owned(), product_key().into());
            artifacts.push(Artifact {
                artifact_type: Some(Spelled::from(EntitlementType::Unknown(
                    "productkey".to_owned(),
                ))),
                dynamic_attributes: Some(attributes),
                ..Artifact::default()
            });
        }
        let expiry = line
            .term_duration
            .as_deref()
            .and_then(|t| add_duration(self.now, t))
            .map(Timestamp::from);
        let entitlement = Entitlement {
            reference_order: Some(ReferenceOrder {
                id: Some(order_id.to_owned()),
                line_item_id: Some(number.to_string()),
                alternate_id: Some(order_id.to_owned()),
                ..ReferenceOrder::default()
            }),
            product_id: availability.product_id.clone(),
            sku_id: availability.sku_id.clone(),
            quantity: Some(quantity),
            quantity_details: Some(vec![pc_core::models::entitlement::QuantityDetail {
                quantity: Some(quantity),
                status: Some("Active".to_owned()),
                ..Default::default()
            }]),
            entitlement_type: Some(Spelled::from(entitlement_type.clone())),
            fulfillment_state: Some("Fulfilled".to_owned()),
            entitled_artifacts: Some(artifacts),
            included_entitlements: Some(Vec::new()),
            expiry_date: expiry,
            ..Entitlement::default()
        };
        self.write.entitlements.push(NewEntitlement {
            id: format!("{order_id}-{number}"),
            order_id: order_id.to_owned(),
            entitlement_type: entitlement_type.as_str().to_owned(),
            entitlement,
            artifacts: stored_artifacts,
        });
    }

    fn invoice_line(
        &mut self,
        order_id: &str,
        line: &OrderLineItem,
        availability: &Availability,
        pricing: &Pricing,
        currency: &str,
    ) {
        let number = line.line_item_number.unwrap_or(0);
        let start = self.now;
        let end = line
            .term_duration
            .as_deref()
            .and_then(|t| add_duration(start, t))
            .and_then(|d| d.checked_sub_days(Days::new(1)))
            .unwrap_or(start);
        let item = charge_line(&Charge {
            partner: self.partner,
            customer: &self.customer.customer,
            customer_id: &self.customer_id,
            order_id,
            order_date: self.now,
            availability: Some(availability),
            subscription_id: line.subscription_id.as_ref().map(|s| s.as_str()),
            description: line.friendly_name.clone(),
            charge_type: LineTransactionType::New,
            unit_price: pricing.price,
            quantity: Decimal::from(line.quantity.unwrap_or(0)),
            amount: pricing.extended_price.unwrap_or_default(),
            currency,
            term: (start, end),
            charge: (start, end),
            term_and_billing_cycle: availability_cycle_text(
                line.term_duration.as_deref(),
                availability,
            ),
        });
        self.write.line_items.push(NewLineItem {
            id: format!("{order_id}-{number:04}"),
            currency: currency.to_owned(),
            item,
        });
    }
}

fn friendly_name(line: &CartLineItem, availability: &Availability) -> String {
    line.friendly_name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .or_else(|| availability.sku.as_ref().and_then(|s| s.title.clone()))
        .unwrap_or_default()
}

/// A product key in the familiar 5×5 form.
fn product_key() -> String {
    const ALPHABET: &[u8] = b"BCDFGHJKMPQRTVWXY2346789";
    let groups: Vec<String> = (0..5)
        .map(|_| {
            (0..5)
                .map(|_| {
                    let i = rand::random_range(0..ALPHABET.len());
                    char::from(ALPHABET[i])
                })
                .collect()
        })
        .collect();
    groups.join("-")
}
