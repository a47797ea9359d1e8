//! CSV for spreadsheets, in two shapes written by one writer:
//!
//! - the export (`talks export --format csv`): one row per agenda item, columns `round_id`,
//!   `date`, `venue`, `topic`, `outcome`, `summary`, `sources` (source ids joined with `;`).
//!   A round without agenda items still gets one row, with the item columns empty and the
//!   round's own sources, so that it is not lost. Lines end with CRLF (RFC 4180).
//! - the round table (`talks list --format csv`): one row per round, flat.
//!
//! Quoting is the `csv` crate's, and data text is sanitised (newlines kept, inside quotes).
//! A cell that a spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`, a
//! tab or a carriage return) is prefixed with an apostrophe, so `=HYPERLINK(…)` in the data
//! stays text when the file is opened in Excel, LibreOffice or Google Sheets.

use crate::dataset::Library;
use crate::text::sanitize_data;
use crate::Error;
use std::borrow::Cow;

const ITEM_HEADER: [&str; 7] = ["round_id", "date", "venue", "topic", "outcome", "summary", "sources"];

const ROUND_HEADER: [&str; 13] = [
    "id",
    "date",
    "start",
    "end",
    "precision",
    "approximate",
    "venue",
    "city",
    "country",
    "format",
    "status",
    "track",
    "title",
];

/// Line ends of a CSV document.
#[derive(Clone, Copy)]
enum Ends {
    Crlf,
    Lf,
}

/// Writes a header and rows as CSV, sanitising every cell.
fn write(header: &[&str], rows: impl Iterator<Item = Vec<String>>, ends: Ends) -> Result<String, Error> {
    let fail = |e: &dyn std::fmt::Display| Error::Write(format!("cannot write CSV: {e}"));
    let terminator = match ends {
        Ends::Crlf => ::csv::Terminator::CRLF,
        Ends::Lf => ::csv::Terminator::Any(b'\n'),
    };
    let mut w = ::csv::WriterBuilder::new().terminator(terminator).from_writer(Vec::new());
    w.write_record(header).map_err(|e| fail(&e))?;
    for row in rows {
        let row: Vec<Cow<'_, str>> = row.iter().map(|cell| neutralise(sanitize_data(cell))).collect();
        w.write_record(row.iter().map(|c| c.as_bytes())).map_err(|e| fail(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| fail(&e))?;
    String::from_utf8(bytes).map_err(|e| fail(&e))
}

/// The cell with an apostrophe in front when a spreadsheet would read it as a formula.
fn neutralise(cell: Cow<'_, str>) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => cell,
    }
}

/// The export: one row per agenda item.
pub(super) fn render(lib: &Library, rounds: &[usize]) -> Result<String, Error> {
    let rows = rounds.iter().filter_map(|&i| lib.data().rounds.get(i)).flat_map(|round| {
        let base = [round.id.clone(), round.date.to_string(), lib.venue_label(round)];
        let empty = round.agenda.is_empty().then(|| {
            let mut row = base.to_vec();
            row.extend([String::new(), String::new(), String::new(), round.sources.join(";")]);
            row
        });
        let items = round.agenda.iter().map(move |item| {
            let mut row = base.to_vec();
            row.extend([
                lib.topic_name(&item.topic).to_string(),
                item.outcome.label().to_string(),
                item.summary.clone(),
                item.sources.join(";"),
            ]);
            row
        });
        empty.into_iter().chain(items)
    });
    write(&ITEM_HEADER, rows, Ends::Crlf)
}

/// The round table of `talks list`: one row per round.
pub fn round_table(lib: &Library, rounds: &[usize]) -> Result<String, Error> {
    let rows = rounds.iter().filter_map(|&r| lib.data().rounds.get(r)).map(|round| {
        let interval = round.date.interval();
        let venue = round.venue.as_deref().and_then(|v| lib.venue(v));
        vec![
            round.id.clone(),
            round.date.to_string(),
            interval.map(|i| i.start.to_string()).unwrap_or_default(),
            interval.map(|i| i.end.to_string()).unwrap_or_default(),
            round.date.precision().to_string(),
            round.date_approximate.to_string(),
            venue.and_then(|v| v.place.clone()).unwrap_or_default(),
            venue.map(|v| v.city.clone()).unwrap_or_default(),
            venue.map(|v| v.country.clone()).unwrap_or_default(),
            round.format.label().to_string(),
            round.status.label().to_string(),
            lib.track_name(&round.track).to_string(),
            round.title.clone(),
        ]
    });
    write(&ROUND_HEADER, rows, Ends::Lf)
}
