//! The command line: clap definitions and the non-interactive commands.
//!
//! Each command writes its result to stdout and its diagnostics to stderr, and returns an
//! [`Error`] for `main` to turn into an exit code. Nothing here draws a screen. Clap's value
//! enums convert into the domain's with small `From` impls, so the domain never sees clap.

mod check;
mod compare;
mod export;
pub mod line;
mod list;
mod out;
mod show;
mod table;
mod timeline;

use crate::Error;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub use out::{diagnostic, Output};

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
    /// List the rounds matching a query, e.g. `talks list venue:istanbul date:2025`.
    List(ListArgs),
    /// Show one round in full (an id or an unambiguous prefix, e.g. `2025-04-10`).
    Show(ShowArgs),
    /// Export rounds to Markdown, JSON, RON, CSV or iCalendar.
    Export(ExportArgs),
    /// Draw the rounds matching a query in time, one lane per track, as text.
    Timeline(TimelineArgs),
    /// Compare two rounds side by side: facts, delegations, agenda by topic, notes.
    Compare(CompareArgs),
    /// Open the browser with the rounds filtered by a query, e.g. `talks browse person:witkoff`.
    Browse(BrowseArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Query terms (all must match): words, field:value, -negation, "quoted phrases".
    /// Fields: venue city country date from to party person topic track status format id.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Order of the rounds.
    // `-date` starts with a hyphen; without this, `--sort -date` is read as the flag `-d`.
    #[arg(long, value_enum, default_value_t = SortArg::Date, allow_hyphen_values = true)]
    pub sort: SortArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// Only rounds ending on or after this date (YYYY, YYYY-MM or YYYY-MM-DD); same as `from:`.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only rounds starting on or before this date; same as `to:`.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only rounds at this venue (place, city or country); same as `venue:`.
    #[arg(long, value_name = "NAME")]
    pub venue: Option<String>,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The round's id, or an unambiguous prefix of it.
    pub round: String,
    #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
    pub format: ShowFormat,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Round ids (or unambiguous prefixes).
    #[arg(value_name = "ROUND")]
    pub rounds: Vec<String>,
    /// Also export every round matching this query.
    // A query may start with a negation, as in `--query -status:cancelled`.
    #[arg(long, value_name = "QUERY", allow_hyphen_values = true)]
    pub query: Option<String>,
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Output file; `-` or none writes to standard output.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Query terms, as for `talks list` (`person:witkoff` draws his trail).
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Columns to draw in (default: the terminal's width, or 100 when not a terminal).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(30..))]
    pub width: Option<u16>,
}

#[derive(Debug, Args)]
pub struct BrowseArgs {
    /// Query terms, as for `talks list`; a negation comes after `--`.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The first round (the left column): an id or an unambiguous prefix.
    pub left: String,
    /// The second round (the right column).
    pub right: String,
    #[arg(long, value_enum, default_value_t = CompareFormatArg::Text)]
    pub format: CompareFormatArg,
    /// Columns for the text format (default: the terminal's width, or 100).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(40..))]
    pub width: Option<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormatArg {
    Text,
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    Date,
    #[value(name = "-date")]
    DateDesc,
    Venue,
    Title,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
    Ron,
    Csv,
    Ics,
}

impl From<SortArg> for crate::query::Sort {
    fn from(s: SortArg) -> Self {
        use crate::query::Sort;
        match s {
            SortArg::Date => Sort::Date,
            SortArg::DateDesc => Sort::DateDesc,
            SortArg::Venue => Sort::Venue,
            SortArg::Title => Sort::Title,
        }
    }
}

impl From<ExportFormat> for crate::export::Format {
    fn from(f: ExportFormat) -> Self {
        use crate::export::Format;
        match f {
            ExportFormat::Markdown => Format::Markdown,
            ExportFormat::Json => Format::Json,
            ExportFormat::Ron => Format::Ron,
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Ics => Format::Ics,
        }
    }
}

/// Runs a non-interactive command.
pub fn run(command: Command, data: &[PathBuf]) -> Result<(), Error> {
    let mut out = Output::stdout();
    match command {
        Command::Check { files } => {
            let files = if files.is_empty() { data.to_vec() } else { files };
            check::run(&files, &mut out)
        }
        Command::List(args) => list::run(&open(data)?, &args, &mut out),
        Command::Show(args) => show::run(&open(data)?, &args, &mut out),
        Command::Export(args) => export::run(&open(data)?, &args, &mut out),
        Command::Timeline(args) => timeline::run(&open(data)?, &args, &mut out),
        Command::Compare(args) => compare::run(&open(data)?, &args, &mut out),
        // `main` opens the browser for it; only a build without the browser gets here.
        Command::Browse(_) => Err(Error::Terminal(
            "this build has no browser (built without the `tui` feature); use `talks list QUERY`".into(),
        )),
    }
}

/// Loads the datasets for a command; warnings are for `talks check`, not for every listing.
fn open(data: &[PathBuf]) -> Result<crate::dataset::Library, Error> {
    crate::dataset::open(data).map(|(lib, _warnings)| lib)
}
