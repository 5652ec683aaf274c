//! `cargo xtask bench [ARGS]...`: pc-core's `validate_cart` criterion benchmark, with `ARGS`
//! passed to the benchmark binary.

use std::process::ExitCode;

use anyhow::{Context as _, Result};

use crate::flags;
use crate::util::{cargo, describe, workspace_root};

impl flags::Bench {
    /// Runs the benchmark; exits as it does.
    pub(crate) fn run(self) -> Result<ExitCode> {
        let root = workspace_root()?;
        let mut command = cargo();
        command
            .current_dir(&root)
            .args(["bench", "-p", "pc-core", "--bench", "validate_cart"]);
        if !self.args.is_empty() {
            command.arg("--").args(&self.args);
        }
        eprintln!("==> {}", describe(&command));
        let status = command.status().context("cannot run cargo")?;
        Ok(match status.code() {
            Some(0) => ExitCode::SUCCESS,
            Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
            None => ExitCode::FAILURE,
        })
    }
}
