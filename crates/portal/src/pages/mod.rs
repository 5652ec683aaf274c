//! One file per route.

pub mod billing;
pub mod cart;
pub mod catalog;
pub mod customer;
pub mod customers;
pub mod invoice;
#[cfg(feature = "split")]
pub mod lazy;
pub mod not_found;
pub mod order;
pub mod orders;
pub mod sign_in;
pub mod subscription;
pub mod subscriptions;
pub mod unbilled;
