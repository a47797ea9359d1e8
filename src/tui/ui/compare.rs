//! The comparison of two rounds, drawn over the views: a label column and the two rounds
//! side by side, differences in the warning colour and marked `≠`, links underlined. Only
//! the rows on screen are drawn.

use super::pad;
use super::theme::Theme;
use crate::export::compare::LineKind;
use crate::tui::content::{Columns, CompareRow, Tone};
use crate::tui::state::CompareView;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;

pub fn render(view: &CompareView, theme: &Theme, frame: &mut Frame, area: Rect) {
    let total = view.rows.len();
    let block = Block::bordered()
        .title(" Compare: A is the marked round, B the selected one ")
        .title_bottom(Line::from(position(view, area)).right_aligned())
        .border_style(theme.border(true));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let cols = Columns::new(inner.width);
    let end = (view.scroll + usize::from(inner.height)).min(total);
    let lines: Vec<Line> = (view.scroll..end)
        .map(|i| {
            let line = row_line(&view.rows[i], cols, theme);
            if i == view.cursor {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// ` 12–40 of 96 ` when the comparison is longer than the screen.
fn position(view: &CompareView, area: Rect) -> String {
    let height = usize::from(area.height.saturating_sub(2));
    let total = view.rows.len();
    if total <= height {
        return String::new();
    }
    format!(" {}–{} of {total} ", view.scroll + 1, (view.scroll + height).min(total))
}

fn row_line(row: &CompareRow, cols: Columns, theme: &Theme) -> Line<'static> {
    let (label_w, side_w) = (usize::from(cols.label), usize::from(cols.side));
    if row.label.is_empty() && row.left.is_empty() && row.right.is_empty() && !row.first {
        return Line::raw("");
    }
    let link = |style: Style| if row.link.is_some() { style.patch(theme.tone(Tone::Link)) } else { style };
    if row.kind == LineKind::Round {
        return Line::from(vec![
            Span::styled(format!("{:<3}", row.label), theme.tone(Tone::Heading)),
            Span::styled(row.left.clone(), link(theme.tone(Tone::Title))),
        ]);
    }
    let label_style = match row.kind {
        LineKind::Section => theme.tone(Tone::Heading),
        LineKind::Group => link(theme.tone(Tone::Label)),
        _ if row.first => link(Style::new()),
        _ => Style::new(),
    };
    let side_style = match row.kind {
        LineKind::Section => theme.tone(Tone::Heading),
        _ if row.differs => theme.tone(Tone::Warn),
        _ => Style::new(),
    };
    let mark = if row.differs && row.first { "≠ " } else { "  " };
    Line::from(vec![
        Span::styled(pad(&row.label, label_w), label_style),
        Span::styled(mark, theme.tone(Tone::Warn)),
        Span::styled(pad(&row.left, side_w), side_style),
        Span::styled(" │ ", theme.muted()),
        Span::styled(row.right.clone(), side_style),
    ])
}
