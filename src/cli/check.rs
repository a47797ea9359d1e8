//! `talks check`: validate files and summarise them, for people (text on stderr, a summary
//! on stdout) or for editors and CI (`--format json`: one document on stdout).

use super::Output;
use crate::dataset::{self, Checked, Code, Problem, Severity};
use crate::text::sanitize;
use crate::Error;
use serde::Serialize;
use std::path::PathBuf;

pub fn run(files: &[PathBuf], json: bool, out: &mut Output) -> Result<(), Error> {
    let checked = match dataset::check(files) {
        Ok(checked) => checked,
        // Like validation problems, the report starts with `file:line:col:` so that editors
        // can jump to it; `main` then prints only the one-line verdict.
        Err(Error::Parse(report)) if json => {
            let names: Vec<String> = match files {
                [] => dataset::EMBEDDED.iter().map(|(name, _)| name.to_string()).collect(),
                _ => files.iter().map(|f| f.display().to_string()).collect(),
            };
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            out.write_str(&json_document(&[parse_problem(&report)], &names)?)?;
            return Err(Error::Checked { errors: 1 });
        }
        Err(Error::Parse(report)) => {
            super::out::diagnostic(&report);
            return Err(Error::Checked { errors: 1 });
        }
        Err(err) => return Err(err),
    };
    let problems = in_file_order(&checked);
    let errors = checked.error_count();
    if json {
        let listed: Vec<ProblemOut> = problems.iter().map(|p| ProblemOut::from(*p)).collect();
        let names: Vec<&str> = checked.parsed.files.iter().map(|f| f.name.as_str()).collect();
        out.write_str(&json_document(&listed, &names)?)?;
    } else {
        for problem in &problems {
            super::out::diagnostic(&problem.to_string());
        }
        out.write_str(&sanitize(&summary(&checked)))?;
    }
    if errors > 0 {
        return Err(Error::Checked { errors });
    }
    Ok(())
}

/// In file and line order, as a curator reads the file top to bottom (and as editors list
/// them); problems without a position come last.
fn in_file_order(checked: &Checked) -> Vec<&Problem> {
    let file_order =
        |name: &str| checked.parsed.files.iter().position(|f| f.name == name).unwrap_or(usize::MAX);
    let mut problems: Vec<&Problem> = checked.problems.iter().collect();
    problems.sort_by_key(|p| match &p.location {
        Some(l) => (0, file_order(&l.file), l.line, l.column),
        None => (1, 0, 0, 0),
    });
    problems
}

fn summary(checked: &Checked) -> String {
    let d = &checked.parsed.dataset;
    let names: Vec<&str> = checked.parsed.files.iter().map(|f| f.name.as_str()).collect();
    let warnings = checked.problems.iter().filter(|p| p.severity == Severity::Warning).count();
    let errors = checked.error_count();
    let verdict = if errors == 0 { "valid" } else { "INVALID" };
    format!(
        "{}\n  {} (version {}, curated {})\n  {} rounds, {} milestones, {} people, {} topics, {} sources, {} parties, {} venues, {} tracks\n  {verdict}: {errors} error(s), {warnings} warning(s)\n",
        names.join(" + "),
        crate::text::shorten(&d.title, crate::text::SUMMARY_CHARS),
        crate::text::shorten(&d.version, crate::text::SUMMARY_CHARS),
        d.curated_on,
        d.rounds.len(),
        d.milestones.len(),
        d.people.len(),
        d.topics.len(),
        d.sources.len(),
        d.parties.len(),
        d.venues.len(),
        d.tracks.len(),
    )
}

/// `talks check --format json`: documented in README ("Checking in editors and CI").
#[derive(Serialize)]
struct Document<'a> {
    files: Vec<&'a str>,
    valid: bool,
    errors: usize,
    warnings: usize,
    problems: &'a [ProblemOut],
}

#[derive(Serialize)]
struct ProblemOut {
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    severity: &'static str,
    code: &'static str,
    subject: String,
    message: String,
}

impl From<&Problem> for ProblemOut {
    fn from(p: &Problem) -> Self {
        ProblemOut {
            file: p.location.as_ref().map(|l| l.file.clone()),
            line: p.location.as_ref().map(|l| l.line),
            column: p.location.as_ref().map(|l| l.column),
            severity: match p.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            code: p.code.as_str(),
            subject: p.subject.clone(),
            message: p.message.clone(),
        }
    }
}

/// A parse error as a problem: its report starts `file:line:column: error: message`.
fn parse_problem(report: &str) -> ProblemOut {
    let first = report.lines().next().unwrap_or_default();
    let (place, message) = first.split_once(": error: ").unwrap_or(("", first));
    let mut parts = place.rsplitn(3, ':');
    let column = parts.next().and_then(|c| c.parse().ok());
    let line = parts.next().and_then(|l| l.parse().ok());
    let file = parts.next().map(str::to_string);
    let (file, line, column) = match (file, line, column) {
        (Some(f), Some(l), Some(c)) => (Some(f), Some(l), Some(c)),
        _ => (None, None, None),
    };
    ProblemOut {
        file,
        line,
        column,
        severity: "error",
        code: Code::Parse.as_str(),
        subject: "file".to_string(),
        message: message.to_string(),
    }
}

fn json_document(problems: &[ProblemOut], files: &[&str]) -> Result<String, Error> {
    let files = files.to_vec();
    let errors = problems.iter().filter(|p| p.severity == "error").count();
    let doc = Document { files, valid: errors == 0, errors, warnings: problems.len() - errors, problems };
    let mut text = serde_json::to_string_pretty(&doc).map_err(|e| Error::Write(e.to_string()))?;
    text.push('\n');
    Ok(text)
}
