//! The table of `talks list`: date, venue, format, status and title, fitted to the
//! terminal's width by display columns (accents and wide characters count right), with an
//! ellipsis where a cell is cut. Ids and dates are never cut (the id is what a user types
//! next); the title gives way first. Off a terminal, cells are never cut.

use crate::dataset::Library;
use crate::text::{pad, sanitize_line};
use unicode_width::UnicodeWidthStr;

const HEADERS: [&str; 6] = ["ID", "DATE", "VENUE", "FORMAT", "STATUS", "TITLE"];

/// One line per round; `width` is the terminal's, or `None` off a terminal.
pub fn render(lib: &Library, rounds: &[usize], width: Option<usize>) -> String {
    let rows: Vec<[String; 6]> = rounds
        .iter()
        .filter_map(|&r| lib.data().rounds.get(r))
        .map(|round| {
            [
                round.id.clone(),
                round.date_label(),
                lib.venue_short(round).to_string(),
                round.format.label().to_string(),
                round.status.label().to_string(),
                round.title.clone(),
            ]
            .map(|cell| sanitize_line(&cell).into_owned())
        })
        .collect();
    let mut widths: Vec<usize> = (0..6)
        .map(|c| rows.iter().map(|r| r[c].width()).chain([HEADERS[c].len()]).max().unwrap_or(0))
        .collect();
    if let Some(total) = width {
        shrink(&mut widths, total);
    }
    let mut out = String::new();
    let header: [String; 6] = HEADERS.map(str::to_string);
    for row in std::iter::once(&header).chain(rows.iter()) {
        let cells: Vec<String> = row.iter().zip(&widths).map(|(cell, &w)| pad(cell, w)).collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// Narrows columns until the table fits: the title first (down to a few words), then the
/// venue, the format and the status. The id and the date keep their width, even if the
/// line then runs past a very narrow terminal.
fn shrink(widths: &mut [usize], total: usize) {
    let gaps = 2 * (widths.len() - 1);
    let minimum = [0, 0, 8, 8, 6, 12];
    let mut over = (widths.iter().sum::<usize>() + gaps).saturating_sub(total);
    for column in [5, 2, 3, 4] {
        let give = over.min(widths[column].saturating_sub(minimum[column]));
        widths[column] -= give;
        over -= give;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_cut_by_display_width() {
        assert_eq!(pad("İstanbul", 10), "İstanbul  ");
        assert_eq!(pad("Consultations", 6), "Consu…");
        assert_eq!(pad("会談会談", 5), "会談…");
    }

    #[test]
    fn shrinking_takes_from_the_title_first() {
        let mut w = vec![20, 10, 10, 13, 9, 60];
        shrink(&mut w, 100);
        assert_eq!(w.iter().sum::<usize>() + 10, 100);
        assert_eq!(w[1], 10, "dates are never cut");
    }

    #[test]
    fn ids_are_never_cut_at_80_columns() {
        let (lib, _) = crate::dataset::open(&[]).expect("the shipped dataset");
        let rounds: Vec<usize> = (0..lib.data().rounds.len()).collect();
        let table = render(&lib, &rounds, Some(80));
        for (line, round) in table.lines().skip(1).zip(&lib.data().rounds) {
            assert!(line.starts_with(&format!("{} ", round.id)), "{line}");
        }
        assert!(table.lines().any(|l| l.ends_with('…')), "titles give way");
    }
}
