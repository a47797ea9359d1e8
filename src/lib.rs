//! `talks`: browse rounds of diplomatic negotiations.
//!
//! The library is layered so that the user interface sits on top of a domain that never
//! imports it:
//!
//! - [`model`]: plain serde types and controlled vocabularies.
//! - [`dataset`]: loading RON files (large ones parsed in pieces on every core), validating
//!   them (all problems at once, with positions), the indexes and folded search keys built
//!   once at load, and the load cache that lets unchanged files skip all of that.
//! - [`query`]: the query language shared by the command line and the TUI, and sorting.
//! - [`export`]: Markdown, JSON, RON, CSV and iCalendar output, and atomic file writing.
//! - [`timeline`]: rounds laid out in time, lane by lane, as cells at a zoom; drawn by both
//!   the browser and `talks timeline`.
//! - [`text`]: folding for search and sanitising for terminals.
//! - [`config`]: the config file (default datasets and sort, the browser's keys and colours).
//! - [`cli`]: clap definitions and the non-interactive commands.
//! - [`tui`]: the full-screen application.

pub mod cli;
pub mod config;
pub mod dataset;
pub mod error;
pub mod export;
pub mod model;
pub mod query;
pub mod text;
pub mod timeline;
#[cfg(feature = "tui")]
pub mod tui;

pub use error::Error;
