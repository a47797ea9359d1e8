//! The header: the views, the dataset title, the filter in force in the view on screen and
//! the counts.

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
    let data = state.lib.data();
    let (shown, total, what) = match state.view {
        View::Milestones => (state.milestones.items.len(), data.milestones.len(), "milestones"),
        View::People => (state.people.items.len(), data.people.len(), "people"),
        View::Topics => (state.topics.items.len(), data.topics.len(), "topics"),
        View::Rounds | View::Timeline => (state.rounds.items.len(), data.rounds.len(), "rounds"),
    };
    // The filter of this view only: People and Topics have their own; the others share the
    // rounds' query. "100 of 100 rounds" already says there is none.
    let text = current_filter(state);
    let filter = if text.is_empty() { String::new() } else { format!(" · {text}") };
    let sort = match state.view {
        View::People | View::Topics => String::new(),
        _ => format!(" · sort {}", state.sort.label()),
    };
    let counts = match state.loading {
        // Only the top of a large file is in: the total is the estimate, and says so.
        Some(l) if what == "rounds" => {
            format!(" {shown} of ~{} {what} · loading…{filter}{sort} ", crate::text::thousands(l.estimate))
        }
        _ => format!(" {shown} of {total} {what}{filter}{sort} "),
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

/// The filter in force in the view on screen: its own in People and Topics, else the
/// rounds' query.
pub(super) fn current_filter(state: &State) -> &str {
    match state.view {
        View::People => &state.lists.people_filter,
        View::Topics => &state.lists.topics_filter,
        _ => &state.filter.applied,
    }
}
