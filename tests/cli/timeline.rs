//! `talks timeline`: the shipped rounds as a picture in text, filtered by a query, at the
//! width asked for.

use crate::harness::Dir;
use unicode_width::UnicodeWidthStr;

fn lanes(stdout: &str) -> Vec<String> {
    stdout.lines().filter_map(|l| l.split_once(" │").map(|(label, _)| label.trim_end().to_string())).collect()
}

#[test]
fn the_whole_process_in_a_hundred_columns() {
    let run = Dir::new().run(&["timeline", "--width", "100"]);
    run.code(0);
    assert_eq!(run.stderr, "");
    run.stdout_has("100 rounds and 16 milestones, 2025-02-11 to 2026-04-12; one column is 1 week")
        .stdout_has("» ✗    postponed, cancelled (any format)");
    for line in run.stdout.lines() {
        assert!(line.width() <= 100, "{line:?} is {} columns", line.width());
    }
    // Nine tracks in the dataset's order, then the milestones.
    let lanes = lanes(&run.stdout);
    assert_eq!(lanes.len(), 10, "{lanes:?}");
    assert_eq!(lanes[0], "Russia–US leaders");
    assert_eq!(lanes[9], "Milestones");
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("timeline-100", run.stdout);
    });
}

#[test]
fn a_query_draws_only_its_rounds_and_their_lanes() {
    let run = Dir::new().run(&["timeline", "person:witkoff", "--width", "80"]);
    run.code(0);
    let lanes = lanes(&run.stdout);
    assert!(!lanes.iter().any(|l| l.starts_with("Embassy") || l == "Milestones"), "{lanes:?}");
    run.stdout_has("37 rounds and 0 milestones");
    // A narrower width zooms out.
    run.stdout_has("one column is 2 weeks");
    let wide = Dir::new().run(&["timeline", "person:witkoff", "--width", "300"]);
    wide.code(0).stdout_has("one column is 2 days");
}

#[test]
fn nothing_to_draw_and_widths_too_small_are_said() {
    let run = Dir::new().run(&["timeline", "venue:reykjavik"]);
    run.code(0).stderr_has("0 rounds match");
    assert_eq!(run.stdout, "");
    let run = Dir::new().run(&["timeline", "--width", "10"]);
    run.code(2).stderr_has("10 is not in 30..");
    Dir::new().run(&["timeline", "vnue:x"]).code(2);
}
