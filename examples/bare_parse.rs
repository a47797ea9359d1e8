//! The floor for `benches/peak_memory.sh`: reads a dataset file and parses it with RON, with
//! no validation and no indexes. `cargo run --release --example bare_parse -- FILE`.

use ron::extensions::Extensions;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bare_parse FILE");
        return ExitCode::FAILURE;
    };
    let parsed = std::fs::read_to_string(&path).map_err(|e| e.to_string()).and_then(|text| {
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
