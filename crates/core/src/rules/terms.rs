//! Term and billing-cycle rules: `BillingCycleNotSupported` (900269), `TermNotOffered`,
//! `BillingCycleLongerThanTerm` (900270), `TrialRequiresNoBillingCycle`.

use crate::enums::BillingCycle;
use crate::rules::{CatalogIndex, Finding, FindingCode, Line, PurchaseContext};

/// Checks the line's `billingCycle` and `termDuration` against its SKU and availability.
pub(crate) fn check(
    line: &Line<'_>,
    _: &PurchaseContext,
    _: &CatalogIndex<'_>,
    out: &mut Vec<Finding>,
) {
    let Some(availability) = line.availability else {
        return;
    };
    let sku = availability.sku.as_ref();
    let cycle = line.item.billing_cycle.as_deref();
    let cycle_name = cycle.map(BillingCycle::as_str);

    let supported = sku
        .and_then(|s| s.supported_billing_cycles.as_deref())
        .unwrap_or_default();
    if !supported.is_empty() && !cycle.is_some_and(|c| supported.iter().any(|s| s.value() == c)) {
        let names: Vec<&str> = supported.iter().map(|s| s.as_str()).collect();
        out.push(
            Finding::line(FindingCode::BillingCycleNotSupported, line.id)
                .with("billingCycle", cycle_name)
                .with("supportedBillingCycles", names),
        );
    }

    let terms = availability.terms.as_deref().unwrap_or_default();
    let durations: Vec<&str> = terms.iter().filter_map(|t| t.duration.as_deref()).collect();
    let term = line
        .item
        .term_duration
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    // A term without a duration (perpetual software) is what a line without one buys.
    let offered = |wanted: Option<&str>| {
        terms.iter().any(|t| {
            let duration = t
                .duration
                .as_deref()
                .map(str::trim)
                .filter(|d| !d.is_empty());
            match (duration, wanted) {
                (Some(d), Some(w)) => d.eq_ignore_ascii_case(w),
                (None, None) => true,
                _ => false,
            }
        })
    };
    if !terms.is_empty() && !offered(term) {
        out.push(
            Finding::line(FindingCode::TermNotOffered, line.id)
                .with("termDuration", term)
                .with("offeredTerms", durations),
        );
    }

    if let (Some(cycle), Some(term)) = (cycle, term)
        && let (Some(period), Some(term_months)) = (cycle.period_months(), duration_months(term))
        && period > term_months
    {
        out.push(
            Finding::line(FindingCode::BillingCycleLongerThanTerm, line.id)
                .with("billingCycle", cycle.as_str())
                .with("termDuration", term),
        );
    }

    if sku.and_then(|s| s.is_trial) == Some(true) && cycle != Some(&BillingCycle::None) {
        out.push(
            Finding::line(FindingCode::TrialRequiresNoBillingCycle, line.id)
                .with("billingCycle", cycle_name),
        );
    }
}

/// Months in an ISO 8601 duration of whole years and/or months (`P1M`, `P1Y`, `P3Y`, `P1Y6M`);
/// `None` for anything else (days, weeks, times), which is then not compared.
pub fn duration_months(duration: &str) -> Option<u32> {
    let rest = duration.trim().strip_prefix(['P', 'p'])?;
    let (mut months, mut number, mut any) = (0_u32, String::new(), false);
    for c in rest.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let n: u32 = number.parse().ok()?;
        number.clear();
        months = months.checked_add(match c.to_ascii_uppercase() {
            'Y' => n.checked_mul(12)?,
            'M' => n,
            _ => return None,
        })?;
        any = true;
    }
    (any && number.is_empty()).then_some(months)
}

#[cfg(test)]
mod tests {
    use super::duration_months;

    #[test]
    fn durations_in_months() {
        assert_eq!(duration_months("P1M"), Some(1));
        assert_eq!(duration_months("P1Y"), Some(12));
        assert_eq!(duration_months("p3y"), Some(36));
        assert_eq!(duration_months("P1Y6M"), Some(18));
        assert_eq!(duration_months("P1D"), None);
        assert_eq!(duration_months("P"), None);
        assert_eq!(duration_months("1Y"), None);
        assert_eq!(duration_months("P99999999999Y"), None);
    }
}
