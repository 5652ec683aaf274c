//! The built portal over HTTP, as pc-gateway and `pc-sandbox --portal` serve it: one
//! [`tower::Service`] ([`service`]) for a directory such as `target/portal-dist`, for axum's
//! `Router::fallback_service`.
//!
//! - **Compression**: a file's precompressed siblings `<file>.br` and `<file>.gz` (written at
//!   build time by `cargo xtask`) are sent instead of the file when the request's
//!   `Accept-Encoding` allows them, brotli before gzip, with `Content-Encoding` set; otherwise
//!   the file itself. Every file response carries `Vary: Accept-Encoding`.
//! - **Caching**: a content-hashed file (a segment of its path between `/`, `-`, `_` or `.` is
//!   16 or more hex digits, as `cargo xtask build-portal` names them: `style-0123456789abcdef.css`,
//!   `pkg-0123456789abcdef/pc-portal_bg.wasm`) is
//!   `Cache-Control: public, max-age=31536000, immutable`; every other file is `no-cache`
//!   (revalidated with `Last-Modified`).
//! - **`index.html`** (at `/`, `/index.html` and for every route) is `Cache-Control: no-cache`
//!   with a strong `ETag` (the first 128 bits of the SHA-256 of `index.html`, hex, with `-br` or
//!   `-gzip` appended for a compressed body), answered `304 Not Modified` when `If-None-Match`
//!   names it.
//! - **Routes**: a path that is no file and whose last segment has no `.` (the portal's
//!   client-side routes, such as `/customers/…`) gets `index.html`; a missing path whose last
//!   segment has a `.` (`/favicon.ico`, `/missing.js`) is `404 Not Found`, never the index page.
//!
//! Only `GET` and `HEAD` are served (anything else is `405`).

use std::convert::Infallible;
use std::fmt::Write as _;
use std::future::Future;
use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::body::Body;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH,
    IF_RANGE, IF_UNMODIFIED_SINCE, LAST_MODIFIED, RANGE, VARY,
};
use axum::http::{HeaderMap, HeaderValue, Request, Response, StatusCode};
use sha2::{Digest as _, Sha256};
use tower_http::services::{ServeDir, ServeFile};

/// `Cache-Control` of a content-hashed file: any cache may keep it for a year and never
/// revalidate it (a new build has new names).
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` of `index.html` and of files without a hash in their name: stored, but
/// revalidated (`If-None-Match` / `If-Modified-Since`) before every use.
pub const NO_CACHE: &str = "no-cache";
/// The fewest hex digits in a path segment that make a file content-hashed (`cargo xtask
/// build-portal` writes 16).
const HASH_DIGITS: usize = 16;

/// The future of [`PortalFiles`]' responses.
pub type ResponseFuture = Pin<Box<dyn Future<Output = Result<Response<Body>, Infallible>> + Send>>;

/// The portal service: the files of a built portal directory with `index.html` for the portal's
/// routes (see the [crate docs](crate) for the headers). Cheap to clone.
///
/// Errors: a file that exists but cannot be read is `500 Internal Server Error`; nothing else
/// fails (the service's error type is [`Infallible`]).
#[derive(Clone, Debug)]
pub struct PortalFiles {
    files: ServeDir<RouteFallback>,
    index: IndexFile,
}

/// The portal service for the built portal in `dir` (which holds `index.html`).
///
/// The directory is read on every request, so a rebuild is served without a restart; a missing
/// directory or `index.html` is answered `404`.
pub fn service(dir: &Path) -> PortalFiles {
    let index = IndexFile::new(dir.join("index.html"));
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .fallback(RouteFallback {
            index: index.clone(),
        });
    PortalFiles { files, index }
}

impl PortalFiles {
    async fn respond<B: Send + 'static>(mut self, req: Request<B>) -> Response<Body> {
        let path = req.uri().path();
        if path == "/" || path == "/index.html" {
            return self.index.serve(req).await;
        }
        let cache_control = if is_content_hashed(path) {
            IMMUTABLE
        } else {
            NO_CACHE
        };
        let mut response = match self.files.try_call(req).await {
            Ok(response) => response.map(Body::new),
            Err(error) => return read_failed(&error),
        };
        // The route fallback's index.html has its own headers; a 404 or 405 gets none.
        let served_file = matches!(
            response.status(),
            StatusCode::OK | StatusCode::PARTIAL_CONTENT | StatusCode::NOT_MODIFIED
        );
        let headers = response.headers_mut();
        if served_file && !headers.contains_key(CACHE_CONTROL) {
            headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache_control));
            headers.append(VARY, HeaderValue::from_static("accept-encoding"));
        }
        response
    }
}

impl<B: Send + 'static> tower::Service<Request<B>> for PortalFiles {
    type Response = Response<Body>;
    type Error = Infallible;
    type Future = ResponseFuture;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: Request<B>) -> Self::Future {
        let this = self.clone();
        Box::pin(async move { Ok(this.respond(req).await) })
    }
}

/// Whether the file at `path` is content-hashed: one of the path's segments between `/`, `-`, `_`
/// and `.` is 16 or more hex digits (`/style-0123456789abcdef.css`,
/// `/pkg-0123456789abcdef/pc-portal_bg.wasm`).
pub fn is_content_hashed(path: &str) -> bool {
    path.split(['/', '-', '_', '.'])
        .any(|part| part.len() >= HASH_DIGITS && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Whether the last segment of `path` looks like a file name (has a `.`): such a path is never
/// answered with the index page.
fn names_a_file(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|name| name.contains('.'))
}

/// `index.html` with `no-cache` and a strong ETag.
#[derive(Clone, Debug)]
struct IndexFile {
    path: Arc<PathBuf>,
    file: ServeFile,
}

impl IndexFile {
    fn new(path: PathBuf) -> Self {
        let file = ServeFile::new(&path)
            .precompressed_br()
            .precompressed_gzip();
        Self {
            path: Arc::new(path),
            file,
        }
    }

    async fn serve<B: Send + 'static>(mut self, req: Request<B>) -> Response<Body> {
        let (mut parts, body) = req.into_parts();
        // Revalidation goes by the ETag alone (RFC 9110 §13.2.2: If-None-Match wins over
        // If-Modified-Since), and the page is small enough never to be sent in ranges.
        let if_none_match = parts.headers.remove(IF_NONE_MATCH);
        for name in [IF_MODIFIED_SINCE, IF_UNMODIFIED_SINCE, RANGE, IF_RANGE] {
            parts.headers.remove(name);
        }
        let digest = match tokio::fs::read(self.path.as_path()).await {
            Ok(bytes) => Sha256::digest(&bytes),
            Err(error) if error.kind() == io::ErrorKind::NotFound => return not_found(),
            Err(error) => return read_failed(&error),
        };
        let mut response = match self.file.try_call(Request::from_parts(parts, body)).await {
            Ok(response) => response.map(Body::new),
            Err(error) => return read_failed(&error),
        };
        if response.status() != StatusCode::OK {
            return response;
        }
        let mut tag = String::with_capacity(2 + 32 + 6);
        tag.push('"');
        for byte in &digest[..16] {
            let _ = write!(tag, "{byte:02x}");
        }
        match response.headers().get(CONTENT_ENCODING) {
            Some(encoding) if encoding == "br" => tag.push_str("-br"),
            Some(encoding) if encoding == "gzip" => tag.push_str("-gzip"),
            _ => {}
        }
        tag.push('"');
        let headers = response.headers_mut();
        if let Ok(etag) = HeaderValue::from_str(&tag) {
            headers.insert(ETAG, etag);
        }
        headers.insert(CACHE_CONTROL, HeaderValue::from_static(NO_CACHE));
        headers.append(VARY, HeaderValue::from_static("accept-encoding"));
        if if_none_match.is_some_and(|value| none_match(&value, &tag)) {
            return not_modified(response.headers());
        }
        response
    }
}

/// Whether an `If-None-Match` value (`*` or a list of entity tags) names `etag` (weak
/// comparison, as RFC 9110 §13.1.2 asks of `GET`).
fn none_match(value: &HeaderValue, etag: &str) -> bool {
    let Ok(value) = value.to_str() else {
        return false;
    };
    value.split(',').map(str::trim).any(|candidate| {
        candidate == "*" || candidate.strip_prefix("W/").unwrap_or(candidate) == etag
    })
}

/// `304 Not Modified` with the validator and caching headers of the `200` it stands for.
fn not_modified(full: &HeaderMap) -> Response<Body> {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::NOT_MODIFIED;
    let headers = response.headers_mut();
    for name in [ETAG, CACHE_CONTROL, LAST_MODIFIED] {
        if let Some(value) = full.get(&name) {
            headers.insert(name, value.clone());
        }
    }
    for value in full.get_all(VARY) {
        headers.append(VARY, value.clone());
    }
    response
}

fn plain(status: StatusCode, text: &'static str) -> Response<Body> {
    let mut response = Response::new(Body::from(text));
    *response.status_mut() = status;
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

fn not_found() -> Response<Body> {
    plain(StatusCode::NOT_FOUND, "not found")
}

fn read_failed(error: &io::Error) -> Response<Body> {
    tracing::error!(%error, "cannot read a portal file");
    plain(StatusCode::INTERNAL_SERVER_ERROR, "the file cannot be read")
}

/// What `ServeDir` calls for a path that is no file: `index.html` for a route, `404` for a
/// missing file.
#[derive(Clone, Debug)]
struct RouteFallback {
    index: IndexFile,
}

impl<B: Send + 'static> tower::Service<Request<B>> for RouteFallback {
    type Response = Response<Body>;
    type Error = Infallible;
    type Future = ResponseFuture;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: Request<B>) -> Self::Future {
        let index = self.index.clone();
        Box::pin(async move {
            if names_a_file(req.uri().path()) {
                Ok(not_found())
            } else {
                Ok(index.serve(req).await)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_names_are_content_hashed_and_others_are_not() {
        for name in [
            "/pkg-a0bd7c1d074362b8/pc-portal_bg.wasm",
            "/pkg-a0bd7c1d074362b8/split___customers_view_6738576972535890780.wasm",
            "/pkg-a0bd7c1d074362b8/__wasm_split.js",
            "/style-b1121b0c900cab42.css",
            "/favicon-0123456789ABCDEF.svg",
        ] {
            assert!(is_content_hashed(name), "{name}");
        }
        for name in [
            "/index.html",
            "/favicon.ico",
            "/pc-portal.js",
            "/style-b1121b0c.css",
            "/deadbeefdeadbeefx.js",
            "/pkg/chunk_12.wasm",
            "",
        ] {
            assert!(!is_content_hashed(name), "{name}");
        }
    }

    #[test]
    fn if_none_match_lists_and_weak_tags_match() {
        let tag = "\"abc\"";
        for value in ["\"abc\"", "W/\"abc\"", "\"x\", \"abc\"", "*"] {
            assert!(none_match(&HeaderValue::from_static(value), tag), "{value}");
        }
        for value in ["\"abcd\"", "abc", "\"abc-br\""] {
            assert!(
                !none_match(&HeaderValue::from_static(value), tag),
                "{value}"
            );
        }
    }

    #[test]
    fn only_a_last_segment_with_a_dot_names_a_file() {
        assert!(names_a_file("/favicon.ico"));
        assert!(names_a_file("/snippets/x/inline0.js"));
        assert!(!names_a_file("/customers/0f9e1a2b-3c4d"));
        assert!(!names_a_file("/v1.2/customers"));
        assert!(!names_a_file("/customers/"));
    }
}
