//! TypeScript declarations of the models and the rules contract (feature `ts`), generated from
//! the Rust types with [ts-rs](https://docs.rs/ts-rs): the npm package's `models.d.ts`.
//!
//! The models' serde is hand-written (case-insensitive members, kept unknown members), so
//! [`resource!`](crate::wire) and [`wire_enum!`](crate::wire) implement [`ts_rs::TS`] themselves:
//! a resource becomes an object type whose members are all optional and named as on the wire
//! (`lineItems?: Array<CartLineItem>`); an extensible enum becomes the union of its canonical
//! spellings plus any other string (`"monthly" | "annual" | … | (string & {})`), since Partner
//! Center may send values this version does not know. Money (`Decimal`) is a JSON number.
//! Unknown members a resource keeps are not part of its type.
//!
//! Nothing here is compiled into the wasm: [`Declarations`] runs natively at build time. Which
//! types make up the npm package's contract is decided by its only user, the `pc-wasm-types`
//! binary of pc-wasm.
//!
//! ```
//! let mut declarations = pc_core::ts::Declarations::new();
//! declarations.add::<pc_core::models::Cart>();
//! let text = declarations.finish();
//! assert!(text.contains("export type Cart = {"));
//! assert!(text.contains("lineItems?: Array<CartLineItem>"));
//! ```

use std::any::TypeId;
use std::collections::{BTreeMap, HashSet};
use std::marker::PhantomData;

use rust_decimal::Decimal;
pub use ts_rs::{Config, TS, TypeVisitor};

use crate::wire::{Spelled, WireEnum};

/// How a member type of a resource is written in TypeScript. Implemented for every type a
/// [`resource!`](crate::wire) member can have; unlike [`TS`] it can cover foreign types such
/// as [`Decimal`].
pub trait TsType {
    /// The type as written where it is used, e.g. `Array<CartLineItem>` or `number`.
    fn ts_name(cfg: &Config) -> String;
    /// Visits the named (declared) types it refers to.
    fn visit_ts(_: &mut impl TypeVisitor) {}
}

/// Presents a [`TsType`] as a [`TS`] type, for the members of a resource's derived shadow type.
pub struct TsOf<T: ?Sized>(PhantomData<T>);

impl<T: TsType + 'static + ?Sized> TS for TsOf<T> {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;

    fn name(cfg: &Config) -> String {
        T::ts_name(cfg)
    }

    fn inline(cfg: &Config) -> String {
        T::ts_name(cfg)
    }

    fn visit_dependencies(v: &mut impl TypeVisitor) {
        T::visit_ts(v);
    }

    fn visit_generics(v: &mut impl TypeVisitor) {
        T::visit_ts(v);
    }
}

/// [`TsType`] for types that are themselves declared ([`TS`] with an output path): used by
/// name, and visited so their declaration is emitted.
macro_rules! ts_named {
    ($($ty:ty),* $(,)?) => {$(
        impl $crate::ts::TsType for $ty {
            fn ts_name(cfg: &$crate::ts::Config) -> String {
                <$ty as $crate::ts::TS>::name(cfg)
            }
            fn visit_ts(v: &mut impl $crate::ts::TypeVisitor) {
                v.visit::<$ty>();
            }
        }
    )*};
}
pub(crate) use ts_named;

/// [`TsType`] for primitives, as ts-rs writes them (`i64` honours [`Config::with_large_int`]).
macro_rules! ts_primitive {
    ($($ty:ty),*) => {$(
        impl TsType for $ty {
            fn ts_name(cfg: &Config) -> String {
                <$ty as TS>::name(cfg)
            }
        }
    )*};
}
ts_primitive!(String, bool, i64, f64);

impl TsType for Decimal {
    fn ts_name(_: &Config) -> String {
        // `rust_decimal` with `serde-float`: written as a JSON number, read from a number or a
        // numeric string.
        "number".to_owned()
    }
}

impl TsType for serde_json::Value {
    fn ts_name(_: &Config) -> String {
        "unknown".to_owned()
    }
}

impl TsType for serde_json::Map<String, serde_json::Value> {
    fn ts_name(_: &Config) -> String {
        "Record<string, unknown>".to_owned()
    }
}

impl<T: TsType + 'static> TsType for Vec<T> {
    fn ts_name(cfg: &Config) -> String {
        format!("Array<{}>", T::ts_name(cfg))
    }
    fn visit_ts(v: &mut impl TypeVisitor) {
        T::visit_ts(v);
    }
}

impl<T: TsType + 'static> TsType for Box<T> {
    fn ts_name(cfg: &Config) -> String {
        T::ts_name(cfg)
    }
    fn visit_ts(v: &mut impl TypeVisitor) {
        T::visit_ts(v);
    }
}

impl<V: TsType + 'static> TsType for BTreeMap<String, V> {
    fn ts_name(cfg: &Config) -> String {
        format!("Record<string, {}>", V::ts_name(cfg))
    }
    fn visit_ts(v: &mut impl TypeVisitor) {
        V::visit_ts(v);
    }
}

/// A value kept with the spelling it arrived in is typed as its enum.
impl<E: WireEnum + TS + 'static> TsType for Spelled<E> {
    fn ts_name(cfg: &Config) -> String {
        E::name(cfg)
    }
    fn visit_ts(v: &mut impl TypeVisitor) {
        v.visit::<E>();
    }
}

/// Collects the declarations of types and everything they refer to, each once, in the order
/// first reached: the text of one `.d.ts` file (`export type X = …;` with JSDoc from the Rust
/// doc comments).
pub struct Declarations {
    cfg: Config,
    seen: HashSet<TypeId>,
    out: Vec<String>,
}

impl Default for Declarations {
    fn default() -> Self {
        Self::new()
    }
}

impl Declarations {
    /// An empty set, with 64-bit integers written as `number` (JSON numbers are what
    /// `JSON.parse` yields; Partner Center's integers fit in 2^53).
    pub fn new() -> Self {
        Self {
            cfg: Config::new().with_large_int("number"),
            seen: HashSet::new(),
            out: Vec::new(),
        }
    }

    /// Adds `T` (when it is declared, not a primitive or a wrapper) and every type it refers to.
    pub fn add<T: TS + 'static + ?Sized>(&mut self) -> &mut Self {
        self.visit::<T>();
        self
    }

    /// The declarations, one after another.
    pub fn finish(&self) -> String {
        self.out.join("\n")
    }
}

impl TypeVisitor for Declarations {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        if T::output_path().is_some() {
            let mut text = T::docs().unwrap_or_default();
            text.push_str("export ");
            text.push_str(&T::decl(&self.cfg));
            text.push('\n');
            self.out.push(text);
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules contract and what it refers to (dependencies are declared with it).
    fn contract() -> String {
        use crate::rules::{CheckCartInput, Validation};
        let mut declarations = Declarations::new();
        declarations.add::<CheckCartInput>().add::<Validation>();
        declarations.finish()
    }

    fn declaration<'a>(text: &'a str, name: &str) -> &'a str {
        let start = text
            .find(&format!("export type {name} = "))
            .unwrap_or_else(|| panic!("no declaration of {name}"));
        let rest = &text[start..];
        // The declaration ends at the first `;` closing a line outside the doc comments (field
        // docs may end a line with `;` too).
        let mut in_comment = false;
        let mut end = rest.len();
        let mut offset = 0;
        for line in rest.split_inclusive('\n') {
            let code = line.trim();
            if code.starts_with("/**") {
                in_comment = true;
            }
            if !in_comment && code.ends_with(';') {
                end = offset + line.trim_end().len();
                break;
            }
            if code.ends_with("*/") {
                in_comment = false;
            }
            offset += line.len();
        }
        &rest[..end]
    }

    #[test]
    fn resources_have_wire_names_all_optional() {
        let text = contract();
        let cart = declaration(&text, "Cart");
        assert!(cart.contains("lineItems?: Array<CartLineItem>"), "{cart}");
        assert!(cart.contains("expirationTimestamp?: Timestamp"), "{cart}");
        assert!(!cart.contains("extra"), "{cart}");
        let line = declaration(&text, "CartLineItem");
        assert!(line.contains("quantity?: number"), "{line}");
        assert!(line.contains("billingCycle?: BillingCycle"), "{line}");
        assert!(line.contains("catalogItemId?: CatalogItemId"), "{line}");
        let pricing = declaration(&text, "Pricing");
        assert!(pricing.contains("listPrice?: number"), "{pricing}");
    }

    #[test]
    fn enums_list_canonical_spellings_and_stay_open() {
        let text = contract();
        let cycle = declaration(&text, "BillingCycle");
        assert!(cycle.contains("\"monthly\" | \"annual\""), "{cycle}");
        assert!(cycle.contains("(string & {})"), "{cycle}");
        let code = declaration(&text, "FindingCode");
        assert!(code.contains("\"CartEmpty\""), "{code}");
        assert!(!code.contains("string &"), "{code}");
    }

    #[test]
    fn the_rules_contract_is_declared() {
        let text = contract();
        let input = declaration(&text, "CheckCartInput");
        assert!(input.contains("cart: Cart"), "{input}");
        assert!(input.contains("context: PurchaseContext"), "{input}");
        let context = declaration(&text, "PurchaseContext");
        assert!(context.contains("now: string"), "{context}");
        assert!(
            context.contains("catalog?: Array<Availability>"),
            "{context}"
        );
        let finding = declaration(&text, "Finding");
        assert!(finding.contains("lineItemId: number | null"), "{finding}");
        assert!(
            finding.contains("params: Record<string, unknown>"),
            "{finding}"
        );
        let validation = declaration(&text, "Validation");
        assert!(
            validation.contains("orderGroups: Array<OrderGroup>"),
            "{validation}"
        );
        // Every type referred to is declared.
        for name in [
            "OrderGroup",
            "Segment",
            "Availability",
            "Product",
            "Timestamp",
        ] {
            declaration(&text, name);
        }
    }

    #[test]
    fn each_type_is_declared_once_with_its_docs() {
        let text = contract();
        assert_eq!(text.matches("export type Cart = ").count(), 1);
        let start = text.find("export type Cart = ").unwrap_or_default();
        assert!(
            text[..start].trim_end().ends_with("*/"),
            "Cart has no JSDoc"
        );
    }
}
