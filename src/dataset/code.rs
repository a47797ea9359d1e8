//! Stable codes for the problems `talks check` reports, for editors and CI that read
//! `talks check --format json` and should not parse the wording of messages.

/// What kind of problem it is. The string form (`duplicate-id`) never changes once released.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Code {
    /// The file is not valid RON for the model (only from parsing, not validation).
    Parse,
    InvalidId,
    DuplicateId,
    UnknownReference,
    MissingSource,
    EmptyField,
    InvalidDate,
    InvalidDuration,
    DuplicateDelegation,
    HeadNotMember,
    ThirdPartyAtTable,
    SelfLink,
    TopicCycle,
    Uncertain,
    NoAgenda,
    UnusedSource,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Parse => "parse",
            Code::InvalidId => "invalid-id",
            Code::DuplicateId => "duplicate-id",
            Code::UnknownReference => "unknown-reference",
            Code::MissingSource => "missing-source",
            Code::EmptyField => "empty-field",
            Code::InvalidDate => "invalid-date",
            Code::InvalidDuration => "invalid-duration",
            Code::DuplicateDelegation => "duplicate-delegation",
            Code::HeadNotMember => "head-not-member",
            Code::ThirdPartyAtTable => "third-party-at-table",
            Code::SelfLink => "self-link",
            Code::TopicCycle => "topic-cycle",
            Code::Uncertain => "uncertain",
            Code::NoAgenda => "no-agenda",
            Code::UnusedSource => "unused-source",
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
