//! Where bearer tokens come from: a fixed token, or an async callback the host supplies.

use std::future::Future;
use std::pin::Pin;

/// A future returned by a [`TokenProvider`].
pub type TokenFuture<'a> = Pin<Box<dyn Future<Output = Result<String, String>> + 'a>>;

/// Supplies access tokens. `fresh` is `true` after Partner Center answered 401 to the last
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
