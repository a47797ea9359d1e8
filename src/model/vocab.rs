//! Controlled vocabularies: the closed sets of values a curator may use.
//!
//! Each enum knows its identifier in the file (`as_str`, the serde variant name), a label
//! for people, and the full list of values, so errors and the codebook can list them.

use serde::{Deserialize, Serialize};

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order of the codebook.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The identifier written in the dataset file (`Held`, `WorkingLevel` …).
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => stringify!($variant)),+ }
            }

            /// A short lower-case label for people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Accepts the identifier or the label, case- and separator-insensitively
            /// (`working-level`, `WorkingLevel`, `working level`).
            pub fn parse_loose(text: &str) -> Option<$name> {
                let key = crate::model::vocab::squash(text);
                $name::ALL.iter().copied().find(|v| {
                    crate::model::vocab::squash(v.as_str()) == key
                        || crate::model::vocab::squash(v.label()) == key
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

/// Lower-cases and drops everything but letters and digits, for loose matching.
pub(crate) fn squash(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

vocabulary! {
    /// Where a round stands.
    Status {
        Held => "held",
        Announced => "announced",
        Planned => "planned",
        Postponed => "postponed",
        Cancelled => "cancelled",
    }
}

vocabulary! {
    /// The kind of meeting.
    Format {
        LeadersCall => "leaders' call",
        LeadersMeeting => "leaders' meeting",
        Summit => "summit",
        Ministerial => "ministerial",
        EnvoyVisit => "envoy visit",
        EnvoyTalks => "envoy talks",
        WorkingLevel => "working level",
        Technical => "technical",
        Multilateral => "multilateral",
        PhoneVideo => "phone/video",
    }
}

vocabulary! {
    /// What came of an agenda item.
    Outcome {
        Proposed => "proposed",
        Discussed => "discussed",
        Agreed => "agreed",
        Conditional => "agreed with conditions",
        OneSided => "reported by one side",
        NoAgreement => "no agreement",
        Deferred => "deferred",
        Unknown => "unknown",
    }
}

vocabulary! {
    /// How well a fact is attested, as marked in the fact sheet.
    Confidence {
        Confirmed => "confirmed",
        Single => "single source",
        Uncertain => "uncertain",
    }
}

vocabulary! {
    /// What a party that is not at the table does at a round.
    ThirdRole {
        Host => "host",
        Mediator => "mediator",
        Chair => "chair",
        Facilitator => "facilitator",
        Observer => "observer",
    }
}

vocabulary! {
    /// How one round relates to another.
    LinkKind {
        Follows => "follows",
        Prepares => "prepares",
        Replaces => "replaces",
    }
}

vocabulary! {
    /// What kind of event a milestone is.
    MilestoneKind {
        Agreement => "agreement",
        PrisonerExchange => "prisoner exchange",
        Ceasefire => "ceasefire or truce",
        Sanctions => "sanctions",
    }
}

vocabulary! {
    /// What kind of publication a source is.
    SourceKind {
        Official => "official readout",
        Wire => "wire report",
        Press => "press",
        Aggregator => "aggregator",
    }
}

vocabulary! {
    /// Whether a source's title is the page's own headline or the curator's description.
    TitleKind {
        Headline => "headline",
        Description => "description",
    }
}

impl Format {
    /// Calls have no venue; every other format meets somewhere.
    pub fn is_call(self) -> bool {
        matches!(self, Format::LeadersCall | Format::PhoneVideo)
    }
}

impl LinkKind {
    /// The link read from the other round: "followed by", "prepared by", "replaced by".
    pub fn inverse_label(self) -> &'static str {
        match self {
            LinkKind::Follows => "Followed by",
            LinkKind::Prepares => "Prepared by",
            LinkKind::Replaces => "Replaced by",
        }
    }
}

// The macro cannot place `#[default]` on one variant, so this is written by hand.
#[allow(clippy::derivable_impls)]
impl Default for Confidence {
    fn default() -> Self {
        Confidence::Confirmed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_parsing_accepts_labels_and_identifiers() {
        assert_eq!(Format::parse_loose("working-level"), Some(Format::WorkingLevel));
        assert_eq!(Format::parse_loose("WorkingLevel"), Some(Format::WorkingLevel));
        assert_eq!(Format::parse_loose("leaders call"), Some(Format::LeadersCall));
        assert_eq!(Status::parse_loose("CANCELLED"), Some(Status::Cancelled));
        assert_eq!(Outcome::parse_loose("no-agreement"), Some(Outcome::NoAgreement));
        assert_eq!(Status::parse_loose("postponed"), Some(Status::Postponed));
        assert_eq!(Status::parse_loose("adjourned"), None);
    }

    #[test]
    fn identifiers_round_trip_through_serde() {
        for s in Status::ALL {
            let text = ron::to_string(s).unwrap();
            assert_eq!(text, s.as_str());
        }
    }
}
