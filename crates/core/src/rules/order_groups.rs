//! The order-group preview: which orders a cart becomes.
//!
//! Partner Center assigns each cart line's `orderGroup` itself and only documents it as "a group
//! to indicate which items can be submitted together in the same order" (*Cart resources*); the
//! rule below is what the documented examples of *Create a cart*, *Create a cart with add-ons* and
//! *Checkout a cart* show.
//!
//! One group per (purchase system, billing cycle). Legacy lines (catalogItemId without `:`) get
//! `OMS-0`, `OMS-1`…; modern lines `0`, `1`…, numbered in order of first appearance. Trial lines
//! count as billing cycle `none`. Every line is in exactly one group.

use serde::{Deserialize, Serialize};

use crate::enums::BillingCycle;
use crate::rules::Line;

/// One predicted order: `{ orderGroup, billingCycle, lineItemIds }`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OrderGroup {
    /// The `orderGroup` Partner Center will assign (`"0"`, `"OMS-0"`).
    pub order_group: String,
    /// The order's billing cycle (`null` when the lines name none).
    pub billing_cycle: Option<BillingCycle>,
    /// The lines in it, by `lineItemId`.
    pub line_item_ids: Vec<i64>,
}

/// Groups resolved lines into orders.
pub(crate) fn preview(lines: &[Line<'_>]) -> Vec<OrderGroup> {
    let mut groups: Vec<(bool, OrderGroup)> = Vec::new();
    let (mut legacy_count, mut modern_count) = (0_usize, 0_usize);
    for line in lines {
        let legacy = line
            .item
            .catalog_item_id
            .as_ref()
            .is_none_or(|id| id.is_legacy());
        let cycle = effective_cycle(line);
        if let Some((_, group)) = groups
            .iter_mut()
            .find(|(l, g)| *l == legacy && g.billing_cycle == cycle)
        {
            group.line_item_ids.push(line.id);
            continue;
        }
        let name = if legacy {
            legacy_count += 1;
            format!("OMS-{}", legacy_count - 1)
        } else {
            modern_count += 1;
            (modern_count - 1).to_string()
        };
        groups.push((
            legacy,
            OrderGroup {
                order_group: name,
                billing_cycle: cycle,
                line_item_ids: vec![line.id],
            },
        ));
    }
    groups.into_iter().map(|(_, group)| group).collect()
}

fn effective_cycle(line: &Line<'_>) -> Option<BillingCycle> {
    let trial = line
        .availability
        .and_then(|a| a.sku.as_ref())
        .and_then(|s| s.is_trial)
        == Some(true);
    if trial {
        return Some(BillingCycle::None);
    }
    line.item.billing_cycle.as_ref().map(|c| c.value().clone())
}
