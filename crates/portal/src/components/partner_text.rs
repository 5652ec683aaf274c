//! Text that comes from Partner Center (a product's or SKU's description) as it gave it, never
//! translated by us, but introduced in the user's language: "Microsoft's description:" and,
//! when the text is plainly English (ASCII only) and the user reads another language, "(in
//! English)" with the text marked `lang="en"` so that a screen reader pronounces it right.

use leptos::prelude::*;

use crate::i18n::Locale;
use crate::{tr, use_locale};

/// Partner Center's `text` with its source named; nothing when the text is empty.
#[component]
pub fn PartnerCenterText(
    /// The text as Partner Center gave it.
    text: String,
    /// The paragraph's CSS class.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    let text = text.trim().to_owned();
    if text.is_empty() {
        return ().into_any();
    }
    let english = text.is_ascii();
    let foreign = move || english && locale.get() != Locale::EnUs;
    view! {
        <p class=format!("partner-text {class}")>
            <span class="source">{tr("partner-text-source")}</span>
            {move || foreign().then(|| view! { " " <span class="source">{tr("partner-text-english")}</span> })}
            " "
            <span lang=move || foreign().then_some("en") dir=move || foreign().then_some("ltr")>{text}</span>
        </p>
    }
    .into_any()
}
