//! Partner Center resource models, field for field, as Microsoft's *… resources* pages of the
//! Partner Center REST API describe them (*Products resources*, *Cart resources*, *Order
//! resources*, *Subscription resources*, *Entitlement resources*, *Invoice resources*, *Customer
//! resources*, *Utility resources*: <https://learn.microsoft.com/partner-center/developer/>) and
//! as the documented request and response bodies really are.
//!
//! [`common`] holds what several resources share (links, attributes, the collection envelope,
//! errors, and the cart and order lines' [`Pricing`] and [`RenewsTo`]), so the resource modules
//! only import downwards: `cart` uses `order` (a checkout returns orders), never the reverse.
//!
//! Conventions of every field: amounts are [`Decimal`]s (never floats) in the currency the
//! resource names; durations are ISO 8601 strings (`P1M`, `P1Y`, `P3Y`); dates are
//! [`Timestamp`](crate::wire::Timestamp)s, UTC instants as Partner Center sends them.
//!
//! Every member is optional, so partial documents (`"product": {}` inside an availability) decode;
//! members this version does not know are kept in `extra` and written back.

pub mod cart;
pub mod catalog;
pub mod common;
pub mod customer;
pub mod entitlement;
pub mod inventory;
pub mod invoice;
pub mod order;
pub mod subscription;

pub use cart::{Cart, CartCheckoutResult, CartError, CartLineItem, OrderError, Participant};
pub use catalog::{
    AttestationProperties, Availability, CancellationPolicy, CancellationRefundOption,
    CurrencyInfo, DefaultCurrency, ItemType, Product, RenewalInstruction, RenewalOption, Sku, Term,
};
pub use common::{
    ApiError, Attributes, Collection, ErrorCode, Link, LinkHeader, Links, Pricing, RenewsTo,
    ThrottleError,
};
pub use customer::{
    Address, Agreement, Contact, Customer, CustomerBillingProfile, CustomerCompanyProfile,
    CustomerQualification,
};
pub use entitlement::{
    Artifact, Entitlement, ReferenceOrder, Reservation, ReservedInstanceArtifactDetails,
};
pub use inventory::{
    InventoryCheckRequest, InventoryItem, InventoryRestriction, InventoryTarget, inventory_context,
};
pub use invoice::{
    DailyRatedUsageLineItem, DailyUsageLineItem, EstimateLink, Invoice, InvoiceDetail,
    InvoiceLineItem, InvoiceSummary, InvoiceSummaryDetail, LicenseBasedLineItem,
    OneTimeInvoiceLineItem, TaxReceipt, UsageBasedLineItem,
};
pub use order::{Order, OrderLineItem, OrderLineItemProvisioningStatus, PurchaseCommitment};
/// The decimal type of every amount in these models (`rust_decimal::Decimal`, never `f64`),
/// so dependents can total amounts without naming rust_decimal themselves.
pub use rust_decimal::Decimal;
pub use subscription::{
    InstructionProduct, NextTermInstructions, RefundableQuantity, RefundableQuantityDetail,
    Subscription, SubscriptionProvisioningStatus, SubscriptionRefundOption,
    SubscriptionRegistrationStatus,
};
