//! The seeded catalog as data: markets, products, SKUs and reservation series, in compact tables
//! that [`super::Catalog::seeded`] turns into Partner Center resources.
//!
//! Prices here are **list prices in US dollar cents**:
//! * new-commerce licenses — per unit per month on a one-year commitment (Business Basic: `600`);
//!   the builder derives every term and billing cycle from it;
//! * software subscriptions — per unit per year;
//! * perpetual software — per unit, once;
//! * reserved VM instances — per instance for one year in a region priced at 100 %.
//!
//! Product IDs are Partner Center's real ones where they are known (new-commerce IDs from
//! public price lists and Microsoft's docs, `DZH318Z0BQ3Q`/`DZH318Z0BQ3V`/`DZH318Z0BQ36`/
//! `DZH318Z0BQ4Z`/`DZH318Z0BQ3P` and `DZH318Z0BPS6` from the documented examples). IDs marked
//! *illustrative* are made up in Partner Center's format; so are trial and Windows 365 SKU IDs.

/// A catalog market: ISO 3166 country, its CSP billing currency and the fixed rate that turns
/// US dollar list prices into it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Market {
    /// ISO 3166-1 alpha-2, upper case.
    pub(super) country: &'static str,
    /// ISO 4217 code.
    pub(super) currency: &'static str,
    /// Currency symbol as Partner Center writes it.
    pub(super) symbol: &'static str,
    /// Units of the currency per US dollar, in ten-thousandths (10.50 SEK = `105_000`).
    pub(super) rate: i64,
    /// Decimals prices are rounded to (0 for yen).
    pub(super) decimals: u32,
}

const fn market(
    country: &'static str,
    currency: &'static str,
    symbol: &'static str,
    rate: i64,
    decimals: u32,
) -> Market {
    Market {
        country,
        currency,
        symbol,
        rate,
        decimals,
    }
}

/// Every market the catalog is seeded for. Israel is billed in US dollars in CSP; Brazil and
/// China are markets where software subscriptions and reservations cannot be bought — the
/// catalog still lists them there (the purchase rules refuse them, which the portal shows).
pub(super) const MARKETS: [Market; 14] = [
    market("US", "USD", "$", 10_000, 2),
    market("IL", "USD", "$", 10_000, 2),
    market("SE", "SEK", "kr", 105_000, 2),
    market("NL", "EUR", "€", 9_200, 2),
    market("DE", "EUR", "€", 9_200, 2),
    market("FR", "EUR", "€", 9_200, 2),
    market("DK", "DKK", "kr.", 68_600, 2),
    market("NO", "NOK", "kr", 107_000, 2),
    market("GB", "GBP", "£", 7_900, 2),
    market("BR", "BRL", "R$", 54_000, 2),
    market("CN", "CNY", "¥", 72_000, 2),
    market("CA", "CAD", "$", 13_700, 2),
    market("AU", "AUD", "$", 15_200, 2),
    market("JP", "JPY", "¥", 1_500_000, 0),
];

/// What kind of product a row is; decides product type, target views, terms and pricing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Family {
    /// New-commerce license (`OnlineServicesNCE`).
    License,
    /// Software subscription (`Software` / `Subscription`).
    SoftwareSubscription,
    /// Perpetual software (`Software` / `Perpetual`).
    PerpetualSoftware,
    /// Azure reserved VM instance (`Azure` / `VirtualMachines`).
    Reservation,
    /// The Azure plan (`Azure` / `Azure`).
    AzurePlan,
}

/// One product.
#[derive(Debug, Clone, Copy)]
pub(super) struct ProductRow {
    /// Product ID.
    pub(super) id: &'static str,
    /// Title.
    pub(super) title: &'static str,
    /// Family.
    pub(super) family: Family,
    /// Description.
    pub(super) description: &'static str,
    /// Reservations only: whether the product is listed with `reservationScope=AzurePlan`.
    pub(super) azure_plan_scope: bool,
}

const fn product(
    id: &'static str,
    title: &'static str,
    family: Family,
    description: &'static str,
) -> ProductRow {
    ProductRow {
        id,
        title,
        family,
        description,
        azure_plan_scope: true,
    }
}

impl ProductRow {
    /// A reservation product usable only with MS-AZR-0145P subscriptions, not with Azure plans.
    const fn legacy_subscriptions_only(self) -> Self {
        Self {
            azure_plan_scope: false,
            ..self
        }
    }
}

use Family::{AzurePlan, License, PerpetualSoftware, Reservation, SoftwareSubscription};

/// Every product, in listing order.
#[rustfmt::skip]
pub(super) const PRODUCTS: &[ProductRow] = &[
    // Microsoft 365 / Office 365 suites.
    product("CFQ7TTC0LH18", "Microsoft 365 Business Basic", License, "Best for businesses that need professional email, cloud file storage, and online meetings & chat. Desktop versions of Office apps like Excel, Word, and PowerPoint not included. For businesses with up to 300 employees."),
    product("CFQ7TTC0LDPB", "Microsoft 365 Business Standard", License, "Everything in Business Basic, plus desktop versions of Word, Excel, PowerPoint and Outlook, webinars and collaborative workspaces. For businesses with up to 300 employees."),
    product("CFQ7TTC0LCHC", "Microsoft 365 Business Premium", License, "Everything in Business Standard, plus advanced security, access and data control, and cyberthreat protection. For businesses with up to 300 employees."),
    product("CFQ7TTC0LH1G", "Microsoft 365 Apps for business", License, "Desktop versions of Word, Excel, PowerPoint and Outlook with 1 TB of cloud storage per user. Business email and Teams not included."),
    product("CFQ7TTC0LGZT", "Microsoft 365 Apps for enterprise", License, "Desktop and web versions of the Office apps with 1 TB of OneDrive storage per user, for organizations of any size."),
    product("CFQ7TTC0LFLX", "Microsoft 365 E3", License, "Productivity apps, email, meetings, device management and identity protection for enterprises."),
    product("CFQ7TTC0LFLZ", "Microsoft 365 E5", License, "Everything in Microsoft 365 E3, plus advanced security, compliance, voice and analytics."),
    product("CFQ7TTC0LH05", "Microsoft 365 F3", License, "Productivity and security for frontline workers: web and mobile apps, Teams and 2 GB mailboxes."),
    product("CFQ7TTC0MBMD", "Microsoft 365 F1", License, "Teams, SharePoint and OneDrive for frontline workers, without email."),
    product("CFQ7TTC0LF8Q", "Office 365 E1", License, "Web and mobile Office apps, email, file storage and sharing, meetings and chat for enterprises."),
    product("CFQ7TTC0LF8R", "Office 365 E3", License, "Desktop Office apps, email, file storage and sharing, meetings and chat, with compliance tools."),
    product("CFQ7TTC0LF8S", "Office 365 E5", License, "Everything in Office 365 E3, plus advanced threat protection, audio conferencing, Teams Phone and Power BI Pro."),
    // Education-only suites.
    product("CFQ7TTC0LHPL", "Microsoft 365 A3", License, "Office apps, email, Teams, device management and security for schools. Education customers only."),
    product("CFQ7TTC0LHPJ", "Microsoft 365 A5", License, "Everything in Microsoft 365 A3, plus advanced security, compliance and analytics. Education customers only."),
    product("CFQ7TTC0LHPP", "Office 365 A3", License, "Desktop Office apps, email, file storage and Teams for schools. Education customers only."),
    // Exchange, Teams, Copilot.
    product("CFQ7TTC0LH16", "Exchange Online (Plan 1)", License, "Business email with a 50 GB mailbox per user, calendar and contacts."),
    product("CFQ7TTC0LH1P", "Exchange Online (Plan 2)", License, "Business email with a 100 GB mailbox per user, unlimited archiving and data-loss prevention."),
    product("CFQ7TTC0LH0J", "Exchange Online Archiving for Exchange Online", License, "Add-on: cloud-based archiving with unlimited storage for Exchange Online mailboxes."),
    product("CFQ7TTC0JN4R", "Microsoft Teams Essentials", License, "Unlimited group meetings for up to 30 hours and 300 participants, with 10 GB of cloud storage per user."),
    product("CFQ7TTC0RM8K", "Microsoft Teams Premium", License, "Add-on: intelligent recap, advanced webinars, branded meetings and advanced protection for Teams meetings."),
    product("CFQ7TTC0LH0T", "Microsoft Teams Phone Standard", License, "Add-on: cloud phone system for Teams with call control and PBX capabilities."),
    product("CFQ7TTC0QW7C", "Microsoft Teams Rooms Pro", License, "Meeting-room license: enhanced in-room meeting experiences and management for Teams Rooms devices."),
    product("CFQ7TTC0MM8R", "Microsoft 365 Copilot", License, "Add-on: the AI assistant in Word, Excel, PowerPoint, Outlook, Teams and more, grounded in your work data."),
    // Power BI, Visio, Project.
    product("CFQ7TTC0LHSF", "Power BI Pro", License, "Self-service analytics: publish and share Power BI reports and dashboards."),
    product("CFQ7TTC0HL8W", "Power BI Premium Per User", License, "Everything in Power BI Pro, plus Premium capabilities such as larger models and paginated reports, licensed per user."),
    product("CFQ7TTC0HD33", "Visio Plan 1", License, "Web-based diagramming with 2 GB of OneDrive storage."),
    product("CFQ7TTC0HD32", "Visio Plan 2", License, "Web and desktop Visio apps with advanced diagramming, templates and shapes."),
    product("CFQ7TTC0HDB0", "Planner and Project Plan 3", License, "Project management with resource management, planning and scheduling, and the Project desktop client."),
    product("CFQ7TTC0HD9Z", "Planner and Project Plan 5", License, "Everything in Plan 3, plus portfolio selection and optimization and enterprise resource planning."),
    // Security, identity, device management.
    product("CFQ7TTC0HX56", "Microsoft Defender for Business", License, "Endpoint security for businesses with up to 300 employees: next-generation protection, EDR and automated investigation."),
    product("CFQ7TTC0LGV0", "Microsoft Defender for Endpoint P2", License, "Enterprise endpoint security: EDR, automated investigation and remediation, and vulnerability management."),
    product("CFQ7TTC0LCH4", "Microsoft Intune Plan 1", License, "Cloud-based endpoint management for mobile devices, PCs and apps."),
    product("CFQ7TTC0LFLS", "Microsoft Entra ID P1", License, "Identity and access management: Conditional Access, self-service password reset and hybrid identities."),
    product("CFQ7TTC0LFK5", "Microsoft Entra ID P2", License, "Everything in Entra ID P1, plus ID Protection and Privileged Identity Management."),
    product("CFQ7TTC0LHT4", "Enterprise Mobility + Security E3", License, "Entra ID P1, Intune Plan 1 and Azure Information Protection P1 in one license."),
    // Windows 365 (attestation enforced).
    product("CFQ7TTC0J203", "Windows 365 Business", License, "Cloud PCs for businesses with up to 300 users, with a fixed price per user per month."),
    product("CFQ7TTC0HHS9", "Windows 365 Enterprise", License, "Cloud PCs for organizations of any size, managed with Microsoft Intune."),
    // Dynamics 365 (illustrative product IDs).
    product("CFQ7TTC0LGWB", "Dynamics 365 Sales Enterprise", License, "Sales force automation: lead and opportunity management, forecasting and sales insights."),
    product("CFQ7TTC0LH3N", "Dynamics 365 Business Central", License, "Cloud ERP for small and medium businesses: finance, sales, purchasing, inventory and projects."),
    // Software subscriptions (illustrative product IDs).
    product("DG7GMGF0FKZV", "Windows Server 2022 Datacenter", SoftwareSubscription, "Windows Server 2022 Datacenter core licenses as a 1-year or 3-year subscription."),
    product("DG7GMGF0FKZW", "Windows Server 2022 Standard", SoftwareSubscription, "Windows Server 2022 Standard core licenses as a 1-year or 3-year subscription."),
    product("DG7GMGF0FKZX", "SQL Server 2022 Standard", SoftwareSubscription, "SQL Server 2022 Standard core licenses as a 1-year or 3-year subscription."),
    product("DG7GMGF0FKZZ", "SQL Server 2022 Enterprise", SoftwareSubscription, "SQL Server 2022 Enterprise core licenses as a 1-year or 3-year subscription."),
    // Perpetual software.
    product("DG7GMGF0PWHC", "Windows Server 2025 Standard", PerpetualSoftware, "Perpetual Windows Server 2025 Standard core licenses for physical or minimally virtualized environments."),
    product("DG7GMGF0PWHD", "Windows Server 2025 Datacenter", PerpetualSoftware, "Perpetual Windows Server 2025 Datacenter core licenses for highly virtualized datacenters."),
    product("DG7GMGF0VNH2", "SQL Server 2025 Standard Core", PerpetualSoftware, "Perpetual SQL Server 2025 Standard licenses, per core."),
    product("DG7GMGF0PN5F", "Office LTSC Professional Plus 2024", PerpetualSoftware, "Perpetual Word, Excel, PowerPoint, Outlook, OneNote and Access 2024 for one device."),
    product("DG7GMGF0PN5D", "Office LTSC Standard 2024", PerpetualSoftware, "Perpetual Word, Excel, PowerPoint, Outlook and OneNote 2024 for one device."),
    product("DG7GMGF0DWM3", "BizTalk Server 2016 Branch", PerpetualSoftware, "Perpetual BizTalk Server 2016 Branch edition for connecting branch offices."),
    // Azure reserved VM instances.
    product("DZH318Z0BQ3P", "Virtual Machines BS Series", Reservation, "B-series burstable virtual machines suit workloads that do not need the full performance of the CPU continuously, such as web servers, small databases and development and test environments."),
    product("DZH318Z0BQ3Q", "Virtual Machines DSv2 Series", Reservation, "Dsv2-series instances are the latest generation of D-series instances that will carry more powerful CPUs which are on average about 35% faster than D-series instances, and carry the same memory and disk configurations as the D-series. Dsv2-series instances are based on the latest generation 2.4 GHz Intel Xeon® E5-2673 v3 (Haswell) processor, and with Intel Turbo Boost Technology 2.0 can go to 3.2 GHz."),
    product("DZH318Z0BQ3V", "Virtual Machines Dsv3 Series", Reservation, "Dsv3-series sizes run on Intel Xeon processors with Hyper-Threading and premium SSD storage: a balance of CPU, memory and temporary storage for most production workloads."),
    product("DZH318Z0BQ36", "Virtual Machines NV Series", Reservation, "NV-series virtual machines are powered by NVIDIA Tesla M60 GPUs for remote visualization, streaming, gaming, encoding and VDI."),
    product("DZH318Z0BQ4Z", "Virtual Machines NC Series", Reservation, "NC-series virtual machines are powered by NVIDIA Tesla K80 GPUs for compute-intensive, GPU-accelerated workloads.").legacy_subscriptions_only(),
    // The Azure plan.
    product("DZH318Z0BPS6", "Microsoft Azure plan", AzurePlan, "Gain access to Azure Services."),
];

/// Terms (and so billing cycles) of a new-commerce SKU.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Plan {
    /// P1Y only, billed monthly or annually.
    Year,
    /// P1M (monthly) and P1Y (monthly or annual).
    MonthYear,
    /// P1M, P1Y and P3Y (monthly, annual or triennial).
    MonthYearThreeYear,
    /// A one-month trial, billing cycle `none`.
    Trial,
}

/// Extra behaviour of a new-commerce SKU.
#[derive(Debug, Clone, Copy)]
pub(super) enum Special {
    /// A plain license.
    None,
    /// An add-on that needs one of these `productId:skuId` bases (`isAddon`, `prerequisiteSkus`).
    Addon(&'static [&'static str]),
    /// A trial that converts to this paid `productId:skuId`.
    TrialOf(&'static str),
    /// Windows 365: the cart line must accept the `Windows365` attestation.
    Windows365,
}

/// One new-commerce SKU. Prices are US dollar cents per unit per month on a one-year
/// commitment, per segment; `None` = not sold to that segment.
#[derive(Debug, Clone, Copy)]
pub(super) struct LicenseSku {
    /// Parent product ID.
    pub(super) product: &'static str,
    /// SKU ID.
    pub(super) id: &'static str,
    /// SKU title.
    pub(super) title: &'static str,
    /// Commercial price.
    pub(super) commercial: Option<i64>,
    /// Education price.
    pub(super) education: Option<i64>,
    /// Nonprofit price.
    pub(super) nonprofit: Option<i64>,
    /// `maximumQuantity`.
    pub(super) maximum: i64,
    /// Terms.
    pub(super) plan: Plan,
    /// Add-on, trial or attestation.
    pub(super) special: Special,
    /// `upgradeTargetOffers` (`productId:skuId`).
    pub(super) upgrades: &'static [&'static str],
}

/// Seats for the Business plans (up to 300 users).
const BUSINESS: i64 = 300;
/// Seats for enterprise plans.
const ENTERPRISE: i64 = 10_000_000;
/// Seats for trials.
const TRIAL: i64 = 25;

const fn license(
    product: &'static str,
    id: &'static str,
    title: &'static str,
    cents: i64,
    maximum: i64,
    plan: Plan,
) -> LicenseSku {
    LicenseSku {
        product,
        id,
        title,
        commercial: Some(cents),
        education: None,
        nonprofit: None,
        maximum,
        plan,
        special: Special::None,
        upgrades: &[],
    }
}

/// A SKU sold to education customers only.
const fn education_only(
    product: &'static str,
    id: &'static str,
    title: &'static str,
    cents: i64,
) -> LicenseSku {
    LicenseSku {
        commercial: None,
        education: Some(cents),
        ..license(product, id, title, cents, ENTERPRISE, Plan::MonthYear)
    }
}

/// A free trial converting to `paid`.
const fn trial(
    product: &'static str,
    id: &'static str,
    title: &'static str,
    paid: &'static str,
) -> LicenseSku {
    LicenseSku {
        special: Special::TrialOf(paid),
        ..license(product, id, title, 0, TRIAL, Plan::Trial)
    }
}

impl LicenseSku {
    const fn education(self, cents: i64) -> Self {
        Self {
            education: Some(cents),
            ..self
        }
    }

    const fn nonprofit(self, cents: i64) -> Self {
        Self {
            nonprofit: Some(cents),
            ..self
        }
    }

    const fn addon(self, bases: &'static [&'static str]) -> Self {
        Self {
            special: Special::Addon(bases),
            ..self
        }
    }

    const fn windows365(self) -> Self {
        Self {
            special: Special::Windows365,
            ..self
        }
    }

    const fn upgrades(self, targets: &'static [&'static str]) -> Self {
        Self {
            upgrades: targets,
            ..self
        }
    }
}

use Plan::{MonthYear, MonthYearThreeYear, Year};

/// Bases Microsoft 365 add-ons attach to.
const M365_BASES: &[&str] = &[
    "CFQ7TTC0LH18:0001",
    "CFQ7TTC0LDPB:0001",
    "CFQ7TTC0LCHC:0002",
    "CFQ7TTC0LFLX:0001",
    "CFQ7TTC0LFLZ:0002",
    "CFQ7TTC0LF8Q:0001",
    "CFQ7TTC0LF8R:0001",
    "CFQ7TTC0LF8S:0002",
];

/// Every new-commerce SKU (US list prices per user per month, one-year commitment).
#[rustfmt::skip]
pub(super) const LICENSE_SKUS: &[LicenseSku] = &[
    license("CFQ7TTC0LH18", "0001", "Microsoft 365 Business Basic", 600, BUSINESS, MonthYear)
        .nonprofit(150).upgrades(&["CFQ7TTC0LDPB:0001", "CFQ7TTC0LCHC:0002"]),
    license("CFQ7TTC0LH18", "000P", "Microsoft 365 Business Basic (no Teams)", 475, BUSINESS, MonthYear),
    license("CFQ7TTC0LDPB", "0001", "Microsoft 365 Business Standard", 1250, BUSINESS, MonthYear)
        .nonprofit(300).upgrades(&["CFQ7TTC0LCHC:0002"]),
    license("CFQ7TTC0LDPB", "0011", "Microsoft 365 Business Standard (no Teams)", 1025, BUSINESS, MonthYear),
    license("CFQ7TTC0LCHC", "0002", "Microsoft 365 Business Premium", 2200, BUSINESS, MonthYear)
        .nonprofit(550).upgrades(&["CFQ7TTC0LFLX:0001"]),
    license("CFQ7TTC0LCHC", "000N", "Microsoft 365 Business Premium (no Teams)", 1975, BUSINESS, MonthYear),
    trial("CFQ7TTC0LCHC", "0007", "Microsoft 365 Business Premium Trial", "CFQ7TTC0LCHC:0002"),
    license("CFQ7TTC0LH1G", "0001", "Microsoft 365 Apps for business", 825, BUSINESS, MonthYear),
    license("CFQ7TTC0LGZT", "0001", "Microsoft 365 Apps for enterprise", 1200, ENTERPRISE, MonthYear)
        .education(275),
    license("CFQ7TTC0LFLX", "0001", "Microsoft 365 E3", 3600, ENTERPRISE, MonthYearThreeYear)
        .education(1440).upgrades(&["CFQ7TTC0LFLZ:0002"]),
    license("CFQ7TTC0LFLX", "0021", "Microsoft 365 E3 (no Teams)", 3375, ENTERPRISE, MonthYearThreeYear),
    license("CFQ7TTC0LFLZ", "0002", "Microsoft 365 E5", 5700, ENTERPRISE, MonthYearThreeYear)
        .education(2280),
    license("CFQ7TTC0LFLZ", "0003", "Microsoft 365 E5 (no Teams)", 5475, ENTERPRISE, MonthYearThreeYear),
    license("CFQ7TTC0LH05", "0001", "Microsoft 365 F3", 800, ENTERPRISE, MonthYear),
    license("CFQ7TTC0MBMD", "0002", "Microsoft 365 F1", 225, ENTERPRISE, MonthYear),
    license("CFQ7TTC0LF8Q", "0001", "Office 365 E1", 1000, ENTERPRISE, MonthYear)
        .education(400).upgrades(&["CFQ7TTC0LF8R:0001"]),
    license("CFQ7TTC0LF8R", "0001", "Office 365 E3", 2300, ENTERPRISE, MonthYear)
        .education(920).upgrades(&["CFQ7TTC0LF8S:0002"]),
    license("CFQ7TTC0LF8S", "0002", "Office 365 E5", 3800, ENTERPRISE, MonthYear)
        .education(1520),
    education_only("CFQ7TTC0LHPL", "000W", "Microsoft 365 A3 for faculty", 580),
    education_only("CFQ7TTC0LHPL", "000X", "Microsoft 365 A3 for students", 430),
    education_only("CFQ7TTC0LHPJ", "0015", "Microsoft 365 A5 for faculty", 1080),
    education_only("CFQ7TTC0LHPJ", "0013", "Microsoft 365 A5 for students", 800),
    education_only("CFQ7TTC0LHPP", "000H", "Office 365 A3 for faculty", 330),
    education_only("CFQ7TTC0LHPP", "000K", "Office 365 A3 for students", 250),
    license("CFQ7TTC0LH16", "0001", "Exchange Online (Plan 1)", 400, ENTERPRISE, MonthYear)
        .upgrades(&["CFQ7TTC0LH1P:0001"]),
    license("CFQ7TTC0LH1P", "0001", "Exchange Online (Plan 2)", 800, ENTERPRISE, MonthYear),
    license("CFQ7TTC0LH0J", "0001", "Exchange Online Archiving for Exchange Online", 300, ENTERPRISE, MonthYear)
        .addon(&["CFQ7TTC0LH16:0001", "CFQ7TTC0LH18:0001", "CFQ7TTC0LDPB:0001"]),
    license("CFQ7TTC0JN4R", "0002", "Microsoft Teams Essentials", 400, BUSINESS, MonthYear),
    license("CFQ7TTC0RM8K", "0002", "Microsoft Teams Premium", 1000, ENTERPRISE, MonthYear)
        .addon(M365_BASES),
    license("CFQ7TTC0LH0T", "0001", "Microsoft Teams Phone Standard", 1000, ENTERPRISE, MonthYear)
        .addon(&["CFQ7TTC0LCHC:0002", "CFQ7TTC0LFLX:0001", "CFQ7TTC0LF8Q:0001", "CFQ7TTC0LF8R:0001"]),
    license("CFQ7TTC0QW7C", "0001", "Microsoft Teams Rooms Pro", 4000, ENTERPRISE, MonthYear),
    license("CFQ7TTC0MM8R", "0002", "Microsoft 365 Copilot", 3000, ENTERPRISE, Year)
        .addon(M365_BASES),
    license("CFQ7TTC0LHSF", "0001", "Power BI Pro", 1400, ENTERPRISE, MonthYear)
        .education(300),
    license("CFQ7TTC0HL8W", "0001", "Power BI Premium Per User", 2400, ENTERPRISE, MonthYear),
    license("CFQ7TTC0HD33", "0003", "Visio Plan 1", 500, ENTERPRISE, MonthYear),
    license("CFQ7TTC0HD32", "0002", "Visio Plan 2", 1500, ENTERPRISE, MonthYear),
    license("CFQ7TTC0HDB0", "0002", "Planner and Project Plan 3", 3000, ENTERPRISE, MonthYear),
    license("CFQ7TTC0HD9Z", "0002", "Planner and Project Plan 5", 5500, ENTERPRISE, MonthYear),
    license("CFQ7TTC0HX56", "0002", "Microsoft Defender for Business", 300, BUSINESS, MonthYear),
    license("CFQ7TTC0LGV0", "0001", "Microsoft Defender for Endpoint P2", 520, ENTERPRISE, MonthYear),
    license("CFQ7TTC0LCH4", "0009", "Microsoft Intune Plan 1", 800, ENTERPRISE, MonthYear),
    license("CFQ7TTC0LFLS", "0002", "Microsoft Entra ID P1", 600, ENTERPRISE, MonthYear),
    license("CFQ7TTC0LFK5", "0001", "Microsoft Entra ID P2", 900, ENTERPRISE, MonthYear),
    license("CFQ7TTC0LHT4", "0001", "Enterprise Mobility + Security E3", 1060, ENTERPRISE, MonthYear),
    license("CFQ7TTC0J203", "0001", "Windows 365 Business 2 vCPU, 4 GB, 128 GB", 3100, BUSINESS, MonthYear)
        .windows365(),
    license("CFQ7TTC0J203", "0002", "Windows 365 Business 2 vCPU, 8 GB, 128 GB", 4100, BUSINESS, MonthYear)
        .windows365(),
    license("CFQ7TTC0J203", "0003", "Windows 365 Business 4 vCPU, 16 GB, 128 GB", 6600, BUSINESS, MonthYear)
        .windows365(),
    license("CFQ7TTC0HHS9", "0001", "Windows 365 Enterprise 2 vCPU, 4 GB, 128 GB", 3100, ENTERPRISE, MonthYearThreeYear)
        .windows365(),
    license("CFQ7TTC0HHS9", "0002", "Windows 365 Enterprise 2 vCPU, 8 GB, 128 GB", 4100, ENTERPRISE, MonthYearThreeYear)
        .windows365(),
    license("CFQ7TTC0HHS9", "0003", "Windows 365 Enterprise 4 vCPU, 16 GB, 256 GB", 7800, ENTERPRISE, MonthYearThreeYear)
        .windows365(),
    license("CFQ7TTC0LGWB", "0001", "Dynamics 365 Sales Enterprise", 10500, ENTERPRISE, MonthYearThreeYear),
    trial("CFQ7TTC0LGWB", "0002", "Dynamics 365 Sales Enterprise Trial", "CFQ7TTC0LGWB:0001"),
    license("CFQ7TTC0LH3N", "0001", "Dynamics 365 Business Central Essentials", 8000, ENTERPRISE, MonthYearThreeYear)
        .upgrades(&["CFQ7TTC0LH3N:0002"]),
    license("CFQ7TTC0LH3N", "0002", "Dynamics 365 Business Central Premium", 11000, ENTERPRISE, MonthYearThreeYear),
    license("CFQ7TTC0LH3N", "0003", "Dynamics 365 Business Central Team Members", 800, ENTERPRISE, MonthYear),
];

/// One software SKU: perpetual (`years == 0`, price once per license) or a subscription of
/// `years` (1 or 3; price per license per year).
#[derive(Debug, Clone, Copy)]
pub(super) struct SoftwareSku {
    /// Parent product ID.
    pub(super) product: &'static str,
    /// SKU ID.
    pub(super) id: &'static str,
    /// SKU title.
    pub(super) title: &'static str,
    /// US dollar cents: once (perpetual) or per year (subscription).
    pub(super) cents: i64,
    /// 0 = perpetual; 1 or 3 = subscription term in years.
    pub(super) years: u8,
}

const fn software(
    product: &'static str,
    id: &'static str,
    title: &'static str,
    cents: i64,
    years: u8,
) -> SoftwareSku {
    SoftwareSku {
        product,
        id,
        title,
        cents,
        years,
    }
}

/// Largest quantity of one software line.
pub(super) const SOFTWARE_MAXIMUM: i64 = 10_000;

/// Every software SKU.
#[rustfmt::skip]
pub(super) const SOFTWARE_SKUS: &[SoftwareSku] = &[
    software("DG7GMGF0FKZV", "0001", "Windows Server 2022 Datacenter - 2 Core License Pack - 1 year", 42_000, 1),
    software("DG7GMGF0FKZV", "0002", "Windows Server 2022 Datacenter - 2 Core License Pack - 3 year", 42_000, 3),
    software("DG7GMGF0FKZW", "0001", "Windows Server 2022 Standard - 2 Core License Pack - 1 year", 7_200, 1),
    software("DG7GMGF0FKZW", "0002", "Windows Server 2022 Standard - 2 Core License Pack - 3 year", 7_200, 3),
    software("DG7GMGF0FKZX", "0001", "SQL Server 2022 Standard - 2 Core License Pack - 1 year", 180_000, 1),
    software("DG7GMGF0FKZX", "0002", "SQL Server 2022 Standard - 2 Core License Pack - 3 year", 180_000, 3),
    software("DG7GMGF0FKZZ", "0001", "SQL Server 2022 Enterprise - 2 Core License Pack - 1 year", 690_000, 1),
    software("DG7GMGF0FKZZ", "0002", "SQL Server 2022 Enterprise - 2 Core License Pack - 3 year", 690_000, 3),
    software("DG7GMGF0PWHC", "0006", "Windows Server 2025 Standard - 2 Core License Pack", 14_700, 0),
    software("DG7GMGF0PWHC", "0003", "Windows Server 2025 Standard - 16 Core License Pack", 117_600, 0),
    software("DG7GMGF0PWHD", "0004", "Windows Server 2025 Datacenter - 2 Core License Pack", 84_600, 0),
    software("DG7GMGF0PWHD", "0001", "Windows Server 2025 Datacenter - 16 Core License Pack", 676_800, 0),
    software("DG7GMGF0VNH2", "0002", "SQL Server 2025 Standard Core - 2 Core License Pack", 394_500, 0),
    software("DG7GMGF0PN5F", "0002", "Office LTSC Professional Plus 2024", 67_500, 0),
    software("DG7GMGF0PN5D", "0002", "Office LTSC Standard 2024", 49_500, 0),
    software("DG7GMGF0DWM3", "0002", "BizTalk Server 2016 Branch", 250_000, 0),
];

/// An Azure region reservations are sold in.
#[derive(Debug, Clone, Copy)]
pub(super) struct Region {
    /// `armRegionName`, e.g. `westeurope`.
    pub(super) arm: &'static str,
    /// Display name as SKU titles use it, e.g. `EU West`.
    pub(super) display: &'static str,
    /// Price relative to US East, in percent.
    pub(super) price_percent: i64,
}

const fn region(arm: &'static str, display: &'static str, price_percent: i64) -> Region {
    Region {
        arm,
        display,
        price_percent,
    }
}

/// Regions reservation SKUs exist in.
pub(super) const REGIONS: &[Region] = &[
    region("eastus", "US East", 100),
    region("eastus2", "US East 2", 100),
    region("westus2", "US West 2", 100),
    region("northeurope", "EU North", 105),
    region("westeurope", "EU West", 110),
    region("swedencentral", "Sweden Central", 105),
    region("uksouth", "UK South", 110),
    region("germanywestcentral", "Germany West Central", 112),
    region("japanwest", "JA West", 125),
    region("brazilsouth", "BR South", 145),
    region("australiaeast", "AU East", 120),
];

/// Regions where the inventory check restricts every reservation SKU.
pub(super) const RESTRICTED_REGIONS: [&str; 2] = ["japanwest", "brazilsouth"];

/// Region where large sizes (at least [`LARGE_SIZE_CORES`] cores) are restricted.
pub(super) const LARGE_SIZE_RESTRICTED_REGION: &str = "westeurope";

/// Cores from which a size counts as large.
pub(super) const LARGE_SIZE_CORES: u32 = 12;

/// A virtual machine size.
#[derive(Debug, Clone, Copy)]
pub(super) struct VmSize {
    /// `armSkuName`, e.g. `Standard_D2s_v3`.
    pub(super) arm: &'static str,
    /// `skuDisplayName`, e.g. `D2s v3`.
    pub(super) display: &'static str,
    /// vCPUs.
    pub(super) cores: u32,
    /// Memory in GB, as Partner Center writes it (`"3.5"`).
    pub(super) ram: &'static str,
    /// `category`.
    pub(super) category: &'static str,
    /// `diskType`.
    pub(super) disk: &'static str,
    /// US dollar cents for one instance for one year in a 100 % region.
    pub(super) cents_per_year: i64,
}

const fn size(
    arm: &'static str,
    display: &'static str,
    cores: u32,
    ram: &'static str,
    category: &'static str,
    cents_per_year: i64,
) -> VmSize {
    VmSize {
        arm,
        display,
        cores,
        ram,
        category,
        disk: "Ssd",
        cents_per_year,
    }
}

const GENERAL: &str = "General purpose";
const GPU: &str = "GPU";

/// A reservation product's SKUs: every size in every region, for one and for three years.
#[derive(Debug, Clone, Copy)]
pub(super) struct ReservationSeries {
    /// Product ID.
    pub(super) product: &'static str,
    /// Sizes.
    pub(super) sizes: &'static [VmSize],
    /// `armRegionName`s (entries of [`REGIONS`]).
    pub(super) regions: &'static [&'static str],
}

/// Every reservation product's SKUs. SKU IDs are numbered in base 36 (`0001`, `0002`, … `000A`)
/// size by size, region by region, one year before three years.
#[rustfmt::skip]
pub(super) const RESERVATION_SERIES: &[ReservationSeries] = &[
    ReservationSeries {
        product: "DZH318Z0BQ3P",
        sizes: &[
            size("Standard_B1s", "B1s", 1, "1", GENERAL, 4_600),
            size("Standard_B2s", "B2s", 2, "4", GENERAL, 18_300),
            size("Standard_B4ms", "B4ms", 4, "16", GENERAL, 86_000),
        ],
        regions: &["eastus", "westeurope", "swedencentral", "japanwest"],
    },
    ReservationSeries {
        product: "DZH318Z0BQ3Q",
        sizes: &[
            size("Standard_DS1_v2", "DS1 v2", 1, "3.5", GENERAL, 37_700),
            size("Standard_DS2_v2", "DS2 v2", 2, "7", GENERAL, 75_400),
        ],
        regions: &["eastus", "westus2", "northeurope", "westeurope", "brazilsouth"],
    },
    ReservationSeries {
        product: "DZH318Z0BQ3V",
        sizes: &[
            size("Standard_D2s_v3", "D2s v3", 2, "8", GENERAL, 49_500),
            size("Standard_D4s_v3", "D4s v3", 4, "16", GENERAL, 99_000),
            size("Standard_D32s_v3", "D32s v3", 32, "128", GENERAL, 792_000),
        ],
        regions: &["westus2", "westeurope", "uksouth", "germanywestcentral"],
    },
    ReservationSeries {
        product: "DZH318Z0BQ36",
        sizes: &[size("Standard_NV12", "NV12", 12, "112", GPU, 1_200_000)],
        regions: &["eastus2", "westeurope", "japanwest"],
    },
    ReservationSeries {
        product: "DZH318Z0BQ4Z",
        sizes: &[size("Standard_NC12", "NC12", 12, "112", GPU, 1_250_000)],
        regions: &["eastus", "westeurope", "australiaeast"],
    },
];

/// Three years of a reservation cost this many percent of one year (a 38 % discount per year).
pub(super) const THREE_YEAR_PERCENT: i64 = 186;

/// New-commerce month-to-month (P1M) prices are this many percent of the monthly price on a
/// one-year commitment.
pub(super) const MONTHLY_TERM_PERCENT: i64 = 120;

/// The Azure plan's product.
pub(super) use pc_core::ids::AZURE_PLAN_PRODUCT_ID as AZURE_PLAN_PRODUCT;
/// The Azure plan's SKU ID.
pub(super) const AZURE_PLAN_SKU: &str = "0001";

/// Availability IDs Partner Center's documentation shows, kept for the same
/// `(product, sku, segment, country)` so documented examples resolve in the sandbox.
pub(super) const DOCUMENTED_AVAILABILITY_IDS: [(&str, &str, &str, &str, &str); 2] = [
    ("CFQ7TTC0LH18", "0001", "commercial", "US", "CFQ7TTC0K971"),
    ("DZH318Z0BQ3Q", "0001", "commercial", "US", "DZH318XZXPHL"),
];
