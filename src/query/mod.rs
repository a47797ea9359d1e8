//! The query language shared by the command line and the TUI: parsing, evaluation, sorting.
//!
//! A query is a list of terms that must all match: free words (substrings of everything
//! searchable about a round), `field:value` terms (a comma inside one field means OR), `-`
//! to negate a term and double quotes to keep a phrase together. The user documentation is
//! `src/query/QUERY.md`.
//!
//! Text is folded (case and accents) once when a query is parsed; rounds were folded once
//! at load into `dataset::RoundKeys`, so testing a round is allocation-free comparisons and
//! substring scans, cheapest terms first.
//!
//! Dates are intervals of days and a date term matches when the round's interval overlaps
//! the one asked for: a month-precision round matches any day of its month. Rounds whose
//! date is approximate (`date_approximate`) match on their nominal interval, not a widened
//! one, so `date:2025-06` finds "around June" but `date:2025-07` does not.
//!
//! Map: `lex` splits text into terms, `term` reads one term and tests it, `date` reads date
//! values, `filter` runs a query over a library, `sort` orders results, `narrow` tells when
//! live filtering may reuse the previous result, `resolve` finds the round a user names,
//! `highlight` finds where a query's words are in a text, `suggest` offers a value for a
//! misspelt one. Presentation (the style of a highlight, messages on screen) is left to the
//! callers.

mod date;
mod error;
mod filter;
mod highlight;
mod lex;
mod narrow;
mod resolve;
mod sort;
mod suggest;
mod term;

#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod tests;

pub use error::QueryError;
pub use filter::{filter, filter_milestones, filter_within};
pub use highlight::Highlight;
pub use narrow::narrows;
pub use resolve::resolve_round;
pub use sort::Sort;
pub use suggest::{did_you_mean, Vocabulary};
pub(crate) use term::FIELD_NAMES;

/// The terms of `text` as typed, without those on the given fields (case-insensitive,
/// negated or not), for callers that replace one field of a query (the venue picker).
/// Quoted phrases stay whole. Text that does not lex is returned as one piece.
pub fn terms_without_fields(text: &str, fields: &[&str]) -> Vec<String> {
    let Ok(terms) = lex::split(text) else { return vec![text.to_string()] };
    terms
        .into_iter()
        .filter(|t| {
            let bare = t.text.strip_prefix('-').unwrap_or(&t.text);
            let name = bare.split_once(':').map(|(n, _)| n.to_lowercase());
            !name.is_some_and(|n| fields.contains(&n.as_str()))
        })
        .map(|t| t.text)
        .collect()
}

use crate::dataset::RoundKeys;
use term::Term;

/// A parsed query: terms that must all match, cheapest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    terms: Vec<Term>,
}

impl Query {
    /// Parses query text; `""` (or only spaces) is the empty query, which matches every round.
    pub fn parse(text: &str) -> Result<Query, QueryError> {
        let terms = lex::split(text)?.iter().map(Term::parse).collect::<Result<Vec<_>, _>>()?;
        Ok(Query::from_terms(terms))
    }

    /// Parses command-line words. Each word is parsed as query text, so a word is one term
    /// unless it has spaces outside quotes (`'topic:"direct flights"'` is one term,
    /// `'direct flights'` two).
    pub fn parse_args(args: &[String]) -> Result<Query, QueryError> {
        args.iter().try_fold(Query::default(), |query, arg| Ok(query.and(Query::parse(arg)?)))
    }

    /// True when the query has no terms and so matches every round.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when the round with these keys satisfies every term.
    pub fn matches(&self, keys: &RoundKeys) -> bool {
        self.terms.iter().all(|t| t.matches(keys))
    }

    /// What of this query can be seen in text: its free words and text-field values.
    pub fn highlight(&self) -> Highlight {
        Highlight::of(&self.terms)
    }

    /// Looks up each free word in the library's word index once, before a filter runs.
    pub(crate) fn prepare(
        &self,
        lib: &crate::dataset::Library,
    ) -> Vec<Option<(crate::dataset::RoundSet, bool)>> {
        self.terms.iter().map(|t| t.word().and_then(|w| lib.words().candidates(w))).collect()
    }

    /// [`Query::matches`] for round `round`, using what [`Query::prepare`] found.
    pub(crate) fn matches_prepared(
        &self,
        keys: &RoundKeys,
        round: usize,
        prepared: &[Option<(crate::dataset::RoundSet, bool)>],
    ) -> bool {
        self.terms.iter().zip(prepared).all(|(t, found)| match found {
            Some(found) => t.matches_among(keys, round, found),
            None => t.matches(keys),
        })
    }

    /// Both queries at once (rounds must match the terms of each).
    pub fn and(mut self, other: Query) -> Query {
        self.terms.extend(other.terms);
        Query::from_terms(self.terms)
    }

    fn from_terms(mut terms: Vec<Term>) -> Query {
        // Stable, so terms of equal cost keep the order the user typed them in.
        terms.sort_by_key(Term::cost);
        Query { terms }
    }
}
