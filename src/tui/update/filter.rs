//! The filter bar (the query language, applied live) and the sort order.
//!
//! While the user types, each valid prefix is applied at once; when the new text only
//! narrows the old one, only the current result is filtered again. An invalid text leaves
//! the last valid result on screen and shows why above the bar. The bar edits like a
//! readline prompt (`line_edit`), ↑ and ↓ go through the queries kept before (`recall`).

use super::super::action::{Action, Effect, View};
use super::super::state::{Focus, State};
use super::{line_edit, lists, say, scroll};
use crate::query::{self, Query};

pub fn open(state: &mut State) {
    // People and Topics have filters of their own; the other views share the rounds' query.
    if let Some(text) = lists::filter_text(state, state.view).map(str::to_string) {
        let f = &mut state.filter;
        f.list = Some(state.view);
        f.editing = true;
        f.cursor = text.len();
        f.input = text.clone();
        f.before_edit = text;
        f.error = None;
        f.suggestion.clear();
        return;
    }
    show_rounds(state);
    let f = &mut state.filter;
    f.list = None;
    f.editing = true;
    f.input = f.applied.clone();
    f.cursor = f.input.len();
    f.before_edit = f.applied.clone();
    f.error = None;
    f.recall.stop();
}

/// Switches to the rounds view (the filter applies to rounds and milestones), focused on
/// the list; the milestones view and the timeline stay where they are.
pub fn show_rounds(state: &mut State) {
    if !matches!(state.view, View::Rounds | View::Milestones | View::Timeline) {
        state.view = View::Rounds;
        state.focus = Focus::List;
        state.rebuild_detail();
        scroll::keep_visible(state);
    }
}

/// A key in the filter bar: editing (the text is applied as it changes), the history, or
/// leaving the bar.
pub fn edit(state: &mut State, action: Action) -> Vec<Effect> {
    let f = &mut state.filter;
    let before = f.input.clone();
    match action {
        Action::Insert(c) => line_edit::insert(&mut f.input, &mut f.cursor, c),
        Action::DeleteBack => line_edit::delete_back(&mut f.input, &mut f.cursor),
        Action::DeleteWord => line_edit::delete_word_back(&mut f.input, &mut f.cursor),
        Action::LineEdit(op) => line_edit::apply(&mut f.input, &mut f.cursor, op),
        // The history is of round queries; a name typed in People is not kept.
        Action::Up | Action::Down if f.list.is_some() => {}
        Action::Up => match f.recall.older(&f.input).map(str::to_string) {
            Some(older) => recall(state, older),
            None => say(state, "no older query in the history", false),
        },
        Action::Down => match f.recall.newer() {
            Some(newer) => recall(state, newer),
            None => say(state, "no newer query (↑ goes back in the history)", false),
        },
        Action::Confirm => return confirm(state),
        Action::Cancel => {
            state.filter.editing = false;
            state.filter.error = None;
            state.filter.recall.stop();
            let before = state.filter.before_edit.clone();
            match state.filter.list {
                Some(view) => lists::set_filter(state, view, &before),
                None => {
                    apply_query_text(state, &before);
                }
            }
        }
        _ => {}
    }
    if state.filter.input != before {
        // A message about the text before the change no longer applies.
        state.status = None;
        match state.filter.list {
            Some(view) => {
                let text = state.filter.input.clone();
                lists::set_filter(state, view, &text);
            }
            None => live(state),
        }
    }
    Vec::new()
}

/// Shows a query of the history in the bar, the cursor at its end.
fn recall(state: &mut State, text: String) {
    let f = &mut state.filter;
    f.input = text;
    f.cursor = f.input.len();
    state.status = None;
}

/// Enter: keeps a valid query (and records it in the history, saved by the loop); an
/// invalid one keeps the bar open.
fn confirm(state: &mut State) -> Vec<Effect> {
    // Enter never commits a query nobody typed (the last valid prefix of an invalid text):
    // the bar stays open with the error until it is fixed or Esc restores the filter from
    // before the edit.
    if state.filter.list.is_some() {
        state.filter.editing = false;
        return Vec::new();
    }
    if state.filter.error.is_some() {
        let before = &state.filter.before_edit;
        let restore = if before.is_empty() { "no filter".to_string() } else { format!("`{before}`") };
        say(state, format!("the query is not valid: fix it, or press Esc to go back to {restore}"), true);
        return Vec::new();
    }
    let f = &mut state.filter;
    f.editing = false;
    let text = f.applied.clone();
    match (&f.recall_path, f.recall.push(&text)) {
        (Some(path), true) => vec![Effect::SaveRecall { path: path.clone(), text: f.recall.to_text() }],
        _ => Vec::new(),
    }
}

/// Applies the text in the bar if it parses; otherwise records the error.
fn live(state: &mut State) {
    let input = state.filter.input.clone();
    state.filter.suggestion = suggest(state, &input);
    match Query::parse(&input) {
        Ok(q) => {
            state.filter.error = None;
            let narrowing = query::narrows(&state.filter.applied, &input);
            let items = if narrowing {
                query::filter_within(&state.lib, &q, &state.rounds.items, state.sort)
            } else {
                query::filter(&state.lib, &q, state.sort)
            };
            state.filter.applied = input;
            state.filter.highlight = q.highlight();
            super::lists::set_items(state, View::Rounds, items);
            set_milestones(state, &q);
            super::timeline_sync::filter_changed(state);
        }
        Err(e) => state.filter.error = Some(e.to_string()),
    }
}

/// The terms of `text` with a misspelt value, corrected.
fn suggest(state: &State, text: &str) -> Vec<String> {
    state.filter.vocabulary.get_or_init(|| query::Vocabulary::new(&state.lib)).did_you_mean(text)
}

/// Sets the filter to `text`; false (with the reason on the status line) if it is invalid.
pub fn apply_query_text(state: &mut State, text: &str) -> bool {
    match Query::parse(text) {
        Ok(q) => {
            let items = query::filter(&state.lib, &q, state.sort);
            state.filter.applied = text.to_string();
            state.filter.input = text.to_string();
            state.filter.highlight = q.highlight();
            state.filter.cursor = text.len();
            state.filter.suggestion = suggest(state, text);
            super::lists::set_items(state, View::Rounds, items);
            set_milestones(state, &q);
            super::timeline_sync::filter_changed(state);
            true
        }
        Err(e) => {
            say(state, e.to_string(), true);
            false
        }
    }
}

/// `x`: clears the filter of the view (its own in People and Topics, else the rounds').
pub fn clear(state: &mut State) {
    if lists::filter_text(state, state.view).is_some() {
        lists::set_filter(state, state.view, "");
        return;
    }
    clear_rounds(state);
}

/// Clears the rounds' query (the filter of Rounds, Timeline and Milestones).
pub fn clear_rounds(state: &mut State) {
    state.filter.editing = false;
    state.filter.error = None;
    apply_query_text(state, "");
}

pub fn cycle_sort(state: &mut State) {
    state.sort = state.sort.next();
    let text = state.filter.applied.clone();
    apply_query_text(state, &text);
    say(state, format!("sorted by {}", state.sort.label()), false);
}

/// Filters the milestones with the same query, keeping the selection when it stays.
fn set_milestones(state: &mut State, query: &Query) {
    let items = query::filter_milestones(&state.lib, query);
    let previous = state.milestones.current();
    let pane = &mut state.milestones;
    pane.selected = previous.and_then(|m| items.iter().position(|&i| i == m)).unwrap_or(0);
    pane.items = items;
    if state.view == View::Milestones && state.milestones.current() != previous {
        state.rebuild_detail();
    }
    scroll::keep_visible(state);
}
