//! The rounds and sources of a cache entry, stored one by one so that a library read back
//! from the entry decodes each only when it is first shown ([`crate::model::Items::lazy`]).
//!
//! Each list is two sections: the items, each encoded with postcard, one after the other,
//! and where each ends. The rest of the dataset (metadata, people, venues …, a few
//! megabytes at most) is a section of its own, decoded whole.

use super::super::index::SharedBytes;
use crate::model::{Dataset, Decode, Items};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::io::Write;
use std::marker::PhantomData;
use std::ops::Range;
use std::sync::Arc;

/// The dataset without its rounds and sources, which are stored apart.
pub(super) fn skeleton(d: &Dataset) -> Dataset {
    // Every field named, so a new field of `Dataset` does not compile until it is placed.
    let Dataset {
        title,
        version,
        curated_on,
        description,
        languages,
        licence,
        parties,
        people,
        venues,
        topics,
        tracks,
        rounds: _,
        milestones,
        sources: _,
    } = d;
    Dataset {
        title: title.clone(),
        version: version.clone(),
        curated_on: *curated_on,
        description: description.clone(),
        languages: languages.clone(),
        licence: licence.clone(),
        parties: parties.clone(),
        people: people.clone(),
        venues: venues.clone(),
        topics: topics.clone(),
        tracks: tracks.clone(),
        rounds: Items::new(),
        milestones: milestones.clone(),
        sources: Items::new(),
    }
}

/// Writes each item with postcard, returning where each ends (counted from the first).
pub(super) fn write_items<'a, T: Serialize + 'a, W: Write>(
    out: &mut W,
    items: impl IntoIterator<Item = &'a T>,
) -> std::io::Result<Vec<u64>> {
    let mut counted = super::entry::Counted { inner: out, len: 0 };
    let mut ends = Vec::new();
    for item in items {
        postcard::to_io(item, &mut counted).map_err(std::io::Error::other)?;
        ends.push(counted.len);
    }
    Ok(ends)
}

/// Items stored in a mapped entry: `ends` says where each ends within `body`.
pub(super) struct Stored<T> {
    bytes: SharedBytes,
    body: Range<usize>,
    ends: Vec<u64>,
    item: PhantomData<fn() -> T>,
}

impl<T: DeserializeOwned> Stored<T> {
    /// The items of `body`, or `None` when the ends do not fit it.
    pub(super) fn new(bytes: SharedBytes, body: Range<usize>, ends: Vec<u64>) -> Option<Stored<T>> {
        let ordered = ends.windows(2).all(|w| w[0] <= w[1]);
        let fits = ends.last().map_or(0, |&end| end) == (body.end - body.start) as u64;
        (ordered && fits && (*bytes).as_ref().get(body.clone()).is_some()).then_some(Stored {
            bytes,
            body,
            ends,
            item: PhantomData,
        })
    }
}

impl<T: DeserializeOwned + Send + Sync + 'static> Stored<T> {
    pub(super) fn into_items(self) -> Items<T> {
        Items::lazy(Arc::new(self))
    }
}

impl<T: DeserializeOwned> Decode<T> for Stored<T> {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn decode(&self, at: usize) -> Option<T> {
        let start = if at == 0 { 0 } else { *self.ends.get(at - 1)? };
        let end = *self.ends.get(at)?;
        let start = self.body.start.checked_add(usize::try_from(start).ok()?)?;
        let end = self.body.start.checked_add(usize::try_from(end).ok()?)?;
        postcard::from_bytes((*self.bytes).as_ref().get(start..end)?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(items: &[String]) -> (Vec<u8>, Vec<u64>) {
        let mut bytes = b"head".to_vec();
        let ends = write_items(&mut bytes, items).expect("written to memory");
        (bytes, ends)
    }

    #[test]
    fn each_item_is_decoded_from_its_own_bytes() {
        let items = vec!["Genève".to_string(), String::new(), "Москва".to_string()];
        let (bytes, ends) = stored(&items);
        let len = bytes.len();
        let source = Stored::<String>::new(Arc::new(bytes), 4..len, ends).expect("the ends fit");
        assert_eq!(source.len(), 3);
        for (at, item) in items.iter().enumerate() {
            assert_eq!(source.decode(at).as_ref(), Some(item));
        }
        assert_eq!(source.decode(3), None);
        let lazy = source.into_items();
        assert!(lazy.is_lazy());
        assert_eq!(lazy, Items::from(items));
    }

    #[test]
    fn ends_that_do_not_fit_the_body_are_refused() {
        let (bytes, ends) = stored(&["a".to_string(), "b".to_string()]);
        let len = bytes.len();
        let bytes: SharedBytes = Arc::new(bytes);
        assert!(Stored::<String>::new(Arc::clone(&bytes), 4..len - 1, ends.clone()).is_none(), "too short");
        assert!(
            Stored::<String>::new(Arc::clone(&bytes), 4..len + 1, ends.clone()).is_none(),
            "past the end"
        );
        let backwards = vec![ends[1], ends[0]];
        assert!(Stored::<String>::new(Arc::clone(&bytes), 4..len, backwards).is_none(), "not in order");
        assert!(Stored::<String>::new(bytes, 4..len, ends).is_some());
    }

    #[test]
    fn an_item_whose_bytes_do_not_decode_is_none_not_a_panic() {
        // A string claiming more bytes than it has.
        let bytes: SharedBytes = Arc::new(vec![200u8, 1, b'a']);
        let source = Stored::<String>::new(bytes, 0..3, vec![3]).expect("the ends fit");
        assert_eq!(source.decode(0), None);
        assert_eq!(source.into_items().get(0), None);
    }
}
