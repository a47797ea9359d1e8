//! The browser over a library read back from the load cache, whose rounds and sources are
//! decoded only when something shows them: every screen must read as it does over the
//! library parsed from the files.

use super::screens::screen_text;
use super::{run, typed};
use crate::dataset::cache::tests::{open, setup};
use crate::dataset::{Library, Origin};
use crate::tui::action::{Action, View};
use crate::tui::state::State;
use std::sync::Arc;

/// The shipped dataset opened twice through a cache of any size: parsed, then read back.
fn parsed_and_cached() -> (Library, Library) {
    let s = setup();
    let (parsed, _, origin, _) = open(&s);
    assert_eq!(origin, Origin::Files);
    let (cached, _, origin, _) = open(&s);
    assert_eq!(origin, Origin::Cache);
    (parsed, cached)
}

#[test]
fn every_view_reads_the_same_over_rounds_decoded_when_shown() {
    let (parsed, cached) = parsed_and_cached();
    assert!(cached.data().rounds.is_lazy() && cached.data().sources.is_lazy());
    // What each step does, and a text its screen must show (so that two blank screens do
    // not pass).
    let filter = [Action::OpenFilter].into_iter().chain(typed("istanbul")).chain([Action::Confirm]);
    let steps: Vec<(&str, Vec<Action>, &str)> = vec![
        ("the rounds list and a detail", vec![Action::Down, Action::Down], "Delegations"),
        ("a filtered list", filter.collect(), "Istanbul"),
        ("a round's sources", vec![Action::FocusNext, Action::Bottom], "http"),
        ("a link followed", vec![Action::Top, Action::NextLink, Action::Follow], "Date"),
        ("people", vec![Action::Show(View::People), Action::Down], "People ("),
        ("topics", vec![Action::Show(View::Topics), Action::Down], "Topics ("),
        ("the timeline", vec![Action::Show(View::Timeline)], "2025"),
        ("milestones", vec![Action::Show(View::Milestones), Action::Down], "Milestones ("),
    ];
    let mut over_files = State::new(Arc::new(parsed), 120, 35, true);
    let mut over_cache = State::new(Arc::new(cached), 120, 35, true);
    for (what, actions, shows) in steps {
        run(&mut over_files, actions.clone());
        run(&mut over_cache, actions);
        let screen = screen_text(&over_cache);
        assert!(screen.contains(shows), "{what}: no {shows:?} in\n{screen}");
        assert_eq!(screen, screen_text(&over_files), "{what}");
    }
}
