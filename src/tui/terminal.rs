//! Entering and leaving the full-screen mode, so the terminal is always given back: on
//! return (a guard's `Drop`), on a panic (a hook that restores before the message prints)
//! and on SIGTERM, SIGHUP, SIGINT and SIGQUIT (the signal's number, which the event loop
//! checks between events; the process then exits with 128 + that number, as shells expect).

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use std::io::{self, Stdout};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Restores the terminal when dropped.
pub struct Guard {
    pub terminal: Term,
    /// The number of the termination signal received, 0 while none has arrived.
    pub stop: Arc<AtomicUsize>,
}

/// The signals that end the browser, the terminal restored first.
const SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

impl Guard {
    pub fn enter() -> io::Result<Guard> {
        let stop = Arc::new(AtomicUsize::new(0));
        for signal in SIGNALS {
            let number = usize::try_from(signal).unwrap_or(usize::MAX);
            signal_hook::flag::register_usize(signal, Arc::clone(&stop), number)?;
        }
        install_panic_hook();
        watch(Arc::clone(&stop));
        enable_raw_mode()?;
        let mut stdout = io::stdout();
        if let Err(e) = execute!(stdout, EnterAlternateScreen, EnableMouseCapture, cursor::Hide) {
            restore();
            return Err(e);
        }
        let terminal = match Terminal::new(CrosstermBackend::new(stdout)) {
            Ok(t) => t,
            Err(e) => {
                restore();
                return Err(e);
            }
        };
        Ok(Guard { terminal, stop })
    }

    /// True once a termination signal has arrived.
    pub fn stopped(&self) -> bool {
        self.signal().is_some()
    }

    /// The termination signal that arrived, if one did.
    pub fn signal(&self) -> Option<i32> {
        received(&self.stop)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Leaves the alternate screen and raw mode; harmless when called twice.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
}

/// How long the event loop has to notice a signal before the watchdog ends the process.
const GRACE: std::time::Duration = std::time::Duration::from_millis(1500);

/// Ends the process shortly after a termination signal if the event loop has not.
///
/// When the terminal hangs up (its window closed, tmux killed), crossterm 0.29 can spin
/// forever reading end-of-file inside `event::poll`, so the loop never sees the flag the
/// SIGHUP set. The watchdog restores what it can and exits, instead of leaving a process
/// burning a core.
fn watch(stop: Arc<AtomicUsize>) {
    std::thread::spawn(move || loop {
        std::thread::sleep(std::time::Duration::from_millis(100));
        if let Some(signal) = received(&stop) {
            std::thread::sleep(GRACE);
            restore();
            std::process::exit(128 + signal);
        }
    });
}

fn received(stop: &AtomicUsize) -> Option<i32> {
    match stop.load(Ordering::Relaxed) {
        0 => None,
        n => Some(i32::try_from(n).unwrap_or(i32::MAX - 128)),
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
