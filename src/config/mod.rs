//! The config file: where it is (`--config`, `TALKS_CONFIG`, else the platform's config
//! directory through `etcetera`), its RON format (`default.ron`, which `talks config
//! --default` prints) and the problems in it, each with file:line:column.
//!
//! It checks what the command line uses (the datasets and the sort); the browser's parts
//! (key names, actions, colours) are checked by the browser, which knows them, against the
//! [`Entry`]s kept here with their places.

use crate::dataset::{Location, SourceText};
use crate::query::Sort;
use crate::Error;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use std::path::{Path, PathBuf};

/// The commented default file.
pub const DEFAULT: &str = include_str!("default.ron");

/// A loaded config; everything left out is `None` or empty.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it came from (none: no file, the defaults).
    pub source: Option<SourceText>,
    pub data: Vec<PathBuf>,
    pub sort: Option<Sort>,
    pub color: Option<bool>,
    /// Role → colour, as written.
    pub theme: Vec<Entry>,
    /// Context → (key → action), as written.
    pub keys: Vec<(Entry, Vec<Entry>)>,
}

/// A name and a value from the file, with where the name is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub value: String,
    pub at: Option<Location>,
}

/// The file to read: `--config PATH`, else `TALKS_CONFIG`, else `config.ron` in the
/// platform's config directory. The flag says whether the user named it (a named file must
/// exist; the default one may not).
pub fn path(flag: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(p) = flag {
        return Some((p.to_path_buf(), true));
    }
    if let Some(p) = std::env::var_os("TALKS_CONFIG").filter(|p| !p.is_empty()) {
        return Some((PathBuf::from(p), true));
    }
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy().ok()?;
    Some((base.config_dir().join("talks").join("config.ron"), false))
}

/// Reads the config at `path`; a default file that does not exist gives the defaults.
pub fn load(path: Option<(PathBuf, bool)>) -> Result<Config, Error> {
    let Some((path, named)) = path else { return Ok(Config::default()) };
    if !named && !path.exists() {
        return Ok(Config::default());
    }
    let text = std::fs::read_to_string(&path)
        .map_err(|e| Error::Config(format!("cannot read the config file {}: {e}", path.display())))?;
    // An empty file (or /dev/null) is a config that changes nothing.
    if text.trim().is_empty() {
        return Ok(Config::default());
    }
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    parse(SourceText { name: path.display().to_string(), text }, path.parent())
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename = "Config")]
struct Raw {
    #[serde(default)]
    data: Vec<String>,
    #[serde(default)]
    sort: Option<String>,
    #[serde(default)]
    color: Option<bool>,
    #[serde(default)]
    theme: Pairs<String>,
    #[serde(default)]
    keys: Pairs<Pairs<String>>,
}

/// A RON map kept as written: in order, with repeated names (a map would drop all but one
/// of a key given twice, hiding a conflict).
struct Pairs<V>(Vec<(String, V)>);

impl<V> Default for Pairs<V> {
    fn default() -> Self {
        Pairs(Vec::new())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Pairs<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Each<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Each<V> {
            type Value = Pairs<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map such as { \"name\": \"value\" }")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs<V>, A::Error> {
                let mut out = Vec::new();
                while let Some(pair) = map.next_entry()? {
                    out.push(pair);
                }
                Ok(Pairs(out))
            }
        }
        d.deserialize_map(Each(std::marker::PhantomData))
    }
}

/// Parses a config's text; relative dataset paths are taken from `dir`.
pub fn parse(source: SourceText, dir: Option<&Path>) -> Result<Config, Error> {
    use ron::extensions::Extensions;
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let raw: Raw = options
        .from_str(&source.text)
        .map_err(|e| Error::Config(crate::dataset::render_ron_error(&source, &e)))?;
    let places = Places::new(&source);
    let mut problems = Vec::new();
    let sort = raw.sort.as_deref().and_then(|s| {
        let sort = Sort::parse(s);
        if sort.is_none() {
            let at = places.value("sort:", s);
            problems.push(places.problem(
                at,
                &format!("`sort`: unknown order `{s}`; write \"date\", \"-date\", \"venue\" or \"title\""),
            ));
        }
        sort
    });
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty()).map(PathBuf::from);
    let data = raw.data.iter().map(|d| resolve(d, dir, home.as_deref())).collect();
    let mut after = places.field("theme:");
    let theme = raw.theme.0.into_iter().map(|(name, value)| places.entry(&mut after, name, value)).collect();
    let mut after = places.field("keys:");
    let keys = raw
        .keys
        .0
        .into_iter()
        .map(|(context, pairs)| {
            let context = places.entry(&mut after, context, String::new());
            let keys =
                pairs.0.into_iter().map(|(key, action)| places.entry(&mut after, key, action)).collect();
            (context, keys)
        })
        .collect();
    if !problems.is_empty() {
        return Err(Error::Config(problems.join("\n")));
    }
    Ok(Config { source: Some(source), data, sort, color: raw.color, theme, keys })
}

fn resolve(path: &str, dir: Option<&Path>, home: Option<&Path>) -> PathBuf {
    let expanded = match (path.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(path),
    };
    match dir {
        Some(dir) if expanded.is_relative() && path != "-" => dir.join(expanded),
        _ => expanded,
    }
}

/// Finding where names are in the file: serde keeps no positions, so each quoted name is
/// looked for after its field and the previous name (names are read in file order), in
/// the text with its comments blanked out (the default file's comments show examples).
struct Places<'a> {
    source: &'a SourceText,
    code: String,
}

impl Places<'_> {
    fn new(source: &SourceText) -> Places<'_> {
        Places { source, code: without_comments(&source.text) }
    }

    /// Where a field's value starts (0 when it is not there).
    fn field(&self, name: &str) -> usize {
        self.code.find(name).unwrap_or(0)
    }

    fn entry(&self, after: &mut usize, name: String, value: String) -> Entry {
        let text = &self.code;
        let quoted = format!("\"{name}\"");
        let at = text.get(*after..).and_then(|rest| rest.find(&quoted)).map(|i| *after + i);
        if let Some(at) = at {
            *after = at + quoted.len();
        }
        Entry { at: at.map(|o| self.location(o)), name, value }
    }

    /// Where `"value"` is after `field`.
    fn value(&self, field: &str, value: &str) -> Option<Location> {
        let text = &self.code;
        let from = text.find(field)?;
        let at = text[from..].find(&format!("\"{value}\"")).map_or(from, |i| from + i);
        Some(self.location(at))
    }

    fn location(&self, offset: usize) -> Location {
        let before = &self.source.text[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
        Location { file: self.source.name.clone(), line, column }
    }

    fn problem(&self, at: Option<Location>, message: &str) -> String {
        problem(at.as_ref(), &self.source.name, message)
    }
}

/// The text with each `//` comment replaced by spaces (same length, so offsets hold);
/// a `//` inside a string is kept.
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let mut in_string = false;
        let mut escaped = false;
        let mut cut = None;
        for (i, c) in line.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_string => escaped = true,
                '"' => in_string = !in_string,
                '/' if !in_string && line[i..].starts_with("//") => {
                    cut = Some(i);
                    break;
                }
                _ => {}
            }
        }
        match cut {
            Some(i) => {
                out.push_str(&line[..i]);
                let rest = &line[i..];
                let kept_newline = rest.ends_with('\n');
                out.push_str(&" ".repeat(rest.len() - usize::from(kept_newline)));
                if kept_newline {
                    out.push('\n');
                }
            }
            None => out.push_str(line),
        }
    }
    out
}

/// One problem as `talks check` prints a dataset's: `file:line:column: error: …`.
pub fn problem(at: Option<&Location>, file: &str, message: &str) -> String {
    match at {
        Some(l) => format!("{}:{}:{}: error: {message}", l.file, l.line, l.column),
        None => format!("{file}: error: {message}"),
    }
}

#[cfg(test)]
mod tests;
