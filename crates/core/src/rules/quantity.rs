//! `QuantityOutOfRange` (900275): a line's quantity lies within its SKU's minimum..maximum, and a
//! quantity as a person types it is a whole number ([`read_quantity`]).

use crate::models::Sku;
use crate::rules::{CatalogIndex, Finding, FindingCode, Line, PurchaseContext};

/// Checks the line's quantity against its SKU ([`check_quantity`]).
pub(crate) fn check(
    line: &Line<'_>,
    _: &PurchaseContext,
    _: &CatalogIndex<'_>,
    out: &mut Vec<Finding>,
) {
    let Some(sku) = line.availability.and_then(|a| a.sku.as_ref()) else {
        return;
    };
    if let Some(mut finding) = check_quantity(line.item.quantity, sku) {
        finding.line_item_id = Some(line.id);
        out.push(finding);
    }
}

/// The SKU's quantity bounds: `(minimumQuantity, maximumQuantity)`; a bound the SKU does not
/// state is open (`None`).
pub fn quantity_bounds(sku: &Sku) -> (Option<i64>, Option<i64>) {
    (sku.minimum_quantity, sku.maximum_quantity)
}

/// Whether `quantity` lies within `minimum..=maximum` (an absent bound is open).
pub fn quantity_in_bounds(quantity: i64, minimum: Option<i64>, maximum: Option<i64>) -> bool {
    minimum.is_none_or(|min| quantity >= min) && maximum.is_none_or(|max| quantity <= max)
}

/// The `QuantityOutOfRange` finding (cart-level; a cart line's check sets its `lineItemId`) with
/// `quantity`, `minimum` and `maximum` as params.
pub fn quantity_out_of_range(
    quantity: Option<i64>,
    minimum: Option<i64>,
    maximum: Option<i64>,
) -> Finding {
    Finding::cart(FindingCode::QuantityOutOfRange)
        .with("quantity", quantity)
        .with("minimum", minimum)
        .with("maximum", maximum)
}

/// The quantity rule of a purchase of `sku`: `QuantityOutOfRange` when `quantity` lies outside
/// `minimumQuantity..=maximumQuantity`, or is missing (Partner Center refuses a line without
/// one). `None` when it is fine. The finding is cart-level; see [`quantity_out_of_range`].
pub fn check_quantity(quantity: Option<i64>, sku: &Sku) -> Option<Finding> {
    let (minimum, maximum) = quantity_bounds(sku);
    let in_range = quantity.is_some_and(|q| quantity_in_bounds(q, minimum, maximum));
    let bounded = minimum.is_some() || maximum.is_some();
    (!in_range && (bounded || quantity.is_none()))
        .then(|| quantity_out_of_range(quantity, minimum, maximum))
}

/// Why a typed quantity is not one ([`read_quantity`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuantityInputError {
    /// Nothing was typed.
    Empty,
    /// The text is not a whole number in digits (`abc`, `5.5`, `1e3`, `1,000`).
    NotWholeNumber,
}

/// A quantity as a person types it: a whole number in the digits 0–9, with an optional sign and
/// surrounding spaces (`" 5 "`, `"-1"`, `"+3"`). Decimals (`5.5`), exponents (`1e3`), group
/// separators and words are refused, never rounded or read as 0. A number too large for an
/// `i64` is refused as not whole either.
pub fn read_quantity(text: &str) -> Result<i64, QuantityInputError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(QuantityInputError::Empty);
    }
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(QuantityInputError::NotWholeNumber);
    }
    text.parse::<i64>()
        .map_err(|_| QuantityInputError::NotWholeNumber)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_quantities_are_whole_numbers_or_refused() {
        assert_eq!(read_quantity(" 5 "), Ok(5));
        assert_eq!(read_quantity("+3"), Ok(3));
        assert_eq!(read_quantity("-1"), Ok(-1));
        assert_eq!(read_quantity("0"), Ok(0));
        assert_eq!(read_quantity(""), Err(QuantityInputError::Empty));
        assert_eq!(read_quantity("   "), Err(QuantityInputError::Empty));
        for text in [
            "abc",
            "5.5",
            "1e3",
            "1,000",
            "-",
            "+",
            "5 5",
            "٣",
            "99999999999999999999",
        ] {
            assert_eq!(
                read_quantity(text),
                Err(QuantityInputError::NotWholeNumber),
                "{text}"
            );
        }
    }

    #[test]
    fn quantities_outside_the_skus_bounds_or_missing_are_found() {
        let sku = Sku {
            minimum_quantity: Some(1),
            maximum_quantity: Some(300),
            ..Sku::default()
        };
        assert_eq!(check_quantity(Some(1), &sku), None);
        assert_eq!(check_quantity(Some(300), &sku), None);
        let finding = check_quantity(Some(301), &sku).map(|f| f.code);
        assert_eq!(finding, Some(FindingCode::QuantityOutOfRange));
        assert!(check_quantity(Some(0), &sku).is_some());
        assert!(check_quantity(None, &sku).is_some());
        let open = Sku::default();
        assert_eq!(check_quantity(Some(0), &open), None);
        assert!(check_quantity(None, &open).is_some());
    }
}
