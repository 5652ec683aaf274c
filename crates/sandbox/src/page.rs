//! The HTML of the sign-in page and of the sign-in error page: plain, accessible HTML
//! (`lang`, `<main>`, `<h1>`, labelled fields, a table of the demo users) with a little inline
//! CSS and no script.

use std::fmt::Write as _;

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::oidc::AuthorizeParams;
use crate::tenants::{self, DEMO_PASSWORD, Partner};

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:0;background:#f3f4f6;color:#111827}\
main{max-width:34rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px #0003}\
h1{font-size:1.5rem;margin-top:0}h2{font-size:1.1rem;margin-top:2rem}\
label{display:block;font-weight:600;margin-top:1rem}\
input{box-sizing:border-box;width:100%;padding:.5rem;margin-top:.25rem;font:inherit;border:1px solid #6b7280;border-radius:.25rem}\
input:focus,button:focus{outline:3px solid #2563eb;outline-offset:2px}\
button{margin-top:1.5rem;padding:.6rem 1.5rem;font:inherit;font-weight:600;color:#fff;background:#1d4ed8;border:0;border-radius:.25rem;cursor:pointer}\
.error{padding:.75rem;border-left:4px solid #b91c1c;background:#fef2f2;color:#7f1d1d}\
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e5e7eb}\
.note{color:#374151}";

/// Escapes text for HTML content and double-quoted attribute values (html-escape).
fn escape(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(text).into_owned()
}

fn document(status: StatusCode, title: &str, body: &str) -> Response {
    let html = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        title = escape(title),
    );
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        html,
    )
        .into_response()
}

/// A sign-in request that cannot continue (unknown client, redirect URI not allowed): the
/// reason in words, never a redirect.
pub(crate) fn error(status: StatusCode, message: &str) -> Response {
    let body = format!(
        "<h1>Sign-in cannot continue</h1>\n<p class=\"error\" role=\"alert\">{}</p>\n",
        escape(message)
    );
    document(status, "Sign-in cannot continue", &body)
}

/// The sign-in page of `partner`: email and password fields, the original authorize parameters
/// as hidden fields, `error` when a previous attempt failed, and the demo users.
pub(crate) fn sign_in(
    status: StatusCode,
    partner: &Partner,
    params: &AuthorizeParams,
    error: Option<&str>,
) -> Response {
    let title = format!("Sign in to {}", partner.name);
    let mut body = format!("<h1>{}</h1>\n", escape(&title));
    body.push_str(
        "<p class=\"note\">pc-sandbox's demo identity provider: sign in as one of the demo users below.</p>\n",
    );
    if let Some(error) = error {
        let _ = writeln!(
            body,
            "<p class=\"error\" role=\"alert\" id=\"sign-in-error\">{}</p>",
            escape(error)
        );
    }
    body.push_str("<form method=\"post\" action=\"authorize\">\n");
    for (name, value) in params.carried() {
        let _ = writeln!(
            body,
            "<input type=\"hidden\" name=\"{name}\" value=\"{}\">",
            escape(value)
        );
    }
    let username = params
        .username
        .as_deref()
        .or(params.login_hint.as_deref())
        .unwrap_or_default();
    let described = if error.is_some() {
        " aria-describedby=\"sign-in-error\" aria-invalid=\"true\""
    } else {
        ""
    };
    let _ = write!(
        body,
        "<label for=\"username\">Email</label>\n<input id=\"username\" name=\"username\" type=\"email\" autocomplete=\"username\" required value=\"{}\"{described}>\n\
<label for=\"password\">Password</label>\n<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required{described}>\n\
<button type=\"submit\">Sign in</button>\n</form>\n",
        escape(username)
    );
    body.push_str(
        "<section aria-labelledby=\"demo-users\">\n<h2 id=\"demo-users\">Demo users</h2>\n<table>\n<thead><tr><th scope=\"col\">Email</th><th scope=\"col\">Name</th><th scope=\"col\">Role</th><th scope=\"col\">Multi-factor</th></tr></thead>\n<tbody>\n",
    );
    for user in tenants::users_of(partner) {
        let roles: Vec<&str> = user
            .roles
            .iter()
            .map(|r| match *r {
                tenants::ADMIN_AGENTS => "Admin agent",
                tenants::SALES_AGENTS => "Sales agent",
                tenants::HELPDESK_AGENTS => "Helpdesk agent",
                other => other,
            })
            .collect();
        let mfa = if user.amr.contains(&"mfa") {
            "yes"
        } else {
            "no"
        };
        let _ = writeln!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{mfa}</td></tr>",
            escape(user.username),
            escape(user.name),
            escape(&roles.join(", ")),
        );
    }
    let _ = writeln!(
        body,
        "</tbody>\n</table>\n<p>The password of every demo user is {DEMO_PASSWORD}.</p>\n</section>"
    );
    document(status, &title, &body)
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;'&amp;'&lt;/a&gt;"
        );
    }
}
