//! The folded search keys of rounds and milestones: every name a query may look for,
//! folded once per entity ([`Folded`]) and joined per round, so filtering compares text
//! that is already folded.

use super::{Index, KeyTexts, SEP};
use crate::model::{Dataset, Format, Interval, Kind, Milestone, Round, Status, ThirdRole};
use crate::text::fold;

/// A round's keys as they are built, each in a string of its own, before they go into the
/// index's [`super::KeyTable`] (see [`KeyTexts`] for what each holds).
#[derive(Debug, Clone, Default)]
pub(super) struct KeysBuf {
    pub(super) interval: Option<Interval>,
    pub(super) status: Option<Status>,
    pub(super) format: Option<Format>,
    pub(super) id: String,
    pub(super) text: String,
    pub(super) venue: String,
    pub(super) city: String,
    pub(super) country: String,
    pub(super) people: String,
    pub(super) parties: String,
    pub(super) third: String,
    pub(super) hosts: String,
    pub(super) mediators: String,
    pub(super) topics: String,
    pub(super) track: String,
    pub(super) venue_sort: String,
    pub(super) title_sort: String,
}

impl KeysBuf {
    pub(super) fn as_keys(&self) -> KeyTexts<'_> {
        KeyTexts {
            interval: self.interval,
            status: self.status,
            format: self.format,
            id: &self.id,
            text: &self.text,
            venue: &self.venue,
            city: &self.city,
            country: &self.country,
            people: &self.people,
            parties: &self.parties,
            third: &self.third,
            hosts: &self.hosts,
            mediators: &self.mediators,
            topics: &self.topics,
            track: &self.track,
            venue_sort: &self.venue_sort,
            title_sort: &self.title_sort,
        }
    }
}

/// Appends folded values to a key, separated by [`SEP`].
pub(super) fn push_all<'a>(key: &mut String, values: impl IntoIterator<Item = &'a str>) {
    for v in values {
        if !key.is_empty() {
            key.push(SEP);
        }
        key.push_str(&fold(v));
    }
}

impl Index {
    /// Keys of a milestone: its date, id, parties, and the title, kind and summary as text.
    pub(super) fn milestone_keys(&self, m: &Milestone, folded: &Folded) -> KeysBuf {
        let mut k = KeysBuf { interval: m.date.interval(), id: fold(&m.id), ..KeysBuf::default() };
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

    pub(super) fn round_keys(&self, r: &Round, folded: &Folded) -> KeysBuf {
        let mut k = KeysBuf {
            interval: r.date.interval(),
            status: Some(r.status),
            format: Some(r.format),
            id: fold(&r.id),
            ..KeysBuf::default()
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
pub(super) fn join(key: &mut String, folded: &str) {
    if !key.is_empty() {
        key.push(SEP);
    }
    key.push_str(folded);
}

/// The folded keys of a venue.
#[derive(Default)]
pub(super) struct VenueKeys {
    all: String,
    city: String,
    country: String,
    sort: String,
}

/// Every person, party, venue, track and topic folded once, then shared by all the rounds
/// that mention it (folding is the costly part of building keys).
pub(super) struct Folded {
    pub(super) people: Vec<String>,
    pub(super) parties: Vec<String>,
    pub(super) venues: Vec<VenueKeys>,
    pub(super) tracks: Vec<String>,
    pub(super) topics: Vec<String>,
}

impl Folded {
    pub(super) fn new(data: &Dataset, index: &Index) -> Folded {
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
