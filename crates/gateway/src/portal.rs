//! The built portal at `/`: files from the directory, and `index.html` for every other path so
//! that the portal's client-side routes (deep links such as `/customers/…`) load.

use std::path::Path;

use tower_http::services::{ServeDir, ServeFile};

/// The portal service for `dir`.
pub(crate) fn service(dir: &Path) -> ServeDir<ServeFile> {
    ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")))
}
