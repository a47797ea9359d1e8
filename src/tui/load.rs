//! Loading the dataset off the UI thread, so that a large file shows rows at once instead of
//! a blank screen, and `q` still quits while it loads.
//!
//! One large file opens in two steps: its top (the entities and the first rounds, read in
//! tens of milliseconds) goes on screen while the whole load runs on; the event loop takes
//! the whole library from [`Pending`] when it is done. Anything else (the built-in dataset,
//! several files, standard input, a small file) is loaded whole behind a loading screen
//! that appears only when the wait is long enough to notice.

use super::terminal::Guard;
use super::{term_err, ui};
use crate::dataset::{self, Library, Stage};
use crate::Error;
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

enum Message {
    Stage(Stage),
    Done(Box<Result<Library, Error>>),
}

/// Only show the loading screen when loading is slow enough to notice.
const SHOW_AFTER: Duration = Duration::from_millis(80);

/// The loading thread ended without a result (it panicked): said as a terminal error.
fn loader_stopped() -> Error {
    Error::Terminal("the loader stopped unexpectedly".into())
}

/// What the browser starts on.
pub enum Opened {
    /// The whole dataset.
    Whole(Library),
    /// The top of one large file, while the whole load goes on.
    Head(dataset::Head, Pending),
    /// The user quit before anything could be shown.
    Quit,
}

/// A whole load under way, after its top went on screen.
pub struct Pending(mpsc::Receiver<Message>);

impl Pending {
    /// The outcome once the load is done; never waits.
    pub fn try_finish(&self) -> Option<Result<Library, Error>> {
        loop {
            match self.0.try_recv() {
                Ok(Message::Stage(_)) => {}
                Ok(Message::Done(result)) => return Some(*result),
                Err(mpsc::TryRecvError::Empty) => return None,
                Err(mpsc::TryRecvError::Disconnected) => return Some(Err(loader_stopped())),
            }
        }
    }
}

/// Starts loading the datasets and returns what can be shown first: the top of one large
/// file at once, or else the whole load, waited for behind a loading screen.
pub fn in_background(guard: &mut Guard, paths: &[PathBuf]) -> Result<Opened, Error> {
    let (tx, rx) = mpsc::channel();
    let owned = paths.to_vec();
    std::thread::spawn(move || {
        let progress = tx.clone();
        let report = move |stage| {
            let _ = progress.send(Message::Stage(stage));
        };
        let result = dataset::open_with_progress(&owned, &report).map(|(lib, _warnings)| lib);
        let _ = tx.send(Message::Done(Box::new(result)));
    });
    if let [path] = paths {
        if path.as_os_str() != "-" {
            if let Some(head) = dataset::open_head(path, dataset::FIRST_SCREEN_ROUNDS) {
                return Ok(Opened::Head(head, Pending(rx)));
            }
        }
    }
    let started = Instant::now();
    let mut stage = Stage::Reading;
    let names: Vec<String> = if paths.is_empty() {
        dataset::EMBEDDED.iter().map(|(name, _)| name.to_string()).collect()
    } else {
        paths.iter().map(|p| p.display().to_string()).collect()
    };
    loop {
        match rx.recv_timeout(Duration::from_millis(15)) {
            Ok(Message::Stage(s)) => stage = s,
            Ok(Message::Done(result)) => return (*result).map(Opened::Whole),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(loader_stopped());
            }
        }
        if guard.stopped() {
            return Ok(Opened::Quit);
        }
        let elapsed = started.elapsed();
        if elapsed >= SHOW_AFTER {
            let view = ui::loading::Loading { names: &names, stage, elapsed };
            guard.terminal.draw(|f| ui::loading::render(&view, f)).map_err(term_err)?;
        }
        while event::poll(Duration::ZERO).map_err(term_err)? {
            if let Event::Key(k) = event::read().map_err(term_err)? {
                let ctrl_c = k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL);
                if k.kind == KeyEventKind::Press
                    && (ctrl_c || matches!(k.code, KeyCode::Char('q') | KeyCode::Esc))
                {
                    return Ok(Opened::Quit);
                }
            }
        }
    }
}
