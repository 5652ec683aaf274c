//! `pc-gateway`: the same-origin gateway in front of Partner Center. `pc-gateway serve --help`
//! lists the flags.

use std::io::Write as _;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use pc_gateway::{Config, DEFAULT_SCOPE, GatewayState, PARTNER_CENTER, app};
use url::Url;

#[derive(Debug, Parser)]
#[command(
    name = "pc-gateway",
    version,
    about = "Signs a partner's staff in with Entra ID and forwards the portal's /v1 calls to Partner Center"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the portal, the sign-in and the /v1 forwarding on ADDR.
    Serve(Box<Serve>),
}

#[derive(Debug, clap::Args)]
struct Serve {
    /// Address to listen on; port 0 picks a free port. The bound address is printed as
    /// `listening on http://ADDR`.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Serve a built portal from DIR at `/`.
    #[arg(long, value_name = "DIR")]
    portal: Option<PathBuf>,
    /// Partner Center's base URL (another cloud's, or a pc-sandbox).
    #[arg(long, value_name = "URL", default_value = PARTNER_CENTER)]
    upstream: Url,
    /// The OpenID issuer, e.g. https://login.microsoftonline.com/{tenant-id}/v2.0 (discovery at
    /// {authority}/.well-known/openid-configuration).
    #[arg(long, value_name = "URL")]
    authority: Url,
    /// The app registration's application (client) ID.
    #[arg(long)]
    client_id: String,
    /// The app registration's client secret (better: the environment variable).
    #[arg(long, env = "PC_GATEWAY_CLIENT_SECRET", hide_env_values = true)]
    client_secret: String,
    /// Scopes asked for at sign-in, space-separated.
    #[arg(long, default_value = DEFAULT_SCOPE)]
    scope: String,
    /// Refuse sign-ins without multi-factor authentication (`mfa` in the ID token's `amr`).
    #[arg(long)]
    require_mfa: bool,
    /// The gateway's public base URL as browsers reach it (behind a proxy); the redirect URI is
    /// {public-url}/auth/callback. Default: http://ADDR (loopback only).
    #[arg(long, value_name = "URL")]
    public_url: Option<Url>,
    /// Sessions: a SQLite file (created when missing), `sqlite::memory:`, or a `postgres://` URL
    /// shared by several instances. Default: `pc-gateway/sessions.db` under the data directory.
    #[arg(long)]
    db: Option<String>,
    /// Longest a session lasts after sign-in (e.g. 12h).
    #[arg(long, default_value = "12h", value_parser = humantime::parse_duration)]
    session_lifetime: Duration,
    /// Refresh an access token when it has less than this left (e.g. 5m).
    #[arg(long, default_value = "5m", value_parser = humantime::parse_duration)]
    refresh_before: Duration,
    /// Base64 of 32 bytes that encrypt tokens at rest; default: derived from the client secret.
    #[arg(long, env = "PC_GATEWAY_SESSION_KEY", hide_env_values = true, value_parser = pc_gateway::parse_session_key)]
    session_key: Option<[u8; 32]>,
}

/// The default database: `<data dir>/pc-gateway/sessions.db`.
fn default_db() -> anyhow::Result<String> {
    let dir = dirs::data_dir()
        .or_else(|| std::env::current_dir().ok())
        .context("no data directory and no current directory")?
        .join("pc-gateway");
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(format!("sqlite://{}", dir.join("sessions.db").display()))
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
        Some(db) => db.clone(),
        None => default_db()?,
    };
    let listener = tokio::net::TcpListener::bind(serve.addr)
        .await
        .with_context(|| format!("cannot listen on {}", serve.addr))?;
    let bound = listener.local_addr()?;
    let public_url = match serve.public_url {
        Some(url) => url,
        None if bound.ip().is_loopback() => Url::parse(&format!("http://{bound}"))?,
        None => anyhow::bail!(
            "--public-url is required when listening on a non-loopback address ({bound}): \
             give the https URL browsers use, e.g. --public-url https://portal.contoso.example"
        ),
    };
    let mut config = Config::new(
        serve.authority,
        serve.client_id,
        serve.client_secret,
        public_url,
    );
    config.upstream = serve.upstream;
    config.scope = serve.scope;
    config.require_mfa = serve.require_mfa;
    config.portal_dir = serve.portal;
    config.session_lifetime = serve.session_lifetime;
    config.refresh_before = serve.refresh_before;
    config.session_key = serve.session_key;
    if !config.secure_cookies() {
        tracing::warn!(
            public_url = %config.public_url,
            "plain http on loopback: the session cookie is not marked Secure (development only)"
        );
    } else if config.public_url.scheme() != "https" {
        anyhow::bail!(
            "--public-url {} is plain http on a non-loopback host: serve the gateway over https",
            config.public_url
        );
    }
    let redirect_uri = config.redirect_uri();
    let state = GatewayState::open(&db, config).await?;
    // Expired sessions and abandoned sign-ins go every ten minutes.
    let store = state.store().clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(600));
        loop {
            tick.tick().await;
            if let Err(error) = store.purge_expired().await {
                tracing::warn!(%error, "purging expired sessions failed");
            }
        }
    });
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "listening on http://{bound}")?;
    stdout.flush()?;
    drop(stdout);
    tracing::info!(%bound, %redirect_uri, "pc-gateway serving");
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
