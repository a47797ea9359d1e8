//! `talks show`: one round in full, as text, Markdown or JSON.
//!
//! On a terminal the text is wrapped to its width at word boundaries (continuation lines
//! keep the indentation of the line they continue; a URL is never broken), and a round longer
//! than the screen goes through the pager: `$PAGER`, or `less -FRX` (which quits at once when
//! the text fits). Piped, the text is written as it is, unwrapped.

use super::{Output, ShowArgs, ShowFormat};
use crate::dataset::Library;
use crate::export::{self, Format};
use crate::query::resolve_round;
use crate::text::sanitize;
use crate::Error;
use std::io::Write;
use std::process::{Command, Stdio};

pub fn run(lib: &Library, args: &ShowArgs, out: &mut Output) -> Result<(), Error> {
    let round = resolve_round(lib, &args.round)?;
    let text = match args.format {
        ShowFormat::Text => export::render_text(lib, round),
        ShowFormat::Markdown => export::render(lib, &[round], Format::Markdown)?.text,
        ShowFormat::Json => export::render(lib, &[round], Format::Json)?.text,
    };
    if !out.is_terminal {
        return out.text(&text);
    }
    let (width, height) =
        crossterm::terminal::size().map_or((100, 40), |(w, h)| (usize::from(w), usize::from(h)));
    // JSON is for machines even on a terminal: wrapping would change its strings' lines.
    let text = if args.format == ShowFormat::Json { text } else { wrap(&text, width) };
    if text.lines().count() < height || !page(&text) {
        return out.text(&text);
    }
    Ok(())
}

/// Wraps each line to `width` columns at spaces; continuation lines are indented like the
/// line's first text: a list item's text, not its marker (`- `, `[n] `), and a field's
/// value, not its label (`Venue:    …`).
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.lines() {
        let indent: String = line.chars().take_while(|c| *c == ' ').collect();
        let rest = &line[indent.len()..];
        let marker = ["- ", "* "]
            .iter()
            .find(|m| rest.starts_with(**m))
            .map(|m| m.len())
            .or_else(|| rest.strip_prefix('[').and_then(|r| r.find("] ")).map(|i| i + 3))
            .or_else(|| field_value_start(rest));
        let hang = " ".repeat(indent.len() + marker.unwrap_or(0));
        for piece in crate::text::wrap_words(line, width.max(20), &hang, false) {
            out.push_str(&piece);
            out.push('\n');
        }
    }
    out
}

/// Where the value of a `Label:   value` line starts, for a short label.
fn field_value_start(line: &str) -> Option<usize> {
    let colon = line.find(": ")?;
    let label = &line[..colon];
    if colon > 12 || label.is_empty() || !label.chars().all(|c| c.is_alphabetic() || c == ' ') {
        return None;
    }
    let after = &line[colon + 1..];
    Some(colon + 1 + after.len() - after.trim_start().len())
}

/// Sends the text through the pager; false when no pager could be started.
fn page(text: &str) -> bool {
    let pager = std::env::var("PAGER").ok().filter(|p| !p.trim().is_empty());
    let pager = pager.as_deref().unwrap_or("less -FRX");
    // Through the shell, since `$PAGER` may carry its own options (`less -R`).
    let Ok(mut child) = Command::new("sh").arg("-c").arg(pager).stdin(Stdio::piped()).spawn() else {
        return false;
    };
    if let Some(mut stdin) = child.stdin.take() {
        // The user may quit the pager before reading it all: a closed pipe is not an error.
        let _ = stdin.write_all(sanitize(text).as_bytes());
    }
    child.wait().is_ok()
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrapping_keeps_words_urls_and_hanging_indents() {
        let text = "Title\n  - Alexander Darchiev (head), Ambassador of Russia to the United States [1]\n[12] A source title that is long enough to wrap. TASS. https://tass.com/politics/1941057-long-url\n";
        let wrapped = wrap(text, 40);
        for line in wrapped.lines() {
            assert!(line.chars().count() <= 40 || !line.trim().contains(' '), "{line:?}");
        }
        assert!(wrapped.contains("\n    Ambassador") || wrapped.contains("\n    of Russia"), "{wrapped}");
        assert!(
            wrapped.contains("https://tass.com/politics/1941057-long-url"),
            "a URL is never cut: {wrapped}"
        );
        assert!(!wrapped.lines().any(|l| l.trim_start().starts_with(',')), "{wrapped}");
        assert!(wrapped.contains("\n     "), "a source's continuation hangs under its title: {wrapped}");
        let field = wrap(
            "Link:     follows Consultations on the diplomatic missions, Istanbul (round 1)\n\nNext\n",
            40,
        );
        assert!(
            field
                .lines()
                .nth(1)
                .is_some_and(|l| l.starts_with("          ") && !l.starts_with("           ")),
            "{field}"
        );
        assert_eq!(field.lines().filter(|l| l.is_empty()).count(), 1, "blank lines stay single: {field:?}");
    }
}
