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

/// The JSON path `pc_core::json::decode` names for a bad member is the path serde_path_to_error
/// names while decoding the same text (the reference the decoder used before it found the path
/// from serde_json's error position instead): checked for every leaf of every documented body
/// replaced by a value of another type, and for every body cut short at each of many places,
/// written compactly and pretty-printed (several lines).
#[test]
fn decode_errors_name_the_same_path_as_tracking_it_while_decoding() {
    use pc_core::models::*;
    use pc_core::roundtrip::{ResourceType, Shape};
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    /// `(path, message)` of decoding `text` as `T` by both decoders, or `None` when it decodes.
    fn both<T: DeserializeOwned>(text: &str) -> Option<(String, String)> {
        let ours = pc_core::json::decode::<T>(text.as_bytes()).err();
        let mut de = serde_json::Deserializer::from_str(text);
        let reference = serde_path_to_error::deserialize::<_, T>(&mut de).err();
        match (ours, reference) {
            (None, None) => None,
            (Some(ours), Some(reference)) => {
                let mut path = String::from("$");
                for segment in reference.path().iter() {
                    use serde_path_to_error::Segment;
                    match segment {
                        Segment::Seq { index } => path.push_str(&format!("[{index}]")),
                        Segment::Map { key } | Segment::Enum { variant: key } => {
                            path.push_str(&format!(".{key}"));
                        }
                        Segment::Unknown => {}
                    }
                }
                (ours.path.to_string() != path).then(|| {
                    (
                        format!("ours {} vs {path}", ours.path),
                        reference.inner().to_string(),
                    )
                })
            }
            (ours, reference) => Some((
                format!("ours {ours:?}"),
                format!("reference {:?}", reference.map(|e| e.to_string())),
            )),
        }
    }
    fn shaped<T: DeserializeOwned>(shape: Shape, text: &str) -> Option<(String, String)> {
        match shape {
            Shape::Single => both::<T>(text),
            Shape::Collection => both::<Collection<T>>(text),
            Shape::Array => both::<Vec<T>>(text),
        }
    }
    fn check(resource: pc_core::roundtrip::Resource, text: &str) -> Option<(String, String)> {
        let shape = resource.shape;
        match resource.resource_type {
            ResourceType::Product => shaped::<Product>(shape, text),
            ResourceType::Sku => shaped::<Sku>(shape, text),
            ResourceType::Availability => shaped::<Availability>(shape, text),
            ResourceType::InventoryCheckRequest => shaped::<InventoryCheckRequest>(shape, text),
            ResourceType::InventoryItem => shaped::<InventoryItem>(shape, text),
            ResourceType::Cart => shaped::<Cart>(shape, text),
            ResourceType::CartCheckoutResult => shaped::<CartCheckoutResult>(shape, text),
            ResourceType::Order => shaped::<Order>(shape, text),
            ResourceType::Subscription => shaped::<Subscription>(shape, text),
            ResourceType::Entitlement => shaped::<Entitlement>(shape, text),
            ResourceType::Invoice => shaped::<Invoice>(shape, text),
            ResourceType::InvoiceSummary => shaped::<InvoiceSummary>(shape, text),
            ResourceType::InvoiceLineItem => shaped::<InvoiceLineItem>(shape, text),
            _ => None,
        }
    }
    /// Every leaf's pointer (`/a/0/b`) in `value`.
    fn leaves(value: &Value, pointer: String, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, value) in map {
                    let key = key.replace('~', "~0").replace('/', "~1");
                    leaves(value, format!("{pointer}/{key}"), out);
                }
            }
            Value::Array(items) => {
                for (index, value) in items.iter().enumerate() {
                    leaves(value, format!("{pointer}/{index}"), out);
                }
            }
            _ => out.push(pointer),
        }
    }

    let dir = fixtures_dir();
    let manifest = std::fs::read_to_string(dir.join("manifest.json")).unwrap();
    let entries: Vec<Entry> = serde_json::from_str(&manifest).unwrap();
    let (mut compared, mut failed) = (0, Vec::new());
    for entry in &entries {
        let Ok(resource) = entry.resource.parse::<pc_core::roundtrip::Resource>() else {
            continue;
        };
        let body: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(&entry.file)).unwrap()).unwrap();
        let mut pointers = Vec::new();
        leaves(&body, String::new(), &mut pointers);
        let mut texts = Vec::new();
        for pointer in &pointers {
            let mut bad = body.clone();
            let leaf = bad.pointer_mut(pointer).unwrap();
            *leaf = match leaf {
                Value::String(_) => serde_json::json!({"not": "a string"}),
                Value::Number(_) => Value::from("not a number"),
                Value::Bool(_) => Value::from(1),
                _ => serde_json::json!(["not null"]),
            };
            texts.push(serde_json::to_string(&bad).unwrap());
            texts.push(serde_json::to_string_pretty(&bad).unwrap());
        }
        let pretty = serde_json::to_string_pretty(&body).unwrap();
        for cut in (1..pretty.len()).step_by(7) {
            if pretty.is_char_boundary(cut) {
                texts.push(pretty[..cut].to_owned());
            }
        }
        for text in texts {
            if let Some((paths, message)) = check(resource, &text) {
                failed.push(format!("{} ({paths}): {message}", entry.file));
            }
            compared += 1;
        }
    }
    assert!(compared > 5_000, "only {compared} bodies compared");
    assert!(
        failed.is_empty(),
        "{} of {compared} differ:\n{}",
        failed.len(),
        failed
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
