//! The copy menu's content: for the selected round and the source under the detail
//! cursor, each thing `y` can copy, ready to copy or with the reason it cannot be.
//!
//! Built once when the menu opens (the Markdown of one round is a few kilobytes), so that
//! drawing shows sizes without rendering anything and copying is a lookup.

use super::action::CopyWhat;
use crate::dataset::Library;

/// One line of the menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyEntry {
    pub what: CopyWhat,
    /// Its line in the menu: `citation`.
    pub label: &'static str,
    /// What the status line calls it: `citation of 2025-05-16-istanbul-russia-ukraine`.
    pub name: String,
    /// The text to copy, or why there is none.
    pub text: Result<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyMenu {
    pub entries: Vec<CopyEntry>,
}

impl CopyMenu {
    /// The menu for `round` (the selection) and `source` (under the detail cursor).
    pub fn new(lib: &Library, round: Option<usize>, source: Option<usize>) -> CopyMenu {
        let round = round.and_then(|r| Some((r, lib.data().rounds.get(r)?.id.as_str())));
        let no_round = || Err("no round is selected".to_string());
        let for_round =
            |what: CopyWhat, label: &'static str, text: &dyn Fn(usize) -> Result<String, String>| {
                let (name, text) = match round {
                    Some((r, id)) => (format!("{label} of {id}"), text(r)),
                    None => (label.to_string(), no_round()),
                };
                CopyEntry { what, label, name, text }
            };
        let markdown = |r: usize| {
            crate::export::render(lib, &[r], crate::export::Format::Markdown)
                .map(|done| done.text)
                .map_err(|e| e.to_string())
        };
        let url = match source.and_then(|s| lib.data().sources.get(s)) {
            Some(s) => CopyEntry {
                what: CopyWhat::Url,
                label: "address",
                name: format!("address {}", crate::text::shorten(&s.url, 60)),
                text: Ok(s.url.clone()),
            },
            None => CopyEntry {
                what: CopyWhat::Url,
                label: "address",
                name: "source address".into(),
                text: Err("put the detail cursor on a source (] moves to the next link)".into()),
            },
        };
        CopyMenu {
            entries: vec![
                for_round(CopyWhat::Id, "id", &|r| {
                    lib.data().rounds.get(r).map(|x| x.id.clone()).ok_or_else(|| "no such round".to_string())
                }),
                for_round(CopyWhat::Citation, "citation", &|r| {
                    crate::export::citation(lib, r).ok_or_else(|| "no such round".to_string())
                }),
                for_round(CopyWhat::Markdown, "Markdown", &markdown),
                url,
            ],
        }
    }

    pub fn entry(&self, what: CopyWhat) -> Option<&CopyEntry> {
        self.entries.iter().find(|e| e.what == what)
    }
}
