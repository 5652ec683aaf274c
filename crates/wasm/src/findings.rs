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
    /// `{ $name -> [key] … *[default] … }`: the variant whose name is the value of `$name`, else
    /// the default one (also when `$name` has no value).
    Select(
        &'static str,
        &'static [(&'static str, &'static [Piece])],
        &'static [Piece],
    ),
}

/// Every `finding-*` message and the `cycle-*`, `term-*` and `segment-*` words of their
/// parameters: (locale tag, message id, pieces).
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
    render(pieces, args, &mut out);
    out
}

/// Appends `pieces` with `args` filled in to `out`.
fn render(pieces: &[Piece], args: &[(&str, String)], out: &mut String) {
    let value = |name: &str| args.iter().find(|(arg, _)| *arg == name).map(|(_, v)| v);
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Variable(name) => match value(name) {
                Some(value) => out.push_str(value),
                None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                }
            },
            Piece::Select(name, variants, default) => {
                let chosen = value(name)
                    .and_then(|v| variants.iter().find(|(key, _)| key == v))
                    .map_or(*default, |(_, pieces)| *pieces);
                render(chosen, args, out);
            }
        }
    }
}

/// A finding in plain words in `locale`: the message for its `code` with its `params` (lists
/// joined with ", "), followed by the Partner Center error it prevents, when it has one. The same
/// text as `pc_i18n::explain_finding`.
pub(crate) fn explain_finding(finding: &Finding, locale: Locale) -> String {
    pc_i18n::explain_finding_with(finding, locale, message)
}

#[cfg(test)]
mod tests {
    use pc_core::rules::FindingCode;

    use super::*;

    /// Every parameter name any finding message uses.
    fn parameter_names() -> Vec<&'static str> {
        fn collect(pieces: &[Piece], names: &mut Vec<&'static str>) {
            for piece in pieces {
                match piece {
                    Piece::Variable(name) => names.push(name),
                    Piece::Select(name, variants, default) => {
                        names.push(name);
                        for (_, pieces) in *variants {
                            collect(pieces, names);
                        }
                        collect(default, names);
                    }
                    Piece::Text(_) => {}
                }
            }
        }
        let mut names = Vec::new();
        for (_, _, pieces) in MESSAGES {
            collect(pieces, &mut names);
        }
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
                        explain_finding(&finding, locale),
                        pc_i18n::explain_finding(&finding, locale),
                        "{code:?} in {}",
                        locale.tag()
                    );
                }
            }
        }
    }

    #[test]
    fn selectors_pick_the_named_variant_or_the_default() {
        for kind in [
            "PerpetualSoftware",
            "AzurePlan",
            "AzureReservation",
            "Other",
            "x",
        ] {
            let finding = Finding::cart(FindingCode::ChangeNotAllowed)
                .with("change", "cancel")
                .with("kind", kind);
            for locale in Locale::ALL {
                assert_eq!(
                    explain_finding(&finding, locale),
                    pc_i18n::explain_finding(&finding, locale),
                    "{kind} in {}",
                    locale.tag()
                );
            }
        }
        let perpetual =
            Finding::cart(FindingCode::ChangeNotAllowed).with("kind", "PerpetualSoftware");
        assert!(explain_finding(&perpetual, Locale::EnUs).starts_with("Perpetual software"));
    }

    #[test]
    fn messages_are_translated() {
        let finding = Finding::line(FindingCode::QuantityOutOfRange, 0)
            .with("quantity", 0)
            .with("minimum", 1)
            .with("maximum", 300);
        assert_eq!(
            explain_finding(&finding, Locale::EnUs),
            "Quantity 0 is outside the allowed 1–300. Partner Center would refuse this with error 900275."
        );
        assert!(explain_finding(&finding, Locale::SvSe).starts_with("Antalet 0 ligger utanför"));
    }
}
