//! [`KeyTable`]: the folded search keys of every round (or milestone) in one flat table, and
//! [`RoundKeys`], one row of it borrowed for a query to test.
//!
//! Each of the 14 text keys is a column: the key of every row in one string, with an array
//! of where each ends; a row's interval, status and format are in an array of small values
//! beside them. At 100,000 rounds that is 29 allocations instead of 1.4 million, so
//! building, dropping and caching the table is cheap, a filter on one key reads one stretch
//! of memory, and the load cache can hand back text that lies in its memory-mapped file
//! instead of a copy (see [`Arena`]).

use super::shared::{Arena, SharedBytes};
use crate::model::{Format, Interval, Status};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::Arc;

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
    /// One column per text key, in [`Field`] order: a filter on `venue:` then reads one
    /// stretch of memory (2 MB at 100,000 rounds) instead of a little of every row's text.
    columns: [Column; KEYS],
    facts: Vec<Facts>,
}

/// One key of every row, one after the other.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Column {
    #[serde(skip)]
    text: Arena,
    /// Where each row's key ends in `text` (it starts where the row before ends).
    ends: Vec<u64>,
}

impl Column {
    fn get(&self, r: usize) -> &str {
        let start = r.checked_sub(1).and_then(|before| self.ends.get(before)).copied().unwrap_or(0);
        let end = self.ends.get(r).copied().unwrap_or(start);
        let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else { return "" };
        self.text.as_str().get(start..end).unwrap_or("")
    }

    /// The length of the text the ends say there is.
    fn len(&self) -> u64 {
        self.ends.last().copied().unwrap_or(0)
    }
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
        for (column, key) in self.columns.iter_mut().zip(keys.in_order()) {
            let text = column.text.to_mut();
            text.push_str(key);
            column.ends.push(text.len() as u64);
        }
        self.facts.push(Facts { interval: keys.interval, status: keys.status, format: keys.format });
    }

    /// Appends the rows of another table.
    pub fn append(&mut self, other: &KeyTable) {
        for (column, more) in self.columns.iter_mut().zip(&other.columns) {
            let text = column.text.to_mut();
            let base = text.len() as u64;
            text.push_str(more.text.as_str());
            column.ends.extend(more.ends.iter().map(|end| end + base));
        }
        self.facts.extend_from_slice(&other.facts);
    }

    /// One text key of row `r` (empty past the end, and where the bounds are damaged: only
    /// a corrupt cache entry could have such, and the cache checks a hash first).
    pub fn key(&self, r: usize, field: Field) -> &str {
        self.columns.get(field as usize).map_or("", |column| column.get(r))
    }

    /// Row `r`, or `None` past the end.
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

    /// The text of each column in order, for the load cache to write as it is, one after
    /// the other.
    pub(in crate::dataset) fn texts(&self) -> impl Iterator<Item = &str> {
        self.columns.iter().map(|column| column.text.as_str())
    }

    /// Puts back the text the load cache kept apart (`range` of `bytes`, the columns one
    /// after the other); `None` when it does not fit the table's bounds (the entry is then
    /// not used).
    pub(in crate::dataset) fn with_texts(
        mut self,
        bytes: SharedBytes,
        range: Range<usize>,
    ) -> Option<KeyTable> {
        let mut at = range.start;
        for column in &mut self.columns {
            let sorted = column.ends.windows(2).all(|w| w[0] <= w[1]);
            if !sorted || column.ends.len() != self.facts.len() {
                return None;
            }
            let end = at.checked_add(usize::try_from(column.len()).ok()?)?;
            column.text = Arena::shared(Arc::clone(&bytes), at..end)?;
            at = end;
        }
        (at == range.end).then_some(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn shared_text_is_read_in_place_and_checked() {
        let mut table = KeyTable::default();
        table.push(&keys("a", "ceasefire", "istanbul"));
        table.push(&keys("b", "", "москва"));
        let text: String = table.texts().collect();
        let bytes: SharedBytes = Arc::new(format!("header{text}trailer").into_bytes());
        let range = 6..6 + text.len();
        let shared = table.clone().with_texts(Arc::clone(&bytes), range.clone()).expect("fits");
        assert_eq!(texts(&shared, 0), texts(&table, 0));
        assert_eq!(texts(&shared, 1), texts(&table, 1));
        // Longer or shorter than the columns say, or out of bounds: refused.
        assert!(table.clone().with_texts(Arc::clone(&bytes), range.start..range.end + 1).is_none());
        assert!(table.clone().with_texts(Arc::clone(&bytes), range.start..range.end - 1).is_none());
        assert!(table.clone().with_texts(Arc::clone(&bytes), 6..100_000).is_none());
        // Not UTF-8.
        let mut raw = text.clone().into_bytes();
        raw[text.find("москва").expect("the venue is in the text")] = 0xff;
        let len = raw.len();
        assert!(table.with_texts(Arc::new(raw), 0..len).is_none());
    }

    #[test]
    fn damaged_bounds_read_as_empty_keys_instead_of_panicking() {
        let mut table = KeyTable::default();
        table.push(&keys("é", "x", "y"));
        // An end inside the two bytes of `é`, and an end before its start.
        table.columns[Field::Id as usize].ends[0] = 1;
        assert_eq!(table.get(0).map(|k| k.id()), Some(""));
        table.push(&keys("b", "x", "y"));
        table.columns[Field::Text as usize].ends[1] = 0;
        assert_eq!(table.get(1).map(|k| k.key(Field::Text)), Some(""));
    }
}
