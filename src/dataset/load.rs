//! Reading dataset files and parsing them into the model.
//!
//! Reading turns every way a path can be unusable (missing, a directory, empty, not UTF-8)
//! into one line naming the path. Parsing renders RON's error as a report with the file,
//! line and column and the offending line with a marker under it.

use super::diagnostic::render_parse_error;
use crate::model::{Dataset, Kind, PerKind};
use crate::Error;
use ron::extensions::Extensions;
use std::path::Path;

/// One dataset file's name (as shown in messages) and text.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub name: String,
    pub text: String,
}

/// Parsed files merged into one dataset, remembering which file each entity came from so
/// validation can point at it.
#[derive(Debug)]
pub struct Parsed {
    pub dataset: Dataset,
    pub files: Vec<SourceText>,
    pub origins: Origins,
}

/// For each kind, for each entity of the merged dataset, the index of the file it came from.
pub type Origins = PerKind<Vec<usize>>;

/// Reads a dataset file as UTF-8 text.
pub fn read_source(path: &Path) -> Result<SourceText, Error> {
    let fail = |reason: String| Error::Read { path: path.to_path_buf(), reason };
    if path.is_dir() {
        return Err(fail("it is a directory; give a .ron file".into()));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(io_reason(&e)))?;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(fail("the file is empty; a dataset starts with `Dataset(`".into()));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        ))
    })?;
    Ok(SourceText { name: path.display().to_string(), text: without_bom(text) })
}

/// Drops a UTF-8 byte-order mark, which some Windows editors write at the start of a file:
/// RON does not expect it, and it is not part of the text a curator sees.
fn without_bom(text: String) -> String {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => err.to_string(),
    }
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses one text into a dataset.
pub fn parse_one(source: &SourceText) -> Result<Dataset, Error> {
    if source.text.trim().is_empty() {
        return Err(Error::Read {
            path: source.name.clone().into(),
            reason: "the file is empty; a dataset starts with `Dataset(`".into(),
        });
    }
    ron_options().from_str::<Dataset>(&source.text).map_err(|e| Error::Parse(render_parse_error(source, &e)))
}

/// Parses every file and merges them: metadata comes from the first file (the latest
/// curation date wins), entity lists are concatenated. Duplicate ids are left for
/// validation to report.
pub fn parse_sources(files: Vec<SourceText>) -> Result<Parsed, Error> {
    let mut merged: Option<Dataset> = None;
    let mut origins = Origins::default();
    for (file, source) in files.iter().enumerate() {
        let data = parse_one(source)?;
        for kind in Kind::ALL {
            origins.get_mut(kind).extend(std::iter::repeat_n(file, data.count(kind)));
        }
        merged = Some(match merged {
            None => data,
            Some(mut all) => {
                all.curated_on = all.curated_on.max(data.curated_on);
                all.sources.extend(data.sources);
                all.parties.extend(data.parties);
                all.people.extend(data.people);
                all.venues.extend(data.venues);
                all.topics.extend(data.topics);
                all.tracks.extend(data.tracks);
                all.rounds.extend(data.rounds);
                all.milestones.extend(data.milestones);
                all
            }
        });
    }
    let dataset = merged.ok_or_else(|| Error::Read { path: "".into(), reason: "no dataset given".into() })?;
    Ok(Parsed { dataset, files, origins })
}

/// Serialises a dataset as hand-editable RON (the inverse of parsing).
pub fn to_ron(data: &Dataset) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_string())
        .struct_names(true)
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME).to_string_pretty(data, config)
}
