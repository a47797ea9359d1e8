//! Going places and coming back: following a link records where the user was (view,
//! selection, cursor, filter, an open comparison), Back and Forward return there.

use super::super::action::View;
use super::super::state::{Place, State, Visit};
use super::say;

/// Goes to a place, remembering where the user was so that Back returns there.
pub(super) fn open(state: &mut State, target: Place) {
    let here = state.visit();
    if go(state, target) {
        state.history.back.push(here);
        state.history.forward.clear();
    }
}

pub(super) fn back(state: &mut State) {
    let Some(visit) = state.history.back.pop() else {
        say(state, "no earlier page (Enter on a link to go somewhere)", false);
        return;
    };
    let here = state.visit();
    revisit(state, visit);
    state.history.forward.push(here);
}

pub(super) fn forward(state: &mut State) {
    let Some(visit) = state.history.forward.pop() else {
        say(state, "no later page", false);
        return;
    };
    let here = state.visit();
    revisit(state, visit);
    state.history.back.push(here);
}

/// Goes back (or forward) to a visit, with the filter that was in force there.
fn revisit(state: &mut State, visit: Visit) {
    if visit.filter != state.filter.applied && super::filter::apply_query_text(state, &visit.filter) {
        let shown =
            if visit.filter.is_empty() { "cleared".to_string() } else { format!("`{}`", visit.filter) };
        say(state, format!("filter {shown} again"), false);
    }
    go(state, visit.place);
    if let Some(at) = visit.compare {
        super::compare_view::show(state, at.left, at.right);
        super::compare_view::place(state, at.cursor, at.scroll);
    }
}

/// Shows a place; a round hidden by the filter clears the filter. False if it is gone.
fn go(state: &mut State, place: Place) -> bool {
    if let (View::Rounds, Some(r)) = (place.view, place.item) {
        if !state.rounds.items.contains(&r) {
            super::filter::clear_rounds(state);
            say(state, "filter cleared to show the round", false);
        }
    }
    if place.view == View::Timeline {
        super::timeline_sync::ensure(state);
    }
    if let Some(item) = place.item {
        super::lists::reveal(state, place.view, item);
    }
    let pane = state.pane_mut(place.view);
    let Some(index) = place.item.and_then(|item| pane.items.iter().position(|&i| i == item)) else {
        return false;
    };
    pane.selected = index;
    state.view = place.view;
    if place.view == View::Timeline {
        super::timeline_sync::select_round(state, index);
    }
    state.rebuild_detail();
    state.focus = place.focus;
    state.detail.cursor = place.cursor;
    super::scroll::keep_visible(state);
    true
}
