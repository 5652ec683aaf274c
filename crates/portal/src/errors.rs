//! Errors in plain words: pc-client's [`Error`] explained in the user's language, with the
//! Partner Center code and request ID a support case needs.

use leptos::prelude::*;
use pc_client::Error;

use crate::i18n::{Locale, t, t_with};
use crate::{Localized, use_locale};

/// A failed call in plain words ([`explain`]), in the language of the moment.
impl From<Error> for Localized {
    fn from(error: Error) -> Self {
        Localized::new(move |locale| explain(&error, locale))
    }
}

/// A page's data that could not be loaded: `problem` as an alert (`<p role="alert">`), in the
/// current language, also after the language is switched. `problem` is the failed call
/// (`Localized::from(error)`) or one of the portal's own messages (`Localized::key`).
#[component]
pub fn ProblemAlert(
    /// Why the data could not be loaded.
    problem: Localized,
) -> impl IntoView {
    let locale = use_locale();
    view! { <p role="alert">{move || problem.text(locale.get())}</p> }
}

/// A refused purchase step (creating or updating a cart, checkout) explained. Partner Center
/// answers 403 to a user whose role may read but not buy (a Helpdesk agent); unless its code
/// names a more specific reason, that is said with the user's role (`roles` as the gateway
/// reports them, e.g. `HelpdeskAgents`; empty when unknown).
pub fn explain_purchase(error: &Error, locale: Locale, roles: &[String]) -> String {
    let role_refusal = error.status() == Some(403)
        && matches!(
            error.explanation_key(),
            "error-forbidden" | "error-partner-center"
        );
    if !role_refusal {
        return explain(error, locale);
    }
    let reason = if roles.is_empty() {
        t(locale, "error-role-cannot-buy-unknown")
    } else {
        let names: Vec<String> = roles.iter().map(|r| role_name(r, locale)).collect();
        t_with(
            locale,
            "error-role-cannot-buy",
            &[("role", names.join(", "))],
        )
    };
    match details(error, locale) {
        Some(details) => format!("{reason} {details}"),
        None => reason,
    }
}

/// [`explain_purchase`] of `error`, in the language of the moment.
pub fn purchase_refusal(error: Error, roles: Vec<String>) -> Localized {
    Localized::new(move |locale| explain_purchase(&error, locale, &roles))
}

/// A Partner Center role in words (`AdminAgents`, `SalesAgents`, `HelpdeskAgents`, also as
/// `Admin agent` and the like); an unknown role as it is spelled.
pub fn role_name(role: &str, locale: Locale) -> String {
    let plain: String = role
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    let key = match plain.trim_end_matches('s') {
        "adminagent" | "admin" => "role-admin-agent",
        "salesagent" | "sales" => "role-sales-agent",
        "helpdeskagent" | "helpdesk" => "role-helpdesk-agent",
        _ => return role.to_owned(),
    };
    t(locale, key)
}

/// `error` explained: the plain-words explanation of its kind or Partner Center code, then the
/// code, Partner Center's own description and the request ID when there are any.
pub fn explain(error: &Error, locale: Locale) -> String {
    let explanation = t(locale, error.explanation_key());
    if let Some(details) = details(error, locale) {
        return format!("{explanation} {details}");
    }
    match error {
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

/// What a support case needs after the explanation, in `locale`, all in parentheses: Partner
/// Center's code and description; without a code, the HTTP status and the body's own words
/// (left out when they are markup or JSON, e.g. a proxy's error page); for an answer that could
/// not be read, the JSON path; and the request ID. `None` for the errors without a response.
fn details(error: &Error, locale: Locale) -> Option<String> {
    Some(match error {
        Error::Api {
            status,
            code,
            description,
            request_id,
            ..
        } => {
            let words = sentence(description);
            let words = words.as_str();
            match code {
                Some(code) => t_with(
                    locale,
                    "error-details",
                    &[
                        ("code", code.to_string()),
                        ("description", words.to_owned()),
                        ("requestId", request_id.clone()),
                    ],
                ),
                None if words.is_empty() || words.starts_with(['<', '{', '[']) => t_with(
                    locale,
                    "error-details-status",
                    &[
                        ("status", status.to_string()),
                        ("requestId", request_id.clone()),
                    ],
                ),
                None => t_with(
                    locale,
                    "error-details-status-description",
                    &[
                        ("status", status.to_string()),
                        ("description", words.to_owned()),
                        ("requestId", request_id.clone()),
                    ],
                ),
            }
        }
        Error::Decode {
            path, request_id, ..
        } => t_with(
            locale,
            "error-details-unreadable",
            &[("path", path.clone()), ("requestId", request_id.clone())],
        ),
        Error::Transport { request_id, .. } => t_with(
            locale,
            "error-details-request",
            &[("requestId", request_id.clone())],
        ),
        _ => return None,
    })
}

/// `text` trimmed, ending as a sentence does (a period added when it ends in none), so the
/// request ID that follows reads apart from it.
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() || text.ends_with(['.', '!', '?', ')']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(status: u16, code: Option<i64>) -> Error {
        Error::Api {
            status,
            code,
            description: "Forbidden".to_owned(),
            request_id: "r-1".to_owned(),
            correlation_id: "c-1".to_owned(),
        }
    }

    #[test]
    fn a_refused_purchase_names_the_role_in_every_locale() {
        let roles = ["HelpdeskAgents".to_owned()];
        let text = explain_purchase(&refused(403, None), Locale::EnUs, &roles);
        assert!(
            text.starts_with("Your Partner Center role (Helpdesk agent) can look but not buy"),
            "{text}"
        );
        assert!(text.contains("r-1"), "{text}");
        for locale in Locale::ALL {
            let text = explain_purchase(&refused(403, Some(123_456)), locale, &roles);
            assert!(!text.contains("error-role"), "{locale:?}: {text}");
            assert!(!text.contains("role-helpdesk"), "{locale:?}: {text}");
        }
        let unknown = explain_purchase(&refused(403, None), Locale::EnUs, &[]);
        assert!(unknown.starts_with("Your Partner Center role"), "{unknown}");
    }

    #[test]
    fn other_refusals_keep_their_own_explanation() {
        let roles = ["HelpdeskAgents".to_owned()];
        // 900329: the call needs App+User authentication; not a role question.
        let text = explain_purchase(&refused(403, Some(900_329)), Locale::EnUs, &roles);
        assert_eq!(text, explain(&refused(403, Some(900_329)), Locale::EnUs));
        let text = explain_purchase(&refused(400, None), Locale::EnUs, &roles);
        assert!(!text.contains("can look but not buy"), "{text}");
    }

    fn api(status: u16, code: Option<i64>, description: &str) -> Error {
        Error::Api {
            status,
            code,
            description: description.to_owned(),
            request_id: "r-1".to_owned(),
            correlation_id: "c-1".to_owned(),
        }
    }

    #[test]
    fn a_refusal_reads_with_what_support_needs_and_never_a_raw_body() {
        let cases = [
            (
                api(409, Some(800_060), "The cart is being checked out."),
                "(Partner Center error 800060: The cart is being checked out. Request ID r-1.)",
            ),
            (
                api(403, None, "Access denied"),
                "(HTTP 403: Access denied. Request ID r-1.)",
            ),
            (
                api(403, None, r#"{"errorName":"Forbidden"}"#),
                "(HTTP 403. Request ID r-1.)",
            ),
            (
                api(502, None, "<html><body>Bad gateway</body></html>"),
                "(HTTP 502. Request ID r-1.)",
            ),
            (
                Error::Decode {
                    status: 200,
                    path: "$.items[0].quantity".to_owned(),
                    message: "invalid type: string \"many\", expected i64".to_owned(),
                    request_id: "r-1".to_owned(),
                    correlation_id: "c-1".to_owned(),
                },
                "(Unreadable at $.items[0].quantity. Request ID r-1.)",
            ),
            (
                Error::Transport {
                    message: "TypeError: Failed to fetch".to_owned(),
                    timeout: false,
                    request_id: "r-1".to_owned(),
                    correlation_id: "c-1".to_owned(),
                },
                "(Request ID r-1.)",
            ),
        ];
        for (error, ending) in cases {
            let text = explain(&error, Locale::EnUs);
            assert!(
                text.starts_with(&t(Locale::EnUs, error.explanation_key())),
                "{text}"
            );
            assert!(text.ends_with(ending), "{text}");
            for locale in Locale::ALL {
                let text = explain(&error, locale);
                assert!(!text.contains("error-details"), "{locale:?}: {text}");
                assert!(
                    !text.contains('<') && !text.contains('{'),
                    "{locale:?}: {text}"
                );
                assert!(text.contains("r-1"), "{locale:?}: {text}");
            }
        }
    }

    #[test]
    fn role_names_read_as_words() {
        assert_eq!(role_name("AdminAgents", Locale::EnUs), "Admin agent");
        assert_eq!(role_name("sales agent", Locale::EnUs), "Sales agent");
        assert_eq!(role_name("BillingAdmin", Locale::EnUs), "BillingAdmin");
    }
}
