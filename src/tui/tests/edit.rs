//! Ctrl-e: what the editor is opened at, and the prompt that first writes the built-in
//! dataset to a file.

use super::*;
use crate::model::Kind;
use crate::tui::action::{DiskProblem, EditAt, Effect, Reloaded, View};
use crate::tui::state::Overlay;
use std::path::PathBuf;

fn on_files(s: &mut State) {
    s.set_data_files(&[PathBuf::from("data.ron")]);
}

fn item(kind: Kind, id: &str) -> Vec<Effect> {
    vec![Effect::Edit(EditAt::Item { kind, id: id.into() })]
}

#[test]
fn ctrl_e_edits_the_item_each_view_has_selected() {
    let mut s = state(100, 30);
    on_files(&mut s);
    run(&mut s, [Action::Down]);
    let round = selected_round(&s).expect("a round");
    assert_eq!(run(&mut s, [Action::Edit]), item(Kind::Round, &round));
    run(&mut s, [Action::Show(View::People)]);
    let person = s.lib.data().people[s.people.current().expect("a person")].id.clone();
    assert_eq!(run(&mut s, [Action::Edit]), item(Kind::Person, &person));
    run(&mut s, [Action::Show(View::Topics), Action::Down]);
    let topic = s.lib.data().topics[s.topics.current().expect("a topic")].id.clone();
    assert_eq!(run(&mut s, [Action::Edit]), item(Kind::Topic, &topic));
    run(&mut s, [Action::Show(View::Milestones)]);
    let milestone = s.lib.data().milestones[s.milestones.current().expect("a milestone")].id.clone();
    assert_eq!(run(&mut s, [Action::Edit]), item(Kind::Milestone, &milestone));
    run(&mut s, [Action::Show(View::Timeline), Action::Later]);
    let round = s.lib.data().rounds.get(s.selected_round().expect("a round")).expect("a round").id.clone();
    assert_eq!(run(&mut s, [Action::Edit]), item(Kind::Round, &round));
}

#[test]
fn in_the_problems_panel_the_editor_opens_at_the_problem() {
    let mut s = state(100, 30);
    on_files(&mut s);
    let problems = vec![
        DiskProblem { text: "a".into(), file: Some("data.ron".into()), line: 3 },
        DiskProblem { text: "b".into(), file: Some("more.ron".into()), line: 80 },
        DiskProblem { text: "c".into(), file: None, line: 0 },
    ];
    run(&mut s, [Action::Reloaded(Reloaded::Failed(problems)), Action::Down]);
    let at = EditAt::Line { file: "more.ron".into(), line: 80 };
    assert_eq!(run(&mut s, [Action::Edit]), vec![Effect::Edit(at)]);
    assert_eq!(run(&mut s, [Action::Down, Action::Edit]), vec![]);
    assert!(s.status.as_ref().is_some_and(|st| st.error && st.text.contains("not in a file")));
}

#[test]
fn the_built_in_dataset_is_first_written_to_a_file_the_user_names() {
    let mut s = state(100, 30);
    let round = selected_round(&s).expect("a round");
    let then = EditAt::Item { kind: Kind::Round, id: round };
    assert_eq!(run(&mut s, [Action::Edit]), vec![], "nothing runs before the file exists");
    let Overlay::SaveDataset(d) = &s.overlay else { panic!("the prompt opens") };
    assert_eq!(d.path, "talks-dataset.ron");
    // Ctrl-w deletes the name; the path typed is taken from the starting directory.
    let effects =
        run(&mut s, [Action::DeleteWord].into_iter().chain(typed("mine.ron")).chain([Action::Confirm]));
    let path = PathBuf::from("/home/analyst/notes/mine.ron");
    assert_eq!(effects, vec![Effect::WriteDataset { path: path.clone(), then: then.clone() }]);
    // A file that exists is refused in the prompt, which stays open.
    run(&mut s, [Action::DatasetWritten(Err("mine.ron exists: type another name".into()), then.clone())]);
    let Overlay::SaveDataset(d) = &s.overlay else { panic!("the prompt stays") };
    assert!(d.error.as_deref().is_some_and(|e| e.contains("exists")));
    // Written: the browser follows the file, watches it and opens the editor there.
    let effects = run(&mut s, [Action::DatasetWritten(Ok(path.clone()), then.clone())]);
    assert_eq!(effects, vec![Effect::Edit(then), Effect::Watch(vec![path])]);
    assert!(matches!(s.overlay, Overlay::None));
    assert_eq!(s.data_files, ["/home/analyst/notes/mine.ron"]);
}

#[test]
fn a_dataset_from_standard_input_cannot_be_edited() {
    let mut s = state(100, 30);
    s.set_data_files(&[PathBuf::from("-")]);
    assert_eq!(run(&mut s, [Action::Edit]), vec![]);
    assert!(s.status.as_ref().is_some_and(|st| st.error && st.text.contains("standard input")));
}

#[test]
fn the_prompt_says_why_and_where_the_file_goes() {
    let mut s = state(100, 30);
    run(&mut s, [Action::Edit]);
    insta::assert_snapshot!("save_dataset_prompt_100x30", super::screens::screen_text(&s));
}
