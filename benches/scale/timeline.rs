//! The timeline view: one full frame on a 200×50 `TestBackend`, zoomed to a day a column
//! (the zoom that shows the fewest rounds per column, so the most marks are drawn) with a
//! round near the middle selected, and, apart, building the lanes for a whole dataset (what
//! `update` does when the filter changes while the timeline is on screen). The frame walks
//! only the columns and lanes on screen, so it should cost the same at 10 rounds as at
//! 100,000; the build is linear in the rounds the filter leaves.

use crate::fixture;
use divan::Bencher;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use talks::timeline::Timeline;
use talks::tui::action::{Action, View};
use talks::tui::state::State;
use talks::tui::update::update;

#[divan::bench(args = [10, 1_000, 100_000], sample_count = 100, sample_size = 5)]
fn render_timeline_frame(bencher: Bencher, rounds: usize) {
    let lib = fixture::get(rounds).lib.clone();
    let mut state = State::new(lib, 200, 50, true);
    // A round near the middle, chosen in the list as in `render_rounds_frame`; the timeline
    // takes over the list's selection.
    update(&mut state, Action::Bottom);
    for _ in 0..rounds / 2 / 45 {
        update(&mut state, Action::PageUp);
    }
    update(&mut state, Action::Show(View::Timeline));
    for _ in 0..8 {
        update(&mut state, Action::ZoomIn);
    }
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("test backend");
    bencher.bench_local(|| {
        terminal.draw(|f| talks::tui::ui::render(&state, f)).expect("draw");
    });
}

#[divan::bench(args = [100_000], sample_count = 20, sample_size = 1)]
fn build_timeline(bencher: Bencher, rounds: usize) {
    let lib = fixture::get(rounds).lib.clone();
    let all: Vec<usize> = lib.order(talks::dataset::Order::Date).to_vec();
    let milestones: Vec<usize> = lib.milestones().to_vec();
    bencher.bench_local(|| Timeline::build(&lib, &all, &milestones));
}
