//! # pc-core
//!
//! Partner Center's purchase-flow resources, field for field, and every purchase rule, as pure
//! data and functions: no I/O, the same code natively, in the browser and in the sandbox.
//!
//! * [`models`] — `Product`, `Sku`, `Availability`, `Cart`, `Order`, `Subscription`,
//!   `Entitlement`, `Invoice`, … with Partner Center's JSON names. Unknown members are kept and
//!   written back; every documented inconsistency is accepted.
//! * [`rules`] — [`validate_cart`]: the findings a cart would fail with at checkout, and how it
//!   will split into orders.
//! * [`json`] — the one JSON decoder, naming the path of the first problem ([`json::decode`],
//!   [`json::JsonPath`]).
//! * [`roundtrip`] — decode a captured body as a named resource and prove it re-serializes
//!   without loss (`cargo xtask decode`).
//!
//! ```
//! use pc_core::models::Cart;
//! use pc_core::rules::{validate_cart, PurchaseContext};
//!
//! let cart: Cart = serde_json::from_str(r#"{"lineItems": []}"#)?;
//! let context: PurchaseContext = serde_json::from_str(r#"{
//!     "now": "2026-11-21T12:00:00Z",
//!     "partner": {"country": "US", "billingCurrency": "USD", "perpetualSoftwareQualified": false},
//!     "customer": {"country": "US", "segment": "commercial", "isNewCustomer": true,
//!                  "customerAgreementAccepted": true}
//! }"#)?;
//! let validation = validate_cart(&cart, &context);
//! assert_eq!(validation.findings[0].code.as_str(), "CartEmpty");
//! # Ok::<(), serde_json::Error>(())
//! ```

pub mod enums;
pub mod ids;
pub mod json;
pub mod models;
pub mod roundtrip;
pub mod rules;
#[cfg(feature = "schema")]
pub mod schema;
#[cfg(feature = "ts")]
pub mod ts;
pub mod wire;

pub use rules::{PurchaseContext, Validation, validate_cart};
