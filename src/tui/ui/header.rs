//! The header: the views, the dataset title, the filter in force and the counts.

use super::fit;
use super::theme::Theme;
use crate::text::sanitize_line;
use crate::tui::action::View;
use crate::tui::state::State;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

pub fn render(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    for (n, view) in View::ALL.into_iter().enumerate() {
        let label = format!(" {} {} ", n + 1, view.title());
        let style = if view == state.view { theme.selected() } else { theme.muted() };
        spans.push(Span::styled(label, style));
    }
    let (shown, total, what) = match state.view {
        View::Milestones => (state.milestones.items.len(), state.lib.data().milestones.len(), "milestones"),
        _ => (state.rounds.items.len(), state.lib.data().rounds.len(), "rounds"),
    };
    // "100 of 100 rounds" already says there is no filter; the query is shown when there is.
    let filter =
        if state.filter.applied.is_empty() { String::new() } else { format!(" · {}", state.filter.applied) };
    let counts = match state.loading {
        // Only the top of a large file is in: the total is the estimate, and says so.
        Some(l) if what == "rounds" => {
            format!(
                " {shown} of ~{} {what} · loading…{filter} · sort {} ",
                crate::text::thousands(l.estimate),
                state.sort.label()
            )
        }
        _ => format!(" {shown} of {total} {what}{filter} · sort {} ", state.sort.label()),
    };
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let room = usize::from(area.width).saturating_sub(used + 1);
    let title = sanitize_line(&state.lib.data().title).into_owned();
    let counts = fit(&sanitize_line(&counts), room);
    let title_room = room.saturating_sub(counts.width() + 2);
    spans.push(Span::raw(" "));
    if title_room > 8 {
        spans.push(Span::styled(fit(&title, title_room), Style::new().add_modifier(Modifier::BOLD)));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(counts, theme.muted()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
