//! The data model: plain serde types for a dataset of negotiation rounds.
//!
//! Owns the shapes and the controlled vocabularies (status, format, outcome, confidence,
//! date precision). It knows nothing of files, validation, search or display: loading and
//! checking live in `dataset`, matching in `query`, drawing in `tui`.
//!
//! Every entity is referred to by a stable string id. Optional fields use `Option` and may be
//! omitted in the file; the loader enables RON's `implicit_some`, so a curator writes
//! `published: "2025-04-08"` rather than `Some("2025-04-08")`.

mod date;
mod entities;
pub mod items;
mod kind;
mod round;
mod vocab;

pub use date::{DateSpec, Interval};
pub use entities::{Milestone, Party, PartyKind, Person, Position, Source, Topic, Track, Venue};
pub use items::{Decode, Items};
pub use kind::{Kind, PerKind};
pub use round::{
    AgendaItem, Delegation, Duration, DurationQualifier, Member, Note, Round, RoundLink, Statement,
    ThirdParty,
};
pub use vocab::{
    Confidence, Format, LinkKind, MilestoneKind, Outcome, SourceKind, Status, ThirdRole, TitleKind,
};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A whole dataset file: metadata, then the referenced entities, then the rounds and the
/// milestones, and the sources last. Fields may come in any order in a file; this is the
/// order `talks` writes them in. Sources go last because only a round's detail needs them:
/// in a large file, the rows of the first screen are then near the top (see `dataset::head`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub title: String,
    pub version: String,
    /// Also the DTSTAMP of calendar exports, so that they are reproducible.
    pub curated_on: NaiveDate,
    pub description: String,
    /// ISO 639-1 codes of the languages names and aliases are given in.
    #[serde(default)]
    pub languages: Vec<String>,
    pub licence: String,
    #[serde(default)]
    pub parties: Vec<Party>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub venues: Vec<Venue>,
    #[serde(default)]
    pub topics: Vec<Topic>,
    #[serde(default)]
    pub tracks: Vec<Track>,
    #[serde(default)]
    pub rounds: Items<Round>,
    /// Agreements, exchanges, ceasefires and sanctions the rounds are read against.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    #[serde(default)]
    pub sources: Items<Source>,
}
