//! Deterministic identifiers: availability IDs (12 upper-case alphanumerics: the product ID's
//! first 8 characters and 4 derived from product, SKU, segment and country; the documented
//! examples' IDs kept), term IDs (12 lower-case alphanumerics), reservation SKU IDs (base 36)
//! and GUID-shaped `provisioningId`s — stable across builds and platforms.

use std::collections::HashSet;

use pc_core::enums::Segment;

use super::data;

/// FNV-1a over the parts (separated), finished with a 64-bit mixer: stable across builds and
/// platforms, unlike `std`'s hasher.
fn stable_hash(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, part) in parts.iter().enumerate() {
        let separator: &[u8] = if i == 0 { &[] } else { &[0x1f] };
        for byte in separator.iter().chain(part.as_bytes()) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^ (hash >> 33)
}

const UPPER_ALPHANUMERIC: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER_ALPHANUMERIC: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// `len` characters of `alphabet` drawn from `hash`.
fn encode(mut hash: u64, len: usize, alphabet: &[u8; 36]) -> String {
    (0..len)
        .map(|_| {
            let digit = usize::try_from(hash % 36).unwrap_or_default();
            hash /= 36;
            char::from(alphabet[digit])
        })
        .collect()
}

/// A SKU ID numbered in base 36, four characters wide (`1` → `0001`, `10` → `000A`).
pub(super) fn base36_sku_id(mut number: u32) -> String {
    let mut digits = [b'0'; 4];
    for digit in digits.iter_mut().rev() {
        *digit = UPPER_ALPHANUMERIC[usize::try_from(number % 36).unwrap_or_default()];
        number /= 36;
    }
    digits.iter().copied().map(char::from).collect()
}

/// A GUID-shaped deterministic ID (`provisioningId`).
pub(super) fn stable_guid(parts: &[&str]) -> String {
    let high = stable_hash(parts);
    let low = stable_hash(&[&high.to_string(), "guid"]);
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xffff,
        high & 0xffff,
        low >> 48,
        low & 0xffff_ffff_ffff
    )
}

/// A 12-character term ID (lower-case alphanumerics) of one term of an availability, derived
/// from its catalog item ID and the term's duration.
pub(super) fn term_id(catalog_item_id: &str, duration: Option<&str>) -> String {
    encode(
        stable_hash(&[catalog_item_id, duration.unwrap_or_default(), "term"]),
        12,
        LOWER_ALPHANUMERIC,
    )
}

/// A 12-character availability ID: the product ID's first 8 characters and 4 derived from
/// product, SKU, segment and country (re-derived on the rare clash within the SKU). The IDs of
/// Partner Center's documented examples are kept for their own entries.
pub(super) fn availability_id(
    product_id: &str,
    sku_id: &str,
    segment: &Segment,
    country: &str,
    used: &HashSet<String>,
) -> String {
    let documented = data::DOCUMENTED_AVAILABILITY_IDS
        .iter()
        .find(|(p, s, seg, c, _)| {
            *p == product_id && *s == sku_id && *seg == segment.as_str() && *c == country
        })
        .map(|(.., id)| (*id).to_owned());
    if let Some(id) = documented.filter(|id| !used.contains(id)) {
        return id;
    }
    let prefix: String = product_id.chars().take(8).collect();
    (0_u32..)
        .map(|salt| {
            let hash = stable_hash(&[
                product_id,
                sku_id,
                segment.as_str(),
                country,
                &salt.to_string(),
            ]);
            format!("{prefix}{}", encode(hash, 4, UPPER_ALPHANUMERIC))
        })
        .find(|id| !used.contains(id) && !is_documented(id))
        .unwrap_or_default()
}

fn is_documented(id: &str) -> bool {
    data::DOCUMENTED_AVAILABILITY_IDS
        .iter()
        .any(|(.., documented)| *documented == id)
}
