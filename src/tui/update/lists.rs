//! The People and Topics lists: their own filters applied, and the topic tree folded and
//! unfolded with ← and →. What each list shows is decided in [`crate::tui::lists`]; this
//! keeps the selection and the detail in step with it, for these lists and for the rounds'
//! when the query changes ([`set_items`]).

use super::super::action::View;
use super::super::state::{Focus, State};
use super::{say, scroll};

/// Shows what the view's list should show now, keeping the selected item (and its row on
/// screen) when it is still there.
pub fn refresh(state: &mut State, view: View) {
    let items = match view {
        View::People => state.lists.people(),
        View::Topics => state.lists.topics(),
        _ => return,
    };
    set_items(state, view, items);
}

/// Puts `items` in the view's list, keeping the selected item (and its row on screen) when
/// it is still there, else going to the top; the detail follows the selection.
pub(super) fn set_items(state: &mut State, view: View, items: Vec<usize>) {
    let pane = state.pane(view);
    let previous = pane.current();
    let row_on_screen = pane.selected.saturating_sub(pane.offset);
    let position = previous.and_then(|p| items.iter().position(|&i| i == p));
    let pane = state.pane_mut(view);
    pane.items = items;
    match position {
        Some(p) => {
            pane.selected = p;
            pane.offset = p.saturating_sub(row_on_screen);
        }
        None => {
            pane.selected = 0;
            pane.offset = 0;
        }
    }
    if state.view == view && state.pane(view).current() != previous {
        state.rebuild_detail();
        if state.pane(view).items.is_empty() {
            state.focus = Focus::List;
        }
    }
    scroll::keep_visible(state);
}

/// Sets the view's own filter text and shows what it finds.
pub fn set_filter(state: &mut State, view: View, text: &str) {
    match view {
        View::People => state.lists.people_filter = text.to_string(),
        View::Topics => state.lists.topics_filter = text.to_string(),
        _ => return,
    }
    refresh(state, view);
}

/// The view's own filter text (`None` for the views that share the rounds' query).
pub fn filter_text(state: &State, view: View) -> Option<&str> {
    match view {
        View::People => Some(&state.lists.people_filter),
        View::Topics => Some(&state.lists.topics_filter),
        _ => None,
    }
}

/// Makes `item` visible in its list (clearing the view's filter, unfolding its branch) so
/// that following a link to it always lands on it.
pub fn reveal(state: &mut State, view: View, item: usize) {
    if state.pane(view).items.contains(&item) {
        return;
    }
    if filter_text(state, view).is_some_and(|f| !f.is_empty()) {
        set_filter(state, view, "");
        say(state, "filter cleared to show it", false);
    }
    if view == View::Topics {
        state.lists.reveal(item);
        refresh(state, view);
    }
}

/// ←: folds the selected topic's branch; on a leaf or a folded topic, goes to its parent.
pub fn fold(state: &mut State) {
    let Some(t) = topic_in_list(state) else { return };
    let has_children = !state.lib.children(t).is_empty();
    let searching = !state.lists.topics_filter.is_empty();
    if has_children && !state.lists.folded[t] && !searching {
        state.lists.folded[t] = true;
        refresh(state, View::Topics);
    } else if let Some(parent) = state.lists.parent.get(t).copied().flatten() {
        select(state, parent);
    }
}

/// →: unfolds the selected topic's branch; when it is open, goes to its first sub-topic.
pub fn unfold(state: &mut State) {
    let Some(t) = topic_in_list(state) else { return };
    if state.lists.folded[t] {
        state.lists.folded[t] = false;
        refresh(state, View::Topics);
    } else if let Some(&child) = state.lib.children(t).first() {
        select(state, child);
    }
}

/// The selected topic, when the Topics list has the focus (elsewhere ← and → do nothing).
fn topic_in_list(state: &State) -> Option<usize> {
    if state.view != View::Topics || state.focus != Focus::List {
        return None;
    }
    state.topics.current().filter(|&t| t < state.lists.folded.len())
}

fn select(state: &mut State, t: usize) {
    if let Some(at) = state.topics.items.iter().position(|&i| i == t) {
        state.topics.selected = at;
        state.rebuild_detail();
        scroll::keep_visible(state);
    }
}
