//! Free words, every field, quotes, OR lists, negation and dates.

use super::{ids, library};
use crate::query::{filter, Query, Sort};

const ALL: [&str; 6] = [
    "2025-02-18-riyadh",
    "2025-02-27-istanbul",
    "2025-03-18-call",
    "2025-03-24-riyadh",
    "2025-04-10-istanbul",
    "2025-06-istanbul",
];

#[test]
fn the_empty_query_matches_every_round_in_date_order() {
    assert!(Query::parse("").unwrap().is_empty());
    assert!(Query::parse("  \t ").unwrap().is_empty());
    assert_eq!(ids(""), ALL);
}

#[test]
fn free_words_ignore_case_and_accents() {
    let lavrov = ["2025-02-18-riyadh"];
    assert_eq!(ids("serguei"), lavrov);
    assert_eq!(ids("Sergueï"), lavrov);
    assert_eq!(ids("LAVROV"), lavrov);
    let istanbul = ["2025-02-27-istanbul", "2025-04-10-istanbul", "2025-06-istanbul"];
    assert_eq!(ids("istanbul"), istanbul);
    assert_eq!(ids("İstanbul"), istanbul);
    assert_eq!(ids("etats-unis").len(), 4, "every round with a US delegation");
    assert_eq!(ids("États-Unis"), ids("etats-unis"));
}

#[test]
fn free_words_reach_every_searchable_part_of_a_round() {
    assert_eq!(ids("third"), ["2025-06-istanbul"], "title");
    assert_eq!(ids("diriyah"), ["2025-02-18-riyadh"], "venue place");
    assert_eq!(ids("ouchakov"), ["2025-02-18-riyadh"], "member alias");
    assert_eq!(ids("russie").len(), 4, "party alias");
    assert_eq!(ids("vols"), ["2025-04-10-istanbul"], "topic alias");
    assert_eq!(ids("banking"), ["2025-02-27-istanbul"], "agenda summary");
    assert_eq!(ids("leaders"), ["2025-03-18-call"], "track name");
    assert_eq!(ids("Дарчиев"), ["2025-02-27-istanbul", "2025-04-10-istanbul"], "Cyrillic alias");
}

#[test]
fn all_terms_must_match() {
    assert_eq!(ids("istanbul embassies"), ["2025-02-27-istanbul", "2025-06-istanbul"]);
    assert!(ids("lavrov istanbul").is_empty());
}

#[test]
fn quotes_keep_a_phrase_together() {
    assert_eq!(ids(r#""direct flights""#), ["2025-04-10-istanbul"]);
    assert_eq!(ids(r#"topic:"direct flights""#), ["2025-04-10-istanbul"]);
    assert_eq!(ids("direct flights"), ["2025-04-10-istanbul"]);
    assert!(ids(r#""flights direct""#).is_empty());
    assert_eq!(ids(r#""venue:istanbul""#), Vec::<String>::new(), "a quoted colon is not a field");
}

#[test]
fn venue_city_and_country_use_their_aliases() {
    let riyadh = ["2025-02-18-riyadh", "2025-03-24-riyadh"];
    assert_eq!(ids("venue:riyadh"), riyadh);
    assert_eq!(ids("venue:riyad"), riyadh);
    assert_eq!(ids("venue:ritz"), ["2025-03-24-riyadh"], "the place");
    assert_eq!(ids("venue:arabia"), riyadh, "the country");
    assert_eq!(ids("city:istanbul").len(), 3);
    assert_eq!(ids("city:İSTANBUL").len(), 3);
    assert!(ids("city:arabia").is_empty(), "a country is not a city");
    assert_eq!(ids("country:turquie").len(), 3);
    assert_eq!(ids("country:turkiye").len(), 3);
    assert!(ids("venue:riyadh").iter().all(|id| id != "2025-03-18-call"));
}

#[test]
fn third_parties_by_role() {
    assert_eq!(ids("third:saudi"), ["2025-02-18-riyadh"]);
    assert_eq!(ids("host:arabie"), ["2025-02-18-riyadh"], "aliases of the host");
    assert!(ids("mediator:saudi").is_empty(), "Saudi Arabia hosted, it did not mediate");
    assert_eq!(ids("mediator:turquie"), ["2025-03-24-riyadh"]);
    assert_eq!(ids("third:turkey"), ["2025-03-24-riyadh"], "`third:` takes every role");
    assert!(ids("party:saudi").is_empty(), "a third party is not a party at the table");
    assert!(ids("turquie").contains(&"2025-03-24-riyadh".to_string()), "free words reach third parties");
    assert!(ids("status:postponed").is_empty());
}

#[test]
fn people_parties_topics_tracks_and_ids() {
    assert_eq!(ids("person:lavrov"), ["2025-02-18-riyadh"]);
    assert_eq!(ids(r#"person:"sergueï lavrov""#), ["2025-02-18-riyadh"]);
    assert_eq!(ids("party:usa").len(), 4);
    assert_eq!(ids("party:ru").len(), 4, "party ids are searchable too");
    assert_eq!(ids("topic:ceasefire"), ["2025-02-18-riyadh", "2025-03-18-call", "2025-03-24-riyadh"]);
    assert_eq!(ids("track:ukraine"), ["2025-02-18-riyadh", "2025-03-24-riyadh"]);
    assert_eq!(ids("track:leaders"), ["2025-03-18-call"]);
    assert_eq!(ids("id:2025-02"), ["2025-02-18-riyadh", "2025-02-27-istanbul"]);
    assert!(ids("id:istanbul").is_empty(), "ids match by prefix");
    assert_eq!(ids("Person:Lavrov"), ids("person:lavrov"), "field names ignore case");
}

#[test]
fn a_topic_matches_its_sub_topics() {
    let missions = ["2025-02-18-riyadh", "2025-02-27-istanbul", "2025-04-10-istanbul", "2025-06-istanbul"];
    assert_eq!(ids("topic:missions"), missions);
    assert_eq!(ids(r#"topic:"diplomatic missions""#), missions);
    assert_eq!(ids("topic:direct-flights"), ["2025-04-10-istanbul"]);
}

#[test]
fn status_and_format_take_labels_or_identifiers() {
    assert_eq!(ids("status:cancelled"), ["2025-06-istanbul"]);
    assert_eq!(ids("status:Cancelled"), ["2025-06-istanbul"]);
    assert_eq!(ids("status:held").len(), 5);
    assert_eq!(ids("format:working-level").len(), 3);
    assert_eq!(ids("format:WorkingLevel").len(), 3);
    assert_eq!(ids("format:leaders-call"), ["2025-03-18-call"]);
    assert_eq!(ids("format:technical,ministerial"), ["2025-02-18-riyadh", "2025-03-24-riyadh"]);
}

#[test]
fn a_comma_is_an_or_inside_one_field() {
    assert_eq!(ids("venue:istanbul,riyadh").len(), 5, "all but the call");
    assert_eq!(ids("person:lavrov,putin"), ["2025-02-18-riyadh", "2025-03-18-call"]);
    assert_eq!(ids(r#"topic:"direct flights",ceasefire"#).len(), 4);
    assert!(ids(r#"venue:"istanbul,riyadh""#).is_empty(), "a quoted comma is literal");
}

#[test]
fn a_minus_negates_a_term() {
    assert_eq!(ids("-venue:riyadh").len(), 4, "the call has no venue, so it is not in Riyadh");
    assert!(ids("-venue:riyadh").contains(&"2025-03-18-call".to_string()));
    assert_eq!(ids("-lavrov").len(), 5);
    assert_eq!(ids("-venue:istanbul,riyadh"), ["2025-03-18-call"], "none of the list");
    assert_eq!(ids("istanbul -status:cancelled"), ["2025-02-27-istanbul", "2025-04-10-istanbul"]);
    assert_eq!(ids(r#"-"direct flights" istanbul"#), ["2025-02-27-istanbul", "2025-06-istanbul"]);
    assert_eq!(ids("etats-unis").len(), 4, "a hyphen inside a word is not a negation");
}

#[test]
fn days_months_years_and_ranges_overlap_round_intervals() {
    assert_eq!(ids("date:2025").len(), 6);
    assert_eq!(ids("date:2025-02"), ["2025-02-18-riyadh", "2025-02-27-istanbul"]);
    assert_eq!(ids("date:2025-03"), ["2025-03-18-call", "2025-03-24-riyadh"], "February rounds do not match");
    assert_eq!(ids("date:2025-03-25"), ["2025-03-24-riyadh"], "the second day of a range");
    assert!(ids("date:2025-03-26").is_empty());
    assert_eq!(ids("date:2025-02..2025-03").len(), 4);
    assert_eq!(ids("date:2025-03-20..25"), ["2025-03-24-riyadh"]);
    assert_eq!(ids("date:2025-02,2025-04").len(), 3);
    assert!(ids("date:2024").is_empty());
}

#[test]
fn a_month_precision_round_covers_its_whole_month() {
    assert_eq!(ids("date:2025-06-15"), ["2025-06-istanbul"]);
    assert_eq!(ids("date:2025-06-30"), ["2025-06-istanbul"]);
    assert_eq!(ids("date:2025-05-31..2025-06-01"), ["2025-06-istanbul"]);
    // Approximate dates are matched on their nominal month, not widened.
    assert!(ids("date:2025-07").is_empty());
    assert!(ids("date:2025-05").is_empty());
}

#[test]
fn open_ranges_and_from_to() {
    assert_eq!(ids("date:..2025-02"), ids("date:2025-02"));
    assert_eq!(ids("date:2025-04.."), ["2025-04-10-istanbul", "2025-06-istanbul"]);
    assert_eq!(ids("from:2025-04"), ["2025-04-10-istanbul", "2025-06-istanbul"]);
    // A range that ends on or after the start of the day still matches `from:`.
    assert_eq!(ids("from:2025-03-25"), ["2025-03-24-riyadh", "2025-04-10-istanbul", "2025-06-istanbul"]);
    assert_eq!(
        ids("to:2025-03-24"),
        ["2025-02-18-riyadh", "2025-02-27-istanbul", "2025-03-18-call", "2025-03-24-riyadh"]
    );
    assert_eq!(ids("from:2025-03 to:2025-03"), ids("date:2025-03"));
    assert_eq!(ids("to:2025-06-01").len(), 6, "a month round starts on its first day");
    assert_eq!(ids("-date:2025-03").len(), 4);
}

#[test]
fn parse_args_treats_each_word_as_a_term_unless_it_has_spaces() {
    let lib = library();
    let args = |a: &[&str]| Query::parse_args(&a.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    let words = args(&["venue:istanbul", "-status:cancelled"]).unwrap();
    assert_eq!(filter(&lib, &words, Sort::Date).len(), 2);
    let quoted = args(&[r#"topic:"direct flights""#]).unwrap();
    assert_eq!(filter(&lib, &quoted, Sort::Date).len(), 1);
    assert_eq!(args(&["direct flights"]).unwrap(), Query::parse("direct flights").unwrap());
    assert!(args(&[]).unwrap().is_empty());
    assert!(args(&["venu:x"]).is_err());
}

#[test]
fn and_combines_queries() {
    let lib = library();
    let q = Query::parse("istanbul").unwrap().and(Query::parse("date:2025-02").unwrap());
    assert_eq!(
        filter(&lib, &q, Sort::Date),
        filter(&lib, &Query::parse("date:2025-02 istanbul").unwrap(), Sort::Date)
    );
    assert_eq!(filter(&lib, &q, Sort::Date).len(), 1);
    assert!(!q.is_empty());
}
