//! The partner's settings as the purchase rules use them: country and billing currency (from
//! Partner Center, read by the gateway), and the perpetual-software qualification, which no
//! Partner Center API tells: an Admin agent confirms it once (kept by the gateway per partner);
//! everyone else sees it read-only.

use leptos::prelude::*;

use crate::i18n::{Locale, t, t_with};
use crate::session::{PartnerUpdateError, update_qualification, use_session};
use crate::{Localized, told, tr, use_locale};

/// The partner panel (standalone portal only; nothing when embedded).
#[component]
pub fn PartnerPanel() -> impl IntoView {
    let session = use_session();
    let locale = use_locale();
    let status = RwSignal::new(None::<Localized>);
    let save = Action::new_local(move |qualified: &bool| {
        let qualified = *qualified;
        async move {
            match update_qualification(qualified).await {
                Ok(partner) => {
                    session.set_partner(partner);
                    status.set(Some(Localized::key("partner-saved")));
                }
                Err(error) => {
                    status.set(Some(Localized::new(move |locale| refusal(&error, locale))));
                    // The box shows the kept state again.
                    session.partner.update(|_| {});
                }
            }
        }
    });
    let can_confirm = move || {
        session
            .account
            .with(|a| a.as_ref().is_some_and(|a| a.can_confirm_qualification))
    };
    let qualified = move || {
        session
            .partner
            .with(|p| p.as_ref().is_some_and(|p| p.perpetual_software_qualified))
    };
    move || {
        let partner = session.partner.get()?;
        session.account.with(Option::is_some).then(|| view! {
            <section class="partner" aria-labelledby="partner-title">
                <h2 id="partner-title">{tr("partner-title")}</h2>
                <p>{move || t_with(locale.get(), "sign-in-partner", &[("country", partner.country.clone()), ("currency", partner.billing_currency.clone())])}</p>
                <Show
                    when=can_confirm
                    fallback=move || view! {
                        <p>{move || if qualified() { tr("partner-qualified")() } else { tr("partner-not-qualified")() }}</p>
                    }
                >
                    <span class="check">
                        <input
                            id="qualified"
                            type="checkbox"
                            prop:checked=qualified
                            disabled=move || save.pending().get()
                            on:change=move |ev| {
                                status.set(None);
                                save.dispatch(event_target_checked(&ev));
                            }
                        />
                        <label for="qualified">{tr("sign-in-qualified")}</label>
                    </span>
                    <p class="muted">{tr("partner-qualified-help")}</p>
                </Show>
                <p aria-live="polite">{told(status)}</p>
            </section>
        })
    }
}

/// A refused or failed settings change in plain words.
fn refusal(error: &PartnerUpdateError, locale: Locale) -> String {
    match error {
        PartnerUpdateError::Refused {
            status: 403,
            description,
            ..
        } => format!("{} {description}", t(locale, "partner-admin-only")),
        PartnerUpdateError::Refused {
            status,
            description,
            ..
        } => t_with(
            locale,
            "partner-save-failed",
            &[("reason", format!("HTTP {status}: {description}"))],
        ),
        PartnerUpdateError::Failed(reason) => {
            t_with(locale, "partner-save-failed", &[("reason", reason.clone())])
        }
    }
}
