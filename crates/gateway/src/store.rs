//! The gateway's database: sessions, sign-ins under way, and the partner settings an Admin agent
//! confirms. One sqlx code path for SQLite and PostgreSQL (`$n` placeholders, portable SQL in
//! `crates/gateway/migrations`); several gateway instances share sessions through PostgreSQL.

use std::str::FromStr as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context as _;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyConnection, Connection as _, Row as _};

/// Seconds since the Unix epoch, now.
pub(crate) fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// A connection pool to the gateway's database.
#[derive(Debug, Clone)]
pub struct Store {
    pool: sqlx::AnyPool,
    /// For an in-memory database: a connection that is never used, so that the sessions live as
    /// long as the store even when the pool replaces its connection (sqlx closes one that a
    /// cancelled request left mid-query; the last connection to an in-memory database takes the
    /// database with it).
    _keeper: Option<Arc<Mutex<AnyConnection>>>,
}

/// Numbers the in-memory databases of this process (`sqlite::memory:`), whose names must differ.
static MEMORY_DATABASES: AtomicUsize = AtomicUsize::new(0);

/// A session row. Tokens stay sealed ([`SessionRow::tokens`]) until the forwarder needs them.
#[derive(Debug, Clone)]
pub(crate) struct SessionRow {
    pub(crate) id_hash: String,
    pub(crate) tenant_id: Option<String>,
    pub(crate) user_name: String,
    pub(crate) user_email: String,
    /// JSON array of role names from the ID token's `roles` claim.
    pub(crate) roles: Vec<String>,
    /// Sealed JSON of [`crate::auth::Tokens`].
    pub(crate) tokens: String,
    pub(crate) access_expires_at: i64,
    /// JSON of the partner profile read from Partner Center at sign-in (without the
    /// qualification, which lives in `partner_settings`), or `None` when that failed.
    pub(crate) partner: Option<String>,
    pub(crate) expires_at: i64,
    pub(crate) version: i64,
}

/// A sign-in under way.
#[derive(Debug, Clone)]
pub(crate) struct LoginRow {
    pub(crate) state: String,
    /// Sealed JSON of the PKCE verifier and nonce.
    pub(crate) secrets: String,
    pub(crate) return_to: String,
}

/// The perpetual-software qualification an Admin agent confirmed for a partner tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PartnerSetting {
    pub(crate) perpetual_software_qualified: bool,
}

impl Store {
    /// Opens `url`: `sqlite:PATH` or a bare path (created when missing), `sqlite::memory:`, or
    /// `postgres://…`, and applies the migrations.
    ///
    /// # Errors
    /// The URL is not understood, the database cannot be reached, or migration fails.
    pub async fn open(url: &str) -> anyhow::Result<Self> {
        sqlx::any::install_default_drivers();
        let postgres = url.starts_with("postgres:") || url.starts_with("postgresql:");
        let memory = url.contains(":memory:") || url.contains("mode=memory");
        let url = if url == "sqlite::memory:" || url == "sqlite://:memory:" {
            // A named, shared in-memory database: every connection of this store opens the same
            // one (each plain `:memory:` connection would be a database of its own).
            format!(
                "sqlite:file:pc-gateway-{}-{}?mode=memory&cache=shared",
                std::process::id(),
                MEMORY_DATABASES.fetch_add(1, Ordering::Relaxed)
            )
        } else if postgres || url.starts_with("sqlite:") {
            url.to_owned()
        } else {
            format!("sqlite://{url}")
        };
        let url = if !postgres && !memory && !url.contains("mode=") {
            let sep = if url.contains('?') { '&' } else { '?' };
            format!("{url}{sep}mode=rwc")
        } else {
            url
        };
        let options = AnyConnectOptions::from_str(&url)
            .with_context(|| format!("database URL not understood: {url}"))?;
        let sqlite = !postgres;
        let mut pool = AnyPoolOptions::new()
            .acquire_timeout(Duration::from_secs(30))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if sqlite {
                        for pragma in ["PRAGMA busy_timeout = 10000", "PRAGMA journal_mode = WAL"] {
                            sqlx::query(pragma).execute(&mut *conn).await?;
                        }
                    }
                    Ok(())
                })
            });
        let keeper = if memory {
            let keeper = AnyConnection::connect_with(&options)
                .await
                .with_context(|| format!("cannot open database {url}"))?;
            Some(Arc::new(Mutex::new(keeper)))
        } else {
            None
        };
        pool = if memory {
            // One connection at a time (a shared cache locks by table), kept open.
            pool.max_connections(1)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None)
        } else {
            pool.max_connections(if postgres { 16 } else { 8 })
        };
        let pool = pool
            .connect_with(options)
            .await
            .with_context(|| format!("cannot open database {url}"))?;
        sqlx::migrate!("./migrations")
            .run(&pool)
            .await
            .context("database migration failed")?;
        Ok(Self {
            pool,
            _keeper: keeper,
        })
    }

    /// Deletes expired sessions and sign-ins. Returns how many rows went.
    ///
    /// # Errors
    /// The database fails.
    pub async fn purge_expired(&self) -> anyhow::Result<u64> {
        let now = now();
        let sessions = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(now)
            .execute(&self.pool)
            .await?;
        let logins = sqlx::query("DELETE FROM logins WHERE expires_at <= $1")
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(sessions.rows_affected() + logins.rows_affected())
    }

    /// How many sessions are stored (tests and operations).
    ///
    /// # Errors
    /// The database fails.
    pub async fn session_count(&self) -> anyhow::Result<i64> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM sessions")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get("n")?)
    }

    /// Every stored session's sealed tokens (tests: prove tokens are not stored in clear).
    ///
    /// # Errors
    /// The database fails.
    pub async fn sealed_tokens(&self) -> anyhow::Result<Vec<String>> {
        let rows = sqlx::query("SELECT tokens FROM sessions")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| r.try_get::<String, _>("tokens").map_err(Into::into))
            .collect()
    }

    pub(crate) async fn insert_login(
        &self,
        id_hash: &str,
        login: &LoginRow,
        expires_at: i64,
    ) -> anyhow::Result<()> {
        sqlx::query("INSERT INTO logins (id_hash, state, secrets, return_to, expires_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(id_hash)
            .bind(&login.state)
            .bind(&login.secrets)
            .bind(&login.return_to)
            .bind(expires_at)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Takes (reads and deletes) the sign-in under way: a callback can use it once.
    pub(crate) async fn take_login(&self, id_hash: &str) -> anyhow::Result<Option<LoginRow>> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(
            "SELECT state, secrets, return_to, expires_at FROM logins WHERE id_hash = $1",
        )
        .bind(id_hash)
        .fetch_optional(&mut *tx)
        .await?;
        let deleted = sqlx::query("DELETE FROM logins WHERE id_hash = $1")
            .bind(id_hash)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        let Some(row) = row else { return Ok(None) };
        // Two callbacks racing for one sign-in: only the one that deleted the row may use it.
        if deleted.rows_affected() == 0 || row.try_get::<i64, _>("expires_at")? <= now() {
            return Ok(None);
        }
        Ok(Some(LoginRow {
            state: row.try_get("state")?,
            secrets: row.try_get("secrets")?,
            return_to: row.try_get("return_to")?,
        }))
    }

    pub(crate) async fn insert_session(
        &self,
        session: &SessionRow,
        created_at: i64,
    ) -> anyhow::Result<()> {
        sqlx::query("INSERT INTO sessions (id_hash, tenant_id, user_name, user_email, roles, tokens, access_expires_at, partner, created_at, expires_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
            .bind(&session.id_hash)
            .bind(&session.tenant_id)
            .bind(&session.user_name)
            .bind(&session.user_email)
            .bind(serde_json::to_string(&session.roles)?)
            .bind(&session.tokens)
            .bind(session.access_expires_at)
            .bind(&session.partner)
            .bind(created_at)
            .bind(session.expires_at)
            .bind(session.version)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The live session whose ID hashes to `id_hash` (expired ones are not returned).
    pub(crate) async fn session(&self, id_hash: &str) -> anyhow::Result<Option<SessionRow>> {
        let row = sqlx::query("SELECT id_hash, tenant_id, user_name, user_email, roles, tokens, access_expires_at, partner, expires_at, version FROM sessions WHERE id_hash = $1 AND expires_at > $2")
            .bind(id_hash)
            .bind(now())
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let roles: String = row.try_get("roles")?;
        Ok(Some(SessionRow {
            id_hash: row.try_get("id_hash")?,
            tenant_id: row.try_get("tenant_id")?,
            user_name: row.try_get("user_name")?,
            user_email: row.try_get("user_email")?,
            roles: serde_json::from_str(&roles).unwrap_or_default(),
            tokens: row.try_get("tokens")?,
            access_expires_at: row.try_get("access_expires_at")?,
            partner: row.try_get("partner")?,
            expires_at: row.try_get("expires_at")?,
            version: row.try_get("version")?,
        }))
    }

    /// Stores refreshed tokens if nobody else refreshed since `version` was read. Returns
    /// whether this write won.
    pub(crate) async fn update_tokens(
        &self,
        id_hash: &str,
        version: i64,
        tokens: &str,
        access_expires_at: i64,
    ) -> anyhow::Result<bool> {
        let done = sqlx::query("UPDATE sessions SET tokens = $1, access_expires_at = $2, version = version + 1 WHERE id_hash = $3 AND version = $4")
            .bind(tokens)
            .bind(access_expires_at)
            .bind(id_hash)
            .bind(version)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    pub(crate) async fn update_partner(&self, id_hash: &str, partner: &str) -> anyhow::Result<()> {
        sqlx::query("UPDATE sessions SET partner = $1 WHERE id_hash = $2")
            .bind(partner)
            .bind(id_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub(crate) async fn delete_session(&self, id_hash: &str) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(id_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub(crate) async fn partner_setting(
        &self,
        tenant_id: &str,
    ) -> anyhow::Result<Option<PartnerSetting>> {
        let row = sqlx::query(
            "SELECT perpetual_software_qualified FROM partner_settings WHERE tenant_id = $1",
        )
        .bind(tenant_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(PartnerSetting {
                perpetual_software_qualified: row
                    .try_get::<i64, _>("perpetual_software_qualified")?
                    != 0,
            })
        })
        .transpose()
    }

    pub(crate) async fn set_partner_setting(
        &self,
        tenant_id: &str,
        setting: &PartnerSetting,
        confirmed_by: &str,
    ) -> anyhow::Result<()> {
        sqlx::query("INSERT INTO partner_settings (tenant_id, perpetual_software_qualified, confirmed_by, confirmed_at) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id) DO UPDATE SET perpetual_software_qualified = $2, confirmed_by = $3, confirmed_at = $4")
            .bind(tenant_id)
            .bind(i64::from(setting.perpetual_software_qualified))
            .bind(confirmed_by)
            .bind(now())
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn an_in_memory_database_outlives_the_connection_the_pool_replaces() {
        let store = Store::open("sqlite::memory:").await.unwrap();
        // What sqlx does with a connection a cancelled request left mid-query: closes it, and
        // the pool opens another. The sessions table is still there.
        let connection = store.pool.acquire().await.unwrap();
        connection.close().await.unwrap();
        assert_eq!(store.purge_expired().await.unwrap(), 0);
    }
}
