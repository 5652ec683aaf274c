//! Values across the boundary as JSON text: JavaScript values are `JSON.stringify`-ed and decoded
//! with the models' own serde (so a bad member is reported with its JSON path), results are
//! serialized with serde and `JSON.parse`-d. This reuses the code the models need anyway instead
//! of a second, JsValue-walking serde format.

use js_sys::{JSON, Reflect};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast as _, JsValue};

/// A JavaScript `TypeError` for input that is not of the expected shape: the message is
/// `invalid input at <path>: <what>` and the error has a `path` property (e.g.
/// `$.cart.lineItems[0].quantity`).
pub(crate) fn input_error(path: &str, message: &str) -> JsValue {
    let error = js_sys::TypeError::new(&format!("invalid input at {path}: {message}"));
    // Setting a property on a fresh error object cannot fail.
    let _ = Reflect::set(&error, &JsValue::from_str("path"), &JsValue::from_str(path));
    error.into()
}

/// `path` below the argument `name`: `$` + `.name` + the rest of `path` (`$.lineItems[0]` →
/// `$.cart.lineItems[0]`).
fn below(name: &str, path: &str) -> String {
    let rest = path.strip_prefix('$').unwrap_or(path);
    if name.is_empty() {
        format!("${rest}")
    } else {
        format!("$.{name}{rest}")
    }
}

/// The JSON text of a JavaScript value, or the input error for argument `name` (undefined,
/// functions and symbols have no JSON; cycles and BigInts make `JSON.stringify` throw).
pub(crate) fn json_of(value: &JsValue, name: &str) -> Result<String, JsValue> {
    let text = JSON::stringify(value).map_err(|error| {
        let reason = error.dyn_ref::<js_sys::Error>().map_or_else(
            || "not serializable as JSON".to_owned(),
            |e| e.message().into(),
        );
        input_error(&below(name, "$"), &reason)
    })?;
    text.as_string().ok_or_else(|| {
        let kind = value.js_typeof().as_string().unwrap_or_default();
        input_error(&below(name, "$"), &format!("expected a value, got {kind}"))
    })
}

/// Decodes JSON text as `T` with pc-core's one decoder ([`pc_core::json::decode`], from bytes as
/// pc-client decodes responses: one instantiation of the decoders for both); errors name the
/// JSON path below argument `name`, and text after the value other than whitespace is an error.
pub(crate) fn decode_json<T: DeserializeOwned>(json: &str, name: &str) -> Result<T, JsValue> {
    pc_core::json::decode(json.as_bytes())
        .map_err(|error| input_error(&below(name, &error.path.to_string()), &error.message))
}

/// Decodes the JavaScript argument `name` as `T` (through its JSON).
pub(crate) fn from_js<T: DeserializeOwned>(value: &JsValue, name: &str) -> Result<T, JsValue> {
    decode_json(&json_of(value, name)?, name)
}

/// Decodes an optional argument: `undefined` and `null` are `T::default()`.
#[cfg(feature = "client")]
pub(crate) fn from_js_or_default<T: DeserializeOwned + Default>(
    value: &JsValue,
    name: &str,
) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        Ok(T::default())
    } else {
        from_js(value, name)
    }
}

/// A plain JavaScript value (objects, arrays, numbers, strings) of `value`'s JSON.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| js_sys::Error::new(&e.to_string()))?;
    JSON::parse(&text)
}

#[cfg(test)]
mod tests {
    use super::below;

    #[test]
    fn paths_are_rooted_at_the_argument() {
        assert_eq!(
            below("cart", "$.lineItems[0].quantity"),
            "$.cart.lineItems[0].quantity"
        );
        assert_eq!(below("cart", "$"), "$.cart");
        assert_eq!(below("", "$.context.now"), "$.context.now");
    }
}
