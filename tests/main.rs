//! The one integration test binary: every module runs the real `talks` (or its library)
//! against files written into a fresh temporary directory, so it compiles once.

mod check;
mod cli;
mod harness;
mod robustness;
mod scale;
mod tui;
