//! The copy menu (`y`): each thing it can copy, with its key (from the keymap) and a preview
//! or the reason it cannot be copied.

use super::theme::Theme;
use super::{centered, fit, pad};
use crate::text::sanitize_line;
use crate::tui::action::{Action, CopyWhat};
use crate::tui::content::Tone;
use crate::tui::copy::CopyMenu;
use crate::tui::keymap::{bindings, key_label, Context};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;

pub fn render(menu: &CopyMenu, theme: &Theme, frame: &mut Frame, area: Rect) {
    let h = u16::try_from(menu.entries.len() + 4).unwrap_or(u16::MAX);
    let rect = centered(area, 72, h);
    let block = Block::bordered().title(" Copy to the clipboard (OSC 52) ").border_style(theme.border(true));
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    for entry in &menu.entries {
        let action = Action::Copy(entry.what);
        let key = bindings()
            .iter()
            .find(|b| b.context == Context::Copy && b.action == action)
            .map_or(String::new(), |b| key_label(b.code, b.modifiers));
        let head = format!(" {} {} ", pad(&key, 2), pad(entry.label, 10));
        let room = width.saturating_sub(head.chars().count());
        let (preview, style) = match &entry.text {
            Ok(text) if entry.what == CopyWhat::Markdown => {
                (format!("{} lines, {} bytes", text.lines().count(), text.len()), theme.tone(Tone::Plain))
            }
            Ok(text) => (sanitize_line(text).into_owned(), theme.tone(Tone::Plain)),
            Err(why) => (why.clone(), theme.muted()),
        };
        let key_style = if entry.text.is_ok() { theme.key() } else { theme.muted() };
        lines.push(Line::from(vec![Span::styled(head, key_style), Span::styled(fit(&preview, room), style)]));
    }
    lines.push(Line::raw(""));
    let note = " Esc closes · in tmux, copying needs `set -g set-clipboard on`";
    lines.push(Line::styled(fit(note, width), theme.muted()));
    frame.render_widget(Paragraph::new(lines), inner);
}
