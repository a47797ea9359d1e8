//! The tools that take a round or a source out of the browser: the copy menu (`y`, copied
//! through the terminal by the loop) and opening a source in the web browser (`o`, by a
//! job). Both say in the status line what happened.

use super::super::action::{Action, CopyWhat, Effect};
use super::super::clipboard;
use super::super::content::Link;
use super::super::copy::CopyMenu;
use super::super::state::{Focus, Overlay, State};
use super::say;

/// The source whose row the detail cursor is on, as a position in the dataset.
pub fn source_under_cursor(state: &State) -> Option<usize> {
    if state.focus != Focus::Detail {
        return None;
    }
    match state.detail.rows.get(state.detail.cursor)?.link? {
        Link::Source(s) => Some(s),
        _ => None,
    }
}

pub fn open_menu(state: &mut State) {
    let round = state.selected_round();
    let source = source_under_cursor(state);
    if round.is_none() && source.is_none() {
        let hint = "nothing to copy here: select a round, or put the detail cursor on a source";
        return say(state, hint, true);
    }
    state.overlay = Overlay::Copy(CopyMenu::new(&state.lib, round, source));
}

/// The keys of the open menu: a choice closes it and copies, unless it cannot.
pub fn act(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Copy(what) => choose(state, what),
        Action::Cancel => {
            state.overlay = Overlay::None;
            Vec::new()
        }
        Action::Quit => {
            state.quit = true;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn choose(state: &mut State, what: CopyWhat) -> Vec<Effect> {
    let Overlay::Copy(menu) = &state.overlay else { return Vec::new() };
    let Some(entry) = menu.entry(what).cloned() else { return Vec::new() };
    match entry.text {
        // The menu stays open: another choice may be possible.
        Err(why) => {
            say(state, format!("cannot copy the {}: {why}", entry.name), true);
            Vec::new()
        }
        Ok(text) => {
            state.overlay = Overlay::None;
            if let Some(why) = clipboard::too_long(&entry.name, &text) {
                say(state, why, true);
                return Vec::new();
            }
            vec![Effect::Copy { what: entry.name, text }]
        }
    }
}

/// `o`: the source under the cursor, opened by a job.
pub fn open_source(state: &mut State) -> Vec<Effect> {
    state.status = None;
    let url = source_under_cursor(state).and_then(|s| state.lib.data().sources.get(s)).map(|s| s.url.clone());
    match url {
        Some(url) => {
            say(state, format!("opening {url} …"), false);
            vec![Effect::Open(url)]
        }
        None => {
            say(
                state,
                "no source under the cursor: the sources end the detail (Tab, then ] to a link)",
                true,
            );
            Vec::new()
        }
    }
}

/// The loop's report of a copy or an opening.
pub fn reported(state: &mut State, result: Result<String, String>) {
    match result {
        Ok(text) => say(state, text, false),
        Err(text) => say(state, text, true),
    }
}
