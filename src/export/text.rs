//! The plain-text brief of one round, for `talks show ROUND --format text`: the Markdown
//! brief's content without markup, with underlined headings and aligned fields.
//!
//! Lines are not wrapped: the terminal (or the pager) does that at its own width.

use super::brief::{self, Flavour};
use crate::dataset::Library;
use crate::text::sanitize_line;
use unicode_width::UnicodeWidthStr;

pub(super) fn render(lib: &Library, round: usize) -> String {
    let mut out = String::new();
    if let Some(round) = lib.data().rounds.get(round) {
        brief::round(lib, round, &Plain, &mut out);
        brief::footer(lib, &Plain, &mut out);
    }
    out
}

struct Plain;

/// The underline for a heading, as wide as the heading appears on screen.
fn rule(text: &str, c: char) -> String {
    std::iter::repeat_n(c, text.width().max(1)).collect()
}

impl Flavour for Plain {
    fn escape(&self, text: &str) -> String {
        sanitize_line(text).into_owned()
    }

    fn title(&self, out: &mut String, text: &str) {
        out.push_str(&format!("{text}\n{}\n\n", rule(text, '=')));
    }

    fn section(&self, out: &mut String, text: &str) {
        out.push_str(&format!("\n{text}\n{}\n", rule(text, '-')));
    }

    fn subsection(&self, out: &mut String, text: &str) {
        out.push_str(&format!("\n{text}\n"));
    }

    fn paragraph(&self, out: &mut String, text: &str) {
        out.push_str(&format!("  {text}\n"));
    }

    fn field(&self, out: &mut String, label: &str, value: &str) {
        out.push_str(&format!("{:<10}{value}\n", format!("{label}:")));
    }

    fn item(&self, out: &mut String, label: Option<&str>, text: &str) {
        match label {
            Some(label) => out.push_str(&format!("  - {label}: {text}\n")),
            None => out.push_str(&format!("  - {text}\n")),
        }
    }

    fn name(&self, text: &str) -> String {
        text.to_string()
    }

    fn reference(&self, out: &mut String, number: usize, text: &str, url: &str) {
        let url = sanitize_line(url);
        let sep = if url.is_empty() { "" } else { " " };
        out.push_str(&format!("[{number}] {text}.{sep}{url}\n"));
    }

    fn footer(&self, out: &mut String, text: &str) {
        out.push_str(&format!("\n{text}\n"));
    }
}
