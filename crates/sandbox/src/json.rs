//! `PcJson<T>`: the request-body extractor. Bodies over [`crate::MAX_BODY_BYTES`], malformed JSON
//! and members of the wrong type are answered 400 `800002` with the JSON path in `data`, before
//! any handler runs — so nothing is written.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use pc_core::json::JsonPath;
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// A JSON request body decoded as `T` (members case-insensitive, as pc-core's models read them).
#[derive(Debug)]
pub(crate) struct PcJson<T>(pub(crate) T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for PcJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                let too_large = rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE;
                if too_large {
                    AppError::invalid_input(format!(
                        "The request body is larger than {} bytes; nothing was changed.",
                        crate::MAX_BODY_BYTES
                    ))
                } else {
                    AppError::invalid_input(format!(
                        "The request body could not be read: {rejection}"
                    ))
                }
            })?;
        decode(&bytes).map(PcJson)
    }
}

/// A query string decoded as `T`. A malformed one (a parameter given twice, a value of the wrong
/// type) is answered 400 `800002` with Partner Center's error body, as every other refusal, not
/// with axum's plain-text rejection.
#[derive(Debug)]
pub(crate) struct PcQuery<T>(pub(crate) T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for PcQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, AppError> {
        axum::extract::Query::<T>::try_from_uri(&parts.uri)
            .map(|axum::extract::Query(value)| PcQuery(value))
            .map_err(|rejection| {
                AppError::invalid_input(format!(
                    "The query string cannot be read: {}",
                    rejection.body_text()
                ))
            })
    }
}

/// Decodes `bytes` as `T` with pc-core's one decoder ([`pc_core::json::decode`]), naming the
/// JSON path of the first problem; whitespace may follow the value, nothing else.
///
/// # Errors
/// 400 `800002`: an empty body, or [`invalid_body`] at the problem's path.
pub(crate) fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(AppError::invalid_input(
            "The request body is empty; a JSON object is required.",
        ));
    }
    pc_core::json::decode(bytes).map_err(|e| invalid_body(&e.path, &e.message))
}

/// 400 `800002` for a request body with a problem at `path`: `Invalid request body at
/// $.lineItems[0].quantity: …` with `data: [{"path": "$.lineItems[0].quantity"}]`.
pub(crate) fn invalid_body(path: &JsonPath, message: &str) -> AppError {
    AppError::invalid_input(format!("Invalid request body at {path}: {message}"))
        .with_data(serde_json::json!({ "path": path.to_string() }))
}

#[cfg(test)]
mod tests {
    use axum::http::StatusCode;
    use pc_core::models::Cart;

    use super::*;

    fn refusal(body: &[u8]) -> AppError {
        match decode::<Cart>(body) {
            Ok(_) => panic!("{body:?} decoded"),
            Err(error) => error,
        }
    }

    #[test]
    fn bodies_are_one_json_value_and_problems_name_their_path() {
        assert!(decode::<Cart>(b"{\"lineItems\": []}\r\n").is_ok());
        let error = refusal(b"{\"lineItems\": []} {}");
        assert_eq!(
            (error.status, error.code),
            (StatusCode::BAD_REQUEST, 800_002)
        );
        assert_eq!(error.data, [serde_json::json!({"path": "$"})]);
        assert!(
            error.description.contains("trailing characters"),
            "{}",
            error.description
        );
        let error = refusal(b"{\"lineItems\": [{\"quantity\": \"lots\"}]}");
        assert_eq!(
            error.data,
            [serde_json::json!({"path": "$.lineItems[0].quantity"})]
        );
        assert!(
            refusal(b" \n")
                .description
                .starts_with("The request body is empty")
        );
    }
}
