//! The command line: clap definitions and the non-interactive commands.
//!
//! Each command writes its result to stdout and its diagnostics to stderr, and returns an
//! [`Error`] for `main` to turn into an exit code. Nothing here draws a screen.

mod check;
mod out;

use crate::Error;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

pub use out::Output;

/// Browse rounds of diplomatic negotiations: who met where and when, who sat in each
/// delegation, what was on the agenda and what came of it.
///
/// With no command, opens the full-screen browser on the built-in dataset (or on --data).
#[derive(Debug, Parser)]
#[command(name = "talks", version, about, long_about = None)]
pub struct Cli {
    /// Load this dataset instead of the built-in one (repeat to merge several files).
    #[arg(long = "data", value_name = "FILE", global = true)]
    pub data: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate dataset files and print a summary (no FILE: the built-in dataset).
    Check {
        /// Files to check together, as `--data` would merge them.
        files: Vec<PathBuf>,
    },
}

/// Runs a non-interactive command.
pub fn run(command: Command, data: &[PathBuf]) -> Result<(), Error> {
    let mut out = Output::stdout();
    match command {
        Command::Check { files } => {
            let files = if files.is_empty() { data.to_vec() } else { files };
            check::run(&files, &mut out)
        }
    }
}
