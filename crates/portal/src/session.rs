//! The signed-in session: which tenant, and the pc-client `Client` its calls go through.

use leptos::prelude::*;
use pc_client::journal::LocalStorageJournal;
use pc_client::transport::BrowserTransport;
use pc_client::{Client, StaticToken};

use crate::i18n::Locale;

/// Key of the checkout journal in `localStorage`.
pub const JOURNAL_KEY: &str = "pc-portal.checkout-journal";

/// A signed-in partner.
#[derive(Clone)]
pub struct Session {
    /// Tenant short name, e.g. `contoso`.
    pub tenant: String,
    /// The client, authenticated as the tenant.
    pub client: Client<BrowserTransport>,
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

    /// The current session, if signed in.
    pub fn get(&self) -> Option<Session> {
        self.tenant.track();
        self.session.get_value()
    }

    /// Signs in as `tenant` with `token`, for the current `locale`.
    pub fn sign_in(&self, tenant: String, token: String, locale: Locale) {
        let client = Client::builder("", BrowserTransport, StaticToken(token))
            .locale(locale.tag())
            .journal(LocalStorageJournal::new(JOURNAL_KEY))
            .build();
        self.session.set_value(Some(Session {
            tenant: tenant.clone(),
            client,
        }));
        self.tenant.set(Some(tenant));
    }

    /// Signs out.
    pub fn sign_out(&self) {
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
