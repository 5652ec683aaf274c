//! pc-assets as the servers mount it (an axum `Router`'s fallback service) over a portal
//! directory laid out as `cargo xtask build-portal` writes it: the modules and their js in a
//! content-hashed directory (`pkg-<hash>/`), a content-hashed stylesheet, each with `.br` and `.gz`
//! beside it, `index.html` with its own, a hash-named favicon.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt as _;
use tower::ServiceExt as _;

const WASM: &str = "pkg-a0bd7c1d074362b8/pc-portal_bg.wasm";
const JS: &str = "pkg-a0bd7c1d074362b8/pc-portal.js";
const CSS: &str = "style-b1121b0c900cab42.css";
const FAVICON: &str = "favicon-0f1e2d3c4b5a6978.svg";
const INDEX: &str = "<!doctype html><html><head><title>Partner Center purchase portal</title>\
    <script type=\"module\">import init from '/pkg-a0bd7c1d074362b8/pc-portal.js';</script>\
    </head><body></body></html>";

/// A built portal in a fresh directory under the system's temporary directory.
struct Dist(PathBuf);

impl Dist {
    fn new() -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "pc-assets-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let dist = Self(dir);
        let js = "export default function init() {}\n".repeat(200);
        dist.write_compressed(WASM, &[0, 97, 115, 109, 1, 0, 0, 0].repeat(500));
        dist.write_compressed(JS, js.as_bytes());
        dist.write_compressed(CSS, "body { margin: 0 }\n".repeat(100).as_bytes());
        dist.write_compressed("index.html", INDEX.as_bytes());
        std::fs::write(
            dist.0.join(FAVICON),
            "<svg xmlns='http://www.w3.org/2000/svg'/>",
        )
        .unwrap();
        dist
    }

    /// `name` with `name.br` and `name.gz` beside it, as `cargo xtask` writes them.
    fn write_compressed(&self, name: &str, data: &[u8]) {
        std::fs::create_dir_all(self.0.join(name).parent().unwrap()).unwrap();
        std::fs::write(self.0.join(name), data).unwrap();
        let mut br = Vec::new();
        brotli::BrotliCompress(
            &mut &data[..],
            &mut br,
            &brotli::enc::BrotliEncoderParams::default(),
        )
        .unwrap();
        std::fs::write(self.0.join(format!("{name}.br")), br).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(data).unwrap();
        std::fs::write(self.0.join(format!("{name}.gz")), gz.finish().unwrap()).unwrap();
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Dist {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: header::HeaderName) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }
}

async fn get(dist: &Dist, path: &str, headers: &[(header::HeaderName, &str)]) -> Answer {
    request(dist, Method::GET, path, headers).await
}

async fn request(
    dist: &Dist,
    method: Method,
    path: &str,
    headers: &[(header::HeaderName, &str)],
) -> Answer {
    let app = Router::new().fallback_service(pc_assets::service(dist.path()));
    let mut req = Request::builder().method(method).uri(path);
    for (name, value) in headers {
        req = req.header(name, *value);
    }
    let response = app.oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

fn brotli_decoded(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(body, 4096)
        .read_to_end(&mut out)
        .unwrap();
    out
}

fn gzip_decoded(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(body)
        .read_to_end(&mut out)
        .unwrap();
    out
}

const BROWSER: &str = "gzip, deflate, br, zstd";

#[tokio::test]
async fn brotli_is_sent_when_accepted() {
    let dist = Dist::new();
    for name in [WASM, JS, CSS] {
        let answer = get(
            &dist,
            &format!("/{name}"),
            &[(header::ACCEPT_ENCODING, BROWSER)],
        )
        .await;
        assert_eq!(answer.status, StatusCode::OK, "{name}");
        assert_eq!(
            answer.header(header::CONTENT_ENCODING),
            Some("br"),
            "{name}"
        );
        assert_eq!(
            answer.header(header::VARY),
            Some("accept-encoding"),
            "{name}"
        );
        let raw = std::fs::read(dist.path().join(name)).unwrap();
        assert!(answer.body.len() < raw.len(), "{name} is sent smaller");
        assert_eq!(brotli_decoded(&answer.body), raw, "{name}");
    }
    let wasm = get(
        &dist,
        &format!("/{WASM}"),
        &[(header::ACCEPT_ENCODING, "br")],
    )
    .await;
    assert_eq!(wasm.header(header::CONTENT_TYPE), Some("application/wasm"));
}

#[tokio::test]
async fn gzip_is_sent_when_only_gzip_is_accepted() {
    let dist = Dist::new();
    let answer = get(
        &dist,
        &format!("/{JS}"),
        &[(header::ACCEPT_ENCODING, "gzip, deflate")],
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.header(header::CONTENT_ENCODING), Some("gzip"));
    assert_eq!(answer.header(header::VARY), Some("accept-encoding"));
    assert_eq!(
        gzip_decoded(&answer.body),
        std::fs::read(dist.path().join(JS)).unwrap()
    );
    // Brotli refused outright (q=0) leaves gzip.
    let answer = get(
        &dist,
        &format!("/{JS}"),
        &[(header::ACCEPT_ENCODING, "br;q=0, gzip")],
    )
    .await;
    assert_eq!(answer.header(header::CONTENT_ENCODING), Some("gzip"));
}

#[tokio::test]
async fn the_file_itself_is_sent_otherwise() {
    let dist = Dist::new();
    for accept in [None, Some("identity"), Some("deflate"), Some("zstd")] {
        let headers: Vec<_> = accept
            .map(|value| (header::ACCEPT_ENCODING, value))
            .into_iter()
            .collect();
        let answer = get(&dist, &format!("/{WASM}"), &headers).await;
        assert_eq!(answer.status, StatusCode::OK, "{accept:?}");
        assert_eq!(answer.header(header::CONTENT_ENCODING), None, "{accept:?}");
        assert_eq!(answer.header(header::VARY), Some("accept-encoding"));
        assert_eq!(
            answer.body,
            std::fs::read(dist.path().join(WASM)).unwrap(),
            "{accept:?}"
        );
    }
    // A file without precompressed siblings is sent as it is, even to a brotli client.
    let answer = get(
        &dist,
        &format!("/{FAVICON}"),
        &[(header::ACCEPT_ENCODING, BROWSER)],
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.header(header::CONTENT_ENCODING), None);
    assert_eq!(answer.header(header::CONTENT_TYPE), Some("image/svg+xml"));
}

#[tokio::test]
async fn content_hashed_files_are_immutable_and_the_index_is_revalidated() {
    let dist = Dist::new();
    for name in [WASM, JS, CSS, FAVICON] {
        let answer = get(
            &dist,
            &format!("/{name}"),
            &[(header::ACCEPT_ENCODING, BROWSER)],
        )
        .await;
        assert_eq!(
            answer.header(header::CACHE_CONTROL),
            Some("public, max-age=31536000, immutable"),
            "{name}"
        );
        assert_eq!(answer.header(header::ETAG), None, "{name}");
    }
    for path in ["/", "/index.html"] {
        let answer = get(&dist, path, &[(header::ACCEPT_ENCODING, BROWSER)]).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        assert_eq!(answer.header(header::CACHE_CONTROL), Some("no-cache"));
        assert_eq!(answer.header(header::CONTENT_ENCODING), Some("br"));
        assert_eq!(answer.header(header::VARY), Some("accept-encoding"));
        assert_eq!(brotli_decoded(&answer.body), INDEX.as_bytes());
    }
    // A file without a hash in its name is revalidated too.
    std::fs::write(dist.path().join("robots.txt"), "User-agent: *\n").unwrap();
    let answer = get(&dist, "/robots.txt", &[]).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.header(header::CACHE_CONTROL), Some("no-cache"));
    assert!(answer.header(header::LAST_MODIFIED).is_some());
}

#[tokio::test]
async fn the_index_has_a_strong_etag_and_a_matching_if_none_match_is_304() {
    let dist = Dist::new();
    let first = get(&dist, "/", &[]).await;
    let etag = first.header(header::ETAG).unwrap().to_owned();
    assert!(
        etag.starts_with('"') && etag.ends_with('"') && etag.len() == 34,
        "strong, 128 bits hex: {etag}"
    );
    assert_eq!(first.body, INDEX.as_bytes());
    // The same tag for the same bytes; each encoding's body has its own.
    assert_eq!(
        get(&dist, "/", &[]).await.header(header::ETAG),
        Some(&*etag)
    );
    let br = get(&dist, "/", &[(header::ACCEPT_ENCODING, "br")]).await;
    let br_etag = br.header(header::ETAG).unwrap().to_owned();
    assert_eq!(br_etag, format!("{}-br\"", &etag[..etag.len() - 1]));
    let gz = get(&dist, "/", &[(header::ACCEPT_ENCODING, "gzip")]).await;
    assert_eq!(
        gz.header(header::ETAG).unwrap(),
        format!("{}-gzip\"", &etag[..etag.len() - 1])
    );

    let not_modified = get(
        &dist,
        "/",
        &[
            (header::ACCEPT_ENCODING, "br"),
            (header::IF_NONE_MATCH, &br_etag),
        ],
    )
    .await;
    assert_eq!(not_modified.status, StatusCode::NOT_MODIFIED);
    assert!(not_modified.body.is_empty());
    assert_eq!(not_modified.header(header::ETAG), Some(&*br_etag));
    assert_eq!(not_modified.header(header::CACHE_CONTROL), Some("no-cache"));
    assert_eq!(not_modified.header(header::VARY), Some("accept-encoding"));
    // Weak comparison and lists, as a browser or proxy may send them.
    let listed = format!("\"other\", W/{etag}");
    let answer = get(&dist, "/index.html", &[(header::IF_NONE_MATCH, &listed)]).await;
    assert_eq!(answer.status, StatusCode::NOT_MODIFIED);

    // Another tag, or a date alone, is answered in full: the ETag decides, not the file's date.
    let stale = get(&dist, "/", &[(header::IF_NONE_MATCH, "\"0123\"")]).await;
    assert_eq!(stale.status, StatusCode::OK);
    assert_eq!(stale.body, INDEX.as_bytes());
    let modified_since = first.header(header::LAST_MODIFIED).unwrap().to_owned();
    let dated = get(
        &dist,
        "/",
        &[
            (header::IF_NONE_MATCH, "\"0123\""),
            (header::IF_MODIFIED_SINCE, &modified_since),
        ],
    )
    .await;
    assert_eq!(dated.status, StatusCode::OK);

    // A new build: a new tag, and the old one no longer matches.
    let rebuilt = INDEX.replace("a0bd7c1d074362b8", "ffffffffffffffff");
    for suffix in ["", ".br", ".gz"] {
        let _ = std::fs::remove_file(dist.path().join(format!("index.html{suffix}")));
    }
    std::fs::write(dist.path().join("index.html"), &rebuilt).unwrap();
    let answer = get(&dist, "/", &[(header::IF_NONE_MATCH, &etag)]).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_ne!(answer.header(header::ETAG), Some(&*etag));
    assert_eq!(answer.body, rebuilt.as_bytes());
}

#[tokio::test]
async fn deep_links_get_the_index_page_with_its_headers() {
    let dist = Dist::new();
    let index = get(&dist, "/", &[]).await;
    let etag = index.header(header::ETAG).unwrap().to_owned();
    for path in [
        "/customers",
        "/customers/0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a01/cart",
        "/customers/0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a01/orders/",
        "/billing/G000123456?tab=lines",
    ] {
        let answer = get(&dist, path, &[]).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        assert_eq!(answer.body, INDEX.as_bytes(), "{path}");
        assert_eq!(
            answer.header(header::CONTENT_TYPE),
            Some("text/html"),
            "{path}"
        );
        assert_eq!(answer.header(header::CACHE_CONTROL), Some("no-cache"));
        assert_eq!(answer.header(header::ETAG), Some(&*etag), "{path}");
        let again = get(&dist, path, &[(header::IF_NONE_MATCH, &etag)]).await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{path}");
    }
    let br = get(&dist, "/customers/x", &[(header::ACCEPT_ENCODING, BROWSER)]).await;
    assert_eq!(br.header(header::CONTENT_ENCODING), Some("br"));
    assert_eq!(brotli_decoded(&br.body), INDEX.as_bytes());
}

#[tokio::test]
async fn favicon_ico_and_missing_files_are_404_not_the_index_page() {
    let dist = Dist::new();
    for path in [
        "/favicon.ico",
        "/missing.js",
        "/pkg-0000000000000000/pc-portal_bg.wasm",
        "/customers/style.css",
    ] {
        let answer = get(&dist, path, &[(header::ACCEPT_ENCODING, BROWSER)]).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(answer.header(header::CACHE_CONTROL), None, "{path}");
        assert!(
            !String::from_utf8_lossy(&answer.body).contains("<html"),
            "{path}"
        );
    }
    // The real icon is there under its hashed name.
    let icon = get(&dist, &format!("/{FAVICON}"), &[]).await;
    assert_eq!(icon.status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&icon.body).starts_with("<svg"));
}

#[tokio::test]
async fn head_is_answered_and_other_methods_are_refused() {
    let dist = Dist::new();
    let head = request(
        &dist,
        Method::HEAD,
        &format!("/{WASM}"),
        &[(header::ACCEPT_ENCODING, "br")],
    )
    .await;
    assert_eq!(head.status, StatusCode::OK);
    assert_eq!(head.header(header::CONTENT_ENCODING), Some("br"));
    assert!(head.body.is_empty());
    let post = request(&dist, Method::POST, "/", &[]).await;
    assert_eq!(post.status, StatusCode::METHOD_NOT_ALLOWED);
    let post = request(&dist, Method::POST, "/customers", &[]).await;
    assert_eq!(post.status, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn a_portal_without_index_html_is_404() {
    let dist = Dist::new();
    std::fs::remove_file(dist.path().join("index.html")).unwrap();
    assert_eq!(get(&dist, "/", &[]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        get(&dist, "/customers", &[]).await.status,
        StatusCode::NOT_FOUND
    );
}
