//! The signed-in session: who is signed in, the partner profile the purchase rules use, and the
//! pc-client `Client` its calls go through.
//!
//! Two ways in:
//! - **Standalone**, served by pc-gateway: the portal asks the gateway `GET /auth/session`; the
//!   gateway signed the user in with Microsoft and holds the tokens, the browser holds only an
//!   HttpOnly session cookie. Calls go to `/v1` on the same origin with no `Authorization`
//!   header ([`CookieSession`]). Nothing about the session is kept in browser storage: a reload
//!   asks the gateway again. A `/v1` 401 means the gateway's session ended: the portal goes back
//!   to the sign-in page.
//! - **Embedded** in a host page, which supplies a base URL, a token callback and the partner
//!   profile ([`SessionStore::connect`], used by [`crate::embed::mount`]).

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use pc_client::journal::LocalStorageJournal;
use pc_client::transport::{
    BrowserTransport, HttpRequest, HttpResponse, Transport, TransportError,
};
use pc_client::{Client, CookieSession, TokenProvider};
use pc_core::models::ApiError;
use pc_core::rules::PartnerProfile;
use serde::Deserialize;

use crate::i18n::Locale;
use crate::state::CheckoutOutcome;
use crate::storage::Key;

/// The gateway's session endpoint.
pub const SESSION_PATH: &str = "/auth/session";
/// The gateway's sign-in endpoint (takes `return_to`).
pub const LOGIN_PATH: &str = "/auth/login";
/// The gateway's sign-out endpoint (a same-origin form POST).
pub const LOGOUT_PATH: &str = "/auth/logout";
/// The gateway's partner settings endpoint.
pub const PARTNER_PATH: &str = "/auth/partner";

/// The client type of the portal: the browser transport, watched for an ended session.
pub type PortalClient = Client<SessionTransport>;

/// A signed-in connection to Partner Center.
#[derive(Clone)]
pub struct Session {
    /// Shown as "signed in as" (the user's name, or the host's label when embedded).
    pub label: String,
    /// The client the portal's calls go through.
    pub client: Rc<PortalClient>,
}

/// The signed-in user as the gateway describes them.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Sign-in name (email).
    #[serde(default)]
    pub email: String,
    /// Partner Center roles, e.g. `SalesAgents`, `HelpdeskAgents`, `AdminAgents`.
    #[serde(default)]
    pub roles: Vec<String>,
}

/// `GET /auth/session`'s answer (never a token).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GatewaySession {
    /// Whether a user is signed in.
    #[serde(default)]
    pub signed_in: bool,
    /// The user, when signed in.
    #[serde(default)]
    pub user: Option<User>,
    /// The partner's Entra tenant ID.
    #[serde(default)]
    pub tenant_id: Option<String>,
    /// The partner's profile (from Partner Center and the gateway's partner settings), or
    /// `None` when it could not be read.
    #[serde(default)]
    pub partner: Option<PartnerProfile>,
    /// Why the partner profile could not be read (plain text), when `partner` is `None`.
    #[serde(default)]
    pub partner_error: Option<String>,
    /// Whether the user may confirm the perpetual-software qualification (an Admin agent).
    #[serde(default)]
    pub can_confirm_qualification: bool,
}

/// The signed-in user of a gateway session, for the header, the partner settings and
/// role-specific explanations.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Account {
    /// The user.
    pub user: User,
    /// The partner's Entra tenant ID.
    pub tenant_id: String,
    /// Why the partner profile could not be read, when it could not.
    pub partner_error: Option<String>,
    /// Whether the user may confirm the perpetual-software qualification.
    pub can_confirm_qualification: bool,
}

/// Where signing in stands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum AuthState {
    /// Asking the gateway whether a session exists.
    Checking,
    /// Signed in (or embedded: the host signed in): the pages are shown.
    #[default]
    Ready,
    /// Nobody signed in; `ended` when a session ended under the user (Partner Center or the
    /// gateway answered 401).
    SignedOut {
        /// The session ended while the portal was in use.
        ended: bool,
    },
    /// The gateway's session endpoint cannot be reached or answered nonsense (e.g. the portal
    /// is served without a gateway); the text says what happened.
    Unreachable(String),
}

/// The session store in context: the session itself (not `Send`) and signals that change with it.
#[derive(Clone, Copy)]
pub struct SessionStore {
    session: StoredValue<Option<Session>, LocalStorage>,
    /// The signed-in label, for reactive views.
    pub tenant: RwSignal<Option<String>>,
    /// The partner's profile for the purchase rules, when known.
    pub partner: RwSignal<Option<PartnerProfile>>,
    /// The gateway account (standalone only).
    pub account: RwSignal<Option<Account>>,
    /// Where signing in stands.
    pub auth: RwSignal<AuthState>,
}

impl SessionStore {
    /// An empty store, [`AuthState::Ready`] (as an embedded portal is).
    pub fn new() -> Self {
        Self {
            session: StoredValue::new_local(None),
            tenant: RwSignal::new(None),
            partner: RwSignal::new(None),
            account: RwSignal::new(None),
            auth: RwSignal::new(AuthState::Ready),
        }
    }

    /// The current session, if signed in (tracks sign-in and sign-out).
    pub fn get(&self) -> Option<Session> {
        self.tenant.track();
        self.session.get_value()
    }

    /// The current session without tracking it.
    pub fn session_untracked(&self) -> Option<Session> {
        self.session.get_value()
    }

    /// Partner Center's time now, as the responses' `Date` headers tell it (pc-client's
    /// `server_now`); the browser's clock without a session. Deadlines Partner Center set (a
    /// cancellation window) are compared with this.
    pub fn server_now(&self) -> chrono::DateTime<chrono::Utc> {
        self.session
            .with_value(|s| s.as_ref().map(|s| s.client.server_now()))
            .unwrap_or_else(crate::format::now)
    }

    /// The partner profile, when known (tracked).
    pub fn partner(&self) -> Option<PartnerProfile> {
        self.partner.get()
    }

    /// The signed-in user's Partner Center roles (empty when embedded).
    pub fn roles(&self) -> Vec<String> {
        self.account
            .with_untracked(|a| a.as_ref().map(|a| a.user.roles.clone()))
            .unwrap_or_default()
    }

    /// Connects with a base URL (`""` for same origin, or a gateway) and a token provider (the
    /// embedded portal: the host supplies both and the partner profile).
    pub fn connect(
        &self,
        label: String,
        base_url: &str,
        tokens: impl TokenProvider + 'static,
        partner: PartnerProfile,
        locale: Locale,
    ) {
        self.install(
            label,
            base_url,
            tokens,
            SessionTransport::default(),
            Some(partner),
            locale,
        );
        self.auth.set(AuthState::Ready);
    }

    fn install(
        &self,
        label: String,
        base_url: &str,
        tokens: impl TokenProvider + 'static,
        transport: SessionTransport,
        partner: Option<PartnerProfile>,
        locale: Locale,
    ) {
        let client = Client::builder(base_url, transport, tokens)
            .locale(locale.tag())
            .journal(LocalStorageJournal::new(Key::CheckoutJournal.name()))
            .build();
        self.session.set_value(Some(Session {
            label: label.clone(),
            client: Rc::new(client),
        }));
        self.partner.set(partner);
        self.tenant.set(Some(label));
    }

    /// Takes a signed-in gateway session: same-origin calls authenticated by the session
    /// cookie; a `/v1` 401 ends the session in the portal too.
    pub fn sign_in_gateway(&self, answer: GatewaySession, locale: Locale) {
        let user = answer.user.unwrap_or_default();
        let label = if user.name.trim().is_empty() {
            user.email.clone()
        } else {
            user.name.clone()
        };
        let store = *self;
        let transport = SessionTransport {
            on_unauthorized: Some(Rc::new(move || store.session_ended())),
        };
        self.account.set(Some(Account {
            user,
            tenant_id: answer.tenant_id.unwrap_or_default(),
            partner_error: answer
                .partner_error
                .filter(|_| answer.partner.is_none())
                .filter(|e| !e.trim().is_empty()),
            can_confirm_qualification: answer.can_confirm_qualification,
        }));
        self.install(label, "", CookieSession, transport, answer.partner, locale);
        self.auth.set(AuthState::Ready);
    }

    /// The gateway's session ended under the user (a `/v1` 401): back to sign-in, saying so.
    pub fn session_ended(&self) {
        if self.account.get_untracked().is_none() {
            return;
        }
        self.clear();
        self.auth.set(AuthState::SignedOut { ended: true });
    }

    fn clear(&self) {
        self.session.set_value(None);
        self.tenant.set(None);
        self.partner.set(None);
        self.account.set(None);
    }

    /// Asks the gateway for the session (`GET /auth/session`) and signs in with it, or shows
    /// the sign-in page; then resumes checkouts a reload interrupted.
    pub fn start_gateway(
        &self,
        locale: RwSignal<Locale>,
        last_checkout: RwSignal<Option<CheckoutOutcome>>,
    ) {
        self.auth.set(AuthState::Checking);
        let store = *self;
        spawn_local(async move {
            match fetch_session().await {
                Ok(answer) if answer.signed_in => {
                    store.sign_in_gateway(answer, locale.get_untracked());
                    crate::components::resume::resume_checkouts(store, last_checkout);
                }
                Ok(_) => {
                    store.clear();
                    store.auth.set(AuthState::SignedOut { ended: false });
                }
                Err(reason) => {
                    store.clear();
                    store.auth.set(AuthState::Unreachable(reason));
                }
            }
        });
    }

    /// Records the partner profile the gateway answered after a settings change.
    pub fn set_partner(&self, partner: PartnerProfile) {
        self.partner.set(Some(partner));
        self.account.update(|a| {
            if let Some(a) = a {
                a.partner_error = None;
            }
        });
    }
}

impl Default for SessionStore {
    fn default() -> Self {
        Self::new()
    }
}

/// The session store in context.
pub fn use_session() -> SessionStore {
    use_context::<SessionStore>().unwrap_or_default()
}

/// `GET /auth/session`.
///
/// # Errors
/// A plain-text reason (not translated: technical detail for the translated sentence around
/// it) when the endpoint cannot be reached or does not answer a session.
pub async fn fetch_session() -> Result<GatewaySession, String> {
    let response = gloo_net::http::Request::get(SESSION_PATH)
        .header("accept", "application/json")
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!(
            "GET {SESSION_PATH}: HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let text = response.text().await.map_err(|e| e.to_string())?;
    serde_json::from_slice::<GatewaySession>(text.as_bytes())
        .map_err(|e| format!("GET {SESSION_PATH}: not a session ({e})"))
}

/// Why `PUT /auth/partner` failed.
#[derive(Debug, Clone, PartialEq)]
pub enum PartnerUpdateError {
    /// The gateway refused (e.g. 403 for a user who is not an Admin agent).
    Refused {
        /// HTTP status.
        status: u16,
        /// Partner Center–style error code, when the body had one.
        code: Option<i64>,
        /// The body's description.
        description: String,
    },
    /// No usable answer.
    Failed(String),
}

/// `PUT /auth/partner` with the perpetual-software qualification; the updated profile.
///
/// # Errors
/// [`PartnerUpdateError`] when refused or unreachable.
pub async fn update_qualification(qualified: bool) -> Result<PartnerProfile, PartnerUpdateError> {
    let body = serde_json::json!({ "perpetualSoftwareQualified": qualified }).to_string();
    let response = gloo_net::http::Request::put(PARTNER_PATH)
        .header("accept", "application/json")
        .header("content-type", "application/json")
        .body(body)
        .map_err(|e| PartnerUpdateError::Failed(e.to_string()))?
        .send()
        .await
        .map_err(|e| PartnerUpdateError::Failed(e.to_string()))?;
    let status = response.status();
    let text = response
        .text()
        .await
        .map_err(|e| PartnerUpdateError::Failed(e.to_string()))?;
    if !response.ok() {
        let (code, description) = match serde_json::from_slice::<ApiError>(text.as_bytes()) {
            Ok(error) => (error.code.as_number(), error.description),
            Err(_) => (None, text.chars().take(500).collect()),
        };
        return Err(PartnerUpdateError::Refused {
            status,
            code,
            description,
        });
    }
    serde_json::from_slice::<PartnerProfile>(text.as_bytes())
        .map_err(|e| PartnerUpdateError::Failed(format!("PUT {PARTNER_PATH}: {e}")))
}

/// `/auth/login?return_to=<path>`: the gateway's sign-in, coming back to `path` (a same-site
/// path; anything else becomes `/`).
pub fn login_href(path: &str) -> String {
    let path = if path.starts_with('/') && !path.starts_with("//") {
        path
    } else {
        "/"
    };
    let encoded: String = js_sys::encode_uri_component(path).into();
    format!("{LOGIN_PATH}?return_to={encoded}")
}

/// The browser transport, telling the session when Partner Center (through the gateway) says
/// the session is not valid any more.
#[derive(Clone, Default)]
pub struct SessionTransport {
    on_unauthorized: Option<Rc<dyn Fn()>>,
}

impl Transport for SessionTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let response = BrowserTransport.send(request).await?;
        if response.status == 401
            && let Some(callback) = &self.on_unauthorized
        {
            callback();
        }
        Ok(response)
    }
}
