//! The timeline view's state (the lanes of the filter, the zoom, the window in time and in
//! lanes, the selection) and where its parts go on screen, computed the same way by
//! `update` (keeping the selection in view, clicks) and by `render`.
//!
//! The lanes come from the domain ([`crate::timeline::Timeline`]); they are built in
//! `update` when the view needs them after the filter changed, never while drawing.

use super::layout::Layout;
use super::pane::Pane;
use crate::timeline::{Day, Scale, Timeline, ZOOMS};
use ratatui::layout::Rect;

/// The timeline view.
#[derive(Debug, Clone, Default)]
pub struct TimelineView {
    pub chart: Timeline,
    /// The chart's rounds in time order with the selected one: ←/→ step through it, and
    /// history records it like a list's selection.
    pub pane: Pane,
    /// The filter changed since the chart was built.
    pub stale: bool,
    /// An index into [`ZOOMS`]; `None` fits the whole timeline in the window.
    pub zoom: Option<usize>,
    /// The selected lane: the selected round's, or the milestones lane.
    pub lane: usize,
    /// On the milestones lane, the selected mark.
    pub milestone: usize,
    /// The day ↑ and ↓ look for the nearest mark to: set by the first of a run of lane
    /// changes and kept through it, so crossing a sparse lane does not drift in time (as a
    /// text editor keeps the column across short lines).
    pub anchor: Option<Day>,
    /// The first column and the first lane on screen.
    pub first: i64,
    pub top: usize,
    /// The widest lane label, in columns.
    pub label_width: u16,
}

impl TimelineView {
    /// A view to be built when first shown.
    pub fn new() -> TimelineView {
        TimelineView { stale: true, ..TimelineView::default() }
    }

    /// The scale in force: the chosen zoom, or the one that fits `width` columns.
    pub fn scale(&self, width: u16) -> Scale {
        match self.zoom.and_then(|z| ZOOMS.get(z)) {
            Some(&zoom) => self.chart.scale(zoom),
            None => self.chart.fit(usize::from(width)),
        }
    }

    /// True when the milestones lane is selected.
    pub fn on_milestones(&self) -> bool {
        self.chart.lanes.get(self.lane).is_some_and(|l| l.kind == crate::timeline::LaneKind::Milestones)
    }

    /// The mark selected on the selected lane, as an index into the lane's marks.
    pub fn selected_mark(&self) -> Option<usize> {
        let lane = self.chart.lanes.get(self.lane)?;
        if self.on_milestones() {
            return (self.milestone < lane.marks.len()).then_some(self.milestone);
        }
        let at = self.pane.selected;
        let first = lane.marks.partition_point(|m| m.at < at);
        lane.marks.get(first).filter(|m| m.at == at).map(|_| first)
    }

    /// The first day of the selection.
    pub fn selected_day(&self) -> Option<Day> {
        let lane = self.chart.lanes.get(self.lane)?;
        self.selected_mark().and_then(|m| lane.marks.get(m)).map(|m| m.start)
    }
}

/// Where the parts of the timeline view go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    /// The bordered block of the chart.
    pub chart: Rect,
    /// The two rows of the axis, over the plot's columns.
    pub axis: Rect,
    /// The lane labels, one row per lane shown.
    pub labels: Rect,
    /// The plot: one row per lane shown, one column per column of time.
    pub plot: Rect,
    /// The bordered block of the selection's summary.
    pub summary: Rect,
    /// Rows from one lane to the next: 2 (a blank row between lanes) when the screen has
    /// room to spare, else 1.
    pub pitch: u16,
}

impl Geometry {
    /// How many lanes the plot shows.
    pub fn lanes_shown(&self) -> usize {
        usize::from(self.plot.height.div_ceil(self.pitch.max(1)))
    }

    /// The lane (counted from the first shown) drawn on screen row `row`, if any.
    pub fn lane_at(&self, row: u16) -> Option<usize> {
        let offset = row.checked_sub(self.plot.y).filter(|&o| o < self.plot.height)?;
        (offset % self.pitch.max(1) == 0).then_some(usize::from(offset / self.pitch.max(1)))
    }
}

/// The smallest summary: its borders and three lines.
const SUMMARY_MIN: u16 = 5;
/// The summary the lanes leave when they are spaced out: its borders and seven lines.
const SUMMARY_SPACED: u16 = 9;

/// Lays the view out in the body of the screen for `lanes` lanes whose widest label is
/// `label_width` columns. The chart takes the rows its lanes need, the summary the rest.
pub fn geometry(layout: &Layout, lanes: usize, label_width: u16) -> Geometry {
    if layout.too_small {
        return Geometry::default();
    }
    let body = layout.body();
    let lanes = u16::try_from(lanes).unwrap_or(u16::MAX).max(1);
    // The borders and the axis, then the lanes, spaced out when that leaves a summary of
    // a comfortable size.
    let spaced = lanes.saturating_mul(2).saturating_add(3);
    let (pitch, wanted) = if spaced.saturating_add(SUMMARY_SPACED) <= body.height {
        (2, spaced)
    } else {
        (1, lanes.saturating_add(4))
    };
    let chart_h = wanted.min(body.height.saturating_sub(SUMMARY_MIN)).max(5.min(body.height));
    let chart = Rect::new(body.x, body.y, body.width, chart_h);
    let summary = Rect::new(body.x, body.y + chart_h, body.width, body.height - chart_h);
    let inner_w = chart.width.saturating_sub(2);
    // Labels take up to 45% of the width (at least 10 columns), then a space and a bar
    // before the plot: at 80 columns a track's whole name (34 characters in the shipped
    // data) fits beside a plot that still holds the timeline at two weeks a column, and
    // `Russia–US minister…` is never left to guess from.
    let label_w = label_width.min((inner_w * 9 / 20).max(10)).min(inner_w.saturating_sub(4));
    let plot_x = chart.x + 1 + label_w + 2;
    let plot_w = (chart.x + chart.width).saturating_sub(1).saturating_sub(plot_x);
    let rows_y = chart.y + 3;
    let rows_h = chart.height.saturating_sub(4);
    Geometry {
        chart,
        axis: Rect::new(plot_x, chart.y + 1, plot_w, 2.min(chart.height.saturating_sub(2))),
        labels: Rect::new(chart.x + 1, rows_y, label_w, rows_h),
        plot: Rect::new(plot_x, rows_y, plot_w, rows_h),
        summary,
        pitch,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_size_gives_parts_inside_the_screen() {
        for w in 60..200 {
            for h in 15..60 {
                let layout = Layout::new(w, h);
                for lanes in [0, 1, 10, 40] {
                    let g = geometry(&layout, lanes, 34);
                    for r in [g.chart, g.axis, g.labels, g.plot, g.summary] {
                        assert!(r.right() <= w && r.bottom() <= h - 2, "{w}×{h} {lanes}: {r:?}");
                    }
                    assert!(g.summary.height >= SUMMARY_MIN.min(h - 3 - 5), "{w}×{h}");
                    assert!(g.plot.width >= 20, "{w}×{h}: {g:?}");
                }
            }
        }
        // The built-in dataset's nine tracks and the milestones fit at 80×24, and are spaced
        // out at 120×35.
        let g = geometry(&Layout::new(80, 24), 10, 34);
        assert_eq!((g.plot.height, g.pitch, g.lanes_shown()), (10, 1, 10));
        assert_eq!(g.summary.height, 7);
        let g = geometry(&Layout::new(120, 35), 10, 34);
        assert_eq!((g.plot.height, g.pitch, g.lanes_shown()), (19, 2, 10));
        assert_eq!(g.lane_at(g.plot.y + 2), Some(1));
        assert_eq!(g.lane_at(g.plot.y + 3), None);
    }
}
