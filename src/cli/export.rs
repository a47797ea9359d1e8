//! `talks export`: rounds given by id or by query, to a file (atomically, never clobbering
//! without `--force`) or to standard output.

use super::{ExportArgs, Output};
use crate::dataset::Library;
use crate::export::{self, Format};
use crate::query::{self, resolve_round, Query};
use crate::Error;
use std::path::Path;

pub fn run(lib: &Library, args: &ExportArgs, out: &mut Output) -> Result<(), Error> {
    let mut rounds = Vec::new();
    for given in &args.rounds {
        let r = resolve_round(lib, given)?;
        if !rounds.contains(&r) {
            rounds.push(r);
        }
    }
    if let Some(text) = &args.query {
        let q = Query::parse(text)?;
        for r in query::filter(lib, &q, query::Sort::Date) {
            if !rounds.contains(&r) {
                rounds.push(r);
            }
        }
    }
    if rounds.is_empty() {
        let why = if args.query.is_some() { "the query matches no round" } else { "no round given" };
        return Err(Error::Round(format!("{why}; name rounds by id (see `talks list`) or use --query")));
    }
    let format: Format = args.format.into();
    let rendered = export::render(lib, &rounds, format)?;
    for message in &rendered.skipped {
        super::out::diagnostic(&format!("talks: {message}"));
    }
    match args.output.as_deref() {
        None => write_stdout(out, &rendered.text),
        Some(p) if p == Path::new("-") => write_stdout(out, &rendered.text),
        Some(path) => {
            export::write_atomic(path, rendered.text.as_bytes(), args.force).map_err(|e| match e {
                Error::Exists { path } => {
                    Error::Write(format!("{} already exists; use --force to overwrite", path.display()))
                }
                other => other,
            })?;
            let n = rounds.len() - rendered.skipped.len();
            super::out::diagnostic(&format!(
                "wrote {} ({n} round{})",
                path.display(),
                if n == 1 { "" } else { "s" }
            ));
            Ok(())
        }
    }
}

/// On a terminal every format is sanitised (serde_json leaves DEL, C1 controls and bidi
/// overrides raw); into a pipe or a file the bytes are exact.
fn write_stdout(out: &mut Output, text: &str) -> Result<(), Error> {
    out.text(text)
}
