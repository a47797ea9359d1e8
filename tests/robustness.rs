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
