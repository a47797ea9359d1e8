//! The two bottom rows: the filter bar or status message, and the keys for the context
//! (generated from the keymap, so they cannot go stale).

use super::fit;
use super::theme::Theme;
use crate::text::sanitize_line;
use crate::tui::keyhelp;
use crate::tui::state::State;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

pub fn render_bar(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    let f = &state.filter;
    let line = if f.editing {
        let input = sanitize_line(&f.input).into_owned();
        let mut spans =
            vec![Span::styled("/ ", theme.key()), Span::raw(input.clone()), Span::styled("█", theme.key())];
        let used = input.width() + 3;
        if let Some(err) = &f.error {
            let room = width.saturating_sub(used + 2);
            spans.push(Span::raw("  "));
            spans.push(Span::styled(fit(&sanitize_line(err), room), theme.error()));
        } else {
            let n = state.rounds.items.len();
            let msg = format!("  {n} match{}", if n == 1 { "" } else { "es" });
            spans.push(Span::styled(fit(&msg, width.saturating_sub(used)), theme.muted()));
        }
        Line::from(spans)
    } else if let Some(status) = &state.status {
        let style = if status.error { theme.error() } else { theme.ok() };
        Line::styled(fit(&sanitize_line(&status.text), width), style)
    } else if !state.disk_problems.is_empty() {
        // Said until the files load again: the data on screen is older than the files.
        let n = state.disk_problems.len();
        let open = matches!(state.overlay, crate::tui::state::Overlay::Problems { .. });
        let how = if open { "" } else { " · ! shows why" };
        let text = format!(
            "the dataset files no longer load ({n} problem(s)): the data shown is the last good one{how}"
        );
        Line::styled(fit(&text, width), theme.error())
    } else if !f.applied.is_empty() {
        let text = format!("filter: {}   (/ edit · x clear)", sanitize_line(&f.applied));
        Line::styled(fit(&text, width), theme.muted())
    } else if let Some(id) = state.marked.and_then(|r| state.lib.data().rounds.get(r)).map(|r| &r.id) {
        // The mark is easy to forget: say it until it is used or cleared.
        let text = format!(
            "marked {}: select another round and press c to compare (m again unmarks)",
            sanitize_line(id)
        );
        Line::styled(fit(&text, width), theme.muted())
    } else {
        Line::raw("")
    };
    frame.render_widget(Paragraph::new(line), area);
}

pub fn render_keys(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, help) in keyhelp::footer_entries(state.context()) {
        let w = key.width() + help.width() + 3;
        if used + w > width {
            break;
        }
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::styled(format!(" {help}  "), theme.muted()));
        used += w;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
