//! A small realistic library for the query tests: meetings in Riyadh and in Istanbul
//! (spelt `İstanbul` in an alias), a person with French and transliterated aliases, a phone
//! call without a venue, a two-day technical round and a month-precision cancelled round.

use crate::dataset::{parse_one, Library, SourceText};

const RON: &str = r#"Dataset(
    title: "Query fixture",
    version: "1",
    curated_on: "2025-04-09",
    description: "Rounds for the query tests",
    languages: ["en", "fr"],
    licence: "CC0",
    sources: [Source(id: "s1", title: "Report", title_kind: Headline, kind: Press, url: "https://example.org/1", language: "en")],
    parties: [
        Party(id: "ru", name: "Russia", aliases: ["Russie"]),
        Party(id: "us", name: "United States", aliases: ["États-Unis", "USA"]),
        Party(id: "sa", name: "Saudi Arabia", aliases: ["Arabie saoudite"]),
        Party(id: "tr", name: "Türkiye", aliases: ["Turkey", "Turquie"]),
    ],
    people: [
        Person(id: "lavrov", name: "Sergey Lavrov", aliases: ["Sergei Lavrov", "Sergueï Lavrov"], party: "ru"),
        Person(id: "rubio", name: "Marco Rubio", party: "us"),
        Person(id: "ushakov", name: "Yuri Ushakov", aliases: ["Iouri Ouchakov"], party: "ru"),
        Person(id: "darchiev", name: "Alexander Darchiev", aliases: ["Alexandre Dartchiev", "Александр Дарчиев"], party: "ru"),
        Person(id: "coulter", name: "Sonata Coulter", party: "us"),
        Person(id: "putin", name: "Vladimir Putin", aliases: ["Vladimir Poutine"], party: "ru"),
        Person(id: "trump", name: "Donald Trump", party: "us"),
    ],
    venues: [
        Venue(id: "riyadh-diriyah", place: "Diriyah Palace", city: "Riyadh", country: "Saudi Arabia",
              aliases: ["Riyad", "Arabie saoudite"]),
        Venue(id: "riyadh-ritz", place: "Ritz-Carlton", city: "Riyadh", country: "Saudi Arabia", aliases: ["Riyad"]),
        Venue(id: "istanbul-residence", place: "US Consul General's residence", city: "Istanbul",
              country: "Türkiye", aliases: ["İstanbul", "Turkey", "Turquie"]),
    ],
    topics: [
        Topic(id: "missions", name: "Diplomatic missions", description: "Embassies and consulates"),
        Topic(id: "embassies", name: "Embassy staffing", description: "Staff and visas", parent: "missions"),
        Topic(id: "direct-flights", name: "Direct flights", description: "Air links", parent: "missions",
              aliases: ["vols directs"]),
        Topic(id: "ceasefire", name: "Ceasefire", description: "Ukraine ceasefire"),
    ],
    tracks: [
        Track(id: "bilateral", name: "Bilateral irritants"),
        Track(id: "leaders", name: "Leaders' track"),
        Track(id: "ukraine", name: "Ukraine settlement"),
    ],
    rounds: [
        Round(id: "2025-04-10-istanbul", track: "bilateral", title: "Second Istanbul consultations",
              date: Day("2025-04-10"), status: Held, format: WorkingLevel, venue: "istanbul-residence",
              delegations: [
                  Delegation(party: "ru", heads: ["darchiev"], members: [Member(person: "darchiev", role: "Ambassador")]),
                  Delegation(party: "us", heads: ["coulter"], members: [Member(person: "coulter", role: "DAS")]),
              ],
              agenda: [AgendaItem(topic: "direct-flights", summary: "Russia raised resuming direct flights",
                                  outcome: Discussed, sources: ["s1"])],
              sources: ["s1"]),
        Round(id: "2025-02-18-riyadh", track: "ukraine", title: "Riyadh meeting of foreign ministers",
              date: Day("2025-02-18"), status: Held, format: Ministerial, venue: "riyadh-diriyah",
              delegations: [
                  Delegation(party: "ru", heads: ["lavrov"], members: [
                      Member(person: "lavrov", role: "Foreign Minister"),
                      Member(person: "ushakov", role: "Aide"),
                  ]),
                  Delegation(party: "us", heads: ["rubio"], members: [Member(person: "rubio", role: "Secretary of State")]),
              ],
              third_parties: [ThirdParty(party: "sa", role: Host, sources: ["s1"])],
              agenda: [
                  AgendaItem(topic: "embassies", summary: "Restore the work of embassies", outcome: Agreed, sources: ["s1"]),
                  AgendaItem(topic: "ceasefire", summary: "Start work on ending the war", outcome: Agreed, sources: ["s1"]),
              ],
              sources: ["s1"]),
        Round(id: "2025-02-27-istanbul", track: "bilateral", title: "Consultations on embassies",
              date: Day("2025-02-27"), status: Held, format: WorkingLevel, venue: "istanbul-residence",
              delegations: [
                  Delegation(party: "ru", heads: ["darchiev"], members: [Member(person: "darchiev", role: "Director")]),
                  Delegation(party: "us", heads: ["coulter"], members: [Member(person: "coulter", role: "DAS")]),
              ],
              agenda: [AgendaItem(topic: "embassies", summary: "Visas and banking for diplomats",
                                  outcome: Discussed, sources: ["s1"])],
              sources: ["s1"]),
        Round(id: "2025-03-18-call", track: "leaders", title: "Trump–Putin phone call",
              date: Day("2025-03-18"), status: Held, format: LeadersCall,
              delegations: [
                  Delegation(party: "ru", heads: ["putin"], members: [Member(person: "putin", role: "President")]),
                  Delegation(party: "us", heads: ["trump"], members: [Member(person: "trump", role: "President")]),
              ],
              agenda: [AgendaItem(topic: "ceasefire", summary: "A 30-day halt on strikes on energy infrastructure",
                                  outcome: Agreed, sources: ["s1"])],
              sources: ["s1"]),
        Round(id: "2025-03-24-riyadh", track: "ukraine", title: "Technical talks in Riyadh",
              date: Range("2025-03-24", "2025-03-25"), status: Held, format: Technical, venue: "riyadh-ritz",
              third_parties: [ThirdParty(party: "tr", role: Mediator, sources: ["s1"])],
              agenda: [AgendaItem(topic: "ceasefire", summary: "Black Sea navigation", outcome: Discussed, sources: ["s1"])],
              sources: ["s1"]),
        Round(id: "2025-06-istanbul", track: "bilateral", title: "Third Istanbul consultations",
              date: Month(2025, 6), date_approximate: true, status: Cancelled, format: WorkingLevel,
              venue: "istanbul-residence",
              agenda: [AgendaItem(topic: "embassies", summary: "Property of the missions", outcome: Unknown, sources: ["s1"])],
              sources: ["s1"]),
    ],
)"#;

/// The fixture library; rounds are deliberately not in date order in the file.
pub(crate) fn library() -> Library {
    let source = SourceText { name: "fixture.ron".into(), text: RON.into() };
    match parse_one(&source) {
        Ok(data) => match crate::dataset::open_dataset(data) {
            Ok((lib, _)) => lib,
            Err(e) => panic!("the query fixture does not validate: {e}"),
        },
        Err(e) => panic!("the query fixture does not parse: {e}"),
    }
}
