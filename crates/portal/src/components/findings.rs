//! Findings of the purchase rules, in plain words, with the Partner Center error each prevents.

use leptos::prelude::*;
use pc_core::rules::{Finding, Severity};

use crate::i18n::explain_finding;
use crate::use_locale;

/// A list of findings (nothing when there are none).
#[component]
pub fn FindingList(
    /// The findings to show.
    #[prop(into)]
    findings: Signal<Vec<Finding>>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <Show when=move || !findings.with(Vec::is_empty)>
            <ul class="findings">
                {move || findings.get().into_iter().map(|f| {
                    let class = if f.severity == Severity::Error { "finding error" } else { "finding warning" };
                    view! { <li class=class data-code=f.code.as_str()>{explain_finding(&f, locale.get())}</li> }
                }).collect_view()}
            </ul>
        </Show>
    }
}
