//! The server's time. Every HTTP response carries a `Date` header; the client keeps the
//! difference between it and this machine's clock (the skew, server − local) and offers the
//! server's "now" ([`crate::Client::server_now`]). Deadlines Partner Center sets (a
//! subscription's cancellation window, a cart's expiry) are compared with that time, so a
//! countdown agrees with the server even when this machine's clock is wrong — or when the
//! server's clock was moved on purpose (pc-sandbox's `POST /sandbox/clock`).
//!
//! `Date` has whole seconds and is written some time before the response arrives, so one
//! reading is only good to about a second: the skew is taken from the middle of the second the
//! header names, and a new reading replaces the kept one only when it differs by more than
//! [`JITTER`] — a countdown does not jump back and forth by a second, while a clock moved by
//! days is followed at once.

use std::cell::Cell;

use chrono::{DateTime, TimeDelta, Utc};

/// Differences between readings up to this much are noise of the header's one-second
/// resolution and are ignored.
pub const JITTER: TimeDelta = TimeDelta::milliseconds(1500);

/// This machine's clock (UTC): `Date.now()` in the browser, the system clock natively.
pub fn local_now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(local_millis()).unwrap_or_default()
}

#[cfg(target_arch = "wasm32")]
fn local_millis() -> i64 {
    // Milliseconds since the epoch fit an i64 for the next 290 million years.
    #[allow(clippy::cast_possible_truncation)]
    let millis = js_sys::Date::now() as i64;
    millis
}

#[cfg(not(target_arch = "wasm32"))]
fn local_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// An HTTP `Date` header value (IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`; the obsolete
/// forms of RFC 9110 are not accepted) as an instant; `None` when it is not one.
pub fn parse_http_date(value: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc2822(value.trim())
        .ok()
        .map(|d| d.with_timezone(&Utc))
}

/// The skew between a server and this machine, as the responses' `Date` headers tell it.
#[derive(Debug, Default)]
pub struct ServerClock {
    skew_ms: Cell<Option<i64>>,
}

impl ServerClock {
    /// Records the `Date` header of a response that arrived at `received` (local time). A
    /// missing or unreadable header changes nothing.
    pub fn observe(&self, date: Option<&str>, received: DateTime<Utc>) {
        let Some(server) = date.and_then(parse_http_date) else {
            return;
        };
        // The header names the second the response was written in: its middle is the best
        // single guess.
        let server = server + TimeDelta::milliseconds(500);
        let skew = (server - received).num_milliseconds();
        let keep = self
            .skew_ms
            .get()
            .is_some_and(|kept| (skew - kept).abs() <= JITTER.num_milliseconds());
        if !keep {
            self.skew_ms.set(Some(skew));
        }
    }

    /// Server time − local time, once a response with a `Date` header has arrived.
    pub fn skew(&self) -> Option<TimeDelta> {
        self.skew_ms.get().map(TimeDelta::milliseconds)
    }

    /// The server's time when the local clock reads `local`: `local` + the skew (`local` itself
    /// before any `Date` header was seen).
    pub fn server_time(&self, local: DateTime<Utc>) -> DateTime<Utc> {
        local + self.skew().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn http_dates_are_read() {
        assert_eq!(
            parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(at("1994-11-06T08:49:37Z"))
        );
        assert_eq!(
            parse_http_date(" Tue, 01 Dec 2026 10:00:00 +0000 "),
            Some(at("2026-12-01T10:00:00Z"))
        );
        assert_eq!(parse_http_date("yesterday"), None);
        assert_eq!(parse_http_date(""), None);
    }

    #[test]
    fn the_skew_follows_a_moved_clock_and_ignores_second_noise() {
        let clock = ServerClock::default();
        assert_eq!(clock.skew(), None);
        let local = at("2026-11-20T10:00:00.200Z");
        assert_eq!(clock.server_time(local), local, "no reading yet");
        clock.observe(Some("Fri, 20 Nov 2026 10:00:00 GMT"), local);
        assert_eq!(clock.skew(), Some(TimeDelta::milliseconds(300)));
        // A second later the header may name the previous second: noise, kept as it was.
        clock.observe(
            Some("Fri, 20 Nov 2026 10:00:00 GMT"),
            at("2026-11-20T10:00:01.150Z"),
        );
        assert_eq!(clock.skew(), Some(TimeDelta::milliseconds(300)));
        // The server's clock moved 8 days on.
        clock.observe(
            Some("Sat, 28 Nov 2026 10:00:05 GMT"),
            at("2026-11-20T10:00:05.000Z"),
        );
        assert_eq!(
            clock.server_time(at("2026-11-20T10:00:06Z")),
            at("2026-11-28T10:00:06.500Z")
        );
        // Garbage changes nothing.
        clock.observe(Some("not a date"), local);
        clock.observe(None, local);
        assert_eq!(
            clock.skew(),
            Some(TimeDelta::days(8) + TimeDelta::milliseconds(500))
        );
    }

    #[test]
    fn a_slow_local_clock_gives_a_negative_skew() {
        let clock = ServerClock::default();
        clock.observe(
            Some("Fri, 20 Nov 2026 09:00:00 GMT"),
            at("2026-11-20T10:00:00Z"),
        );
        assert_eq!(
            clock.skew(),
            Some(TimeDelta::milliseconds(-3_600_000 + 500))
        );
    }
}
