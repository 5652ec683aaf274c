//! A quantity field: a whole number typed as text (so "abc", "5.5", "1e3" and an empty box are
//! seen and refused, never read as 0), the reason shown next to it in the user's language and
//! tied to it with `aria-invalid` and `aria-describedby`. ArrowUp and ArrowDown step by one, as
//! a number field does. Reading the text is pc-core's [`read_quantity`]; the SKU's limits are
//! pc-core's quantity rule (the caller passes its finding).

use leptos::prelude::*;
use pc_core::rules::{Finding, QuantityInputError, read_quantity};

use crate::i18n::{Locale, explain_finding, t, t_with};

/// Why `text` is not a quantity, in words; `None` when it is a whole number (its limits are the
/// rules' to check).
pub fn input_problem(text: &str, locale: Locale) -> Option<String> {
    match read_quantity(text) {
        Ok(_) => None,
        Err(QuantityInputError::Empty) => Some(t(locale, "quantity-empty")),
        Err(QuantityInputError::NotWholeNumber) => Some(t_with(
            locale,
            "quantity-not-whole",
            &[("text", text.trim().to_owned())],
        )),
    }
}

/// What is wrong with a typed quantity: the text's problem ([`input_problem`]), else the rules'
/// findings about the quantity (e.g. `QuantityOutOfRange` with the SKU's limits) in words.
pub fn problem(text: &str, findings: &[Finding], locale: Locale) -> Option<String> {
    input_problem(text, locale).or_else(|| {
        let words: Vec<String> = findings
            .iter()
            .map(|f| explain_finding(f, locale))
            .collect();
        (!words.is_empty()).then(|| words.join(" "))
    })
}

/// The quantity box with its label and, below it, the reason it is refused.
#[component]
pub fn QuantityInput(
    /// The input's `id` (the reason's is `{id}-problem`).
    id: String,
    /// The label's text.
    #[prop(into)]
    label: Signal<String>,
    /// The text as typed.
    text: RwSignal<String>,
    /// Why the quantity is refused, in words; `None` when it is fine.
    #[prop(into)]
    problem: Signal<Option<String>>,
    /// Further elements describing the field (`id`s, space-separated), e.g. a help text.
    #[prop(optional, into)]
    described_by: Option<String>,
    /// Whether the field is disabled.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// The lowest value ArrowDown steps to.
    #[prop(optional)]
    minimum: Option<i64>,
    /// Called with the text after each edit (typing or stepping).
    #[prop(optional, into)]
    on_edit: Option<Callback<String>>,
) -> impl IntoView {
    let problem_id = format!("{id}-problem");
    let described = match described_by {
        Some(more) if !more.trim().is_empty() => format!("{problem_id} {more}"),
        _ => problem_id.clone(),
    };
    let edit = move |value: String| {
        text.set(value.clone());
        if let Some(callback) = on_edit {
            callback.run(value);
        }
    };
    let step = move |by: i64| {
        let current = text.with_untracked(|t| read_quantity(t).ok());
        let floor = minimum.unwrap_or(0);
        let next = current
            .map_or(floor.max(1), |q| q.saturating_add(by))
            .max(floor);
        edit(next.to_string());
    };
    view! {
        <span class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <input id=id type="text" inputmode="numeric" autocomplete="off" size="6"
                aria-invalid=move || if problem.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=described
                disabled=move || disabled.get()
                prop:value=move || text.get()
                on:input=move |ev| edit(event_target_value(&ev))
                on:keydown=move |ev| match ev.key().as_str() {
                    "ArrowUp" => { ev.prevent_default(); step(1); }
                    "ArrowDown" => { ev.prevent_default(); step(-1); }
                    _ => {}
                }/>
            <span id=problem_id class="field-error" aria-live="polite">{move || problem.get()}</span>
        </span>
    }
}
