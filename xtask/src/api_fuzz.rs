//! The API fuzzing step of `cargo xtask test`: schemathesis (a schema-driven API fuzzer from
//! PyPI, pinned) against a pc-sandbox of its own, from the sandbox's `/openapi.json`, with every
//! check and a Contoso App+User token; 0 failures and every operation reached, or the step
//! fails.
//!
//! schemathesis is installed once, idempotently, in a virtual environment under cargo's target
//! directory (`target/schemathesis-<version>`). Its configuration, `xtask/schemathesis.toml`,
//! lists the few documented refusals whose status a schema cannot predict, each with its reason.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use anyhow::{Context as _, Result, bail};

use crate::flags;
use crate::server::start_test_sandbox;
use crate::util::{run_step, target_dir, workspace_root};

/// The schemathesis release the step installs.
pub(crate) const SCHEMATHESIS_VERSION: &str = "4.32.5";
/// Test cases per operation and phase; with the fixed seed the run is reproducible.
const MAX_EXAMPLES: &str = "50";
const SEED: &str = "17";

/// The virtual environment's `st`, installing schemathesis first when it is not there yet.
fn schemathesis(root: &Path) -> Result<PathBuf> {
    let venv = target_dir(root)?.join(format!("schemathesis-{SCHEMATHESIS_VERSION}"));
    let st = venv.join("bin").join("st");
    let installed = Command::new(&st)
        .arg("--version")
        .output()
        .ok()
        .filter(|out| out.status.success())
        .is_some_and(|out| {
            String::from_utf8_lossy(&out.stdout)
                .contains(&format!("version {SCHEMATHESIS_VERSION}"))
        });
    if installed {
        return Ok(st);
    }
    eprintln!(
        "==> installing schemathesis {SCHEMATHESIS_VERSION} (pip) in {}",
        venv.display()
    );
    let python = if Path::new("/usr/bin/python3").exists() {
        PathBuf::from("/usr/bin/python3")
    } else {
        PathBuf::from("python3")
    };
    let status = Command::new(&python)
        .args(["-m", "venv", "--clear"])
        .arg(&venv)
        .status()
        .with_context(|| format!("cannot run {} -m venv", python.display()))?;
    if !status.success() {
        bail!(
            "{} -m venv failed ({status}); install python3-venv (.ci/run does)",
            python.display()
        );
    }
    let status = Command::new(venv.join("bin").join("pip"))
        .args([
            "install",
            "--quiet",
            "--disable-pip-version-check",
            &format!("schemathesis=={SCHEMATHESIS_VERSION}"),
        ])
        .status()
        .context("cannot run pip")?;
    if !status.success() {
        bail!("pip install schemathesis=={SCHEMATHESIS_VERSION} failed ({status})");
    }
    Ok(st)
}

/// A Contoso App+User token from the sandbox's password grant (the demo admin), fetched with
/// the virtual environment's Python (its standard library only).
fn token(venv_bin: &Path, url: &str) -> Result<String> {
    const SCRIPT: &str = r#"
import json, sys, urllib.parse, urllib.request
form = urllib.parse.urlencode({
    "grant_type": "password",
    "client_id": "contoso-app",
    "client_secret": "contoso-secret",
    "username": "admin@contoso.example",
    "password": "demo",
    "scope": "https://api.partnercenter.microsoft.com/user_impersonation",
}).encode()
with urllib.request.urlopen(sys.argv[1] + "/contoso/oauth2/v2.0/token", form) as reply:
    print(json.load(reply)["access_token"])
"#;
    let out = Command::new(venv_bin.join("python"))
        .args(["-c", SCRIPT, url])
        .output()
        .context("cannot run the virtual environment's python")?;
    if !out.status.success() {
        bail!(
            "no token from the sandbox: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// `Selected: 52/52` and `Tested: 52` of schemathesis' summary: (operations, tested).
fn reached(summary: &str) -> Option<(u32, u32)> {
    let number = |label: &str| {
        summary.lines().find_map(|line| {
            let rest = line.trim().strip_prefix(label)?.trim();
            rest.split('/').next_back()?.trim().parse::<u32>().ok()
        })
    };
    Some((number("Selected:")?, number("Tested:")?))
}

/// Installs schemathesis when needed, starts a sandbox, and runs every check against it.
///
/// # Errors
/// A failure or error schemathesis reports, an operation it did not reach, or a tool that
/// cannot be installed or started.
pub(crate) fn step(root: &Path) -> Result<()> {
    let st = schemathesis(root)?;
    let bin = st
        .parent()
        .context("schemathesis has no directory")?
        .to_path_buf();
    run_step(root, &[], &["build", "-p", "pc-sandbox"])?;
    // A sandbox of its own: the run changes state (carts, orders, the sandbox clock).
    let sandbox = start_test_sandbox(root)?;
    let token = token(&bin, &sandbox.url)?;
    let config = root.join("xtask").join("schemathesis.toml");
    eprintln!(
        "==> schemathesis {SCHEMATHESIS_VERSION}: every check against {}/openapi.json",
        sandbox.url
    );
    let started = Instant::now();
    let out = Command::new(&st)
        .arg("--config-file")
        .arg(&config)
        .args([
            "run",
            &format!("{}/openapi.json", sandbox.url),
            "--checks",
            "all",
            "--max-examples",
            MAX_EXAMPLES,
            "--seed",
            SEED,
            "--header",
            &format!("Authorization: Bearer {token}"),
        ])
        .env("NO_COLOR", "1")
        .current_dir(root)
        .output()
        .context("cannot run schemathesis")?;
    let elapsed = started.elapsed();
    drop(sandbox);
    let report = String::from_utf8_lossy(&out.stdout);
    eprint!("{report}");
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    if !out.status.success() {
        bail!("schemathesis found failures ({})", out.status);
    }
    match reached(&report) {
        Some((operations, tested)) if operations > 0 && tested == operations => {
            eprintln!(
                "==> schemathesis: {tested} of {operations} operations, 0 failures, in {:.0} s",
                elapsed.as_secs_f64()
            );
            Ok(())
        }
        Some((operations, tested)) => {
            bail!("schemathesis reached {tested} of {operations} operations")
        }
        None => bail!("schemathesis' summary has no operation counts"),
    }
}

impl flags::ApiFuzz {
    /// `cargo xtask api-fuzz`: the step alone.
    pub(crate) fn run(self) -> Result<ExitCode> {
        step(&workspace_root()?)?;
        Ok(ExitCode::SUCCESS)
    }
}

#[cfg(test)]
mod tests {
    use super::reached;

    #[test]
    fn the_summary_counts_operations() {
        let summary = "API Operations:\n  Selected: 52/52\n  Tested: 52\n";
        assert_eq!(reached(summary), Some((52, 52)));
        assert_eq!(reached("Selected: 3/5\nTested: 2"), Some((5, 2)));
        assert_eq!(reached("nothing"), None);
    }
}
