//! Project automation, run as `cargo xtask <COMMAND>` (an alias in `.cargo/config.toml`).
//!
//! - `decode <RESOURCE> <FILE>...`: decode captured Partner Center bodies as a resource and prove
//!   they round-trip losslessly.
//! - `check-cart <FILE>`: run the purchase rules over a `{"cart", "context"}` input.
//! - `test` (alias `ci`): the project's test command; every check CI runs, in CI's order.
//! - `bench`: the `validate_cart` criterion benchmark.
//! - `serve [--addr ADDR] [--tenant contoso|fabrikam]`: install what is missing, build the portal
//!   with Trunk and serve it through pc-gateway, signing in with pc-sandbox's demo users.
//! - `load`: pc-sandbox load figures with oha (catalog requests per second, checkout latency).
//! - `npm [--out DIR] [--test]`: build the npm package (pc-wasm); with `--test`, test it packed.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use pc_core::roundtrip::{Resource, round_trip};
use pc_core::rules::{parse_input, validate_cart};

mod npm;

/// Command-line interface of `cargo xtask`.
#[derive(Debug, Parser)]
#[command(
    name = "cargo xtask",
    bin_name = "cargo xtask",
    about = "Project automation for the Partner Center purchase portal"
)]
struct Cli {
    /// What to do.
    #[command(subcommand)]
    command: Cmd,
}

/// The `cargo xtask` subcommands.
#[derive(Debug, Subcommand)]
enum Cmd {
    /// Decode JSON files as a Partner Center resource and check they re-serialize losslessly.
    ///
    /// Prints `ok <file>` or `FAIL <file>: <error>` per file. Exit status: 0 when every file
    /// passes, 1 when any fails, 2 for an unknown RESOURCE.
    Decode {
        /// Resource name as in the fixture manifest (`Product`, `Sku`, `Cart`, …), alone or as
        /// `Collection<T>` / `Array<T>`.
        resource: String,
        /// JSON files to decode.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Validate a `{"cart": Cart, "context": PurchaseContext}` file with the purchase rules.
    ///
    /// Prints `{"findings": [...], "orderGroups": [...]}` as pretty JSON and exits 0, findings or
    /// not. Exit status 2 when the file is unreadable or the input is malformed.
    CheckCart {
        /// The input JSON file.
        file: PathBuf,
    },
    /// The project's test command: fmt, clippy, tests, wasm32 build, the browser tests
    /// (pc-core's, and pc-client's against a sandbox it starts) and the packed npm package in
    /// Node against the same sandbox.
    Test,
    /// Same as `test`: the one local entry point that mirrors CI.
    Ci,
    /// Run the `validate_cart` criterion benchmark of pc-core.
    Bench {
        /// Extra arguments for the benchmark binary (passed after `--`), e.g. a filter or
        /// `--save-baseline main`.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<OsString>,
    },
    /// Build the portal (Trunk, release) and serve it as production does: pc-gateway in front
    /// of pc-sandbox, which is both the identity provider (demo users) and Partner Center.
    ///
    /// Installs what is missing first: the wasm32 target, wasm-bindgen-cli at Cargo.lock's
    /// version, trunk 0.21.14, and wasm-opt (npm binaryen 132 under web/). Ctrl-C stops both
    /// servers.
    Serve {
        /// Address the gateway (and so the portal) listens on; port 0 picks a free port.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// The sandbox partner tenant to sign in to.
        #[arg(long, value_enum, default_value_t = Tenant::Contoso)]
        tenant: Tenant,
        /// The URL browsers use, when it is not the gateway's own address — for development,
        /// Trunk's dev server (`trunk serve`, which proxies /v1 and /auth to the gateway):
        /// `--public-url http://127.0.0.1:8081`.
        #[arg(long, value_name = "URL")]
        public_url: Option<String>,
    },
    /// Load figures for pc-sandbox, measured with oha: `GET /v1/products` requests per second
    /// and checkout latency percentiles under 32 concurrent connections (`xtask/load.sh`).
    Load,
    /// Build the npm package (pc-wasm: rules and client) into a directory ready for `npm pack`.
    ///
    /// Release profile, wasm-bindgen at Cargo.lock's version, wasm-opt -Oz (npm binaryen 132
    /// under web/), models.d.ts generated from the Rust types. Prints the wasm's brotli size.
    Npm {
        /// Directory to build the package in (emptied first); default `<target>/npm/package`.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Also pack it, install the .tgz into a new project and run web/tests with Node's test
        /// runner against a pc-sandbox this starts.
        #[arg(long)]
        test: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Cmd::Decode { resource, files } => decode(&resource, &files),
        Cmd::CheckCart { file } => check_cart(&file),
        Cmd::Test | Cmd::Ci => test().map(|()| ExitCode::SUCCESS),
        Cmd::Bench { args } => bench(&args),
        Cmd::Load => load(),
        Cmd::Serve {
            addr,
            tenant,
            public_url,
        } => serve(&addr, tenant, public_url.as_deref()),
        Cmd::Npm { out, test } => npm::command(out.as_deref(), test),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask decode`: round-trips every file, reporting each.
fn decode(resource: &str, files: &[PathBuf]) -> Result<ExitCode> {
    let resource: Resource = match resource.parse() {
        Ok(resource) => resource,
        Err(error) => {
            eprintln!("error: {error}");
            return Ok(ExitCode::from(2));
        }
    };
    let mut stdout = io::stdout().lock();
    let mut failed = 0_usize;
    for file in files {
        let outcome = fs::read_to_string(file)
            .map_err(|e| format!("cannot read: {e}"))
            .and_then(|text| round_trip(resource, &text).map_err(|e| e.to_string()));
        match outcome {
            Ok(()) => writeln!(stdout, "ok {}", file.display())?,
            Err(error) => {
                failed += 1;
                writeln!(stdout, "FAIL {}: {error}", file.display())?;
            }
        }
    }
    stdout.flush()?;
    if failed > 0 {
        eprintln!("{failed} of {} file(s) failed", files.len());
        Ok(ExitCode::FAILURE)
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

/// `cargo xtask check-cart`: validates one input file and prints the result.
fn check_cart(file: &Path) -> Result<ExitCode> {
    let text = match fs::read_to_string(file) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: cannot read {}: {error}", file.display());
            return Ok(ExitCode::from(2));
        }
    };
    let input = match parse_input(&text) {
        Ok(input) => input,
        Err(error) => {
            eprintln!("error: {}: {error}", file.display());
            return Ok(ExitCode::from(2));
        }
    };
    let validation = validate_cart(&input.cart, &input.context);
    let json = serde_json::to_string_pretty(&validation).context("serializing the validation")?;
    let mut stdout = io::stdout().lock();
    writeln!(stdout, "{json}")?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `cargo xtask test` / `ci`: every check, in order, stopping at the first failure.
fn test() -> Result<()> {
    let root = workspace_root()?;
    let wasm_bindgen = locked_wasm_bindgen_version(&root)?;
    check_test_runner(&wasm_bindgen)?;
    let chromedriver = find_chromedriver().context(
        "chromedriver not found on PATH nor at /usr/bin/chromedriver; \
         run .ci/run, which installs chromium and chromium-driver",
    )?;

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
        Some(_) => eprintln!("==> sandbox store tests also run on PostgreSQL ({POSTGRES_URL_VAR})"),
        None if env::var_os("CI").is_some() => bail!(
            "{POSTGRES_URL_VAR} is not set: CI runs the sandbox's store tests on PostgreSQL; \
             .ci/run starts a local server and sets it"
        ),
        None => eprintln!(
            "note: {POSTGRES_URL_VAR} is not set, so the sandbox's store tests run on SQLite only \
             (`.ci/postgres.sh` starts a local PostgreSQL and prints the URL)"
        ),
    }
    run_step(&root, &[], &["test", "--workspace"])?;
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
        &[("CHROMEDRIVER", chromedriver.as_os_str())],
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
            ("CHROMEDRIVER", chromedriver.as_os_str()),
            ("PC_SANDBOX_URL", std::ffi::OsStr::new(&sandbox.url)),
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
    npm::test_step(&root, &sandbox.url)?;
    drop(sandbox);
    // Portal components in Chromium, then the portal end to end (Playwright).
    run_step(
        &root,
        &[("CHROMEDRIVER", chromedriver.as_os_str())],
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
    e2e(&root)?;
    eprintln!("==> all checks passed");
    Ok(())
}

/// The portal's end-to-end tests: release build with Trunk, then Playwright (web/e2e) in Debian's
/// Chromium against debug builds of pc-sandbox and pc-gateway (the test setup starts one sandbox
/// and a gateway per demo tenant in front of it).
/// Screenshots and traces land in target/e2e-artifacts, the HTML report in target/e2e-report.
fn e2e(root: &Path) -> Result<()> {
    install_portal_tools(root)?;
    let dist = build_portal(root)?;
    run_step(
        root,
        &[],
        &["build", "-p", "pc-sandbox", "-p", "pc-gateway"],
    )?;
    let path = portal_path(root)?;
    let web = root.join("web");
    let target = npm::target_dir(root)?;
    let sandbox = target.join("debug").join("pc-sandbox");
    let gateway = target.join("debug").join("pc-gateway");
    // The example dashboard with the npm package (built by the step before) under ./pkg/.
    let npm = npm::target_dir(root)?.join("npm");
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
        .current_dir(&web)
        .env("PATH", &path)
        .env("PC_SANDBOX_BIN", &sandbox)
        .env("PC_GATEWAY_BIN", &gateway)
        .env("PC_PORTAL_DIST", &dist)
        .env("PC_EMBED_SITE", &site)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .status()
        .context("cannot run npx playwright")?;
    if !status.success() {
        bail!(
            "the portal's end-to-end tests failed ({status}); screenshots and traces are in \
             target/e2e-artifacts, the report in target/e2e-report"
        );
    }
    Ok(())
}

/// Copies the directory `from` into `to` (created), recursively.
fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).with_context(|| format!("cannot create {}", to.display()))?;
    for entry in
        std::fs::read_dir(from).with_context(|| format!("cannot read {}", from.display()))?
    {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target).with_context(|| {
                format!(
                    "cannot copy {} to {}",
                    entry.path().display(),
                    target.display()
                )
            })?;
        }
    }
    Ok(())
}

/// The trunk version the portal is built with (newer ones need a newer rustc).
const TRUNK_VERSION: &str = "0.21.14";

/// Runs `program args` in `dir`, failing with its status.
fn run(program: &str, args: &[&str], dir: &Path, path: Option<&std::ffi::OsStr>) -> Result<()> {
    let mut command = Command::new(program);
    command.args(args).current_dir(dir);
    if let Some(path) = path {
        command.env("PATH", path);
    }
    eprintln!("==> {program} {}", args.join(" "));
    let status = command
        .status()
        .with_context(|| format!("cannot run {program}"))?;
    if !status.success() {
        bail!("{program} {} failed ({status})", args.join(" "));
    }
    Ok(())
}

/// The first line `program --version` prints, if it runs.
fn version_of(program: &str) -> Option<String> {
    let output = Command::new(program).arg("--version").output().ok()?;
    output.status.success().then(|| {
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned()
    })
}

/// Installs what building the portal needs, when missing (idempotent).
fn install_portal_tools(root: &Path) -> Result<()> {
    let targets = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .current_dir(root)
        .output()
        .context("cannot run rustup")?;
    if !String::from_utf8_lossy(&targets.stdout)
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        run(
            "rustup",
            &["target", "add", "wasm32-unknown-unknown"],
            root,
            None,
        )?;
    }
    let wasm_bindgen = locked_wasm_bindgen_version(root)?;
    if version_of("wasm-bindgen").as_deref() != Some(&format!("wasm-bindgen {wasm_bindgen}")) {
        // Not --locked: the CLI's lockfile pins a crate version the registry no longer has.
        run(
            "cargo",
            &["install", "wasm-bindgen-cli", "--version", &wasm_bindgen],
            root,
            None,
        )?;
    }
    if version_of("trunk").as_deref() != Some(&format!("trunk {TRUNK_VERSION}")) {
        run(
            "cargo",
            &["install", "--locked", "trunk", "--version", TRUNK_VERSION],
            root,
            None,
        )?;
    }
    web_deps(root)
}

/// The npm packages under `web/` (`npm ci` when any is missing): wasm-opt (binaryen 132),
/// Playwright and axe-core for the end-to-end suite, and oauth2-mock-server for pc-gateway's
/// interop test (which runs in `cargo test --workspace`, so this comes first).
fn web_deps(root: &Path) -> Result<()> {
    let web = root.join("web");
    let modules = web.join("node_modules");
    let installed = [
        modules.join(".bin").join("wasm-opt"),
        modules.join("@playwright").join("test"),
        modules.join("@axe-core").join("playwright"),
        modules.join("oauth2-mock-server"),
    ]
    .iter()
    .all(|p| p.exists());
    if !installed {
        // Playwright's browsers are never downloaded: the tests use Debian's Chromium.
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&web)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
            .status()
            .context("cannot run npm")?;
        if !status.success() {
            bail!("npm ci in web/ failed ({status})");
        }
    }
    Ok(())
}

/// PATH with web/node_modules/.bin (wasm-opt 132) first.
fn portal_path(root: &Path) -> Result<OsString> {
    let mut paths = vec![root.join("web").join("node_modules").join(".bin")];
    if let Some(current) = env::var_os("PATH") {
        paths.extend(env::split_paths(&current));
    }
    env::join_paths(paths).context("PATH cannot hold the tool directories")
}

/// Builds the portal with Trunk (release) into `<cargo target dir>/portal-dist`; returns that
/// directory.
fn build_portal(root: &Path) -> Result<PathBuf> {
    let path = portal_path(root)?;
    let dist = npm::target_dir(root)?.join("portal-dist");
    let dist_arg = dist.to_string_lossy().into_owned();
    run(
        "trunk",
        &["build", "--release", "--dist", &dist_arg],
        root,
        Some(&path),
    )?;
    Ok(dist)
}

/// A sandbox demo partner `cargo xtask serve` signs in to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Tenant {
    /// Contoso Ltd. (United States, USD).
    Contoso,
    /// Fabrikam AB (Sweden, SEK).
    Fabrikam,
}

impl Tenant {
    /// The partner's Entra tenant ID in pc-sandbox.
    fn tenant_id(self) -> &'static str {
        match self {
            Self::Contoso => "4b3d2f0a-6c1e-4e8a-9f21-0c5a7d3e1b01",
            Self::Fabrikam => "8e7c6b5a-4d3c-4b2a-8190-fa1b2c3d4e02",
        }
    }

    /// The gateway's client registration in pc-sandbox (client ID, secret).
    fn portal_client(self) -> (&'static str, &'static str) {
        match self {
            Self::Contoso => ("contoso-portal", "contoso-portal-secret"),
            Self::Fabrikam => ("fabrikam-portal", "fabrikam-portal-secret"),
        }
    }

    /// The partner's demo users: (sign-in name, what they may do).
    fn users(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::Contoso => &[
                ("admin@contoso.example", "Admin agent (multi-factor)"),
                ("sales@contoso.example", "Sales agent (multi-factor)"),
                (
                    "helpdesk@contoso.example",
                    "Helpdesk agent: may look, may not buy",
                ),
                ("nomfa@contoso.example", "Admin agent without multi-factor"),
            ],
            Self::Fabrikam => &[("admin@fabrikam.example", "Admin agent (multi-factor)")],
        }
    }
}

/// The demo password of every sandbox user.
const DEMO_PASSWORD: &str = "demo";

/// `cargo xtask serve`: installs, builds the portal, the sandbox and the gateway, then runs the
/// sandbox on a free loopback port and the gateway in front of it on `addr`, until Ctrl-C or
/// until either stops.
fn serve(addr: &str, tenant: Tenant, public_url: Option<&str>) -> Result<ExitCode> {
    let root = workspace_root()?;
    install_portal_tools(&root)?;
    let dist = build_portal(&root)?;
    run_step(
        &root,
        &[],
        &[
            "build",
            "--profile",
            "sandbox",
            "-p",
            "pc-sandbox",
            "-p",
            "pc-gateway",
        ],
    )?;
    let binaries = npm::target_dir(&root)?.join("sandbox");
    let sandbox = Server::start(
        &binaries.join("pc-sandbox"),
        &["serve", "--addr", "127.0.0.1:0"],
        &root,
        true,
    )?;
    let authority = format!("{}/{}/v2.0", sandbox.url, tenant.tenant_id());
    let (client_id, client_secret) = tenant.portal_client();
    let dist = dist.to_string_lossy().into_owned();
    let mut gateway_args = vec![
        "serve",
        "--addr",
        addr,
        "--portal",
        &dist,
        "--upstream",
        &sandbox.url,
        "--authority",
        &authority,
        "--client-id",
        client_id,
        "--client-secret",
        client_secret,
        "--db",
        "sqlite::memory:",
    ];
    if let Some(url) = public_url {
        gateway_args.extend(["--public-url", url]);
    }
    let gateway = Server::start(&binaries.join("pc-gateway"), &gateway_args, &root, true)?;
    let mut out = io::stdout().lock();
    writeln!(out)?;
    writeln!(out, "The portal: {}", gateway.url)?;
    writeln!(
        out,
        "  pc-gateway signs in with pc-sandbox at {authority} and forwards /v1 to {}",
        sandbox.url
    )?;
    writeln!(out, "  demo users (password `{DEMO_PASSWORD}`):")?;
    for (user, role) in tenant.users() {
        writeln!(out, "    {user:<26} {role}")?;
    }
    writeln!(out, "  Ctrl-C stops both servers.")?;
    out.flush()?;
    drop(out);
    Ok(watch([sandbox, gateway]))
}

/// Waits until one of `servers` stops, then stops the others (dropping them); the exit code
/// says whether the first to stop stopped cleanly. Ctrl-C in the terminal reaches every process
/// of the foreground group, so both servers stop with it.
fn watch<const N: usize>(mut servers: [Server; N]) -> ExitCode {
    loop {
        for server in &mut servers {
            match server.child.try_wait() {
                Ok(None) => {}
                Ok(Some(status)) => {
                    eprintln!("{} stopped ({status})", server.name);
                    return if status.success() {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::FAILURE
                    };
                }
                Err(error) => {
                    eprintln!("cannot watch {}: {error}", server.name);
                    return ExitCode::FAILURE;
                }
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

/// A server process that prints `listening on URL` first; its further output is passed on to
/// stderr; killed on drop.
struct Server {
    name: String,
    child: std::process::Child,
    url: String,
}

impl Server {
    /// Starts `binary args` in `dir` and waits for its `listening on` line; its log (stderr)
    /// and further output are shown when `show_log`, else discarded.
    fn start(binary: &Path, args: &[&str], dir: &Path, show_log: bool) -> Result<Self> {
        use std::io::BufRead as _;
        let name = binary
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| binary.display().to_string());
        let child = Command::new(binary)
            .args(args)
            .current_dir(dir)
            .stdout(std::process::Stdio::piped())
            .stderr(if show_log {
                std::process::Stdio::inherit()
            } else {
                std::process::Stdio::null()
            })
            .spawn()
            .with_context(|| format!("cannot start {}", binary.display()))?;
        // From here on the child is killed on every way out.
        let mut server = Self {
            name,
            child,
            url: String::new(),
        };
        let stdout = server
            .child
            .stdout
            .take()
            .with_context(|| format!("no stdout from {}", server.name))?;
        let mut reader = std::io::BufReader::new(stdout);
        let mut line = String::new();
        reader
            .read_line(&mut line)
            .with_context(|| format!("{} printed nothing", server.name))?;
        server.url = line
            .trim()
            .strip_prefix("listening on ")
            .with_context(|| format!("unexpected first line from {}: {line:?}", server.name))?
            .to_owned();
        // Keep reading, so a full pipe never blocks the server.
        let name = server.name.clone();
        std::thread::spawn(move || {
            for line in reader.lines().map_while(Result::ok) {
                if show_log {
                    eprintln!("[{name}] {line}");
                }
            }
        });
        Ok(server)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A `pc-sandbox serve` (debug build) on a free port with an in-memory database and no delays,
/// for the browser and npm tests; its log is discarded; killed on drop.
fn start_test_sandbox(root: &Path) -> Result<Server> {
    let binary = npm::target_dir(root)?.join("debug").join("pc-sandbox");
    Server::start(
        &binary,
        &[
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--db",
            "sqlite::memory:",
            "--order-list-delay",
            "0s",
            "--provisioning-delay",
            "0s",
        ],
        root,
        false,
    )
}

/// Environment variable naming the PostgreSQL server the sandbox's store tests also run on.
const POSTGRES_URL_VAR: &str = "PC_SANDBOX_TEST_POSTGRES_URL";

/// `cargo xtask load`: runs `xtask/load.sh` (oha against a release-built sandbox).
fn load() -> Result<ExitCode> {
    let root = workspace_root()?;
    let status = Command::new("bash")
        .arg(root.join("xtask").join("load.sh"))
        .current_dir(&root)
        .status()
        .context("cannot run bash xtask/load.sh")?;
    Ok(if status.success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `cargo xtask bench`: the criterion benchmark, with `args` passed to it; exits as it does.
fn bench(args: &[OsString]) -> Result<ExitCode> {
    let root = workspace_root()?;
    let mut command = cargo();
    command
        .current_dir(&root)
        .args(["bench", "-p", "pc-core", "--bench", "validate_cart"]);
    if !args.is_empty() {
        command.arg("--").args(args);
    }
    eprintln!("==> {}", describe(&command));
    let status = command.status().context("cannot run cargo")?;
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        None => ExitCode::FAILURE,
    })
}

/// The workspace root: the parent of this crate's directory.
fn workspace_root() -> Result<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .context("xtask's manifest directory has no parent")
}

/// The cargo that runs us (`$CARGO`), or `cargo` from PATH.
fn cargo() -> Command {
    Command::new(env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo")))
}

/// Runs `cargo <args>` in `root` with `envs` set, after printing a heading; fails if it fails.
fn run_step(root: &Path, envs: &[(&str, &std::ffi::OsStr)], args: &[&str]) -> Result<()> {
    let mut command = cargo();
    command.current_dir(root).args(args);
    for (key, value) in envs {
        command.env(key, value);
    }
    let shown = format!(
        "{}{}",
        envs.iter()
            .map(|(k, v)| format!("{k}={} ", v.to_string_lossy()))
            .collect::<String>(),
        describe(&command)
    );
    eprintln!("==> {shown}");
    let status = command
        .status()
        .with_context(|| format!("step `{shown}` could not start"))?;
    if !status.success() {
        bail!("step `{shown}` failed ({status})");
    }
    Ok(())
}

/// `cargo` plus the command's arguments, for headings and messages.
fn describe(command: &Command) -> String {
    let mut text = String::from("cargo");
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// The version of the `wasm-bindgen` package in `Cargo.lock`.
fn locked_wasm_bindgen_version(root: &Path) -> Result<String> {
    let path = root.join("Cargo.lock");
    let lock =
        fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut versions = lock_versions(&lock, "wasm-bindgen");
    versions.dedup();
    match versions.as_slice() {
        [version] => Ok(version.clone()),
        [] => bail!("Cargo.lock has no `wasm-bindgen` package"),
        many => bail!(
            "Cargo.lock has several `wasm-bindgen` versions ({}); the test runner must match one",
            many.join(", ")
        ),
    }
}

/// Versions of every `[[package]]` named `name` in the text of a `Cargo.lock`.
fn lock_versions(lock: &str, name: &str) -> Vec<String> {
    let wanted = format!("name = \"{name}\"");
    lock.split("[[package]]")
        .filter(|block| block.lines().any(|line| line.trim() == wanted))
        .filter_map(|block| {
            block.lines().find_map(|line| {
                line.trim()
                    .strip_prefix("version = \"")
                    .and_then(|rest| rest.strip_suffix('"'))
                    .map(str::to_owned)
            })
        })
        .collect()
}

/// Checks that `wasm-bindgen-test-runner` is on PATH and is version `locked`.
fn check_test_runner(locked: &str) -> Result<()> {
    let install = format!("run `cargo install wasm-bindgen-cli --version {locked}` (or .ci/run)");
    let output = Command::new("wasm-bindgen-test-runner")
        .arg("--version")
        .output()
        .with_context(|| format!("wasm-bindgen-test-runner is not on PATH; {install}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    let found = text.split_whitespace().last().unwrap_or_default();
    if !output.status.success() || found != locked {
        bail!(
            "wasm-bindgen-test-runner reports `{}` but Cargo.lock has wasm-bindgen {locked}; \
             {install}",
            text.trim()
        );
    }
    Ok(())
}

/// `$CHROMEDRIVER` if it names a file, else `chromedriver` on PATH, else `/usr/bin/chromedriver`.
fn find_chromedriver() -> Option<PathBuf> {
    if let Some(path) = env::var_os("CHROMEDRIVER").map(PathBuf::from)
        && path.is_file()
    {
        return Some(path);
    }
    env::var_os("PATH")
        .into_iter()
        .flat_map(|paths| env::split_paths(&paths).collect::<Vec<_>>())
        .map(|dir| dir.join("chromedriver"))
        .chain([PathBuf::from("/usr/bin/chromedriver")])
        .find(|path| path.is_file())
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;

    use clap::Parser;

    use super::{Cli, Cmd, Tenant, lock_versions};

    #[test]
    fn serve_takes_an_address_and_a_tenant() {
        let cli = Cli::try_parse_from(["cargo xtask", "serve"]).unwrap();
        let Cmd::Serve { addr, tenant, .. } = cli.command else {
            panic!("not serve: {:?}", cli.command);
        };
        assert_eq!((addr.as_str(), tenant), ("127.0.0.1:8080", Tenant::Contoso));
        let cli = Cli::try_parse_from([
            "cargo xtask",
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--tenant",
            "fabrikam",
        ])
        .unwrap();
        let Cmd::Serve { addr, tenant, .. } = cli.command else {
            panic!("not serve: {:?}", cli.command);
        };
        assert_eq!((addr.as_str(), tenant), ("127.0.0.1:0", Tenant::Fabrikam));
        assert_eq!(
            Tenant::Fabrikam.portal_client(),
            ("fabrikam-portal", "fabrikam-portal-secret")
        );
        assert!(Cli::try_parse_from(["cargo xtask", "serve", "--tenant", "northwind"]).is_err());
    }

    #[test]
    fn bench_passes_extra_arguments_through() {
        for argv in [
            &["cargo xtask", "bench", "--", "--save-baseline", "main"][..],
            &["cargo xtask", "bench", "--save-baseline", "main"][..],
        ] {
            let cli = Cli::try_parse_from(argv).unwrap();
            let Cmd::Bench { args } = cli.command else {
                panic!("not bench: {:?}", cli.command);
            };
            assert_eq!(
                args,
                [OsString::from("--save-baseline"), OsString::from("main")]
            );
        }
    }

    #[test]
    fn reads_the_package_version_from_cargo_lock() {
        let lock = r#"
[[package]]
name = "wasm-bindgen-test"
version = "0.3.80"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "wasm-bindgen-macro",
]
"#;
        assert_eq!(lock_versions(lock, "wasm-bindgen"), vec!["0.2.130"]);
        assert!(lock_versions(lock, "serde").is_empty());
    }
}
