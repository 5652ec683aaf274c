//! The tools the commands need, installed when missing and checked when they must match a
//! version: every install here is idempotent (skipped when the tool is already there at the
//! right version), so commands call them on every run.
//!
//! - the `wasm32-unknown-unknown` target (rustup);
//! - `wasm-bindgen-cli` at Cargo.lock's wasm-bindgen version (`wasm-bindgen`,
//!   `wasm-bindgen-test-runner`);
//! - wasm-split-cli [`WASM_SPLIT_VERSION`] (crate `wasm_split_cli_support`), which cuts the
//!   portal's lazy routes out of its wasm;
//! - the npm packages under `web/` (`npm ci`): wasm-opt (binaryen 132), Playwright, axe-core,
//!   oauth2-mock-server, TypeScript;
//! - chromedriver (found, never installed: `.ci/run` installs Debian's);
//! - the nightly toolchain (found, never installed) and cargo-fuzz, for `cargo xtask fuzz`.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};

use crate::util::run;

/// The version of `wasm_split_cli_support` whose `wasm-split-cli` splits the portal (0.2.3 is the
/// first that works with wasm-bindgen 0.2.128 and later).
pub(crate) const WASM_SPLIT_VERSION: &str = "0.2.4";

/// The toolchain cargo-fuzz builds with (libFuzzer needs nightly's `-Z` flags).
pub(crate) const FUZZ_TOOLCHAIN: &str = "nightly";

/// The first line `program --version` prints, if it runs.
pub(crate) fn version_of(program: &str) -> Option<String> {
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

/// Installs what building the portal needs, when missing: the wasm32 target, wasm-bindgen-cli
/// at Cargo.lock's version, wasm-split-cli, and the npm packages under `web/`.
pub(crate) fn install_portal_tools(root: &Path) -> Result<()> {
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
    // wasm-split-cli has no --version: cargo's list of installed packages tells.
    let installed = Command::new("cargo")
        .args(["install", "--list"])
        .output()
        .context("cannot run cargo install --list")?;
    let wanted = format!("wasm_split_cli_support v{WASM_SPLIT_VERSION}:");
    if !String::from_utf8_lossy(&installed.stdout)
        .lines()
        .any(|line| line.trim() == wanted)
    {
        run(
            "cargo",
            &[
                "install",
                "--locked",
                "wasm_split_cli_support",
                "--version",
                WASM_SPLIT_VERSION,
                "--features",
                "build-binary",
            ],
            root,
            None,
        )?;
    }
    web_deps(root)
}

/// The npm packages under `web/` (`npm ci` when any is missing): wasm-opt (binaryen 132),
/// Playwright and axe-core for the end-to-end suite, oauth2-mock-server for pc-gateway's
/// interop test (which runs in `cargo test --workspace`, so this comes first), and TypeScript for
/// the check of the npm package's declarations.
pub(crate) fn web_deps(root: &Path) -> Result<()> {
    let web = root.join("web");
    let modules = web.join("node_modules");
    let installed = [
        modules.join(".bin").join("wasm-opt"),
        modules.join("@playwright").join("test"),
        modules.join("@axe-core").join("playwright"),
        modules.join("oauth2-mock-server"),
        modules.join(".bin").join("tsc"),
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

/// `wasm-opt` from npm binaryen 132 under `web/`, installed with `npm ci` when missing.
pub(crate) fn wasm_opt(root: &Path) -> Result<PathBuf> {
    let web = root.join("web");
    let path = web.join("node_modules").join(".bin").join("wasm-opt");
    if !path.exists() {
        run("npm", &["ci", "--no-audit", "--no-fund"], &web, None)?;
    }
    if !path.exists() {
        bail!("{} is missing after npm ci", path.display());
    }
    Ok(path)
}

/// PATH with web/node_modules/.bin (wasm-opt 132) first.
pub(crate) fn portal_path(root: &Path) -> Result<OsString> {
    let mut paths = vec![root.join("web").join("node_modules").join(".bin")];
    if let Some(current) = env::var_os("PATH") {
        paths.extend(env::split_paths(&current));
    }
    env::join_paths(paths).context("PATH cannot hold the tool directories")
}

/// The version of the `wasm-bindgen` package in `Cargo.lock`.
pub(crate) fn locked_wasm_bindgen_version(root: &Path) -> Result<String> {
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
pub(crate) fn check_test_runner(locked: &str) -> Result<()> {
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
pub(crate) fn find_chromedriver() -> Option<PathBuf> {
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

/// `rustup run nightly <program>`: a command on the fuzz toolchain, with the environment of
/// `cargo xtask` (run by the stable cargo) that would pin another toolchain removed.
pub(crate) fn nightly(program: &str) -> Command {
    let mut command = Command::new("rustup");
    command
        .args(["run", FUZZ_TOOLCHAIN, program])
        .env_remove("CARGO")
        .env_remove("RUSTC")
        .env_remove("RUSTDOC")
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("RUSTC_WRAPPER");
    command
}

/// The nightly toolchain's `rustc --version`, or `None` when it is not installed (it is never
/// installed here: a machine that cannot fetch toolchains would fail every run).
pub(crate) fn nightly_version() -> Option<String> {
    let output = nightly("rustc").arg("--version").output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// Installs cargo-fuzz (`cargo install cargo-fuzz --locked`) when `cargo fuzz` does not run.
pub(crate) fn install_cargo_fuzz(root: &Path) -> Result<()> {
    let found = nightly("cargo")
        .args(["fuzz", "--version"])
        .current_dir(root)
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        run("cargo", &["install", "cargo-fuzz", "--locked"], root, None)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::lock_versions;

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
