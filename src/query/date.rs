//! Date values of `date:`, `from:` and `to:`, turned into inclusive intervals of days.
//!
//! A value names a year (`2025`), a month (`2025-03`) or a day (`2025-03-24`); `date:` also
//! takes ranges (`2025-02..2025-03`, `2025-03-24..26`, open `..2025-03` or `2025-03..`).
//! `from:D` becomes "from the first day of D on" and `to:D` "up to the last day of D", so
//! every date term is one overlap test against the round's interval.

use crate::model::{DateSpec, Interval};
use chrono::{Datelike, NaiveDate};

const FORMS: &str = "write a year (2025), a month (2025-03) or a day (2025-03-24)";

/// The interval a `date:` value covers.
pub(crate) fn parse_date(value: &str) -> Result<Interval, String> {
    let Some((left, right)) = value.split_once("..") else {
        return point(value);
    };
    if left.is_empty() && right.is_empty() {
        return Err("`..` needs a date on at least one side, as in `2025-03..`".into());
    }
    let start = if left.is_empty() { NaiveDate::MIN } else { point(left)?.start };
    let end = match right {
        "" => NaiveDate::MAX,
        // `2025-03-24..26`, the short form the app itself displays for ranges.
        _ if right.len() <= 2 && left.len() == 10 => short_end(left, right)?,
        _ => point(right)?.end,
    };
    if end < start {
        return Err(format!("the range `{value}` ends before it starts"));
    }
    Ok(Interval { start, end })
}

/// `from:D`: everything from the first day of D on.
pub(crate) fn parse_from(value: &str) -> Result<Interval, String> {
    single(value, "from").map(|d| Interval { start: d.start, end: NaiveDate::MAX })
}

/// `to:D`: everything up to the last day of D.
pub(crate) fn parse_to(value: &str) -> Result<Interval, String> {
    single(value, "to").map(|d| Interval { start: NaiveDate::MIN, end: d.end })
}

fn single(value: &str, field: &str) -> Result<Interval, String> {
    if value.contains("..") {
        return Err(format!("`{field}:` takes one date, not a range; use `date:` for ranges"));
    }
    point(value)
}

/// One year, month or day.
fn point(text: &str) -> Result<Interval, String> {
    let bad = || format!("`{text}` is not a date; {FORMS}");
    let parts: Vec<&str> = text.split('-').collect();
    let year = |y: &str| if y.len() == 4 { number(y).map(|y| y as i32) } else { None };
    let spec = match parts.as_slice() {
        [y] => DateSpec::Year(year(y).ok_or_else(bad)?),
        [y, m] => DateSpec::Month(year(y).ok_or_else(bad)?, month(m).ok_or_else(bad)?),
        [y, m, d] => {
            let (y, m) = (year(y).ok_or_else(bad)?, month(m).ok_or_else(bad)?);
            DateSpec::Day(day(y, m, d).ok_or_else(bad)?)
        }
        _ => return Err(bad()),
    };
    spec.interval().ok_or_else(bad)
}

fn short_end(left: &str, right: &str) -> Result<NaiveDate, String> {
    let first = point(left)?.start;
    let bad = || format!("`{left}..{right}` is not a range of days; write `2025-03-24..26`");
    let day = number(right).ok_or_else(bad)?;
    first.with_day(day).ok_or_else(bad)
}

fn number(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn month(text: &str) -> Option<u32> {
    number(text).filter(|m| text.len() <= 2 && (1..=12).contains(m))
}

fn day(year: i32, month: u32, text: &str) -> Option<NaiveDate> {
    let d = number(text).filter(|_| text.len() <= 2)?;
    NaiveDate::from_ymd_opt(year, month, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn iv(a: &str, b: &str) -> Interval {
        Interval { start: d(a), end: d(b) }
    }

    #[test]
    fn years_months_and_days_cover_their_days() {
        assert_eq!(parse_date("2025"), Ok(iv("2025-01-01", "2025-12-31")));
        assert_eq!(parse_date("2025-02"), Ok(iv("2025-02-01", "2025-02-28")));
        assert_eq!(parse_date("2024-2"), Ok(iv("2024-02-01", "2024-02-29")));
        assert_eq!(parse_date("2025-03-24"), Ok(iv("2025-03-24", "2025-03-24")));
    }

    #[test]
    fn ranges_run_from_the_start_of_one_side_to_the_end_of_the_other() {
        assert_eq!(parse_date("2025-02..2025-03"), Ok(iv("2025-02-01", "2025-03-31")));
        assert_eq!(parse_date("2025-03-24..26"), Ok(iv("2025-03-24", "2025-03-26")));
        let open_start = parse_date("..2025-03").unwrap();
        assert_eq!((open_start.start, open_start.end), (NaiveDate::MIN, d("2025-03-31")));
        let open_end = parse_date("2025-03..").unwrap();
        assert_eq!((open_end.start, open_end.end), (d("2025-03-01"), NaiveDate::MAX));
    }

    #[test]
    fn from_and_to_are_half_open() {
        assert_eq!(parse_from("2025-03").unwrap().start, d("2025-03-01"));
        assert_eq!(parse_from("2025-03").unwrap().end, NaiveDate::MAX);
        assert_eq!(parse_to("2025-03").unwrap().end, d("2025-03-31"));
        assert!(parse_to("2025-02..2025-03").unwrap_err().contains("use `date:` for ranges"));
    }

    #[test]
    fn impossible_dates_are_refused_with_the_accepted_forms() {
        for bad in ["2025-13", "2025-02-30", "25", "2025-03-24-1", "march", "2025-", "-2025", "2025-003"] {
            let err = parse_date(bad).unwrap_err();
            assert!(err.contains("is not a date") && err.contains("2025-03-24"), "{bad}: {err}");
        }
        assert!(parse_date("..").unwrap_err().contains("at least one side"));
        assert!(parse_date("2025-04..2025-03").unwrap_err().contains("ends before it starts"));
        assert!(parse_date("2025-02-27..31").unwrap_err().contains("not a range of days"));
    }
}
