//! `talks show`: one round named by a unique prefix, in each format; ids that name no round
//! or several.

use crate::harness::Dir;

const TITLE: &str = "Consultations on the diplomatic missions, Istanbul (round 2)";

#[test]
fn a_unique_prefix_shows_the_round_as_text() {
    let run = Dir::new().run(&["show", "2025-04-10"]);
    run.code(0);
    assert!(run.stdout.starts_with(&format!("{TITLE}\n{}\n", "=".repeat(TITLE.chars().count()))));
    run.stdout_has("Date:     10 April 2025")
        .stdout_has("Venue:    Consulate General of Russia, Istanbul, Türkiye")
        .stdout_has("Round id: 2025-04-10-istanbul")
        .stdout_has("  - Alexander Darchiev (head), Ambassador of Russia to the United States")
        .stdout_has("  - Sonata Coulter (head)")
        .stdout_has("2. Banking for missions: agreed")
        .stdout_has("  - Confidence: single source")
        .stdout_has("\n[11] ");
    assert_eq!(run.stderr, "");
}

#[test]
fn a_unique_prefix_shows_the_round_as_markdown() {
    let run = Dir::new().run(&["show", "2025-04-10", "--format", "markdown"]);
    run.code(0);
    assert!(run.stdout.starts_with(&format!("# {TITLE}\n")), "{}", run.stdout);
    run.stdout_has("- **Round id:** 2025-04-10-istanbul")
        .stdout_has("## Delegations")
        .stdout_has("**Alexander Darchiev** (head)")
        .stdout_has("### 2. Banking for missions: agreed");
}

#[test]
fn a_unique_prefix_shows_the_round_as_json() {
    let run = Dir::new().run(&["show", "2025-04-10", "--format", "json"]);
    let doc: serde_json::Value =
        serde_json::from_str(&run.code(0).stdout).expect("show --format json is JSON");
    assert_eq!(doc["schema_version"], 2);
    assert_eq!(doc["rounds"].as_array().map(Vec::len), Some(1));
    assert_eq!(doc["rounds"][0]["id"], "2025-04-10-istanbul");
    assert_eq!(doc["rounds"][0]["title"], TITLE);
}

#[test]
fn the_full_id_in_capitals_is_the_same_round() {
    let exact = Dir::new().run(&["show", "2025-04-10-istanbul"]);
    let shouted = Dir::new().run(&["show", "2025-04-10-ISTANBUL"]);
    assert_eq!(exact.code(0).stdout, shouted.code(0).stdout);
}

#[test]
fn an_unknown_id_says_so_and_suggests_the_nearest() {
    let run = Dir::new().run(&["show", "2025-04-11-istanbul"]);
    run.code(2);
    assert_eq!(
        run.stderr,
        "talks: no round `2025-04-11-istanbul`; the nearest ids are `2025-04-10-istanbul`, \
         `2025-02-27-istanbul`, `2025-05-15-istanbul-postponed`\n"
    );
    assert_eq!(run.stdout, "");
}

#[test]
fn an_ambiguous_prefix_lists_the_candidates() {
    let run = Dir::new().run(&["show", "2025-03-2"]);
    run.code(2);
    assert_eq!(
        run.stderr,
        "talks: `2025-03-2` is ambiguous: 2025-03-23-riyadh-ukraine, 2025-03-24-riyadh, \
         2025-03-25-riyadh-ukraine; give more of the id\n"
    );
    assert_eq!(run.stdout, "");
    // Past eight candidates, in date order, the rest are counted: March 2025 has nine rounds.
    let run = Dir::new().run(&["show", "2025-03"]);
    run.code(2);
    assert_eq!(
        run.stderr,
        "talks: `2025-03` is ambiguous: 2025-03-11-jeddah, 2025-03-11-ratcliffe-naryshkin-call, \
         2025-03-12-waltz-russia-call, 2025-03-13-witkoff-putin-moscow, 2025-03-18-trump-putin-call, \
         2025-03-19-trump-zelensky-call, 2025-03-23-riyadh-ukraine, 2025-03-24-riyadh and 1 more; \
         give more of the id\n"
    );
    assert_eq!(run.stdout, "");
}

#[test]
fn an_empty_id_is_refused() {
    Dir::new().run(&["show", ""]).code(2).stderr_has("no round id given");
}

#[test]
fn an_id_like_nothing_suggests_nothing_unrelated() {
    // `nope` once drew three ids that share nothing with it.
    let run = Dir::new().run(&["show", "nope"]);
    run.code(2);
    assert!(!run.stderr.contains("nearest"), "{}", run.stderr);
    run.stderr_has("no round `nope`, nor one like it; `talks list` shows every id");
    // A misspelt place is compared with the part of the ids after the date.
    Dir::new().run(&["show", "istambul"]).code(2).stderr_has("the nearest ids are `2025-02-27-istanbul`");
}

#[test]
fn on_a_terminal_a_long_round_is_wrapped_and_paged_and_piped_it_is_neither() {
    use portable_pty::{native_pty_system, CommandBuilder, PtySize};
    use std::time::{Duration, Instant};
    let dir = Dir::new();
    let pty = native_pty_system()
        .openpty(PtySize { rows: 24, cols: 60, pixel_width: 0, pixel_height: 0 })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_talks"));
    cmd.args(["show", "2025-04-10"]);
    cmd.cwd(dir.path());
    // The pager runs through `sh -c`, so `$PAGER` may be a command line: here it keeps what
    // it is given.
    cmd.env("PAGER", "cat > paged.txt");
    let mut child = pty.slave.spawn_command(cmd).expect("spawn talks");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        assert!(started.elapsed() < Duration::from_secs(20), "talks show did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
    let paged =
        std::fs::read_to_string(dir.path().join("paged.txt")).expect("the round went through the pager");
    assert!(paged.starts_with("Consultations on the diplomatic missions, Istanbul"), "{paged}");
    let widest = paged.lines().filter(|l| !l.contains("http")).map(|l| l.chars().count()).max();
    assert!(widest.is_some_and(|w| w <= 60), "wrapped to the terminal's 60 columns: {widest:?}");
    assert!(paged.contains("https://tass.com/world/1941917"), "URLs are never cut");
    // Piped: the same text, unwrapped, and no pager.
    let piped = Dir::new();
    let run = piped.run(&["show", "2025-04-10"]);
    run.code(0);
    assert!(!piped.path().join("paged.txt").exists());
    assert!(run.stdout.lines().any(|l| l.chars().count() > 60));
}
