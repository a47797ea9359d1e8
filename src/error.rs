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
    /// The dataset parsed but failed validation.
    #[error("{}", render_problems(problems))]
    Invalid { problems: Vec<crate::dataset::Problem> },
    /// `talks check` found errors (already printed).
    #[error("the dataset has {errors} error(s); see the messages above")]
    Checked { errors: usize },
    /// A query could not be parsed.
    #[error("{0}")]
    Query(#[from] crate::query::QueryError),
    /// A round id that matches nothing, or more than one round.
    #[error("{0}")]
    Round(String),
    /// Writing output failed; the message names the path and the reason.
    #[error("{0}")]
    Write(String),
    /// The output file exists and replacing it was not asked for. How to ask (`--force` on
    /// the command line, `y` in the browser) is for the caller to say.
    #[error("{} already exists", path.display())]
    Exists { path: PathBuf },
    /// The config file could not be read or has mistakes; the message gives each with
    /// file:line:column.
    #[error("{0}\nfix the config file, or start with `--config /dev/null` to leave it out")]
    Config(String),
    /// The terminal could not be set up or drawn to.
    #[error("terminal error: {0}")]
    Terminal(String),
}

fn render_problems(problems: &[crate::dataset::Problem]) -> String {
    use crate::dataset::Severity;
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    let mut out: String =
        problems.iter().filter(|p| p.severity == Severity::Error).map(|p| format!("{p}\n")).collect();
    out.push_str(&format!("the dataset has {errors} error(s); fix them and run `talks check` to confirm"));
    out
}
