//! Collection envelopes and paging (Partner Center: the `ResourceCollection` resource and *Get
//! invoice line items* for seek paging): `links.self` always, `links.next` only when another page
//! exists — by `offset` for offset-paged resources, or by an `MS-ContinuationToken` header for
//! seek-based ones (OneTime invoice line items).

use pc_core::models::{Attributes, Collection, Link, LinkHeader, Links};
use serde::Deserialize;

use crate::error::AppError;

/// Largest page any collection returns (Partner Center's documented maximum for line items).
pub(crate) const MAX_PAGE_SIZE: usize = 2000;

/// A GET link to `uri` (relative, without `/v1`).
pub(crate) fn link(uri: impl Into<String>) -> Link {
    Link {
        uri: Some(uri.into()),
        method: Some("GET".to_owned()),
        headers: Some(Vec::new()),
        ..Link::default()
    }
}

/// A `links` object of GET links: `[("self", uri), …]`.
pub(crate) fn links<const N: usize>(entries: [(&str, String); N]) -> Links {
    entries
        .into_iter()
        .map(|(name, uri)| (name.to_owned(), link(uri)))
        .collect()
}

/// `{ "self": link(uri) }`.
pub(crate) fn self_links(uri: impl Into<String>) -> Links {
    Links::from([("self".to_owned(), link(uri))])
}

/// `{ "objectType": object_type }`.
pub(crate) fn attributes(object_type: &str) -> Attributes {
    Attributes {
        object_type: Some(object_type.to_owned()),
        ..Attributes::default()
    }
}

/// `size` and `offset` query parameters.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct PageQuery {
    /// Page size (1–2000).
    pub(crate) size: Option<String>,
    /// Items to skip.
    pub(crate) offset: Option<String>,
}

impl PageQuery {
    /// `(offset, size)` with `size` defaulting to `default_size`.
    ///
    /// # Errors
    /// 400 `800002` when either is not a whole number or `size` is not from 1 to
    /// [`MAX_PAGE_SIZE`].
    pub(crate) fn resolve(&self, default_size: usize) -> Result<(usize, usize), AppError> {
        let size = match self.size.as_deref().map(str::trim) {
            None | Some("") => default_size,
            Some(text) => text
                .parse::<usize>()
                .ok()
                .filter(|s| (1..=MAX_PAGE_SIZE).contains(s))
                .ok_or_else(|| {
                    AppError::invalid_input(format!(
                        "size must be a whole number from 1 to {MAX_PAGE_SIZE}, not '{text}'."
                    ))
                })?,
        };
        let offset = parse_offset(self.offset.as_deref())?;
        Ok((offset, size))
    }
}

fn parse_offset(text: Option<&str>) -> Result<usize, AppError> {
    match text.map(str::trim) {
        None | Some("") => Ok(0),
        Some(text) => text.parse::<usize>().map_err(|_| {
            AppError::invalid_input(format!("offset must be a whole number, not '{text}'."))
        }),
    }
}

/// How the next page is addressed.
#[derive(Clone, Copy)]
pub(crate) enum Next<'a> {
    /// Offset paging: `next` is `{base}{sep}size=N&offset=M`.
    Offset(&'a str),
    /// Seek paging: `next` is `uri` with header `MS-ContinuationToken`, and the envelope carries
    /// `continuationToken`.
    Seek(&'a str),
}

/// Continuation token for the page starting at `offset` (opaque to callers).
pub(crate) fn continuation_token(offset: usize) -> String {
    format!("pcs-{offset}")
}

/// The offset the request's `MS-ContinuationToken` header names; `None` without one (an empty
/// or blank header is no token).
///
/// # Errors
/// 400 `800002` for a token this server did not issue.
pub(crate) fn continuation_offset(
    headers: &axum::http::HeaderMap,
) -> Result<Option<usize>, AppError> {
    let token = headers
        .get("ms-continuationtoken")
        .map(|v| v.to_str().map(str::trim));
    match token {
        None | Some(Ok("")) => Ok(None),
        Some(Ok(token)) => offset_of_token(token).map(Some),
        Some(Err(_)) => Err(AppError::invalid_input(
            "MS-ContinuationToken is not valid; start from the first page.",
        )),
    }
}

/// The offset a continuation token names.
///
/// # Errors
/// 400 `800002` when the token is not one this server issued.
pub(crate) fn offset_of_token(token: &str) -> Result<usize, AppError> {
    token
        .trim()
        .strip_prefix("pcs-")
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| {
            AppError::invalid_input("MS-ContinuationToken is not valid; start from the first page.")
        })
}

/// One page of `all` (from `offset`, at most `size` items), in the collection envelope.
/// `totalCount` is the number of items on this page, as the SDK computes it.
pub(crate) fn page<T>(
    all: Vec<T>,
    offset: usize,
    size: usize,
    self_uri: &str,
    next: Next<'_>,
) -> Collection<T> {
    let total = all.len();
    let items: Vec<T> = all.into_iter().skip(offset).take(size).collect();
    let end = offset.saturating_add(items.len());
    let mut collection = Collection::new(items);
    let mut links = self_links(self_uri);
    if end < total {
        match next {
            Next::Offset(base) => {
                let sep = if base.contains('?') { '&' } else { '?' };
                links.insert(
                    "next".to_owned(),
                    link(format!("{base}{sep}size={size}&offset={end}")),
                );
            }
            Next::Seek(uri) => {
                let token = continuation_token(end);
                let mut next = link(uri);
                next.headers = Some(vec![LinkHeader {
                    key: Some("MS-ContinuationToken".to_owned()),
                    value: Some(token.clone()),
                    ..LinkHeader::default()
                }]);
                links.insert("next".to_owned(), next);
                collection.continuation_token = Some(token);
            }
        }
    }
    if offset > 0
        && let Next::Offset(base) = next
    {
        let sep = if base.contains('?') { '&' } else { '?' };
        let previous = offset.saturating_sub(size);
        links.insert(
            "previous".to_owned(),
            link(format!("{base}{sep}size={size}&offset={previous}")),
        );
    }
    collection.links = Some(links);
    collection
}

/// A one-page collection (no paging) with `links.self`.
pub(crate) fn all<T>(items: Vec<T>, self_uri: &str) -> Collection<T> {
    let mut collection = Collection::new(items);
    collection.links = Some(self_links(self_uri));
    collection
}
