//! TEMPORARY stub of the export API so the TUI compiles; replaced by the real module on merge.
use crate::dataset::Library;
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    Ron,
    Csv,
    Ics,
}
impl Format {
    pub const ALL: &[Format] = &[Format::Markdown, Format::Json, Format::Ron, Format::Csv, Format::Ics];
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Ron => "ron",
            Format::Csv => "csv",
            Format::Ics => "ics",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Json => "JSON",
            Format::Ron => "RON",
            Format::Csv => "CSV",
            Format::Ics => "iCalendar",
        }
    }
}
pub struct Rendered {
    pub text: String,
    pub skipped: Vec<String>,
}
pub fn render(lib: &Library, rounds: &[usize], _format: Format) -> Result<Rendered, crate::Error> {
    Ok(Rendered { text: rounds.iter().map(|&r| lib.data.rounds[r].title.clone()).collect(), skipped: vec![] })
}
pub fn write_atomic(path: &Path, bytes: &[u8], _force: bool) -> Result<(), crate::Error> {
    std::fs::write(path, bytes).map_err(|e| crate::Error::Write(e.to_string()))
}
pub fn default_file_name(round_id: &str, format: Format) -> String {
    format!("{round_id}.{}", format.extension())
}
