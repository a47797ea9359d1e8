//! Tests of the query language against the fixture library, as a user would check them:
//! which round ids a query finds, in which order, and what an error message says.

mod errors;
mod matching;
mod order;
mod props;

use super::fixture::library;
use super::{filter, Query, QueryError, Sort};
use crate::dataset::Library;

/// The ids `query` finds in date order.
fn ids(query: &str) -> Vec<String> {
    sorted(&library(), query, Sort::Date)
}

fn sorted(lib: &Library, query: &str, sort: Sort) -> Vec<String> {
    let q = Query::parse(query).unwrap_or_else(|e| panic!("`{query}` should parse: {e}"));
    filter(lib, &q, sort).into_iter().map(|i| lib.data().rounds.get(i).expect("a round").id.clone()).collect()
}

fn error(query: &str) -> QueryError {
    match Query::parse(query) {
        Ok(q) => panic!("`{query}` should not parse, got {q:?}"),
        Err(e) => e,
    }
}
