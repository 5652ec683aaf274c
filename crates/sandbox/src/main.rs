//! `pc-sandbox`: a Partner Center–compatible server. `pc-sandbox serve --help` lists the flags.

use std::io::Write as _;
use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use pc_sandbox::{AppState, Config, app};

#[derive(Debug, Parser)]
#[command(
    name = "pc-sandbox",
    version,
    about = "A Partner Center-compatible sandbox server"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the Partner Center API (and a built portal) on ADDR.
    Serve(Serve),
}

#[derive(Debug, clap::Args)]
struct Serve {
    /// Address to listen on; port 0 picks a free port. The bound address is printed as
    /// `listening on http://ADDR`.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Database: a SQLite file path or `sqlite:` URL (created when missing), `sqlite::memory:`,
    /// or a `postgres://` URL. Default: `pc-sandbox/sandbox.db` under the user's data directory.
    #[arg(long)]
    db: Option<String>,
    /// Serve a built portal (`cargo xtask build-portal`'s `portal-dist/`) at `/`.
    #[arg(long, value_name = "DIR")]
    portal: Option<PathBuf>,
    /// How long new orders take to appear in the customer's order list (e.g. 15m, 2s, 0s).
    #[arg(long, default_value = "15m", value_parser = humantime::parse_duration)]
    order_list_delay: Duration,
    /// How long provisioning takes (orders pending, subscriptions not yet listed).
    #[arg(long, default_value = "30s", value_parser = humantime::parse_duration)]
    provisioning_delay: Duration,
    /// Allow at most PER_MINUTE `/v1` requests per minute per partner tenant (then 429).
    #[arg(long, value_name = "PER_MINUTE")]
    throttle: Option<NonZeroU32>,
    /// Probability (0 to 1) that a `/v1` call fails with 503, or does its work and answers 504.
    #[arg(long, default_value_t = 0.0, value_parser = parse_rate)]
    fault_rate: f64,
    /// Delay added to every `/v1` call (e.g. 200ms).
    #[arg(long, default_value = "0s", value_parser = humantime::parse_duration)]
    latency: Duration,
    /// Lifetime of issued access and ID tokens (e.g. 1h, 5m).
    #[arg(long, default_value = "1h", value_parser = humantime::parse_duration)]
    token_lifetime: Duration,
    /// Also allow this redirect URI for the sign-in clients (repeatable); loopback http URIs
    /// are always allowed.
    #[arg(long = "redirect-uri", value_name = "URL")]
    redirect_uris: Vec<String>,
    /// Also accept `/v1` tokens of this OpenID issuer (repeatable): `iss` equal to URL, keys
    /// from URL/.well-known/openid-configuration, `tid` a seeded tenant.
    #[arg(long = "trust-issuer", value_name = "URL")]
    trusted_issuers: Vec<String>,
}

fn parse_rate(text: &str) -> Result<f64, String> {
    let rate: f64 = text
        .parse()
        .map_err(|_| format!("'{text}' is not a number"))?;
    if (0.0..=1.0).contains(&rate) {
        Ok(rate)
    } else {
        Err(format!("{rate} is not between 0 and 1"))
    }
}

/// The default database: `<data dir>/pc-sandbox/sandbox.db`.
fn default_db() -> anyhow::Result<String> {
    let dir = dirs::data_dir()
        .or_else(|| std::env::current_dir().ok())
        .context("no data directory and no current directory")?
        .join("pc-sandbox");
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(format!("sqlite://{}", dir.join("sandbox.db").display()))
}

/// A bare path becomes a `sqlite://` URL.
fn database_url(db: &str) -> String {
    if db.contains(':') && (db.starts_with("sqlite:") || db.starts_with("postgres")) {
        db.to_owned()
    } else {
        format!("sqlite://{db}")
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let Command::Serve(serve) = Cli::parse().command;
    let db = match &serve.db {
        Some(db) => database_url(db),
        None => default_db()?,
    };
    let config = Config {
        order_list_delay: serve.order_list_delay,
        provisioning_delay: serve.provisioning_delay,
        throttle_per_minute: serve.throttle,
        fault_rate: serve.fault_rate,
        latency: serve.latency,
        portal_dir: serve.portal,
        token_lifetime: serve.token_lifetime,
        redirect_uris: serve.redirect_uris,
        trusted_issuers: serve.trusted_issuers,
    };
    let state = AppState::open(&db, config).await?;
    let listener = tokio::net::TcpListener::bind(serve.addr)
        .await
        .with_context(|| format!("cannot listen on {}", serve.addr))?;
    let bound = listener.local_addr()?;
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "listening on http://{bound}")?;
    stdout.flush()?;
    drop(stdout);
    tracing::info!(%bound, database = %db, "pc-sandbox serving");
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown())
        .await?;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
