//! Scale correctness (not speed): a generated 1,000-round dataset loads with no errors and
//! queries over it count what the data says. The generator is the one the benchmarks and
//! `examples/gen.rs` use.

#[path = "../benches/common/gen/mod.rs"]
pub(crate) mod gen;

use talks::dataset::{self, Library, Severity, SourceText};
use talks::query::{self, Query, Sort};
use talks::text::fold;

const ROUNDS: usize = 1_000;

/// The library and the number of warnings; fails on any error.
fn load(rounds: usize, seed: u64) -> (Library, usize) {
    let text = gen::to_ron(&gen::generate(rounds, seed)).expect("serialises");
    let parsed = dataset::parse_sources(vec![SourceText { name: "gen.ron".into(), text }])
        .expect("the generated file parses with the loader");
    let problems = dataset::validate(&parsed);
    let errors: Vec<String> =
        problems.iter().filter(|p| p.severity == Severity::Error).map(|p| p.to_string()).collect();
    assert!(errors.is_empty(), "generated data has errors:\n{}", errors.join("\n"));
    let warnings = problems.len();
    (Library::index_unchecked(parsed.dataset), warnings)
}

fn count(lib: &Library, text: &str) -> usize {
    query::filter(lib, &Query::parse(text).expect("valid query"), Sort::Date).len()
}

#[test]
fn generated_dataset_is_valid_and_realistic() {
    let (lib, warnings) = load(ROUNDS, gen::DEFAULT_SEED);
    let d = lib.data();
    assert_eq!(d.rounds.len(), ROUNDS);
    assert_eq!(d.venues.len(), 200);
    assert!((55..=70).contains(&d.topics.len()), "{} topics", d.topics.len());
    assert!((5..=10).contains(&d.tracks.len()));
    assert!(d.people.len() >= 2_000);
    // Uncertain facts are warnings; a realistic file has a few, not one per round.
    assert!(warnings < ROUNDS / 5, "{warnings} warnings for {ROUNDS} rounds");
    for r in &d.rounds {
        assert!((2..=3).contains(&r.delegations.len()), "{}", r.id);
        assert!((2..=8).contains(&r.agenda.len()), "{}", r.id);
        assert!((1..=3).contains(&r.sources.len()), "{}", r.id);
    }
}

#[test]
fn same_seed_same_bytes() {
    let a = gen::to_ron(&gen::generate(50, 7)).expect("serialises");
    let b = gen::to_ron(&gen::generate(50, 7)).expect("serialises");
    let c = gen::to_ron(&gen::generate(50, 8)).expect("serialises");
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn a_free_word_finds_the_rounds_whose_summaries_hold_it() {
    let (lib, _) = load(ROUNDS, gen::DEFAULT_SEED);
    // The generator uses `ceasefire` only in summaries, statements and notes; free words
    // search summaries, not statements or notes.
    let expected = lib
        .data()
        .rounds
        .iter()
        .filter(|r| r.agenda.iter().any(|a| fold(&a.summary).contains("ceasefire")))
        .count();
    assert!(expected > 0 && expected < ROUNDS);
    assert_eq!(count(&lib, "ceasefire"), expected);
    assert_eq!(count(&lib, "CEASEFIRE"), expected);
}

#[test]
fn venue_queries_count_rounds_in_that_city_under_any_spelling() {
    let (lib, _) = load(ROUNDS, gen::DEFAULT_SEED);
    let in_geneva = lib
        .data()
        .rounds
        .iter()
        .filter(|r| r.venue.as_deref().and_then(|v| lib.venue(v)).is_some_and(|v| v.city == "Genève"))
        .count();
    assert!(in_geneva > 0);
    assert_eq!(count(&lib, "venue:geneve"), in_geneva);
    assert_eq!(count(&lib, "venue:Genève"), in_geneva);
    assert_eq!(count(&lib, "venue:geneva"), in_geneva);
}

#[test]
fn a_negated_term_and_its_term_split_the_rounds() {
    let (lib, _) = load(ROUNDS, gen::DEFAULT_SEED);
    let held = lib.data().rounds.iter().filter(|r| r.status == talks::model::Status::Held).count();
    assert_eq!(count(&lib, "status:held"), held);
    assert_eq!(count(&lib, "-status:held"), ROUNDS - held);
}

#[test]
fn narrowing_the_live_filter_gives_what_filtering_from_scratch_gives() {
    let (lib, _) = load(ROUNDS, gen::DEFAULT_SEED);
    let typed = "venue:geneve date:2010";
    let (mut applied, mut shown) = (String::new(), query::filter(&lib, &Query::default(), Sort::Date));
    for (i, c) in typed.char_indices() {
        let text = &typed[..i + c.len_utf8()];
        let Ok(q) = Query::parse(text) else { continue };
        shown = if query::narrows(&applied, text) {
            query::filter_within(&lib, &q, &shown, Sort::Date)
        } else {
            query::filter(&lib, &q, Sort::Date)
        };
        applied = text.to_string();
        assert_eq!(shown, query::filter(&lib, &q, Sort::Date), "after typing {text:?}");
    }
}

/// The load cache through the real binary, in `$XDG_CACHE_HOME/talks`: `--no-cache` neither
/// reads nor writes it; a first `talks list` writes one entry, a second is answered from it
/// (the entry is not rewritten: same inode) with the same rows, and after the file is edited
/// the entry is replaced.
#[cfg(unix)]
#[test]
fn the_command_line_writes_and_reuses_the_load_cache_unless_told_not_to() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let data = dir.path().join("gen.ron");
    let text = gen::to_ron(&gen::generate(300, gen::DEFAULT_SEED)).expect("serialises");
    assert!(text.len() as u64 >= dataset::cache::MIN_CACHED_BYTES, "large enough to be cached");
    std::fs::write(&data, &text).expect("written");
    let cache = dir.path().join("cache");
    let list = |extra: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_talks"))
            .args(extra)
            .args(["--data", data.to_str().expect("UTF-8 path"), "list", "venue:geneve"])
            .env("XDG_CACHE_HOME", &cache)
            .output()
            .expect("talks runs");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let entries = || -> Vec<std::path::PathBuf> {
        std::fs::read_dir(cache.join("talks"))
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default()
    };
    let inode = |path: &std::path::Path| std::fs::metadata(path).expect("exists").ino();

    let uncached = list(&["--no-cache"]);
    assert!(uncached.lines().count() > 1, "some rounds in Genève:\n{uncached}");
    assert!(entries().is_empty(), "--no-cache wrote {:?}", entries());
    assert_eq!(list(&[]), uncached);
    let written = entries();
    assert_eq!(written.len(), 1, "{written:?}");
    let first = inode(&written[0]);
    assert_eq!(list(&[]), uncached, "the same rows from the cache");
    assert_eq!(inode(&written[0]), first, "a hit does not rewrite the entry");
    std::fs::write(&data, format!("{text}\n// edited\n")).expect("edited");
    assert_eq!(list(&[]), uncached);
    assert_eq!(entries().len(), 1);
    assert_ne!(inode(&entries()[0]), first, "the entry of the edited file is replaced");
}

/// A generated file is over the size the loader parses in pieces on every core: the pieces
/// must give exactly what one thread gives, and an error in the middle of the file must be
/// reported at its own line and column (the loader then re-parses serially).
#[test]
fn a_large_file_parses_in_pieces_exactly_as_on_one_thread() {
    use ron::extensions::Extensions;
    let text = gen::to_ron(&gen::generate(ROUNDS, gen::DEFAULT_SEED)).expect("serialises");
    assert!(text.len() > 4 << 20, "large enough to be parsed in pieces: {} bytes", text.len());
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let serial: talks::model::Dataset = options.from_str(&text).expect("parses");
    let source = SourceText { name: "gen.ron".into(), text: text.clone() };
    assert_eq!(dataset::parse_one(&source).expect("parses"), serial);

    let at = text.match_indices("status: Held").nth(ROUNDS / 2).expect("a held round").0;
    let line = text[..at].lines().count() + usize::from(text[..at].ends_with('\n'));
    let broken = format!("{}status: Heldd{}", &text[..at], &text[at + "status: Held".len()..]);
    let column = at - text[..at].rfind('\n').map_or(0, |n| n + 1) + 1;
    match dataset::parse_one(&SourceText { name: "gen.ron".into(), text: broken }) {
        Err(talks::Error::Parse(report)) => {
            assert!(
                report.starts_with(&format!("gen.ron:{line}:")),
                "expected line {line} (column {column}):\n{report}"
            );
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
}
