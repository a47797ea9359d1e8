//! `Items<T>`: the rounds and the sources of a dataset, held either as a plain vector or as
//! cells decoded one at a time, on first use, from a stored copy (the load cache's
//! memory-mapped entry), so that opening a large cached dataset does not decode every round.
//!
//! Owns the two representations and the read, mutation and serde API over both. It knows
//! nothing of where lazily decoded bytes live or how they are checked: that is the cache's
//! business, behind the [`Decode`] trait. Serialized, an `Items<T>` is exactly a `Vec<T>`, so
//! dataset files, exports and cache entries read and write as before.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::sync::{Arc, OnceLock};

/// Where lazily held items come from: item `at` decoded on demand.
///
/// `decode` returns `None` only if the stored bytes are damaged. The cache verifies a hash of
/// them before handing out a source, so `None` is a bug path: [`Items`] then reports the item
/// as missing (`get` gives `None`, iteration skips it) rather than panicking.
pub trait Decode<T>: Send + Sync {
    /// How many items the source holds.
    fn len(&self) -> usize;

    /// Whether the source holds no item.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Item `at`, or `None` if it cannot be decoded (or `at` is out of range).
    fn decode(&self, at: usize) -> Option<T>;
}

/// One lazily decoded item. Boxed, so that an empty cell takes a pointer's room rather than
/// an item's: 100,000 rounds of which a screenful is ever read.
type Cell<T> = OnceLock<Box<T>>;

/// A list of items, owned or decoded on demand; see the module documentation.
pub struct Items<T>(Repr<T>);

enum Repr<T> {
    Owned(Vec<T>),
    /// One cell per item, filled on first read; the source stays shared by clones.
    Lazy {
        cells: Box<[Cell<T>]>,
        source: Arc<dyn Decode<T>>,
    },
}

impl<T> Items<T> {
    /// An empty, owned list.
    pub fn new() -> Self {
        Items(Repr::Owned(Vec::new()))
    }

    /// A list of `source.len()` items, each decoded the first time it is read.
    pub fn lazy(source: Arc<dyn Decode<T>>) -> Self {
        let cells = (0..source.len()).map(|_| OnceLock::new()).collect();
        Items(Repr::Lazy { cells, source })
    }

    /// Whether items are decoded on demand (until [`Items::to_mut`] materialises them).
    pub fn is_lazy(&self) -> bool {
        matches!(self.0, Repr::Lazy { .. })
    }

    /// The number of positions, counting any item whose decoding fails.
    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Owned(items) => items.len(),
            Repr::Lazy { cells, .. } => cells.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The item at `at`, decoding it if it is lazy and not read yet; `None` if `at` is out of
    /// range or the item cannot be decoded.
    pub fn get(&self, at: usize) -> Option<&T> {
        match &self.0 {
            Repr::Owned(items) => items.get(at),
            Repr::Lazy { cells, source } => lazy_get(cells, source.as_ref(), at),
        }
    }

    pub fn first(&self) -> Option<&T> {
        self.iter().next()
    }

    pub fn last(&self) -> Option<&T> {
        self.iter().next_back()
    }

    /// The items in order. An item whose decoding fails is skipped, so on that (bug) path
    /// the n-th item yielded is not necessarily the one at position n: code that needs
    /// positions should walk `0..len()` with [`Items::get`].
    pub fn iter(&self) -> Iter<'_, T> {
        match &self.0 {
            Repr::Owned(items) => Iter(IterRepr::Owned(items.iter())),
            Repr::Lazy { cells, source } => {
                Iter(IterRepr::Lazy { cells, source: source.as_ref(), front: 0, back: cells.len() })
            }
        }
    }

    /// The items as a slice, if they are owned (lazy items are not contiguous).
    pub fn as_slice(&self) -> Option<&[T]> {
        match &self.0 {
            Repr::Owned(items) => Some(items),
            Repr::Lazy { .. } => None,
        }
    }

    /// The items as a vector to edit; lazy items are first all decoded (skipping any that
    /// fail), and stay owned from then on.
    pub fn to_mut(&mut self) -> &mut Vec<T> {
        if self.is_lazy() {
            let owned = std::mem::take(self).into_vec();
            self.0 = Repr::Owned(owned);
        }
        match &mut self.0 {
            Repr::Owned(items) => items,
            // Not reachable: the list was made owned just above.
            Repr::Lazy { .. } => unreachable!("Items::to_mut materialises lazy items first"),
        }
    }

    /// The items as a vector, decoding lazy ones (skipping any that fail).
    pub fn into_vec(self) -> Vec<T> {
        match self.0 {
            Repr::Owned(items) => items,
            Repr::Lazy { cells, source } => Vec::from(cells)
                .into_iter()
                .enumerate()
                .filter_map(|(at, cell)| cell.into_inner().map(|item| *item).or_else(|| source.decode(at)))
                .collect(),
        }
    }

    pub fn push(&mut self, item: T) {
        self.to_mut().push(item);
    }
}

/// The cell at `at`, filled from `source` if empty. Two threads reading the same empty cell
/// may both decode it; the first to finish fills it and both get that value, equal anyway.
/// A failed decoding leaves the cell empty, so it is retried on the next read.
fn lazy_get<'a, T>(cells: &'a [Cell<T>], source: &dyn Decode<T>, at: usize) -> Option<&'a T> {
    let cell = cells.get(at)?;
    if let Some(item) = cell.get() {
        return Some(item);
    }
    // Another thread may have filled the cell meanwhile: its value is the same decoding.
    let _ = cell.set(Box::new(source.decode(at)?));
    cell.get().map(Box::as_ref)
}

/// An iterator over the items of an [`Items`], in order; see [`Items::iter`].
pub struct Iter<'a, T>(IterRepr<'a, T>);

enum IterRepr<'a, T> {
    Owned(std::slice::Iter<'a, T>),
    /// Positions `front..back` are still to be yielded.
    Lazy {
        cells: &'a [Cell<T>],
        source: &'a dyn Decode<T>,
        front: usize,
        back: usize,
    },
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        match &mut self.0 {
            IterRepr::Owned(items) => items.next(),
            IterRepr::Lazy { cells, source, front, back } => {
                while *front < *back {
                    let at = *front;
                    *front += 1;
                    if let Some(item) = lazy_get(cells, *source, at) {
                        return Some(item);
                    }
                }
                None
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.0 {
            IterRepr::Owned(items) => items.size_hint(),
            // Exact unless an item fails to decode.
            IterRepr::Lazy { front, back, .. } => (0, Some(back - front)),
        }
    }
}

impl<T> DoubleEndedIterator for Iter<'_, T> {
    fn next_back(&mut self) -> Option<Self::Item> {
        match &mut self.0 {
            IterRepr::Owned(items) => items.next_back(),
            IterRepr::Lazy { cells, source, front, back } => {
                while *front < *back {
                    *back -= 1;
                    if let Some(item) = lazy_get(cells, *source, *back) {
                        return Some(item);
                    }
                }
                None
            }
        }
    }
}

impl<T> std::iter::FusedIterator for Iter<'_, T> {}

impl<'a, T> IntoIterator for &'a Items<T> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Iter<'a, T> {
        self.iter()
    }
}

/// The items by value, decoding lazy ones (skipping any that fail), as by [`Items::into_vec`].
impl<T> IntoIterator for Items<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.into_vec().into_iter()
    }
}

impl<T> Default for Items<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> From<Vec<T>> for Items<T> {
    fn from(items: Vec<T>) -> Self {
        Items(Repr::Owned(items))
    }
}

impl<T> FromIterator<T> for Items<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Items(Repr::Owned(iter.into_iter().collect()))
    }
}

/// Appends to an owned list; lazy items are decoded first, as by [`Items::to_mut`].
impl<T> Extend<T> for Items<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        self.to_mut().extend(iter);
    }
}

impl<T: Clone> Clone for Items<T> {
    fn clone(&self) -> Self {
        Items(match &self.0 {
            Repr::Owned(items) => Repr::Owned(items.clone()),
            Repr::Lazy { cells, source } => Repr::Lazy { cells: cells.clone(), source: Arc::clone(source) },
        })
    }
}

impl<T: fmt::Debug> fmt::Debug for Items<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: PartialEq> PartialEq for Items<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<T: Eq> Eq for Items<T> {}

/// A sequence, like `Vec<T>`. Lazy items are decoded first, to know how many there are
/// (formats such as postcard write the length before the items).
impl<T: Serialize> Serialize for Items<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Repr::Owned(items) => items.serialize(serializer),
            Repr::Lazy { .. } => {
                let items: Vec<&T> = self.iter().collect();
                items.serialize(serializer)
            }
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Items<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::deserialize(deserializer).map(Items::from)
    }
}

#[cfg(test)]
mod tests;
