use super::*;
use crate::dataset::{open_using, Origin, Stage, EMBEDDED};
use std::cell::RefCell;
use std::fs::OpenOptions;

/// The shipped dataset written out as files, and a cache of any size in another directory
/// (the TUI's tests of a library read back from the cache use it too).
pub(crate) struct Setup {
    _dir: tempfile::TempDir,
    pub(crate) files: Vec<PathBuf>,
    pub(crate) cache: Cache,
}

pub(crate) fn setup() -> Setup {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let files: Vec<PathBuf> = EMBEDDED
        .iter()
        .enumerate()
        .map(|(i, (_, text))| {
            let path = dir.path().join(format!("part{i}.ron"));
            std::fs::write(&path, text).expect("written");
            path
        })
        .collect();
    let cache = Cache::at(dir.path().join("cache")).with_min_bytes(0);
    Setup { _dir: dir, files, cache }
}

/// Opens through the cache, waiting for the entry to be written; the stages reported.
pub(crate) fn open(s: &Setup) -> (Library, Vec<Problem>, Origin, Vec<Stage>) {
    let stages = RefCell::new(Vec::new());
    let (lib, problems, origin) =
        open_using(&s.files, Some(&s.cache), &|_| {}, &|stage| stages.borrow_mut().push(stage))
            .expect("opens");
    wait_for_writes();
    (lib, problems, origin, stages.into_inner())
}

fn entries(s: &Setup) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(s.cache.dir())
        .map(|r| {
            r.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "bin")).collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

#[test]
fn a_second_open_reads_the_cache_and_parses_nothing() {
    let s = setup();
    let (first, warnings, origin, stages) = open(&s);
    assert_eq!(origin, Origin::Files);
    assert!(stages.contains(&Stage::Parsing));
    assert_eq!(entries(&s).len(), 1, "one entry for the set of files");
    let (second, cached_warnings, origin, stages) = open(&s);
    assert_eq!(origin, Origin::Cache);
    assert_eq!(stages, vec![Stage::Reading], "no parsing, validation or indexing");
    assert!(!first.data().rounds.is_lazy());
    assert!(second.data().rounds.is_lazy() && second.data().sources.is_lazy(), "decoded when read");
    assert_eq!(first.data(), second.data());
    assert_eq!(warnings, cached_warnings);
    assert!(!warnings.is_empty(), "the shipped data has warnings, which must survive the cache");
    for order in [crate::dataset::Order::Date, crate::dataset::Order::Venue, crate::dataset::Order::Title] {
        assert_eq!(first.order(order), second.order(order));
    }
    let round = &first.data().rounds.get(3).expect("a round").id;
    assert_eq!(second.round_position(round), Some(3));
    let rounds = first.data().rounds.len();
    assert!(first.keys(3).is_some_and(|k| !k.texts().text.is_empty()));
    for r in 0..=rounds {
        assert_eq!(first.keys(r), second.keys(r), "the keys of round {r}, read in place from the entry");
    }
    for m in 0..=first.data().milestones.len() {
        assert_eq!(first.milestone_keys(m), second.milestone_keys(m), "milestone {m}");
    }
    // A word from the postings, and one and two letters from the gram sets, all read in place.
    for needle in ["istanbul", "a", "is", "direct flights"] {
        let words = |lib: &Library| lib.words().candidates(needle).map(|(set, _)| set);
        assert!(words(&first).is_some(), "{needle}");
        assert_eq!(words(&first), words(&second), "{needle}");
    }
}

#[test]
fn an_edited_file_is_parsed_again() {
    let s = setup();
    open(&s);
    assert_eq!(open(&s).2, Origin::Cache);
    // Same size, new content and a new modification time.
    let text = std::fs::read_to_string(&s.files[0]).expect("readable");
    let title = open(&s).0.data().title.clone();
    let edited = title.replacen(|c: char| c.is_ascii_alphabetic(), "X", 1);
    assert_eq!(edited.len(), title.len());
    let field = |t: &str| format!("title: \"{t}\"");
    assert!(text.contains(&field(&title)));
    std::fs::write(&s.files[0], text.replacen(&field(&title), &field(&edited), 1)).expect("written");
    let later = SystemTime::now() + Duration::from_secs(5);
    OpenOptions::new().write(true).open(&s.files[0]).and_then(|f| f.set_modified(later)).expect("touched");
    let (lib, _, origin, _) = open(&s);
    assert_eq!(origin, Origin::Files);
    assert_eq!(lib.data().title, edited);
    assert_eq!(open(&s).2, Origin::Cache, "the entry was rewritten for the edited file");
    // A different size.
    let mut f = OpenOptions::new().append(true).open(&s.files[4]).expect("opens");
    f.write_all(b"\n// one more line\n").expect("appended");
    drop(f);
    assert_eq!(open(&s).2, Origin::Files);
    assert_eq!(entries(&s).len(), 1, "the entry of the same files is replaced, not added");
}

#[test]
fn a_truncated_or_damaged_entry_is_ignored_and_rewritten() {
    let s = setup();
    let (good, ..) = open(&s);
    let entry = entries(&s).pop().expect("an entry");
    let bytes = std::fs::read(&entry).expect("readable");
    let damaged: Vec<(&str, Vec<u8>)> = vec![
        ("truncated to half", bytes[..bytes.len() / 2].to_vec()),
        ("truncated by one byte", bytes[..bytes.len() - 1].to_vec()),
        ("empty", Vec::new()),
        ("a byte flipped in the payload", flip(&bytes, bytes.len() / 3)),
        ("a byte flipped in the header", flip(&bytes, bytes.len() - 12)),
        ("a byte flipped in the magic", flip(&bytes, 0)),
        ("a byte flipped in the header length", flip(&bytes, bytes.len() - 1)),
    ];
    for (what, content) in damaged {
        std::fs::write(&entry, content).expect("written");
        let (lib, _, origin, _) = open(&s);
        assert_eq!(origin, Origin::Files, "{what}");
        assert_eq!(lib.data(), good.data(), "{what}");
        assert_eq!(open(&s).2, Origin::Cache, "rewritten after: {what}");
    }
}

fn flip(bytes: &[u8], at: usize) -> Vec<u8> {
    let mut copy = bytes.to_vec();
    copy[at] ^= 0x20;
    copy
}

#[test]
fn small_files_standard_input_and_the_built_in_dataset_are_not_cached() {
    let s = setup();
    let default = Cache::at(s.cache.dir().to_path_buf());
    assert!(default.keys(&s.files).is_none(), "under {MIN_CACHED_BYTES} bytes");
    assert!(s.cache.keys(&s.files).is_some());
    assert!(s.cache.keys(&[PathBuf::from("-")]).is_none());
    assert!(s.cache.keys(&[]).is_none());
    assert!(s.cache.keys(&[s.cache.dir().join("missing.ron")]).is_none());
}

#[test]
fn invalid_files_leave_no_entry() {
    let s = setup();
    let text = std::fs::read_to_string(&s.files[1]).expect("readable");
    std::fs::write(&s.files[1], text.replacen("venue: \"", "venue: \"nowhere-", 1)).expect("written");
    let result = open_using(&s.files, Some(&s.cache), &|_| {}, &|_| {});
    assert!(matches!(result, Err(crate::Error::Invalid { .. })), "{result:?}");
    wait_for_writes();
    assert!(entries(&s).is_empty());
}

#[test]
fn the_directory_is_kept_under_its_limit_and_left_over_temporary_files_go() {
    let s = setup();
    open(&s);
    let first = entries(&s).pop().expect("an entry");
    let size = std::fs::metadata(&first).expect("exists").len();
    let old = SystemTime::now() - Duration::from_secs(7200);
    OpenOptions::new().write(true).open(&first).and_then(|f| f.set_modified(old)).expect("aged");
    let stale = s.cache.dir().join(".write-killed.tmp");
    let fresh = s.cache.dir().join(".write-in-progress.tmp");
    std::fs::write(&stale, b"half").expect("written");
    std::fs::write(&fresh, b"half").expect("written");
    OpenOptions::new().write(true).open(&stale).and_then(|f| f.set_modified(old)).expect("aged");
    // The same data at other paths (another entry), in a cache that holds one entry.
    let mut other = setup();
    other.cache = s.cache.clone().with_max_bytes(size + size / 2);
    assert_eq!(open(&other).2, Origin::Files);
    let left = entries(&s);
    assert_eq!(left.len(), 1, "{left:?}");
    assert_ne!(left[0], first, "the oldest entry went");
    assert!(!stale.exists(), "a temporary file from a killed write is removed");
    assert!(fresh.exists(), "a young one may still be written");
}
