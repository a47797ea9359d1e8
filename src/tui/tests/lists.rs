//! The lists as a user reads them: every row of the rounds list tells its round apart.

use super::screens::draw;
use super::*;
use crate::tui::ui::list::round_title_start;
use unicode_segmentation::UnicodeSegmentation;

/// The title column of each visible row of the rounds list, as drawn.
fn visible_titles(s: &State) -> Vec<String> {
    let buffer = draw(s);
    let inner = s.layout.list_inner;
    let pane = &s.rounds;
    let end = (pane.offset + usize::from(inner.height)).min(pane.items.len());
    let rounds = &s.lib.data().rounds;
    let date_w = pane.items[pane.offset..end].iter().map(|&r| rounds[r].date_label().len() + 1).max();
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
    // The short title (`Diplomatic missions, round 2 (Istanbul)`), cut so that the round's
    // number shows beside the next round's (`round 3 (Moscow, cancelled)`).
    let shown = &visible_titles(&s)[0];
    assert!(shown.starts_with("Diplomat") && shown.contains("round 2 (Istanbul)"), "{shown}");
}
