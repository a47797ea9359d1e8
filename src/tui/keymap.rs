//! The one table of key bindings. Help and footer are generated from it, so they cannot
//! disagree with what the keys do; a test fails if a key is bound twice in one context, or
//! in a view's context and in `Global`, which every view falls back to.

use super::action::{Action, CopyWhat, EditOp, View};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies. `Browse` (the lists and the detail pane) and `Timeline` are the
/// views' own keys; both fall back to `Global` for the rest. Dialogs and overlays are
/// contexts of their own, with no fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Global,
    Browse,
    Timeline,
    Filter,
    Picker,
    Export,
    Confirm,
    Compare,
    Commands,
    Copy,
    Problems,
    SaveDataset,
    Help,
}

impl Context {
    /// The context a key falls back to when this one does not bind it.
    pub fn fallback(self) -> Option<Context> {
        match self {
            Context::Browse | Context::Timeline => Some(Context::Global),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
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

/// The bindings in force: the config file's merged into the defaults when the browser
/// installed them ([`install`]), else the defaults.
pub fn bindings() -> &'static [Binding] {
    INSTALLED.get().map_or_else(defaults, Vec::as_slice)
}

static INSTALLED: std::sync::OnceLock<Vec<Binding>> = std::sync::OnceLock::new();

/// Puts a merged table in force for the rest of the process (the browser does, once, at
/// start); a second call changes nothing.
pub fn install(table: Vec<Binding>) {
    let _ = INSTALLED.set(table);
}

/// The compiled-in bindings, in the order help lists them (the README's table).
pub fn defaults() -> &'static [Binding] {
    static TABLE: std::sync::OnceLock<Vec<Binding>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        vec![
            bind(Global, Char('1'), NONE, Action::Show(View::Rounds), "rounds view", Some("views")),
            bind(Global, Char('2'), NONE, Action::Show(View::People), "people view", Some("views")),
            bind(Global, Char('3'), NONE, Action::Show(View::Topics), "topics view", Some("views")),
            bind(Global, Char('4'), NONE, Action::Show(View::Timeline), "timeline view", Some("views")),
            bind(Global, Char('5'), NONE, Action::Show(View::Milestones), "milestones view", Some("views")),
            bind(Global, Backspace, NONE, Action::Back, "go back", Some("back")),
            bind(Global, Left, ALT, Action::Back, "go back", None),
            bind(Global, Right, ALT, Action::Forward, "go forward", None),
            bind(
                Global,
                Char('/'),
                NONE,
                Action::OpenFilter,
                "filter this view (rounds and milestones: the query language; people, topics: words)",
                Some("filter"),
            ),
            bind(Global, Char('x'), NONE, Action::ClearFilter, "clear the filter", None),
            bind(Global, Char('v'), NONE, Action::OpenVenues, "pick a venue", Some("venues")),
            bind(Global, Char('s'), NONE, Action::CycleSort, "cycle the sort order", Some("sort")),
            bind(Global, Char('e'), NONE, Action::OpenExport, "export the selected round", Some("export")),
            bind(
                Global,
                Char('E'),
                SHIFT,
                Action::OpenExportAll,
                "export every round of the list (the filter)",
                None,
            ),
            bind(Global, Char('m'), NONE, Action::Mark, "mark the selected round to compare", Some("mark")),
            bind(
                Global,
                Char('c'),
                NONE,
                Action::Compare,
                "compare the selected round with the marked one",
                Some("compare"),
            ),
            bind(
                Global,
                Char(':'),
                NONE,
                Action::ShowCommands,
                "the command lines that reproduce this view",
                None,
            ),
            bind(
                Global,
                Char('y'),
                NONE,
                Action::OpenCopy,
                "copy: round id, citation, Markdown, source address (OSC 52)",
                None,
            ),
            bind(
                Global,
                Char('!'),
                NONE,
                Action::ToggleProblems,
                "why the dataset files on disk no longer load",
                None,
            ),
            bind(Global, Char('e'), CTRL, Action::Edit, "open $EDITOR where the selection is defined", None),
            bind(Global, Char('?'), NONE, Action::ToggleHelp, "help: every key", Some("help")),
            bind(Global, Char('q'), NONE, Action::Quit, "quit", Some("quit")),
            bind(Global, Char('c'), CTRL, Action::Quit, "quit", None),
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
            bind(Browse, Left, NONE, Action::Fold, "topics: fold the branch, or go to the parent", None),
            bind(Browse, Right, NONE, Action::Unfold, "topics: unfold the branch, or go into it", None),
            bind(Browse, Char(']'), NONE, Action::NextLink, "next link in the detail", None),
            bind(Browse, Char('['), NONE, Action::PrevLink, "previous link in the detail", None),
            bind(Browse, Enter, NONE, Action::Follow, "open the link under the cursor", Some("open")),
            bind(
                Browse,
                Char('o'),
                NONE,
                Action::OpenSource,
                "open the source under the cursor in the web browser",
                None,
            ),
            bind(Timeline, Left, NONE, Action::Earlier, "the round before, on any lane", Some("round")),
            bind(Timeline, Char('h'), NONE, Action::Earlier, "the round before, on any lane", None),
            bind(Timeline, Right, NONE, Action::Later, "the round after, on any lane", Some("round")),
            bind(Timeline, Char('l'), NONE, Action::Later, "the round after, on any lane", None),
            bind(Timeline, Up, NONE, Action::Up, "the lane above (the mark nearest in time)", Some("lane")),
            bind(Timeline, Char('k'), NONE, Action::Up, "the lane above (the mark nearest in time)", None),
            bind(
                Timeline,
                Down,
                NONE,
                Action::Down,
                "the lane below (the mark nearest in time)",
                Some("lane"),
            ),
            bind(Timeline, Char('j'), NONE, Action::Down, "the lane below (the mark nearest in time)", None),
            bind(Timeline, Char('+'), NONE, Action::ZoomIn, "zoom in (fewer days a column)", Some("zoom")),
            bind(Timeline, Char('='), NONE, Action::ZoomIn, "zoom in (fewer days a column)", None),
            bind(Timeline, Char('-'), NONE, Action::ZoomOut, "zoom out (more days a column)", Some("zoom")),
            bind(Timeline, Char('0'), NONE, Action::ZoomFit, "zoom to fit everything", None),
            bind(Timeline, Char('t'), NONE, Action::Bottom, "the last round", Some("last")),
            bind(Timeline, End, NONE, Action::Bottom, "the last round", None),
            bind(Timeline, Home, NONE, Action::Top, "the first round", None),
            bind(Timeline, PageDown, NONE, Action::PageDown, "a screen later", None),
            bind(Timeline, PageUp, NONE, Action::PageUp, "a screen earlier", None),
            bind(
                Timeline,
                Enter,
                NONE,
                Action::Follow,
                "open the round (or milestone) in its view",
                Some("open"),
            ),
            bind(Filter, Enter, NONE, Action::Confirm, "keep the filter", Some("keep")),
            bind(Filter, Esc, NONE, Action::Cancel, "cancel the edit", Some("cancel")),
            bind(Filter, Backspace, NONE, Action::DeleteBack, "delete a character", None),
            bind(
                Filter,
                Char('w'),
                CTRL,
                Action::DeleteWord,
                "delete the word before the cursor",
                Some("del word"),
            ),
            bind(Filter, Left, NONE, Action::LineEdit(EditOp::Left), "cursor left", None),
            bind(Filter, Right, NONE, Action::LineEdit(EditOp::Right), "cursor right", None),
            bind(Filter, Home, NONE, Action::LineEdit(EditOp::Home), "cursor to the start", None),
            bind(Filter, Char('a'), CTRL, Action::LineEdit(EditOp::Home), "cursor to the start", None),
            bind(Filter, End, NONE, Action::LineEdit(EditOp::End), "cursor to the end", None),
            bind(Filter, Char('e'), CTRL, Action::LineEdit(EditOp::End), "cursor to the end", None),
            bind(Filter, Char('b'), ALT, Action::LineEdit(EditOp::WordLeft), "a word left", None),
            bind(Filter, Left, CTRL, Action::LineEdit(EditOp::WordLeft), "a word left", None),
            bind(Filter, Char('f'), ALT, Action::LineEdit(EditOp::WordRight), "a word right", None),
            bind(Filter, Right, CTRL, Action::LineEdit(EditOp::WordRight), "a word right", None),
            bind(
                Filter,
                Char('u'),
                CTRL,
                Action::LineEdit(EditOp::KillToStart),
                "delete before the cursor",
                None,
            ),
            bind(
                Filter,
                Char('k'),
                CTRL,
                Action::LineEdit(EditOp::KillToEnd),
                "delete after the cursor",
                None,
            ),
            bind(Filter, Up, NONE, Action::Up, "older query (history kept between runs)", Some("history")),
            bind(Filter, Down, NONE, Action::Down, "newer query", Some("history")),
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
            bind(Help, PageDown, NONE, Action::PageDown, "page down", None),
            bind(Help, PageUp, NONE, Action::PageUp, "page up", None),
            bind(Help, Char('g'), NONE, Action::Top, "go to the top", None),
            bind(Help, Home, NONE, Action::Top, "go to the top", None),
            bind(Help, Char('G'), SHIFT, Action::Bottom, "go to the end", None),
            bind(Help, End, NONE, Action::Bottom, "go to the end", None),
            bind(Help, Char('c'), CTRL, Action::Quit, "quit", None),
            bind(Compare, Char('j'), NONE, Action::Down, "move down", Some("move")),
            bind(Compare, Down, NONE, Action::Down, "move down", None),
            bind(Compare, Char('k'), NONE, Action::Up, "move up", Some("move")),
            bind(Compare, Up, NONE, Action::Up, "move up", None),
            bind(Compare, Char('g'), NONE, Action::Top, "go to the first line", None),
            bind(Compare, Char('G'), SHIFT, Action::Bottom, "go to the last line", None),
            bind(Compare, PageDown, NONE, Action::PageDown, "page down", None),
            bind(Compare, PageUp, NONE, Action::PageUp, "page up", None),
            bind(Compare, Char(']'), NONE, Action::NextLink, "next link", Some("links")),
            bind(Compare, Char('['), NONE, Action::PrevLink, "previous link", Some("links")),
            bind(
                Compare,
                Enter,
                NONE,
                Action::Follow,
                "open the round, person or topic (Backspace returns here)",
                Some("open"),
            ),
            bind(Compare, Char('s'), NONE, Action::Swap, "swap the two columns", Some("swap")),
            bind(Compare, Esc, NONE, Action::Cancel, "close the comparison", Some("close")),
            bind(Compare, Char('q'), NONE, Action::Cancel, "close the comparison", None),
            bind(Compare, Char('c'), CTRL, Action::Quit, "quit", None),
            bind(Commands, Esc, NONE, Action::Cancel, "close", Some("close")),
            bind(Commands, Char(':'), NONE, Action::Cancel, "close", None),
            bind(Commands, Char('q'), NONE, Action::Cancel, "close", None),
            bind(Commands, Char('c'), CTRL, Action::Quit, "quit", None),
            bind(Copy, Char('i'), NONE, Action::Copy(CopyWhat::Id), "copy the round id", Some("id")),
            bind(
                Copy,
                Char('c'),
                NONE,
                Action::Copy(CopyWhat::Citation),
                "copy the citation",
                Some("citation"),
            ),
            bind(
                Copy,
                Char('m'),
                NONE,
                Action::Copy(CopyWhat::Markdown),
                "copy the round as Markdown",
                Some("Markdown"),
            ),
            bind(
                Copy,
                Char('u'),
                NONE,
                Action::Copy(CopyWhat::Url),
                "copy the source's address",
                Some("address"),
            ),
            bind(Copy, Esc, NONE, Action::Cancel, "close", Some("close")),
            bind(Copy, Char('y'), NONE, Action::Cancel, "close", None),
            bind(Copy, Char('q'), NONE, Action::Cancel, "close", None),
            bind(Copy, Char('c'), CTRL, Action::Quit, "quit", None),
            bind(Problems, Char('j'), NONE, Action::Down, "next problem", Some("move")),
            bind(Problems, Down, NONE, Action::Down, "next problem", None),
            bind(Problems, Char('k'), NONE, Action::Up, "previous problem", Some("move")),
            bind(Problems, Up, NONE, Action::Up, "previous problem", None),
            bind(Problems, Char('e'), NONE, Action::Edit, "edit the file at the problem", Some("edit")),
            bind(Problems, Enter, NONE, Action::Edit, "edit the file at the problem", None),
            bind(Problems, Char('!'), NONE, Action::ToggleProblems, "close the panel", Some("close")),
            bind(Problems, Esc, NONE, Action::ToggleProblems, "close the panel", None),
            bind(Problems, Char('q'), NONE, Action::ToggleProblems, "close the panel", None),
            bind(Problems, Char('c'), CTRL, Action::Quit, "quit", None),
            bind(SaveDataset, Enter, NONE, Action::Confirm, "write the file and edit it", Some("write")),
            bind(SaveDataset, Esc, NONE, Action::Cancel, "cancel", Some("cancel")),
            bind(SaveDataset, Backspace, NONE, Action::DeleteBack, "delete a character of the path", None),
            bind(SaveDataset, Char('w'), CTRL, Action::DeleteWord, "delete a word of the path", None),
            bind(SaveDataset, Char('c'), CTRL, Action::Quit, "quit", None),
        ]
    })
}

/// Crossterm reports `G` with SHIFT on some terminals and without on others; Shift-Tab
/// likewise. Normalise before looking up so both spellings work.
pub(super) fn normalise(key: KeyEvent) -> (KeyCode, KeyModifiers) {
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
    let contexts = std::iter::once(context).chain(context.fallback());
    for context in contexts {
        if let Some(b) = bindings().iter().find(|b| b.context == context && matches(b, code, mods)) {
            return Some(b.action.clone());
        }
    }
    match (context, code) {
        (Filter | Export | SaveDataset, Char(c))
            if !mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
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
        F(n) => format!("F{n}"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_one_context_or_shadows_its_fallback() {
        let table = bindings();
        let related = |a: Context, b: Context| a == b || a.fallback() == Some(b) || b.fallback() == Some(a);
        for (i, a) in table.iter().enumerate() {
            for b in &table[i + 1..] {
                let same = related(a.context, b.context)
                    && normalise(KeyEvent::new(a.code, a.modifiers))
                        == normalise(KeyEvent::new(b.code, b.modifiers));
                assert!(
                    !same,
                    "{} bound in {:?} and in {:?}",
                    key_label(a.code, a.modifiers),
                    a.context,
                    b.context
                );
            }
        }
    }

    #[test]
    fn the_views_fall_back_to_the_keys_of_every_view() {
        let four = KeyEvent::new(Char('4'), KeyModifiers::NONE);
        assert_eq!(lookup(Browse, four), Some(Action::Show(View::Timeline)));
        assert_eq!(lookup(Timeline, four), Some(Action::Show(View::Timeline)));
        let left = KeyEvent::new(Left, KeyModifiers::NONE);
        assert_eq!(lookup(Timeline, left), Some(Action::Earlier));
        assert_eq!(lookup(Browse, left), Some(Action::Fold));
        let down = KeyEvent::new(Down, KeyModifiers::NONE);
        assert_eq!(lookup(Timeline, down), Some(Action::Down));
        // Dialogs do not fall back: `4` types into the filter.
        assert_eq!(lookup(Filter, four), Some(Action::Insert('4')));
        assert_eq!(lookup(Compare, four), None);
    }

    #[test]
    fn shifted_letters_and_symbols_match_with_or_without_shift() {
        let g = KeyEvent::new(Char('G'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Browse, g), Some(Action::Bottom));
        let g = KeyEvent::new(Char('G'), KeyModifiers::NONE);
        assert_eq!(lookup(Browse, g), Some(Action::Bottom));
        let plus = KeyEvent::new(Char('+'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Timeline, plus), Some(Action::ZoomIn));
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
}
