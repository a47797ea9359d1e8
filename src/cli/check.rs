//! `talks check`: validate files and summarise them.

use super::Output;
use crate::dataset::{self, Severity};
use crate::text::sanitize;
use crate::Error;
use std::path::PathBuf;

pub fn run(files: &[PathBuf], out: &mut Output) -> Result<(), Error> {
    let checked = match dataset::check(files) {
        Ok(checked) => checked,
        // Like validation problems, the report starts with `file:line:col:` so that editors
        // can jump to it; `main` then prints only the one-line verdict.
        Err(Error::Parse(report)) => {
            super::out::diagnostic(&report);
            return Err(Error::Checked { errors: 1 });
        }
        Err(err) => return Err(err),
    };
    // In file and line order, as a curator reads the file top to bottom (and as editors
    // list them); problems without a position come last.
    let file_order =
        |name: &str| checked.parsed.files.iter().position(|f| f.name == name).unwrap_or(usize::MAX);
    let mut problems: Vec<&dataset::Problem> = checked.problems.iter().collect();
    problems.sort_by_key(|p| match &p.location {
        Some(l) => (0, file_order(&l.file), l.line, l.column),
        None => (1, 0, 0, 0),
    });
    for problem in problems {
        super::out::diagnostic(&problem.to_string());
    }
    let d = &checked.parsed.dataset;
    let names: Vec<&str> = checked.parsed.files.iter().map(|f| f.name.as_str()).collect();
    let warnings = checked.problems.iter().filter(|p| p.severity == Severity::Warning).count();
    let errors = checked.error_count();
    let verdict = if errors == 0 { "valid" } else { "INVALID" };
    let summary = format!(
        "{}\n  {} (version {}, curated {})\n  {} rounds, {} milestones, {} people, {} topics, {} sources, {} parties, {} venues, {} tracks\n  {verdict}: {errors} error(s), {warnings} warning(s)\n",
        names.join(" + "),
        crate::text::shorten(&d.title, crate::text::SUMMARY_CHARS),
        d.version,
        d.curated_on,
        d.rounds.len(),
        d.milestones.len(),
        d.people.len(),
        d.topics.len(),
        d.sources.len(),
        d.parties.len(),
        d.venues.len(),
        d.tracks.len(),
    );
    out.write_str(&sanitize(&summary))?;
    if errors > 0 {
        return Err(Error::Checked { errors });
    }
    Ok(())
}
