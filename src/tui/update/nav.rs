//! Moving in lists and in the detail pane, following links, and history.

use super::super::action::{Action, View};
use super::super::content::Link;
use super::super::state::{Focus, Place, State};
use super::say;

pub fn navigate(state: &mut State, action: Action) {
    let list_h = usize::from(state.layout.list_inner.height.max(1));
    let detail_h = usize::from(state.layout.detail_inner.height.max(1));
    let page = if state.focus == Focus::List { list_h } else { detail_h };
    match action {
        Action::Down => step(state, 1),
        Action::Up => step(state, -1),
        Action::PageDown => step(state, page as isize),
        Action::PageUp => step(state, -(page as isize)),
        Action::HalfPageDown => step(state, (page / 2).max(1) as isize),
        Action::HalfPageUp => step(state, -((page / 2).max(1) as isize)),
        Action::Top => step(state, isize::MIN / 2),
        Action::Bottom => step(state, isize::MAX / 2),
        Action::FocusNext | Action::FocusPrev => toggle_focus(state),
        Action::Show(view) => show(state, view),
        Action::Follow => follow(state),
        Action::NextLink => jump_link(state, true),
        Action::PrevLink => jump_link(state, false),
        Action::Fold => super::lists::fold(state),
        Action::Unfold => super::lists::unfold(state),
        Action::Back => super::history::back(state),
        Action::Forward => super::history::forward(state),
        Action::Click { column, row } => click(state, column, row),
        Action::Wheel { column, row, down } => wheel(state, column, row, down),
        _ => {}
    }
}

fn step(state: &mut State, delta: isize) {
    match state.focus {
        Focus::List => {
            let view = state.view;
            let pane = state.pane_mut(view);
            let Some(last) = pane.items.len().checked_sub(1) else { return };
            let target = (pane.selected as isize).saturating_add(delta).clamp(0, last as isize) as usize;
            if target != pane.selected {
                pane.selected = target;
                state.rebuild_detail();
            }
        }
        Focus::Detail => {
            let last = state.detail.rows.len().saturating_sub(1) as isize;
            state.detail.cursor =
                (state.detail.cursor as isize).saturating_add(delta).clamp(0, last.max(0)) as usize;
        }
    }
    super::scroll::keep_visible(state);
}

fn toggle_focus(state: &mut State) {
    state.focus = match state.focus {
        Focus::List if !state.detail.rows.is_empty() => Focus::Detail,
        _ => Focus::List,
    };
    if state.focus == Focus::Detail {
        // Start on the first row that leads somewhere in view, or the top of the view.
        let from = state.detail.scroll;
        let visible = usize::from(state.layout.detail_inner.height);
        state.detail.cursor = (from..from + visible)
            .find(|&i| state.detail.rows.get(i).is_some_and(|r| r.link.is_some()))
            .unwrap_or(from);
    }
}

/// Moves the detail cursor to the next (or previous) link row, focusing the detail.
fn jump_link(state: &mut State, forward: bool) {
    let d = &state.detail;
    let from = if state.focus == Focus::Detail { d.cursor } else { d.scroll.saturating_sub(1) };
    let is_new_link = |i: &usize| {
        let link = d.rows.get(*i).and_then(|r| r.link);
        link.is_some() && link != d.rows.get(from).and_then(|r| r.link)
    };
    let found =
        if forward { (from + 1..d.rows.len()).find(is_new_link) } else { (0..from).rev().find(is_new_link) };
    match found {
        Some(i) => {
            state.focus = Focus::Detail;
            state.detail.cursor = i;
            super::scroll::keep_visible(state);
        }
        None => say(state, "no more links this way", false),
    }
}

/// Shows another view. The rounds list and the timeline share their selection: the round
/// selected in one is selected in the other when it is there.
fn show(state: &mut State, view: View) {
    if state.view != view {
        let from = state.view;
        state.view = view;
        state.focus = Focus::List;
        match (from, view) {
            (_, View::Timeline) => {
                if let Some(r) = state.rounds.current() {
                    super::timeline_sync::select(state, r);
                }
                super::timeline_sync::ensure(state);
            }
            (View::Timeline, View::Rounds) => {
                let round = state.timeline.pane.current();
                if let Some(at) = round.and_then(|r| state.rounds.items.iter().position(|&i| i == r)) {
                    state.rounds.selected = at;
                }
            }
            _ => {}
        }
        state.rebuild_detail();
        super::scroll::keep_visible(state);
    }
}

fn follow(state: &mut State) {
    if state.focus == Focus::List {
        toggle_focus(state);
        return;
    }
    let Some(link) = state.detail.rows.get(state.detail.cursor).and_then(|r| r.link) else {
        say(state, "nothing to open on this line; links are underlined", false);
        return;
    };
    let target = match link {
        Link::Person(p) => Place { view: View::People, item: Some(p), focus: Focus::Detail, cursor: 0 },
        Link::Topic(t) => Place { view: View::Topics, item: Some(t), focus: Focus::Detail, cursor: 0 },
        Link::Round(r) => Place { view: View::Rounds, item: Some(r), focus: Focus::Detail, cursor: 0 },
        Link::Milestone(m) => {
            Place { view: View::Milestones, item: Some(m), focus: Focus::Detail, cursor: 0 }
        }
        // A source leads out of the browser: that is `o`, which says so in its key.
        Link::Source(_) => {
            return say(state, "a source: o opens it in your web browser, y copies its address", false)
        }
    };
    super::history::open(state, target);
}

fn click(state: &mut State, column: u16, row: u16) {
    let l = state.layout;
    let inside =
        |r: ratatui::layout::Rect| column >= r.x && column < r.right() && row >= r.y && row < r.bottom();
    if inside(l.list_inner) {
        state.focus = Focus::List;
        let view = state.view;
        let pane = state.pane(view);
        let target = pane.offset + usize::from(row - l.list_inner.y);
        if target < pane.items.len() && target != pane.selected {
            state.pane_mut(view).selected = target;
            state.rebuild_detail();
        }
    } else if inside(l.detail_inner) {
        let target = state.detail.scroll + usize::from(row - l.detail_inner.y);
        if target < state.detail.rows.len() {
            state.focus = Focus::Detail;
            state.detail.cursor = target;
        }
    }
    super::scroll::keep_visible(state);
}

fn wheel(state: &mut State, column: u16, row: u16, down: bool) {
    let l = state.layout;
    let over =
        |r: ratatui::layout::Rect| column >= r.x && column < r.right() && row >= r.y && row < r.bottom();
    let delta = if down { 3 } else { -3 };
    let saved = state.focus;
    if over(l.list) {
        state.focus = Focus::List;
        step(state, delta);
        state.focus = saved;
    } else if over(l.detail) {
        // Scroll the view; the cursor follows only as far as it must to stay visible.
        let h = usize::from(l.detail_inner.height.max(1));
        let max = state.detail.rows.len().saturating_sub(h);
        let d = &mut state.detail;
        d.scroll = (d.scroll as isize + delta).clamp(0, max as isize) as usize;
        d.cursor = d.cursor.clamp(d.scroll, (d.scroll + h).saturating_sub(1));
    }
}
