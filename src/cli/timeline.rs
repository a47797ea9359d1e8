//! `talks timeline`: the rounds matching a query as a picture in text, one lane per track,
//! at the finest zoom that fits the width, with the legend under it.
//!
//! The layout (lanes, columns, characters, axis) is the `timeline` module's, shared with
//! the browser; this only lays the rows out as lines.

use super::{Output, TimelineArgs};
use crate::dataset::Library;
use crate::query::{self, Query, Sort};
use crate::text::{fit, pad, sanitize_line};
use crate::timeline::{date_of, Timeline, LEGEND};
use crate::Error;

pub fn run(lib: &Library, args: &TimelineArgs, out: &mut Output) -> Result<(), Error> {
    let query = Query::parse_args(&args.query)?;
    let rounds = query::filter(lib, &query, Sort::Date);
    let milestones = query::filter_milestones(lib, &query);
    let timeline = Timeline::build(lib, &rounds, &milestones);
    if timeline.order.is_empty() {
        super::list::no_match(lib, &args.query, "`talks timeline` with no query draws them all");
        return Ok(());
    }
    let width = args.width.map(usize::from).or_else(|| out.is_terminal.then(terminal_width)).unwrap_or(100);
    let picture = picture(lib, &timeline, width);
    if picture.cut {
        super::out::diagnostic(
            "the timeline is cut on the right even a year to a column; widen it with --width",
        );
    }
    out.text(&picture.text)
}

pub struct Picture {
    pub text: String,
    /// Even the coarsest zoom did not fit the width.
    pub cut: bool,
}

/// The whole timeline in `width` columns: a heading, the axis, one line per lane, the legend.
pub fn picture(lib: &Library, timeline: &Timeline, width: usize) -> Picture {
    let labels: Vec<String> =
        (0..timeline.lanes.len()).map(|l| sanitize_line(timeline.label(lib, l)).into_owned()).collect();
    let longest = labels.iter().map(|l| unicode_width::UnicodeWidthStr::width(l.as_str())).max().unwrap_or(0);
    let label_w = longest.min(width / 3).max(1);
    // The label, a space and a bar before the plot.
    let plot_w = width.saturating_sub(label_w + 2).max(1);
    let scale = timeline.fit(plot_w);
    let (first_day, last_day) = timeline.span().unwrap_or((0, 0));
    let first = scale.column(first_day);
    let columns = scale.column(last_day).saturating_sub(first).saturating_add(1);
    let cut = usize::try_from(columns).map_or(true, |c| c > plot_w);
    let shown = usize::try_from(columns).map_or(plot_w, |c| c.min(plot_w));
    let milestones = timeline.lanes.last().filter(|l| l.kind == crate::timeline::LaneKind::Milestones);
    let milestones = milestones.map_or(0, |l| l.marks.len());
    let rounds = timeline.order.len();
    let mut text = format!(
        "{rounds} round{} and {milestones} milestone{}, {} to {}; one column is {}\n\n",
        if rounds == 1 { "" } else { "s" },
        if milestones == 1 { "" } else { "s" },
        date_of(first_day),
        date_of(last_day),
        scale.zoom.label(),
    );
    let blank = " ".repeat(label_w + 2);
    for row in scale.axis(first, shown) {
        text.push_str(&format!("{blank}{}\n", row.trim_end()));
    }
    for (lane, label) in timeline.lanes.iter().zip(&labels) {
        let cells: String = lane.cells(&scale, first, shown).into_iter().map(|c| c.char(lane)).collect();
        text.push_str(&format!("{} │{}\n", pad(&fit(label, label_w), label_w), cells.trim_end()));
    }
    text.push('\n');
    let key_w = LEGEND.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    for (keys, meaning) in LEGEND {
        text.push_str(&format!("{} {meaning}\n", pad(keys, key_w + 1)));
    }
    Picture { text, cut }
}

fn terminal_width() -> usize {
    crossterm::terminal::size().map_or(100, |(w, _)| usize::from(w))
}
