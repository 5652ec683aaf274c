//! Partner Center resource models, field for field (partner-center-api.md §3).
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

pub use cart::{
    Cart, CartCheckoutResult, CartError, CartLineItem, OrderError, Participant, Pricing, RenewsTo,
};
pub use catalog::{
    AttestationProperties, Availability, CancellationPolicy, CancellationRefundOption,
    CurrencyInfo, DefaultCurrency, ItemType, Product, RenewalInstruction, RenewalOption, Sku, Term,
};
pub use common::{
    ApiError, Attributes, Collection, ErrorCode, Link, LinkHeader, Links, ThrottleError,
};
pub use customer::{
    Address, Agreement, Contact, Customer, CustomerBillingProfile, CustomerCompanyProfile,
    CustomerQualification,
};
pub use entitlement::{
    Artifact, Entitlement, ReferenceOrder, Reservation, ReservedInstanceArtifactDetails,
};
pub use inventory::{InventoryCheckRequest, InventoryItem, InventoryRestriction, InventoryTarget};
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
