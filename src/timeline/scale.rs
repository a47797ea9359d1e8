//! The time axis: how many days a column holds at each zoom, which column a day falls in,
//! and the labels along the axis (weeks, months or years, as the zoom demands).
//!
//! Days are counted from the start of the common era (`NaiveDate::num_days_from_ce`), so
//! the arithmetic is on integers. Columns of days are aligned on a Monday, so a column of a
//! week is a calendar week; columns of months are calendar months (aligned on January, so a
//! column of three months is a quarter).

use chrono::{Datelike, NaiveDate};

/// A day as an integer: days since 1 January of year 1 (day 1).
pub type Day = i32;

/// How much time one column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    Days(u8),
    Months(u8),
}

/// Every zoom, finest first; `+` and `-` step through them.
pub const ZOOMS: [Zoom; 8] = [
    Zoom::Days(1),
    Zoom::Days(2),
    Zoom::Days(4),
    Zoom::Days(7),
    Zoom::Days(14),
    Zoom::Months(1),
    Zoom::Months(3),
    Zoom::Months(12),
];

impl Zoom {
    /// `1 day`, `1 week`, `1 quarter`: what one column holds, for people.
    pub fn label(self) -> &'static str {
        match self {
            Zoom::Days(1) => "1 day",
            Zoom::Days(2) => "2 days",
            Zoom::Days(4) => "4 days",
            Zoom::Days(7) => "1 week",
            Zoom::Days(14) => "2 weeks",
            Zoom::Months(1) => "1 month",
            Zoom::Months(3) => "1 quarter",
            Zoom::Months(12) => "1 year",
            Zoom::Days(_) => "some days",
            Zoom::Months(_) => "some months",
        }
    }
}

/// A zoom anchored at the first day shown, turning days into columns and back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub zoom: Zoom,
    /// The Monday on or before the first day: column 0 of a zoom in days starts there.
    origin_day: Day,
    /// January of the first day's year, as `year * 12 + month - 1`: column 0 of a zoom in
    /// months starts there.
    origin_month: i64,
}

impl Scale {
    pub fn new(zoom: Zoom, first: Day) -> Scale {
        let date = date_of(first);
        let origin_day = first.saturating_sub(date.weekday().num_days_from_monday() as Day);
        Scale { zoom, origin_day, origin_month: i64::from(date.year()) * 12 }
    }

    /// The column `day` falls in (negative before the origin).
    pub fn column(&self, day: Day) -> i64 {
        match self.zoom {
            Zoom::Days(n) => (i64::from(day) - i64::from(self.origin_day)).div_euclid(i64::from(n.max(1))),
            Zoom::Months(n) => {
                let date = date_of(day);
                let month = i64::from(date.year()) * 12 + i64::from(date.month0());
                (month - self.origin_month).div_euclid(i64::from(n.max(1)))
            }
        }
    }

    /// The first day of column `column`. Columns beyond the calendar chrono knows saturate.
    pub fn start(&self, column: i64) -> Day {
        match self.zoom {
            Zoom::Days(n) => {
                let day =
                    i64::from(self.origin_day).saturating_add(column.saturating_mul(i64::from(n.max(1))));
                day.clamp(i64::from(Day::MIN), i64::from(Day::MAX)) as Day
            }
            Zoom::Months(n) => {
                let month = self.origin_month.saturating_add(column.saturating_mul(i64::from(n.max(1))));
                first_of_month(month)
            }
        }
    }

    /// The two rows of labels over the columns `first..first + width`: the coarse unit
    /// (months, or years) above, the fine one (weeks, or months) below. Each row is exactly
    /// `width` characters, all one column wide; a label that would touch the one before it
    /// is left out, and the coarse row names the period the window opens in.
    pub fn axis(&self, first: i64, width: usize) -> [String; 2] {
        let end = first.saturating_add(width as i64);
        let (from, to) = (self.start(first), self.start(end));
        let mut major = Row::new(width);
        let mut minor = Row::new(width);
        match self.zoom {
            Zoom::Days(1 | 2) => {
                for (day, date) in months(from, to) {
                    let label = format!("{} {}", MONTHS[date.month0() as usize], date.year());
                    major.place(self.column(day).saturating_sub(first), &label);
                }
                major.place_opening(&{
                    let d = date_of(from);
                    format!("{} {}", MONTHS[d.month0() as usize], d.year())
                });
                let monday =
                    from.saturating_add((7 - date_of(from).weekday().num_days_from_monday() as Day) % 7);
                let mut day = monday;
                while day < to {
                    minor.place(self.column(day).saturating_sub(first), &date_of(day).day().to_string());
                    day = day.saturating_add(7);
                    if day == Day::MAX {
                        break;
                    }
                }
            }
            Zoom::Days(_) | Zoom::Months(1) => {
                self.years(&mut major, first, from, to);
                let short = !matches!(self.zoom, Zoom::Days(4 | 7));
                let label = |date: NaiveDate| {
                    let name = MONTHS[date.month0() as usize];
                    if short {
                        &name[..1]
                    } else {
                        name
                    }
                };
                for (day, date) in months(from, to) {
                    minor.place(self.column(day).saturating_sub(first), label(date));
                }
                minor.place_opening(label(date_of(from)));
            }
            Zoom::Months(_) => self.years(&mut major, first, from, to),
        }
        [major.text(), minor.text()]
    }

    fn years(&self, row: &mut Row, first: i64, from: Day, to: Day) {
        let (y0, y1) = (date_of(from).year(), date_of(to).year());
        for year in y0..=y1 {
            if let Some(date) = NaiveDate::from_ymd_opt(year, 1, 1) {
                let day = date.num_days_from_ce();
                if day >= from && day < to {
                    row.place(self.column(day).saturating_sub(first), &year.to_string());
                }
            }
        }
        row.place_opening(&y0.to_string());
    }
}

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The first day of each month starting in `from..to`.
fn months(from: Day, to: Day) -> impl Iterator<Item = (Day, NaiveDate)> {
    let (start, stop) = (date_of(from), date_of(to));
    let mut month = i64::from(start.year()) * 12 + i64::from(start.month0());
    if start.day() != 1 {
        month += 1;
    }
    // Bounded by the month of `to` too: near the end of chrono's calendar the first of a
    // month saturates and would never reach `to`.
    let last = i64::from(stop.year()) * 12 + i64::from(stop.month0());
    std::iter::from_fn(move || {
        if month > last {
            return None;
        }
        let day = first_of_month(month);
        month += 1;
        (day < to).then(|| (day, date_of(day)))
    })
}

/// The date of a day number; days outside chrono's calendar saturate at its ends.
pub fn date_of(day: Day) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(if day < 0 { NaiveDate::MIN } else { NaiveDate::MAX })
}

/// The day number of a date.
pub fn day_of(date: NaiveDate) -> Day {
    date.num_days_from_ce()
}

/// The first day of the month `year * 12 + month0`, saturating outside chrono's calendar.
fn first_of_month(month: i64) -> Day {
    let year = month.div_euclid(12);
    let month0 = month.rem_euclid(12) as u32;
    match i32::try_from(year).ok().and_then(|y| NaiveDate::from_ymd_opt(y, month0 + 1, 1)) {
        Some(date) => date.num_days_from_ce(),
        None if year < 0 => day_of(NaiveDate::MIN),
        None => day_of(NaiveDate::MAX),
    }
}

/// One row of axis labels being laid out.
struct Row {
    cells: Vec<char>,
    /// The column just after the last label placed, so the next keeps a space from it.
    free_from: i64,
    /// Where the first label placed starts, so the opening label can stop before it.
    first_label: Option<i64>,
}

impl Row {
    fn new(width: usize) -> Row {
        Row { cells: vec![' '; width], free_from: 0, first_label: None }
    }

    /// Writes `label` from `column` when it fits inside the row and clear of the previous one.
    fn place(&mut self, column: i64, label: &str) {
        let len = label.chars().count() as i64;
        if column < self.free_from || column < 0 || column > self.cells.len() as i64 - len {
            return;
        }
        for (i, c) in label.chars().enumerate() {
            self.cells[column as usize + i] = c;
        }
        self.first_label.get_or_insert(column);
        self.free_from = column + len + 1;
    }

    /// Names the period the window opens in at column 0, when no label is already there
    /// and it ends a space before the first one.
    fn place_opening(&mut self, label: &str) {
        let len = label.chars().count() as i64;
        let room = self.first_label.unwrap_or(self.cells.len() as i64);
        if self.first_label == Some(0) || len + 1 > room {
            return;
        }
        for (i, c) in label.chars().enumerate() {
            self.cells[i] = c;
        }
    }

    fn text(self) -> String {
        self.cells.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        day_of(s.parse().unwrap())
    }

    #[test]
    fn weeks_start_on_monday_and_months_are_calendar_months() {
        // 2025-02-12 is a Wednesday; its week starts on Monday 10 February.
        let s = Scale::new(Zoom::Days(7), day("2025-02-12"));
        assert_eq!(s.column(day("2025-02-10")), 0);
        assert_eq!(s.column(day("2025-02-16")), 0);
        assert_eq!(s.column(day("2025-02-17")), 1);
        assert_eq!(s.start(1), day("2025-02-17"));
        let m = Scale::new(Zoom::Months(1), day("2025-02-12"));
        assert_eq!(m.column(day("2025-01-31")), 0);
        assert_eq!(m.column(day("2025-02-01")), 1);
        assert_eq!(m.start(13), day("2026-02-01"));
        let q = Scale::new(Zoom::Months(3), day("2025-02-12"));
        assert_eq!(q.column(day("2025-03-31")), 0);
        assert_eq!(q.column(day("2025-04-01")), 1);
    }

    #[test]
    fn every_day_falls_in_the_column_that_starts_on_or_before_it() {
        for zoom in ZOOMS {
            let s = Scale::new(zoom, day("2025-02-12"));
            for d in day("2024-11-01")..day("2026-05-01") {
                let c = s.column(d);
                assert!(s.start(c) <= d && d < s.start(c + 1), "{zoom:?} {}", date_of(d));
            }
        }
    }

    #[test]
    fn the_axis_names_months_and_weeks_or_years_and_months() {
        let s = Scale::new(Zoom::Days(1), day("2025-06-01"));
        let first = s.column(day("2025-06-01"));
        let [major, minor] = s.axis(first, 40);
        assert_eq!(major.chars().count(), 40);
        assert!(major.starts_with("Jun 2025"), "{major:?}");
        assert_eq!(major.find("Jul 2025"), Some(30), "{major:?}");
        // Mondays in June 2025: the 2nd, 9th, 16th …
        assert!(minor.starts_with(" 2      9      16"), "{minor:?}");
        let w = Scale::new(Zoom::Days(7), day("2025-02-12"));
        let [major, minor] = w.axis(0, 60);
        assert!(major.starts_with("2025"), "{major:?}");
        assert!(major.contains("2026"), "{major:?}");
        assert!(minor.contains("Mar") && minor.contains("Dec"), "{minor:?}");
    }

    #[test]
    fn extreme_columns_saturate_instead_of_overflowing() {
        for zoom in ZOOMS {
            let s = Scale::new(zoom, day("2025-01-01"));
            let _ = s.start(i64::MAX);
            let _ = s.start(i64::MIN);
            let _ = s.axis(i64::MAX - 5, 10);
            let _ = s.column(Day::MAX);
            let _ = s.column(Day::MIN);
        }
    }
}
