//! Live reload: putting a new library under the browser while keeping the user's place
//! (`update::reload::replace_library`), with a filter in force, a round selected and the
//! timeline built. It runs on the UI thread (reading and validating the files does not), so
//! its cost is the pause a user sees when a saved file shows up.

use crate::fixture;
use divan::Bencher;
use std::sync::Arc;
use talks::dataset::Library;
use talks::tui::action::{Action, View};
use talks::tui::state::State;
use talks::tui::update::{reload::replace_library, update};

#[divan::bench(args = [1_000, 100_000], sample_count = 20, sample_size = 1)]
fn replace_library_keeping_the_place(bencher: Bencher, rounds: usize) {
    let first = fixture::get(rounds).lib.clone();
    // An equal library read again, as a reload gives one: not the same allocation.
    let second = Arc::new(Library::index_unchecked(first.data().clone()));
    let mut state = State::new(first.clone(), 200, 50, true);
    update(&mut state, Action::Show(View::Timeline));
    update(&mut state, Action::Show(View::Rounds));
    talks::tui::update::apply_query_text(&mut state, "-status:cancelled");
    for _ in 0..rounds / 2 / 45 {
        update(&mut state, Action::PageDown);
    }
    let libs = [second, first];
    let mut next = 0;
    bencher.bench_local(|| {
        replace_library(&mut state, libs[next].clone());
        next = 1 - next;
    });
}
