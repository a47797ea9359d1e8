//! The `talks` binary: parse arguments, run the command or the TUI, choose the exit code.

use clap::FromArgMatches;
use std::process::ExitCode;
use talks::cli::{Cli, Command};
use talks::Error;

fn main() -> ExitCode {
    // The long version names the built-in dataset, which costs a load: only when asked.
    let asked_version = std::env::args_os().skip(1).any(|a| a == "--version" || a == "-V");
    let command = if asked_version { talks::cli::command() } else { talks::cli::command_without_dataset() };
    let cli = match Cli::from_arg_matches(&command.get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    if !cli.no_cache {
        talks::dataset::cache::configure(talks::dataset::cache::Cache::platform());
    }
    let result = match cli.command {
        Some(Command::Browse(args)) => browse(&cli.data, &args.query),
        Some(command) => {
            talks::export::remove_temp_files_on_signals();
            talks::cli::run(command, &cli.data).map(|()| 0)
        }
        None => browse(&cli.data, &[]),
    };
    // A cache entry being written after a load is finished before the process ends (an
    // interrupted write would leave no entry, only a temporary file for a later clean-up).
    talks::dataset::cache::wait_for_writes();
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            talks::cli::diagnostic(&format!("talks: {err}"));
            ExitCode::from(exit_code(&err))
        }
    }
}

/// The browser (with the rounds filtered by `query`, from `talks browse`). Its exit status:
/// 0 when the user quit, 128 + the signal's number when a signal ended it (143 for SIGTERM),
/// as shells report a process a signal killed.
#[cfg(feature = "tui")]
fn browse(data: &[std::path::PathBuf], query: &[String]) -> Result<u8, Error> {
    Ok(match talks::tui::run(data, query)? {
        talks::tui::Ended::Quit => 0,
        talks::tui::Ended::Signal(signal) => u8::try_from(128 + signal).unwrap_or(u8::MAX),
    })
}

#[cfg(not(feature = "tui"))]
fn browse(_: &[std::path::PathBuf], _: &[String]) -> Result<u8, Error> {
    Err(Error::Terminal(
        "this build has no browser (built without the `tui` feature); use a subcommand: talks --help".into(),
    ))
}

/// The documented exit codes (README, "Exit codes").
fn exit_code(err: &Error) -> u8 {
    match err {
        Error::Parse(_) | Error::Invalid { .. } | Error::Checked { .. } => 1,
        Error::Query(_) | Error::Round(_) => 2,
        Error::Read { .. } => 3,
        Error::Write(_) | Error::Exists { .. } => 4,
        Error::Terminal(_) => 5,
    }
}
