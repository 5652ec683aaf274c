//! Request description and the transports that carry it: reqwest natively (feature `native`),
//! gloo-net in the browser (feature `browser`). A dropped request future cancels the request (reqwest drops
//! the connection; the browser transport aborts its `AbortController`).

use std::future::Future;

/// HTTP method of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET.
    Get,
    /// POST.
    Post,
    /// PUT.
    Put,
    /// PATCH.
    Patch,
}

impl Method {
    /// The method's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
        }
    }
}

/// One HTTP request as it leaves: absolute URL, headers, JSON body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// Method.
    pub method: Method,
    /// Absolute URL.
    pub url: String,
    /// Headers (name, value).
    pub headers: Vec<(String, String)>,
    /// JSON body, if any.
    pub body: Option<String>,
}

/// One HTTP response.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// Headers (lower-case name, value).
    pub headers: Vec<(String, String)>,
    /// Body bytes.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A failure to get any response.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct TransportError {
    /// What happened.
    pub message: String,
    /// Whether the request timed out (it may have been processed).
    pub timeout: bool,
}

/// Carries requests. Implementations must cancel the request when the returned future is
/// dropped.
pub trait Transport {
    /// Sends `request` and waits for the whole response.
    fn send(
        &self,
        request: HttpRequest,
    ) -> impl Future<Output = Result<HttpResponse, TransportError>>;
}

/// The native transport: reqwest (feature `native`).
#[cfg(feature = "native")]
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

#[cfg(feature = "native")]
impl ReqwestTransport {
    /// A transport whose requests time out after `timeout`.
    ///
    /// # Errors
    /// The TLS backend cannot be initialised.
    pub fn new(timeout: std::time::Duration) -> Result<Self, crate::Error> {
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .build()
            .map_err(|e| crate::Error::InvalidRequest(e.to_string()))?;
        Ok(Self { client })
    }
}

#[cfg(feature = "native")]
impl Transport for ReqwestTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let method = match request.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Patch => reqwest::Method::PATCH,
        };
        let mut builder = self.client.request(method, &request.url);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = request.body {
            builder = builder
                .header("content-type", "application/json")
                .body(body);
        } else if request.method != Method::Get {
            builder = builder.header("content-length", "0");
        }
        let failed = |e: reqwest::Error| TransportError {
            timeout: e.is_timeout(),
            message: e.to_string(),
        };
        let response = builder.send().await.map_err(failed)?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .filter_map(|(n, v)| Some((n.as_str().to_owned(), v.to_str().ok()?.to_owned())))
            .collect();
        let body = response.bytes().await.map_err(failed)?.to_vec();
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

/// The browser transport: gloo-net (`fetch`), aborted when dropped.
#[cfg(feature = "browser")]
#[derive(Debug, Clone, Default)]
pub struct BrowserTransport;

#[cfg(feature = "browser")]
struct AbortOnDrop(Option<web_sys::AbortController>);

#[cfg(feature = "browser")]
impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = self.0.take() {
            controller.abort();
        }
    }
}

#[cfg(feature = "browser")]
impl Transport for BrowserTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        use gloo_net::http::{Method as GlooMethod, RequestBuilder};
        let controller = web_sys::AbortController::new().map_err(|_| TransportError {
            message: "AbortController unavailable".to_owned(),
            timeout: false,
        })?;
        let mut guard = AbortOnDrop(Some(controller.clone()));
        let method = match request.method {
            Method::Get => GlooMethod::GET,
            Method::Post => GlooMethod::POST,
            Method::Put => GlooMethod::PUT,
            Method::Patch => GlooMethod::PATCH,
        };
        let mut builder = RequestBuilder::new(&request.url)
            .method(method)
            .abort_signal(Some(&controller.signal()));
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let failed = |e: gloo_net::Error| TransportError {
            message: e.to_string(),
            timeout: false,
        };
        let built = match request.body {
            Some(body) => builder
                .header("content-type", "application/json")
                .body(body),
            None => builder.build(),
        }
        .map_err(failed)?;
        let response = built.send().await.map_err(failed)?;
        let status = response.status();
        let headers = response.headers().entries().collect();
        let body = response.binary().await.map_err(failed)?;
        // Finished: nothing to abort any more.
        guard.0 = None;
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}
