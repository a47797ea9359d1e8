//! The floor for `benches/peak_memory.sh`: reads a dataset file and parses it with RON on
//! one thread, with no validation and no indexes. With `--loader`, parses it the way `talks`
//! does instead (`dataset::parse_one`: in pieces on every core for a large file), so the
//! two can be timed alternately under the same load.
//! `cargo run --release --example bare_parse -- FILE [--loader]`.

use ron::extensions::Extensions;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bare_parse FILE [--loader]");
        return ExitCode::FAILURE;
    };
    let loader = std::env::args().nth(2).is_some_and(|a| a == "--loader");
    let parsed = std::fs::read_to_string(&path).map_err(|e| e.to_string()).and_then(|text| {
        if loader {
            let source = talks::dataset::SourceText { name: path.clone(), text };
            return talks::dataset::parse_one(&source).map_err(|e| e.to_string());
        }
        ron::Options::default()
            .with_default_extension(Extensions::IMPLICIT_SOME)
            .from_str::<talks::model::Dataset>(&text)
            .map_err(|e| e.to_string())
    });
    match parsed {
        Ok(data) => {
            println!("{} rounds", data.rounds.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bare_parse: {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
