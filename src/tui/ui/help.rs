//! The help overlay: every key of every context, generated from the keymap table.

use super::centered;
use super::theme::Theme;
use crate::tui::keyhelp::HelpLine;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;

/// The help text as lines wrapped to `width` columns.
pub fn help_lines(theme: &Theme, width: usize) -> Vec<Line<'static>> {
    crate::tui::keyhelp::help_rows(width)
        .into_iter()
        .map(|line| match line {
            HelpLine::Blank => Line::raw(""),
            HelpLine::Heading(title) => Line::styled(title, theme.tone(crate::tui::content::Tone::Heading)),
            HelpLine::Key(keys, help) => {
                Line::from(vec![Span::styled(format!("  {keys:<22}"), theme.key()), Span::raw(help)])
            }
            HelpLine::Note(note) => Line::styled(note, theme.muted()),
        })
        .collect()
}

pub fn render(scroll: usize, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lines = help_lines(theme, crate::tui::keyhelp::help_width(area.width));
    let rect = centered(area, 76, area.height.saturating_sub(2));
    let block =
        Block::bordered().title(" Help: every key (Esc or ? closes) ").border_style(theme.border(true));
    let inner = block.inner(rect);
    let max = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = scroll.min(max);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(usize::from(inner.height)).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}
