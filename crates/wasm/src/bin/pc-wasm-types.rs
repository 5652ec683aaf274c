//! Writes the npm package's `models.d.ts`: the TypeScript declarations of every Partner Center
//! model, the rules contract and the JavaScript API's option types, generated from the Rust types
//! (ts-rs). Usage: `pc-wasm-types <FILE>` (`cargo xtask npm` runs it).

use std::process::ExitCode;

use pc_core::ts::Declarations;
use pc_wasm::types::{
    BilledQuery, BillingPeriod, CatalogQuery, ClientOptions, EntitlementQuery,
    PartnerCenterErrorDetails, PortalOptions, ProductQuery, ResumedCheckout, UnbilledQuery,
};

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: pc-wasm-types <FILE>");
        return ExitCode::from(2);
    };
    let mut declarations = Declarations::new();
    add_contract(&mut declarations);
    // The lifecycle rules after the purchase (allowedChanges, checkChange, refund, …).
    {
        use pc_core::rules::{
            Allowance, AllowedChanges, ProductKind, Refund, SubscriptionChange, SubscriptionFacts,
            TermOption,
        };
        declarations
            .add::<SubscriptionFacts>()
            .add::<SubscriptionChange>()
            .add::<AllowedChanges>()
            .add::<Allowance>()
            .add::<Refund>()
            .add::<TermOption>()
            .add::<ProductKind>();
    }
    declarations
        .add::<ClientOptions>()
        .add::<PortalOptions>()
        .add::<ProductQuery>()
        .add::<CatalogQuery>()
        .add::<EntitlementQuery>()
        .add::<BillingPeriod>()
        .add::<UnbilledQuery>()
        .add::<BilledQuery>()
        .add::<PartnerCenterErrorDetails>()
        .add::<ResumedCheckout>();
    let text = format!(
        "// Generated from the Rust types by pc-wasm-types (ts-rs); do not edit.\n\
         import type {{ PartnerCenterError }} from \"./support.js\";\n\n{}",
        declarations.finish()
    );
    match std::fs::write(&path, text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write {}: {error}", path.to_string_lossy());
            ExitCode::FAILURE
        }
    }
}

/// The npm package's contract: every Partner Center model of `pc_core::models` and the rules
/// contract (`CheckCartInput` → `Validation`); the types they refer to come with them.
fn add_contract(declarations: &mut Declarations) {
    use pc_core::models::*;
    use pc_core::rules::{
        CheckCartInput, ContextSources, Finding, FindingCode, PurchaseContext, Severity, Validation,
    };
    declarations
        .add::<CheckCartInput>()
        .add::<ContextSources>()
        .add::<PurchaseContext>()
        .add::<Validation>()
        .add::<Finding>()
        .add::<FindingCode>()
        .add::<Severity>()
        .add::<Product>()
        .add::<Sku>()
        .add::<Availability>()
        .add::<InventoryCheckRequest>()
        .add::<InventoryItem>()
        .add::<Cart>()
        .add::<CartCheckoutResult>()
        .add::<Order>()
        .add::<OrderLineItemProvisioningStatus>()
        .add::<Subscription>()
        .add::<SubscriptionProvisioningStatus>()
        .add::<SubscriptionRegistrationStatus>()
        .add::<Entitlement>()
        .add::<ReservedInstanceArtifactDetails>()
        .add::<Invoice>()
        .add::<InvoiceSummary>()
        .add::<InvoiceLineItem>()
        .add::<EstimateLink>()
        .add::<Customer>()
        .add::<CustomerQualification>()
        .add::<Agreement>()
        .add::<ApiError>();
}
