//! Entering and leaving the full-screen mode, so the terminal is always given back: on
//! return (a guard's `Drop`), on a panic (a hook that restores before the message prints)
//! and on SIGTERM, SIGHUP and SIGINT (flags the event loop checks between events).

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Restores the terminal when dropped.
pub struct Guard {
    pub terminal: Term,
    pub stop: Arc<AtomicBool>,
}

impl Guard {
    pub fn enter() -> io::Result<Guard> {
        let stop = Arc::new(AtomicBool::new(false));
        for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP, signal_hook::consts::SIGINT]
        {
            signal_hook::flag::register(signal, Arc::clone(&stop))?;
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
        self.stop.load(Ordering::Relaxed)
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
fn watch(stop: Arc<AtomicBool>) {
    std::thread::spawn(move || loop {
        std::thread::sleep(std::time::Duration::from_millis(100));
        if stop.load(Ordering::Relaxed) {
            std::thread::sleep(GRACE);
            restore();
            std::process::exit(0);
        }
    });
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
