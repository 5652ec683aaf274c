//! pc-gateway's integration tests: one binary, real loopback ports.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

// servers (sandbox, gateway, recording upstream) and a browser with a cookie jar
mod common;
// an identity provider whose ID tokens are wrong on purpose
mod fake_idp;
// the /v1 forwarding, the 401 without a session, the same-origin guard
mod forward;
// sign-in against oauth2-mock-server, an OpenID provider this project did not write
mod interop;
// one session seen by two gateway instances on one PostgreSQL
mod postgres;
// login, callback, session, logout, MFA, partner settings — against pc-sandbox
mod sign_in;
// refresh before expiry, a refused refresh, ID-token checks
mod tokens;
