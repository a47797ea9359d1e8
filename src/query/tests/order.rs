//! Sorting, reusing a previous result (`filter_within`, `narrows`) and resolving round ids.

use super::{library, sorted};
use crate::query::{filter, filter_within, narrows, resolve_round, Query, Sort};

#[test]
fn each_order_sorts_the_whole_result() {
    let lib = library();
    let date = sorted(&lib, "", Sort::Date);
    assert_eq!(date[0], "2025-02-18-riyadh");
    let mut reversed = date.clone();
    reversed.reverse();
    assert_eq!(sorted(&lib, "", Sort::DateDesc), reversed);
    assert_eq!(
        sorted(&lib, "", Sort::Venue),
        [
            "2025-02-27-istanbul",
            "2025-04-10-istanbul",
            "2025-06-istanbul",
            "2025-02-18-riyadh",
            "2025-03-24-riyadh",
            "2025-03-18-call",
        ],
        "by city, then by date; calls last"
    );
    assert_eq!(
        sorted(&lib, "", Sort::Title),
        [
            "2025-02-27-istanbul",
            "2025-02-18-riyadh",
            "2025-04-10-istanbul",
            "2025-03-24-riyadh",
            "2025-06-istanbul",
            "2025-03-18-call",
        ]
    );
    assert_eq!(sorted(&lib, "venue:riyadh", Sort::DateDesc), ["2025-03-24-riyadh", "2025-02-18-riyadh"]);
}

#[test]
fn filtering_within_a_previous_result_in_another_order_gives_the_full_answer() {
    let lib = library();
    let old = Query::parse("istanbul").unwrap();
    let new = Query::parse("istanbul embassies").unwrap();
    for &before in Sort::ALL {
        let previous = filter(&lib, &old, before);
        for &after in Sort::ALL {
            assert_eq!(filter_within(&lib, &new, &previous, after), filter(&lib, &new, after));
        }
    }
    assert!(filter_within(&lib, &old, &[99, 0], Sort::Date).iter().all(|&i| i < lib.data().rounds.len()));
}

#[test]
fn narrows_recognises_typing_that_can_only_remove_rounds() {
    assert!(narrows("", "lavrov"));
    assert!(narrows("lavro", "lavrov"));
    assert!(narrows("Serg", "serguei"));
    assert!(narrows("lavrov", "lavrov"));
    assert!(narrows("istanbul", "istanbul embassies"));
    assert!(narrows("istanbul lavrov", "lavrov istanbul"));
    assert!(narrows("lavrov", "lavrov -riyadh"));
    assert!(narrows("venue:ist", "venue:istanbul"));
    assert!(narrows("id:2025", "id:2025-03"));
    assert!(narrows("date:2025", "date:2025-03"));
    assert!(narrows("status:held,cancelled", "status:held"));
    assert!(narrows("-lavrov", "-lav"), "excluding more is narrower");
}

#[test]
fn narrows_says_no_when_the_new_query_may_match_more() {
    assert!(!narrows("lavrov", "lavro"));
    assert!(!narrows("lavrov", ""));
    assert!(!narrows("-lav", "-lavrov"), "a longer negated word excludes less");
    assert!(!narrows("venue:istanbul", "venue:istanbul,riyadh"), "a new alternative");
    assert!(!narrows("venue:istanbul", "venue:"), "a field being edited");
    assert!(!narrows(r#""direct"#, r#""direct flights""#), "the old text did not parse");
    assert!(!narrows("date:2025-03", "date:2025"));
    assert!(!narrows("city:ist", "venue:istanbul"), "another field");
    assert!(!narrows("lavrov", "-lavrov"));
}

#[test]
fn resolve_round_takes_exact_ids_then_unique_prefixes() {
    let lib = library();
    let id = |i: usize| lib.data().rounds.get(i).expect("a round").id.as_str();
    assert_eq!(resolve_round(&lib, "2025-03-18-call").map(id).unwrap(), "2025-03-18-call");
    assert_eq!(resolve_round(&lib, "2025-03-2").map(id).unwrap(), "2025-03-24-riyadh");
    assert_eq!(resolve_round(&lib, "2025-06").map(id).unwrap(), "2025-06-istanbul");
    assert_eq!(resolve_round(&lib, "2025-03-18-CALL").map(id).unwrap(), "2025-03-18-call");
}

#[test]
fn resolve_round_explains_ambiguity_and_absence() {
    let lib = library();
    let message = |given: &str| match resolve_round(&lib, given) {
        Err(crate::Error::Round(m)) => m,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        message("2025-02"),
        "`2025-02` is ambiguous: 2025-02-18-riyadh, 2025-02-27-istanbul; give more of the id"
    );
    let absent = message("2025-03-18-cal1");
    assert!(
        absent.starts_with("no round `2025-03-18-cal1`; the nearest ids are `2025-03-18-call`,"),
        "{absent}"
    );
    assert_eq!(absent.matches('`').count(), 8, "the given id and three suggestions: {absent}");
    assert!(message("").contains("no round id given"));
}
