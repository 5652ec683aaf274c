//! `validateCart` and `explainFinding`: pc-core's purchase rules and pc-i18n's plain-language
//! findings for JavaScript; and the lifecycle rules after the purchase (`allowedChanges`,
//! `checkChange`, `refund`, `checkSoftwareCancellation`, `softwareRefund`,
//! `offeredCombinations`, `productKind`) — the functions the portal runs and pc-sandbox
//! enforces.

use chrono::{DateTime, Utc};
use pc_core::models::{Availability, Order, OrderLineItem};
use pc_core::rules::{
    CheckCartInput, ContextSources, Finding, ProductKind, SubscriptionChange, SubscriptionFacts,
    build_purchase_context, validate_cart,
};
use pc_i18n::Locale;
use wasm_bindgen::prelude::*;

use crate::convert::{decode_json, from_js, input_error, json_of, to_js};

/// Runs every purchase rule over `cart` in `context` and previews how the cart splits into
/// orders: the rules contract `{cart, context}` → `{findings, orderGroups}` of pc-core's
/// `validate_cart` (the same function the sandbox runs at checkout).
///
/// `cart` is Partner Center's own cart shape (members case-insensitive, unknown members
/// ignored); `context` holds `now` (ISO 8601), `partner`, `customer`, and optionally `catalog`
/// (availabilities) and `inventory` (checkInventory results).
///
/// # Errors
/// Throws a `TypeError` when the input is not of that shape; its message and its `path` property
/// name the JSON path of the first bad member, e.g. `$.context.now` or
/// `$.cart.lineItems[0].quantity`. Never for findings: a cart that would fail yields findings.
#[wasm_bindgen(
    js_name = validateCart,
    unchecked_return_type = "Validation"
)]
pub fn validate_cart_js(
    #[wasm_bindgen(unchecked_param_type = "Cart")] cart: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PurchaseContext")] context: JsValue,
) -> Result<JsValue, JsValue> {
    let json = format!(
        r#"{{"cart":{},"context":{}}}"#,
        json_of(&cart, "cart")?,
        json_of(&context, "context")?
    );
    // The contract's input, read as pc-core's `parse_input` reads it (paths from `$`), but from
    // bytes like every other decode here: one instantiation of the decoders.
    let input: CheckCartInput = decode_json(&json, "")?;
    to_js(&validate_cart(&input.cart, &input.context))
}

/// Builds the rules' `context` for `validateCart` from Partner Center's own answers about a
/// customer: pc-core's `build_purchase_context`, the same builder the portal and the sandbox's
/// checkout use, so a dashboard, the portal and checkout cannot disagree.
///
/// `sources` is `{now, partner, customer, qualifications?, agreements?, orders?,
/// subscriptions?, products?, catalog?, registrations?, inventory?}`: the customer
/// (`GET /customers/{id}`), its qualifications, agreements, every order (each with its
/// `currencyCode` and lines), subscriptions, the products (`GET /products/{id}`) its orders'
/// lines name, the availabilities the cart names, the Azure subscriptions' registration status
/// and inventory-check results. Existing purchases (with currencies, for the EU rule) come from
/// the orders; see `ContextSources` in `models.d.ts`.
///
/// # Errors
/// Throws a `TypeError` naming the JSON path of the first bad member, e.g. `$.now`.
#[wasm_bindgen(
    js_name = buildPurchaseContext,
    unchecked_return_type = "PurchaseContext"
)]
pub fn build_purchase_context_js(
    #[wasm_bindgen(unchecked_param_type = "ContextSources")] sources: JsValue,
) -> Result<JsValue, JsValue> {
    let sources: ContextSources = decode_json(&json_of(&sources, "")?, "")?;
    to_js(&build_purchase_context(&sources))
}

/// A finding in plain words: the message for its `code` with its `params` filled in, followed by
/// the Partner Center error it prevents when it has one (pc-i18n's translations, the same text the
/// portal shows).
///
/// `locale` is a BCP 47 tag: `en-US` (the default), `sv-SE`, `nl-NL` or `he-IL`; a language alone
/// (`sv`) picks its region, and any other tag falls back to `en-US`.
///
/// # Errors
/// Throws a `TypeError` naming the JSON path when `finding` is not a finding (e.g. `$.code` for
/// an unknown code).
#[wasm_bindgen(js_name = explainFinding)]
pub fn explain_finding_js(
    #[wasm_bindgen(unchecked_param_type = "Finding")] finding: JsValue,
    locale: Option<String>,
) -> Result<String, JsValue> {
    let finding: Finding = decode_json(&json_of(&finding, "")?, "")?;
    let locale = locale
        .as_deref()
        .and_then(Locale::from_tag)
        .unwrap_or_default();
    Ok(crate::findings::explain_finding(&finding, locale))
}

/// The locales `explainFinding` and the client's `locale` support, as BCP 47 tags.
#[wasm_bindgen(js_name = supportedLocales, unchecked_return_type = "string[]")]
pub fn supported_locales() -> Vec<String> {
    Locale::ALL.iter().map(|l| l.tag().to_owned()).collect()
}

/// `now` of a lifecycle rule: an ISO 8601 instant, or this machine's clock when absent (pass the
/// client's `serverNow()` so windows agree with the server's).
fn now_of(now: Option<String>) -> Result<DateTime<Utc>, JsValue> {
    match now {
        None => Ok(Utc::now()),
        Some(text) => DateTime::parse_from_rfc3339(text.trim())
            .map(|d| d.with_timezone(&Utc))
            .map_err(|e| input_error("$.now", &format!("expected an ISO 8601 instant: {e}"))),
    }
}

/// Every change a subscription allows at `now` and until when, or the finding that stands in
/// its way: `{addSeats, reduceSeats, cancel, autoRenew, scheduleNextTerm}`, each `{allowed,
/// until, quantity, finding}` (pc-core's `allowed_changes`).
///
/// `facts` is `{subscription, kind, unitPrice?, currency?, availability?}`: the subscription as
/// Partner Center returns it, what it is (`productKind(availability)`), the price of one seat
/// for one billing period and its currency (the `pricing.price` of the order line that bought
/// it and the order's `currencyCode`), and the availability (SKU limits, terms). `now` is an
/// ISO 8601 instant (default: this machine's clock; pass `client.serverNow()`).
///
/// # Errors
/// Throws a `TypeError` naming the JSON path of the first bad member, e.g. `$.facts.kind`.
#[wasm_bindgen(js_name = allowedChanges, unchecked_return_type = "AllowedChanges")]
pub fn allowed_changes_js(
    #[wasm_bindgen(unchecked_param_type = "SubscriptionFacts")] facts: JsValue,
    now: Option<String>,
) -> Result<JsValue, JsValue> {
    let facts: SubscriptionFacts = from_js(&facts, "facts")?;
    to_js(&pc_core::rules::allowed_changes(&facts, now_of(now)?))
}

/// The findings against one change of a subscription at `now` (`{change: "quantity",
/// quantity}`, `{change: "cancel"}`, `{change: "autoRenew", enabled}`, `{change:
/// "scheduleNextTerm", instructions}`, `{change: "clearScheduledNextTerm"}`); empty when Partner
/// Center accepts it (pc-core's `check_change`). Each finding names the Partner Center error it
/// prevents (900117, 900214, 800090, 900275, …); `explainFinding` puts it in words.
///
/// # Errors
/// Throws a `TypeError` naming the JSON path of the first bad member, e.g. `$.change.change`.
#[wasm_bindgen(js_name = checkChange, unchecked_return_type = "Finding[]")]
pub fn check_change_js(
    #[wasm_bindgen(unchecked_param_type = "SubscriptionFacts")] facts: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SubscriptionChange")] change: JsValue,
    now: Option<String>,
) -> Result<JsValue, JsValue> {
    let facts: SubscriptionFacts = from_js(&facts, "facts")?;
    let change: SubscriptionChange = from_js(&change, "change")?;
    to_js(&pc_core::rules::check_change(&facts, &change, now_of(now)?))
}

/// The refund a seat reduction or a cancellation gives at `now`, `{amount, currency, quantity}`
/// (the unused days of the billing period already charged, rounded to cents; `amount` a number,
/// as every amount of the models), or `null` for other changes, refused ones and unknown prices (pc-core's `refund`).
///
/// # Errors
/// Throws a `TypeError` naming the JSON path of the first bad member.
#[wasm_bindgen(js_name = refund, unchecked_return_type = "Refund | null")]
pub fn refund_js(
    #[wasm_bindgen(unchecked_param_type = "SubscriptionFacts")] facts: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SubscriptionChange")] change: JsValue,
    now: Option<String>,
) -> Result<JsValue, JsValue> {
    let facts: SubscriptionFacts = from_js(&facts, "facts")?;
    let change: SubscriptionChange = from_js(&change, "change")?;
    to_js(&pc_core::rules::refund(&facts, &change, now_of(now)?))
}

/// The findings against cancelling line `lineItem` of software order `order` at `now`: only
/// software lines (`kind` `PerpetualSoftware`, 30 days, or `SoftwareSubscription`, 168 hours)
/// of an order not cancelled yet, within their window (900117); empty when allowed (pc-core's
/// `check_software_cancellation`).
///
/// # Errors
/// Throws a `TypeError` naming the JSON path of the first bad member, e.g. `$.kind`.
#[wasm_bindgen(js_name = checkSoftwareCancellation, unchecked_return_type = "Finding[]")]
pub fn check_software_cancellation_js(
    #[wasm_bindgen(unchecked_param_type = "Order")] order: JsValue,
    #[wasm_bindgen(js_name = lineItem, unchecked_param_type = "OrderLineItem")] line_item: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ProductKind")] kind: JsValue,
    now: Option<String>,
) -> Result<JsValue, JsValue> {
    let (order, line, kind) = software_input(&order, &line_item, &kind)?;
    to_js(&pc_core::rules::check_software_cancellation(
        &order,
        &line,
        kind,
        now_of(now)?,
    ))
}

/// The refund for cancelling software line `lineItem` of `order` at `now`: the line's whole
/// charge in the order's currency, or `null` when it cannot be cancelled or its price is unknown
/// (pc-core's `software_refund`).
///
/// # Errors
/// Throws a `TypeError` naming the JSON path of the first bad member.
#[wasm_bindgen(js_name = softwareRefund, unchecked_return_type = "Refund | null")]
pub fn software_refund_js(
    #[wasm_bindgen(unchecked_param_type = "Order")] order: JsValue,
    #[wasm_bindgen(js_name = lineItem, unchecked_param_type = "OrderLineItem")] line_item: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ProductKind")] kind: JsValue,
    now: Option<String>,
) -> Result<JsValue, JsValue> {
    let (order, line, kind) = software_input(&order, &line_item, &kind)?;
    to_js(&pc_core::rules::software_refund(
        &order,
        &line,
        kind,
        now_of(now)?,
    ))
}

fn software_input(
    order: &JsValue,
    line_item: &JsValue,
    kind: &JsValue,
) -> Result<(Order, OrderLineItem, ProductKind), JsValue> {
    Ok((
        from_js(order, "order")?,
        from_js(line_item, "lineItem")?,
        from_js(kind, "kind")?,
    ))
}

/// The term and billing-cycle pairs an availability offers, `[{termDuration, billingCycle}]`:
/// what a change scheduled for the renewal may choose (pc-core's `offered_combinations`).
///
/// # Errors
/// Throws a `TypeError` naming the JSON path of the first bad member.
#[wasm_bindgen(js_name = offeredCombinations, unchecked_return_type = "TermOption[]")]
pub fn offered_combinations_js(
    #[wasm_bindgen(unchecked_param_type = "Availability")] availability: JsValue,
) -> Result<JsValue, JsValue> {
    let availability: Availability = from_js(&availability, "availability")?;
    to_js(&pc_core::rules::offered_combinations(&availability))
}

/// What an availability sells (`NewCommerceLicense`, `PerpetualSoftware`,
/// `SoftwareSubscription`, `AzureReservation`, `AzurePlan`, `Other`): the `kind` of
/// `SubscriptionFacts` and of the software cancellation rules.
///
/// # Errors
/// Throws a `TypeError` naming the JSON path of the first bad member.
#[wasm_bindgen(js_name = productKind, unchecked_return_type = "ProductKind")]
pub fn product_kind_js(
    #[wasm_bindgen(unchecked_param_type = "Availability")] availability: JsValue,
) -> Result<JsValue, JsValue> {
    let availability: Availability = from_js(&availability, "availability")?;
    to_js(&ProductKind::of(&availability))
}
