//! A new library under the browser (live reload): the user's place kept by id, and the
//! problems panel when the files no longer load.

use super::*;
use crate::model::Dataset;
use crate::tui::action::{DiskProblem, Reloaded, View};
use crate::tui::state::{Focus, Overlay};
use crate::tui::update::reload::replace_library;

/// The shipped dataset changed as a curator would change it, validated like a reload.
fn edited(change: impl FnOnce(&mut Dataset)) -> Arc<Library> {
    let mut data = library().data().clone();
    change(&mut data);
    let (lib, _) = dataset::open_dataset(data).expect("the edited dataset is valid");
    Arc::new(lib)
}

/// A round added before every other in the file: every position after it moves by one.
fn with_a_round_first(data: &mut Dataset) {
    let mut round = data.rounds.first().expect("a round").clone();
    round.id = "2024-12-31-added".into();
    round.title = "A round added at the top of the file".into();
    data.rounds.to_mut().insert(0, round);
}

fn retitle(data: &mut Dataset, id: &str, title: &str) {
    let round = data.rounds.to_mut().iter_mut().find(|r| r.id == id).expect("the round");
    round.title = title.into();
}

fn problem(text: &str) -> DiskProblem {
    DiskProblem { text: text.into(), file: Some("data.ron".into()), line: 3 }
}

#[test]
fn the_selected_round_filter_focus_and_mark_are_kept_by_id_when_positions_move() {
    let mut s = state(100, 30);
    run(&mut s, [Action::OpenFilter].into_iter().chain(typed("venue:istanbul")).chain([Action::Confirm]));
    run(&mut s, [Action::Down, Action::Mark, Action::Down, Action::Down, Action::FocusNext, Action::Down]);
    let selected = selected_round(&s).expect("a round");
    let marked = s.marked.map(|r| s.lib.data().rounds.get(r).expect("a round").id.clone());
    let (row, cursor) = (s.rounds.selected, s.detail.cursor);
    let new = edited(|d| {
        with_a_round_first(d);
        retitle(d, &selected, "Retitled by the curator");
    });
    replace_library(&mut s, new);
    assert_eq!(selected_round(&s).as_deref(), Some(selected.as_str()));
    assert_eq!(s.rounds.selected, row, "the same row of the same filtered list");
    assert_eq!(s.filter.applied, "venue:istanbul");
    assert_eq!(s.rounds.items.len(), 8);
    assert_eq!((s.focus, s.detail.cursor), (Focus::Detail, cursor));
    assert_eq!(s.marked.map(|r| s.lib.data().rounds.get(r).expect("a round").id.clone()), marked);
    assert!(
        s.detail.rows.iter().any(|r| r.plain().contains("Retitled by the curator")),
        "the detail is rebuilt"
    );
}

#[test]
fn a_round_that_is_gone_leaves_the_list_at_the_same_row() {
    let mut s = state(100, 30);
    run(&mut s, [Action::Down, Action::Down, Action::Down]);
    let gone = selected_round(&s).expect("a round");
    let next = s.lib.data().rounds.get(s.rounds.items[4]).expect("a round").id.clone();
    let new = edited(|d| {
        d.rounds.to_mut().retain(|r| r.id != gone);
        for m in &mut d.milestones {
            m.rounds.retain(|r| *r != gone);
        }
        for r in d.rounds.to_mut() {
            r.links.retain(|l| l.round != gone);
        }
    });
    replace_library(&mut s, new);
    assert_eq!(s.rounds.selected, 3);
    assert_eq!(selected_round(&s), Some(next), "the round that followed it takes its row");
}

#[test]
fn the_other_views_history_and_comparison_follow_their_items() {
    let mut s = state(100, 30);
    // A comparison, open over the rounds list.
    run(&mut s, [Action::Mark, Action::Down, Action::Compare]);
    let Overlay::Compare(before) = &s.overlay else { panic!("the comparison opens") };
    let ids = |s: &State, l: usize, r: usize| {
        (
            s.lib.data().rounds.get(l).expect("a round").id.clone(),
            s.lib.data().rounds.get(r).expect("a round").id.clone(),
        )
    };
    let compared = ids(&s, before.left, before.right);
    replace_library(&mut s, edited(with_a_round_first));
    let Overlay::Compare(after) = &s.overlay else { panic!("the comparison stays open") };
    assert_eq!(ids(&s, after.left, after.right), compared);
    // A person selected in the People view, and a visit to a round in the history.
    let mut s = state(100, 30);
    run(&mut s, [Action::Down, Action::Show(View::People), Action::Down, Action::Down]);
    let person = s.people.current().map(|p| s.lib.data().people[p].id.clone());
    let visited = s
        .history
        .back
        .last()
        .and_then(|v| v.place.item)
        .map(|r| s.lib.data().rounds.get(r).expect("a round").id.clone());
    replace_library(&mut s, edited(with_a_round_first));
    assert_eq!(s.view, View::People);
    assert_eq!(s.people.current().map(|p| s.lib.data().people[p].id.clone()), person);
    let after = s
        .history
        .back
        .last()
        .and_then(|v| v.place.item)
        .map(|r| s.lib.data().rounds.get(r).expect("a round").id.clone());
    assert_eq!(after, visited);
}

#[test]
fn the_timeline_keeps_its_round_after_a_reload() {
    let mut s = state(120, 35);
    run(&mut s, [Action::Show(View::Timeline), Action::Later, Action::Later, Action::Later]);
    let r = s.selected_round().map(|r| s.lib.data().rounds.get(r).expect("a round").id.clone());
    replace_library(&mut s, edited(with_a_round_first));
    assert_eq!(s.view, View::Timeline);
    assert_eq!(s.selected_round().map(|r| s.lib.data().rounds.get(r).expect("a round").id.clone()), r);
}

#[test]
fn files_that_no_longer_load_keep_the_data_and_open_the_panel_until_they_load() {
    let mut s = state(100, 30);
    let before = Arc::clone(&s.lib);
    run(
        &mut s,
        [Action::Reloaded(Reloaded::Failed(vec![problem("data.ron:3:5: error: one"), problem("two")]))],
    );
    assert!(Arc::ptr_eq(&s.lib, &before), "the last good data stays");
    assert!(matches!(s.overlay, Overlay::Problems { selected: 0 }));
    run(&mut s, [Action::Down, Action::Down]);
    assert!(matches!(s.overlay, Overlay::Problems { selected: 1 }), "stops at the last problem");
    // `!` closes it and opens it again; a dataset that loads clears it.
    run(&mut s, [Action::ToggleProblems]);
    assert!(matches!(s.overlay, Overlay::None));
    // The same problems read again do not open it over the user's choice; new ones do.
    run(
        &mut s,
        [Action::Reloaded(Reloaded::Failed(vec![problem("data.ron:3:5: error: one"), problem("two")]))],
    );
    assert!(matches!(s.overlay, Overlay::None));
    run(&mut s, [Action::Reloaded(Reloaded::Failed(vec![problem("three")]))]);
    assert!(matches!(s.overlay, Overlay::Problems { selected: 0 }));
    run(&mut s, [Action::ToggleProblems, Action::ToggleProblems]);
    assert!(matches!(s.overlay, Overlay::Problems { .. }));
    let fixed = edited(|d| retitle(d, "2025-02-18-riyadh", "Fixed"));
    run(&mut s, [Action::Reloaded(Reloaded::Loaded(Arc::clone(&fixed)))]);
    assert!(Arc::ptr_eq(&s.lib, &fixed));
    assert!(matches!(s.overlay, Overlay::None));
    assert!(s.disk_problems.is_empty());
    assert_eq!(
        s.status.as_ref().map(|st| st.text.as_str()),
        Some("fixed: reloaded the dataset files: 100 rounds")
    );
    run(&mut s, [Action::ToggleProblems]);
    assert!(matches!(s.overlay, Overlay::None), "nothing to show");
}

#[test]
fn a_failed_reload_while_typing_a_filter_does_not_take_the_keys() {
    let mut s = state(100, 30);
    run(&mut s, [Action::OpenFilter, Action::Insert('x')]);
    run(&mut s, [Action::Reloaded(Reloaded::Failed(vec![problem("one")]))]);
    assert!(matches!(s.overlay, Overlay::None));
    assert!(s.filter.editing);
    assert!(s.status.as_ref().is_some_and(|st| st.error && st.text.contains("! shows why")));
}

#[test]
fn the_problems_panel_leaves_the_list_in_sight_and_highlights_the_selected_problem() {
    let mut s = state(100, 30);
    let parse = "data.ron:3:22: error: Expected comma; values are separated by `,`\nError:\n   ╭─[ data.ron:3:22 ]\n 3 │     version: \"0.1.0\" oops,";
    let unknown = "data.ron:80:20: error: round `2025-02-18-riyadh`, field `venue`: unknown venue `riyadh-palace`; add it to `venues` or fix the id";
    run(&mut s, [Action::Reloaded(Reloaded::Failed(vec![problem(parse), problem(unknown)])), Action::Down]);
    let screen = super::screens::screen_text(&s);
    insta::assert_snapshot!("problems_panel_100x30", screen);
}

/// The browser on the first rounds of the shipped data, as it starts on the top of a large
/// file: no sources yet, the whole load still to come.
fn on_the_top(rounds: usize) -> State {
    let mut data = library().data().clone();
    data.rounds.to_mut().truncate(rounds);
    data.sources.to_mut().clear();
    data.milestones.clear();
    let mut s = State::new(Arc::new(Library::index_unchecked(data)), 100, 30, false);
    crate::tui::update::reload::loading(&mut s, rounds, 1000);
    s
}

#[test]
fn the_top_of_a_large_file_is_browsable_and_marked_as_loading_until_the_whole_arrives() {
    let mut s = on_the_top(20);
    let screen = super::screens::screen_text(&s);
    assert!(screen.contains("20 of ~1,000 rounds · loading…"), "{screen}");
    let detail: Vec<String> = s.detail.rows.iter().map(|r| r.plain()).collect();
    assert!(
        detail.iter().any(|r| r.ends_with(": loading…")),
        "a source not in yet is said to be loading:\n{detail:#?}"
    );
    assert!(!detail.iter().any(|r| r.contains("unknown source")), "{detail:#?}");
    // Moving works; what needs every round and source says it waits.
    run(&mut s, [Action::Down, Action::Down]);
    let selected = selected_round(&s).expect("a round");
    for (action, what) in [
        (Action::OpenExport, "exporting"),
        (Action::OpenExportAll, "exporting"),
        (Action::Compare, "comparing"),
        (Action::OpenCopy, "copying"),
    ] {
        run(&mut s, [action]);
        assert!(matches!(s.overlay, Overlay::None), "{what}: no dialog on partial data");
        let status = s.status.clone().expect("a message");
        assert!(
            status.error
                && status.text.starts_with(&format!("{what} waits for the whole dataset: 20 of ~1,000"))
        );
    }
    // The whole load replaces it, keeping the place, and the mark goes.
    run(&mut s, [Action::Reloaded(Reloaded::Loaded(library()))]);
    assert_eq!(s.loading, None);
    assert_eq!(selected_round(&s).as_deref(), Some(selected.as_str()));
    assert_eq!(s.status.as_ref().map(|st| st.text.as_str()), Some("loaded all 100 rounds"));
    let screen = super::screens::screen_text(&s);
    assert!(screen.contains("100 of 100 rounds"), "{screen}");
    assert!(!screen.contains("loading…"), "{screen}");
    run(&mut s, [Action::OpenExport]);
    assert!(matches!(s.overlay, Overlay::Export(_)), "exporting works once it is all in");
}
