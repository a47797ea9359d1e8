//! Whole-screen snapshots on TestBackend at 100×30 and 60×20 (the analyst's views, the
//! timeline and the comparison, at 80×24 and 120×35), and style checks on cells (text
//! snapshots do not show styles).

use super::*;
use crate::tui::action::View;
use crate::tui::state::Overlay;
use crate::tui::ui::render;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

const SIZES: [(u16, u16); 2] = [(100, 30), (60, 20)];
/// The sizes the timeline and the comparison are snapshotted at.
const ANALYST_SIZES: [(u16, u16); 2] = [(80, 24), (120, 35)];

pub(super) fn draw(state: &State) -> Buffer {
    let (w, h) = (state.layout.area.width, state.layout.area.height);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| render(state, f)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The whole screen of a state, as text.
pub(super) fn screen_text(state: &State) -> String {
    text(&draw(state))
}

fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Snapshots the screen after `setup` at both sizes.
fn snapshot(name: &str, setup: impl Fn(&mut State)) {
    snapshot_at(&SIZES, name, setup);
}

fn snapshot_at(sizes: &[(u16, u16)], name: &str, setup: impl Fn(&mut State)) {
    for &(w, h) in sizes {
        let mut s = state(w, h);
        setup(&mut s);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), text(&draw(&s)));
    }
}

fn open_round(s: &mut State, id: &str) {
    run(s, [Action::OpenFilter].into_iter().chain(typed(&format!("id:{id}"))).chain([Action::Confirm]));
    run(s, [Action::ClearFilter]);
}

#[test]
fn start_screen() {
    snapshot("start", |_| {});
}

#[test]
fn filtered_list() {
    snapshot("filtered_istanbul", |s| {
        run(s, [Action::OpenFilter].into_iter().chain(typed("venue:istanbul")).chain([Action::Confirm]));
    });
}

#[test]
fn round_detail_focused_and_scrolled() {
    snapshot("round_2025_04_10", |s| {
        open_round(s, "2025-04-10");
        // The cursor starts on the first link on screen (if any); a page and a half take it
        // below the first screen at both sizes.
        run(s, [Action::FocusNext, Action::PageDown, Action::HalfPageDown]);
        assert!(s.detail.scroll > 0, "the detail scrolled");
    });
}

#[test]
fn person_page() {
    snapshot("person_darchiev", |s| {
        open_round(s, "2025-02-27");
        cursor_to(s, "Darchiev");
        run(s, [Action::Follow]);
    });
}

#[test]
fn topic_thread() {
    snapshot("topic_direct_flights", |s| {
        open_round(s, "2025-04-10");
        cursor_to(s, "Direct");
        run(s, [Action::Follow]);
    });
}

#[test]
fn trilateral_round_detail() {
    // The top of the detail: the date with the round's sources, and the links to the first
    // round, to the postponed one this round replaces and to the round that followed.
    snapshot("round_2026_02_04_trilateral", |s| {
        open_round(s, "2026-02-04-abu-dhabi");
        run(s, [Action::FocusNext]);
    });
    // Further down: Russia's and Ukraine's delegations, then the UAE as host with the
    // minister who acted for it.
    snapshot("round_2026_02_04_trilateral_delegations", |s| {
        open_round(s, "2026-02-04-abu-dhabi");
        cursor_to(s, "Abdullah bin Zayed");
    });
    // The three delegations at the table, in the order of the file, then the host (as the
    // exported brief lists them, so both number the sources alike).
    let mut s = state(100, 30);
    open_round(&mut s, "2026-02-04-abu-dhabi");
    let rows: Vec<String> = s.detail.rows.iter().map(|r| r.plain()).collect();
    let at = |text: &str| rows.iter().position(|r| r == text).unwrap_or_else(|| panic!("no row {text:?}"));
    let host = rows.iter().position(|r| r.starts_with("United Arab Emirates · Host")).expect("the host");
    let heading = at("Delegations");
    assert!(heading < at("United States"), "{rows:#?}");
    assert!(at("United States") < at("Russia") && at("Russia") < at("Ukraine"), "{rows:#?}");
    assert!(at("Ukraine") < host, "{rows:#?}");
}

#[test]
fn postponed_round_with_its_link() {
    // The round planned for 1 February, replaced by the one held on 4–5 February.
    snapshot("round_2026_02_01_postponed", |s| {
        open_round(s, "2026-02-01-abu-dhabi-postponed");
        cursor_to(s, "Replaced by");
    });
}

#[test]
fn milestones_view() {
    snapshot("milestones", |s| {
        run(s, [Action::Show(View::Milestones)]);
    });
}

#[test]
fn timeline_view() {
    // The whole process at a week (80 columns: two weeks) a column, the first round selected.
    snapshot_at(&ANALYST_SIZES, "timeline", |s| {
        run(s, [Action::Show(View::Timeline)]);
    });
    // Witkoff's trail: his rounds only, on the lanes he travelled; the third selected.
    snapshot_at(&ANALYST_SIZES, "timeline_witkoff", |s| {
        run(s, [Action::OpenFilter].into_iter().chain(typed("person:witkoff")).chain([Action::Confirm]));
        run(s, [Action::Show(View::Timeline), Action::Later, Action::Later]);
    });
    // December 2025 at two days a column: the Miami and Berlin rounds drawn over their
    // days, the window scrolled to them.
    snapshot_at(&ANALYST_SIZES, "timeline_zoomed_december", |s| {
        open_round(s, "2025-12-04-miami");
        run(s, [Action::Show(View::Timeline), Action::ZoomIn, Action::ZoomIn]);
        run(s, std::iter::repeat_n(Action::ZoomIn, 4));
        run(s, [Action::ZoomOut]);
    });
    // The milestones lane, its first milestone selected and summarised.
    snapshot_at(&ANALYST_SIZES, "timeline_milestone", |s| {
        run(s, [Action::Show(View::Timeline)]);
        run(s, std::iter::repeat_n(Action::Down, 12));
    });
}

#[test]
fn the_timeline_colours_marks_by_status_and_reverses_the_selection() {
    let mut s = state(120, 35);
    open_round(&mut s, "2025-10-budapest-summit");
    run(&mut s, [Action::Show(View::Timeline)]);
    let buffer = draw(&s);
    let cells: Vec<(u16, u16)> = (0..120).flat_map(|x| (0..35).map(move |y| (x, y))).collect();
    let find = |symbol: &str| {
        cells.iter().copied().filter(|&(x, y)| buffer[(x, y)].symbol() == symbol).collect::<Vec<_>>()
    };
    // The cancelled Budapest summit is selected: reversed; the other cancelled marks red.
    let crosses = find("✗");
    assert!(crosses.len() >= 2, "{crosses:?}");
    assert!(crosses.iter().any(|&p| buffer[p].modifier.contains(Modifier::REVERSED)));
    assert!(crosses.iter().any(|&p| buffer[p].fg == Color::Red));
    assert!(find("◆").iter().all(|&p| buffer[p].fg == Color::Green), "held calls are green");
    assert!(find("○").iter().all(|&p| buffer[p].fg == Color::Yellow), "planned meetings are yellow");
}

#[test]
fn comparison_of_two_rounds() {
    // The two Istanbul consultations: the dates, venues and durations differ, Darchiev
    // changed post, the rest is the same.
    snapshot_at(&ANALYST_SIZES, "compare_istanbul", |s| {
        open_round(s, "2025-02-27-istanbul");
        run(s, [Action::Mark]);
        open_round(s, "2025-04-10-istanbul");
        run(s, [Action::Compare]);
    });
    // The first and second trilateral rounds (three delegations each), the cursor down in
    // the delegations.
    snapshot_at(&ANALYST_SIZES, "compare_trilateral_delegations", |s| {
        open_round(s, "2026-01-23-abu-dhabi-trilateral");
        run(s, [Action::Mark]);
        open_round(s, "2026-02-04-abu-dhabi");
        run(s, [Action::Compare]);
        let Overlay::Compare(v) = &s.overlay else { panic!("the comparison is open") };
        let at = v.rows.iter().position(|r| r.label == "Delegations").expect("the delegations");
        run(s, std::iter::repeat_n(Action::Down, at + 12));
    });
    // The marked round is named in the bar until it is used.
    let mut s = state(100, 30);
    open_round(&mut s, "2025-02-27-istanbul");
    run(&mut s, [Action::Mark, Action::Down]);
    assert!(text(&draw(&s)).contains("marked 2025-02-27-istanbul: select another round and press c"));
}

#[test]
fn the_command_lines_and_the_export_of_the_list() {
    // `:` on the Istanbul rounds, latest first.
    snapshot_at(&ANALYST_SIZES, "commands_istanbul", |s| {
        run(s, [Action::OpenFilter].into_iter().chain(typed("venue:istanbul")).chain([Action::Confirm]));
        run(s, [Action::CycleSort, Action::ShowCommands]);
    });
    // `E`: the same dialog, for the eight rounds.
    snapshot_at(&ANALYST_SIZES, "export_list_istanbul", |s| {
        run(s, [Action::OpenFilter].into_iter().chain(typed("venue:istanbul")).chain([Action::Confirm]));
        run(s, [Action::OpenExportAll]);
    });
}

#[test]
fn help_overlay() {
    snapshot("help", |s| {
        run(s, [Action::ToggleHelp]);
    });
    // Scrolled to the timeline's keys and the legend of its marks.
    snapshot_at(&ANALYST_SIZES[1..], "help_timeline", |s| {
        let at = crate::tui::keyhelp::help_rows(crate::tui::keyhelp::help_width(120))
            .iter()
            .position(|l| *l == crate::tui::keyhelp::HelpLine::Heading("Timeline"))
            .unwrap_or(0);
        run(s, [Action::ToggleHelp]);
        run(s, std::iter::repeat_n(Action::Down, at));
    });
}

#[test]
fn export_dialog() {
    snapshot("export_dialog", |s| {
        open_round(s, "2025-04-10");
        run(s, [Action::OpenExport, Action::Down]);
    });
}

#[test]
fn empty_filter_result() {
    snapshot("empty_filter", |s| {
        run(s, [Action::OpenFilter].into_iter().chain(typed("venue:reykjavik")).chain([Action::Confirm]));
    });
}

#[test]
fn too_small_terminal() {
    let mut s = state(59, 14);
    insta::assert_snapshot!("too_small_59x14", text(&draw(&s)));
    for (w, h) in [(1, 1), (0, 0), (10, 3), (60, 14), (59, 15), (2, 40)] {
        run(&mut s, [Action::Resize(w, h)]);
        let screen = text(&draw(&s));
        if w >= 30 && h > 0 {
            assert!(screen.contains("terminal too small (need 60×15)"), "{w}×{h}:\n{screen}");
        }
    }
}

#[test]
fn the_selected_row_is_reversed_with_and_without_colour() {
    for colour in [true, false] {
        let s = State::new(library(), 100, 30, colour);
        let buffer = draw(&s);
        // Row 2 is the first list row (header, then the top border).
        let selected = &buffer[(3, 2)];
        assert!(selected.modifier.contains(Modifier::REVERSED), "colour={colour}");
        let other = &buffer[(3, 3)];
        assert!(!other.modifier.contains(Modifier::REVERSED));
        if !colour {
            let any_colour = (0..100).flat_map(|x| (0..30).map(move |y| (x, y))).any(|(x, y)| {
                let c = &buffer[(x, y)];
                c.fg != Color::Reset || c.bg != Color::Reset
            });
            assert!(!any_colour, "NO_COLOR draws no colour");
        }
    }
}

#[test]
fn hostile_text_never_reaches_the_screen() {
    let mut data = library().data().clone();
    data.title = "evil \u{1b}]0;pwned\u{7} title".into();
    data.rounds.to_mut()[0].title = "bidi \u{202e}txet\u{1b}[2J".into();
    let lib = Arc::new(crate::dataset::open_dataset(data).expect("still valid").0);
    // Wide enough for the header to show the dataset's title beside the views and counts.
    let s = State::new(lib, 140, 30, true);
    let screen = text(&draw(&s));
    assert!(!screen.contains('\u{1b}') && !screen.contains('\u{7}') && !screen.contains('\u{202e}'));
    assert!(screen.contains("evil"));
}

#[test]
fn at_80_columns_the_footer_keeps_help_filter_and_export() {
    // Once the footer filled up with movement keys and cut `/ filter` and `e export`.
    let s = state(80, 24);
    let screen = text(&draw(&s));
    let footer = screen.lines().last().unwrap_or_default();
    for keys in ["? help", "/ filter", "e export", "q quit"] {
        assert!(footer.contains(keys), "{keys} missing from {footer:?}");
    }
}

#[test]
fn help_wraps_its_lines_at_60_columns_instead_of_cutting_them() {
    use crate::tui::keyhelp::{help_lines, help_rows, help_width, HelpLine, HELP_KEY_COLUMNS};
    let width = help_width(60);
    let rows = help_rows(width);
    let mut whole = Vec::new();
    for row in &rows {
        match row {
            HelpLine::Key(keys, text) if keys.is_empty() => {
                let last: &mut String = whole.last_mut().expect("a continuation follows a key");
                last.push(' ');
                last.push_str(text);
            }
            HelpLine::Key(_, text) => whole.push(text.clone()),
            _ => {}
        }
    }
    let descriptions: Vec<String> = help_lines()
        .into_iter()
        .filter_map(|l| if let HelpLine::Key(_, t) = l { Some(t) } else { None })
        .collect();
    assert_eq!(whole, descriptions, "every description is there, whole");
    assert!(rows.len() > help_lines().len(), "some lines are too long for 60 columns");
    // Drawn: nothing is cut with `…`, and a continuation sits under its description.
    let mut s = state(60, 20);
    run(&mut s, [Action::ToggleHelp]);
    for _ in 0..rows.len() {
        let screen = screen_text(&s);
        let help = screen.lines().filter(|l| l.starts_with('│'));
        let cut = |l: &str| l.trim_end_matches('│').trim_end().ends_with('…');
        assert!(help.clone().count() > 10 && !help.clone().any(cut), "{screen}");
        run(&mut s, [Action::Down]);
    }
    let screen = screen_text(&s);
    assert!(screen.contains("selects."), "scrolled to the end, the last note shows:\n{screen}");
    let continuation = " ".repeat(HELP_KEY_COLUMNS + 3);
    assert!(screen_text(&s).lines().all(|l| !l.starts_with(&format!("{continuation}—"))));
}

#[test]
fn help_explains_the_marks_the_fields_and_the_dates() {
    let lines: Vec<String> = crate::tui::keyhelp::help_lines()
        .into_iter()
        .filter_map(|l| match l {
            crate::tui::keyhelp::HelpLine::Note(n) => Some(n.to_string()),
            _ => None,
        })
        .collect();
    let notes = lines.join("\n");
    for needle in [
        "✗ cancelled",
        "» postponed",
        "○ planned",
        "★ head",
        "▸ agenda item",
        "▾ sub-topics shown",
        "▸ folded",
        "mediator",
        "date:2025-02..2025-04",
    ] {
        assert!(notes.contains(needle), "help lacks {needle}");
    }
}

#[test]
fn help_pages_with_page_keys_and_goes_to_its_ends() {
    use crate::tui::keyhelp::{help_rows, help_width};
    use crate::tui::keymap::{lookup, Context};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let scroll = |s: &State| match s.overlay {
        crate::tui::state::Overlay::Help { scroll } => scroll,
        _ => panic!("help is open"),
    };
    let key = |code| lookup(Context::Help, KeyEvent::new(code, KeyModifiers::NONE)).expect("bound in help");
    let mut s = state(80, 24);
    run(&mut s, [Action::ToggleHelp]);
    let last = help_rows(help_width(80)).len();
    run(&mut s, [key(KeyCode::PageDown)]);
    assert_eq!(scroll(&s), 20, "a page is the box's height");
    run(&mut s, [key(KeyCode::PageDown), key(KeyCode::PageUp)]);
    assert_eq!(scroll(&s), 20);
    run(&mut s, [key(KeyCode::End)]);
    assert_eq!(scroll(&s), last);
    run(&mut s, [key(KeyCode::PageDown)]);
    assert_eq!(scroll(&s), last, "never past the end");
    run(&mut s, [key(KeyCode::Char('g'))]);
    assert_eq!(scroll(&s), 0);
}
