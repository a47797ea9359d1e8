//! The left pane: rounds, people or topics. Only the visible rows are built.

use super::theme::Theme;
use super::{fit, pad};
use crate::model::Status;
use crate::text::sanitize_line;
use crate::tui::action::View;
use crate::tui::state::{Focus, State};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

pub fn render(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let focused = state.focus == Focus::List;
    let pane = state.pane(state.view);
    let title = match state.view {
        View::Rounds => format!(" Rounds ({}) ", pane.items.len()),
        View::People => format!(" People ({}) · party · rounds ", pane.items.len()),
        View::Topics => format!(" Topics ({}) · rounds · ←/→ fold ", pane.items.len()),
        View::Milestones => format!(" Milestones ({}) ", pane.items.len()),
        View::Timeline => format!(" Rounds ({}) ", pane.items.len()),
    };
    let block = Block::bordered().title(title).border_style(theme.border(focused));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if pane.items.is_empty() {
        frame.render_widget(Paragraph::new(empty_lines(state, theme)), inner);
        return;
    }
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let end = (pane.offset + height).min(pane.items.len());
    // The date column is as wide as the widest visible date, so day-precise lists stay compact.
    let date_w = match state.view {
        View::Rounds => pane.items[pane.offset..end]
            .iter()
            .filter_map(|&r| state.lib.data().rounds.get(r))
            .map(|r| r.date_label().len() + 1)
            .max()
            .unwrap_or(11),
        View::Milestones => pane.items[pane.offset..end]
            .iter()
            .filter_map(|&m| state.lib.data().milestones.get(m))
            .map(|m| m.date_label().len() + 1)
            .max()
            .unwrap_or(11),
        _ => 0,
    };
    let mut titles = match state.view {
        View::Rounds | View::Timeline => round_titles(
            state,
            &pane.items[pane.offset..end],
            width.saturating_sub(round_title_start(date_w, width)),
        ),
        _ => Vec::new(),
    }
    .into_iter();
    let lines: Vec<Line> = (pane.offset..end)
        .map(|i| {
            let item = pane.items[i];
            let line = match state.view {
                View::Rounds | View::Timeline => {
                    round_line(state, theme, item, (date_w, width), titles.next().unwrap_or_default())
                }
                View::People => person_line(state, item, width),
                View::Topics => topic_line(state, item, width),
                View::Milestones => milestone_line(state, item, (date_w, width)),
            };
            // The filter applies to rounds and milestones: show what in each row matched.
            let line = match state.view {
                View::Rounds | View::Timeline | View::Milestones => {
                    let matched =
                        super::highlight::mark(line.spans, &state.filter.highlight, theme.matched());
                    Line::from(matched)
                }
                View::People | View::Topics => line,
            };
            if i == pane.selected {
                let style = if focused { theme.selected() } else { theme.selected_unfocused() };
                line.style(style)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn empty_lines(state: &State, theme: &Theme) -> Vec<Line<'static>> {
    let what = match state.view {
        View::Rounds => "round",
        View::People => "person",
        View::Topics => "topic",
        _ => return vec![Line::styled("Nothing here.", theme.muted())],
    };
    let filter = super::header::current_filter(state);
    if filter.is_empty() {
        return vec![Line::styled("Nothing here.", theme.muted())];
    }
    let mut lines = vec![
        Line::styled(format!("No {what} matches the filter"), theme.error()),
        Line::raw(format!("  {}", sanitize_line(filter))),
        Line::raw(""),
    ];
    // A misspelt value is the likeliest reason: say what the dataset has instead.
    if state.view == View::Rounds && !state.filter.suggestion.is_empty() {
        let terms = sanitize_line(&state.filter.suggestion.join(" ")).into_owned();
        lines.push(Line::styled("Did you mean", theme.ok()));
        lines.push(Line::styled(format!("  {terms}?"), theme.ok()));
        lines.push(Line::raw(""));
    }
    lines.push(Line::raw("Press / to edit the filter,"));
    lines.push(Line::raw("or x to clear it."));
    lines
}

/// The venue's column in a rounds list `width` wide: a narrow list keeps the title readable
/// and leaves the venue to the detail pane.
fn venue_width(width: usize) -> usize {
    if width >= 36 {
        11
    } else {
        0
    }
}

/// Where the title starts in a rounds list: after the mark, the date and the venue.
pub(in crate::tui) fn round_title_start(date_w: usize, width: usize) -> usize {
    2 + date_w + venue_width(width)
}

/// The titles of the visible rounds, cut to `width`: the short title when the title does
/// not fit, and when two different titles would still read the same, each is cut so that
/// where it departs from the other stays in view (`Consul…(round 2)`). Only visible rows
/// are compared, so the work is the screen's, not the dataset's.
fn round_titles(state: &State, rounds: &[usize], width: usize) -> Vec<String> {
    let data = state.lib.data();
    let texts: Vec<String> = rounds
        .iter()
        .map(|&r| {
            data.rounds.get(r).map_or(String::new(), |r| sanitize_line(r.title_for(width)).into_owned())
        })
        .collect();
    let cut: Vec<String> = texts.iter().map(|t| fit(t, width)).collect();
    (0..cut.len())
        .map(|i| {
            let twins = (0..cut.len()).filter(|&j| j != i && cut[j] == cut[i] && texts[j] != texts[i]);
            match twins.map(|j| common_prefix(&texts[i], &texts[j])).max() {
                Some(from) => crate::text::fit_from(&texts[i], width, from),
                None => cut[i].clone(),
            }
        })
        .collect()
}

/// The length in bytes of the start two texts share, at a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices().zip(b.chars()).find(|((_, x), y)| x != y).map_or(a.len().min(b.len()), |((i, _), _)| i)
}

/// `✗ 2025-06       Moscow     Third round …`: status mark, date, city, title.
fn round_line(
    state: &State,
    theme: &Theme,
    r: usize,
    (date_w, width): (usize, usize),
    title: String,
) -> Line<'static> {
    let lib = &state.lib;
    let Some(round) = lib.data().rounds.get(r) else { return Line::raw("") };
    let mark = match round.status {
        Status::Held => " ",
        Status::Cancelled => "✗",
        Status::Postponed => "»",
        Status::Planned | Status::Announced => "○",
    };
    let tone = match round.status {
        Status::Held => theme.muted(),
        other => theme.tone(crate::tui::content::status_tone(other)),
    };
    let date = pad(&round.date_label(), date_w);
    let venue_w = venue_width(width);
    // One column is kept free, so a cut venue never runs into the title.
    let venue = format!("{} ", pad(&sanitize_line(lib.venue_short(round)), venue_w.saturating_sub(1)));
    let venue = if venue_w == 0 { String::new() } else { venue };
    let title_style = if round.status == Status::Held { ratatui::style::Style::new() } else { tone };
    Line::from(vec![
        Span::styled(format!("{mark} "), tone),
        Span::raw(date),
        Span::styled(venue, theme.muted()),
        Span::styled(title, title_style),
    ])
}

/// `Sergey Lavrov        Russia      3`
fn person_line(state: &State, p: usize, width: usize) -> Line<'static> {
    let lib = &state.lib;
    let Some(person) = lib.data().people.get(p) else { return Line::raw("") };
    let count = lib.attendance(p).len();
    let party = person.party.as_deref().map_or("", |id| lib.party_name(id));
    let count = format!("{count:>3}");
    let party_w = 14.min(width / 3);
    let name_w = width.saturating_sub(party_w + 4);
    Line::raw(format!(
        "{} {}{}",
        pad(&sanitize_line(&person.name), name_w),
        pad(&sanitize_line(party), party_w),
        count
    ))
}

/// `  ▸ Direct flights (3)`: indentation shows the tree.
fn topic_line(state: &State, t: usize, width: usize) -> Line<'static> {
    let lib = &state.lib;
    let Some(topic) = lib.data().topics.get(t) else { return Line::raw("") };
    let depth = usize::from(state.topic_depth.get(t).copied().unwrap_or(0));
    let has_children = !lib.children(t).is_empty();
    let folded = state.lists.folded.get(t).copied().unwrap_or(false);
    let mark = match (has_children, folded) {
        (true, true) => "▸ ",
        (true, false) => "▾ ",
        (false, _) => "· ",
    };
    // The count is never cut: the name gives way.
    let count = format!(" ({})", lib.topic_round_count(t));
    let name = format!("{}{mark}{}", "  ".repeat(depth), sanitize_line(&topic.name));
    let name = fit(&name, width.saturating_sub(count.chars().count()));
    Line::raw(fit(&format!("{name}{count}"), width))
}

/// `2025-05-23..25  prisoner exchange  1,000-for-1,000 …`: date, kind, title.
fn milestone_line(state: &State, m: usize, (date_w, width): (usize, usize)) -> Line<'static> {
    let Some(milestone) = state.lib.data().milestones.get(m) else { return Line::raw("") };
    // A long range (`~2025-06-02..2025-07-23`) may not take more than half a narrow pane:
    // the title must stay readable; the detail gives the whole date.
    let date_w = date_w.min(width / 2);
    let date = format!("{} ", pad(&milestone.date_label(), date_w.saturating_sub(1)));
    // The kind's column fits the longest kind ("ceasefire or truce") and a space.
    let kind_w = if width >= 50 { 19 } else { 0 };
    let kind = pad(if kind_w > 0 { milestone.kind.label() } else { "" }, kind_w);
    let title = fit(&sanitize_line(&milestone.title), width.saturating_sub(date_w + kind_w));
    Line::from(vec![Span::raw(date), Span::raw(kind), Span::raw(title)])
}
