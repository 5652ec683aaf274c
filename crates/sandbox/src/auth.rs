//! The bearer check every `/v1` call passes, and what a caller may do.
//!
//! Accepted tokens are RS256 JWTs with `aud` = `https://api.partnercenter.microsoft.com`, either
//! signed by the sandbox's own key ([`crate::keys`]) with `iss` = `{any base}/{tid}/v2.0` of a
//! seeded tenant, or signed by an issuer given with `--trust-issuer` ([`crate::Config::trusted_issuers`]),
//! whose keys come from its discovery document and JWKS (fetched when first needed and again
//! when a token names an unknown `kid`), with `iss` equal to that issuer and `tid` naming a seeded
//! tenant.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;

use crate::AppState;
use crate::error::AppError;
use crate::tenants::{self, ADMIN_AGENTS, Partner, SALES_AGENTS};

/// The Partner Center audience (`aud`) of every accepted token.
pub(crate) const AUDIENCE: &str = "https://api.partnercenter.microsoft.com";

/// Partner Center's error code for an operation that app-only tokens may not call.
pub(crate) const APP_ONLY_REFUSED: i64 = 900_329;
/// The sandbox's error code for an agent whose roles do not allow the operation (Partner Center
/// documents none; see the README's "Sandbox behaviour").
pub(crate) const ROLE_REFUSED: i64 = 900_300;

/// The claims the bearer check reads.
#[derive(Debug, Deserialize)]
struct Claims {
    iss: String,
    #[serde(default)]
    tid: Option<String>,
    /// Delegated scopes: present on App+User tokens only.
    #[serde(default)]
    scp: Option<String>,
    #[serde(default)]
    idtyp: Option<String>,
    #[serde(default)]
    roles: Vec<String>,
}

/// The authenticated caller of a `/v1` request: the partner its token names, whether the token
/// is app-only, and the signed-in agent's roles.
#[derive(Debug, Clone)]
pub(crate) struct Caller {
    pub(crate) partner: &'static Partner,
    /// An app-only token (client credentials): no user signed in.
    pub(crate) app_only: bool,
    /// Partner Center agent roles of the user (`AdminAgents`, `SalesAgents`, `HelpdeskAgents`).
    pub(crate) roles: Vec<String>,
}

impl Caller {
    /// App+User-only operations (E15, E19, E24, E26, E27, agreement acceptance).
    ///
    /// # Errors
    /// 403 `900329` for an app-only token, as Partner Center answers.
    pub(crate) fn require_user(&self) -> Result<(), AppError> {
        if self.app_only {
            return Err(AppError::new(
                StatusCode::FORBIDDEN,
                APP_ONLY_REFUSED,
                "This resource can't be accessed by application credentials. Sign in a user (App+User token).",
            ));
        }
        Ok(())
    }

    /// Buying (cart create/update, checkout): refused to an agent whose only roles are
    /// read-only ones such as `HelpdeskAgents`. App-only tokens, tokens without roles (other
    /// issuers) and Admin or Sales agents may buy.
    ///
    /// # Errors
    /// 403 [`ROLE_REFUSED`] with Partner Center's error body.
    pub(crate) fn require_purchase(&self) -> Result<(), AppError> {
        let may_buy = self.app_only
            || self.roles.is_empty()
            || self
                .roles
                .iter()
                .any(|r| r == ADMIN_AGENTS || r == SALES_AGENTS);
        if may_buy {
            return Ok(());
        }
        Err(AppError::new(
            StatusCode::FORBIDDEN,
            ROLE_REFUSED,
            format!(
                "The signed-in user's role ({}) does not allow purchases. An Admin agent or Sales agent must create carts and check out.",
                self.roles.join(", ")
            ),
        ))
    }
}

/// Keys of the issuers trusted with `--trust-issuer`, fetched through their discovery documents.
#[derive(Debug, Default)]
pub(crate) struct TrustedIssuers {
    issuers: Vec<String>,
    cache: tokio::sync::Mutex<HashMap<String, (JwkSet, Instant)>>,
}

/// A key set is fetched again for an unknown `kid` at most this often.
const REFETCH_AFTER: Duration = Duration::from_secs(10);

impl TrustedIssuers {
    /// Trusts `issuers` (each compared exactly with a token's `iss`).
    pub(crate) fn new(issuers: Vec<String>) -> Self {
        Self {
            issuers,
            cache: tokio::sync::Mutex::default(),
        }
    }

    fn trusts(&self, issuer: &str) -> bool {
        self.issuers.iter().any(|i| i == issuer)
    }

    /// The key `kid` of `issuer`, fetching its JWKS when not cached or when `kid` is unknown.
    async fn key(
        &self,
        http: &reqwest::Client,
        issuer: &str,
        kid: Option<&str>,
    ) -> Result<DecodingKey, String> {
        let mut cache = self.cache.lock().await;
        let fresh = match cache.get(issuer) {
            Some((set, fetched)) => {
                if let Some(key) = find_key(set, kid) {
                    return key;
                }
                fetched.elapsed() >= REFETCH_AFTER
            }
            None => true,
        };
        if !fresh {
            return Err(format!("issuer {issuer} has no key {kid:?}"));
        }
        let set = fetch_jwks(http, issuer).await?;
        let key = find_key(&set, kid);
        cache.insert(issuer.to_owned(), (set, Instant::now()));
        key.unwrap_or_else(|| Err(format!("issuer {issuer} has no key {kid:?}")))
    }
}

fn find_key(set: &JwkSet, kid: Option<&str>) -> Option<Result<DecodingKey, String>> {
    let jwk = match kid {
        Some(kid) => set.find(kid)?,
        None => set.keys.first()?,
    };
    Some(DecodingKey::from_jwk(jwk).map_err(|e| format!("unusable JWK: {e}")))
}

/// `{issuer}/.well-known/openid-configuration` → `jwks_uri` → the key set.
async fn fetch_jwks(http: &reqwest::Client, issuer: &str) -> Result<JwkSet, String> {
    #[derive(Deserialize)]
    struct Discovery {
        jwks_uri: String,
    }
    let url = format!(
        "{}/.well-known/openid-configuration",
        issuer.trim_end_matches('/')
    );
    let discovery: Discovery = http
        .get(&url)
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|e| format!("{url}: {e}"))?
        .json()
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    http.get(&discovery.jwks_uri)
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|e| format!("{}: {e}", discovery.jwks_uri))?
        .json()
        .await
        .map_err(|e| format!("{}: {e}", discovery.jwks_uri))
}

/// Whether `iss` is `{http(s)://host}/{tid}/v2.0`: the sandbox's own issuer for `tid` at any base.
fn own_issuer(iss: &str, tid: &str) -> bool {
    let Some((base, issuer_tid)) = iss
        .strip_suffix("/v2.0")
        .and_then(|rest| rest.rsplit_once('/'))
    else {
        return false;
    };
    let host = base
        .strip_prefix("http://")
        .or_else(|| base.strip_prefix("https://"));
    host.is_some_and(|h| !h.is_empty() && !h.contains('/')) && issuer_tid.eq_ignore_ascii_case(tid)
}

fn invalid() -> AppError {
    AppError::unauthorized(
        false,
        "Access denied: the token is not valid for this service.",
    )
}

/// Checks the `Authorization: Bearer …` header.
///
/// # Errors
/// 401 with `800001` when the header is missing, `400` "Access denied" when the token is
/// malformed, badly signed, expired, from an issuer not trusted, or names an unknown tenant.
pub(crate) async fn authenticate(parts: &Parts, state: &AppState) -> Result<Caller, AppError> {
    let Some(value) = parts.headers.get(axum::http::header::AUTHORIZATION) else {
        return Err(AppError::unauthorized(
            true,
            "Partner token missing: send Authorization: Bearer <token> from the token endpoint.",
        ));
    };
    let token = value
        .to_str()
        .ok()
        .and_then(|v| {
            let (scheme, token) = v.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
        })
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            AppError::unauthorized(
                false,
                "Access denied: the Authorization header is not a bearer token.",
            )
        })?;
    let header = jsonwebtoken::decode_header(token).map_err(|_| invalid())?;
    if header.alg != Algorithm::RS256 {
        return Err(invalid());
    }
    let mut validation = Validation::new(Algorithm::RS256);
    validation.set_audience(&[AUDIENCE]);
    validation.leeway = 0;
    let own_key = state.signing_key();
    let key = if header.kid.as_deref() == Some(own_key.kid()) {
        own_key.decoding_key().clone()
    } else {
        // Another key: only a trusted issuer's. Read `iss` unverified to find it.
        let mut peek = Validation::new(Algorithm::RS256);
        peek.insecure_disable_signature_validation();
        peek.validate_aud = false;
        peek.validate_exp = false;
        let unverified =
            jsonwebtoken::decode::<Claims>(token, &DecodingKey::from_secret(&[]), &peek)
                .map_err(|_| invalid())?;
        let issuer = unverified.claims.iss;
        if !state.trusted_issuers().trusts(&issuer) {
            return Err(invalid());
        }
        validation.set_issuer(&[issuer.as_str()]);
        state
            .trusted_issuers()
            .key(state.http(), &issuer, header.kid.as_deref())
            .await
            .map_err(|reason| {
                tracing::warn!(%reason, "trusted issuer's key not available");
                invalid()
            })?
    };
    let data = jsonwebtoken::decode::<Claims>(token, &key, &validation).map_err(|e| {
        let reason = match e.kind() {
            jsonwebtoken::errors::ErrorKind::ExpiredSignature => {
                "Access denied: the token has expired; request a new one."
            }
            _ => "Access denied: the token is not valid for this service.",
        };
        AppError::unauthorized(false, reason)
    })?;
    let claims = data.claims;
    let partner = claims
        .tid
        .as_deref()
        .and_then(tenants::by_tenant_id)
        .ok_or_else(|| AppError::unauthorized(false, "Access denied: unknown partner tenant."))?;
    let own = header.kid.as_deref() == Some(own_key.kid());
    if own && !own_issuer(&claims.iss, partner.tenant_id) {
        return Err(invalid());
    }
    let app_only = claims.scp.is_none() || claims.idtyp.as_deref() == Some("app");
    Ok(Caller {
        partner,
        app_only,
        roles: if app_only { Vec::new() } else { claims.roles },
    })
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        if let Some(caller) = parts.extensions.get::<Caller>() {
            return Ok(caller.clone());
        }
        authenticate(parts, state).await
    }
}

#[cfg(test)]
mod tests {
    use super::own_issuer;

    #[test]
    fn own_issuers_are_a_base_and_the_tenant_id() {
        let tid = "4b3d2f0a-6c1e-4e8a-9f21-0c5a7d3e1b01";
        assert!(own_issuer(
            &format!("http://127.0.0.1:8080/{tid}/v2.0"),
            tid
        ));
        assert!(own_issuer(
            &format!("https://sandbox.example/{tid}/v2.0"),
            tid
        ));
        assert!(!own_issuer(
            &format!("http://127.0.0.1/{tid}/v2.0"),
            "other"
        ));
        assert!(!own_issuer(&format!("ftp://host/{tid}/v2.0"), tid));
        assert!(!own_issuer(&format!("http://host/x/{tid}/v2.0"), tid));
        assert!(!own_issuer(&format!("http://host/{tid}"), tid));
    }
}
