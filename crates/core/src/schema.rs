//! JSON Schemas of the models (feature `schema`), generated from the Rust types with
//! [schemars](https://docs.rs/schemars): pc-sandbox builds its OpenAPI document from them.
//!
//! The models' serde is hand-written, so [`resource!`](crate::wire) and
//! [`wire_enum!`](crate::wire) implement [`JsonSchema`] themselves, through a derived shadow type
//! that carries the doc comments (as the `ts` feature does). What the schemas say is what serde
//! reads and writes:
//!
//! * a resource is an object whose members are all optional (`null` reads as absent), named as
//!   on the wire; members it does not model are allowed and kept (names are matched
//!   case-insensitively on input, which JSON Schema cannot say);
//! * an extensible enum ([`Spelled`] or a `wire_enum!` type) is a string — never a closed
//!   `enum`, since Partner Center sends values this version does not know — with the known
//!   values in `examples` and the description (and an integer where the enum has a numeric
//!   form, e.g. `CartErrorCode`);
//! * a [`Timestamp`](crate::wire::Timestamp) is a string: an RFC 3339 date-time as written, but
//!   any text is read (and kept) on input;
//! * money ([`Decimal`]) is a JSON number within `Decimal`'s range (a string holding a decimal
//!   number is read too);
//! * integers read leniently (`lenient_int`) are an integer or a string holding one; texts read
//!   leniently (`lenient_string`) a string or a number.
//!
//! Nothing here is compiled into the wasm.
//!
//! ```
//! use pc_core::schema::{SchemaGenerator, SchemaSettings};
//! let mut generator = SchemaGenerator::new(SchemaSettings::draft2020_12());
//! let cart = generator.root_schema_for::<pc_core::models::Cart>();
//! let line_items = &cart.as_object().unwrap()["properties"]["lineItems"];
//! assert_eq!(line_items["type"], serde_json::json!(["array", "null"]));
//! assert_eq!(line_items["items"]["$ref"], "#/$defs/CartLineItem");
//! ```

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::marker::PhantomData;

use rust_decimal::Decimal;
pub use schemars::generate::SchemaSettings;
pub use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use crate::wire::Spelled;

/// The largest JSON number that reads as a [`Decimal`]: the largest `f64` at most
/// `Decimal::MAX` (about 7.92e28); the next float up is refused.
const DECIMAL_LIMIT: f64 = 7.922_816_251_426_433e28;

/// How a member type of a resource is described. Implemented for every type a
/// [`resource!`](crate::wire) member can have; unlike [`JsonSchema`] it can cover foreign types
/// such as [`Decimal`] (written as a JSON number by `serde-float`).
pub trait SchemaType {
    /// The member's schema (a `$ref` for named types).
    fn member_schema(generator: &mut SchemaGenerator) -> Schema;
}

/// Presents a [`SchemaType`] as a [`JsonSchema`], for the members of a resource's shadow type.
pub struct Member<T: ?Sized>(PhantomData<T>);

impl<T: SchemaType + ?Sized> JsonSchema for Member<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Member".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::member_schema(generator)
    }
}

/// [`SchemaType`] for types with a [`JsonSchema`] of their own: used through `$ref`.
macro_rules! schema_named {
    ($($ty:ty),* $(,)?) => {$(
        impl $crate::schema::SchemaType for $ty {
            fn member_schema(
                generator: &mut $crate::schema::SchemaGenerator,
            ) -> $crate::schema::Schema {
                generator.subschema_for::<$ty>()
            }
        }
    )*};
}
pub(crate) use schema_named;

impl SchemaType for String {
    fn member_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string" })
    }
}

impl SchemaType for bool {
    fn member_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "boolean" })
    }
}

impl SchemaType for i64 {
    fn member_schema(_: &mut SchemaGenerator) -> Schema {
        integer()
    }
}

impl SchemaType for f64 {
    fn member_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "number" })
    }
}

impl SchemaType for Decimal {
    fn member_schema(_: &mut SchemaGenerator) -> Schema {
        decimal()
    }
}

impl SchemaType for Value {
    fn member_schema(_: &mut SchemaGenerator) -> Schema {
        Schema::from(true)
    }
}

impl SchemaType for serde_json::Map<String, Value> {
    fn member_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "object" })
    }
}

impl<T: SchemaType> SchemaType for Vec<T> {
    fn member_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "array", "items": T::member_schema(generator) })
    }
}

impl<T: SchemaType> SchemaType for Box<T> {
    fn member_schema(generator: &mut SchemaGenerator) -> Schema {
        T::member_schema(generator)
    }
}

impl<V: SchemaType> SchemaType for BTreeMap<String, V> {
    fn member_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "object", "additionalProperties": V::member_schema(generator) })
    }
}

/// A value kept with the spelling it arrived in is described as its enum.
impl<E: JsonSchema> SchemaType for Spelled<E> {
    fn member_schema(generator: &mut SchemaGenerator) -> Schema {
        generator.subschema_for::<E>()
    }
}

/// An `i64`: a JSON integer within its range.
pub fn integer() -> Schema {
    json_schema!({ "type": "integer", "minimum": i64::MIN, "maximum": i64::MAX })
}

/// A [`Decimal`] amount: written as a JSON number; read from a number or a string holding a
/// decimal number (`"0"`, `"12.50"`), as `rust_decimal` reads it.
pub fn decimal() -> Schema {
    json_schema!({
        "type": ["number", "string"],
        "minimum": -DECIMAL_LIMIT,
        "maximum": DECIMAL_LIMIT,
        "pattern": "^-?[0-9]{1,20}(\\.[0-9]{1,8})?$",
    })
}

/// The schema of an extensible enum: a string whose known values are listed in `examples` and
/// the description, without closing the set; with `numbers` (the enum's numeric wire forms, e.g.
/// `CartErrorCode` 10001) also one of those integers.
pub fn open_enum(description: Option<&str>, known: &[&str], numbers: &[i64]) -> Schema {
    let list = known
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut note = format!(
        "Known values: {list}; compared ignoring case and `_`/`-`. Other values are kept as sent (Partner Center adds values)."
    );
    if !numbers.is_empty() {
        note.push_str(" Also sent as its number.");
    }
    let description = match description {
        Some(text) if !text.is_empty() => format!("{text}\n\n{note}"),
        _ => note,
    };
    if numbers.is_empty() {
        json_schema!({ "type": "string", "description": description, "examples": known })
    } else {
        json_schema!({
            "anyOf": [{ "type": "string" }, { "type": "integer", "enum": numbers }],
            "description": description,
            "examples": known,
        })
    }
}

/// The numeric forms of a `wire_enum!`: none, or [`NumericForms::numbers`] when it has
/// `from_number`.
macro_rules! numbers_of {
    ($name:ident) => {
        Vec::new()
    };
    ($name:ident, $from_number:path) => {{
        let _ = $from_number;
        <$name as $crate::schema::NumericForms>::numbers()
    }};
}
pub(crate) use numbers_of;

/// The numeric wire forms of an enum that has them (`wire_enum!` with `from_number`).
pub trait NumericForms {
    /// Every number that reads as a value.
    fn numbers() -> Vec<i64>;
}

/// The description a derived schema carries (from doc comments), if any.
pub fn description_of<T: JsonSchema>(generator: &mut SchemaGenerator) -> Option<String> {
    T::json_schema(generator)
        .get("description")
        .and_then(Value::as_str)
        .map(str::to_owned)
}

/// Schemas of the `with` modules of [`crate::wire`].
pub mod lenient {
    use super::*;

    /// `lenient_int`: an integer, or a string holding one (read; written as a number).
    pub struct Int;

    impl JsonSchema for Int {
        fn inline_schema() -> bool {
            true
        }
        fn schema_name() -> Cow<'static, str> {
            "LenientInt".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": ["integer", "string"],
                "minimum": i64::MIN,
                "maximum": i64::MAX,
                "pattern": "^[+-]?[0-9]{1,18}$",
            })
        }
    }

    /// `lenient_string`: a string, or a number read as its text (written as a string).
    pub struct Text;

    impl JsonSchema for Text {
        fn inline_schema() -> bool {
            true
        }
        fn schema_name() -> Cow<'static, str> {
            "LenientString".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({ "type": ["string", "number"] })
        }
    }
}

/// The member type of a resource's shadow type: the member's own type, or the schema of its
/// `with` module.
macro_rules! member_type {
    ($ty:ty) => {
        $crate::schema::Member<$ty>
    };
    ($ty:ty, lenient_int) => {
        $crate::schema::lenient::Int
    };
    ($ty:ty, lenient_string) => {
        $crate::schema::lenient::Text
    };
}
pub(crate) use member_type;

/// Every resource schema that pc-core's models define, by name: for documents that list them
/// all (`components.schemas`).
pub fn add_models(generator: &mut SchemaGenerator) {
    use crate::models::*;
    macro_rules! add {
        ($($ty:ty),* $(,)?) => {$( let _ = generator.subschema_for::<$ty>(); )*};
    }
    add!(
        Product,
        Sku,
        Availability,
        InventoryCheckRequest,
        InventoryItem,
        Cart,
        CartCheckoutResult,
        Order,
        OrderLineItemProvisioningStatus,
        Subscription,
        SubscriptionProvisioningStatus,
        SubscriptionRegistrationStatus,
        Entitlement,
        ReservedInstanceArtifactDetails,
        Invoice,
        InvoiceSummary,
        InvoiceLineItem,
        EstimateLink,
        Customer,
        CustomerQualification,
        Agreement,
        ApiError,
        ThrottleError,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    use crate::models::{Cart, Collection, InvoiceLineItem, Subscription};

    fn generator() -> SchemaGenerator {
        SchemaGenerator::new(SchemaSettings::draft2020_12())
    }

    #[test]
    fn resources_are_open_objects_of_optional_members() {
        let mut g = generator();
        let cart = Cart::json_schema(&mut g);
        assert_eq!(cart.get("type"), Some(&json!("object")));
        assert!(cart.get("required").is_none());
        assert_ne!(cart.get("additionalProperties"), Some(&json!(false)));
        assert!(
            cart.get("description")
                .and_then(Value::as_str)
                .is_some_and(|d| d.contains("what a partner is about to buy"))
        );
        let defs = g.definitions();
        let line = &defs["CartLineItem"];
        assert_eq!(
            line.pointer("/properties/quantity/type"),
            Some(&json!(["integer", "string", "null"]))
        );
    }

    #[test]
    fn enums_are_open_strings_with_known_values() {
        let mut g = generator();
        let _ = Subscription::json_schema(&mut g);
        let status = &g.definitions()["SubscriptionStatus"];
        assert_eq!(status["type"], json!("string"));
        assert!(status.get("enum").is_none());
        assert!(
            status["examples"]
                .as_array()
                .is_some_and(|v| v.contains(&json!("active")))
        );
    }

    #[test]
    fn collections_and_line_items_have_schemas() {
        let mut g = generator();
        let collection = <Collection<InvoiceLineItem>>::json_schema(&mut g);
        assert_eq!(
            collection.pointer("/properties/items/items/$ref"),
            Some(&json!("#/$defs/InvoiceLineItem"))
        );
        assert!(g.definitions().contains_key("OneTimeInvoiceLineItem"));
    }
}
