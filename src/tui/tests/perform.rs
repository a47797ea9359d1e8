//! The browser's export effect on paths that are not regular files: a device is written to
//! without asking, a FIFO is refused rather than freezing the screen while it waits.

use super::super::action::{Action, Effect};
use super::super::jobs::Jobs;
use super::super::perform;
use super::library;
use crate::export::Format;
use std::path::PathBuf;

fn export_to(path: PathBuf, force: bool) -> Action {
    perform(
        &library(),
        Effect::Export { rounds: vec![0], format: Format::Markdown, path, force },
        &Jobs::new(),
        &mut Vec::new(),
    )
    .expect("an export is written on the loop's thread")
}

#[cfg(unix)]
#[test]
fn dev_null_is_written_without_a_question() {
    let path = PathBuf::from("/dev/null");
    assert_eq!(export_to(path.clone(), false), Action::ExportDone(Ok(path)));
}

#[cfg(target_os = "linux")]
#[test]
fn a_fifo_is_refused_and_kept() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let fifo = dir.path().join("pipe");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()));
    for force in [false, true] {
        let Action::ExportDone(Err(message)) = export_to(fifo.clone(), force) else { panic!("not refused") };
        assert!(message
            .ends_with("it is a FIFO, and the browser cannot wait for a reader; use `talks export -o`"));
    }
    assert!(std::fs::symlink_metadata(&fifo).is_ok_and(|m| m.file_type().is_fifo()));
}
