//! Tests of the TUI through actions (update) and whole screens (render on TestBackend).

mod cached;
mod citations;
mod compare;
mod edit;
mod filter_bar;
mod highlight;
mod lists;
mod model;
mod perform;
mod reload;
mod screens;
mod sources;
mod timeline;
mod tools;
mod update;

use super::action::Action;
use super::state::State;
use super::update::update;
use crate::dataset::{self, Library};
use std::sync::Arc;

/// The shipped dataset, loaded the way the app loads it.
pub fn library() -> Arc<Library> {
    let (lib, _) = dataset::open(&[]).expect("the shipped dataset loads");
    Arc::new(lib)
}

pub fn state(width: u16, height: u16) -> State {
    let mut s = State::new(library(), width, height, true);
    // Fixed, so that screens showing where an export goes are the same on every machine.
    s.cwd = std::path::PathBuf::from("/home/analyst/notes");
    s.home = Some(std::path::PathBuf::from("/home/analyst"));
    s
}

/// Applies actions in order, returning the effects of the last one.
pub fn run(state: &mut State, actions: impl IntoIterator<Item = Action>) -> Vec<super::action::Effect> {
    let mut effects = Vec::new();
    for a in actions {
        effects = update(state, a);
    }
    effects
}

pub fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Insert).collect()
}

/// The id of the selected round.
pub fn selected_round(state: &State) -> Option<String> {
    state.rounds.current().map(|r| state.lib.data().rounds.get(r).expect("a round").id.clone())
}

/// Moves the detail cursor to the first row whose text contains `needle`.
pub fn cursor_to(state: &mut State, needle: &str) {
    let row = state.detail.rows.iter().position(|r| r.plain().contains(needle));
    let row = row.unwrap_or_else(|| panic!("no detail row contains {needle:?}"));
    state.focus = super::state::Focus::Detail;
    state.detail.cursor = row;
    super::update::update(state, Action::Resize(state.layout.area.width, state.layout.area.height));
}
