//! Where output goes and what it may carry: the same bytes every time, no file replaced
//! without `--force`, one clear line when a path cannot be written, standard output for `-`
//! or no `-o`, no escape sequence from the data, and a quiet end when the reader goes away.

use super::write_shipped;
use crate::harness::Dir;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const ROUND: &str = "2025-04-10-istanbul";
const FORMATS: [&str; 5] = ["markdown", "json", "ron", "csv", "ics"];

fn export(dir: &Dir, format: &str, path: &str, extra: &[&str]) -> crate::harness::Run {
    dir.run(&[&["export", ROUND, "--format", format, "-o", path], extra].concat())
}

fn read(dir: &Dir, name: &str) -> Vec<u8> {
    std::fs::read(dir.path().join(name)).unwrap_or_else(|e| panic!("cannot read {name}: {e}"))
}

#[test]
fn exporting_twice_gives_the_same_bytes() {
    let dir = Dir::new();
    for format in FORMATS {
        export(&dir, format, &format!("a.{format}"), &[]).code(0);
        export(&dir, format, &format!("b.{format}"), &[]).code(0);
        assert_eq!(read(&dir, &format!("a.{format}")), read(&dir, &format!("b.{format}")), "{format}");
    }
    // Standard output too, and a query-selected export.
    let once = dir.run(&["export", "--query", "venue:istanbul", "--format", "json"]);
    let twice = dir.run(&["export", "--query", "venue:istanbul", "--format", "json"]);
    assert_eq!(once.code(0).stdout, twice.code(0).stdout);
}

#[test]
fn an_existing_file_is_kept_without_force() {
    let dir = Dir::new();
    dir.write("r.md", "my notes\n");
    let run = export(&dir, "markdown", "r.md", &[]);
    run.code(4);
    assert_eq!(run.stderr, "talks: r.md already exists; use --force to overwrite\n");
    assert_eq!(read(&dir, "r.md"), b"my notes\n");
    // No temporary file is left beside it.
    assert_eq!(std::fs::read_dir(dir.path()).expect("the directory").count(), 1);
}

#[test]
fn force_replaces_an_existing_file() {
    let dir = Dir::new();
    dir.write("r.md", "my notes\n");
    export(&dir, "markdown", "r.md", &["--force"]).code(0).stderr_has("wrote r.md (1 round)");
    let text = String::from_utf8(read(&dir, "r.md")).expect("UTF-8");
    assert!(text.starts_with("# Consultations on the diplomatic missions"), "{text}");
}

#[test]
fn a_missing_directory_is_one_line_and_exit_4() {
    let dir = Dir::new();
    let run = export(&dir, "json", "nope/r.json", &[]);
    run.code(4);
    assert_eq!(run.stderr, "talks: cannot write nope/r.json: the directory nope does not exist\n");
    assert!(!dir.path().join("nope").exists());
}

#[test]
fn a_directory_given_as_the_file_is_one_line_and_exit_4() {
    let dir = Dir::new();
    dir.mkdir("out");
    for extra in [&[][..], &["--force"][..]] {
        let run = export(&dir, "json", "out", extra);
        run.code(4);
        assert_eq!(run.stderr, "talks: cannot write out: it is a directory; give a file name\n");
    }
    assert_eq!(std::fs::read_dir(dir.path().join("out")).expect("the directory").count(), 0);
}

#[test]
fn a_path_under_a_regular_file_is_one_line_and_exit_4() {
    // ENOTDIR: a fault that root gets too (a read-only directory does not stop root).
    let dir = Dir::new();
    dir.write("notes", "keep\n");
    for extra in [&[][..], &["--force"][..]] {
        let run = export(&dir, "json", "notes/r.json", extra);
        run.code(4);
        assert_eq!(run.stderr, "talks: cannot write notes/r.json: notes is not a directory\n");
    }
    assert_eq!(read(&dir, "notes"), b"keep\n");
    assert_eq!(std::fs::read_dir(dir.path()).expect("the directory").count(), 1);
}

#[cfg(unix)]
#[test]
fn a_device_is_written_to_and_never_replaced() {
    use std::os::unix::fs::FileTypeExt;
    // A copy of /dev/full made with mknod where that is allowed (as root, where a regression
    // would otherwise replace the machine's own /dev/full), else the real one.
    let dir = Dir::new();
    let made = Command::new("mknod")
        .args(["full", "c", "1", "7"])
        .current_dir(dir.path())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let full = if made { "full" } else { "/dev/full" };
    let run = export(&dir, "markdown", full, &["--force"]);
    run.code(4);
    assert_eq!(run.stderr, format!("talks: cannot write {full}: no space left on device\n"));
    let kind = std::fs::symlink_metadata(dir.path().join(full)).expect("the device").file_type();
    assert!(kind.is_char_device(), "{full} is now {kind:?}");
    assert_eq!(std::fs::read_dir(dir.path()).expect("the directory").count(), usize::from(made));
    // /dev/null takes an export without --force: nothing is replaced.
    export(&dir, "markdown", "/dev/null", &[]).code(0).stderr_has("wrote /dev/null (1 round)");
}

#[cfg(unix)]
#[test]
fn a_symlink_is_followed_and_kept() {
    let dir = Dir::new();
    dir.mkdir("store");
    dir.write("store/r.md", "old\n");
    std::os::unix::fs::symlink("store/r.md", dir.path().join("r.md")).expect("symlink");
    export(&dir, "markdown", "r.md", &[]).code(4).stderr_has("r.md already exists; use --force");
    export(&dir, "markdown", "r.md", &["--force"]).code(0);
    let link = std::fs::symlink_metadata(dir.path().join("r.md")).expect("the link");
    assert!(link.file_type().is_symlink(), "the link was replaced by a file");
    let text = String::from_utf8(read(&dir, "store/r.md")).expect("UTF-8");
    assert!(text.starts_with("# Consultations on the diplomatic missions"), "{text}");
}

#[test]
fn dash_and_no_output_write_to_stdout() {
    let dir = Dir::new();
    for format in FORMATS {
        let file = export(&dir, format, &format!("r.{format}"), &[]);
        file.code(0);
        let dash = export(&dir, format, "-", &[]);
        let none = dir.run(&["export", ROUND, "--format", format]);
        let written = String::from_utf8(read(&dir, &format!("r.{format}"))).expect("UTF-8");
        assert_eq!(dash.code(0).stdout, written, "{format} with -o -");
        assert_eq!(none.code(0).stdout, written, "{format} with no -o");
        assert_eq!(none.stderr, "", "{format}: nothing but the export");
    }
    assert!(!dir.path().join("-").exists(), "`-` is standard output, not a file");
}

/// A copy of the shipped dataset whose round title (and dataset title) carries an OSC
/// sequence that would retitle the user's terminal window, and a bidi override; the
/// `--data` arguments that load it.
fn hostile_dataset(dir: &Dir) -> Vec<String> {
    write_shipped(dir, |name, text| {
        if name != "russia-us-2025.ron" {
            return text;
        }
        let title = "title: \"Consultations on the diplomatic missions, Istanbul (round 2)\"";
        assert_eq!(text.matches(title).count(), 1);
        let text = text.replacen(title, "title: \"Evil \\u{1b}]0;x\\u{7} \\u{202e}title\"", 1);
        // The first file holds the dataset's metadata, so its title is the merged dataset's.
        let dataset_title = "title: \"Russia–US talks and the Ukraine peace process, 2025–2026\"";
        assert!(text.contains(dataset_title));
        text.replacen(dataset_title, "title: \"Talks \\u{1b}[2J\"", 1)
    })
}

#[test]
fn no_escape_sequence_from_the_data_reaches_the_output() {
    let dir = Dir::new();
    let data = hostile_dataset(&dir);
    let data: Vec<&str> = data.iter().map(String::as_str).collect();
    let commands: [&[&str]; 6] = [
        &["list"],
        &["list", "--format", "csv"],
        &["show", "2025-04-10"],
        &["show", "2025-04-10", "--format", "markdown"],
        &["export", ROUND, "--format", "markdown"],
        &["export", ROUND, "--format", "ics"],
    ];
    for args in commands {
        let run = dir.run(&[&data[..], args].concat());
        run.code(0);
        // The harness decodes stdout lossily, which keeps every ESC and BEL byte as is (they are
        // ASCII), so looking at the text is looking at the raw bytes.
        assert!(!run.stdout.contains('\u{1b}'), "ESC in {args:?}:\n{}", run.stdout);
        assert!(!run.stdout.contains('\u{7}'), "BEL in {args:?}");
        assert!(!run.stdout.contains('\u{202e}'), "RLO in {args:?}");
        run.stdout_has("Evil \u{fffd}");
    }
    // JSON keeps the data exact, escaped so that no control byte is printed.
    let run = dir.run(&[&data[..], &["show", "2025-04-10", "--format", "json"]].concat());
    assert!(!run.code(0).stdout.contains('\u{1b}'));
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc["rounds"][0]["title"], "Evil \u{1b}]0;x\u{7} \u{202e}title");
}

#[test]
fn a_reader_that_goes_away_ends_the_output_quietly() {
    // `talks … | head -1`: read one line, close the pipe. Every round as RON is over 100 KB,
    // more than a pipe holds, so talks is still writing when the pipe closes.
    let dir = Dir::new();
    let mut child = Command::new(env!("CARGO_BIN_EXE_talks"))
        .args(["export", "--query", "date:2025", "--format", "ron"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot run talks");
    let mut first = String::new();
    let stdout = child.stdout.take().expect("piped stdout");
    BufReader::new(stdout).read_line(&mut first).expect("a first line");
    // Dropping the reader closed the pipe.
    let output = child.wait_with_output().expect("talks ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!first.trim().is_empty(), "{first:?}");
    assert_ne!(output.status.code(), Some(101), "talks panicked:\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn an_unwritable_stderr_never_turns_into_a_crash() {
    // `2>/dev/full`: every write to stderr fails with ENOSPC. The commands still do their
    // work and the exit code still tells (no panic, which would be 101).
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else { return };
    let dir = Dir::new();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_talks"))
            .args(args)
            .current_dir(dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(full.try_clone().expect("clone /dev/full"))
            .status()
            .expect("talks runs")
            .code()
    };
    assert_eq!(run(&["export", "2025-04-10", "--format", "markdown", "-o", "r.md"]), Some(0));
    assert!(dir.path().join("r.md").is_file(), "the export was written");
    assert_eq!(run(&["list", "zzz"]), Some(0));
    assert_eq!(run(&["show", "nope"]), Some(2));
    assert_eq!(run(&["check", "missing.ron"]), Some(3));
}

#[test]
fn a_directory_that_refuses_new_files_is_not_called_missing() {
    // /proc exists but no file can be created in it (ENOENT, even as root).
    if !std::path::Path::new("/proc/self").is_dir() {
        return;
    }
    let run = Dir::new().run(&["export", "2025-04-10", "--format", "markdown", "-o", "/proc/x.md"]);
    run.code(4).stderr_has("cannot write /proc/x.md: cannot create files in /proc");
    assert!(!run.stderr.contains("does not exist"), "{}", run.stderr);
}

#[test]
fn an_export_sweeps_what_an_interrupted_one_left() {
    // What `kill -9` leaves mid-export: a hidden temporary file of a process that is gone.
    let dir = Dir::new();
    let stale = ".talks-export-1-a1B2c3.tmp";
    dir.write(stale, "half an export");
    dir.write(".talks-export-notes.tmp", "not ours: no process id");
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 60 * 60);
    for name in [stale, ".talks-export-notes.tmp"] {
        let file = std::fs::OpenOptions::new().write(true).open(dir.path().join(name)).expect("open");
        file.set_modified(old).expect("set the time");
    }
    export(&dir, "markdown", "r.md", &[]).code(0);
    assert!(!dir.path().join(stale).exists(), "the stale temporary file is still there");
    assert!(dir.path().join(".talks-export-notes.tmp").exists(), "a file not of our shape was removed");
}
