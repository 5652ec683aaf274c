//! The portal's pages as one type: every link is built from a [`Page`], so a path is written in
//! one place (here) and matches the routes of [`crate::Shell`]. Model: leptos's
//! `login_with_token_csr_only` example, `Page::path()`.

use leptos::prelude::*;
use pc_client::BillingPeriod;

/// The path the portal's routes live under (`""` standalone; the host page's path when
/// embedded), shared through context.
#[derive(Debug, Clone)]
pub struct RouteBase(pub String);

/// A page of the portal. IDs are Partner Center's (customer tenant ID, order ID, subscription
/// ID, invoice ID), as they appear in its URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page<'a> {
    /// `/`: the sign-in page, or the customers once signed in.
    Home,
    /// `/customers`: the partner's customers.
    Customers,
    /// `/customers/{id}`: a customer's overview.
    Customer(&'a str),
    /// `/customers/{id}/catalog`.
    Catalog(&'a str),
    /// `/customers/{id}/cart`.
    Cart(&'a str),
    /// `/customers/{id}/orders`.
    Orders(&'a str),
    /// `/customers/{customer_id}/orders/{order_id}`.
    Order {
        /// The customer's tenant ID.
        customer_id: &'a str,
        /// The order's ID.
        order_id: &'a str,
    },
    /// `/customers/{id}/subscriptions`.
    Subscriptions(&'a str),
    /// `/customers/{customer_id}/subscriptions/{subscription_id}`.
    Subscription {
        /// The customer's tenant ID.
        customer_id: &'a str,
        /// The subscription's ID.
        subscription_id: &'a str,
    },
    /// `/billing`: balances and invoices.
    Billing,
    /// `/billing/unbilled?[currency=…&]period=…[&order=…]`: the unbilled reconciliation lines
    /// of a currency (ISO 4217 code; without one, the balance's) and period, optionally pointing
    /// out one order's lines.
    Unbilled {
        /// ISO 4217 currency code.
        currency: Option<&'a str>,
        /// The billing period.
        period: BillingPeriod,
        /// The order whose lines are pointed out.
        order: Option<&'a str>,
    },
    /// `/billing/{invoice_id}`.
    Invoice(&'a str),
}

impl Page<'_> {
    /// The page's path within the portal (without the route base), e.g.
    /// `/customers/7c1…/orders`.
    pub fn path(&self) -> String {
        match *self {
            Self::Home => "/".to_owned(),
            Self::Customers => "/customers".to_owned(),
            Self::Customer(id) => format!("/customers/{id}"),
            Self::Catalog(id) => format!("/customers/{id}/catalog"),
            Self::Cart(id) => format!("/customers/{id}/cart"),
            Self::Orders(id) => format!("/customers/{id}/orders"),
            Self::Order {
                customer_id,
                order_id,
            } => format!("/customers/{customer_id}/orders/{order_id}"),
            Self::Subscriptions(id) => format!("/customers/{id}/subscriptions"),
            Self::Subscription {
                customer_id,
                subscription_id,
            } => format!("/customers/{customer_id}/subscriptions/{subscription_id}"),
            Self::Billing => "/billing".to_owned(),
            Self::Unbilled {
                currency,
                period,
                order,
            } => {
                let mut path = "/billing/unbilled?".to_owned();
                if let Some(currency) = currency {
                    path.push_str("currency=");
                    path.push_str(currency);
                    path.push('&');
                }
                path.push_str("period=");
                path.push_str(period.as_str());
                if let Some(order) = order {
                    path.push_str("&order=");
                    path.push_str(order);
                }
                path
            }
            Self::Invoice(id) => format!("/billing/{id}"),
        }
    }

    /// The page as a link target: [`Self::path`] prefixed with the route base in context, so
    /// links also work when the portal is embedded under a host page's path.
    pub fn href(&self) -> String {
        format!("{}{}", base(), self.path())
    }
}

/// The route base in context (`""` standalone). For links built inside reactive closures: read
/// it once when the component is created, then `format!("{base}{}", page.path())`.
pub fn base() -> String {
    use_context::<RouteBase>().map(|b| b.0).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_match_the_routes() {
        assert_eq!(Page::Customers.path(), "/customers");
        assert_eq!(Page::Cart("c1").path(), "/customers/c1/cart");
        assert_eq!(
            Page::Order {
                customer_id: "c1",
                order_id: "o1"
            }
            .path(),
            "/customers/c1/orders/o1"
        );
        assert_eq!(
            Page::Unbilled {
                currency: Some("EUR"),
                period: BillingPeriod::Previous,
                order: Some("o1")
            }
            .path(),
            "/billing/unbilled?currency=EUR&period=previous&order=o1"
        );
        assert_eq!(
            Page::Unbilled {
                currency: None,
                period: BillingPeriod::Current,
                order: None
            }
            .path(),
            "/billing/unbilled?period=current"
        );
    }
}
