//! Finding where an entity or a reference sits in the file text.
//!
//! serde does not keep positions, so validation looks them up afterwards: an entity starts
//! at its `id: "…"`, and a field's value is the next occurrence of that quoted value after
//! the entity's start. This is a best effort; a problem without a position still names the
//! entity and field. The tables are built on the first problem only, so a clean dataset
//! pays nothing, and each lookup after that is a hash probe and a binary search.

use super::diagnostic::Location;
use super::SourceText;
use rustc_hash::FxHashMap;
use std::cell::OnceCell;
use std::collections::hash_map::Entry;

/// How far after an entity's `id:` a field or value is looked for, in bytes.
const WINDOW: usize = 64 * 1024;

pub(crate) struct Locator<'a> {
    files: &'a [SourceText],
    tables: Vec<OnceCell<Table<'a>>>,
}

/// Per file: where each `id: "…"` is, and where each line starts.
struct Table<'a> {
    /// The first `id: "…"` of each id; later ones (a repeated id, which validation reports)
    /// in `more`, so the usual case costs no list per id.
    ids: FxHashMap<&'a str, usize>,
    more: FxHashMap<&'a str, Vec<usize>>,
    line_starts: Vec<usize>,
}

/// A byte position in one of the files.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Anchor {
    file: usize,
    offset: usize,
}

impl<'a> Table<'a> {
    /// Where each `id: "<id>"` is, in file order.
    fn offsets(&self, id: &str) -> impl Iterator<Item = usize> + '_ {
        let more = self.more.get(id).map_or(&[][..], Vec::as_slice);
        self.ids.get(id).copied().into_iter().chain(more.iter().copied())
    }

    fn build(text: &'a str) -> Self {
        let mut ids: FxHashMap<&str, usize> = FxHashMap::default();
        let mut more: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        // memchr's searcher, not `match_indices`: this pass crosses the whole file (600 MB at
        // 100,000 rounds) the first time a problem is located.
        for at in memchr::memmem::find_iter(text.as_bytes(), b"id:") {
            // Only a bare `id:` field, not `topic_id:` or a word ending in `id`.
            let prev = text[..at].chars().next_back();
            if prev.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &text[at + 3..];
            let skipped = rest.len() - rest.trim_start().len();
            let value_at = at + 3 + skipped;
            if let Some(body) = text[value_at..].strip_prefix('"') {
                if let Some(end) = body.find('"') {
                    let id = &body[..end];
                    match ids.entry(id) {
                        Entry::Vacant(first) => {
                            first.insert(value_at);
                        }
                        Entry::Occupied(_) => more.entry(id).or_default().push(value_at),
                    }
                }
            }
        }
        let line_starts =
            std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)).collect();
        Table { ids, more, line_starts }
    }
}

impl<'a> Locator<'a> {
    pub fn new(files: &'a [SourceText]) -> Self {
        Locator { files, tables: files.iter().map(|_| OnceCell::new()).collect() }
    }

    fn table(&self, file: usize) -> Option<&Table<'a>> {
        let text = self.files.get(file)?.text.as_str();
        Some(self.tables.get(file)?.get_or_init(|| Table::build(text)))
    }

    /// The `nth` (0-based) `id: "<id>"` in a file.
    pub fn entity(&self, file: usize, id: &str, nth: usize) -> Option<Anchor> {
        let offset = self.table(file)?.offsets(id).nth(nth)?;
        Some(Anchor { file, offset })
    }

    /// The first `"<value>"` at or after an anchor, else the anchor itself.
    pub fn value_after(&self, anchor: Anchor, value: &str) -> Anchor {
        self.find_after(anchor, &format!("\"{value}\""))
    }

    /// The start of a piece of free text at or after an anchor, found by its opening words
    /// (up to the first character the file would have escaped), else the anchor itself.
    pub fn text_after(&self, anchor: Anchor, text: &str) -> Anchor {
        let snippet: String = text.chars().take_while(|c| !matches!(c, '"' | '\\' | '\n')).take(40).collect();
        if snippet.is_empty() {
            return anchor;
        }
        self.find_after(anchor, &snippet)
    }

    /// The first `field:` at or after an anchor (the last part of a dotted field name),
    /// else the anchor itself.
    pub fn field_after(&self, anchor: Anchor, field: &str) -> Anchor {
        let last = field.rsplit('.').next().unwrap_or(field);
        self.find_after(anchor, &format!("{last}:"))
    }

    /// The first `field: []` at or after an anchor, else the first `field:`.
    pub fn empty_list_after(&self, anchor: Anchor, field: &str) -> Anchor {
        let last = field.rsplit('.').next().unwrap_or(field);
        let found = self.find_after(anchor, &format!("{last}: []"));
        if found.offset == anchor.offset {
            self.field_after(anchor, field)
        } else {
            found
        }
    }

    fn find_after(&self, anchor: Anchor, pattern: &str) -> Anchor {
        let Some(source) = self.files.get(anchor.file) else { return anchor };
        // Where the entity ends is not known, so the search is bounded by a generous window
        // rather than the rest of the file. The window's end moves back to a character
        // boundary: slicing inside a multibyte character would fail and lose the position.
        let mut window_end = source.text.len().min(anchor.offset + WINDOW);
        while !source.text.is_char_boundary(window_end) {
            window_end -= 1;
        }
        source
            .text
            .get(anchor.offset..window_end)
            .and_then(|rest| rest.find(pattern))
            .map_or(anchor, |at| Anchor { file: anchor.file, offset: anchor.offset + at })
    }

    pub fn location(&self, anchor: Anchor) -> Option<Location> {
        let source = self.files.get(anchor.file)?;
        let table = self.table(anchor.file)?;
        let line = table.line_starts.partition_point(|&s| s <= anchor.offset);
        let start = table.line_starts.get(line.checked_sub(1)?).copied()?;
        let column = source.text.get(start..anchor.offset)?.chars().count() + 1;
        Some(Location { file: source.name.clone(), line, column })
    }
}

/// Where the entity of a kind with this id is defined in the files: its `id: "<id>"` inside
/// a `Round(` (a `Person(` …), else the first `id: "<id>"` at all; for an editor to open
/// there. `None` when no file has it.
pub fn definition(files: &[SourceText], kind: crate::model::Kind, id: &str) -> Option<Location> {
    use crate::model::Kind;
    let constructor = match kind {
        Kind::Source => "Source",
        Kind::Party => "Party",
        Kind::Person => "Person",
        Kind::Venue => "Venue",
        Kind::Topic => "Topic",
        Kind::Track => "Track",
        Kind::Round => "Round",
        Kind::Milestone => "Milestone",
    };
    let locator = Locator::new(files);
    let mut first = None;
    for (file, source) in files.iter().enumerate() {
        let Some(table) = locator.table(file) else { continue };
        for offset in table.offsets(id) {
            let anchor = Anchor { file, offset };
            first = first.or(Some(anchor));
            let before = source.text.get(..offset).unwrap_or_default();
            let opened = before.rfind('(').and_then(|at| before.get(..at)).unwrap_or_default();
            if opened.trim_end().ends_with(constructor) {
                return locator.location(anchor);
            }
        }
    }
    first.and_then(|anchor| locator.location(anchor))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_definition_is_found_by_its_kind_when_ids_are_shared() {
        let text = "(\n topics: [Topic(id: \"x\", name: \"X\")],\n rounds: [\n  Round(id: \"x\")],\n)";
        let files = [SourceText { name: "f.ron".into(), text: text.into() }];
        let at = |kind| definition(&files, kind, "x").map(|l| l.line);
        assert_eq!(at(crate::model::Kind::Topic), Some(2));
        assert_eq!(at(crate::model::Kind::Round), Some(4));
        // A kind with no such entity falls back to the first `id:`; an unknown id is None.
        assert_eq!(at(crate::model::Kind::Person), Some(2));
        assert_eq!(definition(&files, crate::model::Kind::Round, "y"), None);
    }

    #[test]
    fn a_search_window_ending_inside_a_character_still_finds_the_field() {
        // Accented text right after the entity, long enough that the 64 KiB window ends in it;
        // with either padding the window's end falls once on a boundary, once inside an `é`.
        let mut ends_inside = 0;
        for pad in ["", " "] {
            let text = format!("(id: \"x\",{pad}\nvenue: \"v\",\nsummary: \"{}\")\n", "é".repeat(WINDOW));
            let files = [SourceText { name: "f.ron".into(), text }];
            let locator = Locator::new(&files);
            let anchor = locator.entity(0, "x", 0).expect("the entity");
            ends_inside += usize::from(!files[0].text.is_char_boundary(anchor.offset + WINDOW));
            let found = locator.location(locator.field_after(anchor, "venue")).expect("a location");
            assert_eq!((found.line, found.column), (2, 1), "padding {pad:?}: pointed at the `id:` line");
        }
        assert_eq!(ends_inside, 1, "one of the paddings must end the window inside a character");
    }
}
