//! `cargo xtask decode <RESOURCE> <FILE>...`: decodes each file as the resource, re-serializes
//! it and compares (pc-core's `round_trip`), printing `ok <file>` or `FAIL <file>: <error>`.

use std::fs;
use std::io::{self, Write as _};
use std::process::ExitCode;

use anyhow::Result;
use pc_core::roundtrip::{Resource, round_trip};

use crate::flags;

impl flags::Decode {
    /// Round-trips every file, reporting each. Exit status 0 when all pass, 1 when any fails,
    /// 2 for an unknown resource name.
    pub(crate) fn run(self) -> Result<ExitCode> {
        let resource: Resource = match self.resource.parse() {
            Ok(resource) => resource,
            Err(error) => {
                eprintln!("error: {error}");
                return Ok(ExitCode::from(2));
            }
        };
        let mut stdout = io::stdout().lock();
        let mut failed = 0_usize;
        for file in &self.files {
            let outcome = fs::read_to_string(file)
                .map_err(|e| format!("cannot read: {e}"))
                .and_then(|text| round_trip(resource, &text).map_err(|e| e.to_string()));
            match outcome {
                Ok(()) => writeln!(stdout, "ok {}", file.display())?,
                Err(error) => {
                    failed += 1;
                    writeln!(stdout, "FAIL {}: {error}", file.display())?;
                }
            }
        }
        stdout.flush()?;
        if failed > 0 {
            eprintln!("{failed} of {} file(s) failed", self.files.len());
            Ok(ExitCode::FAILURE)
        } else {
            Ok(ExitCode::SUCCESS)
        }
    }
}
