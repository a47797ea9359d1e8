//! What the user asked for, and what the loop must do in return.
//!
//! Keys become [`Action`]s only through the keymap; mouse events and the results of effects
//! become actions in the event loop. `update` turns actions into state changes and
//! [`Effect`]s, which the loop performs (the only I/O) and answers with another action.

use crate::dataset::Library;
use crate::export::Format;
use std::path::PathBuf;
use std::sync::Arc;

/// The browsable views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Rounds,
    People,
    Topics,
    Timeline,
    Milestones,
}

impl View {
    /// Every view, in the order of the header and the number keys.
    pub const ALL: [View; 5] = [View::Rounds, View::People, View::Topics, View::Timeline, View::Milestones];

    pub fn title(self) -> &'static str {
        match self {
            View::Rounds => "Rounds",
            View::People => "People",
            View::Topics => "Topics",
            View::Timeline => "Timeline",
            View::Milestones => "Milestones",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    FocusNext,
    FocusPrev,
    Show(View),
    /// Follow the link under the cursor (a person, a topic, a round).
    Follow,
    /// Move the detail cursor to the next or previous row that is a link.
    NextLink,
    PrevLink,
    Back,
    Forward,
    OpenFilter,
    ClearFilter,
    OpenVenues,
    CycleSort,
    OpenExport,
    /// Export every round of the list (the filter's result) with the same dialog.
    OpenExportAll,
    /// In the timeline: the round before or after the selected one, on any lane.
    Earlier,
    Later,
    ZoomIn,
    ZoomOut,
    /// Back to the zoom that shows the whole timeline.
    ZoomFit,
    /// Remember the selected round as the left side of a comparison.
    Mark,
    /// Compare the marked round with the selected one.
    Compare,
    /// Exchange the two sides of the comparison.
    Swap,
    /// In the topic tree: fold the selected topic (or go to its parent), unfold it (or go
    /// to its first sub-topic).
    Fold,
    Unfold,
    /// Show the command lines that reproduce the view.
    ShowCommands,
    /// The copy menu (`y`): what of the selection to put on the clipboard.
    OpenCopy,
    Copy(CopyWhat),
    /// Open the source under the detail cursor in the web browser.
    OpenSource,
    ToggleHelp,
    /// Leave the current dialog or input without applying it.
    Cancel,
    /// Apply the current dialog or input.
    Confirm,
    /// Text input in the filter bar or the export path.
    Insert(char),
    DeleteBack,
    DeleteWord,
    /// Moving the cursor in, or cutting, the filter bar's text.
    LineEdit(EditOp),
    /// Answer to "overwrite?".
    Yes,
    No,
    Resize(u16, u16),
    Click {
        column: u16,
        row: u16,
    },
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    /// The loop wrote an export (Ok: the path) or failed (Err: the message).
    ExportDone(Result<PathBuf, String>),
    /// The export path exists; ask before overwriting.
    ExportExists(PathBuf),
    /// The loop wrote an export without some rounds the format cannot hold (a calendar
    /// needs days): the path and how many were left out.
    ExportPartial(PathBuf, usize),
    /// The loop wrote the clipboard sequence (Ok: what the status line says) or failed.
    Copied(Result<String, String>),
    /// The opener started (Ok: what the status line says) or failed (Err: why).
    Opened(Result<String, String>),
    /// The dataset files changed on disk and were read again (by the watcher's thread).
    Reloaded(Reloaded),
    /// Open or close the panel of the problems that keep the files on disk from loading.
    ToggleProblems,
    /// Open the editor where the selected item (or problem) is defined.
    Edit,
    /// The editor returned: what to say (Ok) or what went wrong (Err).
    Edited(Result<String, String>),
    /// The built-in dataset was written to a file (or not), to edit `EditAt` there.
    DatasetWritten(Result<PathBuf, String>, EditAt),
    /// The loop wrote the filter history, or could not (why).
    RecallSaved(Result<(), String>),
}

/// What the copy menu puts on the clipboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyWhat {
    Id,
    Citation,
    Markdown,
    /// The address of the source under the detail cursor.
    Url,
}

/// Where the editor opens: an entity, found in the files when the editor starts (they may
/// have changed since they were loaded), or a line of a file (a problem's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditAt {
    Item { kind: crate::model::Kind, id: String },
    Line { file: PathBuf, line: usize },
}

/// The outcome of reading the dataset again after its files changed.
#[derive(Debug, Clone)]
pub enum Reloaded {
    Loaded(Arc<Library>),
    /// The files no longer load: what is wrong, as `talks check` says it.
    Failed(Vec<DiskProblem>),
}

/// Two outcomes are the same when they carry the same library (not an equal one: comparing
/// whole datasets would be slow and is never what a test means).
impl PartialEq for Reloaded {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Reloaded::Loaded(a), Reloaded::Loaded(b)) => Arc::ptr_eq(a, b),
            (Reloaded::Failed(a), Reloaded::Failed(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Reloaded {}

/// One problem of a dataset on disk: its text as `talks check` prints it (a parse error's
/// report runs over several lines), and where it is, for the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiskProblem {
    pub text: String,
    pub file: Option<PathBuf>,
    pub line: usize,
}

/// Line-editing keys of the filter bar, as in readline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditOp {
    Left,
    Right,
    Home,
    End,
    WordLeft,
    WordRight,
    /// Delete everything before the cursor, or after it.
    KillToStart,
    KillToEnd,
}

/// Work with side effects, done by the event loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Export {
        rounds: Vec<usize>,
        format: Format,
        path: PathBuf,
        force: bool,
    },
    /// Put `text` on the clipboard through the terminal; `what` names it for the status line.
    Copy {
        what: String,
        text: String,
    },
    /// Open a web address with the system's opener, off the UI thread.
    Open(String),
    /// Hand the terminal to the editor, opened at a place in the dataset files.
    Edit(EditAt),
    /// Write the built-in dataset to a new file, to edit `then` there.
    WriteDataset {
        path: PathBuf,
        then: EditAt,
    },
    /// Watch these dataset files (after the built-in dataset was written to one).
    Watch(Vec<PathBuf>),
    /// Write the filter history (the file's whole text) atomically.
    SaveRecall {
        path: PathBuf,
        text: String,
    },
}
