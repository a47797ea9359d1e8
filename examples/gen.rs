//! Writes a synthetic dataset of any size, for scale tests and benchmarks:
//! `cargo run --release --example gen -- --rounds 100000 --seed 7 -o big.ron`.
//!
//! A thin wrapper: the generator lives in `benches/common/gen/`, shared with the benchmarks
//! and `tests/scale.rs`.

#[path = "../benches/common/gen/mod.rs"]
mod gen;

use clap::Parser;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Generate a valid dataset with a realistic shape; the same seed gives the same bytes.
#[derive(Parser)]
struct Args {
    /// How many rounds.
    #[arg(long)]
    rounds: usize,
    /// Seed of the pseudo-random generator.
    #[arg(long, default_value_t = gen::DEFAULT_SEED)]
    seed: u64,
    /// Output file; standard output when absent.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let data = gen::generate(args.rounds, args.seed);
    let result = gen::to_ron(&data).map_err(|e| e.to_string()).and_then(|text| match &args.output {
        Some(path) => std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display())),
        None => std::io::stdout().lock().write_all(text.as_bytes()).map_err(|e| e.to_string()),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen: {e}");
            ExitCode::FAILURE
        }
    }
}
