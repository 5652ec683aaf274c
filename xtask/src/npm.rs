//! `cargo xtask npm`: builds the npm package (`web/package` + pc-wasm) into a directory ready for
//! `npm pack`, and `cargo xtask npm --test`: packs it, installs the `.tgz` into a fresh project and
//! runs `web/tests/*.test.mjs` with Node's test runner against a pc-sandbox.
//!
//! The package: pc-wasm built for `wasm32-unknown-unknown` with the release profile,
//! `wasm-bindgen --target web` (the CLI at Cargo.lock's version), `wasm-opt -Oz` (npm binaryen
//! 132 under `web/`), `models.d.ts` from `pc-wasm-types` (ts-rs), and the hand-written entry
//! points of `web/package` (`index.js` for browsers, `node.js` initializing the wasm from the
//! file, `support.js` with `PartnerCenterError`).

use std::fs;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, ExitCode};

use anyhow::{Context, Result, bail};

use crate::flags;
use crate::server::start_test_sandbox;
use crate::tools::{locked_wasm_bindgen_version, version_of, wasm_opt};
use crate::util::{run, run_program, run_step, target_dir, workspace_root};

/// The crate's name as wasm-bindgen writes it (`pc_wasm.js`, `pc_wasm_bg.wasm`, …).
const STEM: &str = "pc_wasm";

/// Files wasm-bindgen generates that the package ships (the wasm itself is written by wasm-opt).
const GENERATED: [&str; 2] = ["pc_wasm.js", "pc_wasm_bg.wasm.d.ts"];

/// The hand-written entry points of the full build, under `web/package/portal`.
const PORTAL_FILES: [&str; 2] = ["index.js", "index.d.ts"];

/// The hand-written package files under `web/package`.
const PACKAGE_FILES: [&str; 7] = [
    "package.json",
    "index.js",
    "index.d.ts",
    "node.js",
    "support.js",
    "support.d.ts",
    "README.md",
];

impl flags::Npm {
    /// Builds the package (default directory `<target>/npm/package`); with `--test` also packs
    /// it and runs the Node tests against a pc-sandbox this starts.
    pub(crate) fn run(self) -> Result<ExitCode> {
        command(self.out.as_deref(), self.test)
    }
}

/// `cargo xtask npm [--out DIR] [--test]`.
fn command(out: Option<&Path>, test: bool) -> Result<ExitCode> {
    let root = workspace_root()?;
    let npm = target_dir(&root)?.join("npm");
    let out = out.map_or_else(|| npm.join("package"), Path::to_path_buf);
    let (lean, full) = build(&root, &out)?;
    eprintln!(
        "==> package ready for `npm pack` in {}\n    rules and client: {} bytes wasm, {} bytes brotli\n    with the portal (portal/): {} bytes wasm, {} bytes brotli",
        out.display(),
        lean.raw,
        lean.brotli,
        full.raw,
        full.brotli
    );
    if test {
        run_step(&root, &[], &["build", "-p", "pc-sandbox"])?;
        let sandbox = start_test_sandbox(&root)?;
        eprintln!("==> pc-sandbox for the package tests at {}", sandbox.url);
        test_packed(&root, &out, &npm.join("test"), &sandbox.url)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The step of `cargo xtask test`: builds the package, packs it and runs the Node tests against
/// the running sandbox at `sandbox_url`; returns the wasm sizes (lean, full).
pub(crate) fn test_step(root: &Path, sandbox_url: &str) -> Result<(WasmSize, WasmSize)> {
    let npm = target_dir(root)?.join("npm");
    let package = npm.join("package");
    let sizes = build(root, &package)?;
    test_packed(root, &package, &npm.join("test"), sandbox_url)?;
    Ok(sizes)
}

/// Sizes of the built package's wasm.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WasmSize {
    /// Bytes of `pc_wasm_bg.wasm`.
    pub(crate) raw: usize,
    /// Bytes after brotli (quality 11, window 22), as a CDN would serve it.
    pub(crate) brotli: usize,
}

/// Builds the package into `out` (emptied first): the rules-and-client build at the top, the full
/// build with the portal (`mountPortal`, feature `portal`) under `portal/`. Returns both wasm
/// sizes (lean, full).
pub(crate) fn build(root: &Path, out: &Path) -> Result<(WasmSize, WasmSize)> {
    let locked = locked_wasm_bindgen_version(root)?;
    let found = version_of("wasm-bindgen");
    if found.as_deref() != Some(&format!("wasm-bindgen {locked}")) {
        bail!(
            "wasm-bindgen reports {found:?} but Cargo.lock has wasm-bindgen {locked}; run \
             `cargo install wasm-bindgen-cli --version {locked}`"
        );
    }
    if out.exists() {
        fs::remove_dir_all(out).with_context(|| format!("cannot empty {}", out.display()))?;
    }
    let full_out = out.join("portal");
    fs::create_dir_all(&full_out)
        .with_context(|| format!("cannot create {}", full_out.display()))?;

    let models = out.join("models.d.ts");
    run_step(
        root,
        &[],
        &[
            "run",
            "--quiet",
            "-p",
            "pc-wasm",
            "--features",
            "ts",
            "--bin",
            "pc-wasm-types",
            "--",
            &models.to_string_lossy(),
        ],
    )?;
    let models_text =
        fs::read_to_string(&models).with_context(|| format!("cannot read {}", models.display()))?;

    let lean = build_variant(root, None, out, &models_text, "./models.js")?;
    let full = build_variant(
        root,
        Some("portal"),
        &full_out,
        &models_text,
        "../models.js",
    )?;

    let package = root.join("web").join("package");
    for name in PACKAGE_FILES {
        copy(&package.join(name), &out.join(name))?;
    }
    for name in PORTAL_FILES {
        copy(&package.join("portal").join(name), &full_out.join(name))?;
    }
    // The full build's glue imports `./support.js` next to it, as the lean build's does.
    for name in ["support.js", "support.d.ts"] {
        copy(&package.join(name), &full_out.join(name))?;
    }
    set_version(&out.join("package.json"), env!("CARGO_PKG_VERSION"))?;
    Ok((lean, full))
}

/// Builds pc-wasm (with `features`) for wasm32, runs wasm-bindgen and wasm-opt -Oz, and writes
/// `pc_wasm.js`, `pc_wasm_bg.wasm` and the declarations into `out`.
fn build_variant(
    root: &Path,
    features: Option<&str>,
    out: &Path,
    models: &str,
    models_module: &str,
) -> Result<WasmSize> {
    let wasm_opt = wasm_opt(root)?;
    let target = target_dir(root)?;
    let mut args = vec![
        "build",
        "-p",
        "pc-wasm",
        "--target",
        "wasm32-unknown-unknown",
        "--release",
    ];
    if let Some(features) = features {
        args.extend(["--features", features]);
    }
    run_step(root, &[], &args)?;
    let bindgen = target.join("npm-bindgen");
    if bindgen.exists() {
        fs::remove_dir_all(&bindgen)
            .with_context(|| format!("cannot empty {}", bindgen.display()))?;
    }
    let built = target
        .join("wasm32-unknown-unknown")
        .join("release")
        .join(format!("{STEM}.wasm"));
    run_program(
        Path::new("wasm-bindgen"),
        &[
            "--target".as_ref(),
            "web".as_ref(),
            "--out-dir".as_ref(),
            bindgen.as_os_str(),
            built.as_os_str(),
        ],
    )?;
    let wasm = out.join(format!("{STEM}_bg.wasm"));
    run_program(
        &wasm_opt,
        &[
            "-Oz".as_ref(),
            bindgen.join(format!("{STEM}_bg.wasm")).as_os_str(),
            "-o".as_ref(),
            wasm.as_os_str(),
        ],
    )?;
    for name in GENERATED {
        copy(&bindgen.join(name), &out.join(name))?;
    }
    // wasm-bindgen's declarations name the models (`Promise<Cart>`); import them.
    let api = fs::read_to_string(bindgen.join(format!("{STEM}.d.ts")))
        .context("wasm-bindgen wrote no .d.ts")?;
    write(
        &out.join(format!("{STEM}.d.ts")),
        &with_model_imports(&api, models, models_module),
    )?;
    let bytes = fs::read(&wasm).with_context(|| format!("cannot read {}", wasm.display()))?;
    let size = WasmSize {
        raw: bytes.len(),
        brotli: brotli_size(&bytes)?,
    };
    eprintln!(
        "==> {}: {} bytes, {} bytes brotli",
        wasm.display(),
        size.raw,
        size.brotli
    );
    Ok(size)
}

fn copy(from: &Path, to: &Path) -> Result<()> {
    fs::copy(from, to)
        .map(|_| ())
        .with_context(|| format!("cannot copy {} to {}", from.display(), to.display()))
}

fn write(path: &Path, text: &str) -> Result<()> {
    fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

/// `api` (wasm-bindgen's `.d.ts`) with an `import type` of every type `models` declares, from
/// `module` (`./models.js`, or `../models.js` for the full build under `portal/`).
fn with_model_imports(api: &str, models: &str, module: &str) -> String {
    let names: Vec<&str> = models
        .lines()
        .filter_map(|line| line.strip_prefix("export type "))
        .filter_map(|rest| rest.split([' ', '<', '=']).next())
        .filter(|name| !name.is_empty())
        .collect();
    format!(
        "import type {{ {} }} from \"{module}\";\n{api}",
        names.join(", ")
    )
}

/// Sets `"version"` of a `package.json` (the workspace version, so both move together). The
/// text is edited, not re-serialized: the order of `exports` conditions matters to Node.
fn set_version(path: &Path, version: &str) -> Result<()> {
    let text =
        fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let manifest: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{} is not JSON", path.display()))?;
    let old = manifest
        .get("version")
        .and_then(serde_json::Value::as_str)
        .with_context(|| format!("{} has no \"version\"", path.display()))?;
    let member = format!("\"version\": \"{old}\"");
    if !text.contains(&member) {
        bail!("{} does not spell {member} as expected", path.display());
    }
    write(
        path,
        &text.replacen(&member, &format!("\"version\": \"{version}\""), 1),
    )
}

/// Bytes of `data` compressed with brotli at quality 11 (as served by CDNs for static files).
fn brotli_size(data: &[u8]) -> Result<usize> {
    let mut compressed = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut compressed, 4096, 11, 22);
        writer.write_all(data)?;
        writer.flush()?;
    }
    Ok(compressed.len())
}

/// Packs the package in `package` with `npm pack`, installs the `.tgz` into a new project under
/// `work` (offline: it has no dependencies), and runs Node's test runner over
/// `web/tests/*.test.mjs` there with `PC_SANDBOX_URL` set.
pub(crate) fn test_packed(
    root: &Path,
    package: &Path,
    work: &Path,
    sandbox_url: &str,
) -> Result<()> {
    if work.exists() {
        fs::remove_dir_all(work).with_context(|| format!("cannot empty {}", work.display()))?;
    }
    let project = work.join("project");
    fs::create_dir_all(&project).with_context(|| format!("cannot create {}", project.display()))?;

    let output = Command::new("npm")
        .args(["pack", "--json", "--pack-destination"])
        .arg(work)
        .current_dir(package)
        .output()
        .context("cannot run npm pack")?;
    if !output.status.success() {
        bail!(
            "npm pack failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let packed: serde_json::Value =
        serde_json::from_slice(&output.stdout).context("npm pack --json printed no JSON")?;
    let filename = packed
        .get(0)
        .and_then(|p| p.get("filename"))
        .and_then(serde_json::Value::as_str)
        .context("npm pack --json names no file")?;
    let tarball = work.join(filename);
    eprintln!("==> packed {}", tarball.display());

    write(
        &project.join("package.json"),
        "{ \"name\": \"pc-package-test\", \"private\": true, \"type\": \"module\" }\n",
    )?;
    let tarball_arg = tarball.to_string_lossy();
    run(
        "npm",
        &[
            "install",
            "--offline",
            "--no-audit",
            "--no-fund",
            "--no-package-lock",
            &tarball_arg,
        ],
        &project,
        None,
    )?;

    let tests = root.join("web").join("tests");
    let mut files = Vec::new();
    for entry in fs::read_dir(&tests).with_context(|| format!("cannot read {}", tests.display()))? {
        let path = entry?.path();
        if path.to_string_lossy().ends_with(".test.mjs") {
            let name = path.file_name().context("test file without a name")?;
            copy(&path, &project.join(name))?;
            files.push(name.to_string_lossy().into_owned());
        }
    }
    files.sort();
    if files.is_empty() {
        bail!("no web/tests/*.test.mjs");
    }
    eprintln!(
        "==> PC_SANDBOX_URL={sandbox_url} node --test {}",
        files.join(" ")
    );
    let status = Command::new("node")
        .arg("--test")
        .args(&files)
        .env("PC_SANDBOX_URL", sandbox_url)
        .current_dir(&project)
        .status()
        .context("cannot run node")?;
    if !status.success() {
        bail!("node --test failed ({status})");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::with_model_imports;

    #[test]
    fn the_api_declarations_import_every_model() {
        let models = "// generated\nexport type Cart = { id?: string };\n\nexport type Collection<T> = {};\n/** doc */\nexport type Severity = \"error\" | \"warning\";\n";
        let api = "export function validateCart(cart: Cart): Validation;\n";
        assert_eq!(
            with_model_imports(api, models, "./models.js"),
            "import type { Cart, Collection, Severity } from \"./models.js\";\n\
             export function validateCart(cart: Cart): Validation;\n"
        );
    }
}
