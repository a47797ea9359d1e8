//! Where command output goes: stdout, knowing whether it is a terminal.
//!
//! Text bound for a terminal is sanitised here, once, so no command can forget it; a closed
//! pipe (`talks list | head`) ends the output quietly instead of failing.

use crate::text::sanitize;
use std::io::{self, IsTerminal, Write};

pub struct Output {
    inner: Box<dyn Write>,
    pub is_terminal: bool,
    closed: bool,
}

impl Output {
    pub fn stdout() -> Self {
        let stdout = io::stdout();
        let is_terminal = stdout.is_terminal();
        Output { inner: Box::new(stdout.lock()), is_terminal, closed: false }
    }

    /// Writes text meant for people; control characters are replaced when it reaches a
    /// terminal.
    pub fn text(&mut self, text: &str) -> Result<(), crate::Error> {
        if self.is_terminal {
            let clean = sanitize(text);
            self.bytes(clean.as_bytes())
        } else {
            self.bytes(text.as_bytes())
        }
    }

    /// Writes text that must stay byte-exact (JSON escapes controls itself; RON must round-trip).
    pub fn write_str(&mut self, text: &str) -> Result<(), crate::Error> {
        self.bytes(text.as_bytes())
    }

    fn bytes(&mut self, bytes: &[u8]) -> Result<(), crate::Error> {
        if self.closed {
            return Ok(());
        }
        match self.inner.write_all(bytes).and_then(|_| self.inner.flush()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(crate::Error::Write(format!("cannot write to standard output: {e}"))),
        }
    }
}

/// Writes one line of diagnostics to stderr, sanitised. A stderr that cannot be written to
/// (`2>/dev/full`, a closed pipe) is ignored: the exit code still tells what happened, and
/// a failed message must not turn a successful command into a crash.
pub fn diagnostic(line: &str) {
    let mut stderr = io::stderr().lock();
    let _ = writeln!(stderr, "{}", sanitize(line));
}
