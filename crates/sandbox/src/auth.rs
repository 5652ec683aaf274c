//! Identity: the token endpoint `POST /{tenant}/oauth2/v2.0/token` (client-credentials grant,
//! as Microsoft Entra ID issues Partner Center tokens) and the bearer check every `/v1` call
//! passes. Tokens are HS256 JWTs signed with a key kept in the database, so they survive a
//! restart, and expire after [`crate::Config::token_lifetime`].

use axum::extract::{FromRequestParts, Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Form, Json, Router};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::error::AppError;
use crate::tenants::{self, Partner};

/// The only scope the token endpoint grants.
pub(crate) const SCOPE: &str = "https://api.partnercenter.microsoft.com/.default";
/// Audience written into tokens.
const AUDIENCE: &str = "https://api.partnercenter.microsoft.com";
/// Issuer written into tokens.
const ISSUER: &str = "pc-sandbox";

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/{tenant}/oauth2/v2.0/token", post(token_create))
}

/// Form body of the client-credentials grant.
#[derive(Debug, Deserialize)]
pub(crate) struct TokenRequest {
    grant_type: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    scope: Option<String>,
}

/// `{"token_type":"Bearer","expires_in":3600,"access_token":"…"}`.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct TokenResponse {
    token_type: String,
    expires_in: u64,
    access_token: String,
}

/// Claims of an issued token.
#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    iss: String,
    aud: String,
    /// Partner tenant ID.
    tid: String,
    /// Client (application) ID.
    appid: String,
    iat: u64,
    exp: u64,
}

/// Entra ID–style OAuth error: `{"error": "...", "error_description": "..."}`.
fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    (
        status,
        Json(serde_json::json!({ "error": error, "error_description": description })),
    )
        .into_response()
}

/// `POST /{tenant}/oauth2/v2.0/token`, form-encoded `grant_type=client_credentials`,
/// `client_id`, `client_secret`, `scope=https://api.partnercenter.microsoft.com/.default`.
async fn token_create(
    State(state): State<AppState>,
    Path(tenant): Path<String>,
    form: Result<Form<TokenRequest>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "The body must be form-encoded: grant_type, client_id, client_secret, scope.",
        );
    };
    let Some(partner) = tenants::partner(&tenant) else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_tenant",
            &format!(
                "Tenant '{tenant}' not found. The sandbox's tenants are contoso and fabrikam."
            ),
        );
    };
    if form.grant_type.as_deref() != Some("client_credentials") {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "Only grant_type=client_credentials is supported.",
        );
    }
    if form.scope.as_deref().map(str::trim) != Some(SCOPE) {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_scope",
            &format!("The scope must be {SCOPE}."),
        );
    }
    let credentials_match = form.client_id.as_deref() == Some(partner.client_id)
        && form.client_secret.as_deref() == Some(partner.client_secret);
    if !credentials_match {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            &format!(
                "Invalid client_id or client_secret for tenant '{}'.",
                partner.tenant
            ),
        );
    }
    match issue(&state, partner) {
        Ok(response) => Json(response).into_response(),
        Err(error) => error.into_response(),
    }
}

fn now_seconds() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0)
}

/// Issues a token for `partner`.
pub(crate) fn issue(state: &AppState, partner: &Partner) -> Result<TokenResponse, AppError> {
    let lifetime = state.config().token_lifetime.as_secs();
    let iat = now_seconds();
    let claims = Claims {
        iss: ISSUER.to_owned(),
        aud: AUDIENCE.to_owned(),
        tid: partner.tenant_id.to_owned(),
        appid: partner.client_id.to_owned(),
        iat,
        exp: iat + lifetime,
    };
    let token = jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(state.signing_key()),
    )
    .map_err(AppError::internal)?;
    Ok(TokenResponse {
        token_type: "Bearer".to_owned(),
        expires_in: lifetime,
        access_token: token,
    })
}

/// The authenticated caller of a `/v1` request: the partner its token names.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Caller {
    pub(crate) partner: &'static Partner,
}

/// Checks the `Authorization: Bearer …` header.
///
/// # Errors
/// 401 with `800001` when the header is missing, `400` "Access denied" when the token is
/// malformed, badly signed, expired or names an unknown tenant.
pub(crate) fn authenticate(parts: &Parts, state: &AppState) -> Result<Caller, AppError> {
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
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_audience(&[AUDIENCE]);
    validation.set_issuer(&[ISSUER]);
    validation.leeway = 0;
    let data = jsonwebtoken::decode::<Claims>(
        token,
        &DecodingKey::from_secret(state.signing_key()),
        &validation,
    )
    .map_err(|e| {
        let reason = match e.kind() {
            jsonwebtoken::errors::ErrorKind::ExpiredSignature => {
                "Access denied: the token has expired; request a new one."
            }
            _ => "Access denied: the token is not valid for this service.",
        };
        AppError::unauthorized(false, reason)
    })?;
    let partner = tenants::by_tenant_id(&data.claims.tid)
        .ok_or_else(|| AppError::unauthorized(false, "Access denied: unknown partner tenant."))?;
    Ok(Caller { partner })
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        if let Some(caller) = parts.extensions.get::<Caller>() {
            return Ok(*caller);
        }
        authenticate(parts, state)
    }
}
