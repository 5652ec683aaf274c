//! `validateCart` and `explainFinding`: pc-core's purchase rules and pc-i18n's plain-language
//! findings for JavaScript.

use pc_core::rules::{
    CheckCartInput, ContextSources, Finding, build_purchase_context, validate_cart,
};
use pc_i18n::Locale;
use wasm_bindgen::prelude::*;

use crate::convert::{decode_json, json_of, to_js};

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
    Ok(crate::findings::explain(&finding, locale))
}

/// The locales `explainFinding` and the client's `locale` support, as BCP 47 tags.
#[wasm_bindgen(js_name = supportedLocales, unchecked_return_type = "string[]")]
pub fn supported_locales() -> Vec<String> {
    Locale::ALL.iter().map(|l| l.tag().to_owned()).collect()
}
