//! The framework's floor for the portal's first page: what Leptos 0.8 with its router costs
//! before any of the portal's own code (no translations, no Partner Center client, no retries,
//! no models but one three-member struct). `cargo xtask size --floors` builds and measures it.

use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;
use serde::Deserialize;

/// A customer as the list shows it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Customer {
    id: String,
    company_name: String,
    domain: Option<String>,
}

/// Partner Center's collection envelope, items only.
#[derive(Debug, Deserialize)]
struct Collection {
    items: Vec<Customer>,
}

async fn customers() -> Result<Vec<Customer>, String> {
    let response = gloo_net::http::Request::get("/v1/customers")
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let page: Collection = response.json().await.map_err(|e| e.to_string())?;
    Ok(page.items)
}

#[component]
fn SignIn() -> impl IntoView {
    let user = RwSignal::new(String::new());
    view! {
        <h1>"Sign in"</h1>
        <form on:submit=move |ev| ev.prevent_default()>
            <label>"User" <input prop:value=user on:input=move |ev| user.set(event_target_value(&ev))/></label>
            <button>"Sign in"</button>
        </form>
    }
}

#[component]
fn Customers() -> impl IntoView {
    let list = LocalResource::new(customers);
    let filter = RwSignal::new(String::new());
    view! {
        <h1>"Customers"</h1>
        <input type="search" prop:value=filter on:input=move |ev| filter.set(event_target_value(&ev))/>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || list.get().map(|result| match result {
                Ok(items) => view! {
                    <table><tbody>
                        <For
                            each=move || items.clone().into_iter().filter(move |c| c.company_name.contains(&filter.get()))
                            key=|c| c.id.clone()
                            let:c
                        >
                            <tr>
                                <td><A href=format!("/customers/{}", c.id)>{c.company_name.clone()}</A></td>
                                <td>{c.domain.clone()}</td>
                            </tr>
                        </For>
                    </tbody></table>
                }.into_any(),
                Err(message) => view! { <p role="alert">{message}</p> }.into_any(),
            })}
        </Suspense>
    }
}

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <nav><A href="/">"Customers"</A> <A href="/sign-in">"Sign in"</A></nav>
                <main>
                    <Routes fallback=|| "Not found">
                        <Route path=path!("/") view=Customers/>
                        <Route path=path!("/sign-in") view=SignIn/>
                    </Routes>
                </main>
            </Router>
        }
    });
}
