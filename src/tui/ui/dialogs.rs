//! The venue picker and the export dialog, drawn over the browser.

use super::theme::Theme;
use super::{centered, fit, pad};
use crate::export::Format;
use crate::text::sanitize_line;
use crate::tui::state::{ExportDialog, Picker, State};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;

pub fn render_picker(p: &Picker, theme: &Theme, frame: &mut Frame, area: Rect) {
    let h = (p.entries.len() as u16 + 2).min(area.height.saturating_sub(2)).max(3);
    let rect = centered(area, 40, h);
    let block = Block::bordered().title(" Venue (Enter filters) ").border_style(theme.border(true));
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let height = usize::from(inner.height);
    let offset = p.selected.saturating_sub(height.saturating_sub(1));
    let width = usize::from(inner.width);
    let lines: Vec<Line> = p
        .entries
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, (city, n))| {
            let count = format!("{n:>4}");
            let line = Line::raw(format!("{}{count}", pad(&sanitize_line(city), width.saturating_sub(4))));
            if i == p.selected {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn render_export(state: &State, d: &ExportDialog, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rect = centered(area, 64, 13);
    let id = state.lib.data().rounds.get(d.round).map_or("", |r| r.id.as_str());
    let title = format!(" Export {} ", sanitize_line(id));
    let block = Block::bordered().title(title).border_style(theme.border(true));
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let width = usize::from(inner.width);
    let mut lines = vec![Line::styled("Format", theme.tone(crate::tui::content::Tone::Heading))];
    for f in Format::ALL {
        let mark = if *f == d.format { "●" } else { "○" };
        let text = format!(" {mark} {:<10} .{}", f.label(), f.extension());
        let line = Line::raw(fit(&text, width));
        lines.push(if *f == d.format { line.style(theme.selected()) } else { line });
    }
    let path = sanitize_line(&d.path).into_owned();
    lines.push(Line::from(vec![
        Span::styled("Path ", theme.tone(crate::tui::content::Tone::Heading)),
        Span::raw(fit(&path, width.saturating_sub(6))),
        Span::styled("█", theme.key()),
    ]));
    if let Some(target) = &d.confirm_overwrite {
        let q = format!("{} exists. Overwrite it? y / n", target.display());
        lines.push(Line::styled(fit(&sanitize_line(&q), width), theme.error()));
    } else if let Some(err) = &d.error {
        lines.push(Line::styled(fit(&sanitize_line(err), width), theme.error()));
    } else {
        lines.push(Line::styled(
            fit("written to the current directory unless the path says otherwise", width),
            theme.muted(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
