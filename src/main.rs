//! The `talks` binary: parse arguments, run the command or the TUI, choose the exit code.

use clap::FromArgMatches;
use std::process::ExitCode;
use talks::cli::{Cli, Command};
use talks::Error;

fn main() -> ExitCode {
    // `COMPLETE=bash talks` prints a registration script; the shell then calls back with
    // the words to complete (round ids and query fields are looked up then), and exits.
    clap_complete::CompleteEnv::with_factory(talks::cli::command_without_dataset).complete();
    // The long version names the built-in dataset, which costs a load: only when asked.
    let asked_version = std::env::args_os().skip(1).any(|a| a == "--version" || a == "-V");
    let command = if asked_version { talks::cli::command() } else { talks::cli::command_without_dataset() };
    let matches = command.get_matches();
    let mut cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    if !cli.no_cache {
        talks::dataset::cache::configure(talks::dataset::cache::Cache::platform());
    }
    let result = match load_config(&mut cli, &matches) {
        Err(err) => Err(err),
        Ok(config) => match cli.command.take() {
            Some(Command::Browse(args)) => browse(&cli, &args.query, config),
            Some(command) => {
                talks::export::remove_temp_files_on_signals();
                talks::cli::run_with(command, &cli.data, cli.config.as_deref()).map(|()| 0)
            }
            None => browse(&cli, &[], config),
        },
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
fn browse(cli: &Cli, query: &[String], config: talks::config::Config) -> Result<u8, Error> {
    let options = talks::tui::Options { no_watch: cli.no_watch, config };
    Ok(match talks::tui::run(&cli.data, query, &options)? {
        talks::tui::Ended::Quit => 0,
        talks::tui::Ended::Signal(signal) => u8::try_from(128 + signal).unwrap_or(u8::MAX),
    })
}

#[cfg(not(feature = "tui"))]
fn browse(_: &Cli, _: &[String], _: talks::config::Config) -> Result<u8, Error> {
    Err(Error::Terminal(
        "this build has no browser (built without the `tui` feature); use a subcommand: talks --help".into(),
    ))
}

/// Reads the config file (`talks config` needs none) and applies what the command line
/// takes from it: the datasets when no `--data` is given, the sort when no `--sort` is.
fn load_config(cli: &mut Cli, matches: &clap::ArgMatches) -> Result<talks::config::Config, Error> {
    if matches!(cli.command, Some(Command::Config { .. })) {
        return Ok(talks::config::Config::default());
    }
    let config = talks::config::load(talks::config::path(cli.config.as_deref()))?;
    if cli.data.is_empty() {
        cli.data = config.data.clone();
    }
    let sort_given = matches
        .subcommand_matches("list")
        .and_then(|m| m.value_source("sort"))
        .is_some_and(|s| s != clap::parser::ValueSource::DefaultValue);
    if let (Some(Command::List(args)), Some(sort), false) = (&mut cli.command, config.sort, sort_given) {
        args.sort = sort.into();
    }
    Ok(config)
}

/// The documented exit codes (README, "Exit codes").
fn exit_code(err: &Error) -> u8 {
    match err {
        Error::Parse(_) | Error::Invalid { .. } | Error::Checked { .. } => 1,
        Error::Query(_) | Error::Round(_) | Error::Config(_) => 2,
        Error::Read { .. } => 3,
        Error::Write(_) | Error::Exists { .. } => 4,
        Error::Terminal(_) => 5,
    }
}
