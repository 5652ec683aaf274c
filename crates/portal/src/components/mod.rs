//! Components shared by pages.

pub mod language_picker;
