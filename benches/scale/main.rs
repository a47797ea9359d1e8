//! Scale benchmarks (divan): loading, querying, drawing and exporting at 1,000 to 100,000
//! generated rounds. `cargo bench --bench scale` runs them all; a filter picks some, e.g.
//! `cargo bench --bench scale -- load` or `-- query::live`. BENCHMARKS.md has the figures.
//!
//! Under `cargo test --all-targets` this binary is built (so it cannot rot) but times nothing:
//! without cargo's `--bench` flag it says so and exits.

#[path = "../common/gen/mod.rs"]
mod gen;

mod export;
mod first_screen;
mod fixture;
mod load;
mod query;
mod reload;
mod render;
mod timeline;

fn main() {
    if std::env::args().any(|a| a == "--bench") {
        divan::main();
    } else {
        eprintln!("scale benchmarks: nothing is timed outside `cargo bench`");
    }
}
