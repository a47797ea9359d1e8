//! A timing check at the scale the app must handle, run on demand because debug builds and
//! busy machines make timings meaningless in the normal suite:
//! `cargo test --release --lib query::tests::perf -- --ignored --nocapture`.

use super::library;
use crate::dataset::Library;
use crate::model::DateSpec;
use crate::query::{filter, filter_within, Query, Sort};
use chrono::{Duration, NaiveDate};
use std::time::Instant;

/// The fixture's rounds repeated to `n`, with distinct ids and dates spread over years.
fn big_library(n: usize) -> Library {
    let mut data = library().data;
    let base = data.rounds.clone();
    let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    data.rounds = (0..n)
        .map(|i| {
            let mut r = base[i % base.len()].clone();
            r.id = format!("{}-{i}", r.id);
            if let DateSpec::Day(_) = r.date {
                r.date = DateSpec::Day(first + Duration::days((i * 7 % 9000) as i64));
            }
            r
        })
        .collect();
    Library::new(data)
}

#[test]
#[ignore]
fn queries_over_100k_rounds_take_well_under_10ms() {
    let lib = big_library(100_000);
    for text in [
        "lavrov",
        "zzzz",
        "serguei istanbul",
        r#""direct flights""#,
        "venue:istanbul,riyadh -status:cancelled",
        "topic:missions date:2005..2010",
        "person:lavrov",
        "e",
    ] {
        let q = Query::parse(text).unwrap_or_default();
        for sort in [Sort::Date, Sort::Venue] {
            let start = Instant::now();
            let found = filter(&lib, &q, sort);
            let full = start.elapsed();
            let start = Instant::now();
            let again = filter_within(&lib, &q, &found, sort);
            let within = start.elapsed();
            assert_eq!(found, again);
            println!("{text:45} {sort:?}: {} rounds, filter {full:?}, within {within:?}", found.len());
        }
    }
}
