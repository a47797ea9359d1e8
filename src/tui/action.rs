//! What the user asked for, and what the loop must do in return.
//!
//! Keys become [`Action`]s only through the keymap; mouse events and the results of effects
//! become actions in the event loop. `update` turns actions into state changes and
//! [`Effect`]s, which the loop performs (the only I/O) and answers with another action.

use crate::export::Format;
use std::path::PathBuf;

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
    Edit(EditOp),
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
    /// The loop wrote the filter history, or could not (why).
    RecallSaved(Result<(), String>),
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
    /// Write the filter history (the file's whole text) atomically.
    SaveRecall {
        path: PathBuf,
        text: String,
    },
}
