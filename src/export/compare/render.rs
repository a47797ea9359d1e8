//! A comparison as plain text (two columns at a width), Markdown (a table per section) or
//! JSON (the [`Comparison`] itself, under the export's schema version and dataset).

use super::lines::{Line, LineKind};
use super::Comparison;
use crate::dataset::Library;
use crate::export::json::{DatasetInfo, SCHEMA_VERSION};
use crate::text::{pad, sanitize_line};
use crate::Error;
use serde::Serialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How `talks compare` writes a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareFormat {
    /// Two columns side by side in this many columns.
    Text {
        width: usize,
    },
    Markdown,
    Json,
}

pub fn render(lib: &Library, c: &Comparison, format: CompareFormat) -> Result<String, Error> {
    match format {
        CompareFormat::Text { width } => Ok(text(c, width)),
        CompareFormat::Markdown => Ok(markdown(c)),
        CompareFormat::Json => json(lib, c),
    }
}

#[derive(Serialize)]
struct Document<'a> {
    schema_version: u32,
    dataset: DatasetInfo,
    comparison: &'a Comparison,
}

fn json(lib: &Library, c: &Comparison) -> Result<String, Error> {
    let d = lib.data();
    let doc = Document {
        schema_version: SCHEMA_VERSION,
        dataset: DatasetInfo {
            title: d.title.clone(),
            version: d.version.clone(),
            curated_on: d.curated_on.format("%Y-%m-%d").to_string(),
        },
        comparison: c,
    };
    let mut text = serde_json::to_string_pretty(&doc)
        .map_err(|e| Error::Write(format!("cannot write the comparison as JSON: {e}")))?;
    text.push('\n');
    Ok(text)
}

/// The columns of the text layout: the label, the mark of a difference, the two sides.
struct Columns {
    label: usize,
    side: usize,
}

impl Columns {
    fn new(width: usize) -> Columns {
        let label = (width / 5).clamp(8, 20);
        // The label, `≠ `, the left side, ` │ `, the right side.
        let side = width.saturating_sub(label + 2 + 3).max(2 * 8) / 2;
        Columns { label, side }
    }
}

fn text(c: &Comparison, width: usize) -> String {
    let cols = Columns::new(width);
    let full = cols.label + 2 + cols.side * 2 + 3;
    let mut out = String::new();
    for line in c.lines() {
        match line.kind {
            LineKind::Round => {
                let body = wrap(&line.left, full.saturating_sub(3));
                for (i, l) in body.iter().enumerate() {
                    let label = if i == 0 { line.label.as_str() } else { "" };
                    out.push_str(&format!("{label:<3}{l}\n"));
                }
            }
            LineKind::Section => {
                out.push('\n');
                push_row(&mut out, &cols, &line);
                out.push_str(&"─".repeat(full));
                out.push('\n');
            }
            LineKind::Group | LineKind::Row => push_row(&mut out, &cols, &line),
        }
    }
    out.lines().map(str::trim_end).collect::<Vec<_>>().join("\n") + "\n"
}

/// One line as rows of three wrapped cells.
fn push_row(out: &mut String, cols: &Columns, line: &Line) {
    // Rows sit under their group, two columns in; a label never touches the mark after it.
    let indent = if line.kind == LineKind::Row { "  " } else { "" };
    let label: Vec<String> = wrap(&line.label, cols.label - 1 - indent.len())
        .into_iter()
        .map(|l| format!("{indent}{l}"))
        .collect();
    let (left, right) = (wrap(&line.left, cols.side), wrap(&line.right, cols.side));
    let rows = label.len().max(left.len()).max(right.len()).max(1);
    for i in 0..rows {
        let cell = |v: &[String]| v.get(i).cloned().unwrap_or_default();
        let mark = if line.differs && i == 0 { "≠ " } else { "  " };
        out.push_str(&format!(
            "{}{mark}{} │ {}\n",
            pad(&cell(&label), cols.label),
            pad(&cell(&left), cols.side),
            cell(&right)
        ));
    }
}

/// Words of `text` (sanitised) in lines of at most `width` columns; a word longer than a
/// line is cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let text = sanitize_line(text);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let sep = usize::from(!line.is_empty());
        if line.width() + sep + word.width() <= width {
            if sep == 1 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if line.width() + c.width().unwrap_or(0) > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn markdown(c: &Comparison) -> String {
    use crate::export::markdown::escape;
    let cell = |s: &str| escape(s).replace('|', "\\|");
    let mut out = format!("# Comparison of {} and {}\n\n", escape(&c.left.id), escape(&c.right.id));
    let mut in_table = false;
    for line in c.lines() {
        match line.kind {
            LineKind::Round => {
                out.push_str(&format!("- **{}**: {}\n", line.label, cell(&line.left)));
            }
            LineKind::Section => {
                out.push_str(&format!("\n## {}\n\n", escape(&line.label)));
                out.push_str(&format!("| | {} | {} |\n|---|---|---|\n", cell(&line.left), cell(&line.right)));
                in_table = true;
            }
            LineKind::Group | LineKind::Row => {
                let mark = if line.differs { "≠ " } else { "" };
                let label = match (line.kind, line.label.is_empty()) {
                    (_, true) => String::new(),
                    (LineKind::Group, false) => format!("{mark}**{}**", cell(&line.label)),
                    _ => format!("{mark}{}", cell(&line.label)),
                };
                out.push_str(&format!("| {label} | {} | {} |\n", cell(&line.left), cell(&line.right)));
            }
        }
    }
    if in_table {
        out.push('\n');
    }
    out.push_str("≠ marks what differs between the two rounds.\n");
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrapping_keeps_words_and_cuts_only_words_longer_than_a_line() {
        assert_eq!(wrap("alpha beta gamma", 10), ["alpha beta", "gamma"]);
        assert_eq!(wrap("https://example.org/x", 8), ["https://", "example.", "org/x"]);
        assert_eq!(wrap("", 8), Vec::<String>::new());
        assert!(wrap("会談 会談 会談", 5)
            .iter()
            .all(|l| unicode_width::UnicodeWidthStr::width(l.as_str()) <= 5));
    }
}
