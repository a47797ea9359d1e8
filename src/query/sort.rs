//! The orders a list of rounds can be shown in, and the comparison behind each.
//!
//! Each order is precomputed in the index (`chronological`, `by_venue`, `by_title`), so a
//! full filter only walks it. Every order ends in the chronological one (earliest start,
//! then id, then position in the dataset), so it is total and the comparison here agrees
//! with the precomputed orders: sorting any subset gives the same sequence as filtering.

use crate::dataset::{Library, Order};
use std::cmp::Ordering;

/// How matching rounds are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sort {
    /// Earliest first.
    #[default]
    Date,
    /// Latest first.
    DateDesc,
    /// By city (calls last), then by date.
    Venue,
    /// By title, then by date.
    Title,
}

impl Sort {
    /// Every order, in the cycle [`Sort::next`] follows.
    pub const ALL: &[Sort] = &[Sort::Date, Sort::DateDesc, Sort::Venue, Sort::Title];

    /// Reads the name used on the command line: `date`, `-date`, `venue`, `title`.
    pub fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.iter().copied().find(|sort| sort.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// The name [`Sort::parse`] reads.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Date => "date",
            Sort::DateDesc => "-date",
            Sort::Venue => "venue",
            Sort::Title => "title",
        }
    }

    /// A short description for people (status bars, help).
    pub fn label(self) -> &'static str {
        match self {
            Sort::Date => "date",
            Sort::DateDesc => "date, latest first",
            Sort::Venue => "venue",
            Sort::Title => "title",
        }
    }

    /// The following order, wrapping around, for a key that cycles through them.
    pub fn next(self) -> Sort {
        match self {
            Sort::Date => Sort::DateDesc,
            Sort::DateDesc => Sort::Venue,
            Sort::Venue => Sort::Title,
            Sort::Title => Sort::Date,
        }
    }

    /// The precomputed order this sort walks, and whether to walk it backwards.
    pub(crate) fn order(self, lib: &Library) -> (&[usize], bool) {
        match self {
            Sort::Date => (lib.order(Order::Date), false),
            Sort::DateDesc => (lib.order(Order::Date), true),
            Sort::Venue => (lib.order(Order::Venue), false),
            Sort::Title => (lib.order(Order::Title), false),
        }
    }

    /// Compares two valid round indices of `lib` in this order; agrees with [`Sort::order`].
    pub(crate) fn compare(self, lib: &Library, a: usize, b: usize) -> Ordering {
        // The ranks are positions in the orders `Index::build` sorted once (venue and title
        // ties broken by date), so comparing them is the same as comparing the keys.
        let by = |order: Order| lib.rank(order, a).cmp(&lib.rank(order, b));
        match self {
            Sort::Date => by(Order::Date),
            Sort::DateDesc => by(Order::Date).reverse(),
            Sort::Venue => by(Order::Venue),
            Sort::Title => by(Order::Title),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_the_cycle_visits_every_order() {
        for &s in Sort::ALL {
            assert_eq!(Sort::parse(s.as_str()), Some(s));
        }
        assert_eq!(Sort::parse("Title"), Some(Sort::Title));
        assert_eq!(Sort::parse("size"), None);
        let mut seen = vec![Sort::default()];
        while seen.len() < 5 {
            let next = seen[seen.len() - 1].next();
            seen.push(next);
        }
        assert_eq!(seen, [Sort::Date, Sort::DateDesc, Sort::Venue, Sort::Title, Sort::Date]);
    }
}
