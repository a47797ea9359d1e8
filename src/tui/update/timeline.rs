//! The timeline view: building its lanes when the filter changed, moving in time and
//! between lanes, zooming, keeping the selection on screen, and opening the selection in
//! its own view through the history.

use super::super::action::{Action, View};
use super::super::state::{Focus, Place, State};
use super::super::timeline::geometry;
use super::say;
use super::timeline_sync as sync;
use crate::timeline::ZOOMS;

/// Handles the timeline's own actions; the others are the browser's.
pub fn act(state: &mut State, action: Action) {
    state.status = None;
    sync::ensure(state);
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
        Action::Top => sync::select_round(state, 0),
        Action::Bottom => sync::select_round(state, state.timeline.pane.items.len().saturating_sub(1)),
        Action::PageDown => page(state, true),
        Action::PageUp => page(state, false),
        Action::Follow => open(state),
        Action::Click { column, row } => click(state, column, row),
        Action::Wheel { down, .. } => step(state, if down { 1 } else { -1 }),
        other => return super::browse(state, other),
    }
    sync::keep_visible(state);
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
    sync::select_round(state, target);
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
        sync::select_round(state, at);
    }
}

/// Zooms in (`-1`: fewer days a column) or out, keeping the selection where it is on screen.
fn zoom(state: &mut State, delta: isize) {
    let width = plot_width(state);
    let t = &state.timeline;
    let old = t.scale(width);
    let current = ZOOMS.iter().position(|&z| z == old.zoom).unwrap_or(0);
    // Past the zoom that fits the whole timeline there is nothing more to see, only marks
    // piled into fewer columns (rows of `+`): zooming out stops there.
    let fit = t.chart.fit(usize::from(width)).zoom;
    if delta > 0 && ZOOMS.iter().position(|&z| z == fit).is_some_and(|f| current >= f) {
        let text = format!("already the whole timeline, at {} a column", fit.label());
        return say(state, text, false);
    }
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
    sync::select_round(state, at);
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
    super::history::open(state, place);
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
        sync::select_round(state, at);
    }
}

fn plot_width(state: &State) -> u16 {
    geometry(&state.layout, state.timeline.chart.lanes.len(), state.timeline.label_width).plot.width
}
