//! `talks list`: the rounds matching a query, as a table, JSON or CSV.

use super::{table, ListArgs, ListFormat, Output};
use crate::dataset::Library;
use crate::query::{self, Query};
use crate::Error;

pub fn run(lib: &Library, args: &ListArgs, out: &mut Output) -> Result<(), Error> {
    let query = build_query(args)?;
    let rounds = query::filter(lib, &query, args.sort.into());
    match args.format {
        ListFormat::Table => {
            let width = out.is_terminal.then(terminal_width);
            out.text(&table::render(lib, &rounds, width))?;
            if rounds.is_empty() && out.is_terminal {
                eprintln!("no round matches; `talks list` with no query lists them all");
            }
            Ok(())
        }
        ListFormat::Json => {
            let doc = crate::export::json::document(lib, &rounds);
            let text = serde_json::to_string_pretty(&doc).map_err(|e| Error::Write(e.to_string()))?;
            out.text(&format!("{text}\n"))
        }
        ListFormat::Csv => out.write_str(&csv_rows(lib, &rounds)?),
    }
}

/// The query words plus the convenience flags, which are the same as their query terms.
fn build_query(args: &ListArgs) -> Result<Query, Error> {
    let mut words = args.query.clone();
    let quoted = |v: &str| if v.contains(char::is_whitespace) { format!("\"{v}\"") } else { v.to_string() };
    if let Some(d) = &args.from {
        words.push(format!("from:{}", quoted(d)));
    }
    if let Some(d) = &args.to {
        words.push(format!("to:{}", quoted(d)));
    }
    if let Some(v) = &args.venue {
        words.push(format!("venue:{}", quoted(v)));
    }
    Ok(Query::parse_args(&words)?)
}

fn terminal_width() -> usize {
    crossterm::terminal::size().map_or(100, |(w, _)| usize::from(w))
}

/// One row per round, flat, for spreadsheets.
fn csv_rows(lib: &Library, rounds: &[usize]) -> Result<String, Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| Error::Write(format!("cannot write CSV: {e}"));
    w.write_record([
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
    ])
    .map_err(fail)?;
    for round in rounds.iter().filter_map(|&r| lib.data().rounds.get(r)) {
        let interval = round.date.interval();
        let venue = round.venue.as_deref().and_then(|v| lib.venue(v));
        let record = [
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
        .map(|cell| crate::text::sanitize(&cell).into_owned());
        w.write_record(&record).map_err(fail)?;
    }
    let bytes = w.into_inner().map_err(|e| Error::Write(format!("cannot write CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| Error::Write(e.to_string()))
}
