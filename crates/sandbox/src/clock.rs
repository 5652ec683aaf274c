//! The sandbox clock: lifecycle time = real time + an offset kept in the database
//! (`sandbox_clock`, one row), so that a test or a demo can let eight days pass.
//!
//! Everything that happens *to a purchase over time* reads [`AppState::now`]: order and
//! subscription dates, the provisioning and order-listing delays, cart expiry, cancellation
//! windows and `refundableQuantity`, renewals, billing periods, invoice line dates and rated
//! usage. Token issuance and validation, sign-in codes, refresh tokens, signing keys and
//! throttling stay on real time — the gateway and Entra-shaped clients check tokens against
//! their own clocks.
//!
//! The offset only moves forward (`POST /sandbox/clock` with `{"advance": "P8D"}`), for every
//! tenant at once, and the renewals that fell due run at once. Each server keeps the offset in
//! memory and re-reads it from the database at most once a second on `/v1` calls, so several
//! sandboxes on one PostgreSQL agree within a second.

use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use pc_core::rules::add_duration;
use pc_core::wire::Timestamp;
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::auth::Caller;
use crate::error::{AppError, AppResult};
use crate::json::PcJson;

/// How long a read offset is trusted before `/v1` calls read it again.
const RESYNC_AFTER: Duration = Duration::from_secs(1);

/// The longest single advance: ten years.
pub(crate) const MAX_ADVANCE: &str = "P10Y";

/// The in-memory copy of the clock offset.
#[derive(Debug)]
pub(crate) struct Clock {
    offset_ms: AtomicI64,
    synced_at: Mutex<Option<Instant>>,
}

impl Clock {
    /// A clock at `offset_ms`, just read from the database.
    pub(crate) fn new(offset_ms: i64) -> Self {
        Self {
            offset_ms: AtomicI64::new(offset_ms),
            synced_at: Mutex::new(Some(Instant::now())),
        }
    }

    /// The current offset (ms).
    pub(crate) fn offset_ms(&self) -> i64 {
        self.offset_ms.load(Ordering::Acquire)
    }

    /// Takes `offset_ms` as read from the database (never moves the clock back).
    pub(crate) fn set(&self, offset_ms: i64) {
        self.offset_ms.fetch_max(offset_ms, Ordering::AcqRel);
        if let Ok(mut synced) = self.synced_at.lock() {
            *synced = Some(Instant::now());
        }
    }

    /// Whether the offset should be read again.
    fn stale(&self) -> bool {
        self.synced_at
            .lock()
            .map(|s| s.is_none_or(|at| at.elapsed() >= RESYNC_AFTER))
            .unwrap_or(true)
    }
}

impl AppState {
    /// Now on the sandbox clock: real time + the offset.
    pub fn now(&self) -> DateTime<Utc> {
        let now = Utc::now();
        now.checked_add_signed(chrono::Duration::milliseconds(self.clock().offset_ms()))
            .unwrap_or(now)
    }

    /// [`AppState::now`] in milliseconds since the Unix epoch.
    pub fn now_ms(&self) -> i64 {
        Utc::now()
            .timestamp_millis()
            .saturating_add(self.clock().offset_ms())
    }

    /// Re-reads the offset from the database when the copy is older than a second (another
    /// sandbox on the same database may have advanced it). Failures keep the copy.
    pub(crate) async fn sync_clock(&self) {
        if !self.clock().stale() {
            return;
        }
        match self.store().clock_offset().await {
            Ok(offset) => self.clock().set(offset),
            Err(error) => tracing::warn!(%error, "sandbox clock not read; keeping the last offset"),
        }
    }
}

/// Sandbox-only routes: `GET` and `POST /sandbox/clock`.
pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/sandbox/clock", get(clock_get).post(clock_advance))
}

/// `{"advance": "P8D"}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AdvanceRequest {
    advance: String,
}

/// `{"now": "<RFC 3339>"}`.
#[derive(Debug, Serialize)]
pub(crate) struct ClockReply {
    now: String,
}

fn reply(now: DateTime<Utc>) -> Json<ClockReply> {
    Json(ClockReply {
        now: Timestamp::from(now).to_string(),
    })
}

/// `GET /sandbox/clock` (bearer token): the sandbox's now.
async fn clock_get(State(state): State<AppState>, _caller: Caller) -> AppResult<Json<ClockReply>> {
    let offset = state.store().clock_offset().await?;
    state.clock().set(offset);
    Ok(reply(state.now()))
}

/// How far `text` moves the clock from `now`, in ms.
///
/// # Errors
/// 400 `800002` in plain words when `text` is not an ISO 8601 duration of years, months,
/// weeks, days, hours, minutes or seconds, or is longer than [`MAX_ADVANCE`].
pub(crate) fn advance_ms(now: DateTime<Utc>, text: &str) -> AppResult<i64> {
    let bad = || {
        AppError::invalid_input(format!(
            "advance must be an ISO 8601 duration forward such as P8D, P1M, P1Y or PT12H, not '{text}'."
        ))
    };
    let trimmed = text.trim();
    if trimmed.starts_with('-') {
        return Err(AppError::invalid_input(
            "The sandbox clock only moves forward; advance must not be negative.",
        ));
    }
    let to = add_duration(now, trimmed).ok_or_else(bad)?;
    let limit = add_duration(now, MAX_ADVANCE).ok_or_else(bad)?;
    if to > limit {
        return Err(AppError::invalid_input(format!(
            "advance '{text}' is longer than the most the clock moves at once ({MAX_ADVANCE})."
        )));
    }
    Ok(to.timestamp_millis() - now.timestamp_millis())
}

/// `POST /sandbox/clock` (bearer token) with `{"advance": "P8D"}`: moves the sandbox clock
/// forward for every tenant, runs the renewals and expiries that fell due, and answers the new
/// `{"now": …}`.
async fn clock_advance(
    State(state): State<AppState>,
    _caller: Caller,
    PcJson(request): PcJson<AdvanceRequest>,
) -> AppResult<Json<ClockReply>> {
    let current = state.store().clock_offset().await?;
    state.clock().set(current);
    let delta = advance_ms(state.now(), &request.advance)?;
    let offset = state.store().advance_clock(delta).await?;
    state.clock().set(offset);
    let now = state.now();
    crate::lifecycle::run_renewals(&state, crate::lifecycle::Scope::All).await?;
    Ok(reply(now))
}

/// Every answer's `Date` header is the sandbox clock (RFC 9110 HTTP-date), so that clients
/// which take "now" from the server — the portal's lifecycle windows through pc-client — agree
/// with the sandbox after `POST /sandbox/clock`.
pub(crate) async fn date_header(
    State(state): State<AppState>,
    mut response: axum::response::Response,
) -> axum::response::Response {
    let now = std::time::SystemTime::from(state.now());
    if let Ok(value) = axum::http::HeaderValue::from_str(&httpdate::fmt_http_date(now)) {
        response
            .headers_mut()
            .insert(axum::http::header::DATE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn advances_are_iso_durations_forward_up_to_ten_years() {
        let now = at(2026, 1, 31);
        assert_eq!(advance_ms(now, "P8D").ok(), Some(8 * 86_400_000));
        assert_eq!(advance_ms(now, "PT12H").ok(), Some(12 * 3_600_000));
        assert_eq!(advance_ms(now, "P1DT1H").ok(), Some(25 * 3_600_000));
        assert_eq!(advance_ms(now, "P0D").ok(), Some(0));
        // Calendar months: 31 January + 1 month = 28 February.
        assert_eq!(advance_ms(now, "P1M").ok(), Some(28 * 86_400_000));
        assert!(advance_ms(now, "P10Y").is_ok());
        for bad in [
            "P11Y", "P10Y1D", "8 days", "", "P", "-P1D", "P1.5D", "PT", "P1H",
        ] {
            let error = advance_ms(now, bad).err();
            assert_eq!(error.map(|e| e.code), Some(800_002), "{bad}");
        }
    }
}
