//! End-to-end: the real binary in a pseudo-terminal, its screen parsed by vt100. Each step
//! waits for the expected text with a deadline instead of sleeping a fixed time.

use portable_pty::{native_pty_system, Child, CommandBuilder, PtySize};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const DEADLINE: Duration = Duration::from_secs(20);
const ROWS: std::num::NonZeroU16 = std::num::NonZeroU16::new(30).unwrap();
const COLS: std::num::NonZeroU16 = std::num::NonZeroU16::new(100).unwrap();

struct App {
    started: Instant,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the app wrote, for sequences the screen does not show (OSC 52, OSC 8).
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    dir: tempfile::TempDir,
}

impl App {
    /// Starts `talks` in a fresh directory with extra environment variables.
    fn start_with(args: &[&str], env: &[(&str, &str)]) -> App {
        App::start_in(tempfile::tempdir().expect("temp dir"), args, env)
    }

    fn start(args: &[&str]) -> App {
        App::start_in(tempfile::tempdir().expect("temp dir"), args, &[])
    }

    /// Starts `talks` in `dir` (where a test wrote its files, and where the user's state,
    /// the filter history, is kept) with extra environment.
    fn start_in(dir: tempfile::TempDir, args: &[&str], env: &[(&str, &str)]) -> App {
        let pty = native_pty_system()
            .openpty(PtySize { rows: 30, cols: 100, pixel_width: 0, pixel_height: 0 })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_talks"));
        cmd.args(args);
        cmd.cwd(dir.path());
        cmd.env("TERM", "xterm-256color");
        // The filter history goes to the test's directory, never the user's.
        cmd.env("XDG_STATE_HOME", dir.path().join("state"));
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("TALKS_NO_HYPERLINKS");
        // The editor is the test's, never the one of whoever runs the tests.
        cmd.env_remove("VISUAL");
        cmd.env_remove("EDITOR");
        // Nor the config file of whoever runs the tests.
        cmd.env_remove("TALKS_CONFIG");
        cmd.env("XDG_CONFIG_HOME", dir.path().join(".config"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let started = Instant::now();
        let child = pty.slave.spawn_command(cmd).expect("spawn talks");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let feed = Arc::clone(&screen);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let record = Arc::clone(&raw);
        std::thread::spawn(move || {
            let _master = pty.master; // keep the pty open while reading
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut parser) = feed.lock() {
                    parser.process(&buf[..n]);
                }
                if let Ok(mut bytes) = record.lock() {
                    bytes.extend_from_slice(&buf[..n]);
                }
            }
        });
        App { started, screen, raw, writer, child, dir }
    }

    fn contents(&self) -> String {
        self.screen.lock().map(|p| p.screen().contents()).unwrap_or_default()
    }

    /// What the app wrote so far, as text (lossy: the tests look for ASCII sequences).
    fn raw(&self) -> String {
        self.raw.lock().map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default()
    }

    fn alternate(&self) -> bool {
        self.screen.lock().map(|p| p.screen().alternate_screen()).unwrap_or(false)
    }

    /// Waits until the screen satisfies `check`, or fails with the screen.
    fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let screen = self.contents();
            if check(&screen) {
                return;
            }
            assert!(start.elapsed() < DEADLINE, "timed out waiting for {what}; screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_text(&self, text: &str) {
        self.wait_for(text, |s| s.contains(text));
    }

    fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(start.elapsed() < DEADLINE, "talks did not exit; screen:\n{}", self.contents());
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

#[test]
fn starts_on_the_rounds_and_quits_cleanly() {
    let mut app = App::start(&[]);
    // Reported, not asserted (timing depends on the machine): spawn to first full frame,
    // polled every millisecond. Run with --nocapture to see it.
    while !app.contents().contains("100 of 100 rounds") && app.started.elapsed() < DEADLINE {
        std::thread::sleep(Duration::from_millis(1));
    }
    eprintln!("first frame {:?} after spawn (this build's profile)", app.started.elapsed());
    app.wait_text("100 of 100 rounds");
    app.wait_text("2025-02-18");
    assert!(app.alternate(), "the app draws on the alternate screen");
    app.keys("q");
    let status = app.wait_exit();
    assert!(status.success(), "{status:?}");
    app.wait_for("the main screen back", |_| !app.alternate());
}

#[test]
fn filtering_by_istanbul_leaves_the_istanbul_rounds() {
    let mut app = App::start(&[]);
    app.wait_text("100 of 100 rounds");
    app.keys("/venue:istanbul\r");
    // The two consultations on the missions and the Russia–Ukraine rounds of 2025. The
    // count is already 8 at `venue:ist`, while the typing is still being drawn: the bar
    // after Enter says the filter is in force.
    app.wait_text("filter: venue:istanbul");
    app.wait_text(" 8 of 100 rounds");
    let screen = app.contents();
    for date in ["2025-02-27", "2025-04-10", "2025-05-15", "2025-05-16", "2025-06-02", "2025-07-23"] {
        assert!(screen.contains(date), "{date}:\n{screen}");
    }
    assert!(!screen.contains("2025-03-24"), "{screen}");
    app.keys("q");
    assert!(app.wait_exit().success());
}

#[test]
fn the_filter_history_is_kept_between_runs_in_the_state_directory() {
    let mut app = App::start(&[]);
    app.wait_text("100 of 100 rounds");
    app.keys("/venue:istanbul\r");
    app.wait_text(" 8 of 100 rounds");
    app.keys("q");
    assert!(app.wait_exit().success());
    let dir = std::mem::replace(&mut app.dir, tempfile::tempdir().expect("temp dir"));
    let file = dir.path().join("state").join("talks").join("history");
    assert_eq!(std::fs::read_to_string(&file).ok().as_deref(), Some("venue:istanbul\n"));
    let mut app = App::start_in(dir, &[], &[]);
    app.wait_text("100 of 100 rounds");
    // `/`, then ↑: the query of the last run, applied.
    app.keys("/\x1b[A");
    app.wait_text(" 8 of 100 rounds");
    app.wait_text("/ venue:istanbul");
    app.keys("\x1b");
    app.wait_text("100 of 100 rounds");
    app.keys("q");
    assert!(app.wait_exit().success());
}

#[test]
fn following_a_delegate_and_coming_back() {
    let mut app = App::start(&[]);
    app.wait_text("100 of 100 rounds");
    app.keys("/id:2025-02-27\r");
    app.wait_text(" 1 of 100 rounds");
    // Into the detail, on its first link (the round this one follows), then past the next
    // (the round that follows it) to the head of the first delegation.
    app.keys("\t");
    app.wait_for("the delegations on screen", |s| s.contains("Follows") && s.contains("Darchiev"));
    app.keys("]]\r");
    app.wait_text(" Person ");
    app.wait_text("Positions");
    app.wait_text("Alexandre Dartchiev");
    app.keys("\x7f"); // Backspace
    app.wait_text(" Round ");
    app.wait_text("2025-02-27-istanbul");
    app.keys("q");
    assert!(app.wait_exit().success());
}

#[test]
fn exporting_the_selected_round_writes_the_file() {
    let mut app = App::start(&[]);
    app.wait_text("100 of 100 rounds");
    app.keys("/id:2025-04-10\r");
    app.wait_text(" 1 of 100 rounds");
    app.keys("e");
    app.wait_text("2025-04-10-istanbul.md");
    app.keys("\r");
    // The status line gives the full path written.
    let full = app.dir.path().join("2025-04-10-istanbul.md").display().to_string();
    app.wait_for("the full path in the status line", |s| {
        s.contains(&format!("exported to {full}")) || s.contains("exported to /")
    });
    let written =
        std::fs::read_to_string(app.dir.path().join("2025-04-10-istanbul.md")).expect("file written");
    assert!(written.contains("Darchiev") && written.contains("Coulter"), "{written}");
    // A second export of the same file asks first; n keeps it.
    app.keys("e\r");
    app.wait_text("Overwrite it?");
    app.keys("n");
    app.wait_text("kept the existing file");
    app.keys("\x1b");
    app.wait_for("the dialog to close", |s| !s.contains("Export 2025-04-10"));
    assert_eq!(std::fs::read_to_string(app.dir.path().join("2025-04-10-istanbul.md")).ok(), Some(written));
    app.keys("q");
    assert!(app.wait_exit().success());
}

#[test]
fn termination_signals_restore_the_terminal_and_exit_with_128_plus_the_signal() {
    for (signal, code) in [("-TERM", 143), ("-HUP", 129), ("-QUIT", 131)] {
        let mut app = App::start(&[]);
        app.wait_text("100 of 100 rounds");
        let pid = app.child.process_id().expect("pid");
        let killed =
            std::process::Command::new("kill").args([signal, &pid.to_string()]).status().expect("kill");
        assert!(killed.success());
        let status = app.wait_exit();
        assert_eq!(status.exit_code(), code, "{signal}: {status:?}");
        app.wait_for("the main screen back", |_| !app.alternate());
    }
}

/// The process state letter from `/proc/<pid>/stat` (`T` when stopped).
fn process_state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(") ")?.1.chars().next()
}

#[cfg(target_os = "linux")]
#[test]
fn suspending_gives_the_terminal_back_and_resuming_redraws() {
    let mut app = App::start(&[]);
    app.wait_text("100 of 100 rounds");
    let pid = app.child.process_id().expect("pid");
    // Ctrl-Z as typed (raw mode delivers it as a key), then SIGTSTP as `kill -TSTP` sends it.
    for how in ["ctrl-z", "-TSTP"] {
        if how == "ctrl-z" {
            app.keys("\x1a");
        } else {
            let sent = std::process::Command::new("kill").args([how, &pid.to_string()]).status();
            assert!(sent.expect("kill").success());
        }
        app.wait_for("the main screen back", |_| !app.alternate());
        let started = Instant::now();
        while process_state(pid) != Some('T') {
            assert!(started.elapsed() < DEADLINE, "{how}: not stopped ({:?})", process_state(pid));
            std::thread::sleep(Duration::from_millis(20));
        }
        // Something written over the main screen meanwhile, as a shell would.
        app.screen.lock().expect("screen").process(b"\x1b[2J$ jobs\r\n");
        let resumed = std::process::Command::new("kill").args(["-CONT", &pid.to_string()]).status();
        assert!(resumed.expect("kill").success());
        app.wait_for("the alternate screen again", |_| app.alternate());
        app.wait_text("100 of 100 rounds");
        app.wait_text("2025-02-18");
    }
    app.keys("q");
    assert!(app.wait_exit().success());
}

#[test]
fn the_timeline_keys_move_zoom_and_open_a_round() {
    let mut app = App::start(&[]);
    app.wait_text("100 of 100 rounds");
    app.keys("4");
    app.wait_text("Timeline · one column: 1 week");
    app.wait_text(" Round 1 of 100 ");
    // → twice: the next rounds in time, on other lanes.
    app.keys("\x1b[C\x1b[C");
    app.wait_text(" Round 3 of 100 ");
    app.wait_text("Trump–Putin phone call (12 February)");
    // ↓ changes lane, + zooms in, - back out, t to the last round.
    app.keys("\x1b[B");
    app.wait_text("Russia–US ministers and envoys");
    app.keys("+");
    app.wait_text("one column: 4 days");
    app.keys("-t");
    app.wait_text(" Round 100 of 100 ");
    // Enter opens it in the Rounds view; Backspace comes back to the timeline.
    app.keys("\r");
    app.wait_text("2026-03-11-florida-economic");
    app.wait_for("the rounds view", |s| s.contains(" Round ") && !s.contains("Timeline · one column"));
    app.keys("\x7f");
    app.wait_text("Timeline · one column: 1 week");
    app.keys("q");
    assert!(app.wait_exit().success());
}

#[test]
fn marking_a_round_and_comparing_it_with_another() {
    let mut app = App::start(&[]);
    app.wait_text("100 of 100 rounds");
    app.keys("/id:2025-02-27\r");
    app.wait_text(" 1 of 100 rounds");
    app.keys("m");
    app.wait_text("marked 2025-02-27-istanbul");
    app.keys("/");
    // Ctrl-w deletes the word in the bar; type the other round's id.
    app.keys("\x17id:2025-04-10\r");
    app.wait_for("the second round", |s| s.contains("2025-04-10-istanbul") && s.contains(" 1 of 100 rounds"));
    app.keys("c");
    app.wait_text("Compare: A is the marked round, B the selected one");
    app.wait_text("≠ 2025-02-27");
    // Follow the third link (Darchiev) and come back to the comparison.
    app.keys("]]\r");
    app.wait_text(" Person ");
    app.keys("\x7f");
    app.wait_text("Compare: A is the marked round");
    app.keys("\x1b");
    app.wait_for("the comparison to close", |s| !s.contains("Compare: A is"));
    app.keys("q");
    assert!(app.wait_exit().success());
}

#[test]
fn talks_browse_opens_with_the_filter_and_colon_shows_the_command_lines() {
    let mut app = App::start(&["browse", "venue:istanbul"]);
    app.wait_text(" 8 of 100 rounds · venue:istanbul");
    app.wait_text("filter: venue:istanbul");
    app.keys(":");
    app.wait_text("talks list venue:istanbul");
    app.wait_text("talks browse venue:istanbul");
    app.keys("\x1b");
    app.wait_for("the command lines to close", |s| !s.contains("Command lines"));
    app.keys("q");
    assert!(app.wait_exit().success());
}

/// The round the copy and source tests work on, and the library it comes from.
const ISTANBUL: &str = "2025-05-16-istanbul-russia-ukraine";

fn shipped() -> talks::dataset::Library {
    talks::dataset::open(&[]).expect("the shipped dataset").0
}

fn base64(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text)
}

#[test]
fn y_copies_the_id_and_the_citation_through_osc_52() {
    let lib = shipped();
    let r = lib.round_position(ISTANBUL).expect("the round");
    let citation = talks::export::citation(&lib, r).expect("its citation");
    let mut app = App::start(&[]);
    app.wait_text("100 of 100 rounds");
    app.keys(&format!("/id:{ISTANBUL}\r"));
    app.wait_text(" 1 of 100 rounds");
    app.keys("y");
    app.wait_text("Copy to the clipboard (OSC 52)");
    app.keys("i");
    app.wait_text(&format!("copied id of {ISTANBUL} ({} bytes)", ISTANBUL.len()));
    let sequence = format!("\x1b]52;c;{}\x1b\\", base64(ISTANBUL));
    assert!(app.raw().contains(&sequence), "the OSC 52 sequence of the id was written");
    app.keys("yc");
    app.wait_text(&format!("copied citation of {ISTANBUL} ({} bytes)", citation.len()));
    let sequence = format!("\x1b]52;c;{}\x1b\\", base64(&citation));
    assert!(app.raw().contains(&sequence), "the OSC 52 sequence of the citation was written");
    app.keys("q");
    assert!(app.wait_exit().success());
}

/// Saves as vim does: a new file written beside, then renamed over the old one.
fn save_by_rename(path: &std::path::Path, text: &str) {
    let new = path.with_extension("ron.new");
    std::fs::write(&new, text).expect("write the new file");
    std::fs::rename(&new, path).expect("rename it over the old one");
}

#[test]
fn the_browser_reloads_a_dataset_file_edited_under_it_and_shows_its_problems() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("data.ron");
    let good = String::from_utf8(crate::harness::fixture("valid/minimal.ron")).expect("utf-8");
    std::fs::write(&path, &good).expect("write the dataset");
    let mut app = App::start_in(dir, &["--data", "data.ron"], &[]);
    app.wait_text("3 of 3 rounds");
    app.wait_text("Lavrov–Rubio meeting in Riyadh");
    // A new title, saved by rename: the list shows it.
    let retitled = good.replace("Lavrov–Rubio meeting in Riyadh", "Lavrov–Rubio talks, revised");
    save_by_rename(&path, &retitled);
    app.wait_text("Lavrov–Rubio talks, revised");
    app.wait_text("reloaded the dataset files: 3 rounds");
    // Broken in place: the problem with its place, over the last good data.
    let broken = retitled.replace("version: \"0.1.0\",", "version: \"0.1.0\" oops,");
    std::fs::write(&path, broken).expect("break the file");
    app.wait_text("The dataset files no longer load: 1 problem");
    app.wait_text("data.ron:3:");
    assert!(
        app.contents().contains("Lavrov–Rubio talks, revised"),
        "the old data stays:\n{}",
        app.contents()
    );
    // The panel closes and opens with `!`; fixing the file clears it.
    app.keys("!");
    app.wait_for("the panel to close", |s| !s.contains("no longer load: 1 problem"));
    app.wait_text("! shows why");
    app.keys("!");
    app.wait_text("The dataset files no longer load: 1 problem");
    save_by_rename(&path, &good);
    // `fixed: ` says it unless the editor's save came as two changes, read one after the other.
    app.wait_for("the panel to clear", |s| {
        s.contains("reloaded the dataset files: 3 rounds") && !s.contains("no longer load")
    });
    app.wait_text("Lavrov–Rubio meeting in Riyadh");
    assert!(!app.contents().contains("no longer load"), "{}", app.contents());
    app.keys("q");
    assert!(app.wait_exit().success());
}

/// The OSC 8 links in `raw`: each target with the text its cells spell, in order of output.
fn hyperlinks(raw: &str) -> Vec<(String, String)> {
    let mut links: Vec<(String, String)> = Vec::new();
    let mut rest = raw;
    while let Some(at) = rest.find("\x1b]8;id=") {
        let after = &rest[at + 7..];
        let Some((params, tail)) = after.split_once(';') else { break };
        let Some((url, tail)) = tail.split_once("\x1b\\") else { break };
        let Some((text, tail)) = tail.split_once("\x1b]8;;\x1b\\") else { break };
        let _ = params;
        match links.last_mut() {
            Some((last, shown)) if last == url => shown.push_str(text),
            _ => links.push((url.to_string(), text.to_string())),
        }
        rest = tail;
    }
    links
}

/// True when the detail pane's position (`139–163 of 163`) says its last row is on screen.
fn detail_at_bottom(screen: &str) -> bool {
    screen.lines().any(|line| {
        let Some((_, tail)) = line.rsplit_once('–') else { return false };
        let Some((shown, total)) = tail.trim_end_matches([' ', '┘']).split_once(" of ") else {
            return false;
        };
        shown.parse::<usize>().is_ok() && shown == total
    })
}

#[test]
fn source_addresses_are_osc_8_hyperlinks_and_o_opens_one_with_browser() {
    let lib = shipped();
    let dir = tempfile::tempdir().expect("temp dir");
    let record = dir.path().join("opened");
    let browser = dir.path().join("browser");
    std::fs::write(&browser, format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\necho noise\n", record.display()))
        .expect("the fake browser");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).expect("executable");
    }
    let browser = browser.display().to_string();
    let mut app = App::start_with(&[], &[("BROWSER", browser.as_str())]);
    app.wait_text("100 of 100 rounds");
    app.keys(&format!("/id:{ISTANBUL}\r"));
    app.wait_text(" 1 of 100 rounds");
    // To the detail, and its last row: the address of the last source.
    app.keys("\tG");
    app.wait_for("the end of the detail, with a hyperlink", |s| {
        detail_at_bottom(s) && !hyperlinks(&app.raw()).is_empty()
    });
    let links = hyperlinks(&app.raw());
    let urls: Vec<&str> = lib.data().sources.iter().map(|s| s.url.as_str()).collect();
    for (url, shown) in &links {
        assert!(urls.contains(&url.as_str()), "{url} is a source's address");
        let shown = shown.trim_end_matches('…');
        assert!(
            !shown.is_empty() && url.starts_with(shown),
            "the cells spell the address: {shown} for {url}"
        );
    }
    let screen = app.contents();
    let (last, _) = links.last().expect("a link");
    app.keys("o");
    // The report names the whole address, so it is long: it is shown in the message box.
    app.wait_for("the opener's report", |s| s.contains("\nopened ") && s.contains("/browser"));
    let until = Instant::now() + DEADLINE;
    while !record.exists() && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(20));
    }
    let opened = std::fs::read_to_string(&record).expect("the browser ran");
    assert!(urls.contains(&opened.as_str()), "a source's address: {opened}");
    assert_eq!(&opened, last, "the source under the cursor (the last row):\n{screen}");
    assert!(!app.contents().contains("noise"), "the opener's output does not reach the screen");
    app.keys("q");
    assert!(app.wait_exit().success());
}

#[test]
fn no_watch_leaves_the_data_as_it_was_loaded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("data.ron");
    let good = String::from_utf8(crate::harness::fixture("valid/minimal.ron")).expect("utf-8");
    std::fs::write(&path, &good).expect("write the dataset");
    let mut app = App::start_in(dir, &["--data", "data.ron", "--no-watch"], &[]);
    app.wait_text("Lavrov–Rubio meeting in Riyadh");
    save_by_rename(&path, &good.replace("Lavrov–Rubio meeting in Riyadh", "Renamed"));
    // Much longer than a reload takes when watching; the screen is redrawn meanwhile.
    std::thread::sleep(Duration::from_millis(1500));
    assert!(app.contents().contains("Lavrov–Rubio meeting in Riyadh"), "{}", app.contents());
    assert!(!app.contents().contains("Renamed"), "{}", app.contents());
    app.keys("q");
    assert!(app.wait_exit().success());
}

/// A fake editor named `vi` in `dir/bin`: it writes its arguments to `dir/args.txt`, one a
/// line, then waits until `dir/go` exists, so that a test can look at the terminal while
/// the editor has it.
fn fake_editor(dir: &std::path::Path) -> String {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).expect("bin dir");
    let script = bin.join("vi");
    let text = format!(
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{dir}/args.txt.tmp' && mv '{dir}/args.txt.tmp' '{dir}/args.txt'\n\
         n=0; while [ ! -e '{dir}/go' ] && [ $n -lt 400 ]; do sleep 0.05; n=$((n+1)); done\n",
        dir = dir.display()
    );
    std::fs::write(&script, text).expect("write the script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    script.display().to_string()
}

fn wait_file(path: &std::path::Path) -> String {
    let start = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(path) {
            return text;
        }
        assert!(start.elapsed() < DEADLINE, "{} never appeared", path.display());
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The 1-based line of the first line containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).expect("the needle") + 1
}

#[cfg(unix)]
#[test]
fn ctrl_e_hands_the_terminal_to_the_editor_at_the_line_of_the_round_and_takes_it_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().to_path_buf();
    let good = String::from_utf8(crate::harness::fixture("valid/minimal.ron")).expect("utf-8");
    std::fs::write(root.join("data.ron"), &good).expect("write the dataset");
    // With arguments, as `code --wait` has: split like a shell word list.
    let editor = format!("'{}' -n", fake_editor(&root));
    let mut app = App::start_in(dir, &["--data", "data.ron"], &[("EDITOR", &editor)]);
    app.wait_text("3 of 3 rounds");
    app.keys("j\x05"); // the second round, Ctrl-e
    let args = wait_file(&root.join("args.txt"));
    let line = line_of(&good, "id: \"2025-02-27-istanbul\"");
    assert_eq!(args, format!("-n\n+{line}\ndata.ron\n"));
    app.wait_for("the main screen while the editor runs", |_| !app.alternate());
    std::fs::write(root.join("go"), "").expect("let the editor end");
    app.wait_for("the alternate screen again", |_| app.alternate());
    app.wait_text(&format!("back from the editor (data.ron:{line})"));
    app.wait_text("3 of 3 rounds");
    app.wait_text("Négociations à İstanbul");
    app.keys("q");
    assert!(app.wait_exit().success());
}

#[cfg(unix)]
#[test]
fn the_built_in_dataset_is_written_to_a_file_then_edited_and_followed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().to_path_buf();
    let editor = fake_editor(&root);
    std::fs::write(root.join("go"), "").expect("the editor ends at once");
    let mut app = App::start_in(dir, &[], &[("EDITOR", &editor)]);
    app.wait_text("100 of 100 rounds");
    app.keys("\x05");
    app.wait_text("Edit the built-in dataset");
    app.wait_text("talks-dataset.ron");
    app.keys("\r");
    let args = wait_file(&root.join("args.txt"));
    let written = root.join("talks-dataset.ron");
    let text = std::fs::read_to_string(&written).expect("the dataset was written");
    let line = line_of(&text, "id: \"2025-02-11-witkoff-moscow\"");
    assert_eq!(args, format!("+{line}\n{}\n", written.display()));
    app.wait_text("back from the editor");
    // The browser now follows that file: a change to it shows.
    let title = "Witkoff in Moscow: meeting with Putin and the release of Marc Fogel";
    assert!(text.contains(title), "the first round's title is in the file");
    std::fs::write(&written, text.replace(title, "Edited in the written file")).expect("edit");
    app.wait_text("Edited in the written file");
    app.keys("q");
    assert!(app.wait_exit().success());
}

#[test]
fn talks_no_hyperlinks_turns_osc_8_off() {
    let mut app = App::start_with(&[], &[("TALKS_NO_HYPERLINKS", "1")]);
    app.wait_text("100 of 100 rounds");
    app.keys(&format!("/id:{ISTANBUL}\r"));
    app.wait_text(" 1 of 100 rounds");
    app.keys("\tG");
    app.wait_text("https://");
    app.keys("q");
    assert!(app.wait_exit().success());
    assert!(!app.raw().contains("\x1b]8;"), "no OSC 8 at all");
}

#[test]
fn keys_from_the_config_file_work_and_help_lists_them() {
    let text =
        "Config(keys: { \"Browse\": { \"Ctrl-n\": \"Down\" }, \"Global\": { \"F2\": \"ToggleHelp\" } })";
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join(".config/talks");
    std::fs::create_dir_all(&config).expect("config dir");
    std::fs::write(config.join("config.ron"), text).expect("write the config");
    let mut app = App::start_in(dir, &[], &[]);
    app.wait_text("100 of 100 rounds");
    app.keys("\x0e\x0e"); // Ctrl-n twice: the third round
    app.wait_text("2025-02-12-trump-putin-call");
    app.keys("\x1bOQ"); // F2 opens help, which lists the new keys
    app.wait_text("Help: every key");
    app.wait_text("? / F2");
    app.keys("jjjjjjjjjj"); // the list keys are below the first screen of help
    app.wait_text("j / ↓ / Ctrl-n");
    app.keys("\x1b");
    app.wait_for("help to close", |s| !s.contains("Help: every key"));
    app.keys("q");
    assert!(app.wait_exit().success());
}

/// Big enough that the debug binary takes seconds to load it whole (the whole load ends
/// the "loading" state, so a smaller file could finish before the first screen is read).
const PROGRESSIVE_ROUNDS: usize = 4_000;

#[test]
fn a_large_file_shows_its_first_rows_while_the_rest_loads() {
    use crate::scale::gen;
    let dir = tempfile::tempdir().expect("temp dir");
    let data = gen::generate(PROGRESSIVE_ROUNDS, gen::DEFAULT_SEED);
    std::fs::write(dir.path().join("big.ron"), gen::to_ron(&data).expect("serialises")).expect("write");
    // The first rounds of the file, by the start of their titles (the list may cut them).
    let first_screen = talks::dataset::FIRST_SCREEN_ROUNDS;
    let head: Vec<String> =
        data.rounds.iter().take(first_screen).map(|r| r.title.chars().take(12).collect()).collect();
    let mut app = App::start_in(dir, &["--data", "big.ron", "--no-cache"], &[]);
    app.wait_text("· loading…");
    let first = app.contents();
    assert!(
        first.contains(&format!(" {first_screen} of ~")),
        "the header counts the rows in and estimates the rest:\n{first}"
    );
    assert!(head.iter().any(|t| first.contains(t.as_str())), "rows of the file's top are listed:\n{first}");
    assert!(!first.contains(&format!("{PROGRESSIVE_ROUNDS} of {PROGRESSIVE_ROUNDS}")), "{first}");
    // The screen is live while the rest loads; what needs every round says it waits.
    app.keys("e");
    app.wait_text("exporting waits for the whole dataset");
    app.wait_text("loaded all 4,000 rounds");
    app.wait_text(&format!("{PROGRESSIVE_ROUNDS} of {PROGRESSIVE_ROUNDS} rounds"));
    assert!(!app.contents().contains("loading…"), "{}", app.contents());
    app.keys("q");
    assert!(app.wait_exit().success());
}
