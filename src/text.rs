//! Text helpers shared by every layer: folding for search and sanitising for terminals.
//!
//! Folding turns `Sergueï`, `İstanbul` and `États-Unis` into `serguei`, `istanbul` and
//! `etats-unis` so that users can type plain ASCII. It runs once per string at load (and
//! once per query term), never per round per keystroke.
//!
//! Sanitising keeps text from the data from driving the user's terminal: escape sequences,
//! other C0/C1 controls and bidirectional overrides are replaced before anything is printed.

use std::borrow::Cow;

/// `100000` as `100,000`: counts in the hundreds of thousands read at a glance.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Lower-case ASCII transliteration for accent- and case-insensitive matching.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    deunicode::deunicode_with_tofu(text, "\u{fffd}").to_lowercase()
}

/// Cuts `text` to `width` display columns (accents take none, CJK and emoji two), ending
/// with `…` when cut. It cuts between grapheme clusters, never inside one: a flag or a
/// family emoji (several code points) is kept whole or dropped whole.
pub fn fit(text: &str, width: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Cuts `text` to `width` columns so that what follows byte `from` stays in view: the start
/// is shortened around a `…` and the text goes on from the start of the word at `from`, for
/// titles that differ only after a long common start (`Consul…(round 2)`, `Trum…after the
/// M…`). Falls back to [`fit`] when the start is short enough to show whole, or the room
/// too small for both.
pub fn fit_from(text: &str, width: usize, from: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    // Below 14 columns a shortened start and a piece of the end are both unreadable.
    if text.width() <= width || width < 14 || !text.is_char_boundary(from) {
        return fit(text, width);
    }
    let word_start = |end: usize| text[..end].rfind(' ').map_or(0, |i| i + 1);
    let mut word = word_start(from);
    // A short word (`2)` of `(round 2)`) says little alone: the word before it comes too.
    let word_end = text[from..].find(' ').map_or(text.len(), |i| from + i);
    if text[word..word_end].chars().count() < 4 && word > 0 {
        word = word_start(word - 1);
    }
    let (start, rest) = text.split_at(word);
    // A third of the room for the start: enough to recognise it, and the rest for the end.
    let head_room = (width / 3).max(2);
    if start.width() <= head_room {
        return fit(text, width);
    }
    let head = fit(start.trim_end(), head_room);
    let rest = fit(rest, width.saturating_sub(head.width()));
    format!("{head}{rest}")
}

/// Wraps one line to `width` columns at spaces (never at hyphens); continuation rows start
/// with `hang`. A word longer than the width is split only when `split_long` (a path in a
/// box), else it stands alone on its row (a URL in `talks show` stays whole). Punctuation
/// standing alone (` — `, ` · `) stays with the word before it, so no row starts with it.
pub fn wrap_words<'a>(line: &'a str, width: usize, hang: &'a str, split_long: bool) -> Vec<Cow<'a, str>> {
    let options = textwrap::Options::new(width.max(1))
        .subsequent_indent(hang)
        .break_words(split_long)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .word_separator(textwrap::WordSeparator::AsciiSpace);
    match glue_punctuation(line) {
        None => textwrap::wrap(line, options),
        Some(glued) => textwrap::wrap(&glued, options)
            .into_iter()
            .map(|row| Cow::Owned(row.replace(GLUE, " ")))
            .collect(),
    }
}

/// Stands for the space before a lone punctuation mark while wrapping: not a place to break.
const GLUE: char = '\u{e000}';

/// `line` with the space before each lone punctuation mark (`—`, `·`, `:` …) glued; `None`
/// when there is none (or the line already holds the glue character, left alone).
fn glue_punctuation(line: &str) -> Option<String> {
    let lone = |t: &str| !t.is_empty() && t.chars().all(|c| "—–-·:;,.!?)]}»…/|".contains(c));
    if line.contains(GLUE) || !line.split(' ').skip(1).any(lone) {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    for (i, token) in line.split(' ').enumerate() {
        if i > 0 {
            out.push(if lone(token) { GLUE } else { ' ' });
        }
        out.push_str(token);
    }
    Some(out)
}

/// Like [`fit`], padded with spaces to exactly `width` columns.
pub fn pad(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut out = fit(text, width);
    let w = out.width();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// How many characters of a title a one-line summary shows (`talks check`).
pub const SUMMARY_CHARS: usize = 200;

/// The first `max` characters of `text`, ending with `…` when cut: a 200 MB title or value
/// in a message would bury everything else.
pub fn shorten(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some((cut, _)) => {
            let kept = text[..cut].char_indices().nth(max.saturating_sub(1)).map_or(cut, |(i, _)| i);
            Cow::Owned(format!("{}…", &text[..kept]))
        }
    }
}

/// True for characters that must never reach a terminal verbatim.
fn is_unsafe(c: char, keep_newlines: bool) -> bool {
    match c {
        '\n' => !keep_newlines,
        '\t' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        // Bidirectional embeddings, overrides and isolates can reorder what the user sees.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}' => true,
        _ => false,
    }
}

/// Replaces control characters and bidi overrides with U+FFFD; keeps newlines and tabs.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    sanitize_with(text, true)
}

/// Like [`sanitize`] but also turns line ends (LF or CRLF) into spaces, for one-line cells.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    let cleaned = sanitize_with(text, true);
    if cleaned.contains('\n') {
        Cow::Owned(cleaned.replace("\r\n", " ").replace('\n', " "))
    } else {
        cleaned
    }
}

/// Sanitises text from the data for a document with line ends of its own (iCalendar, CSV):
/// a CRLF in the data becomes a plain newline, so no carriage return reaches the output
/// except the format's own line ends; a lone one is replaced like any control character.
pub fn sanitize_data(text: &str) -> Cow<'_, str> {
    if text.contains("\r\n") {
        Cow::Owned(sanitize_with(&text.replace("\r\n", "\n"), true).into_owned())
    } else {
        sanitize_with(text, true)
    }
}

fn sanitize_with(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let bad = |i: usize, c: char| is_unsafe(c, keep_newlines) && !crlf(text, i, c, keep_newlines);
    if !text.char_indices().any(|(i, c)| bad(i, c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.char_indices().map(|(i, c)| if bad(i, c) { '\u{fffd}' } else { c }).collect())
}

/// A carriage return that ends a CRLF line (CSV and iCalendar use them) is harmless; a lone
/// one could overwrite what the terminal already shows.
fn crlf(text: &str, at: usize, c: char, keep_newlines: bool) -> bool {
    keep_newlines && c == '\r' && text.as_bytes().get(at + 1) == Some(&b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_by_commas() {
        let cases = [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (12345, "12,345"),
            (100000, "100,000"),
            (1234567, "1,234,567"),
        ];
        for (n, text) in cases {
            assert_eq!(thousands(n), text);
        }
    }

    #[test]
    fn shortening_keeps_short_text_and_cuts_long_text_to_the_limit() {
        assert_eq!(shorten("Istanbul", 8), "Istanbul");
        assert_eq!(shorten("Istanbul talks", 8), "Istanbu…");
        assert_eq!(shorten("Éééééé", 3).chars().count(), 3);
        assert_eq!(shorten(&"x".repeat(10_000_000), SUMMARY_CHARS).chars().count(), SUMMARY_CHARS);
    }

    #[test]
    fn folding_removes_accents_and_case() {
        assert_eq!(fold("Sergueï Lavrov"), "serguei lavrov");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("États-Unis"), "etats-unis");
        assert_eq!(fold("Москва"), "moskva");
        assert_eq!(fold("Riyadh"), "riyadh");
    }

    #[test]
    fn fitting_counts_display_columns() {
        assert_eq!(fit("İstanbul", 8), "İstanbul");
        assert_eq!(fit("Istanbul talks", 8), "Istanbu…");
        assert_eq!(fit("会談会談", 5), "会談…");
        assert_eq!(pad("会", 4), "会  ");
        assert_eq!(fit("abc", 0), "");
        // A flag is two code points and a family emoji five: cut whole, never split.
        let flag = "\u{1f1fa}\u{1f1e6}";
        assert_eq!(fit(&format!("ab{flag}cdef"), 4), "ab…");
        assert_eq!(fit(&format!("ab{flag}cdef"), 5), format!("ab{flag}…"));
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        assert!(!fit(&format!("x{family}yz"), 3).contains('\u{200d}'));
    }

    #[test]
    fn a_cut_from_a_place_keeps_what_follows_it_in_view() {
        let title = "Consultations on the diplomatic missions, Istanbul (round 2)";
        let at = title.find("2)").unwrap_or(0);
        assert_eq!(fit_from(title, 21, at - 3), "Consul…(round 2)");
        assert_eq!(fit_from(title, 21, at), "Consul…(round 2)");
        assert_eq!(fit_from("short", 21, 2), "short");
        let call = "Trump–Putin phone call after the Mar-a-Lago meeting";
        assert_eq!(fit_from(call, 17, call.find("after").unwrap_or(0)), "Trum…after the M…");
        // A place in the first word: the ordinary cut.
        assert_eq!(fit_from(call, 17, 2), fit(call, 17));
        use unicode_width::UnicodeWidthStr;
        for w in 0..40 {
            for from in [0, 5, 30, at] {
                assert!(fit_from(title, w, from).width() <= w, "{w} {from}");
            }
            assert!(fit_from("会談会談 会談会談 会談会談", w, 20).width() <= w, "{w}");
        }
    }

    #[test]
    fn wrapping_never_starts_a_row_with_punctuation() {
        let line = "Detail marks: ★ head of a delegation ▸ agenda item (topic — outcome)";
        for width in 8..line.len() {
            for row in wrap_words(line, width, "  ", false) {
                let first = row.trim_start().chars().next();
                assert!(!matches!(first, Some('—' | '·' | ':')), "{width}: {row:?}");
                assert!(!row.contains(GLUE));
            }
        }
        assert_eq!(wrap_words("topic — outcome", 9, "", false), ["topic —", "outcome"]);
        assert_eq!(wrap_words("a b", 1, "", false), ["a", "b"]);
    }

    #[test]
    fn sanitizing_removes_escape_sequences_and_bidi() {
        let hostile = "a\u{1b}]0;x\u{7}b\u{202e}c\u{9b}d";
        let clean = sanitize(hostile);
        assert!(!clean.contains('\u{1b}'));
        assert!(!clean.contains('\u{7}'));
        assert!(!clean.contains('\u{202e}'));
        assert!(!clean.contains('\u{9b}'));
        assert!(clean.starts_with('a') && clean.ends_with('d'));
        assert_eq!(sanitize("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(sanitize_line("two\nlines"), "two lines");
        assert_eq!(sanitize("a,b\r\nc\r\n"), "a,b\r\nc\r\n");
        assert_eq!(sanitize("over\rwrite"), "over\u{fffd}write");
        // A CRLF from a file saved on Windows: never a bare CR in a line or a data cell.
        assert_eq!(sanitize_line("two\r\nlines"), "two lines");
        assert_eq!(sanitize_data("two\r\nlines\rx"), "two\nlines\u{fffd}x");
    }
}
