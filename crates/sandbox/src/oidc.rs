//! The Entra-shaped OpenID Connect identity provider, per partner tenant (`{tenant}` is the
//! short name or the tenant ID, case-insensitive):
//!
//! * `GET /{tenant}/v2.0/.well-known/openid-configuration` — discovery; the issuer is always
//!   `{base}/{tenant-id}/v2.0`, as Entra ID writes it, where `{base}` is `http://{Host}` of the
//!   request (`X-Forwarded-Proto` / `X-Forwarded-Host` honoured).
//! * `GET /{tenant}/discovery/v2.0/keys` — the JWKS with the sandbox's RS256 key.
//! * `GET|POST /{tenant}/oauth2/v2.0/authorize` — an accessible sign-in page listing the demo
//!   users; authorization code flow with PKCE S256 required.
//! * `POST /{tenant}/oauth2/v2.0/token` — [`crate::token`].

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Json, Router};
use reqwest::Url;
use serde::Deserialize;
use serde_json::json;

use crate::AppState;
use crate::error::AppError;
use crate::keys::{random_token, sha256_b64url};
use crate::store::now_ms;
use crate::tenants::{self, ClientKind, DEMO_PASSWORD, Partner};
use crate::{page, token};

/// How long an authorization code may be redeemed.
const CODE_LIFETIME_MS: i64 = 10 * 60 * 1000;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/{tenant}/v2.0/.well-known/openid-configuration",
            get(configuration_get),
        )
        .route("/{tenant}/discovery/v2.0/keys", get(keys_get))
        .route(
            "/{tenant}/oauth2/v2.0/authorize",
            get(authorize_get).post(authorize_post),
        )
        .route(
            "/{tenant}/oauth2/v2.0/token",
            axum::routing::post(token::token_create),
        )
}

/// `http(s)://host[:port]` of the request: `X-Forwarded-Proto` / `X-Forwarded-Host` when a
/// proxy sent them, else `http://{Host}`; `http://localhost` without a usable Host.
pub(crate) fn base_url(headers: &HeaderMap) -> String {
    let first = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    let proto = match first("x-forwarded-proto") {
        Some(p) if p.eq_ignore_ascii_case("https") => "https",
        _ => "http",
    };
    let host = first("x-forwarded-host")
        .or_else(|| first(header::HOST.as_str()))
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("localhost");
    format!("{proto}://{host}")
}

/// The issuer of `partner`'s tokens at `base`: `{base}/{tenant-id}/v2.0`.
pub(crate) fn issuer(base: &str, partner: &Partner) -> String {
    format!("{base}/{}/v2.0", partner.tenant_id)
}

/// Entra ID–style OAuth error: `{"error": "...", "error_description": "..."}`.
pub(crate) fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    (
        status,
        [(header::CACHE_CONTROL, "no-store")],
        Json(json!({ "error": error, "error_description": description })),
    )
        .into_response()
}

fn tenant_not_found(tenant: &str) -> Response {
    oauth_error(
        StatusCode::BAD_REQUEST,
        "invalid_tenant",
        &format!(
            "AADSTS90002: Tenant '{tenant}' not found. The sandbox's tenants are contoso and fabrikam."
        ),
    )
}

/// `GET /{tenant}/v2.0/.well-known/openid-configuration`.
async fn configuration_get(Path(tenant): Path<String>, headers: HeaderMap) -> Response {
    let Some(partner) = tenants::partner(&tenant) else {
        return tenant_not_found(&tenant);
    };
    let base = base_url(&headers);
    let guid = partner.tenant_id;
    Json(json!({
        "issuer": issuer(&base, partner),
        "authorization_endpoint": format!("{base}/{guid}/oauth2/v2.0/authorize"),
        "token_endpoint": format!("{base}/{guid}/oauth2/v2.0/token"),
        "jwks_uri": format!("{base}/{guid}/discovery/v2.0/keys"),
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "subject_types_supported": ["pairwise"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": token::SCOPES_SUPPORTED,
        "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
        "code_challenge_methods_supported": ["S256"],
        "grant_types_supported": ["authorization_code", "refresh_token", "client_credentials", "password"],
        "claims_supported": [
            "iss", "aud", "sub", "oid", "tid", "name", "preferred_username", "email", "nonce",
            "amr", "roles", "iat", "nbf", "exp"
        ],
        "tenant_region_scope": "NA",
        "cloud_instance_name": "pc-sandbox",
    }))
    .into_response()
}

/// `GET /{tenant}/discovery/v2.0/keys`: `{"keys":[{"kty":"RSA","use":"sig","alg":"RS256",…}]}`.
async fn keys_get(State(state): State<AppState>, Path(tenant): Path<String>) -> Response {
    if tenants::partner(&tenant).is_none() {
        return tenant_not_found(&tenant);
    }
    Json(json!({ "keys": [state.signing_key().jwk()] })).into_response()
}

/// Query (GET) or form (POST) of the authorize endpoint; the POST adds the credentials.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct AuthorizeParams {
    pub(crate) client_id: Option<String>,
    pub(crate) response_type: Option<String>,
    pub(crate) redirect_uri: Option<String>,
    pub(crate) scope: Option<String>,
    pub(crate) state: Option<String>,
    pub(crate) nonce: Option<String>,
    pub(crate) code_challenge: Option<String>,
    pub(crate) code_challenge_method: Option<String>,
    pub(crate) response_mode: Option<String>,
    pub(crate) login_hint: Option<String>,
    pub(crate) username: Option<String>,
    pub(crate) password: Option<String>,
}

impl AuthorizeParams {
    /// The authorize parameters to carry through the sign-in form, as (name, value).
    pub(crate) fn carried(&self) -> Vec<(&'static str, &str)> {
        [
            ("client_id", &self.client_id),
            ("response_type", &self.response_type),
            ("redirect_uri", &self.redirect_uri),
            ("scope", &self.scope),
            ("state", &self.state),
            ("nonce", &self.nonce),
            ("code_challenge", &self.code_challenge),
            ("code_challenge_method", &self.code_challenge_method),
            ("response_mode", &self.response_mode),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.as_deref().map(|v| (name, v)))
        .collect()
    }
}

/// Whether `uri` may receive codes: an `http` loopback URI (`127.0.0.1`, `localhost`, `[::1]`,
/// any port and path) or one given with `--redirect-uri`. Never one with a fragment.
fn redirect_allowed(state: &AppState, uri: &Url, raw: &str) -> bool {
    if uri.fragment().is_some() {
        return false;
    }
    if state.config().redirect_uris.iter().any(|r| r == raw) {
        return true;
    }
    let loopback = match uri.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    uri.scheme() == "http" && loopback
}

/// `redirect_uri` with `pairs` and `state` appended to its query: 303 See Other.
fn redirect_with(mut uri: Url, pairs: &[(&str, &str)], state: Option<&str>) -> Response {
    {
        let mut query = uri.query_pairs_mut();
        for (name, value) in pairs {
            query.append_pair(name, value);
        }
        if let Some(state) = state {
            query.append_pair("state", state);
        }
    }
    (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, uri.to_string()),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
    )
        .into_response()
}

/// An authorize request whose client and redirect URI are known good.
struct Checked {
    partner: &'static Partner,
    client_id: String,
    redirect_uri: Url,
    redirect_raw: String,
    scope: String,
    code_challenge: String,
}

/// Checks an authorize request. Unknown tenant, client or redirect URI → an error page (never a
/// redirect); anything else wrong → a redirect with `error` to the client. (The answer is the
/// whole of the unhappy path, so it is not boxed.)
#[allow(clippy::result_large_err)]
fn check(state: &AppState, tenant: &str, params: &AuthorizeParams) -> Result<Checked, Response> {
    let Some(partner) = tenants::partner(tenant) else {
        return Err(page::error(
            StatusCode::NOT_FOUND,
            &format!(
                "AADSTS90002: Tenant '{tenant}' not found. The sandbox's tenants are contoso and fabrikam."
            ),
        ));
    };
    let client_id = params.client_id.as_deref().unwrap_or_default();
    if tenants::client(partner, client_id) != Some(ClientKind::Portal) {
        return Err(page::error(
            StatusCode::BAD_REQUEST,
            &format!(
                "AADSTS700016: Application with identifier '{client_id}' was not found in the directory '{}'. The registered sign-in clients are {} and {}.",
                partner.name,
                tenants::CONTOSO.portal_client_id,
                tenants::FABRIKAM.portal_client_id
            ),
        ));
    }
    let raw = params.redirect_uri.as_deref().unwrap_or_default();
    let redirect_uri = match Url::parse(raw) {
        Ok(uri) if redirect_allowed(state, &uri, raw) => uri,
        _ => {
            return Err(page::error(
                StatusCode::BAD_REQUEST,
                &format!(
                    "AADSTS50011: The redirect URI '{raw}' specified in the request does not match the redirect URIs configured for the application '{client_id}'. Loopback http URIs and those given with --redirect-uri are allowed."
                ),
            ));
        }
    };
    let fail = |error: &str, description: &str| {
        redirect_with(
            redirect_uri.clone(),
            &[("error", error), ("error_description", description)],
            params.state.as_deref(),
        )
    };
    if params.response_type.as_deref() != Some("code") {
        return Err(fail(
            "invalid_request",
            "AADSTS900144: response_type must be 'code' (authorization code flow).",
        ));
    }
    if params
        .response_mode
        .as_deref()
        .is_some_and(|m| m != "query")
    {
        return Err(fail(
            "invalid_request",
            "AADSTS900144: response_mode must be 'query'.",
        ));
    }
    let challenge = params.code_challenge.as_deref().unwrap_or_default();
    let challenge_ok = challenge.len() == 43
        && challenge
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !challenge_ok {
        return Err(fail(
            "invalid_request",
            "AADSTS9002325: Proof Key for Code Exchange is required: send code_challenge (the base64url SHA-256 of the code_verifier, 43 characters) and code_challenge_method=S256.",
        ));
    }
    if params.code_challenge_method.as_deref() != Some("S256") {
        return Err(fail(
            "invalid_request",
            "AADSTS50148: code_challenge_method must be S256.",
        ));
    }
    let scope = match token::user_scope(params.scope.as_deref()) {
        Ok(scope) => scope,
        Err(description) => return Err(fail("invalid_scope", &description)),
    };
    Ok(Checked {
        partner,
        client_id: client_id.to_owned(),
        redirect_uri,
        redirect_raw: raw.to_owned(),
        scope,
        code_challenge: challenge.to_owned(),
    })
}

/// `GET /{tenant}/oauth2/v2.0/authorize`: the sign-in page.
async fn authorize_get(
    State(state): State<AppState>,
    Path(tenant): Path<String>,
    params: Result<Query<AuthorizeParams>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Ok(Query(params)) = params else {
        return page::error(
            StatusCode::BAD_REQUEST,
            "The sign-in request's parameters cannot be read.",
        );
    };
    match check(&state, &tenant, &params) {
        Ok(checked) => page::sign_in(StatusCode::OK, checked.partner, &params, None),
        Err(response) => response,
    }
}

/// `POST /{tenant}/oauth2/v2.0/authorize`: checks the credentials; on success 303 to
/// `redirect_uri?code=…&state=…`, else the page again with the reason.
async fn authorize_post(
    State(state): State<AppState>,
    Path(tenant): Path<String>,
    form: Result<Form<AuthorizeParams>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Ok(Form(params)) = form else {
        return page::error(
            StatusCode::BAD_REQUEST,
            "The sign-in form's fields cannot be read.",
        );
    };
    let checked = match check(&state, &tenant, &params) {
        Ok(checked) => checked,
        Err(response) => return response,
    };
    let username = params.username.as_deref().unwrap_or_default();
    let password = params.password.as_deref().unwrap_or_default();
    let user = tenants::user(username)
        .filter(|u| password == DEMO_PASSWORD && u.tenant_id == checked.partner.tenant_id);
    let Some(user) = user else {
        return page::sign_in(
            StatusCode::UNAUTHORIZED,
            checked.partner,
            &params,
            Some(&format!(
                "Wrong email or password, or the account does not belong to {}.",
                checked.partner.name
            )),
        );
    };
    let code = random_token();
    let now = now_ms();
    let stored = async {
        let pool = state.store().pool();
        sqlx::query("DELETE FROM authorization_codes WHERE expires_at < $1")
            .bind(now)
            .execute(pool)
            .await?;
        sqlx::query(
            "INSERT INTO authorization_codes (code_hash, client_id, redirect_uri, user_name, nonce, scope, code_challenge, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(sha256_b64url(&code))
        .bind(&checked.client_id)
        .bind(&checked.redirect_raw)
        .bind(user.username)
        .bind(params.nonce.as_deref())
        .bind(&checked.scope)
        .bind(&checked.code_challenge)
        .bind(now + CODE_LIFETIME_MS)
        .execute(pool)
        .await
    }
    .await;
    if let Err(error) = stored {
        return AppError::internal(error).into_response();
    }
    redirect_with(
        checked.redirect_uri,
        &[("code", &code)],
        params.state.as_deref(),
    )
}
