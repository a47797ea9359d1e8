//! `render(&State, &mut Frame)`: draws the state and changes nothing. One file per part of
//! the screen; each draws only the rows that are visible.

mod compare;
mod copy;
mod detail;
mod dialogs;
mod footer;
mod header;
mod help;
mod highlight;
mod hyperlink;
pub(super) mod list;
pub mod loading;
mod problems;
pub mod theme;
mod timeline;

use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::state::{Overlay, State};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use theme::Theme;

pub fn render(state: &State, frame: &mut Frame) {
    let theme = Theme::with(state.color, state.palette);
    let l = &state.layout;
    let area = frame.area();
    if l.too_small || area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    header::render(state, &theme, frame, l.header);
    if state.view == super::action::View::Timeline {
        timeline::render(state, &theme, frame);
    } else {
        list::render(state, &theme, frame, l.list);
        detail::render(state, &theme, frame, l.detail);
    }
    footer::render_message(state, &theme, frame, l);
    footer::render_bar(state, &theme, frame, l.bar);
    footer::render_keys(state, &theme, frame, l.footer);
    match &state.overlay {
        Overlay::None => {}
        Overlay::Help { scroll } => help::render(*scroll, &theme, frame, l.area),
        Overlay::Venues(p) => dialogs::render_picker(p, &theme, frame, l.area),
        Overlay::Export(d) => {
            let target = state.export_target(&d.path);
            dialogs::render_export(d, &target, &theme, frame, l.area)
        }
        Overlay::Compare(view) => compare::render(view, &theme, frame, l.body()),
        Overlay::Commands(lines) => dialogs::render_commands(lines, &theme, frame, l.area),
        Overlay::Copy(menu) => copy::render(menu, &theme, frame, l.area),
        Overlay::SaveDataset(d) => {
            let target = state.export_target(&d.path);
            dialogs::render_save_dataset(d, &target, &theme, frame, l.area)
        }
        Overlay::Problems { selected } => {
            problems::render(&state.disk_problems, *selected, &theme, frame, l.body())
        }
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = format!("terminal too small (need {MIN_WIDTH}×{MIN_HEIGHT})");
    let line = Line::from(fit(&text, usize::from(area.width)));
    let y = area.y + area.height / 2;
    if area.height > 0 {
        frame.render_widget(Paragraph::new(line).centered(), Rect::new(area.x, y, area.width, 1));
    }
}

pub(crate) use crate::text::{fit, pad};

/// A message wrapped at words to `width` columns, one styled line per row, so that a hint or
/// an error in a box is read whole instead of cut with `…`.
pub(crate) fn wrapped(text: &str, width: usize, style: ratatui::style::Style) -> Vec<Line<'static>> {
    crate::text::wrap_words(text, width, "", true)
        .into_iter()
        .map(|l| Line::styled(l.into_owned(), style))
        .collect()
}

/// A rectangle of at most `w`×`h` centred in `area`.
pub(crate) fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}
