//! Marking a round and comparing it with the selected one: the comparison overlay, its
//! cursor, its links (followed through the history, which reopens the comparison on the
//! way back), and swapping its sides.

use super::super::action::{Action, View};
use super::super::content::Link;
use super::super::state::{Focus, Overlay, Place, State};
use super::say;

/// `m`: marks the selected round, or unmarks it when it is the marked one.
pub fn mark(state: &mut State) {
    let Some(r) = state.selected_round() else {
        return say(state, "m marks a round: select one in the rounds view (1) or the timeline (4)", true);
    };
    let id = state.lib.data().rounds.get(r).map_or(String::new(), |round| round.id.clone());
    if state.marked == Some(r) {
        state.marked = None;
        return say(state, format!("unmarked {id}"), false);
    }
    state.marked = Some(r);
    say(state, format!("marked {id}: select another round and press c to compare"), false);
}

/// `c`: compares the marked round (left) with the selected one (right).
pub fn open(state: &mut State) {
    let Some(left) = state.marked else {
        return say(state, "mark a round with m first, then select another and press c", true);
    };
    let Some(right) = state.selected_round() else {
        return say(
            state,
            "c compares the marked round with the selected one: select a round (1 or 4)",
            true,
        );
    };
    if left == right {
        return say(state, "this is the marked round: select another one to compare it with", true);
    }
    super::compare_view::show(state, left, right);
}

/// The keys of the comparison.
pub fn act(state: &mut State, action: Action) {
    let page = usize::from(super::compare_view::inner_height(state).max(1));
    let Overlay::Compare(view) = &mut state.overlay else { return };
    let last = view.rows.len().saturating_sub(1);
    let moved = |to: isize| to.clamp(0, last as isize) as usize;
    let at = view.cursor as isize;
    match action {
        Action::Down => view.cursor = moved(at + 1),
        Action::Up => view.cursor = moved(at - 1),
        Action::PageDown => view.cursor = moved(at + page as isize),
        Action::PageUp => view.cursor = moved(at - page as isize),
        Action::Top => view.cursor = 0,
        Action::Bottom => view.cursor = last,
        Action::NextLink | Action::PrevLink => {
            let here = view.rows.get(view.cursor).and_then(|r| r.link);
            let is_new = |i: &usize| view.rows[*i].link.is_some_and(|l| Some(l) != here);
            let found = if action == Action::NextLink {
                (view.cursor + 1..view.rows.len()).find(is_new)
            } else {
                (0..view.cursor).rev().find(is_new)
            };
            match found {
                Some(i) => view.cursor = i,
                None => return say(state, "no more links this way", false),
            }
        }
        Action::Swap => {
            let (left, right) = (view.right, view.left);
            super::compare_view::show(state, left, right);
            return say(state, "sides swapped", false);
        }
        Action::Follow => return follow(state),
        Action::Cancel => {
            state.overlay = Overlay::None;
            return;
        }
        _ => {}
    }
    super::compare_view::keep_visible(state);
}

/// Follows the link on the cursor's row: a round, a person or a topic.
fn follow(state: &mut State) {
    let Overlay::Compare(view) = &state.overlay else { return };
    let Some(link) = view.rows.get(view.cursor).and_then(|r| r.link) else {
        return say(state, "nothing to open on this line; rounds, people and topics are underlined", false);
    };
    let (view, item) = match link {
        Link::Round(r) => (View::Rounds, r),
        Link::Person(p) => (View::People, p),
        Link::Topic(t) => (View::Topics, t),
        Link::Milestone(m) => (View::Milestones, m),
        // A comparison lists no sources; kept for completeness of the match.
        Link::Source(_) => return say(state, "sources open from a round's detail (o)", false),
    };
    // The history records the comparison with the place under it, so Back reopens it.
    super::history::open(state, Place { view, item: Some(item), focus: Focus::Detail, cursor: 0 });
    state.overlay = Overlay::None;
}
