//! The filter's history: the queries kept with Enter, recalled with ↑ and ↓ in the filter
//! bar, and kept between runs in a file of the user's state directory
//! (`$XDG_STATE_HOME/talks/history`, else `~/.local/state/talks/history`), one query a line,
//! oldest first.
//!
//! This module owns the list and its file format; reading and writing the file happen in
//! the event loop (`load` at start, `save` as an effect), never in `update`. A file that
//! cannot be read or is not text is ignored: a history is a convenience, never a reason not
//! to start.

use std::path::{Path, PathBuf};

/// The most queries kept: the oldest go first.
pub const MAX: usize = 500;

/// The queries, oldest first, and where ↑/↓ are while the user browses them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recall {
    entries: Vec<String>,
    /// The entry shown in the bar (an index into `entries`), `None` when editing new text.
    at: Option<usize>,
    /// The text the user had typed before pressing ↑, given back by ↓ past the newest.
    draft: String,
}

impl Recall {
    /// The queries of a history file's text; blank lines are skipped, duplicates collapse
    /// to their latest use, and only the newest [`MAX`] are kept.
    pub fn parse(text: &str) -> Recall {
        let mut recall = Recall::default();
        for line in text.lines() {
            recall.push(line);
        }
        recall
    }

    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// The file's text: one query a line.
    pub fn to_text(&self) -> String {
        self.entries.iter().map(|e| format!("{e}\n")).collect()
    }

    /// Records a kept query as the newest, moving an earlier use of it; false when there
    /// was nothing to record (blank, or already the newest).
    pub fn push(&mut self, query: &str) -> bool {
        self.stop();
        // One line a query: a pasted line end must not split it in the file.
        let query = query.split_whitespace().collect::<Vec<_>>().join(" ");
        if query.is_empty() || self.entries.last() == Some(&query) {
            return false;
        }
        self.entries.retain(|e| *e != query);
        self.entries.push(query);
        let excess = self.entries.len().saturating_sub(MAX);
        self.entries.drain(..excess);
        true
    }

    /// ↑: the query before the one shown (the newest at first), remembering `current`, the
    /// text being typed, for ↓ to give back. `None` at the oldest.
    pub fn older(&mut self, current: &str) -> Option<&str> {
        let next = match self.at {
            None if self.entries.is_empty() => return None,
            None => {
                self.draft = current.to_string();
                self.entries.len() - 1
            }
            Some(0) => return None,
            Some(i) => i - 1,
        };
        self.at = Some(next);
        self.entries.get(next).map(String::as_str)
    }

    /// ↓: the query after the one shown, or, past the newest, the text typed before ↑.
    /// `None` when not browsing.
    pub fn newer(&mut self) -> Option<String> {
        let i = self.at?;
        if i + 1 < self.entries.len() {
            self.at = Some(i + 1);
            return self.entries.get(i + 1).cloned();
        }
        self.at = None;
        Some(std::mem::take(&mut self.draft))
    }

    /// Leaves browsing: the next ↑ starts from the newest again.
    pub fn stop(&mut self) {
        self.at = None;
        self.draft.clear();
    }
}

/// Where the history lives for this user: `talks/history` in the XDG state directory.
/// `None` when there is no home directory to find it in.
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let dirs = etcetera::choose_base_strategy().ok()?;
    Some(dirs.state_dir()?.join("talks").join("history"))
}

/// The history in `path`; empty when the file is missing, unreadable, too large or not text.
pub fn load(path: &Path) -> Recall {
    // A history of MAX queries is a few tens of kilobytes; a larger file is not ours.
    const LIMIT: u64 = 4 * 1024 * 1024;
    let small = std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() <= LIMIT);
    match std::fs::read(path) {
        Ok(bytes) if small => std::str::from_utf8(&bytes).map(Recall::parse).unwrap_or_default(),
        _ => Recall::default(),
    }
}

/// Writes the history atomically (a reader never sees half a file), creating the directory.
pub fn save(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    crate::export::write_atomic(path, text.as_bytes(), true).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_collapse_to_their_latest_use_and_the_length_is_bounded() {
        let mut r = Recall::parse("venue:istanbul\n\ndate:2025\nvenue:istanbul\n");
        assert_eq!(r.entries(), ["date:2025", "venue:istanbul"]);
        assert!(!r.push("venue:istanbul"), "already the newest");
        assert!(!r.push("   "), "blank");
        assert!(r.push("date:2025"));
        assert_eq!(r.entries(), ["venue:istanbul", "date:2025"]);
        assert!(r.push("a\nb"));
        assert_eq!(r.to_text(), "venue:istanbul\ndate:2025\na b\n");
        for i in 0..MAX + 10 {
            r.push(&format!("q{i}"));
        }
        assert_eq!(r.entries().len(), MAX);
        assert_eq!(r.entries().last().map(String::as_str), Some(format!("q{}", MAX + 9).as_str()));
    }

    #[test]
    fn up_goes_back_in_time_and_down_returns_to_what_was_typed() {
        let mut r = Recall::parse("one\ntwo\nthree\n");
        assert_eq!(r.newer(), None, "not browsing yet");
        assert_eq!(r.older("draft"), Some("three"));
        assert_eq!(r.older("three"), Some("two"));
        assert_eq!(r.older("two"), Some("one"));
        assert_eq!(r.older("one"), None, "the oldest");
        assert_eq!(r.newer().as_deref(), Some("two"));
        assert_eq!(r.newer().as_deref(), Some("three"));
        assert_eq!(r.newer().as_deref(), Some("draft"));
        assert_eq!(r.newer(), None);
        assert_eq!(Recall::default().older("x"), None);
    }

    #[test]
    fn the_file_round_trips_and_a_broken_one_is_ignored() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state").join("talks").join("history");
        assert_eq!(load(&path), Recall::default(), "missing");
        let mut r = Recall::default();
        r.push("venue:istanbul");
        r.push("person:lavrov");
        save(&path, &r.to_text()).expect("saved, directories created");
        assert_eq!(load(&path).entries(), r.entries());
        std::fs::write(&path, b"\xff\xfe not text").expect("write");
        assert_eq!(load(&path), Recall::default(), "not UTF-8");
        let as_dir = dir.path().join("dir");
        std::fs::create_dir(&as_dir).expect("mkdir");
        assert_eq!(load(&as_dir), Recall::default(), "a directory");
        assert!(save(&as_dir.join("x").join("y"), "q\n").is_ok());
    }
}
