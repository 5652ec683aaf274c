//! Sign-in, sessions and the partner profile: `/auth/login`, `/auth/callback`, `/auth/logout`,
//! `/auth/session`, `/auth/partner`, and `access_token`, which every forwarded `/v1` call uses.
//!
//! The browser holds one cookie, `HttpOnly`, `SameSite=Lax`, `Secure` except on plain-http
//! loopback (then named `pc-session`; with `Secure` it is `__Host-pc-session`): a random 256-bit
//! session ID whose SHA-256 is the database key. A new ID is issued at every sign-in (and the
//! old session ended), so a session ID planted before sign-in is worthless afterwards.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};

use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use pc_core::rules::PartnerProfile;
use pc_i18n::Locale;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use crate::crypto::{id_hash, random_id};
use crate::error::{locale, page};
use crate::oidc::{LoginSecrets, OidcError};
use crate::partner::PartnerFacts;
use crate::store::{LoginRow, PartnerSetting, SessionRow, now};
use crate::{GatewayError, GatewayState};

/// The role (Entra `roles` claim) of a Partner Center Admin agent: the one that may confirm the
/// partner's perpetual-software qualification.
pub const ADMIN_AGENT_ROLE: &str = "AdminAgents";

/// How long a sign-in may take between `/auth/login` and `/auth/callback`, in seconds.
const LOGIN_LIFETIME_SECS: i64 = 600;

/// Code of the 403 answered when a non-admin changes the partner settings.
const NOT_ADMIN_CODE: i64 = 900_404;

/// The tokens a session keeps, sealed in the database.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Tokens {
    access_token: String,
    refresh_token: Option<String>,
}

/// The cookie names for this configuration: (session, login).
fn cookie_names(state: &GatewayState) -> (&'static str, &'static str) {
    if state.config().secure_cookies() {
        ("__Host-pc-session", "__Host-pc-login")
    } else {
        ("pc-session", "pc-login")
    }
}

fn cookie(
    state: &GatewayState,
    name: &'static str,
    value: String,
    max_age: i64,
) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.config().secure_cookies())
        .max_age(time_duration(max_age))
        .build()
}

fn removal(state: &GatewayState, name: &'static str) -> Cookie<'static> {
    let mut c = cookie(state, name, String::new(), 0);
    c.make_removal();
    c
}

fn time_duration(seconds: i64) -> cookie::time::Duration {
    cookie::time::Duration::seconds(seconds)
}

/// Only a path on this site: `/…`, not `//host` or `/\host` (an open redirect otherwise).
fn safe_return_to(return_to: Option<&str>) -> String {
    match return_to {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && !path.starts_with("/auth/")
                && !path.chars().any(char::is_control) =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

/// Query of `GET /auth/login`.
#[derive(Debug, Deserialize)]
pub struct LoginQuery {
    /// Where to land after sign-in: a path on this site (anything else becomes `/`).
    return_to: Option<String>,
}

/// `GET /auth/login[?return_to=/path]`: 303 to the identity provider's authorization endpoint
/// with a PKCE S256 challenge, `state` and `nonce`; the verifier, nonce and `return_to` wait
/// server-side, bound to a short-lived `HttpOnly` login cookie.
pub async fn login(
    State(state): State<GatewayState>,
    headers: HeaderMap,
    jar: CookieJar,
    Query(query): Query<LoginQuery>,
) -> Response {
    let (url, csrf, secrets) = match state.provider().authorize_url().await {
        Ok(parts) => parts,
        Err(error) => return provider_unreachable(locale(&headers), &error),
    };
    let login_id = random_id();
    let login_hash = id_hash(&login_id);
    let sealed = match serde_json::to_vec(&secrets)
        .map_err(GatewayError::internal)
        .and_then(|bytes| {
            state
                .cipher()
                .seal(&bytes, &login_hash)
                .map_err(GatewayError::internal)
        }) {
        Ok(sealed) => sealed,
        Err(error) => return error.into_response(),
    };
    let row = LoginRow {
        state: csrf,
        secrets: sealed,
        return_to: safe_return_to(query.return_to.as_deref()),
    };
    if let Err(error) = state
        .store()
        .insert_login(&login_hash, &row, now() + LOGIN_LIFETIME_SECS)
        .await
    {
        return GatewayError::from(error).into_response();
    }
    let (_, login_cookie) = cookie_names(&state);
    let jar = jar.add(cookie(&state, login_cookie, login_id, LOGIN_LIFETIME_SECS));
    (jar, Redirect::to(url.as_str())).into_response()
}

fn provider_unreachable(locale: Locale, error: &OidcError) -> Response {
    tracing::error!(%error, "identity provider unusable");
    page(
        StatusCode::BAD_GATEWAY,
        locale,
        "gateway-unreachable",
        &[("detail", error.to_string())],
    )
}

/// Query of `GET /auth/callback` (the identity provider's redirect).
#[derive(Debug, Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    error_description: Option<String>,
}

/// Compares two secrets by their SHA-256, so the time taken says nothing about where they differ.
fn same_secret(a: &str, b: &str) -> bool {
    Sha256::digest(a.as_bytes()) == Sha256::digest(b.as_bytes())
}

/// `GET /auth/callback?code&state`: checks `state` against the sign-in under way (single use),
/// exchanges the code with the PKCE verifier, verifies the ID token (signature with the
/// authority's keys, issuer, audience, nonce, expiry; `mfa` in `amr` under `--require-mfa`),
/// reads the partner profile from Partner Center, starts a new session and lands on the
/// `return_to` path. Every refusal is a plain page; nothing is signed in.
pub async fn callback(
    State(state): State<GatewayState>,
    headers: HeaderMap,
    jar: CookieJar,
    Query(query): Query<CallbackQuery>,
) -> Response {
    let locale = locale(&headers);
    let (session_cookie, login_cookie) = cookie_names(&state);
    let login_id = jar.get(login_cookie).map(|c| c.value().to_owned());
    let jar = jar.add(removal(&state, login_cookie));
    if let Some(error) = &query.error {
        let description = query.error_description.as_deref().unwrap_or(error);
        return (
            jar,
            page(
                StatusCode::UNAUTHORIZED,
                locale,
                "gateway-cancelled",
                &[("reason", description.to_owned())],
            ),
        )
            .into_response();
    }
    let expired = || page(StatusCode::BAD_REQUEST, locale, "gateway-expired", &[]);
    let Some(login_id) = login_id else {
        return (jar, expired()).into_response();
    };
    let login_hash = id_hash(&login_id);
    let login = match state.store().take_login(&login_hash).await {
        Ok(Some(login)) => login,
        Ok(None) => return (jar, expired()).into_response(),
        Err(error) => return (jar, GatewayError::from(error).into_response()).into_response(),
    };
    let state_matches = query
        .state
        .as_deref()
        .is_some_and(|s| same_secret(s, &login.state));
    let Some(code) = query.code.filter(|_| state_matches) else {
        tracing::warn!("callback with a state that does not match the sign-in under way");
        return (
            jar,
            page(StatusCode::BAD_REQUEST, locale, "gateway-state", &[]),
        )
            .into_response();
    };
    let secrets: LoginSecrets = match state
        .cipher()
        .open(&login.secrets, &login_hash)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
    {
        Some(secrets) => secrets,
        None => return (jar, expired()).into_response(),
    };
    let sign_in = match state.provider().exchange_code(code, secrets).await {
        Ok(sign_in) => sign_in,
        Err(error @ OidcError::Discovery { .. }) => {
            return (jar, provider_unreachable(locale, &error)).into_response();
        }
        Err(error) => {
            tracing::warn!(%error, "sign-in refused");
            return (
                jar,
                page(
                    StatusCode::UNAUTHORIZED,
                    locale,
                    "gateway-refused",
                    &[("reason", error.to_string())],
                ),
            )
                .into_response();
        }
    };
    let claims = sign_in.claims;
    if state.config().require_mfa && !claims.amr.iter().any(|m| m == "mfa") {
        return (jar, page(StatusCode::FORBIDDEN, locale, "gateway-mfa", &[])).into_response();
    }
    // A new session ID at every sign-in; the browser's previous session (if any) ends.
    if let Some(old) = jar.get(session_cookie)
        && let Err(error) = state.store().delete_session(&id_hash(old.value())).await
    {
        tracing::warn!(%error, "could not end the previous session");
    }
    let session_id = random_id();
    let session_hash = id_hash(&session_id);
    let partner = crate::partner::fetch_json(&state, &sign_in.tokens.access_token).await;
    let tokens = Tokens {
        access_token: sign_in.tokens.access_token,
        refresh_token: sign_in.tokens.refresh_token,
    };
    let sealed = match seal_tokens(&state, &tokens, &session_hash) {
        Ok(sealed) => sealed,
        Err(error) => return (jar, error.into_response()).into_response(),
    };
    let now = now();
    let lifetime = i64::try_from(state.config().session_lifetime.as_secs()).unwrap_or(43_200);
    let row = SessionRow {
        id_hash: session_hash,
        tenant_id: claims.tid.clone(),
        user_name: claims
            .name
            .clone()
            .or_else(|| claims.preferred_username.clone())
            .unwrap_or_default(),
        user_email: claims
            .email
            .clone()
            .or_else(|| claims.preferred_username.clone())
            .or_else(|| claims.sub.clone())
            .unwrap_or_default(),
        roles: claims.roles.clone(),
        tokens: sealed,
        access_expires_at: now + i64::try_from(sign_in.tokens.expires_in).unwrap_or(3600),
        partner: partner.ok(),
        expires_at: now + lifetime,
        version: 0,
    };
    if let Err(error) = state.store().insert_session(&row, now).await {
        return (jar, GatewayError::from(error).into_response()).into_response();
    }
    tracing::info!(user = %row.user_email, tenant = ?row.tenant_id, "signed in");
    let jar = jar.add(cookie(&state, session_cookie, session_id, lifetime));
    (jar, Redirect::to(&login.return_to)).into_response()
}

fn seal_tokens(
    state: &GatewayState,
    tokens: &Tokens,
    session_hash: &str,
) -> Result<String, GatewayError> {
    let bytes = serde_json::to_vec(tokens).map_err(GatewayError::internal)?;
    state
        .cipher()
        .seal(&bytes, session_hash)
        .map_err(GatewayError::internal)
}

fn open_tokens(state: &GatewayState, row: &SessionRow) -> Result<Tokens, GatewayError> {
    state
        .cipher()
        .open(&row.tokens, &row.id_hash)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or_else(|| {
            GatewayError::Unauthorized(
                "Your session can no longer be read (the gateway's key changed); sign in again."
                    .to_owned(),
            )
        })
}

/// `POST /auth/logout`: ends the session (server-side and the cookie) and lands on `/`.
pub async fn logout(State(state): State<GatewayState>, jar: CookieJar) -> Response {
    let (session_cookie, _) = cookie_names(&state);
    if let Some(id) = jar.get(session_cookie)
        && let Err(error) = state.store().delete_session(&id_hash(id.value())).await
    {
        return GatewayError::from(error).into_response();
    }
    let jar = jar.add(removal(&state, session_cookie));
    (jar, Redirect::to("/")).into_response()
}

/// The signed-in user, as `GET /auth/session` shows them.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct User {
    /// Display name (`name` claim).
    pub name: String,
    /// Sign-in name or email (`email`, else `preferred_username`).
    pub email: String,
    /// Partner Center agent roles from the `roles` claim (`AdminAgents`, `SalesAgents`,
    /// `HelpdeskAgents`).
    pub roles: Vec<String>,
}

/// The answer of `GET /auth/session`: `{"signedIn": false}`, or who is signed in and the partner
/// profile the purchase rules need. Never a token.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SessionInfo {
    /// Whether this browser has a live session.
    pub signed_in: bool,
    /// The user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
    /// The Entra tenant ID (`tid`) of the partner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// Country and billing currency from Partner Center, and the qualification an Admin agent
    /// confirmed (`false` until then). `null` when Partner Center could not tell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<PartnerProfile>,
    /// Why `partner` is missing, in plain words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_error: Option<String>,
    /// Whether the user may confirm the perpetual-software qualification (an Admin agent).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub can_confirm_qualification: bool,
}

/// The live session of this request's cookie, if any.
async fn current(
    state: &GatewayState,
    jar: &CookieJar,
) -> Result<Option<SessionRow>, GatewayError> {
    let (session_cookie, _) = cookie_names(state);
    let Some(id) = jar.get(session_cookie) else {
        return Ok(None);
    };
    Ok(state.store().session(&id_hash(id.value())).await?)
}

/// The live session, or 401.
pub(crate) async fn require(
    state: &GatewayState,
    jar: &CookieJar,
) -> Result<SessionRow, GatewayError> {
    current(state, jar).await?.ok_or_else(|| {
        GatewayError::Unauthorized(
            "Not signed in, or the session has ended: sign in again (GET /auth/login).".to_owned(),
        )
    })
}

/// The partner key of partner settings: the tenant ID, or `default` for a provider without `tid`.
fn partner_key(row: &SessionRow) -> &str {
    row.tenant_id.as_deref().unwrap_or("default")
}

async fn partner_profile(
    state: &GatewayState,
    row: &SessionRow,
    facts: &PartnerFacts,
) -> Result<PartnerProfile, GatewayError> {
    let setting = state.store().partner_setting(partner_key(row)).await?;
    Ok(PartnerProfile {
        country: facts.country.clone(),
        billing_currency: facts.billing_currency.clone(),
        perpetual_software_qualified: setting.is_some_and(|s| s.perpetual_software_qualified),
    })
}

/// `GET /auth/session`.
pub async fn session(State(state): State<GatewayState>, jar: CookieJar) -> Response {
    match session_info(&state, &jar).await {
        Ok(info) => {
            let mut response = Json(info).into_response();
            response.headers_mut().insert(
                axum::http::header::CACHE_CONTROL,
                axum::http::HeaderValue::from_static("no-store"),
            );
            response
        }
        Err(error) => error.into_response(),
    }
}

async fn session_info(state: &GatewayState, jar: &CookieJar) -> Result<SessionInfo, GatewayError> {
    let Some(mut row) = current(state, jar).await? else {
        return Ok(SessionInfo::default());
    };
    let mut partner_error = None;
    // Partner Center could not tell at sign-in: ask again.
    if row.partner.is_none() {
        let token = access_token(state, &row).await?;
        match crate::partner::fetch_json(state, &token).await {
            Ok(facts) => {
                state.store().update_partner(&row.id_hash, &facts).await?;
                row.partner = Some(facts);
            }
            Err(reason) => partner_error = Some(reason),
        }
    }
    let partner = match row
        .partner
        .as_deref()
        .and_then(|p| serde_json::from_str::<PartnerFacts>(p).ok())
    {
        Some(facts) => Some(partner_profile(state, &row, &facts).await?),
        None => None,
    };
    Ok(SessionInfo {
        signed_in: true,
        user: Some(User {
            name: row.user_name.clone(),
            email: row.user_email.clone(),
            roles: row.roles.clone(),
        }),
        tenant_id: row.tenant_id.clone(),
        partner,
        partner_error,
        can_confirm_qualification: is_admin(&row),
    })
}

fn is_admin(row: &SessionRow) -> bool {
    row.roles.iter().any(|r| r == ADMIN_AGENT_ROLE)
}

/// Body of `PUT /auth/partner`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartnerUpdate {
    /// Whether Microsoft has qualified the partner to sell perpetual software.
    pub perpetual_software_qualified: bool,
}

/// `PUT /auth/partner` `{"perpetualSoftwareQualified": bool}`: an Admin agent confirms the
/// qualification for the whole partner (kept server-side). Answers the updated partner profile;
/// 403 for other roles, 401 without a session.
pub async fn partner_update(
    State(state): State<GatewayState>,
    jar: CookieJar,
    body: Result<Json<PartnerUpdate>, axum::extract::rejection::JsonRejection>,
) -> Response {
    let result = async {
        let row = require(&state, &jar).await?;
        let Json(update) = body.map_err(|e| GatewayError::BadRequest(e.body_text()))?;
        if !is_admin(&row) {
            return Err(GatewayError::Forbidden {
                code: NOT_ADMIN_CODE,
                description: "Only an Admin agent of the partner can confirm the perpetual-software qualification.".to_owned(),
            });
        }
        state
            .store()
            .set_partner_setting(
                partner_key(&row),
                &PartnerSetting {
                    perpetual_software_qualified: update.perpetual_software_qualified,
                },
                &row.user_email,
            )
            .await?;
        let info = session_info(&state, &jar).await?;
        info.partner.ok_or_else(|| {
            GatewayError::Upstream {
                status: StatusCode::BAD_GATEWAY,
                description: info.partner_error.unwrap_or_else(|| "Partner Center did not tell the partner's profile.".to_owned()),
            }
        })
    }
    .await;
    match result {
        Ok(profile) => Json(profile).into_response(),
        Err(error) => error.into_response(),
    }
}

/// One in-process lock per session, so that concurrent requests of one browser refresh once.
fn refresh_lock(session_hash: &str) -> Arc<tokio::sync::Mutex<()>> {
    static LOCKS: Mutex<Option<HashMap<String, Weak<tokio::sync::Mutex<()>>>>> = Mutex::new(None);
    let mut guard = LOCKS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let locks = guard.get_or_insert_with(HashMap::new);
    locks.retain(|_, weak| weak.strong_count() > 0);
    if let Some(lock) = locks.get(session_hash).and_then(Weak::upgrade) {
        return lock;
    }
    let lock = Arc::new(tokio::sync::Mutex::new(()));
    locks.insert(session_hash.to_owned(), Arc::downgrade(&lock));
    lock
}

/// The session's access token, refreshed first when it has less than
/// [`crate::Config::refresh_before`] left. Instances sharing a database refresh once: the
/// write is conditional on the version read, and a loser uses the winner's token.
///
/// # Errors
/// 401 (and the session ends) when the refresh is refused or the token cannot be read.
pub(crate) async fn access_token(
    state: &GatewayState,
    row: &SessionRow,
) -> Result<String, GatewayError> {
    let margin = i64::try_from(state.config().refresh_before.as_secs()).unwrap_or(300);
    if row.access_expires_at - now() > margin {
        return Ok(open_tokens(state, row)?.access_token);
    }
    let lock = refresh_lock(&row.id_hash);
    let _guard = lock.lock().await;
    let ended = || GatewayError::Unauthorized("Your session has ended; sign in again.".to_owned());
    // Another request (or instance) may have refreshed meanwhile.
    let row = state
        .store()
        .session(&row.id_hash)
        .await?
        .ok_or_else(ended)?;
    let tokens = open_tokens(state, &row)?;
    if row.access_expires_at - now() > margin {
        return Ok(tokens.access_token);
    }
    let Some(refresh_token) = tokens.refresh_token.as_deref() else {
        if row.access_expires_at > now() {
            return Ok(tokens.access_token);
        }
        state.store().delete_session(&row.id_hash).await?;
        return Err(GatewayError::Unauthorized(
            "Your sign-in has expired and cannot be renewed (no refresh token); sign in again."
                .to_owned(),
        ));
    };
    match state.provider().refresh(refresh_token).await {
        Ok(set) => {
            let fresh = Tokens {
                access_token: set.access_token,
                refresh_token: set.refresh_token,
            };
            let sealed = seal_tokens(state, &fresh, &row.id_hash)?;
            let expires_at = now() + i64::try_from(set.expires_in).unwrap_or(3600);
            if state
                .store()
                .update_tokens(&row.id_hash, row.version, &sealed, expires_at)
                .await?
            {
                Ok(fresh.access_token)
            } else {
                let winner = state
                    .store()
                    .session(&row.id_hash)
                    .await?
                    .ok_or_else(ended)?;
                Ok(open_tokens(state, &winner)?.access_token)
            }
        }
        Err(error) => {
            // Another instance may have rotated the refresh token first.
            if let Some(winner) = state.store().session(&row.id_hash).await?
                && winner.version != row.version
            {
                return Ok(open_tokens(state, &winner)?.access_token);
            }
            tracing::warn!(%error, "refresh refused; session ended");
            state.store().delete_session(&row.id_hash).await?;
            Err(GatewayError::Unauthorized(format!(
                "Your sign-in could not be renewed ({error}); sign in again."
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_to_stays_on_this_site() {
        assert_eq!(
            safe_return_to(Some("/customers/abc?x=1")),
            "/customers/abc?x=1"
        );
        assert_eq!(safe_return_to(Some("//evil.example/")), "/");
        assert_eq!(safe_return_to(Some("/\\evil.example")), "/");
        assert_eq!(safe_return_to(Some("https://evil.example/")), "/");
        assert_eq!(safe_return_to(Some("/auth/logout")), "/");
        assert_eq!(safe_return_to(Some("/a\nb")), "/");
        assert_eq!(safe_return_to(None), "/");
    }

    #[test]
    fn signed_out_session_says_only_that() {
        let json = serde_json::to_value(SessionInfo::default()).unwrap_or_default();
        assert_eq!(json, serde_json::json!({"signedIn": false}));
    }
}
