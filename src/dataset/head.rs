//! The top of a large dataset file, for rows on screen while the whole file loads.
//!
//! It owns reading just enough of one file — four megabytes, then sixteen times more each try,
//! until the entities and the first rounds are in — and indexing that part. It leaves out
//! the sources (only a round's detail cites them), the milestones and validation: what it
//! returns is for display until the whole load, which checks everything, replaces it.
//! Several files, standard input and small files are loaded whole, which is fast enough.

use super::chunked;
use super::library::Library;
use super::load::ron_options;
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// How many rounds the top of a large file gives: more than a tall screen shows, and few,
/// since parsing them is most of the first screen's cost (about 0.1 ms a generated round).
pub const FIRST_SCREEN_ROUNDS: usize = 100;

/// Below this size a file loads whole before a partial screen would have been drawn.
pub const HEAD_WORTHWHILE_BYTES: u64 = 2 << 20;

/// The first read: the entities and the first screen's rounds of real datasets (under a
/// megabyte) and of generated ones (100 rounds take 0.6 MB) fit in it, so one read is enough.
const FIRST_READ: usize = 4 << 20;

/// The first rounds of a file, indexed, and how many the whole file is thought to hold.
pub struct Head {
    pub library: Library,
    /// Rounds in `library`.
    pub loaded: usize,
    /// The file's rounds, estimated from the bytes the first ones take (at least `loaded`).
    pub estimate: usize,
}

/// The entities and the first `rounds` rounds of the file at `path`, or `None` when the
/// whole load is the better answer: the file is small, not a regular file, unreadable, has
/// no more rounds than asked, or its top does not parse (the whole load will say why).
pub fn open_head(path: &Path, rounds: usize) -> Option<Head> {
    let mut file = File::open(path).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() < HEAD_WORTHWHILE_BYTES {
        return None;
    }
    let size = usize::try_from(meta.len()).ok()?;
    let mut bytes = Vec::new();
    let mut want = FIRST_READ;
    loop {
        let more = want.saturating_sub(bytes.len());
        let read = (&mut file).take(more as u64).read_to_end(&mut bytes).ok()?;
        let text = utf8_prefix(&bytes)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if let Some((data, (from, to))) = chunked::parse_head(text, &ron_options(), rounds) {
            let loaded = data.rounds.len();
            // The bytes per round so far, over what is left of the file after the rounds begin.
            let per_round = (to.saturating_sub(from) / loaded.max(1)).max(1);
            let estimate = (size.saturating_sub(from) / per_round).max(loaded);
            return Some(Head { library: Library::index_unchecked(data), loaded, estimate });
        }
        if read < more {
            // The whole file was read and its top still does not parse as a head.
            return None;
        }
        want = want.saturating_mul(16);
    }
}

/// The longest UTF-8 text at the start of `bytes`: a read may end inside a character. `None`
/// when the bytes are not UTF-8 (the whole load will say where).
fn utf8_prefix(bytes: &[u8]) -> Option<&str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&bytes[..e.valid_up_to()]).ok(),
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{to_ron, EMBEDDED};
    use std::io::Write;

    /// The built-in dataset with its rounds repeated (fresh ids) until the file is large
    /// enough to be worth a head, and every round written once as the head should see it.
    fn big_file() -> (tempfile::NamedTempFile, crate::model::Dataset) {
        let mut data = crate::dataset::parse_one(&crate::dataset::SourceText {
            name: EMBEDDED[0].0.into(),
            text: EMBEDDED[0].1.into(),
        })
        .expect("the built-in file parses");
        let originals = data.rounds.clone();
        let mut n = 0;
        while to_ron(&data).expect("writes").len() < HEAD_WORTHWHILE_BYTES as usize {
            for r in &originals {
                let mut copy = r.clone();
                copy.id = format!("{}-copy-{n}", r.id);
                data.rounds.push(copy);
                n += 1;
            }
        }
        let mut file = tempfile::NamedTempFile::new().expect("temp file");
        file.write_all(to_ron(&data).expect("writes").as_bytes()).expect("written");
        (file, data)
    }

    #[test]
    fn a_large_file_gives_its_first_rounds_and_an_estimate_of_the_rest() {
        let (file, data) = big_file();
        let head = open_head(file.path(), 40).expect("a head for a large file");
        assert_eq!(head.loaded, 40);
        assert_eq!(head.library.data().rounds, data.rounds.iter().take(40).cloned().collect());
        assert_eq!(head.library.data().people, data.people, "the entities rows need are all there");
        let total = data.rounds.len();
        assert!(
            head.estimate >= total / 2 && head.estimate <= total * 2,
            "estimate {} for {total} rounds",
            head.estimate
        );
    }

    #[test]
    fn small_missing_and_broken_files_are_left_to_the_whole_load() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(open_head(&dir.path().join("missing.ron"), 10).is_none());
        assert!(open_head(dir.path(), 10).is_none(), "a directory");
        let small = dir.path().join("small.ron");
        std::fs::write(&small, EMBEDDED[0].1).expect("written");
        assert!(open_head(&small, 10).is_none(), "small: load it whole");
        let (file, _) = big_file();
        let text = std::fs::read_to_string(file.path()).expect("read");
        let broken = dir.path().join("broken.ron");
        std::fs::write(&broken, text.replacen("title:", "titel:", 1)).expect("written");
        assert!(open_head(&broken, 10).is_none(), "a broken top is the whole load's to report");
        let mut not_utf8 = text.into_bytes();
        not_utf8[100] = 0xff;
        std::fs::write(&broken, &not_utf8).expect("written");
        assert!(open_head(&broken, 10).is_none());
    }

    #[test]
    fn a_read_that_ends_inside_a_character_keeps_the_whole_characters() {
        let text = "Кремль";
        let bytes = text.as_bytes();
        assert_eq!(utf8_prefix(&bytes[..3]), Some("К"));
        assert_eq!(utf8_prefix(bytes), Some(text));
        assert_eq!(utf8_prefix(&[b'a', 0xff, b'b']), None);
    }
}
