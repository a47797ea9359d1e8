//! Property tests: no text makes the parser panic, and whenever `narrows` says yes,
//! filtering the previous result gives exactly what a full filter gives.

use super::library;
use crate::dataset::Library;
use crate::query::{filter, filter_within, narrows, Query, Sort};
use proptest::prelude::*;
use std::sync::OnceLock;

fn lib() -> &'static Library {
    static LIB: OnceLock<Library> = OnceLock::new();
    LIB.get_or_init(library)
}

/// Pieces a user types: words, field names, date parts, punctuation, accented letters.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "lavrov",
        "serg",
        "ï",
        "istanbul",
        "İst",
        "riyadh",
        "r",
        "i",
        "e",
        "direct",
        "flights",
        "etats",
        "venue:",
        "city:",
        "country:",
        "person:",
        "party:",
        "topic:",
        "track:",
        "date:",
        "from:",
        "to:",
        "status:",
        "format:",
        "id:",
        "2025",
        "-0",
        "-03",
        "-02",
        "..",
        "held",
        "cancelled",
        "working-level",
        "missions",
        " ",
        " ",
        "-",
        "\"",
        ",",
        ":",
    ])
}

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..max).prop_map(|p| p.concat())
}

fn sort() -> impl Strategy<Value = Sort> {
    prop::sample::select(Sort::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parsing_arbitrary_text_never_panics(s in "\\PC{0,40}", t in text(12)) {
        let _ = Query::parse(&s);
        let _ = Query::parse(&t);
        let _ = narrows(&s, &t);
    }

    #[test]
    fn filtering_within_a_narrowed_result_equals_a_full_filter(
        old in text(6), extra in text(4), cut in 0usize..4, before in sort(), after in sort()
    ) {
        // New texts either extend the old one (typing on) or drop characters (deleting).
        let mut new = format!("{old}{extra}");
        if cut > 0 {
            let keep = new.chars().count().saturating_sub(cut);
            new = new.chars().take(keep).collect();
        }
        if narrows(&old, &new) {
            let (Ok(old_q), Ok(new_q)) = (Query::parse(&old), Query::parse(&new)) else {
                return Err(TestCaseError::fail("narrows said yes to a text that does not parse"));
            };
            let previous = filter(lib(), &old_q, before);
            prop_assert_eq!(filter_within(lib(), &new_q, &previous, after), filter(lib(), &new_q, after));
        }
    }
}

/// Guards the property above against being vacuous: many generated pairs must narrow.
#[test]
fn generated_pairs_often_narrow() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let pairs = (text(6), text(4));
    let mut hits = 0;
    for _ in 0..1000 {
        let Ok(tree) = pairs.new_tree(&mut runner) else { continue };
        let (old, extra) = tree.current();
        hits += usize::from(narrows(&old, &format!("{old}{extra}")));
    }
    assert!(hits > 150, "only {hits} of 1000 generated pairs narrow");
}
