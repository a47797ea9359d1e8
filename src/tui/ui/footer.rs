//! The two bottom rows: the filter bar or status message, and the keys for the context
//! (generated from the keymap, so they cannot go stale); and the box above them that shows
//! whole what one row cannot (why a query is not valid, a "did you mean", a long message).

use super::theme::Theme;
use super::{fit, wrapped};
use crate::text::sanitize_line;
use crate::tui::action::Action;
use crate::tui::keyhelp;
use crate::tui::layout::Layout;
use crate::tui::state::State;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

pub fn render_bar(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    let f = &state.filter;
    let line = if f.editing {
        editing_line(state, theme, width)
    } else if let Some(status) = &state.status {
        let style = if status.error { theme.error() } else { theme.ok() };
        let text = sanitize_line(&status.text);
        // Too long for the bar: the box above shows it whole, the bar says where.
        if text.width() > width {
            Line::styled(fit("(the message is above)", width), theme.muted())
        } else {
            Line::styled(text.into_owned(), style)
        }
    } else if !state.disk_problems.is_empty() {
        // Said until the files load again: the data on screen is older than the files.
        let n = state.disk_problems.len();
        let open = matches!(state.overlay, crate::tui::state::Overlay::Problems { .. });
        let how = if open { "" } else { " · ! shows why" };
        let text = format!(
            "the dataset files no longer load ({n} problem(s)): the data shown is the last good one{how}"
        );
        Line::styled(fit(&text, width), theme.error())
    } else if !super::header::current_filter(state).is_empty() {
        let applied = super::header::current_filter(state);
        let text = format!("filter: {}   (/ edit · x clear)", sanitize_line(applied));
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

/// `/ venue:ist|anbul  8 matches`: the text with the cursor where it is (a reversed cell;
/// `█` at the end), scrolled so that the cursor stays in view, then the count or a note
/// that the text is not valid (the box above says why).
fn editing_line(state: &State, theme: &Theme, width: usize) -> Line<'static> {
    let f = &state.filter;
    let cursor = f.cursor.min(f.input.len());
    let (before, after) =
        f.input.split_at(if f.input.is_char_boundary(cursor) { cursor } else { f.input.len() });
    let (before, after) = (sanitize_line(before).into_owned(), sanitize_line(after).into_owned());
    let note = if f.error.is_some() {
        ("  not a valid query (see above)".to_string(), theme.error())
    } else {
        let n = match f.list {
            Some(view) => state.pane(view).items.len(),
            None => state.rounds.items.len(),
        };
        (format!("  {n} match{}", if n == 1 { "" } else { "es" }), theme.muted())
    };
    // The text comes first: the note goes when the text needs the room.
    let room = width.saturating_sub(3);
    let note = if before.width() + after.width() + note.0.width() <= room { Some(note) } else { None };
    let room = room.saturating_sub(note.as_ref().map_or(0, |n| n.0.width()));
    // The start of the text gives way when the cursor would be past the bar's end.
    let before =
        if before.width() >= room { format!("…{}", tail(&before, room.saturating_sub(2))) } else { before };
    let mut rest = after.chars();
    let under = rest.next();
    let after = fit(rest.as_str(), room.saturating_sub(before.width() + 1));
    let mut spans = vec![Span::styled("/ ", theme.key()), Span::raw(before)];
    match under {
        Some(c) => spans.push(Span::styled(c.to_string(), Style::new().add_modifier(Modifier::REVERSED))),
        None => spans.push(Span::styled("█", theme.key())),
    }
    spans.push(Span::raw(after));
    if let Some((text, style)) = note {
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}

/// The end of `text` that fits in `width` columns.
fn tail(text: &str, width: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.into_iter().rev().collect()
}

/// What the box above the bar says, each with its style: while editing, why the query is
/// not valid, what a misspelt value may have meant, and the last message; otherwise a
/// message too long for the bar. Every word is shown: wrapped, never cut.
fn message(state: &State, theme: &Theme, width: usize) -> Vec<(String, Style)> {
    let f = &state.filter;
    let mut out = Vec::new();
    if f.editing {
        if let Some(err) = &f.error {
            out.push((sanitize_line(err).into_owned(), theme.error()));
        }
        if !f.suggestion.is_empty() {
            let terms = sanitize_line(&f.suggestion.join(" ")).into_owned();
            out.push((format!("did you mean {terms}?"), theme.ok()));
        }
    }
    if let Some(status) = &state.status {
        let text = sanitize_line(&status.text).into_owned();
        if f.editing || text.width() > width {
            out.push((text, if status.error { theme.error() } else { theme.ok() }));
        }
    }
    out
}

/// The box above the bar (see [`message`]), over the bottom of the panes; nothing when
/// there is nothing to say.
pub fn render_message(state: &State, theme: &Theme, frame: &mut Frame, layout: &Layout) {
    let width = usize::from(layout.bar.width);
    let parts = message(state, theme, width);
    if parts.is_empty() {
        return;
    }
    let lines: Vec<Line> = parts.iter().flat_map(|(text, style)| wrapped(text, width, *style)).collect();
    let body = layout.body();
    let height = u16::try_from(lines.len() + 1).unwrap_or(u16::MAX).min(body.height);
    let area = Rect::new(body.x, layout.bar.y.saturating_sub(height), body.width, height);
    let error = parts.iter().any(|(_, s)| *s == theme.error());
    let title = if state.filter.editing { " query " } else { " message " };
    let block = Block::new().borders(Borders::TOP).title(title).border_style(if error {
        theme.error()
    } else {
        theme.muted()
    });
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn render_keys(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    let mut spans = Vec::new();
    let mut used = 0;
    // The history (↑/↓) is of round queries: the People and Topics filters have none.
    let list_filter = state.filter.editing && state.filter.list.is_some();
    let skip = |action: &Action| list_filter && matches!(action, Action::Up | Action::Down);
    for (key, help) in keyhelp::footer_entries(state.context(), &skip) {
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
