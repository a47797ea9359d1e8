//! The comparison of two rounds as screen rows: each line of the export's layout wrapped
//! into a label column and two side columns, keeping what it links to.

use super::{Link, Row, Tone};
use crate::dataset::Library;
use crate::export::compare::{Line, LineKind, Subject};
use crate::model::Kind;

/// One screen row of the comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareRow {
    pub kind: LineKind,
    pub label: String,
    pub left: String,
    pub right: String,
    /// The line's sides differ (set on every row of the line, so a wrapped cell is marked
    /// all the way down).
    pub differs: bool,
    /// The first row of its line (where `≠` goes).
    pub first: bool,
    pub link: Option<Link>,
}

/// Column widths: the label, then `≠ `, the left side, ` │ `, the right side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub label: u16,
    pub side: u16,
}

impl Columns {
    pub fn new(width: u16) -> Columns {
        let label = (width / 5).clamp(10, 22);
        let side = width.saturating_sub(label + 2 + 3) / 2;
        Columns { label, side: side.max(1) }
    }
}

/// The rows of `lines` in `width` columns.
pub fn compare_rows(lib: &Library, lines: &[Line], width: u16) -> Vec<CompareRow> {
    let cols = Columns::new(width);
    let mut out: Vec<CompareRow> = Vec::new();
    for line in lines {
        let link = line.subject.as_ref().and_then(|s| link(lib, s));
        let blank = CompareRow {
            kind: LineKind::Row,
            label: String::new(),
            left: String::new(),
            right: String::new(),
            differs: false,
            first: false,
            link: None,
        };
        if line.kind == LineKind::Section {
            out.push(blank.clone());
        }
        let (label, left, right) = match line.kind {
            // The round's line spans both sides.
            LineKind::Round => {
                (vec![line.label.clone()], wrap(&line.left, width.saturating_sub(3)), Vec::new())
            }
            LineKind::Row => {
                let label = wrap(&line.label, cols.label.saturating_sub(3));
                let label = label.into_iter().map(|l| format!("  {l}")).collect();
                (label, wrap(&line.left, cols.side), wrap(&line.right, cols.side))
            }
            LineKind::Section | LineKind::Group => (
                wrap(&line.label, cols.label.saturating_sub(1)),
                wrap(&line.left, cols.side),
                wrap(&line.right, cols.side),
            ),
        };
        let rows = label.len().max(left.len()).max(right.len()).max(1);
        for i in 0..rows {
            let cell = |v: &[String]| v.get(i).cloned().unwrap_or_default();
            out.push(CompareRow {
                kind: line.kind,
                label: cell(&label),
                left: cell(&left),
                right: cell(&right),
                differs: line.differs,
                first: i == 0,
                link,
            });
        }
    }
    out
}

fn link(lib: &Library, subject: &Subject) -> Option<Link> {
    match subject {
        Subject::Round(r) => Some(Link::Round(*r)),
        Subject::Person(id) => lib.position(Kind::Person, id).map(Link::Person),
        Subject::Topic(id) => lib.position(Kind::Topic, id).map(Link::Topic),
    }
}

/// A cell's text in lines of at most `width` columns, with the detail pane's wrapping.
fn wrap(text: &str, width: u16) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    super::wrap_rows(&[Row::text(Tone::Plain, text)], width.max(1)).iter().map(Row::plain).collect()
}
