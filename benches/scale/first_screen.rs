//! The first screen of a large file: all the browser does before its first rows are drawn —
//! read the top of the file, parse the entities and the first rounds, index them, build the
//! state and draw a 120×35 frame. The budget is 50 ms at any size; the whole load goes on
//! behind it (`load_full`, `load_cached`).

use crate::fixture;
use divan::Bencher;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::sync::Arc;
use talks::dataset::{self, FIRST_SCREEN_ROUNDS};
use talks::tui::state::State;

#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 10, sample_size = 1)]
fn first_screen(bencher: Bencher, rounds: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("generated.ron");
    std::fs::write(&path, &fixture::get(rounds).text).expect("write the file");
    let mut terminal = Terminal::new(TestBackend::new(120, 35)).expect("test backend");
    bencher.bench_local(|| {
        let head = dataset::open_head(&path, FIRST_SCREEN_ROUNDS).expect("a large file has a head");
        let state = State::new(Arc::new(head.library), 120, 35, true);
        terminal.draw(|f| talks::tui::ui::render(&state, f)).expect("draw");
    });
}
