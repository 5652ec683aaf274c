//! The languages the portal was built without (the split build leaves pc-i18n's `all-locales`
//! out, so the first page carries English only): a language's `.ftl` file is fetched when it is
//! first needed, at start for a remembered or browser language, or when it is picked, and added
//! with [`pc_i18n::add_locale`].
//!
//! `cargo xtask build-portal` puts the files under the content-hashed package directory and names
//! it in `index.html`: `<meta name="pc-portal-locales" content="/pkg-<hash>/locales/">`, so a file
//! is cached for good and a new build's text is never mixed with an old one.

use gloo_net::http::Request;

use crate::i18n::{self, Locale};

/// The `<meta>` naming the directory of the `.ftl` files.
const META: &str = "meta[name=pc-portal-locales]";

/// Why a language could not be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The page names no directory of language files (a build with every language compiled in
    /// has none to fetch).
    NotServed,
    /// The request failed (offline, refused) or the answer was not a 200: the message or status.
    Fetch(String),
    /// The file arrived but is not valid Fluent.
    Invalid(i18n::LocaleError),
}

/// Makes `locale`'s text available: at once when it is at hand (compiled in, or fetched before),
/// else fetched from the directory `index.html` names and added.
///
/// # Errors
/// [`LoadError`] when the page names no directory, the file cannot be fetched, or it does not
/// parse; the locale keeps falling back to en-US then.
pub async fn load(locale: Locale) -> Result<(), LoadError> {
    if i18n::has_locale(locale) {
        return Ok(());
    }
    let url = format!(
        "{}{}.ftl",
        directory().ok_or(LoadError::NotServed)?,
        locale.tag()
    );
    let response = Request::get(&url)
        .send()
        .await
        .map_err(|e| LoadError::Fetch(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Fetch(format!("HTTP {}", response.status())));
    }
    let text = response
        .text()
        .await
        .map_err(|e| LoadError::Fetch(e.to_string()))?;
    i18n::add_locale(locale, text).map_err(LoadError::Invalid)
}

/// The directory of the `.ftl` files, from `index.html`'s `<meta>`, when the page has one.
fn directory() -> Option<String> {
    let meta = leptos::prelude::document().query_selector(META).ok()??;
    meta.get_attribute("content").filter(|dir| !dir.is_empty())
}
