//! The layout of the query fixture (rounds in three tracks, a two-day round, a cancelled
//! round dated by a month, loosely) and of the shipped dataset.

use super::*;
use crate::dataset::Library;
use crate::query::{self, Query, Sort};

fn lib() -> Library {
    crate::query::fixture::library()
}

fn build(lib: &Library, text: &str) -> Timeline {
    let q = Query::parse(text).unwrap();
    Timeline::build(lib, &query::filter(lib, &q, Sort::Title), &query::filter_milestones(lib, &q))
}

fn ids(lib: &Library, rounds: &[usize]) -> Vec<String> {
    rounds.iter().map(|&r| lib.data().rounds.get(r).expect("a round").id.clone()).collect()
}

fn day(s: &str) -> Day {
    day_of(s.parse().unwrap())
}

/// A lane's columns as `talks timeline` prints them.
fn row(t: &Timeline, lane: usize, scale: &Scale, first: i64, width: usize) -> String {
    let l = &t.lanes[lane];
    l.cells(scale, first, width).into_iter().map(|c| c.char(l)).collect()
}

#[test]
fn one_lane_per_track_with_rounds_in_dataset_order_and_rounds_in_time_order() {
    let lib = lib();
    let t = build(&lib, "");
    let labels: Vec<&str> = (0..t.lanes.len()).map(|l| t.label(&lib, l)).collect();
    assert_eq!(labels, ["Bilateral irritants", "Leaders' track", "Ukraine settlement"]);
    assert_eq!(
        ids(&lib, &t.order),
        [
            "2025-02-18-riyadh",
            "2025-02-27-istanbul",
            "2025-03-18-call",
            "2025-03-24-riyadh",
            "2025-04-10-istanbul",
            "2025-06-istanbul"
        ]
    );
    assert_eq!(t.lane_of, [2, 0, 1, 2, 0, 0]);
    for (lane, l) in t.lanes.iter().enumerate() {
        assert!(l.marks.windows(2).all(|w| w[0].start <= w[1].start));
        for m in &l.marks {
            assert_eq!(t.order[m.at], m.item);
            assert_eq!(t.lane_of[m.at], lane);
        }
    }
}

#[test]
fn the_filter_leaves_only_the_lanes_it_keeps() {
    let lib = lib();
    let t = build(&lib, "person:putin");
    assert_eq!(t.lanes.len(), 1);
    assert_eq!(t.label(&lib, 0), "Leaders' track");
    assert_eq!(ids(&lib, &t.order), ["2025-03-18-call"]);
    assert_eq!(build(&lib, "zzz"), Timeline::default());
}

#[test]
fn marks_say_status_and_format_and_dates_by_month_are_spans() {
    let lib = lib();
    let t = build(&lib, "");
    let scale = t.scale(Zoom::Days(7));
    // Week columns from the week of 17 February 2025 (column 0).
    assert_eq!(scale.start(0), day("2025-02-17"));
    let weeks = 24;
    // The bilateral track: 27 February and 10 April held, then "around June", cancelled:
    // the ~ before it, its mark in the week of 26 May (June starts on a Sunday), its span
    // over the rest of the month, to the week of 30 June.
    let bilateral = row(&t, 0, &scale, 0, weeks);
    assert_eq!(bilateral, " ●     ●     ~✗~~~~~    ", "{bilateral:?}");
    // The leaders' call on 18 March.
    assert_eq!(row(&t, 1, &scale, 0, weeks).trim_end(), "    ◆");
    // 18 February, and the technical round of 24–25 March (within one week, so no span).
    assert_eq!(row(&t, 2, &scale, 0, weeks).trim_end(), "●    ●");
    // At a day per column the two-day round is drawn over both days.
    let days = t.scale(Zoom::Days(1));
    let c = days.column(day("2025-03-24"));
    assert_eq!(row(&t, 2, &days, c - 1, 4), " ●─ ");
}

#[test]
fn marks_in_one_column_show_their_count() {
    let lib = lib();
    let t = build(&lib, "");
    let quarters = t.scale(Zoom::Months(3));
    // Q1 2025 holds the Riyadh meeting and the technical round; Q2 none on that lane.
    assert_eq!(row(&t, 2, &quarters, 0, 2), "2 ");
    let cells = t.lanes[2].cells(&quarters, 0, 2);
    assert_eq!(cells[0], Cell::Marks { first: 0, count: 2 });
    assert!(cells[0].holds(1) && !cells[0].holds(2));
    // Beyond nine, a plus.
    let lane = Lane {
        kind: LaneKind::Unknown,
        marks: (0..12)
            .map(|i| Mark {
                start: day("2025-01-01") + i,
                end: day("2025-01-01") + i,
                approximate: false,
                symbol: Symbol::milestone(),
                item: i as usize,
                at: i as usize,
            })
            .collect(),
        stretched: Vec::new(),
        longest: 0,
    };
    let year = Scale::new(Zoom::Months(12), day("2025-01-01"));
    assert_eq!(lane.cells(&year, 0, 1)[0].char(&lane), '+');
}

#[test]
fn the_fit_is_the_finest_zoom_that_shows_everything() {
    let lib = lib();
    let t = build(&lib, "");
    // 18 February to 30 June 2025: 133 days.
    assert_eq!(t.fit(200).zoom, Zoom::Days(1));
    assert_eq!(t.fit(100).zoom, Zoom::Days(2));
    assert_eq!(t.fit(20).zoom, Zoom::Days(7));
    assert_eq!(t.fit(2).zoom, Zoom::Months(3));
    assert_eq!(t.fit(0).zoom, Zoom::Months(12), "nothing fits: the coarsest");
}

#[test]
fn nearest_and_find() {
    let lib = lib();
    let t = build(&lib, "");
    let at = t.nearest(day("2025-03-20")).unwrap();
    assert_eq!(ids(&lib, &t.order[at..=at]), ["2025-03-18-call"]);
    for (at, &r) in t.order.iter().enumerate() {
        assert_eq!(t.find(&lib, r), Some(at));
    }
    let riyadh = t.lanes[2].nearest(day("2025-03-01")).unwrap();
    assert_eq!(t.lanes[2].marks[riyadh].start, day("2025-02-18"));
}

#[test]
fn the_shipped_dataset_has_nine_lanes_and_the_milestones() {
    let (lib, _) = crate::dataset::open(&[]).unwrap();
    let t = build(&lib, "");
    assert_eq!(t.lanes.len(), lib.data().tracks.len() + 1);
    assert_eq!(t.lanes.last().map(|l| l.kind), Some(LaneKind::Milestones));
    assert_eq!(t.order.len(), lib.data().rounds.len());
    let marks: usize = t.lanes.iter().map(|l| l.marks.len()).sum();
    assert_eq!(marks, lib.data().rounds.len() + lib.data().milestones.len());
    // Witkoff's trail: his rounds only, on the lanes he travelled.
    let w = build(&lib, "person:witkoff");
    assert!(w.order.len() > 10 && w.order.len() < 100, "{}", w.order.len());
    let attended =
        |r: usize| lib.data().rounds.get(r).is_some_and(|x| x.participants().any(|m| m.person == "witkoff"));
    assert!(w.order.iter().all(|&r| attended(r)));
}
