//! The venue picker and the export dialog, drawn over the browser.

use super::theme::Theme;
use super::{centered, fit, pad, wrapped};
use crate::export::Format;
use crate::text::sanitize_line;
use crate::tui::state::{ExportDialog, Picker};
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

/// The export dialog; `target` is where the path typed so far writes (`~` expanded, a
/// relative path taken from the directory the browser started in).
pub fn render_export(
    d: &ExportDialog,
    target: &std::path::Path,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let rect = centered(area, 64, 15);
    let title = format!(" Export {} ", sanitize_line(&d.what));
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
    // Messages are wrapped, not cut: the dialog keeps three rows for them.
    if let Some(target) = &d.confirm_overwrite {
        let q = format!("{} exists. Overwrite it? y / n", target.display());
        lines.extend(wrapped(&sanitize_line(&q), width, theme.error()));
    } else if let Some(err) = &d.error {
        lines.extend(wrapped(&sanitize_line(err), width, theme.error()));
    } else {
        let shown = sanitize_line(&target.display().to_string()).into_owned();
        lines.extend(wrapped(&format!("writes {shown}"), width, theme.muted()));
        // A name whose extension says another format is allowed, but said.
        let extension = target.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !extension.eq_ignore_ascii_case(d.format.extension()) {
            let said =
                if extension.is_empty() { "no extension".to_string() } else { format!(".{extension}") };
            let warning =
                format!("the name has {said}, the format is {} (.{})", d.format, d.format.extension());
            lines.extend(wrapped(&sanitize_line(&warning), width, theme.error()));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The command lines of `:`, each under what it gives, unstyled so they copy cleanly.
pub fn render_commands(lines: &[(&str, String)], theme: &Theme, frame: &mut Frame, area: Rect) {
    use unicode_width::UnicodeWidthStr;
    let widest = lines.iter().map(|(_, l)| l.width()).max().unwrap_or(0);
    let w = u16::try_from(widest + 4).unwrap_or(u16::MAX).clamp(50, area.width.saturating_sub(2));
    let h = u16::try_from(lines.len() * 3 + 3).unwrap_or(u16::MAX);
    let rect = centered(area, w, h);
    let block = Block::bordered().title(" Command lines (Esc closes) ").border_style(theme.border(true));
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let width = usize::from(inner.width);
    let mut text = Vec::new();
    for (what, line) in lines {
        text.push(Line::styled(fit(&format!("{what}:"), width), theme.muted()));
        text.push(Line::raw(sanitize_line(line).into_owned()));
        text.push(Line::raw(""));
    }
    text.push(Line::styled(
        fit("(Shift-drag selects text: the browser has the mouse)", width),
        theme.muted(),
    ));
    frame.render_widget(Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: false }), inner);
}

/// The prompt for the file the built-in dataset is written to before it is edited;
/// `target` is where the path typed so far writes.
pub fn render_save_dataset(
    d: &crate::tui::state::SaveDataset,
    target: &std::path::Path,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let rect = centered(area, 64, 8);
    let block = Block::bordered().title(" Edit the built-in dataset ").border_style(theme.border(true));
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let width = usize::from(inner.width);
    let mut lines = wrapped(
        "The built-in dataset is inside the program: write it to a file to edit it. The browser then follows that file.",
        width,
        theme.muted(),
    );
    let path = sanitize_line(&d.path).into_owned();
    lines.push(Line::from(vec![
        Span::styled("Path ", theme.tone(crate::tui::content::Tone::Heading)),
        Span::raw(fit(&path, width.saturating_sub(6))),
        Span::styled("█", theme.key()),
    ]));
    match &d.error {
        Some(err) => lines.extend(wrapped(&sanitize_line(err), width, theme.error())),
        None => {
            let shown = sanitize_line(&target.display().to_string()).into_owned();
            lines.extend(wrapped(
                &format!("writes {shown} (Enter), then opens the editor"),
                width,
                theme.muted(),
            ));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
