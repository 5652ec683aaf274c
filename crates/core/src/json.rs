//! JSON text → a typed value, naming the JSON path of the first problem: the one decoder that
//! pc-sandbox's request bodies, pc-client's response bodies, pc-wasm's arguments and the rules'
//! [`parse_input`](crate::rules::parse_input) go through, so that they agree on what they
//! accept.
//!
//! * The whole text is one JSON value: whitespace may follow it, anything else is an error at
//!   `$` (`trailing characters at line 1 column 3`).
//! * A member of the wrong shape is an error at its path, e.g. `$.lineItems[0].quantity`
//!   ([`JsonPath`]); members are matched as the models match them (case-insensitively for the
//!   Partner Center resources).
//!
//! ```
//! use pc_core::json::decode;
//! use pc_core::models::Cart;
//!
//! let error = decode::<Cart>(br#"{"lineItems": [{"quantity": "many"}]}"#).unwrap_err();
//! assert_eq!(error.path.to_string(), "$.lineItems[0].quantity");
//! let error = decode::<Cart>(br#"{"lineItems": []} x"#).unwrap_err();
//! assert_eq!(error.path.to_string(), "$");
//! assert!(decode::<Cart>(b"{\"lineItems\": []}\n").is_ok());
//! ```

use std::fmt;

use serde::de::DeserializeOwned;

/// A JSON path such as `$.items[0].lineItems[2].quantity`: `$` is the whole value, `.name` a
/// member of an object, `[n]` an element of an array (from 0).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JsonPath(Vec<PathSegment>);

/// One step of a [`JsonPath`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PathSegment {
    /// A member of an object, by name.
    Key(String),
    /// An element of an array, by position from 0.
    Index(usize),
}

impl JsonPath {
    /// This path extended by one step.
    pub(crate) fn child(&self, segment: PathSegment) -> Self {
        let mut path = self.0.clone();
        path.push(segment);
        Self(path)
    }

    /// The path of one member of the root object, e.g. `$.quantity`.
    pub fn member(name: &str) -> Self {
        Self(vec![PathSegment::Key(name.to_owned())])
    }

    /// Converts a serde path (from `serde_path_to_error`).
    pub fn from_serde(path: &serde_path_to_error::Path) -> Self {
        use serde_path_to_error::Segment;
        Self(
            path.iter()
                .filter_map(|segment| match segment {
                    Segment::Seq { index } => Some(PathSegment::Index(*index)),
                    Segment::Map { key } => Some(PathSegment::Key(key.clone())),
                    Segment::Enum { variant } => Some(PathSegment::Key(variant.clone())),
                    Segment::Unknown => None,
                })
                .collect(),
        )
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for segment in &self.0 {
            match segment {
                PathSegment::Key(key) => write!(f, ".{key}")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// JSON text that does not decode as the expected type.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("at {path}: {message}")]
pub struct DecodeError {
    /// Where the first problem is: the member of the wrong shape or where the text stops short,
    /// or `$` for text that is empty, not JSON from its start, or followed by more than
    /// whitespace.
    pub path: JsonPath,
    /// serde_json's description, e.g. `invalid type: string "many", expected i64 at line 1
    /// column 34` or `trailing characters at line 1 column 19`.
    pub message: String,
}

/// Decodes `json` (UTF-8 JSON text) as `T`.
///
/// Bytes rather than `&str`, so that every caller — the sandbox's request bodies, the client's
/// response bodies, the npm package's arguments — instantiates the same decoder for a type.
///
/// # Errors
/// [`DecodeError`] naming the JSON path of the first problem; trailing non-whitespace
/// characters after the value are an error at `$`.
pub fn decode<T: DeserializeOwned>(json: &[u8]) -> Result<T, DecodeError> {
    let mut de = serde_json::Deserializer::from_slice(json);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| DecodeError {
        path: JsonPath::from_serde(e.path()),
        message: e.inner().to_string(),
    })?;
    de.end().map_err(|e| DecodeError {
        path: JsonPath::default(),
        message: e.to_string(),
    })?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;
    use crate::models::Cart;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Pair {
        a: Vec<i64>,
    }

    #[test]
    fn a_wrong_member_is_named_by_its_path() {
        let error = decode::<Pair>(br#"{"a": [1, "two"]}"#).unwrap_err();
        assert_eq!(error.path.to_string(), "$.a[1]");
        assert!(error.message.starts_with("invalid type: string"), "{error}");
        let error = decode::<Cart>(br#"{"LineItems": [{"Quantity": true}]}"#).unwrap_err();
        assert_eq!(error.path.to_string(), "$.LineItems[0].Quantity");
    }

    #[test]
    fn trailing_whitespace_is_accepted_and_anything_else_refused() {
        assert_eq!(
            decode::<Pair>(b" {\"a\": [1]} \r\n\t"),
            Ok(Pair { a: vec![1] })
        );
        for text in [
            &b"{\"a\": []} x"[..],
            b"{\"a\": []}{}",
            b"{\"a\": []},",
            b"{\"a\": []}\0",
            b"[] []",
        ] {
            let error = decode::<serde_json::Value>(text).unwrap_err();
            assert_eq!(error.path, JsonPath::default(), "{text:?}");
            assert!(error.message.starts_with("trailing characters"), "{error}");
        }
    }

    #[test]
    fn text_that_is_not_one_value_is_an_error_at_the_root() {
        for text in [&b""[..], b"   ", b"\xff", b"nope"] {
            let error = decode::<Pair>(text).unwrap_err();
            assert_eq!(error.path.to_string(), "$", "{text:?}: {error}");
        }
        let error = decode::<Pair>(b"{\"a\": [1").unwrap_err();
        assert_eq!(error.path.to_string(), "$.a", "{error}");
        assert!(error.message.starts_with("EOF while parsing"), "{error}");
    }

    #[test]
    fn paths_print_as_json_paths() {
        assert_eq!(JsonPath::default().to_string(), "$");
        assert_eq!(JsonPath::member("quantity").to_string(), "$.quantity");
        let path = JsonPath::member("items")
            .child(PathSegment::Index(0))
            .child(PathSegment::Key("lineItems".into()))
            .child(PathSegment::Index(2));
        assert_eq!(path.to_string(), "$.items[0].lineItems[2]");
        assert_eq!(
            DecodeError {
                path,
                message: "oops".into()
            }
            .to_string(),
            "at $.items[0].lineItems[2]: oops"
        );
    }
}
