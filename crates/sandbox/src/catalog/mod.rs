//! The sandbox's Partner Center catalog: products, SKUs and availabilities for E1–E6, the
//! inventory check (E7) and list prices — deterministic, built once at start-up and served from
//! memory (nothing of it is written to the database).
//!
//! The data lives in compact typed `const` tables ([`data`]); [`Catalog::seeded`] ([`builder`])
//! turns them into pc-core models shaped like Partner Center's documented responses:
//!
//! * **New-commerce licenses** (`OnlineServicesNCE`, targetView `OnlineServices`): terms P1M /
//!   P1Y (P3Y for some) with term IDs, cancellation policies (full refund for 1 day, prorated
//!   for 7), renewal instructions; trials (`isTrial`, billing `none`), add-ons (`isAddon`,
//!   `prerequisiteSkus`) and Windows 365 with enforced attestation.
//! * **Software subscriptions** (`Software`/`Subscription`) and **perpetual software**
//!   (`Software`/`Perpetual`, one term without duration, full refund within 30 days), targetViews
//!   `Software`, `SoftwareSubscriptions`, `SoftwarePerpetual`.
//! * **Azure reserved VM instances** (`Azure`/`VirtualMachines`, targetViews `Azure`,
//!   `AzureReservations`, `AzureReservationsVM`): one SKU per size, region and duration, each
//!   needing an inventory check and a registered Azure subscription.
//! * **The Azure plan** (`DZH318Z0BPS6:0001`, targetView `MicrosoftAzure`), shaped like the
//!   documented SKU: billing `one_time`, quantity 1, no terms.
//!
//! Every product is available in every market of [`data::MARKETS`] (14 countries, each in its
//! CSP currency), to commercial customers, plus education availabilities for Microsoft 365 /
//! Office 365 plans and nonprofit ones for the Business plans. Software subscriptions and
//! reservations are listed in Brazil and China too: the purchase rules, not the catalog, refuse
//! them there.
//!
//! # Prices
//! [`Catalog::unit_price`] gives the **list price of one unit for one billing period** of the
//! line's billing cycle, in the availability's currency: Business Basic in the US costs 72.00 per
//! year on P1Y billed annually, 6.00 per month on P1Y billed monthly and 7.20 per month on P1M.
//! A triennial or one-time cycle's period is the whole term (a 3-year reservation bought
//! `one_time` is priced for 3 years). Trials and the Azure plan cost 0. Other currencies use
//! fixed rates from US dollars, rounded to the currency's decimals (the monthly price first;
//! annual = 12 × monthly).
//!
//! # Identifiers
//! Availability IDs are 12 upper-case alphanumerics: the product ID's first 8 characters and 4
//! derived from product, SKU, segment and country (stable across builds; the documented
//! `CFQ7TTC0LH18:0001:CFQ7TTC0K971` is kept). Term IDs are 12 lower-case alphanumerics.
//!
//! # Layout
//! * [`routes`] — the HTTP endpoints: `GET /v1/products…` (E1–E6), `POST
//!   /v1/extensions/product/checkInventory` (E7) and the customer-scoped
//!   `/v1/customers/{id}/products…`, read for the customer's country;
//! * [`service`] — [`Catalog`], the lookups behind them, and [`CatalogError`] with Partner
//!   Center's codes;
//! * [`builder`] — the table-to-model builder ([`Catalog::seeded`]);
//! * [`prices`] — what each SKU costs, in every market's currency;
//! * [`ids`] — deterministic availability, term and SKU IDs;
//! * [`data`] — the tables: markets, products, SKUs, reservation series;
//! * `tests` — the catalog's unit tests.

mod builder;
mod data;
mod ids;
mod prices;
mod routes;
mod service;
#[cfg(test)]
mod tests;

/// The query of the catalog endpoints, for the fuzz targets' extractors (`crate::fuzzing`).
#[allow(unused_imports)]
pub(crate) use routes::CatalogQuery;
pub(crate) use routes::router;
pub(crate) use service::{Catalog, CatalogError};
