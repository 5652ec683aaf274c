//! The store: one sqlx code path over SQLite (file or `sqlite::memory:`) and PostgreSQL.
//!
//! Resources are kept as the Partner Center JSON the API returns, next to the columns the server
//! filters on (`migrations/`). IDs are compared exactly, so lookups use the indexes: GUIDs and
//! order IDs are stored lower-case and looked up lower-cased, invoice IDs upper-case. A write that spans tables is one transaction; the checkout in
//! particular ([`Store::commit_checkout`]) flips the cart to `Ordered` and writes its orders,
//! subscriptions, entitlements and invoice lines atomically — after a crash every cart is either
//! fully ordered or untouched.

use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context as _;
use pc_core::models::{
    Agreement, Cart, CartCheckoutResult, Customer, Entitlement, Invoice, OneTimeInvoiceLineItem,
    Order, Subscription,
};
use pc_core::rules::ProductKind;
use pc_core::wire::WireEnum;
use rust_decimal::Decimal;
use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyConnection, AnyPool, Connection as _, Row};

use crate::error::AppError;

/// The database behind the sandbox.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    postgres: bool,
    /// For an in-memory database: a connection that is never used, so that the database lives
    /// as long as the store even when the pool replaces its connection (sqlx closes one that a
    /// cancelled request left mid-query; the last connection to an in-memory database takes the
    /// database with it).
    _keeper: Option<Arc<Mutex<AnyConnection>>>,
}

/// Numbers the in-memory databases of this process (`sqlite::memory:`), whose names must differ.
static MEMORY_DATABASES: AtomicUsize = AtomicUsize::new(0);

/// Real time: milliseconds since the Unix epoch, UTC. For tokens, sign-in and keys only;
/// everything in a purchase's life reads the sandbox clock ([`crate::AppState::now_ms`]).
pub(crate) fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

fn to_json<T: Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(AppError::internal)
}

fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, AppError> {
    serde_json::from_str(text).map_err(AppError::from)
}

/// Which SQL error means "a row with this key exists" (unique violation) on either backend.
fn is_unique_violation(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Database(db) => {
            db.is_unique_violation()
                || db
                    .code()
                    .is_some_and(|c| c == "23505" || c == "2067" || c == "1555")
        }
        _ => false,
    }
}

/// A customer as stored: the `Customer` resource and its segment.
#[derive(Debug, Clone)]
pub(crate) struct StoredCustomer {
    pub(crate) customer: Customer,
    pub(crate) segment: String,
}

/// A cart as stored.
#[derive(Debug, Clone)]
pub(crate) struct StoredCart {
    pub(crate) cart: Cart,
    pub(crate) checkout_result: Option<CartCheckoutResult>,
}

/// An order with its creation time (ms).
#[derive(Debug, Clone)]
pub(crate) struct StoredOrder {
    pub(crate) order: Order,
    pub(crate) created_at: i64,
    /// Bumped by every write; writes are conditional on it.
    pub(crate) version: i64,
}

/// A subscription with the columns the rules and time-based views need.
#[derive(Debug, Clone)]
pub(crate) struct StoredSubscription {
    pub(crate) subscription: Subscription,
    pub(crate) partner_tenant_id: String,
    pub(crate) customer_id: String,
    pub(crate) created_at: i64,
    pub(crate) registration_status: Option<String>,
    pub(crate) registration_at: Option<i64>,
    /// Currency it was bought in.
    pub(crate) currency: String,
    /// What was bought (the `purchase_kind` column, [`stored_kind`]).
    pub(crate) purchase_kind: ProductKind,
    /// Bumped by every write; writes are conditional on it.
    pub(crate) version: i64,
    /// Start of the current term (ms), when it has one.
    pub(crate) term_start_at: Option<i64>,
    /// When the current term ends and it renews or expires (ms); `None`: nothing is due.
    pub(crate) term_end_at: Option<i64>,
    /// Price of one unit for one billing period, in `currency`.
    pub(crate) unit_price: Option<Decimal>,
}

/// An entitlement as stored.
#[derive(Debug, Clone)]
pub(crate) struct StoredEntitlement {
    pub(crate) entitlement: Entitlement,
}

/// A new subscription row.
#[derive(Debug, Clone)]
pub(crate) struct NewSubscription {
    pub(crate) subscription: Subscription,
    pub(crate) currency: String,
    pub(crate) purchase_kind: ProductKind,
    pub(crate) registration_status: Option<String>,
    pub(crate) unit_price: Option<Decimal>,
    pub(crate) term_start_at: Option<i64>,
    pub(crate) term_end_at: Option<i64>,
}

impl NewSubscription {
    /// A row for `subscription`, its term bounds read from the subscription
    /// ([`crate::lifecycle::term_bounds`]).
    pub(crate) fn new(
        subscription: Subscription,
        currency: &str,
        purchase_kind: ProductKind,
        registration_status: Option<String>,
        unit_price: Option<Decimal>,
    ) -> Self {
        let (term_start_at, term_end_at) = crate::lifecycle::term_bounds(&subscription);
        Self {
            subscription,
            currency: currency.to_owned(),
            purchase_kind,
            registration_status,
            unit_price,
            term_start_at,
            term_end_at,
        }
    }
}

/// A lifecycle write of one subscription: its new document and columns, conditional on the
/// version read, with the charge and credit lines it adds to the open billing period.
#[derive(Debug, Clone)]
pub(crate) struct SubscriptionWrite {
    pub(crate) partner_tenant_id: String,
    pub(crate) id: String,
    /// The version the change was decided on.
    pub(crate) expected_version: i64,
    pub(crate) subscription: Subscription,
    pub(crate) term_start_at: Option<i64>,
    pub(crate) term_end_at: Option<i64>,
    pub(crate) unit_price: Option<Decimal>,
    pub(crate) lines: Vec<NewLineItem>,
    /// When the lines were charged (ms, sandbox clock).
    pub(crate) at: i64,
}

/// A cancellation of order lines: the order's new document (conditional on the version read),
/// the subscriptions it ends, the entitlements it removes and the credit lines.
#[derive(Debug, Clone)]
pub(crate) struct OrderWrite {
    pub(crate) partner_tenant_id: String,
    pub(crate) customer_id: String,
    pub(crate) order_id: String,
    pub(crate) expected_version: i64,
    pub(crate) order: Order,
    pub(crate) subscriptions: Vec<SubscriptionWrite>,
    pub(crate) entitlement_ids: Vec<String>,
    pub(crate) lines: Vec<NewLineItem>,
    pub(crate) at: i64,
}

/// A new entitlement row, with the reservation artifact details its link serves, if any.
#[derive(Debug, Clone)]
pub(crate) struct NewEntitlement {
    pub(crate) id: String,
    pub(crate) order_id: String,
    pub(crate) entitlement_type: String,
    pub(crate) entitlement: Entitlement,
    pub(crate) artifacts: Vec<(String, serde_json::Value)>,
}

/// A closed billing period: `[start_at, end_at)` in ms since the Unix epoch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BillingPeriod {
    pub(crate) id: String,
    pub(crate) start_at: i64,
    pub(crate) end_at: i64,
}

/// An Azure plan subscription with what rating its usage needs.
#[derive(Debug, Clone)]
pub(crate) struct AzurePlanRow {
    pub(crate) customer_id: String,
    pub(crate) currency: String,
    pub(crate) created_at: i64,
    pub(crate) subscription: Subscription,
}

/// A new OneTime invoice line of the open billing period.
#[derive(Debug, Clone)]
pub(crate) struct NewLineItem {
    pub(crate) id: String,
    pub(crate) currency: String,
    pub(crate) item: OneTimeInvoiceLineItem,
}

/// Everything one successful checkout writes.
#[derive(Debug, Clone)]
pub(crate) struct CheckoutWrite {
    pub(crate) partner_tenant_id: String,
    pub(crate) customer_id: String,
    pub(crate) cart: Cart,
    pub(crate) result: CartCheckoutResult,
    pub(crate) orders: Vec<Order>,
    pub(crate) subscriptions: Vec<NewSubscription>,
    pub(crate) entitlements: Vec<NewEntitlement>,
    pub(crate) line_items: Vec<NewLineItem>,
    pub(crate) created_at: i64,
}

/// A customer row to seed.
#[derive(Debug, Clone)]
pub(crate) struct SeedCustomer {
    pub(crate) partner_tenant_id: String,
    pub(crate) position: i64,
    pub(crate) segment: String,
    pub(crate) customer: Customer,
    pub(crate) agreements: Vec<Agreement>,
    /// Orders with their creation time (ms).
    pub(crate) orders: Vec<(Order, i64)>,
    pub(crate) subscriptions: Vec<(NewSubscription, i64)>,
}

impl Store {
    /// Opens `url`: `sqlite:PATH` (created when missing), `sqlite::memory:`, or `postgres://…`.
    ///
    /// # Errors
    /// The URL is not understood or the database cannot be reached.
    pub async fn open(url: &str) -> anyhow::Result<Self> {
        sqlx::any::install_default_drivers();
        let postgres = url.starts_with("postgres:") || url.starts_with("postgresql:");
        let memory = url.contains(":memory:") || url.contains("mode=memory");
        let url = if url == "sqlite::memory:" || url == "sqlite://:memory:" {
            // A named, shared in-memory database: every connection of this store opens the same
            // one (each plain `:memory:` connection would be a database of its own).
            format!(
                "sqlite:file:pc-sandbox-{}-{}?mode=memory&cache=shared",
                std::process::id(),
                MEMORY_DATABASES.fetch_add(1, Ordering::Relaxed)
            )
        } else if !postgres && !memory && url.starts_with("sqlite:") && !url.contains("mode=") {
            let sep = if url.contains('?') { '&' } else { '?' };
            format!("{url}{sep}mode=rwc")
        } else {
            url.to_owned()
        };
        let options = AnyConnectOptions::from_str(&url)
            .with_context(|| format!("database URL not understood: {url}"))?;
        let sqlite = !postgres;
        let mut pool = AnyPoolOptions::new()
            .acquire_timeout(Duration::from_secs(30))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if sqlite {
                        for pragma in [
                            "PRAGMA busy_timeout = 10000",
                            "PRAGMA journal_mode = WAL",
                            "PRAGMA synchronous = NORMAL",
                            "PRAGMA foreign_keys = ON",
                        ] {
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
        Ok(Self {
            pool,
            postgres,
            _keeper: keeper,
        })
    }

    /// Applies the migrations under `crates/sandbox/migrations` that have not run yet.
    ///
    /// # Errors
    /// A migration fails or the database was migrated by a newer, different schema.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        sqlx::migrate!("./migrations")
            .run(&self.pool)
            .await
            .context("database migration failed")
    }

    /// Whether the database is PostgreSQL (else SQLite).
    pub fn is_postgres(&self) -> bool {
        self.postgres
    }

    /// The connection pool.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    // ---------------------------------------------------------------- sandbox clock

    /// The sandbox clock's offset from real time (ms).
    pub(crate) async fn clock_offset(&self) -> Result<i64, AppError> {
        let row = sqlx::query("SELECT offset_ms FROM sandbox_clock WHERE id = 1")
            .fetch_optional(&self.pool)
            .await?;
        Ok(row
            .map(|r| r.try_get("offset_ms"))
            .transpose()?
            .unwrap_or(0))
    }

    /// Moves the sandbox clock forward by `delta_ms` (negative values are ignored) and returns
    /// the new offset.
    pub(crate) async fn advance_clock(&self, delta_ms: i64) -> Result<i64, AppError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE sandbox_clock SET offset_ms = offset_ms + $1 WHERE id = 1")
            .bind(delta_ms.max(0))
            .execute(&mut *tx)
            .await?;
        let row = sqlx::query("SELECT offset_ms FROM sandbox_clock WHERE id = 1")
            .fetch_one(&mut *tx)
            .await?;
        let offset: i64 = row.try_get("offset_ms")?;
        tx.commit().await?;
        Ok(offset)
    }

    /// Whether seed data of version `version` was written.
    pub(crate) async fn seeded(&self, version: &str) -> Result<bool, AppError> {
        let row = sqlx::query("SELECT value FROM settings WHERE name = 'seed_version'")
            .fetch_optional(&self.pool)
            .await?;
        Ok(row
            .map(|r| r.try_get::<String, _>("value"))
            .transpose()?
            .is_some_and(|v| v == version))
    }

    /// Writes the seed (customers, agreements, orders, subscriptions, invoices) in one transaction;
    /// rows that exist are left alone.
    pub(crate) async fn write_seed(
        &self,
        version: &str,
        customers: &[SeedCustomer],
        invoices: &[(String, Invoice, Vec<NewLineItem>)],
    ) -> Result<(), AppError> {
        let mut tx = self.pool.begin().await?;
        for seed in customers {
            let id = seed
                .customer
                .id
                .as_ref()
                .map(|i| i.as_str().to_owned())
                .unwrap_or_default();
            sqlx::query("INSERT INTO customers (id, partner_tenant_id, position, segment, body) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING")
                .bind(&id)
                .bind(&seed.partner_tenant_id)
                .bind(seed.position)
                .bind(&seed.segment)
                .bind(to_json(&seed.customer)?)
                .execute(&mut *tx)
                .await?;
            for (n, agreement) in seed.agreements.iter().enumerate() {
                sqlx::query("INSERT INTO agreements (id, customer_id, agreement_type, created_at, body) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING")
                    .bind(format!("{id}-seed-{n}"))
                    .bind(&id)
                    .bind(agreement.agreement_type.clone().unwrap_or_default())
                    .bind(0_i64)
                    .bind(to_json(agreement)?)
                    .execute(&mut *tx)
                    .await?;
            }
            for (order, created_at) in &seed.orders {
                sqlx::query("INSERT INTO orders (id, partner_tenant_id, customer_id, cart_id, billing_cycle, created_at, body) VALUES ($1, $2, $3, NULL, $4, $5, $6) ON CONFLICT (id) DO NOTHING")
                    .bind(order.id.as_ref().map(|i| i.as_str().to_owned()).unwrap_or_default())
                    .bind(&seed.partner_tenant_id)
                    .bind(&id)
                    .bind(order.billing_cycle.as_ref().map(|c| c.value().as_str().to_owned()).unwrap_or_default())
                    .bind(*created_at)
                    .bind(to_json(order)?)
                    .execute(&mut *tx)
                    .await?;
            }
            for (sub, created_at) in &seed.subscriptions {
                insert_subscription(
                    &mut tx,
                    &seed.partner_tenant_id,
                    &id,
                    sub,
                    *created_at,
                    true,
                )
                .await?;
            }
        }
        for (partner, invoice, lines) in invoices {
            let invoice_id = invoice
                .id
                .as_ref()
                .map(|i| i.as_str().to_owned())
                .unwrap_or_default();
            let date = invoice
                .invoice_date
                .as_ref()
                .and_then(|t| t.instant())
                .map_or(0, |d| d.timestamp_millis());
            sqlx::query("INSERT INTO invoices (id, partner_tenant_id, currency, invoice_date, body) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING")
                .bind(&invoice_id)
                .bind(partner)
                .bind(invoice.currency_code.clone().unwrap_or_default())
                .bind(date)
                .bind(to_json(invoice)?)
                .execute(&mut *tx)
                .await?;
            for (n, line) in lines.iter().enumerate() {
                insert_line_item(
                    &mut tx,
                    partner,
                    Some(&invoice_id),
                    line,
                    date + i64::try_from(n).unwrap_or(0),
                    true,
                )
                .await?;
            }
        }
        sqlx::query("INSERT INTO settings (name, value) VALUES ('seed_version', $1) ON CONFLICT (name) DO UPDATE SET value = $1")
            .bind(version)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    // ---------------------------------------------------------------- customers and agreements

    /// The partner's customers, in seed order.
    pub(crate) async fn customers(&self, partner: &str) -> Result<Vec<StoredCustomer>, AppError> {
        let rows = sqlx::query("SELECT segment, body FROM customers WHERE partner_tenant_id = $1 ORDER BY position, id")
            .bind(partner)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(StoredCustomer {
                    segment: r.try_get("segment")?,
                    customer: from_json(&r.try_get::<String, _>("body")?)?,
                })
            })
            .collect()
    }

    /// One customer of the partner.
    pub(crate) async fn customer(
        &self,
        partner: &str,
        id: &str,
    ) -> Result<Option<StoredCustomer>, AppError> {
        let id = &id.trim().to_ascii_lowercase();
        let row = sqlx::query(
            "SELECT segment, body FROM customers WHERE partner_tenant_id = $1 AND id = $2",
        )
        .bind(partner)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(StoredCustomer {
                segment: r.try_get("segment")?,
                customer: from_json(&r.try_get::<String, _>("body")?)?,
            })
        })
        .transpose()
    }

    /// The customer's agreements, oldest first.
    pub(crate) async fn agreements(&self, customer_id: &str) -> Result<Vec<Agreement>, AppError> {
        let customer_id = &customer_id.trim().to_ascii_lowercase();
        let rows = sqlx::query(
            "SELECT body FROM agreements WHERE customer_id = $1 ORDER BY created_at, id",
        )
        .bind(customer_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| from_json(&r.try_get::<String, _>("body")?))
            .collect()
    }

    /// Records an agreement acceptance.
    pub(crate) async fn insert_agreement(
        &self,
        customer_id: &str,
        agreement: &Agreement,
        now: i64,
    ) -> Result<(), AppError> {
        sqlx::query("INSERT INTO agreements (id, customer_id, agreement_type, created_at, body) VALUES ($1, $2, $3, $4, $5)")
            .bind(uuid::Uuid::new_v4().to_string())
            .bind(customer_id)
            .bind(agreement.agreement_type.clone().unwrap_or_default())
            .bind(now)
            .bind(to_json(agreement)?)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    // ---------------------------------------------------------------- carts

    /// Inserts a new cart. When `request_id` was used before for this customer, nothing is
    /// inserted and the cart created then is returned instead.
    pub(crate) async fn insert_cart(
        &self,
        partner: &str,
        customer_id: &str,
        request_id: Option<&str>,
        cart: &Cart,
        created_at: i64,
    ) -> Result<Cart, AppError> {
        let id = cart
            .id
            .as_ref()
            .map(|i| i.as_str().to_owned())
            .unwrap_or_default();
        let inserted = sqlx::query("INSERT INTO carts (id, partner_tenant_id, customer_id, request_id, status, created_at, body) VALUES ($1, $2, $3, $4, 'Active', $5, $6)")
            .bind(&id)
            .bind(partner)
            .bind(customer_id)
            .bind(request_id)
            .bind(created_at)
            .bind(to_json(cart)?)
            .execute(&self.pool)
            .await;
        match inserted {
            Ok(_) => Ok(cart.clone()),
            Err(error) if request_id.is_some() && is_unique_violation(&error) => {
                let row = sqlx::query("SELECT body FROM carts WHERE customer_id = $1 AND request_id = $2 AND partner_tenant_id = $3")
                    .bind(customer_id)
                    .bind(request_id)
                    .bind(partner)
                    .fetch_optional(&self.pool)
                    .await?;
                match row {
                    Some(row) => from_json(&row.try_get::<String, _>("body")?),
                    None => Err(AppError::internal(error)),
                }
            }
            Err(error) => Err(error.into()),
        }
    }

    /// One cart of the partner's customer.
    pub(crate) async fn cart(
        &self,
        partner: &str,
        customer_id: &str,
        id: &str,
    ) -> Result<Option<StoredCart>, AppError> {
        let customer_id = &customer_id.trim().to_ascii_lowercase();
        let id = &id.trim().to_ascii_lowercase();
        let row = sqlx::query("SELECT body, checkout_result FROM carts WHERE partner_tenant_id = $1 AND customer_id = $2 AND id = $3")
            .bind(partner)
            .bind(customer_id)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| {
            let result: Option<String> = r.try_get("checkout_result")?;
            Ok(StoredCart {
                cart: from_json(&r.try_get::<String, _>("body")?)?,
                checkout_result: result.as_deref().map(from_json).transpose()?,
            })
        })
        .transpose()
    }

    /// Replaces an `Active` cart's document; `false` when the cart is no longer `Active`.
    pub(crate) async fn update_cart(&self, partner: &str, cart: &Cart) -> Result<bool, AppError> {
        let id = cart
            .id
            .as_ref()
            .map(|i| i.as_str().to_owned())
            .unwrap_or_default();
        let done = sqlx::query("UPDATE carts SET body = $1 WHERE id = $2 AND partner_tenant_id = $3 AND status = 'Active'")
            .bind(to_json(cart)?)
            .bind(id)
            .bind(partner)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Writes one checkout atomically. Returns `false` (and writes nothing) when the cart was
    /// already ordered by a concurrent checkout.
    pub(crate) async fn commit_checkout(&self, write: &CheckoutWrite) -> Result<bool, AppError> {
        let cart_id = write
            .cart
            .id
            .as_ref()
            .map(|i| i.as_str().to_owned())
            .unwrap_or_default();
        let mut tx = self.pool.begin().await?;
        // The guarded UPDATE comes first: it takes the write lock (SQLite) or the row lock
        // (PostgreSQL), so concurrent checkouts of one cart serialize here and only one wins.
        let flipped = sqlx::query("UPDATE carts SET status = 'Ordered', body = $1, checkout_result = $2 WHERE id = $3 AND partner_tenant_id = $4 AND status = 'Active'")
            .bind(to_json(&write.cart)?)
            .bind(to_json(&write.result)?)
            .bind(&cart_id)
            .bind(&write.partner_tenant_id)
            .execute(&mut *tx)
            .await?;
        if flipped.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        for order in &write.orders {
            sqlx::query("INSERT INTO orders (id, partner_tenant_id, customer_id, cart_id, billing_cycle, created_at, body) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .bind(order.id.as_ref().map(|i| i.as_str().to_owned()).unwrap_or_default())
                .bind(&write.partner_tenant_id)
                .bind(&write.customer_id)
                .bind(&cart_id)
                .bind(order.billing_cycle.as_ref().map(|c| c.value().as_str().to_owned()).unwrap_or_default())
                .bind(write.created_at)
                .bind(to_json(order)?)
                .execute(&mut *tx)
                .await?;
        }
        for sub in &write.subscriptions {
            insert_subscription(
                &mut tx,
                &write.partner_tenant_id,
                &write.customer_id,
                sub,
                write.created_at,
                false,
            )
            .await?;
        }
        for entitlement in &write.entitlements {
            sqlx::query("INSERT INTO entitlements (id, partner_tenant_id, customer_id, order_id, entitlement_type, created_at, body) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .bind(&entitlement.id)
                .bind(&write.partner_tenant_id)
                .bind(&write.customer_id)
                .bind(&entitlement.order_id)
                .bind(&entitlement.entitlement_type)
                .bind(write.created_at)
                .bind(to_json(&entitlement.entitlement)?)
                .execute(&mut *tx)
                .await?;
            for (artifact_id, details) in &entitlement.artifacts {
                sqlx::query("INSERT INTO artifacts (id, customer_id, body) VALUES ($1, $2, $3)")
                    .bind(artifact_id)
                    .bind(&write.customer_id)
                    .bind(to_json(details)?)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        for line in &write.line_items {
            insert_line_item(
                &mut tx,
                &write.partner_tenant_id,
                None,
                line,
                write.created_at,
                false,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    // ---------------------------------------------------------------- orders

    /// One order of the partner's customer.
    pub(crate) async fn order(
        &self,
        partner: &str,
        customer_id: &str,
        id: &str,
    ) -> Result<Option<StoredOrder>, AppError> {
        let customer_id = &customer_id.trim().to_ascii_lowercase();
        let id = &id.trim().to_ascii_lowercase();
        let row = sqlx::query("SELECT body, created_at, version FROM orders WHERE partner_tenant_id = $1 AND customer_id = $2 AND id = $3")
            .bind(partner)
            .bind(customer_id)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| stored_order(&r)).transpose()
    }

    /// The customer's orders created at or before `created_before` (ms), oldest first.
    pub(crate) async fn orders(
        &self,
        partner: &str,
        customer_id: &str,
        created_before: i64,
    ) -> Result<Vec<StoredOrder>, AppError> {
        let customer_id = &customer_id.trim().to_ascii_lowercase();
        let rows = sqlx::query("SELECT body, created_at, version FROM orders WHERE partner_tenant_id = $1 AND customer_id = $2 AND created_at <= $3 ORDER BY created_at, id")
            .bind(partner)
            .bind(customer_id)
            .bind(created_before)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(stored_order).collect()
    }

    // ---------------------------------------------------------------- subscriptions

    /// The customer's subscriptions created at or before `created_before` (ms), oldest first.
    pub(crate) async fn subscriptions(
        &self,
        partner: &str,
        customer_id: &str,
        created_before: i64,
    ) -> Result<Vec<StoredSubscription>, AppError> {
        let customer_id = &customer_id.trim().to_ascii_lowercase();
        let rows = sqlx::query(&format!("{SUBSCRIPTION_COLUMNS} WHERE partner_tenant_id = $1 AND customer_id = $2 AND created_at <= $3 ORDER BY created_at, id"))
            .bind(partner)
            .bind(customer_id)
            .bind(created_before)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(stored_subscription).collect()
    }

    /// One subscription of the partner's customer, whether provisioned yet or not.
    pub(crate) async fn subscription(
        &self,
        partner: &str,
        customer_id: &str,
        id: &str,
    ) -> Result<Option<StoredSubscription>, AppError> {
        let customer_id = &customer_id.trim().to_ascii_lowercase();
        let id = &id.trim().to_ascii_lowercase();
        let row = sqlx::query(&format!(
            "{SUBSCRIPTION_COLUMNS} WHERE partner_tenant_id = $1 AND customer_id = $2 AND id = $3"
        ))
        .bind(partner)
        .bind(customer_id)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| stored_subscription(&r)).transpose()
    }

    /// Starts reservation registration of a subscription (`registering` from `now`), unless it
    /// is already registering or registered.
    pub(crate) async fn start_registration(
        &self,
        partner: &str,
        customer_id: &str,
        id: &str,
        now: i64,
    ) -> Result<(), AppError> {
        let customer_id = &customer_id.trim().to_ascii_lowercase();
        let id = &id.trim().to_ascii_lowercase();
        sqlx::query("UPDATE subscriptions SET registration_status = 'registering', registration_at = $1 WHERE partner_tenant_id = $2 AND customer_id = $3 AND id = $4 AND (registration_status IS NULL OR registration_status = 'notregistered')")
            .bind(now)
            .bind(partner)
            .bind(customer_id)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Subscriptions whose term ended at or before `now` (ms) and that have not renewed or
    /// expired yet, in `scope`.
    pub(crate) async fn due_subscriptions(
        &self,
        scope: crate::lifecycle::Scope<'_>,
        now: i64,
    ) -> Result<Vec<StoredSubscription>, AppError> {
        use crate::lifecycle::Scope;
        let rows = match scope {
            Scope::Customer(partner, customer_id) => {
                let customer_id = customer_id.trim().to_ascii_lowercase();
                sqlx::query(&format!("{SUBSCRIPTION_COLUMNS} WHERE term_end_at <= $1 AND partner_tenant_id = $2 AND customer_id = $3 ORDER BY term_end_at, id"))
                    .bind(now)
                    .bind(partner)
                    .bind(customer_id)
                    .fetch_all(&self.pool)
                    .await?
            }
            Scope::Partner(partner) => {
                sqlx::query(&format!("{SUBSCRIPTION_COLUMNS} WHERE term_end_at <= $1 AND partner_tenant_id = $2 ORDER BY term_end_at, id"))
                    .bind(now)
                    .bind(partner)
                    .fetch_all(&self.pool)
                    .await?
            }
            Scope::All => {
                sqlx::query(&format!(
                    "{SUBSCRIPTION_COLUMNS} WHERE term_end_at <= $1 ORDER BY term_end_at, id"
                ))
                .bind(now)
                .fetch_all(&self.pool)
                .await?
            }
        };
        rows.iter().map(stored_subscription).collect()
    }

    /// Subscriptions written before the lifecycle columns existed (no `term_start_at`).
    pub(crate) async fn subscriptions_without_terms(
        &self,
    ) -> Result<Vec<StoredSubscription>, AppError> {
        let rows = sqlx::query(&format!(
            "{SUBSCRIPTION_COLUMNS} WHERE term_start_at IS NULL ORDER BY created_at, id"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(stored_subscription).collect()
    }

    /// Fills the lifecycle columns of a subscription written before they existed.
    pub(crate) async fn set_terms(
        &self,
        id: &str,
        term_start_at: Option<i64>,
        term_end_at: Option<i64>,
        unit_price: Option<Decimal>,
    ) -> Result<(), AppError> {
        sqlx::query("UPDATE subscriptions SET term_start_at = $1, term_end_at = $2, unit_price = $3 WHERE id = $4 AND term_start_at IS NULL")
            .bind(term_start_at)
            .bind(term_end_at)
            .bind(unit_price.map(|p| p.to_string()))
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Writes one lifecycle change of a subscription and its lines in one transaction, if the
    /// subscription is still at `expected_version`. `false` (nothing written): another request
    /// changed it first.
    pub(crate) async fn write_subscription(
        &self,
        write: &SubscriptionWrite,
    ) -> Result<bool, AppError> {
        let mut tx = self.pool.begin().await?;
        if !update_subscription(&mut tx, write).await? {
            tx.rollback().await?;
            return Ok(false);
        }
        for line in &write.lines {
            insert_line_item(
                &mut tx,
                &write.partner_tenant_id,
                None,
                line,
                write.at,
                false,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Writes a cancellation of order lines in one transaction, if the order and every
    /// subscription are still at the versions read. `false` (nothing written) otherwise.
    pub(crate) async fn write_order(&self, write: &OrderWrite) -> Result<bool, AppError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query("UPDATE orders SET body = $1, version = version + 1 WHERE id = $2 AND partner_tenant_id = $3 AND customer_id = $4 AND version = $5")
            .bind(to_json(&write.order)?)
            .bind(&write.order_id)
            .bind(&write.partner_tenant_id)
            .bind(&write.customer_id)
            .bind(write.expected_version)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        for subscription in &write.subscriptions {
            if !update_subscription(&mut tx, subscription).await? {
                tx.rollback().await?;
                return Ok(false);
            }
        }
        for id in &write.entitlement_ids {
            sqlx::query("DELETE FROM entitlements WHERE id = $1 AND partner_tenant_id = $2 AND customer_id = $3")
                .bind(id)
                .bind(&write.partner_tenant_id)
                .bind(&write.customer_id)
                .execute(&mut *tx)
                .await?;
        }
        for line in &write.lines {
            insert_line_item(
                &mut tx,
                &write.partner_tenant_id,
                None,
                line,
                write.at,
                false,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    // ---------------------------------------------------------------- entitlements

    /// The customer's entitlements created at or before `created_before` (ms).
    pub(crate) async fn entitlements(
        &self,
        partner: &str,
        customer_id: &str,
        created_before: i64,
    ) -> Result<Vec<StoredEntitlement>, AppError> {
        let customer_id = &customer_id.trim().to_ascii_lowercase();
        let rows = sqlx::query("SELECT body FROM entitlements WHERE partner_tenant_id = $1 AND customer_id = $2 AND created_at <= $3 ORDER BY created_at, id")
            .bind(partner)
            .bind(customer_id)
            .bind(created_before)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(StoredEntitlement {
                    entitlement: from_json(&r.try_get::<String, _>("body")?)?,
                })
            })
            .collect()
    }

    /// Reservation artifact details by artifact ID, for the customer.
    pub(crate) async fn artifact(
        &self,
        customer_id: &str,
        id: &str,
    ) -> Result<Option<serde_json::Value>, AppError> {
        let customer_id = &customer_id.trim().to_ascii_lowercase();
        let id = &id.trim().to_ascii_lowercase();
        let row = sqlx::query("SELECT body FROM artifacts WHERE customer_id = $1 AND id = $2")
            .bind(customer_id)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| from_json(&r.try_get::<String, _>("body")?))
            .transpose()
    }

    // ---------------------------------------------------------------- invoices

    /// The partner's invoices, newest first.
    pub(crate) async fn invoices(&self, partner: &str) -> Result<Vec<Invoice>, AppError> {
        let rows = sqlx::query("SELECT body FROM invoices WHERE partner_tenant_id = $1 ORDER BY invoice_date DESC, id DESC")
            .bind(partner)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| from_json(&r.try_get::<String, _>("body")?))
            .collect()
    }

    /// One invoice of the partner.
    pub(crate) async fn invoice(
        &self,
        partner: &str,
        id: &str,
    ) -> Result<Option<Invoice>, AppError> {
        let id = &id.trim().to_ascii_uppercase();
        let row = sqlx::query("SELECT body FROM invoices WHERE partner_tenant_id = $1 AND id = $2")
            .bind(partner)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| from_json(&r.try_get::<String, _>("body")?))
            .transpose()
    }

    /// The line items of an invoice (`None`: the open billing period), in purchase order.
    pub(crate) async fn line_items(
        &self,
        partner: &str,
        invoice_id: Option<&str>,
    ) -> Result<Vec<(String, OneTimeInvoiceLineItem)>, AppError> {
        let invoice_id = invoice_id.map(|v| v.trim().to_ascii_uppercase());
        let invoice_id = invoice_id.as_deref();
        let rows = match invoice_id {
            Some(id) => sqlx::query("SELECT id, body FROM invoice_line_items WHERE partner_tenant_id = $1 AND invoice_id = $2 ORDER BY created_at, id")
                .bind(partner)
                .bind(id)
                .fetch_all(&self.pool)
                .await?,
            None => sqlx::query("SELECT id, body FROM invoice_line_items WHERE partner_tenant_id = $1 AND invoice_id IS NULL ORDER BY created_at, id")
                .bind(partner)
                .fetch_all(&self.pool)
                .await?,
        };
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("id")?,
                    from_json(&r.try_get::<String, _>("body")?)?,
                ))
            })
            .collect()
    }

    /// The partner's latest closed billing period (the "previous" one), if any.
    pub(crate) async fn latest_period(
        &self,
        partner: &str,
    ) -> Result<Option<BillingPeriod>, AppError> {
        let row = sqlx::query("SELECT id, start_at, end_at FROM billing_periods WHERE partner_tenant_id = $1 ORDER BY end_at DESC, id DESC LIMIT 1")
            .bind(partner)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| billing_period(&r)).transpose()
    }

    /// The billing period an invoice closed (`None` for seeded invoices and unknown IDs).
    pub(crate) async fn invoice_period(
        &self,
        partner: &str,
        invoice_id: &str,
    ) -> Result<Option<BillingPeriod>, AppError> {
        let id = &invoice_id.trim().to_ascii_uppercase();
        let row = sqlx::query("SELECT p.id, p.start_at, p.end_at FROM billing_periods p JOIN invoices i ON i.period_id = p.id WHERE i.partner_tenant_id = $1 AND i.id = $2")
            .bind(partner)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| billing_period(&r)).transpose()
    }

    /// The OneTime line items a closed period invoiced in `currency`, in purchase order.
    pub(crate) async fn period_line_items(
        &self,
        partner: &str,
        period_id: &str,
        currency: &str,
    ) -> Result<Vec<OneTimeInvoiceLineItem>, AppError> {
        let rows = sqlx::query("SELECT l.body FROM invoice_line_items l JOIN invoices i ON i.id = l.invoice_id WHERE l.partner_tenant_id = $1 AND i.partner_tenant_id = $1 AND i.period_id = $2 AND l.currency = $3 ORDER BY l.created_at, l.id")
            .bind(partner)
            .bind(period_id)
            .bind(currency)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| from_json(&r.try_get::<String, _>("body")?))
            .collect()
    }

    /// The ID of the invoice a closed period made in `currency`, if it made one.
    pub(crate) async fn period_invoice(
        &self,
        partner: &str,
        period_id: &str,
        currency: &str,
    ) -> Result<Option<String>, AppError> {
        let row = sqlx::query("SELECT id FROM invoices WHERE partner_tenant_id = $1 AND period_id = $2 AND currency = $3")
            .bind(partner)
            .bind(period_id)
            .bind(currency)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.try_get("id")).transpose()?)
    }

    /// Every Azure plan subscription of the partner's customers, oldest first.
    pub(crate) async fn azure_plans(&self, partner: &str) -> Result<Vec<AzurePlanRow>, AppError> {
        let rows = sqlx::query("SELECT customer_id, currency, created_at, body FROM subscriptions WHERE partner_tenant_id = $1 AND purchase_kind = 'AzurePlan' ORDER BY created_at, id")
            .bind(partner)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(AzurePlanRow {
                    customer_id: r.try_get("customer_id")?,
                    currency: r.try_get("currency")?,
                    created_at: r.try_get("created_at")?,
                    subscription: from_json(&r.try_get::<String, _>("body")?)?,
                })
            })
            .collect()
    }

    /// Closes the open billing period: inserts `invoices` and moves each listed open line
    /// (by ID) onto its invoice, with its updated document, in one transaction.
    pub(crate) async fn close_period(
        &self,
        partner: &str,
        period: &BillingPeriod,
        invoices: &[Invoice],
        lines: &[(String, String, OneTimeInvoiceLineItem)],
    ) -> Result<(), AppError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("INSERT INTO billing_periods (id, partner_tenant_id, start_at, end_at) VALUES ($1, $2, $3, $4)")
            .bind(&period.id)
            .bind(partner)
            .bind(period.start_at)
            .bind(period.end_at)
            .execute(&mut *tx)
            .await?;
        for invoice in invoices {
            let date = invoice
                .invoice_date
                .as_ref()
                .and_then(|t| t.instant())
                .map_or_else(now_ms, |d| d.timestamp_millis());
            sqlx::query("INSERT INTO invoices (id, partner_tenant_id, currency, invoice_date, body, period_id) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(invoice.id.as_ref().map(|i| i.as_str().to_owned()).unwrap_or_default())
                .bind(partner)
                .bind(invoice.currency_code.clone().unwrap_or_default())
                .bind(date)
                .bind(to_json(invoice)?)
                .bind(&period.id)
                .execute(&mut *tx)
                .await?;
        }
        for (line_id, invoice_id, item) in lines {
            sqlx::query("UPDATE invoice_line_items SET invoice_id = $1, body = $2 WHERE id = $3 AND partner_tenant_id = $4 AND invoice_id IS NULL")
                .bind(invoice_id)
                .bind(to_json(item)?)
                .bind(line_id)
                .bind(partner)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// The columns [`stored_subscription`] reads.
const SUBSCRIPTION_COLUMNS: &str = "SELECT body, partner_tenant_id, customer_id, created_at, registration_status, registration_at, currency, purchase_kind, version, term_start_at, term_end_at, unit_price FROM subscriptions";

/// The conditional UPDATE of a [`SubscriptionWrite`]; `false` when the version moved on.
async fn update_subscription(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    write: &SubscriptionWrite,
) -> Result<bool, AppError> {
    let done = sqlx::query("UPDATE subscriptions SET body = $1, version = version + 1, term_start_at = $2, term_end_at = $3, unit_price = $4 WHERE id = $5 AND partner_tenant_id = $6 AND version = $7")
        .bind(to_json(&write.subscription)?)
        .bind(write.term_start_at)
        .bind(write.term_end_at)
        .bind(write.unit_price.map(|p| p.to_string()))
        .bind(&write.id)
        .bind(&write.partner_tenant_id)
        .bind(write.expected_version)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

fn billing_period(row: &sqlx::any::AnyRow) -> Result<BillingPeriod, AppError> {
    Ok(BillingPeriod {
        id: row.try_get("id")?,
        start_at: row.try_get("start_at")?,
        end_at: row.try_get("end_at")?,
    })
}

fn stored_order(row: &sqlx::any::AnyRow) -> Result<StoredOrder, AppError> {
    Ok(StoredOrder {
        order: from_json(&row.try_get::<String, _>("body")?)?,
        created_at: row.try_get("created_at")?,
        version: row.try_get("version")?,
    })
}

fn stored_subscription(row: &sqlx::any::AnyRow) -> Result<StoredSubscription, AppError> {
    let unit_price: Option<String> = row.try_get("unit_price")?;
    Ok(StoredSubscription {
        subscription: from_json(&row.try_get::<String, _>("body")?)?,
        partner_tenant_id: row.try_get("partner_tenant_id")?,
        customer_id: row.try_get("customer_id")?,
        created_at: row.try_get("created_at")?,
        registration_status: row.try_get("registration_status")?,
        registration_at: row.try_get("registration_at")?,
        currency: row.try_get("currency")?,
        purchase_kind: stored_kind(&row.try_get::<String, _>("purchase_kind")?),
        version: row.try_get("version")?,
        term_start_at: row.try_get("term_start_at")?,
        term_end_at: row.try_get("term_end_at")?,
        unit_price: unit_price.and_then(|p| Decimal::from_str(p.trim()).ok()),
    })
}

/// The `purchase_kind` column of a subscription row: a [`ProductKind`] name (what is written),
/// or `License`, which rows written before the sandbox stored pc-core's names hold for
/// [`ProductKind::NewCommerceLicense`]. Anything else reads as [`ProductKind::Other`].
fn stored_kind(text: &str) -> ProductKind {
    if text.trim().eq_ignore_ascii_case("License") {
        return ProductKind::NewCommerceLicense;
    }
    <ProductKind as WireEnum>::parse(text.trim())
}

async fn insert_subscription(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    partner: &str,
    customer_id: &str,
    sub: &NewSubscription,
    created_at: i64,
    if_absent: bool,
) -> Result<(), AppError> {
    let sql = if if_absent {
        "INSERT INTO subscriptions (id, partner_tenant_id, customer_id, order_id, created_at, currency, purchase_kind, registration_status, registration_at, body, term_start_at, term_end_at, unit_price) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO NOTHING"
    } else {
        "INSERT INTO subscriptions (id, partner_tenant_id, customer_id, order_id, created_at, currency, purchase_kind, registration_status, registration_at, body, term_start_at, term_end_at, unit_price) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
    };
    sqlx::query(sql)
        .bind(
            sub.subscription
                .id
                .as_ref()
                .map(|i| i.as_str().to_owned())
                .unwrap_or_default(),
        )
        .bind(partner)
        .bind(customer_id)
        .bind(
            sub.subscription
                .order_id
                .as_ref()
                .map(|i| i.as_str().to_owned()),
        )
        .bind(created_at)
        .bind(&sub.currency)
        .bind(sub.purchase_kind.as_str())
        .bind(sub.registration_status.as_deref())
        .bind(sub.registration_status.as_ref().map(|_| created_at))
        .bind(to_json(&sub.subscription)?)
        .bind(sub.term_start_at)
        .bind(sub.term_end_at)
        .bind(sub.unit_price.map(|p| p.to_string()))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn insert_line_item(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    partner: &str,
    invoice_id: Option<&str>,
    line: &NewLineItem,
    created_at: i64,
    if_absent: bool,
) -> Result<(), AppError> {
    let sql = if if_absent {
        "INSERT INTO invoice_line_items (id, partner_tenant_id, invoice_id, currency, created_at, body) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING"
    } else {
        "INSERT INTO invoice_line_items (id, partner_tenant_id, invoice_id, currency, created_at, body) VALUES ($1, $2, $3, $4, $5, $6)"
    };
    sqlx::query(sql)
        .bind(&line.id)
        .bind(partner)
        .bind(invoice_id)
        .bind(&line.currency)
        .bind(created_at)
        .bind(to_json(&line.item)?)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_kinds_read_back_including_the_older_license_spelling() {
        for kind in ProductKind::ALL {
            assert_eq!(stored_kind(kind.as_str()), kind);
        }
        assert_eq!(stored_kind("License"), ProductKind::NewCommerceLicense);
        assert_eq!(stored_kind("Bicycle"), ProductKind::Other);
    }

    #[tokio::test]
    async fn an_in_memory_database_outlives_the_connection_the_pool_replaces() {
        let store = Store::open("sqlite::memory:").await.unwrap();
        store.migrate().await.unwrap();
        let other = Store::open("sqlite::memory:").await.unwrap();
        // What sqlx does with a connection a cancelled request left mid-query: closes it, and
        // the pool opens another.
        let connection = store.pool().acquire().await.unwrap();
        connection.close().await.unwrap();
        assert_eq!(store.clock_offset().await.unwrap(), 0);
        // Two stores in one process are two databases.
        assert!(other.clock_offset().await.is_err());
    }
}
