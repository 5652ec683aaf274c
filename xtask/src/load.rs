//! `cargo xtask load`: runs `xtask/load.sh` (oha against pc-sandbox built with the `sandbox`
//! profile), telling it cargo's target directory so that `CARGO_TARGET_DIR` is honoured.

use std::process::{Command, ExitCode};

use anyhow::{Context as _, Result};

use crate::flags;
use crate::util::{target_dir, workspace_root};

impl flags::Load {
    /// Runs the script; exits 0 when it succeeds.
    pub(crate) fn run(self) -> Result<ExitCode> {
        let root = workspace_root()?;
        let target = target_dir(&root)?;
        let status = Command::new("bash")
            .arg(root.join("xtask").join("load.sh"))
            .current_dir(&root)
            .env("CARGO_TARGET_DIR", &target)
            .status()
            .context("cannot run bash xtask/load.sh")?;
        Ok(if status.success() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        })
    }
}
