//! What the keymap says to people: the help screen, the footer and the README's key table,
//! all generated from the one table in [`super::keymap`], so none can go stale.

use super::action::Action;
use super::keymap::{bindings, key_label, Binding, Context};

/// Help lines for a context: every action once, with all its keys.
pub fn help_entries(context: Context) -> Vec<(String, &'static str)> {
    entries(bindings(), context)
}

fn entries(table: &[Binding], context: Context) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str, Action)> = Vec::new();
    for b in table.iter().filter(|b| b.context == context) {
        let label = key_label(b.code, b.modifiers);
        match out.iter_mut().find(|(_, _, a)| *a == b.action) {
            Some(entry) => {
                entry.0.push_str(" / ");
                entry.0.push_str(&label);
            }
            None => out.push((label, b.help, b.action.clone())),
        }
    }
    out.into_iter().map(|(k, h, _)| (k, h)).collect()
}

/// The contexts in the order help and the README list them, with their titles.
pub const SECTIONS: &[(Context, &str)] = &[
    (Context::Global, "Every view"),
    (Context::Browse, "Lists and detail"),
    (Context::Timeline, "Timeline"),
    (Context::Compare, "Comparison"),
    (Context::Commands, "Command lines"),
    (Context::Copy, "Copy menu"),
    (Context::Problems, "Problems panel"),
    (Context::Filter, "Filter bar"),
    (Context::Picker, "Venue picker"),
    (Context::Export, "Export dialog"),
    (Context::Confirm, "Overwrite question"),
    (Context::SaveDataset, "Built-in dataset to a file"),
    (Context::Help, "Help screen"),
];

/// One line of the help screen, before styling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Blank,
    Heading(&'static str),
    Key(String, String),
    Note(String),
}

/// The columns before a key's description on the help screen: two of margin and 22 for
/// the keys. A description too long for its row goes on under itself.
pub const HELP_KEY_COLUMNS: usize = 24;

/// The width of the help's text on a terminal `width` columns wide: its box is at most 76
/// wide, with a border each side.
pub fn help_width(width: u16) -> usize {
    usize::from(width.min(76)).saturating_sub(2)
}

/// The help screen wrapped to `width` columns, one entry a screen row: a description goes
/// on under itself (a continuation is a `Key` with no keys), a note under its text. What
/// `update` clamps the scroll to and what `render` draws, so both count the same rows.
pub fn help_rows(width: usize) -> Vec<HelpLine> {
    let mut rows = Vec::new();
    for line in help_lines() {
        match line {
            HelpLine::Key(keys, help) => {
                use unicode_width::UnicodeWidthStr;
                let room = width.saturating_sub(HELP_KEY_COLUMNS.max(keys.width() + 2));
                let mut pieces = crate::text::wrap_words(&help, room, "", false).into_iter();
                let first = pieces.next().map(|p| p.into_owned()).unwrap_or_default();
                // Continuations sit under the description, whose column the first row sets.
                let room = width.saturating_sub(HELP_KEY_COLUMNS);
                let rest: Vec<String> = pieces.map(|p| p.into_owned()).collect();
                rows.push(HelpLine::Key(keys, first));
                for piece in crate::text::wrap_words(&rest.join(" "), room, "", false) {
                    if !piece.is_empty() {
                        rows.push(HelpLine::Key(String::new(), piece.into_owned()));
                    }
                }
            }
            HelpLine::Note(note) => {
                let pieces = crate::text::wrap_words(&note, width, "    ", false);
                rows.extend(pieces.into_iter().map(|p| HelpLine::Note(p.into_owned())));
            }
            other => rows.push(other),
        }
    }
    rows
}

/// Notes under the keys of the help screen.
const HELP_NOTES: &[&str] = &[
    "List marks: ✗ cancelled  » postponed  ○ planned or announced  ~ approximate date",
    "Detail marks: ★ head of a delegation  ▸ agenda item (topic — outcome)",
    "Topics: ▾ sub-topics shown  ▸ folded (← folds, → unfolds)  · none; the count is the rounds `topic:` finds",
    "In People and Topics, / filters that list by name (any script, no accents needed), party, post or alias",
    "Query fields: venue city country date from to party third host mediator person",
    "  topic track status format id  (a,b = either; -term = not; \"quoted phrase\")",
    "Dates: date:2025  date:2025-03  date:2025-03-11  date:2025-02..2025-04  from:2025-06",
    "Query examples: venue:istanbul  date:2025-03  person:darchiev  -status:cancelled",
    "Mouse: the wheel scrolls the pane under the pointer; a click selects.",
];

/// The whole help screen: every key of every context, the timeline's legend (the
/// domain's, as `talks timeline` prints it), then the notes. Its length is what `update`
/// clamps the help's scroll to, so the renderer and the updater agree.
pub fn help_lines() -> Vec<HelpLine> {
    let mut lines = Vec::new();
    for &(context, title) in SECTIONS {
        if !lines.is_empty() {
            lines.push(HelpLine::Blank);
        }
        lines.push(HelpLine::Heading(title));
        lines.extend(help_entries(context).into_iter().map(|(keys, help)| HelpLine::Key(keys, help.into())));
        if context == Context::Timeline {
            lines.push(HelpLine::Blank);
            lines.push(HelpLine::Heading("Timeline marks"));
            let legend = crate::timeline::LEGEND.iter();
            lines
                .extend(legend.map(|(marks, meaning)| HelpLine::Key(marks.to_string(), meaning.to_string())));
        }
    }
    lines.push(HelpLine::Blank);
    lines.extend(HELP_NOTES.iter().map(|note| HelpLine::Note(note.to_string())));
    lines
}

/// The key table of the README (the defaults), one section per context, generated like
/// the help screen.
pub fn markdown_table() -> String {
    let mut out = String::from("| where | keys | what they do |\n|---|---|---|\n");
    for &(context, title) in SECTIONS {
        for (keys, help) in entries(super::keymap::defaults(), context) {
            out.push_str(&format!("| {title} | {} | {help} |\n", keys.replace('|', "\\|")));
        }
    }
    out
}

/// Footer hints for a context: `key description` pairs marked for the footer, the
/// context's own and then those of its fallback. Keys with the same short description are
/// merged (`1/2/3 views`), and help and quit come first so a narrow terminal still shows the
/// way to every other key.
pub fn footer_entries(context: Context, skip: &dyn Fn(&Action) -> bool) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    let contexts: Vec<Context> = std::iter::once(context).chain(context.fallback()).collect();
    let marked = contexts.iter().flat_map(|&c| {
        bindings().iter().filter(move |b| b.context == c && b.footer.is_some() && !skip(&b.action))
    });
    // What a newcomer needs most comes first, so a narrow footer drops the rest: help, the
    // filter, export, quit; then the table's order (the sort is stable).
    let priority = |b: &&Binding| match b.action {
        Action::ToggleHelp => 0,
        Action::OpenFilter => 1,
        Action::OpenExport => 2,
        Action::Quit => 3,
        _ => 4,
    };
    let mut marked: Vec<&Binding> = marked.collect();
    marked.sort_by_key(priority);
    for b in marked {
        let key = key_label(b.code, b.modifiers);
        let help = b.footer.unwrap_or(b.help);
        match out.last_mut() {
            Some((keys, h)) if *h == help => {
                keys.push('/');
                keys.push_str(&key);
            }
            _ => out.push((key, help)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Context::*;

    #[test]
    fn the_readme_key_table_is_the_keymap() {
        let readme = include_str!("../../README.md");
        assert!(
            readme.contains(&markdown_table()),
            "README.md's key table is stale; replace it with:\n{}",
            markdown_table()
        );
    }

    #[test]
    fn help_lists_every_key_of_an_action_together() {
        let entries = help_entries(Browse);
        assert!(entries.iter().any(|(k, h)| k == "j / ↓" && *h == "move down"));
        let entries = help_entries(Global);
        assert!(entries.iter().any(|(k, _)| k == "Backspace / Alt-←"));
    }
}
