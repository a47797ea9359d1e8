//! Where each part of the screen goes, computed from the terminal size alone so that
//! `update` (scrolling, clicks) and `render` agree without sharing mutable state.

use ratatui::layout::Rect;

/// The smallest terminal the app draws in; below it, a message says so.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    pub area: Rect,
    pub header: Rect,
    pub list: Rect,
    pub list_inner: Rect,
    pub detail: Rect,
    pub detail_inner: Rect,
    pub bar: Rect,
    pub footer: Rect,
    pub too_small: bool,
}

impl Layout {
    pub fn new(width: u16, height: u16) -> Layout {
        let area = Rect::new(0, 0, width, height);
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Layout { area, too_small: true, ..Layout::default() };
        }
        let header = Rect::new(0, 0, width, 1);
        let body = Rect::new(0, 1, width, height - 3);
        let bar = Rect::new(0, height - 2, width, 1);
        let footer = Rect::new(0, height - 1, width, 1);
        // The list gets a little under half, never less than a date, a city and a word of
        // title need, and the detail keeps at least 30 columns for prose.
        // In u32: `width * 9` overflows a u16 beyond 7,281 columns.
        let share = u16::try_from(u32::from(width) * 9 / 20).unwrap_or(u16::MAX);
        let list_width = share.max(28).min(width - 30);
        let list = Rect::new(0, body.y, list_width, body.height);
        let detail = Rect::new(list_width, body.y, width - list_width, body.height);
        Layout {
            area,
            header,
            list,
            list_inner: inner(list),
            detail,
            detail_inner: inner(detail),
            bar,
            footer,
            too_small: false,
        }
    }
}

impl Layout {
    /// Everything between the header and the two bottom rows: the views' room.
    pub fn body(&self) -> Rect {
        Rect::new(self.area.x, self.list.y, self.area.width, self.list.height)
    }
}

/// The inside of a bordered block.
fn inner(r: Rect) -> Rect {
    Rect::new(r.x + 1, r.y + 1, r.width.saturating_sub(2), r.height.saturating_sub(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_size_down_to_one_by_one_is_handled() {
        for w in 0..130 {
            for h in 0..40 {
                let l = Layout::new(w, h);
                if !l.too_small {
                    assert!(l.list.width + l.detail.width == w);
                    assert!(l.footer.y < h);
                }
            }
        }
        // The widest terminals too: `width * 9` once overflowed a u16 past 7,281 columns.
        for (w, h) in [(7_282, 40), (40_000, 100), (u16::MAX, u16::MAX)] {
            let l = Layout::new(w, h);
            assert_eq!(l.list.width + l.detail.width, w, "{w}x{h}");
            assert!(l.list.width > 28 && l.detail.width >= 30, "{w}x{h}");
        }
        assert!(Layout::new(59, 30).too_small);
        assert!(!Layout::new(60, 15).too_small);
    }
}
