//! Storage that is either owned or a slice of bytes shared with something else: the load
//! cache's memory-mapped entry, read in place instead of copied ([`Arena`] for text,
//! [`Numbers`] for arrays of integers).

use std::ops::Range;
use std::sync::Arc;

/// Bytes owned elsewhere and shared: the load cache's mapped entry.
pub(in crate::dataset) type SharedBytes = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// The text of a [`KeyTable`]: a string of its own, or text inside bytes shared with
/// something else (the load cache's mapped file), checked once to be UTF-8.
#[derive(Clone, Default)]
pub(in crate::dataset) struct Arena {
    owned: String,
    /// When set, the text is here and `owned` is empty.
    shared: Option<(SharedBytes, Range<usize>)>,
}

impl std::fmt::Debug for Arena {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Arena({} bytes)", self.as_str().len())
    }
}

impl Arena {
    /// The text at `range` of `bytes`, or `None` when the range is out of bounds or the text
    /// is not UTF-8.
    pub(in crate::dataset) fn shared(bytes: SharedBytes, range: Range<usize>) -> Option<Arena> {
        let text = (*bytes).as_ref().get(range.clone())?;
        std::str::from_utf8(text).ok()?;
        Some(Arena { owned: String::new(), shared: Some((bytes, range)) })
    }

    pub(super) fn as_str(&self) -> &str {
        let Some((bytes, range)) = &self.shared else { return &self.owned };
        let text = (**bytes).as_ref().get(range.clone()).unwrap_or_default();
        // Safety: `Arena::shared`, the only way to set `shared`, checked that exactly these
        // bytes are UTF-8, and they cannot change: the owner is behind an `Arc` that hands
        // out only shared references, and a mapped cache entry is never written in place
        // (see `cache::Cache::load`). Checking again here would cost a pass over the text
        // on every key a query reads.
        unsafe { std::str::from_utf8_unchecked(text) }
    }

    /// The text as an owned string, copied the first time if it was shared.
    pub(super) fn to_mut(&mut self) -> &mut String {
        if let Some((bytes, range)) = self.shared.take() {
            let text = (*bytes).as_ref().get(range).unwrap_or_default();
            self.owned = String::from_utf8_lossy(text).into_owned();
        }
        &mut self.owned
    }
}

/// An array of integers (`u32`, `u64`): a vector of its own, or the native-endian bytes of a
/// part of shared bytes, which must be aligned for `T` (the cache aligns those sections).
/// The cache's schema hash includes the byte order, so an entry is never read on a machine
/// that would read its numbers differently.
#[derive(Clone, Default)]
pub(in crate::dataset) struct Numbers<T> {
    owned: Vec<T>,
    /// When set, the numbers are here and `owned` is empty.
    shared: Option<(SharedBytes, Range<usize>)>,
}

impl<T: bytemuck::Pod> std::fmt::Debug for Numbers<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Numbers({} items)", self.as_slice().len())
    }
}

impl<T: bytemuck::Pod> Numbers<T> {
    /// The numbers in `range` of `bytes`, or `None` when the range is out of bounds, not
    /// aligned for `T`, or not a whole number of them.
    pub(in crate::dataset) fn shared(bytes: SharedBytes, range: Range<usize>) -> Option<Numbers<T>> {
        bytemuck::try_cast_slice::<u8, T>((*bytes).as_ref().get(range.clone())?).ok()?;
        Some(Numbers { owned: Vec::new(), shared: Some((bytes, range)) })
    }

    pub(in crate::dataset) fn as_slice(&self) -> &[T] {
        match &self.shared {
            // Checked to cast when it was made, and the bytes cannot change (see `Arena`).
            Some((bytes, range)) => (**bytes)
                .as_ref()
                .get(range.clone())
                .and_then(|b| bytemuck::try_cast_slice(b).ok())
                .unwrap_or(&[]),
            None => &self.owned,
        }
    }

    /// The numbers' bytes, for the load cache to write as they are.
    pub(in crate::dataset) fn as_bytes(&self) -> &[u8] {
        bytemuck::cast_slice(self.as_slice())
    }
}

impl<T> From<Vec<T>> for Numbers<T> {
    fn from(owned: Vec<T>) -> Numbers<T> {
        Numbers { owned, shared: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_numbers_are_read_in_place_when_aligned_and_whole() {
        let owned: Vec<u64> = vec![1, 2, u64::MAX];
        let numbers = Numbers::from(owned.clone());
        // A u64 vector is aligned for u64; its bytes, shared, read back the same numbers.
        struct Words(Vec<u64>);
        impl AsRef<[u8]> for Words {
            fn as_ref(&self) -> &[u8] {
                bytemuck::cast_slice(&self.0)
            }
        }
        let bytes: SharedBytes = Arc::new(Words(owned.clone()));
        let shared = Numbers::<u64>::shared(Arc::clone(&bytes), 0..24).expect("aligned and whole");
        assert_eq!(shared.as_slice(), numbers.as_slice());
        assert_eq!(shared.as_bytes(), numbers.as_bytes());
        assert!(Numbers::<u64>::shared(Arc::clone(&bytes), 1..9).is_none(), "not aligned");
        assert!(Numbers::<u64>::shared(Arc::clone(&bytes), 0..20).is_none(), "not whole");
        assert!(Numbers::<u64>::shared(bytes, 0..32).is_none(), "out of bounds");
    }
}
