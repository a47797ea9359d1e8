//! An inverted index of the words in every round's search keys, so a free word is looked up
//! among the distinct words of the dataset instead of scanned for in every round.
//!
//! Words are the runs of ASCII letters and digits of the folded keys. A query word made only
//! of letters and digits occurs in a key exactly when it is part of one of the key's words,
//! so the index answers it exactly; a phrase or a word with punctuation gets a superset
//! (rounds holding every piece), which the caller checks against the keys themselves.

use super::index::KeyTable;
use super::index::Numbers;
use memchr::memmem;
use rustc_hash::FxHashMap;

#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct WordIndex {
    /// Every distinct word, each followed by `\n`, so one scan finds all words containing a
    /// piece of text.
    vocabulary: String,
    /// Where each word starts in `vocabulary`.
    starts: Vec<u32>,
    /// Per word: where its rounds start in `postings` (one more entry than there are words).
    posting_starts: Vec<usize>,
    /// Per word, one after the other: the rounds whose keys contain it, ascending, without
    /// repeats. Read in place from the load cache's entry.
    #[serde(skip)]
    postings: Numbers<u32>,
    /// Per letter or digit (`a`–`z`, `0`–`9`), and per pair of them: the rounds with a word
    /// containing it. The first two keystrokes of a live filter are found in a large share
    /// of the words; answering them from here keeps those keystrokes as fast as the others.
    /// 1,332 sets of one bit per round (16 MB at 100,000 rounds), one after the other, each
    /// `rounds.div_ceil(64)` words long. Read in place from the load cache's entry.
    #[serde(skip)]
    by_gram: Numbers<u64>,
    rounds: usize,
}

/// The slot of one or two letters or digits in `by_gram`.
fn gram_slot(gram: &[u8]) -> Option<usize> {
    match *gram {
        [c] => char_slot(c),
        [a, b] => Some(CHARS + char_slot(a)? * CHARS + char_slot(b)?),
        _ => None,
    }
}

const CHARS: usize = 36;
const GRAMS: usize = CHARS + CHARS * CHARS;

/// The index of a letter or digit among the 36.
fn char_slot(c: u8) -> Option<usize> {
    match c {
        b'a'..=b'z' => Some(usize::from(c - b'a')),
        b'0'..=b'9' => Some(26 + usize::from(c - b'0')),
        _ => None,
    }
}

/// A set of rounds, one bit each.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RoundSet {
    bits: Vec<u64>,
}

impl RoundSet {
    fn empty(rounds: usize) -> RoundSet {
        RoundSet { bits: vec![0; rounds.div_ceil(64)] }
    }

    fn insert(&mut self, round: u32) {
        if let Some(word) = self.bits.get_mut(round as usize / 64) {
            *word |= 1 << (round % 64);
        }
    }

    pub fn contains(&self, round: usize) -> bool {
        self.bits.get(round / 64).is_some_and(|w| w & (1 << (round % 64)) != 0)
    }

    fn intersect(&mut self, other: &RoundSet) {
        for (a, b) in self.bits.iter_mut().zip(&other.bits) {
            *a &= b;
        }
    }
}

/// The words of a folded key.
fn words(key: &str) -> impl Iterator<Item = &str> {
    key.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty())
}

/// The same words as bytes, split without decoding characters (the bytes of a non-ASCII
/// character are never ASCII letters or digits, so the words are the same): this runs over
/// every key at load.
fn word_bytes(key: &str) -> impl Iterator<Item = &[u8]> {
    key.as_bytes().split(|b| !b.is_ascii_alphanumeric()).filter(|w| !w.is_empty())
}

impl WordIndex {
    pub fn build(keys: &KeyTable) -> WordIndex {
        let mut ids: FxHashMap<&[u8], u32> = FxHashMap::default();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        let mut order: Vec<&[u8]> = Vec::new();
        for (r, k) in keys.iter().enumerate() {
            let r = r as u32;
            for key in k.searched() {
                for word in word_bytes(key) {
                    let id = *ids.entry(word).or_insert_with(|| {
                        postings.push(Vec::new());
                        order.push(word);
                        (postings.len() - 1) as u32
                    });
                    let list = &mut postings[id as usize];
                    if list.last() != Some(&r) {
                        list.push(r);
                    }
                }
            }
        }
        let mut vocabulary = String::with_capacity(order.iter().map(|w| w.len() + 1).sum());
        let mut starts = Vec::with_capacity(order.len());
        for word in order {
            starts.push(vocabulary.len() as u32);
            // Words are runs of ASCII letters and digits, so always one character a byte.
            vocabulary.extend(word.iter().map(|&b| char::from(b)));
            vocabulary.push('\n');
        }
        let mut by_gram = vec![RoundSet::empty(keys.len()); GRAMS];
        let mut slots: Vec<usize> = Vec::new();
        for (w, list) in postings.iter().enumerate() {
            let start = starts[w] as usize;
            let word = &vocabulary.as_bytes()[start..];
            let word = &word[..word.iter().position(|&c| c == b'\n').unwrap_or(word.len())];
            slots.clear();
            slots.extend(word.iter().filter_map(|&c| gram_slot(&[c])));
            slots.extend(word.windows(2).filter_map(gram_slot));
            slots.sort_unstable();
            slots.dedup();
            for &slot in &slots {
                for &r in list {
                    by_gram[slot].insert(r);
                }
            }
        }
        let mut posting_starts = Vec::with_capacity(postings.len() + 1);
        posting_starts.push(0);
        let mut flat = Vec::with_capacity(postings.iter().map(Vec::len).sum());
        for list in postings {
            flat.extend(list);
            posting_starts.push(flat.len());
        }
        let by_gram: Vec<u64> = by_gram.into_iter().flat_map(|set| set.bits).collect();
        WordIndex {
            vocabulary,
            starts,
            posting_starts,
            postings: flat.into(),
            by_gram: by_gram.into(),
            rounds: keys.len(),
        }
    }

    /// The rounds whose keys may contain `needle` (folded), and whether that set is exact.
    /// `None` when the needle has no letters or digits to look up.
    pub fn candidates(&self, needle: &str) -> Option<(RoundSet, bool)> {
        let pieces: Vec<&str> = words(needle).collect();
        let exact = pieces.len() == 1 && pieces[0] == needle;
        let mut result: Option<RoundSet> = None;
        for piece in pieces {
            let found = self.containing(piece);
            match &mut result {
                None => result = Some(found),
                Some(set) => set.intersect(&found),
            }
        }
        result.map(|set| (set, exact))
    }

    /// The rounds whose keys hold word `word` (empty past the end, or where the bounds are
    /// damaged).
    fn postings(&self, word: usize) -> &[u32] {
        let (Some(&start), Some(&end)) = (self.posting_starts.get(word), self.posting_starts.get(word + 1))
        else {
            return &[];
        };
        self.postings.as_slice().get(start..end).unwrap_or_default()
    }

    /// The postings and the gram sets as they are, for the load cache to write apart.
    pub(super) fn arrays(&self) -> (&Numbers<u32>, &Numbers<u64>) {
        (&self.postings, &self.by_gram)
    }

    /// Puts back the arrays the load cache kept apart; `None` when they do not fit the rest
    /// (the entry is then not used).
    pub(super) fn with_arrays(mut self, postings: Numbers<u32>, by_gram: Numbers<u64>) -> Option<WordIndex> {
        let fits = self.posting_starts.last().copied().unwrap_or(0) == postings.as_slice().len()
            && self.posting_starts.windows(2).all(|w| w[0] <= w[1])
            && by_gram.as_slice().len() == GRAMS * self.rounds.div_ceil(64);
        self.postings = postings;
        self.by_gram = by_gram;
        fits.then_some(self)
    }

    /// The rounds with a word containing `piece`.
    fn containing(&self, piece: &str) -> RoundSet {
        let words = self.rounds.div_ceil(64);
        let gram = gram_slot(piece.as_bytes())
            .and_then(|slot| self.by_gram.as_slice().get(slot * words..)?.get(..words));
        if let Some(bits) = gram {
            return RoundSet { bits: bits.to_vec() };
        }
        let mut set = RoundSet::empty(self.rounds);
        let mut last_word = usize::MAX;
        for at in memmem::find_iter(self.vocabulary.as_bytes(), piece.as_bytes()) {
            let word = self.starts.partition_point(|&s| s as usize <= at).saturating_sub(1);
            if word == last_word {
                continue;
            }
            last_word = word;
            for &r in self.postings(word) {
                set.insert(r);
            }
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(texts: &[&str]) -> KeyTable {
        let mut table = KeyTable::default();
        for &text in texts {
            table.push(&crate::dataset::index::KeyTexts { text, ..Default::default() });
        }
        table
    }

    #[test]
    fn a_plain_word_is_answered_exactly() {
        let index = WordIndex::build(&keys(&["direct flights", "serguei lavrov", "flight plan"]));
        let (set, exact) = index.candidates("flight").expect("has letters");
        assert!(exact);
        assert!(set.contains(0) && set.contains(2) && !set.contains(1));
        let (set, _) = index.candidates("avro").expect("has letters");
        assert!(set.contains(1) && !set.contains(0));
    }

    #[test]
    fn single_characters_come_from_the_precomputed_sets() {
        let index = WordIndex::build(&keys(&["alpha", "beta", "gamma 2025"]));
        let (set, exact) = index.candidates("b").expect("a letter");
        assert!(exact && set.contains(1) && !set.contains(0) && !set.contains(2));
        let (set, _) = index.candidates("2").expect("a digit");
        assert!(set.contains(2) && !set.contains(1));
        let (set, _) = index.candidates("a").expect("a letter");
        assert!(set.contains(0) && set.contains(1) && set.contains(2));
        let (set, exact) = index.candidates("mm").expect("a pair");
        assert!(exact && set.contains(2) && !set.contains(0) && !set.contains(1));
        let (set, _) = index.candidates("20").expect("a pair of digits");
        assert!(set.contains(2) && !set.contains(0));
    }

    #[test]
    fn gram_sets_agree_with_a_scan_of_the_keys() {
        let texts = ["serguei lavrov", "istanbul 2025-02-27", "direct flights", "ceasefire", "riyadh 42"];
        let index = WordIndex::build(&keys(&texts));
        let alphabet: Vec<char> = ('a'..='z').chain('0'..='9').collect();
        let grams = alphabet
            .iter()
            .map(|c| c.to_string())
            .chain(alphabet.iter().flat_map(|a| alphabet.iter().map(move |b| format!("{a}{b}"))));
        for gram in grams {
            let (set, exact) = index.candidates(&gram).expect("letters");
            assert!(exact);
            for (r, text) in texts.iter().enumerate() {
                assert_eq!(set.contains(r), text.contains(gram.as_str()), "{gram:?} in {text:?}");
            }
        }
    }

    #[test]
    fn a_phrase_gives_rounds_with_every_piece() {
        let index = WordIndex::build(&keys(&["direct flights", "direct talks on flights", "flights"]));
        let (set, exact) = index.candidates("direct flights").expect("has letters");
        assert!(!exact, "the phrase must still be checked against the text");
        assert!(set.contains(0) && set.contains(1) && !set.contains(2));
        assert!(index.candidates("--").is_none());
    }
}
