//! The entities rounds refer to: sources, parties, people, venues, topics and tracks.

use super::{Confidence, DateSpec, MilestoneKind, Note, SourceKind, TitleKind};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A publication a fact is taken from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// Whether `title` is the page's own headline or a description written by the curator.
    pub title_kind: TitleKind,
    pub kind: SourceKind,
    /// The outlet, when known (`Báo Nghệ An`, `TASS`).
    #[serde(default)]
    pub outlet: Option<String>,
    pub url: String,
    #[serde(default)]
    pub published: Option<NaiveDate>,
    /// ISO 639-1 code.
    pub language: String,
}

/// Whether a party is a state or an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum PartyKind {
    #[default]
    State,
    Organisation,
}

/// A state or organisation that sends delegations, hosts or mediates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub kind: PartyKind,
    /// Other forms of the name (`États-Unis`, `USA`), all searchable.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A person who took part in a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: String,
    /// Transliterations and other-language forms (`Sergueï Lavrov`), all searchable.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The party the person acts for, by id.
    #[serde(default)]
    pub party: Option<String>,
    #[serde(default)]
    pub positions: Vec<Position>,
}

/// A post a person held, with the dates when the sources give them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub title: String,
    /// The party or organisation the post belongs to, by party id.
    #[serde(default)]
    pub party: Option<String>,
    #[serde(default)]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    pub to: Option<NaiveDate>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Where a round met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Venue {
    pub id: String,
    /// The building (`Diriyah Palace`); absent when the sources do not name it.
    #[serde(default)]
    pub place: Option<String>,
    pub city: String,
    pub country: String,
    /// Other forms of the place, city and country (`Riyad`, `İstanbul`, `Turquie`).
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A subject on the agenda; topics form a tree through `parent`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A negotiation process that rounds belong to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Track {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
}

impl Milestone {
    /// The date as lists show it, `~` marking an approximate one.
    pub fn date_label(&self) -> String {
        let approx = if self.date_approximate { "~" } else { "" };
        format!("{approx}{}", self.date)
    }
}

/// Something that is not a round but that rounds are read against: an agreement signed, a
/// prisoner exchange, a ceasefire or truce, sanctions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub id: String,
    pub kind: MilestoneKind,
    pub title: String,
    pub date: DateSpec,
    #[serde(default)]
    pub date_approximate: bool,
    /// The parties involved, by id.
    #[serde(default)]
    pub parties: Vec<String>,
    pub summary: String,
    /// The rounds it came from or was agreed at, by id.
    #[serde(default)]
    pub rounds: Vec<String>,
    #[serde(default)]
    pub notes: Vec<Note>,
    #[serde(default)]
    pub confidence: Confidence,
    pub sources: Vec<String>,
}
