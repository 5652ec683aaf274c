//! Term and billing-cycle rules: `BillingCycleNotSupported` (900269), `TermNotOffered`,
//! `BillingCycleLongerThanTerm` (900270), `TrialRequiresNoBillingCycle`.

use chrono::{DateTime, Days, Months, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::enums::BillingCycle;
use crate::models::{Availability, CartLineItem};
use crate::rules::{CatalogIndex, Finding, FindingCode, Line, ProductKind, PurchaseContext};
use crate::wire::Spelled;

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

/// Adds an ISO 8601 duration to `start`: years, months, weeks and days (`P1Y`, `P1M`, `P7D`,
/// `P1Y6M`), and hours, minutes and whole seconds after `T` (`PT168H`, `P1DT12H`). Months and
/// years are calendar months (31 January + `P1M` = the last day of February). `None` when the
/// text is not such a duration or the result is out of range.
///
/// The one ISO 8601 duration reader of the workspace: terms (`termDuration`), refund windows
/// (`cancellationPolicies[].refundOptions[].expiresAfter`) and the sandbox's clock use it.
pub fn add_duration(start: DateTime<Utc>, duration: &str) -> Option<DateTime<Utc>> {
    let rest = duration.trim().strip_prefix(['P', 'p'])?;
    let (date, time) = match rest.split_once(['T', 't']) {
        Some((date, time)) if !time.is_empty() => (date, Some(time)),
        Some(_) => return None,
        None => (rest, None),
    };
    let mut at = start;
    let mut any = false;
    for (n, unit) in components(date)? {
        let n32 = u32::try_from(n).ok()?;
        at = match unit {
            'Y' => at.checked_add_months(Months::new(n32.checked_mul(12)?))?,
            'M' => at.checked_add_months(Months::new(n32))?,
            'W' => at.checked_add_days(Days::new(n.checked_mul(7)?))?,
            'D' => at.checked_add_days(Days::new(n))?,
            _ => return None,
        };
        any = true;
    }
    for (n, unit) in components(time.unwrap_or_default())? {
        let n = i64::try_from(n).ok()?;
        let delta = match unit {
            'H' => TimeDelta::try_hours(n)?,
            'M' => TimeDelta::try_minutes(n)?,
            'S' => TimeDelta::try_seconds(n)?,
            _ => return None,
        };
        at = at.checked_add_signed(delta)?;
        any = true;
    }
    any.then_some(at)
}

/// `"1Y6M"` → `[(1, 'Y'), (6, 'M')]`; `None` for a number without unit or a unit without number.
fn components(text: &str) -> Option<Vec<(u64, char)>> {
    let mut out = Vec::new();
    let mut number = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        out.push((number.parse().ok()?, c.to_ascii_uppercase()));
        number.clear();
    }
    number.is_empty().then_some(out)
}

/// The term and billing-cycle pairs an availability offers: for each of its terms, each of the
/// SKU's `supportedBillingCycles` (or the term's own `billingCycle` when the SKU lists none)
/// that is not longer than the term (900270). Perpetual terms (no duration) come with
/// `termDuration` `""`. In the availability's order, without repeats.
pub fn offered_combinations(availability: &Availability) -> Vec<TermOption> {
    let supported: Vec<BillingCycle> = availability
        .sku
        .as_ref()
        .and_then(|s| s.supported_billing_cycles.as_deref())
        .unwrap_or_default()
        .iter()
        .map(|c| c.value().clone())
        .collect();
    let mut out: Vec<TermOption> = Vec::new();
    for term in availability.terms.iter().flatten() {
        let duration = term.duration.as_deref().map(str::trim).unwrap_or_default();
        let cycles: Vec<BillingCycle> = if supported.is_empty() {
            term.billing_cycle
                .iter()
                .map(|c| c.value().clone())
                .collect()
        } else {
            supported.clone()
        };
        let term_months = duration_months(duration);
        for cycle in cycles {
            let too_long = matches!(
                (cycle.period_months(), term_months),
                (Some(period), Some(months)) if period > months
            );
            let option = TermOption {
                term_duration: duration.to_owned(),
                billing_cycle: cycle,
            };
            if !too_long && !out.contains(&option) {
                out.push(option);
            }
        }
    }
    out
}

/// One term and billing-cycle pair an availability offers ([`offered_combinations`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TermOption {
    /// ISO 8601 term (`P1M`, `P1Y`, `P3Y`), or `""` for perpetual software.
    pub term_duration: String,
    /// How often the term is billed.
    pub billing_cycle: BillingCycle,
}

/// The term and billing-cycle findings for buying `availability` with `billing_cycle` and
/// `term_duration` (`BillingCycleNotSupported`, `TermNotOffered`, `BillingCycleLongerThanTerm`,
/// `TrialRequiresNoBillingCycle`), as [`validate_cart`](crate::validate_cart) reports them for a
/// cart line; the lifecycle rules use it for changes scheduled at renewal. Findings concern line
/// `0`.
pub fn check_term_and_cycle(
    availability: &Availability,
    billing_cycle: Option<&BillingCycle>,
    term_duration: Option<&str>,
) -> Vec<Finding> {
    let item = CartLineItem {
        id: Some(0),
        catalog_item_id: availability.catalog_item_id.clone(),
        billing_cycle: billing_cycle.cloned().map(Spelled::from),
        term_duration: term_duration.map(str::to_owned),
        ..CartLineItem::default()
    };
    let line = Line {
        id: 0,
        item: &item,
        availability: Some(availability),
        kind: ProductKind::of(availability),
    };
    let index = CatalogIndex::empty();
    let mut out = Vec::new();
    check(&line, &PurchaseContext::default(), &index, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::{add_duration, duration_months};
    use chrono::{DateTime, Utc};

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn durations_added() {
        let start = at("2026-01-31T10:00:00Z");
        assert_eq!(add_duration(start, "P1M"), Some(at("2026-02-28T10:00:00Z")));
        assert_eq!(add_duration(start, "P1Y"), Some(at("2027-01-31T10:00:00Z")));
        assert_eq!(add_duration(start, "P8D"), Some(at("2026-02-08T10:00:00Z")));
        assert_eq!(add_duration(start, "P1W"), Some(at("2026-02-07T10:00:00Z")));
        assert_eq!(
            add_duration(start, "PT168H"),
            Some(at("2026-02-07T10:00:00Z"))
        );
        assert_eq!(
            add_duration(start, "P1DT12H30M"),
            Some(at("2026-02-01T22:30:00Z"))
        );
        for bad in [
            "",
            "P",
            "PT",
            "P1",
            "1D",
            "P1X",
            "PT1D",
            "P-1D",
            "P99999999999Y",
        ] {
            assert_eq!(add_duration(start, bad), None, "{bad}");
        }
    }

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
