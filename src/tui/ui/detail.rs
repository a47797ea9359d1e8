//! The right pane: the wrapped rows of the selected item, from the scroll offset down.

use super::theme::Theme;
use crate::tui::action::View;
use crate::tui::content::{Link, Tone};
use crate::tui::state::{Focus, State};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

pub fn render(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let focused = state.focus == Focus::Detail;
    let title = match state.view {
        View::Rounds => " Round ",
        View::People => " Person ",
        View::Topics => " Topic thread ",
        View::Milestones => " Milestone ",
        View::Timeline => " Round ",
    };
    let d = &state.detail;
    let inner_h = usize::from(area.height.saturating_sub(2));
    let position = if d.rows.len() > inner_h {
        format!(" {}–{} of {} ", d.scroll + 1, (d.scroll + inner_h).min(d.rows.len()), d.rows.len())
    } else {
        String::new()
    };
    let block = Block::bordered()
        .title(title)
        .title_bottom(Line::from(position).right_aligned())
        .border_style(theme.border(focused));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if d.rows.is_empty() {
        let hint = if state.view == View::Rounds && !state.filter.applied.is_empty() {
            "No round to show: press / to edit the filter or x to clear it."
        } else {
            "Nothing selected."
        };
        let lines = super::wrapped(hint, usize::from(inner.width), theme.muted());
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let end = (d.scroll + usize::from(inner.height)).min(d.rows.len());
    // The filter's matches show where the filter applies: rounds and milestones.
    let highlight = match state.view {
        View::Rounds | View::Milestones => Some(&state.filter.highlight),
        _ => None,
    };
    let lines: Vec<Line> = (d.scroll..end)
        .map(|i| {
            let row = &d.rows[i];
            let spans: Vec<Span> =
                row.spans.iter().map(|(tone, text)| Span::styled(text.clone(), theme.tone(*tone))).collect();
            let spans = match highlight {
                Some(h) => super::highlight::mark(spans, h, theme.matched()),
                None => spans,
            };
            let line = Line::from(spans);
            if focused && i == d.cursor {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    if state.hyperlinks {
        hyperlinks(state, frame, inner);
    }
}

/// Makes each visible source address a hyperlink to the whole address (the row may show it
/// cut with `…`).
fn hyperlinks(state: &State, frame: &mut Frame, inner: Rect) {
    let d = &state.detail;
    let end = (d.scroll + usize::from(inner.height)).min(d.rows.len());
    for (y, row) in (inner.y..).zip(&d.rows[d.scroll..end]) {
        let Some(Link::Source(s)) = row.link else { continue };
        let Some(source) = state.lib.data().sources.get(s) else { continue };
        let mut x = 0usize;
        for (tone, text) in &row.spans {
            let w = text.width();
            if *tone == Tone::Url {
                let left = inner.x.saturating_add(u16::try_from(x).unwrap_or(u16::MAX));
                let w = u16::try_from(w).unwrap_or(u16::MAX);
                let area = Rect::new(left, y, w, 1).intersection(inner);
                super::hyperlink::link(frame.buffer_mut(), area, &source.url, &format!("talks-source-{s}"));
            }
            x += w;
        }
    }
}
