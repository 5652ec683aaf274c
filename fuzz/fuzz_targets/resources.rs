//! Every resource decoder of pc-core's round trip (`cargo xtask decode`): the first byte picks
//! the resource type and shape (`pc_fuzz::resource`), the rest is the body.
//!
//! Checked: decoding never panics, the outcome is the same twice, and a body that round-trips
//! is written back (by the models) as a body that round-trips too.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pc_core::roundtrip::round_trip;

fuzz_target!(|data: &[u8]| {
    let Some((&byte, body)) = data.split_first() else {
        return;
    };
    let Ok(json) = std::str::from_utf8(body) else {
        return;
    };
    let resource = pc_fuzz::resource(byte);
    let outcome = round_trip(resource, json);
    assert_eq!(outcome, round_trip(resource, json), "not deterministic");
    if outcome.is_ok() {
        let written = pc_fuzz::rewrite(resource, json)
            .unwrap_or_else(|| panic!("round-trips but does not decode as {resource:?}"));
        if let Err(error) = round_trip(resource, &written) {
            panic!(
                "{resource:?} round-trips, but what the models write back does not: {error}\nwritten: {written}"
            );
        }
    }
});
