//! Problems found in a dataset, and how parse errors are rendered.
//!
//! RON reports positions as a line and a column counted in characters; the renderer turns
//! them into byte offsets so that accented text before the error does not shift the marker.

use super::SourceText;
use ariadne::{Config, IndexType, Label, Report, ReportKind, Source};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Severity {
    Error,
    Warning,
}

/// Where in which file a problem is, 1-based, columns in characters.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

/// One thing validation found: what, where, and (in the message) how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    pub severity: Severity,
    pub code: super::Code,
    pub location: Option<Location>,
    /// The entity and field, e.g. ``round `2025-02-27-istanbul`, field `venue` ``.
    pub subject: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(loc) = &self.location {
            write!(f, "{}:{}:{}: ", loc.file, loc.line, loc.column)?;
        }
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{kind}: {}: {}", self.subject, self.message)
    }
}

/// Converts RON's 1-based (line, column in characters) into a byte offset into `text`.
pub(crate) fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (n, l) in text.split_inclusive('\n').enumerate() {
        if n + 1 == line {
            let col = column.saturating_sub(1);
            return offset + l.char_indices().nth(col).map_or(l.trim_end_matches('\n').len(), |(i, _)| i);
        }
        offset += l.len();
    }
    text.len()
}

/// `file:line:col: message` followed by the offending line with a marker under it.
pub(crate) fn render_parse_error(source: &SourceText, err: &ron::error::SpannedError) -> String {
    let (line, col) = (err.span.start.line, err.span.start.col);
    let start = byte_offset(&source.text, line, col);
    // RON's message can quote the offending value (an unknown variant), which may be huge.
    let code = err.code.to_string();
    let code = crate::text::shorten(&code, MESSAGE_CHARS);
    let message = match hint(&source.text, start, &err.code) {
        Some(fix) => format!("{code}; {fix}"),
        None => code.into_owned(),
    };
    let end_guess = byte_offset(&source.text, err.span.end.line, err.span.end.col);
    let end = if end_guess > start { end_guess } else { next_char_end(&source.text, start) };
    // The message is said once, on the first line; the snippet under it only points.
    let mut out = format!("{}:{line}:{col}: error: {message}\n", source.name);
    if let Some(snippet) = long_line_snippet(source, line, col, start..end) {
        out.push_str(&snippet);
        return out;
    }
    let report = Report::build(ReportKind::Error, (source.name.as_str(), start..end))
        .with_config(Config::default().with_color(false).with_index_type(IndexType::Byte))
        .with_label(Label::new((source.name.as_str(), start..end)).with_message("here"))
        .finish();
    let mut buf = Vec::new();
    if report.write((source.name.as_str(), Source::from(source.text.as_str())), &mut buf).is_ok() {
        out.push_str(&String::from_utf8_lossy(&buf));
    }
    out.truncate(out.trim_end().len());
    out
}

/// The most characters of RON's own message a report repeats.
const MESSAGE_CHARS: usize = 300;

/// The most characters of one line a report shows; a longer line is cut around the column.
const SNIPPET_CHARS: usize = 120;

/// For an error on a line longer than [`SNIPPET_CHARS`]: the box ariadne would draw, around
/// a window of the line (`…` where it is cut) instead of the whole line, which could be
/// megabytes. `None` for an ordinary line, which ariadne draws.
fn long_line_snippet(
    source: &SourceText,
    line: usize,
    col: usize,
    span: std::ops::Range<usize>,
) -> Option<String> {
    use unicode_width::UnicodeWidthStr;
    let text = source.text.as_str();
    let start = span.start.min(text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let whole = &text[line_start..line_end];
    if whole.len() <= SNIPPET_CHARS || whole.chars().count() <= SNIPPET_CHARS {
        return None;
    }
    // Half the window before the column, the rest after, moved over when the line ends first.
    let before: Vec<usize> =
        text[line_start..start].char_indices().rev().take(SNIPPET_CHARS / 2).map(|(i, _)| i).collect();
    let taken_before = before.len();
    let from = line_start + before.last().copied().unwrap_or(start - line_start);
    let after = SNIPPET_CHARS - taken_before;
    let to = text[start..line_end].char_indices().nth(after).map_or(line_end, |(i, _)| start + i);
    let mut shown = String::new();
    if from > line_start {
        shown.push('…');
    }
    let lead = text[from..start].replace('\t', " ");
    // At least one character is marked, none past the window (nor the line's end, where the
    // error may point at the newline itself).
    let marked_end = span.end.max(next_char_end(text, start)).min(to);
    let marked = text[start..marked_end].replace('\t', " ");
    shown.push_str(&lead);
    shown.push_str(&text[start..to].replace('\t', " "));
    if to < line_end {
        shown.push('…');
    }
    let pad = " ".repeat(usize::from(from > line_start) + lead.width());
    let under = format!("┬{}", "─".repeat(marked.width().saturating_sub(1)));
    let gutter = " ".repeat(line.to_string().len() + 2);
    Some(format!(
        "Error: \n{gutter}╭─[ {name}:{line}:{col} ]\n{gutter}│\n {line} │ {shown}\n{gutter}│ {pad}{under}\n{gutter}│ {pad}╰── here\n{dashes}╯",
        name = source.name,
        dashes = "─".repeat(gutter.len()),
    ))
}

/// What to do about the errors whose RON message names no fix.
fn hint(text: &str, start: usize, code: &ron::Error) -> Option<String> {
    if matches!(code, ron::Error::Eof) {
        return Some("the file ends before every `(` and `[` is closed; add the missing bracket".into());
    }
    let before = text.get(..start)?;
    if let Some(fix) = unclosed_string(before) {
        return Some(fix);
    }
    if matches!(code, ron::Error::ExpectedComma) {
        let (line, column) = line_col(before.trim_end());
        return Some(format!(
            "values are separated by `,`: add one after line {line}, column {column}, or remove the stray text here"
        ));
    }
    // A date string chrono rejects (`"2025-02-30"`): RON only relays chrono's terse message.
    if matches!(code, ron::Error::Message(_)) && before.ends_with('"') {
        let rest = text.get(start..)?;
        let value = &rest[..rest.find('"')?];
        let short = value.len() <= "-2025-02-30".len();
        if short && !value.is_empty() && value.chars().all(|c| c.is_ascii_digit() || c == '-') {
            return Some(format!("`{value}` is not a real date; write an existing day as YYYY-MM-DD"));
        }
    }
    None
}

/// An error just after a string that spans lines: most likely its closing quote is missing
/// and the string swallowed the text up to the next quote.
fn unclosed_string(before: &str) -> Option<String> {
    let closing = before.strip_suffix('"')?;
    // An odd number of quotes up to here means this one opens a string rather than closes it.
    let quotes = before.match_indices('"').filter(|&(i, _)| !before[..i].ends_with('\\')).count();
    if quotes % 2 == 1 {
        return None;
    }
    let opening = closing.rfind('"')?;
    if !closing[opening..].contains('\n') {
        return None;
    }
    let (line, column) = line_col(&before[..=opening]);
    Some(format!(
        "the string opened at line {line}, column {column} runs over several lines; is its closing `\"` missing?"
    ))
}

/// The 1-based line and column (in characters) of the last character of `prefix`.
fn line_col(prefix: &str) -> (usize, usize) {
    let line = prefix.matches('\n').count() + 1;
    let line_start = prefix.rfind('\n').map_or(0, |i| i + 1);
    (line, prefix[line_start..].chars().count().max(1))
}

fn next_char_end(text: &str, start: usize) -> usize {
    text.get(start..).and_then(|rest| rest.chars().next()).map_or(start, |c| start + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_in_characters_become_bytes() {
        let text = "ab\nÉtats x\n";
        // `x` is the 7th character of line 2 but the 8th byte of it.
        let off = byte_offset(text, 2, 7);
        assert_eq!(&text[off..off + 1], "x");
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        assert_eq!(byte_offset("ab", 5, 1), 2);
    }

    #[test]
    fn an_opening_quote_is_not_taken_for_an_unclosed_string() {
        let text = "a: \"x\",\nb: Day(\"2025-02-30\")";
        let start = text.find("2025").unwrap_or(0);
        let fix = hint(text, start, &ron::Error::Message("input is out of range".into()));
        assert_eq!(
            fix.as_deref(),
            Some("`2025-02-30` is not a real date; write an existing day as YYYY-MM-DD")
        );
    }

    #[test]
    fn a_string_running_over_lines_before_the_error_is_named() {
        let text = "a: \"x,\nb: \"y\"";
        let start = text.find('y').unwrap_or(0);
        let fix = hint(text, start, &ron::Error::ExpectedComma);
        assert_eq!(
            fix.as_deref(),
            Some(
                "the string opened at line 1, column 4 runs over several lines; is its closing `\"` missing?"
            )
        );
    }

    #[test]
    fn escaped_quotes_do_not_count() {
        let text = "a: \"say \\\"hi\\\"\" x";
        let start = text.find('x').unwrap_or(0);
        let fix = hint(text, start, &ron::Error::ExpectedComma);
        assert_eq!(
            fix.as_deref(),
            Some(
                "values are separated by `,`: add one after line 1, column 15, or remove the stray text here"
            )
        );
    }
    fn report_for(text: &str) -> String {
        let source = SourceText { name: "long.ron".into(), text: text.into() };
        match super::super::parse_one(&source) {
            Err(crate::Error::Parse(report)) => report,
            other => panic!("expected a parse error, got {other:?}"),
        }
    }

    #[test]
    fn a_megabyte_line_gives_a_short_report_around_the_column() {
        // The error (`@` where a comma belongs) is in the middle of one 1 MB line.
        let half = "a".repeat(500_000);
        let text = format!("Dataset(title: \"{half}\" @ \"{half}\")\n");
        let report = report_for(&text);
        assert!(report.len() < 2048, "{} bytes", report.len());
        let column = "Dataset(title: \"".len() + 500_000 + "\" @".len();
        assert!(report.starts_with(&format!("long.ron:1:{column}: error: Expected comma")), "{report}");
        assert!(report.contains(&format!("╭─[ long.ron:1:{column} ]")), "{report}");
        // The window shows the text on both sides of the column, cut with an ellipsis.
        assert!(report.contains(" 1 │ …aaa"), "{report}");
        assert!(report.contains("aaa\" @ \"aaa"), "{report}");
        let marker = report.lines().find(|l| l.contains('┬')).unwrap_or_default();
        let line = report.lines().find(|l| l.contains(" 1 │ ")).unwrap_or_default();
        let at = |l: &str, c: char| l.chars().position(|x| x == c);
        assert_eq!(at(marker, '┬'), at(line, '@'), "{report}");
        assert!(report.ends_with("───╯"), "{report}");
    }

    #[test]
    fn a_long_line_is_cut_on_one_side_when_the_error_is_near_its_start() {
        let text = format!("Dataset(@ title: \"{}\")", "é".repeat(100_000));
        let report = report_for(&text);
        assert!(report.len() < 2048, "{} bytes", report.len());
        assert!(report.contains(" 1 │ Dataset(@ title: \"ééé"), "{report}");
        assert!(report.contains("é…\n"), "{report}");
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        let report = report_for("Dataset(\n  title: \"x\" \"y\",\n)\n");
        assert!(report.contains(" 2 │   title: \"x\" \"y\","), "{report}");
        assert!(!report.contains('…'), "{report}");
    }

    #[test]
    fn a_huge_name_in_rons_message_is_cut() {
        let report = report_for(&format!("Dataset(\n{}: 1)", "a".repeat(100_000)));
        assert!(report.len() < 2048, "{} bytes:\n{}", report.len(), &report[..report.len().min(600)]);
        assert!(report.starts_with("long.ron:2:"), "{report}");
    }

    #[test]
    fn an_error_at_the_end_of_a_long_line_marks_its_end() {
        let text = format!("Dataset(title: \"{}\"\n)", "a".repeat(300));
        let source = SourceText { name: "f.ron".into(), text };
        let newline = source.text.find('\n').unwrap_or_default();
        let snippet = long_line_snippet(&source, 1, 317, newline..newline + 1).unwrap_or_default();
        assert!(snippet.contains(" 1 │ …aaa") && snippet.contains("aaa\"\n"), "{snippet}");
        assert!(snippet.contains("╰── here"), "{snippet}");
    }
}
