//! `talks list`: which rounds each kind of query finds, the orders, the flags that stand for
//! query terms, the refusals of bad queries, and the three output formats.

use super::{ids, listed, shipped, ALL, ISTANBUL};
use crate::harness::Dir;

#[test]
fn no_query_lists_every_round_in_date_order() {
    assert_eq!(listed(&[]), ALL);
}

#[test]
fn venue_istanbul_is_exactly_the_two_istanbul_rounds() {
    assert_eq!(listed(&["venue:istanbul"]), ISTANBUL);
}

#[test]
fn a_month_finds_that_month_and_nothing_from_february() {
    let march = listed(&["date:2025-03"]);
    assert_eq!(
        march,
        [
            "2025-03-11-jeddah",
            "2025-03-18-trump-putin-call",
            "2025-03-23-riyadh-ukraine",
            "2025-03-24-riyadh",
            "2025-03-25-riyadh-ukraine",
        ]
    );
    assert!(march.iter().all(|id| !id.starts_with("2025-02")));
}

#[test]
fn case_and_accents_do_not_matter() {
    let plain = listed(&["serguei"]);
    // Sergueï Lavrov's rounds: the call with Rubio, Riyadh in February, and the summit; the
    // March technical talks in Riyadh list another Sergei (Beseda), found by the same fold.
    assert!(plain.contains(&"2025-02-18-riyadh".to_string()), "{plain:?}");
    assert!(plain.contains(&"2025-08-15-alaska".to_string()), "{plain:?}");
    assert_eq!(listed(&["Sergueï"]), plain);
    assert_eq!(listed(&["SERGUEI"]), plain);
}

#[test]
fn istanbul_finds_the_venues_known_as_istanbul_with_a_dotted_capital() {
    assert_eq!(listed(&["istanbul"]), ISTANBUL);
    assert_eq!(listed(&["İstanbul"]), ISTANBUL);
    assert_eq!(listed(&["city:İSTANBUL"]), ISTANBUL);
    assert_eq!(listed(&["country:turquie"]), ISTANBUL);
}

#[test]
fn a_french_party_name_is_a_party_alias() {
    let us = listed(&["party:united-states"]);
    assert_eq!(us.len(), 11, "every round but the cancelled one has a US delegation: {us:?}");
    assert_eq!(listed(&["etats-unis"]), us);
    assert_eq!(listed(&["États-Unis"]), us);
    assert_eq!(listed(&["party:etats-unis"]), us);
}

#[test]
fn a_person_is_found_by_id_and_by_a_french_form() {
    assert_eq!(listed(&["person:darchiev"]), ISTANBUL);
    assert_eq!(listed(&["person:Dartchiev"]), ISTANBUL);
    assert_eq!(listed(&["person:Дарчиев"]), ISTANBUL);
}

#[test]
fn negation_keeps_the_rounds_that_do_not_match() {
    let riyadh = listed(&["venue:riyadh"]);
    assert_eq!(
        riyadh,
        ["2025-02-18-riyadh", "2025-03-23-riyadh-ukraine", "2025-03-24-riyadh", "2025-03-25-riyadh-ukraine"]
    );
    let rest: Vec<&str> = ALL.into_iter().filter(|id| !riyadh.iter().any(|r| r == id)).collect();
    // A word starting with `-` is an option to the shell's parser; `--` ends the options.
    assert_eq!(listed(&["--", "-venue:riyadh"]), rest);
    // Without `--` it is an unknown option: a usage error that points at `--`.
    Dir::new().run(&["list", "-venue:riyadh"]).code(2).stderr_has("use '-- -v'");
    // Inside a word that holds several terms, the `-` needs no `--`.
    assert_eq!(listed(&["istanbul -date:2025-02"]), ["2025-04-10-istanbul"]);
}

#[test]
fn a_comma_is_or_within_a_field() {
    let either = listed(&["venue:istanbul,riyadh"]);
    let mut union: Vec<String> = listed(&["venue:istanbul"]);
    union.extend(listed(&["venue:riyadh"]));
    union.sort();
    assert_eq!(either, union, "the ids sort by date, so sorting the union gives the listing order");
    assert_eq!(either.len(), 6);
}

#[test]
fn a_topic_finds_the_rounds_of_its_sub_topics() {
    // In the shipped data every round with a sub-topic of `missions` also has `missions`
    // itself, so take it away from Riyadh, which keeps only `ambassadors` (a sub-topic).
    let text = shipped();
    let at = text.find("id: \"2025-02-18-riyadh\"").expect("the Riyadh round");
    let (head, tail) = text.split_at(at);
    assert!(tail.contains("topic: \"ambassadors\""));
    let changed = format!("{head}{}", tail.replacen("topic: \"missions\"", "topic: \"global-issues\"", 1));
    let dir = Dir::new();
    dir.write("changed.ron", changed);
    let run = dir.run(&["--data", "changed.ron", "list", "topic:missions"]);
    let found = ids(&run.code(0).stdout);
    assert!(found.contains(&"2025-02-18-riyadh".to_string()), "{found:?}");
    // Direct flights are deliberately not under `missions` (see the topic's comment).
    assert_eq!(listed(&["topic:direct-flights"]), ISTANBUL);
    assert_eq!(
        listed(&["topic:missions"]),
        [
            "2025-02-15-lavrov-rubio-call",
            "2025-02-18-riyadh",
            ISTANBUL[0],
            ISTANBUL[1],
            "2025-06-moscow-cancelled"
        ]
    );
}

/// Runs `talks list -- QUERY`, which must fail with exit 2 and this one line.
fn refused(query: &str, message: &str) {
    let run = Dir::new().run(&["list", "--", query]);
    run.code(2);
    assert_eq!(run.stderr, format!("talks: {message}\n"), "for {query:?}");
    assert_eq!(run.stdout, "", "for {query:?}");
}

#[test]
fn an_unknown_field_is_refused_with_the_nearest_field() {
    refused(
        "venu:istanbul",
        "unknown field `venu:` in `venu:istanbul`; did you mean `venue:`?; the fields are venue, city, \
         country, date, from, to, party, person, topic, track, status, format, id",
    );
}

#[test]
fn an_impossible_month_is_refused() {
    refused(
        "date:2025-13",
        "`date:2025-13`: `2025-13` is not a date; write a year (2025), a month (2025-03) or a day (2025-03-24)",
    );
}

#[test]
fn an_empty_field_is_refused() {
    refused("venue:", "`venue:` has an empty value after `venue:`; write a value, as in `venue:istanbul`");
}

#[test]
fn an_unclosed_quote_is_refused() {
    refused("topic:\"direct flights", "unclosed quote in `topic:\"direct flights`; add the closing `\"`");
}

#[test]
fn other_mistakes_are_refused_too() {
    refused(
        "date:2025-04..2025-03",
        "`date:2025-04..2025-03`: the range `2025-04..2025-03` ends before it starts",
    );
    refused(
        "status:postponed",
        "`status:postponed`: unknown status `postponed`; the values are held, announced, planned, cancelled",
    );
    refused("-", "a lone `-` negates nothing; put it right before a term, as in `-venue:riyadh`");
    // The flags build query terms, so their mistakes are the same.
    let run = Dir::new().run(&["list", "--from", "2025-13"]);
    run.code(2).stderr_has("`2025-13` is not a date");
}

#[test]
fn sort_orders() {
    let mut latest_first = ALL.to_vec();
    latest_first.reverse();
    assert_eq!(listed(&["--sort", "-date"]), latest_first);
    assert_eq!(listed(&["--sort=-date"]), latest_first);
    assert_eq!(listed(&["--sort", "date"]), ALL);
    // By city (Anchorage, Istanbul, Jeddah, Moscow, Riyadh), then date; calls have no city
    // and come last.
    assert_eq!(
        listed(&["--sort", "venue"]),
        [
            "2025-08-15-alaska",
            "2025-02-27-istanbul",
            "2025-04-10-istanbul",
            "2025-03-11-jeddah",
            "2025-06-moscow-cancelled",
            "2025-02-18-riyadh",
            "2025-03-23-riyadh-ukraine",
            "2025-03-24-riyadh",
            "2025-03-25-riyadh-ukraine",
            "2025-02-12-trump-putin-call",
            "2025-02-15-lavrov-rubio-call",
            "2025-03-18-trump-putin-call",
        ]
    );
    // By title ("Consultations…", "Lavrov–Rubio…", "Russia–US…", "Trump–Putin…", "US–Ukraine…"),
    // then date for equal titles.
    assert_eq!(
        listed(&["--sort", "title"]),
        [
            "2025-02-27-istanbul",
            "2025-04-10-istanbul",
            "2025-06-moscow-cancelled",
            "2025-02-15-lavrov-rubio-call",
            "2025-02-18-riyadh",
            "2025-03-24-riyadh",
            "2025-02-12-trump-putin-call",
            "2025-03-18-trump-putin-call",
            "2025-08-15-alaska",
            "2025-03-11-jeddah",
            "2025-03-23-riyadh-ukraine",
            "2025-03-25-riyadh-ukraine",
        ]
    );
    // A sort applies to a filtered listing too.
    assert_eq!(listed(&["venue:istanbul", "--sort", "-date"]), [ISTANBUL[1], ISTANBUL[0]]);
}

#[test]
fn flags_are_the_same_as_their_query_terms() {
    assert_eq!(listed(&["--from", "2025-03-24"]), listed(&["from:2025-03-24"]));
    assert_eq!(listed(&["--to", "2025-03"]), listed(&["to:2025-03"]));
    assert_eq!(listed(&["--venue", "istanbul"]), listed(&["venue:istanbul"]));
    assert_eq!(listed(&["--venue", "istanbul"]), ISTANBUL);
    let flags = listed(&["--from", "2025-03", "--to", "2025-04", "--venue", "riyadh"]);
    assert_eq!(flags, listed(&["from:2025-03", "to:2025-04", "venue:riyadh"]));
    assert_eq!(flags, ["2025-03-23-riyadh-ukraine", "2025-03-24-riyadh", "2025-03-25-riyadh-ukraine"]);
    // A value with a space is one term, as if quoted.
    assert_eq!(listed(&["--venue", "consulate general"]), ["2025-04-10-istanbul"]);
}

#[test]
fn a_query_matching_nothing_is_an_empty_table_and_success() {
    let run = Dir::new().run(&["list", "venue:nowhere"]);
    run.code(0);
    assert_eq!(ids(&run.stdout), Vec::<String>::new());
}

#[test]
fn json_has_the_schema_version_and_the_documented_keys() {
    let run = Dir::new().run(&["list", "--format", "json", "--sort", "-date", "date:2025-03"]);
    let doc: serde_json::Value =
        serde_json::from_str(&run.code(0).stdout).expect("list --format json is JSON");
    assert_eq!(doc["schema_version"], 1);
    assert!(doc["dataset"]["title"].is_string());
    let rounds = doc["rounds"].as_array().expect("a list of rounds");
    // In the order of the listing.
    let got: Vec<&str> = rounds.iter().filter_map(|r| r["id"].as_str()).collect();
    let mut want = listed(&["date:2025-03"]);
    want.reverse();
    assert_eq!(got, want);
    for round in rounds {
        let keys: Vec<&str> =
            round.as_object().expect("a round is an object").keys().map(String::as_str).collect();
        let mut documented = [
            "id",
            "title",
            "status",
            "format",
            "track",
            "date",
            "venue",
            "duration",
            "hosts",
            "delegations",
            "agenda",
            "notes",
            "round_sources",
            "sources",
        ];
        documented.sort_unstable();
        let mut keys = keys.clone();
        keys.sort_unstable();
        assert_eq!(keys, documented, "keys of {}", round["id"]);
        let date = round["date"].as_object().expect("date");
        for key in ["start", "end", "precision", "approximate", "label"] {
            assert!(date.contains_key(key), "date lacks {key} in {}", round["id"]);
        }
        assert!(round["track"]["id"].is_string() && round["track"]["name"].is_string());
    }
    // The keys come in the documented order in the text, not sorted.
    let text = &run.stdout;
    let pos = |key: &str| text.find(&format!("\n      \"{key}\":")).unwrap_or(usize::MAX);
    assert!(pos("id") < pos("title") && pos("title") < pos("status") && pos("agenda") < pos("notes"));
}

#[test]
fn json_of_a_call_has_a_null_venue_and_of_a_meeting_a_venue_object() {
    let run = Dir::new().run(&["list", "--format", "json", "id:2025-03-18,2025-04-10"]);
    let doc: serde_json::Value = serde_json::from_str(&run.code(0).stdout).expect("JSON");
    assert!(doc["rounds"][0]["venue"].is_null());
    let venue = &doc["rounds"][1]["venue"];
    assert_eq!(venue["city"], "Istanbul");
    assert_eq!(venue["country"], "Türkiye");
    assert_eq!(doc["rounds"][1]["date"]["start"], "2025-04-10");
}

#[test]
fn csv_parses_with_one_record_per_round() {
    let run = Dir::new().run(&["list", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(run.code(0).stdout.as_bytes());
    let headers = reader.headers().expect("a header row").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "id",
            "date",
            "start",
            "end",
            "precision",
            "approximate",
            "venue",
            "city",
            "country",
            "format",
            "status",
            "track",
            "title"
        ]
    );
    let records: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("valid CSV");
    let ids: Vec<&str> = records.iter().map(|r| &r[0]).collect();
    assert_eq!(ids, ALL);
    let moscow = &records[10];
    assert_eq!(
        (&moscow[1], &moscow[2], &moscow[3], &moscow[4]),
        ("2025-06", "2025-06-01", "2025-06-30", "month")
    );
    assert_eq!(&moscow[5], "true");
    // A title with a comma is quoted, and read back whole.
    assert_eq!(&records[3][12], "Consultations on the diplomatic missions, Istanbul (round 1)");
}

#[test]
fn off_a_terminal_no_cell_is_cut() {
    // The harness pipes stdout, so this is the plain output; cutting to the terminal's
    // width happens only on a terminal (the unit tests of `cli::table` cover it).
    let run = Dir::new().run(&["list"]);
    run.code(0);
    assert!(!run.stdout.contains('…'), "{}", run.stdout);
    run.stdout_has("US–Ukraine technical talks in Riyadh: outcome (Black Sea, energy, prisoners)\n");
    // Columns line up: every row starts its title where the header's TITLE starts.
    let lines: Vec<&str> = run.stdout.lines().collect();
    let column = lines[0].find("TITLE").expect("a TITLE header");
    for line in &lines[1..] {
        let prefix: String = line.chars().take(lines[0][..column].chars().count()).collect();
        assert!(prefix.ends_with("  "), "title not aligned in {line:?}");
    }
}
