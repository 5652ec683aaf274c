//! Where bearer tokens come from (a fixed token, or an async callback the host supplies) and
//! how long the client keeps one: until shortly before its `exp` ([`RENEW_BEFORE_EXPIRY`]), or
//! until Partner Center refuses it when it has no readable `exp`.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use base64::Engine as _;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use chrono::{DateTime, TimeDelta, Utc};
use futures_util::FutureExt as _;
use futures_util::future::{LocalBoxFuture, Shared};

use crate::clock::local_now;

/// A future returned by a [`TokenProvider`].
pub type TokenFuture<'a> = Pin<Box<dyn Future<Output = Result<String, String>> + 'a>>;

/// Supplies access tokens. The client asks once per token: it keeps each one until
/// [`RENEW_BEFORE_EXPIRY`] before the JWT's `exp` (a token without a readable `exp` until
/// Partner Center answers 401 to it), and calls that need a token while one is being asked for
/// wait for that one answer. `fresh` is `true` after Partner Center answered 401 to the last
/// token: the provider should not hand back a cached one.
pub trait TokenProvider {
    /// A bearer token (without the `Bearer ` prefix), or why there is none.
    fn token(&self, fresh: bool) -> TokenFuture<'_>;
}

/// One fixed token (a sandbox token, or one the host page already holds).
#[derive(Debug, Clone)]
pub struct StaticToken(pub String);

impl TokenProvider for StaticToken {
    fn token(&self, _fresh: bool) -> TokenFuture<'_> {
        let token = self.0.clone();
        Box::pin(async move { Ok(token) })
    }
}

/// No token: the calls are authenticated by a same-origin session cookie (the portal served by
/// pc-gateway, which holds the tokens server-side). The client sends no `Authorization` header
/// and does not retry a 401 (there is no fresher token to ask for).
#[derive(Debug, Clone, Copy, Default)]
pub struct CookieSession;

impl TokenProvider for CookieSession {
    fn token(&self, _fresh: bool) -> TokenFuture<'_> {
        Box::pin(async { Ok(String::new()) })
    }
}

/// A token callback: `|fresh| async { … }`.
pub struct TokenFn<F>(pub F);

impl<F, Fut> TokenProvider for TokenFn<F>
where
    F: Fn(bool) -> Fut,
    Fut: Future<Output = Result<String, String>> + 'static,
{
    fn token(&self, fresh: bool) -> TokenFuture<'_> {
        Box::pin((self.0)(fresh))
    }
}

/// How long before its `exp` a kept token is replaced at most: five minutes. A token that
/// arrives with less than twice this left is replaced when half of what it had left has passed.
pub const RENEW_BEFORE_EXPIRY: TimeDelta = TimeDelta::minutes(5);

/// The `exp` claim (JWT NumericDate: seconds since the Unix epoch, UTC) of an OAuth 2.0 access
/// token in JWT form (RFC 7519), read from its payload without checking the signature — it is
/// the client's own token, only its lifetime is wanted.
///
/// `None` when the token is not three dot-separated base64url parts, its payload is not a JSON
/// object, or `exp` is missing, not a number or outside chrono's range.
pub fn token_expiry(token: &str) -> Option<DateTime<Utc>> {
    const BASE64URL: GeneralPurpose = GeneralPurpose::new(
        &alphabet::URL_SAFE,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    let mut parts = token.split('.');
    let (_header, payload, _signature) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let payload = BASE64URL.decode(payload).ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&payload).ok()?;
    let exp = claims.get("exp")?;
    let seconds = match exp.as_i64() {
        Some(seconds) => seconds,
        // NumericDate may have a fraction; whole seconds are enough for a lifetime.
        None => {
            let seconds = exp.as_f64()?.floor();
            if !seconds.is_finite() || seconds.abs() > 1e15 {
                return None;
            }
            // Checked just above: finite and far inside i64.
            #[allow(clippy::cast_possible_truncation)]
            let whole = seconds as i64;
            whole
        }
    };
    DateTime::from_timestamp(seconds, 0)
}

/// A token the client holds and when it stops using it.
#[derive(Debug, Clone)]
struct Held {
    token: String,
    /// When to ask the provider for another one; `None`: until Partner Center refuses it.
    renew_at: Option<DateTime<Utc>>,
}

impl Held {
    fn new(token: String, received: DateTime<Utc>) -> Self {
        let renew_at = token_expiry(&token).map(|exp| {
            let left = exp - received;
            if left <= TimeDelta::zero() {
                // Already expired: used for the call that asked, replaced for the next.
                received
            } else {
                exp - RENEW_BEFORE_EXPIRY.min(left / 2)
            }
        });
        Self { token, renew_at }
    }

    fn usable(&self, now: DateTime<Utc>) -> bool {
        self.renew_at.is_none_or(|at| now < at)
    }
}

type SharedToken = Shared<LocalBoxFuture<'static, Result<String, String>>>;

enum Slot {
    Empty,
    Held(Held),
    /// One provider call under way, shared by every call that needs a token meanwhile.
    Pending {
        id: u64,
        fresh: bool,
        token: SharedToken,
    },
}

/// The client's tokens: each one the provider hands out is kept until shortly before its `exp`
/// ([`RENEW_BEFORE_EXPIRY`]) or, without a readable `exp`, until Partner Center refuses it
/// (401). Calls that find no usable token share one provider call (single-flight).
pub(crate) struct TokenCache {
    provider: Rc<dyn TokenProvider>,
    slot: RefCell<Slot>,
    next_id: Cell<u64>,
    asked: Cell<u64>,
}

impl TokenCache {
    pub(crate) fn new(provider: Rc<dyn TokenProvider>) -> Self {
        Self {
            provider,
            slot: RefCell::new(Slot::Empty),
            next_id: Cell::new(0),
            asked: Cell::new(0),
        }
    }

    /// How many times the provider was asked.
    pub(crate) fn asked(&self) -> u64 {
        self.asked.get()
    }

    /// A token to send. `refused` is the token Partner Center just answered 401 to: it is not
    /// handed out again, and the provider is asked with `fresh = true` unless another call
    /// already replaced it.
    pub(crate) async fn get(&self, refused: Option<&str>) -> Result<String, String> {
        let (id, token) = {
            let mut slot = self.slot.borrow_mut();
            match &*slot {
                Slot::Held(held)
                    if refused != Some(held.token.as_str()) && held.usable(local_now()) =>
                {
                    return Ok(held.token.clone());
                }
                Slot::Pending { id, fresh, token } if refused.is_none() || *fresh => {
                    (*id, token.clone())
                }
                _ => {
                    let id = self.next_id.get() + 1;
                    self.next_id.set(id);
                    self.asked.set(self.asked.get() + 1);
                    let provider = Rc::clone(&self.provider);
                    let fresh = refused.is_some();
                    let token = async move { provider.token(fresh).await }
                        .boxed_local()
                        .shared();
                    *slot = Slot::Pending {
                        id,
                        fresh,
                        token: token.clone(),
                    };
                    (id, token)
                }
            }
        };
        let result = token.await;
        let mut slot = self.slot.borrow_mut();
        // The first call to see the answer keeps it (unless a fresher request replaced it).
        if matches!(&*slot, Slot::Pending { id: pending, .. } if *pending == id) {
            *slot = match &result {
                Ok(token) => Slot::Held(Held::new(token.clone(), local_now())),
                // A failure is not kept: the next call asks again.
                Err(_) => Slot::Empty,
            };
        }
        result
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// An unsigned JWT whose payload is `claims` (JSON).
    pub(crate) fn jwt(claims: &str) -> String {
        use base64::engine::general_purpose::URL_SAFE_NO_PAD;
        format!(
            "{}.{}.c2ln",
            URL_SAFE_NO_PAD.encode(r#"{"alg":"RS256","typ":"JWT"}"#),
            URL_SAFE_NO_PAD.encode(claims)
        )
    }

    #[test]
    fn the_expiry_is_read_from_the_payload() {
        let at = |s: i64| DateTime::from_timestamp(s, 0);
        assert_eq!(
            token_expiry(&jwt(r#"{"exp":1700000000}"#)),
            at(1_700_000_000)
        );
        assert_eq!(
            token_expiry(&jwt(r#"{"exp":1700000000.75}"#)),
            at(1_700_000_000)
        );
        // Padded base64url is read too, padding where none belongs is not.
        let payload = base64::engine::general_purpose::URL_SAFE.encode(r#"{"exp":50}"#);
        assert!(payload.ends_with("=="));
        assert_eq!(token_expiry(&format!("e30.{payload}.x")), at(50));
        let padded = jwt(r#"{"exp":1700000000,"a":1}"#).replace(".c2ln", "=.c2ln");
        assert_eq!(token_expiry(&padded), None);
        for token in [
            "",
            "not-a-token",
            "a.b",
            "a.b.c.d",
            &jwt(r#"{"exp":"tomorrow"}"#),
            &jwt(r#"{"exp":1e300}"#),
            &jwt(r#"{"exp":99999999999999999}"#),
            &jwt(r#"{"iat":1}"#),
            &jwt("[1]"),
            "e30.!!!.x",
        ] {
            assert_eq!(token_expiry(token), None, "{token}");
        }
    }

    #[test]
    fn a_token_is_kept_until_five_minutes_before_its_exp_or_half_its_time_left() {
        let now = local_now();
        let with_exp = |exp: DateTime<Utc>| jwt(&format!(r#"{{"exp":{}}}"#, exp.timestamp()));
        let hour = Held::new(with_exp(now + TimeDelta::hours(1)), now);
        assert!(hour.usable(now + TimeDelta::minutes(54)));
        assert!(!hour.usable(now + TimeDelta::minutes(56)));
        let short = Held::new(with_exp(now + TimeDelta::minutes(4)), now);
        assert!(short.usable(now + TimeDelta::seconds(100)));
        assert!(!short.usable(now + TimeDelta::seconds(125)));
        let expired = Held::new(with_exp(now - TimeDelta::seconds(1)), now);
        assert!(!expired.usable(now));
        let opaque = Held::new("opaque".to_owned(), now);
        assert!(
            opaque.usable(now + TimeDelta::days(365)),
            "kept until a 401"
        );
    }

    /// Counts calls; hands out `make(n, fresh)` for the n-th call after 20 ms.
    struct Counting<F> {
        calls: Rc<Cell<u64>>,
        make: F,
    }

    impl<F: Fn(u64, bool) -> Result<String, String>> TokenProvider for Counting<F> {
        fn token(&self, fresh: bool) -> TokenFuture<'_> {
            self.calls.set(self.calls.get() + 1);
            let answer = (self.make)(self.calls.get(), fresh);
            Box::pin(async move {
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                answer
            })
        }
    }

    fn cache<F>(make: F) -> (TokenCache, Rc<Cell<u64>>)
    where
        F: Fn(u64, bool) -> Result<String, String> + 'static,
    {
        let calls = Rc::new(Cell::new(0));
        let provider = Counting {
            calls: calls.clone(),
            make,
        };
        (TokenCache::new(Rc::new(provider)), calls)
    }

    #[tokio::test(flavor = "current_thread")]
    async fn concurrent_calls_share_one_provider_call() {
        let (tokens, calls) = cache(|n, _| Ok(format!("t{n}")));
        let all = futures_util::future::join_all((0..8).map(|_| tokens.get(None))).await;
        assert!(all.iter().all(|t| t.as_deref() == Ok("t1")), "{all:?}");
        assert_eq!(tokens.get(None).await.as_deref(), Ok("t1"));
        assert_eq!((calls.get(), tokens.asked()), (1, 1));
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_refused_token_is_replaced_once_for_all_calls_that_saw_it_refused() {
        let (tokens, calls) = cache(|n, fresh| Ok(format!("t{n}-{fresh}")));
        assert_eq!(tokens.get(None).await.as_deref(), Ok("t1-false"));
        let refused = Some("t1-false");
        let again = futures_util::future::join_all((0..4).map(|_| tokens.get(refused))).await;
        assert!(
            again.iter().all(|t| t.as_deref() == Ok("t2-true")),
            "{again:?}"
        );
        // A call that saw the old token refused after it was replaced takes the new one.
        assert_eq!(tokens.get(refused).await.as_deref(), Ok("t2-true"));
        assert_eq!(calls.get(), 2);
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_failure_is_shared_but_not_kept() {
        let (tokens, calls) = cache(|n, _| {
            if n == 1 {
                Err("signed out".to_owned())
            } else {
                Ok("t".to_owned())
            }
        });
        let first = futures_util::future::join_all((0..3).map(|_| tokens.get(None))).await;
        assert!(first.iter().all(|t| t.is_err()), "{first:?}");
        assert_eq!(tokens.get(None).await.as_deref(), Ok("t"));
        assert_eq!(calls.get(), 2);
    }

    #[tokio::test(flavor = "current_thread")]
    async fn an_expired_token_is_replaced_at_the_next_call() {
        let (tokens, calls) = cache(|n, _| {
            let exp = if n == 1 {
                local_now() - TimeDelta::seconds(10)
            } else {
                local_now() + TimeDelta::hours(1)
            };
            Ok(jwt(&format!(r#"{{"exp":{},"n":{n}}}"#, exp.timestamp())))
        });
        let expired = tokens.get(None).await.unwrap_or_default();
        let fresh = tokens.get(None).await.unwrap_or_default();
        assert_ne!(expired, fresh);
        assert_eq!(tokens.get(None).await.as_deref(), Ok(fresh.as_str()));
        assert_eq!(calls.get(), 2);
    }
}
