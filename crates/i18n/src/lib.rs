//! # pc-i18n
//!
//! Localization with Fluent for the portal and the npm package: one `.ftl` file per locale under
//! `crates/i18n/locales`. Components never hold user-facing literals; they call [`t`] /
//! [`t_with`] with a key. [`explain_finding`] turns a pc-core finding into a sentence.
//!
//! en-US is always compiled in; the other locales are with the feature `all-locales` (the
//! servers, the npm package). Without it (the split portal, whose first page should not carry
//! three languages it may never show) a locale's text is added at run time with
//! [`add_locale`], and [`has_locale`] tells whether it is there.

use std::collections::HashMap;
use std::sync::{OnceLock, PoisonError, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use pc_core::rules::Finding;
use serde_json::Value;
use unic_langid::LanguageIdentifier;

/// The portal's locales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// English (United States).
    #[default]
    EnUs,
    /// Swedish (Sweden).
    SvSe,
    /// Dutch (Netherlands).
    NlNl,
    /// Hebrew (Israel), right to left.
    HeIl,
}

impl Locale {
    /// Every locale, in the order the language picker lists them.
    pub const ALL: [Self; 4] = [Self::EnUs, Self::SvSe, Self::NlNl, Self::HeIl];

    /// BCP 47 tag, e.g. `sv-SE` (also `X-Locale` and the `lang` attribute).
    pub fn tag(self) -> &'static str {
        match self {
            Self::EnUs => "en-US",
            Self::SvSe => "sv-SE",
            Self::NlNl => "nl-NL",
            Self::HeIl => "he-IL",
        }
    }

    /// The language's own name, for the picker.
    pub fn name(self) -> &'static str {
        match self {
            Self::EnUs => "English",
            Self::SvSe => "Svenska",
            Self::NlNl => "Nederlands",
            Self::HeIl => "עברית",
        }
    }

    /// Text direction: `rtl` for Hebrew, else `ltr`.
    pub fn dir(self) -> &'static str {
        if self == Self::HeIl { "rtl" } else { "ltr" }
    }

    /// The locale for a tag (case-insensitive; a language alone matches its region).
    pub fn from_tag(tag: &str) -> Option<Self> {
        let tag = tag.trim();
        Self::ALL.into_iter().find(|l| {
            l.tag().eq_ignore_ascii_case(tag)
                || l.tag()
                    .split('-')
                    .next()
                    .is_some_and(|lang| lang.eq_ignore_ascii_case(tag))
        })
    }

    /// The locale's Fluent text when it is compiled in: en-US always, the others with the
    /// feature `all-locales`.
    fn embedded_source(self) -> Option<&'static str> {
        match self {
            Self::EnUs => Some(include_str!("../locales/en-US.ftl")),
            #[cfg(feature = "all-locales")]
            Self::SvSe => Some(include_str!("../locales/sv-SE.ftl")),
            #[cfg(feature = "all-locales")]
            Self::NlNl => Some(include_str!("../locales/nl-NL.ftl")),
            #[cfg(feature = "all-locales")]
            Self::HeIl => Some(include_str!("../locales/he-IL.ftl")),
            #[cfg(not(feature = "all-locales"))]
            _ => None,
        }
    }
}

type Bundle = FluentBundle<FluentResource>;

/// A locale's Fluent text that could not be added: the line of the first syntax error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleError {
    /// The locale whose text was refused.
    pub locale: Locale,
    /// 1-based line where the entry with the first syntax error starts.
    pub line: usize,
}

impl std::fmt::Display for LocaleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the {} text is not valid Fluent (line {})",
            self.locale.tag(),
            self.line
        )
    }
}

impl std::error::Error for LocaleError {}

/// A bundle of `resource` for `locale`.
fn bundle(locale: Locale, resource: FluentResource) -> Bundle {
    let id: LanguageIdentifier = locale.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Placeholders are isolated by the page's own bidi handling, not by marks.
    bundle.set_use_isolating(false);
    // Messages are unique within a file (the tests check), so adding cannot collide.
    let _ = bundle.add_resource(resource);
    bundle
}

/// Every locale's bundle that is at hand: the compiled-in ones, parsed on first use, and those
/// [`add_locale`] added.
fn bundles() -> &'static RwLock<HashMap<Locale, Bundle>> {
    static BUNDLES: OnceLock<RwLock<HashMap<Locale, Bundle>>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        let embedded = Locale::ALL.into_iter().filter_map(|locale| {
            let source = locale.embedded_source()?;
            // A compiled-in text with syntax errors still yields every entry that parsed (the
            // tests keep them free of errors).
            let resource =
                FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
            Some((locale, bundle(locale, resource)))
        });
        RwLock::new(embedded.collect())
    })
}

/// Whether `locale`'s text is at hand (compiled in or added); [`t`] falls back to en-US for a
/// locale that is not.
pub fn has_locale(locale: Locale) -> bool {
    bundles()
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .contains_key(&locale)
}

/// Adds (or replaces) `locale`'s text: `source` is the content of its `.ftl` file, e.g. fetched
/// by the portal when the user picks the language.
///
/// # Errors
/// [`LocaleError`] when `source` has a Fluent syntax error (a truncated or wrong file); nothing is
/// added then, and the locale keeps falling back to en-US.
pub fn add_locale(locale: Locale, source: String) -> Result<(), LocaleError> {
    let resource = FluentResource::try_new(source).map_err(|(resource, errors)| {
        // The entry holding the first error (the parser's own position may be past its end).
        let offset = errors.first().map_or(0, |e| {
            e.slice.as_ref().map_or(e.pos.start, |slice| slice.start)
        });
        let text = resource.source();
        let line = 1 + text
            .get(..offset)
            .unwrap_or(text)
            .bytes()
            .filter(|b| *b == b'\n')
            .count();
        LocaleError { locale, line }
    })?;
    bundles()
        .write()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(locale, bundle(locale, resource));
    Ok(())
}

/// The message `key` in `locale`, falling back to en-US, then to the key itself.
pub fn t(locale: Locale, key: &str) -> String {
    t_with(locale, key, &[])
}

/// The message `key` in `locale` with named arguments.
pub fn t_with(locale: Locale, key: &str, args: &[(&str, String)]) -> String {
    t_numbers(locale, key, args, &[])
}

/// The message `key` in `locale` with named text arguments and named number arguments. A
/// number argument selects a plural variant (`{ $count -> [one] … *[other] … }`) by the
/// locale's plural rules; so does a text argument that is a plain integer (see below); other
/// text arguments only match variant names literally. Falls back as
/// [`t_with`].
pub fn t_numbers(
    locale: Locale,
    key: &str,
    args: &[(&str, String)],
    numbers: &[(&str, i64)],
) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        // A text argument that is a plain integer ("1", "42") is passed as a number, so that
        // `{ $count -> [one] … }` selects by the plural rules whichever way it was passed. Only
        // when the number writes back exactly the same (no leading zeros, no sign, at most 15
        // digits, exact as f64): an ID made of digits keeps its spelling.
        match value.parse::<i64>() {
            Ok(number)
                if value.len() <= 15 && !value.starts_with('+') && number.to_string() == *value =>
            {
                fluent_args.set(*name, number);
            }
            _ => fluent_args.set(*name, value.clone()),
        }
    }
    for (name, value) in numbers {
        fluent_args.set(*name, *value);
    }
    let bundles = bundles().read().unwrap_or_else(PoisonError::into_inner);
    for candidate in [locale, Locale::EnUs] {
        let Some(bundle) = bundles.get(&candidate) else {
            continue;
        };
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned();
        }
    }
    key.to_owned()
}

/// A finding in plain words in `locale`: the message for its `code` with its `params` filled in
/// (lists joined with ", "), followed by the Partner Center error it prevents, when it has one.
///
/// Source: the finding contract of `pc_core::rules` (`{code, severity, lineItemId,
/// partnerCenterErrorCode, params}`).
pub fn explain_finding(finding: &Finding, locale: Locale) -> String {
    explain_finding_with(finding, locale, t_with)
}

/// [`explain_finding`] with another message source (`message(locale, key, args)`), e.g. the
/// npm package's messages compiled at build time from these same `.ftl` files.
pub fn explain_finding_with(
    finding: &Finding,
    locale: Locale,
    message: impl Fn(Locale, &str, &[(&str, String)]) -> String,
) -> String {
    let args: Vec<(&str, String)> = finding
        .params
        .iter()
        .map(|(name, value)| {
            let words = |code: &str| code_in_words(name, code, locale, &message);
            (name.as_str(), param_text(value, &words))
        })
        .collect();
    let text = message(locale, &format!("finding-{}", finding.code.as_str()), &args);
    match finding.partner_center_error_code {
        Some(code) => format!(
            "{text} {}",
            message(locale, "finding-prevents", &[("code", code.to_string())])
        ),
        None => text,
    }
}

/// A parameter as text: strings through `words`, lists joined with ", ".
fn param_text(value: &Value, words: &dyn Fn(&str) -> String) -> String {
    match value {
        Value::String(s) => words(s),
        Value::Array(items) => items
            .iter()
            .map(|v| param_text(v, words))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A Partner Center code in a finding's parameter `name` in words: billing cycles
/// (`billingCycle`, `supportedBillingCycles`: `one_time` → "One-time"), terms (`termDuration`,
/// `offeredTerms`: `P1M` → "1 month") and segments (`segment`, `customerSegment`); any other
/// parameter, and a code without a message, as given.
fn code_in_words(
    name: &str,
    code: &str,
    locale: Locale,
    message: &impl Fn(Locale, &str, &[(&str, String)]) -> String,
) -> String {
    use pc_core::enums::BillingCycle;
    let key = match name {
        "billingCycle" | "supportedBillingCycles" => match code.parse::<BillingCycle>() {
            Ok(BillingCycle::Monthly) => "cycle-monthly".to_owned(),
            Ok(BillingCycle::Annual) => "cycle-annual".to_owned(),
            Ok(BillingCycle::None) => "cycle-none".to_owned(),
            Ok(BillingCycle::OneTime) => "cycle-one-time".to_owned(),
            Ok(BillingCycle::Triennial) => "cycle-triennial".to_owned(),
            Ok(BillingCycle::Biennial) => "cycle-biennial".to_owned(),
            _ => return code.to_owned(),
        },
        "termDuration" | "offeredTerms" => format!("term-{}", code.trim().to_ascii_uppercase()),
        "segment" | "customerSegment" => format!("segment-{}", code.trim().to_ascii_lowercase()),
        _ => return code.to_owned(),
    };
    let text = message(locale, &key, &[]);
    if text.is_empty() || text == key {
        code.to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `locale`'s `.ftl` file as shipped.
    fn source(locale: Locale) -> String {
        let path = format!(
            "{}/locales/{}.ftl",
            env!("CARGO_MANIFEST_DIR"),
            locale.tag()
        );
        std::fs::read_to_string(&path).expect("the locale files are readable")
    }

    /// Every locale at hand, whether compiled in (feature `all-locales`) or not.
    fn all_locales() {
        for locale in Locale::ALL {
            if !has_locale(locale) {
                add_locale(locale, source(locale)).expect("the shipped text parses");
            }
        }
    }

    fn keys(locale: Locale) -> Vec<String> {
        let resource = FluentResource::try_new(source(locale)).expect("parses");
        resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_count_passed_as_text_still_selects_the_plural() {
        assert_eq!(
            t_with(
                Locale::EnUs,
                "checkout-orders-count",
                &[("count", "1".to_owned())]
            ),
            "One order was placed."
        );
        assert_eq!(
            t_with(
                Locale::EnUs,
                "checkout-orders-count",
                &[("count", "3".to_owned())]
            ),
            "3 orders were placed."
        );
        // Digits that are an ID, not a number, keep their spelling.
        assert_eq!(
            t_with(
                Locale::EnUs,
                "not-found-body",
                &[("path", "007".to_owned())]
            ),
            "There is no page at 007."
        );
    }

    #[test]
    fn every_locale_parses_and_has_every_english_key() {
        let english = keys(Locale::EnUs);
        assert!(english.len() > 10);
        for locale in Locale::ALL {
            let own = keys(locale);
            for key in &english {
                assert!(own.contains(key), "{} lacks {key}", locale.tag());
            }
            assert_eq!(
                own.len(),
                english.len(),
                "{} has keys English lacks",
                locale.tag()
            );
        }
    }

    #[test]
    fn a_broken_text_is_refused_and_changes_nothing() {
        all_locales();
        let error = add_locale(
            Locale::SvSe,
            "sign-in-submit = Logga in\nbroken = { $x\n".to_owned(),
        )
        .unwrap_err();
        assert_eq!(
            error,
            LocaleError {
                locale: Locale::SvSe,
                line: 2
            }
        );
        assert_eq!(
            error.to_string(),
            "the sv-SE text is not valid Fluent (line 2)"
        );
        assert!(has_locale(Locale::SvSe));
        assert_eq!(t(Locale::SvSe, "sign-in-submit"), "Logga in");
        assert_ne!(t(Locale::SvSe, "language"), t(Locale::EnUs, "language"));
    }

    #[test]
    fn messages_are_translated_and_formatted() {
        all_locales();
        assert_eq!(t(Locale::SvSe, "sign-in-submit"), "Logga in");
        assert_eq!(t(Locale::HeIl, "sign-in-submit"), "התחברות");
        assert_eq!(
            t_with(
                Locale::NlNl,
                "partner-save-failed",
                &[("reason", "401".to_owned())]
            ),
            "De instelling kon niet worden opgeslagen: 401"
        );
        assert_eq!(t(Locale::SvSe, "no-such-key"), "no-such-key");
        assert_eq!(Locale::HeIl.dir(), "rtl");
        assert_eq!(Locale::from_tag("sv"), Some(Locale::SvSe));
    }

    #[test]
    fn number_arguments_choose_plural_variants() {
        all_locales();
        let seats = |locale, count| t_numbers(locale, "seats-count", &[], &[("count", count)]);
        assert_eq!(seats(Locale::EnUs, 1), "1 seat");
        assert_eq!(seats(Locale::EnUs, 5), "5 seats");
        assert_eq!(seats(Locale::SvSe, 1), "1 licens");
        assert_eq!(seats(Locale::SvSe, 2), "2 licenser");
        assert_eq!(seats(Locale::NlNl, 12), "12 licenties");
        assert_eq!(seats(Locale::HeIl, 1), "רישיון אחד");
        assert_eq!(seats(Locale::HeIl, 2), "שני רישיונות");
        assert_eq!(seats(Locale::HeIl, 7), "7 רישיונות");
        // Text arguments stay text (no number formatting), beside the number.
        assert_eq!(
            t_numbers(
                Locale::EnUs,
                "done-reduced",
                &[("seats", "3 seats".to_owned())],
                &[("count", 2)]
            ),
            "2 seats removed: the subscription now has 3 seats."
        );
        // An integer passed as text selects like the number it is.
        assert_eq!(
            t_with(Locale::EnUs, "seats-count", &[("count", "1".to_owned())]),
            "1 seat"
        );
    }

    #[test]
    fn findings_are_explained_with_their_params_and_partner_center_code() {
        all_locales();
        use pc_core::rules::FindingCode;
        let finding = Finding::line(FindingCode::QuantityOutOfRange, 0)
            .with("quantity", 0)
            .with("minimum", 1)
            .with("maximum", 300);
        assert_eq!(
            explain_finding(&finding, Locale::EnUs),
            "Quantity 0 is outside the allowed 1–300. Partner Center would refuse this with error 900275."
        );
        let finding = Finding::line(FindingCode::TermNotOffered, 1)
            .with("termDuration", "P3Y")
            .with("offeredTerms", serde_json::json!(["P1M", "P1Y"]));
        assert_eq!(
            explain_finding(&finding, Locale::SvSe),
            "Perioden 3 år erbjuds inte; välj en av: 1 månad, 1 år."
        );
        // Billing cycles in words; a code without a message as given.
        let finding = Finding::line(FindingCode::BillingCycleNotSupported, 1)
            .with("billingCycle", "one_time")
            .with(
                "supportedBillingCycles",
                serde_json::json!(["monthly", "weekly"]),
            );
        assert_eq!(
            explain_finding(&finding, Locale::EnUs),
            "Billing cycle One-time is not offered; choose one of: Monthly, weekly. Partner Center would refuse this with error 900269."
        );
    }

    #[test]
    fn every_finding_code_has_a_message() {
        all_locales();
        for locale in Locale::ALL {
            let own = keys(locale);
            for code in pc_core::rules::FindingCode::ALL {
                let key = format!("finding-{}", code.as_str());
                assert!(own.contains(&key), "{} lacks {key}", locale.tag());
            }
        }
    }
}
