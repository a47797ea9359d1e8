//! The timeline: rounds laid out in time, one lane per track (in dataset order, only the
//! tracks that have rounds), and the milestones on a lane of their own.
//!
//! [`Timeline::build`] runs once per filter: each lane keeps its marks sorted by their first
//! day, so the cells of any window are found by binary search ([`Lane::cells`]) and drawing
//! costs what the window shows, not what the dataset holds. The characters of the marks and
//! their legend live here too, so the browser and `talks timeline` draw the same picture;
//! colours and the selection are the browser's business, writing text the CLI's.
//!
//! Map: `scale` turns days into columns at a zoom and labels the axis, `mark` says which
//! character stands for a round or a milestone, `cells` finds what each column of a lane
//! shows.

mod cells;
mod mark;
mod scale;

pub use cells::Cell;
pub use mark::{legend_markdown, Shape, Symbol, LEGEND};
pub use scale::{date_of, day_of, Day, Scale, Zoom, ZOOMS};

use crate::dataset::{Library, Order};

/// One round or milestone on a lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// The first and last day the date covers (equal for a single day).
    pub start: Day,
    pub end: Day,
    pub approximate: bool,
    pub symbol: Symbol,
    /// The round or milestone, as an index into the dataset's list.
    pub item: usize,
    /// For a round, its place in [`Timeline::order`]; for a milestone, its place on the lane.
    pub at: usize,
}

/// What a lane holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaneKind {
    /// The rounds of a track (the index into the dataset's tracks).
    Track(usize),
    /// Rounds whose track the dataset does not define (a file `talks check` would reject).
    Unknown,
    Milestones,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lane {
    pub kind: LaneKind,
    /// Sorted by first day (rounds then in the chronological order of the index).
    pub marks: Vec<Mark>,
    /// The marks drawn beyond their first column (dated by a range or a month, or loosely),
    /// as indices into `marks`, in the same order.
    stretched: Vec<usize>,
    /// The longest of those, in days, so a window finds the ones reaching into it.
    longest: Day,
}

/// The lanes of one filter, and its rounds in time order for moving from one to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    pub lanes: Vec<Lane>,
    /// The rounds with a date, earliest first (the index's chronological order).
    pub order: Vec<usize>,
    /// The lane of each round of `order`.
    pub lane_of: Vec<usize>,
    /// The first day of each round of `order`.
    pub starts: Vec<Day>,
    /// The first and last day anything covers (computed once: every frame asks).
    span: Option<(Day, Day)>,
}

impl Timeline {
    /// Lays out these rounds (in any order) and milestones. Rounds and milestones without a
    /// real date (which `talks check` rejects) have no place in time and are left out.
    pub fn build(lib: &Library, rounds: &[usize], milestones: &[usize]) -> Timeline {
        let data = lib.data();
        let mut order: Vec<usize> = rounds.iter().copied().filter(|&r| r < data.rounds.len()).collect();
        let rank = |r: &usize| lib.rank(Order::Date, *r).unwrap_or(u32::MAX);
        if !order.is_sorted_by_key(rank) {
            // The list is in another order (venue, title, latest first): sort by the rank
            // the index keeps, which is cheaper than comparing dates and ids.
            order.sort_unstable_by_key(rank);
        }
        // Only the index's compact placements are read: going to the rounds themselves
        // (their track id is a string elsewhere on the heap) costs a cache miss per round.
        let placed = |r: usize| lib.placement(r).and_then(|p| Some((p.interval?, p)));
        order.retain(|&r| placed(r).is_some());
        let tracks = data.tracks.len();
        let lane_key = |p: &crate::dataset::Placement| p.track.map_or(tracks, |t| (t as usize).min(tracks));
        let mut used = vec![false; tracks + 1];
        for &r in &order {
            if let Some((_, p)) = placed(r) {
                used[lane_key(p)] = true;
            }
        }
        // Track position → lane, in the dataset's order of tracks; the unknown ones last.
        let mut lane_index = vec![0; tracks + 1];
        let mut lanes = Vec::new();
        for (t, _) in used.iter().enumerate().filter(|(_, u)| **u) {
            lane_index[t] = lanes.len();
            let kind = if t < tracks { LaneKind::Track(t) } else { LaneKind::Unknown };
            lanes.push(Lane::new(kind));
        }
        let mut lane_of = Vec::with_capacity(order.len());
        let mut starts = Vec::with_capacity(order.len());
        // `order` holds only placed rounds, so every one gets a mark and `lane_of` and
        // `starts` stay parallel to it.
        for (at, (interval, p)) in order.iter().filter_map(|&r| placed(r)).enumerate() {
            let lane = lane_index[lane_key(p)];
            let (start, end) = (day_of(interval.start), day_of(interval.end));
            let symbol = Symbol::round(p.status, p.format);
            lanes[lane].push(Mark { start, end, approximate: p.approximate, symbol, item: order[at], at });
            lane_of.push(lane);
            starts.push(start);
        }
        let mut dated: Vec<(Day, Day, usize, bool)> = milestones
            .iter()
            .filter_map(|&m| {
                let interval = lib.milestone_keys(m)?.interval?;
                let approximate = data.milestones.get(m)?.date_approximate;
                Some((day_of(interval.start), day_of(interval.end), m, approximate))
            })
            .collect();
        // Stable: milestones on the same day keep the library's date order.
        dated.sort_by_key(|d| d.0);
        if !dated.is_empty() {
            let mut lane = Lane::new(LaneKind::Milestones);
            for (at, (start, end, m, approximate)) in dated.into_iter().enumerate() {
                lane.push(Mark { start, end, approximate, symbol: Symbol::milestone(), item: m, at });
            }
            lanes.push(lane);
        }
        let span = span(&lanes);
        Timeline { lanes, order, lane_of, starts, span }
    }

    /// The first and last day anything on the timeline covers.
    pub fn span(&self) -> Option<(Day, Day)> {
        self.span
    }

    /// The finest zoom at which the whole timeline fits in `width` columns (the coarsest
    /// when nothing fits), with its scale.
    pub fn fit(&self, width: usize) -> Scale {
        let (first, last) = self.span().unwrap_or((0, 0));
        let fits = |zoom: Zoom| {
            let s = Scale::new(zoom, first);
            let columns = s.column(last).saturating_sub(s.column(first)).saturating_add(1);
            usize::try_from(columns).is_ok_and(|c| c <= width)
        };
        let zoom = ZOOMS.iter().copied().find(|&z| fits(z)).unwrap_or(ZOOMS[ZOOMS.len() - 1]);
        Scale::new(zoom, first)
    }

    /// The scale at a zoom, anchored at the timeline's first day.
    pub fn scale(&self, zoom: Zoom) -> Scale {
        Scale::new(zoom, self.span().map_or(0, |s| s.0))
    }

    /// The name shown at the left of a lane.
    pub fn label<'a>(&self, lib: &'a Library, lane: usize) -> &'a str {
        match self.lanes.get(lane).map(|l| l.kind) {
            Some(LaneKind::Track(t)) => lib.data().tracks.get(t).map_or("?", |t| t.name.as_str()),
            Some(LaneKind::Unknown) => "(unknown track)",
            Some(LaneKind::Milestones) => "Milestones",
            None => "",
        }
    }

    /// The lane of a round of the timeline.
    pub fn lane_of_round(&self, at: usize) -> Option<usize> {
        self.lane_of.get(at).copied()
    }

    /// The index in [`Timeline::order`] of round `r`, if it is on the timeline.
    pub fn find(&self, lib: &Library, r: usize) -> Option<usize> {
        let rank = lib.rank(Order::Date, r)?;
        let at = self.order.partition_point(|&o| lib.rank(Order::Date, o).unwrap_or(u32::MAX) < rank);
        (self.order.get(at) == Some(&r)).then_some(at)
    }

    /// The round of the timeline nearest to `day` in time (the later one on a tie).
    pub fn nearest(&self, day: Day) -> Option<usize> {
        nearest(&self.starts, day)
    }
}

impl Lane {
    fn new(kind: LaneKind) -> Lane {
        Lane { kind, marks: Vec::new(), stretched: Vec::new(), longest: 0 }
    }

    fn push(&mut self, mark: Mark) {
        if mark.end > mark.start || mark.approximate {
            self.stretched.push(self.marks.len());
            self.longest = self.longest.max(mark.end - mark.start);
        }
        self.marks.push(mark);
    }

    /// The index of the mark nearest to `day` (the later one on a tie).
    pub fn nearest(&self, day: Day) -> Option<usize> {
        let at = self.marks.partition_point(|m| m.start < day);
        closer(day, at, self.marks.len(), |i| self.marks[i].start)
    }
}

fn span(lanes: &[Lane]) -> Option<(Day, Day)> {
    let first = lanes.iter().filter_map(|l| l.marks.first()).map(|m| m.start).min()?;
    let last = lanes.iter().flat_map(|l| l.marks.last()).map(|m| m.end);
    // A stretched mark may end after the lane's last start.
    let stretched = lanes.iter().flat_map(|l| l.stretched.iter().map(|&i| l.marks[i].end));
    Some((first, last.chain(stretched).max().unwrap_or(first)))
}

/// The index of the value in sorted `starts` nearest to `day` (the later one on a tie).
fn nearest(starts: &[Day], day: Day) -> Option<usize> {
    let at = starts.partition_point(|&s| s < day);
    closer(day, at, starts.len(), |i| starts[i])
}

/// Of the items either side of `at` (the first starting on or after `day`), the one whose
/// start is nearer to `day`.
fn closer(day: Day, at: usize, len: usize, start: impl Fn(usize) -> Day) -> Option<usize> {
    match (at.checked_sub(1), at < len) {
        (Some(before), true) => {
            let (gap_before, gap_after) =
                (i64::from(day) - i64::from(start(before)), i64::from(start(at)) - i64::from(day));
            Some(if gap_before < gap_after { before } else { at })
        }
        (Some(before), false) => Some(before),
        (None, true) => Some(at),
        (None, false) => None,
    }
}

#[cfg(test)]
mod tests;
