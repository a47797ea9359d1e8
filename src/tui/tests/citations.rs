//! One numbering of sources for a round everywhere: the detail pane, `talks show` (plain
//! text) and the Markdown export list the same sources in the same order, so `[n]` on
//! screen is `[n]` in a brief.

use super::library;
use crate::export::{render, render_text, Format};
use crate::tui::content::round_rows;

/// The URLs of the detail's "Sources" block, in order (each source's URL has a row).
fn screen_urls(rows: &[crate::tui::content::Row]) -> Vec<String> {
    let start = rows.iter().position(|r| r.plain() == "Sources").map_or(rows.len(), |i| i + 1);
    rows[start..].iter().map(|r| r.plain()).filter(|t| t.starts_with("http")).collect()
}

/// The URLs of a brief's numbered references (each `[n] …` line ends with the URL).
fn brief_urls(text: &str) -> Vec<String> {
    let start = text.find("\nSources\n").map_or(text.len(), |i| i + 1);
    text[start..]
        .lines()
        .filter(|l| l.starts_with('['))
        .filter_map(|l| {
            l.split_whitespace().last().map(|u| u.trim_start_matches('<').trim_end_matches('>').to_string())
        })
        .collect()
}

#[test]
fn screen_show_and_markdown_number_every_round_alike() {
    let lib = library();
    for r in 0..lib.data().rounds.len() {
        let id = &lib.data().rounds.get(r).expect("a round").id;
        let screen = screen_urls(&round_rows(&lib, r));
        assert!(!screen.is_empty(), "{id}: no sources on screen");
        let text = render_text(&lib, r);
        assert_eq!(brief_urls(&text), screen, "{id}: `talks show` numbers its sources differently");
        let markdown = render(&lib, &[r], Format::Markdown).expect("markdown renders").text;
        // `## Sources`, then `1. Title. Outlet. <url>` per source.
        let listed: Vec<String> = markdown
            .lines()
            .skip_while(|l| *l != "## Sources")
            .filter(|l| l.ends_with('>'))
            .filter_map(|l| l.rsplit('<').next().map(|u| u.trim_end_matches('>').to_string()))
            .collect();
        assert_eq!(listed, screen, "{id}: the Markdown export numbers its sources differently");
    }
}
