//! The smaller tools: exporting the whole list (`E`) and the command lines of a view (`:`).

use super::*;
use crate::tui::action::{Effect, View};
use crate::tui::state::Overlay;
use std::path::PathBuf;

fn filter(s: &mut State, text: &str) {
    run(s, [Action::OpenFilter].into_iter().chain(typed(text)).chain([Action::Confirm]));
}

#[test]
fn capital_e_exports_every_round_of_the_list_with_the_same_dialog() {
    let mut s = state(100, 30);
    filter(&mut s, "venue:istanbul");
    run(&mut s, [Action::CycleSort, Action::OpenExportAll]);
    let Overlay::Export(d) = &s.overlay else { panic!("the export dialog opens") };
    assert_eq!(d.what, "8 rounds");
    assert_eq!(d.path, "rounds-venue-istanbul.md");
    assert_eq!(d.rounds, s.rounds.items, "in the list's order (latest first here)");
    run(&mut s, [Action::Down]);
    let Overlay::Export(d) = &s.overlay else { panic!("the export dialog stays") };
    assert_eq!(d.path, "rounds-venue-istanbul.json");
    let effects = run(&mut s, [Action::Confirm]);
    // Written where the browser was started (the tests start it in /home/analyst/notes).
    let path = PathBuf::from("/home/analyst/notes/rounds-venue-istanbul.json");
    let format = crate::export::Format::Json;
    assert_eq!(effects, vec![Effect::Export { rounds: s.rounds.items.clone(), format, path, force: false }]);
    // A calendar of them leaves out the rounds without days, and says so.
    run(&mut s, [Action::ExportPartial(PathBuf::from("rounds.ics"), 2)]);
    assert!(matches!(s.overlay, Overlay::None));
    let said = s.status.clone().map(|st| st.text).unwrap_or_default();
    assert_eq!(said, "exported to rounds.ics; 2 rounds were left out: a calendar needs days");
    // Nothing to export: said, no dialog.
    filter(&mut s, "venue:reykjavik");
    run(&mut s, [Action::OpenExportAll]);
    assert!(matches!(s.overlay, Overlay::None));
    assert!(s.status.as_ref().is_some_and(|st| st.error));
}

#[test]
fn the_whole_list_is_named_all_without_a_filter_and_works_from_the_timeline() {
    let mut s = state(100, 30);
    run(&mut s, [Action::Show(View::Timeline), Action::OpenExportAll]);
    let Overlay::Export(d) = &s.overlay else { panic!("the export dialog opens") };
    assert_eq!((d.what.as_str(), d.path.as_str()), ("100 rounds", "rounds-all.md"));
}

fn commands(s: &State) -> Vec<(&'static str, String)> {
    match &s.overlay {
        Overlay::Commands(lines) => lines.clone(),
        _ => panic!("the command lines are shown"),
    }
}

#[test]
fn colon_shows_the_command_lines_that_reproduce_the_view() {
    let mut s = state(100, 30);
    filter(&mut s, "venue:istanbul -status:postponed");
    run(&mut s, [Action::CycleSort, Action::ShowCommands]);
    assert_eq!(
        commands(&s),
        [
            ("this list", "talks list --sort -date -- venue:istanbul -status:postponed".to_string()),
            ("the selected round", "talks show 2025-02-27-istanbul".to_string()),
            ("the browser with this filter", "talks browse -- venue:istanbul -status:postponed".to_string()),
        ]
    );
    run(&mut s, [Action::Cancel]);
    assert!(matches!(s.overlay, Overlay::None));
    // On the timeline, with a marked round and another selected, and a dataset file.
    let mut s = state(100, 30);
    s.set_data_files(&[PathBuf::from("my data.ron")]);
    run(&mut s, [Action::Show(View::Timeline), Action::Mark, Action::Later, Action::ShowCommands]);
    let lines = commands(&s);
    assert_eq!(lines[0], ("this timeline", "talks --data 'my data.ron' timeline".to_string()));
    assert_eq!(
        lines[2],
        (
            "the marked round against the selected one",
            "talks --data 'my data.ron' compare 2025-02-11-witkoff-moscow 2025-02-12-bessent-kyiv"
                .to_string()
        )
    );
}
