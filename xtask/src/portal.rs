//! `cargo xtask build-portal`: the portal, built split by page, into `<target dir>/portal-dist`.
//!
//! The pipeline (Trunk cannot split a wasm, trunk-rs/trunk#1022):
//!
//! 1. `cargo build --release --target wasm32-unknown-unknown -p pc-portal --features split` with
//!    `RUSTFLAGS=-Clink-args=--emit-relocs` (wasm-split needs the relocations), in a target
//!    directory of its own (`<target dir>/portal-build`), so that its flags never invalidate the
//!    other wasm32 builds;
//! 2. `wasm-split-cli` cuts every lazy route (`pc_portal::pages::lazy`) out of the main module
//!    into its own `.wasm`, plus `__wasm_split.js`, the loader that fetches them;
//! 3. `wasm-bindgen --target web --keep-lld-exports` on the main module (the chunks import what
//!    the main module exports);
//! 4. `wasm-opt -Oz` (npm binaryen 132) on every module, two at a time;
//! 5. the modules and their JavaScript go into `pkg-<hash>/` (the first 16 hex digits of the
//!    SHA-256 of all of them), the stylesheet and the icon get their hash in their names, and
//!    `index.html` is written from `crates/portal/index.html` with those names: every file but
//!    `index.html` is content-hashed, so pc-assets serves it `immutable`;
//! 6. `.br` and `.gz` beside every compressible file ([`precompress`]).
//!
//! [`Built`] reports the bytes of each part as served (brotli), which `cargo xtask size` checks
//! against its budgets.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{Context as _, Result, bail};
use sha2::{Digest as _, Sha256};

use crate::flags;
use crate::precompress::precompress;
use crate::tools::{install_portal_tools, wasm_opt};
use crate::util::{run_program, run_step, target_dir, workspace_root};

/// The portal's binary, and the stem of its files.
const STEM: &str = "pc-portal";
/// The loader wasm-split writes: the main module imports it, it imports the main module's
/// JavaScript.
pub(crate) const LOADER: &str = "__wasm_split.js";
/// Placeholders of `crates/portal/index.html`.
const STYLE: &str = "{style}";
const ICON: &str = "{icon}";
const MODULE: &str = "{module}";
const WASM: &str = "{wasm}";
const LOCALES: &str = "{locales}";
/// The directory under `pkg-<hash>/` of the non-English `.ftl` files, which the portal fetches
/// when a language is first needed (the build leaves pc-i18n's `all-locales` out).
const LOCALES_DIR: &str = "locales";

/// A built portal: where it is and what its parts weigh.
#[derive(Debug)]
pub(crate) struct Built {
    /// The directory pc-gateway serves (`index.html` at its top).
    pub(crate) dist: PathBuf,
    /// The files every page loads before the portal starts: `index.html`, the stylesheet, the
    /// icon, the main module and its JavaScript (glue and loader).
    pub(crate) shell: Vec<Part>,
    /// Each lazy route's chunk (and the chunks shared between routes).
    pub(crate) chunks: Vec<Part>,
    /// Each non-English language's `.ftl` file, fetched when that language is first needed.
    pub(crate) locales: Vec<Part>,
}

/// One file of a built portal.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    /// Path below the dist directory, with `/`.
    pub(crate) path: String,
    /// Bytes as built.
    pub(crate) raw: u64,
    /// Bytes as served to a browser that accepts brotli (the `.br` sibling, or the file itself
    /// when no smaller `.br` was written).
    pub(crate) brotli: u64,
}

impl flags::BuildPortal {
    pub(crate) fn run(self) -> Result<ExitCode> {
        let root = workspace_root()?;
        install_portal_tools(&root)?;
        let built = build(&root)?;
        let mut out = std::io::stdout().lock();
        built.print(&mut out)?;
        writeln!(
            out,
            "before any page's chunk: {} bytes brotli",
            built.shell_brotli()
        )?;
        Ok(ExitCode::SUCCESS)
    }
}

/// Builds the portal split by page into `<target dir>/portal-dist` (emptied first) and prints
/// the totals. Needs the tools of [`crate::tools::install_portal_tools`].
///
/// Errors: any step fails, or its output is not where it should be.
pub(crate) fn build(root: &Path) -> Result<Built> {
    let target = target_dir(root)?;
    let build_dir = target.join("portal-build");
    run_step(
        root,
        &[
            ("CARGO_TARGET_DIR", build_dir.as_os_str()),
            ("RUSTFLAGS", "-Clink-args=--emit-relocs".as_ref()),
        ],
        &[
            "build",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            STEM,
            "--bin",
            STEM,
            "--no-default-features",
            "--features",
            "split",
        ],
    )?;
    let built = build_dir
        .join("wasm32-unknown-unknown")
        .join("release")
        .join(format!("{STEM}.wasm"));

    let stage = target.join("portal-stage");
    empty_dir(&stage)?;
    run_program(
        Path::new("wasm-split-cli"),
        &[
            built.as_os_str(),
            stage.as_os_str(),
            "--target".as_ref(),
            "web".as_ref(),
            "--out-name".as_ref(),
            STEM.as_ref(),
        ],
    )?;
    let split_main = stage.join(format!("{STEM}.wasm"));
    run_program(
        Path::new("wasm-bindgen"),
        &[
            "--target".as_ref(),
            "web".as_ref(),
            "--keep-lld-exports".as_ref(),
            "--no-typescript".as_ref(),
            "--out-name".as_ref(),
            STEM.as_ref(),
            "--out-dir".as_ref(),
            stage.as_os_str(),
            split_main.as_os_str(),
        ],
    )?;
    fs::remove_file(&split_main)
        .with_context(|| format!("cannot remove {}", split_main.display()))?;
    let main_wasm = format!("{STEM}_bg.wasm");
    for required in [main_wasm.as_str(), &format!("{STEM}.js"), LOADER] {
        if !stage.join(required).is_file() {
            bail!("the split build wrote no {required} in {}", stage.display());
        }
    }
    optimize(&wasm_opt(root)?, &files_with_extension(&stage, "wasm")?)?;
    copy_locales(root, &stage.join(LOCALES_DIR))?;

    let dist = target.join("portal-dist");
    empty_dir(&dist)?;
    let pkg = format!("pkg-{}", hash_dir(&stage)?);
    fs::rename(&stage, dist.join(&pkg))
        .with_context(|| format!("cannot move {} into {}", stage.display(), dist.display()))?;
    let portal = root.join("crates").join("portal");
    let style = hashed_copy(&portal.join("style.css"), &dist, "style", "css")?;
    let icon = hashed_copy(&portal.join("favicon.svg"), &dist, "favicon", "svg")?;
    let template = portal.join("index.html");
    let index = fs::read_to_string(&template)
        .with_context(|| format!("cannot read {}", template.display()))?;
    let index = fill(
        &index,
        &[
            (STYLE, format!("/{style}")),
            (ICON, format!("/{icon}")),
            (MODULE, format!("/{pkg}/{STEM}.js")),
            (WASM, format!("/{pkg}/{main_wasm}")),
            (LOCALES, format!("/{pkg}/{LOCALES_DIR}/")),
        ],
    )?;
    fs::write(dist.join("index.html"), index).context("cannot write index.html")?;

    let totals = precompress(&dist)?;
    eprintln!(
        "==> precompressed {} files in {}: {} bytes, {} bytes brotli, {} bytes gzip",
        totals.files,
        dist.display(),
        totals.raw,
        totals.brotli,
        totals.gzip
    );

    let mut shell = Vec::new();
    for path in [
        "index.html".to_owned(),
        style,
        icon,
        format!("{pkg}/{STEM}.js"),
        format!("{pkg}/{LOADER}"),
        format!("{pkg}/{main_wasm}"),
    ] {
        shell.push(part(&dist, path)?);
    }
    let mut chunks = Vec::new();
    for wasm in files_with_extension(&dist.join(&pkg), "wasm")? {
        let name = file_name(&wasm)?;
        if name != main_wasm {
            chunks.push(part(&dist, format!("{pkg}/{name}"))?);
        }
    }
    let mut locales = Vec::new();
    for ftl in files_with_extension(&dist.join(&pkg).join(LOCALES_DIR), "ftl")? {
        let name = file_name(&ftl)?;
        locales.push(part(&dist, format!("{pkg}/{LOCALES_DIR}/{name}"))?);
    }
    Ok(Built {
        dist,
        shell,
        chunks,
        locales,
    })
}

/// Copies every locale's `.ftl` file but en-US's (compiled in) from `crates/i18n/locales` into
/// `dir`, named by tag (`sv-SE.ftl`).
///
/// Errors: the locale directory cannot be read or a file cannot be copied.
fn copy_locales(root: &Path, dir: &Path) -> Result<()> {
    let from = root.join("crates").join("i18n").join("locales");
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut copied = 0;
    for file in files_with_extension(&from, "ftl")? {
        let name = file_name(&file)?;
        if name != "en-US.ftl" {
            fs::copy(&file, dir.join(&name)).with_context(|| {
                format!("cannot copy {} into {}", file.display(), dir.display())
            })?;
            copied += 1;
        }
    }
    if copied == 0 {
        bail!("no locale files besides en-US.ftl in {}", from.display());
    }
    Ok(())
}

/// `wasm-opt -Oz` on every module, in place, two at a time. Its output is shown only when it
/// fails (it warns about the local-names subsection wasm-split writes, harmlessly).
///
/// Errors: wasm-opt cannot start or fails on a module.
fn optimize(wasm_opt: &Path, modules: &[PathBuf]) -> Result<()> {
    eprintln!(
        "==> {} -Oz on {} modules",
        wasm_opt.display(),
        modules.len()
    );
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || -> Result<()> {
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(module) = modules.get(i) else {
                return Ok(());
            };
            let output = Command::new(wasm_opt)
                .arg("-Oz")
                .arg(module)
                .arg("-o")
                .arg(module)
                .output()
                .with_context(|| format!("cannot run {}", wasm_opt.display()))?;
            if !output.status.success() {
                bail!(
                    "wasm-opt -Oz {} failed ({}): {}",
                    module.display(),
                    output.status,
                    String::from_utf8_lossy(&output.stderr)
                );
            }
        }
    };
    std::thread::scope(|scope| {
        let other = scope.spawn(work);
        let mine = work();
        let theirs = other
            .join()
            .map_err(|_| anyhow::anyhow!("a wasm-opt worker panicked"))?;
        mine.and(theirs)
    })
}

/// `template` with every placeholder replaced.
///
/// Errors: a placeholder is missing (the template and this build no longer match).
fn fill(template: &str, values: &[(&str, String)]) -> Result<String> {
    let mut text = template.to_owned();
    for (placeholder, value) in values {
        if !text.contains(placeholder) {
            bail!("crates/portal/index.html has no {placeholder}");
        }
        text = text.replace(placeholder, value);
    }
    Ok(text)
}

/// Copies `from` into `dir` as `<stem>-<hash>.<extension>`; returns that name.
fn hashed_copy(from: &Path, dir: &Path, stem: &str, extension: &str) -> Result<String> {
    let data = fs::read(from).with_context(|| format!("cannot read {}", from.display()))?;
    let name = format!("{stem}-{}.{extension}", hex16(&Sha256::digest(&data)));
    fs::write(dir.join(&name), data).with_context(|| format!("cannot write {name}"))?;
    Ok(name)
}

/// The first 16 hex digits of the SHA-256 over the names and contents of the files in `dir`
/// (recursively, in name order).
fn hash_dir(dir: &Path) -> Result<String> {
    let mut files = Vec::new();
    collect_files(dir, &mut files)?;
    files.sort();
    let mut hasher = Sha256::new();
    for file in files {
        let relative = file.strip_prefix(dir).unwrap_or(&file);
        hasher.update(relative.to_string_lossy().as_bytes());
        hasher.update([0]);
        hasher.update(fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?);
    }
    Ok(hex16(&hasher.finalize()))
}

/// The first 16 hex digits of a SHA-256 digest.
fn hex16(digest: &[u8]) -> String {
    digest
        .iter()
        .take(8)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            collect_files(&entry.path(), files)?;
        } else {
            files.push(entry.path());
        }
    }
    Ok(())
}

/// The files directly in `dir` whose extension is `extension`, in name order.
fn files_with_extension(dir: &Path, extension: &str) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == extension) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn file_name(path: &Path) -> Result<String> {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .with_context(|| format!("{} has no file name", path.display()))
}

fn empty_dir(dir: &Path) -> Result<()> {
    if dir.exists() {
        fs::remove_dir_all(dir).with_context(|| format!("cannot empty {}", dir.display()))?;
    }
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))
}

/// `path` below `dist` as a [`Part`].
fn part(dist: &Path, path: String) -> Result<Part> {
    let file = dist.join(&path);
    let raw = fs::metadata(&file)
        .with_context(|| format!("cannot read {}", file.display()))?
        .len();
    let compressed = dist.join(format!("{path}.br"));
    let brotli = fs::metadata(&compressed).map_or(raw, |m| m.len());
    Ok(Part { path, raw, brotli })
}

impl Built {
    /// Brotli bytes of everything the first page loads before the portal starts.
    pub(crate) fn shell_brotli(&self) -> u64 {
        self.shell.iter().map(|p| p.brotli).sum()
    }

    /// Prints every part: the shell's files, then each chunk.
    pub(crate) fn print(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        writeln!(out, "{:<58} {:>10} {:>10}", "file", "bytes", "brotli")?;
        for part in self.shell.iter().chain(&self.chunks).chain(&self.locales) {
            writeln!(
                out,
                "{:<58} {:>10} {:>10}",
                part.path, part.raw, part.brotli
            )?;
        }
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_without_a_placeholder_is_refused() {
        let filled = fill("<link href=\"{style}\">", &[(STYLE, "/style-1.css".into())]);
        assert_eq!(filled.ok().as_deref(), Some("<link href=\"/style-1.css\">"));
        assert!(fill("<html></html>", &[(ICON, "/x.svg".into())]).is_err());
    }

    #[test]
    fn hashes_are_sixteen_hex_digits() {
        let hash = hex16(&Sha256::digest(b"portal"));
        assert_eq!(hash.len(), 16);
        assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()));
    }
}
