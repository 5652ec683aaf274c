//! The command line of `cargo xtask`: one struct of flags per command, each run by the module of
//! the same name (`flags::Serve` by `serve.rs`, …), as rust-analyzer's xtask does.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Command-line interface of `cargo xtask`.
#[derive(Debug, Parser)]
#[command(
    name = "cargo xtask",
    bin_name = "cargo xtask",
    about = "Project automation for the Partner Center purchase portal"
)]
pub(crate) struct Xtask {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Cmd,
}

/// The `cargo xtask` subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Cmd {
    /// Decode JSON files as a Partner Center resource and check they re-serialize losslessly.
    ///
    /// Prints `ok <file>` or `FAIL <file>: <error>` per file. Exit status: 0 when every file
    /// passes, 1 when any fails, 2 for an unknown RESOURCE.
    Decode(Decode),
    /// Validate a `{"cart": Cart, "context": PurchaseContext}` file with the purchase rules.
    ///
    /// Prints `{"findings": [...], "orderGroups": [...]}` as pretty JSON and exits 0, findings or
    /// not. Exit status 2 when the file is unreadable or the input is malformed.
    CheckCart(CheckCart),
    /// The project's test command: fmt, clippy, tests, rustdoc, wasm32 build, the browser tests
    /// (pc-core's, and pc-client's against a sandbox it starts), the packed npm package in Node
    /// against the same sandbox, the fuzz targets briefly, schemathesis against the sandbox's
    /// OpenAPI document, and the portal end to end.
    Test(Test),
    /// Same as `test`: the one local entry point that mirrors CI.
    Ci(Test),
    /// Only the portal's end-to-end step of `test`: the split portal build, debug pc-sandbox and
    /// pc-gateway, the npm package for the embedding example (built when missing), then
    /// Playwright (`web/e2e`) with ARGS passed on (a spec file, `--grep`, `--workers`).
    E2e(E2e),
    /// Run the `validate_cart` criterion benchmark of pc-core.
    Bench(Bench),
    /// Build the portal (`build-portal`) and serve it as production does: pc-gateway in front
    /// of pc-sandbox, which is both the identity provider (demo users) and Partner Center.
    ///
    /// Installs what is missing first: the wasm32 target, wasm-bindgen-cli at Cargo.lock's
    /// version, wasm-split-cli 0.2.4, and wasm-opt (npm binaryen 132 under web/). Ctrl-C stops
    /// both servers.
    Serve(Serve),
    /// Build the portal split by page into `<target dir>/portal-dist`: every page a lazy route
    /// in a wasm chunk of its own, content-hashed names, `.br` and `.gz` beside every file.
    ///
    /// cargo (wasm32, release, `--emit-relocs`) → wasm-split-cli → wasm-bindgen
    /// `--keep-lld-exports` → wasm-opt -Oz on every module. Installs the tools when missing, as
    /// `serve` does; prints each file's bytes and brotli bytes. A running `serve` serves the new
    /// build on the next page load.
    BuildPortal(BuildPortal),
    /// Size budgets: builds the portal and the npm package, prints the bytes of the first page
    /// as served, of each page's chunk and of the npm entries, and exits 1 when one is over its
    /// budget (a size check, not a timed test).
    Size(Size),
    /// Load figures for pc-sandbox, measured with oha: `GET /v1/products` requests per second
    /// and checkout latency percentiles under 32 concurrent connections (`xtask/load.sh`).
    Load(Load),
    /// Build the npm package (pc-wasm: rules and client) into a directory ready for `npm pack`.
    ///
    /// Release profile, wasm-bindgen at Cargo.lock's version, wasm-opt -Oz (npm binaryen 132
    /// under web/), models.d.ts generated from the Rust types. Prints the wasm's brotli size.
    Npm(Npm),
    /// Fuzz with cargo-fuzz (libFuzzer, nightly toolchain): the resource decoders, the purchase
    /// rules, the lifecycle rules and pc-sandbox's request extractors (`fuzz/`).
    ///
    /// Runs each target (or only `--target`) in turn, keeping its corpus in
    /// `<target dir>/fuzz/corpus/<name>`, and prints executions, time and corpus size per
    /// target. Installs cargo-fuzz when missing. A crash stops the run with the input saved
    /// under `<target dir>/fuzz/artifacts/<name>/`.
    Fuzz(Fuzz),
    /// Fuzz pc-sandbox's HTTP API with schemathesis from its `/openapi.json` (the step of
    /// `test`): every check, a Contoso App+User token, 0 failures and every operation reached.
    ///
    /// Installs schemathesis (pinned) into a virtual environment under the target directory
    /// when missing; `xtask/schemathesis.toml` is its configuration.
    ApiFuzz(ApiFuzz),
}

/// `cargo xtask decode <RESOURCE> <FILE>...`
#[derive(Debug, Args)]
pub(crate) struct Decode {
    /// Resource name as in the fixture manifest (`Product`, `Sku`, `Cart`, …), alone or as
    /// `Collection<T>` / `Array<T>`.
    pub(crate) resource: String,
    /// JSON files to decode.
    #[arg(required = true)]
    pub(crate) files: Vec<PathBuf>,
}

/// `cargo xtask check-cart <FILE>`
#[derive(Debug, Args)]
pub(crate) struct CheckCart {
    /// The input JSON file.
    pub(crate) file: PathBuf,
}

/// `cargo xtask test` / `cargo xtask ci` (no flags).
#[derive(Debug, Args)]
pub(crate) struct Test {}

/// `cargo xtask e2e [ARGS]...`
#[derive(Debug, Args)]
pub(crate) struct E2e {
    /// Arguments for `playwright test`, e.g. `trust.spec.ts` or `--grep prices`.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub(crate) args: Vec<OsString>,
}

/// `cargo xtask bench [ARGS]...`
#[derive(Debug, Args)]
pub(crate) struct Bench {
    /// Extra arguments for the benchmark binary (passed after `--`), e.g. a filter or
    /// `--save-baseline main`.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub(crate) args: Vec<OsString>,
}

/// `cargo xtask serve [--addr ADDR] [--tenant contoso|fabrikam] [--public-url URL]`
#[derive(Debug, Args)]
pub(crate) struct Serve {
    /// Address the gateway (and so the portal) listens on; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub(crate) addr: String,
    /// The sandbox partner tenant to sign in to.
    #[arg(long, value_enum, default_value_t = Tenant::Contoso)]
    pub(crate) tenant: Tenant,
    /// The URL browsers use, when it is not the gateway's own address (a reverse proxy in
    /// front of it), e.g. `--public-url https://portal.example`.
    #[arg(long, value_name = "URL")]
    pub(crate) public_url: Option<String>,
}

/// A sandbox demo partner `cargo xtask serve` signs in to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Tenant {
    /// Contoso Ltd. (United States, USD).
    Contoso,
    /// Fabrikam AB (Sweden, SEK).
    Fabrikam,
}

/// `cargo xtask build-portal` (no flags).
#[derive(Debug, Args)]
pub(crate) struct BuildPortal {}

/// `cargo xtask size [--floors]`
#[derive(Debug, Args)]
pub(crate) struct Size {
    /// Instead of the budgets, build and measure the floors the goals are set against
    /// (`xtask/floors`): the smallest Leptos 0.8 first page with the router, and pc-core's
    /// `validate_cart` alone as a wasm.
    #[arg(long)]
    pub(crate) floors: bool,
}

/// `cargo xtask load` (no flags).
#[derive(Debug, Args)]
pub(crate) struct Load {}

/// `cargo xtask npm [--out DIR] [--test]`
#[derive(Debug, Args)]
pub(crate) struct Npm {
    /// Directory to build the package in (emptied first); default `<target>/npm/package`.
    #[arg(long)]
    pub(crate) out: Option<PathBuf>,
    /// Also pack it, install the .tgz into a new project and run web/tests with Node's test
    /// runner against a pc-sandbox this starts.
    #[arg(long)]
    pub(crate) test: bool,
}

/// `cargo xtask fuzz [--seconds N] [--runs N] [--target NAME]`
#[derive(Debug, Args)]
pub(crate) struct Fuzz {
    /// Seconds each target runs (libFuzzer's `-max_total_time`); 60 unless `--runs` is given.
    #[arg(long, value_name = "N")]
    pub(crate) seconds: Option<u64>,
    /// Executions each target runs (libFuzzer's `-runs`), e.g. 1000000; with `--seconds`,
    /// whichever ends first.
    #[arg(long, value_name = "N")]
    pub(crate) runs: Option<u64>,
    /// Only this target (`cargo xtask fuzz --list` names them).
    #[arg(long, value_name = "NAME")]
    pub(crate) target: Option<String>,
    /// List the targets and exit.
    #[arg(long)]
    pub(crate) list: bool,
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;

    use clap::Parser;

    use super::{Cmd, Size, Tenant, Xtask};

    #[test]
    fn serve_takes_an_address_and_a_tenant() {
        let cli = Xtask::try_parse_from(["cargo xtask", "serve"]).unwrap();
        let Cmd::Serve(serve) = cli.command else {
            panic!("not serve: {:?}", cli.command);
        };
        assert_eq!(
            (serve.addr.as_str(), serve.tenant),
            ("127.0.0.1:8080", Tenant::Contoso)
        );
        let cli = Xtask::try_parse_from([
            "cargo xtask",
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--tenant",
            "fabrikam",
        ])
        .unwrap();
        let Cmd::Serve(serve) = cli.command else {
            panic!("not serve: {:?}", cli.command);
        };
        assert_eq!(
            (serve.addr.as_str(), serve.tenant),
            ("127.0.0.1:0", Tenant::Fabrikam)
        );
        assert!(Xtask::try_parse_from(["cargo xtask", "serve", "--tenant", "northwind"]).is_err());
    }

    #[test]
    fn bench_passes_extra_arguments_through() {
        for argv in [
            &["cargo xtask", "bench", "--", "--save-baseline", "main"][..],
            &["cargo xtask", "bench", "--save-baseline", "main"][..],
        ] {
            let cli = Xtask::try_parse_from(argv).unwrap();
            let Cmd::Bench(bench) = cli.command else {
                panic!("not bench: {:?}", cli.command);
            };
            assert_eq!(
                bench.args,
                [OsString::from("--save-baseline"), OsString::from("main")]
            );
        }
    }

    #[test]
    fn every_command_parses_as_before() {
        for argv in [
            &[
                "cargo xtask",
                "decode",
                "Collection<Sku>",
                "a.json",
                "b.json",
            ][..],
            &["cargo xtask", "check-cart", "input.json"][..],
            &["cargo xtask", "test"][..],
            &["cargo xtask", "ci"][..],
            &["cargo xtask", "load"][..],
            &["cargo xtask", "size"][..],
            &["cargo xtask", "npm", "--out", "dir", "--test"][..],
            &[
                "cargo xtask",
                "serve",
                "--public-url",
                "http://127.0.0.1:8081",
            ][..],
            &["cargo xtask", "fuzz"][..],
            &["cargo xtask", "fuzz", "--seconds", "5", "--target", "cart"][..],
            &["cargo xtask", "fuzz", "--runs", "1000000"][..],
        ] {
            assert!(Xtask::try_parse_from(argv).is_ok(), "{argv:?}");
        }
        assert!(Xtask::try_parse_from(["cargo xtask", "decode", "Cart"]).is_err());
        let floors = Xtask::try_parse_from(["cargo xtask", "size", "--floors"]);
        assert!(
            matches!(
                floors,
                Ok(Xtask {
                    command: Cmd::Size(Size { floors: true })
                })
            ),
            "{floors:?}"
        );
        assert!(Xtask::try_parse_from(["cargo xtask", "fuzz", "--seconds", "soon"]).is_err());
    }
}

/// `cargo xtask api-fuzz`
#[derive(Debug, Args)]
pub(crate) struct ApiFuzz {}
