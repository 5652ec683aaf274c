//! Compiles the findings' messages of pc-i18n's Fluent files (`crates/i18n/locales/*.ftl`) into
//! a table of text pieces and variables (`findings.rs` in `OUT_DIR`), so `explainFinding` needs
//! no Fluent runtime in the wasm. Only `finding-*` messages are taken, and the billing cycles,
//! terms and segments a finding's parameters are put in words with (`cycle-*`, `term-*`,
//! `segment-*`, see `pc_i18n::explain_finding_with`); they may hold text,
//! `{ $variable }` placeables and selectors on a variable whose variants are named
//! (`{ $kind -> [AzurePlan] … *[other] … }`; findings' parameters reach Fluent as text, so a
//! variant is chosen by its name alone) — anything else (functions, references, number keys)
//! fails the build rather than being rendered differently from Fluent. `tests` compare every
//! message with pc-i18n's Fluent output.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};

/// The messages taken: the findings' and the words of their parameters' codes.
const MESSAGE_PREFIXES: [&str; 4] = ["finding-", "cycle-", "term-", "segment-"];

/// Writes `pattern` as a `&[Piece]` literal.
fn write_pattern(out: &mut String, pattern: &Pattern<&str>, context: &str) -> Result<(), String> {
    out.push_str("&[");
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => {
                write!(out, "Piece::Text({value:?}), ").map_err(|e| e.to_string())?;
            }
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id }),
            } => {
                write!(out, "Piece::Variable({:?}), ", id.name).map_err(|e| e.to_string())?;
            }
            PatternElement::Placeable {
                expression:
                    Expression::Select {
                        selector: InlineExpression::VariableReference { id },
                        variants,
                    },
            } => {
                write!(out, "Piece::Select({:?}, &[", id.name).map_err(|e| e.to_string())?;
                let mut default = None;
                for variant in variants {
                    let VariantKey::Identifier { name } = &variant.key else {
                        return Err(format!(
                            "{context} has a number variant key; teach crates/wasm/build.rs \
                             (and src/findings.rs) to render it"
                        ));
                    };
                    write!(out, "({name:?}, ").map_err(|e| e.to_string())?;
                    write_pattern(out, &variant.value, context)?;
                    out.push_str("), ");
                    if variant.default {
                        default = Some(&variant.value);
                    }
                }
                out.push_str("], ");
                let default = default.ok_or_else(|| format!("{context}: no default variant"))?;
                write_pattern(out, default, context)?;
                out.push_str("), ");
            }
            PatternElement::Placeable { .. } => {
                return Err(format!(
                    "{context} uses a Fluent expression other than a variable or a selector on \
                     one; teach crates/wasm/build.rs (and src/findings.rs) to render it"
                ));
            }
        }
    }
    out.push(']');
    Ok(())
}

fn main() -> Result<(), String> {
    let manifest = env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?;
    let locales = Path::new(&manifest).join("../i18n/locales");
    println!("cargo:rerun-if-changed={}", locales.display());
    let mut files: Vec<_> = fs::read_dir(&locales)
        .map_err(|e| format!("{}: {e}", locales.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
        .collect();
    files.sort();

    let mut out = String::from("&[\n");
    for file in &files {
        let tag = file
            .file_stem()
            .and_then(|stem| stem.to_str())
            .ok_or_else(|| format!("{}: not a locale file name", file.display()))?;
        let text = fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let resource = fluent_syntax::parser::parse(text.as_str())
            .map_err(|(_, errors)| format!("{}: {errors:?}", file.display()))?;
        for entry in &resource.body {
            let Entry::Message(message) = entry else {
                continue;
            };
            let id = message.id.name;
            if !MESSAGE_PREFIXES.iter().any(|p| id.starts_with(p)) {
                continue;
            }
            let Some(pattern) = &message.value else {
                continue;
            };
            write!(out, "    ({tag:?}, {id:?}, ").map_err(|e| e.to_string())?;
            write_pattern(
                &mut out,
                pattern,
                &format!("{}: message {id}", file.display()),
            )?;
            out.push_str("),\n");
        }
    }
    out.push_str("]\n");
    let target = Path::new(&env::var("OUT_DIR").map_err(|e| e.to_string())?).join("findings.rs");
    fs::write(&target, out).map_err(|e| format!("{}: {e}", target.display()))
}
