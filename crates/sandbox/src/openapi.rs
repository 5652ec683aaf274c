//! `GET /openapi.json`: an OpenAPI 3.1 description of every route the sandbox serves, from
//! the route table [`ROUTES`] (a test checks that every entry is routed).

use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Map, Value, json};

use crate::AppState;

/// One documented operation.
pub(crate) struct Operation {
    /// HTTP method, lower case.
    pub(crate) method: &'static str,
    /// Path template (`{name}` parameters).
    pub(crate) path: &'static str,
    /// Reference number in partner-center-api.md (`E1`…) or the resource family.
    pub(crate) tag: &'static str,
    /// What it does.
    pub(crate) summary: &'static str,
    /// Query parameters: (name, required, description).
    pub(crate) query: &'static [(&'static str, bool, &'static str)],
    /// Success status and the Partner Center resource it returns.
    pub(crate) success: (&'static str, &'static str),
    /// Whether it takes a JSON body (and which resource).
    pub(crate) body: Option<&'static str>,
    /// Whether a bearer token is required.
    pub(crate) secured: bool,
}

const COUNTRY: (&str, bool, &str) = ("country", true, "ISO 3166 two-letter country, e.g. US");
const SEGMENT: (&str, bool, &str) = (
    "targetSegment",
    false,
    "commercial, education, government or nonprofit",
);
const SCOPE: (&str, bool, &str) = (
    "reservationScope",
    false,
    "AzurePlan: reservations usable with Azure plans",
);
const SIZE: (&str, bool, &str) = ("size", false, "page size, at most 2000");
const CURRENCY: (&str, bool, &str) = ("currencycode", true, "ISO 4217 currency, e.g. USD");
const CURRENCY_OPTIONAL: (&str, bool, &str) = (
    "currencycode",
    false,
    "ISO 4217 currency; lines in another currency are left out",
);
const SEEK: (&str, bool, &str) = (
    "seekOperation",
    false,
    "Next, with the MS-ContinuationToken header of links.next",
);

macro_rules! op {
    ($method:literal, $path:literal, $tag:literal, $summary:literal, [$($q:expr),*], ($status:literal, $returns:literal), $body:expr) => {
        Operation { method: $method, path: $path, tag: $tag, summary: $summary, query: &[$($q),*], success: ($status, $returns), body: $body, secured: true }
    };
}

/// (method, path, [(status, description)]).
type ExtraResponses = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// Statuses some operations answer besides 200/201, 400, 401, 404 and 429.
const EXTRA_RESPONSES: &[ExtraResponses] = &[
    (
        "patch",
        "/v1/customers/{customer_id}/subscriptions/{subscription_id}",
        &[
            ("403", "900300: the signed-in agent's role may not buy"),
            (
                "409",
                "409: concurrent changes kept winning; read again and retry",
            ),
            (
                "412",
                "412: If-Match / attributes.etag is not the current etag",
            ),
        ],
    ),
    (
        "patch",
        "/v1/customers/{customer_id}/orders/{order_id}",
        &[
            ("403", "900300: the signed-in agent's role may not buy"),
            (
                "409",
                "409: concurrent changes kept winning; read again and retry",
            ),
            (
                "412",
                "412: If-Match / attributes.etag is not the order's etag",
            ),
        ],
    ),
];

/// Every route of the sandbox.
pub(crate) const ROUTES: &[Operation] = &[
    Operation {
        method: "get",
        path: "/{tenant}/v2.0/.well-known/openid-configuration",
        tag: "Identity",
        summary: "OpenID Connect discovery of a tenant ({tenant}: short name or tenant ID); issuer {base}/{tenant-id}/v2.0",
        query: &[],
        success: ("200", "OpenID provider metadata"),
        body: None,
        secured: false,
    },
    Operation {
        method: "get",
        path: "/{tenant}/discovery/v2.0/keys",
        tag: "Identity",
        summary: "The RS256 signing key as a JWKS",
        query: &[],
        success: ("200", "{keys: [JWK]}"),
        body: None,
        secured: false,
    },
    Operation {
        method: "get",
        path: "/{tenant}/oauth2/v2.0/authorize",
        tag: "Identity",
        summary: "Sign-in page listing the demo users (authorization code flow, PKCE S256 required)",
        query: &[
            ("client_id", true, "contoso-portal or fabrikam-portal"),
            ("response_type", true, "code"),
            (
                "redirect_uri",
                true,
                "a loopback http URI or one given with --redirect-uri",
            ),
            (
                "scope",
                true,
                "https://api.partnercenter.microsoft.com/user_impersonation, optionally openid profile email offline_access",
            ),
            ("state", false, "echoed on the redirect"),
            ("nonce", false, "written into the ID token"),
            (
                "code_challenge",
                true,
                "base64url SHA-256 of the code verifier",
            ),
            ("code_challenge_method", true, "S256"),
            ("response_mode", false, "query"),
        ],
        success: ("200", "HTML sign-in page"),
        body: None,
        secured: false,
    },
    Operation {
        method: "post",
        path: "/{tenant}/oauth2/v2.0/authorize",
        tag: "Identity",
        summary: "Sign in (form: the authorize parameters, username, password): 303 to redirect_uri?code=…&state=…, or the page again with the reason",
        query: &[],
        success: ("303", "redirect with code"),
        body: None,
        secured: false,
    },
    Operation {
        method: "post",
        path: "/{tenant}/oauth2/v2.0/token",
        tag: "Identity",
        summary: "Token endpoint (form; client_secret_basic or client_secret_post): grant_type authorization_code (code, redirect_uri, code_verifier), refresh_token, client_credentials (scope .default) or password (username, password, scope)",
        query: &[],
        success: (
            "200",
            "{token_type, expires_in, scope, access_token, refresh_token?, id_token?}",
        ),
        body: None,
        secured: false,
    },
    Operation {
        method: "get",
        path: "/openapi.json",
        tag: "Sandbox",
        summary: "This document",
        query: &[],
        success: ("200", "OpenAPI 3.1"),
        body: None,
        secured: false,
    },
    op!(
        "get",
        "/v1/products",
        "E1",
        "List products for a country and target view",
        [
            COUNTRY,
            (
                "targetView",
                true,
                "OnlineServices, Software, SoftwarePerpetual, SoftwareSubscriptions, AzureReservations, AzureReservationsVM, MicrosoftAzure, …"
            ),
            SEGMENT,
            SCOPE
        ],
        ("200", "Collection<Product>"),
        None
    ),
    op!(
        "get",
        "/v1/products/{product_id}",
        "E2",
        "Get a product",
        [COUNTRY, SCOPE],
        ("200", "Product"),
        None
    ),
    op!(
        "get",
        "/v1/products/{product_id}/skus",
        "E3",
        "List a product's SKUs",
        [COUNTRY, SEGMENT, SCOPE],
        ("200", "Collection<Sku>"),
        None
    ),
    op!(
        "get",
        "/v1/products/{product_id}/skus/{sku_id}",
        "E4",
        "Get a SKU",
        [COUNTRY, SCOPE],
        ("200", "Sku"),
        None
    ),
    op!(
        "get",
        "/v1/products/{product_id}/skus/{sku_id}/availabilities",
        "E5",
        "List a SKU's availabilities (nonprofit only with targetSegment=nonprofit)",
        [COUNTRY, SEGMENT, SCOPE],
        ("200", "Collection<Availability>"),
        None
    ),
    op!(
        "get",
        "/v1/products/{product_id}/skus/{sku_id}/availabilities/{availability_id}",
        "E6",
        "Get an availability",
        [COUNTRY],
        ("200", "Availability"),
        None
    ),
    op!(
        "post",
        "/v1/extensions/product/checkInventory",
        "E7",
        "Check inventory (also /checkinventory); answers a bare array",
        [COUNTRY],
        ("200", "InventoryItem[]"),
        Some("InventoryCheckRequest")
    ),
    op!(
        "post",
        "/v1/extensions/product/checkinventory",
        "E7",
        "Check inventory (lower-case path form of the SDK)",
        [COUNTRY],
        ("200", "InventoryItem[]"),
        Some("InventoryCheckRequest")
    ),
    op!(
        "get",
        "/v1/customers/{customer_id}/products",
        "Catalog",
        "Products for the customer's country",
        [("targetView", true, "target view"), SEGMENT],
        ("200", "Collection<Product>"),
        None
    ),
    op!(
        "get",
        "/v1/customers/{customer_id}/products/{product_id}/skus",
        "Catalog",
        "SKUs for the customer's country",
        [SEGMENT],
        ("200", "Collection<Sku>"),
        None
    ),
    op!(
        "get",
        "/v1/customers/{customer_id}/products/{product_id}/skus/{sku_id}/availabilities",
        "Catalog",
        "Availabilities for the customer's country",
        [SEGMENT],
        ("200", "Collection<Availability>"),
        None
    ),
    op!(
        "get",
        "/v1/customers",
        "Customers",
        "List the partner's customers (paged: links.next with MS-ContinuationToken)",
        [SIZE],
        ("200", "Collection<Customer>"),
        None
    ),
    op!(
        "get",
        "/v1/customers/{customer_id}",
        "Customers",
        "Get a customer",
        [],
        ("200", "Customer"),
        None
    ),
    op!(
        "get",
        "/v1/customers/{customer_id}/agreements",
        "Customers",
        "List the customer's agreements",
        [("agreementType", false, "MicrosoftCustomerAgreement")],
        ("200", "Collection<Agreement>"),
        None
    ),
    op!(
        "post",
        "/v1/customers/{customer_id}/agreements",
        "Customers",
        "Confirm the customer's acceptance of the Microsoft Customer Agreement (App+User only: 403 900329 to app-only tokens)",
        [],
        ("201", "Agreement"),
        Some("Agreement")
    ),
    op!(
        "get",
        "/v1/customers/{customer_id}/qualifications",
        "Customers",
        "The customer's qualifications (Education, …); bare array",
        [],
        ("200", "CustomerQualification[]"),
        None
    ),
    op!(
        "get",
        "/v1/agreements",
        "Customers",
        "Agreement metadata (templateId)",
        [("agreementType", false, "MicrosoftCustomerAgreement")],
        ("200", "Collection<AgreementMetaData>"),
        None
    ),
    op!(
        "post",
        "/v1/customers/{customer_id}/carts",
        "E8",
        "Create a cart (retried with the same MS-RequestId: the same cart)",
        [],
        ("201", "Cart"),
        Some("Cart")
    ),
    op!(
        "get",
        "/v1/customers/{customer_id}/carts/{cart_id}",
        "E10",
        "Get a cart",
        [],
        ("200", "Cart"),
        None
    ),
    op!(
        "put",
        "/v1/customers/{customer_id}/carts/{cart_id}",
        "E9",
        "Update a cart (the whole cart)",
        [],
        ("201", "Cart"),
        Some("Cart")
    ),
    op!(
        "post",
        "/v1/customers/{customer_id}/carts/{cart_id}/checkout",
        "E11",
        "Check out a cart (idempotent per cart)",
        [],
        ("201", "CartCheckoutResult"),
        None
    ),
    op!(
        "get",
        "/v1/customers/{customer_id}/orders",
        "E13",
        "List orders (listed after the order-list delay); E14 with billingType",
        [(
            "billingType",
            false,
            "monthly, annual, one_time (onetime), triennial, none"
        )],
        ("200", "Collection<Order>"),
        None
    ),
    op!(
        "get",
        "/v1/customers/{customer_id}/orders/{order_id}",
        "E12",
        "Get an order",
        [],
        ("200", "Order"),
        None
    ),
    op!(
        "patch",
        "/v1/customers/{customer_id}/orders/{order_id}",
        "Orders",
        "Cancel software purchases: perpetual software within 30 days of the order (full refund), software subscriptions within 168 hours (prorated), as negative `cancel` lines of the current billing period; cancelled lines get quantity 0 and provisioning status unfulfilled, their subscriptions `deleted`; the order is `cancelled` when every line is, else `completed`. Refusals come from pc-core's check_software_cancellation (900117 window passed, 800002 not software)",
        [],
        ("200", "Order"),
        Some(
            "{\"status\": \"cancelled\", \"lineItems\"?: [{\"lineItemNumber\": 0}]} (without lineItems: every line); attributes.etag or If-Match, when sent, must be the order's etag"
        )
    ),
    op!(
        "get",
        "/v1/customers/{customer_id}/orders/{order_id}/provisioningstatus",
        "E15",
        "Order provisioning status (App+User only: 403 900329 to app-only tokens)",
        [],
        ("200", "Collection<OrderLineItemProvisioningStatus>"),
        None
    ),
    op!(
        "get",
        "/v1/customers/{customer_id}/orders/{order_id}/lineitems/{line_item_number}/activationlinks",
        "Orders",
        "Activation links of an order line",
        [],
        ("200", "Collection<ActivationLink>"),
        None
    ),
    op!(
        "get",
        "/v1/customers/{customer_id}/subscriptions",
        "E16",
        "List subscriptions (after provisioning); E17 with order_id",
        [("order_id", false, "only those created by this order")],
        ("200", "Collection<Subscription>"),
        None
    ),
    op!(
        "get",
        "/v1/customers/{customer_id}/subscriptions/{subscription_id}",
        "E18",
        "Get a subscription",
        [],
        ("200", "Subscription"),
        None
    ),
    op!(
        "patch",
        "/v1/customers/{customer_id}/subscriptions/{subscription_id}",
        "Subscriptions",
        "Update a subscription: quantity up (always, a prorated `addQuantity` charge and a new refundableQuantity block with its own 168-hour window) or down (only seats inside their window, a negative `removeQuantity` credit), status \"deleted\" (cancel inside cancellationAllowedUntilDate, a negative `cancel` credit), autoRenewEnabled, scheduledNextTermInstructions (applied at renewal; null removes). Decided by pc-core's lifecycle rules; refusals: 400 with 900117 (cancellation window passed), 900214 (seat-reduction window passed), 800090 (fewer seats reducible than asked), 900275 (quantity limits), 800002 (other findings); a mid-term seat change or cancel removes the scheduled change",
        [],
        ("200", "Subscription"),
        Some(
            "The subscription (as read, with the members to change), or only those members: quantity, status, autoRenewEnabled, scheduledNextTermInstructions {product {productId, skuId, availabilityId, billingCycle, termDuration}, quantity}. attributes.etag or If-Match, when sent, must be the current etag (else 412)"
        )
    ),
    op!(
        "get",
        "/v1/customers/{customer_id}/subscriptions/{subscription_id}/provisioningstatus",
        "E19",
        "Subscription provisioning status (App+User only: 403 900329 to app-only tokens)",
        [],
        ("200", "SubscriptionProvisioningStatus"),
        None
    ),
    op!(
        "post",
        "/v1/customers/{customer_id}/subscriptions/{subscription_id}/registrations",
        "E20",
        "Register an Azure subscription for reservations (202 + Location)",
        [],
        ("202", "empty"),
        None
    ),
    op!(
        "get",
        "/v1/customers/{customer_id}/subscriptions/{subscription_id}/registrationstatus",
        "E21",
        "Registration status",
        [],
        ("200", "SubscriptionRegistrationStatus"),
        None
    ),
    op!(
        "get",
        "/v1/customers/{customer_id}/entitlements",
        "E22",
        "List entitlements",
        [
            ("entitlementType", false, "software or reservedInstance"),
            ("showExpiry", false, "true fills expiryDate")
        ],
        ("200", "Collection<Entitlement>"),
        None
    ),
    op!(
        "get",
        "/v1/customers/{customer_id}/artifacts/reservedinstance/groups/{group}/lineitems/{line_item}/resource/{resource_id}",
        "E22",
        "Reservation artifact details",
        [],
        ("200", "ReservedInstanceArtifactDetails"),
        None
    ),
    op!(
        "get",
        "/v1/profiles/legalbusiness",
        "Profiles",
        "The partner's legal business profile (country in its address)",
        [],
        ("200", "LegalBusinessProfile"),
        None
    ),
    op!(
        "get",
        "/v1/invoices/summary",
        "E23",
        "Current account balance",
        [],
        ("200", "InvoiceSummary"),
        None
    ),
    op!(
        "get",
        "/v1/invoices/summaries",
        "E24",
        "Invoice summaries, one per currency (App+User only: 403 900329 to app-only tokens)",
        [],
        ("200", "Collection<InvoiceSummary>"),
        None
    ),
    op!(
        "get",
        "/v1/invoices",
        "E25",
        "List invoices",
        [SIZE, ("offset", false, "items to skip")],
        ("200", "Collection<Invoice>"),
        None
    ),
    op!(
        "get",
        "/v1/invoices/{invoice_id}",
        "E26",
        "Get an invoice (with pdfDownloadLink) (App+User only: 403 900329 to app-only tokens)",
        [],
        ("200", "Invoice"),
        None
    ),
    op!(
        "get",
        "/v1/invoices/{invoice_id}/documents/statement",
        "E27",
        "Invoice statement PDF (App+User only: 403 900329 to app-only tokens)",
        [],
        ("200", "application/pdf"),
        None
    ),
    op!(
        "get",
        "/v1/invoices/{invoice_id}/lineitems",
        "E28",
        "Invoice line items",
        [
            ("provider", true, "onetime, office, azure"),
            (
                "invoicelineitemtype",
                true,
                "billinglineitems (OneTime reconciliation), usagelineitems (daily rated usage)"
            ),
            CURRENCY_OPTIONAL,
            SIZE,
            SEEK
        ],
        ("200", "Collection<InvoiceLineItem>"),
        None
    ),
    op!(
        "get",
        "/v1/invoices/estimates/links",
        "Billing",
        "Invoice estimate links: where the unbilled consumption and reconciliation line items of the current and previous periods are",
        [CURRENCY],
        ("200", "Collection<EstimateLink>"),
        None
    ),
    op!(
        "get",
        "/v1/invoices/unbilled/lineitems",
        "Billing",
        "Unbilled reconciliation (billinglineitems) or consumption (usagelineitems) line items of the current or previous period; next pages with seekOperation=Next and MS-ContinuationToken",
        [
            ("provider", true, "onetime"),
            (
                "invoicelineitemtype",
                true,
                "billinglineitems, usagelineitems"
            ),
            CURRENCY,
            ("period", true, "current or previous"),
            SIZE,
            SEEK
        ],
        ("200", "Collection<InvoiceLineItem>"),
        None
    ),
    op!(
        "get",
        "/v1/invoices/{invoice_id}/lineitems/{provider}/{line_item_type}",
        "E28",
        "Invoice line items, path form; seekOperation=Next with MS-ContinuationToken for the next page",
        [
            SIZE,
            ("offset", false, "items to skip"),
            ("seekOperation", false, "Next")
        ],
        ("200", "Collection<InvoiceLineItem>"),
        None
    ),
    op!(
        "get",
        "/sandbox/clock",
        "Sandbox",
        "Sandbox only: the sandbox clock (real time + the offset POST /sandbox/clock added); lifecycle times follow it, tokens do not",
        [],
        ("200", "{\"now\": RFC 3339}"),
        None
    ),
    op!(
        "post",
        "/sandbox/clock",
        "Sandbox",
        "Sandbox only: move the clock forward for every tenant (400 800002 for a duration that is not ISO 8601, negative, or longer than P10Y); renewals and expiries that fall due run at once",
        [],
        ("200", "{\"now\": RFC 3339}"),
        Some(
            "{\"advance\": \"P8D\"} — an ISO 8601 duration: years, months, weeks, days (P1Y, P1M, P2W, P8D) and after T hours, minutes, seconds (PT12H)"
        )
    ),
    op!(
        "post",
        "/sandbox/invoices/close",
        "Sandbox",
        "Sandbox only: close the current billing period (purchase lines and Azure plan usage) into invoices, one per currency",
        [],
        ("201", "Collection<Invoice>"),
        None
    ),
];

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/openapi.json", get(|| async { Json(document()) }))
}

fn parameters(op: &Operation) -> Vec<Value> {
    let mut out = Vec::new();
    for segment in op.path.split('/') {
        if let Some(name) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            out.push(json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } }));
        }
    }
    for (name, required, description) in op.query {
        out.push(json!({ "name": name, "in": "query", "required": required, "description": description, "schema": { "type": "string" } }));
    }
    if op.secured {
        for (name, description) in [
            (
                "MS-RequestId",
                "Idempotency key (GUID): reuse it when retrying after a timeout",
            ),
            ("MS-CorrelationId", "Correlation GUID, echoed"),
            ("X-Locale", "Language of returned text, default en-US"),
        ] {
            out.push(json!({ "name": name, "in": "header", "required": false, "description": description, "schema": { "type": "string" } }));
        }
    }
    if op.method == "patch" {
        out.push(json!({ "name": "If-Match", "in": "header", "required": false, "description": "attributes.etag of the resource as read (quoted or not); a different one answers 412", "schema": { "type": "string" } }));
    }
    out
}

/// The OpenAPI document.
pub(crate) fn document() -> Value {
    let mut paths: Map<String, Value> = Map::new();
    for op in ROUTES {
        let error = json!({ "description": "Partner Center error body", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } });
        let mut responses = Map::new();
        responses.insert(
            op.success.0.to_owned(),
            json!({ "description": op.success.1 }),
        );
        for status in ["400", "404"] {
            responses.insert(status.to_owned(), error.clone());
        }
        for (_, _, extra) in EXTRA_RESPONSES
            .iter()
            .filter(|(method, path, _)| *method == op.method && *path == op.path)
        {
            for (status, description) in *extra {
                let mut body = error.clone();
                body["description"] = json!(description);
                responses.insert((*status).to_owned(), body);
            }
        }
        if op.secured {
            responses.insert("401".to_owned(), error.clone());
            responses.insert("429".to_owned(), json!({ "description": "Throttled: wait Retry-After seconds", "headers": { "Retry-After": { "schema": { "type": "integer" } } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ThrottleError" } } } }));
        }
        let mut operation = json!({
            "tags": [op.tag],
            "summary": op.summary,
            "operationId": format!("{}{}", op.method, op.path.replace(['/', '{', '}', '.'], "_")),
            "parameters": parameters(op),
            "responses": responses,
        });
        if let Some(body) = op.body {
            operation["requestBody"] = json!({ "required": true, "description": body, "content": { "application/json": { "schema": { "type": "object" } } } });
        }
        if op.secured {
            operation["security"] = json!([{ "bearer": [] }]);
        }
        let entry = paths.entry(op.path.to_owned()).or_insert_with(|| json!({}));
        entry[op.method] = operation;
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "pc-sandbox: Partner Center purchase-flow API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "A Partner Center-compatible sandbox. Paths, bodies and error codes follow Partner Center's REST API (partner-center-api.md); /sandbox/* is sandbox-only."
        },
        "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
            "schemas": {
                "Error": { "type": "object", "required": ["code", "description"], "properties": {
                    "code": { "type": ["integer", "string"] }, "description": { "type": "string" },
                    "data": { "type": "array" }, "source": { "type": "string" } } },
                "ThrottleError": { "type": "object", "properties": { "statusCode": { "type": "integer" }, "message": { "type": "string" } } }
            }
        },
        "paths": paths,
    })
}
