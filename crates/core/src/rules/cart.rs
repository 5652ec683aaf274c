//! Cart-level rules: `CartEmpty`, `CartExpired`.

use crate::models::Cart;
use crate::rules::{Finding, FindingCode, Line, PurchaseContext};

/// Reports an empty cart and an expired one (`expirationTimestamp` ≤ `now`).
pub(crate) fn check(
    cart: &Cart,
    lines: &[Line<'_>],
    context: &PurchaseContext,
    out: &mut Vec<Finding>,
) {
    if lines.is_empty() {
        out.push(Finding::cart(FindingCode::CartEmpty));
    }
    if let Some(expires) = cart.expiration_timestamp.as_ref().and_then(|t| t.instant())
        && expires <= context.now
    {
        out.push(
            Finding::cart(FindingCode::CartExpired)
                .with("expirationTimestamp", expires.to_rfc3339()),
        );
    }
}
