//! The problems panel: why the dataset files on disk no longer load, as `talks check` says
//! it, across the lower half of the body so that the last good data stays in sight above.

use super::theme::Theme;
use super::wrapped;
use crate::text::sanitize_line;
use crate::tui::action::DiskProblem;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;

pub fn render(problems: &[DiskProblem], selected: usize, theme: &Theme, frame: &mut Frame, body: Rect) {
    let h = (body.height / 2).max(6).min(body.height);
    let rect = Rect::new(body.x, body.y + body.height - h, body.width, h);
    let n = problems.len();
    let title = format!(
        " The dataset files no longer load: {n} problem{} · the last good data stays on screen · ! closes ",
        if n == 1 { "" } else { "s" }
    );
    let block = Block::bordered().title(title).border_style(theme.error());
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let width = usize::from(inner.width);
    // Every problem wrapped to the width; the selected one highlighted and kept in view.
    let mut lines: Vec<Line> = Vec::new();
    let mut first_row = 0;
    for (i, p) in problems.iter().enumerate() {
        if i == selected {
            first_row = lines.len();
        }
        let style = if i == selected { theme.selected() } else { theme.error() };
        for (n, row) in p.text.lines().enumerate() {
            // The first line says what is wrong; a parse error's snippet under it only points.
            let style = if n == 0 { style } else { theme.muted() };
            lines.extend(wrapped(&sanitize_line(row), width, style));
        }
    }
    let height = usize::from(inner.height);
    let scroll = first_row.min(lines.len().saturating_sub(height));
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}
