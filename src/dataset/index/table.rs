//! [`KeyTable`]: the folded search keys of every round (or milestone) in one flat table, and
//! [`RoundKeys`], one row of it borrowed for a query to test.
//!
//! All the text of all the rows lives in one string (the arena), with an array of where each
//! key ends: 14 keys a row, and a row's interval, status and format in an array of small
//! values beside it. At 100,000 rounds that is three allocations instead of 1.4 million, so
//! building, dropping and caching the table is cheap, and the load cache can hand back an
//! arena that is a slice of its memory-mapped file instead of a copy (see [`Arena`]).

use super::shared::Arena;
use crate::model::{Format, Interval, Status};
use serde::{Deserialize, Serialize};

/// The text keys of a row, in the order they are stored.
const KEYS: usize = 14;

/// A row's interval and every one of its folded keys (values joined by [`super::SEP`]), as
/// the index builder hands them to [`KeyTable::push`] and as tests compare them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KeyTexts<'a> {
    /// `None` only for a date validation rejects.
    pub interval: Option<Interval>,
    /// Copied here so a query sees everything it tests in one place. `None` only in keys
    /// built by hand (`KeyTexts::default()`); the index always sets them.
    pub status: Option<Status>,
    pub format: Option<Format>,
    pub id: &'a str,
    /// The title and agenda summaries. A free word may match this or any key below.
    pub text: &'a str,
    /// Place, city, country and aliases of the venue.
    pub venue: &'a str,
    pub city: &'a str,
    pub country: &'a str,
    /// Names and aliases of every participant.
    pub people: &'a str,
    /// Names, aliases and ids of every party with a delegation.
    pub parties: &'a str,
    /// Names, aliases and ids of every third party (host, mediator …), whatever its role.
    pub third: &'a str,
    /// … of the third parties that hosted, and of those that mediated.
    pub hosts: &'a str,
    pub mediators: &'a str,
    /// Ids, names and aliases of every agenda topic and of its ancestors.
    pub topics: &'a str,
    pub track: &'a str,
    /// The city for sorting by venue (`phone call` sorts under `~` so calls come last).
    pub venue_sort: &'a str,
    pub title_sort: &'a str,
}

impl<'a> KeyTexts<'a> {
    /// The text keys in stored order.
    fn in_order(&self) -> [&'a str; KEYS] {
        [
            self.id,
            self.text,
            self.venue,
            self.city,
            self.country,
            self.people,
            self.parties,
            self.third,
            self.hosts,
            self.mediators,
            self.topics,
            self.track,
            self.venue_sort,
            self.title_sort,
        ]
    }
}

/// One row of a [`KeyTable`], for a query to test: the interval, status and format, and
/// each text key sliced from the table only when it is asked for (a filter over 100,000
/// rounds reads one or two keys of each, and slicing all fourteen cost 20 ms a keystroke).
#[derive(Clone, Copy)]
pub struct RoundKeys<'a> {
    /// `None` only for a date validation rejects.
    pub interval: Option<Interval>,
    pub status: Option<Status>,
    pub format: Option<Format>,
    table: &'a KeyTable,
    row: usize,
}

impl<'a> RoundKeys<'a> {
    /// One text key.
    pub fn key(&self, field: Field) -> &'a str {
        self.table.key(self.row, field)
    }

    /// The folded id.
    pub fn id(&self) -> &'a str {
        self.key(Field::Id)
    }

    /// The keys a free word may match, in the order a match is most likely.
    pub fn searched(&self) -> [&'a str; 7] {
        [Field::Text, Field::Venue, Field::People, Field::Parties, Field::Third, Field::Topics, Field::Track]
            .map(|field| self.key(field))
    }

    /// Every key at once.
    pub fn texts(&self) -> KeyTexts<'a> {
        let key = |field: Field| self.key(field);
        KeyTexts {
            interval: self.interval,
            status: self.status,
            format: self.format,
            id: key(Field::Id),
            text: key(Field::Text),
            venue: key(Field::Venue),
            city: key(Field::City),
            country: key(Field::Country),
            people: key(Field::People),
            parties: key(Field::Parties),
            third: key(Field::Third),
            hosts: key(Field::Hosts),
            mediators: key(Field::Mediators),
            topics: key(Field::Topics),
            track: key(Field::Track),
            venue_sort: key(Field::VenueSort),
            title_sort: key(Field::TitleSort),
        }
    }
}

impl PartialEq for RoundKeys<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.texts() == other.texts()
    }
}

impl std::fmt::Debug for RoundKeys<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.texts().fmt(f)
    }
}

/// The text keys of a row, in the order they are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Id,
    Text,
    Venue,
    City,
    Country,
    People,
    Parties,
    Third,
    Hosts,
    Mediators,
    Topics,
    Track,
    VenueSort,
    TitleSort,
}

/// A row's values that are not text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Facts {
    interval: Option<Interval>,
    status: Option<Status>,
    format: Option<Format>,
}

/// The keys of many rows, flat (see the module doc).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct KeyTable {
    /// Every key of every row, one after the other.
    #[serde(skip)]
    text: Arena,
    /// Where each key ends in `text`, [`KEYS`] per row (a key starts where the one before
    /// it ends).
    ends: Vec<u64>,
    facts: Vec<Facts>,
}

impl KeyTable {
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// Appends a row.
    pub fn push(&mut self, keys: &KeyTexts) {
        let text = self.text.to_mut();
        for key in keys.in_order() {
            text.push_str(key);
            self.ends.push(text.len() as u64);
        }
        self.facts.push(Facts { interval: keys.interval, status: keys.status, format: keys.format });
    }

    /// Appends the rows of another table.
    pub fn append(&mut self, other: &KeyTable) {
        let text = self.text.to_mut();
        let base = text.len() as u64;
        text.push_str(other.text.as_str());
        self.ends.extend(other.ends.iter().map(|end| end + base));
        self.facts.extend_from_slice(&other.facts);
    }

    /// One text key of row `r` (empty past the end): sorting compares one key of many rows,
    /// and slicing all fourteen for each comparison showed in load profiles.
    pub fn key(&self, r: usize, field: Field) -> &str {
        let at = r.saturating_mul(KEYS).saturating_add(field as usize);
        let start = match at.checked_sub(1) {
            Some(before) => self.ends.get(before).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(at).copied().unwrap_or(start);
        let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else { return "" };
        self.text.as_str().get(start..end).unwrap_or("")
    }

    /// Row `r`, or `None` past the end. A key whose bounds are damaged (only a corrupt cache
    /// entry could have them, and the cache checks a hash first) reads as empty.
    pub fn get(&self, r: usize) -> Option<RoundKeys<'_>> {
        let facts = self.facts.get(r)?;
        Some(RoundKeys {
            interval: facts.interval,
            status: facts.status,
            format: facts.format,
            table: self,
            row: r,
        })
    }

    /// Every row in order.
    pub fn iter(&self) -> impl Iterator<Item = RoundKeys<'_>> + '_ {
        (0..self.len()).filter_map(|r| self.get(r))
    }

    /// The arena, for the load cache to write as it is.
    pub(in crate::dataset) fn arena(&self) -> &str {
        self.text.as_str()
    }

    /// Puts back the arena the load cache kept apart; `None` when it does not fit the
    /// table's bounds (the entry is then not used).
    pub(in crate::dataset) fn with_arena(mut self, text: Arena) -> Option<KeyTable> {
        let last = self.ends.last().copied().unwrap_or(0);
        let sorted = self.ends.windows(2).all(|w| w[0] <= w[1]);
        let fits = self.ends.len() == self.facts.len() * KEYS && sorted && last == text.as_str().len() as u64;
        self.text = text;
        fits.then_some(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::index::shared::SharedBytes;
    use std::sync::Arc;

    fn keys<'a>(id: &'a str, text: &'a str, venue: &'a str) -> KeyTexts<'a> {
        KeyTexts { id, text, venue, status: Some(Status::Held), ..KeyTexts::default() }
    }

    fn texts(table: &KeyTable, r: usize) -> Option<KeyTexts<'_>> {
        table.get(r).map(|k| k.texts())
    }

    #[test]
    fn rows_read_back_as_they_were_pushed_and_appended() {
        let mut table = KeyTable::default();
        table.push(&keys("a", "first round", "geneve"));
        table.push(&keys("b", "", "москва"));
        let mut more = KeyTable::default();
        more.push(&keys("c", "third", ""));
        table.append(&more);
        assert_eq!(table.len(), 3);
        assert_eq!(texts(&table, 0), Some(keys("a", "first round", "geneve")));
        assert_eq!(texts(&table, 1), Some(keys("b", "", "москва")));
        assert_eq!(texts(&table, 2), Some(keys("c", "third", "")));
        assert_eq!(table.get(2).map(|k| k.key(Field::Venue)), Some(""));
        assert!(table.get(3).is_none());
        assert_eq!(table.iter().map(|k| k.id()).collect::<Vec<_>>(), ["a", "b", "c"]);
    }

    #[test]
    fn a_shared_arena_is_read_in_place_and_checked() {
        let mut table = KeyTable::default();
        table.push(&keys("a", "ceasefire", "istanbul"));
        let bytes: SharedBytes = Arc::new(format!("header{}trailer", table.arena()).into_bytes());
        let range = 6..6 + table.arena().len();
        let arena = Arena::shared(Arc::clone(&bytes), range.clone()).expect("UTF-8 in bounds");
        let shared = table.clone().with_arena(arena).expect("fits");
        assert_eq!(shared.get(0), table.get(0));
        // Out of bounds, not UTF-8, or not the length the bounds say: refused.
        assert!(Arena::shared(Arc::clone(&bytes), 6..10_000).is_none());
        let broken: SharedBytes = Arc::new(vec![b'a', 0xff, b'b']);
        assert!(Arena::shared(broken, 0..3).is_none());
        let short = Arena::shared(bytes, range.start..range.end - 1).expect("still UTF-8");
        assert!(table.with_arena(short).is_none());
    }

    #[test]
    fn damaged_bounds_read_as_empty_keys_instead_of_panicking() {
        let mut table = KeyTable::default();
        table.push(&keys("é", "x", "y"));
        // An end inside the two bytes of `é`, and ends that go backwards.
        table.ends[0] = 1;
        assert_eq!(table.get(0).map(|k| k.id()), Some(""));
        table.ends[1] = 0;
        assert_eq!(table.get(0).map(|k| k.key(Field::Text)), Some(""));
    }
}
