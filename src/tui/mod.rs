//! The full-screen application: set up the terminal, run the event loop, perform effects.
//!
//! Elm style and synchronous: events become [`action::Action`]s (keys only through the
//! keymap, and only key presses), [`update::update`] changes the [`state::State`] and
//! returns [`action::Effect`]s, which this loop performs (the only I/O) and answers with
//! another action; [`ui::render`] draws the state by shared reference. Slow effects run as
//! [`jobs::Jobs`] off this thread, and their actions are taken between key events.

pub mod action;
pub mod clipboard;
pub mod content;
pub mod copy;
pub mod editor;
pub mod jobs;
pub mod keyhelp;
pub mod keymap;
pub mod layout;
pub mod lists;
mod load;
pub mod opener;
pub mod pane;
pub mod recall;
pub mod settings;
pub mod state;
mod terminal;
pub mod timeline;
pub mod ui;
pub mod update;
mod watch;

use crate::dataset::Library;
use crate::{export, Error};
use action::{Action, Effect};
use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use jobs::Jobs;
use state::State;
use std::io::{IsTerminal, Write};
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

/// How the browser runs, from the command line and the config file.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Do not watch the dataset files for changes (`--no-watch`).
    pub no_watch: bool,
    /// Keys, colours and the sort (the datasets were applied to `--data` already).
    pub config: crate::config::Config,
}

/// Opens the browser on the given datasets (none: the built-in one), the rounds filtered
/// by the query words (none: every round).
pub fn run(data: &[PathBuf], query: &[String], options: &Options) -> Result<Ended, Error> {
    // The words as one filter text, checked first so that a mistake is reported as
    // `talks list` reports it, terminal or not.
    let filter = query.join(" ");
    crate::query::Query::parse(&filter)?;
    // The config's mistakes are said before anything else, like a dataset's.
    let (keys, palette) = settings::apply(&options.config)?;
    keymap::install(keys);
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
    let (library, mut pending, loading) = match load::in_background(&mut guard, data)? {
        load::Opened::Whole(library) => (library, None, None),
        load::Opened::Head(head, pending) => {
            (head.library, Some(pending), Some((head.loaded, head.estimate)))
        }
        load::Opened::Quit => return Ok(ended(&guard)),
    };
    let size = guard.terminal.size().map_err(term_err)?;
    let mut state = initial_state(library, size, data, options, palette, &filter);
    let jobs = Jobs::new();
    // Files are watched once they are loaded whole: a reload racing the first load would
    // only repeat it.
    let watch = match loading {
        Some((loaded, estimate)) => {
            update::reload::loading(&mut state, loaded, estimate);
            None
        }
        None => start_watch(&mut state, data, options, &jobs),
    };
    let mut rt = Runtime { guard, jobs, watch, no_watch: options.no_watch };
    while !state.quit && !rt.guard.stopped() {
        if rt.guard.suspend_requested() {
            suspend(&mut rt.guard, &mut state)?;
        }
        rt.guard.terminal.draw(|frame| ui::render(&state, frame)).map_err(term_err)?;
        // A timeout lets the loop notice signals and finished jobs between events; short
        // enough that a job's report shows without a noticeable wait.
        if event::poll(Duration::from_millis(50)).map_err(term_err)? {
            let event = event::read().map_err(term_err)?;
            // Raw mode turns Ctrl-Z into a key instead of SIGTSTP: suspend as the signal would.
            if is_ctrl_z(&event) {
                suspend(&mut rt.guard, &mut state)?;
            } else if let Some(action) = to_action(&state, event) {
                dispatch(&mut state, action, &mut rt)?;
            }
        }
        while let Some(report) = rt.jobs.try_next() {
            dispatch(&mut state, report, &mut rt)?;
        }
        if let Some(whole) = pending.as_ref().and_then(load::Pending::try_finish) {
            pending = None;
            // A file whose top showed but whose whole does not load ends the browser with
            // the same report as any dataset that does not load.
            let library = Arc::new(whole?);
            dispatch(&mut state, Action::Reloaded(action::Reloaded::Loaded(library)), &mut rt)?;
            rt.watch = start_watch(&mut state, data, options, &rt.jobs);
        }
    }
    let how = ended(&rt.guard);
    drop(rt);
    Ok(how)
}

/// The browser's state on its first library, with the config's colours and sort, the
/// filter history and the filter from the command line applied.
fn initial_state(
    library: Library,
    size: ratatui::layout::Size,
    data: &[PathBuf],
    options: &Options,
    palette: ui::theme::Palette,
    filter: &str,
) -> State {
    let colour = colour_wanted() && options.config.color != Some(false);
    let mut state = State::new(Arc::new(library), size.width, size.height, colour);
    state.hyperlinks = hyperlinks_wanted(|name| std::env::var_os(name));
    state.set_data_files(data);
    if let Some(path) = recall::default_path() {
        state.set_recall(recall::load(&path), path);
    }
    state.palette = palette;
    if let Some(sort) = options.config.sort {
        state.sort = sort;
    }
    if !filter.is_empty() || state.sort != crate::query::Sort::default() {
        update::apply_query_text(&mut state, filter);
    }
    state
}

/// What the loop owns besides the state: the terminal, the jobs channel and the watch.
struct Runtime {
    guard: terminal::Guard,
    jobs: Jobs,
    watch: Option<watch::Watch>,
    no_watch: bool,
}

/// Watches the dataset files unless told not to. The built-in dataset is not on disk, and
/// standard input cannot be read twice, so neither is watched.
fn start_watch(state: &mut State, data: &[PathBuf], options: &Options, jobs: &Jobs) -> Option<watch::Watch> {
    if options.no_watch || data.is_empty() || data.iter().any(|p| p.as_os_str() == "-") {
        return None;
    }
    match watch::start(data, jobs.sender()) {
        Ok(w) => Some(w),
        Err(why) => {
            state.status =
                Some(state::Status { text: format!("{why}; changes will not be reloaded"), error: true });
            None
        }
    }
}

/// Gives an action to `update` and performs the effects it returns, until none is left.
/// The editor and the watch need what the loop owns; every other effect is [`perform`]'s,
/// which reaches the clipboard through the terminal's writer.
fn dispatch(state: &mut State, action: Action, rt: &mut Runtime) -> Result<(), Error> {
    let mut pending = update::update(state, action);
    while let Some(effect) = pending.pop() {
        let answer = match effect {
            Effect::Edit(at) => Some(edit_now(&mut rt.guard, &state.data_files, &at)?),
            Effect::Watch(files) => {
                if !rt.no_watch {
                    rt.watch = start_watch(state, &files, &Options::default(), &rt.jobs);
                }
                None
            }
            other => perform(&state.lib, other, &rt.jobs, rt.guard.terminal.backend_mut()),
        };
        if let Some(answer) = answer {
            pending.extend(update::update(state, answer));
        }
    }
    Ok(())
}

/// Finds where `at` is in the dataset files, hands the terminal to the editor there and
/// takes it back. A terminal that cannot be taken back ends the browser (the error).
fn edit_now(guard: &mut terminal::Guard, files: &[String], at: &action::EditAt) -> Result<Action, Error> {
    let (file, line) = match locate(files, at) {
        Ok(place) => place,
        Err(why) => return Ok(Action::Edited(Err(why))),
    };
    let command = match editor::command(&editor::from_env(), &file, line) {
        Ok(c) => c,
        Err(why) => return Ok(Action::Edited(Err(why))),
    };
    let status = guard
        .hand_over(|| std::process::Command::new(&command.program).args(&command.args).status())
        .map_err(term_err)?;
    let place = format!("{}:{line}", file.display());
    Ok(Action::Edited(match status {
        Ok(s) if s.success() => Ok(format!("back from the editor ({place})")),
        Ok(s) => Err(format!("the editor `{}` ended with {s} ({place})", command.program)),
        Err(e) => Err(format!("cannot start the editor `{}`: {e}; set $VISUAL or $EDITOR", command.program)),
    }))
}

/// The file and line of a place to edit: a problem's as it is, an entity's looked up in
/// the files as they are now.
fn locate(files: &[String], at: &action::EditAt) -> Result<(PathBuf, usize), String> {
    let (kind, id) = match at {
        action::EditAt::Line { file, line } => return Ok((file.clone(), *line)),
        action::EditAt::Item { kind, id } => (*kind, id),
    };
    let sources = files
        .iter()
        .map(|f| crate::dataset::read_source(std::path::Path::new(f)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    match crate::dataset::definition(&sources, kind, id) {
        Some(l) => Ok((PathBuf::from(l.file), l.line)),
        None => {
            Err(format!("`{id}` is not in the dataset files any more; they changed since they were read"))
        }
    }
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

/// Source addresses are OSC 8 hyperlinks unless `TALKS_NO_HYPERLINKS` is set (to anything
/// non-empty) or the terminal is one known to print the sequence instead of obeying it
/// (`TERM=dumb`, the Linux console).
pub(crate) fn hyperlinks_wanted(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> bool {
    let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
    let term = var("TERM").unwrap_or_default();
    !set("TALKS_NO_HYPERLINKS") && term != "dumb" && term != "linux"
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

/// Performs an effect and reports the outcome as an action; `None` when the effect runs as
/// a job, which reports through `jobs` when it is done. `out` is the terminal.
pub fn perform(lib: &Library, effect: Effect, jobs: &Jobs, out: &mut dyn Write) -> Option<Action> {
    match effect {
        Effect::Export { rounds, format, path, force } => Some(export_now(lib, &rounds, format, path, force)),
        Effect::Copy { what, text } => Some(Action::Copied(match clipboard::copy(out, &text) {
            Ok(()) => Ok(format!("copied {what} ({} bytes)", text.len())),
            Err(e) => Err(format!("could not copy the {what}: {e}")),
        })),
        Effect::Open(url) => {
            // Read here, when the user asks, so a `$BROWSER` changed in a suspended shell counts.
            let browser = std::env::var("BROWSER").ok();
            jobs.spawn(move || Action::Opened(opener::open(&url, browser.as_deref(), opener::PATIENCE)));
            None
        }
        Effect::SaveRecall { path, text } => Some(Action::RecallSaved(recall::save(&path, &text))),
        Effect::WriteDataset { path, then } => Some(write_dataset(lib, path, then)),
        // The loop performs these itself: they need the terminal and the watch it owns.
        Effect::Edit(_) | Effect::Watch(_) => None,
    }
}

/// Writes an export on this thread: asks before replacing a file unless `force`.
fn export_now(lib: &Library, rounds: &[usize], format: export::Format, path: PathBuf, force: bool) -> Action {
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
    let written = export::render(lib, rounds, format)
        .and_then(|r| export::write_atomic(&path, r.text.as_bytes(), force).map(|()| r.skipped.len()));
    match written {
        Ok(0) => Action::ExportDone(Ok(path)),
        Ok(skipped) => Action::ExportPartial(path, skipped),
        // Created between the check and the write: ask, as for any existing file.
        Err(crate::Error::Exists { path }) => Action::ExportExists(path),
        Err(e) => Action::ExportDone(Err(e.to_string())),
    }
}

/// Writes the whole dataset as one RON file, never over an existing file (it could be
/// the user's own dataset).
fn write_dataset(lib: &Library, path: PathBuf, then: action::EditAt) -> Action {
    let written = crate::dataset::to_ron(lib.data())
        .map_err(|e| format!("cannot write the dataset as RON: {e}"))
        .and_then(|text| {
            let text = format!("// The built-in dataset of talks, written to edit it. Check it with `talks check {}`.\n{text}\n", path.display());
            export::write_atomic(&path, text.as_bytes(), false).map_err(|e| match e {
                Error::Exists { path } => format!("{} exists: type another name (the browser never replaces a file here)", path.display()),
                other => other.to_string(),
            })
        });
    Action::DatasetWritten(written.map(|()| path), then)
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
