//! Indexes built once at load: ids to positions, each round's interval and folded search
//! keys, who attended what, and where each topic was discussed.
//!
//! Everything a keystroke needs is here, so filtering never folds or looks up text again.

use crate::model::{
    Dataset, Format, Interval, Kind, Milestone, PerKind, Round, Status, ThirdParty, ThirdRole,
};
use crate::text::fold;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// Ids to positions. Fx hashing: ids are short and trusted, and SipHash showed in load profiles.
pub type IdMap = FxHashMap<String, usize>;

/// Separates values inside one folded key so a search term never matches across two values.
pub const SEP: char = '\u{1f}';

/// Everything the views and queries look up, built once per load. The fields are private
/// to `dataset`: others ask [`super::Library`]'s methods, so the layout can change freely.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Index {
    /// Ids to positions, per kind of entity.
    pub(super) by_id: PerKind<IdMap>,
    /// Per round, in dataset order.
    pub(super) rounds: Vec<RoundKeys>,
    /// Per round, in dataset order: what placing it in time needs, in a compact array.
    pub(super) placements: Vec<Placement>,
    /// Round indices in chronological order (earliest first, then by id).
    pub(super) chronological: Vec<usize>,
    /// Round indices by `venue_sort` (calls last), then chronologically; precomputed so a
    /// query sorted by venue walks it instead of sorting strings on every keystroke.
    pub(super) by_venue: Vec<usize>,
    /// Round indices by `title_sort`, then chronologically.
    pub(super) by_title: Vec<usize>,
    /// Per round, its position in `chronological`, `by_venue` and `by_title`: comparing two
    /// rounds in any order is then two array reads, not a trip through their keys.
    pub(super) rank: Ranks,
    /// Per person: the rounds they attended, in date order.
    pub(super) attendance: Vec<Vec<Attendance>>,
    /// Per topic: the agenda items on it, in date order.
    pub(super) mentions: Vec<Vec<TopicMention>>,
    /// Per topic: how many rounds have it, or one of its sub-topics, on the agenda (what
    /// `topic:` finds).
    pub(super) topic_rounds: Vec<u32>,
    /// Per topic: its direct children, in dataset order.
    pub(super) children: Vec<Vec<usize>>,
    /// Topics without a (known) parent, in dataset order.
    pub(super) roots: Vec<usize>,
    /// Milestone indices in chronological order.
    pub(super) milestones: Vec<usize>,
    /// Per round: the links of other rounds to it, as (round, link) positions, so a detail
    /// shows "followed by …" without walking every round.
    pub(super) linked_from: Vec<Vec<(u32, u32)>>,
    /// Per round: the milestones that name it, in date order.
    pub(super) round_milestones: Vec<Vec<usize>>,
    /// Per milestone: its interval and folded keys, so the query language reaches it too.
    pub(super) milestone_keys: Vec<RoundKeys>,
    /// The words of every round's keys, for free-word lookups.
    pub(super) words: super::WordIndex,
}

/// Positions of every round in each precomputed order.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct Ranks {
    pub(super) date: Vec<u32>,
    pub(super) venue: Vec<u32>,
    pub(super) title: Vec<u32>,
}

fn ranks(order: &[usize]) -> Vec<u32> {
    let mut rank = vec![0; order.len()];
    for (position, &round) in order.iter().enumerate() {
        if let Some(slot) = rank.get_mut(round) {
            *slot = position as u32;
        }
    }
    rank
}

/// A person's presence at a round: `rounds[round].delegations[d].members[member]`, or
/// `rounds[round].third_parties[t].members[member]`. Positions, not copies, keep the index
/// small.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    pub round: usize,
    pub seat: Seat,
    pub member: usize,
    pub head: bool,
}

/// Where a person sat: in a delegation, or with a third party (host, mediator …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Seat {
    Delegation(usize),
    ThirdParty(usize),
}

impl Attendance {
    /// The party id of the delegation, `None` for a third party's person.
    pub fn party<'a>(&self, data: &'a Dataset) -> Option<&'a str> {
        let Seat::Delegation(d) = self.seat else { return None };
        let d = data.rounds.get(self.round)?.delegations.get(d)?;
        Some(d.party.as_str())
    }

    /// The third party the person acted for, with its role.
    pub fn third_party<'a>(&self, data: &'a Dataset) -> Option<&'a ThirdParty> {
        let Seat::ThirdParty(t) = self.seat else { return None };
        data.rounds.get(self.round)?.third_parties.get(t)
    }

    /// The role the person held at that round.
    pub fn role<'a>(&self, data: &'a Dataset) -> &'a str {
        let Some(round) = data.rounds.get(self.round) else { return "" };
        let member = match self.seat {
            Seat::Delegation(d) => round.delegations.get(d).and_then(|d| d.members.get(self.member)),
            Seat::ThirdParty(t) => round.third_parties.get(t).and_then(|t| t.members.get(self.member)),
        };
        member.map_or("", |m| m.role.as_str())
    }
}

/// An agenda item on a topic: `rounds[round].agenda[item]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicMention {
    pub round: usize,
    pub item: usize,
}

/// What drawing a round on a timeline needs: its days, track, status and format. Kept
/// apart from the keys in an array of small values, so that laying out 100,000 rounds reads
/// 2 MB in one pass instead of chasing each round's strings (a cache miss per round).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    /// `None` only for a date validation rejects.
    pub interval: Option<Interval>,
    /// The track's position in the dataset's tracks; `None` when it names no track.
    pub track: Option<u32>,
    pub status: Status,
    pub format: Format,
    pub approximate: bool,
}

/// A round's interval and its folded search keys (values joined by [`SEP`]).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RoundKeys {
    /// `None` only for a date validation rejects.
    pub interval: Option<Interval>,
    /// Copied here so a query sees everything it tests in one place. `None` only in keys
    /// built by hand (`RoundKeys::default()`); the index always sets them.
    pub status: Option<Status>,
    pub format: Option<Format>,
    pub id: String,
    /// The title and agenda summaries. A free word may match this or any key below.
    pub text: String,
    /// Place, city, country and aliases of the venue.
    pub venue: String,
    pub city: String,
    pub country: String,
    /// Names and aliases of every participant.
    pub people: String,
    /// Names, aliases and ids of every party with a delegation.
    pub parties: String,
    /// Names, aliases and ids of every third party (host, mediator …), whatever its role.
    pub third: String,
    /// … of the third parties that hosted, and of those that mediated.
    pub hosts: String,
    pub mediators: String,
    /// Ids, names and aliases of every agenda topic and of its ancestors.
    pub topics: String,
    pub track: String,
    /// The city for sorting by venue (`phone call` sorts under `~` so calls come last).
    pub venue_sort: String,
    pub title_sort: String,
}

fn positions(ids: Vec<&str>) -> IdMap {
    let mut map = IdMap::default();
    map.reserve(ids.len());
    map.extend(ids.into_iter().enumerate().map(|(i, id)| (id.to_string(), i)));
    map
}

/// Appends folded values to a key, separated by [`SEP`].
fn push_all<'a>(key: &mut String, values: impl IntoIterator<Item = &'a str>) {
    for v in values {
        if !key.is_empty() {
            key.push(SEP);
        }
        key.push_str(&fold(v));
    }
}

impl Index {
    pub fn build(data: &Dataset) -> Index {
        let mut index =
            Index { by_id: PerKind::from_fn(|kind| positions(data.ids(kind))), ..Index::default() };
        index.build_topic_tree(data);
        let folded = Folded::new(data, &index);
        let rounds = index.all_round_keys(data, &folded);
        index.placements = data.rounds.iter().map(|r| index.placement(r)).collect();
        index.milestone_keys = data.milestones.iter().map(|m| index.milestone_keys(m, &folded)).collect();
        // The word index needs only the keys: it is built on another core while the orders
        // and the per-person and per-topic lists are built here.
        let words = std::thread::scope(|scope| {
            let words = scope.spawn(|| super::WordIndex::build(&rounds));
            index.build_orders(data, &rounds);
            words.join()
        });
        index.words = match words {
            Ok(words) => words,
            // Building the word index does not panic on any input the fuzzers found; should
            // it, the panic goes on as the bug it is.
            Err(panic) => std::panic::resume_unwind(panic),
        };
        index.rounds = rounds;
        index
    }

    /// Every round's keys, in dataset order, built in pieces on every core.
    fn all_round_keys(&self, data: &Dataset, folded: &Folded) -> Vec<RoundKeys> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let piece = data.rounds.len().div_ceil(threads).max(1000);
        std::thread::scope(|scope| {
            let pieces: Vec<_> = data
                .rounds
                .chunks(piece)
                .map(|chunk| {
                    scope.spawn(move || chunk.iter().map(|r| self.round_keys(r, folded)).collect::<Vec<_>>())
                })
                .collect();
            let mut all = Vec::with_capacity(data.rounds.len());
            for piece in pieces {
                match piece.join() {
                    Ok(keys) => all.extend(keys),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            all
        })
    }

    /// The orders of the rounds and their ranks, attendance, mentions, milestones and links.
    fn build_orders(&mut self, data: &Dataset, rounds: &[RoundKeys]) {
        let index = self;
        let mut order: Vec<usize> = (0..data.rounds.len()).collect();
        order.sort_by(|&a, &b| {
            let (ra, rb) = (&data.rounds[a], &data.rounds[b]);
            ra.date.sort_key().cmp(&rb.date.sort_key()).then_with(|| ra.id.cmp(&rb.id))
        });
        index.count_topic_rounds(data);
        index.attendance = vec![Vec::new(); data.people.len()];
        index.mentions = vec![Vec::new(); data.topics.len()];
        for &r in &order {
            index.record_round(data, r);
        }
        // Stable sorts of the chronological order, so ties stay in date order.
        index.by_venue = order.clone();
        index.by_venue.sort_by(|&a, &b| rounds[a].venue_sort.cmp(&rounds[b].venue_sort));
        index.by_title = order.clone();
        index.by_title.sort_by(|&a, &b| rounds[a].title_sort.cmp(&rounds[b].title_sort));
        index.chronological = order;
        index.build_milestones(data);
        index.linked_from = vec![Vec::new(); data.rounds.len()];
        for (r, round) in data.rounds.iter().enumerate() {
            for (l, link) in round.links.iter().enumerate() {
                if let Some(&target) = index.by_id.get(Kind::Round).get(&link.round) {
                    let at = (u32::try_from(r).unwrap_or(u32::MAX), u32::try_from(l).unwrap_or(u32::MAX));
                    index.linked_from[target].push(at);
                }
            }
        }
        index.rank = Ranks {
            date: ranks(&index.chronological),
            venue: ranks(&index.by_venue),
            title: ranks(&index.by_title),
        };
    }

    fn placement(&self, r: &Round) -> Placement {
        let track = self.by_id.get(Kind::Track).get(&r.track).and_then(|&t| u32::try_from(t).ok());
        Placement {
            interval: r.date.interval(),
            track,
            status: r.status,
            format: r.format,
            approximate: r.date_approximate,
        }
    }

    fn build_milestones(&mut self, data: &Dataset) {
        let mut order: Vec<usize> = (0..data.milestones.len()).collect();
        order.sort_by(|&a, &b| {
            let (ma, mb) = (&data.milestones[a], &data.milestones[b]);
            ma.date.sort_key().cmp(&mb.date.sort_key()).then_with(|| ma.id.cmp(&mb.id))
        });
        self.round_milestones = vec![Vec::new(); data.rounds.len()];
        for &m in &order {
            for round in &data.milestones[m].rounds {
                if let Some(&r) = self.by_id.get(Kind::Round).get(round) {
                    self.round_milestones[r].push(m);
                }
            }
        }
        self.milestones = order;
    }

    fn count_topic_rounds(&mut self, data: &Dataset) {
        self.topic_rounds = vec![0; data.topics.len()];
        let parent = |t: usize| {
            data.topics[t].parent.as_ref().and_then(|p| self.by_id.get(Kind::Topic).get(p)).copied()
        };
        let mut seen: Vec<usize> = Vec::new();
        for round in &data.rounds {
            seen.clear();
            for item in &round.agenda {
                let mut at = self.by_id.get(Kind::Topic).get(&item.topic).copied();
                // Bounded, so a parent cycle (which validation reports) cannot loop forever.
                for _ in 0..=data.topics.len() {
                    let Some(t) = at else { break };
                    if !seen.contains(&t) {
                        seen.push(t);
                    }
                    at = parent(t);
                }
            }
            for &t in &seen {
                self.topic_rounds[t] += 1;
            }
        }
    }

    fn build_topic_tree(&mut self, data: &Dataset) {
        self.children = vec![Vec::new(); data.topics.len()];
        for (i, t) in data.topics.iter().enumerate() {
            match t.parent.as_ref().and_then(|p| self.by_id.get(Kind::Topic).get(p)) {
                Some(&p) if p != i => self.children[p].push(i),
                _ => self.roots.push(i),
            }
        }
    }

    fn record_round(&mut self, data: &Dataset, r: usize) {
        let round = &data.rounds[r];
        for (d, del) in round.delegations.iter().enumerate() {
            for (member, m) in del.members.iter().enumerate() {
                if let Some(&p) = self.by_id.get(Kind::Person).get(&m.person) {
                    let head = del.is_head(&m.person);
                    self.attendance[p].push(Attendance { round: r, seat: Seat::Delegation(d), member, head });
                }
            }
        }
        for (t, third) in round.third_parties.iter().enumerate() {
            for (member, m) in third.members.iter().enumerate() {
                if let Some(&p) = self.by_id.get(Kind::Person).get(&m.person) {
                    let seat = Seat::ThirdParty(t);
                    self.attendance[p].push(Attendance { round: r, seat, member, head: false });
                }
            }
        }
        for (item, a) in round.agenda.iter().enumerate() {
            if let Some(&t) = self.by_id.get(Kind::Topic).get(&a.topic) {
                self.mentions[t].push(TopicMention { round: r, item });
            }
        }
    }

    /// Keys of a milestone: its date, id, parties, and the title, kind and summary as text.
    fn milestone_keys(&self, m: &Milestone, folded: &Folded) -> RoundKeys {
        let mut k = RoundKeys { interval: m.date.interval(), id: fold(&m.id), ..RoundKeys::default() };
        for party in &m.parties {
            match self.by_id.get(Kind::Party).get(party) {
                Some(&p) => join(&mut k.parties, &folded.parties[p]),
                None => push_all(&mut k.parties, [party.as_str()]),
            }
        }
        k.title_sort = fold(&m.title);
        let mut text = k.title_sort.clone();
        push_all(&mut text, [m.kind.label(), m.summary.as_str()]);
        k.text = text;
        k
    }

    fn round_keys(&self, r: &Round, folded: &Folded) -> RoundKeys {
        let mut k = RoundKeys {
            interval: r.date.interval(),
            status: Some(r.status),
            format: Some(r.format),
            id: fold(&r.id),
            ..RoundKeys::default()
        };
        match r.venue.as_ref().and_then(|v| self.by_id.get(Kind::Venue).get(v)) {
            Some(&v) => {
                let keys = &folded.venues[v];
                k.venue.clone_from(&keys.all);
                k.city.clone_from(&keys.city);
                k.country.clone_from(&keys.country);
                k.venue_sort.clone_from(&keys.sort);
            }
            None => {
                if let Some(id) = &r.venue {
                    push_all(&mut k.venue, [id.as_str()]);
                }
                k.venue_sort = "~phone call".to_string();
            }
        }
        for m in r.participants() {
            match self.by_id.get(Kind::Person).get(&m.person) {
                Some(&p) => join(&mut k.people, &folded.people[p]),
                None => push_all(&mut k.people, [m.person.as_str()]),
            }
        }
        for d in &r.delegations {
            match self.by_id.get(Kind::Party).get(&d.party) {
                Some(&p) => join(&mut k.parties, &folded.parties[p]),
                None => push_all(&mut k.parties, [d.party.as_str()]),
            }
        }
        for t in &r.third_parties {
            let party = match self.by_id.get(Kind::Party).get(&t.party) {
                Some(&p) => folded.parties[p].clone(),
                None => fold(&t.party),
            };
            match t.role {
                ThirdRole::Host => join(&mut k.hosts, &party),
                ThirdRole::Mediator => join(&mut k.mediators, &party),
                ThirdRole::Chair | ThirdRole::Facilitator | ThirdRole::Observer => {}
            }
            join(&mut k.third, &party);
        }
        for a in &r.agenda {
            match self.by_id.get(Kind::Topic).get(&a.topic) {
                Some(&t) => join(&mut k.topics, &folded.topics[t]),
                None => push_all(&mut k.topics, [a.topic.as_str()]),
            }
        }
        match self.by_id.get(Kind::Track).get(&r.track) {
            Some(&t) => join(&mut k.track, &folded.tracks[t]),
            None => push_all(&mut k.track, [r.track.as_str()]),
        }
        k.title_sort = fold(&r.title);
        // The other searchable parts have keys of their own; free words look in all of them,
        // so the text holds only what is nowhere else: the title and the agenda summaries.
        let mut text = k.title_sort.clone();
        for a in &r.agenda {
            push_all(&mut text, [a.summary.as_str()]);
        }
        k.text = text;
        k
    }
}

/// Appends an already folded key, separated by [`SEP`].
fn join(key: &mut String, folded: &str) {
    if !key.is_empty() {
        key.push(SEP);
    }
    key.push_str(folded);
}

/// The folded keys of a venue.
#[derive(Default)]
struct VenueKeys {
    all: String,
    city: String,
    country: String,
    sort: String,
}

/// Every person, party, venue, track and topic folded once, then shared by all the rounds
/// that mention it (folding is the costly part of building keys).
struct Folded {
    people: Vec<String>,
    parties: Vec<String>,
    venues: Vec<VenueKeys>,
    tracks: Vec<String>,
    topics: Vec<String>,
}

impl Folded {
    fn new(data: &Dataset, index: &Index) -> Folded {
        let named = |name: &str, more: &[String]| {
            let mut key = String::new();
            push_all(&mut key, std::iter::once(name).chain(more.iter().map(String::as_str)));
            key
        };
        Folded {
            people: data.people.iter().map(|p| named(&p.name, &p.aliases)).collect(),
            parties: data
                .parties
                .iter()
                .map(|p| {
                    let mut key = named(&p.id, &p.aliases);
                    join(&mut key, &fold(&p.name));
                    key
                })
                .collect(),
            venues: data
                .venues
                .iter()
                .map(|v| {
                    let mut keys = VenueKeys { sort: fold(&v.city), ..VenueKeys::default() };
                    push_all(
                        &mut keys.all,
                        v.place.as_deref().into_iter().chain([v.city.as_str(), v.country.as_str()]),
                    );
                    push_all(&mut keys.all, v.aliases.iter().map(String::as_str));
                    keys.city = named(&v.city, &v.aliases);
                    keys.country = named(&v.country, &v.aliases);
                    keys
                })
                .collect(),
            tracks: data.tracks.iter().map(|t| named(&t.id, std::slice::from_ref(&t.name))).collect(),
            topics: topic_keys(data, index),
        }
    }
}

/// For each topic: its id, name and aliases and those of its ancestors, folded, so that a
/// round discussing `mission-banking` matches `topic:missions` too.
fn topic_keys(data: &Dataset, index: &Index) -> Vec<String> {
    data.topics
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let mut key = String::new();
            let mut at = Some(i);
            let mut steps = 0;
            // Bounded so a parent cycle (which validation reports) cannot loop forever.
            while let (Some(t), true) = (at, steps <= data.topics.len()) {
                let topic = &data.topics[t];
                push_all(&mut key, [topic.id.as_str(), topic.name.as_str()]);
                push_all(&mut key, topic.aliases.iter().map(String::as_str));
                at = topic.parent.as_ref().and_then(|p| index.by_id.get(Kind::Topic).get(p)).copied();
                steps += 1;
            }
            key
        })
        .collect()
}
