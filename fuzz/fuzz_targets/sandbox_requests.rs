//! pc-sandbox's request extractors (`pc_sandbox::fuzzing::request`): the first byte picks the
//! extractor (a JSON body, a query string, a form, a header), the rest is what it decodes.
//!
//! Checked: nothing panics, and every refusal is a client error (4xx), never a 500.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(status) = pc_sandbox::fuzzing::request(data) {
        assert!(status.is_client_error(), "refused with {status}");
    }
});
