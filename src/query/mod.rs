//! TEMPORARY stub of the query API so the TUI compiles; replaced by the real module on merge.
use crate::dataset::{Library, RoundKeys};

#[derive(Debug, thiserror::Error)]
#[error("query error: {0}")]
pub struct QueryError(pub String);

#[derive(Debug, Clone, Default)]
pub struct Query(Vec<String>);

impl Query {
    pub fn parse(text: &str) -> Result<Query, QueryError> {
        if text.contains("bad:") {
            return Err(QueryError(text.into()));
        }
        Ok(Query(text.split_whitespace().map(crate::text::fold).collect()))
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn matches(&self, keys: &RoundKeys) -> bool {
        self.0.iter().all(|w| keys.text.contains(w.as_str()))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Date,
    DateDesc,
    Venue,
    Title,
}
impl Sort {
    pub const ALL: &[Sort] = &[Sort::Date, Sort::DateDesc, Sort::Venue, Sort::Title];
    pub fn label(self) -> &'static str {
        match self {
            Sort::Date => "date",
            Sort::DateDesc => "-date",
            Sort::Venue => "venue",
            Sort::Title => "title",
        }
    }
    pub fn next(self) -> Sort {
        match self {
            Sort::Date => Sort::DateDesc,
            Sort::DateDesc => Sort::Venue,
            Sort::Venue => Sort::Title,
            Sort::Title => Sort::Date,
        }
    }
}
pub fn filter(lib: &Library, query: &Query, _sort: Sort) -> Vec<usize> {
    lib.index.chronological.iter().copied().filter(|&i| query.matches(&lib.index.rounds[i])).collect()
}
pub fn filter_within(lib: &Library, query: &Query, c: &[usize], _sort: Sort) -> Vec<usize> {
    c.iter().copied().filter(|&i| query.matches(&lib.index.rounds[i])).collect()
}
pub fn narrows(old: &str, new: &str) -> bool {
    new.starts_with(old)
}
