-- Billing periods (issue 16). Portable SQL (SQLite and PostgreSQL). Times are milliseconds
-- since the Unix epoch (UTC).

-- Every `POST /sandbox/invoices/close` ends one period: from `start_at` (the end of the period
-- before it, or the first of the month of the first close) to `end_at` (the close). The open,
-- "current" period runs from the latest `end_at` to now; the latest closed one is "previous".
CREATE TABLE billing_periods (
    id TEXT PRIMARY KEY,
    partner_tenant_id TEXT NOT NULL,
    start_at BIGINT NOT NULL,
    end_at BIGINT NOT NULL
);
CREATE INDEX billing_periods_partner ON billing_periods (partner_tenant_id, end_at);

-- The period an invoice closed (NULL for seeded invoices, which predate the sandbox's periods).
ALTER TABLE invoices ADD COLUMN period_id TEXT;
