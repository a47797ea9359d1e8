//! OSC 8 hyperlinks in ratatui cells: the terminal shows the text, and a click (Ctrl- or
//! Cmd-click in most) opens the address.
//!
//! Each cell of the text gets its own complete sequence, opened and closed around its one
//! character (`ESC ] 8 ; id=… ; URL ESC \ c ESC ] 8 ; ; ESC \`), with a forced width of the
//! character's columns, so that ratatui's diff, which redraws only the cells that changed,
//! never leaves a link open over other text, and never counts the escape's characters as
//! columns. The shared `id` makes terminals treat the cells as one link. An address with
//! anything but printable ASCII is left as plain text: it would end the sequence early.

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use std::num::NonZeroU16;
use unicode_width::UnicodeWidthStr;

/// Addresses longer than this are left plain (terminals drop longer ones anyway).
const LONGEST: usize = 2048;

/// True when `url` can be put inside an OSC 8 sequence as it is.
pub fn safe(url: &str) -> bool {
    !url.is_empty() && url.len() <= LONGEST && url.bytes().all(|b| (0x21..=0x7e).contains(&b))
}

/// Makes the cells of `area` (the text of the link) a hyperlink to `url`.
pub fn link(buf: &mut Buffer, area: Rect, url: &str, id: &str) {
    if !safe(url) {
        return;
    }
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            let symbol = cell.symbol().to_string();
            // The second column of a wide character has no symbol of its own.
            let Some(width) = u16::try_from(symbol.width()).ok().and_then(NonZeroU16::new) else { continue };
            cell.set_symbol(&format!("\x1b]8;id={id};{url}\x1b\\{symbol}\x1b]8;;\x1b\\"));
            cell.set_diff_option(CellDiffOption::ForcedWidth(width));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_cell_is_a_whole_link_of_its_own_width() {
        let mut buf = Buffer::with_lines(["ab会x"]);
        link(&mut buf, Rect::new(0, 0, 4, 1), "https://e.org/a", "s1");
        assert_eq!(buf[(0, 0)].symbol(), "\x1b]8;id=s1;https://e.org/a\x1b\\a\x1b]8;;\x1b\\");
        assert_eq!(buf[(0, 0)].diff_option, CellDiffOption::ForcedWidth(NonZeroU16::MIN));
        assert_eq!(buf[(2, 0)].diff_option, CellDiffOption::ForcedWidth(NonZeroU16::new(2).unwrap()));
        assert_eq!(buf[(4, 0)].symbol(), "x", "outside the area");
    }

    #[test]
    fn an_address_that_could_end_the_sequence_is_left_plain() {
        for url in ["https://e.org/\x1b\\x", "https://e.org/a b", "https://e.org/\u{e9}", ""] {
            assert!(!safe(url), "{url:?}");
            let mut buf = Buffer::with_lines(["abc"]);
            link(&mut buf, Rect::new(0, 0, 3, 1), url, "s1");
            assert_eq!(buf[(0, 0)].symbol(), "a");
        }
    }
}
