//! Dynamic completion through clap_complete's engine (`COMPLETE=bash talks`): the round
//! ids of the datasets in use and the query language's field names, looked up when the
//! shell asks. `talks completions SHELL` (the static scripts) stays as it is.
//!
//! The datasets in use are those the words being completed name with `--data`, else the
//! config file's, else the built-in one; a dataset that does not load completes nothing
//! rather than printing errors into the shell's prompt.

use clap_complete::engine::CompletionCandidate;
use std::ffi::OsStr;
use std::path::PathBuf;

/// The ids of the rounds, each with its date and title as help.
pub fn round_ids() -> Vec<CompletionCandidate> {
    let Ok((lib, _)) = crate::dataset::open(&datasets_in_use()) else { return Vec::new() };
    lib.data()
        .rounds
        .iter()
        .map(|r| {
            CompletionCandidate::new(&r.id)
                .help(Some(crate::text::sanitize_line(&r.title).into_owned().into()))
        })
        .collect()
}

/// A query term: a field name (`ven` → `venue:`), or after `id:` a round id; a leading
/// `-` (negation) is kept.
pub fn query_term(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str() else { return Vec::new() };
    let (not, word) = match current.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", current),
    };
    if let Some(id) = word.strip_prefix("id:") {
        return round_ids()
            .into_iter()
            .filter(|c| c.get_value().to_str().is_some_and(|v| v.starts_with(id)))
            .map(|c| {
                let value = format!("{not}id:{}", c.get_value().to_string_lossy());
                let help = c.get_help().cloned();
                CompletionCandidate::new(value).help(help)
            })
            .collect();
    }
    if word.contains(':') {
        return Vec::new();
    }
    crate::query::FIELD_NAMES
        .iter()
        .filter(|f| f.starts_with(word))
        .map(|f| CompletionCandidate::new(format!("{not}{f}:")))
        .collect()
}

/// `--data` in the words being completed (after the `--` the engine's protocol puts before
/// them), else the config file's datasets; none means the built-in dataset.
fn datasets_in_use() -> Vec<PathBuf> {
    let words: Vec<String> = std::env::args().skip_while(|a| a != "--").skip(1).collect();
    let mut data = Vec::new();
    let mut config = None;
    let mut it = words.iter();
    while let Some(w) = it.next() {
        if let Some(v) = w.strip_prefix("--data=") {
            data.push(PathBuf::from(v));
        } else if w == "--data" {
            data.extend(it.next().map(PathBuf::from));
        } else if let Some(v) = w.strip_prefix("--config=") {
            config = Some(PathBuf::from(v));
        } else if w == "--config" {
            config = it.next().map(PathBuf::from);
        }
    }
    if !data.is_empty() {
        return data;
    }
    crate::config::load(crate::config::path(config.as_deref())).map(|c| c.data).unwrap_or_default()
}
