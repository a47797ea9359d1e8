//! `talks list`: which rounds each kind of query finds, the orders, the flags that stand for
//! query terms, the refusals of bad queries, and the three output formats.

use super::{ids, listed, write_shipped, ALL, ISTANBUL, MISSIONS_ISTANBUL};
use crate::harness::Dir;
use talks::text::fold;

/// The shipped dataset, opened as the binary opens it.
fn library() -> talks::dataset::Library {
    talks::dataset::open(&[]).expect("the built-in dataset loads").0
}

#[test]
fn no_query_lists_every_round_in_date_order() {
    let all = listed(&[]);
    assert_eq!(all, *ALL);
    // Anchors a reader can check in `data/*.ron`: the first and the last round, and the twelve
    // rounds of the original fact sheet, in this order among the others.
    assert_eq!(all.first().map(String::as_str), Some("2025-02-11-witkoff-moscow"));
    assert_eq!(all.last().map(String::as_str), Some("2026-03-11-florida-economic"));
    let original = super::ORIGINAL;
    let positions: Vec<usize> = original
        .iter()
        .map(|id| all.iter().position(|a| a == id).unwrap_or_else(|| panic!("{id} is not listed")))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "out of date order: {positions:?}");
    // A month-precision round sorts on the first day of its month: before 2 June.
    let at = |id: &str| all.iter().position(|a| a == id).expect(id);
    assert_eq!(at("2025-06-moscow-cancelled") + 1, at("2025-06-02-istanbul-russia-ukraine"));
}

#[test]
fn venue_istanbul_is_every_round_in_an_istanbul_venue() {
    assert_eq!(listed(&["venue:istanbul"]), ISTANBUL);
}

#[test]
fn a_month_finds_that_month_and_nothing_from_february() {
    let march = listed(&["date:2025-03"]);
    assert_eq!(
        march,
        [
            "2025-03-11-jeddah",
            "2025-03-11-ratcliffe-naryshkin-call",
            "2025-03-12-waltz-russia-call",
            "2025-03-13-witkoff-putin-moscow",
            "2025-03-18-trump-putin-call",
            "2025-03-19-trump-zelensky-call",
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
    assert_eq!(listed(&["city:istanbul"]), ISTANBUL);
    assert_eq!(listed(&["city:İSTANBUL"]), ISTANBUL);
    assert_eq!(listed(&["venue:İstanbul"]), ISTANBUL);
    // As a free word it also finds the rounds whose title or agenda mentions Istanbul (the
    // talks there, prepared, followed up or reported in a call).
    let mentions = [
        "2025-02-15-lavrov-rubio-call",
        "2025-05-14-sybiha-rubio-antalya",
        "2025-05-17-rubio-lavrov-call",
        "2025-05-28-rubio-lavrov-call",
        "2025-06-04-trump-putin-call",
        "2025-06-14-trump-putin-call",
    ];
    let mut expected: Vec<&str> = ISTANBUL.iter().chain(mentions.iter()).copied().collect();
    expected.sort_unstable();
    assert_eq!(listed(&["istanbul"]), expected, "the ids sort by date, so sorting gives the listing order");
    assert_eq!(listed(&["İstanbul"]), expected);
    // Türkiye in French is every Istanbul round, and Antalya and Ankara.
    let mut turkiye: Vec<&str> = ISTANBUL
        .iter()
        .copied()
        .chain(["2025-05-14-sybiha-rubio-antalya", "2025-11-19-witkoff-zelensky-turkiye"])
        .collect();
    turkiye.sort_unstable();
    assert_eq!(listed(&["country:turquie"]), turkiye);
}

#[test]
fn a_french_party_name_is_a_party_alias() {
    let us = listed(&["party:united-states"]);
    // Every round with a US delegation at the table, read from the data.
    let lib = library();
    let with_us: Vec<&String> = ALL
        .iter()
        .filter(|id| lib.round(id).is_some_and(|r| r.delegations.iter().any(|d| d.party == "united-states")))
        .collect();
    assert_eq!(us.iter().collect::<Vec<_>>(), with_us);
    assert!(us.contains(&"2025-02-18-riyadh".to_string()), "{us:?}");
    assert!(us.contains(&"2026-02-04-abu-dhabi".to_string()), "a trilateral round: {us:?}");
    // Not the direct Russia–Ukraine talks, nor the cancelled Moscow round.
    assert!(!us.contains(&"2025-05-16-istanbul-russia-ukraine".to_string()), "{us:?}");
    assert!(!us.contains(&"2025-06-moscow-cancelled".to_string()), "{us:?}");
    assert_eq!(listed(&["party:etats-unis"]), us);
    assert_eq!(listed(&["party:États-Unis"]), us);
    // As a free word it also matches the venues whose other forms say `États-Unis`: so it
    // adds the Ukrainian delegation in Washington, where no US delegation is recorded.
    let free = listed(&["etats-unis"]);
    assert_eq!(listed(&["États-Unis"]), free);
    let extra: Vec<&String> = free.iter().filter(|id| !us.contains(id)).collect();
    assert_eq!(extra, ["2025-10-13-washington-ukraine-delegation"]);
    assert!(us.iter().all(|id| free.contains(id)), "{free:?}");
}

#[test]
fn a_person_is_found_by_id_and_by_a_french_form() {
    assert_eq!(listed(&["person:darchiev"]), MISSIONS_ISTANBUL);
    assert_eq!(listed(&["person:Dartchiev"]), MISSIONS_ISTANBUL);
    assert_eq!(listed(&["person:Дарчиев"]), MISSIONS_ISTANBUL);
}

#[test]
fn negation_keeps_the_rounds_that_do_not_match() {
    let riyadh = listed(&["venue:riyadh"]);
    assert_eq!(
        riyadh,
        ["2025-02-18-riyadh", "2025-03-23-riyadh-ukraine", "2025-03-24-riyadh", "2025-03-25-riyadh-ukraine"]
    );
    let rest: Vec<&String> = ALL.iter().filter(|id| !riyadh.contains(id)).collect();
    assert_eq!(rest.len(), ALL.len() - 4);
    // A word starting with `-` is an option to the shell's parser; `--` ends the options.
    assert_eq!(listed(&["--", "-venue:riyadh"]).iter().collect::<Vec<_>>(), rest);
    // Without `--` it is an unknown option: a usage error that points at `--`.
    Dir::new().run(&["list", "-venue:riyadh"]).code(2).stderr_has("use '-- -v'");
    // Inside a word that holds several terms, the `-` needs no `--`.
    assert_eq!(listed(&["venue:istanbul -date:2025-02"]), ISTANBUL[1..]);
}

#[test]
fn a_comma_is_or_within_a_field() {
    let either = listed(&["venue:istanbul,riyadh"]);
    let mut union: Vec<String> = listed(&["venue:istanbul"]);
    union.extend(listed(&["venue:riyadh"]));
    union.sort();
    assert_eq!(either, union, "the ids sort by date, so sorting the union gives the listing order");
    assert_eq!(either.len(), ISTANBUL.len() + 4);
}

#[test]
fn a_topic_finds_the_rounds_of_its_sub_topics() {
    // In the shipped data every round with a sub-topic of `missions` also has `missions`
    // itself, so take it away from Riyadh, which keeps only `ambassadors` (a sub-topic).
    let dir = Dir::new();
    let data = write_shipped(&dir, |name, text| {
        if name != "russia-us-2025.ron" {
            return text;
        }
        let at = text.find("id: \"2025-02-18-riyadh\"").expect("the Riyadh round");
        let (head, tail) = text.split_at(at);
        assert!(tail.contains("topic: \"ambassadors\""));
        format!("{head}{}", tail.replacen("topic: \"missions\"", "topic: \"global-issues\"", 1))
    });
    let data: Vec<&str> = data.iter().map(String::as_str).collect();
    let run = dir.run(&[&data[..], &["list", "topic:missions"]].concat());
    let found = ids(&run.code(0).stdout);
    assert!(found.contains(&"2025-02-18-riyadh".to_string()), "{found:?}");
    let run = dir.run(&[&data[..], &["show", "2025-02-18-riyadh"]].concat());
    assert!(!run.code(0).stdout.contains("Diplomatic missions:"), "the change took: {}", run.stdout);
    // Direct flights are deliberately not under `missions` (see the topic's comment): the
    // two consultations, and Lavrov and Rubio in Kuala Lumpur.
    assert_eq!(
        listed(&["topic:direct-flights"]),
        [MISSIONS_ISTANBUL[0], MISSIONS_ISTANBUL[1], "2025-07-10-kuala-lumpur-lavrov-rubio"]
    );
    assert_eq!(
        listed(&["topic:missions"]),
        [
            "2025-02-15-lavrov-rubio-call",
            "2025-02-18-riyadh",
            MISSIONS_ISTANBUL[0],
            MISSIONS_ISTANBUL[1],
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
         country, date, from, to, party, third, host, mediator, person, topic, track, status, format, id",
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
        "status:adjourned",
        "`status:adjourned`: unknown status `adjourned`; the values are held, announced, planned, postponed, \
         cancelled",
    );
    refused("-", "a lone `-` negates nothing; put it right before a term, as in `-venue:riyadh`");
    // The flags build query terms, so their mistakes are the same.
    let run = Dir::new().run(&["list", "--from", "2025-13"]);
    run.code(2).stderr_has("`2025-13` is not a date");
}

/// `talks list --format csv ARGS`: the records, in the order of the listing.
fn csv_records(args: &[&str]) -> Vec<csv::StringRecord> {
    let run = Dir::new().run(&[&["list", "--format", "csv"], args].concat());
    let mut reader = csv::Reader::from_reader(run.code(0).stdout.as_bytes());
    reader.records().collect::<Result<_, _>>().expect("valid CSV")
}

#[test]
fn sort_orders() {
    let mut latest_first = ALL.clone();
    latest_first.reverse();
    assert_eq!(listed(&["--sort", "-date"]), latest_first);
    assert_eq!(listed(&["--sort=-date"]), latest_first);
    assert_eq!(listed(&["--sort", "date"]), *ALL);
    // By city (Jeddah, Moscow, Riyadh), then date; calls have no city and come last.
    assert_eq!(
        listed(&["date:2025-03", "--sort", "venue"]),
        [
            "2025-03-11-jeddah",
            "2025-03-13-witkoff-putin-moscow",
            "2025-03-23-riyadh-ukraine",
            "2025-03-24-riyadh",
            "2025-03-25-riyadh-ukraine",
            "2025-03-11-ratcliffe-naryshkin-call",
            "2025-03-12-waltz-russia-call",
            "2025-03-18-trump-putin-call",
            "2025-03-19-trump-zelensky-call",
        ]
    );
    // By title ("Ratcliffe–Naryshkin…", "Russia–US…", "Trump–Putin…", "Trump–Zelensky…",
    // "US–Ukraine talks…", "US–Ukraine technical…", "Waltz's…", "Witkoff–Putin…"), then date
    // for equal titles.
    assert_eq!(
        listed(&["date:2025-03", "--sort", "title"]),
        [
            "2025-03-11-ratcliffe-naryshkin-call",
            "2025-03-24-riyadh",
            "2025-03-18-trump-putin-call",
            "2025-03-19-trump-zelensky-call",
            "2025-03-11-jeddah",
            "2025-03-23-riyadh-ukraine",
            "2025-03-25-riyadh-ukraine",
            "2025-03-12-waltz-russia-call",
            "2025-03-13-witkoff-putin-moscow",
        ]
    );
    // The whole listing, read back from its CSV: by city (case and accents folded), rounds
    // with no city last, then by date and id; by folded title, then by date and id.
    let by_venue = csv_records(&["--sort", "venue"]);
    assert_eq!(by_venue.len(), ALL.len());
    let venue_key =
        |r: &csv::StringRecord| (r[7].is_empty(), fold(&r[7]), r[2].to_string(), r[0].to_string());
    for pair in by_venue.windows(2) {
        assert!(venue_key(&pair[0]) <= venue_key(&pair[1]), "{:?} before {:?}", &pair[0], &pair[1]);
    }
    assert_eq!(&by_venue[0][7], "Abu Dhabi");
    let istanbul: Vec<&str> = by_venue.iter().filter(|r| &r[7] == "Istanbul").map(|r| &r[0]).collect();
    assert_eq!(istanbul, ISTANBUL);
    assert_eq!(&by_venue[by_venue.len() - 1][0], "2026-03-11-florida-economic", "no city reported");
    let by_title = csv_records(&["--sort", "title"]);
    assert_eq!(by_title.len(), ALL.len());
    let title_key = |r: &csv::StringRecord| (fold(&r[12]), r[2].to_string(), r[0].to_string());
    for pair in by_title.windows(2) {
        assert!(title_key(&pair[0]) <= title_key(&pair[1]), "{:?} before {:?}", &pair[0], &pair[1]);
    }
    // A sort applies to a filtered listing too.
    let mut istanbul_latest_first = ISTANBUL.to_vec();
    istanbul_latest_first.reverse();
    assert_eq!(listed(&["venue:istanbul", "--sort", "-date"]), istanbul_latest_first);
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
    assert_eq!(doc["schema_version"], 2);
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
            "short_title",
            "status",
            "format",
            "track",
            "date",
            "venue",
            "duration",
            "delegations",
            "third_parties",
            "links",
            "milestones",
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
    assert!(pos("delegations") < pos("third_parties") && pos("third_parties") < pos("links"));
    assert!(pos("links") < pos("agenda"));
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
    assert_eq!(ids, *ALL);
    let record = |id: &str| records.iter().find(|r| &r[0] == id).unwrap_or_else(|| panic!("no record {id}"));
    let moscow = record("2025-06-moscow-cancelled");
    assert_eq!(
        (&moscow[1], &moscow[2], &moscow[3], &moscow[4]),
        ("2025-06", "2025-06-01", "2025-06-30", "month")
    );
    assert_eq!(&moscow[5], "true");
    // A title with a comma is quoted, and read back whole.
    assert_eq!(
        &record("2025-02-27-istanbul")[12],
        "Consultations on the diplomatic missions, Istanbul (round 1)"
    );
    // A round with no venue: the venue columns are empty.
    let call = record("2025-03-18-trump-putin-call");
    assert_eq!((&call[6], &call[7], &call[8]), ("", "", ""));
}

#[test]
fn off_a_terminal_no_cell_is_cut() {
    // The harness pipes stdout, so this is the plain output; cutting to the terminal's
    // width happens only on a terminal (the unit tests of `cli::table` cover it).
    let run = Dir::new().run(&["list"]);
    run.code(0);
    assert!(!run.stdout.contains('…'), "{}", run.stdout);
    run.stdout_has("US–Russia contact at Dolmabahçe before the Russia–Ukraine talks (Anton, Medinsky)\n");
    // Every title is there whole, the longest included.
    for round in &library().data().rounds {
        run.stdout_has(&format!("  {}\n", round.title));
    }
    // Columns line up: every row starts its title where the header's TITLE starts.
    let lines: Vec<&str> = run.stdout.lines().collect();
    let column = lines[0].find("TITLE").expect("a TITLE header");
    for line in &lines[1..] {
        let prefix: String = line.chars().take(lines[0][..column].chars().count()).collect();
        assert!(prefix.ends_with("  "), "title not aligned in {line:?}");
    }
}

#[test]
fn a_reversed_from_to_range_is_refused_like_date() {
    // It once listed nothing with status 0, while `date:2025-03..2025-02` is refused.
    let run = Dir::new().run(&["list", "--from", "2025-03", "--to", "2025-02"]);
    run.code(2).stderr_has("ends before it starts");
    assert_eq!(run.stdout, "");
    assert_eq!(listed(&["--from", "2025-02", "--to", "2025-02"]), listed(&["date:2025-02"]));
}

#[test]
fn a_misspelt_value_that_matches_nothing_gets_a_did_you_mean() {
    let run = Dir::new().run(&["list", "--", "venue:istambul", "-person:lavrof"]);
    run.code(0).stderr_has("0 rounds match; did you mean venue:istanbul -person:lavrov?");
    let run = Dir::new().run(&["timeline", "venue:istambul"]);
    run.code(0).stderr_has("did you mean venue:istanbul?");
}

#[test]
fn no_match_says_so_on_stderr() {
    let run = Dir::new().run(&["list", "zzz"]);
    run.code(0).stderr_has("0 rounds match");
    assert_eq!(ids(&run.stdout), Vec::<String>::new(), "the header alone on stdout");
}
