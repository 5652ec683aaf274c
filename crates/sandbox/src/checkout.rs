//! The purchase itself: the rules context built from the customer's real state, and the checkout
//! (E11) that turns order groups into orders, subscriptions, entitlements and invoice lines in
//! one transaction.
//!
//! Sandbox behaviour where Partner Center's is not documented (README "Sandbox behaviour"):
//! * findings that concern no line (e.g. `CustomerAgreementMissing`) fail the whole checkout with
//!   400 and the finding's [`FindingCode::checkout_error_code`]; nothing is written;
//! * a group with a finding on any of its lines becomes an `orderErrors` entry with that code;
//!   every other group becomes an order;
//! * the cart turns `Ordered` only when at least one order was created; a cart whose every
//!   group failed stays `Active`, so it can be fixed and checked out again;
//! * a checked-out cart answers every later checkout with the stored first result (idempotent).

use axum::http::StatusCode;
use chrono::{DateTime, Days, Utc};
use pc_core::enums::{
    BillingCycle, BillingProvider, CartStatus, ContractType, EntitlementType, FulfillmentStatus,
    InvoiceLineItemType, LineTransactionType, OrderStatus, OrderTransactionType,
    PurchasePrerequisite, RefundType, RegistrationStatus, SubscriptionBillingType,
    SubscriptionStatus,
};
use pc_core::ids::{CustomerId, OrderId, SubscriptionId};
use pc_core::models::subscription::RefundableQuantityDetail;
use pc_core::models::{
    Artifact, Availability, Cart, CartCheckoutResult, CartLineItem, Entitlement, ErrorCode,
    InventoryCheckRequest, InventoryItem, Links, OneTimeInvoiceLineItem, Order, OrderError,
    OrderLineItem, Pricing, ReferenceOrder, RefundableQuantity, Subscription,
    SubscriptionRefundOption, SubscriptionRegistrationStatus,
};
use pc_core::rules::{
    ContextSources, Finding, PartnerProfile, ProductKind, PurchaseContext, Severity, Validation,
    build_purchase_context, referenced_product_ids,
};
use pc_core::wire::{Spelled, Timestamp};
use rust_decimal::Decimal;

use crate::AppState;
use crate::error::{AppError, AppResult};
use crate::paging::{attributes, link, links};
use crate::store::{CheckoutWrite, NewEntitlement, NewLineItem, NewSubscription, StoredCustomer};
use crate::tenants::Partner;

/// ISO 8601 durations (terms, refund windows, the clock's advance) are read by pc-core's one
/// reader.
pub(crate) use pc_core::rules::add_duration;

fn delay_ms(delay: std::time::Duration) -> i64 {
    i64::try_from(delay.as_millis()).unwrap_or(i64::MAX)
}

/// Registration status of a subscription at `now`: `registering` turns `registered` once the
/// provisioning delay has passed since registration was requested.
pub(crate) fn registration_status(
    state: &AppState,
    status: Option<&str>,
    requested_at: Option<i64>,
    now: i64,
) -> Option<RegistrationStatus> {
    let status: RegistrationStatus = status?.parse().unwrap_or(RegistrationStatus::NotRegistered);
    if status == RegistrationStatus::Registering {
        let since = requested_at.unwrap_or(now);
        if now.saturating_sub(since) >= delay_ms(state.config().provisioning_delay) {
            return Some(RegistrationStatus::Registered);
        }
    }
    Some(status)
}

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

/// A plain-words description of a finding for error bodies: pc-i18n's English explanation (the
/// portal's own words), prefixed with the line it concerns.
pub(crate) fn describe(finding: &Finding) -> String {
    let line = finding
        .line_item_id
        .map(|id| format!("Line {id}: "))
        .unwrap_or_default();
    format!(
        "{line}{}",
        pc_i18n::explain_finding(finding, pc_i18n::Locale::EnUs)
    )
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
        return Err(AppError::new(
            StatusCode::BAD_REQUEST,
            finding.code.checkout_error_code(),
            describe(finding),
        )
        .with_data(serde_json::json!({ "finding": finding.code.as_str() })));
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
                description: Some(describe(finding)),
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

/// One OneTime charge (or, with a negative `amount`, credit) of the open billing period.
pub(crate) struct Charge<'a> {
    /// The partner billed.
    pub(crate) partner: &'a Partner,
    /// The customer the charge is for.
    pub(crate) customer: &'a pc_core::models::Customer,
    /// Its ID.
    pub(crate) customer_id: &'a str,
    /// The order the purchase was made in.
    pub(crate) order_id: &'a str,
    /// When that order was made.
    pub(crate) order_date: DateTime<Utc>,
    /// What was bought, when the catalog still sells it.
    pub(crate) availability: Option<&'a Availability>,
    /// The subscription charged.
    pub(crate) subscription_id: Option<&'a str>,
    /// `subscriptionDescription` (the subscription's nickname).
    pub(crate) description: Option<String>,
    /// `chargeType`: `new`, `renew`, `addQuantity`, `removeQuantity`, `cancel`.
    pub(crate) charge_type: LineTransactionType,
    /// Price of one unit for one billing period.
    pub(crate) unit_price: Option<Decimal>,
    /// Units charged (seats added, removed or renewed).
    pub(crate) quantity: Decimal,
    /// `subtotal` = `totalForCustomer`: negative for a refund.
    pub(crate) amount: Decimal,
    /// ISO 4217.
    pub(crate) currency: &'a str,
    /// `subscriptionStartDate`, `subscriptionEndDate`.
    pub(crate) term: (DateTime<Utc>, DateTime<Utc>),
    /// `chargeStartDate`, `chargeEndDate`.
    pub(crate) charge: (DateTime<Utc>, DateTime<Utc>),
    /// `termAndBillingCycle`, e.g. "One-Year commitment for monthly/yearly billing".
    pub(crate) term_and_billing_cycle: String,
}

/// The OneTime invoice line item (`billinglineitems`) of a charge, as Partner Center's
/// reconciliation lists it.
pub(crate) fn charge_line(charge: &Charge<'_>) -> OneTimeInvoiceLineItem {
    let customer = charge.customer;
    let availability = charge.availability;
    OneTimeInvoiceLineItem {
        partner_id: Some(charge.partner.tenant_id.to_owned()),
        customer_id: Some(charge.customer_id.to_owned()),
        customer_name: customer.company_name().map(str::to_owned),
        customer_domain_name: customer
            .company_profile
            .as_ref()
            .and_then(|p| p.domain.clone()),
        customer_country: customer.country().map(str::to_owned),
        order_id: Some(charge.order_id.to_owned()),
        order_date: Some(Timestamp::from(charge.order_date)),
        product_id: availability
            .and_then(|a| a.product_id.as_ref())
            .map(|p| p.as_str().to_owned()),
        sku_id: availability
            .and_then(|a| a.sku_id.as_ref())
            .map(|s| s.as_str().to_owned()),
        availability_id: availability
            .and_then(|a| a.id.as_ref())
            .map(|a| a.as_str().to_owned()),
        product_name: availability
            .and_then(|a| a.product.as_ref())
            .and_then(|p| p.title.clone()),
        sku_name: availability
            .and_then(|a| a.sku.as_ref())
            .and_then(|s| s.title.clone()),
        charge_type: Some(charge.charge_type.as_str().to_owned()),
        unit_price: charge.unit_price,
        effective_unit_price: charge.unit_price,
        unit_type: Some("Licenses".to_owned()),
        quantity: Some(charge.quantity),
        subtotal: Some(charge.amount),
        tax_total: Some(Decimal::ZERO),
        total_for_customer: Some(charge.amount),
        currency: Some(charge.currency.to_owned()),
        publisher_name: Some("Microsoft Corporation".to_owned()),
        subscription_description: charge.description.clone(),
        subscription_id: charge.subscription_id.map(str::to_owned),
        subscription_start_date: Some(Timestamp::from(charge.term.0)),
        subscription_end_date: Some(Timestamp::from(charge.term.1)),
        charge_start_date: Some(Timestamp::from(charge.charge.0)),
        charge_end_date: Some(Timestamp::from(charge.charge.1)),
        term_and_billing_cycle: Some(charge.term_and_billing_cycle.clone()),
        alternate_id: Some(charge.order_id.to_owned()),
        pricing_currency: Some(charge.currency.to_owned()),
        pc_to_bc_exchange_rate: Some(Decimal::ONE),
        billable_quantity: Some(charge.quantity),
        invoice_line_item_type: Some(Spelled::from(InvoiceLineItemType::BillingLineItems)),
        billing_provider: Some(Spelled::from(BillingProvider::OneTime)),
        attributes: Some(attributes("OneTimeInvoiceLineItem")),
        ..OneTimeInvoiceLineItem::default()
    }
}

/// The catalog's description of `term` (e.g. "One-Year commitment for monthly/yearly
/// billing"), or the term itself.
pub(crate) fn availability_cycle_text(term: Option<&str>, availability: &Availability) -> String {
    let term = term.unwrap_or_default();
    availability
        .terms
        .iter()
        .flatten()
        .find(|t| t.duration.as_deref() == Some(term))
        .and_then(|t| t.description.clone())
        .unwrap_or_else(|| term.to_owned())
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

/// The refund windows the catalog's cancellation policy gives a term of `availability` that
/// starts at `start` (a purchase, a seat increase or a renewal): the `refundOptions` and the
/// last moment of the longest one (`cancellationAllowedUntilDate`).
pub(crate) fn term_windows(
    availability: &Availability,
    term: &str,
    start: DateTime<Utc>,
) -> (Vec<SubscriptionRefundOption>, Option<DateTime<Utc>>) {
    let policy_windows: Vec<(RefundType, String)> = availability
        .terms
        .iter()
        .flatten()
        .filter(|t| t.duration.as_deref().unwrap_or_default() == term)
        .flat_map(|t| t.cancellation_policies.iter().flatten())
        .flat_map(|p| p.refund_options.iter().flatten())
        .filter_map(|o| {
            Some((
                o.refund_type.as_ref().map(|t| t.value().clone())?,
                o.expires_after.clone()?,
            ))
        })
        .collect();
    let refund_options: Vec<SubscriptionRefundOption> = policy_windows
        .iter()
        .filter_map(|(refund_type, after)| {
            Some(SubscriptionRefundOption {
                refund_type: Some(Spelled::from(refund_type.clone())),
                expires_at: Some(Timestamp::from(add_duration(start, after)?)),
                ..SubscriptionRefundOption::default()
            })
        })
        .collect();
    let until = policy_windows
        .iter()
        .filter_map(|(_, after)| add_duration(start, after))
        .max();
    (refund_options, until)
}

/// A new `attributes.etag`: every write of a subscription or order changes it.
pub(crate) fn new_etag() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// `attributes` of a resource with a fresh etag.
pub(crate) fn attributes_with_etag(object_type: &str) -> pc_core::models::Attributes {
    pc_core::models::Attributes {
        etag: Some(new_etag()),
        ..attributes(object_type)
    }
}

/// The subscription a purchased order line becomes (also used for seeded holdings), bought
/// with `billing_cycle` (the order's).
pub(crate) fn subscription_for(
    customer_id: &str,
    order_id: &str,
    line: &OrderLineItem,
    availability: &Availability,
    kind: ProductKind,
    billing_cycle: Option<BillingCycle>,
    start: DateTime<Utc>,
) -> Subscription {
    let id = line
        .subscription_id
        .as_ref()
        .map(|s| s.as_str().to_owned())
        .unwrap_or_default();
    let term = line.term_duration.clone().unwrap_or_default();
    let end = add_duration(start, &term).and_then(|d| d.checked_sub_days(Days::new(1)));
    let (refund_options, cancellation_until) = term_windows(availability, &term, start);
    let quantity = line.quantity.unwrap_or(0);
    let product = availability.product.as_ref();
    let license_based = matches!(kind, ProductKind::NewCommerceLicense);
    let contract = match kind {
        ProductKind::PerpetualSoftware | ProductKind::SoftwareSubscription => {
            ContractType::ProductKey
        }
        _ => ContractType::Subscription,
    };
    let billing_type = match kind {
        ProductKind::AzurePlan => SubscriptionBillingType::Usage,
        _ => SubscriptionBillingType::License,
    };
    let [product_link, sku_link, availability_link] = catalog_links(availability);
    Subscription {
        id: Some(SubscriptionId::new(id.clone())),
        offer_id: line.offer_id.clone(),
        offer_name: product.and_then(|p| p.title.clone()),
        friendly_name: line.friendly_name.clone(),
        entitlement_id: matches!(kind, ProductKind::AzurePlan)
            .then(|| uuid::Uuid::new_v4().to_string()),
        product_type: product.and_then(|p| p.product_type.clone()),
        quantity: Some(quantity),
        unit_type: Some(
            if matches!(kind, ProductKind::AzurePlan) {
                "Usage-based"
            } else {
                "Licenses"
            }
            .to_owned(),
        ),
        creation_date: Some(Timestamp::from(start)),
        effective_start_date: Some(Timestamp::from(start)),
        commitment_end_date: end.map(Timestamp::from),
        commitment_end_date_time: end
            .and_then(|d| d.date_naive().and_hms_opt(23, 59, 59))
            .map(|d| Timestamp::from(d.and_utc())),
        cancellation_allowed_until_date: cancellation_until.map(Timestamp::from),
        status: Some(Spelled::from(SubscriptionStatus::Active)),
        auto_renew_enabled: Some(license_based),
        billing_type: Some(Spelled::from(billing_type)),
        billing_cycle: billing_cycle.map(Spelled::from),
        term_duration: line.term_duration.clone(),
        renewal_term_duration: Some(if license_based {
            term.clone()
        } else {
            String::new()
        }),
        has_purchasable_addons: Some(false),
        is_trial: availability
            .sku
            .as_ref()
            .and_then(|s| s.is_trial)
            .or(Some(false)),
        is_microsoft_product: Some(true),
        publisher_name: Some("Microsoft Corporation".to_owned()),
        actions: Some(if cancellation_until.is_some() {
            vec!["edit".to_owned(), "cancel".to_owned()]
        } else {
            vec!["edit".to_owned()]
        }),
        contract_type: Some(Spelled::from(contract)),
        order_id: Some(OrderId::new(order_id.to_owned())),
        refund_options: Some(refund_options),
        refundable_quantity: license_based.then(|| RefundableQuantity {
            total_quantity: Some(quantity),
            details: Some(vec![RefundableQuantityDetail {
                quantity: Some(quantity),
                allowed_until_date_time: cancellation_until.map(Timestamp::from),
                ..RefundableQuantityDetail::default()
            }]),
            ..RefundableQuantity::default()
        }),
        links: Some(links([
            product_link,
            sku_link,
            availability_link,
            (
                "self",
                format!("/customers/{customer_id}/subscriptions/{id}"),
            ),
        ])),
        attributes: Some(attributes_with_etag("Subscription")),
        ..Subscription::default()
    }
}

/// The `product`, `sku` and `availability` links of what an availability sells.
pub(crate) fn catalog_links(availability: &Availability) -> [(&'static str, String); 3] {
    let text = |id: Option<&str>| id.unwrap_or_default().to_owned();
    let product = text(availability.product_id.as_ref().map(|p| p.as_str()));
    let sku = text(availability.sku_id.as_ref().map(|s| s.as_str()));
    let id = text(availability.id.as_ref().map(|a| a.as_str()));
    let country = text(availability.country.as_deref());
    [
        ("product", format!("/products/{product}?country={country}")),
        (
            "sku",
            format!("/products/{product}/skus/{sku}?country={country}"),
        ),
        (
            "availability",
            format!("/products/{product}/skus/{sku}/availabilities/{id}?country={country}"),
        ),
    ]
}

/// Whether provisioning of something created at `created_at` (ms) has finished at `now`.
pub(crate) fn provisioned(state: &AppState, created_at: i64, now: i64) -> bool {
    now.saturating_sub(created_at) >= delay_ms(state.config().provisioning_delay)
}

/// The order as Partner Center shows it at `now`: `pending` without subscription IDs until
/// provisioning finishes, then `completed` — or `cancelled` once every line was cancelled.
pub(crate) fn order_at(state: &AppState, mut order: Order, created_at: i64, now: i64) -> Order {
    let cancelled = order
        .status
        .as_ref()
        .is_some_and(|s| *s.value() == OrderStatus::Cancelled);
    if cancelled {
        return order;
    }
    if provisioned(state, created_at, now) {
        order.status = Some(Spelled::from(OrderStatus::Completed));
    } else {
        order.status = Some(Spelled::from(OrderStatus::Pending));
        for line in order.line_items.iter_mut().flatten() {
            line.subscription_id = None;
            if let Some(links) = line.links.as_mut() {
                links.remove("subscription");
            }
        }
    }
    order
}

/// Fulfilment status of an order's lines at `now`.
pub(crate) fn fulfillment_at(state: &AppState, created_at: i64, now: i64) -> FulfillmentStatus {
    if provisioned(state, created_at, now) {
        FulfillmentStatus::Fulfilled
    } else {
        FulfillmentStatus::PrefulfillmentPending
    }
}
