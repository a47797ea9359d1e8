//! Opening a web address with the system's opener: `$BROWSER` when it is set, else
//! `xdg-open` (`open` on macOS). Runs on a job thread, never the UI's.
//!
//! The opener gets no terminal streams (its messages would scribble over the screen) and
//! is not waited for: a GUI opener may live as long as the browser it started. It is given
//! a moment to fail (a missing handler, a bad `$BROWSER`), then left to run, with a thread
//! that waits for it so that no zombie remains.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long an opener may take to fail before it is taken as started.
pub const PATIENCE: Duration = Duration::from_secs(2);

/// The command line that opens `url`. `$BROWSER` may list several commands separated by
/// `:` (the first is used) and may place the address with `%s`; otherwise the address is
/// its last argument.
pub fn command(url: &str, browser: Option<&str>) -> Vec<String> {
    let chosen = browser.and_then(|b| b.split(':').map(str::trim).find(|c| !c.is_empty()));
    let Some(line) = chosen else { return system(url) };
    let mut words: Vec<String> = line.split_whitespace().map(str::to_string).collect();
    if words.iter().any(|w| w.contains("%s")) {
        words.iter_mut().for_each(|w| *w = w.replace("%s", url));
    } else {
        words.push(url.to_string());
    }
    words
}

fn system(url: &str) -> Vec<String> {
    let program = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
    vec![program.to_string(), url.to_string()]
}

/// Starts the opener for `url` and reports what the status line says, waiting at most
/// `patience` for it to fail.
pub fn open(url: &str, browser: Option<&str>, patience: Duration) -> Result<String, String> {
    let argv = command(url, browser);
    let Some((program, args)) = argv.split_first() else {
        return Err(format!("could not open {url}: no opener; set $BROWSER"));
    };
    let from = if browser.is_some_and(|b| !b.trim().is_empty()) { " (from $BROWSER)" } else { "" };
    let spawned = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && from.is_empty() => {
            return Err(format!("could not open {url}: {program} not found; set $BROWSER"))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(format!("could not open {url}: {program}{from} not found"))
        }
        Err(e) => return Err(format!("could not open {url}: {program}{from}: {e}")),
    };
    let until = Instant::now() + patience;
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(format!("opened {url} with {program}")),
            Ok(Some(status)) => {
                return Err(format!("could not open {url}: {program}{from} failed ({status})"))
            }
            Ok(None) if Instant::now() < until => std::thread::sleep(Duration::from_millis(20)),
            Ok(None) => {
                // Still running (a browser itself): reaped whenever it ends.
                std::thread::spawn(move || child.wait());
                return Ok(format!("opened {url} with {program}"));
            }
            Err(e) => return Err(format!("could not open {url}: {program}{from}: {e}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://example.org/a?b=c&d";

    #[test]
    fn browser_chooses_the_command_and_may_place_the_address() {
        let default = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
        assert_eq!(command(URL, None), [default, URL]);
        assert_eq!(command(URL, Some("  ")), [default, URL]);
        assert_eq!(command(URL, Some("firefox --new-tab")), ["firefox", "--new-tab", URL]);
        assert_eq!(command(URL, Some("w3m:lynx")), ["w3m", URL]);
        assert_eq!(command(URL, Some("chrome --app=%s")), ["chrome".to_string(), format!("--app={URL}")]);
    }

    #[cfg(unix)]
    fn script(dir: &std::path::Path, body: &str) -> String {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.join("opener");
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path.display().to_string()
    }

    #[cfg(unix)]
    #[test]
    fn the_opener_gets_the_address_and_failures_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let record = dir.path().join("opened");
        let opener = script(dir.path(), &format!("printf '%s' \"$1\" > '{}'", record.display()));
        let said = open(URL, Some(&opener), PATIENCE).expect("opened");
        assert_eq!(said, format!("opened {URL} with {opener}"));
        assert_eq!(std::fs::read_to_string(&record).unwrap(), URL);
        let failing = script(dir.path(), "echo oops >&2; exit 3");
        let said = open(URL, Some(&failing), PATIENCE).expect_err("a failure");
        assert_eq!(said, format!("could not open {URL}: {failing} (from $BROWSER) failed (exit status: 3)"));
        let said = open(URL, Some("/nonexistent/opener"), PATIENCE).expect_err("not found");
        assert_eq!(said, format!("could not open {URL}: /nonexistent/opener (from $BROWSER) not found"));
    }

    #[cfg(unix)]
    #[test]
    fn an_opener_that_keeps_running_is_not_waited_for() {
        let dir = tempfile::tempdir().unwrap();
        let record = dir.path().join("opened");
        let opener = script(dir.path(), &format!("sleep 1; printf '%s' \"$1\" > '{}'", record.display()));
        let start = Instant::now();
        assert!(open(URL, Some(&opener), Duration::from_millis(100)).is_ok());
        assert!(start.elapsed() < Duration::from_millis(900), "returned before the opener ended");
        assert!(!record.exists());
        let until = Instant::now() + Duration::from_secs(10);
        while !record.exists() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert_eq!(std::fs::read_to_string(&record).unwrap(), URL, "it ran to its end");
    }
}
