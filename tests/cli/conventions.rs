//! The conventions of Rust command-line tools: completions, a man page, JSON Lines,
//! grouped help with examples, a version that names the built-in dataset, and `--data -`.

use crate::harness::Dir;
use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn completions_for_every_shell_name_the_subcommands_and_formats() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let run = Dir::new().run(&["completions", shell]);
        run.code(0);
        for word in ["list", "export", "check", "format", "data"] {
            assert!(run.stdout.contains(word), "{shell} completion lacks {word}");
        }
    }
    // Where the shell completes values, the formats are offered.
    for shell in ["bash", "zsh", "fish"] {
        let run = Dir::new().run(&["completions", shell]);
        assert!(run.stdout.contains("jsonl") && run.stdout.contains("markdown"), "{shell}");
    }
    Dir::new().run(&["completions", "tcsh"]).code(2);
}

#[test]
fn the_man_page_renders_as_roff() {
    let run = Dir::new().run(&["man"]);
    run.code(0);
    assert!(run.stdout.starts_with(".ie") || run.stdout.contains(".TH talks"), "{}", &run.stdout[..200]);
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS", ".SH VERSION"] {
        assert!(run.stdout.contains(section), "no {section}");
    }
    assert!(run.stdout.contains("built\\-in dataset"), "the version names the dataset");
}

#[test]
fn json_lines_hold_one_round_per_line() {
    let run = Dir::new().run(&["list", "venue:istanbul", "--format", "jsonl"]);
    run.code(0);
    let ids: Vec<String> = run
        .stdout
        .lines()
        .map(|line| {
            let round: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
            round["id"].as_str().expect("a round id").to_string()
        })
        .collect();
    assert_eq!(ids, super::ISTANBUL);
    let dir = Dir::new();
    dir.run(&["export", "2025-04-10", "2025-02-27", "--format", "jsonl", "-o", "r.jsonl"]).code(0);
    let text = std::fs::read_to_string(dir.path().join("r.jsonl")).expect("written");
    assert_eq!(text.lines().count(), 2);
    assert!(text.lines().all(|l| l.starts_with("{\"id\":")), "{text}");
}

#[test]
fn help_groups_options_and_ends_with_examples_and_version_names_the_dataset() {
    let run = Dir::new().run(&["list", "--help"]);
    run.code(0);
    for heading in ["Input:", "Output:", "Filtering:"] {
        assert!(run.stdout.contains(heading), "no {heading} in\n{}", run.stdout);
    }
    let top = Dir::new().run(&["--help"]);
    assert!(top.stdout.trim_end().rsplit("Examples:").next().is_some_and(|e| e.contains("talks list")));
    let version = Dir::new().run(&["--version"]);
    version.code(0).stdout_has("built-in dataset: Russia–US talks and the Ukraine peace process");
}

#[test]
fn a_dataset_can_come_from_standard_input() {
    let text = std::fs::read(crate::harness::fixtures().join("valid/minimal.ron")).expect("fixture");
    let mut child = Command::new(env!("CARGO_BIN_EXE_talks"))
        .args(["list", "--data", "-", "--format", "csv"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("talks runs");
    child.stdin.take().expect("stdin").write_all(&text).expect("piped");
    let out = child.wait_with_output().expect("finishes");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 4, "a header and the fixture's three rounds:\n{stdout}");
    // Nothing piped in: a clear message, not a hang or a parse error.
    let empty = Command::new(env!("CARGO_BIN_EXE_talks"))
        .args(["check", "--data", "-"])
        .stdin(Stdio::null())
        .output()
        .expect("talks runs");
    assert_eq!(empty.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&empty.stderr).contains("nothing on standard input"));
}

/// What the shell would offer for the words typed, through the dynamic completion
/// engine (`COMPLETE=fish`: one `value<TAB>help` a line).
fn offered(dir: &Dir, words: &[&str]) -> Vec<String> {
    let args: Vec<&str> = ["--", "talks"].into_iter().chain(words.iter().copied()).collect();
    let run = dir.run_env(&args, &[("COMPLETE", "fish")]);
    run.code(0);
    run.stdout.lines().map(|l| l.split('\t').next().unwrap_or_default().to_string()).collect()
}

#[test]
fn completing_a_round_id_offers_the_ids_of_the_datasets_in_use() {
    let dir = Dir::new();
    let ids = offered(&dir, &["show", "2025-05"]);
    assert!(ids.contains(&"2025-05-16-istanbul-russia-ukraine".to_string()), "{ids:?}");
    assert!(ids.iter().all(|id| id.starts_with("2025-05")), "{ids:?}");
    // With --data, that dataset's ids; compare's two sides and export's rounds too.
    dir.copy("valid/minimal.ron", "mine.ron");
    let ids = offered(&dir, &["--data", "mine.ron", "compare", "2025-0"]);
    assert_eq!(ids, ["2025-02-18-riyadh", "2025-02-27-istanbul", "2025-03-18-call"]);
    let ids = offered(&dir, &["--data=mine.ron", "export", "2025-02-1"]);
    assert_eq!(ids, ["2025-02-18-riyadh"]);
    // The registration script for a shell, and the static scripts still work.
    let script = dir.run_env(&[], &[("COMPLETE", "bash")]);
    script.code(0).stdout_has("_clap_complete_talks");
}

#[test]
fn completing_a_query_offers_field_names_and_ids_after_id() {
    let dir = Dir::new();
    assert_eq!(offered(&dir, &["list", "ven"]), ["venue:"]);
    // A negation comes after `--`, as on the command line.
    assert_eq!(offered(&dir, &["timeline", "--", "-st"]), ["-status:"]);
    dir.copy("valid/minimal.ron", "mine.ron");
    assert_eq!(offered(&dir, &["--data", "mine.ron", "browse", "id:2025-03"]), ["id:2025-03-18-call"]);
}
