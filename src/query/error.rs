//! What can be wrong with a query, in messages written for the person who typed it.
//!
//! Every variant keeps the offending term as typed, so the TUI can point at it and the CLI
//! can quote it; unknown fields and values come with the valid ones.

use super::term::FIELD_NAMES;

/// A query that cannot be evaluated. Never a panic, never a silent empty result.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error(
        "unknown field `{field}:` in `{term}`{}; the fields are {}",
        suggestion.map(|s| format!("; did you mean `{s}:`?")).unwrap_or_default(),
        FIELD_NAMES.join(", ")
    )]
    UnknownField { term: String, field: String, suggestion: Option<&'static str> },
    #[error("`{term}` has an empty value after `{field}:`; write a value, as in `{example}`")]
    EmptyValue { term: String, field: &'static str, example: &'static str },
    #[error("`{term}`: {reason}")]
    BadDate { term: String, reason: String },
    #[error("`{term}`: unknown {field} `{value}`; the values are {valid}")]
    BadValue { term: String, field: &'static str, value: String, valid: String },
    #[error("unclosed quote in `{term}`; add the closing `\"`")]
    UnclosedQuote { term: String },
    #[error("empty quotes in `{term}`; put a word or a phrase between them")]
    EmptyPhrase { term: String },
    #[error("a lone `-` negates nothing; put it right before a term, as in `-venue:riyadh`")]
    LoneMinus,
}

impl QueryError {
    /// The term as the user typed it (with its quotes and its `-`).
    pub fn term(&self) -> &str {
        match self {
            QueryError::UnknownField { term, .. }
            | QueryError::EmptyValue { term, .. }
            | QueryError::BadDate { term, .. }
            | QueryError::BadValue { term, .. }
            | QueryError::UnclosedQuote { term }
            | QueryError::EmptyPhrase { term } => term,
            QueryError::LoneMinus => "-",
        }
    }
}
