//! Any bytes as a dataset file: load → validate → index → every export → the browser drawn
//! at two sizes through a sequence of actions (`exercise::dataset`).

#![no_main]

// Each target uses one of the two exercises.
#[allow(dead_code)]
#[path = "../exercise.rs"]
mod exercise;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    exercise::dataset(bytes);
});
