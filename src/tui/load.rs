//! Loading the dataset off the UI thread, so that a large file shows progress instead of a
//! blank screen and `q` still quits while it loads.

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

/// Loads the datasets; `None` when the user quit before the load finished.
pub fn in_background(guard: &mut Guard, paths: &[PathBuf]) -> Result<Option<Library>, Error> {
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
            Ok(Message::Done(result)) => return (*result).map(Some),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(Error::Terminal("the loader stopped unexpectedly".into()));
            }
        }
        if guard.stopped() {
            return Ok(None);
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
                    return Ok(None);
                }
            }
        }
    }
}
