//! Marking a round and comparing it with the selected one, through actions.

use super::*;
use crate::tui::action::View;
use crate::tui::content::Link;
use crate::tui::keymap::Context;
use crate::tui::state::Overlay;

fn select(s: &mut State, id: &str) {
    run(s, [Action::OpenFilter].into_iter().chain(typed(&format!("id:{id}"))).chain([Action::Confirm]));
    run(s, [Action::ClearFilter]);
    assert_eq!(selected_round(s).as_deref(), Some(id), "selected {id}");
}

/// The comparison of the two Istanbul consultations, the first marked.
fn istanbul(w: u16, h: u16) -> State {
    let mut s = state(w, h);
    select(&mut s, "2025-02-27-istanbul");
    run(&mut s, [Action::Mark]);
    select(&mut s, "2025-04-10-istanbul");
    run(&mut s, [Action::Compare]);
    s
}

fn view(s: &State) -> &crate::tui::state::CompareView {
    match &s.overlay {
        Overlay::Compare(v) => v,
        _ => panic!("the comparison is open"),
    }
}

fn rows(s: &State) -> Vec<String> {
    view(s).rows.iter().map(|r| format!("{}|{}|{}", r.label.trim(), r.left, r.right)).collect()
}

#[test]
fn m_marks_and_c_compares_the_marked_round_with_the_selected_one() {
    let s = istanbul(100, 30);
    assert_eq!(s.context(), Context::Compare);
    let v = view(&s);
    let lib = &s.lib;
    assert_eq!(lib.data().rounds.get(v.left).expect("a round").id, "2025-02-27-istanbul");
    assert_eq!(lib.data().rounds.get(v.right).expect("a round").id, "2025-04-10-istanbul");
    let rows = rows(&s);
    assert!(rows.iter().any(|r| r == "Date|2025-02-27|2025-04-10"), "{rows:#?}");
    // Darchiev led both, with another post the second time: flagged.
    let darchiev = v.rows.iter().find(|r| r.label.contains("Alexander")).expect("Darchiev's row");
    assert!(darchiev.differs && darchiev.left.starts_with("head · Director"));
    assert!(darchiev.right.starts_with("head · Ambassador"));
    // The format is the same: not flagged.
    assert!(!v.rows.iter().find(|r| r.label.trim() == "Format").unwrap().differs);
}

#[test]
fn marking_and_comparing_say_what_is_missing() {
    let mut s = state(100, 30);
    run(&mut s, [Action::Compare]);
    assert!(s.status.as_ref().is_some_and(|st| st.error && st.text.contains("mark a round with m")));
    run(&mut s, [Action::Mark, Action::Compare]);
    assert!(s.status.as_ref().is_some_and(|st| st.text.contains("this is the marked round")));
    run(&mut s, [Action::Mark]);
    assert_eq!(s.marked, None, "m again unmarks");
    run(&mut s, [Action::Show(View::People), Action::Mark]);
    assert!(s.status.as_ref().is_some_and(|st| st.error));
    assert_eq!(s.marked, None);
}

#[test]
fn the_timeline_selection_can_be_marked_and_compared() {
    let mut s = state(100, 30);
    run(&mut s, [Action::Show(View::Timeline), Action::Mark, Action::Later, Action::Compare]);
    let v = view(&s);
    assert_eq!(s.lib.data().rounds.get(v.left).expect("a round").id, "2025-02-11-witkoff-moscow");
    assert_eq!(s.lib.data().rounds.get(v.right).expect("a round").id, "2025-02-12-bessent-kyiv");
}

#[test]
fn links_are_followed_and_back_reopens_the_comparison() {
    let mut s = istanbul(100, 30);
    // The first link is round A; the next ones B, then Darchiev.
    run(&mut s, [Action::NextLink, Action::NextLink]);
    assert!(matches!(view(&s).rows[view(&s).cursor].link, Some(Link::Person(_))));
    run(&mut s, [Action::Follow]);
    assert!(matches!(s.overlay, Overlay::None));
    assert_eq!(s.view, View::People);
    let person = s.people.current().map(|p| s.lib.data().people[p].id.clone());
    assert_eq!(person.as_deref(), Some("darchiev"));
    run(&mut s, [Action::Back]);
    assert_eq!(s.view, View::Rounds);
    let v = view(&s);
    assert_eq!(
        s.lib.data().rounds.get(v.left).expect("a round").id,
        "2025-02-27-istanbul",
        "the comparison is open again"
    );
    // Round B's line opens it in the Rounds view.
    run(&mut s, [Action::Top, Action::Down, Action::Follow]);
    assert_eq!(selected_round(&s).as_deref(), Some("2025-04-10-istanbul"));
    assert_eq!(s.focus, crate::tui::state::Focus::Detail);
}

#[test]
fn back_returns_to_the_line_of_the_comparison_that_was_followed() {
    let mut s = istanbul(100, 30);
    // Far down the comparison: a page and more, then the next link from there.
    run(&mut s, [Action::PageDown, Action::PageDown, Action::NextLink]);
    let (cursor, scroll) = (view(&s).cursor, view(&s).scroll);
    assert!(scroll > 0 && view(&s).rows[cursor].link.is_some(), "a link below the first screen");
    run(&mut s, [Action::Follow]);
    assert!(matches!(s.overlay, Overlay::None));
    run(&mut s, [Action::Back]);
    assert_eq!((view(&s).cursor, view(&s).scroll), (cursor, scroll), "not the top");
    // And again after Forward and Back.
    run(&mut s, [Action::Forward, Action::Back]);
    assert_eq!((view(&s).cursor, view(&s).scroll), (cursor, scroll));
}

#[test]
fn swapping_moving_and_closing() {
    let mut s = istanbul(100, 30);
    run(&mut s, [Action::Swap]);
    assert_eq!(s.lib.data().rounds.get(view(&s).left).expect("a round").id, "2025-04-10-istanbul");
    run(&mut s, [Action::Bottom]);
    let v = view(&s);
    assert_eq!(v.cursor, v.rows.len() - 1);
    assert!(v.scroll > 0 && v.cursor < v.scroll + 27);
    run(&mut s, [Action::PageUp, Action::Top]);
    assert_eq!((view(&s).cursor, view(&s).scroll), (0, 0));
    // A narrower screen wraps the rows again, keeping the line under the cursor.
    run(&mut s, [Action::Down, Action::Down, Action::Down, Action::Down]);
    let label = view(&s).rows[view(&s).cursor].label.clone();
    run(&mut s, [Action::Resize(60, 20)]);
    assert_eq!(view(&s).rows[view(&s).cursor].label.trim(), label.trim());
    run(&mut s, [Action::Cancel]);
    assert!(matches!(s.overlay, Overlay::None));
    assert_eq!(s.context(), Context::Browse);
}
