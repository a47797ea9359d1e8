//! The CSV export: one row per agenda item, for spreadsheets.
//!
//! Columns: `round_id`, `date`, `venue`, `topic`, `outcome`, `summary`, `sources` (source
//! ids joined with `;`). A round without agenda items still gets one row, with the item
//! columns empty and the round's own sources, so that it is not lost. Quoting follows RFC 4180 (the `csv` crate), lines
//! end with CRLF, and data text is sanitised (newlines kept, inside quotes).

use crate::dataset::Library;
use crate::text::sanitize;
use crate::Error;

const HEADER: [&str; 7] = ["round_id", "date", "venue", "topic", "outcome", "summary", "sources"];

pub(super) fn render(lib: &Library, rounds: &[usize]) -> Result<String, Error> {
    let fail = |e: &dyn std::fmt::Display| Error::Write(format!("cannot write the export as CSV: {e}"));
    let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
    w.write_record(HEADER).map_err(|e| fail(&e))?;
    for round in rounds.iter().filter_map(|&i| lib.data().rounds.get(i)) {
        let id = sanitize(&round.id);
        let date = round.date.to_string();
        let venue = lib.venue_label(round);
        let venue = sanitize(&venue);
        if round.agenda.is_empty() {
            let sources = sanitize(&round.sources.join(";")).into_owned();
            w.write_record([&*id, &date, &venue, "", "", "", &sources]).map_err(|e| fail(&e))?;
        }
        for item in &round.agenda {
            let topic = sanitize(lib.topic_name(&item.topic));
            let summary = sanitize(&item.summary);
            let sources = sanitize(&item.sources.join(";")).into_owned();
            w.write_record([&*id, &date, &venue, &topic, item.outcome.label(), &summary, &sources])
                .map_err(|e| fail(&e))?;
        }
    }
    let bytes = w.into_inner().map_err(|e| fail(&e))?;
    String::from_utf8(bytes).map_err(|e| fail(&e))
}
