//! The lists as a user reads them: every row of the rounds list tells its round apart;
//! People and Topics filter themselves; the topic tree folds.

use super::screens::{draw, screen_text};
use super::*;
use crate::tui::action::View;
use crate::tui::ui::list::round_title_start;
use unicode_segmentation::UnicodeSegmentation;

/// The title column of each visible row of the rounds list, as drawn.
fn visible_titles(s: &State) -> Vec<String> {
    let buffer = draw(s);
    let inner = s.layout.list_inner;
    let pane = &s.rounds;
    let end = (pane.offset + usize::from(inner.height)).min(pane.items.len());
    let rounds = &s.lib.data().rounds;
    let date_w = pane.items[pane.offset..end]
        .iter()
        .map(|&r| rounds.get(r).expect("a round").date_label().len() + 1)
        .max();
    let start = round_title_start(date_w.unwrap_or(11), usize::from(inner.width));
    (0..end - pane.offset)
        .map(|row| {
            let y = inner.y + row as u16;
            let cells = (inner.x..inner.x + inner.width).map(|x| buffer[(x, y)].symbol().to_string());
            let line: String = cells.collect();
            // Columns, not characters: a wide character takes two cells, the second empty.
            let title: String = line.graphemes(true).skip(start).collect();
            title.trim_end().to_string()
        })
        .collect()
}

#[test]
fn no_two_visible_rounds_show_the_same_title_at_80_or_120_columns() {
    for (w, h) in [(80, 24), (120, 35)] {
        let mut s = state(w, h);
        let page = usize::from(s.layout.list_inner.height);
        let last = s.rounds.items.len().saturating_sub(page);
        for offset in 0..=last {
            s.rounds.offset = offset;
            s.rounds.selected = offset;
            let titles = visible_titles(&s);
            assert_eq!(titles.len(), page);
            for (i, a) in titles.iter().enumerate() {
                assert!(!a.is_empty(), "{w}x{h}: an empty title at row {i}");
                let twin = titles[i + 1..].iter().find(|b| *b == a);
                assert!(twin.is_none(), "{w}x{h}, from round {offset}: two rows read {a:?}\n{titles:#?}");
            }
        }
    }
}

#[test]
fn a_wide_list_shows_whole_titles_and_a_narrow_one_the_short_title() {
    let mut s = state(200, 30);
    let istanbul = s.lib.data().rounds.iter().position(|r| r.id == "2025-04-10-istanbul");
    let istanbul = istanbul.expect("the round is shipped");
    let position = s.rounds.items.iter().position(|&r| r == istanbul).expect("listed");
    s.rounds.offset = position;
    s.rounds.selected = position;
    let titles = visible_titles(&s);
    assert_eq!(titles[0], "Consultations on the diplomatic missions, Istanbul (round 2)");
    let mut s = state(120, 35);
    s.rounds.offset = position;
    s.rounds.selected = position;
    // The short title (`Diplomatic missions round 2, Istanbul`), which fits where the title
    // would be cut before the number of the round.
    let shown = &visible_titles(&s)[0];
    assert!(shown.starts_with("Diplomatic missions round 2"), "{shown}");
}

fn filter_with(s: &mut State, text: &str) {
    run(s, [Action::OpenFilter].into_iter().chain(typed(text)).chain([Action::Confirm]));
}

fn people_ids(s: &State) -> Vec<String> {
    s.people.items.iter().map(|&p| s.lib.data().people[p].id.clone()).collect()
}

#[test]
fn slash_in_people_filters_people_by_name_in_any_script_party_or_post() {
    let mut s = state(100, 30);
    run(&mut s, [Action::Show(View::People)]);
    filter_with(&mut s, "Лавров");
    assert_eq!(people_ids(&s), ["lavrov"], "the Cyrillic alias, folded");
    assert_eq!(s.view, View::People, "the filter stays in People");
    assert_eq!(s.rounds.items.len(), 100, "the rounds are not filtered");
    run(&mut s, [Action::ClearFilter]);
    filter_with(&mut s, "sergei LAVROV");
    assert_eq!(people_ids(&s), ["lavrov"]);
    run(&mut s, [Action::ClearFilter]);
    filter_with(&mut s, "foreign affairs russia");
    assert!(people_ids(&s).contains(&"lavrov".to_string()), "by post and party: {:?}", people_ids(&s));
    assert!(s.people.items.len() < s.lib.data().people.len());
    // Nothing found: said, with the way out.
    run(&mut s, [Action::ClearFilter]);
    filter_with(&mut s, "zzzz");
    assert!(s.people.items.is_empty());
    assert!(screen_text(&s).contains("No person matches the filter"));
}

#[test]
fn each_view_keeps_its_own_filter_and_the_header_shows_only_its_own() {
    let mut s = state(120, 35);
    filter_with(&mut s, "venue:istanbul");
    run(&mut s, [Action::Show(View::People)]);
    let header = |s: &State| screen_text(s).lines().next().unwrap_or_default().to_string();
    assert!(header(&s).contains("99 of 99 people") && !header(&s).contains("istanbul"), "{}", header(&s));
    filter_with(&mut s, "lavrov");
    assert!(header(&s).contains("1 of 99 people · lavrov"), "{}", header(&s));
    run(&mut s, [Action::Show(View::Topics)]);
    assert!(!header(&s).contains("lavrov") && !header(&s).contains("istanbul"), "{}", header(&s));
    filter_with(&mut s, "flights");
    let topics: Vec<&str> = s.topics.items.iter().map(|&t| s.lib.data().topics[t].id.as_str()).collect();
    assert!(topics.contains(&"direct-flights"), "{topics:?}");
    run(&mut s, [Action::Show(View::Rounds)]);
    assert!(header(&s).contains("8 of 100 rounds · venue:istanbul"), "{}", header(&s));
    assert!(screen_text(&s).contains("filter: venue:istanbul"));
    run(&mut s, [Action::Show(View::Milestones)]);
    assert!(header(&s).contains("venue:istanbul"), "milestones share the rounds' query");
    run(&mut s, [Action::Show(View::People)]);
    assert_eq!(people_ids(&s), ["lavrov"], "People kept its filter");
    assert!(screen_text(&s).contains("filter: lavrov"));
    // Esc while editing goes back to the view's own filter; x clears only this view's.
    run(&mut s, [Action::OpenFilter, Action::DeleteWord, Action::Cancel]);
    assert_eq!(people_ids(&s), ["lavrov"]);
    run(&mut s, [Action::ClearFilter]);
    assert_eq!(s.people.items.len(), 99);
    assert_eq!(s.filter.applied, "venue:istanbul");
    assert_eq!(s.lists.topics_filter, "flights");
}

#[test]
fn following_a_link_to_a_person_the_filter_hides_clears_that_filter() {
    let mut s = state(100, 30);
    run(&mut s, [Action::Show(View::People)]);
    filter_with(&mut s, "lavrov");
    run(&mut s, [Action::Show(View::Rounds)]);
    filter_with(&mut s, "id:2025-02-27");
    cursor_to(&mut s, "Alexander Darchiev");
    run(&mut s, [Action::Follow]);
    assert_eq!(s.view, View::People);
    assert_eq!(s.people.current().map(|p| s.lib.data().people[p].id.as_str()), Some("darchiev"));
    assert_eq!(s.lists.people_filter, "");
}

fn topic(s: &State, id: &str) -> usize {
    s.lib.data().topics.iter().position(|t| t.id == id).unwrap_or_else(|| panic!("topic {id}"))
}

fn select_topic(s: &mut State, id: &str) {
    let t = topic(s, id);
    let at = s.topics.items.iter().position(|&i| i == t).unwrap_or_else(|| panic!("{id} is listed"));
    s.topics.selected = at;
    s.rebuild_detail();
}

#[test]
fn left_and_right_fold_and_unfold_the_topic_tree() {
    let mut s = state(100, 30);
    run(&mut s, [Action::Show(View::Topics)]);
    let all = s.topics.items.len();
    let missions = topic(&s, "missions");
    let children = s.lib.children(missions).len();
    assert!(children >= 4, "missions has sub-topics");
    select_topic(&mut s, "missions");
    assert!(screen_text(&s).contains("▾ "));
    run(&mut s, [Action::Fold]);
    assert!(s.topics.items.len() <= all - children, "its branch is hidden");
    assert_eq!(s.topics.current(), Some(missions), "the selection stays on it");
    assert!(!s.topics.items.contains(&topic(&s, "mission-banking")));
    let screen = screen_text(&s);
    assert!(
        screen.lines().any(|l| l.contains("▸ ") && l.contains("missions") || l.contains("▸ Diplomatic")),
        "{screen}"
    );
    run(&mut s, [Action::Unfold]);
    assert_eq!(s.topics.items.len(), all);
    // → on an open branch goes into it, ← on a sub-topic goes to its parent.
    run(&mut s, [Action::Unfold]);
    assert_eq!(s.topics.current(), s.lib.children(missions).first().copied());
    run(&mut s, [Action::Fold]);
    assert_eq!(s.topics.current(), Some(missions));
    // A link to a topic inside a folded branch unfolds it.
    run(&mut s, [Action::Fold]);
    let banking = topic(&s, "mission-banking");
    run(&mut s, [Action::Show(View::Rounds)]);
    filter_with(&mut s, "topic:mission-banking");
    let row = s.detail.rows.iter().position(|r| r.link == Some(crate::tui::content::Link::Topic(banking)));
    s.focus = crate::tui::state::Focus::Detail;
    s.detail.cursor = row.expect("the round links its topic");
    run(&mut s, [Action::Follow]);
    assert_eq!((s.view, s.topics.current()), (View::Topics, Some(banking)));
    // In the rounds list ← and → do nothing.
    run(&mut s, [Action::Show(View::Rounds)]);
    let before = s.rounds.selected;
    run(&mut s, [Action::Fold, Action::Unfold]);
    assert_eq!((s.view, s.rounds.selected), (View::Rounds, before));
}
