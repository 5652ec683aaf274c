//! # pc-wasm
//!
//! The npm package's WebAssembly surface, a thin wasm-bindgen layer over the other crates (built
//! by `cargo xtask npm`):
//!
//! * [`validateCart(cart, context)`](rules::validate_cart_js) → `{findings, orderGroups}`: pc-core's
//!   purchase rules, the same function the sandbox runs at checkout;
//! * [`explainFinding(finding, locale)`](rules::explain_finding_js) → a sentence (pc-i18n);
//! * after the purchase, pc-core's lifecycle rules: [`allowedChanges`](rules::allowed_changes_js),
//!   [`checkChange`](rules::check_change_js), [`refund`](rules::refund_js),
//!   [`checkSoftwareCancellation`](rules::check_software_cancellation_js),
//!   [`softwareRefund`](rules::software_refund_js),
//!   [`offeredCombinations`](rules::offered_combinations_js) and
//!   [`productKind`](rules::product_kind_js);
//! * [`PartnerCenterClient`]: pc-client with promises per operation,
//!   async iterators for paged collections and `PartnerCenterError`s.
//!
//! Values cross the boundary as JSON (the private `convert` module), decoded by the models' own serde, so bad
//! input is a thrown `TypeError` naming its JSON path (`$.cart.lineItems[0].quantity`), never a
//! panic. The TypeScript declarations of every model, the rules contract and the option types
//! ([`types`]) are generated from the Rust types with ts-rs (feature `ts`, the
//! `pc-wasm-types` binary); the API's own signatures come from wasm-bindgen.
//!
//! ```js
//! import init, { validateCart, explainFinding, PartnerCenterClient } from "@pc-portal/partner-center";
//! await init(); // browsers; in Node the package initializes itself
//! const { findings } = validateCart(cart, context);
//! for (const finding of findings) console.log(explainFinding(finding, "sv-SE"));
//! const client = new PartnerCenterClient({ baseUrl, getToken: async () => token });
//! for await (const customer of client.customers.list()) console.log(customer.companyProfile?.companyName);
//! ```
//!
//! The features choose what the wasm holds, one build per entry of the package: `rules` (the
//! rules and `explainFinding`, the `rules` entry), `client` (`PartnerCenterClient`, the `client`
//! entry), both by default (the main entry). Feature `portal` adds `mountPortal(element, options)` (`portal::mount_portal`): the whole
//! purchase portal (pc-portal) inside the host's element (the full build); the default build is
//! the rules and the client only.

#[cfg(feature = "client")]
pub mod client;
pub(crate) mod convert;
#[cfg(feature = "rules")]
mod findings;
#[cfg(feature = "portal")]
pub mod portal;
#[cfg(feature = "rules")]
pub mod rules;
#[cfg(feature = "client")]
pub mod support;
pub mod types;

#[cfg(feature = "client")]
pub use client::PartnerCenterClient;
#[cfg(feature = "rules")]
pub use rules::{
    allowed_changes_js, check_change_js, check_software_cancellation_js, explain_finding_js,
    offered_combinations_js, product_kind_js, refund_js, software_refund_js, supported_locales,
    validate_cart_js,
};
pub use types::{
    BilledQuery, BillingPeriod, CatalogQuery, ClientOptions, EntitlementQuery,
    PartnerCenterErrorDetails, PortalOptions, ProductQuery, ResumedCheckout, UnbilledQuery,
};
