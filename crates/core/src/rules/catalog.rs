//! Catalog rules: the line names a purchasable availability of the customer's market and segment.
//! `CatalogItemUnknown`, `NotPurchasable`, `CountryMismatch`, `SegmentMismatch`.

use crate::rules::{CatalogIndex, Finding, FindingCode, Line, PurchaseContext};

/// A line whose `catalogItemId` is not in the catalog gets only this finding.
pub(crate) fn check_unknown(line: &Line<'_>, out: &mut Vec<Finding>) {
    let id = line
        .item
        .catalog_item_id
        .as_ref()
        .map_or("", |c| c.as_str());
    out.push(Finding::line(FindingCode::CatalogItemUnknown, line.id).with("catalogItemId", id));
}

/// Purchasable, same country and same segment as the customer.
pub(crate) fn check(
    line: &Line<'_>,
    context: &PurchaseContext,
    _: &CatalogIndex<'_>,
    out: &mut Vec<Finding>,
) {
    let Some(availability) = line.availability else {
        return;
    };
    if availability.is_purchasable == Some(false) {
        out.push(Finding::line(FindingCode::NotPurchasable, line.id));
    }
    if let Some(country) = availability.country.as_deref()
        && !country
            .trim()
            .eq_ignore_ascii_case(context.customer.country.trim())
    {
        out.push(
            Finding::line(FindingCode::CountryMismatch, line.id)
                .with("country", country)
                .with("customerCountry", context.customer.country.as_str()),
        );
    }
    if let Some(segment) = &availability.segment
        && **segment != context.customer.segment
    {
        out.push(
            Finding::line(FindingCode::SegmentMismatch, line.id)
                .with("segment", segment.as_str())
                .with("customerSegment", context.customer.segment.as_str()),
        );
    }
}
