//! Datasets on disk and in memory: reading, parsing, validating, and indexing.
//!
//! The pipeline is `read` (bytes to text, one-line errors) → `parse` (RON to the model, with
//! a rendered report pointing at line and column) → `validate` (every problem at once, each
//! with its position when it can be found) → [`Library`] (the merged data plus the indexes
//! and folded search keys that every query and every keystroke use).
//!
//! Nothing here prints: callers decide where reports go.

mod diagnostic;
mod index;
mod load;
mod locate;
mod validate;
mod words;

pub use diagnostic::{Location, Problem, Severity};
pub use index::{Attendance, Index, RoundKeys, Seat, TopicMention};
pub use load::{parse_one, parse_sources, read_source, to_ron, Origins, Parsed, SourceText};
pub use validate::validate;
pub use words::{RoundSet, WordIndex};

use crate::model::{Dataset, Person, Round, RoundLink, Topic, Venue};
use crate::Error;
use std::path::PathBuf;

/// The dataset shipped inside the binary.
pub const EMBEDDED: &str = include_str!("../../data/russia-us-2025.ron");
/// The name the embedded dataset is reported under.
pub const EMBEDDED_NAME: &str = "<built-in>/russia-us-2025.ron";

/// A validated dataset with its indexes: what the CLI, the TUI and the exports read.
#[derive(Debug, Clone)]
pub struct Library {
    pub data: Dataset,
    pub index: Index,
}

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
pub fn check(paths: &[PathBuf]) -> Result<Checked, Error> {
    check_with_progress(paths, &|_| {})
}

fn check_with_progress(paths: &[PathBuf], progress: &dyn Fn(Stage)) -> Result<Checked, Error> {
    progress(Stage::Reading);
    let sources = read_all(paths)?;
    progress(Stage::Parsing);
    let parsed = parse_sources(sources)?;
    progress(Stage::Validating);
    let problems = validate(&parsed);
    Ok(Checked { parsed, problems })
}

/// Opens a library for browsing: errors make it fail, warnings are returned to show.
pub fn open(paths: &[PathBuf]) -> Result<(Library, Vec<Problem>), Error> {
    open_with_progress(paths, &|_| {})
}

/// Like [`open`], calling `progress` as each stage starts.
pub fn open_with_progress(
    paths: &[PathBuf],
    progress: &dyn Fn(Stage),
) -> Result<(Library, Vec<Problem>), Error> {
    progress(Stage::Reading);
    let sources = read_all(paths)?;
    open_sources(sources, progress)
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
    // Validation and indexing only read the dataset, so they run side by side on two cores;
    // the index is thrown away if validation finds errors.
    let (problems, index) = std::thread::scope(|scope| {
        let validating = scope.spawn(|| validate(&parsed));
        let index = Index::build(&parsed.dataset);
        (validating.join(), index)
    });
    let problems = match problems {
        Ok(problems) => problems,
        // Validation does not panic on any input the tests have found; if it ever does,
        // validating again here reports the panic through the normal hook.
        Err(_) => validate(&parsed),
    };
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return Err(Error::Invalid { problems });
    }
    Ok((Library { data: parsed.dataset, index }, problems))
}

fn read_all(paths: &[PathBuf]) -> Result<Vec<SourceText>, Error> {
    if paths.is_empty() {
        return Ok(vec![SourceText { name: EMBEDDED_NAME.to_string(), text: EMBEDDED.to_string() }]);
    }
    paths.iter().map(|p| read_source(p)).collect()
}

impl Library {
    /// Builds the indexes over a dataset that passed validation. Dangling references are
    /// skipped rather than trusted, so a library built from unchecked data cannot panic.
    pub fn new(data: Dataset) -> Library {
        let index = Index::build(&data);
        Library { data, index }
    }

    pub fn round(&self, id: &str) -> Option<&Round> {
        self.index.round_by_id.get(id).map(|&i| &self.data.rounds[i])
    }

    /// The position of a round in the dataset, for views that refer to rounds by index.
    pub fn round_position(&self, id: &str) -> Option<usize> {
        self.index.round_by_id.get(id).copied()
    }

    /// The rounds that link to the round `id`, with their link.
    pub fn links_to<'a>(&'a self, id: &'a str) -> impl Iterator<Item = (&'a str, &'a RoundLink)> + 'a {
        self.data
            .rounds
            .iter()
            .flat_map(|r| r.links.iter().map(move |l| (r.id.as_str(), l)))
            .filter(move |(_, l)| l.round == id)
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.index.person_by_id.get(id).map(|&i| &self.data.people[i])
    }

    pub fn venue(&self, id: &str) -> Option<&Venue> {
        self.index.venue_by_id.get(id).map(|&i| &self.data.venues[i])
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.index.topic_by_id.get(id).map(|&i| &self.data.topics[i])
    }

    /// The display name of a party id, or the id itself when it is unknown.
    pub fn party_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.index.party_by_id.get(id).map_or(id, |&i| self.data.parties[i].name.as_str())
    }

    /// The display name of a person id, or the id itself when it is unknown.
    pub fn person_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.person(id).map_or(id, |p| p.name.as_str())
    }

    /// The display name of a topic id, or the id itself when it is unknown.
    pub fn topic_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.topic(id).map_or(id, |t| t.name.as_str())
    }

    /// The display name of a track id, or the id itself when it is unknown.
    pub fn track_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.index.track_by_id.get(id).map_or(id, |&i| self.data.tracks[i].name.as_str())
    }

    /// `Diriyah Palace, Riyadh, Saudi Arabia`, or `phone call` for a round without a venue.
    pub fn venue_label(&self, round: &Round) -> String {
        match round.venue.as_deref().and_then(|v| self.venue(v)) {
            Some(v) => match &v.place {
                Some(place) => format!("{place}, {}, {}", v.city, v.country),
                None => format!("{}, {}", v.city, v.country),
            },
            None if round.venue.is_some() => round.venue.clone().unwrap_or_default(),
            None => "phone call".to_string(),
        }
    }

    /// The short form for lists: the city, or `phone call`.
    pub fn venue_short<'a>(&'a self, round: &'a Round) -> &'a str {
        match round.venue.as_deref() {
            Some(id) => self.venue(id).map_or(id, |v| v.city.as_str()),
            None => "phone call",
        }
    }
}
