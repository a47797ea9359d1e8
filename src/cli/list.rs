//! `talks list`: the rounds matching a query, as a table, JSON or CSV.

use super::{table, ListArgs, ListFormat, Output};
use crate::dataset::Library;
use crate::query::{self, Query};
use crate::Error;

pub fn run(lib: &Library, args: &ListArgs, out: &mut Output) -> Result<(), Error> {
    let words = query_words(args);
    let query = Query::parse_args(&words)?;
    let rounds = query::filter(lib, &query, args.sort.into());
    match args.format {
        ListFormat::Table => {
            let width = out.is_terminal.then(terminal_width);
            out.text(&table::render(lib, &rounds, width))?;
            if rounds.is_empty() {
                no_match(lib, &words, "`talks list` with no query lists them all");
            }
            Ok(())
        }
        ListFormat::Json => {
            let doc = crate::export::json::document(lib, &rounds);
            let text = serde_json::to_string_pretty(&doc).map_err(|e| Error::Write(e.to_string()))?;
            out.text(&format!("{text}\n"))
        }
        ListFormat::Jsonl => out.write_str(&crate::export::json::render_lines(lib, &rounds)?),
        ListFormat::Csv => out.write_str(&crate::export::csv_round_table(lib, &rounds)?),
    }
}

/// Says that nothing matched, with the query corrected when a value names nothing the
/// dataset has (`venue:istambul` → did you mean `venue:istanbul`?), else `otherwise`.
pub(super) fn no_match(lib: &Library, words: &[String], otherwise: &str) {
    let text =
        words
            .iter()
            .map(|w| {
                if w.contains(char::is_whitespace) && !w.contains('"') {
                    format!("\"{w}\"")
                } else {
                    w.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
    let better = query::did_you_mean(lib, &text);
    if better.is_empty() {
        super::out::diagnostic(&format!("0 rounds match; {otherwise}"));
    } else {
        super::out::diagnostic(&format!("0 rounds match; did you mean {}?", better.join(" ")));
    }
}

/// The query words plus the convenience flags, which are the same as their query terms.
fn query_words(args: &ListArgs) -> Vec<String> {
    let mut words = args.query.clone();
    let quoted = |v: &str| if v.contains(char::is_whitespace) { format!("\"{v}\"") } else { v.to_string() };
    match (&args.from, &args.to) {
        // Both ends make one range, so a range that ends before it starts is refused, as
        // `date:` refuses it, instead of quietly matching nothing.
        (Some(from), Some(to)) => words.push(format!("date:{}..{}", quoted(from), quoted(to))),
        (Some(from), None) => words.push(format!("from:{}", quoted(from))),
        (None, Some(to)) => words.push(format!("to:{}", quoted(to))),
        (None, None) => {}
    }
    if let Some(v) = &args.venue {
        words.push(format!("venue:{}", quoted(v)));
    }
    words
}

fn terminal_width() -> usize {
    crossterm::terminal::size().map_or(100, |(w, _)| usize::from(w))
}
