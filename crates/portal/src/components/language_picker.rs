//! The language picker: switches the locale (and text direction) as soon as the language's text
//! is at hand; a language the build left out is fetched first ([`crate::locales`]).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{self, Locale};
use crate::locales;
use crate::storage::{self, Key};
use crate::{tr, use_locale};

/// A labelled `<select>` of the portal's languages; the choice is remembered. While a language is
/// being fetched the picker is busy; if it cannot be fetched the picker returns to the current
/// language and says so under it, in the current language.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let locale = use_locale();
    let select = NodeRef::<leptos::html::Select>::new();
    let loading = RwSignal::new(false);
    let unavailable = RwSignal::new(None::<Locale>);
    let choose = move |chosen: Locale| {
        locale.set(chosen);
        storage::write_text(Key::Locale, chosen.tag());
    };
    view! {
        <label for="language">{tr("language")}</label>
        <select
            id="language"
            node_ref=select
            aria-busy=move || loading.get().then_some("true")
            aria-describedby=move || unavailable.get().map(|_| "language-unavailable")
            on:change=move |ev| {
                let Some(chosen) = Locale::from_tag(&event_target_value(&ev)) else {
                    return;
                };
                unavailable.set(None);
                if i18n::has_locale(chosen) {
                    choose(chosen);
                    return;
                }
                loading.set(true);
                spawn_local(async move {
                    let loaded = locales::load(chosen).await;
                    loading.set(false);
                    if loaded.is_ok() {
                        choose(chosen);
                    } else {
                        if let Some(select) = select.get_untracked() {
                            select.set_value(locale.get_untracked().tag());
                        }
                        unavailable.set(Some(chosen));
                    }
                });
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
        {move || {
            unavailable
                .get()
                .map(|missing| {
                    view! {
                        <span id="language-unavailable" class="field-error language-unavailable" role="alert">
                            {move || {
                                i18n::t_with(
                                    locale.get(),
                                    "language-unavailable",
                                    &[("language", missing.name().to_owned())],
                                )
                            }}
                        </span>
                    }
                })
        }}
    }
}
