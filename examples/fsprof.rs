use std::sync::Arc;
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
fn main() {
    let path = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let n: usize = std::env::args().nth(2).unwrap().parse().unwrap();
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 35)).unwrap();
    let t = std::time::Instant::now();
    for _ in 0..n {
        let head = talks::dataset::open_head(&path, talks::dataset::FIRST_SCREEN_ROUNDS).unwrap();
        let state = talks::tui::state::State::new(Arc::new(head.library), 120, 35, true);
        terminal.draw(|f| talks::tui::ui::render(&state, f)).unwrap();
    }
    eprintln!("{:?} each", t.elapsed() / n as u32);
}
