//! Evaluating a query over a library: which rounds match, in which order.
//!
//! A full filter walks the order precomputed in the index, so it never sorts; filtering a
//! previous result sorts only when that result was in another order. Testing a round
//! allocates nothing. Large inputs are split across the machine's cores: each part keeps
//! its order and the parts are joined in sequence, so the result is the same as a single
//! pass.

use super::{Query, Sort};
use crate::dataset::Library;

/// Below this many rounds a second thread costs more than it saves.
const PARALLEL_FROM: usize = 20_000;

/// Indices of the rounds matching `query`, sorted.
pub fn filter(lib: &Library, query: &Query, sort: Sort) -> Vec<usize> {
    match sort.order(lib) {
        (order, false) => matching(lib, query, order),
        (order, true) => {
            let mut out = matching(lib, query, order);
            out.reverse();
            out
        }
    }
}

/// The milestones (in date order) whose date, parties, title, kind or summary satisfy the
/// query; a term on a field milestones do not have (`venue:`, `status:` …) matches none.
pub fn filter_milestones(lib: &Library, query: &Query) -> Vec<usize> {
    lib.milestones()
        .iter()
        .copied()
        .filter(|&m| lib.milestone_keys(m).is_some_and(|k| query.matches(&k)))
        .collect()
}

/// Like [`filter`], but only looks at `candidates` (a previous result, in any order);
/// used for live filtering when [`super::narrows`] says the new query is narrower.
/// Indices that are not rounds of `lib` are dropped rather than trusted.
pub fn filter_within(lib: &Library, query: &Query, candidates: &[usize], sort: Sort) -> Vec<usize> {
    let mut out = matching(lib, query, candidates);
    // The previous result is usually in the wanted order already; checking is linear.
    if !out.is_sorted_by(|&a, &b| sort.compare(lib, a, b).is_le()) {
        out.sort_unstable_by(|&a, &b| sort.compare(lib, a, b));
    }
    out
}

/// The indices in `ids` whose round matches, in the order of `ids`.
fn matching(lib: &Library, query: &Query, ids: &[usize]) -> Vec<usize> {
    let prepared = query.prepare(lib);
    let prepared = prepared.as_slice();
    let keep = |&i: &usize| lib.keys(i).is_some_and(|k| query.matches_prepared(&k, i, prepared));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if ids.len() < PARALLEL_FROM || threads < 2 {
        return ids.iter().copied().filter(keep).collect();
    }
    let part = ids.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = ids
            .chunks(part)
            .map(|chunk| scope.spawn(move || chunk.iter().copied().filter(keep).collect::<Vec<_>>()))
            .collect();
        // Matching does not panic on any input the fuzzers found; if a worker ever does, the
        // panic goes on to the caller like any other, rather than being retried here.
        workers
            .into_iter()
            .flat_map(|worker| worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    })
}
