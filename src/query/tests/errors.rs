//! Bad queries: each is an error that names the term, never a panic or an empty result.

use super::error;
use crate::query::QueryError;

#[test]
fn an_unknown_field_suggests_the_closest_and_lists_all() {
    let e = error("venu:istanbul");
    assert_eq!(
        e,
        QueryError::UnknownField {
            term: "venu:istanbul".into(),
            field: "venu".into(),
            suggestion: Some("venue")
        }
    );
    let msg = e.to_string();
    assert!(msg.contains("unknown field `venu:` in `venu:istanbul`"), "{msg}");
    assert!(msg.contains("did you mean `venue:`?"), "{msg}");
    assert!(
        msg.contains("venue, city, country, date, from, to, party, third, host, mediator, person, topic, track, status, format, id")
    );
    assert_eq!(e.term(), "venu:istanbul");
}

#[test]
fn suggestions_are_only_given_when_close() {
    let suggestion = |q: &str| match error(q) {
        QueryError::UnknownField { suggestion, .. } => suggestion,
        other => panic!("{other:?}"),
    };
    assert_eq!(suggestion("topics:x"), Some("topic"));
    assert_eq!(suggestion("pers:x"), Some("person"));
    assert_eq!(suggestion("Stauts:x"), Some("status"));
    assert_eq!(suggestion("co:x"), Some("country"));
    assert_eq!(suggestion("xylophone:x"), None);
    assert!(!error("xylophone:x").to_string().contains("did you mean"));
}

#[test]
fn empty_values_are_refused_with_an_example() {
    let msg = error("venue:").to_string();
    assert_eq!(msg, "`venue:` has an empty value after `venue:`; write a value, as in `venue:istanbul`");
    assert!(matches!(error("venue:istanbul,"), QueryError::EmptyValue { field: "venue", .. }));
    assert!(matches!(error("date:,2025"), QueryError::EmptyValue { field: "date", .. }));
    assert!(matches!(error(r#"topic:"""#), QueryError::EmptyValue { field: "topic", .. }));
    assert!(matches!(error("lavrov -person:"), QueryError::EmptyValue { field: "person", .. }));
}

#[test]
fn bad_dates_name_the_term_and_the_accepted_forms() {
    let msg = error("date:2025-13").to_string();
    assert!(msg.starts_with("`date:2025-13`: `2025-13` is not a date;"), "{msg}");
    assert!(msg.contains("2025-03-24"), "{msg}");
    assert!(error("date:2025-02-30").to_string().contains("`2025-02-30` is not a date"));
    assert!(error("from:last-week").to_string().contains("`last-week` is not a date"));
    assert!(error("date:2025-04..2025-03").to_string().contains("ends before it starts"));
    assert!(error("to:2025..2026").to_string().contains("use `date:` for ranges"));
    assert!(matches!(error("date:.."), QueryError::BadDate { .. }));
}

#[test]
fn unknown_statuses_and_formats_list_the_valid_values() {
    let msg = error("status:adjourned").to_string();
    assert_eq!(
        msg,
        "`status:adjourned`: unknown status `adjourned`; the values are held, announced, planned, postponed, cancelled"
    );
    let msg = error("format:dinner").to_string();
    assert!(
        msg.contains(
            "leaders-call, leaders-meeting, summit, ministerial, envoy-visit, envoy-talks, working-level, technical, multilateral, phone-video"
        ),
        "{msg}"
    );
    assert!(matches!(error("format:summit,brunch"), QueryError::BadValue { value, .. } if value == "brunch"));
}

#[test]
fn every_listed_format_value_parses() {
    for value in [
        "leaders-call",
        "leaders-meeting",
        "summit",
        "ministerial",
        "envoy-visit",
        "envoy-talks",
        "working-level",
        "technical",
        "multilateral",
        "phone-video",
    ] {
        assert!(crate::query::Query::parse(&format!("format:{value}")).is_ok(), "{value}");
    }
}

#[test]
fn quotes_and_minus_signs_must_be_complete() {
    assert_eq!(
        error(r#"topic:"direct flights"#),
        QueryError::UnclosedQuote { term: r#"topic:"direct flights"#.into() }
    );
    assert!(error(r#"""#).to_string().starts_with("unclosed quote"));
    assert_eq!(error("lavrov - riyadh"), QueryError::LoneMinus);
    assert!(error("-").to_string().contains("`-venue:riyadh`"));
    assert!(matches!(error(r#""""#), QueryError::EmptyPhrase { .. }));
    assert!(matches!(error(r#"-" ""#), QueryError::EmptyPhrase { .. }));
}

#[test]
fn colons_after_non_letters_are_plain_text() {
    assert!(crate::query::Query::parse("10:30").is_ok());
    assert!(crate::query::Query::parse(":").is_ok());
    assert!(crate::query::Query::parse("venue:a:b").is_ok());
}
