//! The language picker: switches the locale (and text direction) at once.

use leptos::prelude::*;

use crate::i18n::Locale;
use crate::storage::{self, Key};
use crate::{tr, use_locale};

/// A labelled `<select>` of the portal's languages; the choice is remembered.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let locale = use_locale();
    view! {
        <label for="language">{tr("language")}</label>
        <select
            id="language"
            on:change=move |ev| {
                if let Some(chosen) = Locale::from_tag(&event_target_value(&ev)) {
                    locale.set(chosen);
                    storage::write_text(Key::Locale, chosen.tag());
                }
            }
        >
            {Locale::ALL
                .into_iter()
                .map(|l| {
                    view! {
                        <option value=l.tag() lang=l.tag() selected=move || locale.get() == l>
                            {l.name()}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}
