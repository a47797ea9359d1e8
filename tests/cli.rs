//! `talks list`, `show` and `export` run as a user runs them: the real binary, the shipped
//! dataset (or a copy of it changed in one place), files written into a fresh directory.
//!
//! The modules split by command; the helpers here read what the commands print. Queries
//! are checked against ids a reader can verify in `data/russia-us-2025.ron`.

mod export;
mod list;
mod show;
mod write;

use crate::harness::Dir;
use std::path::Path;

/// The two rounds held in Istanbul, in date order.
pub const ISTANBUL: [&str; 2] = ["2025-02-27-istanbul", "2025-04-10-istanbul"];

/// Every round of the shipped dataset, in date order.
pub const ALL: [&str; 12] = [
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

/// The text of the shipped dataset, for tests that write a changed copy of it.
pub fn shipped() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join("russia-us-2025.ron");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
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
