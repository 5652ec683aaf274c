//! `cargo xtask fuzz [--seconds N] [--runs N] [--target NAME] [--list]`: the cargo-fuzz targets
//! of `fuzz/` (libFuzzer, nightly toolchain), one after the other; and the brief run of each
//! that `cargo xtask test` makes ([`smoke`]).
//!
//! Everything a run writes stays in cargo's target directory (`CARGO_TARGET_DIR` honoured),
//! under `fuzz/`: the build (`build/`), each target's corpus (`corpus/<name>`, kept between
//! runs), crash inputs (`artifacts/<name>/`), libFuzzer's log (`logs/<name>.log`) and the seeds
//! made from the documented Partner Center bodies (`seeds/resources`). The seeds in the
//! repository (`fuzz/seeds/<name>`) and the dictionary (`fuzz/json.dict`) are read as they are.
//!
//! The targets are built without a sanitizer (`-s none`: the code is safe Rust, so
//! AddressSanitizer finds nothing more and halves the speed) and with debug assertions and
//! overflow checks (`-a`), so an arithmetic overflow is a crash.

use std::env;
use std::fs::{self, File};
use std::path::Path;
use std::process::{ExitCode, Stdio};
use std::time::Instant;

use anyhow::{Context as _, Result, bail};
use pc_core::roundtrip::{Resource, ResourceType, Shape};

use crate::flags;
use crate::tools::{FUZZ_TOOLCHAIN, install_cargo_fuzz, nightly, nightly_version};
use crate::util::{target_dir, workspace_root};

/// Seconds each target runs in `cargo xtask test`.
const SMOKE_SECONDS: u64 = 5;

/// Seconds each target runs when neither `--seconds` nor `--runs` is given.
const DEFAULT_SECONDS: u64 = 60;

/// The longest one input may take before libFuzzer calls it a hang (seconds).
const INPUT_TIMEOUT: u64 = 10;

impl flags::Fuzz {
    /// Runs the chosen targets in turn and prints their figures; fails at the first crash.
    pub(crate) fn run(self) -> Result<ExitCode> {
        let root = workspace_root()?;
        let all = targets(&root)?;
        if self.list {
            for name in &all {
                println_stdout(name)?;
            }
            return Ok(ExitCode::SUCCESS);
        }
        let chosen = match &self.target {
            Some(name) if all.contains(name) => vec![name.clone()],
            Some(name) => bail!("no fuzz target `{name}`; the targets: {}", all.join(", ")),
            None => all,
        };
        let version = nightly_version().with_context(|| {
            format!(
                "cargo-fuzz needs the {FUZZ_TOOLCHAIN} toolchain, which is not installed \
                 (`rustup toolchain install {FUZZ_TOOLCHAIN} --profile minimal`)"
            )
        })?;
        eprintln!("==> fuzzing with {version}");
        install_cargo_fuzz(&root)?;
        let budget = Budget {
            seconds: self.seconds.or(if self.runs.is_none() {
                Some(DEFAULT_SECONDS)
            } else {
                None
            }),
            runs: self.runs,
        };
        let reports = run_targets(&root, &chosen, budget)?;
        print_reports(&reports)?;
        Ok(ExitCode::SUCCESS)
    }
}

/// The step of `cargo xtask test`: every target for [`SMOKE_SECONDS`]; skipped, saying so, when
/// the nightly toolchain is missing (a machine that cannot fetch toolchains still runs the rest).
pub(crate) fn smoke(root: &Path) -> Result<()> {
    let Some(version) = nightly_version() else {
        eprintln!(
            "==> SKIPPED: the fuzz targets need the {FUZZ_TOOLCHAIN} toolchain, which is not \
             installed (`rustup toolchain install {FUZZ_TOOLCHAIN} --profile minimal`, then \
             `cargo xtask fuzz`)"
        );
        return Ok(());
    };
    eprintln!("==> fuzz targets, {SMOKE_SECONDS} s each ({version})");
    install_cargo_fuzz(root)?;
    let reports = run_targets(
        root,
        &targets(root)?,
        Budget {
            seconds: Some(SMOKE_SECONDS),
            runs: None,
        },
    )?;
    print_reports(&reports)?;
    // On CI the instrumented build (a few GB) is of no further use and the disk is shared with
    // the release and wasm builds still to come; the corpus and any crash inputs stay.
    if env::var_os("CI").is_some() {
        let build = target_dir(root)?.join("fuzz").join("build");
        fs::remove_dir_all(&build).with_context(|| format!("cannot remove {}", build.display()))?;
        eprintln!(
            "==> removed the fuzz build ({}) to free disk",
            build.display()
        );
    }
    Ok(())
}

/// How long each target runs: libFuzzer stops at whichever limit comes first.
#[derive(Debug, Clone, Copy)]
struct Budget {
    /// `-max_total_time`.
    seconds: Option<u64>,
    /// `-runs`.
    runs: Option<u64>,
}

/// What one target's run did.
#[derive(Debug, Default)]
struct Report {
    name: String,
    /// Inputs executed (libFuzzer's `number_of_executed_units`).
    execs: u64,
    /// Seconds of fuzzing (libFuzzer's `Done N runs in S second(s)`; the whole process's wall
    /// time, build included, when it is missing).
    seconds: f64,
    /// Inputs in the corpus after the run, and their bytes.
    corpus_files: usize,
    corpus_bytes: u64,
    /// Coverage counters and features reached (the last status line's `cov` and `ft`).
    cov: u64,
    ft: u64,
}

/// The fuzz targets: the `[[bin]]` names of `fuzz/Cargo.toml`.
fn targets(root: &Path) -> Result<Vec<String>> {
    let path = root.join("fuzz").join("Cargo.toml");
    let manifest =
        fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let names: Vec<String> = manifest
        .split("[[bin]]")
        .skip(1)
        .filter_map(|block| {
            block.lines().find_map(|line| {
                line.trim()
                    .strip_prefix("name = \"")
                    .and_then(|rest| rest.strip_suffix('"'))
                    .map(str::to_owned)
            })
        })
        .collect();
    if names.is_empty() {
        bail!("{} names no [[bin]] target", path.display());
    }
    Ok(names)
}

/// Builds every target once, then runs each in turn within `budget`.
fn run_targets(root: &Path, names: &[String], budget: Budget) -> Result<Vec<Report>> {
    let work = target_dir(root)?.join("fuzz");
    let build = work.join("build");
    let fuzz_dir = root.join("fuzz");
    let common = |command: &mut std::process::Command| {
        command
            .current_dir(root)
            .arg("--fuzz-dir")
            .arg(&fuzz_dir)
            .args(["--sanitizer", "none", "--debug-assertions", "--target-dir"])
            .arg(&build);
    };

    let mut command = nightly("cargo");
    command.args(["fuzz", "build"]);
    common(&mut command);
    eprintln!(
        "==> cargo +{FUZZ_TOOLCHAIN} fuzz build (into {})",
        build.display()
    );
    let status = command.status().context("cannot run cargo fuzz build")?;
    if !status.success() {
        bail!("cargo fuzz build failed ({status})");
    }

    let generated = work.join("seeds");
    write_resource_seeds(root, &generated.join("resources"))?;

    let mut reports = Vec::new();
    for name in names {
        let corpus = work.join("corpus").join(name);
        let artifacts = work.join("artifacts").join(name);
        let logs = work.join("logs");
        for dir in [&corpus, &artifacts, &logs] {
            fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        }
        let log = logs.join(format!("{name}.log"));
        let mut command = nightly("cargo");
        command.args(["fuzz", "run", name]).arg(&corpus);
        for seeds in [fuzz_dir.join("seeds").join(name), generated.join(name)] {
            if seeds.is_dir() {
                command.arg(seeds);
            }
        }
        common(&mut command);
        command.arg("--");
        if let Some(seconds) = budget.seconds {
            command.arg(format!("-max_total_time={seconds}"));
        }
        if let Some(runs) = budget.runs {
            command.arg(format!("-runs={runs}"));
        }
        let mut prefix = artifacts.into_os_string();
        prefix.push("/");
        let mut artifact_prefix = std::ffi::OsString::from("-artifact_prefix=");
        artifact_prefix.push(&prefix);
        let mut dict = std::ffi::OsString::from("-dict=");
        dict.push(fuzz_dir.join("json.dict"));
        command
            .arg(artifact_prefix)
            .arg(dict)
            .arg(format!("-timeout={INPUT_TIMEOUT}"))
            .arg("-print_final_stats=1");
        let file =
            File::create(&log).with_context(|| format!("cannot create {}", log.display()))?;
        command
            .stdout(Stdio::from(file.try_clone()?))
            .stderr(Stdio::from(file));
        eprintln!("==> fuzz {name} (libFuzzer's log: {})", log.display());
        let started = Instant::now();
        let status = command.status().context("cannot run cargo fuzz run")?;
        let seconds = started.elapsed().as_secs_f64();
        let text = fs::read_to_string(&log).unwrap_or_default();
        if !status.success() {
            for line in failure_excerpt(&text) {
                eprintln!("    {line}");
            }
            bail!(
                "fuzz target `{name}` failed ({status}) after {seconds:.0} s; the input is in {} \
                 (reproduce: cargo +{FUZZ_TOOLCHAIN} fuzz run {name} <file>), the log in {}",
                prefix.to_string_lossy(),
                log.display()
            );
        }
        let (corpus_files, corpus_bytes) = dir_size(&corpus)?;
        let (cov, ft) = last_coverage(&text);
        let report = Report {
            name: name.clone(),
            execs: stat(&text, "number_of_executed_units").unwrap_or(0),
            seconds: fuzzing_seconds(&text).unwrap_or(seconds),
            corpus_files,
            corpus_bytes,
            cov,
            ft,
        };
        eprintln!(
            "    {} executions in {:.0} s, corpus {} inputs",
            report.execs, report.seconds, report.corpus_files
        );
        reports.push(report);
    }
    Ok(reports)
}

/// What to show of a failed run's log: the panic with the frames of this workspace's code, then
/// libFuzzer's last lines (the crash input, its base64).
fn failure_excerpt(log: &str) -> Vec<&str> {
    let lines: Vec<&str> = log.lines().collect();
    let mut shown = Vec::new();
    if let Some(start) = lines.iter().position(|l| l.contains("panicked at")) {
        shown.extend(lines.iter().skip(start).take(2));
        // Frame names, and the source lines of the workspace's own code under them.
        shown.extend(
            lines
                .iter()
                .skip(start + 2)
                .take_while(|l| !l.contains("libFuzzer: deadly signal"))
                .filter(|l| {
                    let frame = l.trim_start();
                    frame.starts_with("at ")
                        && (frame.contains("/crates/") || frame.contains("/fuzz/"))
                })
                .take(12),
        );
    }
    let tail = lines.len().saturating_sub(12);
    shown.extend(lines.iter().skip(tail).filter(|l| !l.trim().is_empty()));
    shown
}

/// Writes one seed per documented Partner Center body (`../shared/fixtures`, when it is there)
/// for the `resources` target: the selector byte of its resource, then the body.
fn write_resource_seeds(root: &Path, dir: &Path) -> Result<()> {
    let fixtures = root
        .join("..")
        .join("shared")
        .join("fixtures")
        .join("partner-center-docs");
    let Ok(manifest) = fs::read_to_string(fixtures.join("manifest.json")) else {
        eprintln!(
            "note: no {}; the resources target starts from its own corpus only",
            fixtures.display()
        );
        return Ok(());
    };
    let entries: Vec<serde_json::Value> =
        serde_json::from_str(&manifest).context("the fixture manifest is not a JSON array")?;
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for entry in entries {
        let (Some(file), Some(resource)) = (
            entry.get("file").and_then(serde_json::Value::as_str),
            entry.get("resource").and_then(serde_json::Value::as_str),
        ) else {
            continue;
        };
        let (Ok(resource), Ok(body)) =
            (resource.parse::<Resource>(), fs::read(fixtures.join(file)))
        else {
            continue;
        };
        let Some(selector) = selector(resource) else {
            continue;
        };
        let mut seed = vec![selector];
        seed.extend(body);
        let path = dir.join(file);
        fs::write(&path, seed).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// The first byte of a `resources` input naming `resource`: `shape × 18 + type`, in
/// [`ResourceType::ALL`]'s order (the encoding `pc_fuzz::resource` reads).
fn selector(resource: Resource) -> Option<u8> {
    let shape = [Shape::Single, Shape::Collection, Shape::Array]
        .iter()
        .position(|s| *s == resource.shape)?;
    let index = ResourceType::ALL
        .iter()
        .position(|(_, t)| *t == resource.resource_type)?;
    u8::try_from(shape * ResourceType::ALL.len() + index).ok()
}

/// Files in `dir` and their bytes.
fn dir_size(dir: &Path) -> Result<(usize, u64)> {
    let mut files = 0;
    let mut bytes = 0;
    for entry in fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let metadata = entry?.metadata()?;
        if metadata.is_file() {
            files += 1;
            bytes += metadata.len();
        }
    }
    Ok((files, bytes))
}

/// `stat::<name>: <value>` of libFuzzer's final statistics (`-print_final_stats=1`).
fn stat(log: &str, name: &str) -> Option<u64> {
    let prefix = format!("stat::{name}:");
    log.lines()
        .rev()
        .find_map(|line| line.trim().strip_prefix(&prefix))
        .and_then(|value| value.trim().parse().ok())
}

/// `S` of libFuzzer's `Done N runs in S second(s)`.
fn fuzzing_seconds(log: &str) -> Option<f64> {
    log.lines().rev().find_map(|line| {
        let rest = line.trim().strip_prefix("Done ")?;
        let (_, after) = rest.split_once(" runs in ")?;
        after.split_whitespace().next()?.parse().ok()
    })
}

/// `cov` and `ft` of libFuzzer's last status line (`#1234 DONE cov: 56 ft: 78 corp: …`).
fn last_coverage(log: &str) -> (u64, u64) {
    let field = |line: &str, name: &str| -> Option<u64> {
        let mut words = line.split_whitespace();
        words.find(|w| *w == name)?;
        words.next()?.parse().ok()
    };
    log.lines()
        .rev()
        .find_map(|line| Some((field(line, "cov:")?, field(line, "ft:")?)))
        .unwrap_or((0, 0))
}

/// Prints the figures of each run as a Markdown table (the README's).
fn print_reports(reports: &[Report]) -> Result<()> {
    let mut text = String::from(
        "| target | executions | seconds | executions/s | corpus (inputs, bytes) | cov | ft |\n\
         |---|---:|---:|---:|---:|---:|---:|\n",
    );
    for r in reports {
        let rate = if r.seconds > 0.0 {
            r.execs as f64 / r.seconds
        } else {
            0.0
        };
        text.push_str(&format!(
            "| `{}` | {} | {:.0} | {:.0} | {}, {} | {} | {} |\n",
            r.name, r.execs, r.seconds, rate, r.corpus_files, r.corpus_bytes, r.cov, r.ft
        ));
    }
    eprint!("{text}");
    Ok(())
}

/// One line on stdout.
fn println_stdout(line: &str) -> Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{fuzzing_seconds, last_coverage, selector, stat};
    use pc_core::roundtrip::Resource;

    #[test]
    fn reads_libfuzzer_figures() {
        let log = "#1024\tpulse  cov: 10 ft: 20 corp: 3/40b exec/s: 512\n\
                   #2000000\tDONE   cov: 1234 ft: 5678 corp: 321/45Kb lim: 4096 exec/s: 9000\n\
                   Done 2000000 runs in 222 second(s)\n\
                   stat::number_of_executed_units: 2000000\n\
                   stat::average_exec_per_sec:     9009\n";
        assert_eq!(stat(log, "number_of_executed_units"), Some(2_000_000));
        assert_eq!(stat(log, "average_exec_per_sec"), Some(9009));
        assert_eq!(stat(log, "peak_rss_mb"), None);
        assert_eq!(last_coverage(log), (1234, 5678));
        assert_eq!(fuzzing_seconds(log), Some(222.0));
    }

    #[test]
    fn resource_selectors_follow_the_fuzz_targets_encoding() {
        let parse = |name: &str| name.parse::<Resource>().unwrap();
        assert_eq!(selector(parse("Product")), Some(0));
        assert_eq!(selector(parse("Collection<Product>")), Some(18));
        assert_eq!(selector(parse("Array<InventoryItem>")), Some(36 + 4));
        assert_eq!(selector(parse("EstimateLink")), Some(17));
    }
}
