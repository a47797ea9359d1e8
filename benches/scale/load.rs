//! Loading: the full pipeline (parse, validate, build the indexes and folded keys) beside a
//! bare RON parse of the same text, the floor it cannot beat. The text is already in memory
//! in both, so the ratio of the two rows is the overhead of `talks` over serde + RON.

use crate::fixture;
use divan::Bencher;
use ron::extensions::Extensions;
use talks::dataset::cache::{self, Cache};
use talks::dataset::{self, Origin, Severity, SourceText};
use talks::model::Dataset;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn load_full(bencher: Bencher, rounds: usize) {
    let f = fixture::get(rounds);
    bencher
        .with_inputs(|| vec![SourceText { name: "generated.ron".into(), text: f.text.clone() }])
        .bench_values(|files| {
            // The app's own path: parse, then validate and index side by side.
            let (lib, problems) = dataset::open_sources(files, &|_| {}).expect("generated data loads");
            assert!(problems.iter().all(|p| p.severity != Severity::Error));
            lib
        });
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn load_bare_parse(bencher: Bencher, rounds: usize) {
    let f = fixture::get(rounds);
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    bencher.bench(|| options.from_str::<Dataset>(&f.text).expect("generated data parses"));
}

/// The loader's parse (`dataset::parse_one`: in pieces on every core for large files),
/// to compare with `load_bare_parse` (one thread) in the same run.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn load_parse(bencher: Bencher, rounds: usize) {
    let f = fixture::get(rounds);
    let source = SourceText { name: "generated.ron".into(), text: f.text.clone() };
    bencher.bench(|| dataset::parse_one(&source).expect("generated data parses"));
}

/// The pieces of `load_full` after parsing, to see where its overhead goes: validation of an
/// already parsed file (the parse is done once, before timing).
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn load_part_validate(bencher: Bencher, rounds: usize) {
    let f = fixture::get(rounds);
    let files = vec![SourceText { name: "generated.ron".into(), text: f.text.clone() }];
    let parsed = dataset::parse_sources(files).expect("generated data parses");
    bencher.bench(|| dataset::validate(&parsed));
}

/// … and building the indexes and folded search keys (what loading does after validation).
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn load_part_index(bencher: Bencher, rounds: usize) {
    let lib = &fixture::get(rounds).lib;
    bencher.bench(|| dataset::Index::build(lib.data()));
}

/// The top of the file and its first 100 rounds: what a first screen shown while the rest
/// loads would parse (`dataset::parse_head`).
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn load_head(bencher: Bencher, rounds: usize) {
    let f = fixture::get(rounds);
    let source = SourceText { name: "generated.ron".into(), text: f.text.clone() };
    bencher.bench(|| dataset::parse_head(&source, 100).expect("the head parses"));
}

/// Opening the file again when it has not changed: the whole library read back from the
/// load cache (written once, untimed, to a temporary directory).
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn load_cached(bencher: Bencher, rounds: usize) {
    let f = fixture::get(rounds);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("generated.ron");
    std::fs::write(&file, &f.text).expect("written");
    let store = Cache::at(dir.path().join("cache")).with_min_bytes(0);
    let paths = [file];
    dataset::open_using(&paths, Some(&store), &|_| {}, &|_| {}).expect("generated data loads");
    cache::wait_for_writes();
    bencher.bench(|| {
        let (lib, _, origin) = dataset::open_using(&paths, Some(&store), &|_| {}, &|_| {}).expect("loads");
        assert_eq!(origin, Origin::Cache);
        lib
    });
}
