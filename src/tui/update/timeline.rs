//! The timeline view: building its lanes when the filter changed, moving in time and
//! between lanes, zooming, keeping the selection on screen, and opening the selection in
//! its own view through the history.

use super::super::action::{Action, View};
use super::super::state::{Focus, Place, State};
use super::super::timeline::geometry;
use super::say;
use crate::text::sanitize_line;
use crate::timeline::{Timeline, ZOOMS};
use unicode_width::UnicodeWidthStr;

/// Handles the timeline's own actions; the others are the browser's.
pub fn act(state: &mut State, action: Action) {
    state.status = None;
    ensure(state);
    if !matches!(action, Action::Up | Action::Down | Action::ZoomIn | Action::ZoomOut | Action::ZoomFit) {
        state.timeline.anchor = None;
    }
    match action {
        Action::Earlier => step(state, -1),
        Action::Later => step(state, 1),
        Action::Up => change_lane(state, -1),
        Action::Down => change_lane(state, 1),
        Action::ZoomIn => zoom(state, -1),
        Action::ZoomOut => zoom(state, 1),
        Action::ZoomFit => {
            state.timeline.zoom = None;
            say(state, "zoom to fit the whole timeline", false);
        }
        Action::Top => select_round(state, 0),
        Action::Bottom => select_round(state, state.timeline.pane.items.len().saturating_sub(1)),
        Action::PageDown => page(state, true),
        Action::PageUp => page(state, false),
        Action::Follow => open(state),
        Action::Click { column, row } => click(state, column, row),
        Action::Wheel { down, .. } => step(state, if down { 1 } else { -1 }),
        other => return super::browse(state, other),
    }
    keep_visible(state);
}

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

fn step(state: &mut State, delta: isize) {
    let t = &state.timeline;
    if t.on_milestones() {
        let len = t.chart.lanes.get(t.lane).map_or(0, |l| l.marks.len());
        let target = t.milestone.saturating_add_signed(delta).min(len.saturating_sub(1));
        if target == t.milestone {
            say(state, if delta < 0 { "the first milestone" } else { "the last milestone" }, false);
        }
        state.timeline.milestone = target;
        return;
    }
    let len = t.pane.items.len();
    let target = t.pane.selected.saturating_add_signed(delta).min(len.saturating_sub(1));
    if target == t.pane.selected && len > 0 {
        say(state, if delta < 0 { "the first round" } else { "the last round" }, false);
    }
    select_round(state, target);
}

/// Moves to the lane above or below, on its mark nearest in time to the selection.
fn change_lane(state: &mut State, delta: isize) {
    let t = &state.timeline;
    let Some(day) = t.anchor.or(t.selected_day()) else { return };
    state.timeline.anchor = Some(day);
    let t = &state.timeline;
    let Some(lane) = t.lane.checked_add_signed(delta).filter(|&l| l < t.chart.lanes.len()) else {
        return say(state, if delta < 0 { "the top lane" } else { "the bottom lane" }, false);
    };
    let target = &t.chart.lanes[lane];
    let Some(mark) = target.nearest(day) else { return };
    let milestones = target.kind == crate::timeline::LaneKind::Milestones;
    let at = target.marks[mark].at;
    if milestones {
        state.timeline.lane = lane;
        state.timeline.milestone = mark;
    } else {
        select_round(state, at);
    }
}

/// Zooms in (`-1`: fewer days a column) or out, keeping the selection where it is on screen.
fn zoom(state: &mut State, delta: isize) {
    let width = plot_width(state);
    let t = &state.timeline;
    let old = t.scale(width);
    let current = ZOOMS.iter().position(|&z| z == old.zoom).unwrap_or(0);
    let Some(next) = current.checked_add_signed(delta).filter(|&z| z < ZOOMS.len()) else {
        let which = if delta < 0 { "finest" } else { "coarsest" };
        return say(state, format!("already the {which} zoom: {} a column", old.zoom.label()), false);
    };
    let day = t.selected_day();
    let on_screen = day.map(|d| old.column(d) - t.first);
    let t = &mut state.timeline;
    t.zoom = Some(next);
    let new = t.scale(width);
    if let (Some(d), Some(x)) = (day, on_screen) {
        t.first = new.column(d) - x;
    }
    say(state, format!("one column: {}   (0 fits the whole timeline)", ZOOMS[next].label()), false);
}

/// Jumps a screen's worth of time later or earlier, to the round nearest that day.
fn page(state: &mut State, later: bool) {
    let width = plot_width(state);
    let t = &state.timeline;
    let Some(day) = t.selected_day() else { return };
    let scale = t.scale(width);
    let days = scale.start(t.first + i64::from(width)) - scale.start(t.first);
    let target = if later { day.saturating_add(days) } else { day.saturating_sub(days) };
    let Some(mut at) = t.chart.nearest(target) else { return };
    if at == t.pane.selected && !t.on_milestones() {
        at = if later { at + 1 } else { at.saturating_sub(1) };
    }
    select_round(state, at);
}

/// Opens the selected round in the Rounds view, or the milestone in the Milestones view.
fn open(state: &mut State) {
    let t = &state.timeline;
    let place = if t.on_milestones() {
        let m = t.chart.lanes.get(t.lane).and_then(|l| l.marks.get(t.milestone)).map(|m| m.item);
        Place { view: View::Milestones, item: m, focus: Focus::Detail, cursor: 0 }
    } else {
        Place { view: View::Rounds, item: t.pane.current(), focus: Focus::Detail, cursor: 0 }
    };
    if place.item.is_none() {
        return say(state, "nothing selected: the filter leaves no round (x clears it)", false);
    }
    super::nav::open(state, place);
}

fn click(state: &mut State, column: u16, row: u16) {
    let g = geometry(&state.layout, state.timeline.chart.lanes.len(), state.timeline.label_width);
    let Some(shown) = g.lane_at(row) else { return };
    if column < g.labels.x || column >= g.plot.right() {
        return;
    }
    let lane = state.timeline.top + shown;
    let t = &state.timeline;
    let Some(target) = t.chart.lanes.get(lane) else { return };
    let scale = t.scale(g.plot.width);
    // On the plot, the mark in the clicked column (or the nearest); on the label, the mark
    // of that lane nearest in time to the selection.
    let mark = if column >= g.plot.x {
        let at = t.first + i64::from(column - g.plot.x);
        match target.cells(&scale, at, 1).first() {
            Some(crate::timeline::Cell::Marks { first, .. }) => Some(*first),
            _ => target.nearest(scale.start(at)),
        }
    } else {
        t.selected_day().and_then(|d| target.nearest(d))
    };
    let Some(mark) = mark else { return };
    if target.kind == crate::timeline::LaneKind::Milestones {
        state.timeline.lane = lane;
        state.timeline.milestone = mark;
    } else {
        let at = target.marks[mark].at;
        select_round(state, at);
    }
}

fn plot_width(state: &State) -> u16 {
    geometry(&state.layout, state.timeline.chart.lanes.len(), state.timeline.label_width).plot.width
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
