//! `POST /{tenant}/oauth2/v2.0/token`, form-encoded, as Microsoft Entra ID answers it:
//!
//! * `grant_type=authorization_code` — `code`, `redirect_uri` (as sent to the authorize
//!   endpoint), `code_verifier` (PKCE S256, required);
//! * `grant_type=refresh_token` — `refresh_token`; refresh tokens are opaque, live 24 hours and
//!   are rotated on every use (the old one stops working);
//! * `grant_type=client_credentials` — `scope=https://api.partnercenter.microsoft.com/.default`;
//!   an app-only token;
//! * `grant_type=password` — `username`, `password`, `scope` (resource owner password
//!   credentials, which Entra ID also supports): App+User tokens without a browser.
//!
//! Clients authenticate with `client_secret_basic` (HTTP Basic, id and secret form-urlencoded)
//! or `client_secret_post`. Errors are `{"error", "error_description"}` with an AADSTS code.
//! Every token is RS256 with the sandbox's key ([`crate::keys`]) and issuer
//! `{base}/{tenant-id}/v2.0`.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sqlx::Row as _;

use crate::AppState;
use crate::auth::AUDIENCE;
use crate::error::AppError;
use crate::keys::{random_token, sha256_b64url};
use crate::oidc::{base_url, issuer, oauth_error};
use crate::store::now_ms;
use crate::tenants::{self, DEMO_PASSWORD, Partner, User};

/// The scope of app-only tokens.
pub(crate) const APP_SCOPE: &str = "https://api.partnercenter.microsoft.com/.default";
/// Partner Center's delegated scope.
pub(crate) const USER_IMPERSONATION: &str =
    "https://api.partnercenter.microsoft.com/user_impersonation";
/// Scopes a user grant may ask for.
pub(crate) const SCOPES_SUPPORTED: [&str; 6] = [
    "openid",
    "profile",
    "email",
    "offline_access",
    USER_IMPERSONATION,
    APP_SCOPE,
];
/// Lifetime of refresh tokens.
const REFRESH_LIFETIME_MS: i64 = 24 * 60 * 60 * 1000;

/// Form body of the token endpoint (every grant's fields).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct TokenForm {
    grant_type: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    scope: Option<String>,
    code: Option<String>,
    redirect_uri: Option<String>,
    code_verifier: Option<String>,
    refresh_token: Option<String>,
    username: Option<String>,
    password: Option<String>,
}

/// The granted scope string of a user grant, or why `scope` is refused: it must hold Partner
/// Center's `user_impersonation` (or `.default`, granted as `user_impersonation`); `openid`,
/// `profile`, `email` and `offline_access` may come with it.
pub(crate) fn user_scope(scope: Option<&str>) -> Result<String, String> {
    let mut granted: Vec<&str> = Vec::new();
    for item in scope.unwrap_or_default().split_whitespace() {
        let item = if item == APP_SCOPE {
            USER_IMPERSONATION
        } else if SCOPES_SUPPORTED.contains(&item) {
            item
        } else {
            return Err(format!(
                "AADSTS70011: The provided value for the input parameter 'scope' is not valid: '{item}' is not a scope of this resource. Ask for {USER_IMPERSONATION} (with openid profile email offline_access as needed)."
            ));
        };
        if !granted.contains(&item) {
            granted.push(item);
        }
    }
    if !granted.contains(&USER_IMPERSONATION) {
        return Err(format!(
            "AADSTS70011: The scope must include {USER_IMPERSONATION} (Partner Center App+User)."
        ));
    }
    Ok(granted.join(" "))
}

/// Client ID and secret from `Authorization: Basic` (form-urlencoded, RFC 6749 §2.3.1) or the
/// form; `None` when the Basic header is malformed.
fn client_credentials(headers: &HeaderMap, form: &TokenForm) -> Option<(String, String)> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Some((
            form.client_id.clone().unwrap_or_default(),
            form.client_secret.clone().unwrap_or_default(),
        ));
    };
    let (scheme, encoded) = value.to_str().ok()?.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let decoded = String::from_utf8(decoded).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    let unescape = |text: &str| {
        percent_encoding::percent_decode_str(&text.replace('+', " "))
            .decode_utf8()
            .ok()
            .map(|t| t.into_owned())
    };
    Some((unescape(id)?, unescape(secret)?))
}

fn invalid_grant(description: &str) -> Response {
    oauth_error(StatusCode::BAD_REQUEST, "invalid_grant", description)
}

/// `POST /{tenant}/oauth2/v2.0/token`.
pub(crate) async fn token_create(
    State(state): State<AppState>,
    Path(tenant): Path<String>,
    headers: HeaderMap,
    form: Result<Form<TokenForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "AADSTS900144: The body must be form-encoded (application/x-www-form-urlencoded) with grant_type and the grant's parameters.",
        );
    };
    let Some(partner) = tenants::partner(&tenant) else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_tenant",
            &format!(
                "AADSTS90002: Tenant '{tenant}' not found. The sandbox's tenants are contoso and fabrikam."
            ),
        );
    };
    let grant_type = form.grant_type.as_deref().unwrap_or_default();
    if !matches!(
        grant_type,
        "authorization_code" | "refresh_token" | "client_credentials" | "password"
    ) {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "AADSTS70003: grant_type must be authorization_code, refresh_token, client_credentials or password.",
        );
    }
    let Some((client_id, secret)) = client_credentials(&headers, &form) else {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "AADSTS7000216: The Authorization header is not HTTP Basic with a form-urlencoded client_id:client_secret.",
        );
    };
    let client = tenants::client(partner, &client_id)
        .filter(|kind| tenants::client_secret(partner, *kind) == secret);
    if client.is_none() {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            &format!(
                "AADSTS7000215: Invalid client_id or client_secret for tenant '{}'.",
                partner.tenant
            ),
        );
    };
    let issued = Issuer {
        state: &state,
        base: base_url(&headers),
        partner,
        client_id: &client_id,
    };
    let result = match grant_type {
        "client_credentials" => {
            if form.scope.as_deref().map(str::trim) != Some(APP_SCOPE) {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_scope",
                    &format!("AADSTS1002012: The scope must be {APP_SCOPE}."),
                );
            }
            issued.app()
        }
        "password" => {
            let scope = match user_scope(form.scope.as_deref()) {
                Ok(scope) => scope,
                Err(description) => {
                    return oauth_error(StatusCode::BAD_REQUEST, "invalid_scope", &description);
                }
            };
            let user = tenants::user(form.username.as_deref().unwrap_or_default()).filter(|u| {
                form.password.as_deref() == Some(DEMO_PASSWORD) && u.tenant_id == partner.tenant_id
            });
            let Some(user) = user else {
                return invalid_grant(
                    "AADSTS50126: Error validating credentials due to invalid username or password.",
                );
            };
            issued.user(user, &scope, &["pwd"], None).await
        }
        "authorization_code" => redeem_code(&issued, &form).await,
        _ => redeem_refresh_token(&issued, &form).await,
    };
    match result {
        Ok(body) => (
            StatusCode::OK,
            [(header::CACHE_CONTROL, "no-store")],
            Json(body),
        )
            .into_response(),
        Err(TokenError::Response(response)) => *response,
        Err(TokenError::Internal(error)) => error.into_response(),
    }
}

/// Why a grant produced no tokens.
enum TokenError {
    /// An OAuth error answer.
    Response(Box<Response>),
    /// A failure of the sandbox itself.
    Internal(AppError),
}

/// An OAuth error answer as a [`TokenError`].
fn refuse(response: Response) -> TokenError {
    TokenError::Response(Box::new(response))
}

impl From<AppError> for TokenError {
    fn from(error: AppError) -> Self {
        Self::Internal(error)
    }
}

impl From<sqlx::Error> for TokenError {
    fn from(error: sqlx::Error) -> Self {
        Self::Internal(AppError::from(error))
    }
}

async fn redeem_code(issued: &Issuer<'_>, form: &TokenForm) -> Result<Value, TokenError> {
    let Some(code) = form.code.as_deref().filter(|c| !c.is_empty()) else {
        return Err(refuse(oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "AADSTS900144: The request body must contain the parameter 'code'.",
        )));
    };
    // Single use: the code is deleted whether or not the rest of the request is right.
    let row = sqlx::query(
        "DELETE FROM authorization_codes WHERE code_hash = $1 RETURNING client_id, redirect_uri, user_name, nonce, scope, code_challenge, expires_at",
    )
    .bind(sha256_b64url(code))
    .fetch_optional(issued.state.store().pool())
    .await?;
    let Some(row) = row else {
        return Err(refuse(invalid_grant(
            "AADSTS54005: The authorization code is unknown or was already redeemed.",
        )));
    };
    let client_id: String = row.try_get("client_id")?;
    let redirect_uri: String = row.try_get("redirect_uri")?;
    let user_name: String = row.try_get("user_name")?;
    let nonce: Option<String> = row.try_get("nonce")?;
    let scope: String = row.try_get("scope")?;
    let challenge: String = row.try_get("code_challenge")?;
    let expires_at: i64 = row.try_get("expires_at")?;
    if expires_at < now_ms() {
        return Err(refuse(invalid_grant(
            "AADSTS70008: The authorization code has expired. Sign in again.",
        )));
    }
    if client_id != issued.client_id {
        return Err(refuse(invalid_grant(
            "AADSTS70000: The authorization code was issued to another client.",
        )));
    }
    if form.redirect_uri.as_deref() != Some(redirect_uri.as_str()) {
        return Err(refuse(invalid_grant(
            "AADSTS70000: redirect_uri does not match the one the code was issued for.",
        )));
    }
    let verifier = form.code_verifier.as_deref().unwrap_or_default();
    if verifier.is_empty() || sha256_b64url(verifier) != challenge {
        return Err(refuse(invalid_grant(
            "AADSTS50148: The code_verifier does not match the code_challenge supplied in the authorization request (PKCE S256).",
        )));
    }
    let Some(user) = tenants::user(&user_name) else {
        return Err(refuse(invalid_grant(
            "AADSTS50034: The user account does not exist.",
        )));
    };
    issued.user(user, &scope, user.amr, nonce.as_deref()).await
}

async fn redeem_refresh_token(issued: &Issuer<'_>, form: &TokenForm) -> Result<Value, TokenError> {
    let Some(token) = form.refresh_token.as_deref().filter(|t| !t.is_empty()) else {
        return Err(refuse(oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "AADSTS900144: The request body must contain the parameter 'refresh_token'.",
        )));
    };
    // Rotation: the token is deleted on use; the answer carries its successor.
    let row = sqlx::query(
        "DELETE FROM refresh_tokens WHERE token_hash = $1 RETURNING client_id, user_name, scope, amr, expires_at",
    )
    .bind(sha256_b64url(token))
    .fetch_optional(issued.state.store().pool())
    .await?;
    let Some(row) = row else {
        return Err(refuse(invalid_grant(
            "AADSTS70043: The refresh token is unknown, was already used, or has been revoked. Sign in again.",
        )));
    };
    let client_id: String = row.try_get("client_id")?;
    let user_name: String = row.try_get("user_name")?;
    let scope: String = row.try_get("scope")?;
    let amr: String = row.try_get("amr")?;
    let expires_at: i64 = row.try_get("expires_at")?;
    if expires_at < now_ms() {
        return Err(refuse(invalid_grant(
            "AADSTS700082: The refresh token has expired. Sign in again.",
        )));
    }
    if client_id != issued.client_id {
        return Err(refuse(invalid_grant(
            "AADSTS700024: The refresh token was issued to another client.",
        )));
    }
    let Some(user) = tenants::user(&user_name) else {
        return Err(refuse(invalid_grant(
            "AADSTS50034: The user account does not exist.",
        )));
    };
    let amr: Vec<&str> = amr.split_whitespace().collect();
    issued.user(user, &scope, &amr, None).await
}

fn now_seconds() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0)
}

/// A GUID derived from `seed` (stable object IDs for app clients, pairwise subjects).
fn stable_guid(seed: &str) -> String {
    let digest = sha256_b64url(seed);
    let bytes = digest.as_bytes();
    let mut raw = [0u8; 16];
    for (i, b) in raw.iter_mut().enumerate() {
        *b = bytes.get(i).copied().unwrap_or(0) ^ bytes.get(i + 16).copied().unwrap_or(0);
    }
    uuid::Builder::from_random_bytes(raw)
        .into_uuid()
        .to_string()
}

/// Access token claims (App+User and app-only).
#[derive(Debug, Serialize)]
struct AccessClaims<'a> {
    iss: &'a str,
    aud: &'a str,
    tid: &'a str,
    oid: &'a str,
    sub: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    preferred_username: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scp: Option<&'a str>,
    roles: &'a [&'a str],
    #[serde(skip_serializing_if = "Option::is_none")]
    idtyp: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    amr: &'a [&'a str],
    appid: &'a str,
    azp: &'a str,
    iat: u64,
    nbf: u64,
    exp: u64,
}

/// ID token claims.
#[derive(Debug, Serialize)]
struct IdClaims<'a> {
    iss: &'a str,
    aud: &'a str,
    sub: &'a str,
    oid: &'a str,
    tid: &'a str,
    name: &'a str,
    preferred_username: &'a str,
    email: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    nonce: Option<&'a str>,
    amr: &'a [&'a str],
    roles: &'a [&'a str],
    iat: u64,
    nbf: u64,
    exp: u64,
}

/// Issues tokens of one request.
struct Issuer<'a> {
    state: &'a AppState,
    base: String,
    partner: &'static Partner,
    client_id: &'a str,
}

impl Issuer<'_> {
    fn lifetime(&self) -> u64 {
        self.state.config().token_lifetime.as_secs()
    }

    /// An app-only token: `roles: []`, `idtyp: "app"`, no `scp`.
    fn app(&self) -> Result<Value, TokenError> {
        let iat = now_seconds();
        let iss = issuer(&self.base, self.partner);
        let oid = stable_guid(&format!(
            "app:{}:{}",
            self.partner.tenant_id, self.client_id
        ));
        let claims = AccessClaims {
            iss: &iss,
            aud: AUDIENCE,
            tid: self.partner.tenant_id,
            oid: &oid,
            sub: &oid,
            name: None,
            preferred_username: None,
            scp: None,
            roles: &[],
            idtyp: Some("app"),
            amr: &[],
            appid: self.client_id,
            azp: self.client_id,
            iat,
            nbf: iat,
            exp: iat + self.lifetime(),
        };
        let access_token = self.state.signing_key().sign(&claims)?;
        Ok(json!({
            "token_type": "Bearer",
            "expires_in": self.lifetime(),
            "ext_expires_in": self.lifetime(),
            "scope": APP_SCOPE,
            "access_token": access_token,
        }))
    }

    /// App+User tokens for `user`: access token, refresh token (stored), and an ID token when
    /// `scope` has `openid`.
    async fn user(
        &self,
        user: &User,
        scope: &str,
        amr: &[&str],
        nonce: Option<&str>,
    ) -> Result<Value, TokenError> {
        let iat = now_seconds();
        let exp = iat + self.lifetime();
        let iss = issuer(&self.base, self.partner);
        // Pairwise subject, as Entra ID: stable per user and application.
        let sub = sha256_b64url(&format!("{}:{}", user.oid, self.client_id));
        let access = AccessClaims {
            iss: &iss,
            aud: AUDIENCE,
            tid: self.partner.tenant_id,
            oid: user.oid,
            sub: &sub,
            name: Some(user.name),
            preferred_username: Some(user.username),
            scp: Some("user_impersonation"),
            roles: user.roles,
            idtyp: None,
            amr,
            appid: self.client_id,
            azp: self.client_id,
            iat,
            nbf: iat,
            exp,
        };
        let access_token = self.state.signing_key().sign(&access)?;
        let refresh_token = random_token();
        sqlx::query(
            "INSERT INTO refresh_tokens (token_hash, client_id, user_name, scope, amr, expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(sha256_b64url(&refresh_token))
        .bind(self.client_id)
        .bind(user.username)
        .bind(scope)
        .bind(amr.join(" "))
        .bind(now_ms() + REFRESH_LIFETIME_MS)
        .execute(self.state.store().pool())
        .await?;
        let mut body = json!({
            "token_type": "Bearer",
            "expires_in": self.lifetime(),
            "ext_expires_in": self.lifetime(),
            "scope": scope,
            "access_token": access_token,
            "refresh_token": refresh_token,
        });
        if scope.split_whitespace().any(|s| s == "openid") {
            let id = IdClaims {
                iss: &iss,
                aud: self.client_id,
                sub: &sub,
                oid: user.oid,
                tid: self.partner.tenant_id,
                name: user.name,
                preferred_username: user.username,
                email: user.username,
                nonce,
                amr,
                roles: user.roles,
                iat,
                nbf: iat,
                exp,
            };
            body["id_token"] = Value::String(self.state.signing_key().sign(&id)?);
        }
        Ok(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_scopes_need_partner_center_and_map_default() {
        assert_eq!(
            user_scope(Some(
                "openid https://api.partnercenter.microsoft.com/.default"
            ))
            .as_deref(),
            Ok("openid https://api.partnercenter.microsoft.com/user_impersonation")
        );
        assert!(user_scope(Some("openid profile")).is_err());
        assert!(user_scope(None).is_err());
        assert!(
            user_scope(Some(&format!(
                "{USER_IMPERSONATION} https://graph.microsoft.com/.default"
            )))
            .is_err()
        );
    }

    #[test]
    fn basic_credentials_are_form_urlencoded() {
        let mut headers = HeaderMap::new();
        let encoded = base64::engine::general_purpose::STANDARD.encode("my%20app:s%3Acret+x");
        headers.insert(
            header::AUTHORIZATION,
            format!("Basic {encoded}")
                .parse()
                .unwrap_or_else(|_| unreachable!()),
        );
        assert_eq!(
            client_credentials(&headers, &TokenForm::default()),
            Some(("my app".to_owned(), "s:cret x".to_owned()))
        );
        headers.insert(
            header::AUTHORIZATION,
            header::HeaderValue::from_static("Basic !!"),
        );
        assert_eq!(client_credentials(&headers, &TokenForm::default()), None);
    }
}
