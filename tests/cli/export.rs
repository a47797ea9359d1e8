//! `talks export`: each format written to a file with `-o`, read back by the tool a user
//! would open it with (serde_json, the csv crate, `talks check`, a calendar's rules), and
//! golden copies of every format for two rounds.

use super::{ids, ISTANBUL};
use crate::harness::Dir;

const ROUND: &str = "2025-04-10-istanbul";
const CALL: &str = "2025-03-18-trump-putin-call";
const TRILATERAL: &str = "2026-02-04-abu-dhabi";
const POSTPONED: &str = "2026-02-01-abu-dhabi-postponed";

/// Exports `rounds` in `format` to `name` in `dir`; the export must succeed and say so.
fn export_to(dir: &Dir, rounds: &[&str], format: &str, name: &str) -> String {
    let args = [&["export"], rounds, &["--format", format, "-o", name]].concat();
    let run = dir.run(&args);
    run.code(0).stderr_has(&format!("wrote {name} ("));
    assert_eq!(run.stdout, "", "an export to a file prints nothing on stdout");
    std::fs::read_to_string(dir.path().join(name)).expect("the export is UTF-8 text")
}

#[test]
fn json_parses_and_holds_the_round() {
    let dir = Dir::new();
    let text = export_to(&dir, &[ROUND], "json", "r.json");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("the export is JSON");
    assert_eq!(doc["schema_version"], 2);
    let round = &doc["rounds"][0];
    assert_eq!(round["id"], ROUND);
    assert_eq!(round["agenda"].as_array().map(Vec::len), Some(6));
    // Schema 2: `heads` is a list (one head each here), `third_parties` and `links` are new.
    assert_eq!(round["delegations"][0]["heads"].as_array().map(Vec::len), Some(1));
    assert_eq!(round["delegations"][0]["heads"][0]["name"], "Alexander Darchiev");
    assert_eq!(round["delegations"][1]["heads"][0]["name"], "Sonata Coulter");
    assert!(round["delegations"][0].get("head").is_none(), "version 1's `head` is gone");
    assert_eq!(round["third_parties"], serde_json::json!([]), "Türkiye hosted no Russia–US round");
    assert!(round.get("hosts").is_none(), "version 1's `hosts` is gone");
    // Only the link written on this round; the inverse is not repeated.
    assert_eq!(round["links"].as_array().map(Vec::len), Some(1));
    assert_eq!(round["links"][0]["kind"], "follows");
    assert_eq!(round["links"][0]["round"]["id"], "2025-02-27-istanbul");
    assert!(text.ends_with("}\n"), "pretty-printed with a final newline");
}

#[test]
fn ron_is_a_dataset_that_check_accepts_and_list_reads() {
    let dir = Dir::new();
    export_to(&dir, &[ROUND], "ron", "r.ron");
    dir.run(&["check", "r.ron"]).code(0).stdout_has("1 rounds").stdout_has("valid: 0 error(s)");
    let run = dir.run(&["--data", "r.ron", "list"]);
    assert_eq!(ids(&run.code(0).stdout), [ROUND]);
    // Alone, the round loses its links to the rounds that were not exported (a link must
    // name a round of the dataset).
    let original = dir.run(&["show", ROUND]);
    original.code(0).stdout_has("Link:     follows ").stdout_has("Link:     followed by ");
    let alone = dir.run(&["--data", "r.ron", "show", ROUND]);
    assert!(!alone.code(0).stdout.contains("Link:"), "{}", alone.stdout);
    // Exported with the rounds it links to and that link to it, the round survives the trip
    // whole: showing it from the copy is showing the original (but for the dataset's name in
    // the last line).
    let linked = ["2025-02-27-istanbul", ROUND, "2025-06-moscow-cancelled"];
    export_to(&dir, &linked, "ron", "linked.ron");
    dir.run(&["check", "linked.ron"]).code(0).stdout_has("3 rounds").stdout_has("valid: 0 error(s)");
    let run = dir.run(&["--data", "linked.ron", "list"]);
    assert_eq!(ids(&run.code(0).stdout), linked);
    let copy = dir.run(&["--data", "linked.ron", "show", ROUND]);
    let body = |text: &str| {
        text.lines().take_while(|l| !l.starts_with("From the dataset")).collect::<Vec<_>>().join("\n")
    };
    assert_eq!(body(&copy.code(0).stdout), body(&original.stdout));
}

#[test]
fn csv_parses_with_one_record_per_agenda_item() {
    let dir = Dir::new();
    let text = export_to(&dir, &[ROUND], "csv", "r.csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("a header row").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        ["round_id", "date", "venue", "topic", "outcome", "summary", "sources"]
    );
    let records: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("valid CSV");
    let topics: Vec<&str> = records.iter().map(|r| &r[3]).collect();
    assert_eq!(
        topics,
        [
            "Diplomatic missions",
            "Banking for missions",
            "Diplomatic property",
            "Visas and diplomats' travel",
            "Direct flights",
            "Mission staffing"
        ]
    );
    assert!(records
        .iter()
        .all(|r| &r[0] == ROUND && &r[2] == "Consulate General of Russia, Istanbul, Türkiye"));
    assert_eq!(&records[1][4], "agreed");
}

#[test]
fn ics_is_one_all_day_event_with_crlf_lines() {
    let dir = Dir::new();
    export_to(&dir, &[ROUND], "ics", "r.ics");
    let bytes = std::fs::read(dir.path().join("r.ics")).expect("the file");
    let text = String::from_utf8(bytes.clone()).expect("UTF-8");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(text.matches("BEGIN:VEVENT\r\n").count(), 1);
    assert!(text.contains("\r\nDTSTART;VALUE=DATE:20250410\r\n"));
    // DTEND of an all-day event is the day after, exclusive.
    assert!(text.contains("\r\nDTEND;VALUE=DATE:20250411\r\n"));
    assert!(text.contains("\r\nUID:2025-04-10-istanbul@talks\r\n"));
    // Every line ends with CRLF: no bare LF, no bare CR.
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    assert_eq!(text.matches('\r').count(), text.matches("\r\n").count());
    // Lines are folded at 75 octets, never inside a UTF-8 character.
    for line in bytes.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        assert!(line.len() <= 75, "line of {} octets: {:?}", line.len(), String::from_utf8_lossy(line));
        assert!(std::str::from_utf8(line).is_ok(), "a fold splits a character: {line:?}");
    }
}

#[test]
fn markdown_names_the_heads_and_numbers_the_sources() {
    let dir = Dir::new();
    let text = export_to(&dir, &[ROUND], "markdown", "r.md");
    assert!(text.starts_with("# Consultations on the diplomatic missions, Istanbul (round 2)\n"));
    assert!(text.contains("**Alexander Darchiev** (head)"));
    assert!(text.contains("**Sonata Coulter** (head)"));
    for n in 1..=16 {
        assert!(text.contains(&format!("\n{n}. ")), "source {n} is not numbered:\n{text}");
    }
    assert!(!text.contains("\n17. "), "{text}");
    assert!(
        text.contains("\n15. Explainer on the Russia–US talks in Istanbul of 10 April. Sputnik, 2025-04-10.")
    );
    // The links, with the round each one names.
    assert!(text.contains(
        "- **Link:** follows Consultations on the diplomatic missions, Istanbul (round 1) (2025-02-27-istanbul)"
    ));
}

#[test]
fn a_round_known_only_to_the_month_cannot_go_in_a_calendar() {
    let dir = Dir::new();
    let run = dir.run(&["export", "2025-06-moscow-cancelled", "--format", "ics", "-o", "c.ics"]);
    run.code(2).stderr_has(
        "round `2025-06-moscow-cancelled` skipped: its date (2025-06) is a month, and a calendar needs days",
    );
    assert!(!dir.path().join("c.ics").exists(), "no calendar is written for nothing");
}

#[test]
fn a_calendar_of_several_rounds_skips_the_month_round_and_says_so() {
    let dir = Dir::new();
    let run = dir.run(&["export", ROUND, "2025-06-moscow", "--format", "ics", "-o", "two.ics"]);
    run.code(0).stderr_has("round `2025-06-moscow-cancelled` skipped").stderr_has("wrote two.ics (1 round)");
    let text = std::fs::read_to_string(dir.path().join("two.ics")).expect("the calendar");
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
}

#[test]
fn a_query_exports_every_round_it_matches() {
    let dir = Dir::new();
    let run = dir.run(&["export", "--query", "venue:istanbul", "--format", "json", "-o", "i.json"]);
    run.code(0).stderr_has("wrote i.json (8 rounds)");
    let text = std::fs::read_to_string(dir.path().join("i.json")).expect("the export");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let got: Vec<&str> =
        doc["rounds"].as_array().expect("rounds").iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(got, ISTANBUL);
    // Rounds named and matched are exported once each, the named first.
    let run = dir.run(&["export", ISTANBUL[1], "--query", "venue:istanbul", "--format", "csv"]);
    let firsts: Vec<&str> =
        run.code(0).stdout.lines().skip(1).map(|l| l.split(',').next().unwrap_or("")).collect();
    assert_eq!(firsts.iter().filter(|&&id| id == ISTANBUL[1]).count(), 6);
    assert_eq!(firsts.first(), Some(&ISTANBUL[1]));
}

#[test]
fn nothing_to_export_is_a_usage_error() {
    let dir = Dir::new();
    dir.run(&["export", "--format", "json"]).code(2).stderr_has("no round given");
    dir.run(&["export", "--query", "venue:nowhere", "--format", "json"])
        .code(2)
        .stderr_has("the query matches no round");
    dir.run(&["export", "--query", "venu:x", "--format", "json"])
        .code(2)
        .stderr_has("did you mean `venue:`?");
    dir.run(&["export", "2025-03", "--format", "json"]).code(2).stderr_has("`2025-03` is ambiguous");
}

/// The golden copies: every format for a round with uncertain and per-side facts (Istanbul,
/// round 2), for a call (no venue, a duration range, both sides' readouts), for a trilateral
/// round (three delegations, a host, a milestone, the round it replaces) and for that
/// postponed round (replaced by the held one).
#[test]
fn golden_exports() {
    let dir = Dir::new();
    for round in [ROUND, CALL, TRILATERAL, POSTPONED] {
        for (format, ext) in
            [("markdown", "md"), ("json", "json"), ("ron", "ron"), ("csv", "csv"), ("ics", "ics")]
        {
            let name = format!("{round}.{ext}");
            // Line ends are checked above; the snapshot keeps to LF so that it reads the same
            // everywhere (insta compares with CRLF normalised anyway).
            let text = export_to(&dir, &[round], format, &name).replace("\r\n", "\n");
            insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
                insta::assert_snapshot!(format!("export-{name}"), text);
            });
        }
    }
}

#[test]
fn a_query_may_start_with_a_negation() {
    let run = Dir::new().run(&["export", "--query", "-status:held", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(run.code(0).stdout.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("valid CSV");
    let mut exported: Vec<&str> = records.iter().map(|r| &r[0]).collect();
    exported.dedup();
    // The rounds that were not held (postponed, cancelled, planned), read from the data, in
    // date order.
    let (lib, _) = talks::dataset::open(&[]).expect("the built-in dataset loads");
    let not_held: Vec<&str> = crate::cli::ALL
        .iter()
        .filter(|id| lib.round(id).is_some_and(|r| r.status != talks::model::Status::Held))
        .map(String::as_str)
        .collect();
    assert_eq!(exported, not_held);
    assert_eq!(not_held.len(), 10, "{not_held:?}");
    for id in
        ["2025-06-moscow-cancelled", "2025-05-15-istanbul-postponed", "2026-02-26-geneva-trilateral-planned"]
    {
        assert!(exported.contains(&id), "{id} in {exported:?}");
    }
    assert!(!exported.contains(&ROUND));
}
