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
    /// Shown in the footer for this context.
    pub footer: bool,
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
    footer: bool,
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
            bind(Browse, Char('j'), NONE, Action::Down, "move down", true),
            bind(Browse, Down, NONE, Action::Down, "move down", false),
            bind(Browse, Char('k'), NONE, Action::Up, "move up", true),
            bind(Browse, Up, NONE, Action::Up, "move up", false),
            bind(Browse, Char('g'), NONE, Action::Top, "go to the first line", false),
            bind(Browse, Home, NONE, Action::Top, "go to the first line", false),
            bind(Browse, Char('G'), SHIFT, Action::Bottom, "go to the last line", false),
            bind(Browse, End, NONE, Action::Bottom, "go to the last line", false),
            bind(Browse, PageDown, NONE, Action::PageDown, "page down", false),
            bind(Browse, PageUp, NONE, Action::PageUp, "page up", false),
            bind(Browse, Char('d'), CTRL, Action::HalfPageDown, "half a page down", false),
            bind(Browse, Char('u'), CTRL, Action::HalfPageUp, "half a page up", false),
            bind(Browse, Tab, NONE, Action::FocusNext, "focus the other pane", true),
            bind(Browse, BackTab, SHIFT, Action::FocusPrev, "focus the other pane", false),
            bind(Browse, Char(']'), NONE, Action::NextLink, "next link in the detail", false),
            bind(Browse, Char('['), NONE, Action::PrevLink, "previous link in the detail", false),
            bind(Browse, Char('1'), NONE, Action::Show(View::Rounds), "rounds view", true),
            bind(Browse, Char('2'), NONE, Action::Show(View::People), "people view", true),
            bind(Browse, Char('3'), NONE, Action::Show(View::Topics), "topics view", true),
            bind(Browse, Enter, NONE, Action::Follow, "open the link under the cursor", true),
            bind(Browse, Backspace, NONE, Action::Back, "go back", true),
            bind(Browse, Left, ALT, Action::Back, "go back", false),
            bind(Browse, Right, ALT, Action::Forward, "go forward", false),
            bind(Browse, Char('/'), NONE, Action::OpenFilter, "filter rounds (query language)", true),
            bind(Browse, Char('x'), NONE, Action::ClearFilter, "clear the filter", false),
            bind(Browse, Char('v'), NONE, Action::OpenVenues, "pick a venue", true),
            bind(Browse, Char('s'), NONE, Action::CycleSort, "cycle the sort order", true),
            bind(Browse, Char('e'), NONE, Action::OpenExport, "export the selected round", true),
            bind(Browse, Char('?'), NONE, Action::ToggleHelp, "help: every key", true),
            bind(Browse, Char('q'), NONE, Action::Quit, "quit", true),
            bind(Browse, Char('c'), CTRL, Action::Quit, "quit", false),
            bind(Filter, Enter, NONE, Action::Confirm, "keep the filter", true),
            bind(Filter, Esc, NONE, Action::Cancel, "cancel the edit", true),
            bind(Filter, Backspace, NONE, Action::DeleteBack, "delete a character", false),
            bind(Filter, Char('w'), CTRL, Action::DeleteWord, "delete a word", true),
            bind(Filter, Char('c'), CTRL, Action::Quit, "quit", false),
            bind(Picker, Char('j'), NONE, Action::Down, "move down", true),
            bind(Picker, Down, NONE, Action::Down, "move down", false),
            bind(Picker, Char('k'), NONE, Action::Up, "move up", true),
            bind(Picker, Up, NONE, Action::Up, "move up", false),
            bind(Picker, Enter, NONE, Action::Confirm, "filter by this venue", true),
            bind(Picker, Esc, NONE, Action::Cancel, "close", true),
            bind(Picker, Char('q'), NONE, Action::Cancel, "close", false),
            bind(Picker, Char('c'), CTRL, Action::Quit, "quit", false),
            bind(Export, Up, NONE, Action::Up, "previous format", true),
            bind(Export, Down, NONE, Action::Down, "next format", true),
            bind(Export, Tab, NONE, Action::Down, "next format", false),
            bind(Export, Enter, NONE, Action::Confirm, "write the file", true),
            bind(Export, Esc, NONE, Action::Cancel, "cancel", true),
            bind(Export, Backspace, NONE, Action::DeleteBack, "delete a character of the path", false),
            bind(Export, Char('w'), CTRL, Action::DeleteWord, "delete a word of the path", false),
            bind(Export, Char('c'), CTRL, Action::Quit, "quit", false),
            bind(Confirm, Char('y'), NONE, Action::Yes, "overwrite", true),
            bind(Confirm, Char('n'), NONE, Action::No, "keep the existing file", true),
            bind(Confirm, Esc, NONE, Action::No, "keep the existing file", false),
            bind(Confirm, Char('c'), CTRL, Action::Quit, "quit", false),
            bind(Help, Char('?'), NONE, Action::ToggleHelp, "close help", true),
            bind(Help, Esc, NONE, Action::ToggleHelp, "close help", true),
            bind(Help, Char('q'), NONE, Action::ToggleHelp, "close help", false),
            bind(Help, Char('j'), NONE, Action::Down, "scroll down", false),
            bind(Help, Down, NONE, Action::Down, "scroll down", false),
            bind(Help, Char('k'), NONE, Action::Up, "scroll up", false),
            bind(Help, Up, NONE, Action::Up, "scroll up", false),
            bind(Help, Char('c'), CTRL, Action::Quit, "quit", false),
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

/// The key table of the README, one section per context, generated like the help screen.
pub fn markdown_table() -> String {
    let sections = [
        (Context::Browse, "Browsing"),
        (Context::Filter, "Filter bar"),
        (Context::Picker, "Venue picker"),
        (Context::Export, "Export dialog"),
        (Context::Confirm, "Overwrite question"),
        (Context::Help, "Help screen"),
    ];
    let mut out = String::from("| where | keys | what they do |\n|---|---|---|\n");
    for (context, title) in sections {
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
    let marked = bindings().iter().filter(|b| b.context == context && b.footer);
    let (first, rest): (Vec<&Binding>, Vec<&Binding>) =
        marked.partition(|b| matches!(b.action, Action::ToggleHelp | Action::Quit));
    for b in first.into_iter().chain(rest) {
        let key = key_label(b.code, b.modifiers);
        let help = short(b.help);
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

/// The footer wants one or two words.
fn short(help: &'static str) -> &'static str {
    match help {
        "move down" | "move up" => "move",
        "focus the other pane" => "pane",
        "rounds view" | "people view" | "topics view" => "views",
        "open the link under the cursor" => "open",
        "go back" => "back",
        "filter rounds (query language)" => "filter",
        "pick a venue" => "venues",
        "cycle the sort order" => "sort",
        "export the selected round" => "export",
        "help: every key" => "help",
        "keep the filter" => "keep",
        "cancel the edit" => "cancel",
        "delete a word" => "del word",
        "filter by this venue" => "choose",
        "previous format" | "next format" => "format",
        "write the file" => "write",
        "keep the existing file" => "keep",
        "close help" => "close",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let table = bindings();
        for (i, a) in table.iter().enumerate() {
            for b in &table[i + 1..] {
                assert!(
                    !(a.context == b.context && a.code == b.code && a.modifiers == b.modifiers),
                    "{:?} {} bound twice",
                    a.context,
                    key_label(a.code, a.modifiers)
                );
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
