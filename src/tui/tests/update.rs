//! `update` driven by actions: navigation bounds, history, filter, export dialog.

use super::*;
use crate::tui::action::{Effect, View};
use crate::tui::state::{Focus, Overlay};
use std::path::PathBuf;

#[test]
fn moving_stops_at_both_ends_of_the_list() {
    let mut s = state(100, 30);
    run(&mut s, [Action::Up, Action::Up]);
    assert_eq!(s.rounds.selected, 0);
    run(&mut s, [Action::Bottom, Action::Down, Action::Down]);
    assert_eq!(s.rounds.selected, s.rounds.items.len() - 1);
    run(&mut s, [Action::Top]);
    assert_eq!(s.rounds.selected, 0);
    // A page moves by the rows the list shows, and stops at the end.
    let page = usize::from(s.layout.list_inner.height);
    assert!(page > 1 && page < s.rounds.items.len(), "the rounds fill more than a page");
    let last = s.rounds.items.len() - 1;
    run(&mut s, [Action::PageDown]);
    assert_eq!(s.rounds.selected, page);
    run(&mut s, std::iter::repeat_n(Action::PageDown, last));
    assert_eq!(s.rounds.selected, last);
    run(&mut s, [Action::PageUp]);
    assert_eq!(s.rounds.selected, last - page);
    run(&mut s, std::iter::repeat_n(Action::PageUp, last));
    assert_eq!(s.rounds.selected, 0);
}

#[test]
fn the_detail_scrolls_to_keep_the_cursor_visible() {
    let mut s = state(100, 30);
    run(&mut s, [Action::FocusNext, Action::Bottom]);
    assert_eq!(s.focus, Focus::Detail);
    let h = usize::from(s.layout.detail_inner.height);
    assert!(s.detail.rows.len() > h, "the first round's detail is longer than the pane");
    assert_eq!(s.detail.cursor, s.detail.rows.len() - 1);
    assert_eq!(s.detail.scroll, s.detail.rows.len() - h);
    run(&mut s, [Action::Top]);
    assert_eq!((s.detail.cursor, s.detail.scroll), (0, 0));
}

#[test]
fn following_a_delegate_opens_the_person_and_back_returns() {
    let mut s = state(100, 30);
    run(
        &mut s,
        typed("")
            .into_iter()
            .chain([Action::OpenFilter])
            .chain(typed("id:2025-02-27"))
            .chain([Action::Confirm]),
    );
    assert_eq!(selected_round(&s).as_deref(), Some("2025-02-27-istanbul"));
    cursor_to(&mut s, "Alexander Darchiev");
    run(&mut s, [Action::Follow]);
    assert_eq!(s.view, View::People);
    let person = s.people.current().map(|p| s.lib.data().people[p].id.clone());
    assert_eq!(person.as_deref(), Some("darchiev"));
    assert!(s.detail.rows.iter().any(|r| r.plain().contains("2025-04-10")), "his rounds are listed");
    run(&mut s, [Action::Back]);
    assert_eq!(s.view, View::Rounds);
    assert_eq!(selected_round(&s).as_deref(), Some("2025-02-27-istanbul"));
    assert!(s.detail.rows[s.detail.cursor].plain().contains("Darchiev"), "the cursor is where it was");
    run(&mut s, [Action::Forward]);
    assert_eq!(s.view, View::People);
    run(&mut s, [Action::Forward]);
    assert_eq!(s.view, View::People, "nothing further forward");
}

#[test]
fn following_a_topic_shows_its_thread_in_date_order() {
    let mut s = state(100, 30);
    run(&mut s, [Action::OpenFilter].into_iter().chain(typed("id:2025-04-10")).chain([Action::Confirm]));
    cursor_to(&mut s, "Direct flights");
    run(&mut s, [Action::Follow]);
    assert_eq!(s.view, View::Topics);
    let dates: Vec<usize> = ["2025-02-27", "2025-04-10"]
        .iter()
        .map(|d| s.detail.rows.iter().position(|r| r.plain().starts_with(d)).expect("round in thread"))
        .collect();
    assert!(dates[0] < dates[1], "the thread runs in date order");
    // From the thread, a round link leads back to the rounds view.
    cursor_to(&mut s, "2025-02-27");
    run(&mut s, [Action::Follow]);
    assert_eq!(s.view, View::Rounds);
    assert_eq!(selected_round(&s).as_deref(), Some("2025-02-27-istanbul"));
    assert_eq!(s.history.back.len(), 2);
}

#[test]
fn an_invalid_query_keeps_the_last_valid_result() {
    let mut s = state(100, 30);
    run(&mut s, [Action::OpenFilter].into_iter().chain(typed("venue:istanbul")));
    let istanbul = s.rounds.items.clone();
    assert_eq!(istanbul.len(), 8, "the rounds held in Istanbul");
    // A lone `-` is an error: the bar says so and the list stays as it was.
    run(&mut s, typed(" -"));
    assert!(s.filter.error.is_some(), "the error is shown");
    assert_eq!(s.rounds.items, istanbul, "the last valid result stays");
    run(&mut s, typed("vnue:riyadh"));
    let err = s.filter.error.clone().unwrap_or_default();
    assert!(err.contains("venue"), "an unknown field suggests the closest: {err}");
    assert_eq!(s.rounds.items, istanbul);
    // Enter does not commit the valid prefix (`venue:istanbul`) as if it had been typed:
    // the bar stays open with the error and says how to get out.
    run(&mut s, [Action::Confirm]);
    assert!(s.filter.editing, "the bar stays open on an invalid query");
    assert!(s.filter.error.is_some());
    let status = s.status.clone().map(|st| st.text).unwrap_or_default();
    assert!(status.contains("Esc to go back to no filter"), "{status}");
    // Esc restores what was committed before the edit: no filter at all.
    run(&mut s, [Action::Cancel]);
    assert!(!s.filter.editing);
    assert_eq!(s.filter.applied, "");
    assert_eq!(s.rounds.items.len(), s.lib.data().rounds.len());
}

#[test]
fn back_restores_the_filter_that_following_a_link_cleared() {
    let mut s = state(100, 30);
    run(&mut s, [Action::OpenFilter].into_iter().chain(typed("venue:istanbul")).chain([Action::Confirm]));
    let istanbul = s.rounds.items.clone();
    let at = istanbul
        .iter()
        .position(|&r| s.lib.data().rounds.get(r).expect("a round").id == "2025-04-10-istanbul")
        .expect("listed");
    run(&mut s, std::iter::repeat_n(Action::Down, at));
    assert_eq!(selected_round(&s).as_deref(), Some("2025-04-10-istanbul"));
    // The round that followed was due in Moscow: outside the filter, which is cleared.
    cursor_to(&mut s, "Followed by");
    run(&mut s, [Action::Follow]);
    assert_eq!(selected_round(&s).as_deref(), Some("2025-06-moscow-cancelled"));
    assert_eq!(s.filter.applied, "");
    run(&mut s, [Action::Back]);
    assert_eq!(s.filter.applied, "venue:istanbul", "Back brings the filter back");
    assert_eq!(s.rounds.items, istanbul);
    assert_eq!(selected_round(&s).as_deref(), Some("2025-04-10-istanbul"));
    // And Forward goes where the link led, clearing it again.
    run(&mut s, [Action::Forward]);
    assert_eq!(selected_round(&s).as_deref(), Some("2025-06-moscow-cancelled"));
    assert_eq!(s.filter.applied, "");
}

#[test]
fn enter_on_a_misspelt_field_never_applies_another_query() {
    // `venu:istanbul` once became the free word `venu` (one round) and `date:2025-13` the
    // date `2025-1`: queries nobody typed.
    for typed_text in ["venu:istanbul", "date:2025-13"] {
        let mut s = state(100, 30);
        run(&mut s, [Action::OpenFilter].into_iter().chain(typed(typed_text)).chain([Action::Confirm]));
        assert!(s.filter.editing, "{typed_text}: the bar stays open");
        assert!(s.filter.error.is_some(), "{typed_text}");
        run(&mut s, [Action::Cancel]);
        assert_eq!(s.filter.applied, "", "{typed_text}");
        assert_eq!(s.rounds.items.len(), s.lib.data().rounds.len(), "{typed_text}");
    }
}

#[test]
fn escape_restores_the_filter_from_before_the_edit() {
    let mut s = state(100, 30);
    run(&mut s, [Action::OpenFilter].into_iter().chain(typed("riyadh")).chain([Action::Confirm]));
    let riyadh = s.rounds.items.len();
    run(&mut s, [Action::OpenFilter].into_iter().chain(typed(" date:2025-02")));
    assert!(s.rounds.items.len() < riyadh);
    run(&mut s, [Action::Cancel]);
    assert_eq!(s.filter.applied, "riyadh");
    assert_eq!(s.rounds.items.len(), riyadh);
}

#[test]
fn the_selection_survives_filtering_when_still_visible() {
    let mut s = state(100, 30);
    run(&mut s, [Action::OpenFilter].into_iter().chain(typed("id:2025-04-10")).chain([Action::Confirm]));
    run(&mut s, [Action::ClearFilter]);
    assert_eq!(selected_round(&s).as_deref(), Some("2025-04-10-istanbul"));
    run(&mut s, [Action::OpenFilter].into_iter().chain(typed("istanbul")));
    assert_eq!(selected_round(&s).as_deref(), Some("2025-04-10-istanbul"));
}

#[test]
fn an_empty_result_clears_the_detail_and_says_how_to_recover() {
    let mut s = state(100, 30);
    run(&mut s, [Action::OpenFilter].into_iter().chain(typed("zzzz")).chain([Action::Confirm]));
    assert!(s.rounds.items.is_empty());
    assert!(s.detail.rows.is_empty());
    run(&mut s, [Action::Down, Action::Follow, Action::OpenExport]);
    assert!(matches!(s.overlay, Overlay::None), "no export without a round");
    run(&mut s, [Action::ClearFilter]);
    assert_eq!(s.rounds.items.len(), s.lib.data().rounds.len());
}

#[test]
fn the_export_dialog_prefills_the_path_and_asks_before_overwriting() {
    let mut s = state(100, 30);
    run(&mut s, [Action::OpenFilter].into_iter().chain(typed("id:2025-04-10")).chain([Action::Confirm]));
    run(&mut s, [Action::OpenExport]);
    let Overlay::Export(d) = &s.overlay else { panic!("dialog open") };
    assert_eq!(d.path, "2025-04-10-istanbul.md");
    run(&mut s, [Action::Down]);
    let Overlay::Export(d) = &s.overlay else { panic!("dialog open") };
    assert_eq!(d.path, "2025-04-10-istanbul.json", "the extension follows the format");
    let effects = run(&mut s, [Action::Up, Action::Confirm]);
    let round = s.rounds.current().expect("a round");
    let path = PathBuf::from("/home/analyst/notes/2025-04-10-istanbul.md");
    let format = crate::export::Format::Markdown;
    assert_eq!(
        effects,
        vec![Effect::Export { rounds: vec![round], format, path: path.clone(), force: false }]
    );
    run(&mut s, [Action::ExportExists(path.clone())]);
    assert_eq!(s.context(), crate::tui::keymap::Context::Confirm);
    let effects = run(&mut s, [Action::Yes]);
    assert_eq!(
        effects,
        vec![Effect::Export { rounds: vec![round], format, path: path.clone(), force: true }]
    );
    run(&mut s, [Action::ExportDone(Ok(path))]);
    assert!(matches!(s.overlay, Overlay::None));
    assert!(s.status.as_ref().is_some_and(|st| st.text.contains("2025-04-10-istanbul.md") && !st.error));
}

#[test]
fn declining_to_overwrite_says_what_to_do_next_in_the_browser_s_own_terms() {
    let mut s = state(100, 30);
    run(&mut s, [Action::OpenFilter].into_iter().chain(typed("id:2025-04-10")).chain([Action::Confirm]));
    run(&mut s, [Action::OpenExport, Action::ExportExists(PathBuf::from("2025-04-10-istanbul.md"))]);
    run(&mut s, [Action::No]);
    let Overlay::Export(d) = &s.overlay else { panic!("dialog stays open") };
    let said = d.error.clone().unwrap_or_default();
    // After `n`, `y` types into the path, so the message must not tell the user to press it;
    // nor may it mention `--force`, a command-line flag.
    assert!(!said.contains("press y") && !said.contains("--force"), "{said}");
    assert!(said.contains("press Enter to be asked again"), "{said}");
    run(&mut s, typed("y"));
    let Overlay::Export(d) = &s.overlay else { panic!("dialog stays open") };
    assert_eq!(d.path, "2025-04-10-istanbul.mdy", "y now edits the path");
}

#[test]
fn a_failed_export_keeps_the_dialog_open_with_the_reason() {
    let mut s = state(100, 30);
    run(&mut s, [Action::OpenExport, Action::ExportDone(Err("cannot write x: permission denied".into()))]);
    let Overlay::Export(d) = &s.overlay else { panic!("dialog stays open") };
    assert_eq!(d.error.as_deref(), Some("cannot write x: permission denied"));
    run(&mut s, [Action::Cancel]);
    assert!(matches!(s.overlay, Overlay::None));
}

#[test]
fn picking_a_venue_filters_by_its_city() {
    let mut s = state(100, 30);
    run(&mut s, [Action::OpenVenues]);
    let Overlay::Venues(p) = &s.overlay else { panic!("picker open") };
    let at = p.entries.iter().position(|(c, _)| c == "Istanbul").expect("Istanbul listed");
    // The two consultations on the missions and the six rounds and meetings of the
    // Russia–Ukraine talks of 2025.
    assert_eq!(p.entries[at].1, 8);
    run(&mut s, std::iter::repeat_n(Action::Down, at).chain([Action::Confirm]));
    assert_eq!(s.rounds.items.len(), 8);
    assert!(s.filter.applied.contains("city:"));
    let ids: Vec<&str> =
        s.rounds.items.iter().map(|&r| s.lib.data().rounds.get(r).expect("a round").id.as_str()).collect();
    assert_eq!(ids.first(), Some(&"2025-02-27-istanbul"));
    assert_eq!(ids.last(), Some(&"2025-07-23-istanbul-russia-ukraine"));
}

#[test]
fn resizing_to_any_size_keeps_the_state_consistent() {
    let mut s = state(100, 30);
    run(&mut s, [Action::FocusNext, Action::Bottom]);
    for (w, h) in [(1, 1), (60, 15), (59, 14), (200, 50), (60, 20), (0, 0), (100, 30)] {
        run(&mut s, [Action::Resize(w, h), Action::Down, Action::PageUp]);
        assert!(s.detail.cursor < s.detail.rows.len().max(1));
    }
}

#[test]
fn sorting_cycles_and_keeps_the_selection() {
    let mut s = state(100, 30);
    run(&mut s, [Action::Down, Action::Down]);
    let before = selected_round(&s);
    run(&mut s, [Action::CycleSort]);
    assert_eq!(s.sort, crate::query::Sort::DateDesc);
    assert_eq!(selected_round(&s), before);
    let first = s.rounds.items[0];
    assert_eq!(
        s.lib.data().rounds.get(first).expect("a round").id,
        "2026-03-11-florida-economic",
        "latest first"
    );
}

#[test]
fn quitting_from_any_context() {
    for opening in [Action::OpenFilter, Action::ToggleHelp, Action::OpenVenues, Action::OpenExport] {
        let mut s = state(100, 30);
        run(&mut s, [opening, Action::Quit]);
        assert!(s.quit);
    }
}

#[test]
fn deleting_a_word_after_a_wide_space_does_not_split_a_character() {
    let mut s = state(100, 30);
    run(&mut s, [Action::OpenFilter].into_iter().chain(typed("a\u{a0}b\u{3000}c")));
    run(&mut s, [Action::DeleteWord]);
    assert_eq!(s.filter.input, "a\u{a0}b\u{3000}");
    run(&mut s, [Action::DeleteWord]);
    assert_eq!(s.filter.input, "a\u{a0}");
    run(&mut s, [Action::DeleteWord]);
    assert_eq!(s.filter.input, "");
}

#[test]
fn picking_a_venue_from_another_view_shows_the_rounds_and_keeps_other_terms() {
    let mut s = state(100, 30);
    run(&mut s, [Action::OpenFilter].into_iter().chain(typed("topic:\"diplomatic missions\" City:Riyadh")));
    run(&mut s, [Action::Confirm, Action::Show(View::People), Action::OpenVenues]);
    let Overlay::Venues(p) = &s.overlay else { panic!("picker open") };
    let at = p.entries.iter().position(|(c, _)| c == "Istanbul").expect("Istanbul listed");
    run(&mut s, std::iter::repeat_n(Action::Down, at).chain([Action::Confirm]));
    assert_eq!(s.view, View::Rounds);
    assert_eq!(s.focus, Focus::List);
    assert_eq!(s.filter.applied, "topic:\"diplomatic missions\" city:\"Istanbul\"");
    assert_eq!(s.rounds.items.len(), 2);
    assert!(s.detail.rows.first().is_some_and(|r| r.plain().contains("Istanbul")), "the detail is a round's");
}

#[test]
fn topic_counts_are_the_rounds_topic_finds_including_sub_topics() {
    let s = state(100, 30);
    let lib = &s.lib;
    for (t, topic) in lib.data().topics.iter().enumerate() {
        let query = crate::query::Query::parse(&format!("topic:{}", topic.id)).expect("parses");
        let found = crate::query::filter(lib, &query, crate::query::Sort::Date);
        // `topic:` matches a part of a name, so an id inside another topic's names can find
        // more; never fewer than the count.
        assert!(found.len() >= lib.topic_round_count(t), "{}", topic.id);
    }
    // A parent counts the rounds of its sub-topics: `Sanctions relief` once read (0) while
    // `topic:sanctions-relief` found rounds through `Agricultural exports`.
    let t = lib.position(crate::model::Kind::Topic, "sanctions-relief").expect("topic");
    assert!(lib.mentions(t).len() < lib.topic_round_count(t), "{}", lib.topic_round_count(t));
    let query = crate::query::Query::parse("topic:sanctions-relief").expect("parses");
    assert_eq!(crate::query::filter(lib, &query, crate::query::Sort::Date).len(), lib.topic_round_count(t));
}

#[test]
fn the_export_dialog_resolves_tilde_and_relative_paths_and_warns_on_the_extension() {
    let mut s = state(100, 30);
    run(&mut s, [Action::OpenFilter].into_iter().chain(typed("id:2025-04-10")).chain([Action::Confirm]));
    run(&mut s, [Action::OpenExport]);
    // A relative name goes to the directory the browser was started in.
    let effects = run(&mut s, [Action::Confirm]);
    let Some(Effect::Export { path, .. }) = effects.first() else { panic!("an export: {effects:?}") };
    assert_eq!(path, &PathBuf::from("/home/analyst/notes/2025-04-10-istanbul.md"));
    // `~/` is the home directory, as in a shell.
    let mut s = state(100, 30);
    run(&mut s, [Action::OpenFilter].into_iter().chain(typed("id:2025-04-10")).chain([Action::Confirm]));
    run(&mut s, [Action::OpenExport, Action::DeleteWord]);
    run(&mut s, typed("~/out/r.json"));
    let screen = super::screens::screen_text(&s);
    assert!(screen.contains("writes /home/analyst/out/r.json"), "{screen}");
    assert!(screen.contains("the name has .json, the format is markdown (.md)"), "{screen}");
    let effects = run(&mut s, [Action::Confirm]);
    let Some(Effect::Export { path, .. }) = effects.first() else { panic!("an export: {effects:?}") };
    assert_eq!(path, &PathBuf::from("/home/analyst/out/r.json"));
}

#[test]
fn people_are_listed_by_family_name() {
    let s = state(100, 30);
    let names: Vec<&str> = s.people.items.iter().map(|&p| s.lib.data().people[p].name.as_str()).collect();
    let at = |name: &str| names.iter().position(|n| *n == name).unwrap_or_else(|| panic!("{name} listed"));
    // Michael Anton, Sergey Beseda, Sonata Coulter, Kirill Dmitriev: A, B, C, D by family name,
    // whatever their first names.
    assert!(at("Michael Anton") < at("Sergey Beseda"), "{names:?}");
    assert!(at("Sergey Beseda") < at("Sonata Coulter"), "{names:?}");
    assert!(at("Sonata Coulter") < at("Kirill Dmitriev"), "{names:?}");
    assert!(
        at("Sergey Lavrov") < at("Vladimir Putin") && at("Vladimir Putin") < at("Steve Witkoff"),
        "{names:?}"
    );
}
