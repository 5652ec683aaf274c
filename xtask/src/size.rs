//! `cargo xtask size`: the size budgets, checked on fresh builds (a size check, not a timed
//! test). Builds the portal split by page ([`portal::build`]) and the npm package
//! ([`npm::build`]), prints every figure and exits 1 when one is over its budget. The README's
//! figures come from this command.
//!
//! Every figure is bytes as sent to a browser that accepts brotli (quality 11), the way
//! pc-gateway serves the portal:
//!
//! - **first page**: what a signed-in user's first page (`/customers`) loads: `index.html`, the
//!   stylesheet, the icon, the main module and its JavaScript, and the customers page's chunks;
//! - **each page's chunk**: every other lazy route's own `.wasm` (and the chunks shared between
//!   routes), loaded when the page is first opened;
//! - **npm**: the package's rules-and-client wasm and its full build with the portal.

use std::collections::BTreeSet;
use std::fs;
use std::io::{self, Write as _};
use std::process::ExitCode;

use anyhow::{Context as _, Result};

use crate::flags;
use crate::npm::{self, WasmSize};
use crate::portal::{self, Built, Part};
use crate::tools::install_portal_tools;
use crate::util::{target_dir, workspace_root};

/// Budget of the first page, brotli bytes.
const FIRST_PAGE: u64 = 400_000;
/// Budget of each page's chunk, brotli bytes.
const PAGE_CHUNK: u64 = 120_000;
/// Budget of the npm package's rules-and-client wasm, brotli bytes.
const NPM_LEAN: u64 = 260_000;
/// Budget of the npm package's full wasm (with the portal), brotli bytes.
const NPM_FULL: u64 = 720_000;

/// The lazy route of the first page a signed-in user sees (`pages::lazy::Customers`); its split
/// is named after the route's view function.
const FIRST_PAGE_SPLIT: &str = "__customers_view";

impl flags::Size {
    pub(crate) fn run(self) -> Result<ExitCode> {
        let root = workspace_root()?;
        install_portal_tools(&root)?;
        let built = portal::build(&root)?;
        let package = target_dir(&root)?.join("npm").join("package");
        let (lean, full) = npm::build(&root, &package)?;
        check(&built, lean, full)?;
        Ok(ExitCode::SUCCESS)
    }
}

/// Prints every figure of a built portal and npm package against its budget.
///
/// Errors: a figure is over its budget, or the portal's loader names no module for the first
/// page.
pub(crate) fn check(built: &Built, lean: WasmSize, full: WasmSize) -> Result<()> {
    let first_page = first_page(built)?;
    let mut checks = vec![Check {
        what: "first page (/customers)".to_owned(),
        bytes: first_page.iter().map(|p| p.brotli).sum(),
        budget: FIRST_PAGE,
    }];
    for chunk in &built.chunks {
        if !first_page.iter().any(|p| p.path == chunk.path) {
            checks.push(Check {
                what: format!("chunk {}", chunk.path),
                bytes: chunk.brotli,
                budget: PAGE_CHUNK,
            });
        }
    }
    checks.push(Check {
        what: "npm pc_wasm_bg.wasm (rules and client)".to_owned(),
        bytes: lean.brotli as u64,
        budget: NPM_LEAN,
    });
    checks.push(Check {
        what: "npm portal/pc_wasm_bg.wasm (with the portal)".to_owned(),
        bytes: full.brotli as u64,
        budget: NPM_FULL,
    });

    let mut out = io::stdout().lock();
    writeln!(out)?;
    writeln!(out, "The portal as built ({}):", built.dist.display())?;
    built.print(&mut out)?;
    writeln!(out)?;
    writeln!(out, "The first page loads:")?;
    for part in &first_page {
        writeln!(out, "  {:<56} {:>10}", part.path, part.brotli)?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:<64} {:>10} {:>10}",
        "budget (brotli bytes)", "bytes", "budget"
    )?;
    let mut over = 0;
    for check in &checks {
        let verdict = if check.bytes > check.budget {
            over += 1;
            "  OVER"
        } else {
            ""
        };
        writeln!(
            out,
            "{:<64} {:>10} {:>10}{verdict}",
            check.what, check.bytes, check.budget
        )?;
    }
    out.flush()?;
    if over > 0 {
        anyhow::bail!("{over} of {} size figures are over budget", checks.len());
    }
    Ok(())
}

/// A figure and its budget.
struct Check {
    what: String,
    bytes: u64,
    budget: u64,
}

/// The files of the first page: the shell, the first page's split and the chunks it needs.
///
/// Errors: the loader cannot be read or names no split for the first page.
fn first_page(built: &Built) -> Result<Vec<Part>> {
    let loader_path = built
        .shell
        .iter()
        .find(|p| p.path.ends_with(portal::LOADER))
        .map(|p| built.dist.join(&p.path))
        .context("the built portal has no wasm-split loader")?;
    let loader = fs::read_to_string(&loader_path)
        .with_context(|| format!("cannot read {}", loader_path.display()))?;
    let needed = files_of_split(&loader, FIRST_PAGE_SPLIT);
    if needed.is_empty() {
        anyhow::bail!(
            "{} loads no module for the split {FIRST_PAGE_SPLIT}",
            loader_path.display()
        );
    }
    let mut parts = built.shell.clone();
    for chunk in &built.chunks {
        let name = chunk.path.rsplit('/').next().unwrap_or_default();
        if needed.contains(name) {
            parts.push(chunk.clone());
        }
    }
    Ok(parts)
}

/// The `.wasm` files wasm-split's loader fetches for the split whose name starts with `split`:
/// its own module (`split_<name>.wasm`) and every shared chunk listed for it (the loader writes
/// `/* <split>, <split> */` before each chunk's fetch of `./chunk_<n>.wasm`).
fn files_of_split(loader: &str, split: &str) -> BTreeSet<String> {
    let mut files = BTreeSet::new();
    let mut listed_for_split = false;
    for line in loader.lines() {
        let line = line.trim();
        if let Some(names) = line
            .strip_prefix("/*")
            .and_then(|rest| rest.strip_suffix("*/"))
        {
            listed_for_split = names.split(',').any(|n| n.trim().starts_with(split));
            continue;
        }
        for quoted in line.split('"').filter(|part| part.ends_with(".wasm")) {
            let name = quoted.trim_start_matches("./");
            let own = name.starts_with(&format!("split_{split}"));
            if own || (listed_for_split && name.starts_with("chunk_")) {
                files.insert(name.to_owned());
            }
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::files_of_split;

    #[test]
    fn a_split_needs_its_own_module_and_the_chunks_listed_for_it() {
        let loader = r#"
/* customers_view_1, orders_view_2 */
const __chunk_3 = makeLoad(() => {
    const src = fetch(new URL("./chunk_3.wasm", import.meta.url));
}, []);
/* orders_view_2 */
const __chunk_4 = makeLoad(() => {
    const src = fetch(new URL("./chunk_4.wasm", import.meta.url));
}, []);
export const __wasm_split_load_customers_view_1 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_customers_view_1.wasm", import.meta.url));
}, [__chunk_3]));
"#;
        let files = files_of_split(loader, "customers_view");
        assert_eq!(
            files.into_iter().collect::<Vec<_>>(),
            ["chunk_3.wasm", "split_customers_view_1.wasm"]
        );
        assert!(files_of_split(loader, "billing_view").is_empty());
    }
}
