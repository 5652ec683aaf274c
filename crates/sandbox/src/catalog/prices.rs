//! List prices: what a SKU costs ([`Pricing`], in US dollar cents, with the terms it is sold
//! on) and each availability's price list in its market's currency ([`Price`]). See the
//! catalog's module docs for what one billing period's price is.

use pc_core::enums::{BillingCycle, RefundType};
use rust_decimal::{Decimal, RoundingStrategy};

use super::data::{self, Market, Plan};

/// One list price of an availability.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Price {
    /// Term duration; `None` for term-less purchases (perpetual software, the Azure plan).
    pub(super) term: Option<&'static str>,
    /// The billing cycle this price is for.
    pub(super) cycle: BillingCycle,
    /// Per unit for one period of `cycle`, in the availability's currency.
    pub(super) amount: Decimal,
}

/// What a SKU costs and which terms it has, before conversion to a market's currency.
#[derive(Debug, Clone, Copy)]
pub(super) enum Pricing {
    /// New commerce: US cents per unit per month on a one-year commitment.
    License { cents: i64, plan: Plan },
    /// A free trial (P1M, billing `none`).
    Trial,
    /// Software subscription: US cents per unit per year, for a term of `years`.
    Subscription { cents: i64, years: u8 },
    /// Perpetual software: US cents per unit, once.
    Perpetual { cents: i64 },
    /// Reservation: US cents per instance for the whole term of `years`.
    Reservation { cents: i64, years: u8 },
    /// The Azure plan: free to buy, usage billed later.
    AzurePlan,
}

/// One term of an availability, before IDs are derived.
pub(super) struct TermSpec {
    /// ISO 8601 duration (`P1M`, `P1Y`, `P3Y`); `None` for perpetual software.
    pub(super) duration: Option<&'static str>,
    /// The term's `description`, as Partner Center words it.
    pub(super) description: &'static str,
    /// Capitalized, as on the documented term (`Annual`).
    pub(super) billing_cycle: Option<&'static str>,
    /// The cancellation policy's refund options: type and ISO 8601 window, in order.
    pub(super) refunds: &'static [(RefundType, &'static str)],
    /// New-commerce terms carry IDs that renewal instructions reference.
    pub(super) with_id: bool,
}

/// Full refund for a day, prorated for seven (new commerce, software subscriptions).
const SEVEN_DAY_REFUNDS: &[(RefundType, &str)] =
    &[(RefundType::Full, "P1D"), (RefundType::Partial, "P7D")];
/// Full refund within 30 days (perpetual software).
const THIRTY_DAY_REFUNDS: &[(RefundType, &str)] = &[(RefundType::Full, "P30D")];

impl Pricing {
    pub(super) fn terms(self) -> Vec<TermSpec> {
        let license = |duration, description, billing_cycle| TermSpec {
            duration: Some(duration),
            description,
            billing_cycle: Some(billing_cycle),
            refunds: SEVEN_DAY_REFUNDS,
            with_id: true,
        };
        let month = || license("P1M", "One-Month commitment for monthly billing", "Monthly");
        let year = || {
            license(
                "P1Y",
                "One-Year commitment for monthly/yearly billing",
                "Annual",
            )
        };
        let three_years = || {
            license(
                "P3Y",
                "Three-Year commitment for monthly/yearly/triennial billing",
                "Triennial",
            )
        };
        match self {
            Self::License { plan, .. } => match plan {
                Plan::Year => vec![year()],
                Plan::MonthYear => vec![month(), year()],
                Plan::MonthYearThreeYear => vec![month(), year(), three_years()],
                Plan::Trial => vec![license("P1M", "One-Month trial", "None")],
            },
            Self::Trial => vec![license("P1M", "One-Month trial", "None")],
            Self::Subscription { years, .. } => vec![TermSpec {
                duration: Some(if years == 3 { "P3Y" } else { "P1Y" }),
                description: if years == 3 {
                    "Three-Year subscription"
                } else {
                    "One-Year subscription"
                },
                billing_cycle: None,
                refunds: SEVEN_DAY_REFUNDS,
                with_id: false,
            }],
            Self::Perpetual { .. } => vec![TermSpec {
                duration: None,
                description: "Perpetual license",
                billing_cycle: None,
                refunds: THIRTY_DAY_REFUNDS,
                with_id: false,
            }],
            Self::Reservation { years, .. } => vec![TermSpec {
                duration: Some(if years == 3 { "P3Y" } else { "P1Y" }),
                description: if years == 3 {
                    "3 Years Prepaid"
                } else {
                    "1 Year Prepaid"
                },
                billing_cycle: None,
                refunds: &[],
                with_id: false,
            }],
            Self::AzurePlan => Vec::new(),
        }
    }

    /// The price list in `market`'s currency.
    pub(super) fn prices(self, market: &Market) -> Vec<Price> {
        let price = |term, cycle, amount| Price {
            term,
            cycle,
            amount,
        };
        match self {
            Self::License { cents, plan } => {
                let monthly = convert(cents, market);
                let month_to_month = round(
                    monthly * Decimal::new(data::MONTHLY_TERM_PERCENT, 2),
                    market,
                );
                let annual = monthly * Decimal::from(12);
                let triennial = monthly * Decimal::from(36);
                let mut list = Vec::new();
                if plan != Plan::Year {
                    list.push(price(Some("P1M"), BillingCycle::Monthly, month_to_month));
                }
                list.push(price(Some("P1Y"), BillingCycle::Monthly, monthly));
                list.push(price(Some("P1Y"), BillingCycle::Annual, annual));
                if plan == Plan::MonthYearThreeYear {
                    list.push(price(Some("P3Y"), BillingCycle::Monthly, monthly));
                    list.push(price(Some("P3Y"), BillingCycle::Annual, annual));
                    list.push(price(Some("P3Y"), BillingCycle::Triennial, triennial));
                }
                list
            }
            Self::Trial => vec![price(Some("P1M"), BillingCycle::None, Decimal::ZERO)],
            Self::Subscription { cents, years } => {
                let yearly = convert(cents, market);
                if years == 3 {
                    let whole = yearly * Decimal::from(3);
                    vec![
                        price(Some("P3Y"), BillingCycle::OneTime, whole),
                        price(Some("P3Y"), BillingCycle::Annual, yearly),
                        price(Some("P3Y"), BillingCycle::Triennial, whole),
                    ]
                } else {
                    vec![
                        price(Some("P1Y"), BillingCycle::OneTime, yearly),
                        price(Some("P1Y"), BillingCycle::Annual, yearly),
                    ]
                }
            }
            Self::Perpetual { cents } => {
                vec![price(None, BillingCycle::OneTime, convert(cents, market))]
            }
            Self::Reservation { cents, years } => {
                let term = if years == 3 { "P3Y" } else { "P1Y" };
                vec![price(
                    Some(term),
                    BillingCycle::OneTime,
                    convert(cents, market),
                )]
            }
            Self::AzurePlan => vec![price(None, BillingCycle::OneTime, Decimal::ZERO)],
        }
    }

    /// `isRenewable`: new-commerce licenses (and their trials) renew; the rest do not.
    pub(super) fn renewable(self) -> bool {
        matches!(self, Self::License { .. } | Self::Trial)
    }
}

/// US dollar cents in `market`'s currency, rounded to its decimals.
fn convert(cents: i64, market: &Market) -> Decimal {
    round(
        Decimal::new(cents, 2) * Decimal::new(market.rate, 4),
        market,
    )
}

fn round(amount: Decimal, market: &Market) -> Decimal {
    amount.round_dp_with_strategy(market.decimals, RoundingStrategy::MidpointAwayFromZero)
}
