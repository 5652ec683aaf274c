//! The checkout journal: before a checkout request leaves, its customer, cart and
//! `MS-RequestId` are recorded; the entry is removed once the outcome is known. On start,
//! [`crate::Client::resume_checkouts`] re-sends every checkout whose outcome is unknown — Partner
//! Center makes checkout idempotent per cart, so a reload or crash mid-checkout never buys twice.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};

use crate::Error;

/// A checkout whose outcome is not known yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JournalEntry {
    /// Customer tenant ID.
    pub customer_id: String,
    /// Cart ID.
    pub cart_id: String,
    /// `MS-RequestId` the checkout was sent with (reused when resumed).
    pub request_id: String,
    /// `MS-CorrelationId` of the checkout.
    pub correlation_id: String,
}

/// Durable storage of pending checkouts.
pub trait Journal {
    /// Records `entry` (replacing an entry for the same cart). Must be durable when it returns.
    ///
    /// # Errors
    /// [`Error::Journal`] when it cannot be stored; the checkout is then not sent.
    fn record(&self, entry: &JournalEntry) -> Result<(), Error>;
    /// Forgets the entry of `cart_id`.
    ///
    /// # Errors
    /// [`Error::Journal`] when storage fails.
    fn remove(&self, cart_id: &str) -> Result<(), Error>;
    /// Every pending entry.
    ///
    /// # Errors
    /// [`Error::Journal`] when storage cannot be read.
    fn pending(&self) -> Result<Vec<JournalEntry>, Error>;
}

fn upsert(entries: &mut Vec<JournalEntry>, entry: &JournalEntry) {
    entries.retain(|e| !e.cart_id.eq_ignore_ascii_case(&entry.cart_id));
    entries.push(entry.clone());
}

/// A journal in memory (tests, short-lived tools).
#[derive(Debug, Default)]
pub struct MemoryJournal {
    entries: RefCell<Vec<JournalEntry>>,
}

impl Journal for MemoryJournal {
    fn record(&self, entry: &JournalEntry) -> Result<(), Error> {
        upsert(&mut self.entries.borrow_mut(), entry);
        Ok(())
    }

    fn remove(&self, cart_id: &str) -> Result<(), Error> {
        self.entries
            .borrow_mut()
            .retain(|e| !e.cart_id.eq_ignore_ascii_case(cart_id));
        Ok(())
    }

    fn pending(&self) -> Result<Vec<JournalEntry>, Error> {
        Ok(self.entries.borrow().clone())
    }
}

/// A journal in a JSON file, replaced atomically (write to a temporary file, then rename).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone)]
pub struct FileJournal {
    path: std::path::PathBuf,
}

#[cfg(not(target_arch = "wasm32"))]
impl FileJournal {
    /// A journal kept at `path` (created on first write).
    pub fn new(path: impl Into<std::path::PathBuf>) -> Self {
        Self { path: path.into() }
    }

    fn write(&self, entries: &[JournalEntry]) -> Result<(), Error> {
        let fail = |e: std::io::Error| Error::Journal(format!("{}: {e}", self.path.display()));
        let text =
            serde_json::to_string_pretty(entries).map_err(|e| Error::Journal(e.to_string()))?;
        let temporary = self.path.with_extension("tmp");
        {
            use std::io::Write as _;
            let mut file = std::fs::File::create(&temporary).map_err(fail)?;
            file.write_all(text.as_bytes()).map_err(fail)?;
            file.sync_all().map_err(fail)?;
        }
        std::fs::rename(&temporary, &self.path).map_err(fail)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Journal for FileJournal {
    fn record(&self, entry: &JournalEntry) -> Result<(), Error> {
        let mut entries = self.pending()?;
        upsert(&mut entries, entry);
        self.write(&entries)
    }

    fn remove(&self, cart_id: &str) -> Result<(), Error> {
        let mut entries = self.pending()?;
        entries.retain(|e| !e.cart_id.eq_ignore_ascii_case(cart_id));
        self.write(&entries)
    }

    fn pending(&self) -> Result<Vec<JournalEntry>, Error> {
        match std::fs::read_to_string(&self.path) {
            Ok(text) => serde_json::from_slice(text.as_bytes()).map_err(|e| {
                Error::Journal(format!(
                    "{} is not a checkout journal: {e}",
                    self.path.display()
                ))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(Error::Journal(format!("{}: {e}", self.path.display()))),
        }
    }
}

/// A journal in the browser's `localStorage` under one key.
#[cfg(feature = "browser")]
#[derive(Debug, Clone)]
pub struct LocalStorageJournal {
    key: String,
}

#[cfg(feature = "browser")]
impl LocalStorageJournal {
    /// A journal stored under `key` (e.g. `pc-portal.checkout-journal`).
    pub fn new(key: impl Into<String>) -> Self {
        Self { key: key.into() }
    }

    fn storage() -> Result<web_sys::Storage, Error> {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .ok_or_else(|| Error::Journal("localStorage is not available".to_owned()))
    }

    fn write(&self, entries: &[JournalEntry]) -> Result<(), Error> {
        let text = serde_json::to_string(entries).map_err(|e| Error::Journal(e.to_string()))?;
        Self::storage()?.set_item(&self.key, &text).map_err(|_| {
            Error::Journal("localStorage refused the write (full or disabled)".to_owned())
        })
    }
}

#[cfg(feature = "browser")]
impl Journal for LocalStorageJournal {
    fn record(&self, entry: &JournalEntry) -> Result<(), Error> {
        let mut entries = self.pending()?;
        upsert(&mut entries, entry);
        self.write(&entries)
    }

    fn remove(&self, cart_id: &str) -> Result<(), Error> {
        let mut entries = self.pending()?;
        entries.retain(|e| !e.cart_id.eq_ignore_ascii_case(cart_id));
        self.write(&entries)
    }

    fn pending(&self) -> Result<Vec<JournalEntry>, Error> {
        match Self::storage()?.get_item(&self.key) {
            Ok(Some(text)) => {
                serde_json::from_slice(text.as_bytes()).map_err(|e| Error::Journal(e.to_string()))
            }
            Ok(None) => Ok(Vec::new()),
            Err(_) => Err(Error::Journal("localStorage cannot be read".to_owned())),
        }
    }
}
