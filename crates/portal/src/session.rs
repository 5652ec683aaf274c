//! The signed-in session: who the partner is, and the pc-client `Client` its calls go through.
//!
//! A session is either a sandbox demo tenant (the portal gets tokens with the tenant's demo
//! credentials) or a connection a host page supplies (a gateway URL and a token callback, see
//! [`SessionStore::connect`]). The demo session is remembered in `sessionStorage` so that a
//! reload — even in the middle of a checkout — comes back signed in and can resume the checkout
//! from the client's journal.

use std::rc::Rc;

use leptos::prelude::*;
use pc_client::journal::LocalStorageJournal;
use pc_client::transport::BrowserTransport;
use pc_client::{Client, TokenFn, TokenProvider};
use pc_core::rules::PartnerProfile;
use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

/// Key of the checkout journal in `localStorage`.
pub const JOURNAL_KEY: &str = "pc-portal.checkout-journal";
/// Key of the remembered demo session in `sessionStorage`.
const SESSION_KEY: &str = "pc-portal.session";

/// A signed-in partner.
#[derive(Clone)]
pub struct Session {
    /// Who is signed in, for display (a demo tenant such as `contoso`, or the host's label).
    pub tenant: String,
    /// The partner's profile as the purchase rules need it (country, billing currency,
    /// perpetual-software qualification).
    pub partner: PartnerProfile,
    /// The client, authenticated as the partner.
    pub client: Rc<Client<BrowserTransport>>,
}

/// What is remembered of a demo session across reloads (never a token).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RememberedSession {
    /// Demo tenant.
    pub tenant: String,
    /// Partner profile.
    pub partner: PartnerProfile,
}

/// The session store in context: the session itself (not `Send`) and a signal that changes with it.
#[derive(Clone, Copy)]
pub struct SessionStore {
    session: StoredValue<Option<Session>, LocalStorage>,
    /// The signed-in tenant, for reactive views.
    pub tenant: RwSignal<Option<String>>,
}

impl SessionStore {
    /// An empty store.
    pub fn new() -> Self {
        Self {
            session: StoredValue::new_local(None),
            tenant: RwSignal::new(None),
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

    /// Connects with a base URL (`""` for same origin, or a gateway) and a token provider.
    pub fn connect(
        &self,
        tenant: String,
        base_url: &str,
        tokens: impl TokenProvider + 'static,
        partner: PartnerProfile,
        locale: Locale,
    ) {
        let client = Client::builder(base_url, BrowserTransport, tokens)
            .locale(locale.tag())
            .journal(LocalStorageJournal::new(JOURNAL_KEY))
            .build();
        self.session.set_value(Some(Session {
            tenant: tenant.clone(),
            partner,
            client: Rc::new(client),
        }));
        self.tenant.set(Some(tenant));
    }

    /// Signs in as a sandbox demo tenant: tokens come from its demo credentials (a fresh one
    /// whenever Partner Center refuses the current one). Remembered for this browser tab.
    pub fn sign_in_demo(&self, tenant: String, partner: PartnerProfile, locale: Locale) {
        remember(Some(&RememberedSession {
            tenant: tenant.clone(),
            partner: partner.clone(),
        }));
        let token_tenant = tenant.clone();
        let tokens = TokenFn(move |_fresh| {
            let tenant = token_tenant.clone();
            async move { demo_token(&tenant).await }
        });
        self.connect(tenant, "", tokens, partner, locale);
    }

    /// Signs in again as the demo tenant remembered in this tab, if any.
    pub fn restore(&self, locale: Locale) -> bool {
        match remembered() {
            Some(session) => {
                self.sign_in_demo(session.tenant, session.partner, locale);
                true
            }
            None => false,
        }
    }

    /// Signs out and forgets the remembered session.
    pub fn sign_out(&self) {
        remember(None);
        self.session.set_value(None);
        self.tenant.set(None);
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

fn session_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

fn remembered() -> Option<RememberedSession> {
    let text = session_storage()?.get_item(SESSION_KEY).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

fn remember(session: Option<&RememberedSession>) {
    let Some(storage) = session_storage() else {
        return;
    };
    let _ = match session.and_then(|s| serde_json::to_string(s).ok()) {
        Some(text) => storage.set_item(SESSION_KEY, &text),
        None => storage.remove_item(SESSION_KEY),
    };
}

/// The profile of a sandbox demo tenant (pc-sandbox's seed: contoso is a US partner billed in
/// USD and qualified for perpetual software; fabrikam a Swedish partner billed in SEK, not
/// qualified).
pub fn demo_partner(tenant: &str) -> PartnerProfile {
    match tenant {
        "fabrikam" => PartnerProfile {
            country: "SE".to_owned(),
            billing_currency: "SEK".to_owned(),
            perpetual_software_qualified: false,
        },
        _ => PartnerProfile {
            country: "US".to_owned(),
            billing_currency: "USD".to_owned(),
            perpetual_software_qualified: true,
        },
    }
}

/// Asks the sandbox's token endpoint for a token with the tenant's demo credentials.
///
/// # Errors
/// A plain-words reason when the endpoint cannot be reached or refuses.
pub async fn demo_token(tenant: &str) -> Result<String, String> {
    let form = format!(
        "grant_type=client_credentials&client_id={tenant}-app&client_secret={tenant}-secret&scope=https%3A%2F%2Fapi.partnercenter.microsoft.com%2F.default"
    );
    let response = gloo_net::http::Request::post(&format!("/{tenant}/oauth2/v2.0/token"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form)
        .map_err(|e| e.to_string())?
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let body: serde_json::Value = response.json().await.map_err(|e| e.to_string())?;
    body["access_token"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| {
            body["error_description"]
                .as_str()
                .unwrap_or("no token")
                .to_owned()
        })
}
