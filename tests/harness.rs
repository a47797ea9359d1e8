//! Runs the real `talks` binary in a fresh temporary directory.
//!
//! A test writes the files it needs (or copies a fixture), runs `talks` with arguments and
//! looks at what a user would see: the exit code, stdout and stderr. It owns no knowledge of
//! any command; the modules beside it do.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The directory of the committed fixtures.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures")
}

/// The text of a committed fixture, e.g. `valid/minimal.ron`.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = fixtures().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read fixture {}: {e}", path.display()))
}

/// A fresh working directory, removed when the test ends.
pub struct Dir {
    tmp: tempfile::TempDir,
}

/// What one run of `talks` produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Dir {
    pub fn new() -> Dir {
        Dir { tmp: tempfile::tempdir().expect("cannot create a temporary directory") }
    }

    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    /// Writes a file (creating its parent directories) relative to the working directory.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> &Dir {
        let path = self.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("cannot create a directory");
        }
        std::fs::write(&path, contents).expect("cannot write a file");
        self
    }

    /// Copies a committed fixture (`invalid/unknown-venue.ron`) to `name`.
    pub fn copy(&self, fixture_name: &str, name: &str) -> &Dir {
        self.write(name, fixture(fixture_name))
    }

    pub fn mkdir(&self, name: &str) -> &Dir {
        std::fs::create_dir_all(self.path().join(name)).expect("cannot create a directory");
        self
    }

    /// Runs `talks` with these arguments in the working directory.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_env(args, &[])
    }

    /// Runs `talks` with these arguments and environment variables.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_talks"))
            .args(args)
            .current_dir(self.tmp.path())
            .env("NO_COLOR", "1")
            // Never the config of whoever runs the tests: the default one is looked for
            // in the working directory, where a test may write it.
            .env_remove("TALKS_CONFIG")
            .env("XDG_CONFIG_HOME", self.tmp.path().join(".config"))
            .envs(env.iter().copied())
            .output()
            .expect("cannot run talks");
        let run = Run {
            // A signal (no code) is reported as -1 so that assertions print something useful.
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        };
        assert_ne!(run.code, 101, "talks panicked with {args:?}:\n{}", run.stderr);
        run
    }
}

impl Run {
    /// Asserts the exit code, showing the output when it differs.
    pub fn code(&self, expected: i32) -> &Run {
        assert_eq!(
            self.code, expected,
            "unexpected exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// The stderr lines that start with `file:line:col:` (diagnostics, not ariadne's art).
    pub fn diagnostics(&self) -> Vec<&str> {
        self.stderr.lines().filter(|l| is_diagnostic(l)).collect()
    }

    /// Asserts that stderr has exactly these diagnostics, in this order.
    pub fn diagnostics_are(&self, expected: &[&str]) -> &Run {
        assert_eq!(self.diagnostics(), expected, "stderr was:\n{}", self.stderr);
        self
    }

    pub fn stderr_has(&self, needle: &str) -> &Run {
        assert!(self.stderr.contains(needle), "stderr lacks {needle:?}:\n{}", self.stderr);
        self
    }

    pub fn stdout_has(&self, needle: &str) -> &Run {
        assert!(self.stdout.contains(needle), "stdout lacks {needle:?}:\n{}", self.stdout);
        self
    }
}

/// `name.ron:12:5: …`: a path, then two numbers.
fn is_diagnostic(line: &str) -> bool {
    let mut parts = line.splitn(4, ':');
    let (Some(file), Some(l), Some(c), Some(_)) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    !file.is_empty() && !file.contains(' ') && l.parse::<usize>().is_ok() && c.parse::<usize>().is_ok()
}
