//! `cargo xtask check-cart <FILE>`: runs the purchase rules over a `{"cart", "context"}` file
//! and prints the validation as pretty JSON.

use std::fs;
use std::io::{self, Write as _};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use pc_core::rules::{parse_input, validate_cart};

use crate::flags;

impl flags::CheckCart {
    /// Validates the input file and prints the result; exit status 2 when the file is
    /// unreadable or malformed, 0 otherwise (findings or not).
    pub(crate) fn run(self) -> Result<ExitCode> {
        let file = &self.file;
        let text = match fs::read_to_string(file) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("error: cannot read {}: {error}", file.display());
                return Ok(ExitCode::from(2));
            }
        };
        let input = match parse_input(&text) {
            Ok(input) => input,
            Err(error) => {
                eprintln!("error: {}: {error}", file.display());
                return Ok(ExitCode::from(2));
            }
        };
        let validation = validate_cart(&input.cart, &input.context);
        let json =
            serde_json::to_string_pretty(&validation).context("serializing the validation")?;
        let mut stdout = io::stdout().lock();
        writeln!(stdout, "{json}")?;
        stdout.flush()?;
        Ok(ExitCode::SUCCESS)
    }
}
