//! `cargo xtask test` / `cargo xtask ci`: every check CI runs, in CI's order, stopping at the
//! first failure: fmt, clippy, the workspace's tests, rustdoc with warnings denied, the fuzz
//! targets briefly, schemathesis against pc-sandbox's OpenAPI document, the wasm32 build, the browser tests, the npm package in Node, and the
//! portal end to end with Playwright.

use std::env;
use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, ExitCode};

use anyhow::{Context as _, Result, bail};

use crate::server::start_test_sandbox;
use crate::tools::{
    check_test_runner, find_chromedriver, install_portal_tools, locked_wasm_bindgen_version,
    portal_path, web_deps,
};
use crate::util::{copy_dir, run_step, target_dir, workspace_root};
use crate::{api_fuzz, flags, fuzz, npm, portal, size};

/// Environment variable naming the PostgreSQL server the sandbox's store tests also run on.
const POSTGRES_URL_VAR: &str = "PC_SANDBOX_TEST_POSTGRES_URL";

impl flags::Test {
    /// Runs every check, in order, stopping at the first failure.
    pub(crate) fn run(self) -> Result<ExitCode> {
        let root = workspace_root()?;
        let wasm_bindgen = locked_wasm_bindgen_version(&root)?;
        check_test_runner(&wasm_bindgen)?;
        let chromedriver = find_chromedriver().context(
            "chromedriver not found on PATH nor at /usr/bin/chromedriver; \
             run .ci/run, which installs chromium and chromium-driver",
        )?;
        let chromedriver = chromedriver.as_os_str();

        web_deps(&root)?;
        run_step(&root, &[], &["fmt", "--all", "--check"])?;
        run_step(
            &root,
            &[],
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        )?;
        match env::var_os(POSTGRES_URL_VAR) {
            Some(_) => {
                eprintln!("==> sandbox store tests also run on PostgreSQL ({POSTGRES_URL_VAR})");
            }
            None if env::var_os("CI").is_some() => bail!(
                "{POSTGRES_URL_VAR} is not set: CI runs the sandbox's store tests on PostgreSQL; \
                 .ci/run starts a local server and sets it"
            ),
            None => eprintln!(
                "note: {POSTGRES_URL_VAR} is not set, so the sandbox's store tests run on SQLite \
                 only (`.ci/postgres.sh` starts a local PostgreSQL and prints the URL)"
            ),
        }
        run_step(&root, &[], &["test", "--workspace"])?;
        // Every crate's documentation builds without a warning (broken links, bad code blocks).
        run_step(
            &root,
            &[("RUSTDOCFLAGS", OsStr::new("-D warnings"))],
            &["doc", "--workspace", "--no-deps"],
        )?;
        fuzz::smoke(&root)?;
        // The sandbox's HTTP API, schema-driven: every check of schemathesis, every operation.
        api_fuzz::step(&root)?;
        run_step(
            &root,
            &[],
            &[
                "build",
                "-p",
                "pc-core",
                "--target",
                "wasm32-unknown-unknown",
                "--release",
            ],
        )?;
        run_step(
            &root,
            &[("CHROMEDRIVER", chromedriver)],
            &[
                "test",
                "-p",
                "pc-core",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "browser",
            ],
        )?;
        // pc-client in the browser against a real sandbox this step starts.
        run_step(&root, &[], &["build", "-p", "pc-sandbox"])?;
        let sandbox = start_test_sandbox(&root)?;
        eprintln!("==> pc-sandbox for the browser tests at {}", sandbox.url);
        run_step(
            &root,
            &[
                ("CHROMEDRIVER", chromedriver),
                ("PC_SANDBOX_URL", OsStr::new(&sandbox.url)),
            ],
            &[
                "test",
                "-p",
                "pc-client",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "browser",
            ],
        )?;
        // The npm package, packed and installed, in Node against the same sandbox.
        let npm_sizes = npm::test_step(&root, &sandbox.url)?;
        drop(sandbox);
        // Portal components in Chromium, then the portal end to end (Playwright).
        run_step(
            &root,
            &[("CHROMEDRIVER", chromedriver)],
            &[
                "test",
                "-p",
                "pc-portal",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "browser",
            ],
        )?;
        let portal = e2e(&root, &[])?;
        // The size budgets, on the builds the steps above tested (`cargo xtask size`).
        size::check(&portal, &npm_sizes)?;
        eprintln!("==> all checks passed");
        Ok(ExitCode::SUCCESS)
    }
}

impl flags::E2e {
    /// `cargo xtask e2e [ARGS]...`: the end-to-end step alone; the npm package the embedding
    /// example loads is built first when the target directory has none.
    pub(crate) fn run(self) -> Result<ExitCode> {
        let root = workspace_root()?;
        let package = target_dir(&root)?.join("npm").join("package");
        if !package.join("package.json").exists() {
            install_portal_tools(&root)?;
            npm::build(&root, &package)?;
        }
        e2e(&root, &self.args)?;
        Ok(ExitCode::SUCCESS)
    }
}

/// The portal's end-to-end tests: the split release build ([`portal::build`]), then Playwright (web/e2e) in Debian's
/// Chromium against debug builds of pc-sandbox and pc-gateway (the test setup starts one sandbox
/// and a gateway per demo tenant in front of it), all from cargo's target directory.
/// Screenshots and traces land in target/e2e-artifacts, the HTML report in target/e2e-report.
/// `args` go to `playwright test` (none: the whole suite). Returns the portal it tested.
fn e2e(root: &Path, args: &[std::ffi::OsString]) -> Result<portal::Built> {
    install_portal_tools(root)?;
    let built = portal::build(root)?;
    let dist = built.dist.clone();
    run_step(
        root,
        &[],
        &["build", "-p", "pc-sandbox", "-p", "pc-gateway"],
    )?;
    let path = portal_path(root)?;
    let web = root.join("web");
    let target = target_dir(root)?;
    let sandbox = target.join("debug").join("pc-sandbox");
    let gateway = target.join("debug").join("pc-gateway");
    // The example dashboard with the npm package (built by the step before) under ./pkg/.
    let npm = target.join("npm");
    let site = npm.join("site");
    if site.exists() {
        std::fs::remove_dir_all(&site)
            .with_context(|| format!("cannot empty {}", site.display()))?;
    }
    copy_dir(&web.join("examples"), &site)?;
    copy_dir(&npm.join("package"), &site.join("pkg"))?;
    eprintln!("==> playwright test (web/e2e)");
    let status = Command::new("npx")
        .args(["--no-install", "playwright", "test"])
        .args(args)
        .current_dir(&web)
        .env("PATH", &path)
        .env("PC_SANDBOX_BIN", &sandbox)
        .env("PC_GATEWAY_BIN", &gateway)
        .env("PC_PORTAL_DIST", &dist)
        .env("PC_EMBED_SITE", &site)
        .env("PC_E2E_OUT", &target)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .status()
        .context("cannot run npx playwright")?;
    if !status.success() {
        bail!(
            "the portal's end-to-end tests failed ({status}); screenshots and traces are in \
             {}, the report in {}",
            target.join("e2e-artifacts").display(),
            target.join("e2e-report").display()
        );
    }
    Ok(built)
}
