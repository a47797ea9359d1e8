//! Entering and leaving the full-screen mode, so the terminal is always given back: on
//! return (a guard's `Drop`), on a panic (a hook that restores before the message prints)
//! and on SIGTERM, SIGHUP, SIGINT and SIGQUIT (the signal's number, which the event loop
//! checks between events; the process then exits with 128 + that number, as shells expect).
//!
//! Suspending (Ctrl-Z, which raw mode delivers as a key, or SIGTSTP from `kill`) gives the
//! terminal back before the process stops, and SIGCONT takes it again: raw mode, the
//! alternate screen, mouse reporting, and a full redraw ([`Guard::suspend`]).

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Restores the terminal when dropped.
pub struct Guard {
    pub terminal: Term,
    /// The number of the termination signal received, 0 while none has arrived.
    pub stop: Arc<AtomicUsize>,
    /// Set by SIGTSTP; the event loop suspends when it sees it.
    suspend: Arc<AtomicBool>,
    /// Set while another program (the editor) has the terminal: the watchdog waits.
    handed_over: Arc<AtomicBool>,
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
        // Caught rather than left to its default, which would stop the process with the
        // terminal still in raw mode on the alternate screen.
        let suspend = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&suspend))?;
        install_panic_hook();
        let handed_over = Arc::new(AtomicBool::new(false));
        watch(Arc::clone(&stop), Arc::clone(&handed_over));
        take_over()?;
        let terminal = match Terminal::new(CrosstermBackend::new(io::stdout())) {
            Ok(t) => t,
            Err(e) => {
                restore();
                return Err(e);
            }
        };
        Ok(Guard { terminal, stop, suspend, handed_over })
    }

    /// Gives the terminal to another program (`run` starts it and waits for it), then takes
    /// it back on a cleared screen with a new `Terminal`, so the next draw repaints all.
    /// Nothing reads keys meanwhile: the event loop is inside this call.
    ///
    /// The program shares the process group, so a Ctrl-C, Ctrl-\ or Ctrl-Z typed to it
    /// signals this process too; those were meant for it, and are forgotten. A hang-up
    /// or SIGTERM still ends the browser once the program has returned.
    pub fn hand_over<T>(&mut self, run: impl FnOnce() -> T) -> io::Result<T> {
        self.handed_over.store(true, Ordering::SeqCst);
        restore();
        let out = run();
        let typed = [signal_hook::consts::SIGINT, signal_hook::consts::SIGQUIT];
        if received(&self.stop).is_some_and(|s| typed.contains(&s)) {
            self.stop.store(0, Ordering::SeqCst);
        }
        self.suspend.store(false, Ordering::SeqCst);
        let taken = take_over().and_then(|()| Terminal::new(CrosstermBackend::new(io::stdout())));
        self.handed_over.store(false, Ordering::SeqCst);
        self.terminal = taken?;
        Ok(out)
    }

    /// True once when SIGTSTP has arrived since the last call.
    pub fn suspend_requested(&self) -> bool {
        self.suspend.swap(false, Ordering::Relaxed)
    }

    /// Gives the terminal back and stops the process, as the shell expects of Ctrl-Z; when
    /// SIGCONT resumes it (`fg`), takes the terminal again on a cleared screen, with a new
    /// `Terminal` whose empty buffers match it, so the next draw repaints every cell.
    /// (`Terminal::clear` would ask the terminal where its cursor is, and a terminal that
    /// does not answer would end the browser.)
    pub fn suspend(&mut self) -> io::Result<()> {
        restore();
        // SIGSTOP, not SIGTSTP: this process catches SIGTSTP, and SIGSTOP is what its
        // default action would have done. Execution goes on here after SIGCONT.
        signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
        take_over()?;
        self.terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        Ok(())
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

/// Raw mode, the alternate screen, mouse reporting, no cursor; undone if a step fails.
fn take_over() -> io::Result<()> {
    enable_raw_mode()?;
    let clear = crossterm::terminal::Clear(crossterm::terminal::ClearType::All);
    if let Err(e) = execute!(io::stdout(), EnterAlternateScreen, clear, EnableMouseCapture, cursor::Hide) {
        restore();
        return Err(e);
    }
    Ok(())
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
///
/// While the terminal is handed over to the editor the loop is legitimately busy, so the
/// watchdog waits; and it checks again after the grace period, since a Ctrl-C typed to the
/// editor is forgotten when the editor returns.
fn watch(stop: Arc<AtomicUsize>, handed_over: Arc<AtomicBool>) {
    std::thread::spawn(move || loop {
        std::thread::sleep(std::time::Duration::from_millis(100));
        if handed_over.load(Ordering::SeqCst) || received(&stop).is_none() {
            continue;
        }
        std::thread::sleep(GRACE);
        if let (false, Some(signal)) = (handed_over.load(Ordering::SeqCst), received(&stop)) {
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
