//! One full frame of the Rounds view with a round selected, on a 200×50 `TestBackend`. The
//! state (filtered list, wrapped detail) is built before timing, as the TUI builds it in
//! `update`; the frame should cost the same at 10 rounds as at 100,000. At 10 rounds the list
//! pane is mostly empty, so 1,000 (a full pane) is measured too, for a like-for-like ratio.

use crate::fixture;
use divan::Bencher;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use talks::tui::action::Action;
use talks::tui::state::State;
use talks::tui::update::update;

#[divan::bench(args = [10, 1_000, 100_000], sample_count = 100, sample_size = 5)]
fn render_rounds_frame(bencher: Bencher, rounds: usize) {
    let lib = fixture::get(rounds).lib.clone();
    let state = State::new(lib, 200, 50, true);
    draw_from_the_middle(bencher, state, rounds);
}

/// The same frame with the filter `round` in force, a word in most titles: its matches are
/// found (folding each visible row) and highlighted in the list and the detail on every
/// frame, so this is the highlighting's worst case beside the frame without a filter.
#[divan::bench(args = [1_000, 100_000], sample_count = 100, sample_size = 5)]
fn render_rounds_frame_highlighted(bencher: Bencher, rounds: usize) {
    let lib = fixture::get(rounds).lib.clone();
    let mut state = State::new(lib, 200, 50, true);
    update(&mut state, Action::OpenFilter);
    for c in "round".chars() {
        update(&mut state, Action::Insert(c));
    }
    update(&mut state, Action::Confirm);
    draw_from_the_middle(bencher, state, rounds);
}

/// Times drawing with a round near the middle selected, reached as a user would: the end,
/// then pages up.
fn draw_from_the_middle(bencher: Bencher, mut state: State, rounds: usize) {
    update(&mut state, Action::Bottom);
    for _ in 0..rounds / 2 / 45 {
        update(&mut state, Action::PageUp);
    }
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("test backend");
    bencher.bench_local(|| {
        terminal.draw(|f| talks::tui::ui::render(&state, f)).expect("draw");
    });
}
