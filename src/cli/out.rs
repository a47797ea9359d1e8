//! Where command output goes: stdout, knowing whether it is a terminal.
//!
//! A closed pipe (`talks list | head`) ends the output quietly instead of failing, as
//! command-line users expect.

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

    /// An in-memory sink, for tests.
    pub fn buffer(sink: Box<dyn Write>) -> Self {
        Output { inner: sink, is_terminal: false, closed: false }
    }

    /// Writes text; after the reader has gone away, further writes are dropped.
    pub fn write_str(&mut self, text: &str) -> Result<(), crate::Error> {
        if self.closed {
            return Ok(());
        }
        match self.inner.write_all(text.as_bytes()).and_then(|_| self.inner.flush()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(crate::Error::Write(format!("cannot write to standard output: {e}"))),
        }
    }
}
