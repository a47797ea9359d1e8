//! The one table of key bindings. Help and footer are generated from it, so they cannot
//! disagree with what the keys do; a test fails if a key is bound twice in one context.

use super::action::{Action, View};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies. `Browse` covers both panes; `List` and `Detail` refine it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Browse,
    Filter,
    Picker,
    Export,
    Confirm,
    Help,
}

pub struct Binding {
    pub context: Context,
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
    pub action: Action,
    /// Shown in help; the first binding of an action names it.
    pub help: &'static str,
    /// The one or two words shown in the footer for this context; `None` keeps the key out
    /// of the footer (help still lists it).
    pub footer: Option<&'static str>,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

const fn bind(
    context: Context,
    code: KeyCode,
    modifiers: KeyModifiers,
    action: Action,
    help: &'static str,
    footer: Option<&'static str>,
) -> Binding {
    Binding { context, code, modifiers, action, help, footer }
}

use Context::*;
use KeyCode::*;

/// Every binding, in the order help lists them.
pub fn bindings() -> &'static [Binding] {
    static TABLE: std::sync::OnceLock<Vec<Binding>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        vec![
            bind(Browse, Char('j'), NONE, Action::Down, "move down", Some("move")),
            bind(Browse, Down, NONE, Action::Down, "move down", None),
            bind(Browse, Char('k'), NONE, Action::Up, "move up", Some("move")),
            bind(Browse, Up, NONE, Action::Up, "move up", None),
            bind(Browse, Char('g'), NONE, Action::Top, "go to the first line", None),
            bind(Browse, Home, NONE, Action::Top, "go to the first line", None),
            bind(Browse, Char('G'), SHIFT, Action::Bottom, "go to the last line", None),
            bind(Browse, End, NONE, Action::Bottom, "go to the last line", None),
            bind(Browse, PageDown, NONE, Action::PageDown, "page down", None),
            bind(Browse, PageUp, NONE, Action::PageUp, "page up", None),
            bind(Browse, Char('d'), CTRL, Action::HalfPageDown, "half a page down", None),
            bind(Browse, Char('u'), CTRL, Action::HalfPageUp, "half a page up", None),
            bind(Browse, Tab, NONE, Action::FocusNext, "focus the other pane", Some("pane")),
            bind(Browse, BackTab, SHIFT, Action::FocusPrev, "focus the other pane", None),
            bind(Browse, Char(']'), NONE, Action::NextLink, "next link in the detail", None),
            bind(Browse, Char('['), NONE, Action::PrevLink, "previous link in the detail", None),
            bind(Browse, Char('1'), NONE, Action::Show(View::Rounds), "rounds view", Some("views")),
            bind(Browse, Char('2'), NONE, Action::Show(View::People), "people view", Some("views")),
            bind(Browse, Char('3'), NONE, Action::Show(View::Topics), "topics view", Some("views")),
            bind(Browse, Char('4'), NONE, Action::Show(View::Milestones), "milestones view", Some("views")),
            bind(Browse, Enter, NONE, Action::Follow, "open the link under the cursor", Some("open")),
            bind(Browse, Backspace, NONE, Action::Back, "go back", Some("back")),
            bind(Browse, Left, ALT, Action::Back, "go back", None),
            bind(Browse, Right, ALT, Action::Forward, "go forward", None),
            bind(
                Browse,
                Char('/'),
                NONE,
                Action::OpenFilter,
                "filter rounds and milestones (query language)",
                Some("filter"),
            ),
            bind(Browse, Char('x'), NONE, Action::ClearFilter, "clear the filter", None),
            bind(Browse, Char('v'), NONE, Action::OpenVenues, "pick a venue", Some("venues")),
            bind(Browse, Char('s'), NONE, Action::CycleSort, "cycle the sort order", Some("sort")),
            bind(Browse, Char('e'), NONE, Action::OpenExport, "export the selected round", Some("export")),
            bind(Browse, Char('?'), NONE, Action::ToggleHelp, "help: every key", Some("help")),
            bind(Browse, Char('q'), NONE, Action::Quit, "quit", Some("quit")),
            bind(Browse, Char('c'), CTRL, Action::Quit, "quit", None),
            bind(Filter, Enter, NONE, Action::Confirm, "keep the filter", Some("keep")),
            bind(Filter, Esc, NONE, Action::Cancel, "cancel the edit", Some("cancel")),
            bind(Filter, Backspace, NONE, Action::DeleteBack, "delete a character", None),
            bind(Filter, Char('w'), CTRL, Action::DeleteWord, "delete a word", Some("del word")),
            bind(Filter, Char('c'), CTRL, Action::Quit, "quit", None),
            bind(Picker, Char('j'), NONE, Action::Down, "move down", Some("move")),
            bind(Picker, Down, NONE, Action::Down, "move down", None),
            bind(Picker, Char('k'), NONE, Action::Up, "move up", Some("move")),
            bind(Picker, Up, NONE, Action::Up, "move up", None),
            bind(Picker, Enter, NONE, Action::Confirm, "filter by this venue", Some("choose")),
            bind(Picker, Esc, NONE, Action::Cancel, "close", Some("close")),
            bind(Picker, Char('q'), NONE, Action::Cancel, "close", None),
            bind(Picker, Char('c'), CTRL, Action::Quit, "quit", None),
            bind(Export, Up, NONE, Action::Up, "previous format", Some("format")),
            bind(Export, Down, NONE, Action::Down, "next format", Some("format")),
            bind(Export, Tab, NONE, Action::Down, "next format", None),
            bind(Export, Enter, NONE, Action::Confirm, "write the file", Some("write")),
            bind(Export, Esc, NONE, Action::Cancel, "cancel", Some("cancel")),
            bind(Export, Backspace, NONE, Action::DeleteBack, "delete a character of the path", None),
            bind(Export, Char('w'), CTRL, Action::DeleteWord, "delete a word of the path", None),
            bind(Export, Char('c'), CTRL, Action::Quit, "quit", None),
            bind(Confirm, Char('y'), NONE, Action::Yes, "overwrite", Some("overwrite")),
            bind(Confirm, Char('n'), NONE, Action::No, "keep the existing file", Some("keep")),
            bind(Confirm, Esc, NONE, Action::No, "keep the existing file", None),
            bind(Confirm, Char('c'), CTRL, Action::Quit, "quit", None),
            bind(Help, Char('?'), NONE, Action::ToggleHelp, "close help", Some("close")),
            bind(Help, Esc, NONE, Action::ToggleHelp, "close help", Some("close")),
            bind(Help, Char('q'), NONE, Action::ToggleHelp, "close help", None),
            bind(Help, Char('j'), NONE, Action::Down, "scroll down", None),
            bind(Help, Down, NONE, Action::Down, "scroll down", None),
            bind(Help, Char('k'), NONE, Action::Up, "scroll up", None),
            bind(Help, Up, NONE, Action::Up, "scroll up", None),
            bind(Help, Char('c'), CTRL, Action::Quit, "quit", None),
        ]
    })
}

/// Crossterm reports `G` with SHIFT on some terminals and without on others; Shift-Tab
/// likewise. Normalise before looking up so both spellings work.
fn normalise(key: KeyEvent) -> (KeyCode, KeyModifiers) {
    let mut mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    match key.code {
        Char(c) if c.is_ascii_uppercase() || !c.is_alphanumeric() => mods.remove(KeyModifiers::SHIFT),
        BackTab => mods.remove(KeyModifiers::SHIFT),
        _ => {}
    }
    (key.code, mods)
}

fn matches(b: &Binding, code: KeyCode, mods: KeyModifiers) -> bool {
    let mut want = b.modifiers;
    if matches!(b.code, Char(c) if c.is_ascii_uppercase() || !c.is_alphanumeric()) || b.code == BackTab {
        want.remove(KeyModifiers::SHIFT);
    }
    b.code == code && want == mods
}

/// The action bound to a key in a context. In text contexts, unbound printable keys are
/// typed into the input.
pub fn lookup(context: Context, key: KeyEvent) -> Option<Action> {
    let (code, mods) = normalise(key);
    if let Some(b) = bindings().iter().find(|b| b.context == context && matches(b, code, mods)) {
        return Some(b.action.clone());
    }
    match (context, code) {
        (Filter | Export, Char(c)) if !mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
            Some(Action::Insert(c))
        }
        _ => None,
    }
}

/// `j`, `Ctrl-d`, `Alt-←`, `Shift-Tab`: how a key is written in help and footer.
pub fn key_label(code: KeyCode, modifiers: KeyModifiers) -> String {
    let base = match code {
        Char(' ') => "Space".to_string(),
        Char(c) => c.to_string(),
        Enter => "Enter".into(),
        Esc => "Esc".into(),
        Tab => "Tab".into(),
        BackTab => "Shift-Tab".into(),
        Backspace => "Backspace".into(),
        Up => "↑".into(),
        Down => "↓".into(),
        Left => "←".into(),
        Right => "→".into(),
        Home => "Home".into(),
        End => "End".into(),
        PageUp => "PgUp".into(),
        PageDown => "PgDn".into(),
        other => format!("{other:?}"),
    };
    if modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else if modifiers.contains(KeyModifiers::ALT) {
        format!("Alt-{base}")
    } else {
        base
    }
}

/// Help lines for a context: every action once, with all its keys.
pub fn help_entries(context: Context) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str, Action)> = Vec::new();
    for b in bindings().iter().filter(|b| b.context == context) {
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
    (Context::Browse, "Browsing"),
    (Context::Filter, "Filter bar"),
    (Context::Picker, "Venue picker"),
    (Context::Export, "Export dialog"),
    (Context::Confirm, "Overwrite question"),
    (Context::Help, "Help screen"),
];

/// One line of the help screen, before styling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Blank,
    Heading(&'static str),
    Key(String, &'static str),
    Note(&'static str),
}

/// Notes under the keys of the help screen.
const HELP_NOTES: &[&str] = &[
    "Query examples: venue:istanbul  date:2025-03  person:darchiev  -status:cancelled",
    "Mouse: the wheel scrolls the pane under the pointer; a click selects.",
];

/// The whole help screen: every key of every context, then the notes. Its length is what
/// `update` clamps the help's scroll to, so the renderer and the updater agree.
pub fn help_lines() -> Vec<HelpLine> {
    let mut lines = Vec::new();
    for &(context, title) in SECTIONS {
        if !lines.is_empty() {
            lines.push(HelpLine::Blank);
        }
        lines.push(HelpLine::Heading(title));
        lines.extend(help_entries(context).into_iter().map(|(keys, help)| HelpLine::Key(keys, help)));
    }
    lines.push(HelpLine::Blank);
    lines.extend(HELP_NOTES.iter().map(|note| HelpLine::Note(note)));
    lines
}

/// The key table of the README, one section per context, generated like the help screen.
pub fn markdown_table() -> String {
    let mut out = String::from("| where | keys | what they do |\n|---|---|---|\n");
    for &(context, title) in SECTIONS {
        for (keys, help) in help_entries(context) {
            out.push_str(&format!("| {title} | {} | {help} |\n", keys.replace('|', "\\|")));
        }
    }
    out
}

/// Footer hints for a context: `key description` pairs marked for the footer. Keys with
/// the same short description are merged (`1/2/3 views`), and help and quit come first so
/// a narrow terminal still shows the way to every other key.
pub fn footer_entries(context: Context) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    let marked = bindings().iter().filter(|b| b.context == context && b.footer.is_some());
    let (first, rest): (Vec<&Binding>, Vec<&Binding>) =
        marked.partition(|b| matches!(b.action, Action::ToggleHelp | Action::Quit));
    for b in first.into_iter().chain(rest) {
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

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let table = bindings();
        for (i, a) in table.iter().enumerate() {
            for b in &table[i + 1..] {
                let same = a.context == b.context
                    && normalise(KeyEvent::new(a.code, a.modifiers))
                        == normalise(KeyEvent::new(b.code, b.modifiers));
                assert!(!same, "{:?} {} bound twice", a.context, key_label(a.code, a.modifiers));
            }
        }
    }

    #[test]
    fn shifted_letters_and_symbols_match_with_or_without_shift() {
        let g = KeyEvent::new(Char('G'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Browse, g), Some(Action::Bottom));
        let g = KeyEvent::new(Char('G'), KeyModifiers::NONE);
        assert_eq!(lookup(Browse, g), Some(Action::Bottom));
        let q = KeyEvent::new(Char('?'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Browse, q), Some(Action::ToggleHelp));
    }

    #[test]
    fn typing_in_the_filter_inserts_text_but_ctrl_c_quits() {
        let key = KeyEvent::new(Char('q'), KeyModifiers::NONE);
        assert_eq!(lookup(Filter, key), Some(Action::Insert('q')));
        let key = KeyEvent::new(Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(Filter, key), Some(Action::Quit));
    }

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
        assert!(entries.iter().any(|(k, _)| k == "Backspace / Alt-←"));
    }
}
