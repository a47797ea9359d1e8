//! Any bytes as a query over the shipped dataset: parse → filter → every sort
//! (`exercise::query`).

#![no_main]

// Each target uses one of the two exercises.
#[allow(dead_code)]
#[path = "../exercise.rs"]
mod exercise;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| exercise::query(bytes));
