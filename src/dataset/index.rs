//! Indexes built once at load: ids to positions, each round's interval and folded search
//! keys, who attended what, and where each topic was discussed.
//!
//! Everything a keystroke needs is here, so filtering never folds or looks up text again.
//!
//! The layout is flat, a few large arrays rather than a value per round: the key text of
//! every round in one string (`table`), the per-entity lists in one array each (`lists`),
//! ids in one sorted table (`ids`), the word index's postings and gram sets as arrays of
//! numbers. Building, freeing and caching it is then a few allocations, and the load cache
//! hands the big arrays back where they lie in its mapped file (`shared`).

use crate::model::{Dataset, Format, Interval, Kind, PerKind, Round, Status, ThirdParty};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

mod ids;
mod keys;
mod lists;
mod shared;
mod table;

pub use ids::IdTable;
use keys::Folded;
pub use lists::Lists;
pub(super) use shared::{Numbers, SharedBytes};
pub use table::{Field, KeyTable, KeyTexts, RoundKeys};

/// Ids to positions. Fx hashing: ids are short and trusted, and SipHash showed in load profiles.
pub type IdMap = FxHashMap<String, usize>;

/// Separates values inside one folded key so a search term never matches across two values.
pub const SEP: char = '\u{1f}';

/// Everything the views and queries look up, built once per load. The fields are private
/// to `dataset`: others ask [`super::Library`]'s methods, so the layout can change freely.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Index {
    /// Ids to positions, per kind of entity, while the index is built; emptied when it is
    /// done, `ids` answering from then on.
    #[serde(skip)]
    pub(super) by_id: PerKind<IdMap>,
    /// Ids to positions, per kind of entity.
    pub(super) ids: PerKind<IdTable>,
    /// Per round, in dataset order.
    pub(super) rounds: KeyTable,
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
    pub(super) attendance: Lists<Attendance>,
    /// Per topic: the agenda items on it, in date order.
    pub(super) mentions: Lists<TopicMention>,
    /// Per topic: how many rounds have it, or one of its sub-topics, on the agenda (what
    /// `topic:` finds).
    pub(super) topic_rounds: Vec<u32>,
    /// Per venue: how many rounds were held there.
    pub(super) venue_rounds: Vec<u32>,
    /// Per topic: its direct children, in dataset order.
    pub(super) children: Lists<usize>,
    /// Topics without a (known) parent, in dataset order.
    pub(super) roots: Vec<usize>,
    /// Milestone indices in chronological order.
    pub(super) milestones: Vec<usize>,
    /// Per round: the links of other rounds to it, as (round, link) positions, so a detail
    /// shows "followed by …" without walking every round.
    pub(super) linked_from: Lists<(u32, u32)>,
    /// Per round: the milestones that name it, in date order.
    pub(super) round_milestones: Lists<usize>,
    /// Per milestone: its interval and folded keys, so the query language reaches it too.
    pub(super) milestone_keys: KeyTable,
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

fn positions(ids: Vec<&str>) -> IdMap {
    let mut map = IdMap::default();
    map.reserve(ids.len());
    map.extend(ids.into_iter().enumerate().map(|(i, id)| (id.to_string(), i)));
    map
}

impl Index {
    pub fn build(data: &Dataset) -> Index {
        let mut index =
            Index { by_id: PerKind::from_fn(|kind| positions(data.ids(kind))), ..Index::default() };
        index.build_topic_tree(data);
        let folded = Folded::new(data, &index);
        let rounds = index.all_round_keys(data, &folded);
        index.placements = data.rounds.iter().map(|r| index.placement(r)).collect();
        for m in &data.milestones {
            index.milestone_keys.push(&index.milestone_keys(m, &folded).as_keys());
        }
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
        index.ids = PerKind::from_fn(|kind| IdTable::new(&data.ids(kind)));
        index.by_id = PerKind::default();
        index
    }

    /// Every round's keys, in dataset order, built in pieces on every core. The pieces are
    /// ranges of positions (lazily decoded rounds are not a slice); a round that cannot be
    /// decoded gets empty keys, so that keys stay at their round's position.
    fn all_round_keys(&self, data: &Dataset, folded: &Folded) -> KeyTable {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let len = data.rounds.len();
        let piece = len.div_ceil(threads).max(1000);
        std::thread::scope(|scope| {
            let pieces: Vec<_> = (0..len)
                .step_by(piece)
                .map(|start| {
                    scope.spawn(move || {
                        let mut table = KeyTable::default();
                        for r in start..len.min(start + piece) {
                            match data.rounds.get(r) {
                                Some(round) => table.push(&self.round_keys(round, folded).as_keys()),
                                None => table.push(&KeyTexts::default()),
                            }
                        }
                        table
                    })
                })
                .collect();
            let mut all = KeyTable::default();
            for piece in pieces {
                match piece.join() {
                    Ok(keys) => all.append(&keys),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            all
        })
    }

    /// The orders of the rounds and their ranks, attendance, mentions, milestones and links.
    fn build_orders(&mut self, data: &Dataset, rounds: &KeyTable) {
        let index = self;
        let mut order: Vec<usize> = (0..data.rounds.len()).collect();
        // Positions come from `0..len`; a round that cannot be decoded sorts first.
        order.sort_by(|&a, &b| {
            let key = |r| data.rounds.get(r).map(|r: &Round| (r.date.sort_key(), r.id.as_str()));
            key(a).cmp(&key(b))
        });
        index.count_topic_rounds(data);
        index.venue_rounds = vec![0; data.venues.len()];
        for round in &data.rounds {
            if let Some(&v) = round.venue.as_ref().and_then(|v| index.by_id.get(Kind::Venue).get(v)) {
                index.venue_rounds[v] += 1;
            }
        }
        let mut attendance = vec![Vec::new(); data.people.len()];
        let mut mentions = vec![Vec::new(); data.topics.len()];
        for &r in &order {
            index.record_round(data, r, &mut attendance, &mut mentions);
        }
        index.attendance = Lists::from(attendance);
        index.mentions = Lists::from(mentions);
        // Stable sorts of the chronological order, so ties stay in date order.
        index.by_venue = order.clone();
        index.by_venue.sort_by(|&a, &b| rounds.key(a, Field::VenueSort).cmp(rounds.key(b, Field::VenueSort)));
        index.by_title = order.clone();
        index.by_title.sort_by(|&a, &b| rounds.key(a, Field::TitleSort).cmp(rounds.key(b, Field::TitleSort)));
        index.chronological = order;
        index.build_milestones(data);
        let mut linked_from = vec![Vec::new(); data.rounds.len()];
        for (r, round) in data.rounds.iter().enumerate() {
            for (l, link) in round.links.iter().enumerate() {
                if let Some(&target) = index.by_id.get(Kind::Round).get(&link.round) {
                    let at = (u32::try_from(r).unwrap_or(u32::MAX), u32::try_from(l).unwrap_or(u32::MAX));
                    linked_from[target].push(at);
                }
            }
        }
        index.linked_from = Lists::from(linked_from);
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
        let mut round_milestones = vec![Vec::new(); data.rounds.len()];
        for &m in &order {
            for round in &data.milestones[m].rounds {
                if let Some(&r) = self.by_id.get(Kind::Round).get(round) {
                    round_milestones[r].push(m);
                }
            }
        }
        self.round_milestones = Lists::from(round_milestones);
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
        let mut children = vec![Vec::new(); data.topics.len()];
        for (i, t) in data.topics.iter().enumerate() {
            match t.parent.as_ref().and_then(|p| self.by_id.get(Kind::Topic).get(p)) {
                Some(&p) if p != i => children[p].push(i),
                _ => self.roots.push(i),
            }
        }
        self.children = Lists::from(children);
    }

    /// Adds round `r`'s seats to each person's attendance and its agenda items to each
    /// topic's mentions.
    fn record_round(
        &self,
        data: &Dataset,
        r: usize,
        attendance: &mut [Vec<Attendance>],
        mentions: &mut [Vec<TopicMention>],
    ) {
        let Some(round) = data.rounds.get(r) else { return };
        for (d, del) in round.delegations.iter().enumerate() {
            for (member, m) in del.members.iter().enumerate() {
                if let Some(&p) = self.by_id.get(Kind::Person).get(&m.person) {
                    let head = del.is_head(&m.person);
                    attendance[p].push(Attendance { round: r, seat: Seat::Delegation(d), member, head });
                }
            }
        }
        for (t, third) in round.third_parties.iter().enumerate() {
            for (member, m) in third.members.iter().enumerate() {
                if let Some(&p) = self.by_id.get(Kind::Person).get(&m.person) {
                    let seat = Seat::ThirdParty(t);
                    attendance[p].push(Attendance { round: r, seat, member, head: false });
                }
            }
        }
        for (item, a) in round.agenda.iter().enumerate() {
            if let Some(&t) = self.by_id.get(Kind::Topic).get(&a.topic) {
                mentions[t].push(TopicMention { round: r, item });
            }
        }
    }
}
