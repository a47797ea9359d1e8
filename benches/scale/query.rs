//! Queries at 100,000 rounds: single queries from scratch, and the live filter as the TUI
//! runs it, one keystroke at a time (parse, then narrow the previous result when the new text
//! extends the old, else filter from scratch; an invalid prefix keeps the previous result).

use crate::fixture;
use divan::Bencher;
use std::sync::OnceLock;
use talks::query::{self, Query, Sort};

const ROUNDS: usize = 100_000;

#[divan::bench(args = ["ceasefire", "venue:geneve", "date:2010-01..2012-06", "-status:held"], sample_count = 20, sample_size = 1)]
fn filter_query(bencher: Bencher, text: &str) {
    let lib = &fixture::get(ROUNDS).lib;
    bencher.bench(|| {
        let q = Query::parse(text).expect("valid query");
        query::filter(lib, &q, Sort::Date)
    });
}

/// The text typed, one character per keystroke.
const TYPED: &str = "venue:geneve date:2010";

fn prefixes() -> Vec<&'static str> {
    TYPED.char_indices().map(|(i, c)| &TYPED[..i + c.len_utf8()]).collect()
}

/// The applied text and the shown rounds before each keystroke (index k: before typing the
/// (k+1)th character), computed once by replaying the keystrokes.
fn before_each() -> &'static [(String, Vec<usize>)] {
    static STEPS: OnceLock<Vec<(String, Vec<usize>)>> = OnceLock::new();
    STEPS.get_or_init(|| {
        let lib = &fixture::get(ROUNDS).lib;
        let mut state = (String::new(), query::filter(lib, &Query::default(), Sort::Date));
        let mut steps = Vec::new();
        for text in prefixes() {
            steps.push(state.clone());
            state = keystroke(lib, &state, text).unwrap_or(state);
        }
        steps
    })
}

fn keystroke(
    lib: &talks::dataset::Library,
    (applied, shown): &(String, Vec<usize>),
    text: &str,
) -> Option<(String, Vec<usize>)> {
    let q = Query::parse(text).ok()?;
    let items = if query::narrows(applied, text) {
        query::filter_within(lib, &q, shown, Sort::Date)
    } else {
        query::filter(lib, &q, Sort::Date)
    };
    Some((text.to_string(), items))
}

/// One row per keystroke, named by the text in the bar after it.
#[divan::bench(args = prefixes(), sample_count = 20, sample_size = 1)]
fn live_filter_keystroke(bencher: Bencher, text: &str) {
    let lib = &fixture::get(ROUNDS).lib;
    let k = prefixes().iter().position(|p| *p == text).unwrap_or(0);
    let before = &before_each()[k];
    bencher.bench(|| keystroke(lib, before, text));
}

/// "Did you mean" as the filter bar computes it on every keystroke: a misspelt value of
/// each kind of entity, looked for among all the generated dataset's names (folded once,
/// when the bar is first used: `did_you_mean_vocabulary`).
#[divan::bench(args = ["venue:genevx", "person:ivanovv", "topic:sanctoins", "party:ukriane", "venue:geneve"], sample_count = 20, sample_size = 1)]
fn did_you_mean(bencher: Bencher, text: &str) {
    let lib = &fixture::get(ROUNDS).lib;
    let vocabulary = query::Vocabulary::new(lib);
    bencher.bench(|| vocabulary.did_you_mean(text));
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn did_you_mean_vocabulary(bencher: Bencher) {
    let lib = &fixture::get(ROUNDS).lib;
    bencher.bench(|| query::Vocabulary::new(lib));
}
