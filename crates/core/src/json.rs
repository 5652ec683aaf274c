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
/// The value is decoded by serde_json alone, one instantiation of `T`'s deserializer. Only when
/// it fails is the path found: from the line and column serde_json reports, the text is scanned
/// up to there (`path_at`). Tracking the path while decoding (`serde_path_to_error`) wraps
/// every visitor and made each model's decoder about a third larger in the wasm.
///
/// # Errors
/// [`DecodeError`] naming the JSON path of the first problem; trailing non-whitespace
/// characters after the value are an error at `$`.
pub fn decode<T: DeserializeOwned>(json: &[u8]) -> Result<T, DecodeError> {
    let mut de = serde_json::Deserializer::from_slice(json);
    let value = T::deserialize(&mut de).map_err(|e| DecodeError {
        path: path_of_error(json, &e),
        message: e.to_string(),
    })?;
    de.end().map_err(|e| DecodeError {
        path: JsonPath::default(),
        message: e.to_string(),
    })?;
    Ok(value)
}

/// The path of the value serde_json was decoding when it failed with `error`.
fn path_of_error(json: &[u8], error: &serde_json::Error) -> JsonPath {
    if error.line() == 0 {
        // No position (an error raised outside the parser): the whole value.
        return JsonPath::default();
    }
    // serde_json's column is the number of bytes of the line read so far.
    let line_start = if error.line() == 1 {
        Some(0)
    } else {
        json.iter()
            .enumerate()
            .filter(|(_, byte)| **byte == b'\n')
            .nth(error.line() - 2)
            .map(|(index, _)| index + 1)
    };
    let Some(line_start) = line_start else {
        return JsonPath::default();
    };
    let offset = line_start.saturating_add(error.column()).min(json.len());
    let ends_inside = !matches!(error.classify(), serde_json::error::Category::Eof);
    path_at(json, offset, ends_inside)
}

/// The path of the innermost value of `json` around byte `offset`: a value whose text starts at
/// or before `offset` and ends after it, or, when `ends_inside`, exactly at it (serde_json
/// reports a member of the wrong type after reading it, and a missing member after its object's
/// `}`). A value cut short by the end of the text or by a syntax error ends after everything.
/// `$` when no value is around `offset` (e.g. text that is not JSON from its start).
///
/// The text is scanned without recursion, so deep input cannot exhaust the stack, and only up
/// to the first value that starts after `offset`.
fn path_at(json: &[u8], offset: usize, ends_inside: bool) -> JsonPath {
    let mut scan = Scan { json, at: 0 };
    // The path of the value about to be read, or being read.
    let mut path: Vec<PathSegment> = Vec::new();
    // The open objects and arrays, innermost last.
    let mut open: Vec<Container> = Vec::new();
    // The deepest value around `offset` so far.
    let mut found: Option<Vec<PathSegment>> = None;
    let mut consider = |start: usize, end: usize, path: &[PathSegment]| {
        let around = start <= offset && (end > offset || (ends_inside && end == offset));
        if around && found.as_ref().is_none_or(|f| path.len() >= f.len()) {
            found = Some(path.to_vec());
        }
    };
    'values: loop {
        // A value starts here: the whole text's, a member's or an element's.
        scan.skip_whitespace();
        let start = scan.at;
        if start > offset {
            break;
        }
        match scan.peek() {
            Some(open_byte @ (b'{' | b'[')) => {
                let object = open_byte == b'{';
                scan.at += 1;
                scan.skip_whitespace();
                if scan.peek() == Some(if object { b'}' } else { b']' }) {
                    scan.at += 1;
                    consider(start, scan.at, &path);
                } else {
                    open.push(Container {
                        start,
                        depth: path.len(),
                        object,
                        elements: 1,
                    });
                    if object {
                        let Some(name) = scan.member_name() else {
                            break;
                        };
                        path.push(PathSegment::Key(name));
                    } else {
                        path.push(PathSegment::Index(0));
                    }
                    continue 'values;
                }
            }
            Some(b'"') => {
                if !scan.skip_string() {
                    consider(start, usize::MAX, &path);
                    break;
                }
                consider(start, scan.at, &path);
            }
            Some(_) if scan.literal() => {
                let text = json.get(start..scan.at).unwrap_or_default();
                let whole = matches!(text, b"true" | b"false" | b"null")
                    || text.last().is_some_and(u8::is_ascii_digit);
                if scan.at == json.len() && !whole {
                    // `tru` or `1.` cut short by the end of the text.
                    consider(start, usize::MAX, &path);
                    break;
                }
                consider(start, scan.at, &path);
            }
            // No value where one should start: the error is in the member's value, but an
            // array cut short is an error of the array (serde_json looks for its next element
            // before decoding it).
            None if open.last().is_some_and(|container| !container.object) => break,
            _ => {
                consider(start, usize::MAX, &path);
                break;
            }
        }
        // A value ended: close the containers that end with it, up to the next member or
        // element.
        loop {
            scan.skip_whitespace();
            let Some(container) = open.last_mut() else {
                break 'values;
            };
            match scan.peek() {
                Some(b',') => {
                    scan.at += 1;
                    let next = if container.object {
                        let Some(name) = scan.member_name() else {
                            break 'values;
                        };
                        PathSegment::Key(name)
                    } else {
                        container.elements += 1;
                        PathSegment::Index(container.elements - 1)
                    };
                    path.truncate(container.depth);
                    path.push(next);
                    continue 'values;
                }
                Some(b'}') if container.object => {}
                Some(b']') if !container.object => {}
                _ => break 'values,
            }
            scan.at += 1;
            let (start, depth) = (container.start, container.depth);
            open.pop();
            path.truncate(depth);
            consider(start, scan.at, &path);
        }
    }
    // The innermost container still open started before `offset` and ends after it.
    if let Some(container) = open.last() {
        consider(
            container.start,
            usize::MAX,
            path.get(..container.depth).unwrap_or(&[]),
        );
    }
    JsonPath(found.unwrap_or_default())
}

/// An object or array being scanned by [`path_at`].
struct Container {
    /// Byte offset of its `{` or `[`.
    start: usize,
    /// Length of its own path.
    depth: usize,
    /// An object (else an array).
    object: bool,
    /// Elements begun so far (arrays).
    elements: usize,
}

/// A position in JSON text, for [`path_at`].
struct Scan<'a> {
    json: &'a [u8],
    at: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.json.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    /// Past a string, from its opening quote to past its closing one; `false` when the text
    /// ends first.
    fn skip_string(&mut self) -> bool {
        self.at += 1;
        loop {
            match self.peek() {
                None => return false,
                Some(b'"') => break,
                Some(b'\\') => self.at += 2,
                Some(_) => self.at += 1,
            }
        }
        self.at += 1;
        true
    }

    /// After `{` or `,` in an object: a member's name and its `:`, or `None` when they are not
    /// there.
    fn member_name(&mut self) -> Option<String> {
        self.skip_whitespace();
        if self.peek() != Some(b'"') {
            return None;
        }
        let start = self.at;
        if !self.skip_string() {
            return None;
        }
        // The name as serde reads it (escapes decoded).
        let text = self.json.get(start..self.at)?;
        let name = serde_json::from_slice(text).unwrap_or_else(|_| {
            let inner = text.get(1..text.len() - 1).unwrap_or_default();
            String::from_utf8_lossy(inner).into_owned()
        });
        self.skip_whitespace();
        (self.peek() == Some(b':')).then(|| {
            self.at += 1;
            name
        })
    }

    /// Past a number, `true`, `false` or `null` (or a misspelling of one); `false` when none
    /// starts here.
    fn literal(&mut self) -> bool {
        let start = self.at;
        if matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            while matches!(
                self.peek(),
                Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
            ) {
                self.at += 1;
            }
        } else {
            while matches!(self.peek(), Some(b'a'..=b'z')) {
                self.at += 1;
            }
        }
        self.at > start
    }
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
