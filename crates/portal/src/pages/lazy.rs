//! The pages as lazy routes (feature `split`): each page's code is split out of the main wasm by
//! `cargo xtask build-portal` (wasm-split) and fetched the first time the page is opened.
//!
//! Not split: the pages a visit starts on — sign-in, the customers list (where sign-in lands)
//! and the 404 page; and the customer layout, the parent of every customer page. Making the
//! layout lazy took another 43 KB off the first page, but every customer page then needed
//! about 50 more files (124 for the cart), each a request. Instead its loader,
//! `customer::load_customer`, is a lazy function: the decoders of every resource a customer has
//! (30 KB brotli) come with the first customer page.
//!
//! The customers list was measured both ways (README, "Size"): lazy, it made the first page
//! 24 KB heavier in all and 38 requests longer (its code shares small pieces with every other
//! page, and each piece became a file of its own), and its first heading came later.
//!
//! Each page is a unit type whose [`LazyRoute::view`] renders the page's component; the
//! component starts its own reads, so `data()` is empty (the component's reads begin as soon as
//! its chunk has loaded). Without the feature (the Chromium component tests, the npm package's
//! `mountPortal`) [`crate::Shell`] routes to the components directly.

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

use super::{
    billing, cart, catalog, customer, invoice, order, orders, subscription, subscriptions, unbilled,
};

/// One lazy route per page: `Type => component`.
macro_rules! lazy_pages {
    ($($(#[$doc:meta])* $route:ident => $page:path;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(_this: Self) -> AnyView {
                $page().into_any()
            }
        }
    )*};
}

lazy_pages! {
    /// `/customers/:customer_id`
    CustomerPanel => customer::CustomerPanel;
    /// `/customers/:customer_id/catalog`
    Catalog => catalog::Catalog;
    /// `/customers/:customer_id/cart`
    Cart => cart::CartPage;
    /// `/customers/:customer_id/orders`
    Orders => orders::Orders;
    /// `/customers/:customer_id/orders/:order_id`
    Order => order::OrderDetail;
    /// `/customers/:customer_id/subscriptions`
    Subscriptions => subscriptions::Subscriptions;
    /// `/customers/:customer_id/subscriptions/:subscription_id`
    Subscription => subscription::SubscriptionDetail;
    /// `/billing`
    Billing => billing::Billing;
    /// `/billing/unbilled`
    Unbilled => unbilled::Unbilled;
    /// `/billing/:invoice_id`
    Invoice => invoice::InvoiceDetail;
}
