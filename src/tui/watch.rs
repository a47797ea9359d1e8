//! Live reload: watches the dataset files and reads them again after they change, on the
//! watcher's own thread, reporting a new library or the problems as an action.
//!
//! Editors save by rename (vim writes a new file and renames it over the old one), which a
//! watch on the file itself would lose with the old inode; so the directories are watched
//! and their events filtered by path. Events are debounced: an editor's burst of writes,
//! renames and chmods becomes one reload. It owns nothing of what a reload changes on
//! screen: that is `update::reload`.

use super::action::{Action, DiskProblem, Reloaded};
use crate::dataset::{self, Problem};
use crate::Error;
use notify::RecursiveMode;
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, Debouncer};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::Arc;
use std::time::Duration;

/// How long the files must be quiet before they are read: longer than the gap between an
/// editor's write and its rename, short enough to feel immediate.
const QUIET: Duration = Duration::from_millis(150);

/// A running watch; dropping it stops watching.
pub struct Watch {
    _debouncer: Debouncer<notify::RecommendedWatcher>,
}

/// Watches `files` (paths as the user gave them), sending [`Action::Reloaded`] after each
/// change. Fails with a message naming the directory that cannot be watched.
pub fn start(files: &[PathBuf], tx: Sender<Action>) -> Result<Watch, String> {
    let targets: Vec<PathBuf> = files.iter().map(|f| resolved(f)).collect();
    let dirs: BTreeSet<PathBuf> = targets.iter().filter_map(|t| t.parent().map(Path::to_path_buf)).collect();
    let owned = files.to_vec();
    let handler = move |result: DebounceEventResult| {
        let changed = result.is_ok_and(|events| events.iter().any(|e| targets.contains(&e.path)));
        if changed {
            // The browser may have quit: nobody is left to tell.
            let _ = tx.send(Action::Reloaded(load(&owned)));
        }
    };
    let mut debouncer = new_debouncer(QUIET, handler).map_err(|e| format!("cannot watch the files: {e}"))?;
    for dir in &dirs {
        debouncer
            .watcher()
            .watch(dir, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
    }
    Ok(Watch { _debouncer: debouncer })
}

/// The path events name for a file: its directory made absolute and free of links (as the
/// watcher reports it), then its name.
fn resolved(file: &Path) -> PathBuf {
    let dir = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
    match file.file_name() {
        Some(name) => dir.join(name),
        None => dir,
    }
}

/// Reads, parses and validates the files again.
pub fn load(files: &[PathBuf]) -> Reloaded {
    match dataset::open_with_progress(files, &|_| {}) {
        Ok((lib, _warnings)) => Reloaded::Loaded(Arc::new(lib)),
        Err(e) => Reloaded::Failed(problems(e)),
    }
}

/// What keeps the files from loading, each as `talks check` prints it, in file order.
fn problems(err: Error) -> Vec<DiskProblem> {
    match err {
        Error::Invalid { mut problems } => {
            problems.sort_by_key(place);
            problems.iter().map(from_problem).collect()
        }
        // A parse error's report starts `file:line:column: error: …`, then the snippet.
        Error::Parse(report) => {
            let (file, line) = report.lines().next().and_then(parse_place).unzip();
            vec![DiskProblem { file, line: line.unwrap_or(0), text: report }]
        }
        other => vec![DiskProblem { text: other.to_string(), file: None, line: 0 }],
    }
}

fn place(p: &Problem) -> (bool, String, usize, usize) {
    match &p.location {
        Some(l) => (false, l.file.clone(), l.line, l.column),
        None => (true, String::new(), 0, 0),
    }
}

fn from_problem(p: &Problem) -> DiskProblem {
    DiskProblem {
        text: p.to_string(),
        file: p.location.as_ref().map(|l| PathBuf::from(&l.file)),
        line: p.location.as_ref().map_or(0, |l| l.line),
    }
}

/// `data.ron:12:5: error: …` → (`data.ron`, 12).
fn parse_place(first: &str) -> Option<(PathBuf, usize)> {
    let (place, _) = first.split_once(": error: ")?;
    let mut parts = place.rsplitn(3, ':');
    let _column: usize = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    Some((PathBuf::from(parts.next()?), line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parse_report_gives_the_file_and_line_of_its_first_line() {
        let got = parse_place("dir/a:b.ron:12:5: error: Expected comma");
        assert_eq!(got, Some((PathBuf::from("dir/a:b.ron"), 12)));
        assert_eq!(parse_place("cannot read dataset x.ron: missing"), None);
    }

    #[test]
    fn a_file_that_no_longer_parses_is_one_problem_with_its_place() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("d.ron");
        std::fs::write(&path, "Dataset(\n  title: \"x\" \"y\",\n)\n").expect("write");
        let Reloaded::Failed(problems) = load(std::slice::from_ref(&path)) else {
            panic!("a broken file loaded")
        };
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].file.as_deref(), Some(path.as_path()));
        assert_eq!(problems[0].line, 2);
        assert!(problems[0].text.starts_with(&format!("{}:2:", path.display())), "{}", problems[0].text);
    }
}
