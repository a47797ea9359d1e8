//! Validation tests: every problem found in one pass, with positions and hints.
use super::*;
use crate::dataset::{parse_sources, SourceText};

const MINIMAL: &str = include_str!("../../../tests/fixtures/valid/minimal.ron");

/// The minimal fixture with each `(from, to)` replaced once, validated.
fn problems_after(edits: &[(&str, &str)]) -> Vec<Problem> {
    let mut text = MINIMAL.to_string();
    for (from, to) in edits {
        assert!(text.contains(from), "{from} is not in the fixture");
        text = text.replacen(from, to, 1);
    }
    let parsed = parse_sources(vec![SourceText { name: "t.ron".into(), text }]).expect("parses");
    validate(&parsed)
}

fn lines(problems: &[Problem], severity: Severity) -> Vec<String> {
    problems
        .iter()
        .filter(|p| p.severity == severity)
        .map(|p| format!("{}: {}", p.subject, p.message))
        .collect()
}

#[test]
fn the_minimal_fixture_has_no_problems() {
    assert_eq!(problems_after(&[]), vec![]);
}

#[test]
fn ids_keep_to_the_documented_alphabet() {
    let problems = problems_after(&[(r#"id: "2025-03-18-call""#, "id: \"2025-03-18-\u{202e}llac\"")]);
    let errors = lines(&problems, Severity::Error);
    assert!(
        errors.iter().any(|e| e.starts_with(
            "round `2025-03-18-\u{202e}llac`, field `id`: `2025-03-18-\u{fffd}llac` is not a valid id"
        )),
        "{errors:?}"
    );
    for bad in ["with space", "-leading-dash", "émigré", "a/b"] {
        assert!(!valid_id(bad), "{bad}");
    }
    for good in ["S104", "seed", "2025-02-27-istanbul", "faisal-bin-farhan", "v1.2_x"] {
        assert!(valid_id(good), "{good}");
    }
}

#[test]
fn every_error_is_found_in_one_pass() {
    let problems = problems_after(&[
        (r#"Party(id: "sa", name: "Saudi Arabia""#, r#"Party(id: "sa", name: """#),
        (r#"venue: "riyadh-diriyah""#, r#"venue: "riyadh""#),
        (r#"date: Day("2025-03-18")"#, r#"date: Month(2025, 0)"#),
        (r#"track: "normalisation""#, r#"track: "normalization""#),
        (r#"min_minutes: 120, max_minutes: 150"#, r#"min_minutes: 150, max_minutes: 120"#),
    ]);
    assert_eq!(
        lines(&problems, Severity::Error),
        [
            "party `sa`, field `name`: is empty; write a value or remove the entity",
            "round `2025-02-18-riyadh`, field `venue`: unknown venue `riyadh`; did you mean `riyadh-diriyah`?",
            "round `2025-02-27-istanbul`, field `track`: unknown track `normalization`; did you mean `normalisation`?",
            "round `2025-03-18-call`, field `date`: month 0 is not between 1 and 12",
            "round `2025-03-18-call`, field `duration`: max_minutes is less than min_minutes",
        ]
    );
    assert!(problems.iter().all(|p| p.location.is_some()), "{problems:?}");
}

#[test]
fn uncertain_facts_and_missing_agenda_are_warnings_not_errors() {
    let problems = problems_after(&[
        (
            r#"Member(person: "rubio", role: "Secretary of State")"#,
            r#"Member(person: "rubio", role: "Secretary of State", confidence: Uncertain)"#,
        ),
        (
            r#"Note(text: "Held behind closed doors.","#,
            r#"Note(text: "Held behind closed doors.", confidence: Uncertain,"#,
        ),
        (
            r#"AgendaItem(topic: "ukraine", summary: "A 30-day halt to strikes on energy infrastructure.", outcome: Agreed, sources: ["kremlin-2025-03-18"]),"#,
            "",
        ),
    ]);
    assert_eq!(lines(&problems, Severity::Error), Vec::<String>::new());
    assert_eq!(
        lines(&problems, Severity::Warning),
        [
            "round `2025-02-18-riyadh`, field `delegations.members`: uncertain participation of `rubio`",
            "round `2025-02-27-istanbul`, field `notes`: uncertain: Held behind closed doors.",
            "round `2025-03-18-call`, field `agenda`: the round (held) has no agenda items",
        ]
    );
}

#[test]
fn a_source_nobody_cites_is_a_warning() {
    // The call round cites the Kremlin readout four times (duration, agenda, link, round)
    // and the milestone once more.
    let recite = (r#"["kremlin-2025-03-18"]"#, r#"["tass-2025-02-18"]"#);
    let problems = problems_after(&[recite, recite, recite, recite, recite]);
    assert_eq!(lines(&problems, Severity::Error), Vec::<String>::new());
    assert_eq!(
        lines(&problems, Severity::Warning),
        ["source `kremlin-2025-03-18`: is never cited; cite it or remove it"]
    );
}

#[test]
fn a_topic_that_is_its_own_parent_is_a_cycle() {
    let problems = problems_after(&[(
        r#"description: "Ceasefire and settlement of the war.")"#,
        r#"description: "Ceasefire and settlement of the war.", parent: "ukraine")"#,
    )]);
    assert_eq!(
        lines(&problems, Severity::Error),
        ["topic `ukraine`, field `parent`: the topic is its own ancestor; break the cycle of parents"]
    );
}

#[test]
fn a_chain_of_parents_that_loops_is_a_cycle_for_each_member_only() {
    let mut parent_of = HashMap::default();
    parent_of.insert("a", "b");
    parent_of.insert("b", "c");
    parent_of.insert("c", "b");
    assert!(!in_cycle("a", &parent_of), "a leads into a cycle but is not in it");
    assert!(in_cycle("b", &parent_of));
    assert!(in_cycle("c", &parent_of));
}

#[test]
fn suggestions_need_a_close_match() {
    let known = ["darchiev", "coulter", "lavrov"];
    assert_eq!(suggest("dartchiev", known.iter().copied()), Some("darchiev"));
    assert_eq!(suggest("zelensky", known.iter().copied()), None);
}

#[test]
fn a_short_title_should_be_shorter_than_the_title_and_must_not_be_blank() {
    let title = r#"title: "Lavrov–Rubio meeting in Riyadh","#;
    let fine = problems_after(&[(
        title,
        r#"title: "Lavrov–Rubio meeting in Riyadh", short_title: "Lavrov–Rubio, Riyadh","#,
    )]);
    assert_eq!(fine, vec![]);
    let long = problems_after(&[(
        title,
        r#"title: "Lavrov–Rubio meeting in Riyadh", short_title: "Lavrov–Rubio meeting in Riyadh, Saudi Arabia","#,
    )]);
    // A warning: the data is right, the list just shows the title.
    let warnings = lines(&long, Severity::Warning);
    assert!(
        warnings
            .iter()
            .any(|e| e.contains("field `short_title`: is 44 characters, not shorter than the title (30)")),
        "{warnings:?}"
    );
    assert_eq!(lines(&long, Severity::Error), Vec::<String>::new());
    assert!(long.iter().any(|p| p.code == Code::InvalidShortTitle));
    let blank = problems_after(&[(title, r#"title: "Lavrov–Rubio meeting in Riyadh", short_title: " ","#)]);
    assert!(lines(&blank, Severity::Error).iter().any(|e| e.contains("field `short_title`: is empty")));
}
