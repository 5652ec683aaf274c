//! Wire-format building blocks shared by every model: enum values that keep the spelling
//! Partner Center (or a client) used, lenient timestamps, and numbers that may arrive as strings.
//!
//! Partner Center is not consistent about spelling (`one_time` vs `OneTime`, `NotRegistered` vs
//! `notregistered`, `"2015-11-25T06: 41: 12Z"` in a documented example, `"unitPrice": "0"`).
//! These types accept every documented variant and write back what was read, so a resource that
//! is read, changed and sent back loses nothing. The variants are those of the request and
//! response examples on Microsoft's Partner Center REST pages, where they differ from the
//! pages' own property tables (e.g. *Cart resources* says `creationTimeStamp`, responses send
//! `creationTimestamp`).

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// Unknown JSON members of a resource, kept so that they are written back unchanged.
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// Whether two enum spellings name the same value: ASCII case, `_`, `-` and spaces are ignored,
/// so `one_time`, `OneTime` and `ONE-TIME` are equal (SDK `EnumJsonConverter` accepts both forms).
pub fn same_spelling(a: &str, b: &str) -> bool {
    let mut a = a.chars().filter(|c| !is_separator(*c));
    let mut b = b.chars().filter(|c| !is_separator(*c));
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(&y) => {}
            _ => return false,
        }
    }
}

/// Feeds the spelling-insensitive form of `s` into a hasher (consistent with [`same_spelling`]).
pub fn hash_spelling<H: Hasher>(s: &str, state: &mut H) {
    for c in s.chars().filter(|c| !is_separator(*c)) {
        c.to_ascii_lowercase().hash(state);
    }
}

fn is_separator(c: char) -> bool {
    matches!(c, '_' | '-' | ' ')
}

/// An enum Partner Center may extend: parsing never fails (unknown values are kept) and each
/// value has one canonical wire spelling.
pub trait WireEnum: Sized {
    /// Parses a spelling case- and separator-insensitively; unknown values become `Unknown`.
    fn parse(s: &str) -> Self;
    /// The canonical wire spelling (Partner Center's response form).
    fn as_str(&self) -> &str;
    /// The value for a numeric wire form (e.g. `CartErrorCode` 10001), if the enum has one.
    fn from_number(_n: i64) -> Option<Self> {
        None
    }
}

/// How a value was written on the wire, when that differs from the canonical spelling.
#[derive(Clone, Debug, PartialEq, Eq)]
enum RawSpelling {
    Text(Box<str>),
    Number(i64),
}

/// An enum value together with the spelling it arrived in.
///
/// Compares, hashes and dereferences as the enum value; serializes as it was read (a request
/// body's `"BillingCycle": "Monthly"` is written back as `"Monthly"`), and values built in code
/// serialize with the canonical spelling.
#[derive(Clone, Debug)]
pub struct Spelled<E> {
    value: E,
    raw: Option<RawSpelling>,
}

impl<E> Spelled<E> {
    /// The enum value.
    pub fn value(&self) -> &E {
        &self.value
    }

    /// Consumes the wrapper and returns the enum value.
    pub fn into_value(self) -> E {
        self.value
    }
}

impl<E: WireEnum> Spelled<E> {
    /// The spelling that will be written: the one read, or the canonical one.
    pub fn spelling(&self) -> String {
        match &self.raw {
            Some(RawSpelling::Text(s)) => s.to_string(),
            Some(RawSpelling::Number(n)) => n.to_string(),
            None => self.value.as_str().to_owned(),
        }
    }
}

impl<E> From<E> for Spelled<E> {
    fn from(value: E) -> Self {
        Self { value, raw: None }
    }
}

impl<E> Deref for Spelled<E> {
    type Target = E;
    fn deref(&self) -> &E {
        &self.value
    }
}

impl<E: PartialEq> PartialEq for Spelled<E> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<E: Eq> Eq for Spelled<E> {}

impl<E: Hash> Hash for Spelled<E> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl<E: PartialEq> PartialEq<E> for Spelled<E> {
    fn eq(&self, other: &E) -> bool {
        &self.value == other
    }
}

impl<E: WireEnum> fmt::Display for Spelled<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.value.as_str())
    }
}

impl<E: WireEnum> Serialize for Spelled<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.raw {
            Some(RawSpelling::Text(s)) => serializer.serialize_str(s),
            Some(RawSpelling::Number(n)) => serializer.serialize_i64(*n),
            None => serializer.serialize_str(self.value.as_str()),
        }
    }
}

/// What to call the expected value in an enum's decode error.
const ENUM_EXPECTED: &str = "an enum value as a string";

/// The wire form of an enum value, read by one visitor for every enum: each [`Spelled`] type then
/// only parses the text (so the wasm holds one copy of the visitor, not one per enum).
impl<'de> Deserialize<'de> for RawSpelling {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RawVisitor;
        impl Visitor<'_> for RawVisitor {
            type Value = RawSpelling;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(ENUM_EXPECTED)
            }
            fn visit_str<Er: de::Error>(self, s: &str) -> Result<RawSpelling, Er> {
                Ok(RawSpelling::Text(s.into()))
            }
            fn visit_i64<Er: de::Error>(self, n: i64) -> Result<RawSpelling, Er> {
                Ok(RawSpelling::Number(n))
            }
            fn visit_u64<Er: de::Error>(self, n: u64) -> Result<RawSpelling, Er> {
                i64::try_from(n)
                    .map(RawSpelling::Number)
                    .map_err(|_| Er::invalid_type(de::Unexpected::Unsigned(n), &self))
            }
        }
        deserializer.deserialize_any(RawVisitor)
    }
}

impl<'de, E: WireEnum> Deserialize<'de> for Spelled<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match RawSpelling::deserialize(deserializer)? {
            RawSpelling::Text(s) => {
                let value = E::parse(&s);
                let raw = (value.as_str() != &*s).then_some(RawSpelling::Text(s));
                Ok(Spelled { value, raw })
            }
            RawSpelling::Number(n) => match E::from_number(n) {
                Some(value) => Ok(Spelled {
                    value,
                    raw: Some(RawSpelling::Number(n)),
                }),
                None => Err(de::Error::invalid_type(
                    de::Unexpected::Signed(n),
                    &ENUM_EXPECTED,
                )),
            },
        }
    }
}

/// Defines a Partner Center enum: `#[non_exhaustive]`, an `Unknown(String)` fallback,
/// case- and separator-insensitive parsing that never fails, canonical serialization.
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal $(| $alias:literal)* ),+ $(,)?
        }
        $(from_number = $from_number:path)?
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version does not know, kept as received.
            Unknown(String),
        }

        impl $crate::wire::WireEnum for $name {
            fn parse(s: &str) -> Self {
                $(
                    if $crate::wire::same_spelling(s, $wire)
                        || $crate::wire::same_spelling(s, stringify!($variant))
                        $(|| $crate::wire::same_spelling(s, $alias))*
                    {
                        return Self::$variant;
                    }
                )+
                Self::Unknown(s.to_owned())
            }
            fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Unknown(s) => s,
                }
            }
            $(
                fn from_number(n: i64) -> Option<Self> {
                    $from_number(n)
                }
            )?
        }

        impl $name {
            /// The canonical wire spelling.
            pub fn as_str(&self) -> &str {
                <Self as $crate::wire::WireEnum>::as_str(self)
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                match (self, other) {
                    (Self::Unknown(a), Self::Unknown(b)) => $crate::wire::same_spelling(a, b),
                    (a, b) => std::mem::discriminant(a) == std::mem::discriminant(b),
                }
            }
        }
        impl Eq for $name {}

        impl std::hash::Hash for $name {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                std::mem::discriminant(self).hash(state);
                if let Self::Unknown(s) = self {
                    $crate::wire::hash_spelling(s, state);
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(<Self as $crate::wire::WireEnum>::parse(s))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let spelled = <$crate::wire::Spelled<$name>>::deserialize(deserializer)?;
                Ok(spelled.into_value())
            }
        }

        // TypeScript: the canonical spellings, numbers when the enum has a numeric form, and
        // any other string (values this version does not know are kept).
        #[cfg(feature = "ts")]
        const _: () = {
            $(#[$meta])*
            #[derive(ts_rs::TS)]
            #[allow(dead_code)]
            struct Docs;

            impl ts_rs::TS for $name {
                type WithoutGenerics = Self;
                type OptionInnerType = Self;
                fn docs() -> Option<String> {
                    <Docs as ts_rs::TS>::docs()
                }
                fn name(_: &ts_rs::Config) -> String {
                    stringify!($name).to_owned()
                }
                fn inline(_: &ts_rs::Config) -> String {
                    let mut out = String::new();
                    $( out.push_str(concat!("\"", $wire, "\" | ")); )+
                    $(
                        let _ = $from_number;
                        out.push_str("number | ");
                    )?
                    out.push_str("(string & {})");
                    out
                }
                fn decl(cfg: &ts_rs::Config) -> String {
                    format!("type {} = {};", Self::name(cfg), Self::inline(cfg))
                }
                fn decl_concrete(cfg: &ts_rs::Config) -> String {
                    Self::decl(cfg)
                }
                fn output_path() -> Option<std::path::PathBuf> {
                    Some(std::path::PathBuf::from(concat!(stringify!($name), ".ts")))
                }
            }

            $crate::ts::ts_named!($name);
        };

        // JSON Schema: a string (or integer, with a numeric form) listing the canonical
        // spellings as examples, never a closed enum (values this version does not know are kept).
        #[cfg(feature = "schema")]
        const _: () = {
            $(#[$meta])*
            #[derive(schemars::JsonSchema)]
            #[allow(dead_code)]
            struct Docs;

            impl schemars::JsonSchema for $name {
                fn schema_name() -> std::borrow::Cow<'static, str> {
                    stringify!($name).into()
                }
                fn schema_id() -> std::borrow::Cow<'static, str> {
                    concat!(module_path!(), "::", stringify!($name)).into()
                }
                fn json_schema(
                    generator: &mut schemars::SchemaGenerator,
                ) -> schemars::Schema {
                    let description = $crate::schema::description_of::<Docs>(generator);
                    let numbers: Vec<i64> = $crate::schema::numbers_of!($name $(, $from_number)?);
                    $crate::schema::open_enum(description.as_deref(), &[$($wire),+], &numbers)
                }
            }

            $crate::schema::schema_named!($name);
        };
    };
}
pub(crate) use wire_enum;

/// A resource type's known JSON members.
pub trait Members {
    /// Whether `key` names one of the type's members (ASCII case-insensitive).
    fn is_member(key: &str) -> bool;
}

/// Defines a Partner Center resource struct: every member optional (`Option<T>`, omitted when
/// `None`), members matched case-insensitively on input (`LineItems` = `lineItems`), unknown
/// members kept in `extra` and written back after the known ones.
///
/// Unlike `#[serde(flatten)]`, the generated deserializer reads each member straight from the
/// input, so a decode error names the exact JSON path (`serde_path_to_error`).
macro_rules! resource {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$fmeta:meta])*
                $wire:literal => $field:ident : $ty:ty $([$with:ident])?
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct $name {
            $(
                $(#[$fmeta])*
                pub $field: Option<$ty>,
            )*
            /// Members this version does not model, written back unchanged.
            pub extra: $crate::wire::Extra,
        }

        impl $crate::wire::Members for $name {
            fn is_member(key: &str) -> bool {
                [$($wire),*].iter().any(|member| member.eq_ignore_ascii_case(key))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(None)?;
                $(
                    if let Some(value) = &self.$field {
                        map.serialize_entry($wire, value)?;
                    }
                )*
                for (key, value) in &self.extra {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct ResourceVisitor;
                impl<'de> serde::de::Visitor<'de> for ResourceVisitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " object"))
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<$name, A::Error> {
                        let mut out = $name::default();
                        while let Some(key) = map.next_key::<String>()? {
                            $(
                                if key.eq_ignore_ascii_case($wire) {
                                    out.$field = $crate::wire::member_value!(map, $ty $(, $with)?);
                                    continue;
                                }
                            )*
                            let value = map.next_value::<serde_json::Value>()?;
                            out.extra.insert(key, value);
                        }
                        Ok(out)
                    }
                }
                deserializer.deserialize_map(ResourceVisitor)
            }
        }

        // TypeScript: an object of optional members named as on the wire, declared through a
        // derived shadow type (so member docs become JSDoc); `extra` is not part of it.
        #[cfg(feature = "ts")]
        const _: () = {
            $(#[$meta])*
            #[derive(ts_rs::TS)]
            #[ts(rename = stringify!($name), optional_fields)]
            #[allow(dead_code)]
            struct Shadow {
                $(
                    $(#[$fmeta])*
                    #[ts(rename = $wire)]
                    $field: Option<$crate::ts::TsOf<$ty>>,
                )*
            }

            impl ts_rs::TS for $name {
                type WithoutGenerics = Self;
                type OptionInnerType = Self;
                fn docs() -> Option<String> {
                    <Shadow as ts_rs::TS>::docs()
                }
                fn name(cfg: &ts_rs::Config) -> String {
                    <Shadow as ts_rs::TS>::name(cfg)
                }
                fn inline(cfg: &ts_rs::Config) -> String {
                    <Shadow as ts_rs::TS>::inline(cfg)
                }
                fn inline_flattened(cfg: &ts_rs::Config) -> String {
                    <Shadow as ts_rs::TS>::inline_flattened(cfg)
                }
                fn decl(cfg: &ts_rs::Config) -> String {
                    <Shadow as ts_rs::TS>::decl(cfg)
                }
                fn decl_concrete(cfg: &ts_rs::Config) -> String {
                    <Shadow as ts_rs::TS>::decl_concrete(cfg)
                }
                fn visit_dependencies(v: &mut impl ts_rs::TypeVisitor) {
                    <Shadow as ts_rs::TS>::visit_dependencies(v);
                }
                fn output_path() -> Option<std::path::PathBuf> {
                    Some(std::path::PathBuf::from(concat!(stringify!($name), ".ts")))
                }
            }

            $crate::ts::ts_named!($name);
        };

        // JSON Schema: an object of optional members named as on the wire, through a derived
        // shadow type (so member docs become descriptions); other members are allowed (kept).
        #[cfg(feature = "schema")]
        const _: () = {
            $(#[$meta])*
            #[derive(schemars::JsonSchema)]
            #[allow(dead_code)]
            struct Shadow {
                $(
                    $(#[$fmeta])*
                    #[schemars(rename = $wire)]
                    $field: Option<$crate::schema::member_type!($ty $(, $with)?)>,
                )*
            }

            impl schemars::JsonSchema for $name {
                fn schema_name() -> std::borrow::Cow<'static, str> {
                    stringify!($name).into()
                }
                fn schema_id() -> std::borrow::Cow<'static, str> {
                    concat!(module_path!(), "::", stringify!($name)).into()
                }
                fn json_schema(
                    generator: &mut schemars::SchemaGenerator,
                ) -> schemars::Schema {
                    <Shadow as schemars::JsonSchema>::json_schema(generator)
                }
            }

            $crate::schema::schema_named!($name);
        };
    };
}
pub(crate) use resource;

/// Reads one member value inside [`resource!`], optionally through a `with` module.
macro_rules! member_value {
    ($map:ident, $ty:ty) => {
        $map.next_value::<Option<$ty>>()?
    };
    ($map:ident, $ty:ty, $with:ident) => {{
        struct WithSeed;
        impl<'de> serde::de::DeserializeSeed<'de> for WithSeed {
            type Value = Option<$ty>;
            fn deserialize<D: serde::Deserializer<'de>>(
                self,
                d: D,
            ) -> Result<Self::Value, D::Error> {
                $with::deserialize(d)
            }
        }
        $map.next_value_seed(WithSeed)?
    }};
}
pub(crate) use member_value;

/// A Partner Center date-time (ISO 8601, UTC).
///
/// Accepts RFC 3339 with any fraction precision, date-times without an offset (Partner Center
/// sends `"2018-03-16T00:00:00"`, read as UTC), dates alone, and stray spaces inside the value
/// (`"2015-11-25T06: 41: 12Z"`, a documented example). Writes RFC 3339 in UTC. A value that is
/// no date at all is kept verbatim as [`Timestamp::Unparsed`] rather than rejecting the resource.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
pub enum Timestamp {
    /// A point in time.
    At(DateTime<Utc>),
    /// Text that is not a recognisable date-time, kept as received.
    Unparsed(String),
}

#[cfg(feature = "ts")]
crate::ts::ts_named!(Timestamp);

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Timestamp {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Timestamp".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // Not `format: date-time`: any text is read and kept (`Timestamp::Unparsed`).
        schemars::json_schema!({
            "type": "string",
            "description": "A UTC instant, written as RFC 3339 (`2026-11-21T12:00:00Z`). Read leniently: any fraction precision, no offset (UTC), a date alone, stray spaces; text that is no date-time is kept as sent.",
            "examples": ["2026-11-21T12:00:00Z"],
        })
    }
}

#[cfg(feature = "schema")]
crate::schema::schema_named!(Timestamp);

impl Timestamp {
    /// The instant, when the value is a date-time.
    pub fn instant(&self) -> Option<DateTime<Utc>> {
        match self {
            Self::At(at) => Some(*at),
            Self::Unparsed(_) => None,
        }
    }

    /// Parses the forms listed on [`Timestamp`]; `None` when `text` is no date-time.
    pub fn parse_instant(text: &str) -> Option<DateTime<Utc>> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if let Ok(at) = DateTime::parse_from_rfc3339(&compact) {
            return Some(at.with_timezone(&Utc));
        }
        // chrono's `FromStr` forms are `%Y-%m-%dT%H:%M:%S%.f` and `%Y-%m-%d`; unlike format
        // strings they need no strftime parser in the wasm.
        if let Ok(naive) = compact.parse::<NaiveDateTime>() {
            return Some(naive.and_utc());
        }
        compact
            .parse::<NaiveDate>()
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|naive| naive.and_utc())
    }
}

impl From<DateTime<Utc>> for Timestamp {
    fn from(at: DateTime<Utc>) -> Self {
        Self::At(at)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::At(at) => f.write_str(&at.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
            Self::Unparsed(text) => f.write_str(text),
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(match Timestamp::parse_instant(&text) {
            Some(at) => Self::At(at),
            None => Self::Unparsed(text),
        })
    }
}

/// Serde helpers for integers that Partner Center sometimes sends as strings
/// (`"id": "0"`, `"quantity": "1"` in invoice line items).
pub mod lenient_int {
    use super::*;

    /// Deserializes an optional integer given as a JSON number or a numeric string.
    ///
    /// # Errors
    /// When the value is neither, or a string that is not a whole number.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<i64>, D::Error> {
        struct IntVisitor;
        impl Visitor<'_> for IntVisitor {
            type Value = Option<i64>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an integer or a string holding one")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Some(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                i64::try_from(v)
                    .map(Some)
                    .map_err(|_| E::custom("integer out of range"))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                if v.fract() == 0.0 && v.abs() < 9.0e15 {
                    #[allow(clippy::cast_possible_truncation)]
                    Ok(Some(v as i64))
                } else {
                    Err(E::invalid_type(de::Unexpected::Float(v), &self))
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                v.trim()
                    .parse()
                    .map(Some)
                    .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
        }
        deserializer.deserialize_any(IntVisitor)
    }

    /// Serializes the integer as a JSON number.
    ///
    /// # Errors
    /// Only those of the serializer.
    pub fn serialize<S: Serializer>(value: &Option<i64>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serializer.serialize_i64(*v),
            None => serializer.serialize_none(),
        }
    }
}

/// Serde helpers for identifiers that some payloads send as numbers (`"mpnId": 4391507`) and
/// others as strings (`"mpnId": "1234567"`): read either, keep it as text.
pub mod lenient_string {
    use super::*;

    /// Deserializes an optional string, accepting JSON numbers and booleans as their text.
    ///
    /// # Errors
    /// When the value is an array or object.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<String>, D::Error> {
        struct TextVisitor;
        impl Visitor<'_> for TextVisitor {
            type Value = Option<String>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Some(v.to_owned()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Some(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Some(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(Some(v.to_string()))
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }

    /// Serializes the text as a JSON string.
    ///
    /// # Errors
    /// Only those of the serializer.
    pub fn serialize<S: Serializer>(
        value: &Option<String>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serializer.serialize_str(v),
            None => serializer.serialize_none(),
        }
    }
}

#[cfg(test)]
#[allow(unreachable_pub)]
mod tests {
    use super::*;

    wire_enum! {
        /// Test enum.
        pub enum Cycle { Monthly = "monthly", OneTime = "one_time" }
    }

    #[test]
    fn enum_parsing_ignores_case_and_separators() {
        assert_eq!(Cycle::parse("OneTime"), Cycle::OneTime);
        assert_eq!(Cycle::parse("one_time"), Cycle::OneTime);
        assert_eq!(Cycle::parse("MONTHLY"), Cycle::Monthly);
        assert_eq!(Cycle::parse("weekly"), Cycle::Unknown("weekly".into()));
        assert_eq!(Cycle::parse("Weekly"), Cycle::parse("weekly"));
        assert_ne!(Cycle::parse("weekly"), Cycle::parse("daily"));
    }

    #[test]
    fn spelled_writes_back_what_it_read() {
        let v: Spelled<Cycle> = serde_json::from_str("\"Monthly\"").unwrap();
        assert_eq!(*v, Cycle::Monthly);
        assert_eq!(serde_json::to_string(&v).unwrap(), "\"Monthly\"");
        let built: Spelled<Cycle> = Cycle::OneTime.into();
        assert_eq!(serde_json::to_string(&built).unwrap(), "\"one_time\"");
    }

    #[test]
    fn chrono_from_str_reads_as_the_format_strings_did() {
        for text in [
            "2018-03-16T00:00:00",
            "2019-01-16T00:48:44.76",
            "2026-11-21T12:00:00.123456789",
            "2026-1-2T3:4:5",
            "2026-11-21t12:00:00",
            "2026-11-21",
            "2026-02-30T00:00:00",
            "2026-11-21T12:00",
            "soon",
        ] {
            assert_eq!(
                text.parse::<NaiveDateTime>().ok(),
                NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f").ok(),
                "{text}"
            );
            assert_eq!(
                text.parse::<NaiveDate>().ok(),
                NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(),
                "{text}"
            );
        }
    }

    #[test]
    fn timestamps_accept_documented_variants() {
        let at = |s: &str| Timestamp::parse_instant(s).unwrap().to_rfc3339();
        assert_eq!(at("2015-11-25T06: 41: 12Z"), "2015-11-25T06:41:12+00:00");
        assert_eq!(at("2018-03-16T00:00:00"), "2018-03-16T00:00:00+00:00");
        assert_eq!(
            at("2019-01-16T00:48:44.76+00:00"),
            "2019-01-16T00:48:44.760+00:00"
        );
        let t: Timestamp = serde_json::from_str("\"soon\"").unwrap();
        assert_eq!(t, Timestamp::Unparsed("soon".into()));
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"soon\"");
    }
}
