//! The filter bar as a line editor: the cursor, readline keys, the history kept between
//! runs, "did you mean" for misspelt values, and errors shown whole.

use super::screens::{draw, screen_text};
use super::*;
use crate::tui::action::{EditOp, Effect, View};
use crate::tui::keymap::{lookup, Context};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;

fn open_with(s: &mut State, text: &str) {
    run(s, [Action::OpenFilter].into_iter().chain(typed(text)));
}

#[test]
fn the_readline_keys_are_in_the_keymap() {
    let key = |code, mods| lookup(Context::Filter, KeyEvent::new(code, mods));
    let (none, ctrl, alt) = (KeyModifiers::NONE, KeyModifiers::CONTROL, KeyModifiers::ALT);
    assert_eq!(key(KeyCode::Left, none), Some(Action::LineEdit(EditOp::Left)));
    assert_eq!(key(KeyCode::Right, none), Some(Action::LineEdit(EditOp::Right)));
    assert_eq!(key(KeyCode::Home, none), Some(Action::LineEdit(EditOp::Home)));
    assert_eq!(key(KeyCode::Char('a'), ctrl), Some(Action::LineEdit(EditOp::Home)));
    assert_eq!(key(KeyCode::Char('e'), ctrl), Some(Action::LineEdit(EditOp::End)));
    assert_eq!(key(KeyCode::Char('u'), ctrl), Some(Action::LineEdit(EditOp::KillToStart)));
    assert_eq!(key(KeyCode::Char('k'), ctrl), Some(Action::LineEdit(EditOp::KillToEnd)));
    assert_eq!(key(KeyCode::Char('b'), alt), Some(Action::LineEdit(EditOp::WordLeft)));
    assert_eq!(key(KeyCode::Char('f'), alt), Some(Action::LineEdit(EditOp::WordRight)));
    assert_eq!(key(KeyCode::Left, ctrl), Some(Action::LineEdit(EditOp::WordLeft)));
    assert_eq!(key(KeyCode::Right, ctrl), Some(Action::LineEdit(EditOp::WordRight)));
    assert_eq!(key(KeyCode::Char('w'), ctrl), Some(Action::DeleteWord));
    assert_eq!(key(KeyCode::Up, none), Some(Action::Up));
    assert_eq!(key(KeyCode::Down, none), Some(Action::Down));
    // Alt-b is a motion, not a `b` typed into the query.
    assert_ne!(key(KeyCode::Char('b'), alt), Some(Action::Insert('b')));
}

#[test]
fn typing_in_the_middle_fixes_a_query_and_applies_it() {
    let mut s = state(100, 30);
    open_with(&mut s, "vnue:istanbul");
    assert!(s.filter.error.is_some(), "`vnue` is not a field");
    run(&mut s, [Action::LineEdit(EditOp::Home), Action::LineEdit(EditOp::Right), Action::Insert('e')]);
    assert_eq!((s.filter.input.as_str(), s.filter.cursor), ("venue:istanbul", 2));
    assert_eq!(s.filter.applied, "venue:istanbul");
    assert_eq!(s.rounds.items.len(), 8);
    // Ctrl-k keeps what is before the cursor; Ctrl-e, then Ctrl-u clears it all.
    run(&mut s, [Action::LineEdit(EditOp::WordRight), Action::LineEdit(EditOp::KillToEnd)]);
    assert_eq!(s.filter.input, "venue");
    run(&mut s, [Action::LineEdit(EditOp::End), Action::LineEdit(EditOp::KillToStart)]);
    assert_eq!((s.filter.input.as_str(), s.filter.applied.as_str()), ("", ""));
    assert_eq!(s.rounds.items.len(), 100);
    // Ctrl-w deletes the term before the cursor, not the last one.
    open_with(&mut s, "venue:istanbul date:2025");
    run(&mut s, [Action::LineEdit(EditOp::WordLeft), Action::LineEdit(EditOp::WordLeft), Action::DeleteWord]);
    assert_eq!(s.filter.input, "date:2025");
}

#[test]
fn the_cursor_is_drawn_where_it_is() {
    let mut s = state(100, 30);
    open_with(&mut s, "venue:istanbul");
    run(&mut s, [Action::LineEdit(EditOp::WordLeft)]);
    let buffer = draw(&s);
    let y = s.layout.bar.y;
    // `/ venue:istanbul`: the `i` of istanbul is column 2 + 6.
    let cell = &buffer[(8, y)];
    assert_eq!(cell.symbol(), "i");
    assert!(cell.modifier.contains(Modifier::REVERSED), "the cursor cell is reversed");
    assert!(!buffer[(9, y)].modifier.contains(Modifier::REVERSED));
    // A text longer than the bar keeps the cursor in view.
    let long = format!("{} venue:istanbul", "date:2025".repeat(20));
    let mut s = state(60, 20);
    open_with(&mut s, &long);
    let bar = screen_text(&s).lines().nth(usize::from(s.layout.bar.y)).unwrap_or_default().to_string();
    assert!(bar.starts_with("/ …") && bar.ends_with("venue:istanbul█"), "{bar:?}");
}

#[test]
fn up_and_down_go_through_the_history_and_enter_records_a_query_to_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("talks").join("history");
    let mut s = state(100, 30);
    s.set_recall(crate::tui::recall::Recall::parse("date:2025\nvenue:riyadh\n"), path.clone());
    open_with(&mut s, "person:lavrov");
    run(&mut s, [Action::Up]);
    assert_eq!(s.filter.input, "venue:riyadh");
    assert_eq!(s.filter.applied, "venue:riyadh", "a recalled query is applied at once");
    run(&mut s, [Action::Up, Action::Up]);
    assert_eq!(s.filter.input, "date:2025", "the oldest stays");
    run(&mut s, [Action::Down, Action::Down]);
    assert_eq!(s.filter.input, "person:lavrov", "back to what was typed");
    let effects = run(&mut s, [Action::Confirm]);
    let text = "date:2025\nvenue:riyadh\nperson:lavrov\n".to_string();
    assert_eq!(effects, vec![Effect::SaveRecall { path: path.clone(), text }]);
    // The loop writes it; the next run reads it.
    let answer =
        crate::tui::perform(&s.lib, effects[0].clone(), &crate::tui::jobs::Jobs::new(), &mut Vec::new());
    assert_eq!(answer, Some(Action::RecallSaved(Ok(()))));
    let loaded = crate::tui::recall::load(&path);
    assert_eq!(loaded.entries(), ["date:2025", "venue:riyadh", "person:lavrov"]);
    // The same query again: nothing to save.
    open_with(&mut s, "");
    run(&mut s, [Action::Up]);
    assert!(run(&mut s, [Action::Confirm]).is_empty());
    // A history that cannot be written is said, once, and the browser goes on.
    run(&mut s, [Action::RecallSaved(Err("disk full".into()))]);
    assert!(s.status.as_ref().is_some_and(|st| st.error && st.text.contains("disk full")));
}

#[test]
fn a_misspelt_value_gets_a_did_you_mean() {
    let mut s = state(100, 30);
    open_with(&mut s, "venue:istambul");
    assert_eq!(s.filter.suggestion, ["venue:istanbul"]);
    assert!(screen_text(&s).contains("did you mean venue:istanbul?"));
    // Kept, the empty list says it too.
    run(&mut s, [Action::Confirm]);
    let screen = screen_text(&s);
    assert!(screen.contains("Did you mean") && screen.contains("  venue:istanbul?"), "{screen}");
    run(&mut s, [Action::DeleteWord]);
    open_with(&mut s, "venue:istanbul");
    assert!(s.filter.suggestion.is_empty());
}

#[test]
fn a_long_error_is_shown_whole_above_the_bar() {
    let mut s = state(60, 20);
    open_with(&mut s, "venue:istanbul date:2025-99 person:darchiev");
    let err = s.filter.error.clone().expect("an invalid date");
    assert!(err.chars().count() > 60, "longer than the bar: {err}");
    let screen = screen_text(&s);
    let flat: String = screen.split_whitespace().collect();
    let whole: String = err.split_whitespace().collect();
    assert!(flat.contains(&whole), "{err}\n{screen}");
    insta::assert_snapshot!("filter_error_60x20", screen);
}

#[test]
fn the_footer_offers_the_history_only_to_the_round_filter_which_has_one() {
    let footer = |s: &State| screen_text(s).lines().last().unwrap_or_default().to_string();
    let mut rounds = state(140, 30);
    run(&mut rounds, [Action::OpenFilter]);
    assert!(footer(&rounds).contains("history"), "{}", footer(&rounds));
    let mut people = state(140, 30);
    run(&mut people, [Action::Show(View::People), Action::OpenFilter]);
    assert!(people.filter.editing, "the People filter is being edited");
    assert!(!footer(&people).contains("history"), "{}", footer(&people));
}
