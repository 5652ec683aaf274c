//! Billing: invoices, summaries (balance), estimate links and the invoice line-item family
//! (Partner Center: *Invoice resources*; the operations *Get the partner's current account
//! balance*, *Get invoice summaries*, *Get a collection of invoices*, *Get invoice by ID*, *Get
//! invoice line items*, *Get invoice estimate links* and *Get invoice's unbilled reconciliation
//! line items*).

use rust_decimal::Decimal;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::enums::{BillingProvider, DocumentType, InvoiceLineItemType, InvoiceType};
use crate::ids::InvoiceId;
use crate::models::common::{Attributes, Link, Links};
use crate::wire::{
    Extra, Members, Spelled, Timestamp, WireEnum, lenient_int, lenient_string, resource,
};

resource! {
    /// A tax receipt of an invoice.
    pub struct TaxReceipt {
        /// The tax receipt's ID, e.g. `123456`.
        "id" => id: String,
        /// The relative URI of the receipt's PDF,
        /// `/invoices/{invoice-id}/receipts/{receipt-id}/documents/statement`.
        "taxReceiptPdfDownloadLink" => tax_receipt_pdf_download_link: String,
    }
}

resource! {
    /// `InvoiceDetail`: which line-item family an invoice has, with its link.
    pub struct InvoiceDetail {
        /// Which kind of line items: `billing_line_items` (charges) or `usage_line_items` (daily
        /// usage).
        "invoiceLineItemType" => invoice_line_item_type: Spelled<InvoiceLineItemType>,
        /// Which business the lines come from: `office` (license-based), `azure` (MS-AZR-0145P),
        /// `one_time` (reservations, software, Azure plan, new commerce), `marketplace`.
        "billingProvider" => billing_provider: Spelled<BillingProvider>,
        /// `self`: the request that lists these line items, e.g.
        /// `/invoices/OneTime-G000024135/lineitems/OneTime/BillingLineItems`.
        "links" => links: Links,
        /// `{ "objectType": "InvoiceDetail" }`.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// `Invoice` (`GET /v1/invoices[/{invoice-id}]`). Amounts are decimals in `currencyCode`.
    pub struct Invoice {
        /// The invoice ID, e.g. `G000024135` (one-time invoices are addressed as
        /// `OneTime-G000024135` in their links); the `{invoice-id}` of the invoice URLs.
        "id" => id: InvoiceId,
        /// When the invoice was generated, a UTC instant.
        "invoiceDate" => invoice_date: Timestamp,
        /// The start of the billing period the invoice covers, a UTC instant.
        "billingPeriodStartDate" => billing_period_start_date: Timestamp,
        /// The end of the billing period the invoice covers, a UTC instant.
        "billingPeriodEndDate" => billing_period_end_date: Timestamp,
        /// The invoice's total, charges of transactions and any adjustments, a decimal in
        /// `currencyCode`.
        "totalCharges" => total_charges: Decimal,
        /// The amount the partner paid against the invoice, a decimal in `currencyCode`; negative
        /// when a payment was received.
        "paidAmount" => paid_amount: Decimal,
        /// The ISO 4217 currency of every amount and total on the invoice, e.g. `USD`.
        "currencyCode" => currency_code: String,
        /// The symbol of `currencyCode`, e.g. `$`.
        "currencySymbol" => currency_symbol: String,
        /// The relative URI of the invoice PDF (`/invoices/{invoice-id}/documents/statement`); only
        /// when the invoice is read by ID, and it expires after 30 minutes.
        "pdfDownloadLink" => pdf_download_link: String,
        /// The invoice's tax receipts, each with a link to its PDF.
        "taxReceipts" => tax_receipts: Vec<TaxReceipt>,
        /// Which line-item families the invoice has (type and billing provider), each with the link
        /// that lists its line items.
        "invoiceDetails" => invoice_details: Vec<InvoiceDetail>,
        /// Documents that amend this invoice: void notes and adjustment notes.
        "amendments" => amendments: Vec<Invoice>,
        /// What the document is: `invoice`, `void_note` or `adjustment_note` (the docs' table says
        /// "Invoice" / "Credit Note").
        "documentType" => document_type: Spelled<DocumentType>,
        /// For an amendment: the ID of the invoice it amends, e.g. `G000024130`.
        "amendsOf" => amends_of: String,
        /// `Recurring` (monthly license-based and usage billing) or `OneTime` (reservations,
        /// software, new commerce, marketplace); the docs spell them `recurring` / `one_time`.
        "invoiceType" => invoice_type: Spelled<InvoiceType>,
        /// The invoice's status, e.g. `active` or `void`.
        "status" => status: String,
        /// `self`: the invoice's URI.
        "links" => links: Links,
        /// `{ "objectType": "Invoice" }`.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// `details[]` of an invoice summary: the summary of one invoice type.
    pub struct InvoiceSummaryDetail {
        /// The invoice type summarized: `Recurring` or `OneTime`.
        "invoiceType" => invoice_type: Spelled<InvoiceType>,
        /// The balance and dates of that invoice type alone.
        "summary" => summary: InvoiceSummary,
    }
}

resource! {
    /// `InvoiceSummary` — also the current account balance (`GET /v1/invoices/summary`) and the
    /// per-currency items of `GET /v1/invoices/summaries`. Amounts are decimals in `currencyCode`.
    pub struct InvoiceSummary {
        /// The total of unpaid invoices, a decimal in `currencyCode` (e.g. `751094.39`).
        "balanceAmount" => balance_amount: Decimal,
        /// The ISO 4217 currency of the amounts, e.g. `USD`; one summary per currency.
        "currencyCode" => currency_code: String,
        /// The symbol of `currencyCode`, e.g. `$`.
        "currencySymbol" => currency_symbol: String,
        /// When the balance was last updated, a UTC instant.
        "accountingDate" => accounting_date: Timestamp,
        /// When the partner's first invoice was created, a UTC instant.
        "firstInvoiceCreationDate" => first_invoice_creation_date: Timestamp,
        /// When the last payment was made, a UTC instant (`0001-01-01T00:00:00` when none was).
        "lastPaymentDate" => last_payment_date: Timestamp,
        /// The amount of the last payment, a decimal in `currencyCode`.
        "lastPaymentAmount" => last_payment_amount: Decimal,
        /// When the latest invoice was created, a UTC instant.
        "latestInvoiceDate" => latest_invoice_date: Timestamp,
        /// The same summary split by invoice type (`Recurring`, `OneTime`).
        "details" => details: Vec<InvoiceSummaryDetail>,
        /// `self`: `/invoices/summary`.
        "links" => links: Links,
        /// `{ "objectType": "InvoiceSummary" }`.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// An estimate link: where to read unbilled / reconciliation line items.
    pub struct EstimateLink {
        /// What the link lists: `daily_rated_usage` (unbilled consumption) or `non_consumption`
        /// (unbilled reconciliation line items).
        "type" => link_type: String,
        /// A title for display, e.g. `Daily rated usage unbilled`,
        /// `Unbilled reconciliation line items`.
        "title" => title: String,
        /// A description for display, e.g.
        /// `This includes reconciliation line items for unbilled data only.`
        "description" => description: String,
        /// The billing period the link covers: `Current` or `Previous`.
        "period" => period: String,
        /// The request that lists those line items, e.g. `/invoices/unbilled/lineitems` with
        /// `provider=all`, `invoicelineitemtype=billinglineitems`, `currencycode=USD`,
        /// `period=current` and `size=2000`.
        "link" => link: Link,
    }
}

resource! {
    /// `LicenseBasedLineItem` (billing + office). Amounts in `currency`.
    pub struct LicenseBasedLineItem {
        /// The partner's Microsoft Entra tenant ID (GUID), e.g.
        /// `3b33e682-00c3-41ee-9dd2-a548adf56438`.
        "partnerId" => partner_id: String,
        /// The customer's Microsoft Entra tenant ID (GUID).
        "customerId" => customer_id: String,
        /// The customer's company name.
        "customerName" => customer_name: String,
        /// The PartnerID (formerly MPN ID) the line is associated with (for a direct reseller, its
        /// own), e.g. `4390934`; sent as a number or a string.
        "mpnId" => mpn_id: i64 [lenient_int],
        /// The PartnerID of the indirect (tier 2) reseller of the sale; `-1` when there is none.
        "tier2MpnId" => tier2_mpn_id: i64 [lenient_int],
        /// The ID of the order in Microsoft's billing platform, e.g. `567735045564795186`.
        "orderId" => order_id: String,
        /// The ID of the legacy subscription charged, e.g. `Ik4YawEAAAAAAAEA`.
        "subscriptionId" => subscription_id: String,
        /// The syndication partner's subscription number (GUID).
        "syndicationPartnerSubscriptionNumber" => syndication_partner_subscription_number: String,
        /// The legacy offer ID bought (a GUID, e.g. `618B53FE-9B99-428B-9745-F706AEAF3979`).
        "offerId" => offer_id: String,
        /// The offer's durable ID, a GUID such as `69C67983-CF78-4102-83F6-3E5FD246864F`.
        "durableOfferId" => durable_offer_id: String,
        /// The offer's name, e.g. `EXCHANGE ONLINE (PLAN 2)`.
        "offerName" => offer_name: String,
        /// The customer's domain, e.g. `test600.onmicrosoft.com`.
        "domainName" => domain_name: String,
        /// The subscription's billing cycle as billing writes it, e.g. `MONTHLY`, `Monthly`.
        "billingCycleType" => billing_cycle_type: String,
        /// The subscription's name (the offer's name, e.g. `EXCHANGE ONLINE (PLAN 2)`).
        "subscriptionName" => subscription_name: String,
        /// The subscription's description, usually the offer's name.
        "subscriptionDescription" => subscription_description: String,
        /// When the subscription started, a UTC instant.
        "subscriptionStartDate" => subscription_start_date: Timestamp,
        /// When the subscription's term ends, a UTC instant.
        "subscriptionEndDate" => subscription_end_date: Timestamp,
        /// The start of the period the charge covers, a UTC instant.
        "chargeStartDate" => charge_start_date: Timestamp,
        /// The end of the period the charge covers, a UTC instant.
        "chargeEndDate" => charge_end_date: Timestamp,
        /// What the charge is: billing reports a purchase as `new` (also `New`) and a refund as
        /// `cancel`; legacy lines also use words such as `CYCLE FEE`, `PURCHASE FEE`.
        "chargeType" => charge_type: String,
        /// The price of one unit, a decimal in `currency`.
        "unitPrice" => unit_price: Decimal,
        /// The number of licenses charged.
        "quantity" => quantity: i64 [lenient_int],
        /// `unitPrice` × `quantity`, a decimal in `currency`, before discounts and tax.
        "amount" => amount: Decimal,
        /// The discount on the line, a decimal in `currency`.
        "totalOtherDiscount" => total_other_discount: Decimal,
        /// The amount after discount, before tax, a decimal in `currency`.
        "subtotal" => subtotal: Decimal,
        /// The tax charged, a decimal in `currency`.
        "tax" => tax: Decimal,
        /// The total after discount and tax, a decimal in `currency`.
        "totalForCustomer" => total_for_customer: Decimal,
        /// The ISO 4217 currency of the line's amounts, e.g. `USD`.
        "currency" => currency: String,
        /// The line-item family: `billing_line_items` or `usage_line_items`.
        "invoiceLineItemType" => invoice_line_item_type: Spelled<InvoiceLineItemType>,
        /// The business the line comes from: `office`, `azure`, `one_time` or `marketplace`.
        "billingProvider" => billing_provider: Spelled<BillingProvider>,
        /// `{ "objectType": "LicenseBasedLineItem" }`, which names the concrete line-item type.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// `UsageBasedLineItem` (billing + azure). Amounts in `currency`.
    pub struct UsageBasedLineItem {
        /// Numbers the lines of one resource whose units are rated differently (e.g. of 1338 units
        /// consumed, 1024 at one rate are line 1 and 314 at another line 2).
        "detailLineItemId" => detail_line_item_id: i64 [lenient_int],
        /// The service SKU (a legacy part number, e.g. `7UD-00001`).
        "sku" => sku: String,
        /// The units included in the offer at no charge.
        "includedQuantity" => included_quantity: Decimal,
        /// The units consumed above the included quantity, which are charged.
        "overageQuantity" => overage_quantity: Decimal,
        /// The price of one unit, a decimal in `currency`.
        "listPrice" => list_price: Decimal,
        /// The ISO 4217 currency of the line's amounts, e.g. `USD`.
        "currency" => currency: String,
        /// The charge before tax, a decimal in `currency`.
        "pretaxCharges" => pretax_charges: Decimal,
        /// The tax charged, a decimal in `currency`.
        "taxAmount" => tax_amount: Decimal,
        /// The total after tax (`pretaxCharges` + `taxAmount`), a decimal in `currency`.
        "postTaxTotal" => post_tax_total: Decimal,
        /// The effective price of one unit before tax, a decimal in `currency`.
        "pretaxEffectiveRate" => pretax_effective_rate: Decimal,
        /// The effective price of one unit after tax, a decimal in `currency`.
        "postTaxEffectiveRate" => post_tax_effective_rate: Decimal,
        /// What the charge is, as Azure billing words it, e.g.
        /// `Assess usage fee for current cycle`.
        "chargeType" => charge_type: String,
        /// The partner's Microsoft Entra tenant ID (GUID), e.g.
        /// `3b33e682-00c3-41ee-9dd2-a548adf56438`.
        "partnerId" => partner_id: String,
        /// The partner's company name as billed.
        "partnerName" => partner_name: String,
        /// The partner's billable account ID in Microsoft's billing platform, e.g. `1010578050`.
        "partnerBillableAccountId" => partner_billable_account_id: String,
        /// The customer's Microsoft Entra tenant ID (GUID).
        "customerId" => customer_id: String,
        /// The customer's domain, e.g. `test600.onmicrosoft.com`.
        "domainName" => domain_name: String,
        /// The customer's company name.
        "customerCompanyName" => customer_company_name: String,
        /// The PartnerID (formerly MPN ID) the line is associated with (for a direct reseller, its
        /// own), e.g. `4390934`; sent as a number or a string.
        "mpnId" => mpn_id: i64 [lenient_int],
        /// The PartnerID of the indirect (tier 2) reseller of the sale; `-1` when there is none.
        "tier2MpnId" => tier2_mpn_id: i64 [lenient_int],
        /// The number of the invoice the line is on, e.g. `1234000000`; empty while the charge is
        /// not invoiced yet.
        "invoiceNumber" => invoice_number: String,
        /// The ID of the Azure (MS-AZR-0145P) subscription charged.
        "subscriptionId" => subscription_id: String,
        /// The subscription's name (the offer's name, e.g. `EXCHANGE ONLINE (PLAN 2)`).
        "subscriptionName" => subscription_name: String,
        /// The subscription's description, usually the offer's name.
        "subscriptionDescription" => subscription_description: String,
        /// The subscription's billing cycle as billing writes it, e.g. `MONTHLY`, `Monthly`.
        "billingCycleType" => billing_cycle_type: String,
        /// The ID of the order that caused the charge in Microsoft's billing platform (e.g.
        /// `567735045564795186` for legacy lines).
        "orderId" => order_id: String,
        /// The Azure service consumed, e.g. `Storage`, `Azure App Service`, `VIRTUAL MACHINES`.
        "serviceName" => service_name: String,
        /// The kind of service within it, e.g. `Standard Page Blob`, `D/DS SERIES WINDOWS`.
        "serviceType" => service_type: String,
        /// The ID (GUID) of the metered Azure resource (the meter), e.g.
        /// `505db374-df8a-44df-9d8c-13c14b61dee1`.
        "resourceGuid" => resource_guid: String,
        /// The metered resource, e.g. `LRS Data Stored`, `D1/DS1`.
        "resourceName" => resource_name: String,
        /// The Azure region of the resource, e.g. `US WEST`; empty where it does not apply.
        "region" => region: String,
        /// The units consumed, a decimal in `unit` (e.g. `24` hours).
        "consumedQuantity" => consumed_quantity: Decimal,
        /// The start of the period the charge covers, a UTC instant.
        "chargeStartDate" => charge_start_date: Timestamp,
        /// The end of the period the charge covers, a UTC instant.
        "chargeEndDate" => charge_end_date: Timestamp,
        /// The unit of `consumedQuantity`, e.g. `1 Hour`, `1 GB/Month`, `10K` (operations).
        "unit" => unit: String,
        /// The line-item family: `billing_line_items` or `usage_line_items`.
        "invoiceLineItemType" => invoice_line_item_type: Spelled<InvoiceLineItemType>,
        /// The business the line comes from: `office`, `azure`, `one_time` or `marketplace`.
        "billingProvider" => billing_provider: Spelled<BillingProvider>,
        /// `{ "objectType": "UsageBasedLineItem" }`, which names the concrete line-item type.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// `DailyUsageLineItem` (usage + azure).
    pub struct DailyUsageLineItem {
        /// The day the usage happened, a UTC date.
        "usageDate" => usage_date: Timestamp,
        /// The customer's billable account ID in Microsoft's billing platform, e.g. `1439508127`.
        "customerBillableAccount" => customer_billable_account: String,
        /// The partner's Microsoft Entra tenant ID (GUID), e.g.
        /// `3b33e682-00c3-41ee-9dd2-a548adf56438`.
        "partnerId" => partner_id: String,
        /// The partner's company name as billed.
        "partnerName" => partner_name: String,
        /// The partner's billable account ID in Microsoft's billing platform, e.g. `1010578050`.
        "partnerBillableAccountId" => partner_billable_account_id: String,
        /// The customer's Microsoft Entra tenant ID (GUID).
        "customerId" => customer_id: String,
        /// The customer's domain, e.g. `test600.onmicrosoft.com`.
        "domainName" => domain_name: String,
        /// The customer's company name.
        "customerCompanyName" => customer_company_name: String,
        /// The PartnerID (formerly MPN ID) the line is associated with (for a direct reseller, its
        /// own), e.g. `4390934`; sent as a number or a string.
        "mpnId" => mpn_id: i64 [lenient_int],
        /// The PartnerID of the indirect (tier 2) reseller of the sale; `-1` when there is none.
        "tier2MpnId" => tier2_mpn_id: i64 [lenient_int],
        /// The number of the invoice the line is on, e.g. `1234000000`; empty while the charge is
        /// not invoiced yet.
        "invoiceNumber" => invoice_number: String,
        /// The ID of the Azure (MS-AZR-0145P) subscription that consumed the usage.
        "subscriptionId" => subscription_id: String,
        /// The subscription's name (the offer's name, e.g. `EXCHANGE ONLINE (PLAN 2)`).
        "subscriptionName" => subscription_name: String,
        /// The subscription's description, usually the offer's name.
        "subscriptionDescription" => subscription_description: String,
        /// The subscription's billing cycle as billing writes it, e.g. `MONTHLY`, `Monthly`.
        "billingCycleType" => billing_cycle_type: String,
        /// The ID of the order that caused the charge in Microsoft's billing platform (e.g.
        /// `567735045564795186` for legacy lines).
        "orderId" => order_id: String,
        /// The Azure service consumed, e.g. `Storage`, `Azure App Service`, `VIRTUAL MACHINES`.
        "serviceName" => service_name: String,
        /// The kind of service within it, e.g. `Standard Page Blob`, `D/DS SERIES WINDOWS`.
        "serviceType" => service_type: String,
        /// The ID (GUID) of the metered Azure resource (the meter), e.g.
        /// `505db374-df8a-44df-9d8c-13c14b61dee1`.
        "resourceGuid" => resource_guid: String,
        /// The metered resource, e.g. `LRS Data Stored`, `D1/DS1`.
        "resourceName" => resource_name: String,
        /// The Azure region of the resource, e.g. `US WEST`; empty where it does not apply.
        "region" => region: String,
        /// The units consumed, a decimal in `unit` (e.g. `24` hours).
        "consumedQuantity" => consumed_quantity: Decimal,
        /// The start of the period the charge covers, a UTC instant.
        "chargeStartDate" => charge_start_date: Timestamp,
        /// The end of the period the charge covers, a UTC instant.
        "chargeEndDate" => charge_end_date: Timestamp,
        /// The unit of `consumedQuantity`, e.g. `1 Hour`, `1 GB/Month`, `10K` (operations).
        "unit" => unit: String,
        /// The line-item family: `billing_line_items` or `usage_line_items`.
        "invoiceLineItemType" => invoice_line_item_type: Spelled<InvoiceLineItemType>,
        /// The business the line comes from: `office`, `azure`, `one_time` or `marketplace`.
        "billingProvider" => billing_provider: Spelled<BillingProvider>,
        /// `{ "objectType": "DailyUsageLineItem" }`, which names the concrete line-item type.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// `OneTimeInvoiceLineItem` (billing + one_time / all): reservations, software, Azure plan,
    /// marketplace and new-commerce licenses. Numbers may arrive as strings. Amounts in `currency`.
    pub struct OneTimeInvoiceLineItem {
        /// The partner's Microsoft Entra tenant ID (GUID), e.g.
        /// `3b33e682-00c3-41ee-9dd2-a548adf56438`.
        "partnerId" => partner_id: String,
        /// The customer's Microsoft Entra tenant ID (GUID).
        "customerId" => customer_id: String,
        /// The customer's company name.
        "customerName" => customer_name: String,
        /// The customer's domain (its `.onmicrosoft.com` domain in the examples).
        "customerDomainName" => customer_domain_name: String,
        /// The customer's country or region, ISO 3166 two-letter code, e.g. `US`.
        "customerCountry" => customer_country: String,
        /// The number of the invoice the line is on, e.g. `1234000000`; empty while the charge is
        /// not invoiced yet.
        "invoiceNumber" => invoice_number: String,
        /// The PartnerID (formerly MPN ID) the line is associated with (for a direct reseller, its
        /// own), e.g. `4390934`; sent as a number or a string.
        "mpnId" => mpn_id: String [lenient_string],
        /// The PartnerID of the indirect (tier 2) reseller of the sale, e.g. `4649221`; empty when
        /// there is none.
        "resellerMpnId" => reseller_mpn_id: String [lenient_string],
        /// The ID of the order that caused the charge, e.g. `94e858b6d855`.
        "orderId" => order_id: String,
        /// When that order was created, a UTC instant.
        "orderDate" => order_date: Timestamp,
        /// The catalog product charged, e.g. `CFQ7TTC0LH0R`.
        "productId" => product_id: String,
        /// The SKU of that product, e.g. `0002`.
        "skuId" => sku_id: String,
        /// The availability bought, e.g. `CFQ7TTC0K5RQ`.
        "availabilityId" => availability_id: String,
        /// The product's name, e.g. `Microsoft 365 Phone System - Virtual User`.
        "productName" => product_name: String,
        /// The SKU's name.
        "skuName" => sku_name: String,
        /// Marks add-on and trial purchases: `AddOn`, `Trial`.
        "productQualifiers" => product_qualifiers: Vec<String>,
        /// What the charge is: billing reports a purchase as `new` (also `New`) and a refund as
        /// `cancel`; legacy lines also use words such as `CYCLE FEE`, `PURCHASE FEE`.
        "chargeType" => charge_type: String,
        /// The price of one unit, a decimal in `currency`.
        "unitPrice" => unit_price: Decimal,
        /// The price of one unit after discounts and credits, a decimal in `currency`.
        "effectiveUnitPrice" => effective_unit_price: Decimal,
        /// What one unit is, e.g. `1 Hour`; often empty for licenses.
        "unitType" => unit_type: String,
        /// The number of licenses or instances charged, a decimal (sent as a string, e.g. `"25"`).
        "quantity" => quantity: Decimal,
        /// The amount after discount, before tax, a decimal in `currency`.
        "subtotal" => subtotal: Decimal,
        /// The tax charged, a decimal in `currency`.
        "taxTotal" => tax_total: Decimal,
        /// The total after discount and tax, a decimal in `currency`.
        "totalForCustomer" => total_for_customer: Decimal,
        /// The ISO 4217 currency of the line's amounts, e.g. `USD`.
        "currency" => currency: String,
        /// The publisher of the product, e.g. `Microsoft Corporation`.
        "publisherName" => publisher_name: String,
        /// The publisher's ID (empty for Microsoft products in the examples).
        "publisherId" => publisher_id: String,
        /// The subscription's description, usually the offer's name.
        "subscriptionDescription" => subscription_description: String,
        /// The ID (GUID) of the subscription charged.
        "subscriptionId" => subscription_id: String,
        /// When the subscription started, a UTC instant.
        "subscriptionStartDate" => subscription_start_date: Timestamp,
        /// When the subscription's term ends, a UTC instant.
        "subscriptionEndDate" => subscription_end_date: Timestamp,
        /// The start of the period the charge covers, a UTC instant.
        "chargeStartDate" => charge_start_date: Timestamp,
        /// The end of the period the charge covers, a UTC instant.
        "chargeEndDate" => charge_end_date: Timestamp,
        /// The term and billing cycle in words, e.g. `One-Month commitment for trial`.
        "termAndBillingCycle" => term_and_billing_cycle: String,
        /// The order's alternate ID (the docs call it the quote ID), e.g. `94e858b6d855`.
        "alternateId" => alternate_id: String,
        /// A reference ID (GUID) tying the line to its source transaction.
        "referenceId" => reference_id: String,
        /// Why the price was adjusted, if it was.
        "priceAdjustmentDescription" => price_adjustment_description: String,
        /// Discount details; deprecated by Partner Center, usually empty.
        "discountDetails" => discount_details: String,
        /// The ISO 4217 currency the catalog price is in (USD or the catalog currency used for
        /// rating), e.g. `USD`.
        "pricingCurrency" => pricing_currency: String,
        /// The exchange rate from `pricingCurrency` to the billing currency, a decimal (`1` when
        /// they are the same).
        "pcToBCExchangeRate" => pc_to_bc_exchange_rate: Decimal,
        /// The date the exchange rate was set, a UTC date (e.g. `2021-05-01T00:00:00`).
        "pcToBCExchangeRateDate" => pc_to_bc_exchange_rate_date: Timestamp,
        /// The units billed, a decimal (e.g. `25`).
        "billableQuantity" => billable_quantity: Decimal,
        /// The meter's description, for consumption lines.
        "meterDescription" => meter_description: String,
        /// How often the line is billed, e.g. `Monthly`; empty for one-time charges.
        "billingFrequency" => billing_frequency: String,
        /// For an Azure reservation purchase: the reservation order ID (GUID).
        "reservationOrderId" => reservation_order_id: String,
        /// Why a credit was given, for credit lines.
        "creditReasonCode" => credit_reason_code: String,
        /// The ID of the promotion applied to the charge; empty when none.
        "promotionId" => promotion_id: String,
        /// The line-item family: `billing_line_items` or `usage_line_items`.
        "invoiceLineItemType" => invoice_line_item_type: Spelled<InvoiceLineItemType>,
        /// The business the line comes from: `office`, `azure`, `one_time` or `marketplace`.
        "billingProvider" => billing_provider: Spelled<BillingProvider>,
        /// `{ "objectType": "OneTimeInvoiceLineItem" }`, which names the concrete line-item type.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// `DailyRatedUsageLineItem` (usage + marketplace / onetime): rated consumption.
    /// Amounts in `billingCurrency` / `pricingCurrency`.
    pub struct DailyRatedUsageLineItem {
        /// The partner's Microsoft Entra tenant ID (GUID), e.g.
        /// `3b33e682-00c3-41ee-9dd2-a548adf56438`.
        "partnerId" => partner_id: String,
        /// The partner's company name (may be empty).
        "partnerName" => partner_name: String,
        /// The customer's Microsoft Entra tenant ID (GUID).
        "customerId" => customer_id: String,
        /// The customer's company name.
        "customerName" => customer_name: String,
        /// The customer's domain (its `.onmicrosoft.com` domain in the examples).
        "customerDomainName" => customer_domain_name: String,
        /// The customer's country or region, ISO 3166 two-letter code, e.g. `US`.
        "customerCountry" => customer_country: String,
        /// The PartnerID (formerly MPN ID) the line is associated with, e.g. `1234567`.
        "mpnId" => mpn_id: String [lenient_string],
        /// The PartnerID of the indirect (tier 2) reseller of the sale, e.g. `4649221`; empty when
        /// there is none.
        "resellerMpnId" => reseller_mpn_id: String [lenient_string],
        /// The number of the invoice the line is on, e.g. `1234000000`; empty while the charge is
        /// not invoiced yet.
        "invoiceNumber" => invoice_number: String,
        /// The catalog product consumed (may be empty for marketplace meters).
        "productId" => product_id: String,
        /// The SKU of that product (may be empty).
        "skuId" => sku_id: String,
        /// The availability of that SKU (may be empty).
        "availabilityId" => availability_id: String,
        /// The name of the SKU consumed, e.g. `VM-Series Next-Generation Firewall (Bundle 2 PAYG)`.
        "skuName" => sku_name: String,
        /// The name of the product consumed, e.g. `VM-Series Next Generation Firewall`.
        "productName" => product_name: String,
        /// The product's publisher, e.g. `Test Alto Networks, Inc.` (a marketplace publisher).
        "publisherName" => publisher_name: String,
        /// The publisher's ID, e.g. `28503520`.
        "publisherId" => publisher_id: String,
        /// The ID of the subscription (the Azure plan) the usage is billed to.
        "subscriptionId" => subscription_id: String,
        /// The subscription's description, e.g. `Pay-As-You-Go`.
        "subscriptionDescription" => subscription_description: String,
        /// The start of the billing period of the usage, a UTC instant.
        "chargeStartDate" => charge_start_date: Timestamp,
        /// The end of the billing period of the usage, a UTC instant.
        "chargeEndDate" => charge_end_date: Timestamp,
        /// The day the usage happened, a UTC instant.
        "usageDate" => usage_date: Timestamp,
        /// The meter's type, e.g. `1 Compute Hour - 1core`.
        "meterType" => meter_type: String,
        /// The meter's top-level category, e.g. `Virtual Machine Licenses`.
        "meterCategory" => meter_category: String,
        /// The meter's ID, e.g. `1core`.
        "meterId" => meter_id: String,
        /// The meter's subcategory, e.g. `VM-Series Next Generation Firewall`.
        "meterSubCategory" => meter_sub_category: String,
        /// The meter's name, e.g.
        /// `Test Test on Linux - Test Test on Ubuntu 16.04 (WebHost) - 1 Core Hour`.
        "meterName" => meter_name: String,
        /// The region of the meter's price; empty where it does not apply.
        "meterRegion" => meter_region: String,
        /// The unit `quantity` is in, e.g. `1 Hour`.
        "unitOfMeasure" => unit_of_measure: String,
        /// The Azure region the resource runs in, e.g. `EASTUS2`.
        "resourceLocation" => resource_location: String,
        /// The Azure resource provider consumed, e.g. `Microsoft.Compute`.
        "consumedService" => consumed_service: String,
        /// The Azure resource group of the resource, e.g. `TESTRG`.
        "resourceGroup" => resource_group: String,
        /// The Azure resource ID of the resource,
        /// `/subscriptions/{id}/resourceGroups/{group}/providers/…`.
        "resourceUri" => resource_uri: String,
        /// The tags the customer put on the resource (empty in the documented examples).
        "tags" => tags: String,
        /// Service-specific details as JSON text, e.g. the VM size and image type.
        "additionalInfo" => additional_info: String,
        /// Internal Azure service metadata.
        "serviceInfo1" => service_info1: String,
        /// Service information, e.g. the image type of a virtual machine or the ISP name of
        /// ExpressRoute.
        "serviceInfo2" => service_info2: String,
        /// What the charge is: `new` for usage in the documented examples.
        "chargeType" => charge_type: String,
        /// The price of one unit in `pricingCurrency`, a decimal.
        "unitPrice" => unit_price: Decimal,
        /// The usage, a decimal in `unitOfMeasure` (e.g. `24.0` hours).
        "quantity" => quantity: Decimal,
        /// What one unit is, e.g. `1 Hour`.
        "unitType" => unit_type: String,
        /// The usage's pre-tax total in `billingCurrency` (the customer's local or billing
        /// currency), a decimal.
        "billingPreTaxTotal" => billing_pre_tax_total: Decimal,
        /// The ISO 4217 currency the usage is billed in, e.g. `USD`.
        "billingCurrency" => billing_currency: String,
        /// The usage's pre-tax total in `pricingCurrency`, a decimal.
        "pricingPreTaxTotal" => pricing_pre_tax_total: Decimal,
        /// The ISO 4217 currency the catalog price is in (USD or the catalog currency used for
        /// rating), e.g. `USD`.
        "pricingCurrency" => pricing_currency: String,
        /// The Azure subscription ID (GUID) that consumed the usage.
        "entitlementId" => entitlement_id: String,
        /// The Azure subscription's description, e.g. `Partner Subscription`.
        "entitlementDescription" => entitlement_description: String,
        /// The exchange rate from `pricingCurrency` to the billing currency, a decimal (`1` when
        /// they are the same).
        "pcToBCExchangeRate" => pc_to_bc_exchange_rate: Decimal,
        /// The date the exchange rate was set, a UTC date (e.g. `2021-05-01T00:00:00`).
        "pcToBCExchangeRateDate" => pc_to_bc_exchange_rate_date: Timestamp,
        /// The price of one unit after discounts and credits (e.g. partner-earned credit), a
        /// decimal in `pricingCurrency`.
        "effectiveUnitPrice" => effective_unit_price: Decimal,
        /// The rate of partner-earned credit applied, e.g. `0.15` (15 %).
        "rateOfPartnerEarnedCredit" => rate_of_partner_earned_credit: Decimal,
        /// The rate of the credit of `creditType` applied, from `0` to `1`.
        "rateOfCredit" => rate_of_credit: Decimal,
        /// Which credit was applied: `Partner Earned Credit Applied`, `Azure Credit Applied` or
        /// `Credit Not Applied`.
        "creditType" => credit_type: String,
        /// For usage covered by a benefit such as a savings plan: the benefit's order ID (GUID).
        "benefitOrderId" => benefit_order_id: String,
        /// The ID (GUID) of that benefit.
        "benefitId" => benefit_id: String,
        /// The kind of benefit or charge, e.g. `SavingsPlan`, `Charge`.
        "benefitType" => benefit_type: String,
        /// The line-item family: `billing_line_items` or `usage_line_items`.
        "invoiceLineItemType" => invoice_line_item_type: Spelled<InvoiceLineItemType>,
        /// The business the line comes from: `office`, `azure`, `one_time` or `marketplace`.
        "billingProvider" => billing_provider: Spelled<BillingProvider>,
        /// `{ "objectType": "DailyRatedUsageLineItem" }`, which names the concrete line-item type.
        "attributes" => attributes: Attributes,
    }
}

/// An invoice line item (`GET /v1/invoices/{invoice-id}/lineitems…`; Partner Center: *Get invoice
/// line items*). The concrete type is chosen by `attributes.objectType`, or else
/// by `invoiceLineItemType` + `billingProvider` (SDK `InvoiceLineItemConverter`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum InvoiceLineItem {
    /// Office license-based billing line.
    LicenseBased(Box<LicenseBasedLineItem>),
    /// Azure (MS-AZR-0145P) billing line.
    UsageBased(Box<UsageBasedLineItem>),
    /// Azure daily usage line.
    DailyUsage(Box<DailyUsageLineItem>),
    /// One-time / modern-commerce billing line.
    OneTime(Box<OneTimeInvoiceLineItem>),
    /// Daily rated usage (marketplace / Azure plan consumption).
    DailyRatedUsage(Box<DailyRatedUsageLineItem>),
    /// A line item of a type this version does not know, kept whole.
    Other(Extra),
}

// TypeScript: the union of the concrete line-item types, or any other object.
#[cfg(feature = "ts")]
impl ts_rs::TS for InvoiceLineItem {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn docs() -> Option<String> {
        Some(ts_rs::format_docs(&[
            " An invoice line item: the concrete type is chosen by `attributes.objectType`,",
            " or else by `invoiceLineItemType` + `billingProvider`.",
        ]))
    }
    fn name(_: &ts_rs::Config) -> String {
        "InvoiceLineItem".to_owned()
    }
    fn inline(_: &ts_rs::Config) -> String {
        "LicenseBasedLineItem | UsageBasedLineItem | DailyUsageLineItem | OneTimeInvoiceLineItem \
         | DailyRatedUsageLineItem | Record<string, unknown>"
            .to_owned()
    }
    fn decl(cfg: &ts_rs::Config) -> String {
        format!("type InvoiceLineItem = {};", Self::inline(cfg))
    }
    fn decl_concrete(cfg: &ts_rs::Config) -> String {
        Self::decl(cfg)
    }
    fn visit_dependencies(v: &mut impl ts_rs::TypeVisitor) {
        v.visit::<LicenseBasedLineItem>();
        v.visit::<UsageBasedLineItem>();
        v.visit::<DailyUsageLineItem>();
        v.visit::<OneTimeInvoiceLineItem>();
        v.visit::<DailyRatedUsageLineItem>();
    }
    fn output_path() -> Option<std::path::PathBuf> {
        Some(std::path::PathBuf::from("InvoiceLineItem.ts"))
    }
}

#[cfg(feature = "ts")]
crate::ts::ts_named!(InvoiceLineItem);

// JSON Schema: one of the concrete line-item types, or any other object.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for InvoiceLineItem {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "InvoiceLineItem".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An invoice line item: the concrete type is chosen by `attributes.objectType`, or else by `invoiceLineItemType` + `billingProvider`; a type this version does not know is kept whole.",
            "anyOf": [
                generator.subschema_for::<LicenseBasedLineItem>(),
                generator.subschema_for::<UsageBasedLineItem>(),
                generator.subschema_for::<DailyUsageLineItem>(),
                generator.subschema_for::<OneTimeInvoiceLineItem>(),
                generator.subschema_for::<DailyRatedUsageLineItem>(),
                { "type": "object" },
            ],
        })
    }
}

#[cfg(feature = "schema")]
crate::schema::schema_named!(InvoiceLineItem);

/// Which concrete line-item type a JSON object is.
fn line_item_kind(map: &Extra) -> &'static str {
    let object_type = map
        .get("attributes")
        .and_then(|a| a.get("objectType"))
        .and_then(|t| t.as_str());
    const NAMES: [&str; 5] = [
        "LicenseBasedLineItem",
        "UsageBasedLineItem",
        "DailyUsageLineItem",
        "OneTimeInvoiceLineItem",
        "DailyRatedUsageLineItem",
    ];
    if let Some(name) = object_type.and_then(|t| NAMES.iter().find(|n| n.eq_ignore_ascii_case(t))) {
        return name;
    }
    let field = |key: &str| map.get(key).and_then(|v| v.as_str());
    let item_type = field("invoiceLineItemType").map(InvoiceLineItemType::parse);
    let provider = field("billingProvider").map(BillingProvider::parse);
    match (item_type, provider) {
        (Some(InvoiceLineItemType::BillingLineItems), Some(BillingProvider::Office)) => NAMES[0],
        (Some(InvoiceLineItemType::BillingLineItems), Some(BillingProvider::Azure)) => NAMES[1],
        (Some(InvoiceLineItemType::UsageLineItems), Some(BillingProvider::Azure)) => NAMES[2],
        (
            Some(InvoiceLineItemType::BillingLineItems),
            Some(BillingProvider::OneTime | BillingProvider::All),
        ) => NAMES[3],
        (Some(InvoiceLineItemType::UsageLineItems), Some(BillingProvider::Marketplace)) => NAMES[4],
        _ => "",
    }
}

fn decode_as<T: serde::de::DeserializeOwned, E: serde::de::Error>(map: Extra) -> Result<T, E> {
    serde_path_to_error::deserialize(serde_json::Value::Object(map))
        .map_err(|err| E::custom(format_args!("{}: {}", err.path(), err.inner())))
}

impl Members for InvoiceLineItem {
    fn is_member(key: &str) -> bool {
        LicenseBasedLineItem::is_member(key)
            || UsageBasedLineItem::is_member(key)
            || DailyUsageLineItem::is_member(key)
            || OneTimeInvoiceLineItem::is_member(key)
            || DailyRatedUsageLineItem::is_member(key)
    }
}

impl<'de> Deserialize<'de> for InvoiceLineItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// Reads the whole object, then decodes it as the kind its members name. The decode
        /// happens inside `visit_map`, so a deserializer that reports positions (serde_json)
        /// reports this object's, not the next one's.
        struct LineItemVisitor;

        impl<'de> serde::de::Visitor<'de> for LineItemVisitor {
            type Value = InvoiceLineItem;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an invoice line item")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut access: A,
            ) -> Result<Self::Value, A::Error> {
                let mut map = Extra::new();
                while let Some((key, value)) = access.next_entry()? {
                    map.insert(key, value);
                }
                Ok(match line_item_kind(&map) {
                    "LicenseBasedLineItem" => InvoiceLineItem::LicenseBased(decode_as(map)?),
                    "UsageBasedLineItem" => InvoiceLineItem::UsageBased(decode_as(map)?),
                    "DailyUsageLineItem" => InvoiceLineItem::DailyUsage(decode_as(map)?),
                    "OneTimeInvoiceLineItem" => InvoiceLineItem::OneTime(decode_as(map)?),
                    "DailyRatedUsageLineItem" => InvoiceLineItem::DailyRatedUsage(decode_as(map)?),
                    "" => InvoiceLineItem::Other(map),
                    other => {
                        return Err(A::Error::custom(format_args!(
                            "unhandled line item {other}"
                        )));
                    }
                })
            }
        }

        deserializer.deserialize_map(LineItemVisitor)
    }
}

impl Serialize for InvoiceLineItem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::LicenseBased(item) => item.serialize(serializer),
            Self::UsageBased(item) => item.serialize(serializer),
            Self::DailyUsage(item) => item.serialize(serializer),
            Self::OneTime(item) => item.serialize(serializer),
            Self::DailyRatedUsage(item) => item.serialize(serializer),
            Self::Other(map) => map.serialize(serializer),
        }
    }
}
