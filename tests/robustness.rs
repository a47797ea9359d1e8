//! No input makes the dataset layer panic: arbitrary bytes, and damaged copies of the
//! minimal valid fixture, go through `parse_one` and `validate` (the library, not the binary).

use proptest::prelude::*;
use talks::dataset::{parse_sources, validate, SourceText};

const MINIMAL: &str = include_str!("fixtures/valid/minimal.ron");

/// Parses and, when that succeeds, validates; errors are fine, panics are not.
fn parse_and_validate(bytes: &[u8]) {
    let source = SourceText { name: "fuzz.ron".into(), text: String::from_utf8_lossy(bytes).into_owned() };
    let _ = talks::dataset::parse_one(&source);
    if let Ok(parsed) = parse_sources(vec![source]) {
        let problems = validate(&parsed);
        for p in &problems {
            let _ = p.to_string();
        }
        let _ = talks::dataset::Library::index_unchecked(parsed.dataset);
    }
}

/// One way of damaging the text.
#[derive(Debug, Clone)]
enum Edit {
    Delete { at: usize, len: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Replace { at: usize, len: usize, bytes: Vec<u8> },
    Truncate { at: usize },
}

/// Bytes that matter to RON, so that insertions often make something parse differently.
fn interesting_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"\"".to_vec()),
        Just(b"(".to_vec()),
        Just(b")".to_vec()),
        Just(b"[".to_vec()),
        Just(b"]".to_vec()),
        Just(b",".to_vec()),
        Just(b":".to_vec()),
        Just(b"\\".to_vec()),
        Just("é".as_bytes().to_vec()),
        Just("İ".as_bytes().to_vec()),
        Just(b"\xff".to_vec()),
        Just(b"id: \"lavrov\"".to_vec()),
        Just(b"sources: []".to_vec()),
        Just(b"parent: \"ukraine\"".to_vec()),
        Just(b"Month(2025, 13)".to_vec()),
        proptest::collection::vec(any::<u8>(), 1..8),
    ];
    proptest::collection::vec(piece, 1..4).prop_map(|v| v.concat())
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = any::<prop::sample::Index>();
    prop_oneof![
        (at.clone(), 1..40usize).prop_map(|(at, len)| Edit::Delete { at: at.index(MINIMAL.len()), len }),
        (at.clone(), interesting_bytes())
            .prop_map(|(at, bytes)| Edit::Insert { at: at.index(MINIMAL.len()), bytes }),
        (at.clone(), 1..20usize, interesting_bytes()).prop_map(|(at, len, bytes)| Edit::Replace {
            at: at.index(MINIMAL.len()),
            len,
            bytes
        }),
        at.prop_map(|at| Edit::Truncate { at: at.index(MINIMAL.len()) }),
    ]
}

fn apply(text: &mut Vec<u8>, edit: &Edit) {
    let clamp = |at: usize, len: usize| (at.min(text.len()), (at + len).min(text.len()));
    match edit {
        Edit::Delete { at, len } => {
            let (a, b) = clamp(*at, *len);
            text.drain(a..b);
        }
        Edit::Insert { at, bytes } => {
            let a = (*at).min(text.len());
            text.splice(a..a, bytes.iter().copied());
        }
        Edit::Replace { at, len, bytes } => {
            let (a, b) = clamp(*at, *len);
            text.splice(a..b, bytes.iter().copied());
        }
        Edit::Truncate { at } => text.truncate(*at),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        parse_and_validate(&bytes);
    }

    #[test]
    fn damaged_fixture_never_panics(edits in proptest::collection::vec(edit(), 1..4)) {
        let mut text = MINIMAL.as_bytes().to_vec();
        for e in &edits {
            apply(&mut text, e);
        }
        parse_and_validate(&text);
    }
}

#[test]
fn unreadable_bytes_go_through_the_read_path_without_panicking() {
    let dir = tempfile::tempdir().expect("temporary directory");
    for (name, bytes) in [("garbage.ron", &b"\xff\xfe\x00Dataset("[..]), ("blank.ron", b" \n\t ")] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        assert!(matches!(talks::dataset::check(&[path]), Err(talks::Error::Read { .. })));
    }
}

#[test]
fn the_minimal_fixture_is_valid_through_the_library() {
    let parsed = parse_sources(vec![SourceText { name: "minimal.ron".into(), text: MINIMAL.into() }])
        .expect("the minimal fixture parses");
    assert_eq!(validate(&parsed), vec![]);
}

#[cfg(unix)]
#[test]
fn a_device_given_as_the_dataset_is_refused_at_once() {
    // `/dev/zero` once grew without bound (7 GB in 8 s); it is not a file, so it is not read.
    let started = std::time::Instant::now();
    let run = crate::harness::Dir::new().run(&["check", "/dev/zero"]);
    run.code(3);
    assert_eq!(
        run.stderr,
        "talks: cannot read dataset /dev/zero: not a regular file (a character device); give a .ron file\n"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "took {:?}", started.elapsed());
}

#[cfg(target_os = "linux")]
#[test]
fn a_fifo_with_no_writer_is_announced_then_read() {
    use std::io::{BufRead, Write};
    let dir = crate::harness::Dir::new();
    let made = std::process::Command::new("mkfifo").arg("data.ron").current_dir(dir.path()).status();
    assert!(made.expect("mkfifo runs").success());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_talks"))
        .args(["check", "data.ron"])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("talks runs");
    let mut stderr = std::io::BufReader::new(child.stderr.take().expect("piped stderr"));
    let mut first = String::new();
    stderr.read_line(&mut first).expect("a line on stderr");
    assert_eq!(first, "talks: waiting for data on data.ron\n");
    // Now a writer comes: the dataset is read and checked as from a file.
    let mut writer = std::fs::OpenOptions::new().write(true).open(dir.path().join("data.ron")).expect("open");
    writer.write_all(MINIMAL.as_bytes()).expect("write");
    drop(writer);
    let output = child.wait_with_output().expect("talks ends");
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stdout));
    assert!(String::from_utf8_lossy(&output.stdout).contains("valid: 0 error(s)"));
}

#[test]
fn a_huge_title_is_cut_in_the_check_summary() {
    let title = "title: \"Russia–United States talks, 2025 (test fixture)\"";
    let dir = crate::harness::Dir::new();
    let huge = format!("title: \"{}\"", "T".repeat(1_000_000));
    assert!(MINIMAL.contains(title));
    dir.write("big.ron", MINIMAL.replacen(title, &huge, 1));
    let run = dir.run(&["check", "big.ron"]);
    run.code(0);
    assert!(run.stdout.len() < 2048, "{} bytes of summary", run.stdout.len());
    let line = run.stdout.lines().nth(1).unwrap_or_default();
    assert!(line.starts_with("  TTTT") && line.contains("T… (version"), "{line}");
    assert_eq!(line.chars().filter(|&c| c == 'T').count(), talks::text::SUMMARY_CHARS - 1);
}

/// The fuzz targets' own code paths (`fuzz/exercise.rs`), so that `cargo test` keeps every
/// input that ever mattered without nightly or cargo-fuzz.
#[path = "../fuzz/exercise.rs"]
mod exercise;

/// The committed inputs of one fuzz target: its seeds and every crash input kept from a run.
fn fuzz_inputs(target: &str) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut inputs = Vec::new();
    for dir in [root.join("seeds").join(target), root.join("artifacts").join(target)] {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_file() {
                let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                inputs.push((path, bytes));
            }
        }
    }
    inputs.sort();
    inputs
}

#[test]
fn every_fuzz_seed_and_past_crash_replays_without_panic() {
    let datasets = fuzz_inputs("dataset");
    assert!(datasets.len() >= 5, "the dataset seeds are missing: {datasets:?}");
    let mut browsed = 0;
    for (path, bytes) in &datasets {
        let ok = std::panic::catch_unwind(|| exercise::dataset(bytes));
        browsed += usize::from(ok.unwrap_or_else(|_| panic!("{} panics", path.display())));
    }
    // The valid seed goes through every export and the browser, not just the parser.
    assert!(browsed >= 1, "no seed reached the exports and the browser");
    let queries = fuzz_inputs("query");
    assert!(queries.len() >= 5, "the query seeds are missing");
    for (path, bytes) in &queries {
        if std::panic::catch_unwind(|| exercise::query(bytes)).is_err() {
            panic!("{} panics", path.display());
        }
    }
}
