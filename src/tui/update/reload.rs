//! Replacing the library under the browser while keeping the user's place, and what a
//! reload of the dataset files reports (a new library, or the problems that keep the files
//! from loading, shown in a panel over the last good data).
//!
//! Everything the state holds refers to items by position in the dataset, and positions
//! change when a curator adds or removes an entity. So [`replace_library`] notes the ids of
//! what is selected, marked, compared, exported and in the history, swaps the library, and
//! finds each id again; an item that is gone leaves its list at the same row instead.

use super::super::action::{Action, DiskProblem, Reloaded, View};
use super::super::state::{people_order, topic_order, Focus, Overlay, State, Visit};
use super::{compare_view, say, scroll, timeline_sync};
use crate::dataset::Library;
use crate::model::Kind;
use crate::query::{self, Query};
use crate::text::thousands;
use std::sync::Arc;

/// The kind of item a view lists.
fn kind(view: View) -> Kind {
    match view {
        View::Rounds | View::Timeline => Kind::Round,
        View::People => Kind::Person,
        View::Topics => Kind::Topic,
        View::Milestones => Kind::Milestone,
    }
}

fn id_of(lib: &Library, kind: Kind, item: usize) -> Option<String> {
    let d = lib.data();
    let id = match kind {
        Kind::Round => &d.rounds.get(item)?.id,
        Kind::Person => &d.people.get(item)?.id,
        Kind::Topic => &d.topics.get(item)?.id,
        Kind::Milestone => &d.milestones.get(item)?.id,
        _ => return None,
    };
    Some(id.clone())
}

/// Where an item of the old library is in the new one.
struct Remap<'a> {
    old: &'a Library,
    new: &'a Library,
}

impl Remap<'_> {
    fn item(&self, kind: Kind, item: usize) -> Option<usize> {
        self.new.position(kind, &id_of(self.old, kind, item)?)
    }

    fn round(&self, r: usize) -> Option<usize> {
        self.item(Kind::Round, r)
    }

    fn visit(&self, mut visit: Visit) -> Visit {
        visit.place.item = visit.place.item.and_then(|i| self.item(kind(visit.place.view), i));
        visit.compare = visit.compare.and_then(|at| {
            Some(super::super::state::CompareAt {
                left: self.round(at.left)?,
                right: self.round(at.right)?,
                ..at
            })
        });
        visit
    }
}

/// A list's selection before the swap: the item, its row and the row it had on screen.
struct Spot {
    item: Option<usize>,
    selected: usize,
    on_screen: usize,
}

/// Puts a new library under the browser, keeping the view, the filter, the sort, the
/// focus, each list's selection and scroll, the detail cursor, the mark, the comparison,
/// the export dialog and the history wherever their items still exist (found by id).
/// An item that is gone leaves its list at the same row; a comparison or an export whose
/// rounds are all gone closes, saying so.
pub fn replace_library(state: &mut State, lib: Arc<Library>) {
    let old = std::mem::replace(&mut state.lib, Arc::clone(&lib));
    let map = Remap { old: &old, new: &lib };
    let spots: Vec<(View, Spot)> = [View::Rounds, View::People, View::Topics, View::Milestones]
        .into_iter()
        .map(|v| {
            let p = state.pane(v);
            let item = p.current().and_then(|i| map.item(kind(v), i));
            (v, Spot { item, selected: p.selected, on_screen: p.selected.saturating_sub(p.offset) })
        })
        .collect();
    let detail_kept =
        spots.iter().any(|(v, s)| *v == state.view && s.item.is_some()) && state.view != View::Timeline;
    let (cursor, detail_scroll) = (state.detail.cursor, state.detail.scroll);
    state.marked = state.marked.and_then(|r| map.round(r));
    let history = std::mem::take(&mut state.history);
    state.history.back = history.back.into_iter().map(|v| map.visit(v)).collect();
    state.history.forward = history.forward.into_iter().map(|v| map.visit(v)).collect();
    remap_timeline(state, &map);
    let overlay = remap_overlay(state, &map);
    drop(old);
    // The suggestions' names are the old dataset's: folded again when next needed.
    state.filter.vocabulary = std::sync::OnceLock::new();

    // The lists, as `State::new` builds them, with the filter in force (it parsed before,
    // and parsing does not depend on the data).
    let (topics, depth) = topic_order(&state.lib);
    state.people.items = people_order(&state.lib);
    state.topics.items = topics;
    state.topic_depth = depth;
    let q = Query::parse(&state.filter.applied).unwrap_or_default();
    state.rounds.items = query::filter(&state.lib, &q, state.sort);
    state.milestones.items = query::filter_milestones(&state.lib, &q);
    for (view, spot) in spots {
        let pane = state.pane_mut(view);
        match spot.item.and_then(|i| pane.items.iter().position(|&x| x == i)) {
            Some(at) => {
                pane.selected = at;
                pane.offset = at.saturating_sub(spot.on_screen);
            }
            None => pane.selected = spot.selected.min(pane.items.len().saturating_sub(1)),
        }
    }
    timeline_sync::filter_changed(state);
    state.rebuild_detail();
    if detail_kept {
        state.detail.cursor = cursor.min(state.detail.rows.len().saturating_sub(1));
        state.detail.scroll = detail_scroll;
    }
    if state.pane(state.view).items.is_empty() {
        state.focus = Focus::List;
    }
    scroll::keep_visible(state);
    restore_overlay(state, overlay);
}

/// The timeline's selection as the new library numbers it, for its rebuild to find.
fn remap_timeline(state: &mut State, map: &Remap) {
    let t = &mut state.timeline;
    let selected = t.pane.selected;
    match t.pane.current().and_then(|r| map.round(r)) {
        Some(r) => t.pane.items[selected] = r,
        // The rebuild falls back to the rounds list's selection, then to the nearest day.
        None => t.pane.items.clear(),
    }
    if t.on_milestones() {
        let lane = t.lane;
        if let Some(mark) = t.chart.lanes.get_mut(lane).and_then(|l| l.marks.get_mut(t.milestone)) {
            mark.item = map.item(Kind::Milestone, mark.item).unwrap_or(usize::MAX);
        }
    }
}

/// An overlay to open again over the new library.
enum Reopen {
    Keep(Overlay),
    Compare { left: usize, right: usize, cursor: usize, scroll: usize },
    Gone(&'static str),
}

fn remap_overlay(state: &mut State, map: &Remap) -> Reopen {
    match std::mem::replace(&mut state.overlay, Overlay::None) {
        Overlay::Compare(c) => match (map.round(c.left), map.round(c.right)) {
            (Some(left), Some(right)) => Reopen::Compare { left, right, cursor: c.cursor, scroll: c.scroll },
            _ => Reopen::Gone("a compared round is no longer in the dataset: the comparison closed"),
        },
        Overlay::Export(mut d) => {
            d.rounds = d.rounds.iter().filter_map(|&r| map.round(r)).collect();
            if d.rounds.is_empty() {
                Reopen::Gone("the rounds to export are no longer in the dataset: the export closed")
            } else {
                Reopen::Keep(Overlay::Export(d))
            }
        }
        other => Reopen::Keep(other),
    }
}

fn restore_overlay(state: &mut State, overlay: Reopen) {
    match overlay {
        Reopen::Keep(o) => state.overlay = o,
        Reopen::Compare { left, right, cursor, scroll } => {
            compare_view::show(state, left, right);
            if let Overlay::Compare(view) = &mut state.overlay {
                view.cursor = cursor.min(view.rows.len().saturating_sub(1));
                view.scroll = scroll;
            }
            compare_view::keep_visible(state);
        }
        Reopen::Gone(why) => say(state, why, true),
    }
}

/// The watcher read the dataset files again.
/// Starts the browser on the top of a large file: rows show, marked as loading, until the
/// whole load arrives as [`Reloaded::Loaded`].
pub fn loading(state: &mut State, loaded: usize, estimate: usize) {
    state.loading = Some(super::super::state::Loading { loaded, estimate });
}

/// What the user asked for needs every round and source, and only the top of the file is
/// in: says so instead.
pub fn needs_whole(state: &mut State, what: &str) -> bool {
    let Some(l) = state.loading else { return false };
    say(
        state,
        format!(
            "{what} waits for the whole dataset: {} of ~{} rounds loaded so far",
            thousands(l.loaded),
            thousands(l.estimate)
        ),
        true,
    );
    true
}

pub fn reloaded(state: &mut State, outcome: Reloaded) {
    match outcome {
        Reloaded::Loaded(lib) => {
            let rounds = lib.data().rounds.len();
            replace_library(state, lib);
            // The whole of a large file, after its top: not a reload of changed files.
            if state.loading.take().is_some() {
                say(state, format!("loaded all {} rounds", thousands(rounds)), false);
                return;
            }
            let had_problems = !state.disk_problems.is_empty();
            state.disk_problems.clear();
            if matches!(state.overlay, Overlay::Problems { .. }) {
                state.overlay = Overlay::None;
            }
            let fixed = if had_problems { "fixed: " } else { "" };
            say(state, format!("{fixed}reloaded the dataset files: {rounds} rounds"), false);
        }
        Reloaded::Failed(problems) => failed(state, problems),
    }
}

/// The files no longer load: the last good data stays, and the problems are shown in the
/// panel, opened unless the user is in a dialog or typing a filter.
fn failed(state: &mut State, problems: Vec<DiskProblem>) {
    // The same problems again (an editor's save seen as two changes): the panel stays as
    // the user left it, closed or open.
    if state.disk_problems == problems {
        return;
    }
    state.disk_problems = problems;
    match state.overlay {
        Overlay::Problems { ref mut selected } => {
            *selected = (*selected).min(state.disk_problems.len().saturating_sub(1));
        }
        Overlay::None if !state.filter.editing => {
            state.overlay = Overlay::Problems { selected: 0 };
            // A message from before (the last reload's) would now be wrong.
            state.status = None;
        }
        _ => say(state, "the dataset files no longer load: ! shows why", true),
    }
}

/// `!` in a view: opens the panel, or says there is nothing to show.
pub fn open_panel(state: &mut State) {
    if state.disk_problems.is_empty() {
        say(state, "no problems: the dataset files on disk load (or are not watched)", false);
    } else {
        state.overlay = Overlay::Problems { selected: 0 };
    }
}

/// The keys of the problems panel.
pub fn panel(state: &mut State, action: Action) {
    let last = state.disk_problems.len().saturating_sub(1);
    let Overlay::Problems { selected } = &mut state.overlay else { return };
    match action {
        Action::Down => *selected = (*selected + 1).min(last),
        Action::Up => *selected = selected.saturating_sub(1),
        Action::ToggleProblems | Action::Cancel => state.overlay = Overlay::None,
        _ => {}
    }
}
