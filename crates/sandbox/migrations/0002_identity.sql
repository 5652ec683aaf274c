-- The identity provider: the RSA signing key, authorization codes and refresh tokens.
-- Portable SQL (SQLite and PostgreSQL). Times are milliseconds since the Unix epoch (UTC).

-- The token-signing key (RS256), generated on first start; `kid` names it in token headers and
-- the JWKS. The HS256 secret of 0001 is no longer used.
CREATE TABLE signing_keys (
    kid TEXT PRIMARY KEY,
    private_key_pem TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
DELETE FROM settings WHERE name = 'signing_key';

-- Authorization codes: single use, stored by the SHA-256 of the code (base64url).
CREATE TABLE authorization_codes (
    code_hash TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    user_name TEXT NOT NULL,
    nonce TEXT,
    scope TEXT NOT NULL,
    code_challenge TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);

-- Refresh tokens: opaque, rotated on every use, stored by the SHA-256 of the token (base64url).
CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    scope TEXT NOT NULL,
    amr TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
