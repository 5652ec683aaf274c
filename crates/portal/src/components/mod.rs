//! Shared pieces of the pages.

pub mod azure;
pub mod findings;
pub mod focus;
pub mod gate;
pub mod header;
pub mod language_picker;
pub mod partner;
pub mod partner_text;
pub mod quantity;
pub mod resume;
