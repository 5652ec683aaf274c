//! `QuantityOutOfRange` (900275): a line's quantity lies within its SKU's minimum..maximum.

use crate::rules::{CatalogIndex, Finding, FindingCode, Line, PurchaseContext};

/// Quantity within `minimumQuantity..=maximumQuantity` (a bound the SKU does not state is open;
/// a missing quantity is out of range).
pub(crate) fn check(
    line: &Line<'_>,
    _: &PurchaseContext,
    _: &CatalogIndex<'_>,
    out: &mut Vec<Finding>,
) {
    let Some(sku) = line.availability.and_then(|a| a.sku.as_ref()) else {
        return;
    };
    let (minimum, maximum) = (sku.minimum_quantity, sku.maximum_quantity);
    let in_range = line
        .item
        .quantity
        .is_some_and(|q| minimum.is_none_or(|min| q >= min) && maximum.is_none_or(|max| q <= max));
    let bounded = minimum.is_some() || maximum.is_some();
    if !in_range && (bounded || line.item.quantity.is_none()) {
        out.push(
            Finding::line(FindingCode::QuantityOutOfRange, line.id)
                .with("quantity", line.item.quantity)
                .with("minimum", minimum)
                .with("maximum", maximum),
        );
    }
}
