//! Keeping the selection and the detail cursor on screen after any change.

use super::super::action::View;
use super::super::state::State;

/// Adjusts list offsets and the detail scroll so that the selection and cursor are visible.
pub fn keep_visible(state: &mut State) {
    let list_h = usize::from(state.layout.list_inner.height.max(1));
    for view in View::ALL {
        let pane = state.pane_mut(view);
        pane.selected = pane.selected.min(pane.items.len().saturating_sub(1));
        pane.offset = scrolled(pane.offset, pane.selected, list_h, pane.items.len());
    }
    let detail_h = usize::from(state.layout.detail_inner.height.max(1));
    let d = &mut state.detail;
    d.cursor = d.cursor.min(d.rows.len().saturating_sub(1));
    d.scroll = scrolled(d.scroll, d.cursor, detail_h, d.rows.len());
    if state.view == View::Timeline {
        super::timeline_sync::keep_visible(state);
    }
}

/// The smallest change of `offset` that shows `index` in a window of `height`.
fn scrolled(offset: usize, index: usize, height: usize, len: usize) -> usize {
    let offset = if index < offset {
        index
    } else if index >= offset + height {
        index + 1 - height
    } else {
        offset
    };
    offset.min(len.saturating_sub(height))
}
