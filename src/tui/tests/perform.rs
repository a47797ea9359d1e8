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

#[test]
fn the_built_in_dataset_is_written_as_one_file_that_loads_back_and_never_over_a_file() {
    use crate::tui::action::EditAt;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("mine.ron");
    let then = EditAt::Item { kind: crate::model::Kind::Round, id: "2025-04-10-istanbul".into() };
    let write = |p: &PathBuf| {
        perform(
            &library(),
            Effect::WriteDataset { path: p.clone(), then: then.clone() },
            &Jobs::new(),
            &mut Vec::new(),
        )
    };
    assert_eq!(write(&path), Some(Action::DatasetWritten(Ok(path.clone()), then.clone())));
    let (lib, _) = crate::dataset::open(std::slice::from_ref(&path)).expect("the file written loads");
    assert_eq!(lib.data(), library().data(), "the same dataset");
    let source = crate::dataset::read_source(&path).expect("readable");
    let at = crate::dataset::definition(&[source], crate::model::Kind::Round, "2025-04-10-istanbul");
    assert!(at.is_some_and(|l| l.line > 1), "the round is found in it");
    // Again: refused, and the file is the same.
    let before = std::fs::read(&path).expect("read");
    let Some(Action::DatasetWritten(Err(why), _)) = write(&path) else { panic!("not refused") };
    assert!(why.contains("exists: type another name"), "{why}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
}
