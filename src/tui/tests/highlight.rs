//! The filter's matches highlighted in the rounds list and the detail pane: which words,
//! in which style, at 80×24 and 120×35.

use super::screens::draw;
use super::*;
use crate::tui::action::View;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn filter(s: &mut State, text: &str) {
    run(s, [Action::OpenFilter].into_iter().chain(typed(text)).chain([Action::Confirm]));
}

fn is_match(buffer: &Buffer, x: u16, y: u16) -> bool {
    buffer[(x, y)].bg == Color::Yellow
}

/// The screen's text, then every row with matches, each match in ⟦ ⟧: the styles a
/// text snapshot would not show.
fn marked_screen(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut screen = String::new();
    let mut marked = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut with = String::new();
        let mut inside = false;
        for x in 0..area.width {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            let hit = is_match(buffer, x, y);
            if hit != inside {
                with.push(if hit { '⟦' } else { '⟧' });
                inside = hit;
            }
            with.push_str(symbol);
        }
        if inside {
            with.push('⟧');
        }
        screen.push_str(line.trim_end());
        screen.push('\n');
        if with.contains('⟦') {
            marked.push_str(&format!("{y:>2} {}\n", with.trim_end()));
        }
    }
    format!("{screen}--- filter matches (black on yellow) in ⟦ ⟧ ---\n{marked}")
}

#[test]
fn matches_of_a_free_word_are_highlighted_in_the_list_and_the_detail() {
    for (w, h) in [(80, 24), (120, 35)] {
        let mut s = state(w, h);
        filter(&mut s, "istanbul");
        run(&mut s, [Action::Down, Action::Down]);
        let buffer = draw(&s);
        insta::assert_snapshot!(format!("highlight_istanbul_{w}x{h}"), marked_screen(&buffer));
    }
}

#[test]
fn the_match_style_is_black_on_yellow_and_reverse_video_without_colour() {
    let mut s = state(100, 30);
    filter(&mut s, "venue:istanbul");
    let buffer = draw(&s);
    let l = s.layout;
    let row = l.list_inner.y;
    let text: String = (l.list_inner.x..l.list_inner.right()).map(|x| buffer[(x, row)].symbol()).collect();
    let at = text.find("Istanbul").expect("the first round is in Istanbul");
    let x = l.list_inner.x + u16::try_from(text[..at].chars().count()).unwrap();
    let cell = &buffer[(x, row)];
    assert_eq!((cell.fg, cell.bg), (Color::Black, Color::Yellow), "{text}");
    let after = &buffer[(x + 8, row)];
    assert_ne!(after.bg, Color::Yellow, "only the word: {text}");
    // The same without colour.
    s.color = false;
    let buffer = draw(&s);
    assert!(buffer[(x, row)].modifier.contains(Modifier::REVERSED | Modifier::UNDERLINED));
}

#[test]
fn the_highlight_follows_the_filter_live_and_leaves_with_it() {
    let mut s = state(100, 30);
    run(&mut s, [Action::OpenFilter].into_iter().chain(typed("medinsky")));
    assert!(!s.filter.highlight.ranges("Vladimir Medinsky").is_empty(), "while typing");
    run(&mut s, typed(" -"));
    // `medinsky -` does not parse: the last valid query and its highlight stay.
    assert!(s.filter.error.is_some());
    assert!(!s.filter.highlight.ranges("Vladimir Medinsky").is_empty());
    run(&mut s, [Action::Cancel, Action::ClearFilter]);
    assert!(s.filter.highlight.is_empty());
    // Negated terms are not highlighted: what they name is not in the rounds shown.
    filter(&mut s, "-istanbul");
    assert!(s.filter.highlight.is_empty());
}

#[test]
fn people_and_topics_are_not_highlighted_but_milestones_are() {
    let mut s = state(100, 30);
    filter(&mut s, "exchange");
    run(&mut s, [Action::Show(View::Milestones)]);
    let buffer = draw(&s);
    let l = s.layout;
    let any = |area: ratatui::layout::Rect| {
        (area.y..area.bottom()).any(|y| (area.x..area.right()).any(|x| is_match(&buffer, x, y)))
    };
    assert!(any(l.list_inner), "the milestones list shows the matches");
    run(&mut s, [Action::Show(View::People)]);
    let buffer = draw(&s);
    let any = |area: ratatui::layout::Rect| {
        (area.y..area.bottom()).any(|y| (area.x..area.right()).any(|x| is_match(&buffer, x, y)))
    };
    assert!(!any(l.list_inner) && !any(l.detail_inner), "the filter does not apply to people");
}
