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

/// Examples printed at the end of `talks --help`.
const EXAMPLES: &str = "\
Examples:
  talks                                       browse the built-in dataset
  talks list venue:istanbul                   rounds held in Istanbul
  talks list person:witkoff --sort -date      Witkoff's rounds, latest first
  talks list -- track:trilateral -status:held trilateral rounds that did not take place
  talks show 2025-04-10                       one round in full (an id prefix is enough)
  talks export 2025-04-10 --format ics -o r.ics
  talks check my-data.ron                     validate your own dataset
  curl -s https://example.org/d.ron | talks list --data -";

/// Browse rounds of diplomatic negotiations: who met where and when, who sat in each
/// delegation, what was on the agenda and what came of it.
///
/// With no command, opens the full-screen browser on the built-in dataset (or on --data).
#[derive(Debug, Parser)]
#[command(name = "talks", version, about, long_about = None, after_help = EXAMPLES)]
pub struct Cli {
    /// Load this dataset instead of the built-in one (repeat to merge several files; `-`
    /// reads one from standard input).
    #[arg(long = "data", value_name = "FILE", global = true, help_heading = "Input")]
    pub data: Vec<PathBuf>,

    /// Read this config file instead of the default one (also: the TALKS_CONFIG variable).
    #[arg(long, value_name = "PATH", global = true, help_heading = "Input")]
    pub config: Option<PathBuf>,

    /// In the browser, do not reload the --data files when they change on disk.
    #[arg(long, global = true, help_heading = "Browser")]
    pub no_watch: bool,
    /// Neither read nor write the load cache (in ~/.cache/talks/), which lets large files
    /// that have not changed open without being parsed again.
    #[arg(long, global = true, help_heading = "Input")]
    pub no_cache: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate dataset files and print a summary (no FILE: the built-in dataset).
    Check {
        /// Files to check together, as `--data` would merge them.
        files: Vec<PathBuf>,
        /// `json`: every problem with file, line, column, severity, code and message, for
        /// editors and CI.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text, help_heading = "Output")]
        format: CheckFormat,
    },
    /// List the rounds matching a query, e.g. `talks list venue:istanbul date:2025`.
    List(ListArgs),
    /// Show one round in full (an id or an unambiguous prefix, e.g. `2025-04-10`).
    Show(ShowArgs),
    /// Export rounds to Markdown, JSON, JSON Lines, RON, CSV or iCalendar.
    Export(ExportArgs),
    /// Draw the rounds matching a query in time, one lane per track, as text.
    Timeline(TimelineArgs),
    /// Compare two rounds side by side: facts, delegations, agenda by topic, notes.
    Compare(CompareArgs),
    /// Open the browser with the rounds filtered by a query, e.g. `talks browse person:witkoff`.
    Browse(BrowseArgs),
    /// Print a shell completion script, e.g. `talks completions bash > ~/.local/share/bash-completion/completions/talks`.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page talks(1) as roff, e.g. `talks man | man -l -`.
    Man,
    /// Say which config file is read; with --default, print a commented default one.
    Config {
        /// Print the default config file, every field commented
        /// (`talks config --default > ~/.config/talks/config.ron`).
        #[arg(long)]
        default: bool,
    },
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Query terms (all must match): words, field:value, -negation, "quoted phrases".
    /// Fields: venue city country date from to party third host mediator person topic track
    /// status format id.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Order of the rounds.
    // `-date` starts with a hyphen; without this, `--sort -date` is read as the flag `-d`.
    #[arg(long, value_enum, default_value_t = SortArg::Date, allow_hyphen_values = true, help_heading = "Output")]
    pub sort: SortArg,
    /// Output format (`jsonl`: one JSON object per round and line).
    #[arg(long, value_enum, default_value_t = ListFormat::Table, help_heading = "Output")]
    pub format: ListFormat,
    /// Only rounds ending on or after this date (YYYY, YYYY-MM or YYYY-MM-DD); same as `from:`.
    #[arg(long, value_name = "DATE", help_heading = "Filtering")]
    pub from: Option<String>,
    /// Only rounds starting on or before this date; same as `to:`.
    #[arg(long, value_name = "DATE", help_heading = "Filtering")]
    pub to: Option<String>,
    /// Only rounds at this venue (place, city or country); same as `venue:`.
    #[arg(long, value_name = "NAME", help_heading = "Filtering")]
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
    #[arg(long, value_name = "QUERY", allow_hyphen_values = true, help_heading = "Filtering")]
    pub query: Option<String>,
    /// Output format (`jsonl`: one JSON object per round and line).
    #[arg(long, value_enum, help_heading = "Output")]
    pub format: ExportFormat,
    /// Output file; `-` or none writes to standard output.
    #[arg(short, long, value_name = "PATH", help_heading = "Output")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long, help_heading = "Output")]
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
    Jsonl,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
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
    Jsonl,
    Ron,
    Csv,
    Ics,
}

impl From<crate::query::Sort> for SortArg {
    fn from(s: crate::query::Sort) -> Self {
        use crate::query::Sort;
        match s {
            Sort::Date => SortArg::Date,
            Sort::DateDesc => SortArg::DateDesc,
            Sort::Venue => SortArg::Venue,
            Sort::Title => SortArg::Title,
        }
    }
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
            ExportFormat::Jsonl => Format::Jsonl,
            ExportFormat::Ron => Format::Ron,
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Ics => Format::Ics,
        }
    }
}

/// Runs a non-interactive command.
pub fn run(command: Command, data: &[PathBuf]) -> Result<(), Error> {
    run_with(command, data, None)
}

/// Runs a non-interactive command, with the `--config` path given, if any.
pub fn run_with(
    command: Command,
    data: &[PathBuf],
    cli_config: Option<&std::path::Path>,
) -> Result<(), Error> {
    let mut out = Output::stdout();
    match command {
        Command::Check { files, format } => {
            let files = if files.is_empty() { data.to_vec() } else { files };
            check::run(&files, format == CheckFormat::Json, &mut out)
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
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut command_without_dataset(), "talks", &mut buf);
            out.write_str(&String::from_utf8_lossy(&buf))
        }
        Command::Config { default: true } => out.write_str(crate::config::DEFAULT),
        Command::Config { default: false } => out.write_str(&config_report(cli_config)),
        Command::Man => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(crate::cli::command())
                .render(&mut buf)
                .map_err(|e| Error::Write(e.to_string()))?;
            out.write_str(&String::from_utf8_lossy(&buf))
        }
    }
}

/// `talks config`: the file read and whether it is there.
fn config_report(flag: Option<&std::path::Path>) -> String {
    match crate::config::path(flag) {
        Some((path, _)) if path.exists() => format!("{}\n", path.display()),
        Some((path, true)) => format!("{} (named, but missing)\n", path.display()),
        Some((path, false)) => format!(
            "{} (not there: the defaults apply; `talks config --default` prints a file to start from)\n",
            path.display()
        ),
        None => "no config directory on this system: the defaults apply\n".to_string(),
    }
}

/// The clap command, with `--version` naming the built-in dataset it carries.
pub fn command() -> clap::Command {
    command_without_dataset().long_version(long_version())
}

/// The clap command without loading the built-in dataset for `--version`.
pub fn command_without_dataset() -> clap::Command {
    use clap::CommandFactory;
    Cli::command()
}

/// `0.1.0` and the built-in dataset's title, version and curation date.
fn long_version() -> String {
    let version = env!("CARGO_PKG_VERSION");
    match crate::dataset::open(&[]) {
        Ok((lib, _)) => {
            let d = lib.data();
            format!(
                "{version}\nbuilt-in dataset: {} (version {}, curated {}; {} rounds)",
                d.title,
                d.version,
                d.curated_on,
                d.rounds.len()
            )
        }
        Err(_) => version.to_string(),
    }
}

/// Loads the datasets for a command; warnings are for `talks check`, not for every listing.
fn open(data: &[PathBuf]) -> Result<crate::dataset::Library, Error> {
    crate::dataset::open(data).map(|(lib, _warnings)| lib)
}
