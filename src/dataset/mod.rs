//! Datasets on disk and in memory: reading, parsing, validating, and indexing.
//!
//! The pipeline is `read` (bytes to text, one-line errors) → `parse` (RON to the model, with
//! a rendered report pointing at line and column) → `validate` (every problem at once, each
//! with its position when it can be found) → [`Library`] (the merged data plus the indexes
//! and folded search keys that every query and every keystroke use).
//!
//! Nothing here prints: callers decide where reports go.

pub mod cache;
mod chunked;
mod code;
mod diagnostic;
mod head;
mod index;
mod library;
mod load;
mod locate;
mod validate;
mod words;

pub use code::Code;
pub use diagnostic::{Location, Problem, Severity};
pub use head::{open_head, Head, FIRST_SCREEN_ROUNDS, HEAD_WORTHWHILE_BYTES};
pub use index::Index;
pub use index::{Attendance, Field, Placement, RoundKeys, Seat, TopicMention};
pub use library::{Library, Order};
pub use load::{parse_one, parse_sources, read_source, to_ron, Origins, Parsed, SourceText, STDIN_NAME};
pub use locate::definition;

/// A RON error in any file (a dataset's or the config's), rendered as a dataset's parse
/// error is: `file:line:column: error: …` and the line with a marker.
pub fn render_ron_error(source: &SourceText, err: &ron::error::SpannedError) -> String {
    diagnostic::render_parse_error(source, err)
}
pub use validate::validate;
pub use words::{RoundSet, WordIndex};

use crate::model::Dataset;
use crate::Error;
use std::path::{Path, PathBuf};

/// The dataset shipped inside the binary, as (name in messages, text): the file with the
/// dataset's metadata, the shared entities and the first rounds, then one file per period.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("<built-in>/russia-us-2025.ron", include_str!("../../data/russia-us-2025.ron")),
    ("<built-in>/2025-02-to-2025-05.ron", include_str!("../../data/2025-02-to-2025-05.ron")),
    ("<built-in>/2025-06-to-2025-10.ron", include_str!("../../data/2025-06-to-2025-10.ron")),
    ("<built-in>/2025-11-to-2026-01.ron", include_str!("../../data/2025-11-to-2026-01.ron")),
    ("<built-in>/2026-02-to-2026-11.ron", include_str!("../../data/2026-02-to-2026-11.ron")),
];

/// The outcome of checking files: the parsed data and everything validation found.
#[derive(Debug)]
pub struct Checked {
    pub parsed: Parsed,
    pub problems: Vec<Problem>,
}

impl Checked {
    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|p| p.severity == Severity::Error).count()
    }
}

/// The steps of opening a dataset, reported to show progress on large files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Parsing,
    /// Validating and building the indexes, side by side.
    Validating,
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Parsing => "parsing",
            Stage::Validating => "validating and indexing",
        }
    }
}

/// Reads, parses and validates the given files, or the embedded dataset when there are none.
/// A FIFO with no writer yet is announced on standard error.
pub fn check(paths: &[PathBuf]) -> Result<Checked, Error> {
    let sources = read_all(paths, &load::say_waiting)?;
    let parsed = parse_sources(sources)?;
    let problems = validate(&parsed);
    Ok(Checked { parsed, problems })
}

/// Opens a library for browsing: errors make it fail, warnings are returned to show. A FIFO
/// with no writer yet is announced on standard error (this is the command line's way in).
pub fn open(paths: &[PathBuf]) -> Result<(Library, Vec<Problem>), Error> {
    let cache = cache::configured();
    open_using(paths, cache.as_ref(), &load::say_waiting, &|_| {}).map(|(lib, problems, _)| (lib, problems))
}

/// Like [`open`], calling `progress` as each stage starts, and printing nothing (the
/// browser shows the stages on its own screen, where a line on standard error would land).
pub fn open_with_progress(
    paths: &[PathBuf],
    progress: &dyn Fn(Stage),
) -> Result<(Library, Vec<Problem>), Error> {
    let cache = cache::configured();
    open_using(paths, cache.as_ref(), &|_| {}, progress).map(|(lib, problems, _)| (lib, problems))
}

/// Where an opened library came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Read, parsed, validated and indexed.
    Files,
    /// Read back from the load cache: no parsing, validation or indexing.
    Cache,
}

/// Opens files through a load cache (`None`: no cache): an entry that matches the files
/// exactly is used as it is; otherwise the files are loaded and, when they are valid, an
/// entry is written in the background for next time.
pub fn open_using(
    paths: &[PathBuf],
    cache: Option<&cache::Cache>,
    waiting: &dyn Fn(&Path),
    progress: &dyn Fn(Stage),
) -> Result<(Library, Vec<Problem>, Origin), Error> {
    progress(Stage::Reading);
    // The keys are taken before reading, so a file edited while it loads leaves an entry
    // that no longer matches it.
    let cached = cache.and_then(|c| Some((c, c.keys(paths)?)));
    if let Some((cache, keys)) = &cached {
        if let Some((lib, problems)) = cache.load(keys) {
            return Ok((lib, problems, Origin::Cache));
        }
    }
    let sources = read_all(paths, waiting)?;
    let (lib, problems) = open_sources(sources, progress)?;
    if let Some((cache, keys)) = cached {
        cache.store_in_background(keys, &lib, problems.clone());
    }
    Ok((lib, problems, Origin::Files))
}

/// Opens texts already in memory: parse, then validate and index (what [`open`] does after
/// reading the files).
pub fn open_sources(
    sources: Vec<SourceText>,
    progress: &dyn Fn(Stage),
) -> Result<(Library, Vec<Problem>), Error> {
    progress(Stage::Parsing);
    let parsed = parse_sources(sources)?;
    progress(Stage::Validating);
    open_parsed(parsed)
}

/// The top of one dataset file, for rows on screen while the whole file loads: the
/// metadata, every entity except the sources, and the first `rounds` rounds, parsed without
/// reading the rest of the text (tens of milliseconds at any size). Not validated, no
/// sources and no milestones: for display until the whole load replaces it
/// ([`Library::index_unchecked`] indexes it without trusting its references). `None` when
/// the file has no more rounds than that (load it all: it is small), keeps its rounds
/// before the entities, or has an error in that part (the whole load reports it).
pub fn parse_head(source: &SourceText, rounds: usize) -> Option<Dataset> {
    chunked::parse_head(&source.text, &load::ron_options(), rounds).map(|(head, _)| head)
}

/// Validates and indexes a dataset built in memory (no file positions in the problems).
pub fn open_dataset(dataset: Dataset) -> Result<(Library, Vec<Problem>), Error> {
    let origins = Origins::from_fn(|kind| vec![0; dataset.count(kind)]);
    open_parsed(Parsed { dataset, files: Vec::new(), origins })
}

fn open_parsed(parsed: Parsed) -> Result<(Library, Vec<Problem>), Error> {
    // Validation and indexing only read the dataset, so they run side by side on two cores;
    // the index is thrown away if validation finds errors.
    let (problems, index) = std::thread::scope(|scope| {
        let validating = scope.spawn(|| validate(&parsed));
        let index = Index::build(&parsed.dataset);
        (validating.join(), index)
    });
    let problems = match problems {
        Ok(problems) => problems,
        // Validation does not panic on any input the fuzzers have found (the crash inputs
        // would be in fuzz/artifacts/); should it, the panic is a bug and goes on as one,
        // instead of validating a second time.
        Err(panic) => std::panic::resume_unwind(panic),
    };
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return Err(Error::Invalid { problems });
    }
    Ok((Library::from_parts(parsed.dataset, index), problems))
}

fn read_all(paths: &[PathBuf], waiting: &dyn Fn(&Path)) -> Result<Vec<SourceText>, Error> {
    if paths.is_empty() {
        return Ok(EMBEDDED
            .iter()
            .map(|(name, text)| SourceText { name: name.to_string(), text: text.to_string() })
            .collect());
    }
    paths
        .iter()
        .map(|p| if p.as_os_str() == "-" { load::read_stdin() } else { load::read_source_noting(p, waiting) })
        .collect()
}
