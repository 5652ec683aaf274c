//! Customers and their agreements (Partner Center "Customer resources" and "Agreement
//! resources": `GET /v1/customers`, `GET /v1/customers/{id}`,
//! `GET/POST /v1/customers/{id}/agreements`, `GET /v1/customers/{id}/qualifications`).

use crate::enums::Segment;
use crate::ids::CustomerId;
use crate::models::common::{Attributes, Links};
use crate::wire::{Timestamp, resource};

resource! {
    /// A postal address (`Address` resource), as in a customer's billing profile.
    pub struct Address {
        /// The country or region, ISO 3166 two-letter code, e.g. `US`; on a customer's billing
        /// address, the market it buys in.
        "country" => country: String,
        /// The region or state, e.g. `wa`.
        "region" => region: String,
        /// The city, e.g. `redmond` (as in the documented example).
        "city" => city: String,
        /// The state, two letters at most (e.g. `WA`), where the market uses states.
        "state" => state: String,
        /// The first line of the street address (1–200 characters).
        "addressLine1" => address_line1: String,
        /// The second line of the street address (up to 200 characters); optional.
        "addressLine2" => address_line2: String,
        /// The ZIP or postal code, in the market's format.
        "postalCode" => postal_code: String,
        /// The first name of the contact at this address.
        "firstName" => first_name: String,
        /// The last name of the contact at this address.
        "lastName" => last_name: String,
        /// The contact's phone number, digits as entered (e.g. `1234567890`).
        "phoneNumber" => phone_number: String,
    }
}

resource! {
    /// `CustomerCompanyProfile`: the customer's tenant and company.
    pub struct CustomerCompanyProfile {
        /// Microsoft Entra tenant ID (GUID); equals the customer `id`.
        "tenantId" => tenant_id: String,
        /// Primary domain, e.g. `northwind.onmicrosoft.com`.
        "domain" => domain: String,
        /// The name of the customer's company or organization.
        "companyName" => company_name: String,
        /// `self`: `/customers/{customer-id}/profiles/company`.
        "links" => links: Links,
        /// `{ "objectType": "CustomerCompanyProfile" }`.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// `CustomerBillingProfile`: who is billed, where, and in which language.
    pub struct CustomerBillingProfile {
        /// The billing profile's ID, assigned by Partner Center.
        "id" => id: String,
        /// The first name of the customer's billing contact, who receives invoices and other
        /// billing communication.
        "firstName" => first_name: String,
        /// The last name of the customer's billing contact.
        "lastName" => last_name: String,
        /// The billing contact's e-mail address.
        "email" => email: String,
        /// The billing contact's preferred culture for communication and currency, e.g. `en-US`.
        "culture" => culture: String,
        /// The billing contact's preferred language for communication, e.g. `en`.
        "language" => language: String,
        /// The customer's company or organization name, as billed.
        "companyName" => company_name: String,
        /// Billing address; its `country` is the customer's market.
        "defaultAddress" => default_address: Address,
        /// `self`: `/customers/{customer-id}/profiles/billing`.
        "links" => links: Links,
        /// `{ "objectType": "CustomerBillingProfile" }`.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// `Customer` (`GET /v1/customers/{customer-tenant-id}`).
    pub struct Customer {
        /// The customer's Microsoft Entra tenant ID (GUID), e.g.
        /// `eebd1b55-5360-4438-a11d-5c06918c3014`; the `{customer-id}` of every customer-scoped
        /// URL.
        "id" => id: CustomerId,
        /// The customer's ID in Microsoft's commerce (billing) system, a GUID; not the tenant ID.
        "commerceId" => commerce_id: String,
        /// The customer's tenant, primary domain and company name.
        "companyProfile" => company_profile: CustomerCompanyProfile,
        /// The customer's billing contact, language and address (whose country is the customer's
        /// market).
        "billingProfile" => billing_profile: CustomerBillingProfile,
        /// The licensing relationship the partner has with the customer: `reseller`, `advisor`,
        /// `syndication`, `microsoft_support` or `none`.
        "relationshipToPartner" => relationship_to_partner: String,
        /// Whether the customer granted the partner delegated admin privileges; only set when the
        /// customer is read by ID, not in lists.
        "allowDelegatedAccess" => allow_delegated_access: bool,
        /// `self`: `/customers/{customer-id}`.
        "links" => links: Links,
        /// `{ "objectType": "Customer" }`.
        "attributes" => attributes: Attributes,
    }
}

impl Customer {
    /// The customer's market: the billing address country (ISO 3166 two-letter), if present.
    pub fn country(&self) -> Option<&str> {
        self.billing_profile
            .as_ref()?
            .default_address
            .as_ref()?
            .country
            .as_deref()
    }

    /// The company name, if present.
    pub fn company_name(&self) -> Option<&str> {
        self.company_profile.as_ref()?.company_name.as_deref()
    }
}

resource! {
    /// The customer's person who accepted an agreement (`Contact` of an `Agreement`).
    pub struct Contact {
        /// The first name of the customer's person who accepted the agreement.
        "firstName" => first_name: String,
        /// Their last name.
        "lastName" => last_name: String,
        /// Their e-mail address.
        "email" => email: String,
        /// Their phone number; optional.
        "phoneNumber" => phone_number: String,
    }
}

resource! {
    /// `Agreement`: a customer's confirmed acceptance of a Microsoft agreement, e.g. the
    /// Microsoft Customer Agreement required before new-commerce purchases (13605 otherwise).
    pub struct Agreement {
        /// The person at the customer who accepted the agreement: first and last name, e-mail,
        /// phone (optional).
        "primaryContact" => primary_contact: Contact,
        /// The ID (GUID) of the agreement the customer accepted, from the agreement metadata
        /// (`GET /v1/agreements`).
        "templateId" => template_id: String,
        /// When the customer accepted the agreement, a UTC instant.
        "dateAgreed" => date_agreed: Timestamp,
        /// `MicrosoftCustomerAgreement` or `MicrosoftCloudAgreement`.
        "type" => agreement_type: String,
        /// The URL of the agreement template's text.
        "agreementLink" => agreement_link: String,
        /// The object ID (GUID) of the partner-tenant user who confirmed the acceptance for the
        /// partner; Partner Center derives it from an App+User token.
        "userId" => user_id: String,
        /// `{ "objectType": "Agreement" }`.
        "attributes" => attributes: Attributes,
    }
}

impl Agreement {
    /// Whether this is the Microsoft Customer Agreement.
    pub fn is_customer_agreement(&self) -> bool {
        self.agreement_type
            .as_deref()
            .is_some_and(|t| t.eq_ignore_ascii_case("MicrosoftCustomerAgreement"))
    }
}

resource! {
    /// A customer qualification (`GET /v1/customers/{id}/qualifications`), e.g.
    /// `{ "qualification": "Education", "vettingStatus": "Approved" }`. `Education`,
    /// `GovernmentCommunityCloud` and `StateOwnedEntity` select the segment sold to.
    pub struct CustomerQualification {
        /// `Education`, `GovernmentCommunityCloud`, `Nonprofit`, `StateOwnedEntity`, `None`.
        "qualification" => qualification: String,
        /// Where the qualification's vetting stands: `None`, `InReview`, `Approved` or `Denied`.
        "vettingStatus" => vetting_status: String,
        /// When vetting of the qualification was requested, a UTC instant.
        "vettingCreatedDate" => vetting_created_date: Timestamp,
    }
}

impl CustomerQualification {
    /// The segment a customer with this qualification buys in: `Education` → education,
    /// `GovernmentCommunityCloud` → government, `Nonprofit` → nonprofit; `None` for other
    /// qualifications (commercial unless another qualification says otherwise).
    pub fn segment(&self) -> Option<Segment> {
        let qualification = self.qualification.as_deref()?.trim();
        [
            ("Education", Segment::Education),
            ("GovernmentCommunityCloud", Segment::Government),
            ("Nonprofit", Segment::NonProfit),
        ]
        .into_iter()
        .find_map(|(name, segment)| qualification.eq_ignore_ascii_case(name).then_some(segment))
    }

    /// The segment of a customer with `qualifications` (commercial when none selects one).
    pub fn segment_of(qualifications: &[Self]) -> Segment {
        qualifications
            .iter()
            .find_map(Self::segment)
            .unwrap_or(Segment::Commercial)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn qualification(name: &str) -> CustomerQualification {
        CustomerQualification {
            qualification: Some(name.to_owned()),
            ..CustomerQualification::default()
        }
    }

    #[test]
    fn qualifications_select_the_segment_sold_to() {
        assert_eq!(CustomerQualification::segment_of(&[]), Segment::Commercial);
        assert_eq!(
            CustomerQualification::segment_of(&[qualification("education")]),
            Segment::Education
        );
        assert_eq!(
            CustomerQualification::segment_of(&[
                qualification("StateOwnedEntity"),
                qualification("GovernmentCommunityCloud")
            ]),
            Segment::Government
        );
        assert_eq!(
            CustomerQualification::segment_of(&[qualification("Nonprofit")]),
            Segment::NonProfit
        );
        assert_eq!(qualification("None").segment(), None);
    }
}
