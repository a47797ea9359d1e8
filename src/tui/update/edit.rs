//! Opening the editor where the selection is defined: which item or problem that is, the
//! prompt that first writes the built-in dataset to a file, and what the editor's return
//! says. Finding the line and running the editor are the loop's effects.

use super::super::action::{Action, EditAt, Effect, View};
use super::super::state::{Overlay, SaveDataset, State};
use super::say;
use crate::model::Kind;
use std::path::PathBuf;

/// The file the built-in dataset is written to unless the user types another.
pub const DEFAULT_FILE: &str = "talks-dataset.ron";

/// Ctrl-e in a view, `e` in the problems panel.
pub fn edit(state: &mut State) -> Vec<Effect> {
    let target = match &state.overlay {
        Overlay::Problems { selected } => match state.disk_problems.get(*selected) {
            Some(p) => match &p.file {
                Some(file) => EditAt::Line { file: file.clone(), line: p.line },
                None => return nothing(state, "this problem is not in a file (see its message)"),
            },
            None => return Vec::new(),
        },
        Overlay::None => match selected_item(state) {
            Some((kind, id)) => EditAt::Item { kind, id },
            None => {
                return nothing(state, "nothing selected to edit: select a round, person, topic or milestone")
            }
        },
        _ => return Vec::new(),
    };
    if state.data_files.iter().any(|f| f == "-") {
        return nothing(state, "the dataset came from standard input, which cannot be edited: save it to a file and use --data FILE");
    }
    if state.data_files.is_empty() {
        state.overlay =
            Overlay::SaveDataset(SaveDataset { path: DEFAULT_FILE.into(), error: None, then: target });
        return Vec::new();
    }
    vec![Effect::Edit(target)]
}

fn nothing(state: &mut State, why: &str) -> Vec<Effect> {
    say(state, why, true);
    Vec::new()
}

/// The kind and id of what the view has selected.
fn selected_item(state: &State) -> Option<(Kind, String)> {
    let d = state.lib.data();
    let t = &state.timeline;
    match state.view {
        View::Timeline if t.on_milestones() => {
            let m = t.chart.lanes.get(t.lane)?.marks.get(t.milestone)?.item;
            Some((Kind::Milestone, d.milestones.get(m)?.id.clone()))
        }
        View::Rounds | View::Timeline => {
            Some((Kind::Round, d.rounds.get(state.selected_round()?)?.id.clone()))
        }
        View::People => Some((Kind::Person, d.people.get(state.people.current()?)?.id.clone())),
        View::Topics => Some((Kind::Topic, d.topics.get(state.topics.current()?)?.id.clone())),
        View::Milestones => {
            Some((Kind::Milestone, d.milestones.get(state.milestones.current()?)?.id.clone()))
        }
    }
}

/// The keys of the prompt for the file to write the built-in dataset to.
pub fn prompt(state: &mut State, action: Action) -> Vec<Effect> {
    let Overlay::SaveDataset(d) = &mut state.overlay else { return Vec::new() };
    match action {
        Action::Insert(c) => d.path.push(c),
        Action::DeleteBack => {
            d.path.pop();
        }
        Action::DeleteWord => {
            let kept = d.path.trim_end_matches('/').rfind('/').map_or(0, |i| i + 1);
            d.path.truncate(kept);
        }
        Action::Cancel => state.overlay = Overlay::None,
        Action::Confirm if d.path.trim().is_empty() => d.error = Some("type a file name".into()),
        Action::Confirm => {
            let (path, then) = (d.path.clone(), d.then.clone());
            return vec![Effect::WriteDataset { path: state.export_target(&path), then }];
        }
        _ => {}
    }
    if let Overlay::SaveDataset(d) = &mut state.overlay {
        if !matches!(action, Action::Confirm) {
            d.error = None;
        }
    }
    Vec::new()
}

/// The built-in dataset is in a file now: the browser reads and watches that file from
/// here on, and the editor opens in it.
pub fn dataset_written(state: &mut State, result: Result<PathBuf, String>, then: EditAt) -> Vec<Effect> {
    match result {
        Ok(path) => {
            state.overlay = Overlay::None;
            state.set_data_files(std::slice::from_ref(&path));
            say(
                state,
                format!(
                    "wrote the built-in dataset to {}; the browser now follows that file",
                    path.display()
                ),
                false,
            );
            // Effects are performed last first: the watch starts before the editor, so that
            // a save made in it is seen.
            vec![Effect::Edit(then), Effect::Watch(vec![path])]
        }
        Err(why) => {
            if let Overlay::SaveDataset(d) = &mut state.overlay {
                d.error = Some(why);
            } else {
                say(state, why, true);
            }
            Vec::new()
        }
    }
}

/// The editor returned.
pub fn edited(state: &mut State, result: Result<String, String>) {
    match result {
        Ok(text) => say(state, text, false),
        Err(why) => say(state, why, true),
    }
}
