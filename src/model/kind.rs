//! Which kind of entity an id names, and a container with one value per kind.
//!
//! Loading remembers the file of every entity per kind, validation keeps the ids of each
//! kind, and the index maps ids to positions per kind: all three use [`PerKind`], so a kind
//! is never spelled as a string that a typo could turn into another kind.

use super::Dataset;

/// The kinds of entity that have ids, in the order of the file layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Source,
    Party,
    Person,
    Venue,
    Topic,
    Track,
    Round,
    Milestone,
}

impl Kind {
    /// Every kind, in the order of the file layout.
    pub const ALL: [Kind; 8] = [
        Kind::Source,
        Kind::Party,
        Kind::Person,
        Kind::Venue,
        Kind::Topic,
        Kind::Track,
        Kind::Round,
        Kind::Milestone,
    ];

    /// The singular noun used in messages (`unknown person …`).
    pub fn label(self) -> &'static str {
        match self {
            Kind::Source => "source",
            Kind::Party => "party",
            Kind::Person => "person",
            Kind::Venue => "venue",
            Kind::Topic => "topic",
            Kind::Track => "track",
            Kind::Round => "round",
            Kind::Milestone => "milestone",
        }
    }

    /// The name of the list that holds this kind in a dataset file.
    pub fn list(self) -> &'static str {
        match self {
            Kind::Source => "sources",
            Kind::Party => "parties",
            Kind::Person => "people",
            Kind::Venue => "venues",
            Kind::Topic => "topics",
            Kind::Track => "tracks",
            Kind::Round => "rounds",
            Kind::Milestone => "milestones",
        }
    }

    fn slot(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// One value per kind of entity.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PerKind<T>([T; 8]);

impl<T> PerKind<T> {
    /// Builds the container by calling `make` once per kind.
    pub fn from_fn(mut make: impl FnMut(Kind) -> T) -> PerKind<T> {
        PerKind(Kind::ALL.map(&mut make))
    }

    pub fn get(&self, kind: Kind) -> &T {
        &self.0[kind.slot()]
    }

    pub fn get_mut(&mut self, kind: Kind) -> &mut T {
        &mut self.0[kind.slot()]
    }
}

impl Dataset {
    /// The ids of every entity of a kind, in dataset order.
    pub fn ids(&self, kind: Kind) -> Vec<&str> {
        fn of<'a, T: 'a>(
            items: impl IntoIterator<Item = &'a T>,
            id: impl Fn(&'a T) -> &'a str,
        ) -> Vec<&'a str> {
            items.into_iter().map(id).collect()
        }
        match kind {
            Kind::Source => of(&self.sources, |x| &x.id),
            Kind::Party => of(&self.parties, |x| &x.id),
            Kind::Person => of(&self.people, |x| &x.id),
            Kind::Venue => of(&self.venues, |x| &x.id),
            Kind::Topic => of(&self.topics, |x| &x.id),
            Kind::Track => of(&self.tracks, |x| &x.id),
            Kind::Round => of(&self.rounds, |x| &x.id),
            Kind::Milestone => of(&self.milestones, |x| &x.id),
        }
    }

    /// How many entities of a kind the dataset has.
    pub fn count(&self, kind: Kind) -> usize {
        match kind {
            Kind::Source => self.sources.len(),
            Kind::Party => self.parties.len(),
            Kind::Person => self.people.len(),
            Kind::Venue => self.venues.len(),
            Kind::Topic => self.topics.len(),
            Kind::Track => self.tracks.len(),
            Kind::Round => self.rounds.len(),
            Kind::Milestone => self.milestones.len(),
        }
    }
}
