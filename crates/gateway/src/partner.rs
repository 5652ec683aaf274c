//! The partner profile the purchase rules need, read from Partner Center itself with the signed-in
//! user's token: the country from the legal business profile (`GET /v1/profiles/legalbusiness`,
//! its `address.country`) and the billing currency from the current account balance
//! (`GET /v1/invoices/summary`, its `currencyCode`). The perpetual-software qualification is not
//! in any API: an Admin agent confirms it ([`crate::store::PartnerSetting`]).

use serde::{Deserialize, Serialize};

use crate::GatewayState;

/// What Partner Center tells of the partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PartnerFacts {
    /// ISO 3166 two-letter country of the partner's legal business address.
    pub(crate) country: String,
    /// ISO 4217 currency of the partner's account balance.
    pub(crate) billing_currency: String,
}

#[derive(Deserialize)]
struct LegalBusinessProfile {
    address: Option<Address>,
}

#[derive(Deserialize)]
struct Address {
    country: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct InvoiceSummary {
    currency_code: Option<String>,
}

/// Reads the partner's country and billing currency with `access_token`.
///
/// # Errors
/// A plain sentence naming the Partner Center call that failed and how.
pub(crate) async fn fetch(
    state: &GatewayState,
    access_token: &str,
) -> Result<PartnerFacts, String> {
    let profile: LegalBusinessProfile = get(
        state,
        access_token,
        "profiles/legalbusiness",
        "legal business profile",
    )
    .await?;
    let country = profile
        .address
        .and_then(|a| a.country)
        .filter(|c| c.len() == 2)
        .ok_or(
            "Partner Center's legal business profile has no two-letter country in its address",
        )?;
    let summary: InvoiceSummary =
        get(state, access_token, "invoices/summary", "account balance").await?;
    let billing_currency = summary
        .currency_code
        .filter(|c| c.len() == 3)
        .ok_or("Partner Center's account balance names no currency")?;
    Ok(PartnerFacts {
        country: country.to_ascii_uppercase(),
        billing_currency: billing_currency.to_ascii_uppercase(),
    })
}

async fn get<T: for<'de> Deserialize<'de>>(
    state: &GatewayState,
    access_token: &str,
    path: &str,
    what: &str,
) -> Result<T, String> {
    let mut url = state.config().upstream.clone();
    let base = url.path().trim_end_matches('/').to_owned();
    url.set_path(&format!("{base}/v1/{path}"));
    let response = state
        .http()
        .get(url)
        .bearer_auth(access_token)
        .header("accept", "application/json")
        .header("ms-requestid", uuid::Uuid::new_v4().to_string())
        .header("ms-correlationid", uuid::Uuid::new_v4().to_string())
        .send()
        .await
        .map_err(|e| {
            format!("Partner Center could not be reached for the partner's {what}: {e}")
        })?;
    let status = response.status();
    if !status.is_success() {
        let body = response.text().await.unwrap_or_default();
        let description = serde_json::from_str::<serde_json::Value>(&body)
            .ok()
            .and_then(|v| v["description"].as_str().map(str::to_owned))
            .unwrap_or_default();
        return Err(format!(
            "Partner Center refused the partner's {what} (HTTP {}{}{})",
            status.as_u16(),
            if description.is_empty() { "" } else { ": " },
            description
        ));
    }
    response
        .json::<T>()
        .await
        .map_err(|e| format!("Partner Center's {what} could not be read: {e}"))
}

/// [`fetch`], as the JSON a session row keeps.
///
/// # Errors
/// As [`fetch`].
pub(crate) async fn fetch_json(state: &GatewayState, access_token: &str) -> Result<String, String> {
    let facts = fetch(state, access_token).await?;
    serde_json::to_string(&facts).map_err(|e| e.to_string())
}
