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
        /// ISO 3166 two-letter country, e.g. `US`.
        "country" => country: String,
        /// Region or state, e.g. `WA`.
        "region" => region: String,
        /// City.
        "city" => city: String,
        /// State (US).
        "state" => state: String,
        /// First address line.
        "addressLine1" => address_line1: String,
        /// Second address line.
        "addressLine2" => address_line2: String,
        /// Postal code.
        "postalCode" => postal_code: String,
        /// Contact first name.
        "firstName" => first_name: String,
        /// Contact last name.
        "lastName" => last_name: String,
        /// Contact phone number.
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
        /// Company name.
        "companyName" => company_name: String,
        /// `self`.
        "links" => links: Links,
        /// `{ "objectType": "CustomerCompanyProfile" }`.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// `CustomerBillingProfile`: who is billed, where, and in which language.
    pub struct CustomerBillingProfile {
        /// Profile ID.
        "id" => id: String,
        /// Billing contact first name.
        "firstName" => first_name: String,
        /// Billing contact last name.
        "lastName" => last_name: String,
        /// Billing contact e-mail.
        "email" => email: String,
        /// Culture, e.g. `en-US`.
        "culture" => culture: String,
        /// Language, e.g. `en`.
        "language" => language: String,
        /// Company name.
        "companyName" => company_name: String,
        /// Billing address; its `country` is the customer's market.
        "defaultAddress" => default_address: Address,
        /// `self`.
        "links" => links: Links,
        /// `{ "objectType": "CustomerBillingProfile" }`.
        "attributes" => attributes: Attributes,
    }
}

resource! {
    /// `Customer` (`GET /v1/customers/{customer-tenant-id}`).
    pub struct Customer {
        /// Customer tenant ID (GUID).
        "id" => id: CustomerId,
        /// Commerce account ID.
        "commerceId" => commerce_id: String,
        /// Tenant and company.
        "companyProfile" => company_profile: CustomerCompanyProfile,
        /// Billing contact and address.
        "billingProfile" => billing_profile: CustomerBillingProfile,
        /// `reseller`, `advisor`, `none`.
        "relationshipToPartner" => relationship_to_partner: String,
        /// Whether the partner holds delegated admin privileges.
        "allowDelegatedAccess" => allow_delegated_access: bool,
        /// `self`.
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
        /// First name.
        "firstName" => first_name: String,
        /// Last name.
        "lastName" => last_name: String,
        /// E-mail address.
        "email" => email: String,
        /// Phone number.
        "phoneNumber" => phone_number: String,
    }
}

resource! {
    /// `Agreement`: a customer's confirmed acceptance of a Microsoft agreement, e.g. the
    /// Microsoft Customer Agreement required before new-commerce purchases (13605 otherwise).
    pub struct Agreement {
        /// Who accepted it for the customer.
        "primaryContact" => primary_contact: Contact,
        /// Agreement template ID (GUID) from `GET /v1/agreements`.
        "templateId" => template_id: String,
        /// When it was accepted (ISO 8601).
        "dateAgreed" => date_agreed: Timestamp,
        /// `MicrosoftCustomerAgreement` or `MicrosoftCloudAgreement`.
        "type" => agreement_type: String,
        /// Link to the agreement text.
        "agreementLink" => agreement_link: String,
        /// Partner user (GUID) who confirmed it.
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
        /// `None`, `InReview`, `Approved`, `Denied`.
        "vettingStatus" => vetting_status: String,
        /// When vetting was requested.
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
