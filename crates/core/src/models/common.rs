//! Shapes several resources share: links, attributes, the collection envelope, the error body,
//! and the `pricing` and `renewsTo` of cart and order lines.
//!
//! Partner Center pages: *Utility resources* (`Link`, `ResourceAttributes`, the collection
//! links), *Partner Center REST error codes* (the error body), *API throttling guidance* (the 429
//! body), and *Cart resources* / *Order resources* (`Pricing`, `RenewsTo`), under
//! <https://learn.microsoft.com/partner-center/developer/>.

use std::collections::BTreeMap;

use std::fmt;
use std::marker::PhantomData;

use rust_decimal::Decimal;
use serde::de::{DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::wire::{Extra, lenient_int, resource};

resource! {
    /// A header carried by a [`Link`] (e.g. `MS-ContinuationToken` on `links.next`).
    pub struct LinkHeader {
        /// The HTTP header to send when following the link, e.g. `MS-ContinuationToken` (the only
        /// one Partner Center sets, on the `next` link of seek-based collections).
        "key" => key: String,
        /// The header's value, sent verbatim: for `MS-ContinuationToken`, the opaque token that
        /// fetches the next page (e.g. `AQAAAA==`).
        "value" => value: String,
    }
}

resource! {
    /// `Link`: a relative URI (without `/v1`), its HTTP method and headers to send with it.
    pub struct Link {
        /// Relative URI, e.g. `/products?country=US&targetView=Azure`.
        "uri" => uri: String,
        /// The HTTP method to use, e.g. `GET` (`POST`, `PATCH` for actions).
        "method" => method: String,
        /// Headers to send when following the link, e.g. `MS-ContinuationToken` on a `next` link;
        /// usually `[]`.
        "headers" => headers: Vec<LinkHeader>,
    }
}

impl Link {
    /// The value of a header of this link, compared case-insensitively by name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.as_deref()?.iter().find_map(|h| {
            let key = h.key.as_deref()?;
            key.eq_ignore_ascii_case(name)
                .then_some(h.value.as_deref())
                .flatten()
        })
    }
}

/// A resource's `links` object: link name (`self`, `next`, `skus`, `availabilities`,
/// `provisioningStatus`, …) to [`Link`].
pub type Links = BTreeMap<String, Link>;

resource! {
    /// `attributes`: `{ "objectType": "<TypeName>", "etag"?: "<string>" }`.
    pub struct Attributes {
        /// The resource type name, e.g. `Cart`, `Collection`, `LicenseBasedLineItem`.
        "objectType" => object_type: String,
        /// Optimistic-concurrency tag for `If-Match` (short-lived).
        "etag" => etag: String,
    }
}

resource! {
    /// `renewsTo` of a cart or order line: the term the subscription renews to, e.g.
    /// `{ "termDuration": "P1Y" }` for a SaaS free trial that becomes a one-year paid
    /// subscription. The *Cart resources* table calls it an array; the documented bodies and the
    /// .NET SDK send one object.
    pub struct RenewsTo {
        /// The renewal term as an ISO 8601 duration; Partner Center supports `P1M` (one month)
        /// and `P1Y` (one year).
        "termDuration" => term_duration: String,
    }
}

resource! {
    /// `pricing` of a new-commerce cart or order line, filled by Partner Center: pre-tax amounts,
    /// each a decimal in the line's currency (the cart line's `currencyCode`, the order's
    /// `currencyCode`). The four unit prices are for one license or instance for one billing
    /// period. Partner Center: *Cart resources* / *Order resources*, `Pricing`.
    pub struct Pricing {
        /// The unit price listed in the catalog, before any pricing modifier (discount,
        /// promotion, proration).
        "listPrice" => list_price: Decimal,
        /// The unit price after every applicable pricing modifier (discounts, promotions),
        /// before proration.
        "discountedPrice" => discounted_price: Decimal,
        /// The discounted unit price after proration, e.g. for a first term shortened by
        /// `customTermEndDate`; equal to `discountedPrice` for a full period.
        "proratedPrice" => prorated_price: Decimal,
        /// The unit price the partner is charged, after all discounts and proration, in the
        /// billing currency.
        "price" => price: Decimal,
        /// The line's total: `price` × `quantity`, and × the number of billing periods of a
        /// longer term (a `P1Y` term billed `monthly` at 30.4 for one license: 364.8).
        "extendedPrice" => extended_price: Decimal,
    }
}

/// The collection envelope:
/// `{ totalCount, items, links: {self, next?, previous?}, continuationToken?, attributes }`
/// (Partner Center: *Utility resources*, `ResourceCollection`; `links.next` / `links.previous` only
/// when another page exists). Members are matched case-insensitively and unknown ones kept, as for
/// every resource.
#[derive(Clone, Debug, PartialEq)]
pub struct Collection<T> {
    /// Item count as reported by the service (page size or total: unconfirmed).
    pub total_count: Option<i64>,
    /// The items of this page (`[]` when the member is absent; then it is not written back).
    pub items: Vec<T>,
    /// Whether `items` was present in the input (so an absent one is not invented on output).
    items_present: bool,
    /// `self`, and `next` / `previous` when there is another page.
    pub links: Option<Links>,
    /// Seek-based paging token (OneTime invoice line items).
    pub continuation_token: Option<String>,
    /// `{ "objectType": "Collection" }`.
    pub attributes: Option<Attributes>,
    /// Members this version does not model, written back unchanged.
    pub extra: Extra,
}

impl<T> Default for Collection<T> {
    fn default() -> Self {
        Self::new(Vec::new())
    }
}

impl<T> Collection<T> {
    /// A one-page collection of `items` with `totalCount` and `objectType: "Collection"`.
    pub fn new(items: Vec<T>) -> Self {
        Self {
            total_count: i64::try_from(items.len()).ok(),
            items,
            items_present: true,
            links: None,
            continuation_token: None,
            attributes: Some(Attributes {
                object_type: Some("Collection".to_owned()),
                ..Attributes::default()
            }),
            extra: Extra::new(),
        }
    }

    /// The `links.next` link, present only when another page exists.
    pub fn next_link(&self) -> Option<&Link> {
        self.links.as_ref()?.get("next")
    }
}

impl<T: Serialize> Serialize for Collection<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(total) = self.total_count {
            map.serialize_entry("totalCount", &total)?;
        }
        if self.items_present || !self.items.is_empty() {
            map.serialize_entry("items", &self.items)?;
        }
        if let Some(links) = &self.links {
            map.serialize_entry("links", links)?;
        }
        if let Some(token) = &self.continuation_token {
            map.serialize_entry("continuationToken", token)?;
        }
        if let Some(attributes) = &self.attributes {
            map.serialize_entry("attributes", attributes)?;
        }
        for (key, value) in &self.extra {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Collection<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CollectionVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for CollectionVisitor<T> {
            type Value = Collection<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a collection object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Collection {
                    total_count: None,
                    items: Vec::new(),
                    items_present: false,
                    links: None,
                    continuation_token: None,
                    attributes: None,
                    extra: Extra::new(),
                };
                while let Some(key) = map.next_key::<String>()? {
                    if key.eq_ignore_ascii_case("totalCount") {
                        out.total_count = map.next_value_seed(LenientInt)?;
                    } else if key.eq_ignore_ascii_case("items") {
                        out.items = map.next_value()?;
                        out.items_present = true;
                    } else if key.eq_ignore_ascii_case("links") {
                        out.links = map.next_value()?;
                    } else if key.eq_ignore_ascii_case("continuationToken") {
                        out.continuation_token = map.next_value()?;
                    } else if key.eq_ignore_ascii_case("attributes") {
                        out.attributes = map.next_value()?;
                    } else {
                        let value = map.next_value::<serde_json::Value>()?;
                        out.extra.insert(key, value);
                    }
                }
                Ok(out)
            }
        }
        deserializer.deserialize_map(CollectionVisitor(PhantomData))
    }
}

// JSON Schema: the members written, all optional on input; `items` of `T`.
#[cfg(feature = "schema")]
impl<T: crate::schema::SchemaType> schemars::JsonSchema for Collection<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        let mut generator = schemars::SchemaGenerator::default();
        let item = T::member_schema(&mut generator);
        let name = item
            .get("$ref")
            .and_then(|r| r.as_str())
            .and_then(|r| r.rsplit('/').next())
            .unwrap_or("Value")
            .to_owned();
        format!("CollectionOf{name}").into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        use crate::schema::SchemaType as _;
        schemars::json_schema!({
            "type": "object",
            "description": "A collection envelope (Partner Center: *Utility resources*): `totalCount`, `items`, `links` (`self`, and `next` when more pages follow, with its `MS-ContinuationToken` header), `continuationToken` and `attributes` (`objectType` `Collection`).",
            "properties": {
                "totalCount": crate::schema::lenient::Int::json_schema(generator),
                "items": { "type": "array", "items": T::member_schema(generator) },
                "links": Links::member_schema(generator),
                "continuationToken": { "type": "string" },
                "attributes": Attributes::member_schema(generator),
            },
        })
    }
}

#[cfg(feature = "schema")]
impl<T: crate::schema::SchemaType> crate::schema::SchemaType for Collection<T> {
    fn member_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        generator.subschema_for::<Self>()
    }
}

struct LenientInt;
impl<'de> DeserializeSeed<'de> for LenientInt {
    type Value = Option<i64>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        lenient_int::deserialize(deserializer)
    }
}

/// An error code that Partner Center documents as a string but sends as a number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum ErrorCode {
    /// The usual form: `800090`.
    Number(i64),
    /// The documented form: `"800090"` (or a name, for newer services).
    Text(String),
}

#[cfg(feature = "ts")]
crate::ts::ts_named!(ErrorCode);

#[cfg(feature = "schema")]
crate::schema::schema_named!(ErrorCode, ApiError, ThrottleError);

impl ErrorCode {
    /// The numeric code, whichever way it was sent.
    pub fn as_number(&self) -> Option<i64> {
        match self {
            Self::Number(n) => Some(*n),
            Self::Text(s) => s.trim().parse().ok(),
        }
    }
}

/// Partner Center's error body: `{ code, description, data, source }` (Partner Center:
/// *Partner Center REST error codes*; `code` is documented as a string but sent as a number).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ApiError {
    /// The Partner Center error code (e.g. `800090`, `13605`).
    pub code: ErrorCode,
    /// What went wrong, ≤ 1024 characters.
    #[serde(default)]
    pub description: String,
    /// Extra strings or objects for some errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "ts",
        ts(as = "Option<crate::ts::TsOf<Vec<serde_json::Value>>>")
    )]
    pub data: Option<Vec<serde_json::Value>>,
    /// Emitting service, e.g. `PartnerFD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Members this version does not model, written back unchanged.
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Extra,
}

/// The body of a throttled (HTTP 429) response:
/// `{ "statusCode": 429, "message": "Rate limit is exceeded. Try again in N seconds." }`,
/// sent with a `Retry-After` header in seconds (Partner Center: *API throttling guidance*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ThrottleError {
    /// The HTTP status repeated in the body: always 429 (Too Many Requests).
    pub status_code: u16,
    /// English text naming the wait, e.g. `Rate limit is exceeded. Try again in 57 seconds.`;
    /// the `Retry-After` header carries the same number of seconds.
    pub message: String,
}
