//! Everything the portal keeps in the browser's `localStorage`, under one set of keys. Only
//! what a user would lose on a reload is kept: the language, cart drafts, the checkout journal
//! (so a checkout interrupted by a reload is finished, never placed twice) and the orders placed
//! from this browser until Partner Center lists them. No token or session is ever stored: the
//! gateway keeps those server-side behind an HttpOnly cookie.
//!
//! Reading is forgiving (a missing, unreadable or malformed entry reads as `None`); writing
//! ignores a full or disabled storage — the page keeps working with what it has in memory.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// A `localStorage` entry of the portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key<'a> {
    /// The chosen language, a BCP 47 tag (`pc-portal.locale`).
    Locale,
    /// pc-client's checkout journal (`pc-portal.checkout-journal`).
    CheckoutJournal,
    /// The orders placed from this browser (`pc-portal.placed-orders`), JSON.
    PlacedOrders,
    /// A customer's cart draft (`pc-portal.cart.{customer tenant ID}`), JSON.
    Cart(&'a str),
}

impl Key<'_> {
    /// The entry's name in `localStorage`.
    pub fn name(&self) -> String {
        match self {
            Self::Locale => "pc-portal.locale".to_owned(),
            Self::CheckoutJournal => "pc-portal.checkout-journal".to_owned(),
            Self::PlacedOrders => "pc-portal.placed-orders".to_owned(),
            Self::Cart(customer_id) => format!("pc-portal.cart.{customer_id}"),
        }
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The entry's text, when there is one.
pub fn read_text(key: Key<'_>) -> Option<String> {
    local_storage()?.get_item(&key.name()).ok().flatten()
}

/// The entry decoded from JSON; `None` when missing or not a `T`. Through pc-core's
/// [`decode`](pc_core::json::decode), the decoder every response body goes through, so a model
/// is not compiled into the wasm a second time for storage.
pub fn read<T: DeserializeOwned>(key: Key<'_>) -> Option<T> {
    pc_core::json::decode(read_text(key)?.as_bytes()).ok()
}

/// Stores `text` under `key`.
pub fn write_text(key: Key<'_>, text: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(&key.name(), text);
    }
}

/// Stores `value` as JSON under `key`.
pub fn write<T: Serialize>(key: Key<'_>, value: &T) {
    if let Ok(text) = serde_json::to_string(value) {
        write_text(key, &text);
    }
}

/// Removes the entry.
pub fn remove(key: Key<'_>) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&key.name());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_ones_earlier_versions_stored() {
        assert_eq!(Key::Locale.name(), "pc-portal.locale");
        assert_eq!(Key::Cart("c-1").name(), "pc-portal.cart.c-1");
        assert_eq!(Key::CheckoutJournal.name(), "pc-portal.checkout-journal");
        assert_eq!(Key::PlacedOrders.name(), "pc-portal.placed-orders");
    }
}
