//! The seeded partner tenants and their demo credentials (documented in the README).

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
