//! `GET /openapi.json`: an OpenAPI 3.1 description of every route the sandbox serves.
//!
//! The request and response schemas are pc-core's models' JSON Schemas (feature `schema`,
//! generated from the same types serde reads and writes), under `components.schemas`. The route
//! table [`operations`] adds what only the sandbox knows: parameters with their types, patterns
//! and required flags, the request schemas' required members (e.g. a cart line needs
//! `catalogItemId`, `quantity` and `billingCycle`), every status each route answers, and
//! examples from the seed (Contoso's customers, orders, subscriptions and invoices, the seeded
//! catalog), so that a tool holding a Contoso token reaches every operation.
//!
//! Tests check that every documented operation is routed and that the documented response
//! schemas validate real answers; `cargo xtask test` runs schemathesis against it.

use axum::routing::get;
use axum::{Json, Router};
use pc_core::models::{
    Address, Agreement, ApiError, Availability, Cart, CartCheckoutResult, Collection, Contact,
    Customer, CustomerQualification, Entitlement, EstimateLink, InventoryItem, Invoice,
    InvoiceLineItem, InvoiceSummary, Link, Order, OrderLineItemProvisioningStatus, Product,
    ReservedInstanceArtifactDetails, Sku, Subscription, SubscriptionProvisioningStatus,
    SubscriptionRegistrationStatus, ThrottleError,
};
use pc_core::schema::{JsonSchema, SchemaGenerator, SchemaSettings};
use serde_json::{Map, Value, json};

use crate::AppState;

/// Seeded IDs the examples use: Contoso's (the tenant of the demo token).
mod seeded {
    /// The partner tenant of the examples.
    pub(super) const TENANT: &str = "contoso";
    /// Every seeded tenant, by short name and tenant ID.
    pub(super) const TENANTS: [&str; 4] = [
        "contoso",
        "fabrikam",
        "4b3d2f0a-6c1e-4e8a-9f21-0c5a7d3e1b01",
        "8e7c6b5a-4d3c-4b2a-8190-fa1b2c3d4e02",
    ];
    /// Northwind Traders: no holdings, agreement accepted (carts).
    pub(super) const NORTHWIND: &str = "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a01";
    /// Tailspin Toys: an Azure plan and Microsoft 365 Business Standard.
    pub(super) const TAILSPIN: &str = "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a02";
    /// Adatum: no agreement yet (agreement acceptance).
    pub(super) const ADATUM: &str = "0f9e1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a03";
    /// Tailspin's Azure plan subscription (reservations registration).
    pub(super) const AZURE_PLAN_SUBSCRIPTION: &str = "5eed0000-3c4d-4e5f-8a6b-7c8d9e0f1a02";
    /// Tailspin's Business Standard subscription (12 seats, annual, monthly billing).
    pub(super) const SEATS_SUBSCRIPTION: &str = "5eed0001-3c4d-4e5f-8a6b-7c8d9e0f1a02";
    /// The order that bought Tailspin's Business Standard.
    pub(super) const ORDER: &str = "seed-7c8d9e0f1a02-1";
    /// Contoso's first USD invoice.
    pub(super) const INVOICE: &str = "G000100000";
    /// Microsoft 365 Business Basic, its SKU and monthly availability.
    pub(super) const PRODUCT: &str = "CFQ7TTC0LH18";
    pub(super) const SKU: &str = "0001";
    pub(super) const AVAILABILITY: &str = "CFQ7TTC0K971";
    pub(super) const CATALOG_ITEM: &str = "CFQ7TTC0LH18:0001:CFQ7TTC0K971";
    /// Virtual Machines DSv2 Series (an Azure reservation product: inventory checks).
    pub(super) const RESERVATION_PRODUCT: &str = "DZH318Z0BQ3Q";
}

/// Target views the catalog serves (others: 403 400036).
const TARGET_VIEWS: [&str; 13] = [
    "Azure",
    "AzureReservations",
    "AzureReservationsVM",
    "AzureReservationsSQL",
    "AzureReservationsCosmosDb",
    "MicrosoftAzure",
    "OnlineServices",
    "Software",
    "SoftwareSUSELinux",
    "SoftwarePerpetual",
    "SoftwareSubscriptions",
    "SpecializedOffers",
    "MarketplaceSaaS",
];

/// Builds a schema (usually a `$ref` into `components.schemas`) with the document's generator.
type SchemaFn = fn(&mut SchemaGenerator) -> Value;

/// The schema of a pc-core model, by reference.
fn model<T: JsonSchema>(generator: &mut SchemaGenerator) -> Value {
    generator.subschema_for::<T>().to_value()
}

/// A reference to a component the document defines itself ([`sandbox_schemas`],
/// [`request_schemas`]).
fn component(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

/// One parameter.
struct Param {
    name: String,
    location: &'static str,
    required: bool,
    description: &'static str,
    schema: Value,
    example: Option<Value>,
}

fn query(name: &'static str, required: bool, description: &'static str, schema: Value) -> Param {
    Param {
        name: name.to_owned(),
        location: "query",
        required,
        description,
        schema,
        example: None,
    }
}

fn header(name: &'static str, description: &'static str, schema: Value) -> Param {
    Param {
        name: name.to_owned(),
        location: "header",
        required: false,
        description,
        schema,
        example: None,
    }
}

impl Param {
    fn example(mut self, example: impl Into<Value>) -> Self {
        self.example = Some(example.into());
        self
    }
}

/// A response body.
enum Body {
    /// `application/json` with a schema.
    Json(SchemaFn),
    /// `application/json` with a schema written here.
    JsonValue(Value),
    /// Another media type with a schema.
    Other(&'static str, Value),
}

/// One documented status.
struct Reply {
    status: u16,
    description: String,
    body: Option<Body>,
    headers: Vec<(&'static str, Value, bool)>,
    links: Option<Value>,
}

/// One documented operation.
pub(crate) struct Operation {
    /// HTTP method, lower case.
    pub(crate) method: &'static str,
    /// Path template (`{name}` parameters).
    pub(crate) path: &'static str,
    tag: &'static str,
    summary: &'static str,
    params: Vec<Param>,
    path_examples: Vec<(&'static str, Value)>,
    request: Option<(&'static str, Value, Value)>,
    replies: Vec<Reply>,
    /// How the caller authenticates.
    auth: Auth,
}

/// Who may call an operation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Auth {
    /// Anyone (identity provider, this document).
    None,
    /// A bearer token; `/v1`: throttled, faults injected.
    V1,
    /// A bearer token; sandbox-only endpoints (no throttling or faults).
    Sandbox,
}

fn op(
    method: &'static str,
    path: &'static str,
    tag: &'static str,
    summary: &'static str,
) -> Operation {
    let auth = if path.starts_with("/v1/") {
        Auth::V1
    } else if path.starts_with("/sandbox/") {
        Auth::Sandbox
    } else {
        Auth::None
    };
    Operation {
        method,
        path,
        tag,
        summary,
        params: Vec::new(),
        path_examples: Vec::new(),
        request: None,
        replies: Vec::new(),
        auth,
    }
}

impl Operation {
    fn param(mut self, param: Param) -> Self {
        self.params.push(param);
        self
    }

    fn params(mut self, params: impl IntoIterator<Item = Param>) -> Self {
        self.params.extend(params);
        self
    }

    /// The example of path parameter `name` (else the parameter's default example).
    fn at(mut self, name: &'static str, example: impl Into<Value>) -> Self {
        self.path_examples.push((name, example.into()));
        self
    }

    /// A JSON request body (`schema`, `example`).
    fn json_body(mut self, schema: Value, example: Value) -> Self {
        self.request = Some(("application/json", schema, example));
        self
    }

    /// A form-encoded request body.
    fn form_body(mut self, schema: Value, example: Value) -> Self {
        self.request = Some(("application/x-www-form-urlencoded", schema, example));
        self
    }

    fn reply(mut self, status: u16, description: impl Into<String>, body: Option<Body>) -> Self {
        self.replies.push(Reply {
            status,
            description: description.into(),
            body,
            headers: Vec::new(),
            links: None,
        });
        self
    }

    /// `status` with a JSON body of `schema`.
    fn ok(self, status: u16, description: &str, schema: SchemaFn) -> Self {
        self.reply(status, description, Some(Body::Json(schema)))
    }

    /// `status` with Partner Center's error body.
    fn error(self, status: u16, description: &str) -> Self {
        self.reply(status, description, Some(Body::Json(model::<ApiError>)))
    }

    /// A header of the last reply.
    fn with_header(mut self, name: &'static str, schema: Value, required: bool) -> Self {
        if let Some(reply) = self.replies.last_mut() {
            reply.headers.push((name, schema, required));
        }
        self
    }

    /// OpenAPI links of the last reply (stateful testing: what the answer lets one call next).
    fn with_links(mut self, links: Value) -> Self {
        if let Some(reply) = self.replies.last_mut() {
            reply.links = Some(links);
        }
        self
    }

    /// 400 `800002` and the other refusals of malformed input.
    fn invalid(self, detail: &str) -> Self {
        self.error(400, &format!("Invalid input (800002): {detail}"))
    }

    /// 403 `900329`: App+User-only operation called with an app-only token.
    fn user_only(self) -> Self {
        self.error(
            403,
            "900329: this operation needs an App+User token; app-only (client credentials) tokens are refused",
        )
    }

    /// 403 `900300`: the agent's role may not buy.
    fn purchase(self) -> Self {
        self.error(
            403,
            "900300: the signed-in agent's role (e.g. Helpdesk agent) may not buy or change purchases",
        )
    }

    fn operation_id(&self) -> String {
        format!(
            "{}{}",
            self.method,
            self.path.replace(['/', '{', '}', '.', '-'], "_")
        )
    }
}

/// Path parameters: schema, description and default example.
fn path_param(name: &str) -> (Value, &'static str, Value) {
    let text = json!({ "type": "string", "minLength": 1 });
    match name {
        "tenant" => (
            json!({ "type": "string", "enum": seeded::TENANTS }),
            "The partner tenant: short name (contoso, fabrikam) or tenant ID, case-insensitive; others are answered 400 (404 on the sign-in page)",
            json!(seeded::TENANT),
        ),
        "customer_id" => (
            text,
            "The customer's tenant ID (GUID), one of the caller's customers (others: 404 60003)",
            json!(seeded::TAILSPIN),
        ),
        "cart_id" => (
            text,
            "The cart ID returned by POST …/carts (unknown: 404 800008)",
            json!("00000000-0000-4000-8000-000000000000"),
        ),
        "order_id" => (
            text,
            "The order ID (unknown: 404 20000)",
            json!(seeded::ORDER),
        ),
        "subscription_id" => (
            text,
            "The subscription ID (GUID; unknown or not yet provisioned: 404 20003)",
            json!(seeded::SEATS_SUBSCRIPTION),
        ),
        "line_item_number" => (
            json!({ "type": "integer", "minimum": 0, "maximum": 1_000_000 }),
            "The order line's lineItemNumber, from 0 (a number the order has no line of: 400 800071)",
            json!(0),
        ),
        "invoice_id" => (
            text,
            "The invoice ID, e.g. G000100000 (unknown: 404 1000)",
            json!(seeded::INVOICE),
        ),
        "product_id" => (
            text,
            "The product ID (not in the country: 404 400013)",
            json!(seeded::PRODUCT),
        ),
        "sku_id" => (
            text,
            "The SKU ID within the product (404 400018)",
            json!(seeded::SKU),
        ),
        "availability_id" => (
            text,
            "The availability ID within the SKU (404 400019)",
            json!(seeded::AVAILABILITY),
        ),
        "provider" => (
            json!({ "type": "string", "enum": ["onetime", "office", "azure", "all", "marketplace"] }),
            "The billing provider (case and separators ignored: OneTime = onetime)",
            json!("onetime"),
        ),
        "line_item_type" => (
            json!({ "type": "string", "enum": ["billinglineitems", "usagelineitems"] }),
            "The invoice line-item type (case ignored: BillingLineItems)",
            json!("billinglineitems"),
        ),
        _ => (text, "Identifier", json!("1")),
    }
}

// ------------------------------------------------------------------ parameters

fn country() -> Param {
    query(
        "country",
        true,
        "ISO 3166 two-letter country, e.g. US",
        json!({ "type": "string", "pattern": "^[A-Za-z]{2}$" }),
    )
    .example("US")
}

fn target_view(example: &str) -> Param {
    query(
        "targetView",
        true,
        "The catalog view (case-insensitive); other views: 403 400036",
        json!({ "type": "string", "enum": TARGET_VIEWS }),
    )
    .example(example)
}

fn segment() -> Param {
    query(
        "targetSegment",
        false,
        "commercial, education, government or nonprofit (nonprofit availabilities only with nonprofit; case and separators ignored; empty: not given); others: 403 400030",
        json!({ "type": "string", "enum": ["commercial", "education", "government", "nonprofit", ""] }),
    )
    .example("commercial")
}

fn scope() -> Param {
    query(
        "reservationScope",
        false,
        "AzurePlan: reservations usable with Azure plans (other values are ignored)",
        json!({ "type": "string", "examples": ["AzurePlan"] }),
    )
    .example("AzurePlan")
}

fn size() -> Param {
    query(
        "size",
        false,
        "Page size, 1 to 2000 (others: 400; empty: the default)",
        json!({ "type": ["integer", "string"], "minimum": 1, "maximum": 2000, "maxLength": 0 }),
    )
    .example(100)
}

fn offset() -> Param {
    query(
        "offset",
        false,
        "Items to skip (empty: 0)",
        json!({ "type": ["integer", "string"], "minimum": 0, "maximum": u64::MAX, "maxLength": 0 }),
    )
    .example(0)
}

fn currency(required: bool) -> Param {
    query(
        "currencycode",
        required,
        if required {
            "ISO 4217 currency, e.g. USD (also spelled currencyCode)"
        } else {
            "ISO 4217 currency; lines in another currency are left out (also spelled currencyCode; empty: any)"
        },
        if required {
            json!({ "type": "string", "pattern": "^[A-Za-z]{3}$" })
        } else {
            json!({ "type": "string", "pattern": "^([A-Za-z]{3})?$" })
        },
    )
    .example("USD")
}

fn seek_operation() -> Param {
    query(
        "seekOperation",
        false,
        "Next (case-insensitive): the next page, with the MS-ContinuationToken header of links.next (without it: 400); other values are ignored",
        json!({ "type": "string", "examples": ["Next"] }),
    )
}

fn continuation_token() -> Param {
    header(
        "MS-ContinuationToken",
        "The continuation token of links.next (a token this server did not issue: 400; empty: none)",
        json!({ "type": "string", "pattern": "^(pcs-[0-9]{1,18})?$" }),
    )
}

fn line_item_provider(required: bool) -> Param {
    query(
        "provider",
        required,
        "onetime (OneTime purchases and Azure plan usage), office, azure, marketplace or all (case and separators ignored)",
        json!({ "type": "string", "enum": ["onetime", "office", "azure", "all", "marketplace"] }),
    )
    .example("onetime")
}

fn line_item_type(required: bool) -> Param {
    query(
        "invoicelineitemtype",
        required,
        "billinglineitems (reconciliation) or usagelineitems (daily rated usage); also spelled invoiceLineItemType",
        json!({ "type": "string", "enum": ["billinglineitems", "usagelineitems"] }),
    )
    .example("billinglineitems")
}

/// The authorize endpoint's parameters (query of GET, form of POST), as a schema.
fn authorize_schema(with_credentials: bool) -> Value {
    let mut properties = json!({
        "client_id": { "type": "string", "enum": ["contoso-portal", "fabrikam-portal"], "description": "A registered sign-in client of the tenant" },
        "response_type": { "type": "string", "enum": ["code"] },
        "redirect_uri": {
            "type": "string",
            "pattern": "^http://(127\\.0\\.0\\.1|localhost|\\[::1\\])(:[1-9][0-9]{0,3})?(/[A-Za-z0-9._~-]*)*$",
            "description": "A loopback http URI (any port and path) or one given with --redirect-uri"
        },
        "scope": {
            "type": "string",
            "enum": [
                "https://api.partnercenter.microsoft.com/user_impersonation",
                "openid profile email offline_access https://api.partnercenter.microsoft.com/user_impersonation",
                "https://api.partnercenter.microsoft.com/.default"
            ],
            "description": "Must include https://api.partnercenter.microsoft.com/user_impersonation (or .default), optionally with openid profile email offline_access"
        },
        "state": { "type": "string", "description": "Echoed on the redirect" },
        "nonce": { "type": "string", "description": "Written into the ID token" },
        "code_challenge": { "type": "string", "pattern": "^[A-Za-z0-9_-]{43}$", "description": "base64url SHA-256 of the code verifier (PKCE S256)" },
        "code_challenge_method": { "type": "string", "enum": ["S256"] },
        "response_mode": { "type": "string", "enum": ["query"] },
        "login_hint": { "type": "string", "description": "Prefills the e-mail field" },
    });
    if with_credentials && let Some(map) = properties.as_object_mut() {
        map.insert(
            "username".to_owned(),
            json!({ "type": "string", "description": "A demo user's e-mail, e.g. admin@contoso.example" }),
        );
        map.insert(
            "password".to_owned(),
            json!({ "type": "string", "description": "The demo password, demo" }),
        );
    }
    json!({
        "type": "object",
        "required": ["client_id", "response_type", "redirect_uri", "scope", "code_challenge", "code_challenge_method"],
        "properties": properties,
    })
}

fn authorize_example(with_credentials: bool) -> Value {
    let mut example = json!({
        "client_id": "contoso-portal",
        "response_type": "code",
        "redirect_uri": "http://127.0.0.1:8080/callback",
        "scope": "openid profile email offline_access https://api.partnercenter.microsoft.com/user_impersonation",
        "state": "xyz",
        "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        "code_challenge_method": "S256",
    });
    if with_credentials {
        example["username"] = json!("admin@contoso.example");
        example["password"] = json!("demo");
    }
    example
}

// ------------------------------------------------------------------ the route table

/// Every route of the sandbox.
#[allow(clippy::too_many_lines)]
pub(crate) fn operations() -> Vec<Operation> {
    let html = |schema: Value| Some(Body::Other("text/html", schema));
    let page = json!({ "type": "string" });
    let mut out = vec![
        op(
            "get",
            "/{tenant}/v2.0/.well-known/openid-configuration",
            "Identity",
            "OpenID Connect discovery of a tenant; issuer {base}/{tenant-id}/v2.0",
        )
        .reply(
            200,
            "OpenID provider metadata",
            Some(Body::JsonValue(component("OpenIdConfiguration"))),
        )
        .reply(
            400,
            "invalid_tenant: no such tenant",
            Some(Body::JsonValue(component("OAuthError"))),
        ),
        op(
            "get",
            "/{tenant}/discovery/v2.0/keys",
            "Identity",
            "The RS256 signing key as a JWKS",
        )
        .reply(200, "The key set", Some(Body::JsonValue(component("Jwks"))))
        .reply(
            400,
            "invalid_tenant: no such tenant",
            Some(Body::JsonValue(component("OAuthError"))),
        ),
    ];
    let mut authorize_get = op(
        "get",
        "/{tenant}/oauth2/v2.0/authorize",
        "Identity",
        "Sign-in page listing the demo users (authorization code flow, PKCE S256 required)",
    );
    if let Some(properties) = authorize_schema(false)["properties"].as_object() {
        let required = authorize_schema(false)["required"].clone();
        for (name, schema) in properties {
            let required = required
                .as_array()
                .is_some_and(|r| r.contains(&json!(name)));
            let example = authorize_example(false).get(name).cloned();
            authorize_get.params.push(Param {
                name: name.clone(),
                location: "query",
                required,
                description: "",
                schema: schema.clone(),
                example,
            });
        }
    }
    out.push(
        authorize_get
            .reply(200, "The sign-in page", html(page.clone()))
            .reply(303, "A refusal the client can act on (response_type, response_mode, PKCE, scope) sent back to redirect_uri as error and error_description", None)
            .with_header("Location", json!({ "type": "string" }), true)
            .reply(400, "An unknown client or a redirect URI not allowed: an error page", html(page.clone()))
            .reply(404, "An unknown tenant: an error page", html(page.clone())),
    );
    out.push(
        op("post", "/{tenant}/oauth2/v2.0/authorize", "Identity",
            "Sign in (form: the authorize parameters, username, password): 303 to redirect_uri?code=…&state=…")
            .form_body(authorize_schema(true), authorize_example(true))
            .reply(303, "Signed in: redirect to redirect_uri with code and state (or with error for a refusal)", None)
            .with_header("Location", json!({ "type": "string" }), true)
            .reply(400, "An unknown client, a redirect URI not allowed or an unreadable form: an error page", html(page.clone()))
            .reply(401, "Wrong e-mail or password, or a user of another tenant: the sign-in page again with the reason", html(page.clone()))
            .reply(404, "An unknown tenant: an error page", html(page)),
    );
    out.push(
        op("post", "/{tenant}/oauth2/v2.0/token", "Identity",
            "Token endpoint (form; client_secret_basic or client_secret_post): grant_type authorization_code (code, redirect_uri, code_verifier), refresh_token, client_credentials (scope .default) or password (username, password, scope)")
            .form_body(component("TokenRequest"), json!({
                "grant_type": "password",
                "client_id": "contoso-app",
                "client_secret": "contoso-secret",
                "username": "admin@contoso.example",
                "password": "demo",
                "scope": "https://api.partnercenter.microsoft.com/user_impersonation",
            }))
            .reply(200, "Tokens", Some(Body::JsonValue(component("TokenResponse"))))
            .reply(400, "OAuth errors: invalid_request (missing or unreadable parameters), invalid_tenant, unsupported_grant_type, invalid_scope, invalid_grant (wrong password, unknown or used code or refresh token, PKCE mismatch)", Some(Body::JsonValue(component("OAuthError"))))
            .reply(401, "invalid_client: unknown client or wrong secret, or an Authorization header that is not HTTP Basic", Some(Body::JsonValue(component("OAuthError")))),
    );
    out.push(
        op("get", "/openapi.json", "Sandbox", "This document").reply(
            200,
            "OpenAPI 3.1",
            Some(Body::JsonValue(
                json!({ "type": "object", "required": ["openapi", "paths"] }),
            )),
        ),
    );
    let catalog_refused = "400036 (targetView not allowed) or 400030 (targetSegment not allowed)";
    out.extend([
        op(
            "get",
            "/v1/products",
            "E1",
            "List products for a country and target view",
        )
        .params([country(), target_view("OnlineServices"), segment(), scope()])
        .ok(200, "Collection<Product>", model::<Collection<Product>>)
        .invalid("country or targetView missing or malformed")
        .error(403, catalog_refused),
        op("get", "/v1/products/{product_id}", "E2", "Get a product")
            .params([country(), scope()])
            .ok(200, "Product", model::<Product>)
            .invalid("country missing or malformed")
            .error(404, "400013: no such product in the country"),
        op(
            "get",
            "/v1/products/{product_id}/skus",
            "E3",
            "List a product's SKUs",
        )
        .params([country(), segment(), scope()])
        .ok(200, "Collection<Sku>", model::<Collection<Sku>>)
        .invalid("country missing or malformed")
        .error(403, catalog_refused)
        .error(404, "400013: no such product in the country"),
        op(
            "get",
            "/v1/products/{product_id}/skus/{sku_id}",
            "E4",
            "Get a SKU",
        )
        .params([country(), scope()])
        .ok(200, "Sku", model::<Sku>)
        .invalid("country missing or malformed")
        .error(
            404,
            "400013 / 400018: no such product or SKU in the country",
        ),
        op(
            "get",
            "/v1/products/{product_id}/skus/{sku_id}/availabilities",
            "E5",
            "List a SKU's availabilities (nonprofit only with targetSegment=nonprofit)",
        )
        .params([country(), segment(), scope()])
        .ok(
            200,
            "Collection<Availability>",
            model::<Collection<Availability>>,
        )
        .invalid("country missing or malformed")
        .error(403, catalog_refused)
        .error(
            404,
            "400013 / 400018: no such product or SKU in the country",
        ),
        op(
            "get",
            "/v1/products/{product_id}/skus/{sku_id}/availabilities/{availability_id}",
            "E6",
            "Get an availability",
        )
        .param(country())
        .ok(200, "Availability", model::<Availability>)
        .invalid("country missing or malformed")
        .error(
            404,
            "400013 / 400018 / 400019: no such product, SKU or availability in the country",
        ),
    ]);
    for path in [
        "/v1/extensions/product/checkInventory",
        "/v1/extensions/product/checkinventory",
    ] {
        out.push(
            op("post", path, "E7", "Check inventory (both spellings of the path); answers a bare array")
                .param(country())
                .json_body(component("InventoryCheckRequestBody"), json!({
                    "targetItems": [{ "productId": seeded::RESERVATION_PRODUCT }],
                    "inventoryContext": { "customerId": seeded::TAILSPIN, "azureSubscriptionId": seeded::AZURE_PLAN_SUBSCRIPTION, "armRegionName": "westus" }
                }))
                .ok(200, "InventoryItem[]: one per SKU of the targets found in the country", |g| json!({ "type": "array", "items": model::<InventoryItem>(g) }))
                .invalid("country missing or malformed, a malformed body, or no targetItems"),
        );
    }
    out.extend([
        op("get", "/v1/customers/{customer_id}/products", "Catalog", "Products for the customer's country")
            .params([target_view("OnlineServices"), segment(), scope()])
            .ok(200, "Collection<Product>", model::<Collection<Product>>)
            .invalid("targetView missing")
            .error(403, catalog_refused)
            .error(404, "60003: not one of the caller's customers"),
        op("get", "/v1/customers/{customer_id}/products/{product_id}/skus", "Catalog", "SKUs for the customer's country")
            .params([segment(), scope()])
            .ok(200, "Collection<Sku>", model::<Collection<Sku>>)
            .error(403, catalog_refused)
            .error(404, "60003 (customer) or 400013 (product)"),
        op("get", "/v1/customers/{customer_id}/products/{product_id}/skus/{sku_id}/availabilities", "Catalog",
            "Availabilities for the customer's country")
            .params([segment(), scope()])
            .ok(200, "Collection<Availability>", model::<Collection<Availability>>)
            .error(403, catalog_refused)
            .error(404, "60003 (customer), 400013 (product) or 400018 (SKU)"),
        op("get", "/v1/customers", "Customers", "List the partner's customers (paged: links.next with MS-ContinuationToken)")
            .params([size(), continuation_token()])
            .ok(200, "Collection<Customer>", model::<Collection<Customer>>)
            .invalid("size not a whole number from 1, or a continuation token this server did not issue"),
        op("get", "/v1/customers/{customer_id}", "Customers", "Get a customer")
            .ok(200, "Customer", model::<Customer>)
            .error(404, "60003: not one of the caller's customers"),
        op("get", "/v1/customers/{customer_id}/agreements", "Customers", "List the customer's agreements")
            .param(agreement_type())
            .ok(200, "Collection<Agreement>", model::<Collection<Agreement>>)
            .error(404, "60003: not one of the caller's customers"),
        op("post", "/v1/customers/{customer_id}/agreements", "Customers",
            "Confirm the customer's acceptance of the Microsoft Customer Agreement (App+User only)")
            .at("customer_id", seeded::ADATUM)
            .json_body(component("AgreementRequest"), json!({
                "primaryContact": { "firstName": "Janet", "lastName": "Leverling", "email": "janet@adatum.example" },
                "templateId": crate::seed::MCA_TEMPLATE_ID,
                "dateAgreed": "2026-11-21T00:00:00Z",
                "type": "MicrosoftCustomerAgreement",
            }))
            .ok(201, "Agreement: the stored acceptance", model::<Agreement>)
            .invalid("a malformed body, another agreement type or template, a contact without first name, last name or e-mail, or dateAgreed not a date")
            .user_only()
            .error(404, "60003: not one of the caller's customers"),
        op("get", "/v1/customers/{customer_id}/qualifications", "Customers",
            "The customer's qualifications (Education, GovernmentCommunityCloud, Nonprofit); bare array")
            .ok(200, "CustomerQualification[]", |g| json!({ "type": "array", "items": model::<CustomerQualification>(g) }))
            .error(404, "60003: not one of the caller's customers"),
        op("get", "/v1/agreements", "Customers", "Agreement metadata (templateId)")
            .param(agreement_type())
            .ok(200, "Collection<AgreementMetaData>", |g| collection_of(g, component("AgreementMetaData"))),
        op("post", "/v1/customers/{customer_id}/carts", "E8",
            "Create a cart (retried with the same MS-RequestId: the same cart). Lines the rules refuse carry an error; the cart is created")
            .at("customer_id", seeded::NORTHWIND)
            .json_body(component("CartRequest"), cart_example())
            .ok(201, "Cart: with id, timestamps, status, and per line currencyCode, pricing, orderGroup and error", model::<Cart>)
            .with_links(json!({
                "GetCart": { "operationId": "get_v1_customers__customer_id__carts__cart_id_", "parameters": { "customer_id": "$request.path.customer_id", "cart_id": "$response.body#/id" } },
                "UpdateCart": { "operationId": "put_v1_customers__customer_id__carts__cart_id_", "parameters": { "customer_id": "$request.path.customer_id", "cart_id": "$response.body#/id" } },
                "CheckoutCart": { "operationId": "post_v1_customers__customer_id__carts__cart_id__checkout", "parameters": { "customer_id": "$request.path.customer_id", "cart_id": "$response.body#/id" } }
            }))
            .invalid("a malformed body, no lineItems, or a line without catalogItemId, quantity or billingCycle (data: the JSON path)")
            .purchase()
            .error(404, "60003: not one of the caller's customers"),
        op("get", "/v1/customers/{customer_id}/carts/{cart_id}", "E10", "Get a cart")
            .at("customer_id", seeded::NORTHWIND)
            .ok(200, "Cart", model::<Cart>)
            .error(404, "60003 (customer) or 800008 (cart)"),
        op("put", "/v1/customers/{customer_id}/carts/{cart_id}", "E9", "Update a cart (the whole cart)")
            .at("customer_id", seeded::NORTHWIND)
            .json_body(component("CartRequest"), cart_example())
            .ok(201, "Cart", model::<Cart>)
            .invalid("a malformed body or missing line members; 800065: the cart was already checked out")
            .purchase()
            .error(404, "60003 (customer) or 800008 (cart)"),
        op("post", "/v1/customers/{customer_id}/carts/{cart_id}/checkout", "E11",
            "Check out a cart (idempotent per cart: a checked-out cart answers its first result)")
            .at("customer_id", seeded::NORTHWIND)
            .ok(201, "CartCheckoutResult: orders, and orderErrors for order groups a line finding refused", model::<CartCheckoutResult>)
            .with_links(json!({
                "GetOrder": { "operationId": "get_v1_customers__customer_id__orders__order_id_", "parameters": { "customer_id": "$request.path.customer_id", "order_id": "$response.body#/orders/0/id" } },
                "CancelOrder": { "operationId": "patch_v1_customers__customer_id__orders__order_id_", "parameters": { "customer_id": "$request.path.customer_id", "order_id": "$response.body#/orders/0/id" } }
            }))
            .error(400, "A finding that concerns the whole cart (e.g. 800039 / the customer has not accepted the Microsoft Customer Agreement), with data: [{finding}]; nothing is written")
            .purchase()
            .error(404, "60003 (customer) or 800008 (cart)")
            .error(409, "800064: a concurrent checkout of the same cart is still in flight"),
        op("get", "/v1/customers/{customer_id}/orders", "E13",
            "List orders (listed after the order-list delay); E14 with billingType")
            .param(query("billingType", false, "monthly, annual, one_time (case and separators ignored: onetime, OneTime), triennial, none, biennial; empty: not given; others: 400",
                json!({ "type": "string", "enum": ["monthly", "annual", "one_time", "triennial", "none", "biennial", ""] })).example("monthly"))
            .ok(200, "Collection<Order>", model::<Collection<Order>>)
            .invalid("billingType not a billing cycle")
            .error(404, "60003: not one of the caller's customers"),
        op("get", "/v1/customers/{customer_id}/orders/{order_id}", "E12", "Get an order")
            .ok(200, "Order", model::<Order>)
            .error(404, "60003 (customer) or 20000 (order)"),
        op("patch", "/v1/customers/{customer_id}/orders/{order_id}", "Orders",
            "Cancel software purchases: perpetual software within 30 days of the order (full refund), software subscriptions within 168 hours (prorated), as negative `cancel` lines of the current billing period; cancelled lines get quantity 0 and provisioning status unfulfilled, their subscriptions `deleted`; the order is `cancelled` when every line is, else `completed`")
            .param(if_match())
            .json_body(component("OrderPatch"), json!({ "status": "cancelled", "lineItems": [{ "lineItemNumber": 0 }] }))
            .ok(200, "Order", model::<Order>)
            .invalid("status not cancelled, malformed lineItems, 800071 (no such line), 900117 (cancellation window passed), 800002 (not software)")
            .purchase()
            .error(404, "60003 (customer) or 20000 (order)")
            .error(409, "409: concurrent changes kept winning; read again and retry")
            .error(412, "412: If-Match / attributes.etag is not the order's etag"),
        op("get", "/v1/customers/{customer_id}/orders/{order_id}/provisioningstatus", "E15",
            "Order provisioning status (App+User only)")
            .ok(200, "Collection<OrderLineItemProvisioningStatus>", model::<Collection<OrderLineItemProvisioningStatus>>)
            .user_only()
            .error(404, "60003 (customer) or 800007 (order)"),
        op("get", "/v1/customers/{customer_id}/orders/{order_id}/lineitems/{line_item_number}/activationlinks", "Orders",
            "Activation links of an order line (none in the sandbox)")
            .ok(200, "Collection<ActivationLink>", |g| collection_of(g, json!({ "type": "object" })))
            .error(400, "800071: the order has no line with this number")
            .error(404, "60003 (customer) or 20000 (order)"),
        op("get", "/v1/customers/{customer_id}/subscriptions", "E16",
            "List subscriptions (after provisioning); E17 with order_id")
            .param(query("order_id", false, "Only those created by this order", json!({ "type": "string" })).example(seeded::ORDER))
            .ok(200, "Collection<Subscription>", model::<Collection<Subscription>>)
            .error(404, "60003: not one of the caller's customers"),
        op("get", "/v1/customers/{customer_id}/subscriptions/{subscription_id}", "E18", "Get a subscription")
            .ok(200, "Subscription", model::<Subscription>)
            .error(404, "60003 (customer) or 20003 (subscription)"),
        op("patch", "/v1/customers/{customer_id}/subscriptions/{subscription_id}", "Subscriptions",
            "Update a subscription: quantity up (a prorated addQuantity charge and a new refundableQuantity block with its own 168-hour window) or down (only seats inside their window, a negative removeQuantity credit), status \"deleted\" (cancel inside cancellationAllowedUntilDate), autoRenewEnabled, scheduledNextTermInstructions (applied at renewal; null removes). Decided by pc-core's lifecycle rules; a mid-term seat change or cancel removes the scheduled change")
            .param(if_match())
            .json_body(component("SubscriptionPatch"), json!({ "autoRenewEnabled": true }))
            .ok(200, "Subscription", model::<Subscription>)
            .invalid("a malformed body; refusals 900117 (cancellation window passed), 900214 (seat-reduction window passed), 800090 (fewer seats reducible than asked), 900275 (quantity limits), 800002 (other findings)")
            .purchase()
            .error(404, "60003 (customer) or 20003 (subscription)")
            .error(409, "409: concurrent changes kept winning; read again and retry")
            .error(412, "412: If-Match / attributes.etag is not the current etag"),
        op("get", "/v1/customers/{customer_id}/subscriptions/{subscription_id}/provisioningstatus", "E19",
            "Subscription provisioning status (App+User only)")
            .ok(200, "SubscriptionProvisioningStatus", model::<SubscriptionProvisioningStatus>)
            .user_only()
            .error(404, "60003 (customer) or 20003 (subscription)"),
        op("post", "/v1/customers/{customer_id}/subscriptions/{subscription_id}/registrations", "E20",
            "Register an Azure subscription for reservations (202 + Location)")
            .at("subscription_id", seeded::AZURE_PLAN_SUBSCRIPTION)
            .reply(202, "Registration started; poll the Location (registration status)", None)
            .with_header("Location", json!({ "type": "string" }), true)
            .error(400, "800011: not an Azure subscription")
            .error(404, "60003 (customer) or 20003 (subscription)"),
        op("get", "/v1/customers/{customer_id}/subscriptions/{subscription_id}/registrationstatus", "E21",
            "Registration status")
            .at("subscription_id", seeded::AZURE_PLAN_SUBSCRIPTION)
            .ok(200, "SubscriptionRegistrationStatus", model::<SubscriptionRegistrationStatus>)
            .error(400, "800011: not an Azure subscription")
            .error(404, "60003 (customer) or 20003 (subscription)"),
        op("get", "/v1/customers/{customer_id}/entitlements", "E22", "List entitlements")
            .params([
                query("entitlementType", false, "software, reservedInstance or virtualMachineReservedInstance (case-insensitive); empty: not given; others: 400",
                    json!({ "type": "string", "enum": ["software", "reservedInstance", "virtualMachineReservedInstance", ""] })).example("software"),
                query("showExpiry", false, "true fills expiryDate (true or false, case-insensitive; empty: false); others: 400",
                    json!({ "type": "string", "pattern": "^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])?$" })).example("true"),
            ])
            .ok(200, "Collection<Entitlement>", model::<Collection<Entitlement>>)
            .invalid("entitlementType or showExpiry not one of the values")
            .error(404, "60003: not one of the caller's customers"),
        op("get", "/v1/customers/{customer_id}/artifacts/reservedinstance/groups/{group}/lineitems/{line_item}/resource/{resource_id}", "E22",
            "Reservation artifact details (the link of a reservation entitlement's artifact)")
            .ok(200, "ReservedInstanceArtifactDetails", model::<ReservedInstanceArtifactDetails>)
            .error(404, "60003 (customer) or 1000 (artifact)"),
        op("get", "/v1/profiles/legalbusiness", "Profiles", "The partner's legal business profile (country in its address)")
            .reply(200, "LegalBusinessProfile", Some(Body::JsonValue(component("LegalBusinessProfile")))),
        op("get", "/v1/invoices/summary", "E23", "Current account balance")
            .ok(200, "InvoiceSummary", model::<InvoiceSummary>),
        op("get", "/v1/invoices/summaries", "E24", "Invoice summaries, one per currency (App+User only)")
            .ok(200, "Collection<InvoiceSummary>", model::<Collection<InvoiceSummary>>)
            .user_only(),
        op("get", "/v1/invoices", "E25", "List invoices")
            .params([size(), offset()])
            .ok(200, "Collection<Invoice>", model::<Collection<Invoice>>)
            .invalid("size or offset not a whole number (size from 1)"),
        op("get", "/v1/invoices/{invoice_id}", "E26", "Get an invoice (with pdfDownloadLink) (App+User only)")
            .ok(200, "Invoice", model::<Invoice>)
            .user_only()
            .error(404, "1000: no such invoice of the partner"),
        op("get", "/v1/invoices/{invoice_id}/documents/statement", "E27", "Invoice statement PDF (App+User only)")
            .reply(200, "The statement", Some(Body::Other("application/pdf", json!({ "type": "string", "contentMediaType": "application/pdf" }))))
            .user_only()
            .error(404, "1000: no such invoice of the partner"),
        op("get", "/v1/invoices/{invoice_id}/lineitems", "E28", "Invoice line items")
            .params([line_item_provider(true), line_item_type(true), currency(false), size(), offset(), seek_operation(), continuation_token()])
            .ok(200, "Collection<InvoiceLineItem>", model::<Collection<InvoiceLineItem>>)
            .invalid("provider or invoicelineitemtype not one of the values, currencycode not three letters, size/offset not whole numbers, seekOperation=Next without MS-ContinuationToken, or a token this server did not issue")
            .error(404, "1000: no such invoice of the partner"),
        op("get", "/v1/invoices/estimates/links", "Billing",
            "Invoice estimate links: where the unbilled consumption and reconciliation line items of the current and previous periods are")
            .param(currency(true))
            .ok(200, "Collection<EstimateLink>", model::<Collection<EstimateLink>>)
            .invalid("currencycode missing or not three letters"),
        op("get", "/v1/invoices/unbilled/lineitems", "Billing",
            "Unbilled reconciliation (billinglineitems) or consumption (usagelineitems) line items of the current or previous period; next pages with seekOperation=Next and MS-ContinuationToken")
            .params([
                line_item_provider(true),
                line_item_type(true),
                currency(true),
                query("period", true, "current or previous (case-insensitive)", json!({ "type": "string", "enum": ["current", "previous"] })).example("current"),
                size(),
                offset(),
                seek_operation(),
                continuation_token(),
            ])
            .ok(200, "Collection<InvoiceLineItem>", model::<Collection<InvoiceLineItem>>)
            .invalid("provider, invoicelineitemtype or period not one of the values, currencycode missing or not three letters, size/offset not whole numbers, seekOperation=Next without MS-ContinuationToken, or a token this server did not issue"),
        op("get", "/v1/invoices/{invoice_id}/lineitems/{provider}/{line_item_type}", "E28",
            "Invoice line items, path form; seekOperation=Next with MS-ContinuationToken for the next page")
            .params([currency(false), size(), offset(), seek_operation(), continuation_token()])
            .ok(200, "Collection<InvoiceLineItem>", model::<Collection<InvoiceLineItem>>)
            .invalid("currencycode not three letters, size/offset not whole numbers, seekOperation=Next without MS-ContinuationToken, or a token this server did not issue")
            .error(404, "1000: no such invoice of the partner"),
        op("get", "/sandbox/clock", "Sandbox",
            "Sandbox only: the sandbox clock (real time + the offset POST /sandbox/clock added); lifecycle times follow it, tokens do not")
            .reply(200, "The sandbox's now", Some(Body::JsonValue(component("Clock")))),
        op("post", "/sandbox/clock", "Sandbox",
            "Sandbox only: move the clock forward for every tenant; renewals and expiries that fall due run at once")
            .json_body(component("ClockAdvance"), json!({ "advance": "P1D" }))
            .reply(200, "The sandbox's new now", Some(Body::JsonValue(component("Clock"))))
            .invalid("advance not an ISO 8601 duration, negative, or longer than P10Y; other members"),
        op("post", "/sandbox/invoices/close", "Sandbox",
            "Sandbox only: close the current billing period (purchase lines and Azure plan usage) into invoices, one per currency")
            .ok(201, "Collection<Invoice>: the invoices of the closed period", model::<Collection<Invoice>>),
    ]);
    out
}

fn agreement_type() -> Param {
    query(
        "agreementType",
        false,
        "MicrosoftCustomerAgreement, or All (other types match nothing)",
        json!({ "type": "string", "examples": ["MicrosoftCustomerAgreement", "All"] }),
    )
    .example("MicrosoftCustomerAgreement")
}

fn if_match() -> Param {
    header(
        "If-Match",
        "attributes.etag of the resource as read (quoted or not, * = any); a different one answers 412",
        json!({ "type": "string" }),
    )
}

fn cart_example() -> Value {
    json!({
        "lineItems": [{
            "id": 0,
            "catalogItemId": seeded::CATALOG_ITEM,
            "quantity": 2,
            "billingCycle": "monthly",
            "termDuration": "P1M",
        }]
    })
}

/// A collection envelope whose items are `items`.
fn collection_of(generator: &mut SchemaGenerator, items: Value) -> Value {
    let mut schema = <Collection<Value>>::json_schema(generator).to_value();
    schema["properties"]["items"]["items"] = items;
    schema
}

// ------------------------------------------------------------------ schemas only the sandbox has

/// Schemas of the sandbox's own answers (identity provider, clock, profile).
fn sandbox_schemas(generator: &mut SchemaGenerator) -> Map<String, Value> {
    let address = model::<Address>(generator);
    let contact = model::<Contact>(generator);
    let link = model::<Link>(generator);
    let mut out = Map::new();
    out.insert("OAuthError".to_owned(), json!({
        "type": "object",
        "description": "An OAuth 2.0 error (RFC 6749 §5.2) with Entra's AADSTS code in the description",
        "required": ["error", "error_description"],
        "properties": {
            "error": { "type": "string", "examples": ["invalid_request", "invalid_client", "invalid_grant", "invalid_scope", "unsupported_grant_type", "invalid_tenant"] },
            "error_description": { "type": "string" },
        },
    }));
    out.insert("TokenRequest".to_owned(), json!({
        "type": "object",
        "description": "Form of the token endpoint. The client authenticates with client_id and client_secret here or with HTTP Basic (client_secret_basic)",
        "required": ["grant_type"],
        "properties": {
            "grant_type": { "type": "string", "enum": ["authorization_code", "refresh_token", "client_credentials", "password"] },
            "client_id": { "type": "string", "examples": ["contoso-app", "contoso-portal", "fabrikam-app", "fabrikam-portal"] },
            "client_secret": { "type": "string", "examples": ["contoso-secret", "contoso-portal-secret"] },
            "scope": { "type": "string", "examples": ["https://api.partnercenter.microsoft.com/user_impersonation", "https://api.partnercenter.microsoft.com/.default"] },
            "code": { "type": "string" },
            "redirect_uri": { "type": "string" },
            "code_verifier": { "type": "string" },
            "refresh_token": { "type": "string" },
            "username": { "type": "string", "examples": ["admin@contoso.example"] },
            "password": { "type": "string", "examples": ["demo"] },
        },
    }));
    out.insert("TokenResponse".to_owned(), json!({
        "type": "object",
        "required": ["token_type", "expires_in", "scope", "access_token"],
        "properties": {
            "token_type": { "const": "Bearer" },
            "expires_in": { "type": "integer", "minimum": 0 },
            "ext_expires_in": { "type": "integer", "minimum": 0 },
            "scope": { "type": "string" },
            "access_token": { "type": "string", "description": "An RS256 JWT for aud https://api.partnercenter.microsoft.com" },
            "refresh_token": { "type": "string", "description": "Opaque, 24 hours, rotated on use (App+User grants)" },
            "id_token": { "type": "string", "description": "With scope openid" },
        },
    }));
    out.insert("OpenIdConfiguration".to_owned(), json!({
        "type": "object",
        "required": ["issuer", "authorization_endpoint", "token_endpoint", "jwks_uri", "response_types_supported", "subject_types_supported", "id_token_signing_alg_values_supported"],
        "properties": {
            "issuer": { "type": "string" },
            "authorization_endpoint": { "type": "string" },
            "token_endpoint": { "type": "string" },
            "jwks_uri": { "type": "string" },
            "response_types_supported": { "type": "array", "items": { "type": "string" } },
            "response_modes_supported": { "type": "array", "items": { "type": "string" } },
            "subject_types_supported": { "type": "array", "items": { "type": "string" } },
            "id_token_signing_alg_values_supported": { "type": "array", "items": { "type": "string" } },
            "scopes_supported": { "type": "array", "items": { "type": "string" } },
            "token_endpoint_auth_methods_supported": { "type": "array", "items": { "type": "string" } },
            "code_challenge_methods_supported": { "type": "array", "items": { "type": "string" } },
            "grant_types_supported": { "type": "array", "items": { "type": "string" } },
            "claims_supported": { "type": "array", "items": { "type": "string" } },
        },
    }));
    out.insert("Jwks".to_owned(), json!({
        "type": "object",
        "required": ["keys"],
        "properties": {
            "keys": { "type": "array", "minItems": 1, "items": {
                "type": "object",
                "required": ["kty", "kid", "n", "e"],
                "properties": {
                    "kty": { "const": "RSA" }, "use": { "const": "sig" }, "alg": { "const": "RS256" },
                    "kid": { "type": "string" }, "n": { "type": "string" }, "e": { "type": "string" },
                },
            } },
        },
    }));
    out.insert("Clock".to_owned(), json!({
        "type": "object",
        "required": ["now"],
        "properties": { "now": { "type": "string", "format": "date-time", "description": "The sandbox's now, RFC 3339" } },
    }));
    out.insert("ClockAdvance".to_owned(), json!({
        "type": "object",
        "required": ["advance"],
        "additionalProperties": false,
        "properties": { "advance": {
            "type": "string",
            "description": "An ISO 8601 duration, at most P10Y: years, months, weeks, days (P1Y, P1M, P2W, P8D) and after T hours, minutes, seconds (PT12H)",
            "pattern": CLOCK_ADVANCE_PATTERN,
            "examples": ["P1D", "P8D", "PT12H", "P1M"],
        } },
    }));
    out.insert(
        "AgreementMetaData".to_owned(),
        json!({
            "type": "object",
            "properties": {
                "templateId": { "type": "string" },
                "agreementType": { "type": "string" },
                "agreementLink": { "type": "string" },
                "versionRank": { "type": "integer" },
                "attributes": { "type": "object" },
            },
        }),
    );
    out.insert("LegalBusinessProfile".to_owned(), json!({
        "type": "object",
        "description": "The partner's legal business profile (Partner Center: *Get the legal business profile*)",
        "properties": {
            "companyName": { "type": "string" },
            "address": address,
            "primaryContact": contact,
            "companyApproverAddress": address,
            "companyApproverEmail": { "type": "string" },
            "vettingStatus": { "type": "string" },
            "vettingSubStatus": { "type": "string" },
            "links": { "type": "object", "additionalProperties": link },
            "attributes": { "type": "object" },
        },
    }));
    out
}

/// `advance` of `POST /sandbox/clock`: at least one designator, time ones after `T`, and
/// bounded so that no match exceeds ten years (8Y 9M 9W 99D at most).
const CLOCK_ADVANCE_PATTERN: &str = concat!(
    "^P(",
    "([0-8]Y([0-9]M)?([0-9]W)?([0-9]{1,2}D)?|[0-9]M([0-9]W)?([0-9]{1,2}D)?|[0-9]W([0-9]{1,2}D)?|[0-9]{1,2}D)",
    "(T([0-9]{1,2}H([0-9]{1,2}M)?([0-9]{1,2}S)?|[0-9]{1,2}M([0-9]{1,2}S)?|[0-9]{1,2}S))?",
    "|T([0-9]{1,2}H([0-9]{1,2}M)?([0-9]{1,2}S)?|[0-9]{1,2}M([0-9]{1,2}S)?|[0-9]{1,2}S)",
    ")$"
);

/// Request schemas: the models' schemas with what the sandbox requires of a request (required
/// members, at least one line, fixed values).
fn request_schemas(definitions: &Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    let refine = |name: &str, f: &dyn Fn(&mut Value)| {
        let mut schema = definitions.get(name).cloned().unwrap_or_else(|| json!({}));
        f(&mut schema);
        schema
    };
    let text = json!({ "type": "string", "pattern": "\\S" });
    out.insert("CartLineItemRequest".to_owned(), refine("CartLineItem", &|s| {
        s["required"] = json!(["catalogItemId", "quantity", "billingCycle"]);
        s["properties"]["catalogItemId"] = json!({
            "type": "string",
            "pattern": "\\S",
            "description": "An availability's catalogItemId ({productId}:{skuId}:{availabilityId}) or a legacy offer ID; one the catalog does not have becomes the line's error (catalog_item_id_is_not_valid), not a refusal",
            "examples": [seeded::CATALOG_ITEM],
        });
        s["properties"]["quantity"] = json!({ "type": ["integer", "string"], "minimum": i64::MIN, "maximum": i64::MAX, "pattern": "^[+-]?[0-9]{1,18}$" });
        s["properties"]["billingCycle"] = component("BillingCycle");
        s["properties"]["addonItems"] = json!({ "type": ["array", "null"], "items": component("CartLineItemRequest") });
    }));
    out.insert("CartRequest".to_owned(), refine("Cart", &|s| {
        s["required"] = json!(["lineItems"]);
        s["properties"]["lineItems"] = json!({ "type": "array", "minItems": 1, "items": component("CartLineItemRequest") });
        s["description"] = json!("A cart as sent to create or update it: at least one line, each with catalogItemId, quantity and billingCycle. Server-side members (id, timestamps, status, pricing, orderGroup, error) are filled by the sandbox.");
    }));
    out.insert(
        "ContactRequest".to_owned(),
        refine("Contact", &|s| {
            s["required"] = json!(["firstName", "lastName", "email"]);
            for member in ["firstName", "lastName", "email"] {
                s["properties"][member] = text.clone();
            }
        }),
    );
    out.insert("AgreementRequest".to_owned(), refine("Agreement", &|s| {
        s["required"] = json!(["primaryContact", "templateId", "dateAgreed", "type"]);
        s["properties"]["primaryContact"] = component("ContactRequest");
        s["properties"]["templateId"] = json!({ "type": "string", "enum": [crate::seed::MCA_TEMPLATE_ID], "description": "The Microsoft Customer Agreement template (GET /v1/agreements)" });
        s["properties"]["dateAgreed"] = json!({ "type": "string", "format": "date-time", "description": "When the customer accepted" });
        s["properties"]["type"] = json!({ "type": "string", "enum": ["MicrosoftCustomerAgreement"] });
    }));
    out.insert(
        "InventoryCheckRequestBody".to_owned(),
        refine("InventoryCheckRequest", &|s| {
            s["required"] = json!(["targetItems"]);
            s["properties"]["targetItems"]["type"] = json!("array");
            s["properties"]["targetItems"]["minItems"] = json!(1);
        }),
    );
    out.insert("SubscriptionPatch".to_owned(), json!({
        "type": "object",
        "description": "The subscription as read with the members to change, or only those members; other members are ignored. attributes.etag, when sent, must be the current etag (else 412).",
        "properties": {
            "quantity": { "type": ["integer", "string", "null"], "minimum": i64::MIN, "maximum": i64::MAX, "pattern": "^[+-]?[0-9]{1,18}$", "description": "The new number of seats" },
            "status": { "type": ["string", "null"], "description": "deleted cancels; the current status changes nothing; others: 400", "examples": ["deleted"] },
            "autoRenewEnabled": { "type": ["boolean", "null"] },
            "scheduledNextTermInstructions": { "anyOf": [component("NextTermInstructions"), { "type": "null" }], "description": "Applied at renewal; null removes the scheduled change" },
            "attributes": { "type": "object", "properties": { "etag": { "type": "string" } } },
        },
    }));
    out.insert("OrderPatch".to_owned(), json!({
        "type": "object",
        "description": "Cancels software lines: status cancelled, and lineItems to cancel some lines only (all of them without). attributes.etag, when sent, must be the order's etag (else 412).",
        "required": ["status"],
        "properties": {
            "status": { "type": "string", "enum": ["cancelled"] },
            "lineItems": { "type": ["array", "null"], "items": {
                "type": "object",
                "required": ["lineItemNumber"],
                "properties": { "lineItemNumber": { "type": ["integer", "string"], "minimum": i64::MIN, "maximum": i64::MAX, "pattern": "^[+-]?[0-9]{1,18}$" } },
            } },
            "attributes": { "type": "object", "properties": { "etag": { "type": ["string", "null"] } } },
        },
    }));
    out
}

// ------------------------------------------------------------------ assembly

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/openapi.json", get(|| async { Json(document()) }))
}

fn parameters(op: &Operation) -> Vec<Value> {
    let mut out = Vec::new();
    for segment in op.path.split('/') {
        if let Some(name) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            let (schema, description, example) = path_param(name);
            let example = op
                .path_examples
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(example, |(_, e)| e.clone());
            out.push(json!({ "name": name, "in": "path", "required": true, "description": description, "schema": schema, "example": example }));
        }
    }
    for param in &op.params {
        let mut entry = json!({ "name": param.name, "in": param.location, "required": param.required, "schema": param.schema });
        if !param.description.is_empty() {
            entry["description"] = json!(param.description);
        }
        if let Some(example) = &param.example {
            entry["example"] = example.clone();
        }
        out.push(entry);
    }
    if op.auth != Auth::None {
        for (name, description) in [
            (
                "MS-RequestId",
                "Idempotency key (GUID): reuse it when retrying after a timeout (echoed; generated when absent)",
            ),
            ("MS-CorrelationId", "Correlation GUID (echoed)"),
            (
                "X-Locale",
                "Language of returned text (echoed), default en-US",
            ),
        ] {
            out.push(json!({ "name": name, "in": "header", "required": false, "description": description, "schema": { "type": "string" } }));
        }
    }
    out
}

fn response(generator: &mut SchemaGenerator, reply: &Reply) -> Value {
    let mut out = json!({ "description": reply.description });
    match &reply.body {
        Some(Body::Json(schema)) => {
            out["content"] = json!({ "application/json": { "schema": schema(generator) } });
        }
        Some(Body::JsonValue(schema)) => {
            out["content"] = json!({ "application/json": { "schema": schema } });
        }
        Some(Body::Other(media, schema)) => {
            out["content"] = json!({ *media: { "schema": schema } });
        }
        None => {}
    }
    if !reply.headers.is_empty() {
        let headers: Map<String, Value> = reply
            .headers
            .iter()
            .map(|(name, schema, required)| {
                (
                    (*name).to_owned(),
                    json!({ "schema": schema, "required": required }),
                )
            })
            .collect();
        out["headers"] = Value::Object(headers);
    }
    if let Some(links) = &reply.links {
        out["links"] = links.clone();
    }
    out
}

/// The statuses every `/v1` (or sandbox-only) operation may answer besides its own.
fn common_replies(generator: &mut SchemaGenerator, auth: Auth) -> Vec<(String, Value)> {
    let error = json!({ "application/json": { "schema": model::<ApiError>(generator) } });
    let mut out = Vec::new();
    if auth == Auth::None {
        return out;
    }
    out.push((
        "401".to_owned(),
        json!({
            "description": "800001: no token; 400 (Access denied): a token that is malformed, expired, badly signed or not for this service",
            "headers": { "WWW-Authenticate": { "schema": { "type": "string" }, "required": true } },
            "content": error,
        }),
    ));
    if auth == Auth::V1 {
        out.push((
            "429".to_owned(),
            json!({
                "description": "Throttled (--throttle): wait Retry-After seconds",
                "headers": { "Retry-After": { "schema": { "type": "integer", "minimum": 1 }, "required": true } },
                "content": { "application/json": { "schema": model::<ThrottleError>(generator) } },
            }),
        ));
        out.push((
            "503".to_owned(),
            json!({ "description": "800003, only with --fault-rate: injected before anything was done", "content": error }),
        ));
        out.push((
            "504".to_owned(),
            json!({ "description": "800003, only with --fault-rate: injected after the work was done; retry with the same MS-RequestId", "content": error }),
        ));
    }
    out
}

/// The OpenAPI document.
pub(crate) fn document() -> Value {
    let mut generator = SchemaSettings::draft2020_12()
        .with(|s| {
            s.definitions_path = "/components/schemas".into();
            s.meta_schema = None;
        })
        .into_generator();
    pc_core::schema::add_models(&mut generator);
    let own = sandbox_schemas(&mut generator);
    let mut paths: Map<String, Value> = Map::new();
    for op in operations() {
        let mut responses = Map::new();
        for reply in &op.replies {
            responses.insert(reply.status.to_string(), response(&mut generator, reply));
        }
        if op.params.iter().any(|p| p.location == "query") && op.auth != Auth::None {
            responses.entry("400").or_insert_with(|| {
                json!({
                    "description": "Invalid input (800002): a query string that cannot be read (e.g. a parameter given twice)",
                    "content": { "application/json": { "schema": model::<ApiError>(&mut generator) } },
                })
            });
        }
        for (status, reply) in common_replies(&mut generator, op.auth) {
            responses.entry(status).or_insert(reply);
        }
        let mut operation = json!({
            "tags": [op.tag],
            "summary": op.summary,
            "operationId": op.operation_id(),
            "parameters": parameters(&op),
            "responses": responses,
        });
        if let Some((media, schema, example)) = &op.request {
            operation["requestBody"] = json!({ "required": true, "content": { *media: { "schema": schema, "example": example } } });
        }
        if op.auth != Auth::None {
            operation["security"] = json!([{ "bearer": [] }]);
        }
        let entry = paths.entry(op.path.to_owned()).or_insert_with(|| json!({}));
        entry[op.method] = operation;
    }
    // Request schemas refer to these models' schemas: make sure they are generated.
    let _ = generator.subschema_for::<pc_core::enums::BillingCycle>();
    let _ = generator.subschema_for::<pc_core::models::NextTermInstructions>();
    let mut schemas = generator.take_definitions(true);
    let requests = request_schemas(&schemas);
    schemas.extend(own);
    schemas.extend(requests);
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "pc-sandbox: Partner Center purchase-flow API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "A Partner Center-compatible sandbox. Paths, bodies and error codes follow Microsoft's Partner Center REST API (https://learn.microsoft.com/partner-center/developer/); /sandbox/* is sandbox-only. Schemas are generated from pc-core's models (the types serde reads and writes). Members are matched case-insensitively on input and unknown members are kept, so resources are open objects; extensible enums are strings whose known values are listed (Partner Center adds values). Examples are the seeded Contoso data: get a token with the password grant (admin@contoso.example / demo, client contoso-app / contoso-secret) at /contoso/oauth2/v2.0/token.",
        },
        "servers": [{ "url": "/" }],
        "components": {
            "securitySchemes": {
                "bearer": { "type": "http", "scheme": "bearer", "bearerFormat": "JWT", "description": "An access token of the tenant's token endpoint (aud https://api.partnercenter.microsoft.com)" },
                "entra": {
                    "type": "oauth2",
                    "description": "How to get the bearer token: the tenant's token endpoint ({tenant}: contoso or fabrikam)",
                    "flows": {
                        "password": { "tokenUrl": "/{tenant}/oauth2/v2.0/token", "scopes": { "https://api.partnercenter.microsoft.com/user_impersonation": "App+User access" } },
                        "clientCredentials": { "tokenUrl": "/{tenant}/oauth2/v2.0/token", "scopes": { "https://api.partnercenter.microsoft.com/.default": "App-only access" } },
                        "authorizationCode": { "authorizationUrl": "/{tenant}/oauth2/v2.0/authorize", "tokenUrl": "/{tenant}/oauth2/v2.0/token", "scopes": { "https://api.partnercenter.microsoft.com/user_impersonation": "App+User access" } },
                    },
                },
            },
            "schemas": schemas,
        },
        "paths": paths,
    })
}
