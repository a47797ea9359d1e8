//! The temporary files an export writes before its rename, and getting rid of them when an
//! export never reaches the rename.
//!
//! Each is named `.talks-export-<pid>-<random>.tmp`, so its owner can be told from its name.
//! Three ways clean up after an interrupted export:
//! - an error drops the file, which deletes it (tempfile does that);
//! - SIGINT, SIGTERM or SIGHUP during a command ([`remove_temp_files_on_signals`]) deletes the files
//!   still in flight, then lets the signal end the process as it would have;
//! - what neither could catch (`kill -9`, a power cut) is swept by the next export into the
//!   same directory ([`sweep`]): a file whose process is gone, or that is over an hour old.
//!
//! Only names of exactly that shape are ever removed, so nothing the user made is touched.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

const PREFIX: &str = ".talks-export-";
const SUFFIX: &str = ".tmp";

/// A temporary file older than this is stale whoever made it: a process id may have been
/// reused, and no export takes an hour to write.
const STALE: Duration = Duration::from_secs(60 * 60);

/// A file of a process that is gone is only removed after this long, so that an export
/// running on another machine (a shared network directory, where its process id means
/// nothing here) is not swept in the middle of its write.
const ORPHANED: Duration = Duration::from_secs(60);

/// The temporary files of this process not yet renamed or deleted.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary file for an export into `dir`, registered for removal on a signal until it
/// is dropped or persisted.
pub(super) struct Temp {
    pub file: tempfile::NamedTempFile,
    _in_flight: InFlight,
}

/// Removes its path from [`IN_FLIGHT`] when dropped, whatever became of the file.
struct InFlight(PathBuf);

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Ok(mut files) = IN_FLIGHT.lock() {
            files.retain(|p| p != &self.0);
        }
    }
}

/// Creates `.talks-export-<pid>-<random>.tmp` in `dir`, with these permissions (else
/// tempfile's private 0600).
pub(super) fn create_in(dir: &Path, permissions: Option<std::fs::Permissions>) -> std::io::Result<Temp> {
    let prefix = format!("{PREFIX}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(SUFFIX);
    if let Some(permissions) = permissions {
        builder.permissions(permissions);
    }
    let file = builder.tempfile_in(dir)?;
    let path = file.path().to_path_buf();
    if let Ok(mut files) = IN_FLIGHT.lock() {
        files.push(path.clone());
    }
    Ok(Temp { file, _in_flight: InFlight(path) })
}

/// The process id in a name of our shape, `None` for any other name.
fn owner(name: &str) -> Option<u32> {
    let middle = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (pid, random) = middle.split_once('-')?;
    if random.is_empty() || !random.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    if pid.is_empty() || !pid.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Whether a process with this id runs on this machine. Where that cannot be known (no
/// `/proc`), it is taken to run, which leaves only the age rule.
fn alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// Removes the stale temporary files of earlier exports in `dir`. Best effort: a file that
/// cannot be read or removed is left, and the export goes on.
pub(super) fn sweep(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(owner) else { continue };
        if pid == std::process::id() {
            continue;
        }
        // Never follow a link or touch a directory that happens to have the name.
        let Ok(meta) = entry.path().symlink_metadata() else { continue };
        if !meta.file_type().is_file() {
            continue;
        }
        let age = meta.modified().ok().and_then(|m| now.duration_since(m).ok()).unwrap_or_default();
        if age > STALE || (age > ORPHANED && !alive(pid)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Deletes the temporary files this process has in flight.
fn remove_in_flight() {
    let files = match IN_FLIGHT.lock() {
        Ok(files) => files.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    };
    for path in files {
        let _ = std::fs::remove_file(path);
    }
}

/// On SIGINT, SIGTERM or SIGHUP, deletes the temporary files in flight and then ends the
/// process as the signal would have (so a shell still sees "killed by SIGINT"). For the
/// command line; the browser has its own handling of these signals.
pub fn remove_temp_files_on_signals() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        // Without the handlers an interrupted export leaves its file for the next sweep.
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else { return };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                remove_in_flight();
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_of_our_shape_have_an_owner() {
        assert_eq!(owner(".talks-export-123-aB9xYz.tmp"), Some(123));
        for other in [
            ".talks-export-aB9xYz.tmp",
            ".talks-export--x.tmp",
            ".talks-export-12-.tmp",
            ".talks-export-12-x y.tmp",
            "talks-export-12-x.tmp",
            ".talks-export-12-x.tmp.md",
            "notes.md",
        ] {
            assert_eq!(owner(other), None, "{other}");
        }
    }

    /// A process id that is not running: a child that has been waited for.
    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    fn aged(path: &Path, age: Duration) {
        let file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
        file.set_modified(SystemTime::now() - age).unwrap();
    }

    #[test]
    fn the_sweep_removes_stale_temporary_files_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str| dir.path().join(name);
        let dead = dead_pid();
        let mine = std::process::id();
        let names = [
            format!(".talks-export-{dead}-orphan.tmp"),
            format!(".talks-export-{dead}-fresh.tmp"),
            format!(".talks-export-{mine}-mine.tmp"),
            ".talks-export-1-ancient.tmp".to_string(),
            ".talks-export-notes.tmp".to_string(),
            "r.md".to_string(),
        ];
        for name in &names {
            std::fs::write(at(name), b"x").unwrap();
        }
        // Killed two minutes ago: removed. Killed a moment ago: maybe another machine's
        // export in progress, kept for now. Over an hour old: removed even though pid 1 runs.
        aged(&at(&names[0]), Duration::from_secs(120));
        aged(&at(&names[2]), Duration::from_secs(7200));
        aged(&at(&names[3]), Duration::from_secs(7200));
        aged(&at(&names[4]), Duration::from_secs(7200));
        sweep(dir.path());
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().into_string().unwrap())
            .collect();
        left.sort();
        let mut kept = vec![names[1].clone(), names[2].clone(), names[4].clone(), names[5].clone()];
        kept.sort();
        assert_eq!(left, kept);
    }

    #[test]
    fn a_temporary_file_is_in_flight_until_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let temp = create_in(dir.path(), None).unwrap();
        let path = temp.file.path().to_path_buf();
        let name = path.file_name().unwrap().to_str().unwrap();
        assert_eq!(owner(name), Some(std::process::id()), "{name}");
        assert!(IN_FLIGHT.lock().unwrap().contains(&path));
        drop(temp);
        assert!(!IN_FLIGHT.lock().unwrap().contains(&path));
        assert!(!path.exists());
    }

    /// Run by `a_signal_removes_the_temporary_file_in_flight` in a child process: holds a
    /// temporary file, with the signal handlers of the command line, until it is killed.
    #[test]
    #[ignore = "a helper run in a child process"]
    fn child_holding_a_temporary_file() {
        let Some(dir) = std::env::var_os("TALKS_TEST_TEMP_DIR") else { return };
        remove_temp_files_on_signals();
        let temp = create_in(Path::new(&dir), None).unwrap();
        println!("holding {}", temp.file.path().display());
        std::thread::sleep(Duration::from_secs(30));
    }

    #[cfg(unix)]
    #[test]
    fn a_signal_removes_the_temporary_file_in_flight() {
        use std::io::BufRead;
        use std::os::unix::process::ExitStatusExt;
        let dir = tempfile::tempdir().unwrap();
        for signal in ["TERM", "INT"] {
            let mut child = std::process::Command::new(std::env::current_exe().unwrap())
                .args(["--exact", "export::temp::tests::child_holding_a_temporary_file"])
                .args(["--ignored", "--nocapture", "--test-threads=1"])
                .env("TALKS_TEST_TEMP_DIR", dir.path())
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            let stdout = std::io::BufReader::new(child.stdout.take().unwrap());
            let held = stdout
                .lines()
                .map_while(Result::ok)
                .find_map(|l| l.split_once("holding ").map(|(_, p)| PathBuf::from(p)));
            let held = held.expect("the child holds a temporary file");
            assert!(held.exists());
            let pid = child.id().to_string();
            std::process::Command::new("kill").args([&format!("-{signal}"), &pid]).status().unwrap();
            let status = child.wait().unwrap();
            assert!(!held.exists(), "SIG{signal} left {}", held.display());
            let expected = if signal == "TERM" { 15 } else { 2 };
            assert_eq!(status.signal(), Some(expected), "ended by the signal itself: {status:?}");
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
