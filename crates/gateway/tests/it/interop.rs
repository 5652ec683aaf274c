//! Interop with an OpenID provider this project did not write: npm `oauth2-mock-server`
//! (`tests/interop/mock-idp.cjs`, package pinned in web/package.json). Node and `web/node_modules`
//! must be there (`cargo xtask test` installs them first); without them the test says so and is
//! skipped, except in CI, where it fails.

use std::path::PathBuf;
use std::process::Stdio;

use reqwest::StatusCode;
use tokio::io::AsyncBufReadExt as _;

use crate::common::{Browser, Recorder, claims, gateway};

/// Starts the mock provider; returns the child (killed on drop) and its issuer URL.
async fn mock_provider() -> Option<(tokio::process::Child, String)> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let node_modules = manifest.join("../../web/node_modules");
    if !node_modules.join("oauth2-mock-server").is_dir() {
        assert!(
            std::env::var_os("CI").is_none(),
            "web/node_modules/oauth2-mock-server is missing: run `npm ci` in web/"
        );
        eprintln!("skipped: web/node_modules/oauth2-mock-server is missing (npm ci in web/)");
        return None;
    }
    let mut child = tokio::process::Command::new("node")
        .arg(manifest.join("tests/interop/mock-idp.cjs"))
        .env("NODE_PATH", &node_modules)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .expect("node runs");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = tokio::io::BufReader::new(stdout).lines();
    let line = tokio::time::timeout(std::time::Duration::from_secs(30), lines.next_line())
        .await
        .expect("the mock provider starts within 30 s")
        .expect("read")
        .expect("a line");
    let issuer = line
        .strip_prefix("listening on ")
        .expect("listening line")
        .trim()
        .to_owned();
    Some((child, issuer))
}

#[tokio::test]
async fn signs_in_through_oauth2_mock_server_and_forwards_its_token() {
    let Some((_child, issuer)) = mock_provider().await else {
        return;
    };
    let (recorder, upstream) = Recorder::start().await;
    let gw = gateway(&issuer, &upstream, "sqlite::memory:", |c| {
        c.require_mfa = true
    })
    .await;
    let browser = Browser::new();
    // The mock authorizes at once: login → provider → callback → the deep link.
    let authorize = browser
        .redirect_of(&gw.at("/auth/login?return_to=/customers"))
        .await;
    assert!(authorize.starts_with(&issuer), "{authorize}");
    assert!(authorize.contains("code_challenge_method=S256"));
    let callback = browser.redirect_of(&authorize).await;
    assert!(callback.starts_with(&gw.at("/auth/callback")), "{callback}");
    let landed = browser.redirect_of(&callback).await;
    assert_eq!(landed, "/customers");
    let session = browser.session(&gw).await;
    assert_eq!(session["signedIn"], true, "{session}");
    assert_eq!(session["user"]["name"], "Morgan Mock");
    assert_eq!(session["canConfirmQualification"], true);
    assert_eq!(session["partner"]["billingCurrency"], "USD");
    // /v1 goes upstream with the mock provider's access token.
    let response = browser
        .http
        .get(gw.at("/v1/customers"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let seen = recorder.last("/v1/customers").unwrap();
    let token = seen.headers["authorization"]
        .to_str()
        .unwrap()
        .trim_start_matches("Bearer ")
        .to_owned();
    assert_eq!(claims(&token)["iss"], issuer.as_str());
}
