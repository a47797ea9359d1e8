//! The timeline view through actions: lanes, moving in time and between lanes, zoom,
//! opening a round through the history, the filter, and the selection shared with the list.

use super::*;
use crate::timeline::{LaneKind, ZOOMS};
use crate::tui::action::View;
use crate::tui::keymap::Context;
use crate::tui::state::Overlay;
use crate::tui::timeline::geometry;

fn timeline(w: u16, h: u16) -> State {
    let mut s = state(w, h);
    run(&mut s, [Action::Show(View::Timeline)]);
    s
}

/// The timeline with round `id` selected, reached as a user would: found in the list, the
/// filter cleared, then `4`.
fn timeline_at(w: u16, h: u16, id: &str) -> State {
    let mut s = state(w, h);
    filter(&mut s, &format!("id:{id}"));
    run(&mut s, [Action::ClearFilter, Action::Show(View::Timeline)]);
    s
}

/// The id of the round selected on the timeline.
fn picked(s: &State) -> Option<String> {
    s.timeline.pane.current().map(|r| s.lib.data().rounds.get(r).expect("a round").id.clone())
}

fn lane_name(s: &State) -> String {
    s.timeline.chart.label(&s.lib, s.timeline.lane).to_string()
}

fn filter(s: &mut State, text: &str) {
    run(s, [Action::OpenFilter].into_iter().chain(typed(text)).chain([Action::Confirm]));
}

#[test]
fn four_shows_the_tracks_in_dataset_order_then_the_milestones() {
    let s = timeline(100, 30);
    assert_eq!(s.view, View::Timeline);
    assert_eq!(s.context(), Context::Timeline);
    let t = &s.timeline;
    assert_eq!(t.chart.lanes.len(), s.lib.data().tracks.len() + 1);
    for (lane, track) in t.chart.lanes.iter().zip(&s.lib.data().tracks) {
        assert_eq!(
            lane.kind,
            LaneKind::Track(s.lib.data().tracks.iter().position(|t| t.id == track.id).unwrap())
        );
    }
    assert_eq!(t.chart.lanes.last().map(|l| l.kind), Some(LaneKind::Milestones));
    // The rounds list's selection carries over: the first round.
    assert_eq!(picked(&s).as_deref(), Some("2025-02-11-witkoff-moscow"));
    assert_eq!(lane_name(&s), "Russia–US ministers and envoys");
}

#[test]
fn left_and_right_step_through_the_rounds_in_time_across_lanes() {
    let mut s = timeline(100, 30);
    run(&mut s, [Action::Later]);
    assert_eq!(picked(&s).as_deref(), Some("2025-02-12-bessent-kyiv"));
    assert_eq!(lane_name(&s), "US–Ukraine talks");
    run(&mut s, [Action::Later]);
    assert_eq!(picked(&s).as_deref(), Some("2025-02-12-trump-putin-call"));
    assert_eq!(lane_name(&s), "Russia–US leaders");
    run(&mut s, [Action::Earlier, Action::Earlier, Action::Earlier]);
    assert_eq!(picked(&s).as_deref(), Some("2025-02-11-witkoff-moscow"));
    assert!(s.status.as_ref().is_some_and(|st| st.text == "the first round"));
    // t: the last round; Home: the first.
    run(&mut s, [Action::Bottom]);
    assert_eq!(picked(&s).as_deref(), Some("2026-03-11-florida-economic"));
    run(&mut s, [Action::Later]);
    assert_eq!(picked(&s).as_deref(), Some("2026-03-11-florida-economic"));
    assert!(s.status.as_ref().is_some_and(|st| st.text == "the last round"));
    run(&mut s, [Action::Top]);
    assert_eq!(s.timeline.pane.selected, 0);
}

#[test]
fn up_and_down_change_lane_to_the_mark_nearest_in_time() {
    // From the Alaska summit (leaders' lane, 15 August 2025) down to the ministers' lane:
    // the Lavrov–Rubio call of 12 August is nearest.
    let mut s = timeline_at(100, 30, "2025-08-15-alaska");
    assert_eq!(picked(&s).as_deref(), Some("2025-08-15-alaska"));
    assert_eq!(lane_name(&s), "Russia–US leaders");
    run(&mut s, [Action::Down]);
    assert_eq!(lane_name(&s), "Russia–US ministers and envoys");
    assert_eq!(picked(&s).as_deref(), Some("2025-08-12-lavrov-rubio-call"));
    run(&mut s, [Action::Up, Action::Up]);
    assert_eq!(lane_name(&s), "Russia–US leaders", "the top lane stops");
    assert!(s.status.as_ref().is_some_and(|st| st.text == "the top lane"));
    // Down to the bottom: the milestones lane, where ←/→ step through the milestones.
    run(&mut s, std::iter::repeat_n(Action::Down, 20));
    assert!(s.timeline.on_milestones());
    let milestone = |s: &State| {
        let t = &s.timeline;
        let m = t.chart.lanes[t.lane].marks[t.milestone].item;
        s.lib.data().milestones[m].id.clone()
    };
    let first = milestone(&s);
    run(&mut s, [Action::Later]);
    assert_ne!(milestone(&s), first);
    run(&mut s, [Action::Earlier]);
    assert_eq!(milestone(&s), first);
    // Enter opens it in the Milestones view; Back returns to the timeline.
    run(&mut s, [Action::Follow]);
    assert_eq!(s.view, View::Milestones);
    let shown = s.milestones.current().map(|m| s.lib.data().milestones[m].id.clone());
    assert_eq!(shown, Some(first));
    run(&mut s, [Action::Back]);
    assert_eq!(s.view, View::Timeline);
}

#[test]
fn enter_opens_the_round_in_the_rounds_view_and_back_returns() {
    let mut s = timeline(100, 30);
    run(&mut s, [Action::Later, Action::Later]);
    run(&mut s, [Action::Follow]);
    assert_eq!(s.view, View::Rounds);
    assert_eq!(selected_round(&s).as_deref(), Some("2025-02-12-trump-putin-call"));
    assert!(s.detail.rows.iter().any(|r| r.plain().contains("Trump–Putin phone call")));
    run(&mut s, [Action::Back]);
    assert_eq!(s.view, View::Timeline);
    assert_eq!(picked(&s).as_deref(), Some("2025-02-12-trump-putin-call"));
    assert_eq!(lane_name(&s), "Russia–US leaders");
    run(&mut s, [Action::Forward]);
    assert_eq!(s.view, View::Rounds);
}

#[test]
fn the_list_and_the_timeline_share_the_selected_round() {
    let mut s = timeline_at(100, 30, "2025-04-10");
    assert_eq!(picked(&s).as_deref(), Some("2025-04-10-istanbul"));
    assert_eq!(lane_name(&s), "Embassy normalisation");
    run(&mut s, [Action::Later, Action::Show(View::Rounds)]);
    assert_eq!(selected_round(&s), picked(&s));
}

#[test]
fn the_filter_applies_person_witkoff_shows_his_trail() {
    let mut s = timeline(100, 30);
    filter(&mut s, "person:witkoff");
    assert_eq!(s.view, View::Timeline, "filtering keeps the timeline on screen");
    let t = &s.timeline;
    assert_eq!(t.pane.items.len(), s.rounds.items.len());
    let attended = |r: usize| {
        s.lib.data().rounds.get(r).is_some_and(|x| x.participants().any(|m| m.person == "witkoff"))
    };
    assert!(t.pane.items.iter().all(|&r| attended(r)));
    let lanes: Vec<String> = (0..t.chart.lanes.len()).map(|l| t.chart.label(&s.lib, l).to_string()).collect();
    assert!(!lanes.iter().any(|l| l == "Embassy normalisation"), "{lanes:?}");
    // His first round stays selected; clearing the filter keeps it.
    assert_eq!(picked(&s).as_deref(), Some("2025-02-11-witkoff-moscow"));
    run(&mut s, [Action::Later, Action::Later]);
    let chosen = picked(&s);
    run(&mut s, [Action::ClearFilter]);
    assert_eq!(picked(&s), chosen);
    // A filter that leaves nothing: no lanes, Enter says why.
    filter(&mut s, "venue:reykjavik");
    assert!(s.timeline.chart.lanes.is_empty());
    run(&mut s, [Action::Later, Action::Down, Action::ZoomIn, Action::Follow]);
    assert_eq!(s.view, View::Timeline);
    assert!(s.status.as_ref().is_some_and(|st| st.text.contains("x clears")));
}

#[test]
fn zooming_steps_through_the_zooms_and_keeps_the_selection_on_screen() {
    let mut s = timeline(100, 30);
    let width =
        |s: &State| geometry(&s.layout, s.timeline.chart.lanes.len(), s.timeline.label_width).plot.width;
    let fitted = s.timeline.scale(width(&s)).zoom;
    assert_eq!(
        fitted,
        crate::timeline::Zoom::Days(7),
        "a week a column fits the whole process in 100 columns"
    );
    run(&mut s, [Action::ZoomIn, Action::ZoomIn, Action::ZoomIn]);
    assert_eq!(s.timeline.scale(width(&s)).zoom, ZOOMS[0]);
    run(&mut s, [Action::ZoomIn]);
    assert!(s.status.as_ref().is_some_and(|st| st.text.contains("already the finest zoom")));
    // A day a column: moving to the last round scrolls the window to it.
    run(&mut s, [Action::Bottom]);
    let t = &s.timeline;
    let scale = t.scale(width(&s));
    let column = scale.column(t.selected_day().unwrap());
    assert!(column >= t.first && column < t.first + i64::from(width(&s)), "{column} in {}+", t.first);
    assert!(t.first > 0);
    // The selection stays where it was on screen across a zoom.
    run(&mut s, [Action::Top, Action::Later, Action::Later, Action::Later, Action::Later]);
    let before = s.timeline.scale(width(&s)).column(s.timeline.selected_day().unwrap()) - s.timeline.first;
    run(&mut s, [Action::ZoomOut]);
    let after = s.timeline.scale(width(&s)).column(s.timeline.selected_day().unwrap()) - s.timeline.first;
    assert!((before - after).abs() <= 6, "{before} → {after}");
    run(&mut s, [Action::ZoomFit]);
    assert_eq!(s.timeline.zoom, None);
    // Zooming out stops at the zoom that fits everything: coarser would pile marks up.
    run(&mut s, std::iter::repeat_n(Action::ZoomOut, 10));
    let fit = s.timeline.chart.fit(usize::from(width(&s))).zoom;
    assert_eq!(s.timeline.scale(width(&s)).zoom, fit);
    assert!(s
        .status
        .as_ref()
        .is_some_and(|st| st.text == format!("already the whole timeline, at {} a column", fit.label())));
}

#[test]
fn zooming_out_never_reaches_rows_of_plus_signs() {
    for (w, h) in [(80, 24), (120, 35)] {
        let mut s = timeline(w, h);
        run(&mut s, std::iter::repeat_n(Action::ZoomOut, 10));
        let screen = super::screens::screen_text(&s);
        let t = &s.timeline;
        let chart = crate::tui::timeline::geometry(&s.layout, t.chart.lanes.len(), t.label_width).chart;
        let lines = screen.lines().skip(usize::from(chart.y)).take(usize::from(chart.height));
        let chart: String = lines.collect::<Vec<_>>().join("\n");
        assert!(!chart.contains('+'), "{screen}");
    }
}

#[test]
fn at_80_columns_every_lane_label_is_whole() {
    let s = timeline(80, 24);
    let screen = super::screens::screen_text(&s);
    for lane in 0..s.timeline.chart.lanes.len() {
        let label = s.timeline.chart.label(&s.lib, lane);
        assert!(screen.contains(&format!("│{label} ")), "{label}:\n{screen}");
    }
}

#[test]
fn page_keys_jump_a_screen_of_time() {
    let mut s = timeline(100, 30);
    run(&mut s, [Action::ZoomIn, Action::ZoomIn, Action::ZoomIn]);
    let day = |s: &State| s.timeline.selected_day().unwrap();
    let before = day(&s);
    run(&mut s, [Action::PageDown]);
    assert!(day(&s) - before >= 60, "a screen of days later: {}", day(&s) - before);
    run(&mut s, [Action::PageUp]);
    assert!(day(&s) - before < 30);
}

#[test]
fn export_and_clicks_work_on_the_timeline_selection() {
    let mut s = timeline(100, 30);
    run(&mut s, [Action::Later, Action::OpenExport]);
    let Overlay::Export(d) = &s.overlay else { panic!("the export dialog opens") };
    assert_eq!(d.path, "2025-02-12-bessent-kyiv.md");
    run(&mut s, [Action::Cancel]);
    // A click on a lane's label moves to that lane; on the plot, to the mark clicked.
    let g = geometry(&s.layout, s.timeline.chart.lanes.len(), s.timeline.label_width);
    run(&mut s, [Action::Click { column: g.labels.x, row: g.plot.y }]);
    assert_eq!(lane_name(&s), "Russia–US leaders");
    let t = &s.timeline;
    let scale = t.scale(g.plot.width);
    let alaska = t.chart.find(&s.lib, s.lib.round_position("2025-08-15-alaska").unwrap()).unwrap();
    let x = scale.column(t.chart.starts[alaska]) - t.first;
    run(&mut s, [Action::Click { column: g.plot.x + x as u16, row: g.plot.y }]);
    assert_eq!(picked(&s).as_deref(), Some("2025-08-15-alaska"));
}

#[test]
fn resizing_keeps_the_timeline_consistent() {
    let mut s = timeline(100, 30);
    run(&mut s, [Action::Bottom, Action::ZoomIn, Action::ZoomIn]);
    for (w, h) in [(60, 15), (1, 1), (59, 14), (300, 80), (80, 24), (0, 0), (120, 35)] {
        run(&mut s, [Action::Resize(w, h), Action::Earlier, Action::Down, Action::Up]);
        let g = geometry(&s.layout, s.timeline.chart.lanes.len(), s.timeline.label_width);
        let t = &s.timeline;
        assert!(t.lane >= t.top && (t.lane < t.top + g.lanes_shown().max(1)), "{w}×{h}");
    }
}

#[test]
fn a_run_of_lane_changes_keeps_to_the_day_it_started_from() {
    // From the first round down through every lane: the trilateral lane's nearest round is
    // in 2026, but the milestones lane is searched from February 2025 again.
    let mut s = timeline(100, 30);
    let start = s.timeline.selected_day().unwrap();
    run(&mut s, std::iter::repeat_n(Action::Down, 12));
    assert!(s.timeline.on_milestones());
    let t = &s.timeline;
    let milestones = &t.chart.lanes[t.lane];
    assert_eq!(Some(t.milestone), milestones.nearest(start));
    assert_eq!(t.milestone, 0, "the first milestone, not one of 2026");
    // A move in time ends the run.
    run(&mut s, [Action::Later, Action::Up]);
    assert!(s.timeline.anchor.is_some());
    run(&mut s, [Action::Earlier]);
    assert_eq!(s.timeline.anchor, None);
}
