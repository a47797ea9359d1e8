//! Which character stands for a round or a milestone on the timeline, and the legend that
//! explains them: the shape says the format (a call, a meeting, a summit), the fill says
//! whether it took place, and the two statuses that mean "not on that day" have their own
//! marks, the ones the rounds list uses.

use crate::model::{Format, Status};

/// The format of a round, as far as the timeline tells formats apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Leaders' calls and phone or video calls.
    Call,
    /// Summits and leaders' meetings: heads of state or government in person.
    Summit,
    /// Every other meeting: ministers, envoys, working level, technical, multilateral.
    Meeting,
    Milestone,
}

impl Shape {
    pub fn of(format: Format) -> Shape {
        match format {
            Format::LeadersCall | Format::PhoneVideo => Shape::Call,
            Format::Summit | Format::LeadersMeeting => Shape::Summit,
            Format::Ministerial
            | Format::EnvoyVisit
            | Format::EnvoyTalks
            | Format::WorkingLevel
            | Format::Technical
            | Format::Multilateral => Shape::Meeting,
        }
    }
}

/// What a mark shows: its shape and, for a round, its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Symbol {
    pub shape: Shape,
    /// `None` for a milestone.
    pub status: Option<Status>,
}

impl Symbol {
    pub fn round(status: Status, format: Format) -> Symbol {
        Symbol { shape: Shape::of(format), status: Some(status) }
    }

    pub fn milestone() -> Symbol {
        Symbol { shape: Shape::Milestone, status: None }
    }

    /// The character drawn for the mark.
    pub fn char(self) -> char {
        let held = match self.status {
            None => return MILESTONE,
            Some(Status::Cancelled) => return CANCELLED,
            Some(Status::Postponed) => return POSTPONED,
            Some(Status::Held) => true,
            Some(Status::Planned | Status::Announced) => false,
        };
        match (self.shape, held) {
            (Shape::Call, true) => '◆',
            (Shape::Call, false) => '◇',
            (Shape::Summit, true) => '★',
            (Shape::Summit, false) => '☆',
            (Shape::Meeting, true) => '●',
            (Shape::Meeting, false) => '○',
            (Shape::Milestone, _) => MILESTONE,
        }
    }
}

const MILESTONE: char = '▲';
const CANCELLED: char = '✗';
const POSTPONED: char = '»';
/// The fill of a round dated by a range of days or a month, after its mark.
pub(super) const SPAN: char = '─';
/// The fill of a round dated loosely, before its mark and over its span.
pub(super) const APPROXIMATE: char = '~';
/// A column where more than nine marks fall.
pub(super) const MANY: char = '+';

/// The legend: each character with what it means, for the help screen, the README and
/// `talks timeline` (one source, so they cannot disagree).
pub const LEGEND: &[(&str, &str)] = &[
    ("● ○", "meeting (ministers, envoys, technical…): held, planned or announced"),
    ("◆ ◇", "call (leaders' or phone/video): held, planned or announced"),
    ("★ ☆", "summit or leaders' meeting: held, planned or announced"),
    ("» ✗", "postponed, cancelled (any format)"),
    ("▲", "milestone: agreement, prisoner exchange, ceasefire, sanctions"),
    ("●───", "dated by a range of days or a month: drawn over its days"),
    ("~●~~", "dated approximately"),
    ("2…9 +", "that many marks in one column (+: more than nine)"),
];

/// The legend as the README's table (a test keeps the README's copy equal).
pub fn legend_markdown() -> String {
    let mut out = String::from("| mark | meaning |\n|---|---|\n");
    for (marks, meaning) in LEGEND {
        out.push_str(&format!("| `{marks}` | {meaning} |\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_and_status_has_a_mark_the_legend_explains() {
        let legend: String = LEGEND.iter().map(|(chars, _)| *chars).collect();
        for &format in Format::ALL {
            for &status in Status::ALL {
                let c = Symbol::round(status, format).char();
                assert!(legend.contains(c), "{format:?} {status:?} drawn as {c}, not in the legend");
                assert_eq!(unicode_width::UnicodeWidthChar::width(c), Some(1), "{c} is one column");
            }
        }
        assert!(legend.contains(Symbol::milestone().char()));
        for c in [SPAN, APPROXIMATE, MANY] {
            assert!(legend.contains(c), "{c}");
        }
    }

    #[test]
    fn the_readme_legend_is_this_one() {
        let readme = include_str!("../../README.md");
        assert!(
            readme.contains(&legend_markdown()),
            "README.md's timeline legend is stale; replace it with:\n{}",
            legend_markdown()
        );
    }

    #[test]
    fn shapes_tell_calls_meetings_and_summits_apart() {
        let held = |f| Symbol::round(Status::Held, f).char();
        assert_eq!(held(Format::LeadersCall), '◆');
        assert_eq!(held(Format::PhoneVideo), '◆');
        assert_eq!(held(Format::Summit), '★');
        assert_eq!(held(Format::WorkingLevel), '●');
        assert_eq!(Symbol::round(Status::Planned, Format::Summit).char(), '☆');
        assert_eq!(Symbol::round(Status::Cancelled, Format::Summit).char(), '✗');
    }
}
