//! Model-based test: random key presses, mouse events and resizes at random terminal sizes
//! (1×1 to 300×100) go through the keymap and `update`, and after every step what a user
//! relies on still holds: each list's selection is inside the list and its scroll offset
//! does not pass the selection, the detail cursor is on a row, and the screen draws.

use super::super::action::{Action, Effect};
use super::super::keymap;
use super::super::state::State;
use super::super::ui;
use super::super::update::update;
use crate::dataset::{self, Library};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::sync::{Arc, LazyLock};

static LIBRARY: LazyLock<Arc<Library>> =
    LazyLock::new(|| Arc::new(dataset::open(&[]).map(|(lib, _)| lib).expect("the shipped dataset loads")));

/// One input event: a key, a mouse event or a resize.
#[derive(Debug, Clone)]
enum Step {
    Key(KeyCode, KeyModifiers),
    Click(u16, u16),
    Wheel(u16, u16, bool),
    Resize(u16, u16),
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    // The edges (1×1, too small, just big enough) more often than their share.
    prop_oneof![
        (1u16..=300, 1u16..=100),
        prop::sample::select(vec![(1, 1), (59, 14), (60, 15), (80, 24), (300, 100)]),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    let codes = prop::sample::select(vec![
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
    ]);
    // The letters, digits and signs the keymap binds, and some it does not.
    let chars = prop::sample::select("jkhlgGnNbfqy/?:evsx1234 -aiz,".chars().collect::<Vec<_>>());
    let mods = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::CONTROL,
        KeyModifiers::SHIFT,
    ]);
    prop_oneof![
        6 => (codes, mods.clone()).prop_map(|(c, m)| Step::Key(c, m)),
        6 => (chars, mods).prop_map(|(c, m)| Step::Key(KeyCode::Char(c), m)),
        1 => (0u16..320, 0u16..110).prop_map(|(x, y)| Step::Click(x, y)),
        1 => (0u16..320, 0u16..110, any::<bool>()).prop_map(|(x, y, d)| Step::Wheel(x, y, d)),
        1 => size().prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

fn action(state: &State, step: &Step) -> Option<Action> {
    match *step {
        Step::Key(code, mods) => keymap::lookup(state.context(), KeyEvent::new(code, mods)),
        Step::Click(column, row) => Some(Action::Click { column, row }),
        Step::Wheel(column, row, down) => Some(Action::Wheel { column, row, down }),
        Step::Resize(w, h) => Some(Action::Resize(w, h)),
    }
}

/// The invariants, as a message naming the one that broke.
fn check(state: &State) -> Result<(), String> {
    for (name, pane) in [
        ("rounds", &state.rounds),
        ("people", &state.people),
        ("topics", &state.topics),
        ("milestones", &state.milestones),
    ] {
        let len = pane.items.len();
        if len > 0 && pane.selected >= len || len == 0 && pane.selected > 0 {
            return Err(format!("{name}: selection {} outside a list of {len}", pane.selected));
        }
        if pane.offset > pane.selected {
            return Err(format!("{name}: offset {} past the selection {}", pane.offset, pane.selected));
        }
    }
    let rows = state.detail.rows.len();
    if rows > 0 && state.detail.cursor >= rows || rows == 0 && state.detail.cursor > 0 {
        return Err(format!("detail: cursor {} outside {rows} rows", state.detail.cursor));
    }
    Ok(())
}

fn draw(state: &State, width: u16, height: u16) -> Result<(), String> {
    let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height));
    let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _ = terminal.draw(|frame| ui::render(state, frame));
    }));
    drawn.map_err(|_| format!("render panicked at {width}×{height}"))
}

proptest! {
    // Few cases, short sequences: under a few seconds in a debug build.
    #![proptest_config(ProptestConfig { cases: 48, max_shrink_iters: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_input_at_random_sizes_keeps_the_invariants(
        (width, height) in size(),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        let mut state = State::new(Arc::clone(&LIBRARY), width, height, true);
        let (mut w, mut h) = (width, height);
        check(&state).map_err(|e| TestCaseError::fail(format!("at start: {e}")))?;
        for (n, step) in steps.iter().enumerate() {
            if let Step::Resize(nw, nh) = *step {
                (w, h) = (nw, nh);
            }
            if let Some(action) = action(&state, step) {
                let mut pending = update(&mut state, action);
                // The export is not performed; the loop's answer to a failure is.
                while let Some(Effect::Export { .. }) = pending.pop() {
                    pending.extend(update(&mut state, Action::ExportDone(Err("not written in tests".into()))));
                }
            }
            check(&state).map_err(|e| TestCaseError::fail(format!("after step {n} ({step:?}): {e}")))?;
            draw(&state, w, h).map_err(|e| TestCaseError::fail(format!("after step {n} ({step:?}): {e}")))?;
        }
    }
}
