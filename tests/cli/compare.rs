//! `talks compare A B`: two shipped rounds side by side in each format, and the ids it
//! refuses.

use crate::harness::Dir;
use unicode_width::UnicodeWidthStr;

#[test]
fn two_rounds_side_by_side_as_text() {
    let run = Dir::new().run(&["compare", "2025-02-27", "2025-04-10", "--width", "90"]);
    run.code(0);
    assert_eq!(run.stderr, "");
    assert!(
        run.stdout
            .starts_with("A  2025-02-27 Consultations on the diplomatic missions, Istanbul (round 1)\n"),
        "{}",
        run.stdout
    );
    run.stdout_has("B  2025-04-10 Consultations on the diplomatic missions, Istanbul (round 2)")
        .stdout_has("Overview")
        .stdout_has("Delegations")
        .stdout_has("Agenda");
    let date = run.stdout.lines().find(|l| l.trim_start().starts_with("Date")).expect("the date line");
    assert!(date.contains("≠ 2025-02-27") && date.contains("│ 2025-04-10"), "{date}");
    let format = run.stdout.lines().find(|l| l.trim_start().starts_with("Format")).expect("the format line");
    assert!(!format.contains('≠'), "{format}");
    for line in run.stdout.lines() {
        assert!(line.width() <= 90, "{line:?}");
    }
}

#[test]
fn markdown_and_json() {
    let run = Dir::new().run(&["compare", "2025-02-27", "2025-04-10", "--format", "markdown"]);
    run.code(0)
        .stdout_has("# Comparison of 2025-02-27-istanbul and 2025-04-10-istanbul")
        .stdout_has("| | A · 2025-02-27 | B · 2025-04-10 |")
        .stdout_has("| ≠ Alexander Darchiev | head · Director of the North Atlantic Department");
    let run = Dir::new().run(&["compare", "2025-02-27", "2025-04-10", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.code(0).stdout).expect("JSON");
    assert_eq!(doc["schema_version"], 2);
    let c = &doc["comparison"];
    assert_eq!(c["left"]["id"], "2025-02-27-istanbul");
    assert_eq!(c["right"]["id"], "2025-04-10-istanbul");
    let darchiev =
        c["delegations"][0]["people"].as_array().unwrap().iter().find(|p| p["person"]["id"] == "darchiev");
    assert_eq!(darchiev.map(|p| p["change"].clone()), Some(serde_json::json!("post_changed")));
}

#[test]
fn unknown_or_ambiguous_ids_are_refused_and_the_same_round_is_said() {
    Dir::new().run(&["compare", "2025-02-27", "no-such-round"]).code(2).stderr_has("no-such-round");
    Dir::new().run(&["compare", "2025", "2025-04-10"]).code(2);
    let run = Dir::new().run(&["compare", "2025-04-10", "2025-04-10-istanbul"]);
    run.code(0).stderr_has("both ids name the same round");
    assert!(!run.stdout.contains('≠'));
}
