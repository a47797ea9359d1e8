//! Dates with their precision: a day, a range of days, a month or a year.
//!
//! Sources often give less than a day ("last month", "in the coming days"); the model keeps
//! exactly what is known and turns it into an inclusive interval of days for filtering and
//! sorting. Whether a date is approximate is a separate flag on the round.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// When a round took (or will take) place, at the precision the sources give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DateSpec {
    /// One exact day: `Day("2025-02-18")`.
    Day(NaiveDate),
    /// Consecutive days, both inclusive: `Range("2025-06-10", "2025-06-11")`.
    Range(NaiveDate, NaiveDate),
    /// A whole month: `Month(2025, 6)`.
    Month(i32, u32),
    /// A whole year: `Year(2025)`.
    Year(i32),
}

/// An inclusive interval of days.
///
/// Serialized as day numbers, not dates: it is stored (in the load cache's index) but never
/// written for people, and 400,000 dates parsed from text showed in reading the cache back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Interval {
    #[serde(with = "day_number")]
    pub start: NaiveDate,
    #[serde(with = "day_number")]
    pub end: NaiveDate,
}

/// A date as its number of days from the first day of the common era.
mod day_number {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i32(date.num_days_from_ce())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let days = i32::deserialize(deserializer)?;
        NaiveDate::from_num_days_from_ce_opt(days)
            .ok_or_else(|| serde::de::Error::custom(format!("day {days} is not a date")))
    }
}

impl Interval {
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

impl DateSpec {
    /// The days this date covers, or `None` when it is not a real date (month 13, a range
    /// that ends before it starts, a year chrono cannot represent). Validation reports those.
    pub fn interval(&self) -> Option<Interval> {
        let (start, end) = match *self {
            DateSpec::Day(d) => (d, d),
            DateSpec::Range(a, b) => (a, b),
            DateSpec::Month(y, m) => (NaiveDate::from_ymd_opt(y, m, 1)?, last_day_of_month(y, m)?),
            DateSpec::Year(y) => (NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?),
        };
        (start <= end).then_some(Interval { start, end })
    }

    /// The word for the precision, as written in exports (`day`, `range`, `month`, `year`).
    pub fn precision(&self) -> &'static str {
        match self {
            DateSpec::Day(_) => "day",
            DateSpec::Range(..) => "range",
            DateSpec::Month(..) => "month",
            DateSpec::Year(_) => "year",
        }
    }

    /// True when the date names particular days (a day or a range), as calendars need.
    pub fn is_day_precise(&self) -> bool {
        matches!(self, DateSpec::Day(_) | DateSpec::Range(..))
    }

    /// The earliest day, for sorting; dates that are not real sort last.
    pub fn sort_key(&self) -> NaiveDate {
        self.interval().map(|i| i.start).unwrap_or(NaiveDate::MAX)
    }
}

pub(crate) fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month.checked_add(1)?, 1)?
    };
    first_of_next.pred_opt()
}

/// `2025-02-18`, `2025-03-23..25`, `2025-06`, `2025`: compact, sortable, precision visible.
impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DateSpec::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            DateSpec::Range(a, b) if a.year() == b.year() && a.month() == b.month() => {
                write!(f, "{}..{:02}", a.format("%Y-%m-%d"), b.day())
            }
            DateSpec::Range(a, b) => write!(f, "{}..{}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")),
            DateSpec::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            DateSpec::Year(y) => write!(f, "{y:04}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn an_interval_is_stored_as_day_numbers_and_read_back() {
        let i = Interval { start: d("0001-01-01"), end: d("2025-02-27") };
        let json = serde_json::to_string(&i).expect("serializes");
        assert_eq!(json, r#"{"start":1,"end":739309}"#);
        assert_eq!(serde_json::from_str::<Interval>(&json).ok(), Some(i));
        assert!(serde_json::from_str::<Interval>(r#"{"start":1,"end":2147483647}"#).is_err());
    }

    #[test]
    fn month_interval_covers_the_whole_month() {
        let i = DateSpec::Month(2025, 2).interval().unwrap();
        assert_eq!((i.start, i.end), (d("2025-02-01"), d("2025-02-28")));
        let leap = DateSpec::Month(2024, 2).interval().unwrap();
        assert_eq!(leap.end, d("2024-02-29"));
        let dec = DateSpec::Month(2025, 12).interval().unwrap();
        assert_eq!(dec.end, d("2025-12-31"));
    }

    #[test]
    fn invalid_dates_have_no_interval() {
        assert_eq!(DateSpec::Month(2025, 13).interval(), None);
        assert_eq!(DateSpec::Month(2025, 0).interval(), None);
        assert_eq!(DateSpec::Range(d("2025-03-25"), d("2025-03-23")).interval(), None);
    }

    #[test]
    fn display_shows_precision() {
        assert_eq!(DateSpec::Day(d("2025-04-10")).to_string(), "2025-04-10");
        assert_eq!(DateSpec::Range(d("2025-03-23"), d("2025-03-25")).to_string(), "2025-03-23..25");
        assert_eq!(DateSpec::Range(d("2025-03-30"), d("2025-04-02")).to_string(), "2025-03-30..2025-04-02");
        assert_eq!(DateSpec::Month(2025, 6).to_string(), "2025-06");
        assert_eq!(DateSpec::Year(2025).to_string(), "2025");
    }

    #[test]
    fn overlap_is_inclusive() {
        let a = Interval { start: d("2025-03-01"), end: d("2025-03-31") };
        let b = Interval { start: d("2025-03-31"), end: d("2025-04-02") };
        let c = Interval { start: d("2025-04-01"), end: d("2025-04-02") };
        assert!(a.overlaps(&b));
        assert!(!a.overlaps(&c));
    }
}
