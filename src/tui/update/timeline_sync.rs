//! The timeline's state kept in step with the rest: its lanes rebuilt when the filter
//! changed, the selection carried over from the rounds list, and kept on screen. The keys
//! that move in it are in `timeline`.

use super::super::action::View;
use super::super::state::State;
use super::super::timeline::geometry;
use crate::text::sanitize_line;
use crate::timeline::Timeline;
use unicode_width::UnicodeWidthStr;

/// Builds the lanes if the filter changed since they were built.
pub fn ensure(state: &mut State) {
    if state.timeline.stale {
        rebuild(state);
    }
}

/// The filter changed: rebuild now if the timeline is on screen, else when it is shown.
pub fn filter_changed(state: &mut State) {
    state.timeline.stale = true;
    if state.view == View::Timeline {
        rebuild(state);
    }
}

/// Lays out the filtered rounds and milestones again, keeping the selected round when it
/// is still there, else the round nearest in time to it.
fn rebuild(state: &mut State) {
    let t = &state.timeline;
    let previous = t.pane.current().filter(|_| !t.pane.items.is_empty());
    let previous_day = t.selected_day();
    let milestone = t.on_milestones().then(|| t.chart.lanes[t.lane].marks.get(t.milestone).map(|m| m.item));
    let chart = Timeline::build(&state.lib, &state.rounds.items, &state.milestones.items);
    let width = (0..chart.lanes.len()).map(|l| sanitize_line(chart.label(&state.lib, l)).width()).max();
    let t = &mut state.timeline;
    t.label_width = u16::try_from(width.unwrap_or(0)).unwrap_or(u16::MAX);
    t.pane.items = chart.order.clone();
    t.chart = chart;
    t.stale = false;
    t.top = 0;
    let kept = previous.or(state.rounds.current()).and_then(|r| state.timeline.chart.find(&state.lib, r));
    let near = previous_day.and_then(|d| state.timeline.chart.nearest(d));
    select_round(state, kept.or(near).unwrap_or(0));
    // A milestone that is still there stays selected.
    if let Some(Some(m)) = milestone {
        let t = &mut state.timeline;
        if let Some(lane) = t.chart.lanes.iter().position(|l| l.kind == crate::timeline::LaneKind::Milestones)
        {
            if let Some(at) = t.chart.lanes[lane].marks.iter().position(|mark| mark.item == m) {
                t.lane = lane;
                t.milestone = at;
            }
        }
    }
    keep_visible(state);
}

/// Selects round `at` of the time order (clamped), on its own lane.
pub fn select_round(state: &mut State, at: usize) {
    let t = &mut state.timeline;
    let Some(last) = t.pane.items.len().checked_sub(1) else {
        t.pane.selected = 0;
        t.lane = 0;
        return;
    };
    t.pane.selected = at.min(last);
    t.lane = t.chart.lane_of_round(t.pane.selected).unwrap_or(0);
}

/// Selects round `r` if the timeline shows it, for the rounds list's selection to carry
/// over when the view changes.
pub fn select(state: &mut State, r: usize) {
    ensure(state);
    if let Some(at) = state.timeline.chart.find(&state.lib, r) {
        select_round(state, at);
    }
    keep_visible(state);
}

/// Scrolls the lanes and the columns so that the selection is on screen, and never further
/// than the timeline reaches.
pub fn keep_visible(state: &mut State) {
    let g = geometry(&state.layout, state.timeline.chart.lanes.len(), state.timeline.label_width);
    let t = &mut state.timeline;
    let rows = g.lanes_shown().max(1);
    let lanes = t.chart.lanes.len();
    if t.lane < t.top {
        t.top = t.lane;
    } else if t.lane >= t.top + rows {
        t.top = t.lane + 1 - rows;
    }
    t.top = t.top.min(lanes.saturating_sub(rows));
    let width = i64::from(g.plot.width.max(1));
    let scale = t.scale(g.plot.width);
    let Some((first_day, last_day)) = t.chart.span() else { return };
    let (start, end) = (scale.column(first_day), scale.column(last_day));
    if end - start < width {
        t.first = start;
        return;
    }
    if let Some(c) = t.selected_day().map(|d| scale.column(d)) {
        // Keep a few columns of context either side of the selection.
        let margin = (width / 4).min(6);
        if c < t.first + margin {
            t.first = c - margin;
        } else if c > t.first + width - 1 - margin {
            t.first = c - width + 1 + margin;
        }
    }
    t.first = t.first.clamp(start, end - width + 1);
}
