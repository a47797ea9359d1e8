//! `update(&mut State, Action) -> Vec<Effect>`: the only place state changes. No I/O.
//!
//! Split by concern: moving and following links (`nav`), the filter bar and sorting
//! (`filter`), the dialogs (`dialogs`), the timeline view (`timeline`), the comparison
//! of two rounds (`compare`), copying and opening sources (`copy`), and a new library under
//! the browser after a reload (`reload`).

mod compare;
mod compare_view;
mod copy;
mod dialogs;
pub mod edit;
mod filter;
mod history;
mod line_edit;
mod lists;
mod nav;
pub mod reload;
mod scroll;
mod timeline;
mod timeline_sync;

use super::action::{Action, Effect};
use super::keymap::Context;
use super::layout::Layout;
use super::state::{Overlay, State, Status};

pub use filter::apply_query_text;

pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit => state.quit = true,
        Action::Resize(w, h) => resize(state, w, h),
        Action::ExportDone(result) => dialogs::export_done(state, result),
        Action::ExportExists(path) => dialogs::export_exists(state, path),
        Action::ExportPartial(path, skipped) => dialogs::export_partial(state, path, skipped),
        Action::Copied(result) | Action::Opened(result) => copy::reported(state, result),
        Action::Reloaded(outcome) => reload::reloaded(state, outcome),
        Action::Edit if reload::needs_whole(state, "editing") => {}
        Action::Edit => return edit::edit(state),
        Action::Edited(result) => edit::edited(state, result),
        Action::DatasetWritten(result, then) => return edit::dataset_written(state, result, then),
        Action::RecallSaved(Err(why)) => say(state, format!("the filter history was not saved: {why}"), true),
        Action::RecallSaved(Ok(())) => {}
        _ => return dispatch(state, action),
    }
    Vec::new()
}

fn dispatch(state: &mut State, action: Action) -> Vec<Effect> {
    match state.context() {
        Context::Help => dialogs::help(state, action),
        Context::Picker => dialogs::picker(state, action),
        Context::Export | Context::Confirm => return dialogs::export(state, action),
        Context::Filter => return filter::edit(state, action),
        Context::Timeline => timeline::act(state, action),
        Context::Compare => compare::act(state, action),
        Context::Commands => dialogs::commands(state, action),
        Context::Copy => return copy::act(state, action),
        Context::Browse if action == Action::OpenSource => return copy::open_source(state),
        Context::Problems => reload::panel(state, action),
        Context::SaveDataset => return edit::prompt(state, action),
        Context::Browse | Context::Global => browse(state, action),
    }
    Vec::new()
}

/// The keys of every view (and the lists' own, which `nav` handles).
fn browse(state: &mut State, action: Action) {
    // A new intention replaces an old message, except the one it may produce itself.
    state.status = None;
    match action {
        Action::OpenFilter => filter::open(state),
        Action::ClearFilter => filter::clear(state),
        Action::CycleSort => filter::cycle_sort(state),
        Action::OpenVenues => dialogs::open_venues(state),
        Action::OpenExport | Action::OpenExportAll if reload::needs_whole(state, "exporting") => {}
        Action::Compare if reload::needs_whole(state, "comparing") => {}
        Action::OpenExport => dialogs::open_export(state),
        Action::OpenExportAll => dialogs::open_export_all(state),
        Action::Mark => compare::mark(state),
        Action::Compare => compare::open(state),
        Action::ShowCommands => dialogs::open_commands(state),
        Action::OpenCopy if reload::needs_whole(state, "copying") => {}
        Action::OpenCopy => copy::open_menu(state),
        Action::ToggleProblems => reload::open_panel(state),
        Action::ToggleHelp => state.overlay = Overlay::Help { scroll: 0 },
        other => nav::navigate(state, other),
    }
}

fn resize(state: &mut State, width: u16, height: u16) {
    let old_width = state.layout.detail_inner.width;
    state.layout = Layout::new(width, height);
    if state.layout.detail_inner.width != old_width {
        let cursor = state.detail.cursor;
        state.rebuild_detail();
        state.detail.cursor = cursor.min(state.detail.rows.len().saturating_sub(1));
    }
    scroll::keep_visible(state);
    compare_view::rewrap(state);
}

pub(super) fn say(state: &mut State, text: impl Into<String>, error: bool) {
    state.status = Some(Status { text: text.into(), error });
}
