//! Exports at 10,000 and 100,000 rounds: Markdown and JSON of one round, JSON of every round.

use crate::fixture;
use divan::Bencher;
use talks::dataset::Order;
use talks::export::{self, Format};

const SIZES: [usize; 2] = [10_000, 100_000];

fn one_round(bencher: Bencher, rounds: usize, format: Format) {
    let lib = &fixture::get(rounds).lib;
    let round = [lib.order(Order::Date)[rounds / 2]];
    bencher.bench(|| export::render(lib, &round, format).expect("export"));
}

#[divan::bench(args = SIZES, sample_count = 50, sample_size = 10)]
fn export_markdown_one(bencher: Bencher, rounds: usize) {
    one_round(bencher, rounds, Format::Markdown);
}

#[divan::bench(args = SIZES, sample_count = 50, sample_size = 10)]
fn export_json_one(bencher: Bencher, rounds: usize) {
    one_round(bencher, rounds, Format::Json);
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn export_json_all(bencher: Bencher, rounds: usize) {
    let lib = &fixture::get(rounds).lib;
    bencher.bench(|| export::render(lib, lib.order(Order::Date), Format::Json).expect("export"));
}
