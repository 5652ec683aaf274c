//! `cargo xtask size --floors`: what the size goals of the fast-first-load issue are measured
//! against. Two programs under `xtask/floors`, each the least the shipped build could hold, built
//! with the same release profile, Cargo.lock's versions and pipeline (wasm-bindgen `--target
//! web`, wasm-opt -Oz), and measured in brotli bytes (quality 11) as [`crate::size`] measures:
//!
//! - **first page** (`floors/first-page`): Leptos 0.8 with its router, two routes, a sign-in form
//!   and one list fetched with gloo-net and decoded with serde_json — none of the portal's own
//!   code. Compared with the first page's goal, 150,000 bytes.
//! - **rules** (`floors/rules`): pc-core's `validate_cart` alone behind one wasm-bindgen
//!   function, decoding with pc-core's models and decoder — without `explainFinding`, the
//!   context builder or the lifecycle rules the rules entry also holds. Compared with the rules
//!   entry's goal, 60,000 bytes.
//!
//! Neither program is a workspace member (each is a workspace of its own, with the root's
//! Cargo.lock copied in before the build so the versions are the shipped ones), so the project's
//! own builds and checks never compile them.

use std::fs;
use std::io::{self, Write as _};
use std::path::Path;

use anyhow::{Context as _, Result, bail};

use crate::npm::brotli_size;
use crate::tools::wasm_opt;
use crate::util::{run_program, run_step, target_dir};

/// One floor program.
struct Floor {
    /// Directory under `xtask/floors`.
    dir: &'static str,
    /// What it is compared with.
    goal: &'static str,
    /// The goal, brotli bytes.
    goal_bytes: u64,
    /// The wasm cargo writes: `<name>.wasm` (hyphens kept for a binary, underscores for a cdylib).
    wasm: &'static str,
}

const FLOORS: [Floor; 2] = [
    Floor {
        dir: "first-page",
        goal: "first page: Leptos 0.8 + router, two routes, one fetched list",
        goal_bytes: 150_000,
        wasm: "floor-first-page.wasm",
    },
    Floor {
        dir: "rules",
        goal: "rules entry: pc-core's validate_cart alone",
        goal_bytes: 60_000,
        wasm: "floor_rules.wasm",
    },
];

/// A floor as measured: the optimized wasm and wasm-bindgen's JavaScript.
struct Measured {
    wasm_raw: u64,
    wasm_brotli: u64,
    js_brotli: u64,
}

/// Builds and measures every floor, printing a table.
///
/// Errors: a build or tool fails, or an output is missing.
pub(crate) fn run(root: &Path) -> Result<()> {
    let mut rows = Vec::new();
    for floor in &FLOORS {
        rows.push((floor, measure(root, floor)?));
    }
    let mut out = io::stdout().lock();
    writeln!(out)?;
    writeln!(
        out,
        "{:<64} {:>9} {:>9} {:>9} {:>9}",
        "floor (bytes)", "wasm raw", "wasm br", "js br", "total br"
    )?;
    for (floor, measured) in rows {
        let total = measured.wasm_brotli + measured.js_brotli;
        writeln!(
            out,
            "{:<64} {:>9} {:>9} {:>9} {:>9}  goal {} ({:.0} % of it)",
            floor.goal,
            measured.wasm_raw,
            measured.wasm_brotli,
            measured.js_brotli,
            total,
            floor.goal_bytes,
            100.0 * total as f64 / floor.goal_bytes as f64
        )?;
    }
    out.flush()?;
    Ok(())
}

/// Builds `floor` for wasm32 with the release profile, runs wasm-bindgen and wasm-opt -Oz, and
/// measures the result.
fn measure(root: &Path, floor: &Floor) -> Result<Measured> {
    let dir = root.join("xtask").join("floors").join(floor.dir);
    let lock = root.join("Cargo.lock");
    fs::copy(&lock, dir.join("Cargo.lock"))
        .with_context(|| format!("cannot copy {} into {}", lock.display(), dir.display()))?;
    let target = target_dir(root)?.join("floors");
    let manifest = dir.join("Cargo.toml");
    let manifest = manifest
        .to_str()
        .with_context(|| format!("{} is not UTF-8", manifest.display()))?;
    run_step(
        root,
        &[("CARGO_TARGET_DIR", target.as_os_str())],
        &[
            "build",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--manifest-path",
            manifest,
        ],
    )?;
    let built = target
        .join("wasm32-unknown-unknown")
        .join("release")
        .join(floor.wasm);
    let out = target.join(format!("{}-out", floor.dir));
    if out.exists() {
        fs::remove_dir_all(&out).with_context(|| format!("cannot empty {}", out.display()))?;
    }
    run_program(
        Path::new("wasm-bindgen"),
        &[
            "--target".as_ref(),
            "web".as_ref(),
            "--no-typescript".as_ref(),
            "--out-name".as_ref(),
            "floor".as_ref(),
            "--out-dir".as_ref(),
            out.as_os_str(),
            built.as_os_str(),
        ],
    )?;
    let wasm = out.join("floor_bg.wasm");
    run_program(
        &wasm_opt(root)?,
        &[
            "-Oz".as_ref(),
            wasm.as_os_str(),
            "-o".as_ref(),
            wasm.as_os_str(),
        ],
    )?;
    let read = |name: &str| {
        let path = out.join(name);
        fs::read(&path).with_context(|| format!("cannot read {}", path.display()))
    };
    let wasm = read("floor_bg.wasm")?;
    let js = read("floor.js")?;
    if wasm.is_empty() {
        bail!(
            "wasm-opt wrote an empty {}",
            out.join("floor_bg.wasm").display()
        );
    }
    Ok(Measured {
        wasm_raw: wasm.len() as u64,
        wasm_brotli: brotli_size(&wasm)? as u64,
        js_brotli: brotli_size(&js)? as u64,
    })
}
