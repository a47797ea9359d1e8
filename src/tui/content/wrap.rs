//! Word wrapping of toned rows to a width, counting display columns (CJK and emoji are
//! two columns wide, accents zero) so that wrapped text aligns.
//!
//! A web address ([`Tone::Url`]) is never split: one longer than the line gets a row of its
//! own and is cut there with `…`. Half an address on each of two rows cannot be selected
//! and pasted, and a terminal would make two broken links of it.

use super::{Row, Tone};
use unicode_width::UnicodeWidthStr;

/// Splits every row into rows no wider than `width`, keeping tones and links.
pub fn wrap_rows(rows: &[Row], width: u16) -> Vec<Row> {
    let width = usize::from(width.max(1));
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        wrap_one(row, width, &mut out);
    }
    out
}

fn wrap_one(row: &Row, width: usize, out: &mut Vec<Row>) {
    // In a narrow pane a deep indent would leave a sliver for the text: cap it at a third.
    let first_indent = usize::from(row.indent).min(width / 3);
    let hang = usize::from(row.hang).min(width / 3);
    let fresh = || Row { spans: Vec::new(), link: row.link, indent: 0, hang: 0 };
    let mut current = fresh();
    let mut used = first_indent;
    let first_tone = row.spans.first().map_or(super::Tone::Plain, |s| s.0);
    push_text(&mut current, margin(first_tone), &" ".repeat(first_indent));
    let mut at_line_start = true;
    for unit in units(&row.spans) {
        let w: usize = unit.pieces.iter().map(|(_, t)| t.width()).sum();
        let tone = unit.pieces.first().map_or(first_tone, |p| p.0);
        if used + w > width && !at_line_start {
            out.push(trimmed(std::mem::replace(&mut current, fresh())));
            push_text(&mut current, margin(tone), &" ".repeat(hang));
            used = hang;
            at_line_start = true;
            if unit.space {
                continue;
            }
        }
        if used + w > width && tone == Tone::Url {
            let room = width.saturating_sub(used);
            let whole: String = unit.pieces.iter().map(|(_, t)| *t).collect();
            push_text(&mut current, tone, &crate::text::fit(&whole, room));
            used = width;
            at_line_start = false;
            continue;
        }
        if used + w > width {
            // A word longer than the line: cut it between grapheme clusters (a flag or a
            // ZWJ emoji stays in one piece).
            for (tone, text) in &unit.pieces {
                for g in unicode_segmentation::UnicodeSegmentation::graphemes(*text, true) {
                    let gw = g.width();
                    if used + gw > width && used > hang {
                        out.push(std::mem::replace(&mut current, fresh()));
                        push_text(&mut current, *tone, &" ".repeat(hang));
                        used = hang;
                    }
                    push_text(&mut current, *tone, g);
                    used += gw;
                }
            }
            at_line_start = false;
            continue;
        }
        for (tone, text) in &unit.pieces {
            push_text(&mut current, *tone, text);
        }
        used += w;
        at_line_start = false;
    }
    out.push(current);
}

/// The tone of the spaces that indent a row: that of its first text, except that an
/// address's hyperlink and underline start at the address, not in the margin.
fn margin(tone: Tone) -> Tone {
    if tone == Tone::Url {
        Tone::Plain
    } else {
        tone
    }
}

/// A run of spaces, or a word: the non-space text between spaces, which may span several
/// tones (`Darchiev` then `,`), so that punctuation never starts a line on its own.
struct Unit<'a> {
    space: bool,
    pieces: Vec<(super::Tone, &'a str)>,
}

fn units(spans: &[(super::Tone, String)]) -> Vec<Unit<'_>> {
    let mut out: Vec<Unit> = Vec::new();
    for (tone, text) in spans {
        for token in tokens(text) {
            let space = token.chars().all(char::is_whitespace);
            match out.last_mut() {
                Some(last) if !space && !last.space => last.pieces.push((*tone, token)),
                _ => out.push(Unit { space, pieces: vec![(*tone, token)] }),
            }
        }
    }
    out
}

/// Drops the spaces a line would end with when the next word moved to the next line.
fn trimmed(mut row: Row) -> Row {
    if let Some((_, s)) = row.spans.last_mut() {
        let keep = s.trim_end().len();
        s.truncate(keep);
    }
    row
}

fn push_text(row: &mut Row, tone: super::Tone, text: &str) {
    if text.is_empty() {
        return;
    }
    match row.spans.last_mut() {
        Some((t, s)) if *t == tone => s.push_str(text),
        _ => row.spans.push((tone, text.to_string())),
    }
}

/// Words and the runs of spaces between them.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let space = first.is_whitespace();
        let end = rest.find(|c: char| c.is_whitespace() != space).unwrap_or(rest.len());
        let (token, tail) = rest.split_at(end);
        rest = tail;
        Some(token)
    })
}

#[cfg(test)]
mod tests {
    use super::super::{Row, Tone};
    use super::*;

    fn widths(rows: &[Row]) -> Vec<usize> {
        rows.iter().map(|r| r.plain().width()).collect()
    }

    #[test]
    fn wraps_at_spaces_and_hangs_continuations() {
        let row = Row::text(Tone::Plain, "alpha beta gamma delta").indented(2, 4);
        let rows = wrap_rows(&[row], 12);
        let texts: Vec<String> = rows.iter().map(Row::plain).collect();
        assert_eq!(texts, vec!["  alpha beta", "    gamma", "    delta"]);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let row = Row::text(Tone::Plain, "会談 会談 会談 会談");
        let rows = wrap_rows(&[row], 9);
        assert!(widths(&rows).iter().all(|&w| w <= 9), "{:?}", widths(&rows));
        assert_eq!(rows.len(), 2);
    }

    #[test]
    fn long_words_are_cut_and_width_one_never_loops() {
        let row = Row::text(Tone::Plain, "https://example.org/a/very/long/path");
        let rows = wrap_rows(std::slice::from_ref(&row), 10);
        assert!(widths(&rows).iter().all(|&w| w <= 10));
        assert_eq!(rows.iter().map(Row::plain).collect::<String>(), "https://example.org/a/very/long/path");
        let tiny = wrap_rows(&[row], 1);
        assert!(widths(&tiny).iter().all(|&w| w <= 1));
    }

    #[test]
    fn punctuation_stays_with_the_word_before_it_across_tones() {
        // `Anchorage` is a link and `, Alaska` plain text: the comma must not start a line.
        let row = Row::new(vec![
            (Tone::Plain, "Held at ".into()),
            (Tone::Link, "Anchorage".into()),
            (Tone::Plain, ", Alaska".into()),
        ]);
        let rows = wrap_rows(&[row], 17);
        let texts: Vec<String> = rows.iter().map(Row::plain).collect();
        assert_eq!(texts, vec!["Held at", "Anchorage, Alaska"]);
        assert!(rows[1].spans.iter().any(|(t, s)| *t == Tone::Link && s == "Anchorage"), "tones kept");
    }

    #[test]
    fn a_long_word_is_cut_between_grapheme_clusters() {
        // Flags are pairs of regional indicators: cutting between the two would show two
        // letters in boxes instead of a flag.
        let flags = "\u{1f1fa}\u{1f1e6}".repeat(6);
        let rows = wrap_rows(&[Row::text(Tone::Plain, flags.clone())], 5);
        for row in &rows {
            assert_eq!(row.plain().chars().count() % 2, 0, "a flag was split: {:?}", row.plain());
        }
        assert_eq!(rows.iter().map(Row::plain).collect::<String>(), flags);
    }

    #[test]
    fn an_address_is_never_split_it_is_moved_to_its_own_row_and_cut_with_an_ellipsis() {
        let url = "https://www.example.org/world/europe/russia-ukraine-talks-istanbul-2025-05-16/";
        for width in [20u16, 30, 50, 79, 200] {
            let row = Row::new(vec![(Tone::Plain, "see ".into()), (Tone::Url, url.into())]).indented(0, 4);
            let rows = wrap_rows(&[row], width);
            let with_url: Vec<&Row> =
                rows.iter().filter(|r| r.spans.iter().any(|(t, _)| *t == Tone::Url)).collect();
            assert_eq!(with_url.len(), 1, "the address is on one row at width {width}: {rows:?}");
            let shown: String =
                with_url[0].spans.iter().filter(|(t, _)| *t == Tone::Url).map(|(_, s)| s.as_str()).collect();
            assert!(url.starts_with(shown.trim_end_matches('…')), "a prefix of the address: {shown}");
            assert_eq!(shown.ends_with('…'), shown != url, "cut only when it does not fit: {shown}");
            assert!(widths(&rows).iter().all(|&w| w <= usize::from(width)), "{:?}", widths(&rows));
        }
        // Plain text is still cut when it must be (a path in a box).
        let rows = wrap_rows(&[Row::text(Tone::Plain, url)], 20);
        assert!(rows.len() > 1);
    }

    #[test]
    fn links_survive_wrapping() {
        let row = Row::text(Tone::Link, "one two three").linked(super::super::Link::Person(3));
        let rows = wrap_rows(&[row], 5);
        assert!(rows.iter().all(|r| r.link == Some(super::super::Link::Person(3))));
    }
}
