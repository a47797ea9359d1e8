//! What the detail pane says: rows of toned text, some of them links, built for the
//! selected round, person, topic or milestone, and wrapped to the pane's width; the short
//! summary under the timeline; and the comparison of two rounds as screen rows.
//!
//! This is content, not drawing: no ratatui types, so it is cheap to test. The theme turns
//! each [`Tone`] into a style when the pane is rendered.

mod compare;
mod milestone;
mod person;
mod round;
mod summary;
mod topic;
mod wrap;

pub use compare::{compare_rows, Columns, CompareRow};
pub use milestone::milestone_rows;
pub use person::person_rows;
pub use round::round_rows;
pub use summary::{milestone_summary, round_summary};
pub use topic::topic_rows;
pub use wrap::wrap_rows;

pub(crate) use crate::export::Citations;
use crate::text::sanitize_line;

/// The role a piece of text plays, which the theme maps to a style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Title,
    Heading,
    Label,
    Muted,
    Link,
    /// A web address: never cut by wrapping, and a hyperlink where the terminal has them.
    Url,
    Good,
    Bad,
    Warn,
}

/// Where following a row leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    Person(usize),
    Topic(usize),
    Round(usize),
    Milestone(usize),
    /// A source (its position in the dataset): its address is opened (`o`) or copied (`y`).
    Source(usize),
}

/// One logical line of the detail pane; wrapping may split it into several rows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    pub spans: Vec<(Tone, String)>,
    pub link: Option<Link>,
    /// Columns of indentation for the first line and for continuation lines.
    pub indent: u16,
    pub hang: u16,
}

impl Row {
    pub fn blank() -> Row {
        Row::default()
    }

    /// A row of sanitised spans; data never reaches the terminal with control characters.
    pub fn new(spans: Vec<(Tone, String)>) -> Row {
        let spans = spans.into_iter().map(|(t, s)| (t, sanitize_line(&s).into_owned())).collect();
        Row { spans, ..Row::default() }
    }

    pub fn text(tone: Tone, text: impl Into<String>) -> Row {
        Row::new(vec![(tone, text.into())])
    }

    pub fn indented(mut self, indent: u16, hang: u16) -> Row {
        self.indent = indent;
        self.hang = hang;
        self
    }

    pub fn linked(mut self, link: Link) -> Row {
        self.link = Some(link);
        self
    }

    /// The row's text without tones, for tests and searching.
    pub fn plain(&self) -> String {
        self.spans.iter().map(|(_, s)| s.as_str()).collect()
    }
}

/// A `Label: value` row.
pub(crate) fn field(label: &str, value: impl Into<String>) -> Row {
    Row::new(vec![(Tone::Label, format!("{label:<10}")), (Tone::Plain, value.into())]).indented(0, 10)
}

/// `2025-04-10    Second round …`: a round's date and title, a link to round `r`.
pub(crate) fn dated_round(round: &crate::model::Round, r: usize) -> Row {
    Row::new(vec![(Tone::Label, format!("{:<14}", round.date_label())), (Tone::Link, round.title.clone())])
        .indented(0, 14)
        .linked(Link::Round(r))
}

/// The "Notes" block: each note with its confidence and citations.
pub(crate) fn push_notes(notes: &[crate::model::Note], cites: &mut Citations, rows: &mut Vec<Row>) {
    if notes.is_empty() {
        return;
    }
    rows.push(Row::blank());
    rows.push(Row::text(Tone::Heading, "Notes"));
    for note in notes {
        let mut spans = vec![(Tone::Plain, "• ".to_string()), (Tone::Plain, note.text.clone())];
        spans.extend(confidence_mark(note.confidence));
        spans.push((Tone::Muted, cites.cite(&note.sources)));
        rows.push(Row::new(spans).indented(0, 2));
    }
}

/// The "Sources" block that ends a detail: the sources cited above, numbered.
pub(crate) fn push_sources(lib: &crate::dataset::Library, cites: &Citations, rows: &mut Vec<Row>) {
    if !cites.ids().is_empty() {
        rows.push(Row::blank());
        rows.push(Row::text(Tone::Heading, "Sources"));
        rows.extend(source_rows(lib, cites));
    }
}

/// The numbered source list for `[n]` references: `[1] title — outlet, date` and the URL
/// under it. The numbering itself is the export's, so the screen and a brief agree.
pub(crate) fn source_rows(lib: &crate::dataset::Library, cites: &Citations) -> Vec<Row> {
    let mut rows = Vec::new();
    for (i, id) in cites.ids().iter().enumerate() {
        let n = format!("[{}] ", i + 1);
        let hang = n.chars().count() as u16;
        match lib.source(id) {
            Some(s) => {
                let mut line = s.title.clone();
                if let Some(outlet) = &s.outlet {
                    line.push_str(&format!(" — {outlet}"));
                }
                if let Some(date) = s.published {
                    line.push_str(&format!(", {date}"));
                }
                let row = Row::new(vec![(Tone::Label, n), (Tone::Plain, line)]).indented(0, hang);
                let url = Row::text(Tone::Url, s.url.clone()).indented(hang, hang);
                match lib.position(crate::model::Kind::Source, id) {
                    Some(at) => rows.extend([row.linked(Link::Source(at)), url.linked(Link::Source(at))]),
                    None => rows.extend([row, url]),
                }
            }
            // A loaded dataset cites only sources it has (validation sees to it), so a
            // library without any is the top of a large file whose whole load is under way.
            None if lib.data().sources.is_empty() => {
                rows.push(Row::new(vec![(Tone::Label, n), (Tone::Muted, format!("{id}: loading…"))]))
            }
            None => rows.push(Row::new(vec![(Tone::Label, n), (Tone::Bad, format!("unknown source {id}"))])),
        }
    }
    rows
}

/// The tone a round's status is shown in, in the list and in the detail.
pub(crate) fn status_tone(status: crate::model::Status) -> Tone {
    use crate::model::Status;
    match status {
        Status::Held => Tone::Good,
        Status::Cancelled => Tone::Bad,
        Status::Planned | Status::Announced | Status::Postponed => Tone::Warn,
    }
}

/// ` (uncertain)` / ` (single source)` after a fact, nothing when confirmed.
pub(crate) fn confidence_mark(c: crate::model::Confidence) -> Option<(Tone, String)> {
    use crate::model::Confidence;
    match c {
        Confidence::Confirmed => None,
        Confidence::Single => Some((Tone::Muted, " (single source)".into())),
        Confidence::Uncertain => Some((Tone::Warn, " (uncertain)".into())),
    }
}
