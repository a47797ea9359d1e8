//! Finding the round a user names on the command line: its id, or enough of it.
//!
//! Exact ids win, then a case- and accent-insensitive exact id, then a unique prefix. When
//! nothing fits, the message suggests the nearest ids; when several fit, it lists them.

use crate::dataset::{Library, Order};
use crate::text::fold;
use crate::Error;

/// How many ids an ambiguity message lists before summarising the rest.
const LISTED: usize = 8;

/// The index of the round `given` names.
pub fn resolve_round(lib: &Library, given: &str) -> Result<usize, Error> {
    if let Some(i) = lib.round_position(given) {
        return Ok(i);
    }
    let wanted = fold(given.trim());
    if wanted.is_empty() {
        return Err(Error::Round("no round id given; give an id or the start of one".into()));
    }
    let id = |i: usize| lib.keys(i).map_or("", |k| k.id());
    // In chronological order, so an ambiguity lists the candidates as a timeline.
    let order = lib.order(Order::Date);
    let exact: Vec<usize> = order.iter().copied().filter(|&i| id(i) == wanted).collect();
    if let [only] = exact[..] {
        return Ok(only);
    }
    let found: Vec<usize> = order.iter().copied().filter(|&i| id(i).starts_with(&wanted)).collect();
    match found[..] {
        [only] => Ok(only),
        [] => Err(Error::Round(not_found(lib, given, &wanted))),
        _ => Err(Error::Round(ambiguous(lib, given, &found))),
    }
}

/// How alike an id must be to what was typed to be suggested (Jaro–Winkler).
const NEAR: f64 = 0.8;

fn not_found(lib: &Library, given: &str, wanted: &str) -> String {
    // Ids start with a date, so a typed place or name (`istambul`) is also compared with
    // the part after the date.
    let likeness = |id: &str| {
        let slug = id.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-');
        strsim::jaro_winkler(wanted, id).max(strsim::jaro_winkler(wanted, slug))
    };
    let mut near: Vec<(f64, &str)> = lib
        .data()
        .rounds
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((likeness(lib.keys(i)?.id()), r.id.as_str())))
        .filter(|(score, _)| *score >= NEAR)
        .collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let names: Vec<String> = near.iter().take(3).map(|(_, id)| format!("`{id}`")).collect();
    match names.len() {
        _ if lib.data().rounds.is_empty() => format!("no round `{given}`: the dataset has no rounds"),
        0 => format!("no round `{given}`, nor one like it; `talks list` shows every id (a query narrows it: `talks list {given}`)"),
        _ => format!("no round `{given}`; the nearest ids are {}", names.join(", ")),
    }
}

fn ambiguous(lib: &Library, given: &str, found: &[usize]) -> String {
    let ids: Vec<&str> =
        found.iter().take(LISTED).filter_map(|&i| Some(lib.data().rounds.get(i)?.id.as_str())).collect();
    let more = match found.len().saturating_sub(LISTED) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    format!("`{given}` is ambiguous: {}{more}; give more of the id", ids.join(", "))
}
