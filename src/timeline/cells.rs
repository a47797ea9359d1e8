//! What each column of a lane shows in a window: a mark, a count of marks, the span of a
//! round dated by a range or a month, or nothing.
//!
//! The cost is the window's, not the lane's: one binary search finds the window's first
//! mark, then each column gallops forward from where the previous one ended (so a column
//! costs the logarithm of the marks in it, not of the lane), and only the stretched marks
//! that can reach into the window are looked at for the spans.

use super::mark::{APPROXIMATE, MANY, SPAN};
use super::{Lane, Scale};

/// One column of a lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Empty,
    /// Marks `first..first + count` of the lane (count ≥ 1) start in this column.
    Marks {
        first: usize,
        count: usize,
    },
    /// Inside the span of a round dated by a range or a month (or loosely, `approximate`).
    Span {
        approximate: bool,
    },
    /// Just before a round dated loosely.
    Approximate,
}

impl Cell {
    /// The character `talks timeline` prints and the browser draws for the column.
    pub fn char(self, lane: &Lane) -> char {
        match self {
            Cell::Empty => ' ',
            Cell::Marks { first, count: 1 } => lane.marks.get(first).map_or(' ', |m| m.symbol.char()),
            Cell::Marks { count, .. } => {
                char::from_digit(count as u32, 10).filter(|_| count <= 9).unwrap_or(MANY)
            }
            Cell::Span { approximate: false } => SPAN,
            Cell::Span { approximate: true } | Cell::Approximate => APPROXIMATE,
        }
    }

    /// True when the column holds mark `at` of the lane.
    pub fn holds(self, at: usize) -> bool {
        matches!(self, Cell::Marks { first, count } if (first..first + count).contains(&at))
    }
}

/// How many of `marks` (sorted by first day) start before `end`: an exponential search,
/// whose cost grows with the answer rather than with the slice.
fn gallop(marks: &[super::Mark], end: super::Day) -> usize {
    let mut bound = 1;
    while bound <= marks.len() && marks[bound - 1].start < end {
        bound *= 2;
    }
    let from = bound / 2;
    let to = bound.min(marks.len());
    from + marks[from..to].partition_point(|m| m.start < end)
}

impl Lane {
    /// The cells of columns `first..first + width` at `scale`.
    pub fn cells(&self, scale: &Scale, first: i64, width: usize) -> Vec<Cell> {
        let mut out = vec![Cell::Empty; width];
        let marks = &self.marks;
        let window_start = scale.start(first);
        let mut lo = marks.partition_point(|m| m.start < window_start);
        for (i, cell) in out.iter_mut().enumerate() {
            let end = scale.start(first.saturating_add(i as i64 + 1));
            let count = gallop(&marks[lo..], end);
            if count > 0 {
                *cell = Cell::Marks { first: lo, count };
            }
            lo += count;
        }
        self.spans(scale, first, &mut out);
        out
    }

    /// Draws the spans and approximate marks reaching into the window, in free cells only,
    /// so a span never hides a mark.
    fn spans(&self, scale: &Scale, first: i64, out: &mut [Cell]) {
        let width = out.len() as i64;
        let window_end = scale.start(first.saturating_add(width));
        // A stretched mark reaches into the window when it starts less than `longest` days
        // before it (its approximate mark one column before it: a column's worth of days).
        let reach = scale.start(first.saturating_sub(1)).saturating_sub(self.longest);
        let from = self.stretched.partition_point(|&i| self.marks[i].start < reach);
        for &i in &self.stretched[from..] {
            let m = &self.marks[i];
            if m.start >= window_end {
                break;
            }
            let a = scale.column(m.start).saturating_sub(first);
            let b = scale.column(m.end).saturating_sub(first);
            for c in a.saturating_add(1).max(0)..=b.min(width - 1) {
                let cell = &mut out[c as usize];
                if *cell == Cell::Empty {
                    *cell = Cell::Span { approximate: m.approximate };
                }
            }
            if m.approximate && (0..width).contains(&a.saturating_sub(1)) {
                let cell = &mut out[(a - 1) as usize];
                if *cell == Cell::Empty {
                    *cell = Cell::Approximate;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Mark, Symbol};
    use super::gallop;

    #[test]
    fn galloping_counts_like_a_binary_search() {
        for len in 0..40 {
            let marks: Vec<Mark> = (0..len)
                .map(|i| Mark {
                    start: i / 3,
                    end: i / 3,
                    approximate: false,
                    symbol: Symbol::milestone(),
                    item: 0,
                    at: 0,
                })
                .collect();
            for end in -1..16 {
                assert_eq!(gallop(&marks, end), marks.partition_point(|m| m.start < end), "{len} {end}");
            }
        }
    }
}
