//! Market facts the rules use, as data in one place.
//!
//! Sources: the markets where software subscriptions are not sold, from the Partner Center
//! developer page *Make a one-time purchase*
//! (<https://learn.microsoft.com/partner-center/developer/make-a-one-time-purchase>; the same list
//! is published on *Purchase Azure reservations*), and the EU membership as of 2026. Update a list
//! here, with its date, when Microsoft (or the EU) changes it.

/// ISO 3166-1 codes of the markets where software subscriptions and Azure reservations cannot
/// be bought (110 market names, 107 codes; `XK` is Kosovo's user-assigned code). As of 2026-11.
pub const RESTRICTED_MARKETS: [&str; 107] = [
    "AX", "AS", "AD", "AI", "AQ", "AG", "AW", "BJ", "BT", "BQ", "BV", "BR", "IO", "VG", "BF", "BI",
    "KH", "CF", "TD", "CN", "CX", "CC", "KM", "CG", "CD", "CK", "DJ", "DM", "GQ", "ER", "FK", "GF",
    "PF", "TF", "GA", "GM", "GI", "GL", "GD", "GP", "GU", "GG", "GN", "GW", "GY", "HT", "HM", "IM",
    "SJ", "JE", "KI", "XK", "LA", "LS", "LR", "MG", "MW", "MV", "ML", "MH", "MQ", "MR", "YT", "FM",
    "MS", "MZ", "MM", "NR", "NC", "NE", "NU", "NF", "MP", "PW", "PG", "PN", "RE", "RU", "BL", "LC",
    "MF", "PM", "VC", "WS", "SM", "ST", "SC", "SL", "SX", "SB", "SO", "GS", "SS", "SH", "SR", "SZ",
    "TL", "TG", "TK", "TO", "TC", "TV", "UM", "VU", "VA", "WF", "YE",
];

/// The 27 EU member states (ISO 3166-1), as of 2026.
pub const EU_MEMBER_STATES: [&str; 27] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];

/// Whether software subscriptions and Azure reservations are unavailable in `country`
/// (ISO 3166-1 alpha-2, any case).
pub fn is_restricted_market(country: &str) -> bool {
    RESTRICTED_MARKETS
        .iter()
        .any(|c| c.eq_ignore_ascii_case(country.trim()))
}

/// Whether `country` (ISO 3166-1 alpha-2, any case) is an EU member state.
pub fn is_eu_member(country: &str) -> bool {
    EU_MEMBER_STATES
        .iter()
        .any(|c| c.eq_ignore_ascii_case(country.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_have_no_duplicates() {
        let mut markets = RESTRICTED_MARKETS.to_vec();
        markets.sort_unstable();
        markets.dedup();
        assert_eq!(markets.len(), 107);
        let mut eu = EU_MEMBER_STATES.to_vec();
        eu.sort_unstable();
        eu.dedup();
        assert_eq!(eu.len(), 27);
    }

    #[test]
    fn lookups_ignore_case() {
        assert!(is_restricted_market("br"));
        assert!(is_restricted_market("XK"));
        assert!(!is_restricted_market("US"));
        assert!(is_eu_member("se"));
        assert!(is_eu_member("BG"));
        assert!(!is_eu_member("GB"));
        assert!(!is_eu_member("NO"));
    }
}
