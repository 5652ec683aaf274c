//! Findings in plain words without a Fluent runtime: the `finding-*` messages of pc-i18n's
//! translations, compiled by `build.rs` into text and variables, rendered exactly as
//! `pc_i18n::explain_finding` renders them with Fluent (checked message by message in the tests
//! below). This keeps Fluent's parser and resolver, and every other message of the portal, out of
//! the npm package's wasm.

use pc_core::rules::Finding;
use pc_i18n::Locale;

/// A part of a message.
enum Piece {
    /// Text as it is.
    Text(&'static str),
    /// The value of `{ $name }`.
    Variable(&'static str),
}

/// Every `finding-*` message: (locale tag, message id, pieces).
static MESSAGES: &[(&str, &str, &[Piece])] = include!(concat!(env!("OUT_DIR"), "/findings.rs"));

/// The message `id` in `locale` with `args` filled in, falling back to en-US, then to the id
/// itself (as pc-i18n's `t_with`). A variable without a value is written `{$name}`, as Fluent
/// writes it.
fn message(locale: Locale, id: &str, args: &[(&str, String)]) -> String {
    let found = [locale, Locale::EnUs].into_iter().find_map(|candidate| {
        MESSAGES
            .iter()
            .find(|(tag, key, _)| *tag == candidate.tag() && *key == id)
    });
    let Some((_, _, pieces)) = found else {
        return id.to_owned();
    };
    let mut out = String::new();
    for piece in *pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Variable(name) => match args.iter().find(|(arg, _)| arg == name) {
                Some((_, value)) => out.push_str(value),
                None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

/// A finding in plain words in `locale`: the message for its `code` with its `params` (lists
/// joined with ", "), followed by the Partner Center error it prevents, when it has one. The same
/// text as `pc_i18n::explain_finding`.
pub(crate) fn explain(finding: &Finding, locale: Locale) -> String {
    pc_i18n::explain_finding_with(finding, locale, message)
}

#[cfg(test)]
mod tests {
    use pc_core::rules::FindingCode;

    use super::*;

    /// Every parameter name any finding message uses.
    fn parameter_names() -> Vec<&'static str> {
        let mut names: Vec<&str> = MESSAGES
            .iter()
            .flat_map(|(_, _, pieces)| pieces.iter())
            .filter_map(|piece| match piece {
                Piece::Variable(name) => Some(*name),
                Piece::Text(_) => None,
            })
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    #[test]
    fn every_finding_reads_as_fluent_renders_it_in_every_locale() {
        let names = parameter_names();
        assert!(names.contains(&"quantity"), "{names:?}");
        for locale in Locale::ALL {
            for code in FindingCode::ALL {
                // With every parameter (strings, numbers, lists), and with none.
                let mut full = Finding::cart(code);
                for (i, name) in names.iter().enumerate() {
                    full = match i % 3 {
                        0 => full.with(name, format!("value of {name}")),
                        1 => full.with(name, i),
                        _ => full.with(name, serde_json::json!(["P1M", name])),
                    };
                }
                for finding in [full, Finding::line(code, 3)] {
                    assert_eq!(
                        explain(&finding, locale),
                        pc_i18n::explain_finding(&finding, locale),
                        "{code:?} in {}",
                        locale.tag()
                    );
                }
            }
        }
    }

    #[test]
    fn messages_are_translated() {
        let finding = Finding::line(FindingCode::QuantityOutOfRange, 0)
            .with("quantity", 0)
            .with("minimum", 1)
            .with("maximum", 300);
        assert_eq!(
            explain(&finding, Locale::EnUs),
            "Quantity 0 is outside the allowed 1–300. Partner Center would refuse this with error 900275."
        );
        assert!(explain(&finding, Locale::SvSe).starts_with("Antalet 0 ligger utanför"));
    }
}
