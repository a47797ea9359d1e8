//! The comparison overlay's state: opening it on two rounds, wrapping its rows to the
//! screen and keeping its cursor on screen. The keys that act on it are in `compare`.

use super::super::content::compare_rows;
use super::super::state::{CompareView, Overlay, State};
use crate::export::compare::compare;

/// Opens the comparison of `left` and `right` at its top.
pub fn show(state: &mut State, left: usize, right: usize) {
    let Some(comparison) = compare(&state.lib, left, right) else { return };
    let lines = comparison.lines();
    let rows = compare_rows(&state.lib, &lines, inner_width(state));
    state.overlay = Overlay::Compare(CompareView { left, right, lines, rows, cursor: 0, scroll: 0 });
}

/// Puts the cursor and the scroll back where they were (a screen resized since keeps the
/// cursor in view).
pub fn place(state: &mut State, cursor: usize, scroll: usize) {
    let Overlay::Compare(view) = &mut state.overlay else { return };
    let last = view.rows.len().saturating_sub(1);
    view.cursor = cursor.min(last);
    view.scroll = scroll.min(last);
    keep_visible(state);
}

/// Wraps the rows again for the screen's width (after a resize), keeping the cursor on
/// the line it was on.
pub fn rewrap(state: &mut State) {
    let width = inner_width(state);
    let Overlay::Compare(view) = &mut state.overlay else { return };
    let line_of = |rows: &[super::super::content::CompareRow], at: usize| {
        rows[..=at.min(rows.len().saturating_sub(1))].iter().filter(|r| r.first).count()
    };
    let line = if view.rows.is_empty() { 0 } else { line_of(&view.rows, view.cursor) };
    view.rows = compare_rows(&state.lib, &view.lines, width);
    let mut seen = 0;
    view.cursor = view
        .rows
        .iter()
        .position(|r| {
            seen += usize::from(r.first);
            seen == line
        })
        .unwrap_or(0);
    keep_visible(state);
}

pub(super) fn keep_visible(state: &mut State) {
    let height = usize::from(inner_height(state).max(1));
    let Overlay::Compare(view) = &mut state.overlay else { return };
    if view.cursor < view.scroll {
        view.scroll = view.cursor;
    } else if view.cursor >= view.scroll + height {
        view.scroll = view.cursor + 1 - height;
    }
    view.scroll = view.scroll.min(view.rows.len().saturating_sub(height));
}

fn inner_width(state: &State) -> u16 {
    state.layout.body().width.saturating_sub(2)
}

pub(super) fn inner_height(state: &State) -> u16 {
    state.layout.body().height.saturating_sub(2)
}
