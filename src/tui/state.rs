//! What is on screen: the view, the lists and their selections, the detail pane, the
//! filter, the history, the open dialog and the status line.
//!
//! `render` reads this and nothing else; `update` is the only writer. Everything a frame
//! needs is precomputed here (the filtered list, the wrapped detail rows), so drawing is
//! proportional to what is visible.

use super::action::View;
use super::content::{CompareRow, Row};
use super::keymap::Context;
use super::layout::Layout;
pub use super::pane::Pane;
use super::timeline::TimelineView;
use crate::dataset::Library;
use crate::export::Format;
use crate::query::Sort;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Detail,
}

/// The detail pane: wrapped rows for the selected item, a cursor row and a scroll offset.
#[derive(Debug, Clone, Default)]
pub struct Detail {
    pub rows: Vec<Row>,
    pub cursor: usize,
    pub scroll: usize,
}

/// The rounds filter: the query in force and the text being edited.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// The query text the rounds list currently reflects (always a valid query).
    pub applied: String,
    /// The text in the bar while editing.
    pub input: String,
    pub editing: bool,
    /// The filter in force before editing began, restored by Esc.
    pub before_edit: String,
    /// Why the text in the bar is not a valid query.
    pub error: Option<String>,
    /// The words of `applied` to highlight in the list and the detail.
    pub highlight: crate::query::Highlight,
    /// Where the cursor is in `input` (a byte offset on a character boundary).
    pub cursor: usize,
    /// Terms of the text with misspelt values, corrected (`venue:istanbul`).
    pub suggestion: Vec<String>,
    /// The dataset's names, folded for the suggestions when the bar is first used.
    pub vocabulary: std::sync::OnceLock<crate::query::Vocabulary>,
    /// The queries kept with Enter, for ↑ and ↓, and the file they are saved to.
    pub recall: super::recall::Recall,
    pub recall_path: Option<PathBuf>,
    /// While editing: the People or Topics view whose own filter the bar edits; `None` for
    /// the rounds' query.
    pub list: Option<View>,
}

/// A place in the app that history can return to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub view: View,
    pub item: Option<usize>,
    pub focus: Focus,
    pub cursor: usize,
}

/// A place in history with the filter in force there, so that coming back to it restores
/// a filter that following a link had to clear, and the comparison that was open over it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    pub place: Place,
    pub filter: String,
    /// The comparison open over the place when a link was followed from it.
    pub compare: Option<CompareAt>,
}

/// A comparison in history: its rounds, and where its cursor and scroll were, so that
/// coming back puts the user on the line they followed, not at the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareAt {
    pub left: usize,
    pub right: usize,
    pub cursor: usize,
    pub scroll: usize,
}

#[derive(Debug, Clone, Default)]
pub struct History {
    pub back: Vec<Visit>,
    pub forward: Vec<Visit>,
}

/// The venue picker: cities with their number of rounds.
#[derive(Debug, Clone, Default)]
pub struct Picker {
    pub entries: Vec<(String, usize)>,
    pub selected: usize,
}

/// The export dialog for the selected round, or for every round of the list.
#[derive(Debug, Clone)]
pub struct ExportDialog {
    /// The rounds to write, in the list's order.
    pub rounds: Vec<usize>,
    /// What the title names (a round's id, or `8 rounds`), and the default file's stem.
    pub what: String,
    pub stem: String,
    pub format: Format,
    pub path: String,
    /// Once the user types a path, changing the format no longer rewrites it.
    pub path_edited: bool,
    /// Set when the file exists: the dialog asks before overwriting.
    pub confirm_overwrite: Option<PathBuf>,
    pub error: Option<String>,
}

/// Where to write the built-in dataset (which cannot be edited inside the binary) before
/// opening the editor at `then` in the file written.
#[derive(Debug, Clone)]
pub struct SaveDataset {
    pub path: String,
    pub error: Option<String>,
    pub then: super::action::EditAt,
}

/// Two rounds side by side, over the browser.
#[derive(Debug, Clone)]
pub struct CompareView {
    /// The marked round and the selected one, as positions in the dataset.
    pub left: usize,
    pub right: usize,
    /// The comparison laid out (the export's), and wrapped to the screen's width.
    pub lines: Vec<crate::export::compare::Line>,
    pub rows: Vec<CompareRow>,
    pub cursor: usize,
    pub scroll: usize,
}

#[derive(Debug, Clone)]
pub enum Overlay {
    None,
    Help {
        scroll: usize,
    },
    Venues(Picker),
    Export(ExportDialog),
    Compare(CompareView),
    /// The command lines that reproduce the view, each with what it gives.
    Commands(Vec<(&'static str, String)>),
    Copy(super::copy::CopyMenu),
    /// The path prompt that writes the built-in dataset to a file, to edit it there.
    SaveDataset(SaveDataset),
    /// The problems of the dataset on disk ([`State::disk_problems`]), one selected.
    Problems {
        selected: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// The top of a large file is on screen and the whole of it is still loading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loading {
    /// Rounds in the library on screen.
    pub loaded: usize,
    /// Rounds the whole file is thought to hold.
    pub estimate: usize,
}

/// Written only by `update` (the fields are visible inside `tui` alone); `render` reads it.
pub struct State {
    pub(in crate::tui) lib: Arc<Library>,
    pub(in crate::tui) view: View,
    pub(in crate::tui) focus: Focus,
    pub(in crate::tui) layout: Layout,
    pub(in crate::tui) rounds: Pane,
    pub(in crate::tui) people: Pane,
    pub(in crate::tui) topics: Pane,
    pub(in crate::tui) milestones: Pane,
    pub(in crate::tui) timeline: TimelineView,
    /// The round `m` marked: the left side of the next comparison.
    pub(in crate::tui) marked: Option<usize>,
    /// The `--data` files the browser was opened on, for the command lines `:` shows.
    pub(in crate::tui) data_files: Vec<String>,
    /// Why the dataset files no longer load, since they last changed on disk (empty: they
    /// load); the library on screen is then the last one that did.
    pub(in crate::tui) disk_problems: Vec<super::action::DiskProblem>,
    /// Set while only the top of a large file is loaded: what needs every round and source
    /// (exports, comparisons, the editor) waits for the rest.
    pub(in crate::tui) loading: Option<Loading>,
    /// Depth in the topic tree, per topic index.
    pub(in crate::tui) topic_depth: Vec<u16>,
    /// The People and Topics views' own filters, and the folded topics.
    pub(in crate::tui) lists: super::lists::Lists,
    pub(in crate::tui) detail: Detail,
    pub(in crate::tui) filter: Filter,
    pub(in crate::tui) sort: Sort,
    pub(in crate::tui) history: History,
    pub(in crate::tui) overlay: Overlay,
    pub(in crate::tui) status: Option<Status>,
    pub(in crate::tui) color: bool,
    /// Whether source addresses are drawn as OSC 8 hyperlinks (see `ui::hyperlink`).
    pub(in crate::tui) hyperlinks: bool,
    /// The colours per role (the config file's theme, else the defaults).
    pub(in crate::tui) palette: super::ui::theme::Palette,
    pub(in crate::tui) quit: bool,
    /// The directory the browser was started in, and the user's home: where export paths
    /// are resolved (read once, so that drawing and updating stay free of I/O).
    pub(in crate::tui) cwd: PathBuf,
    pub(in crate::tui) home: Option<PathBuf>,
}

impl State {
    pub fn new(lib: Arc<Library>, width: u16, height: u16, color: bool) -> State {
        let people = people_order(&lib);
        let (topics, topic_depth) = topic_order(&lib);
        let rounds = crate::query::filter(&lib, &crate::query::Query::default(), Sort::Date);
        let milestones = lib.milestones().to_vec();
        let lists = super::lists::Lists::new(&lib, people.clone(), topics.clone());
        let mut state = State {
            lib,
            view: View::Rounds,
            focus: Focus::List,
            layout: Layout::new(width, height),
            rounds: Pane { items: rounds, ..Pane::default() },
            people: Pane { items: people, ..Pane::default() },
            topics: Pane { items: topics, ..Pane::default() },
            milestones: Pane { items: milestones, ..Pane::default() },
            timeline: TimelineView::new(),
            marked: None,
            data_files: Vec::new(),
            disk_problems: Vec::new(),
            loading: None,
            topic_depth,
            lists,
            detail: Detail::default(),
            filter: Filter::default(),
            sort: Sort::Date,
            history: History::default(),
            overlay: Overlay::None,
            status: None,
            color,
            hyperlinks: false,
            palette: super::ui::theme::Palette::default(),
            quit: false,
            cwd: std::env::current_dir().unwrap_or_default(),
            home: std::env::var_os("HOME").filter(|h| !h.is_empty()).map(PathBuf::from),
        };
        state.rebuild_detail();
        state
    }

    /// Where the export dialog's path text writes: `~` is the home directory, and a relative
    /// path is taken from the directory the browser was started in.
    pub fn export_target(&self, text: &str) -> PathBuf {
        let text = text.trim();
        let expanded = match (text.strip_prefix('~'), &self.home) {
            (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with('/') => {
                home.join(rest.trim_start_matches('/'))
            }
            _ => PathBuf::from(text),
        };
        if expanded.is_absolute() {
            expanded
        } else {
            self.cwd.join(expanded)
        }
    }

    /// The filter history read at start, and where to save it.
    pub fn set_recall(&mut self, recall: super::recall::Recall, path: PathBuf) {
        self.filter.recall = recall;
        self.filter.recall_path = Some(path);
    }

    /// Records the dataset files the browser was opened on (none: the built-in dataset).
    pub fn set_data_files(&mut self, files: &[PathBuf]) {
        self.data_files = files.iter().map(|f| f.display().to_string()).collect();
    }

    pub fn pane(&self, view: View) -> &Pane {
        match view {
            View::Rounds => &self.rounds,
            View::People => &self.people,
            View::Topics => &self.topics,
            View::Timeline => &self.timeline.pane,
            View::Milestones => &self.milestones,
        }
    }

    pub fn pane_mut(&mut self, view: View) -> &mut Pane {
        match view {
            View::Rounds => &mut self.rounds,
            View::People => &mut self.people,
            View::Topics => &mut self.topics,
            View::Timeline => &mut self.timeline.pane,
            View::Milestones => &mut self.milestones,
        }
    }

    /// Rebuilds the detail rows for the current selection at the current width.
    pub fn rebuild_detail(&mut self) {
        let rows = match (self.view, self.pane(self.view).current()) {
            (View::Rounds, Some(r)) => super::content::round_rows(&self.lib, r),
            (View::People, Some(p)) => super::content::person_rows(&self.lib, p),
            (View::Topics, Some(t)) => super::content::topic_rows(&self.lib, t),
            (View::Milestones, Some(m)) => super::content::milestone_rows(&self.lib, m),
            // The timeline draws its own summary; it has no detail pane.
            (View::Timeline, _) | (_, None) => Vec::new(),
        };
        let width = self.layout.detail_inner.width;
        self.detail = Detail { rows: super::content::wrap_rows(&rows, width), cursor: 0, scroll: 0 };
    }

    /// The keymap context the state is in.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Overlay::Help { .. } => Context::Help,
            Overlay::Venues(_) => Context::Picker,
            Overlay::Export(d) if d.confirm_overwrite.is_some() => Context::Confirm,
            Overlay::Export(_) => Context::Export,
            Overlay::Compare(_) => Context::Compare,
            Overlay::Commands(_) => Context::Commands,
            Overlay::Copy(_) => Context::Copy,
            Overlay::Problems { .. } => Context::Problems,
            Overlay::SaveDataset(_) => Context::SaveDataset,
            Overlay::None if self.filter.editing => Context::Filter,
            Overlay::None if self.view == View::Timeline => Context::Timeline,
            Overlay::None => Context::Browse,
        }
    }

    /// The round the user has selected: the rounds list's, or the timeline's (unless a
    /// milestone is selected there); `None` in the other views.
    pub fn selected_round(&self) -> Option<usize> {
        match self.view {
            View::Rounds => self.rounds.current(),
            View::Timeline if !self.timeline.on_milestones() => self.timeline.pane.current(),
            _ => None,
        }
    }

    /// Where the user is, with the filter in force, for the history.
    pub fn visit(&self) -> Visit {
        let compare = match &self.overlay {
            Overlay::Compare(c) => {
                Some(CompareAt { left: c.left, right: c.right, cursor: c.cursor, scroll: c.scroll })
            }
            _ => None,
        };
        Visit { place: self.place(), filter: self.filter.applied.clone(), compare }
    }

    pub fn place(&self) -> Place {
        Place {
            view: self.view,
            item: self.pane(self.view).current(),
            focus: self.focus,
            cursor: self.detail.cursor,
        }
    }
}

/// People in the order the People view lists them.
pub(in crate::tui) fn people_order(lib: &Library) -> Vec<usize> {
    let mut order: Vec<usize> = (0..lib.data().people.len()).collect();
    // By family name, as an index of people reads (the last word of the name: Anton,
    // Beseda, Coulter …), then by the whole name; folded, so `Ş` sorts with `S`.
    order.sort_by_cached_key(|&p| {
        let name = crate::text::fold(&lib.data().people[p].name);
        let family = name.rsplit(' ').next().unwrap_or_default().to_string();
        (family, name)
    });
    order
}

/// Topics in tree order (depth first, dataset order among siblings), with depths.
pub(in crate::tui) fn topic_order(lib: &Library) -> (Vec<usize>, Vec<u16>) {
    let mut order = Vec::new();
    let mut depth = vec![0; lib.data().topics.len()];
    let mut stack: Vec<(usize, u16)> = lib.root_topics().iter().rev().map(|&t| (t, 0)).collect();
    while let Some((t, d)) = stack.pop() {
        if order.len() > lib.data().topics.len() {
            break; // a parent cycle; validation rejects those, but never loop
        }
        order.push(t);
        depth[t] = d;
        stack.extend(lib.children(t).iter().rev().map(|&c| (c, d + 1)));
    }
    (order, depth)
}
