-- After the purchase (issue 15): the sandbox clock, and what renewals, seat changes and
-- cancellations need. Portable SQL (SQLite and PostgreSQL). Times are milliseconds since the
-- Unix epoch (UTC).

-- The sandbox clock: lifecycle time is real time + `offset_ms` (moved forward only, by
-- `POST /sandbox/clock`). Exactly one row. Tokens, sign-in and keys stay on real time.
CREATE TABLE sandbox_clock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    offset_ms BIGINT NOT NULL
);
INSERT INTO sandbox_clock (id, offset_ms) VALUES (1, 0);

-- `version`: bumped by every write of the row; writes are conditional on the version read
-- (optimistic concurrency, and a term renews once even under concurrent requests).
-- `term_end_at`: when the current term ends and the subscription renews or expires (the day
-- after `commitmentEndDate`, 00:00 UTC); NULL when nothing is due (no term, expired, deleted).
-- `term_start_at`: when the current term started (purchase or latest renewal).
-- `unit_price`: price of one seat for one billing period in `currency` (decimal text), NULL
-- when the catalog does not price it.
ALTER TABLE subscriptions ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE subscriptions ADD COLUMN term_start_at BIGINT;
ALTER TABLE subscriptions ADD COLUMN term_end_at BIGINT;
ALTER TABLE subscriptions ADD COLUMN unit_price TEXT;
CREATE INDEX subscriptions_term_end ON subscriptions (term_end_at);

-- Orders change when software lines are cancelled; `version` as above.
ALTER TABLE orders ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
