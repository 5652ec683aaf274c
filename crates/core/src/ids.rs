//! Identifier newtypes, so a `SkuId` cannot be passed where a `ProductId` is meant.
//!
//! Partner Center identifiers are opaque strings (`CFQ7TTC0LH18`, `0001`, GUIDs, order IDs such
//! as `311qiN8iFwkv-XARWMvXRYAwYKMACVqv1`). Each type serializes as the bare string.

/// Product ID of the Microsoft Azure plan (`DZH318Z0BPS6`, from Partner Center's documented
/// examples): its subscriptions are the Azure subscriptions reservations are bought for.
pub const AZURE_PLAN_PRODUCT_ID: &str = "DZH318Z0BPS6";

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
        #[serde(transparent)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
        pub struct $name(String);

        #[cfg(feature = "ts")]
        $crate::ts::ts_named!($name);

        // JSON Schema: a string, described inline where it is used.
        #[cfg(feature = "schema")]
        const _: () = {
            $(#[$meta])*
            #[derive(schemars::JsonSchema)]
            #[allow(dead_code)]
            struct Docs;

            impl schemars::JsonSchema for $name {
                fn inline_schema() -> bool {
                    true
                }
                fn schema_name() -> std::borrow::Cow<'static, str> {
                    stringify!($name).into()
                }
                fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                    let mut schema = schemars::json_schema!({ "type": "string" });
                    if let Some(text) = $crate::schema::description_of::<Docs>(generator) {
                        schema.insert("description".to_owned(), text.into());
                    }
                    schema
                }
            }

            $crate::schema::schema_named!($name);
        };

        impl $name {
            /// Wraps an identifier string.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The identifier text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Whether two identifiers are equal ignoring ASCII case (GUIDs arrive in both cases).
            pub fn eq_ignore_case(&self, other: &str) -> bool {
                self.0.eq_ignore_ascii_case(other)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(id)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(Self(s.to_owned()))
            }
        }
    };
}

id_type!(
    /// A catalog product ID (`Product.id`, e.g. `CFQ7TTC0LH18`).
    ProductId
);
id_type!(
    /// A SKU ID, unique only within its product (`Sku.id`, e.g. `0001`).
    SkuId
);
id_type!(
    /// An availability ID, unique within product and SKU; may change over time.
    AvailabilityId
);
id_type!(
    /// What a cart line buys: an availability's `catalogItemId`
    /// (`{productId}:{skuId}:{availabilityId}`), or a legacy offer ID (`MS-AZR-0145P`, a GUID).
    CatalogItemId
);
id_type!(
    /// A customer's tenant ID (GUID).
    CustomerId
);
id_type!(
    /// A cart ID (GUID), assigned by Partner Center.
    CartId
);
id_type!(
    /// An order ID (`a68736758d9c`, `311qiN8iFwkv-XARWMvXRYAwYKMACVqv1` or a GUID).
    OrderId
);
id_type!(
    /// A subscription ID (GUID).
    SubscriptionId
);
id_type!(
    /// An invoice ID (e.g. `G000024135`).
    InvoiceId
);

/// The three parts of a new-commerce / modern catalog item ID.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogItemParts {
    /// The product part.
    pub product_id: ProductId,
    /// The SKU part.
    pub sku_id: SkuId,
    /// The availability part.
    pub availability_id: AvailabilityId,
}

impl CatalogItemId {
    /// Builds `{productId}:{skuId}:{availabilityId}`.
    pub fn from_parts(product: &ProductId, sku: &SkuId, availability: &AvailabilityId) -> Self {
        Self(format!("{product}:{sku}:{availability}"))
    }

    /// Splits a modern catalog item ID into product, SKU and availability; `None` for legacy
    /// offer IDs (no `:`) or any other shape.
    pub fn parts(&self) -> Option<CatalogItemParts> {
        let mut it = self.0.split(':');
        let (p, s, a) = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() || p.is_empty() || s.is_empty() || a.is_empty() {
            return None;
        }
        Some(CatalogItemParts {
            product_id: p.into(),
            sku_id: s.into(),
            availability_id: a.into(),
        })
    }

    /// Legacy (traditional) offers are bought by offer ID, which has no `:`; they are ordered
    /// through the legacy purchase system (order groups `OMS-n`).
    pub fn is_legacy(&self) -> bool {
        !self.0.contains(':')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_item_id_splits_into_parts() {
        let id = CatalogItemId::new("CFQ7TTC0LH18:0001:CFQ7TTC0K971");
        let parts = id.parts().unwrap();
        assert_eq!(parts.product_id.as_str(), "CFQ7TTC0LH18");
        assert_eq!(parts.sku_id.as_str(), "0001");
        assert_eq!(parts.availability_id.as_str(), "CFQ7TTC0K971");
        assert_eq!(
            CatalogItemId::from_parts(&parts.product_id, &parts.sku_id, &parts.availability_id),
            id
        );
        assert!(!id.is_legacy());
    }

    #[test]
    fn legacy_offer_ids_have_no_parts() {
        let id = CatalogItemId::new("MS-AZR-0145P");
        assert!(id.is_legacy());
        assert_eq!(id.parts(), None);
        assert_eq!(CatalogItemId::new("a::b").parts(), None);
    }
}
