//! `GET /v1/profiles/legalbusiness`: the partner's legal business profile (get-legal-business-
//! profile), from [`crate::tenants`]: company name, address (its `country` is the partner's),
//! primary contact and company approver.

use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::AppState;
use crate::auth::Caller;
use crate::tenants::Partner;

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/profiles/legalbusiness", get(legal_business_get))
}

/// The `LegalBusinessProfile` resource of `partner`.
fn legal_business_profile(partner: &Partner) -> Value {
    let contact = &partner.contact;
    let address = json!({
        "country": partner.country,
        "city": partner.address.city,
        "state": partner.address.state,
        "addressLine1": partner.address.address_line1,
        "postalCode": partner.address.postal_code,
        "firstName": contact.first_name,
        "lastName": contact.last_name,
        "phoneNumber": partner.address.phone_number,
    });
    json!({
        "companyName": partner.name,
        "address": address,
        "primaryContact": {
            "firstName": contact.first_name,
            "lastName": contact.last_name,
            "email": contact.email,
            "phoneNumber": contact.phone_number,
        },
        "companyApproverAddress": address,
        "companyApproverEmail": contact.email,
        "vettingStatus": "authorized",
        "vettingSubStatus": "none",
        "links": {
            "self": { "uri": "/profiles/legalbusiness", "method": "GET", "headers": [] }
        },
        "attributes": { "objectType": "LegalBusinessProfile" },
    })
}

/// `GET /v1/profiles/legalbusiness` (app-only and App+User).
async fn legal_business_get(caller: Caller) -> Json<Value> {
    Json(legal_business_profile(caller.partner))
}
