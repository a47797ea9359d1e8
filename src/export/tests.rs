//! Golden snapshots of every format over two rounds (one with per-side statements and
//! uncertain facts, one call without a venue), and the properties a user relies on: the
//! output parses back, the RON export validates on its own, calendars are well-formed, and
//! the same input gives the same bytes.

use super::fixture::{library, library_with, source_text, CALL, CANCELLED, ISTANBUL};
use super::*;
use crate::dataset::{parse_sources, validate, Severity};

fn export(rounds: &[usize], format: Format) -> Rendered {
    render(&library(), rounds, format).unwrap()
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!(export(&[ISTANBUL, CALL], Format::Markdown).text);
}

#[test]
fn text_snapshot() {
    insta::assert_snapshot!(render_text(&library(), ISTANBUL));
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!(export(&[ISTANBUL, CALL], Format::Json).text);
}

#[test]
fn ron_snapshot() {
    insta::assert_snapshot!(export(&[ISTANBUL, CALL], Format::Ron).text);
}

#[test]
fn csv_snapshot() {
    insta::assert_snapshot!(export(&[ISTANBUL, CALL, CANCELLED], Format::Csv).text);
}

#[test]
fn ics_snapshot() {
    // CRLF made visible, since the snapshot file itself has plain newlines.
    insta::assert_snapshot!(export(&[ISTANBUL, CALL], Format::Ics).text.replace("\r\n", "⏎\n"));
}

#[test]
fn every_format_is_deterministic() {
    let lib = library();
    for &format in Format::ALL {
        let a = render(&lib, &[ISTANBUL, CALL, CANCELLED], format).unwrap();
        let b = render(&library(), &[ISTANBUL, CALL, CANCELLED], format).unwrap();
        assert_eq!(a.text.as_bytes(), b.text.as_bytes(), "{format}");
    }
}

#[test]
fn formats_parse_their_names() {
    for &f in Format::ALL {
        assert_eq!(Format::parse(f.label()), Some(f));
        assert_eq!(Format::parse(f.extension()), Some(f));
    }
    assert_eq!(Format::parse("ICAL"), Some(Format::Ics));
    assert_eq!(Format::parse("pdf"), None);
}

#[test]
fn an_index_past_the_end_is_an_error() {
    let err = render(&library(), &[ISTANBUL, 99], Format::Json).unwrap_err();
    assert!(err.to_string().contains("no round at position 99"), "{err}");
}

#[test]
fn json_parses_back_with_the_documented_keys() {
    let text = export(&[ISTANBUL, CALL], Format::Json).text;
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["schema_version"], 2);
    assert_eq!(v["dataset"]["title"], "Russia–United States talks, 2025");
    assert_eq!(v["dataset"]["version"], "0.3.0");
    let r = &v["rounds"][0];
    for key in [
        "id",
        "title",
        "status",
        "format",
        "track",
        "date",
        "venue",
        "duration",
        "delegations",
        "third_parties",
        "links",
        "agenda",
        "notes",
        "sources",
    ] {
        assert!(r.get(key).is_some(), "round has no `{key}`");
    }
    assert_eq!(r["date"]["start"], "2025-04-10");
    assert_eq!(r["date"]["end"], "2025-04-10");
    assert_eq!(r["date"]["precision"], "day");
    assert_eq!(r["date"]["approximate"], false);
    assert_eq!(r["venue"]["city"], "Istanbul");
    assert_eq!(r["duration"]["min_minutes"], 300);
    assert_eq!(r["duration"]["confidence"], "single");
    assert_eq!(r["delegations"][0]["heads"][0]["name"], "Alexander Darchiev");
    assert_eq!(r["delegations"][0]["members"][1]["confidence"], "uncertain");
    assert_eq!(r["agenda"][1]["statements"][0]["party"]["id"], "russia");
    assert_eq!(r["agenda"][1]["confidence"], "single");
    assert_eq!(r["notes"][0]["confidence"], "uncertain");
    assert_eq!(r["sources"][0]["url"], "https://mid.ru/en/press_service/0410");
    assert_eq!(v["rounds"][1]["venue"], serde_json::Value::Null);
    // The value users type in a query (`format:leaders-call`), not a spelling of its own.
    assert_eq!(v["rounds"][1]["format"], "leaders-call");
}

#[test]
fn ron_export_reloads_with_zero_errors_and_the_same_rounds() {
    let lib = library();
    let text = export(&[CALL, ISTANBUL], Format::Ron).text;
    let parsed = parse_sources(vec![source_text(&text)]).unwrap();
    let problems = validate(&parsed);
    let errors: Vec<String> =
        problems.iter().filter(|p| p.severity == Severity::Error).map(|p| p.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let data = &parsed.dataset;
    assert_eq!(data.title, "Russia–United States talks, 2025 (export)");
    let expected = [CALL, ISTANBUL].map(|r| lib.data().rounds.get(r).expect("a round").clone());
    assert_eq!(data.rounds, crate::model::Items::from(expected.to_vec()));
    // Everything referenced came along, nothing else did.
    let ids = |v: Vec<&str>| v.join(" ");
    assert_eq!(
        ids(data.topics.iter().map(|t| t.id.as_str()).collect()),
        "embassies banking property ceasefire energy-strikes prisoners"
    );
    assert_eq!(ids(data.parties.iter().map(|p| p.id.as_str()).collect()), "russia us");
    assert!(data.sources.iter().any(|s| s.id == "mid-darchiev"), "a position's source is kept");
    assert!(!data.sources.iter().any(|s| s.id == "unused" || s.id == "zakharova-0612"));
    assert!(!data.people.iter().any(|p| p.id == "zelensky"));
    assert!(!data.venues.iter().any(|v| v.id == "riyadh"));
}

#[test]
fn ron_export_of_one_round_brings_ancestor_topics() {
    let text = export(&[CALL], Format::Ron).text;
    let parsed = parse_sources(vec![source_text(&text)]).unwrap();
    assert!(validate(&parsed).iter().all(|p| p.severity != Severity::Error));
    let topics: Vec<&str> = parsed.dataset.topics.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(topics, ["ceasefire", "energy-strikes", "prisoners"]);
    assert!(parsed.dataset.venues.is_empty());
}

#[test]
fn ics_is_well_formed() {
    let text = export(&[ISTANBUL, CALL], Format::Ics).text;
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "a bare LF");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let unfolded = text.replace("\r\n ", "");
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20250410\r\nDTEND;VALUE=DATE:20250411\r\n"));
    assert!(unfolded.contains("UID:2025-04-10-istanbul@talks\r\n"));
    assert!(unfolded.contains("DTSTAMP:20250701T000000Z\r\n"));
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 2);
}

#[test]
fn ics_dtend_is_the_day_after_a_range() {
    let range = crate::model::DateSpec::Range("2025-02-27".parse().unwrap(), "2025-02-28".parse().unwrap());
    let lib = library_with(|d| {
        d.rounds.to_mut()[ISTANBUL].date = range;
    });
    let text = render(&lib, &[ISTANBUL], Format::Ics).unwrap().text;
    assert!(text.contains("DTSTART;VALUE=DATE:20250227\r\nDTEND;VALUE=DATE:20250301\r\n"));
}

#[test]
fn ics_skips_rounds_without_days() {
    let out = export(&[ISTANBUL, CANCELLED], Format::Ics);
    assert_eq!(out.text.matches("BEGIN:VEVENT").count(), 1);
    assert_eq!(out.skipped.len(), 1);
    assert!(
        out.skipped[0].contains("2025-06-moscow") && out.skipped[0].contains("month"),
        "{:?}",
        out.skipped
    );
    let err = render(&library(), &[CANCELLED], Format::Ics).unwrap_err().to_string();
    assert!(err.contains("2025-06-moscow"), "{err}");
}

#[test]
fn csv_cells_that_would_be_formulas_stay_text() {
    let lib = library_with(|d| {
        d.rounds.to_mut()[ISTANBUL].title = "=HYPERLINK(\"http://evil.example\",\"click\")".into();
        d.rounds.to_mut()[ISTANBUL].agenda[0].summary = "+1 more".into();
        d.rounds.to_mut()[ISTANBUL].agenda[1].summary = "@SUM(A1)".into();
    });
    let export = render(&lib, &[ISTANBUL], Format::Csv).unwrap().text;
    let mut reader = ::csv::Reader::from_reader(export.as_bytes());
    let summaries: Vec<String> = reader.records().map(|r| r.unwrap()[5].to_string()).collect();
    assert_eq!(summaries[0], "'+1 more");
    assert_eq!(summaries[1], "'@SUM(A1)");
    let table = crate::export::csv_round_table(&lib, &[ISTANBUL]).unwrap();
    let mut reader = ::csv::Reader::from_reader(table.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[12], "'=HYPERLINK(\"http://evil.example\",\"click\")");
    // An ordinary cell is left alone.
    assert_eq!(&row[0], "2025-04-10-istanbul");
}

#[test]
fn a_crlf_in_the_data_leaves_no_carriage_return_in_human_formats() {
    let lib = library_with(|d| {
        d.rounds.to_mut()[ISTANBUL].agenda[0].summary = "line one\r\nline two".into();
        d.rounds.to_mut()[ISTANBUL].notes[0].text = "note\r\nmore".into();
    });
    for format in [Format::Markdown, Format::Csv, Format::Ics] {
        let text = render(&lib, &[ISTANBUL], format).unwrap().text;
        // The formats' own line ends aside (CSV and iCalendar use CRLF), no CR is left.
        let bare = text.replace("\r\n", "");
        assert!(!bare.contains('\r'), "{format}: {text:?}");
    }
    let text = render_text(&lib, ISTANBUL);
    assert!(!text.contains('\r'));
    assert!(text.contains("line one line two"));
}

#[test]
fn csv_parses_back_with_quoting() {
    let lib = library_with(|d| {
        d.rounds.to_mut()[ISTANBUL].agenda[0].summary =
            "Notes, \"guaranteeing\" banking\nfor missions".into();
    });
    let text = render(&lib, &[ISTANBUL, CALL, CANCELLED], Format::Csv).unwrap().text;
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, ["round_id", "date", "venue", "topic", "outcome", "summary", "sources"]);
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // Two items, two items, and one row for the round without an agenda.
    assert_eq!(rows.len(), 5);
    assert_eq!(&rows[0][5], "Notes, \"guaranteeing\" banking\nfor missions");
    assert_eq!(&rows[0][6], "mid-0410;state-0410");
    assert_eq!(&rows[4][0], "2025-06-moscow");
    assert_eq!((&rows[4][3], &rows[4][4], &rows[4][5]), ("", "", ""));
}

#[test]
fn human_formats_carry_no_control_characters() {
    let lib = library_with(|d| {
        d.rounds.to_mut()[ISTANBUL].title = "Talks\u{1b}[2J in \u{202e}Istanbul".into();
        d.rounds.to_mut()[ISTANBUL].agenda[0].summary = "bell\u{7} and\nnewline".into();
    });
    for format in [Format::Markdown, Format::Csv, Format::Ics] {
        let text = render(&lib, &[ISTANBUL], format).unwrap().text;
        assert!(!text.contains(['\u{1b}', '\u{7}', '\u{202e}']), "{format}");
    }
    let text = render_text(&lib, ISTANBUL);
    assert!(!text.contains(['\u{1b}', '\u{7}', '\u{202e}']));
    assert!(text.contains("bell\u{fffd} and newline"));
}

#[test]
fn markdown_escapes_markup_in_data() {
    let lib = library_with(|d| {
        d.rounds.to_mut()[ISTANBUL].agenda[0].summary = "*not* emphasis_or [a link]".into();
    });
    let text = render(&lib, &[ISTANBUL], Format::Markdown).unwrap().text;
    assert!(text.contains(r"\*not\* emphasis\_or \[a link\]"));
}

#[test]
fn text_of_a_missing_round_is_empty() {
    assert_eq!(render_text(&library(), 42), "");
}
