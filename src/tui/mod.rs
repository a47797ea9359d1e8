//! The full-screen application: set up the terminal, run the event loop, perform effects.
//!
//! Elm style and synchronous: events become [`action::Action`]s (keys only through the
//! keymap, and only key presses), [`update::update`] changes the [`state::State`] and
//! returns [`action::Effect`]s, which this loop performs (the only I/O) and answers with
//! another action; [`ui::render`] draws the state by shared reference.

pub mod action;
pub mod content;
pub mod keyhelp;
pub mod keymap;
pub mod layout;
pub mod lists;
mod load;
pub mod pane;
pub mod recall;
pub mod state;
mod terminal;
pub mod timeline;
pub mod ui;
pub mod update;

use crate::dataset::Library;
use crate::{export, Error};
use action::{Action, Effect};
use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use state::State;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// How the browser ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The user quit.
    Quit,
    /// A termination signal arrived (its number); the terminal has been restored.
    Signal(i32),
}

/// Opens the browser on the given datasets (none: the built-in one), the rounds filtered
/// by the query words (none: every round).
pub fn run(data: &[PathBuf], query: &[String]) -> Result<Ended, Error> {
    // The words as one filter text, checked first so that a mistake is reported as
    // `talks list` reports it, terminal or not.
    let filter = query.join(" ");
    crate::query::Query::parse(&filter)?;
    // With `--data -` standard input is the dataset: keys then come from the controlling
    // terminal (crossterm opens /dev/tty when stdin is not one).
    let keys_from_tty = data.iter().any(|p| p.as_os_str() == "-");
    let tty = keys_from_tty && std::fs::File::open("/dev/tty").is_ok();
    if !std::io::stdout().is_terminal() || !(std::io::stdin().is_terminal() || tty) {
        return Err(Error::Terminal(
            "the browser needs a terminal; for scripts use `talks list`, `talks show` or `talks export`"
                .into(),
        ));
    }
    let mut guard = terminal::Guard::enter().map_err(term_err)?;
    let Some(library) = load::in_background(&mut guard, data)? else { return Ok(ended(&guard)) };
    let size = guard.terminal.size().map_err(term_err)?;
    let mut state = State::new(Arc::new(library), size.width, size.height, colour_wanted());
    state.set_data_files(data);
    if let Some(path) = recall::default_path() {
        state.set_recall(recall::load(&path), path);
    }
    if !filter.is_empty() {
        update::apply_query_text(&mut state, &filter);
    }
    while !state.quit && !guard.stopped() {
        if guard.suspend_requested() {
            suspend(&mut guard, &mut state)?;
        }
        guard.terminal.draw(|frame| ui::render(&state, frame)).map_err(term_err)?;
        // A timeout lets the loop notice signals between events.
        if !event::poll(Duration::from_millis(100)).map_err(term_err)? {
            continue;
        }
        let event = event::read().map_err(term_err)?;
        // Raw mode turns Ctrl-Z into a key instead of SIGTSTP: suspend as the signal would.
        if is_ctrl_z(&event) {
            suspend(&mut guard, &mut state)?;
            continue;
        }
        let Some(action) = to_action(&state, event) else { continue };
        let mut pending = update::update(&mut state, action);
        while let Some(effect) = pending.pop() {
            let answer = perform(&state.lib, effect);
            pending.extend(update::update(&mut state, answer));
        }
    }
    let how = ended(&guard);
    drop(guard);
    Ok(how)
}

/// Ctrl-Z or SIGTSTP: stopped until SIGCONT, then laid out for the terminal's size now.
fn suspend(guard: &mut terminal::Guard, state: &mut State) -> Result<(), Error> {
    guard.suspend().map_err(term_err)?;
    // The terminal may have been resized while the process was stopped.
    let size = guard.terminal.size().map_err(term_err)?;
    let _effects = update::update(state, Action::Resize(size.width, size.height));
    Ok(())
}

fn ended(guard: &terminal::Guard) -> Ended {
    guard.signal().map_or(Ended::Quit, Ended::Signal)
}

pub(crate) fn term_err(e: std::io::Error) -> Error {
    Error::Terminal(e.to_string())
}

/// `NO_COLOR` set to anything non-empty turns colour off (https://no-color.org).
fn colour_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn is_ctrl_z(event: &Event) -> bool {
    use crossterm::event::{KeyCode, KeyModifiers};
    matches!(event, Event::Key(k) if k.kind == KeyEventKind::Press
        && k.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(k.code, KeyCode::Char('z' | 'Z')))
}

fn to_action(state: &State, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => keymap::lookup(state.context(), key),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel { column: m.column, row: m.row, down: true }),
            MouseEventKind::ScrollUp => Some(Action::Wheel { column: m.column, row: m.row, down: false }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column: m.column, row: m.row }),
            _ => None,
        },
        _ => None,
    }
}

/// Performs an effect and reports the outcome as an action.
pub fn perform(lib: &Library, effect: Effect) -> Action {
    match effect {
        Effect::Export { rounds, format, path, force } => {
            // Only a regular file is ever replaced, so only a regular file (or a link to one)
            // is asked about; a device such as /dev/null is written to without a question.
            if !force && path.is_file() {
                return Action::ExportExists(path);
            }
            // Opening a FIFO blocks until a reader comes, which would freeze the screen.
            if is_fifo(&path) {
                return Action::ExportDone(Err(format!(
                    "cannot write {}: it is a FIFO, and the browser cannot wait for a reader; use `talks export -o`",
                    path.display()
                )));
            }
            let written = export::render(lib, &rounds, format).and_then(|r| {
                export::write_atomic(&path, r.text.as_bytes(), force).map(|()| r.skipped.len())
            });
            match written {
                Ok(0) => Action::ExportDone(Ok(path)),
                Ok(skipped) => Action::ExportPartial(path, skipped),
                // Created between the check and the write: ask, as for any existing file.
                Err(crate::Error::Exists { path }) => Action::ExportExists(path),
                Err(e) => Action::ExportDone(Err(e.to_string())),
            }
        }
        Effect::SaveRecall { path, text } => Action::RecallSaved(recall::save(&path, &text)),
    }
}

fn is_fifo(path: &std::path::Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

#[cfg(test)]
mod tests;
