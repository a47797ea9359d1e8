//! The timeline view: the lanes of the filter under a date axis, and the selection's
//! summary below. Only the lanes and columns on screen are asked of the domain (its cells
//! for the window), so a frame costs the same at a hundred rounds as at a hundred thousand.
//! The characters are the domain's; the colours (the status) and the selection are here.

use super::theme::Theme;
use super::{fit, pad};
use crate::model::Status;
use crate::text::sanitize_line;
use crate::timeline::{date_of, Cell, Lane, LaneKind};
use crate::tui::content::{self, Tone};
use crate::tui::state::State;
use crate::tui::timeline::{geometry, Geometry};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

pub fn render(state: &State, theme: &Theme, frame: &mut Frame) {
    let t = &state.timeline;
    let g = geometry(&state.layout, t.chart.lanes.len(), t.label_width);
    chart(state, theme, frame, &g);
    summary(state, theme, frame, g.summary);
}

fn chart(state: &State, theme: &Theme, frame: &mut Frame, g: &Geometry) {
    let t = &state.timeline;
    let scale = t.scale(g.plot.width);
    let width = usize::from(g.plot.width);
    let title = match t.chart.order.is_empty() {
        true => " Timeline ".to_string(),
        false => format!(" Timeline · one column: {} ", scale.zoom.label()),
    };
    let mut block = Block::bordered().title(title).border_style(theme.border(true));
    if let Some((first_day, last_day)) = t.chart.span() {
        // The days shown that the timeline covers, not the empty columns around them.
        let from = scale.start(t.first).max(first_day);
        let to = (scale.start(t.first + width as i64) - 1).min(last_day);
        let earlier = if scale.column(first_day) < t.first { "◂ " } else { "" };
        let later = if scale.column(last_day) >= t.first + width as i64 { " ▸" } else { "" };
        let range = format!(" {earlier}{} – {}{later} ", date_of(from), date_of(to));
        block = block.title_bottom(Line::from(range).right_aligned());
    }
    frame.render_widget(block, g.chart);
    if t.chart.order.is_empty() {
        let lines = vec![
            Line::styled("No round matches the filter", theme.error()),
            Line::raw(format!("  {}", sanitize_line(&state.filter.applied))),
            Line::raw("Press / to edit the filter, or x to clear it."),
        ];
        let inner = Rect::new(
            g.chart.x + 1,
            g.chart.y + 1,
            g.chart.width.saturating_sub(2),
            g.chart.height.saturating_sub(2),
        );
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    // The axis stops where the timeline does, so no years stand over empty columns.
    let end = t.chart.span().map_or(0, |(_, last)| scale.column(last));
    let shown =
        usize::try_from(end.saturating_sub(t.first).saturating_add(1)).map_or(width, |n| n.min(width));
    let axis: Vec<Line> =
        scale.axis(t.first, shown).into_iter().map(|row| Line::styled(row, theme.muted())).collect();
    frame.render_widget(Paragraph::new(axis), g.axis);
    let selected = t.selected_mark();
    let label_w = usize::from(g.labels.width);
    let mut labels = Vec::new();
    let mut rows = Vec::new();
    for (i, lane) in t.chart.lanes.iter().enumerate().skip(t.top).take(g.lanes_shown()) {
        if !rows.is_empty() && g.pitch > 1 {
            labels.push(Line::styled(format!("{} │", " ".repeat(label_w)), theme.muted()));
            rows.push(Line::raw(""));
        }
        let name = sanitize_line(t.chart.label(&state.lib, i)).into_owned();
        let style = if i == t.lane { theme.tone(Tone::Heading) } else { Style::new() };
        labels.push(Line::from(vec![
            Span::styled(pad(&fit(&name, label_w), label_w), style),
            Span::styled(" │", theme.muted()),
        ]));
        let cells = lane.cells(&scale, t.first, width);
        let chosen = selected.filter(|_| i == t.lane);
        rows.push(lane_line(lane, &cells, chosen, theme));
    }
    let label_area = Rect::new(g.labels.x, g.labels.y, g.labels.width + 2, g.labels.height);
    frame.render_widget(Paragraph::new(labels), label_area);
    frame.render_widget(Paragraph::new(rows), g.plot);
}

/// One lane's columns as spans, runs of the same style merged.
fn lane_line(lane: &Lane, cells: &[Cell], selected: Option<usize>, theme: &Theme) -> Line<'static> {
    let mut spans: Vec<Span> = Vec::new();
    let mut run = String::new();
    let mut run_style = Style::new();
    for &cell in cells {
        let style = match cell {
            _ if selected.is_some_and(|s| cell.holds(s)) => theme.selected(),
            Cell::Marks { first, count: 1 } => mark_style(lane, first, theme),
            Cell::Marks { .. } => theme.tone(Tone::Label),
            Cell::Span { .. } | Cell::Approximate => theme.muted(),
            Cell::Empty => Style::new(),
        };
        if style != run_style && !run.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut run), run_style));
        }
        run_style = style;
        run.push(cell.char(lane));
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, run_style));
    }
    Line::from(spans)
}

/// The colour of a mark says its status: green held, yellow planned, announced or
/// postponed, red cancelled; milestones in the title's colour.
fn mark_style(lane: &Lane, mark: usize, theme: &Theme) -> Style {
    if lane.kind == LaneKind::Milestones {
        return theme.tone(Tone::Title);
    }
    match lane.marks.get(mark).and_then(|m| m.symbol.status) {
        Some(status @ (Status::Cancelled | Status::Postponed | Status::Planned | Status::Announced)) => {
            theme.tone(content::status_tone(status))
        }
        Some(Status::Held) => theme.tone(Tone::Good),
        None => Style::new(),
    }
}

fn summary(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = &state.timeline;
    let lane = t.chart.lanes.get(t.lane);
    let (title, rows) = match (lane, t.selected_mark()) {
        (Some(l), Some(m)) if l.kind == LaneKind::Milestones => {
            let item = l.marks[m].item;
            (
                format!(" Milestone {} of {} ", m + 1, l.marks.len()),
                content::milestone_summary(&state.lib, item),
            )
        }
        (Some(l), Some(m)) => {
            let r = l.marks[m].item;
            let n = t.pane.items.len();
            (format!(" Round {} of {n} ", t.pane.selected + 1), content::round_summary(&state.lib, r))
        }
        _ => (" Nothing selected ".to_string(), Vec::new()),
    };
    let mut block = Block::bordered().title(title).border_style(theme.border(false));
    if let Some(crowd) = crowd(state) {
        block = block.title_bottom(Line::from(crowd).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let wrapped = content::wrap_rows(&rows, inner.width);
    let lines: Vec<Line> = wrapped
        .iter()
        .take(usize::from(inner.height))
        .map(|row| {
            Line::from(
                row.spans
                    .iter()
                    .map(|(tone, text)| Span::styled(text.clone(), theme.tone(*tone)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// ` 2 of 3 in this column: ←/→ ` when the selection shares its column with others.
fn crowd(state: &State) -> Option<String> {
    let t = &state.timeline;
    let lane = t.chart.lanes.get(t.lane)?;
    let mark = t.selected_mark()?;
    let scale = t.scale(geometry(&state.layout, t.chart.lanes.len(), t.label_width).plot.width);
    let column = scale.column(lane.marks.get(mark)?.start);
    match lane.cells(&scale, column, 1).first() {
        Some(&Cell::Marks { first, count }) if count > 1 => Some(format!(
            " {} of {count} in this column: ←/→ steps through them, + zooms in ",
            mark - first + 1
        )),
        _ => None,
    }
}
