//! Evaluating a query over a library: which rounds match, in which order.
//!
//! A full filter walks the order precomputed in the index, so it never sorts; filtering a
//! previous result sorts only when that result was in another order. Testing a round
//! allocates nothing.

use super::{Query, Sort};
use crate::dataset::Library;

/// Indices of the rounds matching `query`, sorted.
pub fn filter(lib: &Library, query: &Query, sort: Sort) -> Vec<usize> {
    let keep = |&i: &usize| lib.index.rounds.get(i).is_some_and(|k| query.matches(k));
    match sort.order(lib) {
        (order, false) => order.iter().copied().filter(keep).collect(),
        (order, true) => order.iter().rev().copied().filter(keep).collect(),
    }
}

/// Like [`filter`], but only looks at `candidates` (a previous result, in any order);
/// used for live filtering when [`super::narrows`] says the new query is narrower.
/// Indices that are not rounds of `lib` are dropped rather than trusted.
pub fn filter_within(lib: &Library, query: &Query, candidates: &[usize], sort: Sort) -> Vec<usize> {
    let keep = |&i: &usize| lib.index.rounds.get(i).is_some_and(|k| query.matches(k));
    let mut out: Vec<usize> = candidates.iter().copied().filter(keep).collect();
    // The previous result is usually in the wanted order already; checking is linear.
    if !out.is_sorted_by(|&a, &b| sort.compare(lib, a, b).is_le()) {
        out.sort_unstable_by(|&a, &b| sort.compare(lib, a, b));
    }
    out
}
