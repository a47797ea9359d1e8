//! The config file: found in the platform's config directory (or through TALKS_CONFIG or
//! --config), its default printed by `talks config --default`, its datasets and sort used
//! by the command line, and its mistakes reported with their places before anything runs.

use crate::harness::Dir;

/// The first column (the round's id) of `talks list` output, without the header.
fn ids(stdout: &str) -> Vec<String> {
    stdout.lines().skip(1).filter_map(|l| l.split_whitespace().next().map(str::to_string)).collect()
}

#[test]
fn the_default_file_loads_back_and_changes_nothing() {
    let dir = Dir::new();
    let default = dir.run(&["config", "--default"]);
    default.code(0).stdout_has("Config(").stdout_has("keys: {},");
    dir.write("config.ron", &default.stdout);
    let plain = dir.run(&["list"]);
    let with = dir.run(&["--config", "config.ron", "list"]);
    with.code(0);
    assert_eq!(with.stdout, plain.stdout);
}

#[test]
fn the_config_directory_is_read_and_talks_config_names_the_file() {
    let dir = Dir::new();
    let said = dir.run(&["config"]);
    said.code(0).stdout_has(".config/talks/config.ron (not there: the defaults apply");
    dir.copy("valid/minimal.ron", "data/mine.ron");
    // Relative to the config's directory; the latest round first.
    dir.write(".config/talks/config.ron", "Config(data: [\"../../data/mine.ron\"], sort: \"-date\")\n");
    let listed = dir.run(&["list"]);
    listed.code(0);
    assert_eq!(
        ids(&listed.stdout),
        ["2025-03-18-call", "2025-02-27-istanbul", "2025-02-18-riyadh"],
        "{}",
        listed.stdout
    );
    // The command line wins over the config.
    let sorted = dir.run(&["list", "--sort", "date"]);
    assert_eq!(ids(&sorted.stdout), ["2025-02-18-riyadh", "2025-02-27-istanbul", "2025-03-18-call"]);
    let built_in = dir.run(&["--data", "data/mine.ron", "list", "--sort", "date"]);
    assert_eq!(ids(&built_in.stdout).len(), 3);
    dir.run(&["config"]).code(0).stdout_has(".config/talks/config.ron\n");
    // TALKS_CONFIG points elsewhere; an empty file changes nothing.
    dir.write("empty.ron", "");
    let run = dir.run_env(&["list"], &[("TALKS_CONFIG", "empty.ron")]);
    assert_eq!(ids(&run.stdout).len(), 100);
}

#[test]
fn a_key_conflict_in_the_config_stops_the_browser_with_its_place() {
    let dir = Dir::new();
    dir.write("keys.ron", "Config(\n  keys: {\n    \"Browse\": {\n      \"q\": \"Down\",\n    },\n  },\n)\n");
    let run = dir.run(&["--config", "keys.ron"]);
    run.code(2);
    run.stderr_has("keys.ron:4:7: error: `q` in Browse clashes with `q` in Global (quit)");
    run.stderr_has("--config /dev/null");
}

#[test]
fn an_unknown_action_or_field_is_reported_with_its_place() {
    let dir = Dir::new();
    dir.write("config.ron", "Config(\n  keys: { \"Global\": { \"F5\": \"Refresh\" } },\n)\n");
    let run = dir.run(&["--config", "config.ron", "browse"]);
    run.code(2).stderr_has("config.ron:2:23: error: unknown action `Refresh` for `F5` in Global");
    dir.write("config.ron", "Config(\n  sorting: \"date\",\n)\n");
    let run = dir.run(&["--config", "config.ron", "list"]);
    run.code(2).stderr_has("config.ron:2:3: error:").stderr_has("sorting");
    dir.run(&["--config", "missing.ron", "list"])
        .code(2)
        .stderr_has("cannot read the config file missing.ron");
}
