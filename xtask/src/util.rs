//! Helpers every command uses: the workspace root, cargo's target directory, and running cargo
//! and other programs as headed steps that fail with their status.

use std::env;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};

/// The workspace root: the parent of this crate's directory.
pub(crate) fn workspace_root() -> Result<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .context("xtask's manifest directory has no parent")
}

/// Cargo's target directory for this workspace, as cargo itself resolves it (`cargo metadata`):
/// `CARGO_TARGET_DIR` and `build.target-dir` honoured, relative paths made absolute. Every
/// command looks for what it built here, never under `<root>/target` directly.
pub(crate) fn target_dir(root: &Path) -> Result<PathBuf> {
    let output = cargo()
        .current_dir(root)
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .output()
        .context("cannot run cargo metadata")?;
    if !output.status.success() {
        bail!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).context("cargo metadata printed no JSON")?;
    metadata
        .get("target_directory")
        .and_then(serde_json::Value::as_str)
        .map(PathBuf::from)
        .context("cargo metadata has no target_directory")
}

/// The cargo that runs us (`$CARGO`), or `cargo` from PATH.
pub(crate) fn cargo() -> Command {
    Command::new(env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo")))
}

/// Runs `cargo <args>` in `root` with `envs` set, after printing a heading; fails if it fails.
pub(crate) fn run_step(root: &Path, envs: &[(&str, &OsStr)], args: &[&str]) -> Result<()> {
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
pub(crate) fn describe(command: &Command) -> String {
    let mut text = String::from("cargo");
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Runs `program args` in `dir` (with `PATH` replaced when given), failing with its status.
pub(crate) fn run(program: &str, args: &[&str], dir: &Path, path: Option<&OsStr>) -> Result<()> {
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

/// Runs `program` with `args`, failing with its status.
pub(crate) fn run_program(program: &Path, args: &[&OsStr]) -> Result<()> {
    let shown = format!(
        "{} {}",
        program.display(),
        args.iter()
            .map(|a| a.to_string_lossy())
            .collect::<Vec<_>>()
            .join(" ")
    );
    eprintln!("==> {shown}");
    let status = Command::new(program)
        .args(args)
        .status()
        .with_context(|| format!("cannot run {}", program.display()))?;
    if !status.success() {
        bail!("`{shown}` failed ({status})");
    }
    Ok(())
}

/// Copies the directory `from` into `to` (created), recursively.
pub(crate) fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to).with_context(|| format!("cannot create {}", to.display()))?;
    for entry in fs::read_dir(from).with_context(|| format!("cannot read {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target).with_context(|| {
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
