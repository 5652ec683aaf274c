//! Project automation, run as `cargo xtask <COMMAND>` (an alias in `.cargo/config.toml`).
//!
//! `main` parses the flags ([`flags`]) and hands them to the command's module, one module per
//! command (the layout of rust-analyzer's xtask):
//!
//! - [`decode`]: `decode <RESOURCE> <FILE>...` decodes captured Partner Center bodies as a
//!   resource and proves they round-trip losslessly.
//! - [`check_cart`]: `check-cart <FILE>` runs the purchase rules over a `{"cart", "context"}`
//!   input.
//! - [`mod@test`]: `test` (alias `ci`), the project's test command: every check CI runs, in CI's
//!   order.
//! - `e2e [ARGS]...` (in [`mod@test`]): only the portal's end-to-end step, Playwright ARGS passed
//!   on.
//! - [`mod@bench`]: the `validate_cart` criterion benchmark.
//! - [`serve`]: `serve [--addr ADDR] [--tenant contoso|fabrikam] [--public-url URL]` installs
//!   what is missing, builds the portal ([`portal`]) and serves it through pc-gateway, signing
//!   in with pc-sandbox's demo users.
//! - [`portal`]: `build-portal`, the portal split by page (cargo → wasm-split-cli → wasm-bindgen
//!   → wasm-opt), content-hashed and precompressed.
//! - [`size`]: `size`, the size budgets of the portal's first page, its chunks and the npm
//!   entries.
//! - [`load`]: pc-sandbox load figures with oha (catalog requests per second, checkout latency).
//! - [`npm`]: `npm [--out DIR] [--test]` builds the npm package (pc-wasm); with `--test`, tests
//!   it packed.
//! - [`fuzz`]: `fuzz [--seconds N] [--runs N] [--target NAME]` runs the cargo-fuzz targets of
//!   `fuzz/`.
//! - [`api_fuzz`]: `api-fuzz`, schemathesis (pinned, installed into the target directory)
//!   against pc-sandbox's `/openapi.json`; also a step of `test`.
//!
//! Shared pieces: [`tools`] (idempotent installs and checks of the tools the commands need),
//! [`server`] (servers started for a command, killed on drop) and [`util`] (the workspace,
//! cargo's target directory, running steps).

use std::process::ExitCode;

use clap::Parser as _;

mod api_fuzz;
mod bench;
mod check_cart;
mod decode;
mod flags;
mod floors;
mod fuzz;
mod load;
mod npm;
mod portal;
mod precompress;
mod serve;
mod server;
mod size;
mod test;
mod tools;
mod util;

fn main() -> ExitCode {
    let flags = flags::Xtask::parse();
    let result = match flags.command {
        flags::Cmd::Decode(cmd) => cmd.run(),
        flags::Cmd::CheckCart(cmd) => cmd.run(),
        flags::Cmd::Test(cmd) | flags::Cmd::Ci(cmd) => cmd.run(),
        flags::Cmd::E2e(cmd) => cmd.run(),
        flags::Cmd::Bench(cmd) => cmd.run(),
        flags::Cmd::Serve(cmd) => cmd.run(),
        flags::Cmd::BuildPortal(cmd) => cmd.run(),
        flags::Cmd::Size(cmd) => cmd.run(),
        flags::Cmd::Load(cmd) => cmd.run(),
        flags::Cmd::Npm(cmd) => cmd.run(),
        flags::Cmd::Fuzz(cmd) => cmd.run(),
        flags::Cmd::ApiFuzz(cmd) => cmd.run(),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
