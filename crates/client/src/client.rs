//! The client: headers, tokens, retries, decoding, paging and the checkout journal.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::time::Duration;

use backon::{ExponentialBuilder, Retryable};
use futures_util::Stream;
use pc_core::models::{ApiError, Collection, ThrottleError};
use serde::de::DeserializeOwned;

use crate::clock::{ServerClock, local_now};
use crate::error::Error;
use crate::journal::{Journal, MemoryJournal};
use crate::token::{TokenCache, TokenProvider};
use crate::transport::{HttpRequest, HttpResponse, Method, Transport};

/// Partner Center's public base URL.
pub const PARTNER_CENTER: &str = "https://api.partnercenter.microsoft.com";

/// How failed calls are retried: exponential backoff with jitter from `min_delay` to
/// `max_delay`, at most `max_attempts` sends, and at most `budget` spent waiting in total.
/// After a 429 the wait is never shorter than `Retry-After`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// First backoff delay.
    pub min_delay: Duration,
    /// Largest backoff delay (a longer `Retry-After` is still honoured).
    pub max_delay: Duration,
    /// Most sends of one call, the first included.
    pub max_attempts: usize,
    /// Most total waiting between sends of one call.
    pub budget: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            min_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(16),
            max_attempts: 8,
            budget: Duration::from_secs(120),
        }
    }
}

/// One logical operation: what to send; the client adds authentication, IDs and retries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    /// Method.
    pub method: Method,
    /// Path and query below the base URL, starting with `/v1/`.
    pub path: String,
    /// JSON body.
    pub body: Option<String>,
    /// Extra headers (e.g. `MS-ContinuationToken`).
    pub headers: Vec<(String, String)>,
    /// Whether repeating it has no further effect (GET). Non-idempotent operations are retried
    /// only with the same `MS-RequestId`.
    pub idempotent: bool,
    /// `MS-RequestId` to use (checkout journal); generated when `None`.
    pub request_id: Option<String>,
    /// `MS-CorrelationId` to use; generated when `None`.
    pub correlation_id: Option<String>,
}

impl Operation {
    /// A GET of `path`.
    pub fn get(path: impl Into<String>) -> Self {
        Self {
            method: Method::Get,
            path: path.into(),
            body: None,
            headers: Vec::new(),
            idempotent: true,
            request_id: None,
            correlation_id: None,
        }
    }

    /// A non-idempotent POST of `body` (JSON) to `path`.
    pub fn post(path: impl Into<String>, body: Option<String>) -> Self {
        Self {
            method: Method::Post,
            body,
            idempotent: false,
            ..Self::get(path)
        }
    }

    /// A non-idempotent PATCH of `body` (JSON) to `path`: retried only with the same
    /// `MS-RequestId`, so a change sent twice after a timeout is recognised.
    pub fn patch(path: impl Into<String>, body: String) -> Self {
        Self {
            method: Method::Patch,
            body: Some(body),
            idempotent: false,
            ..Self::get(path)
        }
    }

    /// A PUT of `body` (JSON) to `path` (idempotent: it replaces the whole resource).
    pub fn put(path: impl Into<String>, body: String) -> Self {
        Self {
            method: Method::Put,
            body: Some(body),
            ..Self::get(path)
        }
    }
}

/// A successful response with the IDs it was sent with.
#[derive(Debug, Clone)]
pub struct Reply {
    /// The response.
    pub response: HttpResponse,
    /// `MS-RequestId` of the last send.
    pub request_id: String,
    /// `MS-CorrelationId` of the operation.
    pub correlation_id: String,
    /// How many sends it took.
    pub attempts: usize,
}

/// A typed Partner Center client over a [`Transport`].
///
/// Cheap to clone (shared state). Futures it returns are not `Send` (the browser transport is
/// single-threaded); natively, run several operations concurrently with `join_all` on one task.
pub struct Client<T> {
    inner: Rc<Inner<T>>,
}

impl<T> Clone for Client<T> {
    fn clone(&self) -> Self {
        Self {
            inner: Rc::clone(&self.inner),
        }
    }
}

struct Inner<T> {
    base_url: String,
    transport: T,
    tokens: TokenCache,
    locale: String,
    application: String,
    retry: RetryPolicy,
    journal: Box<dyn Journal>,
    sent: Cell<u64>,
    clock: ServerClock,
}

/// Builds a [`Client`].
pub struct ClientBuilder<T> {
    base_url: String,
    transport: T,
    tokens: Rc<dyn TokenProvider>,
    locale: String,
    retry: RetryPolicy,
    journal: Box<dyn Journal>,
}

impl<T: Transport> ClientBuilder<T> {
    /// `X-Locale` of every call (default `en-US`).
    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = locale.into();
        self
    }

    /// The retry policy (default [`RetryPolicy::default`]).
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// The checkout journal (default: in memory).
    pub fn journal(mut self, journal: impl Journal + 'static) -> Self {
        self.journal = Box::new(journal);
        self
    }

    /// The client.
    pub fn build(self) -> Client<T> {
        Client {
            inner: Rc::new(Inner {
                base_url: self.base_url.trim_end_matches('/').to_owned(),
                transport: self.transport,
                tokens: TokenCache::new(self.tokens),
                locale: self.locale,
                application: "pc-portal".to_owned(),
                retry: self.retry,
                journal: self.journal,
                sent: Cell::new(0),
                clock: ServerClock::default(),
            }),
        }
    }
}

/// Why one send did not succeed.
#[derive(Debug)]
enum Attempt {
    /// Try again after the backoff (or at least `retry_after`).
    Retry {
        error: Error,
        retry_after: Option<Duration>,
    },
    /// Try again at once with a fresh token.
    Reauthenticate(Error),
    /// Give up.
    Fatal(Error),
}

impl Attempt {
    fn into_error(self) -> Error {
        match self {
            Self::Retry { error, .. } | Self::Reauthenticate(error) | Self::Fatal(error) => error,
        }
    }
}

fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Seconds of a `Retry-After` header (delta-seconds form).
fn retry_after(response: &HttpResponse) -> Option<Duration> {
    response
        .header("retry-after")
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(Duration::from_secs_f64)
}

/// An error body without Partner Center's `code`: the text it gives, as `description` (ASP.NET
/// and most gateways) or `message`.
#[derive(serde::Deserialize)]
struct Described {
    description: Option<String>,
    message: Option<String>,
}

/// The error a non-success response stands for.
fn response_error(response: &HttpResponse, request_id: &str, correlation_id: &str) -> Error {
    if response.status == 429 {
        let message = serde_json::from_slice::<ThrottleError>(&response.body)
            .map(|t| t.message)
            .unwrap_or_else(|_| String::from_utf8_lossy(&response.body).into_owned());
        return Error::Throttled {
            retry_after: retry_after(response),
            message,
            request_id: request_id.to_owned(),
            correlation_id: correlation_id.to_owned(),
        };
    }
    let (code, description) = match serde_json::from_slice::<ApiError>(&response.body) {
        Ok(body) => (body.code.as_number(), body.description),
        // No Partner Center code (a gateway, a proxy, Entra): its own text when it has one,
        // else the body as it came.
        Err(_) => match serde_json::from_slice::<Described>(&response.body) {
            Ok(
                Described {
                    description: Some(text),
                    ..
                }
                | Described {
                    message: Some(text),
                    ..
                },
            ) => (None, text),
            _ => (
                None,
                String::from_utf8_lossy(&response.body)
                    .chars()
                    .take(1024)
                    .collect(),
            ),
        },
    };
    Error::Api {
        status: response.status,
        code,
        description,
        request_id: request_id.to_owned(),
        correlation_id: correlation_id.to_owned(),
    }
}

impl<T: Transport> Client<T> {
    /// Starts a client for `base_url` (`""` for same-origin, a gateway, or [`PARTNER_CENTER`])
    /// sending tokens from `tokens`.
    pub fn builder(
        base_url: impl Into<String>,
        transport: T,
        tokens: impl TokenProvider + 'static,
    ) -> ClientBuilder<T> {
        ClientBuilder {
            base_url: base_url.into(),
            transport,
            tokens: Rc::new(tokens),
            locale: "en-US".to_owned(),
            retry: RetryPolicy::default(),
            journal: Box::new(MemoryJournal::default()),
        }
    }

    /// How many HTTP requests this client has sent (every retry counted).
    pub fn requests_sent(&self) -> u64 {
        self.inner.sent.get()
    }

    /// How many times this client asked its [`TokenProvider`] for a token: once per token it
    /// keeps (until shortly before the token's `exp`, see [`crate::RENEW_BEFORE_EXPIRY`]), once
    /// more after each 401, and once for calls that waited together for one token.
    pub fn token_requests(&self) -> u64 {
        self.inner.tokens.asked()
    }

    /// The server's time now: this machine's clock corrected by the skew the responses' `Date`
    /// headers showed ([`crate::clock`]); this machine's clock before any response arrived. Pass
    /// it to rules that compare with deadlines the server set (cancellation windows, cart
    /// expiry), so they agree with the server.
    pub fn server_now(&self) -> chrono::DateTime<chrono::Utc> {
        self.inner.clock.server_time(local_now())
    }

    /// Server time − this machine's time, once a response with a `Date` header has arrived.
    pub fn server_time_skew(&self) -> Option<chrono::TimeDelta> {
        self.inner.clock.skew()
    }

    pub(crate) fn journal(&self) -> &dyn Journal {
        self.inner.journal.as_ref()
    }

    /// Sends `operation`, retrying as the [`RetryPolicy`] allows.
    ///
    /// # Errors
    /// The last failure when retries are exhausted, or the first one that is not retryable.
    pub async fn send(&self, operation: &Operation) -> Result<Reply, Error> {
        let inner = &self.inner;
        let correlation_id = operation.correlation_id.clone().unwrap_or_else(new_id);
        let request_id = RefCell::new(operation.request_id.clone().unwrap_or_else(new_id));
        // The token the last send carried when Partner Center answered 401 to it.
        let refused = RefCell::new(None::<String>);
        let reauthenticated = Cell::new(false);
        let sent_token = Cell::new(true);
        let attempts = Cell::new(0_usize);
        let waited = Cell::new(Duration::ZERO);
        let retry = inner.retry;

        let attempt = || async {
            attempts.set(attempts.get() + 1);
            let refused_token = refused.borrow_mut().take();
            let token = inner
                .tokens
                .get(refused_token.as_deref())
                .await
                .map_err(|e| Attempt::Fatal(Error::Token(e)))?;
            let id = request_id.borrow().clone();
            // An empty token (e.g. [`crate::CookieSession`]): the caller is authenticated by
            // other means, such as a gateway's same-origin session cookie; no header is sent.
            sent_token.set(!token.is_empty());
            let mut headers = Vec::with_capacity(7);
            if !token.is_empty() {
                headers.push(("Authorization".to_owned(), format!("Bearer {token}")));
            }
            headers.extend([
                ("Accept".to_owned(), "application/json".to_owned()),
                ("MS-RequestId".to_owned(), id.clone()),
                ("MS-CorrelationId".to_owned(), correlation_id.clone()),
                ("X-Locale".to_owned(), inner.locale.clone()),
                (
                    "MS-PartnerCenter-Application".to_owned(),
                    inner.application.clone(),
                ),
            ]);
            headers.extend(operation.headers.iter().cloned());
            let request = HttpRequest {
                method: operation.method,
                url: format!("{}{}", inner.base_url, operation.path),
                headers,
                body: operation.body.clone(),
            };
            inner.sent.set(inner.sent.get() + 1);
            let response = match inner.transport.send(request).await {
                Ok(response) => {
                    inner.clock.observe(response.header("date"), local_now());
                    response
                }
                Err(e) => {
                    // No response: the same MS-RequestId goes again (it may have been processed).
                    return Err(Attempt::Retry {
                        error: Error::Transport {
                            message: e.message,
                            timeout: e.timeout,
                            request_id: id,
                            correlation_id: correlation_id.clone(),
                        },
                        retry_after: None,
                    });
                }
            };
            if (200..300).contains(&response.status) {
                return Ok(Reply {
                    response,
                    request_id: id,
                    correlation_id: correlation_id.clone(),
                    attempts: attempts.get(),
                });
            }
            let error = response_error(&response, &id, &correlation_id);
            // After any response an idempotent call gets a new MS-RequestId; a non-idempotent
            // one keeps its ID so the service can recognise the retry.
            if operation.idempotent {
                *request_id.borrow_mut() = new_id();
            }
            match response.status {
                // Without a token there is no fresher one to ask for.
                401 if sent_token.get() && !reauthenticated.get() => {
                    reauthenticated.set(true);
                    *refused.borrow_mut() = Some(token);
                    Err(Attempt::Reauthenticate(error))
                }
                408 | 429 | 500 | 502 | 503 | 504 => {
                    let retry_after = retry_after(&response);
                    Err(Attempt::Retry { error, retry_after })
                }
                409 if error.code() == Some(800_064) || error.code() == Some(800_060) => {
                    Err(Attempt::Retry {
                        error,
                        retry_after: None,
                    })
                }
                _ => Err(Attempt::Fatal(error)),
            }
        };

        let backoff = ExponentialBuilder::default()
            .with_min_delay(retry.min_delay)
            .with_max_delay(retry.max_delay)
            .with_max_times(retry.max_attempts.saturating_sub(1))
            .with_jitter();
        attempt
            .retry(backoff)
            .sleep(sleep)
            .when(|a: &Attempt| !matches!(a, Attempt::Fatal(_)))
            .adjust(|a: &Attempt, delay: Option<Duration>| {
                let wanted = match a {
                    Attempt::Reauthenticate(_) => Some(Duration::ZERO),
                    Attempt::Retry {
                        retry_after: Some(after),
                        ..
                    } => delay.map(|d| d.max(*after)),
                    _ => delay,
                }?;
                let total = waited.get() + wanted;
                if total > retry.budget {
                    return None;
                }
                waited.set(total);
                Some(wanted)
            })
            .await
            .map_err(Attempt::into_error)
    }

    /// Sends `operation` and decodes the body as `R`.
    ///
    /// # Errors
    /// As [`Client::send`], and [`Error::Decode`] with the JSON path when the body is not `R`.
    pub async fn call<R: DeserializeOwned>(&self, operation: &Operation) -> Result<R, Error> {
        let reply = self.send(operation).await?;
        decode(&reply)
    }

    /// Every item of a collection, page after page, following `links.next` (and its
    /// `MS-ContinuationToken` header) until no page is left.
    ///
    /// The stream holds its own handle to the client (a cheap clone), so it does not borrow
    /// `self` and can outlive it (e.g. behind a JavaScript async iterator).
    pub fn paged<R: DeserializeOwned + 'static>(
        &self,
        first: Operation,
    ) -> impl Stream<Item = Result<R, Error>> + use<T, R> {
        let client = self.clone();
        let state = (Some(first), VecDeque::<R>::new());
        futures_util::stream::unfold(state, move |(mut next, mut buffer)| {
            let client = client.clone();
            async move {
                loop {
                    if let Some(item) = buffer.pop_front() {
                        return Some((Ok(item), (next, buffer)));
                    }
                    let operation = next.take()?;
                    let page: Collection<R> = match client.call(&operation).await {
                        Ok(page) => page,
                        Err(error) => return Some((Err(error), (None, VecDeque::new()))),
                    };
                    next = page.next_link().and_then(|link| {
                        let uri = link.uri.as_deref()?;
                        let mut following = Operation::get(format!("/v1{uri}"));
                        following.headers = link
                            .headers
                            .iter()
                            .flatten()
                            .filter_map(|h| Some((h.key.clone()?, h.value.clone()?)))
                            .collect();
                        Some(following)
                    });
                    buffer.extend(page.items);
                }
            }
        })
    }

    /// Every item of a paged collection, collected.
    ///
    /// # Errors
    /// The first page that fails.
    pub async fn all<R: DeserializeOwned + 'static>(
        &self,
        first: Operation,
    ) -> Result<Vec<R>, Error> {
        use futures_util::TryStreamExt as _;
        self.paged(first).try_collect().await
    }
}

/// Decodes a reply's body with pc-core's one decoder ([`pc_core::json::decode`]), naming the
/// JSON path of the first problem; a body followed by more than whitespace is refused at `$`.
pub(crate) fn decode<R: DeserializeOwned>(reply: &Reply) -> Result<R, Error> {
    pc_core::json::decode(&reply.response.body).map_err(|e| Error::Decode {
        status: reply.response.status,
        path: e.path.to_string(),
        message: e.message,
        request_id: reply.request_id.clone(),
        correlation_id: reply.correlation_id.clone(),
    })
}

#[cfg(all(feature = "native", not(target_arch = "wasm32")))]
async fn sleep(delay: Duration) {
    tokio::time::sleep(delay).await;
}

#[cfg(target_arch = "wasm32")]
async fn sleep(delay: Duration) {
    gloo_timers::future::sleep(delay).await;
}

#[cfg(all(not(feature = "native"), not(target_arch = "wasm32")))]
async fn sleep(delay: Duration) {
    // Without a runtime feature there is no timer: block this thread (tools only).
    std::thread::sleep(delay);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;
    use crate::token::{CookieSession, StaticToken};
    use crate::transport::{HttpRequest, HttpResponse, Transport, TransportError};

    /// Answers every request with `status` and Partner Center's 401 body, recording requests.
    #[derive(Clone)]
    struct Answer {
        status: u16,
        seen: Rc<RefCell<Vec<HttpRequest>>>,
    }

    impl Transport for Answer {
        async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
            self.seen.borrow_mut().push(request);
            Ok(HttpResponse {
                status: self.status,
                headers: Vec::new(),
                body: br#"{"code":800001,"description":"Unauthorized"}"#.to_vec(),
            })
        }
    }

    fn refusal(body: &[u8]) -> Error {
        let response = HttpResponse {
            status: 403,
            headers: Vec::new(),
            body: body.to_vec(),
        };
        response_error(&response, "r-1", "c-1")
    }

    #[test]
    fn a_refusal_without_a_code_keeps_its_own_words_not_its_json() {
        for (body, description) in [
            (
                &br#"{"code":800002,"description":"Forbidden by policy"}"#[..],
                "Forbidden by policy",
            ),
            (
                br#"{"description":"Access denied","errorName":"Forbidden"}"#,
                "Access denied",
            ),
            (br#"{"message":"Gateway refused"}"#, "Gateway refused"),
            (
                b"<html><body>403</body></html>",
                "<html><body>403</body></html>",
            ),
            (
                br#"{"errorName":"Forbidden"}"#,
                r#"{"errorName":"Forbidden"}"#,
            ),
        ] {
            let Error::Api {
                description: got, ..
            } = refusal(body)
            else {
                panic!("not an API error: {body:?}");
            };
            assert_eq!(got, description);
        }
        assert_eq!(refusal(br#"{"description":"Access denied"}"#).code(), None);
    }

    fn authorization(request: &HttpRequest) -> Option<&str> {
        request
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("authorization"))
            .map(|(_, v)| v.as_str())
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_cookie_session_sends_no_authorization_and_does_not_retry_a_401() {
        let transport = Answer {
            status: 401,
            seen: Rc::default(),
        };
        let seen = transport.seen.clone();
        let client = Client::builder("", transport, CookieSession).build();
        let error = client
            .send(&Operation::get("/v1/customers"))
            .await
            .unwrap_err();
        assert_eq!((error.status(), error.code()), (Some(401), Some(800_001)));
        let seen = seen.borrow();
        assert_eq!(seen.len(), 1, "no fresher token to retry with");
        assert_eq!(seen[0].url, "/v1/customers");
        assert_eq!(authorization(&seen[0]), None);
    }

    /// Answers every request 200 with a `Date` header `days` ahead of this machine's clock.
    struct Dated {
        days: i64,
    }

    impl Transport for Dated {
        async fn send(&self, _: HttpRequest) -> Result<HttpResponse, TransportError> {
            let server = crate::clock::local_now() + chrono::TimeDelta::days(self.days);
            Ok(HttpResponse {
                status: 200,
                headers: vec![(
                    "date".to_owned(),
                    server.format("%a, %d %b %Y %H:%M:%S GMT").to_string(),
                )],
                body: b"{}".to_vec(),
            })
        }
    }

    #[tokio::test(flavor = "current_thread")]
    async fn the_server_time_follows_the_date_header() {
        let client = Client::builder("", Dated { days: 8 }, CookieSession).build();
        assert_eq!(client.server_time_skew(), None);
        let before = crate::clock::local_now();
        assert!((client.server_now() - before).num_seconds().abs() <= 1);
        client.send(&Operation::get("/v1/customers")).await.unwrap();
        let skew = client.server_time_skew().unwrap();
        assert!(
            (skew - chrono::TimeDelta::days(8)).num_milliseconds().abs() <= 1_500,
            "{skew:?}"
        );
        let ahead = client.server_now() - crate::clock::local_now();
        assert!((ahead - chrono::TimeDelta::days(8)).num_seconds().abs() <= 2);
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_token_is_sent_as_bearer() {
        let transport = Answer {
            status: 401,
            seen: Rc::default(),
        };
        let seen = transport.seen.clone();
        let client = Client::builder("", transport, StaticToken("abc".into())).build();
        let _ = client.send(&Operation::get("/v1/customers")).await;
        let seen = seen.borrow();
        assert_eq!(seen.len(), 2, "one retry with a fresh token");
        assert_eq!(authorization(&seen[0]), Some("Bearer abc"));
    }

    fn reply(body: &[u8]) -> Reply {
        Reply {
            response: HttpResponse {
                status: 200,
                headers: Vec::new(),
                body: body.to_vec(),
            },
            request_id: "r".to_owned(),
            correlation_id: "c".to_owned(),
            attempts: 1,
        }
    }

    #[test]
    fn a_body_is_one_json_value_and_a_problem_names_its_path() {
        use pc_core::models::Cart;

        assert!(decode::<Cart>(&reply(b"{\"lineItems\": []}\n")).is_ok());
        for (body, at) in [
            (&b"{\"lineItems\": []} {}"[..], "$"),
            (
                b"{\"lineItems\": [{\"quantity\": \"many\"}]}",
                "$.lineItems[0].quantity",
            ),
        ] {
            match decode::<Cart>(&reply(body)) {
                Err(Error::Decode { status, path, .. }) => {
                    assert_eq!((status, path.as_str()), (200, at))
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
