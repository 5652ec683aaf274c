//! Errors in plain words: pc-client's [`Error`] explained in the user's language, with the
//! Partner Center code and request ID a support case needs.

use pc_client::Error;

use crate::i18n::{Locale, t, t_with};

/// `error` explained: the plain-words explanation of its kind or Partner Center code, then the
/// code, Partner Center's own description and the request ID when there are any.
pub fn explain(error: &Error, locale: Locale) -> String {
    let explanation = t(locale, error.explanation_key());
    match error {
        Error::Api {
            code,
            description,
            request_id,
            ..
        } => {
            let code = code.map(|c| c.to_string()).unwrap_or_default();
            format!(
                "{explanation} {}",
                t_with(
                    locale,
                    "error-details",
                    &[
                        ("code", code),
                        ("description", description.clone()),
                        ("requestId", request_id.clone()),
                    ],
                )
            )
        }
        Error::Throttled { retry_after, .. } => format!(
            "{explanation} {}",
            t_with(
                locale,
                "error-retry-after",
                &[(
                    "seconds",
                    retry_after.map(|d| d.as_secs()).unwrap_or(60).to_string()
                )],
            )
        ),
        other => format!("{explanation} ({other})"),
    }
}
