//! What the package's `support.js` provides (it sits next to the generated `pc_wasm.js`): the
//! `PartnerCenterError` class, which extends `Error` (a class exported from Rust cannot), and the
//! async-iterator protocol around a [`Pages`] cursor.

use std::cell::RefCell;
use std::rc::Rc;

use futures_util::StreamExt as _;
use futures_util::stream::LocalBoxStream;
use js_sys::{Object, Promise, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::to_js;
use crate::types::PartnerCenterErrorDetails;

#[wasm_bindgen(raw_module = "./support.js")]
extern "C" {
    /// `class PartnerCenterError extends Error` of `support.js`.
    #[wasm_bindgen(extends = js_sys::Error)]
    type PartnerCenterError;

    #[wasm_bindgen(constructor)]
    fn new(message: &str, details: &JsValue) -> PartnerCenterError;

    /// `{ next, return, [Symbol.asyncIterator] }` over a cursor; frees it when done.
    #[wasm_bindgen(js_name = pagesIterator)]
    fn pages_iterator(pages: Pages) -> JsValue;
}

/// The JavaScript `PartnerCenterError` for a pc-client error: its message, and `kind`, `status`,
/// `code`, `description`, `requestId`, `correlationId`, … ([`PartnerCenterErrorDetails`]).
pub(crate) fn partner_center_error(error: &pc_client::Error) -> JsValue {
    let details = to_js(&PartnerCenterErrorDetails::of(error)).unwrap_or(JsValue::UNDEFINED);
    PartnerCenterError::new(&error.to_string(), &details).into()
}

/// The items of a collection as JavaScript values, or the error that ended it.
type ItemStream = LocalBoxStream<'static, Result<JsValue, JsValue>>;

/// A cursor over a collection that Partner Center pages: each `next()` resolves to the next
/// item, fetching the next page when the current one is used up. JavaScript sees it only
/// through the async iterator `support.js` wraps around it, which also serializes calls.
#[wasm_bindgen(skip_typescript)]
pub struct Pages {
    /// `None` once the collection is exhausted or failed, or while a page is being fetched.
    stream: Rc<RefCell<Option<ItemStream>>>,
}

#[wasm_bindgen]
impl Pages {
    /// A promise of `{ value, done }`; rejects with the `PartnerCenterError` of a failed page,
    /// after which the iteration is over.
    pub fn next(&self) -> Promise {
        let cell = Rc::clone(&self.stream);
        wasm_bindgen_futures::future_to_promise(async move {
            let taken = cell.borrow_mut().take();
            let Some(mut stream) = taken else {
                return Ok(step(JsValue::UNDEFINED, true));
            };
            match stream.next().await {
                Some(Ok(value)) => {
                    *cell.borrow_mut() = Some(stream);
                    Ok(step(value, false))
                }
                Some(Err(error)) => Err(error),
                None => Ok(step(JsValue::UNDEFINED, true)),
            }
        })
    }
}

/// An iterator result `{ value, done }`.
fn step(value: JsValue, done: bool) -> JsValue {
    let result = Object::new();
    // Setting properties on a fresh plain object cannot fail.
    let _ = Reflect::set(&result, &JsValue::from_str("value"), &value);
    let _ = Reflect::set(
        &result,
        &JsValue::from_str("done"),
        &JsValue::from_bool(done),
    );
    result.into()
}

/// A JavaScript async iterator over the items of a pc-client collection stream.
pub(crate) fn async_iterator<R, S>(stream: S) -> JsValue
where
    R: Serialize + 'static,
    S: futures_util::Stream<Item = Result<R, pc_client::Error>> + 'static,
{
    let stream = stream
        .map(|item| match item {
            Ok(value) => to_js(&value),
            Err(error) => Err(partner_center_error(&error)),
        })
        .boxed_local();
    pages_iterator(Pages {
        stream: Rc::new(RefCell::new(Some(stream))),
    })
}
