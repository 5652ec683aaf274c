-- pc-sandbox schema. Portable SQL: the same statements run on SQLite and PostgreSQL.
-- Resources are stored as the Partner Center JSON documents the API returns (`body`), with the
-- columns the server filters and joins on next to them. Times are milliseconds since the Unix
-- epoch (UTC).

CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE customers (
    id TEXT PRIMARY KEY,
    partner_tenant_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    segment TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX customers_partner ON customers (partner_tenant_id, position);

CREATE TABLE agreements (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    agreement_type TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX agreements_customer ON agreements (customer_id, created_at);

-- A cart's `status` is `Active` until a checkout creates at least one order, then `Ordered`
-- with the checkout result kept in `checkout_result` (checkout is idempotent per cart).
CREATE TABLE carts (
    id TEXT PRIMARY KEY,
    partner_tenant_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    request_id TEXT,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    body TEXT NOT NULL,
    checkout_result TEXT
);
-- Cart create retried with the same MS-RequestId returns the same cart.
CREATE UNIQUE INDEX carts_request ON carts (customer_id, request_id);

CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    partner_tenant_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    cart_id TEXT,
    billing_cycle TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id, created_at);

-- `purchase_kind` (AzurePlan, SoftwareSubscription, PerpetualSoftware, Marketplace, License,
-- AzureReservation) and `currency` feed the EU new-commerce eligibility rule.
-- `registration_status` / `registration_at`: reservation enablement of Azure subscriptions.
CREATE TABLE subscriptions (
    id TEXT PRIMARY KEY,
    partner_tenant_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    order_id TEXT,
    created_at BIGINT NOT NULL,
    currency TEXT NOT NULL,
    purchase_kind TEXT NOT NULL,
    registration_status TEXT,
    registration_at BIGINT,
    body TEXT NOT NULL
);
CREATE INDEX subscriptions_customer ON subscriptions (customer_id, created_at);

CREATE TABLE entitlements (
    id TEXT PRIMARY KEY,
    partner_tenant_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    order_id TEXT NOT NULL,
    entitlement_type TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX entitlements_customer ON entitlements (customer_id, created_at);

-- Reservation artifact details, served at the artifact link of an entitlement.
CREATE TABLE artifacts (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    body TEXT NOT NULL
);

CREATE TABLE invoices (
    id TEXT PRIMARY KEY,
    partner_tenant_id TEXT NOT NULL,
    currency TEXT NOT NULL,
    invoice_date BIGINT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX invoices_partner ON invoices (partner_tenant_id, invoice_date);

-- OneTime billing line items. `invoice_id` is NULL while the line belongs to the current,
-- still open billing period.
CREATE TABLE invoice_line_items (
    id TEXT PRIMARY KEY,
    partner_tenant_id TEXT NOT NULL,
    invoice_id TEXT,
    currency TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX invoice_line_items_invoice ON invoice_line_items (partner_tenant_id, invoice_id, created_at);
