//! [`Lists`]: one list per entity (the rounds a person attended, the links to a round …)
//! stored as one array and where each list starts, instead of a vector each.
//!
//! At 100,000 rounds the index holds hundreds of thousands of such lists; as vectors they
//! were as many allocations to build, to read back from the load cache and to free.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lists<T> {
    /// Where list `i` starts in `items`; one more entry than there are lists, the last being
    /// `items.len()`.
    starts: Vec<usize>,
    items: Vec<T>,
}

impl<T> Default for Lists<T> {
    fn default() -> Lists<T> {
        Lists { starts: vec![0], items: Vec::new() }
    }
}

impl<T> Lists<T> {
    /// List `i`; empty past the end (and, in an entry damaged past its hash check, where
    /// the bounds do not fit).
    pub fn get(&self, i: usize) -> &[T] {
        let (Some(&start), Some(&end)) = (self.starts.get(i), self.starts.get(i + 1)) else { return &[] };
        self.items.get(start..end).unwrap_or_default()
    }
}

impl<T> From<Vec<Vec<T>>> for Lists<T> {
    fn from(lists: Vec<Vec<T>>) -> Lists<T> {
        let mut starts = Vec::with_capacity(lists.len() + 1);
        let mut items = Vec::with_capacity(lists.iter().map(Vec::len).sum());
        starts.push(0);
        for list in lists {
            items.extend(list);
            starts.push(items.len());
        }
        Lists { starts, items }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_list_reads_back_and_out_of_range_is_empty() {
        let lists = Lists::from(vec![vec![1, 2], vec![], vec![3]]);
        assert_eq!(lists.get(0), [1, 2]);
        assert_eq!(lists.get(1), [] as [i32; 0]);
        assert_eq!(lists.get(2), [3]);
        assert_eq!(lists.get(3), [] as [i32; 0]);
        assert_eq!(Lists::<u8>::default().get(0), [] as [u8; 0]);
    }

    #[test]
    fn bounds_that_do_not_fit_read_as_empty() {
        let broken = Lists { starts: vec![0, 5, 1], items: vec![7, 8] };
        assert_eq!(broken.get(0), [] as [i32; 0]);
        assert_eq!(broken.get(1), [] as [i32; 0]);
    }
}
