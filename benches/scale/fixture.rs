//! Generated datasets, built once per size and shared by every benchmark of the run.

use crate::gen;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use talks::dataset::Library;

/// One size: the RON text (for load benchmarks) and the library built from it.
pub struct Fixture {
    pub text: String,
    pub lib: Arc<Library>,
}

/// The fixture for `rounds` rounds, generated on first use (not timed) and kept for the run.
pub fn get(rounds: usize) -> &'static Fixture {
    static ALL: OnceLock<Mutex<HashMap<usize, &'static Fixture>>> = OnceLock::new();
    let mut all = ALL.get_or_init(Mutex::default).lock().unwrap_or_else(|e| e.into_inner());
    all.entry(rounds).or_insert_with(|| {
        let data = gen::generate(rounds, gen::DEFAULT_SEED);
        let text = gen::to_ron(&data).expect("generated data serialises");
        Box::leak(Box::new(Fixture { text, lib: Arc::new(Library::index_unchecked(data)) }))
    })
}
