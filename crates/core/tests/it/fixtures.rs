//! Every documented Partner Center body in `shared/fixtures/partner-center-docs` decodes as the
//! resource its manifest names and re-serializes without losing or changing anything.

use std::path::PathBuf;

use pc_core::roundtrip::{Resource, round_trip};

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/partner-center-docs")
}

#[derive(serde::Deserialize)]
struct Entry {
    file: String,
    resource: String,
}

#[test]
fn every_documented_body_round_trips() {
    let dir = fixtures_dir();
    let manifest = std::fs::read_to_string(dir.join("manifest.json"))
        .unwrap_or_else(|e| panic!("cannot read the fixture manifest in {}: {e}", dir.display()));
    let entries: Vec<Entry> = serde_json::from_str(&manifest).unwrap();
    assert!(
        entries.len() >= 47,
        "manifest lists {} files",
        entries.len()
    );
    let failures: Vec<String> = entries
        .iter()
        .filter_map(|entry| {
            let resource: Resource = match entry.resource.parse() {
                Ok(r) => r,
                Err(e) => return Some(format!("{}: {e}", entry.file)),
            };
            let body = std::fs::read_to_string(dir.join(&entry.file)).unwrap();
            round_trip(resource, &body)
                .err()
                .map(|e| format!("{} as {}: {e}", entry.file, entry.resource))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} fixtures fail:\n{}",
        failures.len(),
        entries.len(),
        failures.join("\n")
    );
}

#[test]
fn a_dropped_member_in_a_fixture_would_be_caught() {
    // The same comparison, fed a body the models cannot hold (a member renamed under a typed
    // field's type) must fail: proves the test above can fail.
    let body = r#"{"id": "0001", "minimumQuantity": "one"}"#;
    assert!(round_trip("Sku".parse().unwrap(), body).is_err());
}
