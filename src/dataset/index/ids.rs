//! [`IdTable`]: the ids of one kind of entity in one string, with their positions sorted by
//! id, so an id is found by binary search.
//!
//! A hash map of ids is faster to ask but costs an allocation and a hash per id whenever it
//! is built or read back from the load cache (300,000 ids at 100,000 rounds). The index
//! builder still uses hash maps while it works; what it keeps is this table, which the
//! views ask a few dozen times a frame.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IdTable {
    /// Every id, one after the other, in dataset order.
    text: String,
    /// Where the id at each position ends in `text`.
    ends: Vec<u64>,
    /// Positions in id order (equal ids in dataset order).
    sorted: Vec<u32>,
}

impl IdTable {
    pub fn new(ids: &[&str]) -> IdTable {
        let mut table = IdTable {
            text: String::with_capacity(ids.iter().map(|id| id.len()).sum()),
            ends: Vec::with_capacity(ids.len()),
            sorted: Vec::new(),
        };
        for id in ids {
            table.text.push_str(id);
            table.ends.push(table.text.len() as u64);
        }
        let mut sorted: Vec<u32> = (0..ids.len()).filter_map(|p| u32::try_from(p).ok()).collect();
        sorted.sort_by(|&a, &b| table.id(a as usize).cmp(table.id(b as usize)).then(a.cmp(&b)));
        table.sorted = sorted;
        table
    }

    /// The id at a position; empty when the table is damaged there.
    fn id(&self, position: usize) -> &str {
        let start = position.checked_sub(1).and_then(|p| self.ends.get(p)).copied().unwrap_or(0);
        let end = self.ends.get(position).copied().unwrap_or(start);
        let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else { return "" };
        self.text.get(start..end).unwrap_or("")
    }

    /// The position of `id`. An id given twice (which validation reports) is found at its
    /// last position, as a map filled in dataset order would have it.
    pub fn get(&self, id: &str) -> Option<usize> {
        let after = self.sorted.partition_point(|&p| self.id(p as usize) <= id);
        let position = *self.sorted.get(after.checked_sub(1)?)? as usize;
        (self.id(position) == id).then_some(position)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_is_found_at_its_position_and_others_are_not() {
        let ids = ["kyiv", "geneve", "москва", "", "abu-dhabi", "geneva"];
        let table = IdTable::new(&ids);
        for (position, id) in ids.iter().enumerate() {
            assert_eq!(table.get(id), Some(position), "{id:?}");
        }
        for missing in ["gen", "genevez", "zzz", "a", "kyi"] {
            assert_eq!(table.get(missing), None, "{missing:?}");
        }
        assert_eq!(IdTable::default().get("kyiv"), None);
    }

    #[test]
    fn a_repeated_id_is_found_at_its_last_position() {
        let table = IdTable::new(&["a", "b", "a", "c", "a"]);
        assert_eq!(table.get("a"), Some(4));
        assert_eq!(table.get("b"), Some(1));
    }
}
