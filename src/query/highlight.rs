//! Where the current filter matched inside a piece of text, so that screens can highlight
//! it: the free words and the values of the text fields (`venue:`, `person:`, `topic:` …)
//! of the query, never its negated terms (what they name is absent by definition), nor
//! dates, statuses, formats or ids, which are not words of the text.
//!
//! Text is folded as the query folds it (case and accents), one character at a time, and
//! each folded byte remembers the character it came from, so that a match on `istanbul`
//! is reported as the byte range of `İstanbul` in the text as shown. Characters that fold
//! to nothing (a combining accent) stay with the character before them, so a range never
//! ends inside a grapheme. Styling is left to the caller.

use super::term::{Term, Test};
use crate::text::fold;
use std::ops::Range;

/// The folded words a query looks for in text, longest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlight {
    needles: Vec<String>,
}

impl Highlight {
    pub(super) fn of(terms: &[Term]) -> Highlight {
        let mut needles: Vec<String> = Vec::new();
        for term in terms.iter().filter(|t| !t.negated) {
            let words: Vec<&str> = match &term.test {
                Test::Word(w) => vec![w.text.as_str()],
                Test::Text(_, values) => values.iter().map(|v| v.text.as_str()).collect(),
                _ => Vec::new(),
            };
            for w in words {
                let w = w.trim();
                if !w.is_empty() && !needles.iter().any(|n| n == w) {
                    needles.push(w.to_string());
                }
            }
        }
        needles.sort_by_key(|n| std::cmp::Reverse(n.len()));
        Highlight { needles }
    }

    /// True when nothing would ever be highlighted (no filter, or only negated terms).
    pub fn is_empty(&self) -> bool {
        self.needles.is_empty()
    }

    /// The byte ranges of `text` that match, in order, overlapping ones merged. Each range
    /// starts and ends on character boundaries of `text`.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        if self.needles.is_empty() || text.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<Range<usize>> = Vec::new();
        if text.is_ascii() {
            // Most rows: folding is lower-casing, byte for byte, so offsets need no map.
            let lower = text.to_ascii_lowercase();
            for needle in &self.needles {
                found.extend(lower.match_indices(needle.as_str()).map(|(at, n)| at..at + n.len()));
            }
            return merged(found);
        }
        let folded = Folded::new(text);
        for needle in &self.needles {
            for (at, _) in folded.text.match_indices(needle.as_str()) {
                let first = folded.origin[at];
                let last = folded.origin[at + needle.len() - 1];
                found.push(folded.chars[first].start..folded.chars[last].end);
            }
        }
        merged(found)
    }
}

/// The ranges in order, overlapping or touching ones joined.
fn merged(mut found: Vec<Range<usize>>) -> Vec<Range<usize>> {
    found.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(found.len());
    for r in found {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Text folded character by character, with where each folded byte came from.
struct Folded {
    text: String,
    /// For each byte of `text`, the index in `chars` of the source character.
    origin: Vec<usize>,
    /// Byte ranges in the source of the characters that folded to something, each
    /// extended over the characters after it that folded to nothing.
    chars: Vec<Range<usize>>,
}

impl Folded {
    fn new(source: &str) -> Folded {
        let mut out =
            Folded { text: String::with_capacity(source.len()), origin: Vec::new(), chars: Vec::new() };
        let mut buf = [0u8; 4];
        for (at, c) in source.char_indices() {
            let end = at + c.len_utf8();
            let piece = if c.is_ascii() {
                std::borrow::Cow::Borrowed(c.to_ascii_lowercase().encode_utf8(&mut buf) as &str)
            } else {
                std::borrow::Cow::Owned(fold(c.encode_utf8(&mut buf)))
            };
            if piece.is_empty() {
                if let Some(last) = out.chars.last_mut() {
                    last.end = end;
                }
                continue;
            }
            let index = out.chars.len();
            out.chars.push(at..end);
            out.text.push_str(&piece);
            out.origin.resize(out.text.len(), index);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::Query;

    fn marked(query: &str, text: &str) -> String {
        let hl = Query::parse(query).expect("a valid query").highlight();
        let mut out = String::new();
        let mut at = 0;
        for r in hl.ranges(text) {
            out.push_str(&text[at..r.start]);
            out.push('[');
            out.push_str(&text[r.clone()]);
            out.push(']');
            at = r.end;
        }
        out.push_str(&text[at..]);
        out
    }

    #[test]
    fn free_words_and_field_values_match_without_case_or_accents() {
        assert_eq!(marked("istanbul", "Talks in İstanbul, Istanbul"), "Talks in [İstanbul], [Istanbul]");
        assert_eq!(marked("venue:istanbul", "Çırağan Palace, Istanbul"), "Çırağan Palace, [Istanbul]");
        assert_eq!(marked("person:sergue", "Sergueï Lavrov"), "[Sergue]ï Lavrov");
        assert_eq!(marked("person:serguei", "Sergueï Lavrov"), "[Sergueï] Lavrov");
        assert_eq!(marked("party:russia,ukraine", "Ukraine and Russia"), "[Ukraine] and [Russia]");
        assert_eq!(
            marked(r#""direct flights""#, "On Direct  flights and direct flights"),
            "On Direct  flights and [direct flights]"
        );
    }

    #[test]
    fn negated_terms_and_non_text_fields_highlight_nothing() {
        for q in
            ["-istanbul", "-venue:istanbul", "date:2025-05", "status:held", "format:summit", "id:2025", ""]
        {
            let hl = Query::parse(q).unwrap().highlight();
            assert!(hl.is_empty(), "{q}");
            assert!(hl.ranges("Istanbul 2025-05-16 held call").is_empty(), "{q}");
        }
        assert_eq!(marked("lavrov -istanbul date:2025", "Lavrov in Istanbul"), "[Lavrov] in Istanbul");
    }

    #[test]
    fn overlapping_matches_merge_and_a_combining_accent_stays_with_its_letter() {
        assert_eq!(marked("ist stan", "Istanbul"), "[Istan]bul");
        // `e` + combining acute: the accent folds to nothing and is kept inside the match.
        assert_eq!(marked("cafe", "un cafe\u{301} noir"), "un [cafe\u{301}] noir");
        // A letter that folds to two (ß → ss) is matched whole.
        assert_eq!(marked("strasse", "Große Straße"), "Große [Straße]");
    }
}
