//! The Markdown brief: rounds as a document a person would send round, with numbered
//! source references and a footer naming the dataset.
//!
//! Data text is escaped so that a `*` or `_` in a summary stays a character rather than
//! becoming emphasis; URLs become autolinks when they can.

use super::brief::{self, Flavour};
use crate::dataset::Library;
use crate::text::sanitize_line;

pub(super) fn render(lib: &Library, rounds: &[usize]) -> String {
    let mut out = String::new();
    for round in rounds.iter().filter_map(|&i| lib.data().rounds.get(i)) {
        blank_line(&mut out);
        brief::round(lib, round, &Markdown, &mut out);
    }
    brief::footer(lib, &Markdown, &mut out);
    out
}

struct Markdown;

/// Ends `out` with one empty line, as Markdown needs around headings and paragraphs,
/// without piling up empty lines when a heading follows a heading.
fn blank_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

/// Data text made safe for Markdown, on one line: sanitised, and the characters that would
/// turn it into markup escaped.
pub(super) fn escape(text: &str) -> String {
    let clean = sanitize_line(text);
    let mut out = String::with_capacity(clean.len());
    for (i, c) in clean.chars().enumerate() {
        // Inline markup anywhere; block markers only where a line could start with them.
        let special = matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>')
            || (i == 0 && matches!(c, '#' | '+' | '-' | '=' | '|'));
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl Flavour for Markdown {
    fn escape(&self, text: &str) -> String {
        escape(text)
    }

    fn title(&self, out: &mut String, text: &str) {
        out.push_str(&format!("# {text}\n\n"));
    }

    fn section(&self, out: &mut String, text: &str) {
        blank_line(out);
        out.push_str(&format!("## {text}\n\n"));
    }

    fn subsection(&self, out: &mut String, text: &str) {
        blank_line(out);
        out.push_str(&format!("### {text}\n\n"));
    }

    fn paragraph(&self, out: &mut String, text: &str) {
        blank_line(out);
        out.push_str(&format!("{text}\n\n"));
    }

    fn field(&self, out: &mut String, label: &str, value: &str) {
        out.push_str(&format!("- **{label}:** {value}\n"));
    }

    fn item(&self, out: &mut String, label: Option<&str>, text: &str) {
        match label {
            Some(label) => out.push_str(&format!("- **{label}:** {text}\n")),
            None => out.push_str(&format!("- {text}\n")),
        }
    }

    fn name(&self, text: &str) -> String {
        format!("**{text}**")
    }

    fn reference(&self, out: &mut String, number: usize, text: &str, url: &str) {
        let url = sanitize_line(url);
        // An autolink cannot hold spaces or angle brackets; such a URL is shown as text.
        let link = if url.is_empty() {
            String::new()
        } else if url.contains(|c: char| c.is_whitespace() || c == '<' || c == '>') {
            format!(" {}", self.escape(&url))
        } else {
            format!(" <{url}>")
        };
        out.push_str(&format!("{number}. {text}.{link}\n"));
    }

    fn footer(&self, out: &mut String, text: &str) {
        blank_line(out);
        out.push_str(&format!("---\n\n*{text}*\n"));
    }
}
