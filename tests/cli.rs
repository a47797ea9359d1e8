//! `talks list`, `show` and `export` run as a user runs them: the real binary, the shipped
//! dataset (or a copy of it changed in one place), files written into a fresh directory.
//!
//! The modules split by command; the helpers here read what the commands print. Queries
//! are checked against ids a reader can verify in `data/*.ron`.

mod browse;
mod compare;
mod config;
mod conventions;
mod export;
mod list;
mod show;
mod timeline;
mod write;

use crate::harness::Dir;
use std::sync::LazyLock;

/// Every round whose venue is in Istanbul, in date order: the two consultations on the
/// missions (`istanbul-us-residence`, `istanbul-russian-consulate`), then the Russia–Ukraine
/// rounds of 2025 and the meetings beside them (`istanbul-dolmabahce-palace`,
/// `istanbul-ciragan-palace`).
pub const ISTANBUL: [&str; 8] = [
    "2025-02-27-istanbul",
    "2025-04-10-istanbul",
    "2025-05-15-istanbul-postponed",
    "2025-05-16-istanbul-anton-medinsky",
    "2025-05-16-istanbul-russia-ukraine",
    "2025-05-16-istanbul-turkiye-us-ukraine",
    "2025-06-02-istanbul-russia-ukraine",
    "2025-07-23-istanbul-russia-ukraine",
];

/// The two rounds of the consultations on the missions held in Istanbul, in date order.
pub const MISSIONS_ISTANBUL: [&str; 2] = ["2025-02-27-istanbul", "2025-04-10-istanbul"];

/// Every round of the shipped dataset in date order (earliest first, then by id: the order
/// `talks list` uses), read from the library and sorted here rather than taken from the
/// library's own indexes.
pub static ALL: LazyLock<Vec<String>> = LazyLock::new(|| {
    let (lib, _) = talks::dataset::open(&[]).expect("the built-in dataset loads");
    let mut rounds: Vec<&talks::model::Round> = lib.data().rounds.iter().collect();
    rounds.sort_by(|a, b| a.date.sort_key().cmp(&b.date.sort_key()).then_with(|| a.id.cmp(&b.id)));
    rounds.into_iter().map(|r| r.id.clone()).collect()
});

/// The twelve rounds of the original fact sheet (`FACTS.md`), in date order.
pub const ORIGINAL: [&str; 12] = [
    "2025-02-12-trump-putin-call",
    "2025-02-15-lavrov-rubio-call",
    "2025-02-18-riyadh",
    "2025-02-27-istanbul",
    "2025-03-11-jeddah",
    "2025-03-18-trump-putin-call",
    "2025-03-23-riyadh-ukraine",
    "2025-03-24-riyadh",
    "2025-03-25-riyadh-ukraine",
    "2025-04-10-istanbul",
    "2025-06-moscow-cancelled",
    "2025-08-15-alaska",
];

/// The files of the shipped dataset as (file name, text), in the order they are merged (the
/// file with the dataset's metadata first), for tests that write a changed copy of it.
pub fn shipped() -> Vec<(String, String)> {
    talks::dataset::EMBEDDED
        .iter()
        .map(|(name, text)| {
            let file = name.rsplit('/').next().unwrap_or(name);
            (file.to_string(), text.to_string())
        })
        .collect()
}

/// Writes the shipped files into `dir`, each passed through `change(file name, text)`, and
/// returns the `--data` arguments that load them together.
pub fn write_shipped(dir: &Dir, change: impl Fn(&str, String) -> String) -> Vec<String> {
    let mut args = Vec::new();
    for (name, text) in shipped() {
        dir.write(&name, change(&name, text));
        args.push("--data".to_string());
        args.push(name);
    }
    args
}

/// The ids in the first column of a `talks list` table, after checking its header.
pub fn ids(table: &str) -> Vec<String> {
    let mut lines = table.lines();
    let header = lines.next().unwrap_or_default();
    assert!(header.starts_with("ID "), "not a table:\n{table}");
    lines.map(|line| line.split_whitespace().next().unwrap_or_default().to_string()).collect()
}

/// `talks list ARGS` on the shipped dataset, which must succeed; the ids it lists.
pub fn listed(args: &[&str]) -> Vec<String> {
    let run = Dir::new().run(&[&["list"], args].concat());
    run.code(0);
    assert_eq!(run.stderr, "", "talks list {args:?} wrote to stderr");
    ids(&run.stdout)
}
