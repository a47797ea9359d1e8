//! Exports: rounds rendered as a Markdown brief, JSON, a self-contained RON dataset, CSV or
//! an iCalendar file, the plain-text brief of `talks show`, the comparison of two rounds
//! (`compare`, shared with the browser), a round's one-line citation, and atomic file
//! writing.
//!
//! Each format is one module with a `render` function over a [`Library`] and a selection of
//! rounds (indices into `lib.data().rounds`); the Markdown and plain-text briefs share their
//! layout through `brief`. Output is deterministic: the same library and selection give the
//! same bytes (no clock, no hash-map order). Choosing rounds, printing and exit codes belong
//! to the CLI; sanitising for the terminal is the CLI's too, but the human-readable formats
//! never carry raw control characters from the data.

mod brief;
mod cite;
mod common;
pub mod compare;
mod csv;
mod ics;
pub mod json;
pub(crate) mod markdown;
mod ron;
mod temp;
mod text;
mod write;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;

pub use cite::citation;
pub use common::Citations;
pub use csv::round_table as csv_round_table;
pub use temp::remove_temp_files_on_signals;
pub use write::{default_file_name, write_atomic};

use crate::dataset::Library;
use crate::Error;

/// An export format, as chosen with `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    /// JSON Lines: one round per line, each the `Round` object of the JSON document.
    Jsonl,
    Ron,
    Csv,
    Ics,
}

impl Format {
    /// Every format, in the order help lists them.
    pub const ALL: &[Format] =
        &[Format::Markdown, Format::Json, Format::Jsonl, Format::Ron, Format::Csv, Format::Ics];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Ron => "ron",
            Format::Csv => "csv",
            Format::Ics => "ics",
        }
    }

    /// The name as written on the command line (`markdown`, `json`, `ron`, `csv`, `ics`).
    pub fn label(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Ron => "ron",
            Format::Csv => "csv",
            Format::Ics => "ics",
        }
    }

    /// Accepts the label and the usual aliases (`md`, `ical`, `icalendar`), in any case.
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "markdown" | "md" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" | "json-lines" => Some(Format::Jsonl),
            "ron" => Some(Format::Ron),
            "csv" => Some(Format::Csv),
            "ics" | "ical" | "icalendar" => Some(Format::Ics),
            _ => None,
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// An export's text, and one message per round the format could not hold (a calendar
/// needs days), for the CLI to report on stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    pub skipped: Vec<String>,
}

impl Rendered {
    fn complete(text: String) -> Rendered {
        Rendered { text, skipped: Vec::new() }
    }
}

/// Renders the rounds at the given indices of `lib.data().rounds`, in the order given.
///
/// An index past the end is an error rather than a silent omission, since it means the
/// caller's selection and the library disagree.
pub fn render(lib: &Library, rounds: &[usize], format: Format) -> Result<Rendered, Error> {
    if let Some(&bad) = rounds.iter().find(|&&i| i >= lib.data().rounds.len()) {
        return Err(Error::Round(format!(
            "no round at position {bad}; the dataset has {} round(s)",
            lib.data().rounds.len()
        )));
    }
    match format {
        Format::Markdown => Ok(Rendered::complete(markdown::render(lib, rounds))),
        Format::Json => json::render(lib, rounds).map(Rendered::complete),
        Format::Jsonl => json::render_lines(lib, rounds).map(Rendered::complete),
        Format::Ron => ron::render(lib, rounds).map(Rendered::complete),
        Format::Csv => csv::render(lib, rounds).map(Rendered::complete),
        Format::Ics => ics::render(lib, rounds),
    }
}

/// The plain-text brief of one round, for `talks show ROUND --format text`; empty when the
/// index is past the end.
pub fn render_text(lib: &Library, round: usize) -> String {
    text::render(lib, round)
}
