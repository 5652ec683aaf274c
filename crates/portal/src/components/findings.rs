//! Findings of the purchase rules, in plain words, with the Partner Center error each prevents.

use leptos::prelude::*;
use pc_core::rules::{Finding, Severity};

use crate::i18n::explain_finding;
use crate::use_locale;

/// A list of findings (nothing when there are none). `action`, when given, is asked for each
/// finding and may put a control next to it (e.g. "Register" beside `SubscriptionNotRegistered`);
/// returning `None` leaves the finding as plain text.
#[component]
pub fn FindingList(
    /// The findings to show.
    #[prop(into)]
    findings: Signal<Vec<Finding>>,
    /// What to offer next to a finding (none by default).
    #[prop(optional, into)]
    action: Option<Callback<Finding, Option<AnyView>>>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <Show when=move || !findings.with(Vec::is_empty)>
            <ul class="findings">
                {move || findings.get().into_iter().map(|f| {
                    let class = if f.severity == Severity::Error { "finding error" } else { "finding warning" };
                    let text = explain_finding(&f, locale.get());
                    let code = f.code.as_str();
                    let extra = action.and_then(|a| a.run(f));
                    view! { <li class=class data-code=code>{text}{extra.map(|v| view! { " " <span class="finding-action">{v}</span> })}</li> }
                }).collect_view()}
            </ul>
        </Show>
    }
}
