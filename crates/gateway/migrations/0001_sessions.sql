-- pc-gateway schema. Portable SQL: the same statements run on SQLite and PostgreSQL, so several
-- gateway instances behind a load balancer can share one PostgreSQL database. Times are seconds
-- since the Unix epoch (UTC). Give the gateway its own database (not the sandbox's).

-- A signed-in browser. `id_hash` is the SHA-256 (hex) of the cookie's session ID, so the table
-- alone does not let anyone act as a user. `tokens` is the AES-256-GCM ciphertext (base64) of
-- the access and refresh tokens. `version` grows with every refresh (optimistic concurrency
-- between instances).
CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    tenant_id TEXT,
    user_name TEXT NOT NULL,
    user_email TEXT NOT NULL,
    roles TEXT NOT NULL,
    tokens TEXT NOT NULL,
    access_expires_at BIGINT NOT NULL,
    partner TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    version BIGINT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- A sign-in under way: from `GET /auth/login` to `GET /auth/callback`. Keyed by the hash of the
-- short-lived login cookie; single use. `secrets` is the ciphertext of the PKCE verifier and the
-- nonce.
CREATE TABLE logins (
    id_hash TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    secrets TEXT NOT NULL,
    return_to TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX logins_expiry ON logins (expires_at);

-- What an Admin agent confirmed for the partner that no Partner Center API tells.
-- `perpetual_software_qualified` is 0 or 1.
CREATE TABLE partner_settings (
    tenant_id TEXT PRIMARY KEY,
    perpetual_software_qualified BIGINT NOT NULL,
    confirmed_by TEXT NOT NULL,
    confirmed_at BIGINT NOT NULL
);
