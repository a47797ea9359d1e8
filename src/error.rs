//! The one error type, with messages written for the user.
//!
//! Every message names the place (file, round id, term, path) and, where there is one, the
//! fix. Exit codes are chosen from these variants in `main` only.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A dataset file could not be read (missing, a directory, empty, not UTF-8).
    #[error("cannot read dataset {path}: {reason}")]
    Read { path: PathBuf, reason: String },
    /// A dataset file is not valid RON for the model; the string is the rendered report.
    #[error("{0}")]
    Parse(String),
    /// The dataset parsed but failed validation; problems were reported separately.
    #[error("the dataset has {errors} error(s); fix them and run `talks check` again")]
    Invalid { errors: usize },
    /// A query could not be parsed.
    #[error("{0}")]
    Query(#[from] crate::query::QueryError),
    /// A round id that matches nothing, or more than one round.
    #[error("{0}")]
    Round(String),
    /// Writing output failed; the message names the path and the reason.
    #[error("{0}")]
    Write(String),
    /// The terminal could not be set up or drawn to.
    #[error("terminal error: {0}")]
    Terminal(String),
}
