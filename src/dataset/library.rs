//! [`Library`]: a validated dataset and its indexes, behind a small read-only API.
//!
//! Views, queries and exports ask the library (a round by id, who attended what, the rounds
//! in date order …) and never see the index's layout, so it can change without touching
//! them. A library is built only by loading ([`super::open`] and friends), so the data and
//! the index cannot drift apart.

use super::index::{Attendance, Index, Placement, RoundKeys, TopicMention};
use super::words::WordIndex;
use crate::model::{Dataset, Kind, Person, Round, RoundLink, Source, Topic, Venue};
use std::sync::Arc;

/// A validated dataset with its indexes: what the CLI, the TUI and the exports read.
/// Both halves are shared (`Arc`), so a clone is cheap and the load cache can write them
/// in the background while the library is in use.
#[derive(Debug, Clone)]
pub struct Library {
    data: Arc<Dataset>,
    index: Arc<Index>,
}

/// The orders rounds are precomputed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Earliest first, then by id.
    Date,
    /// By city (calls last), then by date.
    Venue,
    /// By folded title, then by date.
    Title,
}

impl Library {
    pub(super) fn from_parts(data: Dataset, index: Index) -> Library {
        Library { data: Arc::new(data), index: Arc::new(index) }
    }

    /// The shared halves, for the load cache to write.
    pub(super) fn parts(&self) -> (Arc<Dataset>, Arc<Index>) {
        (Arc::clone(&self.data), Arc::clone(&self.index))
    }

    /// A library from halves read back from the load cache.
    pub(super) fn from_shared(data: Arc<Dataset>, index: Arc<Index>) -> Library {
        Library { data, index }
    }

    /// Builds the indexes over a dataset without validating it: dangling references are
    /// skipped rather than trusted, so this cannot panic. For benchmarks and robustness
    /// tests; everything else loads through [`super::open`].
    #[doc(hidden)]
    pub fn index_unchecked(data: Dataset) -> Library {
        let index = Index::build(&data);
        Library::from_parts(data, index)
    }

    pub fn data(&self) -> &Dataset {
        &self.data
    }

    /// The position of the entity `id` of a kind in its list.
    pub fn position(&self, kind: Kind, id: &str) -> Option<usize> {
        self.index.ids.get(kind).get(id)
    }

    /// The position of a round in the dataset, for views that refer to rounds by index.
    pub fn round_position(&self, id: &str) -> Option<usize> {
        self.position(Kind::Round, id)
    }

    pub fn round(&self, id: &str) -> Option<&Round> {
        self.round_position(id).and_then(|i| self.data.rounds.get(i))
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.position(Kind::Person, id).and_then(|i| self.data.people.get(i))
    }

    pub fn venue(&self, id: &str) -> Option<&Venue> {
        self.position(Kind::Venue, id).and_then(|i| self.data.venues.get(i))
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.position(Kind::Topic, id).and_then(|i| self.data.topics.get(i))
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.position(Kind::Source, id).and_then(|i| self.data.sources.get(i))
    }

    /// The rounds that link to the round `id`, with their link (precomputed at load).
    pub fn links_to<'a>(&'a self, id: &str) -> impl Iterator<Item = (&'a str, &'a RoundLink)> + 'a {
        let from = self.round_position(id).map(|r| self.index.linked_from.get(r));
        from.into_iter().flatten().filter_map(|&(r, l)| {
            let round = self.data.rounds.get(r as usize)?;
            Some((round.id.as_str(), round.links.get(l as usize)?))
        })
    }

    /// Milestone indices in date order.
    pub fn milestones(&self) -> &[usize] {
        &self.index.milestones
    }

    /// Milestone `m`'s interval and folded search keys.
    pub fn milestone_keys(&self, m: usize) -> Option<RoundKeys<'_>> {
        self.index.milestone_keys.get(m)
    }

    /// The milestones that name round `r` among the rounds they came from, in date order.
    pub fn milestones_of(&self, r: usize) -> &[usize] {
        self.index.round_milestones.get(r)
    }

    /// The rounds person `p` attended, in date order.
    pub fn attendance(&self, p: usize) -> &[Attendance] {
        self.index.attendance.get(p)
    }

    /// The agenda items on topic `t` (not its sub-topics), in date order.
    pub fn mentions(&self, t: usize) -> &[TopicMention] {
        self.index.mentions.get(t)
    }

    /// How many rounds have topic `t`, or one of its sub-topics, on the agenda: the number
    /// of rounds `topic:` finds.
    pub fn topic_round_count(&self, t: usize) -> usize {
        self.index.topic_rounds.get(t).map_or(0, |&n| n as usize)
    }

    /// How many rounds were held at venue `v`.
    pub fn venue_round_count(&self, v: usize) -> usize {
        self.index.venue_rounds.get(v).map_or(0, |&n| n as usize)
    }

    /// The direct sub-topics of topic `t`, in dataset order.
    pub fn children(&self, t: usize) -> &[usize] {
        self.index.children.get(t)
    }

    /// Topics without a (known) parent, in dataset order.
    pub fn root_topics(&self) -> &[usize] {
        &self.index.roots
    }

    /// Round indices in a precomputed order.
    pub fn order(&self, order: Order) -> &[usize] {
        match order {
            Order::Date => &self.index.chronological,
            Order::Venue => &self.index.by_venue,
            Order::Title => &self.index.by_title,
        }
    }

    /// Round `r`'s position in a precomputed order: comparing two ranks is comparing the
    /// rounds in that order.
    pub fn rank(&self, order: Order, r: usize) -> Option<u32> {
        let ranks = match order {
            Order::Date => &self.index.rank.date,
            Order::Venue => &self.index.rank.venue,
            Order::Title => &self.index.rank.title,
        };
        ranks.get(r).copied()
    }

    /// Round `r`'s interval and folded search keys.
    pub fn keys(&self, r: usize) -> Option<RoundKeys<'_>> {
        self.index.rounds.get(r)
    }

    /// Round `r`'s days, track, status and format, as a timeline places it.
    pub fn placement(&self, r: usize) -> Option<&Placement> {
        self.index.placements.get(r)
    }

    /// The inverted index of the words of every round's keys.
    pub fn words(&self) -> &WordIndex {
        &self.index.words
    }

    /// The display name of a party id, or the id itself when it is unknown.
    pub fn party_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.position(Kind::Party, id).and_then(|i| self.data.parties.get(i)).map_or(id, |p| p.name.as_str())
    }

    /// The display name of a person id, or the id itself when it is unknown.
    pub fn person_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.person(id).map_or(id, |p| p.name.as_str())
    }

    /// The display name of a topic id, or the id itself when it is unknown.
    pub fn topic_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.topic(id).map_or(id, |t| t.name.as_str())
    }

    /// The display name of a track id, or the id itself when it is unknown.
    pub fn track_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.position(Kind::Track, id).and_then(|i| self.data.tracks.get(i)).map_or(id, |t| t.name.as_str())
    }

    /// `Diriyah Palace, Riyadh, Saudi Arabia`; for a round without a venue, `phone call`
    /// when it was a call and `place not reported` when it was a meeting.
    pub fn venue_label(&self, round: &Round) -> String {
        match round.venue.as_deref().and_then(|v| self.venue(v)) {
            Some(v) => match &v.place {
                Some(place) => format!("{place}, {}, {}", v.city, v.country),
                None => format!("{}, {}", v.city, v.country),
            },
            None if round.venue.is_some() => round.venue.clone().unwrap_or_default(),
            None => no_venue(round).to_string(),
        }
    }

    /// The short form for lists: the city, `phone call`, or `place n/r` for a meeting
    /// whose place the sources do not give.
    pub fn venue_short<'a>(&'a self, round: &'a Round) -> &'a str {
        match round.venue.as_deref() {
            Some(id) => self.venue(id).map_or(id, |v| v.city.as_str()),
            None if round.format.is_call() => "phone call",
            None => "place n/r",
        }
    }
}

/// What stands for the venue of a round that has none.
fn no_venue(round: &Round) -> &'static str {
    if round.format.is_call() {
        "phone call"
    } else {
        "place not reported"
    }
}
