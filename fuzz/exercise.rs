//! What the fuzz targets do with an input, shared with `tests/robustness.rs` (which replays
//! the seeds and every crash input on stable): errors are fine, a panic is the bug.
//!
//! - [`dataset`]: the bytes as a dataset file: read as text, parsed, validated and indexed
//!   (and indexed without validation too); when valid, every round through every export
//!   format and the plain-text view, and the browser drawn at two terminal sizes through a
//!   sequence of actions;
//! - [`query`]: the bytes as a query over the shipped dataset: parsed, then filtered (rounds
//!   and milestones) in every order.

use std::sync::{Arc, LazyLock};
use talks::dataset::{self, Library, SourceText};
use talks::export::{self, Format};
use talks::query::{self, Query, Sort};
use talks::tui::action::{Action, View};
use talks::tui::state::State;
use talks::tui::{ui, update};

/// The largest input worth the time: bigger ones only repeat what smaller ones reach.
const MAX_INPUT: usize = 64 * 1024;

/// True when the input was a valid dataset and went all the way to the browser.
pub fn dataset(bytes: &[u8]) -> bool {
    if bytes.len() > MAX_INPUT {
        return false;
    }
    let source = SourceText { name: "fuzz.ron".into(), text: String::from_utf8_lossy(bytes).into_owned() };
    if let Ok(parsed) = dataset::parse_sources(vec![source.clone()]) {
        for problem in dataset::validate(&parsed) {
            let _ = problem.to_string();
        }
        let _ = Library::index_unchecked(parsed.dataset);
    }
    let Ok((lib, _warnings)) = dataset::open_sources(vec![source], &|_| {}) else { return false };
    let rounds: Vec<usize> = (0..lib.data().rounds.len()).collect();
    for &format in Format::ALL {
        let _ = export::render(&lib, &rounds, format);
        for &round in rounds.iter().take(3) {
            let _ = export::render(&lib, &[round], format);
        }
    }
    for &round in &rounds {
        let _ = export::render_text(&lib, round);
    }
    let lib = Arc::new(lib);
    for (width, height) in [(80, 24), (203, 61)] {
        browse(&lib, width, height);
    }
    true
}

/// Moves through every view, follows links, filters, sorts and opens every dialog, drawing
/// after each step; effects (an export) are not performed.
fn browse(lib: &Arc<Library>, width: u16, height: u16) {
    let mut state = State::new(Arc::clone(lib), width, height, true);
    let mut actions = vec![
        Action::Down,
        Action::Down,
        Action::FocusNext,
        Action::NextLink,
        Action::Follow,
        Action::Back,
        Action::Forward,
        Action::PageDown,
        Action::Bottom,
        Action::PrevLink,
        Action::FocusPrev,
    ];
    for view in View::ALL {
        actions.extend([
            Action::Show(view),
            Action::Down,
            Action::FocusNext,
            Action::NextLink,
            Action::Follow,
        ]);
    }
    actions.extend([
        Action::Show(View::Rounds),
        Action::CycleSort,
        Action::CycleSort,
        Action::OpenFilter,
        Action::Insert('a'),
        Action::Insert(' '),
        Action::Insert('-'),
        Action::DeleteWord,
        Action::Confirm,
        Action::OpenVenues,
        Action::Down,
        Action::Confirm,
        Action::ClearFilter,
        Action::ToggleHelp,
        Action::PageDown,
        Action::Cancel,
        Action::OpenExport,
        Action::Cancel,
        Action::Click { column: width / 3, row: height / 2 },
        Action::Wheel { column: width - 1, row: height / 2, down: true },
        Action::Resize(width / 2, height / 2),
        Action::HalfPageDown,
        Action::Top,
    ]);
    // TestBackend cannot fail (its error type is `Infallible`).
    let Ok(mut terminal) = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height));
    for action in actions {
        let _effects = update::update(&mut state, action);
        let _ = terminal.draw(|frame| ui::render(&state, frame));
    }
}

/// The shipped dataset, loaded once.
static SHIPPED: LazyLock<Option<Library>> = LazyLock::new(|| dataset::open(&[]).ok().map(|(lib, _)| lib));

pub fn query(bytes: &[u8]) {
    if bytes.len() > MAX_INPUT {
        return;
    }
    let Some(lib) = SHIPPED.as_ref() else { return };
    let text = String::from_utf8_lossy(bytes);
    let Ok(q) = Query::parse(&text) else { return };
    for &sort in Sort::ALL {
        let _ = query::filter(lib, &q, sort);
    }
    let _ = query::filter_milestones(lib, &q);
}
