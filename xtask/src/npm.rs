//! `cargo xtask npm`: builds the npm package (`web/package` + pc-wasm) into a directory ready for
//! `npm pack`, and `cargo xtask npm --test`: packs it, installs the `.tgz` into a fresh project and
//! runs `web/tests/*.test.mjs` with Node's test runner against a pc-sandbox, after compiling
//! `web/tests/types.ts` against the installed declarations with `tsc --noEmit`.
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

/// The hand-written package files under `web/package` (each entry's directory adds its own).
const PACKAGE_FILES: [&str; 7] = [
    "package.json",
    "index.js",
    "index.d.ts",
    "node.js",
    "support.js",
    "support.d.ts",
    "README.md",
];

/// The package's entries, one wasm build each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Entry {
    /// `@pc-portal/partner-center`: the rules and the client (pc-wasm's default features).
    Main,
    /// `@pc-portal/partner-center/rules`: the rules and `explainFinding` alone.
    Rules,
    /// `@pc-portal/partner-center/client`: `PartnerCenterClient` alone.
    Client,
    /// `@pc-portal/partner-center/portal`: everything and `mountPortal`.
    Portal,
}

impl Entry {
    /// Every entry, in the order they are built and printed.
    pub(crate) const ALL: [Self; 4] = [Self::Main, Self::Rules, Self::Client, Self::Portal];

    /// Its directory in the package (`""` for the main entry) and under `web/package`.
    fn dir(self) -> &'static str {
        match self {
            Self::Main => "",
            Self::Rules => "rules",
            Self::Client => "client",
            Self::Portal => "portal",
        }
    }

    /// cargo's feature arguments for pc-wasm.
    fn cargo_features(self) -> &'static [&'static str] {
        match self {
            Self::Main => &[],
            Self::Rules => &["--no-default-features", "--features", "rules"],
            Self::Client => &["--no-default-features", "--features", "client"],
            Self::Portal => &["--features", "portal"],
        }
    }

    /// Whether its wasm holds the client, whose glue imports `./support.js`.
    fn has_client(self) -> bool {
        self != Self::Rules
    }

    /// Its wasm file in the package, e.g. `rules/pc_wasm_bg.wasm`.
    pub(crate) fn wasm_path(self) -> String {
        match self {
            Self::Main => format!("{STEM}_bg.wasm"),
            other => format!("{}/{STEM}_bg.wasm", other.dir()),
        }
    }

    /// What it holds, for the figures.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Self::Main => "rules and client",
            Self::Rules => "rules",
            Self::Client => "client",
            Self::Portal => "with the portal",
        }
    }
}

/// The built package's wasm sizes, by entry (in [`Entry::ALL`]'s order).
pub(crate) type PackageSizes = Vec<(Entry, WasmSize)>;

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
    let sizes = build(&root, &out)?;
    eprintln!("==> package ready for `npm pack` in {}", out.display());
    for (entry, size) in &sizes {
        eprintln!(
            "    {} ({}): {} bytes wasm, {} bytes brotli",
            entry.wasm_path(),
            entry.describe(),
            size.raw,
            size.brotli
        );
    }
    if test {
        run_step(&root, &[], &["build", "-p", "pc-sandbox"])?;
        let sandbox = start_test_sandbox(&root)?;
        eprintln!("==> pc-sandbox for the package tests at {}", sandbox.url);
        test_packed(&root, &out, &npm.join("test"), &sandbox.url)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The step of `cargo xtask test`: builds the package, packs it and runs the Node tests against
/// the running sandbox at `sandbox_url`; returns the wasm sizes.
pub(crate) fn test_step(root: &Path, sandbox_url: &str) -> Result<PackageSizes> {
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

/// Builds the package into `out` (emptied first): every [`Entry`], the main one at the top and
/// the others in their directories (`rules/`, `client/`, `portal/`), all sharing `models.d.ts`.
/// Returns the wasm sizes.
pub(crate) fn build(root: &Path, out: &Path) -> Result<PackageSizes> {
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
    fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;

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

    let package = root.join("web").join("package");
    let mut sizes = Vec::new();
    for entry in Entry::ALL {
        let (dir, models_module) = if entry == Entry::Main {
            (out.to_path_buf(), "./models.js")
        } else {
            (out.join(entry.dir()), "../models.js")
        };
        fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let size = build_variant(
            root,
            entry.cargo_features(),
            &dir,
            &models_text,
            models_module,
        )?;
        sizes.push((entry, size));
        if entry == Entry::Main {
            continue;
        }
        // The entry's own hand-written files (`index.js`, `index.d.ts`, `node.js`).
        let source = package.join(entry.dir());
        for file in
            fs::read_dir(&source).with_context(|| format!("cannot read {}", source.display()))?
        {
            let path = file?.path();
            if let Some(name) = path.file_name() {
                copy(&path, &dir.join(name))?;
            }
        }
        // The client's glue imports `./support.js` next to it; its declarations import the
        // models from the package's top.
        if entry.has_client() {
            copy(&package.join("support.js"), &dir.join("support.js"))?;
            let declarations = fs::read_to_string(package.join("support.d.ts"))
                .context("cannot read web/package/support.d.ts")?;
            write(
                &dir.join("support.d.ts"),
                &declarations.replace("\"./models.js\"", "\"../models.js\""),
            )?;
        }
    }
    for name in PACKAGE_FILES {
        copy(&package.join(name), &out.join(name))?;
    }
    set_version(&out.join("package.json"), env!("CARGO_PKG_VERSION"))?;
    Ok(sizes)
}

/// Builds pc-wasm (with the feature arguments `features`) for wasm32, runs wasm-bindgen and
/// wasm-opt -Oz, and writes `pc_wasm.js`, `pc_wasm_bg.wasm` and the declarations into `out`.
fn build_variant(
    root: &Path,
    features: &[&str],
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
    args.extend(features);
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
pub(crate) fn brotli_size(data: &[u8]) -> Result<usize> {
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
    check_types(root, &tests, &project)?;
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

/// Compiles `web/tests/types.ts` with TypeScript's strictest checks (`tsc --noEmit`, npm
/// typescript under `web/`) in `project`, where the package is installed: every entry's
/// declarations resolve, and the misuse it marks `@ts-expect-error` is refused.
fn check_types(root: &Path, tests: &Path, project: &Path) -> Result<()> {
    copy(&tests.join("types.ts"), &project.join("types.ts"))?;
    write(
        &project.join("tsconfig.json"),
        r#"{
  "compilerOptions": {
    "noEmit": true,
    "strict": true,
    "module": "nodenext",
    "moduleResolution": "nodenext",
    "target": "es2022",
    "lib": ["es2022", "esnext.disposable", "dom", "dom.iterable"],
    "types": []
  },
  "files": ["types.ts"]
}
"#,
    )?;
    let tsc = root
        .join("web")
        .join("node_modules")
        .join(".bin")
        .join("tsc");
    eprintln!("==> tsc --noEmit types.ts (the package's declarations)");
    run_program(&tsc, &["-p".as_ref(), project.as_os_str()])
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
