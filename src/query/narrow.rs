//! Deciding, from two query texts, that the new one can only match fewer rounds.
//!
//! The TUI filters as the user types; when the new text is narrower it filters the previous
//! result instead of every round. Both texts are parsed, and the answer is yes only when
//! every term of the old query is implied by some term of the new one (`lavro` by
//! `lavrov`, `venue:ist` by `venue:istanbul`, any query by itself plus more terms). Any
//! doubt (a parse error, a term edited into something unrelated, a negated word growing, a
//! new OR alternative) gives no, which only costs a full filter.

use super::Query;

/// True when every round matching `new` also matches `old`.
pub fn narrows(old: &str, new: &str) -> bool {
    let (Ok(old), Ok(new)) = (Query::parse(old), Query::parse(new)) else {
        return false;
    };
    old.terms.iter().all(|o| new.terms.iter().any(|n| n.implies(o)))
}
