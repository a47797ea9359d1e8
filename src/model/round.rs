//! A round of negotiations and what happened in it.

use super::{Confidence, DateSpec, Format, LinkKind, Outcome, Status, ThirdRole};
use serde::{Deserialize, Serialize};

/// One meeting, call or summit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    pub id: String,
    /// The track (process) by id.
    pub track: String,
    pub title: String,
    /// A faithful abbreviation of `title` for lists too narrow for it, so that rounds whose
    /// titles only differ at the end stay apart (`Diplomatic missions round 2, Istanbul`).
    /// Always written, `None` too: the load cache's format (postcard) is not self-describing,
    /// so a field skipped when writing could not be read back.
    #[serde(default)]
    pub short_title: Option<String>,
    pub date: DateSpec,
    /// The sources give the date loosely ("in the coming days", "last month").
    #[serde(default)]
    pub date_approximate: bool,
    pub status: Status,
    pub format: Format,
    /// The venue by id; absent for calls.
    #[serde(default)]
    pub venue: Option<String>,
    #[serde(default)]
    pub duration: Option<Duration>,
    #[serde(default)]
    pub delegations: Vec<Delegation>,
    /// Parties that are not at the table as negotiators: hosts, mediators, chairs,
    /// facilitators and observers.
    #[serde(default)]
    pub third_parties: Vec<ThirdParty>,
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
    /// Discrepancies between reports and other things a reader must know.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// How this round relates to others (it follows, prepares or replaces them).
    #[serde(default)]
    pub links: Vec<RoundLink>,
    /// Sources for the round as a whole (that it happened, when and where), by id.
    pub sources: Vec<String>,
}

/// A party that is not negotiating at a round but plays a part in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThirdParty {
    /// The party by id.
    pub party: String,
    pub role: ThirdRole,
    /// The people who acted for it, when the sources name them.
    #[serde(default)]
    pub members: Vec<Member>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub confidence: Confidence,
    /// Sources for the party's role.
    pub sources: Vec<String>,
}

/// A link from one round to another, read "this round <kind> that round".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundLink {
    pub kind: LinkKind,
    /// The other round by id.
    pub round: String,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// How long a round lasted: `min_minutes`, or a range up to `max_minutes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Duration {
    pub min_minutes: u32,
    #[serde(default)]
    pub max_minutes: Option<u32>,
    #[serde(default)]
    pub qualifier: DurationQualifier,
    #[serde(default)]
    pub confidence: Confidence,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// How a reported duration is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DurationQualifier {
    #[default]
    Exact,
    About,
    MoreThan,
}

/// One party's side of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Delegation {
    /// The party by id.
    pub party: String,
    /// The people who led it (several for co-heads), by id; each must be in `members`.
    #[serde(default)]
    pub heads: Vec<String>,
    #[serde(default)]
    pub members: Vec<Member>,
    /// What is known about members the sources do not name.
    #[serde(default)]
    pub note: Option<String>,
}

/// A person at a round, with the role held at that time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// The person by id.
    pub person: String,
    pub role: String,
    #[serde(default)]
    pub confidence: Confidence,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// One subject discussed, with its outcome and each side's account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// The topic by id.
    pub topic: String,
    pub summary: String,
    /// The party that put it on the table, by id.
    #[serde(default)]
    pub raised_by: Option<String>,
    pub outcome: Outcome,
    /// Each side's readout, kept apart when they differ.
    #[serde(default)]
    pub statements: Vec<Statement>,
    #[serde(default)]
    pub confidence: Confidence,
    pub sources: Vec<String>,
}

/// What one party said about an agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub party: String,
    pub text: String,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A remark on the round, typically a discrepancy between reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub text: String,
    #[serde(default)]
    pub confidence: Confidence,
    #[serde(default)]
    pub sources: Vec<String>,
}

impl Delegation {
    pub fn is_head(&self, person: &str) -> bool {
        self.heads.iter().any(|h| h == person)
    }
}

impl Duration {
    /// `about 90 min`, `4–5 h`, `more than 12 h`.
    pub fn label(&self) -> String {
        let amount = match self.max_minutes {
            // Both ends in one unit, so 60–90 minutes never reads as "1–90 min".
            Some(max)
                if max != self.min_minutes
                    && self.min_minutes.is_multiple_of(60)
                    && max.is_multiple_of(60) =>
            {
                format!("{}–{} h", self.min_minutes / 60, max / 60)
            }
            Some(max) if max != self.min_minutes => format!("{}–{} min", self.min_minutes, max),
            _ => minutes_amount(self.min_minutes),
        };
        match self.qualifier {
            DurationQualifier::Exact => amount,
            DurationQualifier::About => format!("about {amount}"),
            DurationQualifier::MoreThan => format!("more than {amount}"),
        }
    }
}

fn minutes_amount(minutes: u32) -> String {
    if minutes.is_multiple_of(60) {
        format!("{} h", minutes / 60)
    } else if minutes > 120 {
        format!("{}h{:02}", minutes / 60, minutes % 60)
    } else {
        format!("{minutes} min")
    }
}

impl Round {
    /// The title a list `width` columns wide shows: the whole title when it fits, else the
    /// short title when there is one (which may still need cutting).
    pub fn title_for(&self, width: usize) -> &str {
        use unicode_width::UnicodeWidthStr;
        match &self.short_title {
            Some(short) if self.title.width() > width && short.width() < self.title.width() => short,
            _ => &self.title,
        }
    }

    /// The date as lists show it: `2025-04-10`, `2025-03-23..25`, `~2025-06` (approximate).
    pub fn date_label(&self) -> String {
        let approx = if self.date_approximate { "~" } else { "" };
        format!("{approx}{}", self.date)
    }

    /// Every person at the round: delegation members, then third parties' people.
    pub fn participants(&self) -> impl Iterator<Item = &Member> {
        self.delegations
            .iter()
            .flat_map(|d| d.members.iter())
            .chain(self.third_parties.iter().flat_map(|t| t.members.iter()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dur(min: u32, max: Option<u32>, q: DurationQualifier) -> Duration {
        Duration {
            min_minutes: min,
            max_minutes: max,
            qualifier: q,
            confidence: Confidence::Confirmed,
            sources: vec![],
        }
    }

    #[test]
    fn duration_labels() {
        assert_eq!(dur(90, None, DurationQualifier::About).label(), "about 90 min");
        assert_eq!(dur(240, Some(300), DurationQualifier::Exact).label(), "4–5 h");
        assert_eq!(dur(720, None, DurationQualifier::MoreThan).label(), "more than 12 h");
        assert_eq!(dur(380, None, DurationQualifier::Exact).label(), "6h20");
        assert_eq!(dur(60, Some(90), DurationQualifier::Exact).label(), "60–90 min");
        assert_eq!(dur(90, Some(120), DurationQualifier::Exact).label(), "90–120 min");
    }
}
