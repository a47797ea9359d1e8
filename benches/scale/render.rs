//! One full frame of the Rounds view with a round selected, on a 200×50 `TestBackend`. The
//! state (filtered list, wrapped detail) is built before timing, as the TUI builds it in
//! `update`; the frame should cost the same at 10 rounds as at 100,000. At 10 rounds the list
//! pane is mostly empty, so 1,000 (a full pane) is measured too, for a like-for-like ratio.

use crate::fixture;
use divan::Bencher;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use talks::tui::state::State;

#[divan::bench(args = [10, 1_000, 100_000], sample_count = 100, sample_size = 5)]
fn render_rounds_frame(bencher: Bencher, rounds: usize) {
    let lib = fixture::get(rounds).lib.clone();
    let mut state = State::new(lib, 200, 50, true);
    let selected = state.rounds.items.len() / 2;
    state.rounds.selected = selected;
    state.rounds.offset = selected.saturating_sub(10);
    state.rebuild_detail();
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("test backend");
    bencher.bench_local(|| {
        terminal.draw(|f| talks::tui::ui::render(&state, f)).expect("draw");
    });
}
