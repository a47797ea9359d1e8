//! A small dataset for the export tests: the Istanbul embassy-operations round of
//! 2025-04-10 (per-side statements, a single-source item, an uncertain note, a duration
//! range), the Putin–Trump call of 2025-03-18 (no venue), and a cancelled round known only
//! to the month. It also holds entities no round uses, which the RON export must leave out.
//!
//! The facts are written to look like the real dataset; they are test data, not a source.

use crate::dataset::{parse_one, Library, SourceText};

pub(super) const RON: &str = r#"
Dataset(
    title: "Russia–United States talks, 2025",
    version: "0.3.0",
    curated_on: "2025-07-01",
    description: "Rounds of Russia–US talks in 2025, from official readouts and the press.",
    languages: ["en", "ru"],
    licence: "CC BY 4.0",
    sources: [
        Source(id: "mid-0410", title: "On the consultations in Istanbul", title_kind: Headline, kind: Official, outlet: "Russian MFA",
            url: "https://mid.ru/en/press_service/0410", published: "2025-04-10", language: "en"),
        Source(id: "state-0410", title: "Second round of talks in Istanbul on bilateral issues", title_kind: Headline, kind: Official,
            outlet: "US Department of State", url: "https://www.state.gov/istanbul-0410",
            published: "2025-04-10", language: "en"),
        Source(id: "tass-0410", title: "Talks in Istanbul lasted about six hours", title_kind: Headline, kind: Wire, outlet: "TASS",
            url: "https://tass.com/politics/0410", published: "2025-04-10", language: "en"),
        Source(id: "kremlin-0318", title: "Telephone conversation with Donald Trump", title_kind: Headline, kind: Official,
            outlet: "President of Russia", url: "http://en.kremlin.ru/events/president/news/0318",
            published: "2025-03-18", language: "en"),
        Source(id: "wh-0318", title: "Readout of the President's call with Vladimir Putin", title_kind: Headline, kind: Official,
            outlet: "The White House", url: "https://www.whitehouse.gov/briefings/0318",
            published: "2025-03-18", language: "en"),
        Source(id: "zakharova-0612", title: "Briefing by Maria Zakharova", title_kind: Headline, kind: Official, outlet: "Russian MFA",
            url: "https://mid.ru/en/press_service/0612", published: "2025-06-12", language: "en"),
        Source(id: "mid-darchiev", title: "Alexander Darchiev appointed ambassador", title_kind: Headline, kind: Official,
            url: "https://mid.ru/en/darchiev", language: "en"),
        Source(id: "unused", title: "An article no fact cites", title_kind: Headline, kind: Press, url: "https://example.org/x", language: "en"),
    ],
    parties: [
        Party(id: "russia", name: "Russia", aliases: ["Russian Federation", "Russie"]),
        Party(id: "us", name: "United States", aliases: ["USA", "États-Unis"]),
        Party(id: "ukraine", name: "Ukraine"),
    ],
    people: [
        Person(id: "darchiev", name: "Alexander Darchiev", aliases: ["Aleksandr Darchiev"],
            party: "russia", positions: [
                Position(title: "Ambassador to the United States", party: "russia",
                    from: "2025-03-27", sources: ["mid-darchiev"]),
            ]),
        Person(id: "coulter", name: "Sonata Coulter", party: "us", positions: [
            Position(title: "Deputy Assistant Secretary of State", party: "us"),
        ]),
        Person(id: "russian-diplomat", name: "Unnamed MFA official", party: "russia"),
        Person(id: "putin", name: "Vladimir Putin", party: "russia"),
        Person(id: "trump", name: "Donald Trump", party: "us"),
        Person(id: "zelensky", name: "Volodymyr Zelensky", party: "ukraine"),
    ],
    venues: [
        Venue(id: "istanbul-us-residence", place: "Residence of the US Consul General",
            city: "Istanbul", country: "Türkiye", aliases: ["İstanbul"]),
        Venue(id: "moscow", city: "Moscow", country: "Russia"),
        Venue(id: "riyadh", place: "Diriyah Palace", city: "Riyadh", country: "Saudi Arabia"),
    ],
    topics: [
        Topic(id: "embassies", name: "Embassy operations", description: "The work of each side's missions."),
        Topic(id: "banking", name: "Banking for diplomatic missions", description: "Bank accounts of embassies.",
            parent: "embassies"),
        Topic(id: "property", name: "Diplomatic property", description: "Seized diplomatic property.",
            parent: "embassies"),
        Topic(id: "ceasefire", name: "Ceasefire", description: "Steps towards a ceasefire in Ukraine."),
        Topic(id: "energy-strikes", name: "Strikes on energy infrastructure",
            description: "A pause in strikes on energy facilities.", parent: "ceasefire"),
        Topic(id: "prisoners", name: "Prisoner exchange", description: "Exchanges of prisoners of war."),
        Topic(id: "arctic", name: "Arctic cooperation", description: "Unused by any round."),
    ],
    tracks: [
        Track(id: "embassies", name: "Normalising embassy operations"),
        Track(id: "ukraine", name: "Settlement of the war in Ukraine"),
    ],
    rounds: [
        Round(
            id: "2025-04-10-istanbul",
            track: "embassies",
            title: "Second round of consultations on embassy operations",
            date: Day("2025-04-10"),
            status: Held,
            format: WorkingLevel,
            venue: "istanbul-us-residence",
            duration: Duration(min_minutes: 300, max_minutes: 360, qualifier: About,
                confidence: Single, sources: ["tass-0410"]),
            delegations: [
                Delegation(party: "russia", heads: ["darchiev"], members: [
                    Member(person: "darchiev", role: "Ambassador-designate to the United States",
                        sources: ["mid-0410"]),
                    Member(person: "russian-diplomat", role: "Deputy director, North America Department",
                        confidence: Uncertain, note: "named only by TASS", sources: ["tass-0410"]),
                ]),
                Delegation(party: "us", heads: ["coulter"], members: [
                    Member(person: "coulter", role: "Deputy Assistant Secretary of State",
                        sources: ["state-0410"]),
                ], note: "The State Department did not name the other members."),
            ],
            agenda: [
                AgendaItem(
                    topic: "banking",
                    summary: "The sides exchanged notes guaranteeing banking services for each other's missions.",
                    raised_by: "russia",
                    outcome: Agreed,
                    statements: [
                        Statement(party: "russia", text: "The exchange of notes on uninterrupted banking services was finalised.",
                            sources: ["mid-0410"]),
                        Statement(party: "us", text: "The two sides finalised an exchange of diplomatic notes on banking.",
                            sources: ["state-0410"]),
                    ],
                    sources: ["mid-0410", "state-0410"],
                ),
                AgendaItem(
                    topic: "property",
                    summary: "Russia raised the return of six diplomatic properties seized in 2016–2017.",
                    raised_by: "russia",
                    outcome: Discussed,
                    statements: [
                        Statement(party: "russia", text: "We insisted on the return of our diplomatic property.",
                            sources: ["mid-0410"]),
                    ],
                    confidence: Single,
                    sources: ["mid-0410"],
                ),
            ],
            notes: [
                Note(text: "TASS reports about six hours of talks; neither ministry gave a duration.",
                    confidence: Uncertain, sources: ["tass-0410"]),
            ],
            sources: ["mid-0410", "state-0410"],
        ),
        Round(
            id: "2025-03-18-call",
            track: "ukraine",
            title: "Putin–Trump telephone call",
            date: Day("2025-03-18"),
            status: Held,
            format: LeadersCall,
            duration: Duration(min_minutes: 120, qualifier: MoreThan, sources: ["kremlin-0318"]),
            delegations: [
                Delegation(party: "russia", heads: ["putin"], members: [
                    Member(person: "putin", role: "President of Russia"),
                ]),
                Delegation(party: "us", heads: ["trump"], members: [
                    Member(person: "trump", role: "President of the United States"),
                ]),
            ],
            agenda: [
                AgendaItem(
                    topic: "energy-strikes",
                    summary: "Both sides agreed to a 30-day pause in strikes on energy infrastructure.",
                    outcome: Agreed,
                    sources: ["kremlin-0318", "wh-0318"],
                ),
                AgendaItem(
                    topic: "prisoners",
                    summary: "An exchange of 175 prisoners of war on each side the next day.",
                    raised_by: "russia",
                    outcome: Agreed,
                    sources: ["kremlin-0318"],
                ),
            ],
            sources: ["kremlin-0318", "wh-0318"],
        ),
        Round(
            id: "2025-06-moscow",
            track: "embassies",
            title: "Third round of consultations on embassy operations",
            date: Month(2025, 6),
            date_approximate: true,
            status: Cancelled,
            format: WorkingLevel,
            venue: "moscow",
            notes: [
                Note(text: "Russia said the United States called off the round.", confidence: Single,
                    sources: ["zakharova-0612"]),
            ],
            sources: ["zakharova-0612"],
        ),
    ],
)
"#;

pub(super) const ISTANBUL: usize = 0;
pub(super) const CALL: usize = 1;
pub(super) const CANCELLED: usize = 2;

pub(super) fn source_text(text: &str) -> SourceText {
    SourceText { name: "fixture.ron".to_string(), text: text.to_string() }
}

pub(super) fn library() -> Library {
    library_with(|_| {})
}

/// The fixture library after `edit` changed its data (then validated and indexed).
pub(super) fn library_with(edit: impl FnOnce(&mut crate::model::Dataset)) -> Library {
    let mut data = match parse_one(&source_text(RON)) {
        Ok(data) => data,
        Err(e) => panic!("the fixture does not parse:\n{e}"),
    };
    edit(&mut data);
    match crate::dataset::open_dataset(data) {
        Ok((lib, _)) => lib,
        Err(e) => panic!("the edited fixture does not validate:\n{e}"),
    }
}
