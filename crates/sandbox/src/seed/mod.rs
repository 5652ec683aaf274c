//! Seeded, deterministic demo data written to the database: per partner tenant, the customers
//! that cover every purchase-rule case, their agreements and holdings, and invoice history.
//! Written once per [`SEED_VERSION`]; rows that exist are never overwritten, so a sandbox's own
//! purchases survive restarts. (The catalog is not stored: [`crate::catalog`] builds it in
//! memory at start-up.)

use chrono::{DateTime, TimeZone, Utc};
use pc_core::enums::{
    BillingCycle, BillingProvider, DocumentType, InvoiceLineItemType, InvoiceType,
    LineTransactionType, OrderStatus, OrderTransactionType,
};
use pc_core::ids::{CustomerId, InvoiceId, OrderId, SubscriptionId};
use pc_core::models::{
    Address, Agreement, Availability, Contact, Customer, CustomerBillingProfile,
    CustomerCompanyProfile, Invoice, InvoiceDetail, OneTimeInvoiceLineItem, Order, OrderLineItem,
    Pricing,
};
use pc_core::rules::ProductKind;
use pc_core::wire::{Spelled, Timestamp};
use rust_decimal::Decimal;

use crate::catalog::Catalog;
use crate::error::AppError;
use crate::paging::{attributes, links, self_links};
use crate::provisioning::{catalog_links, subscription_for};
use crate::store::{NewLineItem, NewSubscription, SeedCustomer, Store};
use crate::tenants::{CONTOSO, FABRIKAM, Partner};

/// Version of the seed; bump it when seeded rows change so existing databases get new rows.
pub(crate) const SEED_VERSION: &str = "2026-11-22.1";

/// Template ID of the Microsoft Customer Agreement (`GET /v1/agreements`).
pub(crate) const MCA_TEMPLATE_ID: &str = "117a69ce-1b2c-4eac-9f6c-d7c2e2d0aed6";
/// Link to the Microsoft Customer Agreement text.
pub(crate) const MCA_LINK: &str = "https://aka.ms/customeragreement";

use pc_core::ids::AZURE_PLAN_PRODUCT_ID as AZURE_PLAN_PRODUCT;
/// Microsoft 365 Business Standard product ID.
const BUSINESS_STANDARD: &str = "CFQ7TTC0LDPB";

/// A purchase a seeded customer holds, in pc-core's terms: the kind and currency of the
/// [`ExistingPurchase`](pc_core::rules::ExistingPurchase) the rules find in the order the seed
/// writes for it (tested below), plus what only the seed needs to write it — seats and the
/// Azure plan's registration. (A `const` table row cannot hold pc-core's `ExistingPurchase`
/// itself: its currency is a `String`.)
#[derive(Clone, Copy, Debug)]
struct Holding {
    /// [`ProductKind::AzurePlan`] (the Azure plan, one unit) or
    /// [`ProductKind::NewCommerceLicense`] (Microsoft 365 Business Standard, annual term billed
    /// monthly).
    kind: ProductKind,
    /// ISO 4217 currency it is billed in; `None`: the partner's billing currency.
    currency: Option<&'static str>,
    /// Seats (licenses); 1 for the Azure plan.
    seats: i64,
    /// The Azure plan's registration for reservations (`registered` / `notregistered`).
    registered: Option<bool>,
}

impl Holding {
    /// An Azure plan billed in `currency` (ISO 4217), registered for reservations or not.
    const fn azure_plan(currency: &'static str, registered: bool) -> Self {
        Self {
            kind: ProductKind::AzurePlan,
            currency: Some(currency),
            seats: 1,
            registered: Some(registered),
        }
    }

    /// `seats` of Microsoft 365 Business Standard, bought in the partner's currency.
    const fn business_standard(seats: i64) -> Self {
        Self {
            kind: ProductKind::NewCommerceLicense,
            currency: None,
            seats,
            registered: None,
        }
    }

    /// The currency it is billed in.
    fn currency(&self, partner: &Partner) -> &'static str {
        self.currency.unwrap_or(partner.billing_currency)
    }
}

/// One seeded customer.
struct SeedRow {
    id: &'static str,
    name: &'static str,
    domain: &'static str,
    country: &'static str,
    city: &'static str,
    segment: &'static str,
    culture: &'static str,
    contact: (&'static str, &'static str),
    agreement: bool,
    holdings: &'static [Holding],
}

/// Contoso's customers (US partner): every rule case.
const CONTOSO_CUSTOMERS: &[SeedRow] = &[
    SeedRow {
        id: "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a01",
        name: "Northwind Traders",
        domain: "northwindtraders.onmicrosoft.com",
        country: "US",
        city: "Seattle",
        segment: "commercial",
        culture: "en-US",
        contact: ("Nancy", "Davolio"),
        agreement: true,
        holdings: &[],
    },
    SeedRow {
        id: "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a02",
        name: "Tailspin Toys",
        domain: "tailspintoys.onmicrosoft.com",
        country: "US",
        city: "Boston",
        segment: "commercial",
        culture: "en-US",
        contact: ("Andrew", "Fuller"),
        agreement: true,
        holdings: &[
            Holding::azure_plan("EUR", false),
            Holding::business_standard(12),
        ],
    },
    SeedRow {
        id: "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a03",
        name: "Adatum Corporation",
        domain: "adatum.onmicrosoft.com",
        country: "US",
        city: "Denver",
        segment: "commercial",
        culture: "en-US",
        contact: ("Janet", "Leverling"),
        agreement: false,
        holdings: &[],
    },
    SeedRow {
        id: "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a04",
        name: "Wingtip Brasil Ltda",
        domain: "wingtipbrasil.onmicrosoft.com",
        country: "BR",
        city: "São Paulo",
        segment: "commercial",
        culture: "pt-BR",
        contact: ("Margaret", "Peacock"),
        agreement: true,
        holdings: &[],
    },
    SeedRow {
        id: "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a05",
        name: "Woodgrove School District",
        domain: "woodgroveschools.onmicrosoft.com",
        country: "US",
        city: "Portland",
        segment: "education",
        culture: "en-US",
        contact: ("Steven", "Buchanan"),
        agreement: true,
        holdings: &[],
    },
    SeedRow {
        id: "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a06",
        name: "Litware Inc.",
        domain: "litware.onmicrosoft.com",
        country: "US",
        city: "Austin",
        segment: "commercial",
        culture: "en-US",
        contact: ("Michael", "Suyama"),
        agreement: true,
        holdings: &[
            Holding::azure_plan("USD", true),
            Holding::azure_plan("USD", false),
        ],
    },
    SeedRow {
        id: "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a07",
        name: "Margie's Travel",
        domain: "margiestravel.onmicrosoft.com",
        country: "GB",
        city: "London",
        segment: "commercial",
        culture: "en-GB",
        contact: ("Robert", "King"),
        agreement: true,
        holdings: &[],
    },
];

/// Fabrikam's customers (Swedish partner, EU rules apply).
const FABRIKAM_CUSTOMERS: &[SeedRow] = &[
    SeedRow {
        id: "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c01",
        name: "Nordlys AB",
        domain: "nordlys.onmicrosoft.com",
        country: "SE",
        city: "Stockholm",
        segment: "commercial",
        culture: "sv-SE",
        contact: ("Astrid", "Lindqvist"),
        agreement: true,
        holdings: &[],
    },
    SeedRow {
        id: "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c02",
        name: "Vättern Logistik AB",
        domain: "vatternlogistik.onmicrosoft.com",
        country: "SE",
        city: "Jönköping",
        segment: "commercial",
        culture: "sv-SE",
        contact: ("Lars", "Johansson"),
        agreement: true,
        holdings: &[Holding::azure_plan("EUR", false)],
    },
    SeedRow {
        id: "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c03",
        name: "Kalmar Bygg AB",
        domain: "kalmarbygg.onmicrosoft.com",
        country: "SE",
        city: "Kalmar",
        segment: "commercial",
        culture: "sv-SE",
        contact: ("Ingrid", "Berg"),
        agreement: false,
        holdings: &[],
    },
    SeedRow {
        id: "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c04",
        name: "Rio Verde Comércio Ltda",
        domain: "rioverde.onmicrosoft.com",
        country: "BR",
        city: "Curitiba",
        segment: "commercial",
        culture: "pt-BR",
        contact: ("Beatriz", "Souza"),
        agreement: true,
        holdings: &[],
    },
    SeedRow {
        id: "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c05",
        name: "Uppsala Friskola",
        domain: "uppsalafriskola.onmicrosoft.com",
        country: "SE",
        city: "Uppsala",
        segment: "education",
        culture: "sv-SE",
        contact: ("Karin", "Nyström"),
        agreement: true,
        holdings: &[],
    },
    SeedRow {
        id: "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c06",
        name: "Göta Data AB",
        domain: "gotadata.onmicrosoft.com",
        country: "SE",
        city: "Göteborg",
        segment: "commercial",
        culture: "sv-SE",
        contact: ("Erik", "Holm"),
        agreement: true,
        holdings: &[
            Holding::azure_plan("SEK", true),
            Holding::azure_plan("SEK", false),
        ],
    },
    SeedRow {
        id: "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c07",
        name: "Amstel Fietsen B.V.",
        domain: "amstelfietsen.onmicrosoft.com",
        country: "NL",
        city: "Amsterdam",
        segment: "commercial",
        culture: "nl-NL",
        contact: ("Daan", "de Vries"),
        agreement: true,
        holdings: &[Holding::business_standard(8)],
    },
    SeedRow {
        id: "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c08",
        name: "Yarkon Software Ltd",
        domain: "yarkonsoftware.onmicrosoft.com",
        country: "IL",
        city: "Tel Aviv",
        segment: "commercial",
        culture: "he-IL",
        contact: ("Noa", "Levi"),
        agreement: true,
        holdings: &[],
    },
];

/// When seeded holdings were bought (fixed, so the seed is deterministic).
fn holding_start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 30, 0)
        .single()
        .unwrap_or_default()
}

fn customer_resource(row: &SeedRow) -> Customer {
    let id = row.id;
    Customer {
        id: Some(CustomerId::new(id)),
        commerce_id: Some(format!("{}-commerce", &id[..8])),
        company_profile: Some(CustomerCompanyProfile {
            tenant_id: Some(id.to_owned()),
            domain: Some(row.domain.to_owned()),
            company_name: Some(row.name.to_owned()),
            links: Some(self_links(format!("/customers/{id}/profiles/company"))),
            attributes: Some(attributes("CustomerCompanyProfile")),
            ..CustomerCompanyProfile::default()
        }),
        billing_profile: Some(CustomerBillingProfile {
            id: Some(format!("{}-billing", &id[..8])),
            first_name: Some(row.contact.0.to_owned()),
            last_name: Some(row.contact.1.to_owned()),
            email: Some(format!("{}@{}", row.contact.0.to_lowercase(), row.domain)),
            culture: Some(row.culture.to_owned()),
            language: row.culture.split('-').next().map(str::to_owned),
            company_name: Some(row.name.to_owned()),
            default_address: Some(Address {
                country: Some(row.country.to_owned()),
                city: Some(row.city.to_owned()),
                address_line1: Some("1 Main Street".to_owned()),
                postal_code: Some("10001".to_owned()),
                first_name: Some(row.contact.0.to_owned()),
                last_name: Some(row.contact.1.to_owned()),
                phone_number: Some("+1 425 555 0100".to_owned()),
                ..Address::default()
            }),
            links: Some(self_links(format!("/customers/{id}/profiles/billing"))),
            attributes: Some(attributes("CustomerBillingProfile")),
            ..CustomerBillingProfile::default()
        }),
        relationship_to_partner: Some("reseller".to_owned()),
        allow_delegated_access: Some(true),
        links: Some(self_links(format!("/customers/{id}"))),
        attributes: Some(attributes("Customer")),
        ..Customer::default()
    }
}

/// The Microsoft Customer Agreement acceptance of a seeded customer.
fn agreement(row: &SeedRow) -> Agreement {
    Agreement {
        primary_contact: Some(Contact {
            first_name: Some(row.contact.0.to_owned()),
            last_name: Some(row.contact.1.to_owned()),
            email: Some(format!("{}@{}", row.contact.0.to_lowercase(), row.domain)),
            ..Contact::default()
        }),
        template_id: Some(MCA_TEMPLATE_ID.to_owned()),
        date_agreed: Some(Timestamp::from(holding_start())),
        agreement_type: Some("MicrosoftCustomerAgreement".to_owned()),
        agreement_link: Some(MCA_LINK.to_owned()),
        attributes: Some(attributes("Agreement")),
        ..Agreement::default()
    }
}

/// The availability of `product_id` for `country` and segment `commercial`.
pub(crate) fn commercial_availability<'c>(
    catalog: &'c Catalog,
    product_id: &str,
    country: &str,
) -> Option<&'c Availability> {
    catalog.all_availabilities().iter().find(|a| {
        a.product_id
            .as_ref()
            .is_some_and(|p| p.eq_ignore_case(product_id))
            && a.country
                .as_deref()
                .is_some_and(|c| c.eq_ignore_ascii_case(country))
            && a.segment
                .as_ref()
                .is_some_and(|s| s.value().as_str() == "commercial")
    })
}

/// A deterministic GUID-shaped ID from a customer ID and a number.
fn derived_id(customer_id: &str, n: usize) -> String {
    let tail = customer_id.get(9..).unwrap_or(customer_id);
    format!("{:08x}-{tail}", 0x5eed_0000_u64 + n as u64)
}

/// The ID of the order a seeded holding was bought in (lower case, unique per customer).
fn seed_order_id(customer_id: &str, n: usize) -> String {
    let tail = customer_id
        .get(customer_id.len().saturating_sub(12)..)
        .unwrap_or(customer_id);
    format!("seed-{tail}-{n}")
}

/// The symbol of a currency the seed bills in.
fn currency_symbol(currency: &str) -> &'static str {
    match currency {
        "EUR" => "€",
        "SEK" => "kr",
        "GBP" => "£",
        _ => "$",
    }
}

/// What a seeded customer holds: for each holding, the order it was bought in (with its
/// `currencyCode` and line, as Partner Center lists orders) and the subscription it created,
/// each with its creation time (ms).
struct Holdings {
    orders: Vec<(Order, i64)>,
    subscriptions: Vec<(NewSubscription, i64)>,
}

fn holdings(partner: &Partner, row: &SeedRow, catalog: &Catalog) -> Holdings {
    let start = holding_start();
    let mut out = Holdings {
        orders: Vec::new(),
        subscriptions: Vec::new(),
    };
    for (n, holding) in row.holdings.iter().enumerate() {
        let (product, term, cycle) = match holding.kind {
            ProductKind::AzurePlan => (AZURE_PLAN_PRODUCT, None, BillingCycle::OneTime),
            _ => (BUSINESS_STANDARD, Some("P1Y"), BillingCycle::Monthly),
        };
        let (quantity, currency, registered) =
            (holding.seats, holding.currency(partner), holding.registered);
        let Some(availability) = commercial_availability(catalog, product, row.country)
            .or_else(|| commercial_availability(catalog, product, "US"))
        else {
            continue;
        };
        let order_id = seed_order_id(row.id, n);
        let subscription_id = derived_id(row.id, n);
        // The catalog's price when it is in the holding's currency.
        let same_currency = availability
            .default_currency
            .as_ref()
            .and_then(|c| c.code())
            .is_some_and(|c| c.eq_ignore_ascii_case(currency));
        let pricing = catalog
            .unit_price(availability, term, &cycle)
            .filter(|_| same_currency)
            .map(|unit| Pricing {
                list_price: Some(unit),
                discounted_price: Some(unit),
                price: Some(unit),
                extended_price: Some(unit * Decimal::from(quantity)),
                ..Pricing::default()
            });
        let unit_price = pricing.as_ref().and_then(|p| p.price);
        let [product_link, sku_link, availability_link] = catalog_links(availability);
        let line = OrderLineItem {
            line_item_number: Some(0),
            offer_id: availability.catalog_item_id.clone(),
            subscription_id: Some(SubscriptionId::new(subscription_id.clone())),
            term_duration: term.map(str::to_owned),
            transaction_type: Some(Spelled::from(LineTransactionType::New)),
            friendly_name: availability.product.as_ref().and_then(|p| p.title.clone()),
            quantity: Some(quantity),
            pricing: pricing.clone(),
            links: Some(links([
                product_link,
                sku_link,
                availability_link,
                (
                    "subscription",
                    format!("/customers/{}/subscriptions/{subscription_id}", row.id),
                ),
            ])),
            ..OrderLineItem::default()
        };
        let kind = ProductKind::of(availability);
        let subscription = subscription_for(
            row.id,
            &order_id,
            &line,
            availability,
            kind,
            Some(cycle.clone()),
            start,
        );
        let order = Order {
            id: Some(OrderId::new(order_id.clone())),
            alternate_id: Some(order_id.clone()),
            reference_customer_id: Some(CustomerId::new(row.id)),
            billing_cycle: Some(Spelled::from(cycle)),
            transaction_type: Some(Spelled::from(OrderTransactionType::UserPurchase)),
            line_items: Some(vec![line]),
            currency_code: Some(currency.to_owned()),
            currency_symbol: Some(currency_symbol(currency).to_owned()),
            creation_date: Some(Timestamp::from(start)),
            status: Some(Spelled::from(OrderStatus::Completed)),
            total_price: Some(
                pricing
                    .and_then(|p| p.extended_price)
                    .unwrap_or(Decimal::ZERO),
            ),
            links: Some(links([
                ("self", format!("/customers/{}/orders/{order_id}", row.id)),
                (
                    "provisioningStatus",
                    format!("/customers/{}/orders/{order_id}/provisioningstatus", row.id),
                ),
            ])),
            attributes: Some(attributes("Order")),
            ..Order::default()
        };
        out.orders.push((order, start.timestamp_millis()));
        out.subscriptions.push((
            NewSubscription::new(
                subscription,
                currency,
                kind,
                registered.map(|r| if r { "registered" } else { "notregistered" }.to_owned()),
                unit_price,
            ),
            start.timestamp_millis(),
        ));
    }
    out
}

/// Invoice history: three closed months per partner in the billing currency, plus EUR invoices
/// for the customers billed in euros. The latest invoice is unpaid.
fn invoice_history(
    partner: &Partner,
    rows: &[SeedRow],
) -> Vec<(String, Invoice, Vec<NewLineItem>)> {
    let mut out = Vec::new();
    let months = [(2026_i32, 8_u32), (2026, 9), (2026, 10)];
    let currencies: Vec<(&str, &str)> = {
        let mut list = vec![(partner.billing_currency, partner.currency_symbol)];
        if rows.iter().any(|r| {
            r.holdings
                .iter()
                .any(|h| h.kind == ProductKind::AzurePlan && h.currency == Some("EUR"))
        }) {
            list.push(("EUR", "€"));
        }
        list
    };
    let prefix = if partner.tenant == "contoso" { 1 } else { 2 };
    for (c, (currency, symbol)) in currencies.iter().enumerate() {
        for (m, (year, month)) in months.iter().enumerate() {
            let number = prefix * 100_000 + c * 100 + m;
            let id = format!("G{number:09}");
            let period_start = Utc
                .with_ymd_and_hms(*year, *month, 1, 0, 0, 0)
                .single()
                .unwrap_or_default();
            let next = Utc
                .with_ymd_and_hms(*year, *month + 1, 1, 0, 0, 0)
                .single()
                .unwrap_or_default();
            let period_end = next - chrono::Duration::seconds(1);
            let mut lines = Vec::new();
            for (r, row) in rows.iter().enumerate() {
                let holds = row
                    .holdings
                    .iter()
                    .any(|h| h.currency(partner) == *currency);
                if !holds {
                    continue;
                }
                let amount =
                    Decimal::new(12_500 + i64::try_from(r * 1_337 + m * 211).unwrap_or(0), 2);
                lines.push(NewLineItem {
                    id: format!("{id}-{r:04}"),
                    currency: (*currency).to_owned(),
                    item: OneTimeInvoiceLineItem {
                        partner_id: Some(partner.tenant_id.to_owned()),
                        customer_id: Some(row.id.to_owned()),
                        customer_name: Some(row.name.to_owned()),
                        customer_domain_name: Some(row.domain.to_owned()),
                        customer_country: Some(row.country.to_owned()),
                        invoice_number: Some(id.clone()),
                        order_id: Some(format!("seed{r:08}")),
                        order_date: Some(Timestamp::from(holding_start())),
                        product_name: Some(
                            "Azure plan / Microsoft 365 Business Standard".to_owned(),
                        ),
                        sku_name: Some("Monthly charges".to_owned()),
                        charge_type: Some("new".to_owned()),
                        unit_price: Some(amount),
                        effective_unit_price: Some(amount),
                        unit_type: Some("Licenses".to_owned()),
                        quantity: Some(Decimal::ONE),
                        subtotal: Some(amount),
                        tax_total: Some(Decimal::ZERO),
                        total_for_customer: Some(amount),
                        currency: Some((*currency).to_owned()),
                        publisher_name: Some("Microsoft Corporation".to_owned()),
                        charge_start_date: Some(Timestamp::from(period_start)),
                        charge_end_date: Some(Timestamp::from(period_end)),
                        pricing_currency: Some((*currency).to_owned()),
                        pc_to_bc_exchange_rate: Some(Decimal::ONE),
                        billable_quantity: Some(Decimal::ONE),
                        invoice_line_item_type: Some(Spelled::from(
                            InvoiceLineItemType::BillingLineItems,
                        )),
                        billing_provider: Some(Spelled::from(BillingProvider::OneTime)),
                        attributes: Some(attributes("OneTimeInvoiceLineItem")),
                        ..OneTimeInvoiceLineItem::default()
                    },
                });
            }
            let total: Decimal = lines.iter().filter_map(|l| l.item.total_for_customer).sum();
            let paid = if m + 1 < months.len() {
                -total
            } else {
                Decimal::ZERO
            };
            let invoice = invoice_resource(
                &id,
                next,
                period_start,
                period_end,
                total,
                paid,
                currency,
                symbol,
            );
            out.push((partner.tenant_id.to_owned(), invoice, lines));
        }
    }
    out
}

/// An `Invoice` resource with its OneTime billing line items detail.
#[allow(clippy::too_many_arguments)]
pub(crate) fn invoice_resource(
    id: &str,
    invoice_date: DateTime<Utc>,
    period_start: DateTime<Utc>,
    period_end: DateTime<Utc>,
    total: Decimal,
    paid: Decimal,
    currency: &str,
    symbol: &str,
) -> Invoice {
    Invoice {
        id: Some(InvoiceId::new(id)),
        invoice_date: Some(Timestamp::from(invoice_date)),
        billing_period_start_date: Some(Timestamp::from(period_start)),
        billing_period_end_date: Some(Timestamp::from(period_end)),
        total_charges: Some(total),
        paid_amount: Some(paid),
        currency_code: Some(currency.to_owned()),
        currency_symbol: Some(symbol.to_owned()),
        invoice_details: Some(vec![InvoiceDetail {
            invoice_line_item_type: Some(Spelled::from(InvoiceLineItemType::BillingLineItems)),
            billing_provider: Some(Spelled::from(BillingProvider::OneTime)),
            links: Some(self_links(format!(
                "/invoices/{id}/lineitems/OneTime/BillingLineItems"
            ))),
            ..InvoiceDetail::default()
        }]),
        document_type: Some(Spelled::from(DocumentType::Invoice)),
        invoice_type: Some(Spelled::from(InvoiceType::OneTime)),
        links: Some(self_links(format!("/invoices/{id}"))),
        attributes: Some(attributes("Invoice")),
        ..Invoice::default()
    }
}

/// Writes the seed unless this version was written before.
///
/// # Errors
/// The store fails.
pub(crate) async fn seed(store: &Store, catalog: &Catalog) -> Result<(), AppError> {
    if store.seeded(SEED_VERSION).await? {
        return Ok(());
    }
    let mut customers = Vec::new();
    let mut invoices = Vec::new();
    for (partner, rows) in [
        (&CONTOSO, CONTOSO_CUSTOMERS),
        (&FABRIKAM, FABRIKAM_CUSTOMERS),
    ] {
        for (position, row) in rows.iter().enumerate() {
            let Holdings {
                orders,
                subscriptions,
            } = holdings(partner, row, catalog);
            customers.push(SeedCustomer {
                partner_tenant_id: partner.tenant_id.to_owned(),
                position: i64::try_from(position).unwrap_or(0),
                segment: row.segment.to_owned(),
                customer: customer_resource(row),
                agreements: if row.agreement {
                    vec![agreement(row)]
                } else {
                    Vec::new()
                },
                orders,
                subscriptions,
            });
        }
        invoices.extend(invoice_history(partner, rows));
    }
    store.write_seed(SEED_VERSION, &customers, &invoices).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_ids_are_distinct_guids() {
        let mut ids: Vec<&str> = CONTOSO_CUSTOMERS
            .iter()
            .chain(FABRIKAM_CUSTOMERS)
            .map(|r| r.id)
            .collect();
        assert!(ids.iter().all(|id| uuid::Uuid::parse_str(id).is_ok()));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(
            ids.len(),
            CONTOSO_CUSTOMERS.len() + FABRIKAM_CUSTOMERS.len()
        );
        assert!(uuid::Uuid::parse_str(&derived_id(ids[0], 3)).is_ok());
    }

    #[test]
    fn every_rule_case_has_a_customer_per_partner() {
        for rows in [CONTOSO_CUSTOMERS, FABRIKAM_CUSTOMERS] {
            assert!(
                rows.iter().any(|r| r.holdings.is_empty() && r.agreement),
                "a new customer"
            );
            assert!(rows.iter().any(|r| !r.agreement), "no MCA");
            assert!(rows.iter().any(|r| r.country == "BR"), "Brazil");
            assert!(rows.iter().any(|r| r.segment == "education"), "education");
            assert!(
                rows.iter()
                    .any(|r| r.holdings.iter().any(|h| h.registered == Some(true))
                        && r.holdings.iter().any(|h| h.registered == Some(false))),
                "registered and unregistered"
            );
        }
        assert!(FABRIKAM_CUSTOMERS.iter().any(|r| {
            r.holdings.iter().any(|h| {
                h.kind == ProductKind::AzurePlan
                    && h.currency(&FABRIKAM) != FABRIKAM.billing_currency
            })
        }));
    }

    /// The rules read each seeded customer's holdings back from the orders the seed writes:
    /// its Azure plans, as `ExistingPurchase`s with their currencies (new-commerce licenses do
    /// not count for the EU rule).
    #[test]
    fn the_rules_find_the_holdings_in_the_seeded_orders() {
        use pc_core::rules::{ContextSources, ExistingPurchase, build_purchase_context};

        let catalog = Catalog::seeded();
        for (partner, rows) in [
            (&CONTOSO, CONTOSO_CUSTOMERS),
            (&FABRIKAM, FABRIKAM_CUSTOMERS),
        ] {
            for row in rows {
                let written = holdings(partner, row, &catalog);
                let sources = ContextSources {
                    customer: customer_resource(row),
                    orders: written.orders.into_iter().map(|(o, _)| o).collect(),
                    subscriptions: written
                        .subscriptions
                        .into_iter()
                        .map(|(s, _)| s.subscription)
                        .collect(),
                    catalog: catalog.all_availabilities().to_vec(),
                    ..ContextSources::default()
                };
                let mut expected: Vec<ExistingPurchase> = Vec::new();
                for holding in row.holdings {
                    let purchase = ExistingPurchase::new(holding.kind, holding.currency(partner));
                    if holding.kind == ProductKind::AzurePlan && !expected.contains(&purchase) {
                        expected.push(purchase);
                    }
                }
                let context = build_purchase_context(&sources);
                assert_eq!(
                    context.customer.existing_purchases, expected,
                    "{}",
                    row.name
                );
                assert_eq!(context.customer.is_new_customer, row.holdings.is_empty());
            }
        }
    }
}
