//! The seeded partner tenants, their registered OAuth clients and demo users (documented in the
//! README).

/// A partner tenant of the sandbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Partner {
    /// Short tenant name used in the token URL, e.g. `contoso`.
    pub tenant: &'static str,
    /// Partner tenant ID (GUID), the token's `tid`.
    pub tenant_id: &'static str,
    /// Company name printed on invoices.
    pub name: &'static str,
    /// ISO 3166 two-letter country of the partner.
    pub country: &'static str,
    /// ISO 4217 billing currency.
    pub billing_currency: &'static str,
    /// Currency symbol of the billing currency.
    pub currency_symbol: &'static str,
    /// Whether Microsoft has qualified the partner to sell perpetual software.
    pub perpetual_software_qualified: bool,
    /// OAuth client ID for `grant_type=client_credentials`.
    pub client_id: &'static str,
    /// OAuth client secret.
    pub client_secret: &'static str,
    /// Client ID of the registered confidential web client (a gateway's sign-in), e.g.
    /// `contoso-portal`.
    pub portal_client_id: &'static str,
    /// Client secret of [`Partner::portal_client_id`].
    pub portal_client_secret: &'static str,
    /// Legal business address (`GET /v1/profiles/legalbusiness`).
    pub address: Address,
    /// Primary contact of the legal business profile.
    pub contact: Contact,
}

/// A postal address, as Partner Center's `Address` resource names its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Address {
    /// First address line (`addressLine1`).
    pub address_line1: &'static str,
    /// City.
    pub city: &'static str,
    /// State or region; empty where the country has none.
    pub state: &'static str,
    /// Postal code.
    pub postal_code: &'static str,
    /// Phone number.
    pub phone_number: &'static str,
}

/// A person to contact, as Partner Center's `Contact` resource names its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contact {
    /// Given name.
    pub first_name: &'static str,
    /// Family name.
    pub last_name: &'static str,
    /// Email address.
    pub email: &'static str,
    /// Phone number.
    pub phone_number: &'static str,
}

/// Contoso: a US partner billed in USD, qualified for perpetual software.
pub const CONTOSO: Partner = Partner {
    tenant: "contoso",
    tenant_id: "4b3d2f0a-6c1e-4e8a-9f21-0c5a7d3e1b01",
    name: "Contoso Ltd.",
    country: "US",
    billing_currency: "USD",
    currency_symbol: "$",
    perpetual_software_qualified: true,
    client_id: "contoso-app",
    client_secret: "contoso-secret",
    portal_client_id: "contoso-portal",
    portal_client_secret: "contoso-portal-secret",
    address: Address {
        address_line1: "1 Microsoft Way",
        city: "Redmond",
        state: "WA",
        postal_code: "98052",
        phone_number: "4255550100",
    },
    contact: Contact {
        first_name: "Alex",
        last_name: "Admin",
        email: "admin@contoso.example",
        phone_number: "4255550100",
    },
};

/// Fabrikam: a Swedish (EU) partner billed in SEK, not qualified for perpetual software.
pub const FABRIKAM: Partner = Partner {
    tenant: "fabrikam",
    tenant_id: "8e7c6b5a-4d3c-4b2a-8190-fa1b2c3d4e02",
    name: "Fabrikam AB",
    country: "SE",
    billing_currency: "SEK",
    currency_symbol: "kr",
    perpetual_software_qualified: false,
    client_id: "fabrikam-app",
    client_secret: "fabrikam-secret",
    portal_client_id: "fabrikam-portal",
    portal_client_secret: "fabrikam-portal-secret",
    address: Address {
        address_line1: "Drottninggatan 1",
        city: "Stockholm",
        state: "",
        postal_code: "111 51",
        phone_number: "+4685550100",
    },
    contact: Contact {
        first_name: "Frida",
        last_name: "Admin",
        email: "admin@fabrikam.example",
        phone_number: "+4685550100",
    },
};

/// Every partner tenant.
pub const PARTNERS: [Partner; 2] = [CONTOSO, FABRIKAM];

/// The partner whose short name or tenant ID is `tenant` (case-insensitive).
pub fn partner(tenant: &str) -> Option<&'static Partner> {
    PARTNERS
        .iter()
        .find(|p| p.tenant.eq_ignore_ascii_case(tenant) || p.tenant_id.eq_ignore_ascii_case(tenant))
}

/// The partner whose tenant ID is `tenant_id`.
pub fn by_tenant_id(tenant_id: &str) -> Option<&'static Partner> {
    PARTNERS
        .iter()
        .find(|p| p.tenant_id.eq_ignore_ascii_case(tenant_id))
}

/// Partner Center agent role: may do everything, including buying.
pub const ADMIN_AGENTS: &str = "AdminAgents";
/// Partner Center agent role: may buy and read.
pub const SALES_AGENTS: &str = "SalesAgents";
/// Partner Center agent role: may read, not buy.
pub const HELPDESK_AGENTS: &str = "HelpdeskAgents";

/// The password of every demo user.
pub const DEMO_PASSWORD: &str = "demo";

/// A demo user who signs in at the sandbox's identity provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct User {
    /// Sign-in name and email (`preferred_username`, `email`).
    pub username: &'static str,
    /// Display name (`name`).
    pub name: &'static str,
    /// Object ID (`oid`), stable.
    pub oid: &'static str,
    /// Tenant ID of the partner the user belongs to; they may sign in only there.
    pub tenant_id: &'static str,
    /// Partner Center agent roles (`roles`).
    pub roles: &'static [&'static str],
    /// Authentication methods (`amr`): `pwd`, and `mfa` when multi-factor sign-in is simulated.
    pub amr: &'static [&'static str],
}

/// Every demo user (password [`DEMO_PASSWORD`]).
pub const USERS: [User; 5] = [
    User {
        username: "admin@contoso.example",
        name: "Alex Admin",
        oid: "5d1c2b3a-0001-4c1e-9a2b-3c4d5e6f7a01",
        tenant_id: CONTOSO.tenant_id,
        roles: &[ADMIN_AGENTS],
        amr: &["pwd", "mfa"],
    },
    User {
        username: "sales@contoso.example",
        name: "Sam Sales",
        oid: "5d1c2b3a-0002-4c1e-9a2b-3c4d5e6f7a02",
        tenant_id: CONTOSO.tenant_id,
        roles: &[SALES_AGENTS],
        amr: &["pwd", "mfa"],
    },
    User {
        username: "helpdesk@contoso.example",
        name: "Harper Helpdesk",
        oid: "5d1c2b3a-0003-4c1e-9a2b-3c4d5e6f7a03",
        tenant_id: CONTOSO.tenant_id,
        roles: &[HELPDESK_AGENTS],
        amr: &["pwd", "mfa"],
    },
    User {
        username: "nomfa@contoso.example",
        name: "Noa Nomfa",
        oid: "5d1c2b3a-0004-4c1e-9a2b-3c4d5e6f7a04",
        tenant_id: CONTOSO.tenant_id,
        roles: &[ADMIN_AGENTS],
        amr: &["pwd"],
    },
    User {
        username: "admin@fabrikam.example",
        name: "Frida Admin",
        oid: "5d1c2b3a-0005-4c1e-9a2b-3c4d5e6f7a05",
        tenant_id: FABRIKAM.tenant_id,
        roles: &[ADMIN_AGENTS],
        amr: &["pwd", "mfa"],
    },
];

/// The demo user named `username` (case-insensitive).
pub fn user(username: &str) -> Option<&'static User> {
    USERS
        .iter()
        .find(|u| u.username.eq_ignore_ascii_case(username.trim()))
}

/// The demo users of `partner`.
pub fn users_of(partner: &Partner) -> impl Iterator<Item = &'static User> + use<> {
    let tenant_id = partner.tenant_id;
    USERS.iter().filter(move |u| u.tenant_id == tenant_id)
}

/// Which registered client of a tenant an OAuth `client_id` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientKind {
    /// The confidential web client ([`Partner::portal_client_id`]): authorization code, refresh,
    /// password and client credentials grants.
    Portal,
    /// The daemon client ([`Partner::client_id`]): client credentials and password grants.
    App,
}

/// The client of `partner` with ID `client_id`, if registered.
pub fn client(partner: &Partner, client_id: &str) -> Option<ClientKind> {
    if client_id == partner.portal_client_id {
        Some(ClientKind::Portal)
    } else if client_id == partner.client_id {
        Some(ClientKind::App)
    } else {
        None
    }
}

/// The secret of `partner`'s client `kind`.
pub fn client_secret(partner: &Partner, kind: ClientKind) -> &'static str {
    match kind {
        ClientKind::Portal => partner.portal_client_secret,
        ClientKind::App => partner.client_secret,
    }
}
