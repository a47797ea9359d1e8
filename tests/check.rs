//! `talks check`: what a curator sees for a valid dataset, for each kind of broken one, for
//! several files merged, and for paths that cannot be read.
//!
//! Every position below was counted by hand in the fixture (columns in characters, 1-based).

use crate::harness::Dir;

/// Copies `invalid/<name>` into a fresh directory and runs `talks check <name>`.
fn check_invalid(name: &str) -> crate::harness::Run {
    let dir = Dir::new();
    dir.copy(&format!("invalid/{name}"), name);
    dir.run(&["check", name])
}

/// The last line of every failed check.
fn verdict(errors: usize) -> String {
    format!("talks: the dataset has {errors} error(s); see the messages above\n")
}

#[test]
fn a_valid_dataset_is_summarised_on_stdout_with_nothing_on_stderr() {
    let dir = Dir::new();
    dir.copy("valid/minimal.ron", "minimal.ron");
    let run = dir.run(&["check", "minimal.ron"]);
    run.code(0)
        .stdout_has("minimal.ron\n")
        .stdout_has("3 rounds, 1 milestones, 7 people, 3 topics, 3 sources, 3 parties, 2 venues, 2 tracks")
        .stdout_has("valid: 0 error(s), 0 warning(s)");
    assert_eq!(run.stderr, "");
}

#[test]
fn a_byte_order_mark_at_the_start_is_accepted() {
    let dir = Dir::new();
    let text =
        std::fs::read_to_string(crate::harness::fixtures().join("valid/minimal.ron")).expect("fixture");
    std::fs::write(dir.path().join("bom.ron"), format!("\u{feff}{text}")).expect("write");
    dir.run(&["check", "bom.ron"]).code(0).stdout_has("valid: 0 error(s), 0 warning(s)");
    // Positions are still counted from the first visible character.
    let broken = text.replacen("    version: \"0.1.0\",\n", "    version: \"0.1.0\"\n", 1);
    std::fs::write(dir.path().join("bom-broken.ron"), format!("\u{feff}{broken}")).expect("write");
    let run = dir.run(&["check", "bom-broken.ron"]);
    run.code(1);
    assert!(run.stderr.starts_with("bom-broken.ron:4:5: error: Expected comma"), "{}", run.stderr);
}

#[test]
fn data_flag_is_checked_when_no_file_is_given() {
    let dir = Dir::new();
    dir.copy("valid/minimal.ron", "minimal.ron");
    dir.run(&["--data", "minimal.ron", "check"]).code(0).stdout_has("valid: 0 error(s)");
}

// Syntax errors: the first line is `file:line:col: error: message; fix`, then a snippet.

#[test]
fn missing_comma_points_at_the_next_value_and_says_where_the_comma_goes() {
    let run = check_invalid("missing-comma.ron");
    run.code(1)
        .diagnostics_are(&["missing-comma.ron:4:5: error: Expected comma; values are separated by `,`: \
         add one after line 3, column 20, or remove the stray text here"]);
    run.stderr_has("curated_on: \"2025-05-01\"");
    assert!(run.stderr.ends_with(&verdict(1)), "{}", run.stderr);
}

#[test]
fn unclosed_string_names_where_the_string_was_opened() {
    // `licence: "CC BY 4.0,` swallows text up to the quote before `reuters-…` on line 10.
    check_invalid("unclosed-string.ron").code(1).diagnostics_are(&[
        "unclosed-string.ron:10:18: error: Expected comma; the string opened at line 7, column 14 \
         runs over several lines; is its closing `\"` missing?",
    ]);
}

#[test]
fn unclosed_paren_is_reported_at_the_end_of_the_text() {
    check_invalid("unclosed-paren.ron")
        .code(1)
        .diagnostics_are(&["unclosed-paren.ron:140:7: error: Unexpected end of RON; \
         the file ends before every `(` and `[` is closed; add the missing bracket"]);
}

#[test]
fn columns_are_counted_in_characters_after_accented_text() {
    // `title: "Négociations à İstanbul" x,`: the `x` is character 46 but byte 49.
    let run = check_invalid("junk-after-accents.ron");
    run.code(1).diagnostics_are(&[
        "junk-after-accents.ron:92:46: error: Expected comma; values are separated by `,`: \
         add one after line 92, column 44, or remove the stray text here",
    ]);
    run.stderr_has("Négociations à İstanbul");
}

#[test]
fn impossible_day_says_it_is_not_a_real_date() {
    check_invalid("date-malformed.ron")
        .code(1)
        .diagnostics_are(&["date-malformed.ron:93:24: error: input is out of range; \
         `2025-02-30` is not a real date; write an existing day as YYYY-MM-DD"]);
}

#[test]
fn unknown_field_lists_the_fields_allowed_there() {
    check_invalid("unknown-field.ron").code(1).diagnostics_are(&[
        "unknown-field.ron:96:13: error: Unexpected field named `city` in `Round`, expected one of \
         `id`, `track`, `title`, `short_title`, `date`, `date_approximate`, `status`, `format`, `venue`, `duration`, \
         `delegations`, `third_parties`, `agenda`, `notes`, `links`, or `sources` instead",
    ]);
}

#[test]
fn unknown_status_lists_the_valid_values() {
    check_invalid("bad-status.ron").code(1).diagnostics_are(&[
        "bad-status.ron:94:21: error: Unexpected variant named `Adjourned` in enum `Status`, \
         expected one of `Held`, `Announced`, `Planned`, `Postponed`, or `Cancelled` instead",
    ]);
}

#[test]
fn unknown_source_kind_and_third_role_list_the_values() {
    check_invalid("bad-source-kind.ron").code(1).diagnostics_are(&[
        "bad-source-kind.ron:11:110: error: Unexpected variant named `Blog` in enum `SourceKind`, \
         expected one of `Official`, `Wire`, `Press`, or `Aggregator` instead",
    ]);
    check_invalid("bad-third-role.ron").code(1).diagnostics_are(&[
        "bad-third-role.ron:79:59: error: Unexpected variant named `Sponsor` in enum `ThirdRole`, \
         expected one of `Host`, `Mediator`, `Chair`, `Facilitator`, or `Observer` instead",
    ]);
}

// The fields of the whole process: third parties, links, milestones and co-heads.

#[test]
fn third_parties_are_checked_against_the_parties_and_the_table() {
    check_invalid("unknown-third-party.ron").code(1).diagnostics_are(&[
        "unknown-third-party.ron:79:47: error: round `2025-02-18-riyadh`, field `third_parties.party`: \
         unknown party `saudi`; did you mean `sa`?",
    ]);
    check_invalid("third-party-at-table.ron").code(1).diagnostics_are(&[
        "third-party-at-table.ron:79:13: error: round `2025-02-18-riyadh`, field `third_parties`: \
         party `ru` is both a delegation and a host; keep one",
    ]);
}

#[test]
fn links_name_another_existing_round() {
    check_invalid("unknown-link-round.ron").code(1).diagnostics_are(&[
        "unknown-link-round.ron:125:53: error: round `2025-03-18-call`, field `links.round`: \
         unknown round `2025-02-18-riad`; did you mean `2025-02-18-riyadh`?",
    ]);
    check_invalid("link-to-itself.ron")
        .code(1)
        .diagnostics_are(&["link-to-itself.ron:125:13: error: round `2025-03-18-call`, field `links`: \
         the round links to itself; link another round"]);
}

#[test]
fn milestones_name_existing_rounds_and_cite_sources() {
    check_invalid("milestone-unknown-round.ron").code(1).diagnostics_are(&[
        "milestone-unknown-round.ron:137:22: error: milestone `2025-03-18-energy-moratorium`, field `rounds`: \
         unknown round `2025-03-19-call`; did you mean `2025-03-18-call`?",
    ]);
    check_invalid("milestone-without-sources.ron").code(1).diagnostics_are(&[
        "milestone-without-sources.ron:138:13: error: milestone `2025-03-18-energy-moratorium`, field `sources`: \
         cites no source; every fact needs at least one source id",
    ]);
}

#[test]
fn every_co_head_must_sit_in_the_delegation() {
    check_invalid("co-head-not-member.ron").code(1).diagnostics_are(&[
        "co-head-not-member.ron:100:60: error: round `2025-02-27-istanbul`, field `delegations.heads`: \
         head `rubio` is not among the members of the `us` delegation; add them to `members`",
    ]);
}

// Validation errors: `file:line:col: error: <entity>, field `<field>`: <message>; <fix>`.

#[test]
fn unknown_venue_suggests_the_closest_id() {
    let run = check_invalid("unknown-venue.ron");
    run.code(1)
        .diagnostics_are(&["unknown-venue.ron:96:20: error: round `2025-02-27-istanbul`, field `venue`: \
         unknown venue `istanbul-consulat`; did you mean `istanbul-consulate`?"]);
    assert!(run.stderr.ends_with(&verdict(1)), "{}", run.stderr);
    run.stdout_has("INVALID: 1 error(s), 0 warning(s)");
}

#[test]
fn unknown_head_is_an_unknown_person_and_not_a_member() {
    check_invalid("unknown-head.ron").code(1).diagnostics_are(&[
        "unknown-head.ron:99:49: error: round `2025-02-27-istanbul`, field `delegations.heads`: \
         unknown person `dartchiev`; did you mean `darchiev`?",
        "unknown-head.ron:99:49: error: round `2025-02-27-istanbul`, field `delegations.heads`: \
         head `dartchiev` is not among the members of the `ru` delegation; add them to `members`",
    ]);
}

#[test]
fn head_who_is_not_a_member_is_found_in_the_second_delegation() {
    // Line 99 is the Russian delegation; the wrong head is on line 100.
    check_invalid("head-not-member.ron").code(1).diagnostics_are(&[
        "head-not-member.ron:100:49: error: round `2025-02-27-istanbul`, field `delegations.heads`: \
         head `rubio` is not among the members of the `us` delegation; add them to `members`",
    ]);
}

#[test]
fn unknown_topic_suggests_the_closest_id() {
    check_invalid("unknown-topic.ron").code(1).diagnostics_are(&[
        "unknown-topic.ron:103:35: error: round `2025-02-27-istanbul`, field `agenda.topic`: \
         unknown topic `embassy`; did you mean `embassies`?",
    ]);
}

#[test]
fn unknown_source_suggests_the_closest_id() {
    check_invalid("unknown-source.ron").code(1).diagnostics_are(&[
        "unknown-source.ron:108:23: error: round `2025-02-27-istanbul`, field `sources`: \
         unknown source `reuters-2025-02-28`; did you mean `reuters-2025-02-27`?",
    ]);
}

#[test]
fn duplicate_round_id_gives_both_positions() {
    check_invalid("duplicate-round-id.ron").code(1).diagnostics_are(&[
        "duplicate-round-id.ron:111:17: error: round `2025-02-27-istanbul`, field `id`: duplicate id \
         (first defined at duplicate-round-id.ron:90:17); ids must be unique, rename one",
        // The renamed call no longer exists, so the milestone that names it points nowhere.
        "duplicate-round-id.ron:137:22: error: milestone `2025-03-18-energy-moratorium`, field `rounds`: \
         unknown round `2025-03-18-call`; did you mean `2025-02-18-riyadh`?",
    ]);
}

#[test]
fn duplicate_person_id_gives_both_positions() {
    check_invalid("duplicate-person-id.ron").code(1).diagnostics_are(&[
        "duplicate-person-id.ron:52:20: error: person `coulter`, field `id`: duplicate id \
         (first defined at duplicate-person-id.ron:41:20); ids must be unique, rename one",
    ]);
}

#[test]
fn range_ending_before_it_starts_says_to_swap() {
    check_invalid("date-range-reversed.ron").code(1).diagnostics_are(&[
        "date-range-reversed.ron:93:13: error: round `2025-02-27-istanbul`, field `date`: \
         the range ends (2025-02-26) before it starts (2025-02-27); swap the dates",
    ]);
}

#[test]
fn month_thirteen_is_rejected() {
    check_invalid("date-month-13.ron")
        .code(1)
        .diagnostics_are(&["date-month-13.ron:114:13: error: round `2025-03-18-call`, field `date`: \
         month 13 is not between 1 and 12"]);
}

#[test]
fn round_without_sources_points_at_its_own_empty_list() {
    // Line 117 has the duration's `sources:`; the round's own `sources: []` is on line 125.
    check_invalid("round-without-sources.ron").code(1).diagnostics_are(&[
        "round-without-sources.ron:126:13: error: round `2025-03-18-call`, field `sources`: \
         cites no source; every fact needs at least one source id",
    ]);
}

#[test]
fn topic_parent_cycle_is_reported_for_each_topic_in_it() {
    check_invalid("topic-cycle.ron").code(1).diagnostics_are(&[
        "topic-cycle.ron:61:127: error: topic `bilateral`, field `parent`: \
         the topic is its own ancestor; break the cycle of parents",
        "topic-cycle.ron:62:131: error: topic `embassies`, field `parent`: \
         the topic is its own ancestor; break the cycle of parents",
    ]);
}

// Files that cannot be read: one line naming the path, exit 3.

#[test]
fn empty_file_is_one_line() {
    let run = check_invalid("empty.ron");
    run.code(3);
    assert_eq!(
        run.stderr,
        "talks: cannot read dataset empty.ron: the file is empty; a dataset starts with `Dataset(`\n"
    );
    assert_eq!(run.stdout, "");
}

#[test]
fn non_utf8_file_is_one_line_with_the_offset() {
    let run = check_invalid("not-utf8.ron");
    run.code(3);
    assert_eq!(
        run.stderr,
        "talks: cannot read dataset not-utf8.ron: not UTF-8 text (invalid byte at offset 33); save it as UTF-8\n"
    );
}

#[test]
fn directory_is_one_line() {
    let dir = Dir::new();
    dir.mkdir("a-directory.ron");
    let run = dir.run(&["check", "a-directory.ron"]);
    run.code(3);
    assert_eq!(
        run.stderr,
        "talks: cannot read dataset a-directory.ron: it is a directory; give a .ron file\n"
    );
}

#[test]
fn committed_directory_fixture_is_rejected_too() {
    let path = crate::harness::fixtures().join("invalid").join("a-directory.ron");
    let run = Dir::new().run(&["check", path.to_str().expect("UTF-8 path")]);
    run.code(3).stderr_has("it is a directory; give a .ron file");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn missing_file_is_one_line() {
    let run = Dir::new().run(&["check", "missing.ron"]);
    run.code(3);
    assert_eq!(run.stderr, "talks: cannot read dataset missing.ron: no such file\n");
}

#[test]
fn missing_file_among_valid_ones_still_fails_to_read() {
    let dir = Dir::new();
    dir.copy("valid/minimal.ron", "a.ron");
    let run = dir.run(&["check", "a.ron", "missing.ron"]);
    run.code(3);
    assert_eq!(run.stderr, "talks: cannot read dataset missing.ron: no such file\n");
}

// Several files are merged; an id defined in two of them is reported with both positions.

/// Redefines the Istanbul round of the minimal fixture; the `id:` is at 9:17.
const ADDENDUM: &str = r#"Dataset(
    title: "Addendum",
    version: "0.1.0",
    curated_on: "2025-05-02",
    description: "A round that is already in the first file.",
    licence: "CC BY 4.0",
    rounds: [
        Round(
            id: "2025-02-27-istanbul",
            track: "normalisation",
            title: "Istanbul, again",
            date: Day("2025-02-27"),
            status: Held,
            format: WorkingLevel,
            agenda: [AgendaItem(topic: "embassies", summary: "Staffing.", outcome: Discussed, sources: ["reuters-2025-02-27"])],
            sources: ["reuters-2025-02-27"],
        ),
    ],
)
"#;

const DUPLICATE_ACROSS_FILES: &str = "b.ron:9:17: error: round `2025-02-27-istanbul`, field `id`: \
     duplicate id (first defined at a.ron:90:17); ids must be unique, rename one";

#[test]
fn duplicate_id_across_files_given_to_check() {
    let dir = Dir::new();
    dir.copy("valid/minimal.ron", "a.ron").write("b.ron", ADDENDUM);
    let run = dir.run(&["check", "a.ron", "b.ron"]);
    run.code(1).diagnostics_are(&[DUPLICATE_ACROSS_FILES]).stdout_has("a.ron + b.ron\n");
}

#[test]
fn duplicate_id_across_files_given_with_data() {
    let dir = Dir::new();
    dir.copy("valid/minimal.ron", "a.ron").write("b.ron", ADDENDUM);
    dir.run(&["--data", "a.ron", "--data", "b.ron", "check"])
        .code(1)
        .diagnostics_are(&[DUPLICATE_ACROSS_FILES]);
}

#[test]
fn files_that_complete_each_other_are_valid_together() {
    let dir = Dir::new();
    dir.copy("valid/minimal.ron", "a.ron")
        .write("b.ron", ADDENDUM.replace("2025-02-27-istanbul", "2025-04-10-istanbul"));
    dir.run(&["check", "a.ron", "b.ron"]).code(0).stdout_has("4 rounds").stdout_has("valid: 0 error(s)");
}

// The command line itself.

#[test]
fn help_and_version() {
    let dir = Dir::new();
    dir.run(&["--help"]).code(0).stdout_has("Usage:").stdout_has("check");
    dir.run(&["check", "--help"]).code(0).stdout_has("FILE");
    let version = dir.run(&["--version"]);
    version.code(0);
    // `--version` also names the built-in dataset; `-V` is the short form.
    assert!(version.stdout.starts_with(&format!("talks {}\nbuilt-in dataset: ", env!("CARGO_PKG_VERSION"))));
    assert_eq!(dir.run(&["-V"]).stdout, format!("talks {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn unknown_command_is_a_usage_error() {
    Dir::new().run(&["frobnicate"]).code(2).stderr_has("frobnicate");
}

#[test]
fn no_fixture_makes_talks_panic() {
    // `Dir::run` fails the test on exit code 101, so this walks every fixture through it.
    let mut names: Vec<String> = std::fs::read_dir(crate::harness::fixtures().join("invalid"))
        .expect("fixtures directory")
        .map(|e| e.expect("directory entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 20, "{names:?}");
    for name in names {
        let path = crate::harness::fixtures().join("invalid").join(&name);
        let run = Dir::new().run(&["check", path.to_str().expect("UTF-8 path")]);
        assert!(matches!(run.code, 1 | 3), "{name}: exit {}\n{}", run.code, run.stderr);
    }
}

// The shipped dataset.

/// The built-in dataset, checked: it must parse.
fn shipped() -> talks::dataset::Checked {
    talks::dataset::check(&[]).expect("the built-in dataset parses")
}

#[test]
fn shipped_dataset_is_valid_and_covers_the_whole_process() {
    use talks::model::{MilestoneKind, Status};
    let checked = shipped();
    let errors: Vec<String> = checked
        .problems
        .iter()
        .filter(|p| p.severity == talks::dataset::Severity::Error)
        .map(|p| p.to_string())
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    let data = &checked.parsed.dataset;
    assert!(data.rounds.len() >= 90, "{} rounds", data.rounds.len());
    // From February 2025 to March 2026.
    let starts: Vec<chrono::NaiveDate> =
        data.rounds.iter().map(|r| r.date.interval().expect("a real date").start).collect();
    let first = starts.iter().min().expect("rounds");
    let last = starts.iter().max().expect("rounds");
    assert_eq!(first.format("%Y-%m").to_string(), "2025-02");
    assert_eq!(last.format("%Y-%m").to_string(), "2026-03");
    for status in [Status::Held, Status::Postponed, Status::Cancelled, Status::Planned] {
        assert!(data.rounds.iter().any(|r| r.status == status), "no round is {status}");
    }
    let trilateral: Vec<&str> =
        data.rounds.iter().filter(|r| r.delegations.len() == 3).map(|r| r.id.as_str()).collect();
    assert!(trilateral.contains(&"2026-02-04-abu-dhabi"), "{trilateral:?}");
    for kind in [
        MilestoneKind::Agreement,
        MilestoneKind::PrisonerExchange,
        MilestoneKind::Ceasefire,
        MilestoneKind::Sanctions,
    ] {
        assert!(data.milestones.iter().any(|m| m.kind == kind), "no milestone of kind {kind}");
    }
    // The heads of the first Istanbul round.
    let round =
        data.rounds.iter().find(|r| r.id == "2025-02-27-istanbul").expect("the Istanbul round of 2025-02-27");
    let heads: Vec<&str> =
        round.delegations.iter().flat_map(|d| d.heads.iter().map(String::as_str)).collect();
    assert!(heads.contains(&"darchiev"), "{heads:?}");
    assert!(heads.contains(&"coulter"), "{heads:?}");
    // Co-heads: Karasin and Beseda, Peek and Anton in Riyadh on 24 March 2025.
    let riyadh =
        data.rounds.iter().find(|r| r.id == "2025-03-24-riyadh").expect("the Riyadh round of 24 March");
    let heads: Vec<Vec<&str>> =
        riyadh.delegations.iter().map(|d| d.heads.iter().map(String::as_str).collect()).collect();
    assert!(heads.iter().all(|h| h.len() == 2), "{heads:?}");
    // Every event of the original fact sheet is there, with the statuses it gives.
    let status = |id: &str| data.rounds.iter().find(|r| r.id == id).map(|r| r.status);
    for id in crate::cli::ORIGINAL.iter().filter(|id| **id != "2025-06-moscow-cancelled") {
        assert_eq!(status(id), Some(Status::Held), "{id}");
    }
    assert_eq!(status("2025-06-moscow-cancelled"), Some(Status::Cancelled));
    // The French forms users search for are kept as aliases.
    let aliases: Vec<&str> = data.people.iter().flat_map(|p| p.aliases.iter().map(String::as_str)).collect();
    for french in ["Sergueï Lavrov", "Aleksandr Darchiev", "Iouri Ouchakov", "Vladimir Poutine"] {
        assert!(aliases.contains(&french), "{french}");
    }
}

/// The first raw source id in `text`: `S` and one to three digits as a whole word, as in
/// "(S13)" or "S104". A source belongs in a `sources` list, never in the prose.
fn raw_source_id(text: &str) -> Option<&str> {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        if c != 'S' || (k > 0 && word(chars[k - 1].1)) {
            continue;
        }
        let digits = chars[k + 1..].iter().take_while(|(_, d)| d.is_ascii_digit()).count();
        let after = chars.get(k + 1 + digits);
        if (1..=3).contains(&digits) && !after.is_some_and(|&(_, d)| word(d)) {
            return Some(&text[at..after.map_or(text.len(), |&(end, _)| end)]);
        }
    }
    None
}

#[test]
fn the_raw_source_id_finder_finds_whole_words_only() {
    for (text, id) in
        [("(S13)", "S13"), ("S104", "S104"), ("see S1.", "S1"), ("S58, S59", "S58"), ("à S7", "S7")]
    {
        assert_eq!(raw_source_id(text), Some(id), "{text}");
    }
    for text in ["US", "S-400", "S1234", "SS13", "S13a", "BS13", "S", "Sources", "s13", "S_1", "ÉS12"] {
        assert_eq!(raw_source_id(text), None, "{text}");
    }
}

#[test]
fn no_prose_field_carries_a_raw_source_id() {
    let checked = shipped();
    let data = &checked.parsed.dataset;
    // (where, text) for every field a reader reads as prose.
    let mut prose: Vec<(String, &str)> = vec![("dataset description".into(), data.description.as_str())];
    for p in &data.people {
        for (i, pos) in p.positions.iter().enumerate() {
            prose.push((format!("person `{}` positions[{i}].title", p.id), &pos.title));
        }
    }
    for t in &data.topics {
        prose.push((format!("topic `{}` description", t.id), &t.description));
    }
    for t in &data.tracks {
        prose.push((format!("track `{}` description", t.id), &t.description));
    }
    for s in &data.sources {
        prose.push((format!("source `{}` title", s.id), &s.title));
    }
    for r in &data.rounds {
        let at = |field: String| format!("round `{}` {field}", r.id);
        prose.push((at("title".into()), &r.title));
        for (i, n) in r.notes.iter().enumerate() {
            prose.push((at(format!("notes[{i}]")), &n.text));
        }
        for (i, d) in r.delegations.iter().enumerate() {
            if let Some(note) = &d.note {
                prose.push((at(format!("delegations[{i}].note")), note));
            }
            for (j, m) in d.members.iter().enumerate() {
                prose.push((at(format!("delegations[{i}].members[{j}].role")), &m.role));
                if let Some(note) = &m.note {
                    prose.push((at(format!("delegations[{i}].members[{j}].note")), note));
                }
            }
        }
        for (i, t) in r.third_parties.iter().enumerate() {
            if let Some(note) = &t.note {
                prose.push((at(format!("third_parties[{i}].note")), note));
            }
            for (j, m) in t.members.iter().enumerate() {
                prose.push((at(format!("third_parties[{i}].members[{j}].role")), &m.role));
                if let Some(note) = &m.note {
                    prose.push((at(format!("third_parties[{i}].members[{j}].note")), note));
                }
            }
        }
        for (i, l) in r.links.iter().enumerate() {
            if let Some(note) = &l.note {
                prose.push((at(format!("links[{i}].note")), note));
            }
        }
        for (i, a) in r.agenda.iter().enumerate() {
            prose.push((at(format!("agenda[{i}].summary")), &a.summary));
            for (j, st) in a.statements.iter().enumerate() {
                prose.push((at(format!("agenda[{i}].statements[{j}].text")), &st.text));
            }
        }
    }
    for m in &data.milestones {
        let at = |field: String| format!("milestone `{}` {field}", m.id);
        prose.push((at("title".into()), &m.title));
        prose.push((at("summary".into()), &m.summary));
        for (i, n) in m.notes.iter().enumerate() {
            prose.push((at(format!("notes[{i}]")), &n.text));
        }
    }
    assert!(prose.len() > 1000, "the walk reaches the prose: {} fields", prose.len());
    let found: Vec<String> = prose
        .iter()
        .filter_map(|(field, text)| raw_source_id(text).map(|id| format!("{field}: `{id}` in {text:?}")))
        .collect();
    assert!(found.is_empty(), "raw source ids in the prose:\n{}", found.join("\n"));
}

#[test]
fn every_fact_cites_sources_that_exist() {
    let checked = shipped();
    let data = &checked.parsed.dataset;
    let defined: std::collections::HashSet<&str> = data.sources.iter().map(|s| s.id.as_str()).collect();
    // (who cites, the ids) for every list of sources in the dataset.
    let mut cited: Vec<(String, &[String])> = Vec::new();
    let mut uncited: Vec<String> = Vec::new();
    let mut must_cite = |who: String, sources: &[String]| {
        if sources.is_empty() {
            uncited.push(who);
        }
    };
    for r in &data.rounds {
        must_cite(format!("round `{}`", r.id), &r.sources);
        for (i, a) in r.agenda.iter().enumerate() {
            must_cite(format!("round `{}` agenda[{i}]", r.id), &a.sources);
        }
        for (i, t) in r.third_parties.iter().enumerate() {
            must_cite(format!("round `{}` third_parties[{i}]", r.id), &t.sources);
        }
    }
    for m in &data.milestones {
        must_cite(format!("milestone `{}`", m.id), &m.sources);
    }
    assert_eq!(uncited, Vec::<String>::new(), "these cite no source");
    for p in &data.people {
        for (i, pos) in p.positions.iter().enumerate() {
            cited.push((format!("person `{}` positions[{i}]", p.id), &pos.sources));
        }
    }
    for r in &data.rounds {
        let at = |field: String| format!("round `{}` {field}", r.id);
        cited.push((at("sources".into()), &r.sources));
        if let Some(d) = &r.duration {
            cited.push((at("duration".into()), &d.sources));
        }
        for (i, n) in r.notes.iter().enumerate() {
            cited.push((at(format!("notes[{i}]")), &n.sources));
        }
        for (i, l) in r.links.iter().enumerate() {
            cited.push((at(format!("links[{i}]")), &l.sources));
        }
        let members = r
            .delegations
            .iter()
            .flat_map(|d| &d.members)
            .chain(r.third_parties.iter().flat_map(|t| &t.members));
        for m in members {
            cited.push((at(format!("member `{}`", m.person)), &m.sources));
        }
        for (i, t) in r.third_parties.iter().enumerate() {
            cited.push((at(format!("third_parties[{i}]")), &t.sources));
        }
        for (i, a) in r.agenda.iter().enumerate() {
            cited.push((at(format!("agenda[{i}]")), &a.sources));
            for (j, st) in a.statements.iter().enumerate() {
                cited.push((at(format!("agenda[{i}].statements[{j}]")), &st.sources));
            }
        }
    }
    for m in &data.milestones {
        cited.push((format!("milestone `{}` sources", m.id), &m.sources));
        for (i, n) in m.notes.iter().enumerate() {
            cited.push((format!("milestone `{}` notes[{i}]", m.id), &n.sources));
        }
    }
    let unknown: Vec<String> = cited
        .iter()
        .flat_map(|(who, ids)| {
            ids.iter().filter(|id| !defined.contains(id.as_str())).map(move |id| format!("{who}: `{id}`"))
        })
        .collect();
    assert_eq!(unknown, Vec::<String>::new(), "cited ids that no source defines");
    assert!(cited.iter().map(|(_, ids)| ids.len()).sum::<usize>() > 1000, "the walk reaches the citations");
}

#[test]
fn the_name_forms_readers_type_find_their_person() {
    use talks::query::{filter, Query, Sort};
    let (lib, _) = talks::dataset::open(&[]).expect("the built-in dataset loads");
    let forms = [
        ("poutine", "putin"),
        ("ouchakov", "ushakov"),
        ("medinski", "medinsky"),
        ("koushner", "kushner"),
        ("witkoff", "witkoff"),
        ("vitkoff", "witkoff"),
        ("oumerov", "umerov"),
        ("Путин", "putin"),
        ("dartchiev", "darchiev"),
    ];
    for (word, person) in forms {
        let query = Query::parse(&format!("person:{word}")).expect("a valid query");
        let found: Vec<&str> = filter(&lib, &query, Sort::Date)
            .iter()
            .map(|&r| lib.data().rounds.get(r).expect("a round").id.as_str())
            .collect();
        assert!(!found.is_empty(), "person:{word} finds no round");
        for id in &found {
            let round = lib.round(id).expect("a round");
            assert!(
                round.participants().any(|m| m.person == person),
                "person:{word} finds {id}, where {person} is not"
            );
        }
        // And every round the person took part in.
        let attended =
            lib.data().rounds.iter().filter(|r| r.participants().any(|m| m.person == person)).count();
        assert_eq!(found.len(), attended, "person:{word}: {found:?}");
    }
}

#[test]
fn a_broken_dataset_says_its_error_once() {
    let dir = Dir::new();
    dir.write("broken.ron", "Dataset(title: \"x\",");
    let run = dir.run(&["list", "--data", "broken.ron"]);
    run.code(1);
    assert_eq!(run.stderr.matches("Unexpected end of RON").count(), 1, "{}", run.stderr);
    run.stderr_has("broken.ron:1:19: error:");
}

#[test]
fn check_lists_problems_in_file_and_line_order() {
    let run = Dir::new().run(&["check"]);
    run.code(0);
    let positions: Vec<(usize, usize, usize)> = run
        .stderr
        .lines()
        .filter_map(|l| {
            let mut parts = l.splitn(4, ':');
            let file = parts.next()?;
            let line = parts.next()?.parse().ok()?;
            let column = parts.next()?.parse().ok()?;
            let order = talks::dataset::EMBEDDED.iter().position(|(name, _)| *name == file)?;
            Some((order, line, column))
        })
        .collect();
    assert!(positions.len() > 50, "{}", run.stderr);
    let mut sorted = positions.clone();
    sorted.sort_unstable();
    assert_eq!(positions, sorted);
}

#[test]
fn json_lists_every_problem_with_its_position_severity_and_code() {
    let run = check_invalid("unknown-head.ron");
    let run = {
        let dir = Dir::new();
        dir.copy("invalid/unknown-head.ron", "unknown-head.ron");
        let json = dir.run(&["check", "--format", "json", "unknown-head.ron"]);
        json.code(1);
        assert_eq!(run.code, json.code, "the exit code is the text mode's");
        json
    };
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON on stdout");
    assert_eq!(doc["valid"], false);
    assert_eq!(doc["errors"], 2);
    assert_eq!(doc["files"][0], "unknown-head.ron");
    let codes: Vec<&str> =
        doc["problems"].as_array().expect("problems").iter().filter_map(|p| p["code"].as_str()).collect();
    assert_eq!(codes, ["unknown-reference", "head-not-member"]);
    let first = &doc["problems"][0];
    assert_eq!((first["line"].as_u64(), first["column"].as_u64()), (Some(99), Some(49)));
    assert_eq!(first["severity"], "error");
    // A file that does not parse is one problem with the code `parse` and its position.
    let dir = Dir::new();
    dir.copy("invalid/missing-comma.ron", "missing-comma.ron");
    let run = dir.run(&["check", "--format", "json", "missing-comma.ron"]);
    run.code(1);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON on stdout");
    let p = &doc["problems"][0];
    assert_eq!(
        (p["code"].as_str(), p["line"].as_u64(), p["column"].as_u64()),
        (Some("parse"), Some(4), Some(5))
    );
    assert_eq!(p["file"], "missing-comma.ron");
    // The shipped dataset: valid, with its warnings coded.
    let run = Dir::new().run(&["check", "--format", "json"]);
    run.code(0);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON on stdout");
    assert_eq!(doc["valid"], true);
    assert!(doc["problems"].as_array().is_some_and(|p| p.iter().all(|p| p["severity"] == "warning")));
}
